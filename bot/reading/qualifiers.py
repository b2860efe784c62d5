"""Words that look like a group but are not it, and words that may or may not be it.

- A synonym right after one of its value's `not_after` words (高中 毕业生, 雇 残疾人) or
  inside one of its `not_in` phrases (残疾人联合会) is not that value (rules/facts.yml).
- A word of facts.yml `ambiguous:` (毕业, 当兵, 学生 …) is never read as the group; the
  reading reports it, unless the message settles it (negated, inside a synonym or a
  `not_in` phrase, or the value's `not_after` words are in the message), so the dialogue
  asks instead of guessing (bot/dialogue/clarify.py).
"""
from __future__ import annotations

import re

from .clauses import other_person
from .mentions import Mention, negated_at

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n、]|但是|而是|可是|不过")
_QUALIFIER_GAP = 2   # 高中的毕业生, 高中刚毕业: at most this many characters between
# 有没有给残疾人的 / 专门为退役军人: 给 and 为 name whom a measure is for, not whom one employs
_FOR_WHOM = re.compile(r"(?:专门|有没有|有木有|有没|有|是|只|针对|特别|主要)(?:给|为)$")


def _after_qualifier(text: str, start: int, words: tuple) -> bool:
    """Does one of `words` (高中, 中专 …) stand just before `start`, in the same clause?"""
    if not words:
        return False
    head = _clause_head(text, start)
    return any(w in head[-(len(w) + _QUALIFIER_GAP):] and not _FOR_WHOM.search(head[:head.rfind(w) + len(w)])
               for w in words)


def inside_phrase(text: str, start: int, end: int, phrases: tuple) -> bool:
    """Does one of `phrases` occur in `text` covering text[start:end]?"""
    for p in phrases:
        i = text.find(p)
        while i >= 0:
            if i <= start and end <= i + len(p):
                return True
            i = text.find(p, i + 1)
    return False


def qualified_out(kb, m: Mention, text: str) -> bool:
    """A mention right after a word that says it is not the value (高中毕业生 is no 高校毕业生),
    or inside a phrase that is not it (残疾人联合会)."""
    if m.start < 0:
        return False
    fv = kb.facts[m.fact].values.get(str(m.value))
    return fv is not None and (_after_qualifier(text, m.start, fv.not_after)
                               or inside_phrase(text, m.start, m.end, fv.not_in))


def _pattern(kb):
    cache = kb.__dict__.setdefault("_terms_cache", {})
    if "__ambiguous__" not in cache:
        words = sorted(kb.facts.ambiguous, key=len, reverse=True)
        cache["__ambiguous__"] = re.compile("|".join(map(re.escape, words))) if words else None
    return cache["__ambiguous__"]


def ambiguities(kb, text: str, spans: list, facts: dict, negated: dict) -> list:
    """The ambiguous words the text leaves unsettled, each once per value."""
    pattern = _pattern(kb)
    if pattern is None or not text:
        return []
    out, seen = [], set()
    for m in pattern.finditer(text):
        a = kb.facts.ambiguous[m.group(0)]
        start, end = m.start(), m.end()
        fv = kb.facts[a.fact].values[a.value]
        if (any(s <= start < e for s, e in spans) or inside_phrase(text, start, end, a.not_in)
                or negated_at(text, start) or any(w in text for w in fv.not_after)
                or a.value in (facts.get(a.fact) or ()) or a.value in (negated.get(a.fact) or ())
                or any(v in (facts.get(a.fact) or ()) for v in a.settled_by)
                or not a.of_others and _said_of_another(kb, text, start) or (a.fact, a.value) in seen):
            continue
        seen.add((a.fact, a.value))
        out.append(a)
    return out


_SELF = re.compile(r"(?:我|俺)(?:自己|本人)|本人")


def _said_of_another(kb, text: str, start: int) -> bool:
    """俺老公在部队当兵: the word is said of someone named before it in its clause."""
    return other_person(kb).search(_clause_head(text, start)) is not None


def _clause_head(text: str, start: int) -> str:
    """The text of start's clause before it."""
    head = text[:start]
    for m in _CLAUSE_END.finditer(head):
        head = text[m.end():start]
    return head


def denied_words(kb, text: str, clauses) -> list[tuple[str, str]]:
    """The values of ambiguous words the person denies of themselves in a statement
    (我自己没有残疾, 我没当过兵 … 不是学生): (fact, value) pairs."""
    pattern = _pattern(kb)
    out = []
    for m in pattern.finditer(text) if pattern is not None else ():
        a = kb.facts.ambiguous[m.group(0)]
        clause = next((c for c in clauses if c.start <= m.start() < c.end), None)
        if clause is not None and not clause.is_question and negated_at(text, m.start()) \
                and not inside_phrase(text, m.start(), m.end(), a.not_in) and (a.fact, a.value) not in out \
                and (not _said_of_another(kb, text, m.start())     # 她没残疾 / 我老公不是学生: not the person
                     or _SELF.search(_clause_head(text, m.start()))):   # 残疾证是我妈的 我自己没有残疾
            out.append((a.fact, a.value))
    return out
