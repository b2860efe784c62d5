"""利息多少 / 利息谁出 / 贴息贴几年: what the texts say of a loan's interest, from the
measures whose text speaks of it (the list on screen first), never an amount answer for
the money measures at large."""
from __future__ import annotations

import re

from .. import texts
from ..reading import questions as q
from ..replies import followup, lists

_ASKS_INTEREST = re.compile(r"利息|利率|贴息|息费|年息|月息|免息|无息|(?<!补)贴(?:几年|多久)")
_SPEAKS_OF_INTEREST = re.compile(r"贴息|利息|利率|免息|无息")
_AMOUNT = dict(q.KIND_PATTERNS)[q.AMOUNT]
SHOWN = 4


def asks(turn, act) -> bool:
    """Interest alone is asked (能贷多少 利息多少 asks the amounts too: answered with them)."""
    return act.asks in (q.AMOUNT, q.FEES, None) and act.is_question and bool(_ASKS_INTEREST.search(act.text)) \
        and not any(_AMOUNT.search(c.text) and not _ASKS_INTEREST.search(c.text) for c in act.clauses) \
        and not (act.refs.positions or act.refs.demonstrative or act.states_something) and turn.has_profile()


def also_asked(act) -> bool:
    """Interest asked beside an amount: the amounts' answer says what is left to the bank."""
    return bool(_ASKS_INTEREST.search(act.text))


def answer(turn, act) -> None:
    listed, items = turn.listed_items(), turn.current()[1]
    on_screen = [m for m in listed if _SPEAKS_OF_INTEREST.search(m.quote or "")]
    if len(on_screen) < 2:       # one on screen: the person's measures that speak of it, numbered anew
        on_screen = []
    chosen = (on_screen or [m for m in items if _SPEAKS_OF_INTEREST.search(m.quote or "")])[:SHOWN]
    if not chosen:
        money = [m for m in items if m.category == "financing"][:1]
        whom = followup.lead_whom(money[0]) if money else texts.ASK_LOCAL_OFFICE
        turn.say(texts.INTEREST_NONE.format(whom=whom))
        return
    numbers = [listed.index(m) + 1 for m in chosen] if on_screen else list(range(1, len(chosen) + 1))
    lines = [texts.INTEREST_HEAD]
    for n, m in zip(numbers, chosen):
        said = "”“".join(followup.sentences(m.quote, _SPEAKS_OF_INTEREST))
        lines.append(f"{n}. {m.title}（{m.citation}）：“{said}”")
    lines += [lists.offices(chosen, numbers=numbers), texts.INTEREST_TAIL]
    turn.say("\n".join(lines))
    if not on_screen:
        turn.show_list(chosen)
