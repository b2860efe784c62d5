"""Facts read from several clauses together: worked away and came back (a returning
migrant worker), studied abroad and came back (a returnee), no longer a student because
graduated; and adding a fact to an act's facts."""
from __future__ import annotations

import re

from .clauses import CAME_BACK, WORKED_AWAY, clause_at, other_person


def came_back(kb, act) -> None:
    """Worked away, now back home (在广东打了十年工 今年回桂平了): a returning migrant worker."""
    group = "returning_migrant_worker"
    if group not in kb.facts["groups"].values or group in (act.negated.get("groups") or ()):
        return
    away = [c for c in act.clauses if c.time in ("past", "away") and WORKED_AWAY.search(c.text)
            and not other_person(kb).search(c.text)]       # 我家老大在外面打工 准备回来: his, not theirs
    back = [c for c in act.clauses if CAME_BACK.search(c.text) and not other_person(kb).search(c.text)]
    before = away and back and (away[0].start < back[-1].start or any(
        _THERE_FOR_YEARS.search(c.text) for c in away))     # 刚从韩国回来 在那边打工五年: told after
    if before and not any(c.is_question for c in away + back):
        add_fact(kb, act.facts, "groups", group)
    elif _from_a_city_to_the_village(kb, act, back):
        add_fact(kb, act.facts, "groups", group)


# the years worked away, told after coming back: 在那边打工五年, 在韩国干了六年
_THERE_FOR_YEARS = re.compile(r"(?:[0-9一二两三四五六七八九十几]{1,3}|好几|十几|十来)年")
# 俺从上海回来了 在周口农村: back from a city to a village, neither studying nor asking
_FROM_A_PLACE = re.compile(r"从([\u4e00-\u9fff]{2,5}?)(?:打工|上班)?(?:回来|回到|回老家|回乡|返乡)")
_VILLAGE = re.compile(r"农村|村里|乡下|屯里|寨子|村子")


def _from_a_city_to_the_village(kb, act, back: list) -> bool:
    if not back or any(c.is_question for c in back) or _STUDY.search(act.text) or not _VILLAGE.search(act.text):
        return False
    return any(kb.gazetteer.resolve(m.group(1), simplified=True) is not None
               for c in back for m in _FROM_A_PLACE.finditer(c.text))


def back_in_a_county(kb, act) -> None:
    """Worked away before, in a county now (以前在东莞电子厂打工 现在人在巴马了): returned, like
    回老家 says; a city now (现在在广州) says nothing of home."""
    group = "returning_migrant_worker"
    place = act.place.place
    if place is None or place.level != "county" or not place.name.endswith(("县", "旗")) \
            or group in (act.facts.get("groups") or ()) or group in (act.negated.get("groups") or ()):
        return
    away = [c for c in act.clauses if c.time in ("past", "away") and WORKED_AWAY.search(c.text)]
    now = [c for c in act.clauses if c.time == "current" and not c.is_question]
    if away and now and away[0].start < now[-1].start:
        add_fact(kb, act.facts, "groups", group)


_STUDY = re.compile(r"读|留学|博士|硕士|研究生|本科|毕业|学位|进修|访学|master|phd|degree|university|college|mba|study|studied",
                    re.I)


_RETURN = re.compile(r"回来|回国|回的国|归国|回到|刚回|回长|回乡|回老家|(?:毕业|读完|念完|学成)后?回|come back|came back|back to|return", re.I)
_NOT_BACK = re.compile(r"还没回|没回来|没有回|不回")


def studied_abroad(kb, act, abroad: list) -> None:
    """Studied abroad and back, or coming back to start up (在德国读完博士刚回长春, 从UK读完
    master回来, 在东京读研 明年毕业想回国创业): 留学回国人员. Still abroad with no plan to
    return (在国外留学，还没回来) is not."""
    group = "overseas_returnee"
    if group not in kb.facts["groups"].values or group in (act.negated.get("groups") or ()):
        return
    if not _RETURN.search(act.text) or _NOT_BACK.search(act.text):
        return
    for start, _end, _name in abroad:
        c = clause_at(act.clauses, start)
        if c is None or c.is_question or other_person(kb).search(c.text):
            continue
        i = act.clauses.index(c)
        beside = act.clauses[i + 1] if i + 1 < len(act.clauses) else None   # 刚从UK回来 master毕业
        if _STUDY.search(c.text) or beside is not None and not beside.is_question and _STUDY.search(beside.text) \
                and _RETURN.search(c.text):
            add_fact(kb, act.facts, "groups", group)
            return


def graduated_from_student(kb, act) -> None:
    """我上个月已经毕业了 不算在校生了: no longer a student because they graduated, so a
    graduate of what made them one; 毕业 is settled."""
    if "university_student" in (act.negated.get("groups") or ()) and any(a.value == GRADUATE for a in act.ambiguous):
        as_graduate(kb, act)


GRADUATE = "college_graduate"
# a college said beside 毕业: 延边大学的 今年刚毕业, 大专刚毕业, 研究生毕业
# (not 技工学院 or 中专: no higher education; not 大学生, a word of a title or a group)
_COLLEGE = re.compile(r"(?<!技工)(?<!技师)(?:大学|学院|职院)(?!生)|大专|高职|本科|研究生|硕士|博士|university|college", re.I)


# 今年毕业的女大学生: a student who has graduated
_GRADUATED_STUDENT = re.compile(r"(?<![没未才快要])毕业(?:了)?的[^，,。？?]{0,4}(?:大学生|研究生|本科生|大专生)")


def graduated_from_college(kb, act) -> None:
    """今年刚毕业 延边大学的: 毕业 beside a college the person names as theirs is settled;
    今年毕业的女大学生 is a graduate, not a student."""
    if any(_GRADUATED_STUDENT.search(c.text) and not c.is_question and not other_person(kb).search(c.text)
           for c in act.clauses):
        as_graduate(kb, act)
        if "university_student" in (act.facts.get("groups") or ()):
            act.facts["groups"].remove("university_student")
        return
    if not any(a.value == GRADUATE for a in act.ambiguous):
        return
    if any(_COLLEGE.search(c.text) and not c.is_question and not other_person(kb).search(c.text)
           for c in act.clauses):
        as_graduate(kb, act)


# 还没毕业 / 明年六月才毕业 / 快毕业了: graduating is still ahead
_NOT_YET = re.compile(r"(?:还没|没有?|尚未|未)毕业|(?:才|快|就要|马上|明年)毕业")


def not_yet_graduated(kb, act) -> None:
    """说错了 我还没毕业 明年六月才毕业: a student, not a graduate; 毕业 is settled."""
    if not any(_NOT_YET.search(c.text) and not c.is_question and not other_person(kb).search(c.text)
               for c in act.clauses):
        return
    act.ambiguous = [a for a in act.ambiguous if a.value != GRADUATE]
    if GRADUATE not in (act.facts.get("groups") or ()) and GRADUATE not in act.negated.setdefault("groups", []):
        act.negated["groups"].append(GRADUATE)


def as_graduate(kb, act) -> None:
    """毕业 settled: a graduate of the school that made them a student."""
    act.ambiguous = [a for a in act.ambiguous if a.value != GRADUATE]
    add_fact(kb, act.facts, "groups", GRADUATE)


# 我老公是现役军人 我在南宁…: the person's own spouse, told in a message that asks nothing and
# says where the person is or who they are, tells the person's gender; a message only about the
# spouse (我老公的厂子倒闭了, 我媳妇是残疾人 她能干个啥) tells nothing of the person.
_OWN_SPOUSE = (("female", re.compile(r"(?:我|俺)(?:和|跟|家)?(?:老公|丈夫|孩子他爸|男人)")),
               ("male", re.compile(r"(?:我|俺)(?:和|跟|家)?(?:老婆|媳妇|妻子|太太|孩子他妈)")))


def gender_by_spouse(kb, act) -> None:
    if act.facts.get("gender") or act.negated.get("gender") or any(c.is_question for c in act.clauses) \
            or not (act.facts or act.place.place is not None):
        return
    told = [gender for gender, spouse in _OWN_SPOUSE if spouse.search(act.text)]
    if len(told) == 1:
        add_fact(kb, act.facts, "gender", told[0])


def after_the_place(kb, act, abroad) -> None:
    """What the place read tells with the rest: studied there and came back, worked away and now
    in a county, a spouse beside where the person is."""
    studied_abroad(kb, act, abroad)
    back_in_a_county(kb, act)
    gender_by_spouse(kb, act)


def add_fact(kb, into: dict, fact: str, value) -> None:
    if kb.facts[fact].kind == "list":
        values = into.setdefault(fact, [])
        if value not in values:
            values.append(value)
    else:
        into[fact] = value
