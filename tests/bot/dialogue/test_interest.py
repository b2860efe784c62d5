"""A question about a loan's interest is answered from the texts that speak of interest,
quoted, with the office, and says the rate is for the bank and the office to tell."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("text", ["利息谁出", "利息高不高", "利率多少"])
def test_interest_is_answered_from_the_texts_that_speak_of_it(text):
    c = Chat(region="四平", groups=["unemployed"], gender="male", needs=["financing"])
    c.say("贷款")
    c.say(text)
    assert "贴息" in c.text and "税收优惠" not in c.text and "额度" not in c.text, c.text
    assert "人力资源和社会保障" in c.text and "经办银行" in c.text



def test_who_pays_the_interest_after_one_loans_answer_is_answered_from_the_texts_not_as_its_amount():
    c = Chat(region="南宁", groups=["overseas_returnee"], gender="male")
    c.say("有没有贷款")
    c.say("贴息那个能贴多少", "ask_amount")
    c.say("利息谁出", "ask_amount")     # the intent the NLU gives it
    assert "贴息" in c.text and "经办银行" in c.text and "和刚才一样" not in c.text, c.text


def test_a_measure_named_with_its_interest_is_that_measures_answer():
    c = Chat(region="南宁", groups=["overseas_returnee"], gender="male")
    c.say("有没有贷款")
    c.say("桂惠贷 利息几多", "ask_amount")
    assert "桂惠贷" in c.text.splitlines()[0], c.text
