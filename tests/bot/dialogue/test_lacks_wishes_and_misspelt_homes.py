"""A lack said with a sum, a skill one lacks beside a question, a wish to enter a contest: the
person's needs; a home misspelt beside a school's name: the home, not the school's prefecture."""
from tests.bot.dialogue.test_conversation import Chat


def test_a_sum_that_is_not_enough_states_the_need_for_money():
    c = Chat(region="郑州", groups=["disabled"], needs=["tax"])
    c.say("本钱就几千块 不够进货 有小额贷款没")
    assert "financing" in c.slots["needs"], c.slots


def test_knowing_nothing_of_a_skill_beside_a_question_states_the_need_for_training():
    c = Chat()
    c.say("俺在上海干了八年 今年回临沂老家了 想养鸡")
    c.say("养鸡技术俺一点不懂 有培训管不管")
    assert c.slots.get("needs") == ["training"] and "培训" in c.text, (c.slots, c.text)


def test_wishing_to_enter_a_named_contest_states_the_need_for_contests():
    c = Chat(region="珲春", groups=["university_student"], gender="female")
    c.say("女大学生创业创新大赛我想报名参加 什么时候报")
    assert "competitions" in (c.slots.get("needs") or ()), c.slots


def test_a_misspelt_home_beside_a_schools_name_is_the_home():
    c = Chat()
    c.say("我是延边大学大三的 老家浑春 想回浑春开个网店卖化妆品")
    assert "珲春" in c.text and "延边朝鲜族自治州）" not in c.text, c.text
