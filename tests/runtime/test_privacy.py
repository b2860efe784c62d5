"""Personal data is masked in the forms people type it; ordinary numbers in a
situation (amounts, dates, article and document numbers) are not; and every
regular expression that sees user text is linear (runtime/privacy.py)."""
import re
from re import _constants as sre_constants
from re import _parser as sre_parse

import pytest

from runtime import privacy
from runtime.privacy import mask, mask_value
from bench import pii_corpus

# ------------------------------------------------------------------ the table of formats
# (docs/security.md lists the same table) one test per format and variant
MASKED = [
    # 身份证号: 18 digits (or X), 15 digits, with spaces or dashes, full-width
    ("我的身份证号是110101199003071234", "我的身份证号是[身份证号]"),
    ("身份证 11010119900307123X 请查", "身份证 [身份证号] 请查"),
    ("身份证 11010119900307123x", "身份证 [身份证号]"),
    ("老身份证110101900307123", "老身份证[身份证号]"),
    ("110101 19900307 1234", "[身份证号]"),
    ("110101-19900307-1234", "[身份证号]"),
    ("1101 0119 9003 0712 34", "[身份证号]"),
    ("１１０１０１１９９００３０７１２３Ｘ", "[身份证号]"),
    # mobile numbers: separators, +86 / 0086, full-width, Chinese numerals
    ("电话13812345678", "电话[手机号]"),
    ("手机 138-1234-5678，微信同号", "手机 [手机号]，微信同号"),
    ("电话138.1234.5678", "电话[手机号]"),
    ("138 - 1234 - 5678", "[手机号]"),
    ("+86 139 1234 5678", "[手机号]"),
    ("0086-13912345678", "[手机号]"),
    ("全角１３８１２３４５６７８", "全角[手机号]"),
    ("我的电话一三八一二三四五六七八", "我的电话[手机号]"),
    ("幺三八 幺二三四 五六七八", "[手机号]"),
    ("一八六〇〇〇〇一二三四", "[手机号]"),
    ("13812345678 13998765432", "[手机号] [手机号]"),
    ("13812345678/13998765432", "[手机号]/[手机号]"),
    # bank cards (Luhn)
    ("卡号6228480402564890018", "卡号[银行卡号]"),
    ("6222 0202 0002 0000 002", "[银行卡号]"),
    ("4111-1111-1111-1111", "[银行卡号]"),
    # landlines with their area code
    ("单位电话0771-2812345", "单位电话[电话]"),
    ("(0771)2812345", "[电话]"),
    ("（０７７１）２８１２３４５", "[电话]"),
    ("010 6275 1234", "[电话]"),
    ("+86 771 2812345", "[电话]"),
    ("电话：010-62751234转8001", "电话：[电话]转8001"),
    # passports
    ("护照E12345678", "护照[护照号]"),
    ("护照号EA1234567", "护照号[护照号]"),
    ("护照 G 12345678。", "护照 [护照号]。"),
    # e-mail
    ("邮箱 wang.li+biz@example.com.cn 联系", "邮箱 [邮箱] 联系"),
    ("13812345678@163.com", "[邮箱]"),
    ("zhang＠qq.com", "[邮箱]"),
    # several in one message, the rest of it kept
    ("我是退役军人，在柳州，电话13812345678，想贷款", "我是退役军人，在柳州，电话[手机号]，想贷款"),
    ("身份证110101199003071234，电话138 1234 5678，邮箱a@b.cn",
     "身份证[身份证号]，电话[手机号]，邮箱[邮箱]"),
]


@pytest.mark.parametrize("raw, masked", MASKED)
def test_personal_data_is_masked(raw, masked):
    assert mask(raw) == masked


@pytest.mark.parametrize("text", [
    "我想贷款30万元", "2023年毕业的大学生", "第12条详细说说", "第十二条", "第三十五条第二款",
    "注册资本10000000元", "1,000,000元", "国发〔2018〕32号", "桂政办发〔2021〕15号", "财税[2019]22号",
    "2021—2023年", "2021-2023年", "2023-01-15", "20230115", "2023.01.15", "1990年3月出生",
    "12345678901",            # 11 digits but not a mobile prefix
    "1381234567",             # 10 digits: not a phone number
    "138123456789",           # 12 digits: not one either
    "110101199013071234",     # month 13: not a 身份证号
    "6228480402564890017",    # fails the Luhn check
    "0771-1234567",           # a local number does not start with 1
    "12345", "95588", "400-123-4567", "邮编530022", "2019 2020 2021 2022",
    "一二三四五六七八九十", "E1234567", "我在图们，想申请创业担保贷款",
])
def test_ordinary_numbers_and_text_are_kept(text):
    assert mask(text) == text


def test_empty_none_and_values():
    assert mask("") == "" and mask(None) is None
    assert mask_value({"phone": "13812345678", "n": 3, "list": ["a@b.cn", None]}) == \
        {"phone": "[手机号]", "n": 3, "list": ["[邮箱]", None]}


def test_masking_twice_changes_nothing():
    once = mask(MASKED[-1][0])
    assert mask(once) == once


# ------------------------------------------------------------------ the generated corpus
def _remaining_digits(text: str) -> str:
    return "".join(privacy._VALUE.get(c, "") for c in text)


def test_the_generated_corpus_has_no_identifier_left_and_no_number_masked():
    examples, keep = pii_corpus.examples(), pii_corpus.non_examples()
    assert len(examples) >= 2000 and len(keep) >= 2000
    left, wrong_label = [], []
    for e in examples:
        out = mask(e.text)
        if e.raw in out or (e.digits and e.digits in _remaining_digits(out)):
            left.append(e)
        elif pii_corpus.LABELS[e.kind] not in out:
            wrong_label.append((e, out))
    masked = [(t, mask(t)) for t in keep if mask(t) != t]
    assert not left, f"{len(left)} of {len(examples)} identifiers left, e.g. {left[:5]}"
    assert not wrong_label, wrong_label[:5]
    assert not masked, f"{len(masked)} of {len(keep)} ordinary texts changed, e.g. {masked[:5]}"


def test_the_corpus_is_the_same_every_run():
    assert pii_corpus.examples(5) == pii_corpus.examples(5)
    assert pii_corpus.non_examples(20) == pii_corpus.non_examples(20)


# ------------------------------------------------------------------ linear time
def unbounded_repeats(pattern: re.Pattern) -> list:
    """The repeats of a compiled pattern without an upper bound (*, +, {n,})."""
    found = []

    def walk(items):
        for op, arg in items:
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                if arg[1] == sre_constants.MAXREPEAT:
                    found.append((op, arg[0]))
                walk(arg[2])
            elif op == sre_constants.SUBPATTERN:
                walk(arg[3])
            elif op == sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(arg[1])
            elif op == sre_constants.ATOMIC_GROUP:
                walk(arg)
            elif op == sre_constants.GROUPREF_EXISTS:
                walk(arg[1])
                if arg[2]:
                    walk(arg[2])
    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    return found


# Patterns that never see what people type: the held-out NLU file's annotations.
NOT_USER_TEXT = {("staff.export", "_ANNOTATION")}


def runtime_patterns():
    """Every compiled pattern of the modules that read what people type: runtime/, the
    staff application (staff/) and the dialogue's reading of a message (bot/reading, bot/dialogue)."""
    import importlib
    import pkgutil

    import bot.dialogue
    import bot.reading
    import runtime
    import staff

    names = [m.name for package, prefix in ((runtime, "runtime."), (staff, "staff."), (bot.reading, "bot.reading."),
                                            (bot.dialogue, "bot.dialogue."))
             for m in pkgutil.walk_packages(package.__path__, prefix=prefix) if not m.ispkg]
    for name in sorted(names):
        if name in ("runtime.__main__", "staff.__main__"):
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and (name, attr) not in NOT_USER_TEXT:
                yield f"{name}.{attr}", value
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, re.Pattern):
                        yield f"{name}.{attr}[{key}]", item


def test_every_pattern_that_sees_user_text_is_bounded():
    patterns = dict(runtime_patterns())
    assert "runtime.privacy.EMAIL" in patterns and "runtime.channels.telegram_updates._COMMAND_RE" in patterns
    assert "bot.reading.clauses._BREAK" in patterns
    offenders = {name: unbounded_repeats(p) for name, p in patterns.items() if unbounded_repeats(p)}
    assert not offenders, offenders


def test_the_check_finds_the_old_quadratic_email_pattern():
    old = re.compile(r"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
    assert len(unbounded_repeats(old)) == 5


ADVERSARIAL = {
    "letters": "a" * 64_000,
    "digits": "1" * 64_000,
    "spaced digits": "1 " * 32_000,
    "dashed digits": "1 - " * 16_000,
    "address characters before an @": "a." * 32_000 + "@",
    "many @": "a@" * 32_000,
    "Chinese numerals": "一" * 64_000,
    "brackets and digits": "(1" * 32_000,
    "passport-like": "E1" * 32_000,
    "almost an e-mail": ("a" * 60 + "@b.") * 1_000,
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_inputs_are_masked_correctly(name):
    text = ADVERSARIAL[name]
    out = mask(text)
    assert len(out) <= len(text)
    assert mask(text + " 电话13812345678") == out + " 电话[手机号]"


def test_an_identifier_inside_a_long_message_is_still_masked():
    text = "我想创业" * 300 + "电话13812345678" + "谢谢" * 300
    assert "13812345678" not in mask(text) and "[手机号]" in mask(text)

