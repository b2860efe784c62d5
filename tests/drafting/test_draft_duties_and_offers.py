"""Offers read from the grammar of a regulation's sentences, on phrasings written for these tests:
who benefits in a list that runs past a relative clause, a scheme people are taken into, a cost
paid for them, and duties, principles and definitions that offer nothing."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- 对 B1的…、B2 + 按照规定 + 给予: the list after a relative clause is whom it is for ----------------

def test_a_list_after_a_relative_clause_is_the_beneficiary(vocab):
    r = read("对享受最低生活保障待遇的老年人家庭、重度残疾人家庭按照规定给予生活补助。", vocab)
    assert r.measure and r.frame == "对"
    assert "重度残疾人家庭" in r.beneficiary and "disabled" in r.groups


def test_a_verb_inside_the_relative_clause_does_not_end_the_beneficiary(vocab):
    r = read("对领取最低生活保障金的残疾人、年满六十周岁的老年人依法给予护理补贴。", vocab)
    assert r.measure and r.beneficiary.endswith("年满六十周岁的老年人")


# ---- 对 B，X 应当纳入…保障范围: taking B into a scheme is what it is offered ------------------------

def test_people_taken_into_a_scheme_after_a_comma_are_offered_it(vocab):
    r = read("对住房困难的残疾人家庭，区人民政府应当统一纳入住房保障供应范围。", vocab)
    assert r.measure and r.frame == "对" and "disabled" in r.groups


def test_a_plan_taken_in_is_no_scheme(vocab):
    r = read("对乡村产业项目，区人民政府应当纳入年度建设计划。", vocab)
    assert not r.measure


# ---- 全社会应当…: society at large called on offers nothing ------------------------------------------

def test_society_at_large_that_shall_help_offers_nothing(vocab):
    r = read("全社会应当关心、帮助老年人，支持老龄事业。", vocab)
    assert not r.measure and "全社会" in r.not_measure


def test_a_government_that_shall_help_still_offers(vocab):
    r = read("区人民政府应当为生活困难的老年人提供居家养老服务。", vocab)
    assert r.measure


# ---- 加强 + the people served + a service: the service stepped up is offered -----------------------

def test_stepping_up_training_of_people_named_offers_it(vocab):
    r = read("区人力资源社会保障部门应当加强失业人员职业技能培训、创业指导。", vocab)
    assert r.measure and r.offer == "加强"


def test_stepping_up_the_training_of_the_governments_own_staff_offers_nothing(vocab):
    r = read("区人民政府应当加强乡镇干部业务培训。", vocab)
    assert not r.measure


def test_stepping_up_supervision_offers_nothing(vocab):
    r = read("区人民政府应当加强对培训机构的监督。", vocab)
    assert not r.measure


# ---- B…的，由 X 按照…标准，代缴…: a contribution paid for the people named first ----------------------

def test_a_contribution_paid_for_people_by_a_named_government(vocab):
    r = read("参加城乡居民医疗保险的低保对象，由区人民政府按照规定的标准代缴个人缴费部分。", vocab)
    assert r.measure and r.offer == "代缴" and r.actor == "区人民政府"


def test_the_manner_may_close_with_a_comma_before_what_is_paid(vocab):
    r = read("参加基本养老保险的重度残疾人，由县人民政府按照最低缴费档次和标准，代缴养老保险费。", vocab)
    assert r.measure and "disabled" in r.groups


# ---- 对于 B，X 部门应当按照有关规定，在…时，提供便利: who acts and what it gives, past a time -------------

def test_duiyu_names_whom_an_office_gives_to_after_a_time(vocab):
    r = read("对于本市引进的外籍高层次人才，市公安部门应当按照有关规定，在办理居留许可时，简化程序、提供便利。", vocab)
    assert r.measure and r.frame == "对" and r.beneficiary.endswith("外籍高层次人才")
    assert r.actor == "市公安部门"


def test_a_government_that_shall_act_and_a_time_are_no_topic(vocab):
    from drafting.subjects import subject_of
    assert subject_of("对于新引进的人才，区人力资源部门应当依法，在办理落户时，给予协助。") == "区人力资源部门"


# ---- the subject of a paragraph does not go on into the next one -------------------------------

def test_a_new_paragraph_keeps_no_subject_from_the_one_before(vocab):
    from drafting.writer import Drafter
    text = ("第一条 区人民政府应当将残疾人康复项目纳入医疗保险范围。\n\n"
            "建立残疾人康复救助制度；对残疾人适配辅助器具给予补贴。\n\n第二条 本条例自2025年1月1日起施行。\n")
    measures = Drafter(text, "paragraph-test", "杭州", vocab).draft()["measures"]
    aid = next(m for m in measures if m["quote"].startswith("对残疾人适配"))
    assert aid["why"].get("actor") is None and not aid.get("agencies", {}).get("lead"), aid["why"]


# ---- B 免交 X 费，所需费用由 Y 财政负担: what the people named are exempt from, and who pays ---------------

def test_people_exempt_from_a_fee_are_offered_the_exemption(vocab):
    r = read("重度残疾人免交体检费，所需费用由县财政负担。", vocab)
    assert r.measure and r.frame == "subject" and r.offer == "免交"
    assert r.actor == "县财政"


# ---- taking part in elections: a civic right declared, not an offer -----------------------------

def test_taking_part_in_an_election_is_a_right_not_an_offer(vocab):
    r = read("归侨可以参加其户籍所在地的村民委员会选举。", vocab)
    assert not r.measure and "选举" in r.not_measure


# ---- land for building allotted to projects and industries: the government's land planning -------

def test_land_allotted_to_facilities_offers_nothing(vocab):
    r = read("区规划部门应当保障乡村公共设施建设用地需求。", vocab)
    assert not r.measure


def test_land_allotted_for_a_business_named_is_still_offered(vocab):
    r = read("区规划部门应当在年度建设用地指标中优先安排农民专业合作社的设施用地。", vocab)
    assert r.measure


# ---- 纳入 management or a system: nothing offered unless people are taken in -----------------------

def test_an_organisation_taken_under_management_is_offered_nothing(vocab):
    r = read("医疗保障部门应当将符合条件的社区康复机构纳入医疗保障定点机构管理。", vocab)
    assert not r.measure


def test_a_scheme_taken_into_a_system_is_offered_nothing(vocab):
    r = read("区人民政府应当将残疾人基本生活保障纳入当地社会保障体系。", vocab)
    assert not r.measure


def test_people_taken_into_a_system_are_offered_it(vocab):
    r = read("区人民政府应当将被征地农民纳入相应的社会保障体系。", vocab)
    assert r.measure


# ---- 服务设施: a facility built or laid out, not a service given ------------------------------------

def test_service_facilities_laid_out_are_no_service_given(vocab):
    r = read("编制镇村规划，应当统筹安排公共服务设施、公共安全设施等布局。", vocab, declaratory=True)
    assert not r.measure


def test_a_service_arranged_for_people_still_is(vocab):
    r = read("区人民政府应当统筹安排就业服务，为失业人员提供职业介绍。", vocab, declaratory=True)
    assert r.measure


# ---- an activity as the topic, then 不得: a rule of conduct ---------------------------------------

def test_an_activity_then_a_prohibition_is_a_rule_of_conduct(vocab):
    r = read("开展农家乐经营活动，不得占用基本农田，可以利用闲置农房提供住宿服务。", vocab)
    assert not r.measure and r.not_measure.startswith("禁止性规定")


# ---- X 是…的凭证: a document defined by a copula --------------------------------------------------

def test_a_document_defined_by_a_copula_is_no_offer(vocab):
    r = read("《老年人优待证》是老年人享受各项优待服务的有效凭证。", vocab)
    assert not r.measure and r.not_measure.startswith("定义条款")


# ---- 组织开展/举办 + the people named + 教育: education given to them ---------------------------------

def test_education_organised_for_people_named_is_offered(vocab):
    r = read("区人力资源部门应当根据需求，组织开展退役军人职业教育。", vocab)
    assert r.measure and r.offer in ("组织", "开展")


def test_education_of_the_public_at_large_offers_nothing(vocab):
    r = read("区人民政府应当组织开展法治宣传教育。", vocab)
    assert not r.measure


# ---- an applicant's duty to hand in papers ----------------------------------------------------------

def test_an_applicants_duty_to_hand_in_papers_is_no_offer(vocab):
    r = read("与归侨有长期扶养关系的亲属申请确认侨眷身份的，应当提供公证机构出具的扶养关系公证书。", vocab)
    assert not r.measure and "提交材料" in r.not_measure


def test_an_office_that_provides_a_certificate_to_people_still_offers(vocab):
    r = read("区档案部门应当向归侨免费提供其本人档案的查询和证明。", vocab)
    assert r.measure


# ---- a member's rights and duties declared -------------------------------------------------------

def test_a_members_rights_and_duties_are_declared_not_offered(vocab):
    r = read("具有合作社成员资格的归侨，可以参加成员大会，享有成员权利，承担成员义务。", vocab)
    assert not r.measure and r.not_measure.startswith("权利的宣示")


# ---- 通过…等方式，… goes on with the subject of the sentence before it --------------------------------

def test_a_sentence_opening_with_its_means_keeps_the_subject_before_it(vocab):
    from drafting.writer import Drafter
    text = ("第一条 区人民政府应当设立创业扶持资金，为创业者提供创业担保贷款。通过贷款贴息、担保费补贴等方式，"
            "支持金融机构为小型微型企业提供信贷服务。\n\n第二条 本条例自2025年1月1日起施行。\n")
    measures = Drafter(text, "means-test", "杭州", vocab).draft()["measures"]
    credit = next(m for m in measures if m["quote"].startswith("通过贷款贴息"))
    assert credit["why"].get("actor") == "区人民政府", credit["why"]


# ---- 准予: a permission granted, like 允许 ------------------------------------------------------------

def test_a_deduction_granted_to_the_topic_is_offered(vocab):
    r = read("小型微型企业发生的职工培训费用支出，不超过工资总额百分之八的部分，准予在计算应纳税所得额时扣除。", vocab)
    assert r.measure and r.offer == "准予"


# ---- B 可以缴费至…年限: contributions extended are an entitlement ----------------------------------------

def test_contributions_extended_to_the_minimum_years_are_an_entitlement(vocab):
    r = read("退役军人达到法定退休年龄时累计缴费不足十五年的，可以按照有关规定缴费至国家规定最低缴费年限。", vocab)
    assert r.measure and r.frame == "subject"


# ---- 本规定适用于…: the text's scope, no offer -------------------------------------------------------

def test_the_scope_of_the_text_is_no_offer(vocab):
    r = read("本办法适用于对本区残疾人的就业援助。", vocab)
    assert not r.measure and r.not_measure.startswith("定义条款")


# ---- 为 B 的生产生活提供…: the service is for the people whose life and work it is ---------------------

def test_a_service_for_peoples_life_and_work_is_for_them(vocab):
    r = read("镇人民政府应当为来镇工作的退役军人的学习、生活提供必要帮助。", vocab)
    assert r.measure and r.frame == "为" and "veteran" in r.groups
    assert read("镇人民政府应当为返乡就业人员的生产生活提供必要便利。", vocab).measure


# ---- 支持 B 建立/完善…机制: the supported build their own mechanism, nothing offered -------------------

@pytest.mark.parametrize("sentence", [
    "区人民政府应当支持农业科研机构与村级组织建立联系合作机制。",
    "支持家庭农场、农民专业合作社完善与农户的利益联结机制。",
])
def test_support_to_build_ones_own_mechanism_offers_nothing(vocab, sentence):
    assert not read(sentence, vocab, declaratory=True).measure


def test_support_with_a_loan_named_still_offers(vocab):
    r = read("支持农民专业合作社建立互助担保机制，并给予贷款贴息。", vocab, declaratory=True)
    assert r.measure


# ---- a group word that names whom an institution or an employer serves or takes on -------------------

def test_institutions_and_employers_of_a_group_name_no_group(vocab):
    r = read("区人民政府对退役军人就业服务机构和招用退役军人企业给予奖励。", vocab)
    assert r.measure and not r.groups


# ---- 安置/招用…的，给予…: those who hire are employers, not the people named before ----------------------

def test_those_who_hire_take_no_group_from_the_sentence_before(vocab):
    from drafting.writer import Drafter
    text = ("第一条 区人民政府应当为残疾人提供职业培训。招用就业困难残疾人的，按照规定给予岗位补贴。\n\n"
            "第二条 本条例自2025年1月1日起施行。\n")
    measures = Drafter(text, "hiring-test", "杭州", vocab).draft()["measures"]
    wage = next(m for m in measures if m["quote"].startswith("招用"))
    assert not wage.get("conditions", {}).get("groups"), wage.get("conditions")


# ---- 由 + a unit whose name holds another unit: the whole name acts ----------------------------------

def test_the_unit_after_by_runs_to_its_last_unit_ending(vocab):
    r = read("归侨申请落户的，由户籍地的县级人民政府负责侨务工作的机构负责受理。", vocab)
    assert r.actor == "户籍地的县级人民政府负责侨务工作的机构"


# ---- 纳入/列入 is a verb: the noun phrase a clause starts with ends before it ---------------------------

def test_an_organisation_taken_into_a_scope_then_enjoying_an_offer(vocab):
    r = read("养老服务机构纳入社会福利机构范围，按照国家规定享受有关税费减免。", vocab)
    assert r.measure and r.head == "养老服务机构"


# ---- a school or a care institution that serves people: no office leads -------------------------------

def test_a_care_institution_that_serves_people_is_no_lead_office(vocab):
    from drafting.writer import Drafter
    text = ("第一条 社区康复机构应当对需要康复的残疾人进行生活自理能力训练。\n\n第二条 本条例自2025年1月1日起施行。\n")
    [m] = Drafter(text, "provider-test", "杭州", vocab).draft()["measures"]
    assert not m.get("agencies", {}).get("lead")
    assert any("不是政府部门" in x for x in m["review"]), m["review"]


# ---- 接收…的 B…，并为其…提供: 其 is the people the clause before takes on --------------------------------

def test_qi_after_people_taken_on_names_them(vocab):
    r = read("职业学校应当接收符合录取条件的退役军人入学，并为其学习、生活提供便利。", vocab)
    assert r.measure and r.frame == "为" and "veteran" in r.groups


# ---- the office that gives in a later clause acts, whatever the frame ---------------------------------

def test_the_office_that_gives_the_subsidy_later_acts(vocab):
    r = read("支持公交企业按照一定比例配备无障碍公交车，区（市）人民政府给予补贴。", vocab)
    assert r.measure and r.actor == "区（市）人民政府"


# ---- B 可以…离岗创业、在岗创业: leave to start a business is an entitlement ---------------------------

def test_leave_to_start_a_business_is_an_entitlement(vocab):
    r = read("高等学校的科研人员经所在单位同意，可以通过离岗创业或者在岗创业等方式从事成果转化。", vocab)
    assert r.measure and "researcher" in r.groups
