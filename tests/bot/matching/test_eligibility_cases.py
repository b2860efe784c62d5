"""OpenFisca-style situation tests: tests/eligibility/*.yml, each case a
profile with the articles that must be eligible and those that must not
appear at all. Written by reading the documents, not generated from rules/.

Cases may also pin single measures (for the audit findings, where an article
holds several measures): `eligible_ids` must be eligible, `possible_ids` must
be `possible`, `hidden_ids` must not be offered, `says: {id: [phrases]}` are
phrases the title, summary or notes must contain (Simplified), and
`lead: {id: agency full name}` is the lead agency shown (bot/rules/situations.py
holds these semantics; the review of a new document runs its cases with them)."""
from pathlib import Path

import pytest
import yaml

from bot.rules.situations import case_failures

CASES_DIR = Path(__file__).parents[2] / "eligibility"


def load_cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("case", list(load_cases()))
def test_case(case, match):
    failures = case_failures(case, match(**case["profile"]))
    assert not failures, "\n".join(failures)


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
