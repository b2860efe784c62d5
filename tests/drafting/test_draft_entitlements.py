"""Grammar rules read on documents full of entitlements (a regulation on soldiers' and their
families' rights; regulations on small and private businesses), on phrasings written for these
tests: entitlements stated for a named group, items of a list under a lead-in, and offers made
by a lender or stated for the topic of the sentence."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary

IN_FORCE = "\n\n第二条 本条例所称优待，是指本条例规定的待遇。\n\n第三条 本条例自2021年1月1日起施行。\n"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def _drafts(text, vocab):
    from drafting.writer import Drafter
    return Drafter(text, "entitlement-test", "杭州", vocab).draft()["measures"]


# ---- entitlements of a named group ------------------------------------------------------------

def test_a_document_shown_before_the_entitlement_is_no_subject(vocab):
    # 凭/持 a document: a means, the people are the topic of the sentence
    r = read("现役军人家属在本市行政区域内，凭有效证件可以享受以下优待：", vocab)
    assert r.measure and r.frame == "subject" and "military_family" in r.groups


def test_the_items_of_an_entitlement_lead_in_are_measures_and_the_paragraph_after_them_is_not(vocab):
    text = ("第一条 残疾人在本市行政区域内，持残疾人证可以享受以下优待：\n\n（一）免费乘坐城市公共交通工具；\n\n"
            "（二）免费参观博物馆。\n\n区民政部门应当发给残疾人相应证件。证件的式样由市民政部门规定。" + IN_FORCE)
    quotes = [m["quote"] for m in _drafts(text, vocab)]
    assert any(q.startswith("免费乘坐") for q in quotes) and any(q.startswith("免费参观") for q in quotes)
    assert not any(q.startswith("证件的式样") for q in quotes), quotes


# ---- a lender's credit ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, beneficiary", [
    ("商业银行应当加大对小型微型企业的信贷投入。", "小型微型企业"),
    ("银行业金融机构应当提高对个体工商户的贷款比例。", "个体工商户"),
])
def test_a_lenders_credit_to_someone_is_an_offer_to_them(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and r.beneficiary == beneficiary


def test_a_lender_that_gives_credit_is_no_lead_office(vocab):
    [m] = _drafts("第一条 银行业金融机构应当提高对小型微型企业的贷款比例。" + IN_FORCE, vocab)
    assert not m.get("agencies", {}).get("lead")
    assert any("不是政府部门" in x for x in m["review"]), m["review"]


# ---- a clause that only names people is the topic ---------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("生活有困难的残疾人，应当纳入临时救助范围。", "disabled"),
    ("子女年幼的军人配偶，其所在单位应当予以照顾。", "military_family"),
])
def test_people_named_alone_before_an_offer_benefit(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject" and group in r.groups


def test_an_office_named_alone_before_its_duty_is_no_topic(vocab):
    assert not read("县级以上人民政府的有关部门，应当按照职责做好统计工作。", vocab).measure


# ---- a subject acting together with other units ----------------------------------------------

def test_a_service_after_the_units_acted_with_is_read(vocab):
    r = read("民政部门会同有关部门组织开展残疾人职业技能培训。", vocab)
    assert r.measure and r.frame == "service" and "disabled" in r.groups


def test_a_system_organised_and_built_offers_nothing(vocab):
    assert not read("市科技部门会同有关部门应当推进和组织建立小型微型企业融资服务体系。", vocab).measure


# ---- what an employer shall enjoy ------------------------------------------------------------

def test_what_an_employer_shall_enjoy_is_an_entitlement_not_a_duty(vocab):
    r = read("用人单位招用登记失业人员符合规定条件的，应当按照国家有关规定享受社会保险补贴。", vocab)
    assert r.measure and r.frame == "subject"


def test_an_employers_duty_stays_a_duty(vocab):
    assert not read("用人单位招用登记失业人员，应当依法签订劳动合同。", vocab).measure


# ---- 对 B，…，并给予…: the offer after a clause of the office's own work ---------------------------

def test_an_offer_after_a_clause_of_work_is_for_the_dui_phrase(vocab):
    r = read("对返乡创业的农民工，应当加强创业指导，并给予一次性创业补贴。", vocab)
    assert r.measure and r.frame == "对" and r.beneficiary == "返乡创业的农民工"


def test_cadres_are_people_not_an_office(vocab):
    # 干部 ends in 部 but names people (军队转业干部), not a ministry
    r = read("对自主择业的军队转业干部，应当加强职业指导，并给予政策扶持。", vocab)
    assert r.measure and r.beneficiary == "自主择业的军队转业干部"


# ---- a fund that gives ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, beneficiary", [
    ("市设立的创业投资基金可以为高校毕业生创办的企业提供股权投资。", "高校毕业生创办的企业"),   # 可以为 is 可以 + 为
    ("区财政设立的产业基金，应当加强统筹，优先支持符合条件的小型微型企业。", "符合条件的小型微型企业"),
])
def test_a_fund_that_gives_to_someone_offers_to_them(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary


def test_a_funds_use_stays_its_use(vocab):
    assert not read("依法征收的残疾人就业保障金应当纳入预算，专项用于为残疾人提供就业服务。", vocab).measure


def test_a_fund_that_gives_is_no_lead_office(vocab):
    [m] = _drafts("第一条 市设立的创业投资基金可以为高校毕业生创办的企业提供股权投资。" + IN_FORCE, vocab)
    assert not m.get("agencies", {}).get("lead")


# ---- a court that offers something ------------------------------------------------------------

def test_a_court_that_offers_a_service_is_no_remedy_and_acts(vocab):
    r = read("人民法院应当为退役军人创办的企业提供便捷的诉讼服务。", vocab)
    assert r.measure and r.frame == "为" and r.actor == "人民法院"


def test_recourse_to_a_court_stays_a_remedy(vocab):
    assert not read("劳动者可以依法向人民法院提起诉讼，人民法院应当依法受理。", vocab).measure


# ---- what someone needs, done by an agent ------------------------------------------------------

def test_what_people_need_done_by_an_office_is_theirs(vocab):
    r = read("退役军人子女的转学入学等，由所在地教育部门予以安排。", vocab)
    assert r.measure and r.frame == "subject" and r.beneficiary == "退役军人子女"


def test_a_procedure_organised_by_offices_is_not(vocab):
    assert not read("退役军人档案的移交接收，由县人民政府退役军人事务部门和人力资源社会保障部门组织办理。", vocab).measure


def test_guidance_to_someone_in_a_field_is_for_them(vocab):
    r = read("市商务部门应当加强对个体工商户在开拓市场等方面的指导和服务。", vocab)
    assert r.measure and r.frame == "对" and r.beneficiary == "个体工商户"
