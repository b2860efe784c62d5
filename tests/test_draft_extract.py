"""The extractor: closed vocabularies only; everything else is a review item."""
import pytest

from bot.draft.extract import find_terms, match_agency, parse_bracket, read_sentence
from bot.draft.vocab import AgencyEntry, audiences_from, load_vocabulary, read_collective_words
from bot.yamlio import RulesSyntaxError

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


def test_unknown_people_become_review_items():
    bare = load_vocabulary(audiences=AUDIENCES, collective={})     # no collective words declared
    f = read_sentence("支持青年创业者入驻孵化基地。", bare)
    assert not f.groups
    assert any("new group?" in r and "青年" in r for r in f.review)


# ---- group words that name no beneficiary ----------------------------------------

def test_experts_in_a_think_tank_or_pool_are_not_a_group(vocab):
    assert not read_sentence("推广集政策咨询、专家智库支持等于一体的服务模式。", vocab).groups
    assert not read_sentence("组建全市知识产权维权援助专家库,为维权提供服务。", vocab).groups
    assert not read_sentence("做好广西海外人才资源库建设。", vocab).groups
    assert list(read_sentence("支持专家领衔创业。", vocab).groups) == ["high_level_talent"]
    # a person noun between keeps the people named; a preposition ends the noun phrase
    assert "high_level_talent" in read_sentence("完善高端人才专家库,畅通引才绿色通道。", vocab).groups
    assert list(read_sentence("吸引大学生到孵化机构实习。", vocab).groups) == ["university_student"]


def test_hk_macao_taiwan_naming_organisations_is_not_a_group(vocab):
    assert not read_sentence("拓宽与港澳台及海外科技团体创新创业合作领域。", vocab).groups
    assert list(read_sentence("鼓励港澳台同胞来吉创业。", vocab).groups) == ["hk_macao_taiwan"]


def test_people_an_employer_takes_on_are_not_the_beneficiary(vocab):
    f = read_sentence("對吸納符合條件的高校畢業生參加就業見習的單位,給予就業見習補貼。", vocab)
    assert not f.groups and f.not_people == ["高校毕业生"]
    assert list(read_sentence("对高校毕业生创办的企业给予补贴。", vocab).groups) == ["college_graduate"]


def test_a_tech_entrepreneur_is_a_person_not_a_tech_business(vocab):
    assert read_sentence("支持科技企业家人才组建团队。", vocab).tech is None


# ---- collective words (rules/collective-words.yml) -------------------------------

YOUTH = {"青年": ("university_student", "college_graduate", "rural_youth"),
         "本乡人员": ("rural_entrepreneur", "rural_youth", "rural_low_income")}


@pytest.fixture(scope="module")
def declared():
    return load_vocabulary(audiences=AUDIENCES, collective=YOUTH)


def test_a_declared_collective_word_is_read_as_its_groups_with_a_review_item(declared):
    f = read_sentence("深化青年创业园建设。", declared)
    assert set(f.groups) == set(YOUTH["青年"]) and f.groups["rural_youth"] == "青年"
    assert any("collective word “青年”" in r and "check" in r for r in f.review)
    # a synonym wins over the collective word inside it (农村青年 is one group)
    assert list(read_sentence("支持农村青年创业。", declared).groups) == ["rural_youth"]
    # coordinated with another group word, both are read
    f = read_sentence("支持返乡下乡本乡人员使用建设用地兴办企业。", declared)
    assert set(f.groups) == {"returning_migrant_worker", *YOUTH["本乡人员"]}


def test_a_collective_word_qualified_or_modifying_a_person_noun_is_not_read(declared):
    f = read_sentence("搭建港澳台地区青年创新创业平台。", declared)
    assert list(f.groups) == ["hk_macao_taiwan"]
    assert any("not read as groups" in r for r in f.review)
    f = read_sentence("优化东盟杰出青年科学家来华工作计划。", declared)
    assert not f.groups and any("not read as groups" in r for r in f.review)


def test_the_declared_list_is_the_rules_file(tmp_path):
    assert load_vocabulary().collective["海外人才"] == ("overseas_returnee", "foreign_talent", "overseas_chinese")
    groups = load_vocabulary().groups
    bad = tmp_path / "collective-words.yml"
    for body, says in [("collective_words:\n  青年: {groups: [youth], convention: x}\n", "unknown group `youth`"),
                       ("collective_words:\n  青年: {groups: [rural_youth]}\n", "`convention`"),
                       ("collective_words:\n  农民: {groups: [rural_youth], convention: x}\n", "already a synonym")]:
        bad.write_text(body, encoding="utf-8")
        with pytest.raises(RulesSyntaxError) as e:
            read_collective_words(bad, groups)
        assert says in str(e.value) and f"{bad}:2:" in str(e.value)


def test_audience_from_the_supplied_list(vocab):
    assert [v for v, _ in read_sentence("鼓励银行为小微企业提供贷款。", vocab).audiences] == \
        ["financial_institution", "small_business"]
    # the real vocabulary is rules/facts.yml's closed list
    assert set(load_vocabulary().audiences) == {"founder", "small_business", "tech_business", "operator",
                                                 "institution", "financial_institution", "large_enterprise"}


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


def test_validate_reports_a_bad_collective_word_with_file_and_line(tmp_path):
    from bot import kb as kbmod
    from bot.draft.check import check_collective_words
    kb = kbmod.default_kb(str(kbmod.DEFAULT_RULES_DIR))
    assert check_collective_words(kbmod.DEFAULT_RULES_DIR, kb) == []
    (tmp_path / "collective-words.yml").write_text(
        "collective_words:\n  海外人才: {groups: [overseas_returnee]}\n", encoding="utf-8")
    [problem] = check_collective_words(tmp_path, kb)
    assert problem.line == 2 and "`convention`" in problem.message and "collective-words.yml" in problem.file
