"""Asking: the one question that settles the most, asked once, and what follows a miss.

A question is asked at most once: answered, declined (跳过) or passed over by a message
about something else, it is not asked again (the place excepted: without it nothing can
be found, so a miss gets a hint and the question once more). At most one refining
question (gender, technology) per conversation.
"""
from __future__ import annotations

from ..replies import render
from .. import texts
from . import showing


def next_fact(turn, refining: bool = False) -> str | None:
    """The unknown fact that settles the most measures: a condition the bot must know
    (the groups) or, with `refining`, one that only narrows the list (gender, technology;
    asked at most once per conversation, after the first results)."""
    asked = turn.slots.get("asked") or []
    refines = turn.kb.facts.refining
    if refining and any(f in refines for f in asked):
        return None
    skip = set(turn.slots.get("skipped") or ()) | {f for f in asked if f != turn.place} | {"needs"}
    if not refining:
        skip |= set(refines)
    result = turn.engine.match(turn.profile(), skip=tuple(skip))
    return result.next_question["fact"] if result.next_question else None


def advance(turn, act=None) -> None:
    """Show the measures for what is known, with the one question that settles the most of
    the rest under them (the place first: without it nothing can be found)."""
    if not turn.has_profile() and turn.place not in (turn.slots.get("skipped") or ()):
        from .social import describe
        noted = describe(turn, turn.changed) if turn.changed and turn.question == turn.place else ""
        ask(turn, turn.place, prefix=texts.NOTED.format(what=noted) if noted else None)   # 俺是返乡农民工: heard
        return
    fact = next_fact(turn)
    if fact is None:
        fact = next_fact(turn, refining=True)
    turn.set(question=None, missed=0)
    showing.results(turn)           # the measures now; the question that narrows them below
    if fact is not None and turn.current()[1]:
        ask_under(turn, fact)
    elif fact is not None:
        ask(turn, fact)


def ask_under(turn, fact: str) -> None:
    """A narrowing question under the results: its text and answers join the last reply."""
    join_under(turn, question_reply(turn, fact))
    asked = list(turn.slots.get("asked") or [])
    turn.set(question=fact, asked=asked + [fact], missed=0)


def join_under(turn, q) -> None:
    """A question's text and answers joined to the last reply (at most 8 buttons in all)."""
    last = turn.replies[-1]
    answers = [b for b in q.buttons if b.payload != "/skip"]
    keep = max(0, 8 - len(answers))
    turn.replies[-1] = render.Reply(last.text + "\n" + q.text, last.buttons[:keep] + answers)


def question_reply(turn, fact: str):
    return render.question(turn.kb, fact)


def ask(turn, fact: str, prefix: str | None = None) -> None:
    q = question_reply(turn, fact)
    if not prefix and turn.said_before(q.text):     # asked just now: the short form, not the same text
        q = short_question(turn, fact)
    turn.replies.append(render.Reply((prefix + "\n" if prefix else "") + q.text, q.buttons))
    asked = list(turn.slots.get("asked") or [])
    if fact not in asked:
        asked.append(fact)
    if turn.question != fact:
        turn.set(missed=0)
    turn.set(question=fact, asked=asked)


def short_question(turn, fact: str):
    full = question_reply(turn, fact)
    spec = turn.kb.facts[fact]
    if fact != turn.place and spec.kind == "bool" and spec.question:
        # 请告诉我您的科技型企业 would not be Chinese: a yes/no question is asked again whole
        return render.Reply(texts.ASK_AGAIN_YES_NO.format(question=spec.question), full.buttons)
    label = spec.label if fact != turn.place else texts.PLACE_WORD
    return render.Reply(texts.ASK_AGAIN.format(what=label), full.buttons)


def ask_again(turn) -> None:
    """After a side remark: the open question once more, in a short form with its buttons
    (never the same text twice in a row)."""
    if turn.question:
        turn.replies.append(short_question(turn, turn.question))


def skip(turn, fact: str) -> None:
    skipped = list(turn.slots.get("skipped") or [])
    if fact not in skipped:
        turn.set(skipped=skipped + [fact])
    turn.set(question=None, missed=0)


def pass_over(turn) -> None:
    """The person said something else: the open question (not the place) counts as declined."""
    q = turn.question
    if q and q != turn.place:
        skip(turn, q)


def vague_place(turn, act) -> None:
    """东北 / 老家 / 县城: too wide to find a document; the place, if known, is kept."""
    word = act.place.vague
    if not turn.has_profile():
        turn.say(texts.VAGUE_PLACE.format(word=word))
        ask(turn, turn.place)
        return
    name = turn.place_name(turn.slots[turn.place])
    examples = [w for w in texts.PLACE_EXAMPLES if not name.startswith(w)][:2]
    turn.say(texts.VAGUE_PLACE.format(word=word) + "\n" + texts.VAGUE_PLACE_KEPT.format(
        place=name, examples="".join(f"“{w}”" for w in examples)))


def missed(turn) -> None:
    """The open question got no answer: asked once more with a hint (the place), else passed."""
    q = turn.question
    n = int(turn.slots.get("missed") or 0)
    if q == turn.place:               # never passed: nothing can be found without it
        turn.set(missed=n + 1)
        if n and n % 2 == 0:
            ask_again(turn)           # the short form, so no text comes twice in a row
            return
        prefix = texts.NOT_UNDERSTOOD if n == 0 else texts.STILL_NO_PLACE.format(
            covered="、".join(turn.kb.covered_regions()))
        ask(turn, q, prefix=prefix)
        return
    if n == 0:
        turn.set(missed=1)
        ask(turn, q, prefix=texts.NOT_UNDERSTOOD)
        return
    turn.say(texts.SKIPPED_AFTER_MISS)
    skip(turn, q)
    advance(turn)


def other_groups(turn) -> None:
    """The 其他 button of the group question: every group, to type."""
    spec = turn.kb.facts["groups"]
    shown = set(spec.buttons)
    rest = [v.title for k, v in spec.values.items() if k not in shown]
    turn.say(texts.OTHER_GROUPS.format(groups="、".join(rest)))
