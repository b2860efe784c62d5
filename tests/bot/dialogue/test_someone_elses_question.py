"""Whether someone else, said to be of a group, can use the measures: that group's measures,
never an eligibility check of the person against the measure on screen."""
import pytest

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


@pytest.mark.parametrize("setup, text", [
    ([], "您好 请问留学回来的在乌鲁木齐创业有什么支持"),
    (["我是边民 想做点小生意"], "图们那边是不是政策更多 我表妹在图们"),
    (["我是百色的农民 想建个仓库"], "我们村好多贫困户 他们有啥"),
    (["我是退伍的 在通化 想开个健身房"], "集安那边是不是更好 边境那块"),
    (["我在长春 开了个科技公司 想贷款"], "我们还没评上高新技术企业 影响吗"),
    (["我是图们引进的高层次人才 做芯片的科技公司"], "有没有资金支持")])
def test_questions_about_others_places_and_certificates_change_nothing(setup, text):
    c = Chat()
    for line in setup:
        c.say(line)
    before = {k: c.slots[k] for k in ("region", "groups", "gender", "needs", "tech_business")}
    c.say(text)
    assert {k: c.slots[k] for k in ("region", "groups", "gender", "needs", "tech_business")} == before, c.text


def test_whether_a_comrade_elsewhere_can_use_the_measure_shown_is_checked_against_his_place():
    c = Chat()
    c.say("我是退伍的 在乌鲁木齐 想学点技术 有培训吗")
    c.say("第1个详细说说")
    before = {k: c.slots[k] for k in ("region", "groups", "gender", "needs")}
    c.say("我战友在昌吉 他也能用乌鲁木齐这个吗")
    assert "战友" in c.text and "乌鲁木齐市范围内 ✗" in c.text and "不符合" in c.text, c.text
    assert {k: c.slots[k] for k in ("region", "groups", "gender", "needs")} == before


def test_whether_a_brother_who_came_back_too_can_apply_keeps_the_place_and_asks_of_his_group():
    c = Chat()
    c.say("在外面打工十来年 今年回图们了 想开个豆腐坊 缺本钱")
    c.say("第1项详细说说")
    c.say("我兄弟也是跟我一起回来的 他能办不")
    assert "图们市范围内 ✓" in c.text and "返乡农民工 ？" in c.text and "帮我兄弟问" in c.text, c.text
    assert c.slots["groups"] == ["returning_migrant_worker"] and c.slots["gender"] is None


def test_whether_a_boyfriend_can_use_what_a_list_shows_says_it_was_chosen_for_the_person():
    c = Chat()
    c.say("我在桂林 大三 想边读书边搞个奶茶店")
    c.say("我想休学一年专心搞 学籍能保留不")
    c.say("我男朋友在南宁上班 他能享受这个吗")
    assert "按您说的情况" in c.text and "帮我男朋友问" in c.text and c.slots["groups"] == ["university_student"], c.text


def test_whether_someone_named_without_a_pronoun_can_use_the_measure_answered_is_checked():
    c = Chat(region="南宁", groups=["veteran"], gender="male")
    c.say("第1项详细说说")
    c.say("我男朋友能用这个吗")
    assert "对照您说的男朋友的情况" in c.text, c.text


def test_a_wife_who_would_do_it_together_is_checked_at_the_persons_place():
    c = Chat(region="南宁", groups=["overseas_returnee"], gender="male")
    c.say("有没有贷款")
    c.say("第1项详细说说")
    c.say("我老婆是英国人 她能一起办吗")
    assert "范围内 ✓" in c.text and "帮我老婆问" in c.text and c.slots["gender"] == "male", c.text


def test_whether_a_classmate_can_take_part_is_about_the_measure_just_answered():
    c = Chat(region="乌鲁木齐", groups=["university_student"], gender="male")
    c.say("有没有比赛")
    c.say("那个比赛奖金多少", "ask_amount")
    c.say("我同学是哈萨克斯坦的 他能参加吗")
    assert "大赛" in c.text.splitlines()[0] and "同学" in c.text, c.text


@pytest.mark.parametrize("region, text", [("吉林市", "图们的高端人才签证便利 我可以用吗"),
                                          ("百色", "吉林那边说给农村低收入的有银行产品 我这边有没有"),
                                          ("敦化", "吉林省农村创业创新项目创意大赛 俺能参加不")])
def test_a_place_named_as_whose_a_measure_is_in_a_question_is_no_move(region, text):
    c = Chat(region=region, groups=["rural_youth"], gender="male")
    before = c.slots["region"]
    c.say(text)
    assert c.slots["region"] == before, (text, c.slots["region"])


def test_a_place_one_says_one_is_in_beside_a_question_still_moves():
    c = Chat(region="吉林市", groups=["veteran"], gender="male")
    c.say("我其实在图们的 能贷款吗")
    assert "图们" in c.slots["region"]


def test_where_one_may_move_next_year_is_no_move_now():
    c = Chat(region="乌鲁木齐", groups=["university_student"], gender="male")
    c.say("哦 那广西的能用吗 我明年可能转学去南宁")
    assert "乌鲁木齐" in c.slots["region"]
    c.say("我下个月搬到南宁了 有啥政策")
    assert "南宁" in c.slots["region"]
