"""Everyday and dialect ways of asking, of saying a need, and of speaking for someone else
(bot/reading): a question changes nothing, a difficulty says the need, whom the words are about."""
import pytest

from bot.rules import default_kb
from bot.reading import read

KB = default_kb()


@pytest.mark.parametrize("text", ["开业指导给不给", "贴息贴好多", "港澳台青年嗰个 系咪有场地俾我哋",
                                  "培训收不收钱", "担保要不要抵押", "场地租金贵不贵"])
def test_dialect_and_a_not_a_questions_state_no_need(text):
    act = read(KB, text)
    assert act.is_question and "needs" not in act.facts, act.facts


@pytest.mark.parametrize("text", ["好多人都创业了", "一不小心就亏了"])
def test_many_and_a_negation_inside_a_phrase_ask_nothing(text):
    assert not read(KB, text).is_question


@pytest.mark.parametrize("text", ["贴息贴好多", "能贷好多钱"])
def test_how_much_in_southwestern_speech_asks_the_amount(text):
    assert read(KB, text).asks == "amount"


@pytest.mark.parametrize("text, fact, value", [("我是女的嘛 有没有给妇女的", "gender", "female"),
                                             ("俺是退伍的嘛", "groups", ["veteran"])])
def test_an_assertion_with_嘛_states_the_fact(text, fact, value):
    assert read(KB, text).facts.get(fact) == value


@pytest.mark.parametrize("text", ["我先生是大陆人 他有什么政策", "我先生退伍了 他能贷款不"])
def test_the_word_for_a_husband_says_nothing_of_the_persons_gender(text):
    assert "gender" not in read(KB, text).facts


@pytest.mark.parametrize("text", ["凭祥嘅朋友都有份啊", "柳州那边的亲戚说有补贴"])
def test_a_place_that_says_whose_friend_is_not_the_persons(text):
    assert read(KB, text).place.place is None


def test_asking_for_a_sister_makes_her_place_and_her_husbands_service_the_profile():
    act = read(KB, "帮我姐问一哈 我姐夫在部队 我姐在西安想开个花店")
    assert act.place.place.name == "西安市" and act.facts.get("groups") == ["military_family"]


def test_whom_an_earlier_message_asked_for_is_still_the_profile():
    act = read(KB, "我姐是女的 她手头紧", asked_for="姐")
    assert act.facts.get("gender") == "female" and act.facts.get("needs") == ["financing"]
    assert read(KB, "我姐是女的").facts == {}, "without it, a sister is someone else"


@pytest.mark.parametrize("text", ["陕西有没有额外的", "广东有没有单独的政策"])
def test_a_province_asked_for_more_asks_for_its_own_documents(text):
    act = read(KB, text)
    assert act.local_docs and act.facts == {}


@pytest.mark.parametrize("text, need", [
    ("税费怕扛不住 能减免不", "tax"), ("俺们怕税交太多 能少交点不", "tax"),
    ("我不会办营业执照 咋弄", "registration"), ("牌照点样办 我唔识", "registration"),
    ("房子租不起 有没有住房保障", "housing"), ("本钱差点 能贷款不嘛", "financing"),
    ("想先学点修车技术再开个汽修铺 有没有培训", "training"), ("我需要个仓库放货 可以进去吗", "premises"),
    ("没有地方盖厂房 用地有政策吗", "premises"), ("想找个便宜点的办公地方", "premises"),
    ("我的孩子要在这边上学 需要帮忙", "talent_services"),
])
def test_a_difficulty_or_a_wish_said_beside_a_question_states_the_need(text, need):
    assert need in (read(KB, text).facts.get("needs") or []), read(KB, text).facts


@pytest.mark.parametrize("text", ["税有优惠吗", "贷款利息高不高", "没有地方政策吗", "学校的技术转移有吗"])
def test_a_question_alone_states_no_need(text):
    assert "needs" not in read(KB, text).facts


@pytest.mark.parametrize("text, group", [("在外地干装修好些年 今年回梅河口了", "returning_migrant_worker"),
                                         ("在外面跑了几年车 现在回来了", "returning_migrant_worker"),
                                         ("家人们 我农安的 村里小伙 想搞直播带货卖笨鸡蛋", "rural_youth"),
                                         ("我在流州 农村的 自己种笋 想把酸笋做成品牌", "rural_entrepreneur"),
                                         ("Hello, I am Kazakhstan citizen 我在乌鲁木齐 work 三年了", "foreign_talent")])
def test_more_ways_of_saying_who_one_is(text, group):
    assert group in (read(KB, text).facts.get("groups") or [])


@pytest.mark.parametrize("text", ["我家老大在外面打工准备回来 他算啥", "我老公在广东打工 我今年回来了"])
def test_someone_elses_work_away_does_not_make_the_person_a_returning_worker(text):
    assert "groups" not in read(KB, text).facts


def test_a_measure_named_by_its_title_says_nothing_of_who_asks():
    act = read(KB, "女大学生创业创新大赛 毕业了还能报吗")
    assert act.facts == {} and act.asks == "eligibility"
    assert "university_student" not in (act.topics.get("groups") or []), "毕业了 is asked about; 大学生 is the title's"


def test_a_river_named_after_a_town_is_not_where_one_is():
    act = read(KB, "我浑春的 住边境上 离图们江不远")
    assert act.place.place is None and act.place.suggestion.name == "珲春市"


@pytest.mark.parametrize("text", ["老板 问下嘢", "请问一下", "你好 打扰一下", "老师好 请问一下", "师傅好，打扰一下"])
def test_saying_a_question_is_coming_is_a_greeting(text):
    assert read(KB, text).social == "greet"


def test_a_province_asked_for_its_special_policies_asks_for_its_own_documents():
    act = read(KB, "黑龙江有专门的政策不")
    assert act.local_docs and act.place.topic.name == "黑龙江省"
    assert not read(KB, "图们有没有专门给退伍兵的").local_docs, "a group's measures there, not the documents"


@pytest.mark.parametrize("text", ["想学电商卖山货 哪里有培训", "打算先学做面包 有课吗"])
def test_a_wish_to_learn_states_the_need_for_training(text):
    assert "training" in (read(KB, text).facts.get("needs") or [])


@pytest.mark.parametrize("text, group", [("俺儿今年大学毕业 在郑州 想自己开个打印店 有啥政策中不中", "college_graduate"),
                                         ("我弟退伍了 在柳州 想开个汽修店", "veteran")])
def test_a_relatives_plan_told_alone_makes_the_relative_the_profile(text, group):
    act = read(KB, text)
    assert act.on_behalf and group in act.facts.get("groups", [])


def test_a_relative_beside_the_persons_own_plan_is_someone_else():
    act = read(KB, "我弟退伍了 我在柳州 想开个汽修店")
    assert not act.on_behalf and "groups" not in act.facts and act.place.place.name == "柳州市"


def test_the_one_asked_for_said_as_he_later_is_the_profile():
    assert read(KB, "他是男孩 这有关系不", asked_for="儿").facts.get("gender") == "male"


def test_what_a_group_gets_said_of_no_one_is_asked_about_and_said_with_i_is_the_persons():
    assert "groups" not in read(KB, "入选省引才计划有资金支持 能给多少").facts
    assert read(KB, "我入选了省引才计划 有资金支持吗").facts.get("groups") == ["high_level_talent"]


def test_not_knowing_a_matter_asks_for_advice_not_for_that_matters_measures():
    assert "needs" not in read(KB, "有没有人教 我不懂财务税务这些").facts


@pytest.mark.parametrize("text", ["我今年24", "今年五十了"])
def test_an_age_said_alone_asks_whether_it_qualifies(text):
    act = read(KB, text)
    assert act.asks == "eligibility" and act.facts == {}


@pytest.mark.parametrize("text", ["我们队有个女生 她有专门的吗", "我们连有个女兵 她有啥政策"])
def test_someone_introduced_with_有个_is_someone_else_asked_about(text):
    act = read(KB, text)
    assert act.facts == {} and act.topics.get("gender") == "female"
    assert read(KB, "我有个残疾证").facts.get("groups") == ["disabled"], "what one has is one's own"


def test_a_home_named_beside_a_question_about_returning_is_not_where_one_is_now():
    act = read(KB, "农民工返乡那个我能用吗 我老家昌吉农村的")
    assert act.place.elsewhere, "老家 said, no return said: where they come from"


def test_a_plan_to_go_home_outranks_where_one_works_now():
    act = read(KB, "我是图们人 现在在上海一所大学当教授 打算带项目回图们办个科技公司")
    assert act.place.place.name == "图们市"


@pytest.mark.parametrize("text, group", [("俺原来那个厂子去年倒闭了 俺现在没工作 想自己干", "unemployed"),
                                         ("你好 我系东兴嘅 住喺边境 想搞个跨境电商", "border_resident")])
def test_more_words_for_being_out_of_work_and_living_at_the_border(text, group):
    assert read(KB, text).facts.get("groups") == [group]


def test_someone_elses_closed_factory_says_nothing_of_the_person():
    assert read(KB, "我老公的厂子倒闭了 他没工作").facts == {}


@pytest.mark.parametrize("text", ["俺是周口农村嘞 妇女 想跟村里几个姊妹弄个手工合作社 没本钱", "我们几个想合伙开店"])
def test_several_people_is_no_question(text):
    assert not read(KB, text).is_question


def test_asked_to_ask_by_ones_mother_makes_her_the_profile_and_a_woman():
    act = read(KB, "我妈让我来问的 她是下岗工人 在哈尔滨")
    assert act.on_behalf and act.facts.get("gender") == "female" and act.facts.get("groups") == ["unemployed"]
    assert not read(KB, "帮我问问").on_behalf, "help me ask: the person themself"


def test_an_age_said_of_the_one_asked_for_asks_whether_it_qualifies():
    assert read(KB, "她五十三了 还能贷款吗", asked_for="妈").asks == "eligibility"


def test_what_is_special_about_a_place_asks_for_its_own_documents():
    assert read(KB, "图们有啥特别的").local_docs


def test_a_daughter_who_wants_to_join_in_asks_for_womens_measures_and_is_not_the_profile():
    act = read(KB, "我女儿也想一起做 她有什么可以申请的")
    assert not act.on_behalf and act.facts == {} and act.topics.get("gender") == "female"


@pytest.mark.parametrize("text, group", [("俺腿有残疾 在郑州 想开个修鞋的小摊儿", "disabled"),
                                         ("我左手有点残疾 想开网店", "disabled"),
                                         ("我家住珲春 边境那嘎达 想开个小店", "border_resident"),
                                         ("我是桂林理工的老师 想带学生搞个公司", "researcher"),
                                         ("刚在长春读完研究所 想留下来创业", "college_graduate")])
def test_ones_body_the_border_nearby_a_universitys_teacher_and_a_finished_degree(text, group):
    assert group in (read(KB, text).facts.get("groups") or [])


@pytest.mark.parametrize("text", ["她腿有残疾 能办吗", "我老公是大学的老师 他能办吗", "我男友是退伍军人 他能贷款吗",
                                  "我婆婆是残疾人", "my son is a college student", "我老伴以前当过兵"])
def test_the_same_words_said_of_someone_else_say_nothing_of_the_person(text):
    assert "groups" not in read(KB, text).facts


def test_whether_the_bank_will_lend_asked_when_introducing_oneself_is_a_need():
    assert read(KB, "俺家是脱贫户 在通化县农村 想搞个电商卖蘑菇 银行能贷着款不").facts.get("needs") == ["financing"]


@pytest.mark.parametrize("text, fact, value", [
    ("我是越南籍，在南宁的大学做博士后研究", "groups", "foreign_talent"),
    ("留日十年 今年回国 准备在长春办个公司", "groups", "overseas_returnee"),
    ("我男人在西藏当兵 我在成都 想开个小火锅店", "groups", "military_family"),
    ("我之前在厂头上班 现在没得工作了", "groups", "unemployed"),
    ("我去年大学毕业的 到现在冇找到工作 失业登记都办了", "groups", "unemployed"),
    ("俺从上海回来了 在周口农村 想搞个电商", "groups", "returning_migrant_worker"),
    ("那边租房子贵", "needs", "housing"),
    ("俺是退伍兵 在柳州 想开个汽修铺 没啥本钱", "needs", "financing")])
def test_nationality_study_abroad_a_soldiers_wife_out_of_work_back_home_and_dear_rent(text, fact, value):
    assert value in (read(KB, text).facts.get(fact) or [])


@pytest.mark.parametrize("text", ["我从北京读完研回来 在村里搞养殖", "我儿子从深圳回来了 在村里", "失业登记都办了"])
def test_back_from_studies_or_someone_elses_return_is_no_returning_worker_nor_registration(text):
    facts = read(KB, text).facts
    assert "returning_migrant_worker" not in (facts.get("groups") or []) and "registration" not in (facts.get("needs") or [])


def test_a_cantonese_correction_and_denial_are_read():
    act = read(KB, "讲错咗 唔系退伍 佢而家仲喺部队")
    assert act.corrects and act.negated.get("groups") == ["veteran"] and "groups" not in act.facts


def test_how_in_wuhan_speech_asks():
    act = read(KB, "税么样减")
    assert act.is_question and "needs" not in act.facts


def test_whether_it_has_ended_asked_with_a_final_没_is_a_question():
    act = read(KB, "这个是2021到2023年的 过期没")
    assert act.is_question and act.asks == "deadline"


def test_the_kind_of_ones_own_company_told_beside_a_question_is_a_fact_and_alone_a_topic():
    assert read(KB, "我们自己也想开个公司 科技型的 有研发补贴不").facts.get("tech_business") is True
    act = read(KB, "科技型的 有没有")
    assert "tech_business" not in act.facts and act.topics.get("tech_business") is True


def test_living_by_the_border_keeps_the_town_named_with_it():
    act = read(KB, "我家住珲春 边境那嘎达 想开个小店")
    assert act.facts.get("groups") == ["border_resident"] and act.place.place.name == "珲春市"


@pytest.mark.parametrize("text, need", [("我是台湾人 在柳州想做螺蛳粉电商 有什么补助吗", "financing"),
                                        ("周转资金好紧 有冇贷款", "financing"),
                                        ("我不太懂管账报税这些 有人能带带不", "mentoring")])
def test_a_subsidy_a_tight_purse_and_someone_to_show_the_ropes_are_needs(text, need):
    assert need in (read(KB, text).facts.get("needs") or [])


@pytest.mark.parametrize("text, youth", [("我是百色的农民 二十六岁 种芒果的", True), ("俺是农民 今年五十了", False),
                                         ("农民工 25岁", False)])
def test_a_farmer_who_gives_a_young_age_is_rural_youth_and_still_a_farmer(text, youth):
    groups = read(KB, text).facts.get("groups") or []
    assert ("rural_youth" in groups) == youth and ("rural_entrepreneur" in groups) == (not text.startswith("农民工"))


@pytest.mark.parametrize("text, youth", [("我二十一 一直在村里 能报吗", True), ("我二十一 在城里", False)])
def test_a_bare_young_age_told_with_the_village_is_rural_youth(text, youth):
    assert ("rural_youth" in (read(KB, text).facts.get("groups") or [])) == youth


def test_a_partner_from_hong_kong_is_a_group_asked_about_not_the_person():
    act = read(KB, "我合伙人是香港的 他有政策吗")
    assert act.topics.get("groups") == ["hk_macao_taiwan"] and "groups" not in act.facts
    assert read(KB, "我们公司是香港的").topics == {} and read(KB, "我们公司是香港的").facts == {}


def test_cantonese_dian_before_a_verb_asks_how():
    act = read(KB, "第2个点申请")
    assert act.asks == "apply" and act.refs.positions == [(2, "个")]
    assert read(KB, "有点办法吗").asks != "apply"


def test_keeping_ones_school_place_is_no_study_abroad():
    act = read(KB, "休学能保留学籍不")
    assert act.topics.get("needs") == ["study"] and "groups" not in act.topics and "groups" not in act.facts


@pytest.mark.parametrize("text, back", [("我在延吉 不对 是图们 刚从韩国回来 在那边打工五年", True),
                                        ("我儿子刚回来 他在深圳打工五年", False), ("我刚回来 准备去打工", False)])
def test_the_years_worked_away_told_after_coming_back_make_a_returning_worker(text, back):
    assert ("returning_migrant_worker" in (read(KB, text).facts.get("groups") or [])) == back


def test_knowing_nothing_said_beside_a_question_for_training_states_the_need():
    act = read(KB, "有没有什么培训 我啥也不会")
    assert act.facts.get("needs") == ["training"]


@pytest.mark.parametrize("text", ["想问问女大学生创业大赛的事", "图们的高端人才签证便利 我可以用吗"])
def test_a_group_word_inside_a_contests_or_facilitys_name_is_no_fact(text):
    assert "groups" not in read(KB, text).facts


def test_a_contest_one_wants_to_enter_is_still_a_need_beside_ones_group():
    facts = read(KB, "我是女大学生 想参加创业大赛").facts
    assert facts.get("groups") == ["university_student"] and facts.get("needs") == ["competitions"]


@pytest.mark.parametrize("text, fact, value", [
    ("我家在靠边境的村里", "groups", "border_resident"),
    ("被公司裁员了 layoff 现在在青岛", "groups", "unemployed"),
    ("我在梧州种沙糖桔十几年了 想办个合作社", "groups", "rural_entrepreneur"),
    ("我是今年毕业的大学生 在成都", "groups", "college_graduate"),
    ("搵铺好贵 有冇平啲嘅地方", "needs", "premises"),
    ("那我可以贷款吗 资金有点不够", "needs", "financing"),
    ("贷款呢 我有点存款但不够", "needs", "financing"),
    ("我就是退伍的 在乌鲁木齐 想开个健身房 先学学怎么经营", "needs", "training")])
def test_more_everyday_ways_of_saying_who_one_is_and_what_one_lacks(text, fact, value):
    assert value in (read(KB, text).facts.get(fact) or []), read(KB, text).facts


def test_one_more_need_said_with_其实也_withdraws_nothing():
    act = read(KB, "我其实也缺钱 设备太贵")
    assert act.facts.get("needs") == ["financing"] and "needs" not in act.replaced


def test_going_to_ask_at_the_county_tomorrow_is_an_acknowledgement():
    act = read(KB, "中 俺明天去县里问问")
    assert act.acknowledges and not act.is_question
