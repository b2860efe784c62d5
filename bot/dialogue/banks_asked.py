"""找哪个银行啊: the documents name no bank; the measures whose texts speak of banks, with the
offices that lead them (the list on screen first)."""
from __future__ import annotations

import re

from .. import texts
from . import showing

_WHICH_BANK = re.compile(r"(?:哪个|哪家|哪些|什么|啥|边间|边个)银行|(?:找|去|到)(?:哪|什么|啥)?(?:个|家)?银行(?:贷|办|问|申请)?")
_SPEAKS_OF_BANKS = re.compile(r"银行|金融机构")


def asks(turn, act) -> bool:
    return act.is_question and bool(_WHICH_BANK.search(act.text)) and turn.has_profile() \
        and not (act.refs.positions or act.states_something)


def answer(turn, act) -> None:
    showing.what_texts_say(turn, _SPEAKS_OF_BANKS, texts.BANKS_HEAD, texts.BANKS_TAIL, texts.BANKS_NONE, quoted=False,
                          shown=3)
