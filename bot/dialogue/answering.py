"""Answering questions about measures: the one the person means, or the list they see.

A question about a measure (能贷多少, 找谁, 我符合吗, 原文, 详细说说) is answered for the
measure the message points at (bot/dialogue/targets.py). Several candidates: "您是说
哪一项？" with them as buttons. None: the question is answered for the list on screen
where it can be (找谁 → the offices, one line each; 有年龄限制吗 → what the documents
say of age), else the person is asked which item.
"""
from __future__ import annotations

import re

from .. import texts
from ..replies import followup
from ..reading import questions as q
from ..reading.references import by_words
from ..replies import answers, lists
from . import showing
from .targets import resolve
from ..matching.shown import Shown

FOLLOW_UP = {q.AMOUNT: "ask_amount", q.APPLY: "ask_how_to_apply", q.MATERIALS: "ask_materials",
             q.CONTACT: "ask_contact", q.DEADLINE: "ask_deadline"}
ABOUT_A_MEASURE = (q.AMOUNT, q.APPLY, q.MATERIALS, q.CONTACT, q.DEADLINE, q.ELIGIBILITY, q.ORIGINAL, q.DETAILS,
                   q.EXPLAIN, q.FEES)
# several candidates: these are answered for each (short answers), the others asked back
EACH = set(FOLLOW_UP) | {q.ELIGIBILITY, q.FEES}


# 我老公不是退伍 还在服役呢: a sentence about someone names no measure
_SUBJECT = re.compile(r"\s{0,20}(?:我|俺|咱|他|她)")


def points_at_measure(turn, act) -> bool:
    """The message asks about a measure, by position, by words of a title or as 这个
    (社保补贴那个呢, 桂惠贷呢, 农村青年的金融产品那个)."""
    # 创业能抵学分吗 names a topic but no list is asked for: about the measure on screen that it names
    on_screen_only = act.asks == q.MEASURES and bool(act.topics) and not q.MEASURES_CUE.search(act.text)
    # 桂惠贷呢 names a measure; 我是退役军人 在南宁 有什么贷款 asks for a list
    named = act.refs.demonstrative or act.asks == q.MEASURES and not act.topics and not act.states_something \
        or on_screen_only \
        or act.asks is None and not (act.states_something or act.request or act.social or _SUBJECT.match(act.text))
    if act.asks not in ABOUT_A_MEASURE and not (named and len(act.refs.words) >= 2):
        return False
    if act.states_something and turn.changed and _PLEA.search(act.text) \
            and not (act.refs.positions or act.refs.demonstrative):
        return False        # 俺是返乡的 在延吉 … 咋整啊: who they are, then the measures
    if act.topics.get("needs") and not (act.refs.positions or act.refs.demonstrative) and _EXISTS.search(act.text):
        return False        # 有没有免费培训: whether there is any, a list of that need
    targets = resolve(turn, act)
    if act.asks not in ABOUT_A_MEASURE and targets.how not in ("words", "position"):
        return False
    if on_screen_only and not all(m.id in targets.numbers for m in targets.measures):
        return False
    return bool(targets.measures) or bool(act.refs.positions)


def about_measure(turn, act) -> None:
    targets = resolve(turn, act)
    if targets.out_of_range is not None:
        turn.say(texts.BAD_ITEM.format(n=len(turn.slots.get("listed") or [])))
        return
    if act.asks == q.AMOUNT and len(targets.measures) > 1:     # 退伍的能贷多少: the money among them
        money = [m for m in targets.measures if m.category == MONEY]
        targets.measures = money or targets.measures
    same_title = len({m.title for m in targets.measures}) == 1
    if len(targets.measures) > 1 and act.asks not in EACH and not same_title:
        ask_which(turn, targets.measures)
        return
    if not targets.measures:
        about_list(turn, act)
        return
    for m in targets.measures[:3]:
        answer_one(turn, act, m, targets.numbers.get(m.id))
    turn.refer(targets.measures[:3], support=act.asks in (q.APPLY, q.CONTACT))


def answer_one(turn, act, m: Shown, n: int | None) -> None:
    kind = act.asks if act.asks in ABOUT_A_MEASURE else q.EXPLAIN   # 桂惠贷呢 / 吉林银行能贷吗: in short
    if kind in FOLLOW_UP:
        turn.say(followup.answer(FOLLOW_UP[kind], m, n))
    elif kind == q.ELIGIBILITY:
        turn.replies.append(answers.eligibility(turn.engine, turn.profile(), m, n, bool(answers.AGE.search(act.text))))
    elif kind == q.ORIGINAL:
        turn.replies.append(answers.original(m, n))
    elif kind == q.EXPLAIN:
        turn.replies.append(answers.brief(m, n))
        if act.asks is None and q.PARTICULAR.search(act.text) and not _COUNTED.search(m.quote):
            asked = act.text.strip("？?。 ")[:20]      # 休学最长几年: a particular the quote does not give
            turn.say(texts.PARTICULAR_NOT_STATED.format(question=asked, whom=followup.lead_whom(m)))
    elif kind == q.FEES:
        turn.say(answers.fees(m, n))
    else:
        turn.replies.append(answers.details(turn.kb, m, n))
        chosen = list(turn.slots.get("chosen") or [])
        if m.id not in chosen:
            turn.set(chosen=chosen + [m.id])
    turn.focus_on(m)


MONEY = "financing"      # the need whose measures have amounts
_PLEA = re.compile(r"咋整|咋办|怎么办|怎么整|咋弄|怎么弄")
_EXISTS = re.compile(r"有没有|有木有|有冇|有啥|有什么|有哪些|有没")
_COUNTED = re.compile(r"[\d一二三四五六七八九十两]{1,6}\s{0,2}(?:年|个月|個月|天|日|次|周|週)")


def about_list(turn, act) -> None:
    """A question with no measure named: answered for the list on screen where it can be."""
    listed = turn.listed_items()
    result, items = turn.current()
    if not items and not listed:
        if result is not None and result.message:
            turn.say(result.message)
        else:
            turn.say(followup.general(FOLLOW_UP.get(act.asks, "ask_how_to_apply")))
        return
    if act.asks == q.CONTACT:
        shown = listed or items[:5]
        turn.replies.append(answers.offices(shown))
        turn.refer(shown)
        return
    if act.asks == q.ELIGIBILITY and act.topics.get("groups"):
        membership(turn, act, act.topics["groups"], items)
        return
    if act.asks == q.ELIGIBILITY:
        eligibility_of_list(turn, act, listed or items[:5])
        return
    if act.asks == q.FEES:
        charged = [m for m in (listed or items) if followup.sentences(m.quote, answers.FEE)][:3]
        for m in charged:
            turn.say(answers.fees(m, None))
        if not charged:
            turn.say(texts.NO_FEES_IN_TEXTS)
        turn.refer(charged)
        return
    if act.asks == q.APPLY and (act.facts.get("needs") or act.topics.get("needs")):
        need = (act.facts.get("needs") or act.topics.get("needs"))[0]
        showing.category(turn, need)
        return
    if act.asks in FOLLOW_UP:
        turn.say(followup.general(FOLLOW_UP[act.asks]))
    ask_which(turn, (listed or items)[:3])


def ask_which(turn, ms: list[Shown]) -> None:
    """"您是说哪一项？": the candidates numbered 1.. (the list the person now sees)."""
    turn.replies.append(answers.which_one(ms))
    if [m.id for m in ms] != (turn.slots.get("listed") or [])[:len(ms)]:
        turn.show_list(ms)


def membership(turn, act, groups: list, items: list[Shown]) -> None:
    """我算高层次人才吗: the documents do not define who counts; the office that decides."""
    values = turn.kb.facts["groups"].values
    theirs = [m for m in items if any(g in (turn.kb.measure(m.id).conditions.get("groups") or ()) for g in groups)]
    whom = "、".join(dict.fromkeys(o for m in theirs[:3] for o in lists.lead_names(m))) or texts.ASK_LOCAL_OFFICE
    label = "、".join(values[g].short_label() for g in groups if g in values)
    turn.say(texts.MEMBERSHIP.format(group=label, whom=whom))


def eligibility_of_list(turn, act, shown: list[Shown]) -> None:
    """我符合吗 / 有年龄限制吗 about the list: a short list item by item; a longer one, how
    it was chosen and what the texts say of age."""
    if shown and not answers.AGE.search(act.text):
        for n, m in enumerate(shown[:3], 1):
            turn.replies.append(answers.eligibility(turn.engine, turn.profile(), m, n, False))
        if len(shown) > 3:
            turn.say(texts.ASK_WHICH_CONDITIONS)
        return
    lines = [texts.LIST_CHOSEN_FOR.format(who=_who(turn))]
    if answers.AGE.search(act.text):
        aged = [m for m in shown if followup.sentences(m.quote, answers.AGE_IN_TEXT)]
        lines.append(texts.AGE_SOME.format(titles="、".join(m.title for m in aged)) if aged else texts.NO_AGE_LIMIT_ALL)
    lines.append(texts.ASK_WHICH_CONDITIONS)
    turn.say("\n".join(lines))


def _who(turn) -> str:
    from ..replies.render import profile_line
    result, _ = turn.current()
    return profile_line(turn.kb, result, turn.facts()) if result else ""


def other_question(turn, act) -> None:
    """A question of no known kind (出来创业编制还能保留吗): the measure whose text speaks
    of it, quoted, or a plain "the documents do not say" and whom to ask."""
    result, items = turn.current()
    found = by_words(act.refs.words, items, items, min_cover=0.6) if items else []
    if found and len(found) <= 2:
        for m in found:
            turn.say(texts.RELATED.format(name=answers.name(m, None), quote=m.quote, whom=followup.lead_whom(m)))
        turn.focus_on(found[0])
        turn.refer(found)
        return
    whom = "、".join(dict.fromkeys(o for m in (turn.listed_items() or items)[:3] for o in lists.lead_names(m)))
    asked = act.text.strip("？?。 ")[:20]
    turn.say(texts.NOT_IN_TEXTS.format(question=asked, whom=whom or texts.ASK_LOCAL_OFFICE))
