"""A first message that tells who and where the person is while it asks: the need asked
about is theirs; a lack said with figures or a typo is a lack; 毕业 beside a college is a
graduate; a villager planning a business is a rural entrepreneur (bot/reading)."""
import pytest

from bot.rules import default_kb
from bot.reading import read

KB = default_kb()


@pytest.mark.parametrize("text, need", [("我腿有残疾 有残疾证 在北京 想开个修手机的小店 税能减不", "tax"),
                                        ("你好 我系东兴嘅 住喺边境 想搞个跨境电商 有冇地方可以入驻", "premises"),
                                        ("今年刚毕业 在深圳 想开个网店 税费能减免不", "tax"),
                                        ("我腿有残疾 有残疾证 在北海 想开个修手机的小店 办执照要钱不", "registration"),
                                        ("我是退伍的 在南宁 贷款找谁办", "financing"),
                                        ("俺是返乡的 在玉林 办营业执照要带啥", "registration")])
def test_a_need_asked_while_saying_who_and_where_one_is_is_the_persons(text, need):
    act = read(KB, text)
    assert need in act.facts.get("needs", []) and act.is_question, act.facts


@pytest.mark.parametrize("text", ["有没有贷款", "学完了想开个修车铺 有地方入孵吗", "有没有给女的", "贷款找谁办", "办执照要钱不"])
def test_a_question_alone_or_beside_a_plan_only_asks(text):
    act = read(KB, text)
    assert "needs" not in act.facts and "gender" not in act.facts, act.facts


@pytest.mark.parametrize("text", ["本钱还差二十万 能贷款吗", "也没本前 有贷款没", "资金差5万 有办法吗"])
def test_a_lack_said_with_a_sum_or_a_typo_states_the_need_for_money(text):
    assert read(KB, text).facts.get("needs") == ["financing"]


def test_a_wish_to_learn_how_to_run_a_business_is_no_question():
    assert read(KB, "我想先学学咋经营 有培训没").facts.get("needs") == ["training"]


@pytest.mark.parametrize("text, graduate", [("今年刚毕业 延边大学的 想去图们开个奶茶店", True), ("大专刚毕业", True),
                                            ("技工学院刚毕业", False), ("我女儿大学刚毕业", False),
                                            ("今年刚毕业 想开个奶茶店", False)])
def test_毕业_beside_the_persons_college_settles_a_graduate(text, graduate):
    act = read(KB, text)
    assert ("college_graduate" in act.facts.get("groups", [])) is graduate, act.facts


def test_a_thesis_on_ones_startup_asks_about_study_rules():
    act = read(KB, "研二在读 学校在长春 想做个AI小程序创业 能不能拿创业项目当毕业论文答辩")
    assert act.facts.get("needs") == ["study"] and act.facts.get("groups") == ["university_student"]


@pytest.mark.parametrize("text, rural", [("俺是周口农村嘞 妇女 想跟村里几个姊妹弄个手工合作社 没本钱", True),
                                         ("村里的姊妹想开个店", False), ("我是农村的 在城里打工", False)])
def test_a_villager_who_plans_a_business_is_a_rural_entrepreneur(text, rural):
    act = read(KB, text)
    assert ("rural_entrepreneur" in act.facts.get("groups", [])) is rural, act.facts


def test_a_county_whose_name_is_an_everyday_word_is_read_where_the_person_says_they_are():
    act = read(KB, "俺家是脱贫户 在大安 想养几头牛 银行能给贷款不")
    assert act.place.place is not None and act.place.place.name == "大安市"


@pytest.mark.parametrize("text, need", [("有培训吗 我不太会弄直播", "training"), ("贷款要抵押吗 我没啥抵押的", "financing")])
def test_a_skill_or_a_security_one_lacks_said_beside_the_question_states_the_need(text, need):
    assert read(KB, text).facts.get("needs") == [need]


@pytest.mark.parametrize("text, member", [("我係香港嚟嘅 喺南寧想開間設計工作室", True), ("我从香港过来", True),
                                          ("我老家台湾的", True), ("我是台湾的客户", False)])
def test_coming_from_hong_kong_macao_or_taiwan_said_of_oneself(text, member):
    assert ("hk_macao_taiwan" in read(KB, text).facts.get("groups", [])) is member


@pytest.mark.parametrize("text, member", [("我老公是当兵的 我能享受啥", True), ("我老公还在当兵呢", True),
                                          ("我老公以前是当兵的", False)])
def test_a_husband_who_is_a_soldier_makes_one_military_family(text, member):
    assert ("military_family" in read(KB, text).facts.get("groups", [])) is member


def test_a_trade_one_says_one_does_not_know_is_no_group():
    act = read(KB, "有没有培训啊 养殖我不太懂")
    assert act.facts == {} and act.topics.get("needs") == ["training"]


def test_when_a_child_starts_school_is_no_need_of_the_person():
    assert read(KB, "sorry 说错了 孩子是后年上学 不是明年").facts == {}


@pytest.mark.parametrize("text, fact, value", [
    ("我是桂电的老师 做物联网传感器研究的 想跟学生一起把成果转化出来成立公司", "groups", ["researcher"]),
    ("我在巴马村里 刚20出头 想搞直播卖巴马香猪跟火麻油", "groups", ["rural_youth"]),
    ("我从东莞打工回来咯 融水嘞 想搞个酸笋加工坊 莫得地", "needs", ["premises"]),
    ("银行让找担保人 我找不下 钱也不够 咋办", "needs", ["financing"]),
    ("铺面好贵哦 租不起 有没得照顾嘛", "needs", ["premises"]),
    ("我哪样都不懂 想找个懂行嘞人带一下", "needs", ["mentoring"]),
])
def test_everyday_words_for_who_one_is_and_what_one_lacks(text, fact, value):
    assert read(KB, text).facts.get(fact) == value


def test_the_place_one_came_back_from_is_not_where_one_is():
    act = read(KB, "我从东莞打工回来咯 融水嘞 想搞个酸笋加工坊")
    assert act.place.place.name == "融水苗族自治县"


def test_students_one_works_with_ask_nothing_of_the_person():
    act = read(KB, "我是大学老师 想跟学生一起开公司")
    assert not act.ambiguous


@pytest.mark.parametrize("text", ["办执照得交钱不", "注册公司麻烦不 要跑几趟", "户口得迁回来不 我不太想动"])
def test_a_question_ending_in_不_states_no_need(text):
    act = read(KB, text)
    assert act.is_question and "needs" not in act.facts, act.facts


@pytest.mark.parametrize("text", ["俺弟是当兵退下来的 他有啥不", "我带的研究生也想一起搞 他们算哪样"])
def test_a_relative_or_students_said_in_dialect_are_someone_else(text):
    act = read(KB, text)
    assert "groups" not in act.facts and act.others.get("groups"), act.facts


def test_a_house_to_pledge_is_a_need_for_a_loan_not_for_housing():
    assert read(KB, "我们没房子抵押 咋办").facts.get("needs") == ["financing"]


@pytest.mark.parametrize("text", ["老表 问下嘢", "兄弟 问个事", "恁好 俺问个事儿", "喂"])
def test_a_dialect_opener_is_a_greeting(text):
    assert read(KB, text).social == "greet"


@pytest.mark.parametrize("text, need", [("那我还想学点电商直播啥的 有培训不", "training"), ("啲本钱唔够 有冇贷款", "financing"),
                                        ("我都想学下点样喺网上卖", "training"),
                                        ("我是乌鲁木齐职业大学的学生 想创业 有没有老师带带", "mentoring")])
def test_a_wish_or_lack_in_dialect_beside_a_question_states_the_need(text, need):
    assert need in read(KB, text).facts.get("needs", [])


def test_how_to_manage_what_one_needs_asked_in_an_introduction_states_it():
    act = read(KB, "我在德国读完博士回国了 打算在吉林市开个做传感器的公司 户口和孩子上学怎么办")
    assert act.facts.get("needs") == ["household_registration", "talent_services"]


@pytest.mark.parametrize("text", ["我在珲春 靠边境那个村子 女的 想开个民宿 不会经营 想学学", "俺家在东兴 就靠边境这个村 想搞跨境电商"])
def test_a_village_by_the_border_pointed_at_with_that_is_where_one_lives(text):
    act = read(KB, text)
    assert "border_resident" in act.facts.get("groups", []) and not act.topics.get("groups"), (act.facts, act.topics)


@pytest.mark.parametrize("text, open_question, answer", [("那我不是 就是个面馆", "tech_business", False),
                                                         ("科技型？我们就是做贸易的，不算吧", "tech_business", False),
                                                         ("我是退伍的", "tech_business", None)])
def test_a_no_said_of_oneself_or_after_echoing_the_question_answers_it(text, open_question, answer):
    assert read(KB, text, open_question=open_question).answer is answer


def test_a_few_things_one_has_is_no_question_and_a_kind_of_business_beside_it_is_stated():
    act = read(KB, "我们是南宁的软件公司 科技型中小企业 有几个软著和专利 想拿专利去贷款")
    assert act.facts.get("tech_business") is True and not act.is_question, (act.facts, act.topics)


def test_a_sum_not_quite_enough_beside_a_loan_question_states_the_need():
    assert "financing" in read(KB, "本钱不太够 能贷款不").facts.get("needs", [])


def test_a_student_who_has_graduated_is_a_graduate():
    act = read(KB, "我是今年毕业的女大学生 在长沙 想开个设计工作室 有啥减税的吗～")
    assert act.facts.get("groups") == ["college_graduate"] and not act.ambiguous, act.facts


def test_patents_one_has_to_protect_are_ones_own_need_not_someone_introduced():
    act = read(KB, "我们手里有几个专利 怕被别人抄 想好好保护起来")
    assert "ip" in act.facts.get("needs", []) and not act.others, (act.facts, act.others)
