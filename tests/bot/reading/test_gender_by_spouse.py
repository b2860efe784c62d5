"""One's own husband or wife, told in a message that asks nothing and says where or who the
person is (我老公是现役军人 我在南宁…), tells the person's gender; a message asking about the
spouse, or only about the spouse, does not (bot/reading)."""
import pytest

from bot.rules import default_kb
from bot.reading import read

KB = default_kb()


@pytest.mark.parametrize("text, gender", [("我老公是现役军人 我在南宁想开个小吃店", "female"),
                                          ("我跟我老公在延吉开了个饭店", "female"),
                                          ("俺家孩子他爸在外面打工 俺在家想养点鸡", "female"),
                                          ("我老婆在家带孩子 我想在柳州开个汽修店", "male"),
                                          ("俺媳妇也想干 在柳州", "male")])
def test_ones_own_spouse_told_as_a_fact_gives_the_gender(text, gender):
    assert read(KB, text).facts.get("gender") == gender


@pytest.mark.parametrize("text", ["我老公能申请吗", "我老婆可以享受这个吗", "老公是退伍的有啥政策",
                                  "我老婆也想一起搞 她没当过兵 她能享受不", "再问一下 我媳妇是残疾人 她能干个啥",
                                  "我老公和我老婆", "我老公的厂子倒闭了 他没工作"])
def test_a_question_about_a_spouse_or_no_clear_spouse_tells_nothing(text):
    assert "gender" not in read(KB, text).facts



def test_a_military_wife_is_shown_the_womens_measures_too():
    from tests.bot.dialogue.test_conversation import Chat
    c = Chat()
    c.say("我老公是现役军人 我在南宁想开个小吃店")
    assert "巾帼" in c.text and "您的性别" not in c.text, c.text
