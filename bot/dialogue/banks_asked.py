"""找哪个银行啊: the documents name no bank; the measures whose texts speak of banks, with the
offices that lead them (the list on screen first)."""
from __future__ import annotations

import re

from .. import texts
from ..replies import followup, lists

_WHICH_BANK = re.compile(r"(?:哪个|哪家|哪些|什么|啥|边间|边个)银行|(?:找|去|到)(?:哪|什么|啥)?(?:个|家)?银行(?:贷|办|问|申请)?")
_SPEAKS_OF_BANKS = re.compile(r"银行|金融机构")
SHOWN = 3


def asks(turn, act) -> bool:
    return act.is_question and bool(_WHICH_BANK.search(act.text)) and turn.has_profile() \
        and not (act.refs.positions or act.states_something)


def answer(turn, act) -> None:
    listed, items = turn.listed_items(), turn.current()[1]
    on_screen = [m for m in listed if _SPEAKS_OF_BANKS.search(m.quote or "")]
    chosen = (on_screen or [m for m in items if _SPEAKS_OF_BANKS.search(m.quote or "")])[:SHOWN]
    if not chosen:
        money = [m for m in items if m.category == "financing"][:1]
        turn.say(texts.BANKS_NONE.format(whom=followup.lead_whom(money[0]) if money else texts.ASK_LOCAL_OFFICE))
        return
    numbers = [listed.index(m) + 1 for m in chosen] if on_screen else list(range(1, len(chosen) + 1))
    lines = [texts.BANKS_HEAD] + [f"{n}. {m.title}（{m.citation}）" for n, m in zip(numbers, chosen)]
    lines += [lists.offices(chosen, numbers=numbers), texts.BANKS_TAIL]
    turn.say("\n".join(lines))
    if not on_screen:
        turn.show_list(chosen)
