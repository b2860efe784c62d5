"""Whether a document named by its place or years still holds is answered for that document;
which bank to go to says the documents name none, and which texts speak of banks."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("text", ["这个广西的计划是2021到2023的吧 现在还能用不", "2021到2023那个还管用不"])
def test_a_plan_named_by_its_place_or_years_gets_its_own_period(text):
    c = Chat(region="北流", groups=["returning_migrant_worker"], gender="male", needs=["financing"])
    c.say("贷款")
    c.say(text)
    assert "《广西双创三年行动计划（2021—2023年）》" in c.text and "已结束" in c.text, c.text
    assert "乡村振兴促进法" not in c.text


def test_which_bank_says_none_is_named_and_who_leads_the_bank_measures():
    c = Chat(region="白城", groups=["rural_low_income"], gender="male", needs=["financing"])
    c.say("银行能贷款不")
    c.say("找哪个银行啊")
    assert "没有指定哪家银行" in c.text and "银行保险监督管理委员会吉林监管局" in c.text, c.text


def test_a_measure_named_beside_the_years_is_answered_for_that_measure():
    c = Chat(region="南宁", groups=["veteran"], gender="male", needs=["financing"])
    c.say("贷款")
    c.say("贴息那个还有效吗 我看是2021到2023的")
    assert "贴息" in c.text and "《广西双创三年行动计划（2021—2023年）》" in c.text and "已结束" in c.text, c.text
