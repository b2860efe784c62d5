"""Whether someone else can use the measure in focus (我男朋友在南宁上班 他能享受这个吗,
我战友在昌吉 他也能用乌鲁木齐这个吗): its conditions checked against what the message
says of them, their place and their group. The person's own profile is untouched."""
from __future__ import annotations

import re

from .. import texts
from ..reading import others, read
from ..reading.clauses import other_person
from ..replies import answers
from ..matching.profile import parse_profile
from . import answering, targets

# after 他 / 我男朋友: 能享受这个吗 / 也能办不 / 要是来用得了吗 — whether they can, asked of a measure
_CAN_AFTER = re.compile(r"(?:也|还|要是|如果)?[^，,。？?]{0,8}?(?:能|可以|可不可以|能不能|可唔可以|得唔得|行不行)"
                        r"[^，,。？?]{0,8}?(?:吗|不|么|嘛|呢|冇|[?？]|$)")


def asks(turn, act) -> bool:
    if act.topics.get("groups") or act.topics.get("gender") or answering.asks_about_family(turn, act):
        return False        # 他是本科生 他能享受吗 / 我老婆也想搞: that group's measures (bot/reading/asked.py);
                            # my wife 她也想来: what the texts say of spouses
    return act.is_question and not turn.msg.is_payload and _whether_they_can(turn.kb, act.text) \
        and _whom(turn.kb, act.text) is not None and bool(_meant(turn, act).measures)


def answer(turn, act) -> None:
    found = _meant(turn, act)
    m = found.one
    who = _whom(turn.kb, act.text)
    if m is None:       # 他能享受吗 after a list: it was chosen for the person; theirs is to be asked
        turn.say(texts.THEIR_LIST.format(who=answering.profile_words(turn), other=who))
        return
    profile = parse_profile(_their_facts(turn, act, who), turn.kb, strict=False)
    turn.replies.append(answers.their_conditions(turn.engine, profile, m, found.numbers.get(m.id), who))
    turn.focus_on(m)


_WITH_THE_PERSON = re.compile(r"一起|跟我|和我|也在")


def _meant(turn, act) -> targets.Targets:
    """The measure just answered (他能参加吗 after the contest's answer), named or in focus;
    else the list on screen (这个 after a list: which one)."""
    found = targets.resolve(turn, act)
    focus = turn.measure(turn.slots["focus"]) if turn.slots.get("focus") and turn.before.get("focused") else None
    if focus is not None and not act.refs.positions:
        return targets.Targets([focus], found.numbers, "focus")
    return found if found.measures else targets.Targets(turn.listed_items()[:5], found.numbers, "list")


def _whether_they_can(kb, text: str) -> bool:
    return any(_CAN_AFTER.match(text, m.end()) for m in other_person(kb).finditer(text))


def _whom(kb, text: str) -> str | None:
    """The word naming the other person (男朋友, 战友, 我弟弟), without 我 / 俺."""
    for m in other_person(kb).finditer(text):
        if not others.THIRD_PERSON.fullmatch(m.group()):
            return re.sub(r"^(?:我|俺)(?:家)?", "", m.group()) or None
    return None


def _their_facts(turn, act, who: str) -> dict:
    """Their place, groups and gender as the message tells them, read as if they spoke."""
    told = others.told_of(turn.kb, act.clauses) or act.text
    said = re.sub(rf"(?:我|俺)?(?:家)?(?:有)?(?:个|一个|位)?{re.escape(who)}", "我", told)
    theirs = read(turn.kb, others.THIRD_PERSON.sub("我", said))
    facts = {f: v for f, v in theirs.facts.items() if f in ("groups", "gender")}
    if theirs.place.place is not None:
        facts[turn.place] = theirs.place.place.qualified_name
    elif _WITH_THE_PERSON.search(act.text):
        facts[turn.place] = turn.slots.get(turn.place)      # 也是一起回来的: where the person is
    gender = others.gender_of(who)
    if gender and "gender" not in facts:
        facts["gender"] = gender
    return facts
