"""Asking instead of guessing: a word that may or may not name a group
(rules/facts.yml `ambiguous:` — 毕业, 当兵, 学生 …) gets its question with
是/不是 buttons, once; the answer adds the group or records that it does not
apply. bot/reading/qualifiers.py finds the words; the dialogue calls `ask` after it
has merged what the message settled and `answer` when the question is open
(the `pending` slot holds "clarify:<fact>:<value>" meanwhile).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import texts
from ..reading.inferred import GRADUATE
from ..replies.render import Button, Reply, intent_payload

PENDING = "clarify:"
YES = ("是", "对", "嗯", "没错", "是的", "对的", "yes", "算是")
NO = ("不是", "不对", "没有", "不算", "否", "no")
# 大专 / 中专 to "您是高校（大专及以上）毕业吗？": the level of school answers it
_COLLEGE_LEVEL = re.compile(r"大专|专科|高职|本科|大学|研究生|硕士|博士|学士")
_SCHOOL_LEVEL = re.compile(r"高中|中专|初中|技校|职高|小学")


@dataclass
class Clarification:
    reply: Reply
    pending: str


def _holds(kb, fact: str, value: str, slots: dict) -> bool:
    known = slots.get(fact)
    if kb.facts[fact].kind == "list":
        return value in (known or ())
    return known == value


def ask(kb, reading, slots: dict) -> Clarification | None:
    """The question for the first ambiguous word of the message whose value the
    profile (`slots`, with this message merged) does not hold yet."""
    for a in reading.ambiguous:
        if _holds(kb, a.fact, a.value, slots):
            continue
        entity = kb.facts.entity_of(a.fact)
        buttons = [Button(texts.YES_BUTTON, intent_payload("inform", **{entity: a.value})),
                   Button(texts.NO_BUTTON, "/deny")]
        return Clarification(Reply(a.question, buttons), f"{PENDING}{a.fact}:{a.value}")
    return None


def still_open(kb, pending: str, reading) -> None:
    """A message that answered something else (不对 我在吉林市): the open question stays,
    asked again after it."""
    fact, _, value = pending[len(PENDING):].partition(":")
    for word in kb.facts.ambiguous.values():
        if word.fact == fact and word.value == value:
            if all((a.fact, a.value) != (fact, value) for a in reading.ambiguous):
                reading.ambiguous.append(word)
            return


def corrects_place(text: str, reading) -> bool:
    """不对 我在吉林市不是长春: 不对 / 不是 before a place corrects the place; it does not answer
    the open yes/no question."""
    return text.lstrip().startswith(("不是", "不对")) and bool(reading.place.place or reading.place.denied)


def is_pending(pending) -> bool:
    return isinstance(pending, str) and pending.startswith(PENDING)


def answer(kb, pending: str, intent: str | None, text: str, reading) -> bool:
    """Read the answer to the open question into `reading` (yes: the value is
    stated; no: it is negated). False when the message answers something else
    (a new fact, another request): then it is read as it is."""
    fact, _, value = pending[len(PENDING):].partition(":")
    if fact not in kb.facts or value not in kb.facts[fact].values:
        return False
    if value in (reading.facts.get(fact) or ()) or value in (reading.negated.get(fact) or ()):
        return True     # the button's payload, or "我是高校毕业生" typed
    said = (text or "").strip("。.!！ ，,")
    if corrects_place(said, reading):
        return False    # the place is corrected, the question left open
    by_level = value == GRADUATE and len(said) <= 8 and not reading.is_question     # 大专的, not 女大学生…是啥
    school = _SCHOOL_LEVEL.search(said) if by_level else None
    college = _COLLEGE_LEVEL.search(said) if by_level and not school else None
    if intent == "deny" or said in NO or said.startswith(("不是", "不对")) or school:
        reading.negated.setdefault(fact, []).append(value)
        return True
    if intent == "affirm" or said in YES or said.startswith(("是", "对")) or college:
        if kb.facts[fact].kind == "list":
            reading.facts.setdefault(fact, []).append(value)
        else:
            reading.facts[fact] = value
        return True
    return False
