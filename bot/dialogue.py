"""Small Rasa-free helpers of the dialogue: the profile from slots, the listing
a person sees, and item numbers ("第2条") in what they write."""
from __future__ import annotations

import re

from .engine import Engine, MatchResult
from .kb import KnowledgeBase
from .profile import Profile, parse_profile


def profile_from_slots(kb: KnowledgeBase, slots: dict) -> Profile:
    """Tolerant: values that are not in the contract are ignored, not fatal."""
    return parse_profile({f: slots.get(f) for f in kb.facts}, kb, strict=False)


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
