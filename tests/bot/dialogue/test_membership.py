"""Whether one counts as a group the documents name: said from the group's words, the
group's measures under it, and the profile unchanged."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("text, word", [("我是研究生 也算大学生吗", "研究生"), ("高职算大学生吗", "高职"),
                                        ("军嫂算军人家属吗", "军嫂")])
def test_a_word_the_group_holds_counts(text, word):
    c = Chat(region="长春")
    c.say(text)
    assert c.text.startswith("算。") and word in c.text.splitlines()[0], c.text
    assert "措施" in c.text


def test_a_gender_asked_about_a_group_whose_measures_set_none_counts_and_changes_nothing():
    c = Chat(region="贵阳", groups=["military_family"])
    c.say("军人配偶这个 男的也算吗")
    assert "没有限定性别" in c.text and "男性" in c.text, c.text
    assert c.slots.get("gender") is None and c.slots["groups"] == ["military_family"]


@pytest.mark.parametrize("text", ["那退役军人的贷款 能算利息吗", "有没有给退役军人的"])
def test_other_questions_naming_a_group_are_no_membership_question(text):
    c = Chat(region="长春")
    c.say(text)
    assert "这一类包括" not in c.text and "没有限定性别" not in c.text


@pytest.mark.parametrize("text", ["我媳妇也想干 她没残疾", "我老公不是学生", "我老婆没有残疾"])
def test_what_someone_else_is_not_changes_nothing_of_the_person(text):
    c = Chat(region="郑州", groups=["disabled", "university_student"])
    c.say(text)
    assert c.slots["groups"] == ["disabled", "university_student"], c.text


def test_she_next_is_the_one_told_of_before():
    c = Chat(region="郑州", groups=["disabled"])
    c.say("我媳妇也想干 她没残疾")
    c.say("她能申请啥")
    assert "妇女" in c.text and "没太明白" not in c.text, c.text
    assert c.slots["groups"] == ["disabled"] and c.slots.get("gender") is None



def test_a_need_asked_after_the_place_is_known_only_asks():
    c = Chat(region="延吉", groups=["university_student"])
    c.say("我老家图们的 听说图们给大学生有住房 我在延吉能用不")
    assert c.slots.get("needs") in (None, []), c.slots.get("needs")


@pytest.mark.parametrize("text", ["我屋企人喺佛山 佢哋喺佛山有冇得申請", "俺家小子在长春念大学 他回来帮俺整 他有啥政策不",
                                  "甘肃那边有没有政策 我也可以回老家搞", "我带的学生是在读研究生 他们有什么政策"])
def test_where_and_what_someone_else_is_or_what_one_only_might_do_changes_nothing(text):
    c = Chat(region="南宁", groups=["researcher"])
    c.say(text)
    assert c.slots["region"] == "南宁" and c.slots["groups"] == ["researcher"], c.slots
