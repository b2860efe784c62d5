"""Whom the words of a message are about when not the person: someone else named
(我先生是大陆人, 残疾证是我妈的, 我们队有个女生), or someone the person asks for
(帮我姐问一哈, 俺儿今年大学毕业 想开个打印店), whose words then mean the profile."""
from __future__ import annotations

import re

from .clauses import other_person


def said_of_another(kb, text: str, start: int, end: int, people: bool = True) -> bool:
    """The words at text[start:end] belong to someone else: the word naming them
    (先生), what is theirs (残疾证是我妈的), someone introduced (我们队有个女生; not a thing
    one has, `people` False: 我们有几个专利)."""
    return _belongs_to_another(kb, text, end) or _inside_another(kb, text, start, end) \
        or people and (bool(_INTRODUCED.search(text, max(0, start - 4), max(start, 0))) and not text.startswith("证", end)
                       or bool(_MANY.search(text, max(0, start - 3), max(start, 0))))


def asking_for(text: str, asked_for: str | None, own_profile: bool = False):
    """A match whose group "who" is the one the message asks for, if it does; a relative's
    plan told makes the relative the one asked for only before the person has said anything
    of themselves (我哥是残疾人 他也想开个修鞋摊 他有啥, after one's own facts, asks about him)."""
    return _ON_BEHALF.search(text) or (None if asked_for or own_profile else _RELATIVES_PLAN.match(text))


def gender_of(who: str | None) -> str | None:
    """我妈让我来问的: the one asked for is a woman (a man for 我爸, 我儿子)."""
    if not who:
        return None
    return "female" if who.endswith(_WOMEN) else "male" if who.endswith(_MEN) else None


_WOMEN = ("妈", "娘", "母亲", "姐", "妹", "女儿", "闺女", "老婆", "媳妇", "妻子", "奶奶", "姨", "姑", "嫂子")
_MEN = ("爸", "爹", "父亲", "哥", "弟", "儿子", "儿", "崽", "老公", "丈夫", "爷爷", "叔", "舅", "伯")


def who_asked_for(match) -> str:
    return match.groupdict().get("sender") or match.group("who")


def _belongs_to_another(kb, text: str, end: int) -> bool:
    """残疾证是我妈的: what was named is someone else's."""
    m = re.match(r"[^，,。；;\s]{0,2}(?:是|属于)", text[end:])
    return m is not None and any(other_person(kb).match(text, end + m.end() + skip) is not None for skip in (0, 1, 2))


def as_the_person(text: str, who: str) -> str:
    """The text with the one asked for as 我, their spouse as 我爱人."""
    text = THIRD_PERSON.sub("我", text)
    if who in _IN_LAW:
        text = re.sub(rf"(?:我|俺)?(?:家)?{_IN_LAW[who]}", "我爱人", text)
    return re.sub(rf"(?:我|俺)(?:家)?{re.escape(who)}(?![夫子媳])", "我", text)


# 我们村好多贫困户: many people of a group, not the person
_MANY = re.compile(r"(?:好多|很多|不少|许多|一些|有些|这些|那些|好些)(?:个|户|位|名)?$")
_INTRODUCED = re.compile(r"(?<![我俺咱])有(?:个|一个|位|一位|几个|两个|些)$")


def _inside_another(kb, text: str, start: int, end: int) -> bool:
    """我先生是大陆人: the word that names someone else (先生) says nothing of the person."""
    return start >= 0 and any(o.start() <= start and end <= o.end() for o in other_person(kb).finditer(text))


_ON_BEHALF = re.compile(r"(?:帮|替|代)(?:我|俺)?(?:家)?(?P<who>(?![问查看咨打我俺])[\u4e00-\u9fff]{1,3}?)(?:问|咨询|打听)|"
                        r"(?:我|俺)(?:家)?(?P<sender>[\u4e00-\u9fff]{1,2}?)(?:让|叫|要)(?:我|俺)(?:来|帮[她他]|替[她他])?(?:问|咨询|打听)")   # 我妈让我来问的
# 俺儿今年大学毕业 在郑州 想自己开个打印店: a relative's plan told, nothing of the person's own
_RELATIVES_PLAN = re.compile(r"\s{0,3}(?:我|俺)(?:家)?(?P<who>儿子|儿|女儿|闺女|崽|娃|孩子|弟弟|弟|妹妹|妹|哥哥|哥|姐姐|姐)"
                             r"(?!也|一起|跟着)(?![^我俺]{0,40}[我俺](?!家|们))(?=[^我俺]{0,40}(?:想|打算|准备|要)[^我俺]{0,8}(?:开|办|搞|做|干))")
# the spouse of the one asked for (帮我姐问 我姐夫在部队): that one's spouse
_IN_LAW = {"姐": "姐夫", "姐姐": "姐夫", "妹": "妹夫", "妹妹": "妹夫", "哥": "嫂子", "哥哥": "嫂子", "弟": "弟媳", "弟弟": "弟媳"}
THIRD_PERSON = re.compile(r"(?<![其吉])[他她佢](?!们|哋)")


def told_of(kb, clauses) -> str:
    """What a message told of someone named (我媳妇也想干 她没残疾), from the clause that
    names them on: kept so that 她能申请啥 next is about her. Empty when none is named."""
    named = next((i for i, c in enumerate(clauses) if not c.is_question and _names_another(kb, c.text)), None)
    if named is None:
        return ""
    return " ".join(c.text for c in clauses[named:] if not c.is_question)[:_TOLD_MAX]


def only_pronoun(kb, text: str) -> bool:
    """他/她 and no one named: someone told of before (她能申请啥)."""
    return bool(THIRD_PERSON.search(text)) and not _names_another(kb, text)


def _names_another(kb, text: str) -> bool:
    return any(not THIRD_PERSON.fullmatch(m.group()) for m in other_person(kb).finditer(text))


_TOLD_MAX = 60

