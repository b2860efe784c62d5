"""Situation cases (tests/eligibility/*.yml): what a case asserts about a match.

One place for the semantics, used by tests/bot/matching/test_eligibility_cases.py and by the
review of a new document (drafting/), which runs the cases it writes before
keeping them:
  include       articles (doc:article) that must be eligible
  exclude       articles that must be neither eligible nor possible
  eligible_ids  measures that must be eligible; possible_ids: possible; hidden_ids: not offered
  says          {id: [phrases]} the title, summary or notes must contain (Simplified)
  not_says      {id: [phrases]} they must not contain
  lead          {id: agency full name, or a list: a national measure may name two functions} the lead shown
"""
from __future__ import annotations


def articles(measures) -> set:
    return {f"{m['doc']}:{m['article']}" for m in measures}


def case_failures(case: dict, result: dict) -> list[str]:
    """What the match `result` (Engine.match(...).as_dict()) gets wrong for `case`; empty when it passes."""
    out = []
    eligible = articles(result["eligible"])
    shown = eligible | articles(result["possible"])
    missing = [a for a in case.get("include", []) if a not in eligible]
    if missing:
        out.append(f"expected eligible: {missing}; got {sorted(eligible)}")
    wrong = [a for a in case.get("exclude", []) if a in shown]
    if wrong:
        out.append(f"must not be offered: {wrong}")
    by_id = {m["id"]: m for m in result["eligible"] + result["possible"]}
    for mid in case.get("eligible_ids", []):
        if by_id.get(mid, {}).get("status") != "eligible":
            out.append(f"{mid} must be eligible")
    for mid in case.get("possible_ids", []):
        if by_id.get(mid, {}).get("status") != "possible":
            out.append(f"{mid} must be possible")
    for mid in case.get("hidden_ids", []):
        if mid in by_id:
            out.append(f"{mid} must not be offered")
    for mid, phrases in (case.get("says") or {}).items():
        m = by_id.get(mid)
        if m is None:
            out.append(f"{mid} must be offered")
            continue
        shown_text = " ".join([m["title"], m["summary"], *m.get("confirm", [])])
        missing_phrases = [p for p in phrases if p not in shown_text]
        if missing_phrases:
            out.append(f"{mid} must say {missing_phrases}: {shown_text}")
    for mid, phrases in (case.get("not_says") or {}).items():
        m = by_id.get(mid)
        if m is None:
            out.append(f"{mid} must be offered")
            continue
        shown_text = " ".join([m["title"], m["summary"], *m.get("confirm", [])])
        wrong_phrases = [p for p in phrases if p in shown_text]
        if wrong_phrases:
            out.append(f"{mid} must not say {wrong_phrases}: {shown_text}")
    for mid, agency in (case.get("lead") or {}).items():
        expected = agency if isinstance(agency, list) else [agency]
        if mid not in by_id:
            out.append(f"{mid} must be offered")
        elif by_id[mid]["agencies"]["lead"] != expected:
            out.append(f"{mid}: lead {by_id[mid]['agencies']['lead']}")
    return out
