"""How long a matter takes (营业执照要多久能办下来) is a time no text gives: the reply says so,
names the offices that handle the matter, and shows the measures on it, whatever intent the
NLU guessed (papers, contact)."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("intent", ["ask_materials", "ask_contact", "inform"])
def test_how_long_a_licence_takes_is_unstated_and_the_registration_office_is_named(intent):
    c = Chat()
    c.say("俺是从广东打工回来的 在桂平 想养鸭子")
    c.say("营业执照要多久能办下来", intent)
    assert "没有写明" in c.text and "市场监督管理" in c.text, c.text
    assert "材料" not in c.text and "您是说哪一项" not in c.text, c.text
    assert "登记" in c.text, c.text           # the registration measures follow


def test_the_offices_named_are_the_few_most_of_the_measures_name():
    c = Chat()
    c.say("俺是从广东打工回来的 在桂平 想养鸭子")
    c.say("注册公司要几天", "ask_materials")
    first = c.text.splitlines()[0]
    assert "没有写明" in first and "市场监督管理" in first, first
    assert first.count("、") <= 1 and "大数据" not in first, first


def test_papers_asked_without_a_time_still_get_the_papers_answer():
    c = Chat()
    c.say("俺是从广东打工回来的 在桂平 想养鸭子")
    c.say("办营业执照要带啥材料", "ask_materials")
    assert "材料" in c.text, c.text
