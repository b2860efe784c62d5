"""Every validation error names file, line, id and the problem."""
from bot import rules as kbmod
from conftest import MINI_MEASURES


def problems(root):
    _, found = kbmod.validate(root)
    return [str(p) for p in found]


def test_real_rules_validate():
    kb, found = kbmod.validate()
    assert found == []
    assert len(kb.measures) > 60


def test_mini_rules_are_valid(mini_rules):
    assert problems(mini_rules) == []


def test_quote_not_verbatim(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("三年行动计划", "五年行动计划"))
    assert problems(mini_rules) == [
        "rules/measures/guangxi-2021.yml:12: gx-test-1: quote not found verbatim in rules/sources/guangxi-2021.txt"]


def test_unknown_fact_in_conditions(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("groups: [veteran]", "age: 30"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:9: gx-test-1: unknown fact `age` in conditions")
    assert "allowed: groups, gender, tech_business" in msg


def test_unknown_value(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("[veteran]", "[soldier]"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:9: gx-test-1: unknown value `soldier` for groups; allowed: ")
    assert "veteran" in msg


def test_unknown_gender_value(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("groups: [veteran]", "gender: woman"))
    assert problems(mini_rules) == [
        "rules/measures/guangxi-2021.yml:9: gx-test-1: unknown value `woman` for gender; allowed: female, male"]


def test_unknown_agency(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("[gx-rst]", "[gx-nobody]"))
    assert problems(mini_rules) == [
        "rules/measures/guangxi-2021.yml:11: gx-test-1: unknown agency `gx-nobody` (not in agencies.yml)"]


def test_unknown_region_in_agencies(mini_rules):
    mini_rules.write("agencies.yml", open(mini_rules / "agencies.yml", encoding="utf-8").read()
                     .replace("region: 广西壮族自治区", "region: 亚特兰蒂斯"))
    assert problems(mini_rules) == [
        "rules/agencies.yml:6: gx-rst: unknown region `亚特兰蒂斯` (not in regions.yml)"]


def test_unknown_doc(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("doc: guangxi-2021", "doc: guangxi-2099"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:1: guangxi-2021: unknown doc `guangxi-2099`; known: ")


def test_duplicate_id(mini_rules):
    second = MINI_MEASURES.split("measures:\n", 1)[1]
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES + second)
    assert problems(mini_rules) == [
        "rules/measures/guangxi-2021.yml:14: gx-test-1: duplicate id (first at rules/measures/guangxi-2021.yml:3)"]


def test_article_out_of_range(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("article: 13", "article: 28"))
    assert problems(mini_rules) == [
        "rules/measures/guangxi-2021.yml:4: gx-test-1: article 28 is not a number from 1 to 27 (guangxi-2021)"]


def test_unknown_category(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("category: financing", "category: money"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:7: gx-test-1: unknown category `money`; allowed: financing")


def test_missing_field_and_typo_key(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("    quote:", "    qoute:"))
    found = problems(mini_rules)
    assert "rules/measures/guangxi-2021.yml:3: gx-test-1: missing `quote`" in found
    assert any(m.startswith("rules/measures/guangxi-2021.yml:12: gx-test-1: unknown key `qoute`") for m in found)


def test_yaml_syntax_error_names_line(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("title: 测试措施", "title: [unclosed"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:")
    assert "YAML syntax" in msg


def test_duplicate_yaml_key(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("    category: financing\n",
                                                                          "    category: financing\n    category: tax\n"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:8:") and "duplicate key 'category'" in msg


def test_unknown_region_in_sources(mini_rules):
    text = (mini_rules / "sources.yml").read_text(encoding="utf-8").replace("region: 图们市", "region: 图门市")
    mini_rules.write("sources.yml", text)
    [msg] = problems(mini_rules)
    assert msg.endswith("tumen-2018: unknown region `图门市` (not in regions.yml)")
    assert msg.startswith("rules/sources.yml:")


def test_nothing_loads_invalid_rules(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("[veteran]", "[soldier]"))
    import pytest
    with pytest.raises(kbmod.RulesInvalid) as info:
        kbmod.load(mini_rules)
    assert "unknown value `soldier`" in str(info.value)


def test_cli_validate_exit_code(mini_rules, capsys):
    from bot.cli import main
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("[gx-rst]", "[gx-nobody]"))
    assert main(["--rules", str(mini_rules), "validate"]) == 1
    out = capsys.readouterr().out
    assert "rules/measures/guangxi-2021.yml:11: gx-test-1: unknown agency `gx-nobody`" in out


# ---- sources that change or end, draft measures ----------------------------------

def test_changed_source_text_warns(mini_rules, capsys):
    import hashlib
    sources = (mini_rules / "sources.yml").read_text(encoding="utf-8")
    text = (mini_rules / "sources" / "guangxi-2021.txt").read_text(encoding="utf-8")
    good = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert good in sources
    (mini_rules / "sources" / "guangxi-2021.txt").write_text(text + "\n补充一句。", encoding="utf-8")
    from bot.cli import main
    assert main(["--rules", str(mini_rules), "validate"]) == 0       # a warning, not an error
    out = capsys.readouterr().out
    assert "warning: rules/sources/guangxi-2021.txt:1: guangxi-2021: the text changed since it was encoded" in out


def test_bad_sha256_is_an_error(mini_rules):
    text = (mini_rules / "sources.yml").read_text(encoding="utf-8")
    (mini_rules / "sources.yml").write_text(text.replace("sha256: bd9a0d95", "sha256: XYZ", 1), encoding="utf-8")
    _, problems = kbmod.validate(mini_rules)
    assert any("`sha256` must be 64 lowercase hex digits" in str(p) for p in problems)


def test_draft_status_in_active_rules_is_refused(mini_rules):
    text = (mini_rules / "measures" / "guangxi-2021.yml").read_text(encoding="utf-8")
    (mini_rules / "measures" / "guangxi-2021.yml").write_text(
        text.replace("    article: 13\n", "    status: draft\n    article: 13\n"), encoding="utf-8")
    _, problems = kbmod.validate(mini_rules)
    assert any("`status: draft` measures stay in draft files" in str(p) for p in problems)


def test_superseded_source_is_said_under_its_measures(mini_rules):
    import datetime as dt
    from bot.matching.engine import Engine
    from bot.matching.profile import parse_profile
    text = (mini_rules / "sources.yml").read_text(encoding="utf-8")
    (mini_rules / "sources.yml").write_text(
        text.replace("  - id: guangxi-2021\n", "  - id: guangxi-2021\n    superseded_by: 广西双创新政（2024—2026年）\n"),
        encoding="utf-8")
    kb = kbmod.load(mini_rules)
    assert kb.sources["guangxi-2021"].superseded_by == "广西双创新政（2024—2026年）"
    engine = Engine(kb, today=dt.date(2022, 1, 1))     # within the plan period: only the supersession speaks
    result = engine.match(parse_profile({"groups": ["veteran"], "region": "柳州"}, kb)).as_dict(engine)
    (m,) = [x for x in result["eligible"] if x["id"] == "gx-test-1"]
    assert m["expiry_note"] == "该文件已被《广西双创新政（2024—2026年）》取代，请以新文件为准并向主管部门核实"


def test_audience_is_required(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("    audience: founder\n", ""))
    assert problems(mini_rules) == ["rules/measures/guangxi-2021.yml:3: gx-test-1: missing `audience`"]


def test_unknown_audience_names_file_line_and_the_allowed_ones(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml",
                     MINI_MEASURES.replace("audience: founder", "audience: [founder, startups]"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/measures/guangxi-2021.yml:13: gx-test-1: unknown audience `startups`; allowed: ")
    assert "small_business" in msg and "operator" in msg


def test_audience_must_agree_with_the_conditions(mini_rules):
    # the conditions name a person group: the text is for a person starting a business
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace("audience: founder", "audience: operator"))
    assert problems(mini_rules) == [
        "rules/measures/guangxi-2021.yml:13: gx-test-1: the condition on `groups` says the text is for founder: "
        "add it to the audience"]


def test_runs_values_must_be_audiences(mini_rules):
    facts = (mini_rules / "facts.yml").read_text(encoding="utf-8")
    mini_rules.write("facts.yml", facts.replace("      large_enterprise:\n        label: 龙头骨干企业/大型企业/上市企业\n        synonyms: [我们是",
                                                "      big_company:\n        label: 大公司\n        synonyms: [我们是"))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/facts.yml:") and "runs.big_company: `runs` values must be audience ids" in msg
def test_a_need_without_its_short_label(mini_rules):
    facts = (mini_rules / "facts.yml").read_text(encoding="utf-8")
    mini_rules.write("facts.yml", facts.replace("        short: 培训\n", "", 1))
    [msg] = problems(mini_rules)
    assert msg.startswith("rules/facts.yml:") and "needs.training: each need needs a `short` label" in msg


def test_english_title_words_that_are_not_a_list(mini_rules):
    mini_rules.write("english.yml", "title_words:\n  绿色通道: [green channel]\n  贴息: interest subsidy\n")
    assert problems(mini_rules) == [
        "rules/english.yml:3: 贴息: must map a word of the texts to a list of English phrases"]


def test_an_ambiguous_words_settling_values_must_be_of_its_fact(mini_rules):
    facts = (mini_rules / "facts.yml").read_text(encoding="utf-8")
    mini_rules.write("facts.yml", facts.replace("    settled_by: [veteran]\n", "    settled_by: [soldier]\n", 1)
                     .replace("    of_others: true", "    of_others: yes please", 1))
    found = problems(mini_rules)
    assert any(p.startswith("rules/facts.yml:") and "ambiguous.在部队: `settled_by` must be a list of values of `groups`" in p
               for p in found), found
    assert any("ambiguous.在部队: `of_others` must be true or false" in p for p in found), found
