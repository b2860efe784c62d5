"""The extractor: closed vocabularies only; everything else is a review item."""
import pytest

from bot.draft.extract import find_terms, match_agency, parse_bracket, read_sentence
from bot.draft.vocab import AgencyEntry, audiences_from, load_vocabulary

# A stand-in for issue 15's `audiences:` list, only for these tests (not in rules/).
AUDIENCES = audiences_from([
    {"id": "founder", "label": "创业者", "synonyms": ["创业人员", "创业者"]},
    {"id": "small_business", "label": "小微企业", "synonyms": ["中小微企业", "小微企业"]},
    {"id": "operator", "label": "孵化机构", "synonyms": ["众创空间", "孵化器"]},
    {"id": "financial_institution", "label": "金融机构", "synonyms": ["银行", "金融机构"]},
])


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary(audiences=AUDIENCES)


def test_longest_word_wins(vocab):
    f = read_sentence("更好发挥创业担保贷款对返乡创业农民工的支持作用。", vocab)
    assert list(f.groups) == ["returning_migrant_worker"]      # not rural_entrepreneur for 农民
    assert f.category[0] == "financing"


def test_traditional_text_is_read(vocab):
    f = read_sentence("鼓勵大學生到圖創業就業,落實高校畢業生社會保險補貼。", vocab)
    assert set(f.groups) == {"university_student", "college_graduate"}


def test_an_institution_is_not_a_group(vocab):
    f = read_sentence("鼓励高校、科研院所向中小企业转移技术成果。", vocab)
    assert "researcher" not in f.groups


def test_women_before_a_group(vocab):
    f = read_sentence("开展女大学生人才生根计划。", vocab)
    assert f.gender == ("female", "女大学生") and list(f.groups) == ["university_student"]


def test_tech_business_but_not_an_incubator(vocab):
    assert read_sentence("鼓励保险公司为科技型中小企业提供专利保险。", vocab).tech == "科技型中小企业"
    assert read_sentence("确保科技企业孵化器免征房产税。", vocab).tech is None


def test_unknown_people_become_review_items(vocab):
    f = read_sentence("支持青年创业者入驻孵化基地。", vocab)
    assert not f.groups
    assert any("new group?" in r and "青年" in r for r in f.review)


def test_audience_from_the_supplied_list(vocab):
    assert [v for v, _ in read_sentence("鼓励银行为小微企业提供贷款。", vocab).audiences] == \
        ["financial_institution", "small_business"]
    assert load_vocabulary().audiences == {}     # rules/facts.yml has no `audiences:` yet


def test_government_work_is_not_a_measure(vocab):
    f = read_sentence("建立双创统计指标体系,开展考核评估。", vocab)
    assert not f.is_measure and "统计" in f.internal


def test_bracket_lead_named_and_first_named():
    b = parse_bracket("牵头单位:自治区农业农村厅;配合单位:自治区人力资源社会保障厅、发展改革委,各设区市人民政府")
    assert b.style == "lead-named"
    assert [n for n, _ in b.lead] == ["自治区农业农村厅"]
    assert [p or n for n, p in b.support] == ["自治区人力资源社会保障厅", "自治区发展改革委", "各设区市人民政府"]
    b = parse_bracket("市人社局、市農牧局市國土局等單位按職責分工負責")
    assert b.style == "first-named"
    assert [n for n, _ in b.lead] == ["市人社局"] and [n for n, _ in b.support] == ["市农牧局", "市国土局"]
    b = parse_bracket("省人力资源社会保障厅、外办、公安厅等和各地区政府按职责分工负责")
    assert [p or n for n, p in b.support] == ["省外办", "省公安厅", "各地区政府"]


def test_agency_matching_by_name_alias_or_inherited_prefix():
    entries = [AgencyEntry("jl-rst", "省人力资源社会保障厅", "吉林省人力资源和社会保障厅", "province", "吉林省"),
               AgencyEntry("jl-ybj", "吉林银保监局", "中国银行保险监督管理委员会吉林监管局", "province", "吉林省",
                           aliases=("吉林银保监分局",))]
    assert match_agency(("人力资源社会保障厅", "省人力资源社会保障厅"), entries).id == "jl-rst"
    assert match_agency(("吉林银保监分局", "省吉林银保监分局"), entries).id == "jl-ybj"
    assert match_agency(("省统计局", None), entries) is None


def test_find_terms_never_overlaps():
    hits = find_terms("返乡农民工", {"a": ("农民",), "b": ("返乡农民工",)})
    assert hits == [("b", "返乡农民工", 0)]
