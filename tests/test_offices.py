"""Offices by function (rules/functions.yml, bot/offices.py).

Under a bracket "按职责分工负责" (吉林, 图们) the office whose function serves the
measure's people, or whose duty is the matter, leads (`lead_function`), with
that duty as the reason in the details; validation refuses a measure whose
bracket holds such an office when the measure does not say who acts."""
import shutil
from pathlib import Path

import pytest

from bot import kb as kbmod, render

ROOT = Path(__file__).resolve().parent.parent


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
    text = render.details(n, m).text
    assert "牵头部门：吉林省妇女联合会（文件列出的部门按职责分工负责，此项由负责妇女工作的部门牵头）" in text
    assert "以吉林省妇女联合会的解释为准" in text
