"""Grammar rules read on regulations for private businesses, overseas Chinese and disabled people,
on phrasings written for these tests: what a topic enjoys, offers named in fields with no verb
of giving, and who acts."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- what a topic enjoys ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("高校毕业生从事个体经营的，享受资金扶持和创业培训。", "college_graduate"),
    ("退役士兵自主创业的，享受资金支持和贷款贴息。", "veteran"),
])
def test_funds_a_topic_enjoys_are_no_use_of_a_fund(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject" and group in r.groups, r.why()


# ---- help with someone's difficulties ------------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("县人民政府对退役军人面临的实际困难，应当给予帮助。", "veteran"),
    ("区人民政府对困难家庭中的残疾人在就医方面遇到的困难，给予救助。", "disabled"),
])
def test_help_with_difficulties_is_for_those_who_have_them(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and group in r.groups, r.why()


# ---- 其 after people taken into a scheme -----------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("市人民政府应当制定扶持政策，将企业引进的高层次人才纳入人才政策体系，为其提供住房、落户等方面支持。",
     "high_level_talent"),
    ("县人民政府应当出台政策，将返乡创业的农民工纳入创业扶持体系，为其提供场地、融资等方面支持。", "returning_migrant_worker"),
])
def test_its_after_people_taken_into_a_scheme_names_them(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "为" and group in r.groups, r.why()


# ---- 向 B 供应 ---------------------------------------------------------------------------------------

def test_land_supplied_to_a_business_is_an_offer(vocab):
    r = read("国土资源部门可以采用先租后让等方式向小微企业公开供应工业用地。", vocab)
    assert r.measure and r.frame == "向" and r.beneficiary == "小微企业", r.why()


# ---- offices whose names open with a character that is a preposition elsewhere (自…起, 经…批准) ---------

@pytest.mark.parametrize("sentence, office", [
    ("自然资源主管部门可以依法以租赁方式向中小企业供应土地。", "自然资源主管部门"),
    ("经济和信息化主管部门可以依法为小微企业提供融资服务。", "经济和信息化主管部门"),
])
def test_an_office_named_with_such_a_word_acts(vocab, sentence, office):
    r = read(sentence, vocab)
    assert r.measure and r.actor == office, (r.actor, r.why())


# ---- penalties -------------------------------------------------------------------------------------

def test_an_administrative_penalty_given_is_no_offer(vocab):
    r = read("违反消防管理规定的，依法给予行政处罚。", vocab)
    assert not r.measure and "法律责任" in (r.not_measure or ""), r.why()


def test_the_items_of_a_penalised_list_are_no_offers(vocab):
    from drafting.writer import Drafter
    text = ("第一条 有关部门工作人员有下列行为之一的，由主管机关依法给予处分：\n\n（一）未按照规定为退役军人办理社会保险"
            "接续手续的；\n\n（二）未按照规定为残疾人子女办理入学手续的。\n\n第二条 本条例自2021年1月1日起施行。\n")
    assert Drafter(text, "penalty-test", "杭州", vocab).draft()["measures"] == []


# ---- units joined by 和 after 机构/机关 --------------------------------------------------------------

@pytest.mark.parametrize("subject, units", [
    ("区人才服务机构和街道社会保障服务机构", ["区人才服务机构", "街道社会保障服务机构"]),
    ("公安机关和出入境管理机构", ["公安机关", "出入境管理机构"]),
    ("金融机构和个人", ["金融机构和个人"]),
])
def test_units_joined_after_an_institution_each_act(subject, units):
    from drafting.agencies import subject_units
    assert [name for name, _ in subject_units(subject)] == units


# ---- help given before others' duty to assist ------------------------------------------------------

def test_help_given_before_a_duty_to_assist_is_an_offer(vocab):
    r = read("退役军人遭遇临时性困难的，其户籍地的乡镇人民政府应当给予临时救助，社区协助做好相关帮扶工作。", vocab)
    assert r.measure and "veteran" in r.groups, r.why()


def test_the_units_of_the_peoples_place_each_act():
    from drafting.agencies import subject_units
    assert [n for n, _ in subject_units("其户籍地的街道办事处和乡镇人民政府")] == ["街道办事处", "乡镇人民政府"]


# ---- what a business may do for itself -----------------------------------------------------------

def test_a_business_permitted_to_build_is_no_office_that_acts(vocab):
    r = read("符合条件的小微企业可以利用自有工业用地，按照有关规定建设职工宿舍和人才公寓。", vocab)
    assert r.measure and r.actor is None, (r.actor, r.why())


# ---- 为 + a verb: a purpose, not whom it is for ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "仲裁机构应当为维护小微企业合法权益提供便捷的仲裁服务。",
    "公证机构依法为促进民营企业发展提供法律保障。",
])
def test_for_a_purpose_names_no_beneficiary(vocab, sentence):
    r = read(sentence, vocab)
    assert not (r.measure and r.frame == "为"), r.why()


# ---- equal treatment and party organisation --------------------------------------------------------

def test_equal_enjoyment_is_equal_treatment_not_an_offer(vocab):
    r = read("有关部门应当保障个体工商户平等享受国家支持小微企业发展的各项政策。", vocab)
    assert not r.measure and "权利" in (r.not_measure or ""), r.why()


def test_party_organisation_in_businesses_is_no_offer(vocab):
    r = read("在非公有制企业中，依照党章设立党的组织，开展党的活动，为企业职工提供服务。", vocab)
    assert not r.measure and "党" in (r.not_measure or ""), r.why()


# ---- offices set to work ---------------------------------------------------------------------------

def test_offices_organised_to_plan_are_offered_nothing(vocab):
    r = read("区人民政府应当组织民政等行政部门和残疾人联合会编制托养机构建设规划，建立公益性托养机构。", vocab)
    assert not r.measure, r.why()


# ---- a scheme that pays a group ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("本省根据残疾程度和家庭收入状况，建立困难残疾人生活补贴制度。", "disabled"),
    ("市人民政府建立退役军人意外伤害保险制度。", "veteran"),
])
def test_a_scheme_that_pays_a_group_is_an_offer(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups, r.why()


def test_a_system_that_pays_nobody_named_stays_the_governments_work(vocab):
    assert not read("市人民政府建立健全财政资金绩效评价制度。", vocab).measure


# ---- a time is no subject ----------------------------------------------------------------------------

def test_the_people_before_a_time_enjoy_what_it_names(vocab):
    r = read("在本市办理退休手续后出国定居的人员，回国期间可以享受相应的医疗保险待遇。", vocab)
    assert r.measure and r.frame == "subject" and r.beneficiary.endswith("出国定居的人员"), r.why()


# ---- a provider guided to build or run something ------------------------------------------------------

def test_what_a_guided_provider_then_does_is_no_offer_of_the_guide(vocab):
    r = read("卫生健康部门应当指导社区卫生服务机构设立家庭医生工作室，开展健康咨询、慢病管理等工作。", vocab)
    assert not r.measure, r.why()
