"""Where a message names a value of a profile fact (退伍军人, 女, 贷款), with its span.

Two sources: the NLU entities (the CRF and the lookup-table extractor), each upgraded
to the longest synonym that covers it (研究生 inside 研究生毕业 is a graduate), and the
synonyms of rules/facts.yml found in the text (two characters or more), so what
rules/facts.yml lists is always understood. A one-character answer (女) counts only
as the whole answer to the question asked.

A mention is negated when a negation cue (不是, 没, 并非 …) stands right before it in
its clause: "我不是大学生，是退伍军人" negates only the student.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NEGATION_CUES = ("别给我整", "别给我算", "别把我算", "别给我", "不要给我", "从来没有", "从没有", "从来没", "并不是", "并非", "不是", "不算", "没有", "从没", "没当过",
                 "唔系", "冇", "没", "未", "非", "不")      # 唔系 / 冇: Cantonese 不是 / 没有
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n、]|但是|而是|可是|不过")
_MAX_GAP = 4
_NOT_NEGATING = re.compile(r"方便|灵便|利索|好使|舒服|太好|得劲")


@dataclass
class Mention:
    fact: str
    value: object
    start: int
    end: int
    negated: bool = False


def canonical_value(kb, fact: str, text: str) -> str | None:
    """What a person wrote (退伍军人, 女, 海归) as a contract value: an exact label or
    synonym, else the longest synonym inside the text."""
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


def _terms(kb, fact: str) -> tuple[dict, re.Pattern | None]:
    """The synonyms of a fact (two characters or more) and one pattern finding them,
    longest first; built once per knowledge base."""
    cache = kb.__dict__.setdefault("_terms_cache", {})
    if fact not in cache:
        terms = {}
        for value, spec in kb.facts[fact].values.items():
            for term in (spec.label, *spec.synonyms):
                if len(term) >= 2:
                    terms.setdefault(term.lower(), value)
        pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))) \
            if terms else None
        cache[fact] = terms, pattern
    return cache[fact]


def scan(kb, fact: str, text: str) -> list[Mention]:
    """Every synonym of `fact` in `text`, longest match first, without overlaps; then
    the value's `patterns` (种了十几年百合) where no synonym was found, or over the
    synonyms they hold (大学生 刚毕业 is a graduate, not a student)."""
    terms, pattern = _terms(kb, fact)
    if not text:
        return []
    low = text.lower()
    found = [Mention(fact, terms[m.group(0)], m.start(), m.end()) for m in pattern.finditer(low)
             if _word_edge(low, m.start(), m.end())] if pattern is not None else []
    for value, regex in _patterns(kb, fact):
        for m in regex.finditer(low):
            overlap = [f for f in found if f.start < m.end() and m.start() < f.end]
            if all(m.start() <= f.start and f.end <= m.end() and f.end - f.start < m.end() - m.start()
                   for f in overlap):
                found = [f for f in found if f not in overlap] + [Mention(fact, value, m.start(), m.end())]
    return found


def _patterns(kb, fact: str) -> list:
    cache = kb.__dict__.setdefault("_patterns_cache", {})
    if fact not in cache:
        cache[fact] = [(value, re.compile(p)) for value, spec in kb.facts[fact].values.items()
                       for p in spec.patterns]
    return cache[fact]


def _word_edge(text: str, start: int, end: int) -> bool:
    """An English synonym (veteran) is a word of its own, not part of another."""
    if not text[start:end].isascii():
        return True
    return not (start > 0 and text[start - 1].isalpha() or end < len(text) and text[end].isalpha())


def from_entities(kb, entities: list[dict]) -> list[Mention]:
    out = []
    for ent in entities or []:
        fact = kb.facts.fact_of(ent.get("entity"))
        raw = ent.get("value")
        if fact is None or fact == kb.facts.place or raw is None:
            continue
        value = canonical_value(kb, fact, str(raw))
        if value is None:
            continue
        start, end = ent.get("start"), ent.get("end")
        out.append(Mention(fact, value, start if isinstance(start, int) else -1,
                           end if isinstance(end, int) else -1))
    return out


def upgrade(mentions: list[Mention], longer: list[Mention]) -> list[Mention]:
    """Each mention replaced by a longer synonym of the same fact covering it."""
    out = []
    for m in mentions:
        for s in longer:
            if s.fact == m.fact and m.start >= 0 and s.start <= m.start and m.end <= s.end \
                    and (s.end - s.start) > (m.end - m.start):
                m = s
                break
        out.append(m)
    return out


def all_mentions(kb, text: str, entities: list[dict], is_payload: bool) -> list[Mention]:
    """Entities and synonyms together, one mention per span and fact."""
    mentions = from_entities(kb, entities)
    if is_payload:
        return mentions
    for fact in kb.facts.valued:
        found = scan(kb, fact, text)
        mentions = upgrade(mentions, found)
        for s in found:
            if not any(m.fact == s.fact and m.start >= 0 and not (s.end <= m.start or m.end <= s.start)
                       for m in mentions):
                mentions.append(s)
    # one value per span: an entity the synonyms also found counts once
    seen, out = set(), []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        key = (m.fact, m.value, m.start)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def negated_at(text: str, start: int) -> bool:
    """Is the mention starting at `start` negated (我不是大学生, 没当过兵)?"""
    head = text[:start]
    clause_start = 0
    for m in _CLAUSE_END.finditer(head):
        clause_start = m.end()
    clause = head[clause_start:]
    best, cue_end = -1, -1
    for cue in NEGATION_CUES:
        i = clause.rfind(cue)
        if i >= 0 and i + len(cue) > cue_end:
            best, cue_end = i, i + len(cue)
    if best < 0:
        return False
    gap = clause[cue_end:]
    if re.search(r"\S\s", gap):   # 腿脚不方便 持残疾证: a space after other words ends the negated phrase
        return False
    if _NOT_NEGATING.match(gap):
        return False              # 腿不方便有残疾证: 不 goes with 方便
    return len(gap) <= _MAX_GAP and "是" not in gap and "有" not in gap.replace("没有", "")
