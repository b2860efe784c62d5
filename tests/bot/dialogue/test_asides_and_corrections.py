"""Messages beside the point: a place corrected while a yes/no question is open, plans to
go and ask, and small talk each get a fitting reply and lose nothing."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


def test_a_place_corrected_while_a_question_is_open_keeps_the_question():
    c = Chat()
    c.say("我是留学生 想在长春开个咖啡馆")
    assert "留学人员吗" in c.text, c.text
    c.say("不对 我在吉林市不是长春")
    assert c.slots["region"].endswith("吉林市") and "吉林市" in c.text and "留学人员吗" in c.text, c.text
    assert "overseas_returnee" not in (c.slots.get("groups") or ())
    c.say("是的")
    assert "overseas_returnee" in c.slots["groups"], c.slots


def test_a_student_abroad_who_has_come_back_is_a_returnee_without_asking():
    c = Chat()
    c.say("hi 我是留学生 刚从英国回来 想在长春开个咖啡馆")
    assert "overseas_returnee" in (c.slots.get("groups") or ()) and "留学人员吗" not in c.text, c.text


@pytest.mark.parametrize("text, intent", [("中 俺明天去县里问问", "out_of_scope"),   # as the trained NLU reads it
                                          ("好嘞 那我先去问问看", "inform")])
def test_a_plan_to_go_and_ask_is_acknowledged(text, intent):
    c = Chat(region="南阳", groups=["returning_migrant_worker"], needs=["training"])
    c.say(text, intent=intent)
    assert "回答不了" not in c.text and "没太明白" not in c.text, c.text


def test_small_talk_gets_a_friendly_word_not_the_hotline():
    c = Chat(region="南阳", groups=["returning_migrant_worker"])
    c.say("哈哈 我们这今天零下二十度 冻死了", intent="out_of_scope")     # as the trained NLU reads it
    assert "12345" not in c.text and "创业扶持政策" in c.text, c.text
    c.say("今天天气怎么样", intent="out_of_scope")
    assert "回答不了" in c.text, c.text


def test_where_a_company_will_be_registered_is_a_place_not_a_wish_to_register():
    c = Chat()
    c.say("Hi 我刚从英国回来 master毕业 打算在长春做个AI小公司")
    c.say("哦不对 公司打算注册在吉林市 不是长春")
    assert "吉林市" in c.text and "开办/注册（共" not in c.text, c.text
    assert "registration" not in (c.slots.get("needs") or []), c.slots.get("needs")


def test_not_graduated_yet_corrects_a_graduate_into_a_student_without_asking_again():
    c = Chat()
    c.say("我是四川大学的 在成都 想开个奶茶店 今年毕业了")
    assert "college_graduate" in c.slots["groups"], c.slots["groups"]
    c.say("说错了 我还没毕业 明年六月才毕业 现在大四")
    assert c.slots["groups"] == ["university_student"], c.slots["groups"]
    assert "毕业吗" not in c.text, c.text


@pytest.mark.parametrize("text", ["你们这个靠谱不", "真的假的", "你说的准不准啊"])
def test_whether_the_bot_can_be_trusted_is_answered_with_where_its_answers_come_from(text):
    c = Chat()
    c.say("我是退伍的 在延吉")
    c.say(text)
    assert "原文" in c.text and "都没有写明" not in c.text, c.text
