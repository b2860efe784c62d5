"""Where a word of a sentence is a word of its own: 组织 the verb, not the head of 民营经济组织; the
modal 要, not the end of 重要 (drafting/frames.py reads a beneficiary up to its verb with it)."""
from __future__ import annotations

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
