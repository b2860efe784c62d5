"""Answers about one measure: its details, its original text, whether the person meets
its conditions, and whom to ask. Only what the rules hold: the quote, the conditions,
the offices; what the document leaves unstated is said to be unstated, with the office
that decides and the 12345 hotline.
"""
from __future__ import annotations

import re

from . import followup
from .. import texts
from ..matching import offices as functions
from .render import Button, Reply, intent_payload
from . import lists
from ..matching.shown import Shown
from ..reading.questions import AGE_SAID

AGE = re.compile(r"年龄|岁|多大|年纪|老了|年轻|" + AGE_SAID)
FEE = re.compile(r"收费|免收|免费|费用|缴费|交费|减免.{0,6}费|免除.{0,6}费|手续费|管理费|登记费|注册费")
AGE_IN_TEXT = re.compile(r"\d+\s*(?:周岁|岁)|[一二三四五六七八九十]+\s*(?:周岁|岁)|年龄|年满")
RESIDENCE_IN_TEXT = re.compile(r"户籍|户口|常住|居住证|本地居民|当地居民")


def name(m: Shown, n: int | None) -> str:
    name = texts.NUMBERED_TITLE.format(n=n, title=m.title) if n else texts.QUOTED_TITLE.format(title=m.title)
    return name + texts.CITED.format(citation=m.citation)


def detail_buttons() -> list[Button]:
    return [Button(title, payload) for title, payload in texts.DETAIL_BUTTONS]


def details(kb, m: Shown, n: int | None) -> Reply:
    """What the measure gives, why it applies, and its 申办指引: for whom, the conditions,
    the original text, the offices, validity, and what the document leaves unstated."""
    lines = [name(m, n), m.summary]
    if m.status == "not":
        lines.append(texts.NOT_FOR_YOU)
    elif m.why:
        lines.append(texts.WHY.format(why="；".join(m.why)))
    if m.open:
        lines.append(texts.STILL_OPEN.format(what="、".join(m.open_labels)))
    if m.confirm:
        lines.append(texts.STILL_OPEN.format(what="；".join(m.confirm)))
    lines += functions.annotate_lead(followup.guide(kb, m), m)
    lines += [note for note in m.notes if note != m.in_force]   # 现行有效的规定见《…》
    lines.append(texts.CRITERIA_NO_UNIT if m.no_responsible_unit else texts.CRITERIA.format(agency=m.criteria_by))
    if m.expiry_note:
        lines.append("⚠ " + m.expiry_note)
    return Reply("\n".join(lines), detail_buttons())


def fees(m: Shown, n: int | None) -> str:
    """要交钱吗: what the text says of fees and charges, quoted; else that it says nothing."""
    said = followup.sentences(m.quote, FEE)
    if said:
        return name(m, n) + "：" + texts.QUOTED_FEES.format(quote="”“".join(said), whom=followup.lead_whom(m))
    return name(m, n) + "：" + texts.NO_FEES.format(whom=followup.lead_whom(m))


def brief(m: Shown, n: int | None) -> Reply:
    """什么意思 / 是啥: what the measure gives, in a few lines, and whom to ask."""
    lead = "、".join(lists.lead_names(m))
    return Reply("\n".join([name(m, n), m.summary, texts.WHOM_LINE.format(offices=lead), texts.BRIEF_HINT]),
                 detail_buttons())


def original(m: Shown, n: int | None) -> Reply:
    return Reply(name(m, n) + "\n" + texts.ORIGINAL.format(quote=m.quote))


def eligibility(engine, profile, m: Shown, n: int | None, asked_age: bool, asked_residence: bool = False) -> Reply:
    """The conditions the document states, each marked against what the person said; on
    age and household registration, what the text says or that it sets none."""
    checks = engine.check(m.id, profile)
    lines = [texts.CONDITIONS_HEAD.format(name=name(m, n))] + _marked(checks)
    ages = [s for s in followup.sentences(m.quote, AGE_IN_TEXT)]
    if ages:
        lines.append(texts.AGE_QUOTED.format(quote="”“".join(ages)))
    elif asked_age:
        lines.append(texts.NO_AGE_LIMIT)
    registered = followup.sentences(m.quote, RESIDENCE_IN_TEXT) if asked_residence else []
    if registered:
        lines.append(texts.RESIDENCE_QUOTED.format(quote="”“".join(registered)))
    elif asked_residence:
        lines.append(texts.NO_RESIDENCE_LIMIT)
    lines.append(_verdict(checks, texts.NOT_MET, texts.MAYBE_MET, texts.MET))
    lines.append(texts.DECIDES.format(whom=followup.lead_whom(m)))
    return Reply("\n".join(lines))


def their_conditions(engine, profile, m: Shown, n: int | None, who: str) -> Reply:
    """他能享受这个吗: the measure's conditions marked against what was said of someone else."""
    checks = engine.check(m.id, profile)
    verdict = _verdict(checks, texts.THEY_NOT_MET, texts.THEY_MAYBE_MET, texts.THEY_MET)
    lines = [texts.THEIR_CONDITIONS_HEAD.format(name=name(m, n), who=who)] + _marked(checks)
    lines += [verdict.format(who=who), texts.DECIDES.format(whom=followup.lead_whom(m)),
              texts.THEIR_OWN_SEARCH.format(who=who)]
    return Reply("\n".join(lines))


def _marked(checks: list[tuple[str, str]]) -> list[str]:
    return [f"· {label} {mark}" for label, mark in checks]


def _verdict(checks: list[tuple[str, str]], not_met: str, maybe_met: str, met: str) -> str:
    """A condition not met (✗) decides; else one not yet said (？); else all are met."""
    marks = {mark for _, mark in checks}
    return not_met if "✗" in marks else maybe_met if "？" in marks else met


def offices(items: list[Shown], start: int = 1) -> Reply:
    """找谁 about a whole list: one line per office with its items."""
    by_office: dict[str, list[int]] = {}
    for k, m in enumerate(items, start):
        for office in lists.lead_names(m):
            by_office.setdefault(office, []).append(k)
    lines = [texts.OFFICES_HEAD] + [f"· {office}：{lists.item_numbers(ns)}" for office, ns in by_office.items()]
    lines.append(texts.OFFICES_TAIL)
    return Reply("\n".join(lines))


def which_one(ms: list[Shown]) -> Reply:
    """Several measures fit what the person said: "您是说哪一项？", numbered, with buttons."""
    lines = [texts.WHICH_ONE] + [lists.line(n, m) for n, m in enumerate(ms, 1)]
    return Reply("\n".join(lines), [Button(texts.DETAILS_BUTTON.format(n=n), intent_payload("details", item=n))
                                    for n in range(1, len(ms) + 1)])
