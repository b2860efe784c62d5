"""Whether one counts as a group the documents name (我是研究生 也算大学生吗, 军人配偶这个
男的也算吗, 高职算大学生吗): said from the group's own words in rules/facts.yml, then
that group's measures at the person's place, so the answer names them and their offices."""
from __future__ import annotations

import re

from .. import texts
from ..replies.render import Reply
from . import showing

# 也算大学生吗, 算不算高校毕业生, 属于军属吗, 包括研究生吗: the group named after the word
_COUNTS_AS = re.compile(r"算(?:不算)?(?:是)?|属(?:不属)?于|包(?:不包)?括|含不含")
# 男的也算吗, 专升本也算不: the one asked about before it
_ALSO_COUNTS = re.compile(r"(?:也|还|能|可以)算(?:不算|吗|么|嘛|不|数吗|在内吗|进去吗)?\s{0,3}[？?]?\s{0,3}$")
_GENDER_WORD = {"male": "男性", "female": "女性"}


def asks(turn, act) -> bool:
    """A question whether someone counts as a group named in it, that the group's words
    answer (otherwise what the measures say of it answers: 这算就业困难不)."""
    groups = act.topics.get("groups") or []
    if len(groups) != 1 or act.asks is None:
        return False
    words = [w for w in turn.kb.facts["groups"].values[groups[0]].synonyms if len(w) >= 2]
    counts = bool(_ALSO_COUNTS.search(act.text)) or any(
        any(w in act.text[m.end():] for w in words) for m in _COUNTS_AS.finditer(act.text))
    return counts and _answer_line(turn, act) is not None


def answer(turn, act) -> None:
    line = _answer_line(turn, act)
    act.topics = {"groups": act.topics["groups"][:1]}
    showing.topic(turn, act)
    last = turn.replies[-1] if turn.replies else Reply("")
    turn.replies[-1:] = [Reply(line + "\n" + last.text, last.buttons)]


def _answer_line(turn, act) -> str | None:
    group = act.topics["groups"][0]
    label, gender = turn.kb.facts["groups"].values[group].label, act.topics.get("gender")
    word = _own_word(turn.kb, act.text, group)
    if word:
        return texts.COUNTS_AS.format(label=label, word=word)
    if gender and not _gendered(turn, group):
        return texts.COUNTS_ANY_GENDER.format(label=label, gender=_GENDER_WORD[gender])
    return None


def _own_word(kb, text: str, group: str) -> str | None:
    """The person's word for whom they ask about that the group's synonyms hold (研究生 in
    我是研究生 也算大学生吗), not the words after 算 that name the group."""
    said = [w for w in kb.facts["groups"].values[group].synonyms if len(w) >= 2 and w in text]
    cues = list(_COUNTS_AS.finditer(text))
    if not cues or _ALSO_COUNTS.search(text):
        return None        # 军人配偶这个 男的也算吗: the group is named first, the one asked about is no group word
    after = text[cues[-1].end():]
    own = [w for w in said if w not in after and not any(w in x for x in said if x != w and x not in after)]
    own.sort(key=text.find)
    return own[0] if own else None


def _gendered(turn, group: str) -> bool:
    """Does any measure for the group set a gender?"""
    return any(km.conditions.get("gender") is not None and group in (km.conditions.get("groups") or ())
               for km in turn.kb.measures)
