"""Frames read on regulations of care and entitlements (disabled people, women, returned overseas
Chinese, soldiers), on phrasings written for these tests: care given by a weak verb, people taken
into a scheme, payments made on someone's behalf, help to solve someone's difficulty, check-ups
arranged for someone, and a government that acts while doing something else."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- care given by a weak verb ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, head", [
    ("康复机构应当对残疾人实施康复医疗。", "残疾人"),
    ("儿童福利机构对孤儿进行康复训练。", "孤儿"),
    ("养老机构应当对失能老年人开展护理服务和托养。", "失能老年人"),
    ("博物馆、公园应当对残疾人免费开放。", "残疾人"),
    ("对生活困难的残疾人，应当安排力所能及的辅助工作。", "残疾人"),
])
def test_care_given_by_a_weak_verb_is_an_offer(vocab, sentence, head):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and r.head.endswith(head), r


@pytest.mark.parametrize("sentence", [
    "有关部门应当对企业开展监督检查。",
    "各级人民政府应当积极应对人口老龄化带来的挑战。",
    "对安排到事业单位的退役士兵，应当合理安排工作岗位。",
])
def test_a_weak_verb_with_nothing_received_is_no_care(vocab, sentence):
    assert not read(sentence, vocab).measure


def test_yingdui_before_people_is_shall_and_dui(vocab):
    r = read("图书馆、体育场馆应对老年人免费开放。", vocab)
    assert r.measure and r.head == "老年人"


# ---- taken into a scheme ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("各级人民政府应当将符合条件的残疾人，全部纳入最低生活保障范围。", "disabled"),
    ("民政部门将生活困难的退役军人列为重点帮扶对象。", "veteran"),
    ("县级人民政府应当把就业困难人员纳入就业援助范围。", "unemployed"),
    ("将无生活来源的残疾人纳入集中供养范围。", "disabled"),
])
def test_people_taken_into_a_scheme_are_its_beneficiaries(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and group in r.groups, r


@pytest.mark.parametrize("sentence", [
    "各级人民政府应当将就业工作纳入政府考核。",
    "县级以上人民政府应当将残疾人事业纳入国民经济和社会发展规划。",
])
def test_a_work_taken_into_a_plan_is_no_scheme_for_people(vocab, sentence):
    assert not read(sentence, vocab).measure


# ---- paid on someone's behalf, help to solve, arranged for ---------------------------------------

@pytest.mark.parametrize("sentence, head", [
    ("县级以上人民政府为重度残疾人代缴养老保险费。", "重度残疾人"),
    ("当地人民政府应当为生活困难的退役军人缴纳医疗保险费。", "退役军人"),
    ("民政部门为农村五保供养对象支付医疗费用。", "对象"),
])
def test_a_payment_for_someone_is_an_offer_to_them(vocab, sentence, head):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "为" and r.head.endswith(head), r


@pytest.mark.parametrize("sentence, group", [
    ("村民委员会应当帮助残疾人解决生产中的困难。", "disabled"),
    ("街道办事处帮助退役军人解决就业中遇到的具体问题。", "veteran"),
])
def test_help_to_solve_someones_difficulty_is_for_them(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups, r


@pytest.mark.parametrize("sentence", [
    "区人民政府应当每两年安排生活困难的妇女进行一次免费体检。",
    "卫生健康部门每年安排退休妇女接受妇科病筛查。",
])
def test_a_check_up_arranged_for_people_is_for_them(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "object" and r.offer == "安排", r


def test_arranging_work_is_no_check_up_arranged(vocab):
    r = read("转业军官和安排工作的退役军士自愿到艰苦边远地区工作的，其配偶可以在原地区安置。", vocab)
    assert not (r.measure and r.offer == "安排")


# ---- who acts while doing something else --------------------------------------------------------

@pytest.mark.parametrize("sentence, actor", [
    ("各级人民政府在制定扶贫规划时，应当将农村贫困残疾人列为重点扶持对象。", "各级人民政府"),
    ("县级人民政府在安排年度预算时，应当将困难退役军人纳入临时救助范围。", "县级人民政府"),
])
def test_a_government_acting_while_doing_something_else_acts(vocab, sentence, actor):
    r = read(sentence, vocab)
    assert r.measure and r.actor == actor, r


# ---- entitlements by a rule, certificates, benefits kept ----------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("归侨、侨眷按照国家有关探亲规定享受出境探亲待遇。", "overseas_chinese"),
    ("残疾军人依照国家规定享受医疗待遇。", "disabled"),
])
def test_an_entitlement_by_a_rule_is_no_modifier(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject" and group in r.groups, r


@pytest.mark.parametrize("sentence", [
    "华侨要求回国定居的，按照国家有关出入境管理的规定核发回国定居证明。",
    "退役军人申请的，由县级人民政府退役军人事务部门颁发优待证。",
])
def test_a_certificate_issued_to_those_who_ask_is_an_offer(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject", r


@pytest.mark.parametrize("sentence, group", [
    ("归侨获准出境探亲的，在批准的假期内，其工作、租住的公房应当保留。", "overseas_chinese"),
    ("华侨出国定居前已经参加养老保险的，其个人账户应当继续保留。", "overseas_chinese"),
    ("退役军人入伍前依法取得的农村土地承包经营权，服现役期间应当保留。", "veteran"),
    ("华侨出国定居的，可以保留其持有的集体经济组织股份。", "overseas_chinese"),
])
def test_a_benefit_kept_is_an_offer_to_whom_keeps_it(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject" and group in r.groups, r


@pytest.mark.parametrize("sentence", [
    "加入合作社后进城落户的居民，可以保留其合作社成员身份。",
    "退出协会的会员，可以保留其会员资格。",
])
def test_a_membership_kept_is_no_offer(vocab, sentence):
    assert not read(sentence, vocab).measure


@pytest.mark.parametrize("sentence", [
    "华侨投资企业依法取得的利润和其他合法收益，可以依法汇往境外。",
    "台湾同胞投资者的投资收益，可以依法汇出。",
])
def test_earnings_that_may_be_sent_abroad_are_an_offer(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject", r


def test_a_demolishers_compensation_is_its_duty(vocab):
    r = read("依法拆迁归侨私有房屋的，拆迁人应当按照国家有关规定给予货币补偿。", vocab)
    assert not r.measure and "拆迁人" in r.not_measure


# ---- 对接受…, and disabled people of a kind -----------------------------------------------------

@pytest.mark.parametrize("sentence, head", [
    ("各级人民政府对接受义务教育的贫困学生，补助寄宿生活费用。", "贫困学生"),
    ("对接受职业培训的失业人员给予培训补贴。", "失业人员"),
])
def test_dui_before_jieshou_is_a_dui_frame(vocab, sentence, head):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and r.head == head, r


@pytest.mark.parametrize("sentence, word", [
    ("贫困残疾学生优先享受助学金。", "残疾学生"),
    ("对残疾职工给予岗位补贴。", "残疾职工"),
    ("县级人民政府为贫困残疾儿童提供免费康复训练。", "残疾儿童"),
])
def test_disabled_people_of_a_kind_are_disabled(vocab, sentence, word):
    r = read(sentence, vocab)
    assert r.measure and r.groups.get("disabled") == word, r


def test_one_kind_of_a_list_of_people_is_not_the_group(vocab):
    r = read("各级人民政府应当为贫困妇女、残疾妇女等困难妇女提供生活帮扶。", vocab)
    assert r.measure and "disabled" not in r.groups, r


def _drafts(text, vocab):
    from drafting.writer import Drafter
    return Drafter(text, "frames-test", "郑州", vocab).draft()["measures"]


@pytest.mark.parametrize("sentence", [
    "实施六岁以下残疾儿童免费抢救性康复项目，逐步扩大康复救助范围。",
    "对二十人以下的小型微型企业，给予一次性创业补贴。",
])
def test_an_age_or_size_bound_is_no_lead_in_of_a_list(vocab, sentence):
    text = "第一条 " + sentence + "\n\n第二条 本办法自2021年1月1日起施行。\n"
    assert [m["quote"].rstrip("。") for m in _drafts(text, vocab)] == [sentence.rstrip("。")]


# ---- another office that gives to the same people, after ；------------------------------------

@pytest.mark.parametrize("sentence, after, lead", [
    ("残疾人从事个体经营的，工商部门优先核发营业执照；", "金融部门在信贷方面应当给予照顾。", "金融部门"),
    ("退役军人创办小微企业的，人力资源社会保障部门给予创业补贴；", "税务部门按照规定减免有关税费。", "税务部门"),
])
def test_another_office_after_a_semicolon_gives_to_the_same_people(vocab, sentence, after, lead):
    text = "第一条 " + sentence + after + "\n\n第二条 本办法自2021年1月1日起施行。\n"
    drafts = _drafts(text, vocab)
    assert any(m["quote"].rstrip("。") == after.rstrip("。") for m in drafts), [m["quote"] for m in drafts]


def test_an_office_after_a_semicolon_that_gives_nothing_is_no_measure(vocab):
    text = ("第一条 残疾人从事个体经营的，工商部门优先核发营业执照；统计部门应当做好统计工作。"
            "\n\n第二条 本办法自2021年1月1日起施行。\n")
    assert not any(m["quote"].startswith("统计部门") for m in _drafts(text, vocab))


def test_a_field_after_the_subject_is_not_part_of_it(vocab):
    from drafting.subjects import subject_of
    assert subject_of("金融部门在信贷方面应当给予照顾。") == "金融部门"
    assert subject_of("财政部门在资金安排方面应当予以倾斜。") == "财政部门"


# ---- 对 B，由 X…发给; whose costs are covered ------------------------------------------------------

@pytest.mark.parametrize("sentence, actor", [
    ("对符合条件的烈士遗属，由其户籍所在地县级人民政府退役军人工作主管部门依据其申请，在审核确认当月起发给定期抚恤金。",
     "其户籍所在地县级人民政府退役军人工作主管部门"),
    ("对生活困难的残疾人，由县级人民政府民政部门依据其申请，按月发放生活补贴。", "县级人民政府民政部门"),
])
def test_dui_then_the_giver_then_the_gift(vocab, sentence, actor):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and r.actor == actor, r


@pytest.mark.parametrize("sentence, group", [
    ("国家对一级至六级残疾军人的医疗费用按照规定予以保障。", "disabled"),
    ("县级人民政府对重度残疾人的康复费用按照规定予以补助。", "disabled"),
])
def test_the_costs_of_people_covered_are_no_funds_use(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups, r


@pytest.mark.parametrize("sentence, head", [
    ("国家按照规定为符合条件的参战退役军人、年满60周岁农村籍退役士兵，以及居住在农村且年满60周岁的烈士子女，发放定期生活补助。",
     "烈士子女"),
    ("县级人民政府为重度残疾人，以及生活困难的残疾儿童，免费提供辅助器具。", "残疾儿童"),
])
def test_wei_before_people_listed_over_clauses(vocab, sentence, head):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "为" and r.head == head, r


def test_wei_before_a_clause_with_a_subject_of_its_own_is_no_list(vocab):
    from drafting.frames import frames_of
    assert not [f for f in frames_of("为做好退役军人工作，民政部门应当发放补助。") if f[0] == "为"]


@pytest.mark.parametrize("sentence", [
    "农民专业合作社申请注销登记的，市场监管、税务等部门应当提供便利服务，符合条件的可以按照简易程序办理注销登记。",
    "小微企业申请变更登记的，登记机关应当提供便利，可以当场办理登记。",
])
def test_a_registration_made_easy_by_offices_is_no_duty_to_register(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure, r
