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
