"""facts.yml `audiences`: whom a measure can be for."""
from __future__ import annotations

from .checks import Collector, is_text, top
from .facts import FactRegistry, FactValue
from .model import FOUNDER, RUNS_FACT
from .yamlio import LineDict


def load_audiences(c: Collector, facts: FactRegistry) -> dict:
    """facts.yml `audiences`: the closed list of whom a measure can be for. The
    values of the `runs` fact must be audience ids (organisations a person runs)."""
    path = c.root / "facts.yml"
    items = top(c, path, "audiences", dict) or {}
    audiences = {}
    for aid, spec in items.items():
        line = items.line_of(aid) if isinstance(items, LineDict) else 0
        if not isinstance(spec, LineDict) or not is_text(spec.get("label")):
            c.add(path, line, f"audiences.{aid}", "each audience needs a `label`")
            continue
        for key in sorted(set(spec) - {"label", "synonyms"}):
            c.add(path, spec.line_of(key), f"audiences.{aid}", f"unknown key `{key}` (label, synonyms)")
        synonyms = spec.get("synonyms") or []
        if not isinstance(synonyms, list) or not all(is_text(s) for s in synonyms):
            c.add(path, spec.line_of("synonyms"), f"audiences.{aid}", "`synonyms` must be a list of text")
            synonyms = []
        audiences[str(aid)] = FactValue(str(aid), spec["label"], tuple(synonyms))
    if items and FOUNDER not in audiences:
        c.add(path, getattr(items, "line", 1), "audiences", f"`{FOUNDER}` (a person starting a business) is required")
    if RUNS_FACT in facts and audiences:
        allowed = ", ".join(a for a in audiences if a != FOUNDER)
        for value in facts[RUNS_FACT].values:
            if value not in audiences or value == FOUNDER:
                c.add(path, items.line, f"{RUNS_FACT}.{value}",
                      f"`{RUNS_FACT}` values must be audience ids other than {FOUNDER}; allowed: {allowed}")
    return audiences
