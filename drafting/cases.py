"""Situation cases for an accepted measure, written from its reviewed
conditions (never from the draft's): people it is for must get it, one it is
not for must not. Two cases per measure for a group (tests/
test_eligibility_cases.py wants two per document and group), each naming the
article in `include` and the measure in `eligible_ids`; one `hidden_ids` case
for someone outside the conditions. The review runs them through the engine
(bot/situations.py) before keeping them.
"""
from __future__ import annotations

from bot.matching.engine import Engine
from bot.rules import RUNS_FACT
from bot.matching.profile import parse_profile
from bot.rules.situations import case_failures


def _place_names(kb, region: str) -> list[str]:
    """Two places inside the document's region a person could name (the region itself first)."""
    place = (kb.gazetteer.find(region) or [None])[0]
    if place is None:
        return [region]
    if place.level == "country":
        roots = [p for p in kb.gazetteer.roots if p.level != "country"]
        return [roots[0].name, roots[1].name] if len(roots) > 1 else [roots[0].name]
    names = [place.qualified_name]
    child = next((c for c in place.children if not c.generated), None) or next(iter(place.children), None)
    if child is not None:
        names.append(child.qualified_name)
    return names


def cases_for(measure: dict, doc: str, kb) -> list[dict]:
    """Cases for one accepted measure (the rules format: `conditions`, `audience`, `category`)."""
    mid, article = measure["id"], measure["article"]
    c = measure.get("conditions") or {}
    source = kb.sources[doc]
    places = _place_names(kb, source.region)
    audience = measure.get("audience") or ["founder"]
    audience = [audience] if isinstance(audience, str) else list(audience)
    runs = [a for a in audience if a in (kb.facts[RUNS_FACT].values if RUNS_FACT in kb.facts else {})]
    base = {"groups": list(c.get("groups", [])), "gender": c.get("gender", "male"), "region": places[0],
            "needs": [measure["category"]], "tech_business": bool(c.get("tech_business", False))}
    if runs and len(runs) == len(audience):
        base["runs"] = runs[:1]
    label = source.article_label(article)
    include = f"{doc}:{article}"
    first = {"name": f"{mid}：符合者应得到（{label}）", "profile": base, "include": [include], "eligible_ids": [mid]}
    if not c.get("gender"):
        second = dict(base, gender="female")
    elif len(places) > 1:
        second = dict(base, region=places[1])
    else:
        second = dict(base, needs=[])
    out = [first, {"name": f"{mid}：符合者应得到（另一情形）", "profile": second, "include": [include],
                   "eligible_ids": [mid]}]
    groups = c.get("groups")
    if groups:
        near = {n for g in groups for n in kb.facts["groups"].values[g].neighbours}
        other = next((g for g in kb.facts["groups"].values if g not in groups and g not in near), None)
        if other:
            out.append({"name": f"{mid}：其他身份不应得到", "profile": dict(base, groups=[other]),
                        "hidden_ids": [mid]})
    elif c.get("gender") == "female":
        out.append({"name": f"{mid}：男性不应得到", "profile": dict(base, gender="male"), "hidden_ids": [mid]})
    elif c.get("tech_business"):
        out.append({"name": f"{mid}：非科技型企业不应得到", "profile": dict(base, tech_business=False),
                    "hidden_ids": [mid]})
    elif "runs" in base:
        out.append({"name": f"{mid}：不运营该类机构者不应得到", "profile": {k: v for k, v in base.items() if k != "runs"},
                    "hidden_ids": [mid]})
    return out


def failures(cases: list[dict], kb, today=None) -> list[str]:
    """`<case name>: what fails` for each case the knowledge base does not pass."""
    engine = Engine(kb, today=today)
    out = []
    for case in cases:
        try:
            result = engine.match(parse_profile(case["profile"], kb)).as_dict(engine)
        except ValueError as exc:
            out.append(f"{case['name']}: {exc}")
            continue
        out += [f"{case['name']}: {f}" for f in case_failures(case, result)]
    return out
