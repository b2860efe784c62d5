"""Whether a named office handles something: the measures in view it leads or supports,
else the person's, else a plain no."""
from tests.bot.dialogue.test_conversation import Chat


def test_an_office_asked_about_lists_what_it_handles_among_the_measures_in_view():
    c = Chat(region="长春", groups=["unemployed"], gender="female")
    c.say("培训有没有")
    c.say("妇联管不管")
    assert c.text.startswith("由妇联牵头或配合的有") and "妇女联合会" in c.text, c.text
    assert c.slots["groups"] == ["unemployed"] and c.slots["gender"] == "female"


def test_an_office_with_nothing_in_view_says_so_and_shows_the_persons_measures_it_handles():
    c = Chat(region="郑州", groups=["disabled"])
    c.say("培训有没有")
    c.say("税务局管吗")
    assert "税务" in c.text and "1." in c.text, c.text


def test_a_choice_between_two_offices_is_left_to_the_measure_answer():
    c = Chat(region="长春", groups=["unemployed"], gender="female")
    c.say("培训有没有")
    c.say("第一个找妇联还是找人社")
    assert "牵头或配合的有" not in c.text


def test_an_office_asked_about_right_after_an_answer_is_about_that_measure():
    c = Chat(region="延吉", groups=["college_graduate"], gender="female")
    c.say("女大学生那个生根计划是啥")
    c.say("找妇联吗")
    assert c.text.startswith("是。") and "女大学生人才生根计划" in c.text, c.text
    c.say("税务局管吗")
    assert c.text.startswith("文件没有写税务负责这一项"), c.text
