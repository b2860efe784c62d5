"""Starting over, feedback, the consultation summary, greetings and thanks, and what the
bot says when it did not understand."""
from __future__ import annotations

import re

from ..replies import consultation
from .. import texts
from ..replies.render import Button
from . import asking
from .turn import slot_names

# A complaint about an office: the hotline, not us
COMPLAINT = re.compile(r"投诉|举报|维权|告状|踢皮球|推来推去|推三阻四|互相推|没人管|不给办")

MISSING_CUES = ("没说", "没有说", "没写", "没有写", "没告诉", "没提", "缺", "少了", "希望", "应该有", "不够",
                "没找到", "没有找到", "找不到", "不清楚", "看不懂")


def restart(turn, act=None) -> None:
    script = turn.slots.get("script")
    turn.slots = {name: None for name in slot_names(turn.kb)}
    turn.slots.update(script=script, page=0)
    turn.reset = True
    turn._current = None
    turn.say(texts.RESTARTED)


def distress(turn, act=None) -> None:
    turn.say(texts.DISTRESS)


def too_long(turn, act=None) -> None:
    turn.say(texts.TOO_LONG)
    asking.ask_again(turn)


def other_language(turn, act=None) -> None:
    turn.say(texts.OTHER_LANGUAGE)
    asking.ask_again(turn)


def odd_input(turn, act=None) -> None:
    turn.say(texts.ODD_INPUT)
    asking.ask_again(turn)


def feedback(turn, act) -> None:
    rating = "up" if act.social == "feedback_up" else "down"
    shown = turn.slots.get("shown") or []
    if not shown:
        turn.say(texts.FEEDBACK_NOTHING_SHOWN)
        return
    turn.mark(feedback={"rating": rating, "measures": list(shown), "missing": None})
    if rating == "up":
        turn.say(texts.FEEDBACK_THANKS)
        return
    turn.set(pending="missing")
    turn.say(texts.FEEDBACK_ASK_MISSING, [Button(texts.SKIP_BUTTON, "/skip")])


def is_missing_note(turn, act) -> bool:
    """After a 👎: a complaint or anything that is not a new request or fact is the note."""
    if turn.slots.get("pending") != "missing":
        return False
    turn.set(pending=None)
    if act.request == "skip":
        return False
    complaint = any(c in act.text for c in MISSING_CUES)
    return complaint or not (act.request or act.asks or act.states_something or act.refs.positions)


def note_missing(turn, act) -> None:
    fb = dict(turn.slots.get("feedback") or {})
    fb["missing"] = turn.msg.text.strip()[:500]
    turn.mark(feedback=fb)
    turn.say(texts.FEEDBACK_MISSING_NOTED)


def make_summary(turn, act=None) -> None:
    result, items = turn.current()
    if not items:
        turn.say(texts.NO_RESULTS_YET)
        asking.ask(turn, turn.question or turn.place)
        return
    doc = consultation.build(turn.engine, result, items, turn.facts(), turn.slots.get("chosen") or [])
    turn.summary_doc = doc
    turn.mark(summary=doc.id)
    turn.refer(doc.measures)
    turn.say(texts.SUMMARY_MADE.format(n=len(doc.measures)))


def greet(turn, act) -> None:
    if not turn.has_profile() and not turn.question:
        turn.say(texts.GREET)
        return
    turn.say(texts.GREET_AGAIN)
    asking.ask_again(turn)


def thanks(turn, act) -> None:
    turn.say(texts.THANKS)
    asking.ask_again(turn)


def goodbye(turn, act) -> None:
    turn.say(texts.GOODBYE)


def bot_challenge(turn, act) -> None:
    turn.say(texts.BOT_CHALLENGE)
    asking.ask_again(turn)


def out_of_scope(turn, act) -> None:
    # small talk (哈哈 今天零下二十度) needs no hotline; a question or a complaint does
    aside = not (act.is_question or act.asks) and not COMPLAINT.search(turn.simple)
    turn.say(texts.CHAT_ASIDE if aside else texts.OUT_OF_SCOPE_SHORT)
    asking.ask_again(turn)


def help_(turn, act) -> None:
    if turn.question == "groups" and turn.msg.is_payload:   # the 其他 button
        asking.other_groups(turn)
        return
    turn.say(texts.HELP)
    asking.ask_again(turn)


def acknowledge(turn, act) -> None:
    if not turn.has_profile() and not turn.question:
        start(turn, act)
        return
    if turn.question and turn.slots.get("missed"):
        asking.missed(turn)            # a second 嗯 to the same question: a hint, or it is passed
        return
    after_results = turn.current()[1] and not turn.question and not turn.said_before(texts.ACK_AFTER_RESULTS)
    turn.say(texts.ACK_AFTER_RESULTS if after_results else texts.ACK)     # 嗯嗯 then 行: the hint once
    if turn.question:
        turn.set(missed=1)
        asking.ask_again(turn)


def shorter(turn, act) -> None:
    """你说话太长了 简单点: heard, and how to ask for one point only."""
    turn.say(texts.SHORTER)


def of_another(turn, act) -> None:
    """我老公不是退伍 还在服役呢: heard; the person's own facts stay as they are."""
    turn.say(texts.NOTED_OTHER)
    asking.ask_again(turn)


def what_is_wrong(turn, act) -> None:
    turn.say(texts.WHAT_IS_WRONG)


def noted(turn, act) -> None:
    """A fact the bot knew already, or a denial of one it did not hold."""
    parts = []
    for fact, values in act.negated.items():
        labels = [turn.label(fact, v) for v in values if turn.label(fact, v)]
        if labels:
            parts.append(texts.NOTED_NOT.format(what="、".join(labels)))
    stated = {f: v for f, v in act.facts.items() if f not in act.negated}
    what = describe(turn, stated)
    if what:
        parts.append(texts.NOTED.format(what=what))
    turn.say("".join(parts) or texts.NOTED.format(what=describe(turn, {turn.place: turn.slots.get(turn.place)})))
    if turn.question:
        asking.ask_again(turn)
    elif not turn.has_profile():
        asking.ask(turn, turn.place)


def describe(turn, facts: dict) -> str:
    parts = []
    for fact, value in facts.items():
        if value is None:
            continue
        if fact == turn.place:
            parts.append(texts.PROFILE_REGION.format(place=turn.place_name(value)))
        elif isinstance(value, list):
            labels = [turn.label(fact, v) for v in value]
            if labels:
                parts.append(f"{turn.kb.facts[fact].label}：" + "、".join(labels))
        else:
            parts.append(turn.label(fact, value))
    return "；".join(p for p in parts if p)


def start(turn, act) -> None:
    """An opener with no facts (我想了解创业扶持政策, 有啥补贴): the first question, with buttons."""
    turn.say(texts.LETS_START)
    asking.ask(turn, turn.place)


def business(turn, act) -> None:
    """想开个网店 with nothing else: the trade noted, then what the measures depend on."""
    if not turn.has_profile() and not turn.question:
        turn.say(texts.BUSINESS_NOTED)
        asking.ask(turn, turn.place)
        return
    if turn.question and turn.slots.get("missed"):
        asking.missed(turn)            # the question passed over a second time: not asked again
        return
    turn.say(texts.BUSINESS_NOTED + ("" if turn.question else texts.AFTER_RESULTS_HINT))
    if turn.question:
        turn.set(missed=1)
        asking.ask_again(turn)


def not_understood(turn, act) -> None:
    if turn.question:
        asking.missed(turn)
        return
    if not turn.has_profile():
        asking.ask(turn, turn.place, prefix=texts.NOT_UNDERSTOOD)
        return
    turn.say(texts.NOT_UNDERSTOOD_AFTER_RESULTS)
