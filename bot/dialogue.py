"""Dialogue logic that does not depend on Rasa: facts from NLU entities, the
profile from slots, what to ask next, and which measures to list."""
from __future__ import annotations

import re

from .engine import Engine, MatchResult
from .kb import KnowledgeBase
from .profile import Profile

# NLU entity name for each fact (the slots carry the fact names).
ENTITY_OF_FACT = {"groups": "group", "needs": "need", "gender": "gender",
                  "tech_business": "tech_business", "region": "region"}
FACT_OF_ENTITY = {entity: fact for fact, entity in ENTITY_OF_FACT.items()}
LIST_FACTS = ("groups", "needs")
PLACE_SUFFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村")


def canonical_value(kb: KnowledgeBase, fact: str, text: str) -> str | None:
    """Map what a person wrote (退伍军人, 女, 海归) to a contract value."""
    if not text:
        return None
    values = kb.facts[fact].values
    if text in values:
        return text
    best, best_len = None, 0
    for value, spec in values.items():
        for term in (spec.label, *spec.synonyms):
            if term == text:
                return value
            if len(term) > best_len and term in text:
                best, best_len = value, len(term)
    return best


def facts_from_entities(kb: KnowledgeBase, entities: list[dict]) -> dict:
    """Entities of one message -> fact updates. Several extractors may report
    the same span (DIET and RegexEntityExtractor): each fact value counts once."""
    out: dict = {}
    for ent in entities or []:
        fact = FACT_OF_ENTITY.get(ent.get("entity"))
        raw = ent.get("value")
        if fact is None or raw is None:
            continue
        if fact == "region":
            text = str(raw).strip()
            if kb.gazetteer.resolve(text) is not None:
                out["region"] = text
            elif text.endswith(PLACE_SUFFIXES) and "region" not in out:
                # an unknown place ("火星市") still gets the "not covered" answer;
                # a word the NLU mistook for a place ("新能源") is ignored
                out["region"] = text
            continue
        value = canonical_value(kb, fact, str(raw))
        if value is None:
            continue
        if fact == "tech_business":
            out[fact] = value == "true"
        elif fact in LIST_FACTS:
            out.setdefault(fact, [])
            if value not in out[fact]:
                out[fact].append(value)
        else:
            out[fact] = value
    return out


def merge_facts(slots: dict, updates: dict) -> dict:
    """New facts add to lists (我还是大学生) and replace single values (我其实在南宁)."""
    changed = {}
    for fact, value in updates.items():
        if fact in LIST_FACTS:
            current = list(slots.get(fact) or [])
            merged = current + [v for v in value if v not in current]
            if merged != current or slots.get(fact) is None:
                changed[fact] = merged
        elif slots.get(fact) != value:
            changed[fact] = value
    return changed


def profile_from_slots(kb: KnowledgeBase, slots: dict) -> Profile:
    """Tolerant: values that are not in the contract are ignored, not fatal."""
    groups = slots.get("groups")
    gender = slots.get("gender")
    tech = slots.get("tech_business")
    return Profile(
        region=slots.get("region") or None,
        groups=frozenset(g for g in groups if g in kb.facts["groups"].values) if groups is not None else None,
        gender=gender if gender in kb.facts["gender"].values else None,
        tech_business=tech if isinstance(tech, bool) else None,
        needs=tuple(n for n in (slots.get("needs") or []) if n in kb.facts["needs"].values),
    )


def listing(engine: Engine, result: MatchResult) -> list[dict]:
    """What the person sees, in order: eligible (own groups first, by needs), then possible."""
    return [engine.measure_dict(v) for v in result.eligible + result.possible]


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def item_number(text: str) -> int | None:
    """第2条 / 第二个 / 3号 / 2 -> the number in the current list."""
    m = re.search(r"(?:第\s*)?(\d{1,3})\s*(?:条|个|项|号)?", text or "")
    if m:
        return int(m.group(1))
    m = re.search(r"第?([一二两三四五六七八九十]{1,3})(?:条|个|项|号)", text or "")
    if m:
        s = m.group(1)
        if s.startswith("十"):
            return 10 + (_CN_DIGITS.get(s[1:], 0) if len(s) > 1 else 0)
        if "十" in s:
            tens, _, ones = s.partition("十")
            return _CN_DIGITS[tens] * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
        return _CN_DIGITS.get(s)
    return None
