"""Personal data is masked; ordinary numbers in a situation are not."""
import pytest

from runtime.privacy import mask


@pytest.mark.parametrize("raw, masked", [
    ("我的身份证号是110101199003071234", "我的身份证号是[身份证号]"),
    ("身份证 11010119900307123X 请查", "身份证 [身份证号] 请查"),
    ("老身份证110101900307123", "老身份证[身份证号]"),
    ("电话13812345678", "电话[手机号]"),
    ("手机 138-1234-5678，微信同号", "手机 [手机号]，微信同号"),
    ("+86 139 1234 5678", "[手机号]"),
    ("全角１３８１２３４５６７８", "全角[手机号]"),
    ("邮箱 wang.li+biz@example.com.cn 联系", "邮箱 [邮箱] 联系"),
    ("我是退役军人，在柳州，电话13812345678，想贷款", "我是退役军人，在柳州，电话[手机号]，想贷款"),
])
def test_personal_data_is_masked(raw, masked):
    assert mask(raw) == masked


@pytest.mark.parametrize("text", [
    "我想贷款30万元", "2023年毕业的大学生", "第12条详细说说", "注册资本10000000元",
    "12345678901",            # 11 digits but not a mobile prefix
    "1381234567",             # 10 digits: not a phone number
    "我在图们，想申请创业担保贷款",
])
def test_ordinary_numbers_and_text_are_kept(text):
    assert mask(text) == text


def test_empty_and_none():
    assert mask("") == "" and mask(None) is None
