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

