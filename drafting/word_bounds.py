"""Where a word of a sentence is a word of its own: 组织 the verb, not the head of 民营经济组织; the
modal 要, not the end of 重要; 在 inside a relative clause, not the end of 对 B (drafting/frames.py reads a
beneficiary up to its verb with these)."""
from __future__ import annotations

import re

from .phrases import NOUN_WORDS, OFFER_VERBS, PERSON_HEAD_ENDINGS

# the modifiers that make 组织 the head of a noun (民营经济组织, 社会组织, 中介组织), not the verb (组织开展培训)
ORGANISATION_MODIFIERS = ("经济", "社会", "中介", "行业", "自治", "群众", "基层", "合作", "集体", "慈善", "民间", "公益")
NOT_NOUN_ORGANISATION = "(?<!" + "|".join(ORGANISATION_MODIFIERS) + ")"
# a one-character modal or preposition that is the end of another word after these (重要, 相应, 所在, 理由, 认可)
INSIDE_AFTER = {"要": "重主需必只首纲摘", "应": "相适供对反响呼效顺", "在": "所存现实内", "由": "自理经缘",
                "可": "许认"}


def find_verb(text: str, verb: str, start: int = 0) -> int:
    """Where `verb` occurs in `text` from `start` as a word of its own, not inside another word
    (民营经济组织, 重要贡献), or -1."""
    i = text.find(verb, start)
    while i >= 0 and (verb == "组织" and text[max(0, i - 2):i] in ORGANISATION_MODIFIERS
                      or i > 0 and text[i - 1] in INSIDE_AFTER.get(verb, "")):
        i = text.find(verb, i + 1)
    return i


def relative_runs_on(tail: str, stop: int) -> int:
    """Where 对 B ends when a word that ends it opens a relative clause instead (对不适应在普通学校学习的残疾人实施…:
    the 在 is inside B): at the offering verb after the people the clause ends in."""
    m = re.match(r"[^，,。；;的]{1,30}?的([^的，,。；;]{1,8}?)(?=" + "|".join(OFFER_VERBS) + ")", tail[stop:])
    if m and (any(w in m.group(1) for w in NOUN_WORDS) or m.group(1).endswith(PERSON_HEAD_ENDINGS)):
        return stop + m.end()
    # 对核定为最低生活保障边缘的残疾人家庭、重度残疾人家庭按照规定给予补助: the people the relative clause ends in
    # open a list, and B runs to its last member, before the manner and the offering verb
    m = LISTED_AFTER_RELATIVE.match(tail[stop:])
    if m and (any(w in m.group(1) for w in NOUN_WORDS) or m.group(1).endswith(PERSON_HEAD_ENDINGS)) and \
            (any(w in m.group(2) for w in NOUN_WORDS) or m.group(2).endswith(PERSON_HEAD_ENDINGS)):
        return stop + m.end()
    return stop


# a relative clause's people, then more listed after 、/和/或者, up to a manner and the offering verb
LISTED_AFTER_RELATIVE = re.compile(r"[^，,。；;的]{1,30}?的([^的，,。；;、]{1,8}?)(?:[、和及]|或者)[^，,。；;]{0,60}?"
                                   r"([^的，,。；;、]{1,8}?)(?=(?:按照规定|按规定|依法|依照规定|分别)?"
                                   r"(?:" + "|".join(OFFER_VERBS[:20]) + "))")
