"""Fidelity checks on the knowledge base: hedged texts keep their
hedge, the acting-office and no-responsible-unit rules, and the
neighbouring-group rule in the engine and the replies."""
import pytest

from bot.rules import default_kb
from bot.replies import answers, lists
from bot import rules as kbmod
from bot import texts
from bot.matching.shown import Shown
from bot.rules.fidelity import ACCEPTED, hedge_offences
from conftest import MINI_MEASURES

def test_titles_and_summaries_keep_the_texts_hedges(kb):
    offences = hedge_offences(kb)
    assert not offences, "\n".join(offences)


def test_accepted_hedge_exceptions_are_still_needed(kb):
    by_id = {m.id: m for m in kb.measures}
    for mid, field, word in ACCEPTED:
        assert word in getattr(by_id[mid], field), f"{mid}: exception no longer needed"


def test_hedge_check_catches_the_audited_titles(kb):
    """The check would have caught tm-1 一站式 (探索), tm-16 零成本 (努力),
    js-9 纳入学分体系 (推动) and the tm-12 voucher (适时循序渐进)."""
    from dataclasses import replace
    by_id = {m.id: m for m in kb.measures}
    old = [replace(by_id["tm-1-ip-rights-aid"], title="知识产权维权援助一站式服务"),
           replace(by_id["tm-16-zero-cost-startup"], title="“平台+服务”零成本创业"),
           replace(by_id["js-9-student-curriculum"], title="创新创业教育纳入学分体系"),
           replace(by_id["tm-12-innovation-voucher"], summary="图们市推行创新券制度。")]

    class Old:
        measures = old
    assert {o.split()[0] for o in hedge_offences(Old)} == {m.id for m in old}


# ---- the acting office ------------------------------------------------------

def test_lead_reason_is_verbatim_and_names_the_lead(kb):
    with_reason = [m for m in kb.measures if m.lead_reason]
    assert {m.id for m in with_reason} >= {"tm-22-foreign-talent-visa"}
    for m in with_reason:
        source = kb.sources[m.doc]
        if source.national:   # a law says once, in its own article, who is responsible
            assert m.lead_reason in source.text
            assert any(w in m.lead_reason for f in m.functions for w in kb.functions[f].words), m.id
        else:
            assert m.lead_reason in m.quote or m.lead_reason in source.paragraph_of(m.quote)


def test_lead_reason_not_in_text_fails_validation(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace(
        '    quote:', '    lead_reason: "税务部门负责"\n    quote:'))
    _, problems = kbmod.validate(mini_rules)
    assert [str(p) for p in problems] == [
        "rules/measures/guangxi-2021.yml:12: gx-test-1: lead_reason not found verbatim in the quote or its article"]


def test_lead_reason_may_come_from_the_article(mini_rules):
    mini_rules.write("measures/guangxi-2021.yml", MINI_MEASURES.replace(
        '"广西大众创业万众创新三年行动计划"', '"落实研发费用加计扣除政策。"').replace(
        '    quote:', '    lead_reason: "牵头单位:自治区科技厅"\n    quote:'))
    _, problems = kbmod.validate(mini_rules)
    assert problems == []


def test_the_lead_reason_is_shown_in_the_details(match):
    result = match(region="图们", groups=["foreign_talent"], gender="male", tech_business=False)
    items = result["eligible"] + result["possible"]
    n, m = next((i, m) for i, m in enumerate(items, 1) if m["id"] == "tm-22-foreign-talent-visa")
    text = answers.details(default_kb(), Shown.of(m), n).text
    assert "牵头部门：图们市公安局（文件写明：“公安機關提供預約服務,按加急程序辦理”）" in text
    assert "以图们市公安局的解释为准" in text


def test_urumqi_names_no_responsible_unit(match, kb):
    result = match(region="乌鲁木齐", groups=["returning_migrant_worker"], gender="male", tech_business=False)
    items = [m for m in result["eligible"] + result["possible"] if not kb.sources[m["doc"]].national]
    assert items and all(m["doc"] == "urumqi-2019" for m in items)
    for n, m in enumerate(items, 1):
        assert m["agencies"] == {"lead": [], "support": []}
        assert m["criteria_by"] is None
        shown = Shown.of(m)
        listing, details = lists.numbered("", [shown], n).text, answers.details(default_kb(), shown, n).text
        for text in (listing, details):
            assert "文件未指定责任部门" in text and "乌鲁木齐市“双创”办公室介绍发布" in text
        assert texts.CRITERIA_NO_UNIT in details
        assert "双创”办公室的解释为准" not in details and "牵头" not in details
    assert "文件未指定责任部门" in answers.offices([Shown.of(m) for m in items]).text


def test_agencies_in_a_no_unit_document_fail_validation(tmp_path, mini_rules):
    sources = (mini_rules / "sources.yml").read_text(encoding="utf-8")
    (mini_rules / "sources.yml").write_text(sources.replace(
        "    article_style: number\n", "    article_style: number\n    responsibility: none\n    publisher: gx-rst\n", 5)
        .replace("    responsibility: none\n    publisher: wl-scb\n", ""), encoding="utf-8")
    _, problems = kbmod.validate(mini_rules)
    assert any("names no responsible unit" in str(p) and "leave out `agencies`" in str(p) for p in problems)


# ---- neighbouring groups ----------------------------------------------------

def test_neighbours_are_symmetric_and_written_once(kb):
    groups = kb.facts["groups"].values
    assert "college_graduate" in groups["university_student"].neighbours
    assert "university_student" in groups["college_graduate"].neighbours
    assert {"rural_entrepreneur", "rural_youth"} <= set(groups["returning_migrant_worker"].neighbours)
    assert "returning_migrant_worker" in groups["rural_youth"].neighbours


def test_unknown_neighbour_fails_validation(mini_rules):
    facts = (mini_rules / "facts.yml").read_text(encoding="utf-8")
    (mini_rules / "facts.yml").write_text(facts.replace("neighbours: [college_graduate]",
                                                         "neighbours: [graduate]"), encoding="utf-8")
    _, problems = kbmod.validate(mini_rules)
    assert len(problems) == 1 and "unknown neighbour `graduate`" in str(problems[0])


def test_neighbour_measures_are_possible_with_a_note(kb, match):
    """Generic: every measure with neighbouring groups is `possible` (never eligible,
    never hidden) for a person in one of them, with a note naming whom to ask."""
    checked = 0
    for m in kb.measures:
        region = kb.sources[m.doc].region if not kb.sources[m.doc].national else "郑州"
        for near in sorted(m.neighbour_groups):
            result = match(region=region, groups=[near], gender=m.conditions.get("gender", "male"),
                           tech_business=m.conditions.get("tech_business", False))
            shown = {x["id"]: x for x in result["eligible"] + result["possible"]}
            assert shown[m.id]["status"] == "possible", m.id
            note = shown[m.id]["confirm"][0]
            assert kb.facts["groups"].values[near].short_label() in note
            whom = ("或".join(shown[m.id]["agencies"]["lead"]) if m.functions
                    else "或".join(kb.agencies[a].full_name for a in m.lead) or texts.ASK_LOCAL_OFFICE)
            assert note.endswith(f"请向{whom}确认"), note
            assert "groups" not in shown[m.id].get("open", []), "groups are known: nothing to ask"
            checked += 1
    assert checked >= 10


def test_strict_and_sibling_measures_get_no_neighbours(kb):
    by_id = {m.id: m for m in kb.measures}
    assert not by_id["js-9-student-thesis"].neighbour_groups       # strict_groups: in school
    assert not by_id["gx-9-student-leave"].neighbour_groups
    # 第10条 names 返乡创业农民工 and 农村自主创业农民 side by side: no neighbour between them
    assert "rural_entrepreneur" not in by_id["js-10-migrant-subsidy-loans"].neighbour_groups
    assert "college_graduate" in by_id["js-13-female-student-rooting"].neighbour_groups


def test_neighbour_note_in_listing_and_details(match):
    result = match(region="长春", groups=["college_graduate"], gender="female", tech_business=False)
    items = result["eligible"] + result["possible"]
    n, m = next((i, m) for i, m in enumerate(items, 1) if m["id"] == "js-13-female-student-rooting")
    note = "文件写的是“大学生”，是否包括高校毕业生请向吉林省妇女联合会确认"
    assert m["confirm"] == [note]
    assert "（可能适用）" in lists.line(n, Shown.of(m)), "the listing marks it; the note is one 第N项 away"
    assert f"还需确认：{note}" in answers.details(default_kb(), Shown.of(m), n).text
    # a neighbour match is listed with the person's own groups, before general measures
    assert items.index(m) < next(i for i, x in enumerate(items) if x["status"] == "possible" and not x.get("confirm")) \
        if any(x["status"] == "possible" and not x.get("confirm") for x in items) else True


@pytest.mark.parametrize("mid", ["js-9-student-thesis", "gx-9-student-credit", "wl-9-student-startup-education"])
def test_in_school_measures_stay_hidden_from_graduates(kb, match, mid):
    m = next(x for x in kb.measures if x.id == mid)
    result = match(region=kb.sources[m.doc].region, groups=["college_graduate"], gender="male",
                   tech_business=False)
    assert mid not in {x["id"] for x in result["eligible"] + result["possible"]}
