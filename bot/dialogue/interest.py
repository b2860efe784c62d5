"""利息多少 / 利息谁出 / 贴息贴几年: what the texts say of a loan's interest, from the
measures whose text speaks of it (the list on screen first), never an amount answer for
the money measures at large."""
from __future__ import annotations

import re

from .. import texts
from ..reading import questions as q
from . import showing

_ASKS_INTEREST = re.compile(r"利息|利率|贴息|息费|年息|月息|免息|无息|(?<!补)贴(?:几年|多久)")
_SPEAKS_OF_INTEREST = re.compile(r"贴息|利息|利率|免息|无息")
_AMOUNT = dict(q.KIND_PATTERNS)[q.AMOUNT]


def asks(turn, act) -> bool:
    """Interest alone is asked (能贷多少 利息多少 asks the amounts too: answered with them)."""
    return act.asks in (q.AMOUNT, q.FEES, None) and act.is_question and bool(_ASKS_INTEREST.search(act.text)) \
        and not any(_AMOUNT.search(c.text) and not _ASKS_INTEREST.search(c.text) for c in act.clauses) \
        and not (act.refs.positions or act.refs.demonstrative or act.states_something) and turn.has_profile()


def asks_of_the_loans(turn, act) -> bool:
    """利息谁出 / 利率多少 even after one measure's answer: what the texts say of interest;
    贴息 names a measure (贴息是贴多少: that measure's amount)."""
    named = _ASKING.sub("", _ASKS_INTEREST.sub("", act.refs.words))     # 桂惠贷 利息几多 names a measure
    return asks(turn, act) and "贴息" not in act.text and len(named) < 2


_ASKING = re.compile(r"谁出|谁给|谁付|谁掏|谁|多少|几多|咋算|怎么算|高不高|高吗")


def also_asked(act) -> bool:
    """Interest asked beside an amount: the amounts' answer says what is left to the bank."""
    return bool(_ASKS_INTEREST.search(act.text))


def answer(turn, act) -> None:
    showing.what_texts_say(turn, _SPEAKS_OF_INTEREST, texts.INTEREST_HEAD, texts.INTEREST_TAIL, texts.INTEREST_NONE,
                          quoted=True)
