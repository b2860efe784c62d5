"""Whether someone else, said to be of a group, can use the measures: that group's measures,
never an eligibility check of the person against the measure on screen."""
from tests.bot.dialogue.test_conversation import Chat


def test_a_classmate_of_a_group_asked_about_gets_that_groups_measures():
    c = Chat(region="南宁", groups=["college_graduate"], gender="male")
    c.say("有场地吗")
    c.say("我同学也想一起 他是本科生 他能享受吗")
    assert "在校大学生" in c.text and "您都符合" not in c.text, c.text
    assert c.slots["groups"] == ["college_graduate"]


def test_she_of_a_gender_asked_about_gets_the_womens_measures():
    c = Chat(region="南宁", groups=["university_student"], gender="male")
    c.say("她是女的 她能享受吗")
    assert "巾帼" in c.text and c.slots["gender"] == "male", c.text


def test_a_brothers_plan_after_ones_own_facts_asks_about_him_and_changes_nothing():
    c = Chat()
    c.say("我是下岗女工 在四平 想学个裁缝手艺")
    before = {k: c.slots[k] for k in ("region", "groups", "gender", "needs")}
    c.say("我哥是残疾人 腿不好 他也想开个修鞋摊 他有啥")
    assert {k: c.slots[k] for k in ("region", "groups", "gender", "needs")} == before
    assert "残疾人" in c.text and "《残疾人就业条例》" in c.text, c.text
