"""The reader: who acts and who benefits, from the sentence's grammar; closed
vocabularies only, everything else a review item; responsibility brackets."""
import pytest

from drafting.agencies import match_agency, parse_bracket
from drafting.phrases import find_terms
from drafting.reading import read
from drafting.vocab import load_vocabulary, read_collective_words
from bot.rules import Agency
from bot.rules.yamlio import RulesSyntaxError


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def groups(text, vocab):
    return set(read(text, vocab).groups)


# ---- who benefits -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, head", [
    ("对在本区创办企业的港澳青年，给予一次性创业补贴。", "港澳青年"),
    ("对吸纳高校毕业生参加就业见习的单位，给予就业见习补贴。", "单位"),           # the employer, not the graduates
    ("对残疾人从事个体经营的，应当依法给予税收优惠。", "残疾人"),                 # a topic ending in 的: its subject
    ("为个体工商户提供便捷高效的登记服务。", "个体工商户"),
    ("对高校毕业生创办的企业给予补贴。", "高校毕业生"),                         # the founder of the business
    ("中小企业的固定资产确需加速折旧的，可以依法缩短折旧年限。", "中小企业"),      # a possessive 的
])
def test_the_beneficiary_is_the_head_of_its_phrase(vocab, sentence, head):
    r = read(sentence, vocab)
    assert r.measure and r.head == head, r.why()


def test_a_group_word_in_a_modifier_is_no_beneficiary(vocab):
    r = read("对吸纳高校毕业生参加就业见习的单位，给予就业见习补贴。", vocab)
    assert not r.groups and "高校毕业生" in r.not_people
    assert groups("对高校毕业生创办的企业给予补贴。", vocab) == {"college_graduate"}


def test_an_organisation_gives_an_audience_not_a_group(vocab):
    r = read("对经认定的港澳青年创新创业孵化载体，给予运营补助。", vocab)
    assert r.measure and not r.groups and [v for v, _ in r.audiences] == ["operator"]


def test_a_government_is_no_beneficiary(vocab):
    r = read("中央财政要对工作成效明显的地方予以奖补激励。", vocab)
    assert not r.measure and "受益者是政府" in r.not_measure


@pytest.mark.parametrize("sentence", [
    "对不裁员或少裁员的参保企业，可返还其上年度实际缴纳失业保险费的50%。",
    "向符合条件的创业者发放创业担保贷款。",
    "对首次创业的高校毕业生免收登记类、证照类行政事业性收费。",
    "被安排在公益性岗位工作的，按照国家规定给予岗位补贴。",
    "退役军人创办小微企业，可以按照国家有关规定申请创业担保贷款。",
    "失业人员参加就业培训的，按照有关规定享受政府培训补贴。",
])
def test_returns_grants_exemptions_and_entitlements_are_offers(vocab, sentence):
    assert read(sentence, vocab).measure, read(sentence, vocab).why()


@pytest.mark.parametrize("sentence, why", [
    ("为了激发青年创新创业活力，结合本市实际，制定本措施。", "目的条款"),
    ("本措施所称初创企业，是指在本市首次登记注册不满三年的企业。", "定义条款"),
    ("本办法自2025年3月1日起施行。", "施行日期"),
    ("违反本规定骗取补贴的，依法追回，并依法追究责任。", "法律责任"),
    ("用人单位应当为残疾人职工提供适当的劳动条件。", "“用人单位”的义务"),
    ("依法征收的残疾人就业保障金应当纳入财政预算，专项用于为残疾人提供就业服务。", "资金的用途"),
    ("禁止任何组织或者个人利用职业中介活动侵害劳动者的合法权益。", "禁止性规定"),
    ("各地区各部门要加强统筹协调，定期开展考核评估。", "政府自身的工作"),
    ("国家建立健全军人住房公积金制度和住房补贴制度。", "没有向任何个人或企业提供扶持"),
    ("国家实行有利于促进就业的金融政策，增加中小企业的融资渠道。", "没有向任何个人或企业提供扶持"),
    ("退役军官逐月领取退役金的具体办法由国务院退役军人工作主管部门会同有关部门制定。", "授权另定办法"),
])
def test_what_is_not_a_measure(vocab, sentence, why):
    r = read(sentence, vocab)
    assert not r.measure and why in r.not_measure, r.not_measure


def test_a_collective_word_applies_only_where_it_names_the_beneficiary(vocab):
    overseas = set(vocab.collective["海外人才"])
    assert groups("支持海外人才来本市创业，给予创业补贴。", vocab) == overseas
    # in a modifier of the organisation that benefits: no group
    assert groups("对青年创业园区的运营机构给予补贴。", vocab) == set()
    assert groups("对海外人才创业园区的运营机构给予补贴。", vocab) == set()
    # qualified by a group word: 港澳台地区青年 are 港澳台 people
    r = read("对港澳台地区青年来本市创业的，给予场地补贴。", vocab)
    assert set(r.groups) == {"hk_macao_taiwan"} and any("此处不读作身份" in x for x in r.review)


def test_longest_word_wins_and_traditional_text_is_read(vocab):
    assert groups("對返鄉創業農民工給予創業擔保貸款貼息。", vocab) == {"returning_migrant_worker"}


def test_women_before_a_group_and_disabled_before_a_group():
    v = load_vocabulary(extra_groups={"disabled": ("残疾人", ("残疾人",))})
    r = read("对女大学生创业的，给予创业培训补贴。", v)
    assert r.gender == ("female", "女大学生") and set(r.groups) == {"university_student"}
    assert set(read("对残疾退役军人创业的，给予一次性补贴。", v).groups) == {"veteran", "disabled"}


def test_qualified_and_family_group_words(vocab):
    assert groups("对有就业要求的初高中毕业生实行职业培训，给予培训补贴。", vocab) == set()
    assert "veteran" not in groups("退役军人随迁子女需要转学、入学的，予以及时办理。", vocab)


def test_unknown_people_become_review_items():
    bare = load_vocabulary(collective={})
    r = read("对青年创业者给予创业补贴。", bare)
    assert not r.groups and any("新身份？" in x and "青年" in x for x in r.review)


def test_every_decision_records_its_words(vocab):
    r = read("对在本区创办企业的港澳青年，给予一次性创业补贴。", vocab)
    assert r.why() == "对…“给予”，受益者“在本区创办企业的港澳青年”"
    assert r.groups == {"hk_macao_taiwan": "港澳青年"} and r.category[1] == ("补贴",)


# ---- who acts ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, actor", [
    ("县级以上地方人民政府应当为个体工商户增加经营场所供给。", "县级以上地方人民政府"),
    ("军人退出现役后，退役军人工作主管部门和其他负责退役军人安置工作的部门应当组织适应性培训。",
     "退役军人工作主管部门和其他负责退役军人安置工作的部门"),
    ("退役军人未及时就业的，可以依法向户口所在地人力资源社会保障部门申领失业保险待遇。", "户口所在地人力资源社会保障部门"),
    ("对在本市创业的女性，由市妇联提供创业辅导。", "市妇联"),
])
def test_who_acts_is_the_subject_or_the_office_applied_to(vocab, sentence, actor):
    assert read(sentence, vocab).actor == actor


def test_the_state_and_the_beneficiary_do_not_act(vocab):
    assert read("国家对小型微型企业行政事业性收费实行减免等优惠政策。", vocab).actor is None
    assert read("退役军人依法享受教育优待政策。", vocab).actor is None


# ---- brackets --------------------------------------------------------------------------------

def test_bracket_lead_named_and_first_named():
    b = parse_bracket("牵头单位:自治区农业农村厅;配合单位:自治区人力资源社会保障厅、发展改革委,各设区市人民政府")
    assert b.style == "lead-named"
    assert [n for n, _ in b.lead] == ["自治区农业农村厅"]
    assert [p or n for n, p in b.support] == ["自治区人力资源社会保障厅", "自治区发展改革委", "各设区市人民政府"]
    b = parse_bracket("市人社局、市農牧局市國土局等單位按職責分工負責")
    assert b.style == "first-named"
    assert [n for n, _ in b.lead] == ["市人社局"] and [n for n, _ in b.support] == ["市农牧局", "市国土局"]
    b = parse_bracket("教育部牵头，人力资源社会保障部等按职责分工负责", national=True)
    assert [n for n, _ in b.lead] == ["教育部"] and [n for n, _ in b.support] == ["人力资源社会保障部"]


def test_the_documents_own_lead_convention_and_words_that_name_no_unit():
    b = parse_bracket("人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同", national=True)
    assert [n for n, _ in b.lead] == ["人力资源社会保障部"] and [n for n, _ in b.support] == ["财政部"]
    assert b.convention == "列第一位者为牵头单位，下同"
    b = parse_bracket("人力资源社会保障部、财政部等有关部门和单位按职责分工负责", national=True)
    assert [n for n, _ in b.lead + b.support] == ["人力资源社会保障部", "财政部"]
    # a national document's units take no province's prefix
    assert all(p is None for _, p in b.lead + b.support)


def test_agency_matching_by_name_or_full_name():
    entries = [Agency("jl-rst", "省人力资源社会保障厅", "吉林省人力资源和社会保障厅", "province", "吉林省")]
    assert match_agency(("人力资源社会保障厅", "省人力资源社会保障厅"), entries).id == "jl-rst"
    assert match_agency(("吉林省人力资源和社会保障厅", None), entries).id == "jl-rst"
    assert match_agency(("省统计局", None), entries) is None


def test_find_terms_never_overlaps():
    assert find_terms("返乡农民工", {"a": ("农民",), "b": ("返乡农民工",)}) == [("b", "返乡农民工", 0)]


# ---- the collective words file -----------------------------------------------------------------

def test_the_declared_list_is_the_rules_file(tmp_path):
    assert load_vocabulary().collective["海外人才"] == ("overseas_returnee", "foreign_talent", "overseas_chinese")
    groups_ = load_vocabulary().groups
    bad = tmp_path / "collective-words.yml"
    for body, says in [("collective_words:\n  青年: {groups: [youth], convention: x}\n", "unknown group `youth`"),
                       ("collective_words:\n  青年: {groups: [rural_youth]}\n", "`convention`"),
                       ("collective_words:\n  农民: {groups: [rural_youth], convention: x}\n", "already a synonym")]:
        bad.write_text(body, encoding="utf-8")
        with pytest.raises(RulesSyntaxError) as e:
            read_collective_words(bad, groups_)
        assert says in str(e.value) and f"{bad}:2:" in str(e.value)


def test_validate_reports_a_bad_collective_word_with_file_and_line(tmp_path):
    from bot import rules as kbmod
    from drafting.check import check_collective_words
    kb = kbmod.default_kb(str(kbmod.DEFAULT_RULES_DIR))
    assert check_collective_words(kbmod.DEFAULT_RULES_DIR, kb) == []
    (tmp_path / "collective-words.yml").write_text(
        "collective_words:\n  海外人才: {groups: [overseas_returnee]}\n", encoding="utf-8")
    [problem] = check_collective_words(tmp_path, kb)
    assert problem.line == 2 and "`convention`" in problem.message and "collective-words.yml" in problem.file
