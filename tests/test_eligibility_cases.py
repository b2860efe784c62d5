"""OpenFisca-style situation tests: tests/eligibility/*.yml, each case a
profile with the articles that must be eligible and those that must not
appear at all. Written by reading the documents, not generated from rules/.

Cases may also pin single measures (for the audit findings, where an article
holds several measures): `eligible_ids` must be eligible, `possible_ids` must
be `possible`, `hidden_ids` must not be offered, `says: {id: [phrases]}` are
phrases the title, summary or notes must contain (Simplified), `not_says`
the same for phrases they must not contain, and `lead: {id: agency full
name}` is the lead agency shown."""
from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).parent / "eligibility"


def load_cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


def articles(measures):
    return {f"{m['doc']}:{m['article']}" for m in measures}


@pytest.mark.parametrize("case", list(load_cases()))
def test_case(case, match):
    result = match(**case["profile"])
    eligible = articles(result["eligible"])
    shown = eligible | articles(result["possible"])
    missing = [a for a in case.get("include", []) if a not in eligible]
    assert not missing, f"expected eligible: {missing}; got {sorted(eligible)}"
    wrong = [a for a in case.get("exclude", []) if a in shown]
    assert not wrong, f"must not be offered: {wrong}"
    by_id = {m["id"]: m for m in result["eligible"] + result["possible"]}
    for mid in case.get("eligible_ids", []):
        assert by_id.get(mid, {}).get("status") == "eligible", f"{mid} must be eligible"
    for mid in case.get("possible_ids", []):
        assert by_id.get(mid, {}).get("status") == "possible", f"{mid} must be possible"
    for mid in case.get("hidden_ids", []):
        assert mid not in by_id, f"{mid} must not be offered"
    for mid, phrases in (case.get("says") or {}).items():
        m = by_id.get(mid)
        assert m is not None, f"{mid} must be offered"
        shown_text = " ".join([m["title"], m["summary"], *m.get("confirm", [])])
        missing_phrases = [p for p in phrases if p not in shown_text]
        assert not missing_phrases, f"{mid} must say {missing_phrases}: {shown_text}"
    for mid, phrases in (case.get("not_says") or {}).items():
        m = by_id.get(mid)
        assert m is not None, f"{mid} must be offered"
        shown_text = " ".join([m["title"], m["summary"], *m.get("confirm", [])])
        wrong_phrases = [p for p in phrases if p in shown_text]
        assert not wrong_phrases, f"{mid} must not say {wrong_phrases}: {shown_text}"
    for mid, agency in (case.get("lead") or {}).items():
        assert mid in by_id, f"{mid} must be offered"
        expected = agency if isinstance(agency, list) else [agency]   # a national measure may name two functions
        assert by_id[mid]["agencies"]["lead"] == expected, f"{mid}: lead {by_id[mid]['agencies']['lead']}"


def test_every_group_and_region_has_two_cases(kb):
    """At least two situation cases for each (document, group) that has a measure."""
    cases = [c.values[0] for c in load_cases()]
    missing = []
    for doc, source in kb.sources.items():
        groups = {g for m in kb.measures_of(doc) for g in m.conditions.get("groups", ())}
        for group in sorted(groups):
            n = 0
            for case in cases:
                profile = case["profile"]
                place = kb.gazetteer.resolve(profile.get("region") or "")
                if (group in (profile.get("groups") or []) and place is not None
                        and source.region in [p.name for p in place.ancestors_and_self()]
                        and any(a.startswith(doc + ":") for a in case.get("include", []))):
                    n += 1
            if n < 2:
                missing.append(f"{doc} × {group}: {n} case(s)")
    assert not missing, "too few eligibility cases:\n" + "\n".join(missing)
