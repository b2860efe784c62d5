"""这个广西的计划是2021到2023的吧 现在还能用不: whether a document named by its place, its
kind or its years still holds, answered for that document (not the measure in focus)."""
from __future__ import annotations

import re

from .. import texts
from ..reading import questions as q
from ..replies import followup
from ..rules.place_names import short_form

_YEARS = re.compile(r"(20\d\d)\s{0,3}年?\s{0,3}(?:到|至|—|–|-|~)\s{0,3}(20\d\d)")
_A_DOCUMENT = re.compile(r"计划|文件|意见|方案|政策|规定|条例")
_POINTED = re.compile(r"([\u4e00-\u9fff]{2})(?:那个|那条|这条|那项|这项)")


# 这个文件是哪年的 / 什么时候出的: when the document was made
_WHEN_MADE = re.compile(r"哪年|哪一年|几几年|(?:什么|啥)时候(?:发|出|定|颁|印|公布|实施|施行|开始)|何时(?:发|出|颁|印|施行)")


def asks(turn, act) -> bool:
    when = act.asks == q.DEADLINE or bool(_WHEN_MADE.search(act.text))
    return when and not act.refs.positions and turn.has_profile() \
        and bool(_named(turn, act) or _measure_of_years(turn, act))


def answer(turn, act) -> None:
    named = _named(turn, act)
    if _WHEN_MADE.search(act.text) and named:
        turn.say("\n".join(_made(turn.kb.sources[sid]) for sid in named[:2]))
        return
    dated = _measure_of_years(turn, act)
    if dated is not None:       # 贴息那个还有效吗 我看是2021到2023的: that plan's 贴息
        listed = turn.listed_items()
        turn.say(followup.answer("ask_deadline", dated, listed.index(dated) + 1 if dated in listed else None))
        turn.focus_on(dated)
        return
    lines = []
    for sid in named[:2]:
        source = turn.kb.sources[sid]
        note = turn.engine.expiry_note(sid)
        if note:
            lines.append(texts.DOCUMENT_ENDED.format(title=source.short_title, note=note))
        elif source.valid_until:
            lines.append(texts.DOCUMENT_VALID_UNTIL.format(title=source.short_title, date=f"{source.valid_until:%Y年%-m月%-d日}"))
        else:
            lines.append(texts.DOCUMENT_NO_END.format(title=source.short_title))
    turn.say("\n".join(lines))


def _made(source) -> str:
    """What the document itself says of when it was made and how long it holds."""
    day = "{:%Y年%-m月%-d日}".format
    parts = [texts.MADE_ISSUED.format(date=day(source.issued))] if source.issued else []
    if source.adopted:
        parts.append(texts.MADE_ADOPTED.format(date=day(source.adopted)))
    if source.in_force:
        parts.append(texts.MADE_IN_FORCE.format(date=day(source.in_force)))
    if source.period_label:
        parts.append(texts.MADE_PERIOD.format(period=source.period_label))
    said = "，".join(parts) if parts else texts.MADE_UNSTATED
    return texts.DOCUMENT_MADE.format(title=source.short_title, said=said)


def _named(turn, act) -> list[str]:
    """The person's documents the message names: by the years of their period (2021到2023),
    or by their place beside a word for a document (广西的计划)."""
    sources = turn.kb.sources
    places = {short_form(s.region) for s in sources.values()}
    if any(not _A_DOCUMENT.search(m.group(1)) and m.group(1) not in places for m in _POINTED.finditer(act.text)):
        return []         # 贴息那个还有效吗 我看是2021到2023的: that measure (广西那个计划: the plan)
    docs = list(dict.fromkeys(m.doc for m in turn.listed_items() + turn.current()[1]))
    titled = [d for d in sources if _title_named(sources[d], act.text)]
    if titled:          # 退役军人保障法是什么时候实施的
        return titled
    years = _YEARS.search(act.text)
    if years:
        found = [d for d in docs if all(y in (sources[d].period_label or "") for y in years.groups())]
        if found:
            return found
    if not _A_DOCUMENT.search(act.text):
        return []
    local = [d for d in sources if not sources[d].national and _place_named(sources[d].region, act.text)]
    # 广西那个计划是哪年出的, asked from 乌鲁木齐: a document of another place is still answered
    return [d for d in docs if d in local] or local


def _title_named(source, text: str) -> bool:
    return len(source.short_title) >= 4 and source.short_title.strip("《》") in text


def _measure_of_years(turn, act):
    """The measure named by its words (贴息那个) in the document whose period the years give."""
    years, pointed = _YEARS.search(act.text), _POINTED.search(act.text)
    if not years or not pointed or _A_DOCUMENT.search(pointed.group(1)):
        return None
    sources = turn.kb.sources
    pool = list({m.id: m for m in turn.listed_items() + turn.current()[1]}.values())
    found = [m for m in pool if pointed.group(1) in m.title
             and all(y in (sources[m.doc].period_label or "") for y in years.groups())]
    return found[0] if found else None


def _place_named(region: str, text: str) -> bool:
    """广西 for 广西壮族自治区, 吉林 for 吉林省, 乌鲁木齐 for 乌鲁木齐市."""
    return any(n and n in text for n in (region, short_form(region)))
