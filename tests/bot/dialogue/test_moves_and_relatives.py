"""Where one works now, corrected against a place said before; 都有啥 asks for all; a relative
of a group asking about a need gets that group's measures for it, named in full (弟弟)."""
from tests.bot.dialogue.test_conversation import Chat

SEEN = ("region", "groups", "gender", "needs", "tech_business")


def test_a_place_denied_with_where_one_works_now_moves_there():
    c = Chat()
    c.say("我想开个网店卖土特产 我是贵州毕节的 大学刚毕业两年")
    c.say("我没在毕节 我在贵阳上班")
    assert c.slots["region"].endswith("贵阳市") and "贵阳市" in c.text, (c.slots, c.text)


def test_where_one_works_alone_moves_nothing():
    c = Chat()
    c.say("我在毕节 大学毕业两年 想开网店")
    c.say("我之前在贵阳上班")
    assert c.slots["region"].endswith("毕节市"), c.slots


def test_what_is_there_at_all_after_the_first_answer_lists_everything():
    c = Chat()
    c.say("我想开个网店卖土特产 我是贵州毕节的 大学刚毕业两年")
    c.say("都有啥")
    assert "全部措施" in c.text, c.text


def test_what_is_there_before_anything_is_said_starts_the_conversation():
    c = Chat()
    c.say("都有啥")
    assert "已经是全部" not in c.text, c.text


def test_a_brothers_group_and_a_need_asked_of_him_list_that_groups_measures_for_it():
    c = Chat()
    c.say("我在贵阳 大学毕业两年 想开网店")
    before = {k: c.slots.get(k) for k in SEEN}
    c.say("我弟弟是残疾人 他能贷款不")
    assert "小额信贷" in c.text and "残疾人" in c.text, c.text
    assert {k: c.slots.get(k) for k in SEEN} == before


def test_a_brother_is_named_in_full_when_his_case_is_to_be_asked():
    c = Chat()
    c.say("我在贵阳 大学毕业两年 想开网店")
    c.say("我弟弟也想开店 他能享受吗")
    assert "弟弟" in c.text and "按弟的" not in c.text, c.text
