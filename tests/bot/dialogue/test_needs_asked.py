"""Needs said and asked in one message: the one asked about is shown first."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("text, first, second", [("想盖个厂房 钱不够 能贷款不", "贷款/补贴", "场地/孵化"),
                                                 ("本钱不够 想租个厂房 租金能补不", "场地/孵化", "贷款/补贴")])
def test_the_need_asked_about_is_the_category_shown(text, first, second):
    c = Chat(region="周口", groups=["rural_entrepreneur"], gender="male")
    c.say(text)
    assert c.text.startswith(first) and not c.text.startswith(second), c.text
    assert set(c.slots["needs"]) == {"financing", "premises"}
