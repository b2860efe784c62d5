"""Reading one message (bot/reading): clauses and their mood and time, facts versus the
topics of a question, corrections, someone else's facts, references to measures.
Rasa-free; NLU's single-character entities (女) are given as the CRF gives them."""
import pytest

from bot.rules import default_kb
from bot.reading import read
from bot.reading.clauses import split

KB = default_kb()


def place_of(act):
    return act.place.place.name if act.place.place is not None else None


def female(text, *at):
    return [{"entity": "gender", "value": "female", "start": i, "end": i + 1} for i in at]


# ---- a question is not a fact ------------------------------------------------------------

@pytest.mark.parametrize("text", ["有没有给女的", "有没有专门给退伍兵的贷款", "所以乌鲁木齐没有专门给女的政策是吗",
                                  "那妇女创业有啥政策", "女大学生的政策呢", "边民有没有专门的贷款", "有冇稅務優惠",
                                  "退伍军人能申请吗", "培训有补助不", "农村贷款好贷不", "电商培训找谁"])
def test_a_question_states_no_fact(text):
    act = read(KB, text, female(text, *[i for i, c in enumerate(text) if c == "女"]))
    assert act.is_question and not act.facts and not act.negated, act.facts


def test_a_statement_and_a_question_in_one_message():
    text = "我是女的 有没有给女的"
    act = read(KB, text, female(text, 2, 9))
    assert act.facts == {"gender": "female"} and act.topics == {"gender": "female"} and act.asks == "measures"


@pytest.mark.parametrize("text, kind", [
    ("第2项能贷多少", "amount"), ("贴息那个找谁", "contact"), ("桂惠贷那条原文怎么写的", "original"),
    ("有年龄限制吗 我22岁 我符合吗", "eligibility"), ("俺今年五十八了 岁数大了还能贷不", "eligibility"),
    ("要带啥材料", "materials"), ("现在还有效吗", "deadline"), ("女性平台那个怎么申请", "apply"),
    ("退役军人事务局电话多少", "contact"), ("择优资助 how much", "amount"), ("Who should I contact?", "contact"),
    ("第一个 能贷多少钱", "amount"), ("我算高层次人才吗", "eligibility"), ("我今年五十八了 还能贷不", "eligibility"), ("咁我应该先去退役军人事务局定系残联", "contact"), ("退役军人创业担保贷款贴息详细说说", "details"),
    ("啥是创业担保贷款", "explain"), ("什么是众创空间", "explain"), ("质押融资一般能贷到评估价的几成", "amount"),
])
def test_what_a_question_asks(text, kind):
    assert read(KB, text).asks == kind


@pytest.mark.parametrize("text", ["我想了解创业扶持政策", "有啥补贴", "你好 有什么政策"])
def test_an_opener_asks_for_measures(text):
    assert read(KB, text).asks == "measures"


# ---- corrections, time and place ---------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("哦说错了 我老家吉林市的 现在人在南宁", "南宁市"),
    ("不是吉林市 是南宁", "南宁市"),
    ("在广东打了十年工今年回桂平老家了想搞个养鸡场", "桂平市"),
    ("之前在深圳上班 现在回柳州了", "柳州市"),
    ("我在深圳上班 想回柳州开店", "柳州市"),
    ("我是台湾青年 在长春工作三年了", "长春市"),
    ("就柳洲啊", "柳州市"),
    ("俺是退伍兵 在南凝 想开个店", "南宁市"),
])
def test_where_the_person_is(text, place):
    act = read(KB, text)
    got = place_of(act) or (act.place.suggestion.name if act.place.suggestion else None)
    assert got == place


@pytest.mark.parametrize("text", ["在广东打了十年工 想回老家创业", "之前在深圳上班", "桂惠贷呢？", "吉林银行能贷吗",
                                  "我男朋友在图们", "我现在在东京读研 明年毕业想回国创业"])
def test_no_place_of_the_persons_own(text):
    assert place_of(read(KB, text)) is None


def test_a_place_abroad_is_read_as_abroad():
    act = read(KB, "你好 我现在在东京读研 明年毕业想回国创业")
    assert act.place.abroad == "东京" and "overseas_returnee" in act.facts["groups"]


def test_a_place_in_english():
    act = read(KB, "Hi, I'm a German engineer. I have lived in Nanning for three years.")
    assert place_of(act) == "南宁市" and act.facts["groups"] == ["foreign_talent"]


def test_a_denied_place_is_not_kept():
    assert [p.name for p in read(KB, "我不在长春了 现在在延吉").place.denied] == ["长春市"]


def test_clauses_split_where_voice_typing_leaves_no_punctuation():
    clauses = split("在广东打了十年工今年回桂平老家了想搞个养鸡场有没有啥扶持的")
    assert [c.time for c in clauses[:2]] == ["away", "current"] and clauses[-1].is_question


# ---- who the person is -------------------------------------------------------------------

@pytest.mark.parametrize("text, group", [
    ("在广东打了十年工 今年回桂平老家了", "returning_migrant_worker"),
    ("俺在浙江干了好多年工地 回于都老家了", "returning_migrant_worker"),
    ("我在德国读完博士刚回长春", "overseas_returnee"),
    ("我刚从UK读完master回来", "overseas_returnee"),
    ("研二", "university_student"), ("大专在读", "university_student"), ("我在长春读大三", "university_student"),
    ("兰州榆中的 种了十几年百合", "rural_entrepreneur"), ("我是吉林市一所高校的老师", "researcher"),
    ("家在边境村", "border_resident"), ("我是百色农村的年轻人", "rural_youth"), ("回乡证", "hk_macao_taiwan"),
])
def test_groups_as_people_say_them(text, group):
    assert group in read(KB, text).facts.get("groups", [])


@pytest.mark.parametrize("text, group", [
    ("我老公是退伍的", "veteran"), ("我表哥刚退伍", "veteran"), ("我合伙人是海归", "overseas_returnee"),
    ("我不是农民工啊", "returning_migrant_worker"), ("回乡证", "returning_migrant_worker"),
    ("我在各种地方打过工", "rural_entrepreneur"), ("从国外旅游回来", "overseas_returnee"),
])
def test_not_the_persons_group(text, group):
    assert group not in read(KB, text).facts.get("groups", [])


def test_a_denied_group_is_a_denial():
    assert read(KB, "我不是农民工啊").negated == {"groups": ["returning_migrant_worker"]}


def test_a_business_plan_is_no_need():
    assert "training" not in read(KB, "想开一家韩语培训机构").facts.get("needs", [])


@pytest.mark.parametrize("text, need", [("咋整啊 没钱", "financing"), ("在柳州 没有场地", "premises"),
                                        ("缺资金 咋办", "financing")])
def test_lacking_something_is_needing_it(text, need):
    act = read(KB, text)
    assert need in act.facts.get("needs", []) and not act.negated


def test_not_lacking_is_no_need():
    assert "financing" not in read(KB, "我不缺钱 想找个导师").facts.get("needs", [])


def test_a_need_asked_about_with_a_wish_is_the_persons():
    assert read(KB, "我自己想学点经营管理 有培训吗").facts.get("needs") == ["training"]


# ---- yes and no --------------------------------------------------------------------------

@pytest.mark.parametrize("text, answer", [("是，做AI医疗影像的", True), ("不是，做旅游的", False),
                                          ("还不是 想做个校园跑腿的小程序", False), ("算是吧", True),
                                          ("好的", None), ("嗯", None)])
def test_yes_or_no_with_a_reason(text, answer):
    assert read(KB, text).answer is answer


# ---- references --------------------------------------------------------------------------

@pytest.mark.parametrize("text, n", [("第2项能贷多少", 2), ("第一个 能贷多少钱", 1), ("第1个找谁办 有电话吗", 1),
                                     ("最后一个呢", -1), ("3", 3), ("第十二项", 12)])
def test_a_position_in_the_list(text, n):
    assert read(KB, text).refs.positions[0][0] == n


def test_a_title_named_in_english_is_matched_by_its_chinese_words():
    act = read(KB, "Is the green channel only for high-level talent?")
    assert "绿色通道" in act.refs.words and act.asks == "eligibility"


def test_words_of_a_title_are_kept_to_match():
    refs = read(KB, "贴息那个找谁").refs
    assert refs.words == "贴息" and refs.demonstrative


@pytest.mark.parametrize("text,group", [("我是大学生 刚毕业 在南宁", "college_graduate"),
                                        ("本科生，已经毕业了", "college_graduate"),
                                        ("大学生 快毕业了", "university_student")])
def test_a_student_who_has_graduated_is_a_graduate(text, group):
    act = read(KB, text)
    assert act.facts.get("groups") == [group] and not act.ambiguous


def test_an_unsettled_word_in_a_question_is_what_is_asked_about():
    act = read(KB, "只给留学生吗")
    assert act.topics.get("groups") == ["overseas_returnee"] and not act.ambiguous and not act.facts


@pytest.mark.parametrize("text", ["听说辽源有个袜业园 图们有没有", "聽說吉林省有個海峽兩岸青年創業基地 那是什麼",
                                  "我朋友说延吉有贷款"])
def test_what_someone_said_about_a_place_is_no_place_of_the_person(text):
    from bot.script import to_simplified
    act = read(KB, to_simplified(text))
    assert place_of(act) is None and not act.facts


@pytest.mark.parametrize("text,topic", [("退伍军人是不是更优惠 我弟是退伍的", "groups"), ("个体户的优惠具体是啥 减多少税", "needs"),
                                        ("个体户登记要唔要钱", "needs"), ("个体户交社保有补贴伐", "needs")])
def test_a_question_with_a_relative_a_how_much_or_a_cantonese_a_not_a_states_nothing(text, topic):
    act = read(KB, text)
    assert act.is_question and not act.facts and act.topics.get(topic)


def test_where_social_insurance_was_paid_is_a_past_place():
    act = read(KB, "那社保咋整 我在天津交的 回来还能接着交不")
    assert place_of(act) is None


@pytest.mark.parametrize("text,place", [("我做水果批发的 吉林广西两边都有点生意 想再开个冷库", None), ("南宁柳州都有店", None),
                                        ("广西南宁两边都跑", "南宁市"),
                                        ("My friend says Tumen has a visa policy. Yanji is next to Tumen, can I use it?", None),
                                        ("I am a veteran in Nanning, what loans are there?", "南宁市"), ("Nanning?", "南宁市"),
                                        ("I have taught at Yanbian University and now I want to set up my company in Yanji.", "延吉市")])
def test_two_places_of_the_person_are_asked_about_not_guessed(text, place):
    assert place_of(read(KB, text)) == place


@pytest.mark.parametrize("text,place", [("刚从湖南大学毕业 在长沙开了个工作室", "长沙市"),
                                        ("我是桂林电子科技大学北海校区的老师，人一直在北海工作", "北海市"),
                                        ("我是乌鲁木齐职业大学大二的 想做校园跑腿", "乌鲁木齐市"),
                                        ("现在回乌鲁木齐了，家在沙依巴克区", "沙依巴克区")])
def test_a_schools_place_counts_last_and_a_district_inside_the_city_makes_it_precise(text, place):
    assert place_of(read(KB, text)) == place


@pytest.mark.parametrize("text,gender", [("我老公在部队 我是军嫂 在成都", "female"), ("俺一个大老爷们下岗一年多了", "male")])
def test_words_that_say_who_one_is_give_the_gender(text, gender):
    assert read(KB, text).facts.get("gender") == gender


@pytest.mark.parametrize("text,group", [("hello, i'm a graduate in urumqi looking for startup loans", "college_graduate"),
                                        ("I'm a graduate student in Changchun", "university_student"),
                                        ("港澳的有什么", None)])
def test_a_graduate_in_english_and_港澳_alone_are_read(text, group):
    act = read(KB, text)
    if group:
        assert act.facts.get("groups") == [group]
    else:
        assert act.topics.get("groups") == ["hk_macao_taiwan"] and not act.facts


@pytest.mark.parametrize("text", ["我女朋友係台灣嘅 佢得唔得", "我姐说吉林那边有给农村青年的政策 是真的吗",
                                  "能用乡里的建设用地盖厂房不", "都没有专门给台湾人的喔"])
def test_someone_elses_place_a_long_question_and_measures_for_a_group_change_nothing(text):
    from bot.script import to_simplified
    act = read(KB, to_simplified(text), entities=[{"entity": "region", "value": "吉林", "start": 3, "end": 5}]
               if "吉林" in text else None)
    assert place_of(act) is None and not act.facts and not act.negated


@pytest.mark.parametrize("text,fact,value", [("我在乌鲁木齐一所高校当老师 搞食品保鲜研究的", "groups", ["researcher"]),
                                             ("俺也是女哩", "gender", "female"),
                                             ("我是延边大学今年毕业的 黑龙江人", "groups", ["college_graduate"]),
                                             ("我家是拖贫户", "groups", ["rural_low_income"]),
                                             ("技工学院刚毕业", "groups", None)])
def test_how_people_say_who_they_are(text, fact, value):
    assert read(KB, text).facts.get(fact) == value


@pytest.mark.parametrize("text", ["唔该晒", "明白 thx", "中 先这样"])
def test_thanks_and_ok_in_dialect_or_english_are_understood(text):
    act = read(KB, text)
    assert act.social == "thanks" or act.acknowledges


@pytest.mark.parametrize("text", ["我们有个同学是退伍回来读书的 他有啥不一样的吗", "广西那边有个农民工创业园 俺这能享受不",
                                  "我太太是台湾人 她能一起享受吗", "我战友在南宁 他那边有贴息吗"])
def test_a_classmate_a_wife_a_comrade_or_what_is_over_there_is_not_the_person(text):
    act = read(KB, text)
    assert place_of(act) is None and not act.facts


def test_we_who_include_the_person_still_count():
    assert read(KB, "我们都是退伍的").facts.get("groups") == ["veteran"]
    assert place_of(read(KB, "我在广西那边有个厂")) == "广西壮族自治区"


def test_with_a_roommate_the_place_is_still_the_persons():
    assert place_of(read(KB, "刚从湖南大学毕业 在长沙和室友开了个做小程序的工作室")) == "长沙市"


@pytest.mark.parametrize("text,group", [
    ("我和龙农村的今年23 想在村里搞电商", "rural_youth"), ("我是三江的 侗寨里头的 今年二十", "rural_youth"),
    ("我是田东农村的 二十三岁", "rural_youth"), ("我家是拖贫户 我22岁 在大方县农村", "rural_youth"),
    ("我当兵的时候训练伤了腿 评了残 退伍回万州了", "disabled"),
    ("在北京高校当教授 入选过省里的引才计划", "high_level_talent"),
    ("我博士是在德国读的 前年回的国", "overseas_returnee"), ("hi 我刚从UK回来 master毕业 想在昆明做个coffee startup", "overseas_returnee"),
    ("您好 我是台中人 去年搬到福州", "hk_macao_taiwan"), ("俺家那口子在部队呢 现役的 俺在哈尔滨", "military_family"),
    ("种了十几年甘蔗 在崇左扶绥", "rural_entrepreneur"), ("我在吉林市一个研究所搞化工新材料", "researcher"),
    ("延大毕业的 想回图们开个咖啡店", "college_graduate"),
])
def test_who_one_is_in_the_words_of_a_village_a_wound_a_programme_or_a_country(text, group):
    assert group in (read(KB, text).facts.get("groups") or [])


@pytest.mark.parametrize("text,place", [
    ("本人退役士官 老家北流的 打算回去搞个物流车队", "北流市"),     # the home named and gone back to
    ("我老家是贵港农村的 前些年在长春打工 后来回来的", "贵港市"),
    ("在宁波厂里干了八年今年回遵义老家了想养几十头牛", "遵义市"),
    ("我是军嫂 老公在部队 我在汪清带孩子 想开个母婴店", "汪清县"),   # the child is named after the place
    ("我係順德嘅 想開間裁縫舖", "顺德区"), ("我在长春读研 想做长白山主题文创", "长春市"),
    ("唔好意思 我其實係澳門人 唔係香港", None),
])
def test_where_the_person_is_in_run_on_and_cantonese_messages(text, place):
    from bot.script import to_simplified
    assert place_of(read(KB, to_simplified(text))) == place


@pytest.mark.parametrize("text", ["俺是在长春念的大学", "我户口现在在延吉 能迁到图们不"])
def test_where_one_studied_or_is_registered_does_not_move_a_known_region(text):
    from tests.bot.dialogue.test_conversation import Chat
    assert Chat(region="黑龙江省哈尔滨市").say(text).slots["region"] == "黑龙江省哈尔滨市"
    assert Chat().say(text).slots["region"] is not None     # with nothing known, it is the best there is


def test_what_belongs_to_someone_else_or_is_denied_or_refused_is_not_the_persons():
    act = read(KB, "不对不对 残疾证是我妈的 我自己没有残疾")
    assert "disabled" not in (act.facts.get("groups") or []) and "disabled" in act.negated.get("groups", [])
    act = read(KB, "我不是农村的 一直在城里 别给我整农民那些")
    assert act.facts.get("groups") is None and "rural_entrepreneur" in act.negated.get("groups", [])
    assert read(KB, "有没有给残疾的").negated == {}


@pytest.mark.parametrize("text", ["行吧", "中 俺让俺儿子带俺去问问", "好的 我去问问"])
def test_ok_in_a_word_or_going_to_ask_is_an_acknowledgement(text):
    assert read(KB, text).acknowledges


def test_what_is_the_second_one_asks_to_explain_it():
    act = read(KB, "第二个是干啥的")
    assert act.refs.positions == [(2, "个")] and act.asks in ("explain", "details")


@pytest.mark.parametrize("text,group", [("我是山东大学的学生 想在济南开个设计工作室", "university_student"),
                                        ("我是苗族 以前在广州做厨师 现在回凤凰县老家了", "returning_migrant_worker")])
def test_a_school_or_work_away_then_home_names_the_group(text, group):
    assert group in (read(KB, text).facts.get("groups") or [])


def test_still_serving_told_of_someone_else_asks_nothing_and_names_no_measure():
    act = read(KB, "我老公不是退伍 还在服役呢")
    assert not act.is_question and act.asks is None and act.of_another and act.facts == {}


def test_no_longer_a_student_because_graduated_is_a_graduate():
    act = read(KB, "哦说错了 我上个月已经毕业了 不算在校生了")
    assert act.facts.get("groups") == ["college_graduate"] and "university_student" in act.negated["groups"]
    assert act.ambiguous == []


@pytest.mark.parametrize("text,place", [
    ("我在长春念的大学 今年毕业回图门了 想自己干 有啥政策", "图们市"),       # misspelt, in a long message
    ("我之前在江苏工地上干了五年 今年回乌鲁木其县水西沟了 想养几十头牛", "乌鲁木齐县"),
    ("说错了 哈尔滨是我当兵那地儿 我家在白成 现在人就在白成", "白城市"),
])
def test_a_misspelt_home_in_a_long_message_is_suggested(text, place):
    act = read(KB, text)
    assert act.place.place is None and act.place.suggestion is not None and act.place.suggestion.name == place


def test_cantonese_back_home_after_work_away():
    act = read(KB, "我喺东莞打咗十几年工 今年返广西榆林北流老家了 想搞个养鸡场 有冇咩扶持")
    assert place_of(act) == "北流市" and "returning_migrant_worker" in act.facts["groups"]


@pytest.mark.parametrize("text", ["有没有给女兵的 我们连有个女战友也退了", "我细佬啱啱退伍返嚟 佢有冇嘢扶持",
                                  "俺闺女大学毕业了也没找着活 她能跟俺一块弄不", "吉林省自己的文件里有没有专门给残疾人的"])
def test_a_comrade_a_brother_a_daughter_or_a_provinces_documents_change_nothing(text):
    act = read(KB, text)
    assert act.facts == {} and act.place.place is None


def test_a_gender_word_that_describes_someone_else_is_theirs():
    text = "有没有给女兵的 我们连有个女战友也退了"
    nlu = [{"entity": "gender", "value": "female", "start": text.index("女战友"), "end": text.index("女战友") + 1}]
    assert read(KB, text, nlu).facts == {}


@pytest.mark.parametrize("text,fact,value", [
    ("在吗 我之前在乌鲁木齐读大专 现在回昌吉了 腿不方便有残疾证 想开个网店", "groups", ["disabled"]),   # a student then
    ("我系梧洲嘅退伍兵 训练受伤评咗残 八级 想开间六堡茶铺", "groups", ["veteran", "disabled"]),
    ("我是老娘们儿 有没有帮女的", "gender", "female"),
    ("Hi, I am from Vietnam, working in Nanning for 3 years as software engineer.", "groups", ["foreign_talent"]),
    ("我在长春光机所做研究 想把课题组的专利转化出来办个公司", "groups", ["researcher"]),
])
def test_who_one_is_now_in_dialect_english_or_beside_a_past(text, fact, value):
    assert read(KB, text).facts.get(fact) == value


@pytest.mark.parametrize("text,fact,value", [
    ("哥们儿问下 俺是前郭农村的 二十三 想整个电商", "groups", ["rural_youth"]),
    ("我就卖粉的 不是啥科技企业啊", "tech_business", False),
])
def test_a_bare_age_and_not_some_kind_of_business(text, fact, value):
    assert read(KB, text).facts.get(fact) == value


def test_乾_stays_乾_in_a_place_name():
    from bot.script import to_simplified
    assert place_of(read(KB, to_simplified("说错了 不是前郭 是乾安 俺家在乾安"))) == "乾安县"
    assert read(KB, "在村里养了 20 头牛").facts.get("groups") != ["rural_youth"]


@pytest.mark.parametrize("text", ["得嘞", "妥了"])
def test_more_ways_of_saying_ok(text):
    assert read(KB, text).acknowledges


@pytest.mark.parametrize("text,place,group", [("帮我姐问的 她听力残疾 在柳州 想自己做螺蛳粉网店", "柳州市", "disabled"),
                                              ("我帮我崽问一下 他在广东打了八年工 过年回邵阳不走了 想养猪", "邵阳市",
                                               "returning_migrant_worker")])
def test_asking_for_someone_the_profile_is_theirs(text, place, group):
    act = read(KB, text)
    assert place_of(act) == place and group in act.facts["groups"]


def test_veterans_in_a_place_asked_about_are_a_topic():
    act = read(KB, "问一下 退伍军人在图们创业有啥政策 帮我战友问的")
    assert act.facts == {} and act.place.place is None and act.topics["groups"] == ["veteran"]


@pytest.mark.parametrize("text,fact,value", [("hi 我在延吉 边境这边的 想做跨境电商", "groups", ["border_resident"]),
                                             ("我是北海乡下的 家里打鱼的 想在抖音卖海鲜干货", "groups", ["rural_entrepreneur"]),
                                             ("需要办公室", "needs", ["premises"])])
def test_border_fishing_and_an_office(text, fact, value):
    assert read(KB, text).facts.get(fact) == value


def test_a_misspelt_place_where_one_must_follow_is_suggested():
    act = read(KB, "俺是退伍的 在溜州 想贷点款开个汽修店")
    assert act.place.suggestion is not None and act.place.suggestion.name == "柳州市"
    assert read(KB, "晚安").place.suggestion is None


def test_a_的_phrase_before_a_question_names_whom_it_asks_about():
    act = read(KB, "留学回来的有啥说法 俺闺女在国外念书")
    assert act.facts == {} and act.topics["groups"] == ["overseas_returnee"]


@pytest.mark.parametrize("text, name", [("我是净西的 家里是脱贫户", "靖西市"),
                                        ("俺之前在韩国打工 现在回土门了 想开个冷面馆", "图们市"),
                                        ("浑春的 离俄罗斯老近了 想整个对俄的小买卖", "珲春市"),
                                        ("我是浑春边境村里的 想做个边贸小买卖 卖海产 有扶持没", "珲春市")])
def test_a_home_voice_typed_with_other_characters_of_its_sound_is_suggested(text, name):
    reading = read(KB, text).place
    assert reading.place is None and reading.suggestion is not None and reading.suggestion.name == name


@pytest.mark.parametrize("text, groups", [
    ("俺老公在部队当兵 俺在珲春 想开个小超市", ["military_family"]),    # 当兵 said of the husband
    ("我是退伍的 在部队训练伤了腿 有残疾证", ["veteran", "disabled"]),  # 在部队: their own service
    ("我刚从英国master毕业回乌鲁木齐", ["college_graduate", "overseas_returnee"]),
])
def test_a_word_settled_by_the_rest_of_the_message_is_not_asked(text, groups):
    act = read(KB, text)
    assert sorted(act.facts.get("groups") or []) == sorted(groups) and act.ambiguous == [], (act.facts, act.ambiguous)


def test_an_ambiguous_word_of_ones_own_is_still_asked():
    assert [a.word for a in read(KB, "我毕业了 想开个店").ambiguous] == ["毕业"]


def test_a_group_said_of_ones_teacher_is_not_the_persons():
    act = read(KB, "有没有给高层次人才的 我导师是院士")
    assert "groups" not in act.facts and act.topics.get("groups") == ["high_level_talent"]


@pytest.mark.parametrize("text", ["就是缺本钱", "本钱少 有木有贷款", "我本钱不够 能贷点不"])
def test_lacking_capital_states_the_need_for_money(text):
    assert read(KB, text).facts.get("needs") == ["financing"]


@pytest.mark.parametrize("text, where, value", [
    ("俺没出去打过工 一直在村里", "negated", "returning_migrant_worker"),
    ("我在长春吉大当老师搞新材料的", "facts", "researcher"),
])
def test_more_ways_of_saying_who_one_is_or_is_not(text, where, value):
    assert value in (getattr(read(KB, text), where).get("groups") or [])


@pytest.mark.parametrize("text, need", [("学完了有地方入孵吗", "premises"), ("户口迁户口麻烦吗", "household_registration"),
                                        ("小孩上学的事有政策吗", "talent_services")])
def test_needs_in_everyday_words_are_what_is_asked_about(text, need):
    assert need in (read(KB, text).topics.get("needs") or [])


def test_a_wife_who_wants_to_join_in_asks_for_womens_measures():
    assert read(KB, "我媳妇也想跟着干 她有啥政策没").topics.get("gender") == "female"


@pytest.mark.parametrize("text, need", [("手头紧 贴息贷款有没有", "financing"), ("想了解安家补贴", "housing"),
                                        ("住的地方有没有帮助 租房太贵了", "housing")])     # the lack in a later clause
def test_a_lack_or_a_wish_said_beside_a_question_states_the_need(text, need):
    assert need in (read(KB, text).facts.get("needs") or [])


@pytest.mark.parametrize("text", ["离俄罗斯老近了 想整个对俄的小买卖", "想把货卖到越南去"])
def test_a_country_one_is_near_or_trades_with_is_not_where_one_is(text):
    assert read(KB, text).place.abroad is None


def test_the_provinces_own_documents_asked_without_naming_it():
    act = read(KB, "省里自己有没有专门给科技企业的")
    assert act.local_docs and act.asks == "measures"


def test_an_english_question_for_the_office_asks_whom_to_go_to():
    assert read(KB, "which office should I go").asks == "contact"
