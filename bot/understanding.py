"""What one message says about the person's facts, Rasa-free.

Inputs are the message text (already Simplified), the NLU entities and the
question the bot has open. Three sources, in this order of trust:

1. NLU entities (the CRF and the lookup-table regex extractor), upgraded to the
   longest synonym that covers them (研究生 inside 研究生毕业 is a graduate);
2. the synonyms (two characters or more) found in the text, so what
   rules/facts.yml lists is always understood; a one-character answer (女)
   counts only as the whole answer to the question asked;
3. the gazetteer for places: one resolution per message.

A mention is dropped or flipped when a negation cue (不是, 没, 并非 …) stands
right before it in the same clause: "我不是大学生，是退伍军人" gives only the
veteran; "不是科技型企业" answers the tech question with no; "我不是女的"
sets the other gender.

Words that only look like a group are not read as it: a synonym right after
one of its value's `not_after` words (高中 毕业生) is dropped. Words that may
or may not name a group (facts.yml `ambiguous:`: 毕业, 当兵, 学生 …) are never
read as the group either; the reading reports them (`Reading.ambiguous`) so
the dialogue can ask instead of guessing (bot/clarify.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .kb import KnowledgeBase

PLACE_SUFFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村")

# Negation cues, longest first; a mention is negated when the last cue before
# it in its clause is followed by at most a few characters and no 是.
NEGATION_CUES = ("从来没有", "从没有", "从来没", "并不是", "并非", "不是", "不算", "没有", "从没", "没当过",
                 "没", "未", "非", "不")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n、]|但是|而是|可是|不过")
_MAX_GAP = 4


@dataclass
class Mention:
    fact: str
    value: object
    start: int
    end: int
    negated: bool = False


@dataclass
class Reading:
    """The facts one message states (canonical values) and what it says about places."""
    facts: dict = field(default_factory=dict)
    negated: dict = field(default_factory=dict)    # fact -> values the person said they are not
    suggestion: object = None                       # Place the person probably meant (柳洲 -> 柳州)
    vague_place: str | None = None                  # 东北, 老家 …
    ambiguous: list = field(default_factory=list)   # facts.Ambiguous words left unsettled (毕业, 当兵)


def canonical_value(kb: KnowledgeBase, fact: str, text: str) -> str | None:
    """Map what a person wrote (退伍军人, 女, 海归) to a contract value: an exact
    label or synonym, else the longest synonym inside the text."""
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


def _terms(kb: KnowledgeBase, fact: str) -> tuple[dict, re.Pattern | None]:
    """The synonyms of a fact (two characters or more) and one pattern finding
    them, longest first (Python's alternation takes the first that matches);
    built once per knowledge base."""
    cache = kb.__dict__.setdefault("_terms_cache", {})
    if fact not in cache:
        terms = {}
        for value, spec in kb.facts[fact].values.items():
            for term in (spec.label, *spec.synonyms):
                # one-character synonyms (女, 男) only count as a whole answer
                if len(term) >= 2:
                    terms.setdefault(term, value)
        pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))) \
            if terms else None
        cache[fact] = terms, pattern
    return cache[fact]


def scan(kb: KnowledgeBase, fact: str, text: str) -> list[Mention]:
    """Every synonym of `fact` in `text`, longest match first, without overlaps."""
    terms, pattern = _terms(kb, fact)
    if pattern is None or not text:
        return []
    return [Mention(fact, terms[m.group(0)], m.start(), m.end()) for m in pattern.finditer(text)]


def negated_at(text: str, start: int) -> bool:
    """Is the mention starting at `start` negated (我不是大学生, 没当过兵)?"""
    head = text[:start]
    clause_start = 0
    for m in _CLAUSE_END.finditer(head):
        clause_start = m.end()
    clause = head[clause_start:]
    best = -1
    cue_end = -1
    for cue in NEGATION_CUES:
        i = clause.rfind(cue)
        if i >= 0 and i + len(cue) > cue_end:
            best, cue_end = i, i + len(cue)
    if best < 0:
        return False
    gap = clause[cue_end:]
    if re.search(r"\S\s", gap):   # 腿脚不方便 持残疾证: a space after other words ends the negated phrase
        return False
    return len(gap) <= _MAX_GAP and "是" not in gap and "有" not in gap.replace("没有", "")


def _from_entities(kb: KnowledgeBase, entities: list[dict]) -> list[Mention]:
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


def _upgrade(mentions: list[Mention], longer: list[Mention]) -> list[Mention]:
    """Replace a mention by a longer synonym of the same fact covering it."""
    out = []
    for m in mentions:
        for s in longer:
            if s.fact == m.fact and m.start >= 0 and s.start <= m.start and m.end <= s.end \
                    and (s.end - s.start) > (m.end - m.start):
                m = s
                break
        out.append(m)
    return out


def _value_of(kb: KnowledgeBase, fact: str, value):
    return kb.facts[fact].value(value)


def _flip(kb: KnowledgeBase, fact: str, value):
    """The answer a negated one-valued fact gives: 不是科技型 -> False; 不是女的 -> male."""
    if kb.facts[fact].kind == "bool":
        return not value
    others = [v for v in kb.facts[fact].values if v != value]
    return others[0] if len(others) == 1 else None


def read(kb: KnowledgeBase, text: str, entities: list[dict], open_question: str | None = None,
         is_payload: bool = False, negation: bool | None = None) -> Reading:
    """The facts in one message. `text` is Simplified; `open_question` the fact
    asked. A payload (a button) is read from its entities only."""
    reading = Reading()
    mentions = _from_entities(kb, entities)
    if not is_payload:
        # the synonyms in the text count like the lookup-table extractor's entities,
        # and a longer synonym beats an entity inside it (研究生 in 研究生毕业)
        for fact in kb.facts.valued:
            found = scan(kb, fact, text)
            mentions = _upgrade(mentions, found)
            for s in found:
                if not any(m.fact == s.fact and m.start >= 0 and not (s.end <= m.start or m.end <= s.start)
                           for m in mentions):
                    mentions.append(s)
        whole = text.strip("。.!！ ")
        if open_question and kb.facts[open_question].kind == "one" and whole and len(whole) <= 4:
            # a one-character answer to a one-value question (女, 男的)
            value = canonical_value(kb, open_question, whole)
            if value and not any(m.fact == open_question for m in mentions):
                mentions.append(Mention(open_question, value, 0, len(text)))
    if negation if negation is not None else not is_payload:
        for m in mentions:
            if m.start >= 0:
                m.negated = negated_at(text, m.start)
    spans = [(m.start, m.end) for m in mentions if m.start >= 0]
    if not is_payload:
        mentions = [m for m in mentions if not _qualified_out(kb, m, text) and not _about_other(kb, m, text)]

    for m in sorted(mentions, key=lambda m: m.start):
        value = _value_of(kb, m.fact, m.value)
        if m.negated:
            reading.negated.setdefault(m.fact, [])
            if value not in reading.negated[m.fact]:
                reading.negated[m.fact].append(value)
            if kb.facts[m.fact].kind in ("one", "bool"):
                flipped = _flip(kb, m.fact, value)
                if flipped is not None:
                    reading.facts[m.fact] = flipped
            continue
        if kb.facts[m.fact].kind == "list":
            values = reading.facts.setdefault(m.fact, [])
            if value not in values:
                values.append(value)
        else:
            reading.facts[m.fact] = value
    if not is_payload:
        reading.ambiguous = _ambiguities(kb, text, spans, reading)
    # a place inside a group's name is not where the person is (台湾青年, 香港同胞)
    place_text = text
    spans = [(m.start, m.end) for m in mentions if m.fact in kb.facts.conditions and m.start >= 0]
    for start, end in spans:
        place_text = place_text[:start] + "，" * (end - start) + place_text[end:]
    places = [e for e in entities or [] if not (
        isinstance(e.get("start"), int) and any(s <= e["start"] < t for s, t in spans))]
    _read_place(kb, reading, place_text, places, is_payload)
    return reading


_QUALIFIER_GAP = 2   # 高中的毕业生, 高中刚毕业: at most this many characters between


def _after_qualifier(text: str, start: int, words: tuple) -> bool:
    """Does one of `words` (高中, 中专 …) stand just before `start`, in the same clause?"""
    if not words:
        return False
    head = text[:start]
    for m in _CLAUSE_END.finditer(head):
        head = text[m.end():start]
    return any(w in head[-(len(w) + _QUALIFIER_GAP):] for w in words)


def _qualified_out(kb: KnowledgeBase, m: Mention, text: str) -> bool:
    """A mention right after a word that says it is not the value (高中毕业生 is no 高校毕业生),
    or inside a phrase that is not it (残疾人联合会)."""
    if m.start < 0:
        return False
    fv = kb.facts[m.fact].values.get(str(m.value))
    return fv is not None and (_after_qualifier(text, m.start, fv.not_after)
                               or _inside_phrase(text, m.start, m.end, fv.not_in))


def _about_other(kb: KnowledgeBase, m: Mention, text: str) -> bool:
    """A group or gender said of someone else (我老公退伍了, 我儿子是大学生, 客户是外国人):
    one of facts.yml `about_others` earlier in the mention's clause."""
    if m.start < 0 or kb.facts[m.fact].kind not in ("list", "one") or not kb.facts[m.fact].condition:
        return False
    head = text[:m.start]
    for cut in _CLAUSE_END.finditer(head):
        head = text[cut.end():m.start]
    return any(w in head for w in kb.facts.about_others)


def _ambiguity_pattern(kb: KnowledgeBase):
    cache = kb.__dict__.setdefault("_terms_cache", {})
    if "__ambiguous__" not in cache:
        words = sorted(kb.facts.ambiguous, key=len, reverse=True)
        cache["__ambiguous__"] = re.compile("|".join(map(re.escape, words))) if words else None
    return cache["__ambiguous__"]


def _inside_phrase(text: str, start: int, end: int, phrases: tuple) -> bool:
    """Does one of `phrases` occur in `text` covering text[start:end]?"""
    for p in phrases:
        i = text.find(p)
        while i >= 0:
            if i <= start and end <= i + len(p):
                return True
            i = text.find(p, i + 1)
    return False


def _ambiguities(kb: KnowledgeBase, text: str, spans: list, reading: Reading) -> list:
    """The ambiguous words (facts.yml `ambiguous:`) the text leaves unsettled: not
    inside a synonym found, not negated (没毕业), not in a `not_in` phrase (还在当兵),
    in a text without the value's `not_after` words (高中毕业, 还在上学，读中职: the
    person said which school), and their value not stated otherwise."""
    pattern = _ambiguity_pattern(kb)
    if pattern is None or not text:
        return []
    out, seen = [], set()
    for m in pattern.finditer(text):
        a = kb.facts.ambiguous[m.group(0)]
        start, end = m.start(), m.end()
        said = reading.facts.get(a.fact) or ()
        said_not = reading.negated.get(a.fact) or ()
        fv = kb.facts[a.fact].values[a.value]
        if (any(s <= start < e for s, e in spans) or _inside_phrase(text, start, end, a.not_in)
                or negated_at(text, start) or any(w in text for w in fv.not_after)
                or a.value in said or a.value in said_not or (a.fact, a.value) in seen):
            continue
        seen.add((a.fact, a.value))
        out.append(a)
    return out


def _read_place(kb: KnowledgeBase, reading: Reading, text: str, entities: list[dict],
                is_payload: bool) -> None:
    gaz = kb.gazetteer
    named = [str(e.get("value")).strip() for e in entities or []
             if e.get("entity") == kb.facts.entity_of(kb.facts.place) and e.get("value") is not None]
    if is_payload:
        places = [p for p in (gaz.resolve(name, simplified=True) for name in named) if p is not None]
        if places:  # the most specific of the places named (长春 + 二道区)
            reading.facts[kb.facts.place] = max(places, key=lambda p: len(p.chain)).qualified_name
        else:
            unknown = [n for n in named if n.endswith(PLACE_SUFFIXES)]
            if unknown:
                reading.facts[kb.facts.place] = unknown[0]
        return
    place = _current_place(gaz, text) if text else None
    if place is None:
        for name in named:
            place = gaz.resolve(name, simplified=True)
            if place is not None:
                break
    # a short answer, without what people put before it ("请问昆山" -> 昆山)
    bare = _FILLERS.sub("", text) if text and len(text) <= 30 else None
    if place is None and bare and bare != text:
        place = gaz.resolve(bare, simplified=True)
    if place is not None:
        reading.facts[kb.facts.place] = place.qualified_name  # resolves back to exactly this place
        return
    if bare is not None:
        for candidate in dict.fromkeys([text, bare, *_CLAUSES.split(bare)]):
            if candidate and gaz.resolve(candidate, simplified=True) is None:
                reading.suggestion = gaz.suggest(candidate, simplified=True)
                if reading.suggestion is not None:
                    return
    for name in named:
        if name.endswith(PLACE_SUFFIXES) and len(name) >= 2:
            # an unknown place ("火星市") still gets the "not covered" answer;
            # a word the NLU mistook for a place ("新能源") is ignored
            reading.facts[kb.facts.place] = name
            return
    if text:
        reading.vague_place = gaz.vague(text, simplified=True)


# A place in a clause that tells where the person was, not where they are:
# "在广东打了十年工，今年回老家了" -> not 广东.
_AWAY = re.compile(r"打工|打了.{0,4}工|务工|工作过|上过学|读书|读完|留学|出差|旅游|当兵|服役")
_CLAUSES = re.compile(r"[，,。；;！!？?\n]")
# what people put before an answer: 呃，柳洲 / 请问昆山 / 那个南寕
_FILLERS = re.compile(r"^(?:(?:呃|嗯|额|哦|啊|唔|请问|那个|就是|哈哈|我想问一下|问一下|我说|是)[，,。\s]*)+")


def _current_place(gaz, text: str):
    """The place the person is in: the deepest place named, ignoring clauses
    about where they worked or studied before (unless nothing else is named)."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    if len(clauses) <= 1 and not _AWAY.search(text):
        return gaz.resolve(text, simplified=True)
    here = [c for c in clauses if not _AWAY.search(c)]
    found = [p for p in (gaz.resolve(c, simplified=True) for c in here) if p is not None]
    if found:
        return max(found, key=lambda p: len(p.chain))
    if any(_AWAY.search(c) for c in clauses):
        return None
    return gaz.resolve(text, simplified=True)


def facts_from_entities(kb: KnowledgeBase, entities: list[dict], text: str | None = None) -> dict:
    """The facts some entities state, without reading the text itself (the NLU
    gate's ground truth); with the text, negated mentions are dropped or flipped."""
    reading = read(kb, text or "", entities, None, is_payload=True, negation=text is not None)
    return reading.facts


def merge_facts(kb: KnowledgeBase, slots: dict, updates: dict, negated: dict | None = None) -> dict:
    """New facts add to lists (我还是大学生) and replace single values (我其实在南宁);
    a negated list value is removed (我不是大学生)."""
    changed = {}
    for fact, value in updates.items():
        if kb.facts[fact].kind == "list":
            current = list(slots.get(fact) or [])
            merged = current + [v for v in value if v not in current]
            if merged != current or slots.get(fact) is None:
                changed[fact] = merged
        elif slots.get(fact) != value:
            changed[fact] = value
    for fact, values in (negated or {}).items():
        if kb.facts[fact].kind == "list":
            base = changed.get(fact, slots.get(fact))
            if base:
                kept = [v for v in base if v not in values or v in updates.get(fact, ())]
                if kept != list(base):
                    changed[fact] = kept
    return changed
