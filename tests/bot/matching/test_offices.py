"""Offices by function (rules/functions.yml, bot/matching/offices.py).

Under a bracket "按职责分工负责" (吉林, 图们) the office whose function serves the
measure's people, or whose duty is the matter, leads (`lead_function`), with
that duty as the reason in the details; validation refuses a measure whose
bracket holds such an office when the measure does not say who acts."""
import re
import shutil
from pathlib import Path

import pytest

from bot import rules as kbmod
from bot.replies import answers

from bot.matching import offices
from bot.matching.shown import Shown

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def rules_copy(tmp_path):
    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


WOMEN = """  - id: js-13-women-platform
    article: 13
    title: 女性双创服务平台和创业技能提升
    summary: 吉林省搭建女性双创服务平台，提升女性创业就业技能。
    category: training
    audience: founder
    conditions:
      gender: female
    agencies:
      lead: [jl-fl]
      support: [jl-qb, jl-tb, jl-wqb, jl-rst, jl-kx, jl-fgw]
    lead_function: womens_federation
"""


def test_the_office_serving_the_group_must_be_said_to_lead(rules_copy):
    """Back to the first-named convention (侨办 leads the women's platform): refused."""
    measures = rules_copy / "measures" / "jilin-shuangchuang.yml"
    edit(measures, WOMEN, WOMEN.replace("      lead: [jl-fl]\n      support: [jl-qb, ",
                                        "      lead: [jl-qb]\n      support: [jl-fl, ")
                              .replace("    lead_function: womens_federation\n", ""))
    _, problems = kbmod.validate(rules_copy)
    assert [p.message for p in problems if p.ident == "js-13-women-platform"] == [
        "the bracket names an office whose function serves this measure's people (womens_federation): "
        "say which office acts with `lead_function:` (that one, or another by its duty)"]


def test_the_lead_must_have_the_function(rules_copy):
    measures = rules_copy / "measures" / "jilin-shuangchuang.yml"
    edit(measures, WOMEN, WOMEN.replace("      lead: [jl-fl]\n      support: [jl-qb, ",
                                        "      lead: [jl-qb]\n      support: [jl-fl, "))
    _, problems = kbmod.validate(rules_copy)
    assert [p.message for p in problems if p.ident == "js-13-women-platform"] == [
        "the lead must be an office with the function `womens_federation` (agencies.yml `functions:`): jl-qb"]


def test_lead_function_only_under_a_bracket_by_function(rules_copy):
    """广西 names 牵头单位 itself: no function overrides it."""
    measures = rules_copy / "measures" / "guangxi-2021.yml"
    text = measures.read_text(encoding="utf-8")
    anchor = "  - id: gx-13-sme-tax"
    assert anchor in text
    head, tail = text.split(anchor, 1)
    first, rest = tail.split("    quote:", 1)
    measures.write_text(head + anchor + first + "    lead_function: veterans_affairs\n    quote:" + rest, encoding="utf-8")
    _, problems = kbmod.validate(rules_copy)
    assert any("`lead_function` is for brackets that say “按职责分工负责”" in p.message for p in problems)


def test_the_details_give_the_function_as_the_reason(match):
    result = match(region="长春", groups=["university_student"], gender="female", tech_business=False)
    items = result["eligible"] + result["possible"]
    n, m = next((i, m) for i, m in enumerate(items, 1) if m["id"] == "js-13-women-platform")
    text = answers.details(kbmod.default_kb(), Shown.of(m), n).text
    assert "牵头部门：吉林省妇女联合会（文件列出的部门按职责分工负责，此项由负责妇女工作的部门牵头）" in text
    assert "以吉林省妇女联合会的解释为准" in text


# ---- a function at the person's place (national measures) ----------------------------


PLACES = ["郑州", "义乌", "北京朝阳", "于都", "图们", "吉林省", "广西壮族自治区", "成都", "乌鲁木齐县"]


@pytest.mark.parametrize("function", ["veterans_affairs", "veterans_service", "hrss", "public_employment", "tax",
                                      "market_regulation", "sme_promotion", "agriculture", "natural_resources",
                                      "finance", "womens_federation", "disabled_persons_federation",
                                      "local_government", "education", "housing"])
def test_each_function_is_named_at_each_place(kb, function):
    fn = kb.functions[function]
    for text in PLACES:
        place = kb.gazetteer.resolve(text)
        office = offices.office_at(kb, function, place)
        declared = [a for a in kb.agencies.values() if function in a.functions and a.region == place.name]
        if declared:   # an office rules/agencies.yml declares for exactly this place
            assert office.exact and office.text == declared[0].full_name
        else:          # the function at the place, in the text's words
            assert not office.exact and office.text.startswith(offices.place_label(place))
            assert (fn.at or fn.name).replace("{place}", "") in office.text
        assert not re.search(r"\d", office.text)   # never a phone number or an address


def test_a_function_at_places_a_person_names(kb):
    at = lambda f, t: offices.office_at(kb, f, kb.gazetteer.resolve(t)).text   # noqa: E731
    assert at("veterans_affairs", "郑州") == "郑州市的退役军人工作主管部门（退役军人事务部门）"
    assert at("veterans_affairs", "吉林省") == "吉林省退役军人事务厅"            # declared in agencies.yml
    assert at("veterans_affairs", "长春") == "长春市的退役军人工作主管部门（退役军人事务部门）"   # not the province's
    assert at("hrss", "图们") == "图们市的人力资源和社会保障部门（人社部门）"      # its 2018 office is not declared
    assert at("local_government", "义乌") == "义乌市人民政府"
    assert at("tax", "北京朝阳") == "北京市朝阳区的税务部门（税务局）"
    assert at("sme_promotion", "顺德") == "佛山市顺德区的负责中小企业促进工作综合管理的部门"
    assert offices.office_at(kb, "tax", None).text == "当地的税务部门（税务局）"


def test_details_of_a_national_measure_name_the_office_its_reason_and_12345(match):
    result = match(region="于都", groups=["returning_migrant_worker"], gender="male", tech_business=False)
    items = sorted(result["eligible"] + result["possible"], key=lambda m: m["rank"])
    n, m = next((i, m) for i, m in enumerate(items, 1) if m["id"] == "rr-20-rural-startups")
    text = answers.details(kbmod.default_kb(), Shown.of(m), n).text
    assert ("牵头部门：于都县的农业农村主管部门（农业农村部门）（文件第十条写明：“县级以上地方人民政府农业农村主管部门"
            "负责本行政区域内乡村振兴促进工作的统筹协调、指导和监督检查”）") in text
    assert "12345" in text and "以于都县的农业农村主管部门（农业农村部门）的解释为准" in text
    assert not re.search(r"\d{5,}", text.replace("12345", ""))


def test_an_exact_office_needs_no_hotline_line(match):
    result = match(region="吉林省", groups=["veteran"], gender="male", tech_business=False)
    items = sorted(result["eligible"] + result["possible"], key=lambda m: m["rank"])
    n, m = next((i, m) for i, m in enumerate(items, 1) if m["id"] == "vl-46-startup-loan")
    text = answers.details(kbmod.default_kb(), Shown.of(m), n).text
    assert "牵头部门：吉林省退役军人事务厅" in text and "文件只写了负责的职能部门" not in text
