"""rules/agencies.yml (the offices local documents name) and rules/functions.yml
(offices by function, named at the person's place by bot/matching/offices.py)."""
from __future__ import annotations

from pathlib import Path

from .checks import Collector, entries, is_text, require_text
from .facts import FactRegistry
from .gazetteer import Gazetteer
from .model import Agency, Function
from .place_names import LEVELS
from .yamlio import LineDict

AGENCY_KEYS = {"id", "name", "full_name", "level", "region", "functions"}
FUNCTION_KEYS = {"id", "name", "plain", "at", "words", "duty", "serves"}


def load_agencies(c: Collector, regions: Gazetteer | None, functions: dict) -> dict:
    path = c.root / "agencies.yml"
    agencies = {}
    for item, aid in entries(c, path, "agencies", AGENCY_KEYS):
        if aid in agencies:
            c.add(path, item.line, aid, "duplicate agency id")
            continue
        agency = agency_entry(c, path, item, aid, regions, functions)
        if agency is not None:
            agencies[aid] = agency
    return agencies


def agency_entry(c: Collector, path: Path, item: LineDict, aid: str, regions: Gazetteer | None,
            functions: dict) -> Agency | None:
    """One agencies.yml entry; None when it has problems (reported)."""
    missing = require_text(c, path, item, aid, ("id", "name", "full_name", "region"))
    if item.get("level") not in LEVELS:
        c.add(path, item.line_of("level"), aid, f"`level` must be one of {', '.join(LEVELS)}")
        missing.append("level")
    if regions is not None and is_text(item.get("region")) and not regions.find(item["region"]):
        c.add(path, item.line_of("region"), aid, f"unknown region `{item['region']}` (not in regions.yml)")
    does = item.get("functions") or []
    if not isinstance(does, list) or not all(f in functions for f in does):
        c.add(path, item.line_of("functions"), aid,
              f"`functions` must list ids of rules/functions.yml ({', '.join(functions)})")
        missing.append("functions")
    if missing:
        return None
    return Agency(aid, item["name"], item["full_name"], item["level"], item["region"], tuple(does))


def load_functions(c: Collector, facts: FactRegistry) -> dict:
    """rules/functions.yml: the offices by function (bot/matching/offices.py names them at a place)."""
    path = c.root / "functions.yml"
    if not path.is_file():
        return {}
    functions = {}
    groups = facts["groups"].values if "groups" in facts else {}
    genders = facts["gender"].values if "gender" in facts else {}
    for item, fid in entries(c, path, "functions", FUNCTION_KEYS):
        bad = bool(require_text(c, path, item, fid, ("id", "name", "duty")))
        words = item.get("words") or []
        if not isinstance(words, list) or not words or not all(is_text(w) for w in words):
            c.add(path, item.line_of("words"), fid, "`words` must list the words texts use for the function")
            bad = True
        at = item.get("at")
        if at is not None and (not is_text(at) or "{place}" not in at):
            c.add(path, item.line_of("at"), fid, "`at` must be text with {place}")
            bad = True
        serves = item.get("serves") or {}
        if not isinstance(serves, dict) or set(serves) - {"groups", "gender"}:
            c.add(path, item.line_of("serves"), fid, "`serves` may have `groups:` (a list) and `gender:`")
            serves = {}
            bad = True
        served = serves.get("groups") or []
        if not isinstance(served, list) or not all(g in groups for g in served):
            c.add(path, item.line_of("serves"), fid, f"`serves.groups` must be groups of facts.yml ({', '.join(groups)})")
            bad = True
        gender = serves.get("gender")
        if gender is not None and gender not in genders:
            c.add(path, item.line_of("serves"), fid, f"`serves.gender` must be one of {', '.join(genders)}")
            bad = True
        if fid in functions:
            c.add(path, item.line, fid, "duplicate function id")
            continue
        if not bad:
            functions[fid] = Function(fid, item["name"], tuple(words), item["duty"], item.get("plain"), at,
                                      frozenset(served) if isinstance(served, list) else frozenset(), gender)
    return functions
