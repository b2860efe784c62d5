"""What people actually say, in conversation with the core: a question is not a fact, a
correction wins, a measure can be named, every list says whom to ask, and the answers
fit a phone. NLU's single-character entities (女) are given as the CRF gives them."""
import re

import pytest

from tests.bot.dialogue.test_conversation import Chat, asks, engine, ent

KB = engine().kb
GX = KB.sources["guangxi-2021"]


def numbered(text):
    return dict(re.findall(r"^(\d+)\. (.+?)（", text, re.M))


def female(text):
    return [{"entity": "gender", "value": "female", "start": i, "end": i + 1} for i, c in enumerate(text) if c == "女"]


def liuzhou_veteran():
    return Chat().say("我是退伍的 在柳州 想贷款", entities=[ent("group", "退伍", "我是退伍的 在柳州 想贷款")])


# ---- a question never changes what the bot knows --------------------------------------------

def test_asking_for_womens_measures_keeps_the_gender_and_lists_them():
    c = liuzhou_veteran()
    c.say("我是女的 有没有给女的", entities=female("我是女的 有没有给女的"))
    assert c.slots["gender"] == "female" and GX.citation(10) in c.text


def test_asking_about_a_group_keeps_the_persons_groups():
    c = Chat(region="珲春", groups=["veteran"])
    c.say("有没有专门给退伍兵的贷款")
    assert c.slots["groups"] == ["veteran"] and "退役军人" in c.text and "《" in c.text


def test_a_question_about_women_in_a_place_without_them_says_so_and_keeps_the_gender():
    c = Chat(region="乌鲁木齐", groups=[], gender=None)
    c.say("所以乌鲁木齐没有专门给女的政策是吗", entities=female("所以乌鲁木齐没有专门给女的政策是吗"))
    assert c.slots["gender"] is None and "乌鲁木齐市的地方文件里没有专门面向女性的措施" in c.text
    assert "《妇女权益保障法》" in c.text, "the laws that hold everywhere are named instead"


@pytest.mark.parametrize("text", ["那妇女创业有啥政策", "女大学生的政策呢"])
def test_asking_for_a_groups_measures_lists_them_not_记下了(text):
    c = Chat(region="南宁", groups=["veteran"], gender="male")
    c.say(text, entities=female(text))
    assert "记下了" not in c.text and GX.citation(10) in c.text and c.slots["gender"] == "male"


# ---- the measure the person means --------------------------------------------------------------

def test_a_list_on_screen_is_never_re_ranked_and_numbers_mean_what_was_shown():
    c = liuzhou_veteran()
    shown = numbered(c.text)
    c.say("贷款能贷多少")
    assert "贷款" in c.text and c.slots["listed"][:len(shown)] == c.slots["listed"][:len(shown)]
    c.say("第2项能贷多少")
    assert f"第2项“{shown['2']}”" in c.text
    loan = next(n for n, t in shown.items() if "贴息" in t)
    c.say("贴息那个找谁")
    assert shown[loan] in c.text and "退役军人事务厅" in c.text


@pytest.mark.parametrize("text, expect", [
    ("退役军人创业担保贷款贴息详细说说", "原文：“对符合条件的退役军人创业担保贷款"),
    ("桂惠贷那条原文怎么写的", "用足用好“桂惠贷”等政策"),
    ("第一个 能贷多少钱", "文件未规定具体额度"),
    ("第1个找谁办 有电话吗", "没有写明办理电话"),
])
def test_a_measure_named_by_position_or_by_its_words_is_answered(text, expect):
    c = liuzhou_veteran().say(text)
    assert expect in c.text, c.text[:200]


def test_a_measure_named_by_words_of_its_title_among_all_of_the_persons():
    c = Chat(region="长春", groups=["college_graduate"], gender="female").say("女性平台那个怎么申请")
    assert "女性双创服务平台" in c.text and "文件没有写明申请流程" in c.text


def test_that_loan_is_not_a_whole_category():
    c = liuzhou_veteran().say("那个贷款详细说说")
    assert "原文：“" in c.text or "您是说哪一项" in c.text
    assert "共 " not in c.text.splitlines()[0]


def test_several_candidates_get_asked_back_with_buttons():
    c = Chat(region="图们", groups=["returning_migrant_worker"]).say("创业担保贷款原文")
    assert "您是说哪一项" in c.text and 2 <= len(c.buttons) <= 8


# ---- corrections, and the place now -----------------------------------------------------------

@pytest.mark.parametrize("first, then", [("我在吉林市", "哦说错了 我老家吉林市的 现在人在南宁"),
                                         ("我在吉林市", "不是吉林市 是南宁")])
def test_a_correction_wins(first, then):
    c = Chat(groups=["veteran"]).say(first).say(then)
    assert KB.gazetteer.resolve(c.slots["region"]).name == "南宁市"


def test_a_returning_migrant_is_answered_for_home_not_for_where_he_worked():
    c = Chat().say("在广东打了十年工今年回桂平老家了想搞个养鸡场")
    assert "桂平市" in c.slots["region"] and "returning_migrant_worker" in c.slots["groups"]
    assert "不在本知识库覆盖的地区内" not in c.text


def test_a_programme_name_is_no_place():
    c = Chat(region="柳州", groups=["veteran"]).say("桂惠贷呢？")
    assert KB.gazetteer.resolve(c.slots["region"]).name == "柳州市" and "桂惠贷" in c.text


# ---- eligibility ------------------------------------------------------------------------------

def test_am_i_eligible_with_my_age_says_the_document_sets_no_age():
    c = liuzhou_veteran().say("第1项详细说说").say("有年龄限制吗 我22岁 我符合吗")
    assert "文件未规定年龄限制" in c.text and "✓" in c.text and "认定" in c.text


def test_too_old_to_borrow_is_answered_about_age_not_the_period():
    c = liuzhou_veteran().say("第1项详细说说").say("俺今年五十八了 岁数大了还能贷不")
    assert "年龄" in c.text and "执行期" not in c.text.splitlines()[0]


# ---- ordinary messages ------------------------------------------------------------------------

def test_the_common_opener_starts_the_first_question_with_buttons():
    c = Chat().say("我想了解创业扶持政策")
    assert c.slots["question"] == "region" and c.buttons and "没太明白" not in c.text


@pytest.mark.parametrize("text, value", [("是，做AI医疗影像的", True), ("不是，做旅游的", False),
                                         ("还不是 想做个校园跑腿的小程序", False)])
def test_yes_or_no_with_a_reason_answers_the_tech_question(text, value):
    c = Chat(region="长春", groups=["university_student"], question="tech_business", asked=["tech_business"])
    c.say(text)
    assert c.slots["tech_business"] is value and "没太明白" not in c.text


def test_fillers_do_not_get_the_help_text_again_and_again():
    c = Chat()
    texts = [c.say(t).text for t in ("嗯", "哦", "嗯嗯", "呃")]
    assert all(texts) and all(a != b for a, b in zip(texts, texts[1:]))


def test_the_home_return_permit_is_not_a_returning_migrant_worker():
    c = Chat(region="深圳").say("我有回乡证")
    assert "returning_migrant_worker" not in (c.slots["groups"] or [])
    c = Chat(region="柳州", groups=["returning_migrant_worker"]).say("我不是农民工啊")
    assert c.slots["groups"] == []


def test_mixed_chinese_and_english_is_read():
    c = Chat().say("OK. 我是海归 returnee, 在乌鲁木齐 Urumqi, want to start a company")
    assert c.slots["groups"] == ["overseas_returnee"] and "乌鲁木齐市" in c.slots["region"]
    assert "Sorry" not in c.text


# ---- phone-sized, and whom to ask ---------------------------------------------------------------

def test_the_first_answer_fits_a_phone_and_names_whom_to_ask():
    c = liuzhou_veteran()
    assert len(c.text) <= 600 and len(c.buttons) <= 8 and "找谁办：" in c.text


def test_a_woman_veteran_sees_the_womens_measure_on_the_first_screen():
    text = "我是女兵 退伍了 在柳州"
    c = Chat().say(text, entities=[ent("group", "退伍", text)] + female(text))
    assert GX.citation(8) in c.text and GX.citation(10) in c.text


def test_whom_to_ask_for_one_measure_is_short():
    c = Chat(region="南宁", groups=["rural_youth"]).say("那个农村金融服务找谁办")
    assert len(c.text) <= 400 and "牵头负责的是" in c.text


def test_the_need_question_is_not_asked_after_every_answer():
    c = liuzhou_veteran()
    for text in ("第1项详细说说", "好的谢谢", "第2项详细说说", "能贷多少"):
        c.say(text)
        assert "您最需要哪方面的支持" not in c.text


def test_loans_come_first_when_the_person_says_loan():
    c = Chat(region="南宁", groups=[]).say("贷款", entities=[ent("need", "贷款", "贷款")])
    first = numbered(c.text)
    assert "贷" in first["1"] and "贷" in first["2"] + first["3"]


def test_a_traditional_writer_sees_the_quote_as_the_document_wrote_it():
    c = Chat(script="traditional", region="柳州", groups=["veteran"]).say("第1項詳細說說")
    quote = re.search(r"原文：“(.+?)”", c.text).group(1)
    assert quote in GX.text


def test_a_traditional_writer_sees_a_title_in_traditional_though_a_text_holds_its_words():
    c = Chat(script="traditional")
    c.say("我係香港人 喺南寧想開間茶餐廳")
    c.say("有冇貸款")
    c.say("第一個點申請")
    assert "“對自主創業人員" in c.text and "对自主创业人员" not in c.text, c.text


# ---- staff see possibly misread turns ------------------------------------------------------------

@pytest.mark.parametrize("then", ["我是问贷款能贷多少", "不是这个 我问的是培训", "怎么女性的没了"])
def test_a_rephrasing_marks_the_previous_turn_possibly_misread(then):
    c = liuzhou_veteran().say("能贷多少").say(then)
    assert c.changes["misread"] == {"message": "能贷多少", "then": then}


def test_the_same_message_twice_marks_it_and_an_ordinary_turn_does_not():
    c = liuzhou_veteran().say("第1项详细说说")
    assert "misread" not in c.changes
    c.say("第1项详细说说")
    assert c.changes["misread"]["message"] == "第1项详细说说"


def test_a_category_shows_the_persons_own_group_first():
    c = Chat(region="延吉", groups=["returning_migrant_worker"], gender=None)
    c.say("想搞点补贴")
    first = KB.measure(c.slots["listed"][0])
    assert "returning_migrant_worker" in first.conditions.get("groups", ()), first.title


def test_a_measure_for_other_people_is_not_named_by_a_shared_word():
    c = Chat(region="南宁", groups=["college_graduate"], gender=None)
    c.say("有没有免费的场地")
    assert "经营场地照顾" not in c.text, "a measure for the disabled, matched by 场地 and 免, is no answer"


def test_asking_what_a_measure_is_explains_it_from_its_text():
    c = Chat(region="图们", groups=["returning_migrant_worker"], gender=None)
    c.say("什么是创业担保贷款")
    named = re.findall(r"[“\d. ]([^“”\n]*创业担保贷款[^“”\n（]*)”?（《", c.text)
    assert named and all("创业担保贷款" in t for t in named), c.text
    assert "贷款/补贴（共" not in c.text, "the measure named is explained, not its whole category listed"


def test_a_particular_the_text_does_not_give_is_said_to_be_unstated_and_the_list_stays():
    c = Chat(region="南宁", groups=["university_student"], gender=None)
    c.say("想休学创业")
    listed = c.slots["listed"]
    c.say("休学最长几年")
    assert "休学" in c.text and "原文没有写明" in c.text and "教育厅" in c.text
    assert c.slots["listed"] == listed, "第N项 still means what was on screen"


def test_a_first_message_that_states_who_and_asks_what_there_is_gets_the_list():
    text = "我是退役军人 在南宁 想开个汽修店 有什么贷款"
    c = Chat().say(text, entities=[ent("group", "退役军人", text)])
    assert "您是说哪一项" not in c.text and "找谁办" in c.text and len(numbered(c.text)) >= 3


@pytest.mark.parametrize("text", ["我想死", "真的不想活了 贷款也贷不到", "活不下去了"])
def test_a_person_in_distress_is_answered_with_care_and_nothing_about_them_changes(text):
    c = Chat(region="南宁", groups=["veteran"], gender=None)
    before = dict(c.slots)
    c.say(text)
    assert "120" in c.text and "12356" in c.text and "《" not in c.text
    assert {k: c.slots.get(k) for k in ("region", "groups", "needs")} == \
        {k: before.get(k) for k in ("region", "groups", "needs")}


@pytest.mark.parametrize("text", ["累死了 在南宁 想贷款", "急死了 贷款咋办"])
def test_a_way_of_speaking_is_no_distress(text):
    c = Chat(region="南宁", groups=["veteran"], gender=None)
    c.say(text)
    assert "12356" not in c.text


def test_how_much_for_a_group_is_answered_for_the_money_measures_among_theirs():
    c = Chat(region="南宁", groups=[], gender=None)
    c.say("我是退伍军人", entities=[ent("group", "退伍军人", "我是退伍军人")])
    c.say("那退伍的能贷多少")
    titles = {m.title: m for m in KB.measures}
    named = [t for t in re.findall(r"“([^”]+)”（《", c.text) if t in titles]
    assert named and all(titles[t].category == "financing" for t in named), named


@pytest.mark.parametrize("text", ["想开个网店", "搞直播带货的", "我想开个饭店"])
def test_the_trade_alone_is_understood_and_the_open_question_comes_back(text):
    c = Chat(region="南宁", groups=None, gender=None, question="groups")
    before = dict(c.slots)
    c.say(text)
    assert "没太明白" not in c.text and asks(c, "groups")
    assert {k: c.slots.get(k) for k in ("region", "groups", "needs")} == \
        {k: before.get(k) for k in ("region", "groups", "needs")}


def test_only_for_a_group_asks_about_the_measure_in_view_not_who_the_person_is():
    c = Chat(region="吉林市", groups=["overseas_returnee"], gender=None, tech_business=True)
    c.say("啥是创业担保贷款")
    focus = c.slots["focus"]
    c.say("只给留学生吗")
    assert c.slots["focus"] == focus and "高校" not in c.text and "吗？" not in c.text.splitlines()[0]
    assert c.slots["groups"] == ["overseas_returnee"]


def test_a_question_about_two_of_the_persons_traits_lists_the_measures_for_both_first():
    c = Chat(region="乌鲁木齐", groups=["disabled"], gender="female")
    c.say("残疾妇女有专门的吗")
    first = next(m for m in KB.measures if m.title == next(iter(numbered(c.text).values())))
    assert "disabled" in first.conditions.get("groups", ()) and first.conditions.get("gender") == "female"


@pytest.mark.parametrize("text", ["有啥政策", "有哪些扶持政策"])
def test_what_policies_are_there_is_no_measure_named_by_its_words(text):
    c = Chat(region="图们", groups=None, gender=None)
    c.say("我在图们")
    c.say(text)
    assert "您是说哪一项" not in c.text and "没太明白" not in c.text
    assert "找谁办" in c.text or "上面列出的这 5 项" in c.text, "the list, or where it is"


def test_is_there_free_training_is_not_answered_about_measures_off_the_screen():
    c = Chat(region="南宁", groups=["disabled"], gender=None)
    c.say("我是残疾人 在南宁")
    shown = set(numbered(c.text).values())
    c.say("有没有免费培训")
    named = set(re.findall(r"“([^”]+)”（《", c.text))
    assert named and named <= shown, named - shown


def test_this_one_after_an_answer_is_the_measure_just_answered():
    c = Chat(region="玉林", groups=["returning_migrant_worker"], gender=None)
    c.say("我在玉林 回乡创业 之前在东莞电子厂干了八年")
    c.say("有没有贷款")
    c.say("第2个详细说说")
    answered = c.slots["focus"]
    c.say("这个要抵押吗", intent="ask_materials")       # as the NLU classifies it
    assert c.slots["focus"] == answered and KB.measure(answered).title in c.text


def test_who_one_is_and_a_plea_gets_the_measures_first():
    text = "在吗 俺想问问 俺是返乡的 在延吉 想开个冷面馆 要钱没钱要地方没地方 咋整啊"
    c = Chat().say(text, intent="ask_how_to_apply")
    assert len(numbered(c.text)) >= 3 and "找谁办" in c.text


@pytest.mark.parametrize("intent", ["out_of_scope", "inform"])
def test_a_complaint_is_pointed_to_the_hotline_or_the_law_on_complaints(intent):
    c = Chat(region="南宁", groups=["veteran"], gender=None)
    c.say("我要投诉", intent=intent)
    assert "没太明白" not in c.text and ("12345" in c.text or "投诉举报受理" in c.text)
