"""Grammar rules read on regulations that support private businesses, researchers and disabled
people, on phrasings written for these tests: 组织 as a noun, support given in named fields,
equal treatment, and the shapes of offers these regulations use."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary

IN_FORCE = "\n\n第二条 本条例所称企业，是指依法设立的企业。\n\n第三条 本条例自2021年1月1日起施行。\n"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def _drafts(text, vocab):
    from drafting.writer import Drafter
    return Drafter(text, "support-test", "杭州", vocab).draft()["measures"]


# ---- 组织 as the head of a noun -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, beneficiary", [
    ("县人民政府应当为农村集体经济组织提供融资担保。", "农村集体经济组织"),
    ("县人民政府对农村集体经济组织兴办的加工企业给予贷款贴息。", "农村集体经济组织兴办的加工企业"),
])
def test_an_organisation_noun_is_no_verb_ending_the_beneficiary(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary, r.why()


# ---- support in named fields ----------------------------------------------------------------------

def test_support_in_named_fields_is_an_offer(vocab):
    r = read("市人民政府应当在用地、融资等方面为小微企业提供支持。", vocab)
    assert r.measure and r.frame == "为" and r.beneficiary == "小微企业", r.why()


def test_support_with_nothing_named_stays_no_offer(vocab):
    assert not read("市人民政府应当为小微企业提供支持。", vocab).measure


# ---- equal treatment --------------------------------------------------------------------------------

def test_terms_kept_equal_to_others_are_no_offer(vocab):
    r = read("金融机构对中小企业的贷款条件应当与其他企业保持一致。", vocab)
    assert not r.measure and "权利" in (r.not_measure or ""), r.why()


# ---- taken into a scheme ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("县人民政府应当将生活不能自理的重度残疾人，逐步纳入日间照料。", "disabled"),
    ("将企业引进的高层次人才纳入本市人才服务体系，并在落户、子女入学等方面提供便利。", "high_level_talent"),
])
def test_people_taken_into_care_or_a_scheme_with_an_offer_after_it_benefit(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups, r.why()


def test_a_field_of_work_taken_into_a_plan_is_no_beneficiary(vocab):
    r = read("各级人民政府应当将扶持残疾人就业工作纳入发展计划，并在资金等方面给予扶持。", vocab)
    assert r.beneficiary is None or not r.beneficiary.endswith("工作")


# ---- words that hold a modal's character ---------------------------------------------------------------

def test_a_modal_inside_a_word_does_not_end_the_beneficiary(vocab):
    # 重要 holds 要, 相应 holds 应: neither ends 对 B
    r = read("对在技术攻关中做出重要贡献的人员给予奖励。", vocab)
    assert r.measure and r.beneficiary == "在技术攻关中做出重要贡献的人员", r.why()


@pytest.mark.parametrize("sentence", [
    "学校对完成科技成果的人员给予奖励的支出，计入本单位工资总额。",
    "学校取得的收入，在对完成科技成果的人员给予奖励后，用于科研工作。",
])
def test_what_giving_costs_or_a_time_after_giving_offers_nothing(vocab, sentence):
    assert not read(sentence, vocab).measure


def test_ones_own_unit_that_rewards_is_no_lead_office(vocab):
    [m] = _drafts("第一条 科技成果完成单位应当对做出重要贡献的人员给予奖励。" + IN_FORCE, vocab)
    assert not m.get("agencies", {}).get("lead"), m.get("agencies")


# ---- whom "those who…" are -----------------------------------------------------------------------------

def test_those_who_after_an_employers_duty_are_the_employers(vocab):
    text = ("第一条 各类用人单位，应当按比例安排残疾人就业。超过该比例的，给予适当奖励。" + IN_FORCE)
    ms = [m for m in _drafts(text, vocab) if m["quote"].startswith("超过")]
    assert ms and not ms[0].get("conditions", {}).get("groups"), ms


def test_a_field_of_work_names_no_people(vocab):
    text = ("第一条 社区应当组织手语翻译从事残疾人工作。从事该工作满十年的，发给荣誉证书。" + IN_FORCE)
    ms = [m for m in _drafts(text, vocab) if m["quote"].startswith("从事该工作")]
    assert ms and not ms[0].get("conditions", {}).get("groups"), ms


# ---- what is free, what may be given for a need ------------------------------------------------------

@pytest.mark.parametrize("sentence", ["听力筛查实行免费制度。", "老年人乘坐公交车，其随行的轮椅等免费携带。"])
def test_something_stated_free_is_an_offer(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and r.offer == "免费", r.why()


def test_whose_free_things_are_the_people_named_before(vocab):
    text = "第一条 残疾人可以乘坐城市公交车。其随身的辅助器具免费携带。" + IN_FORCE
    ms = [m for m in _drafts(text, vocab) if m["quote"].startswith("其随身")]
    assert ms and ms[0]["conditions"]["groups"] == ["disabled"], ms


def test_a_modal_after_dui_in_a_sentence_naming_a_need_gives_it(vocab):
    r = read("对小微企业申请使用厂房的，可以采用先租后售等方式安排。", vocab)
    assert r.measure and r.frame == "对" and r.head == "小微企业", r.why()


def test_education_given_to_someone_is_an_offer(vocab):
    r = read("县人民政府对残疾儿童实施学前教育。", vocab)
    assert r.measure and r.frame == "对" and "disabled" in r.groups, r.why()


def test_a_relative_clause_runs_on_past_a_preposition_inside_it(vocab):
    r = read("市人民政府对不能在普通学校就读的残疾儿童提供送教上门服务。", vocab)
    assert r.measure and r.beneficiary == "不能在普通学校就读的残疾儿童", r.why()


def test_a_service_in_named_fields_after_the_modal_is_an_offer(vocab):
    r = read("县人民政府应当在用地、融资等方面扶持返乡创业人员发展。", vocab)
    assert r.measure and r.frame == "service" and r.offer == "扶持", r.why()


def test_an_industry_named_after_people_is_not_those_people(vocab):
    r = read("各级人民政府应当在用地等方面扶持残疾人服务业发展。", vocab)
    assert r.measure and not r.groups, (r.why(), r.groups)


def test_treatment_given_equal_to_others_is_no_offer(vocab):
    r = read("外商投资企业所需的水、电等服务，应当在价格方面给予与本市企业相同的待遇。", vocab)
    assert not r.measure and "权利" in (r.not_measure or ""), r.why()


# ---- a lead-in that funds what its items list --------------------------------------------------------

def test_the_items_a_funding_lead_in_lists_are_measures(vocab):
    text = ("第一条 市人民政府应当创新财政资金扶持方式，支持下列事项：\n\n（一）创业孵化平台的建设和运行；\n\n"
            "（二）青年创业人才的培训；\n\n（三）促进青年创业的其他事项。" + IN_FORCE)
    quotes = [m["quote"] for m in _drafts(text, vocab)]
    assert any(q.startswith("市人民政府应当创新") for q in quotes), quotes
    assert any(q.startswith("青年创业人才的培训") for q in quotes), quotes
    assert not any(q.startswith(("创业孵化平台", "促进青年创业")) for q in quotes), quotes


# ---- more that is no offer ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, why", [
    ("未经公示的，不得作为发放补贴的依据。", "禁止"),
    ("福利彩票公益金的本级留存部分，每年应当安排一定比例用于发展养老事业。", "资金的用途"),
    ("鼓励社会力量兴办残疾人托养机构。", "号召社会各方"),
])
def test_not_offers(vocab, sentence, why):
    r = read(sentence, vocab)
    assert not r.measure and why in (r.not_measure or ""), r.why()


# ---- more offers and who acts ---------------------------------------------------------------------------

def test_a_product_made_for_someone_is_offered_to_them(vocab):
    r = read("鼓励商业保险机构增设预防意外风险和面向残疾人的专项险种。", vocab)
    assert r.measure and r.frame == "为" and r.beneficiary == "残疾人", r.why()


def test_schooling_secured_for_someone_is_an_offer_to_them(vocab):
    r = read("县人民政府应当采取送教上门等形式，保障适龄残疾人就学。", vocab)
    assert r.measure and "disabled" in r.groups, r.why()


def test_each_county_with_its_places_acts(vocab):
    r = read("各县（市、区）应当采取送教上门等形式，保障适龄残疾人就学。", vocab)
    assert r.actor == "各县（市、区）", r.actor


def test_people_listed_before_a_relative_clause_benefit(vocab):
    r = read("乡村教师和从事留守儿童工作的社工，享受岗位津贴。", vocab)
    assert r.measure and r.frame == "subject" and r.head == "乡村教师", r.why()


def test_a_tax_deferred_for_someone_is_an_offer(vocab):
    r = read("个人以技术成果作价入股的，可以按照国家有关规定，在入股当期暂不纳税，递延至转让时缴纳。", vocab)
    assert r.measure and r.frame == "subject", r.why()


def test_a_certificate_issued_is_an_offer_and_the_countrys_name_names_no_group(vocab):
    r = read("县残疾人联合会组织残疾评定，发放《中华人民共和国残疾人证》。", vocab)
    assert r.measure and r.offer == "发放" and set(r.groups) == {"disabled"}, (r.why(), r.groups)


def test_an_economic_organisation_supported_by_law_is_a_business_offered_support(vocab):
    r = read("市人民政府应当采取激励措施，支持有条件的民营经济组织依法在资本市场上市融资。", vocab)
    assert r.measure and r.beneficiary == "有条件的民营经济组织", r.why()


def test_support_named_as_what_a_report_is_the_basis_of_is_no_offer(vocab):
    r = read("评估结果作为对相关企业给予资金支持的依据。", vocab)
    assert not r.measure and "依据" in (r.not_measure or ""), r.why()


def test_oversight_of_work_for_someone_is_the_governments_own(vocab):
    assert not read("开展与残疾人就业相关的培训、康复等工作的监督、检查，应当听取残疾人组织的意见。", vocab).measure


def test_a_permission_to_set_ones_own_rules_offers_nothing(vocab):
    assert not read("项目承担单位可以规定或者与科研人员约定奖励和报酬的方式和数额。", vocab).measure


def test_a_duty_after_dui_is_no_offer_of_the_need_named(vocab):
    assert not read("对申请使用厂房的小微企业，应当按照规定审查其材料。", vocab).measure


def test_what_other_rules_give_is_deferred_to_them(vocab):
    r = read("项目期满后依据其他规定应当继续给予补贴的，从其规定。", vocab)
    assert not r.measure and "另有规定" in (r.not_measure or ""), r.why()


def test_the_people_a_reward_is_agreed_with_are_whom_it_is_for(vocab):
    r = read("项目承担单位应当按照规定或者与科技人员的约定，对做出贡献的人员给予奖励和报酬。", vocab)
    assert r.measure and set(r.groups) == {"researcher"}, (r.why(), r.groups)


def test_the_time_an_office_acts_in_names_no_beneficiary(vocab):
    assert not read("项目管理部门组织项目验收时，应当将成果转化情况纳入验收范围。", vocab).measure


def test_what_another_shall_provide_is_not_offered_to_the_topic(vocab):
    assert not read("确有客观原因未完成的，可以先行验收已完成部分，项目承担者应当在验收时提供后续工作方案。", vocab).measure
