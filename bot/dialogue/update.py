"""What a message changes about the person: its statements, corrections and denials,
the place, and yes / no / "none of these" to the question the bot asked.

Only statements change the profile. A group, need or place named inside a question
is its topic (bot/reading/act.py); the one exception is a place asked about while the
bot knows none (柳州有什么补贴): the person is asking for that place, so it is taken —
unless they ask about that place's own documents (图们不是有自己的文件吗 俺们珲春能用不).
"""
from __future__ import annotations

import re

from ..reading import questions
from ..reading.inferred import GRADUATE, as_graduate
from ..rules.place_names import short_form


def merge_facts(kb, slots: dict, updates: dict, negated: dict | None = None, replaced=()) -> dict:
    """New facts add to lists (我还是大学生) and replace single values (我其实在南宁);
    a denied list value is removed (我不是大学生); a list restated after 说错了 replaces."""
    changed = {}
    for fact, value in updates.items():
        if kb.facts[fact].kind == "list":
            current = [] if fact in replaced else list(slots.get(fact) or [])
            merged = current + [v for v in value if v not in current]
            if merged != list(slots.get(fact) or []) or slots.get(fact) is None:
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


def answer_to_question(turn, act) -> None:
    """Yes / no / "none of these" as the answer to the open question."""
    q = turn.question
    spec = turn.kb.facts.get(q)
    if spec is None or q in act.facts:
        return
    if spec.kind == "bool" and act.answer is not None:
        act.facts[q] = act.answer          # 是，做AI医疗影像的 / 还不是 想做个小程序
    elif spec.kind == "list" and spec.condition and not act.negated.get(q) and (
            act.request == questions.NONE or act.answer is False and not act.states_something):
        act.facts[q] = []                  # 都不是 / 不是: none of these groups


def place_facts(turn, act) -> dict:
    """The region the message gives, if any: stated, kept as said, or asked about with none known."""
    place, reading = turn.place, act.place
    if reading.place is not None:
        if reading.elsewhere and turn.slots.get(place) and not reading.denied:
            return {}       # 俺是在长春念的大学 after 在哈尔滨: no move (我没在毕节 我在贵阳上班 corrects)
        if act.is_question and turn.slots.get(place) and _named_as_a_places_own(act.text, reading.place):
            return {}       # 图们的高端人才签证便利 我可以用吗: that place's measure asked about, no move
        return {place: reading.place.qualified_name}
    if reading.name:
        return {place: reading.name}
    if reading.topic is not None and not turn.has_profile() and not act.on_behalf and not act.local_docs \
            and not (act.topics.get("groups") or act.topics.get("gender") or reading.of_another):
        return {place: reading.topic.qualified_name}     # (留学回来的在乌鲁木齐有什么支持 asks of others there)
    if reading.suggestion is not None:      # 柳洲 / 南凝: the place shown in the answer, to correct
        return {place: reading.suggestion.qualified_name}
    return {}


def _named_as_a_places_own(text: str, place) -> bool:
    """The place is named only as whose something is (图们的…, 吉林那边说…, 吉林省…大赛), never
    after a word of being or going there (在, 住, 到, 回, 去, 来), or as where one may go later."""
    names = [n for n in {place.name, short_form(place.name), *place.aliases} if n and len(n) >= 2]
    spots = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)]
    return bool(spots) and all(_FUTURE_MOVE.search(text[max(0, s - 10):s]) or _whose(text, s, e) for s, e in spots)


def _whose(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] says whose something is (图们的, 吉林那边, 吉林省…大赛), with no
    word of being or going there before it."""
    return not re.search(r"(?:在|住|到|回|去|来|搬|是)$", text[max(0, start - 2):start]) \
        and bool(re.match(r"省?(?:的|那边|那儿|那里|这边|[^\s，,。？?]{0,12}(?:大赛|计划|政策|贷))", text[end:end + 14]))


# 我明年可能转学去南宁: where one may go later is no move now
_FUTURE_MOVE = re.compile(r"(?:明年|以后|将来|可能|打算|准备|过两年|过几年)[^，,。？?\s]{0,4}(?:去|搬到|搬去|到)$")


_GRADUATED = re.compile(r"已经毕业|已毕业|毕业了|刚毕业|去年毕业|毕业[一二两三几半\d]{1,2}年")
_NOT_YET = re.compile(r"明年|快毕业|要毕业|将毕业|还没|没毕业|毕业后|毕业以后")


def graduated(turn, act) -> None:
    """不对 我已经毕业了 after 我是大学生: a graduate of the school that made them a student,
    so 毕业 is not asked about."""
    student = "university_student"
    if act.is_question or student not in (turn.slots.get("groups") or ()) \
            or not any(a.value == GRADUATE for a in act.ambiguous) \
            or not _GRADUATED.search(act.text) or _NOT_YET.search(act.text):
        return          # 我明年毕业: still a student
    as_graduate(turn.kb, act)
    act.negated.setdefault("groups", []).append(student)


def update(turn, act) -> dict:
    """Apply the message to the profile; returns the facts that changed."""
    graduated(turn, act)
    answer_to_question(turn, act)
    facts = dict(act.facts)
    facts.update(place_facts(turn, act))
    changed = merge_facts(turn.kb, turn.slots, facts, act.negated, act.replaced)
    current = turn.slots.get(turn.place)
    if current and turn.place not in facts and any(
            turn.kb.gazetteer.resolve(str(current)) is p for p in act.place.denied):
        changed[turn.place] = None         # 我不在长春了: where now is asked next
    if changed:
        turn.set(**changed)
    return changed
