"""Follow-up questions about one measure, answered from its quote only.

How much, how to apply, what to bring, whom to call, until when: the five
documents state little of that. Each answer quotes the sentence of the
measure's quote that says it, if there is one; otherwise it says plainly that
the document does not state it, names the lead agency that decides and
suggests the local 12345 hotline. Nothing here may produce an amount, a
material, a phone number, an address or a date that is not in the quote (or,
for validity, in sources.yml, which records the document's own period).

Also the 申办指引 block of the details (`guide`) and its line of what the
document leaves unstated (`unstated`), and the measure a follow-up is about
(`which`).
"""
from __future__ import annotations

import re
from enum import Enum

from .. import texts
from ..rules import KnowledgeBase
from ..matching.shown import Shown

KINDS = ("ask_amount", "ask_how_to_apply", "ask_materials", "ask_contact", "ask_deadline")

# A sentence states an amount when a number comes with a unit of money, a
# percentage or a multiple (最高不超过10万元, 贴息50%, 2倍); 最高 alone does not.
_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
AMOUNT = re.compile(rf"{_NUM}\s*(?:万元|亿元|元|万|％|%|倍)|百分之{_NUM}")
APPLY = re.compile(r"申请|申报|认定|审核|评审|备案|办理|受理|报名")
MATERIALS = re.compile(r"材料|证明|证件|凭证|资料|合同|发票|清单")
CONTACT = re.compile(r"电话|热线|地址|网址|网站|窗口|大厅|https?://|www\.")
DATES = re.compile(r"(?:\d{4}|[〇零一二]{4})年|截至|截止|期限|有效期|届满|之日起")
_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")


def sentences(quote: str, pattern: re.Pattern) -> list[str]:
    """The sentences (or clauses between ；) of `quote` that match, verbatim."""
    return [s.strip() for s in _SENTENCE.findall(quote or "") if pattern.search(s)]


def lead_whom(m: Shown) -> str:
    """Whom to ask: the lead agencies, or the local office when the document names none."""
    if m.no_responsible_unit and m.publisher:    # say so, as the lists do (乌鲁木齐's measures)
        return texts.NO_UNIT_WHOM.format(office=texts.ASK_LOCAL_OFFICE, publisher=m.publisher)
    if m.no_responsible_unit or not m.lead:
        return texts.ASK_LOCAL_OFFICE
    return texts.OR.join(m.lead)


def validity(m: Shown, today_label: str | None = None) -> str:
    """Validity as the document states it (sources.yml records each document's period)."""
    if m.expired:
        return m.expiry_note
    if m.valid_until:
        return texts.VALID_UNTIL.format(date=m.valid_until)
    if m.in_force:   # a law or regulation in force: 现行有效（自…起施行）
        return m.in_force
    return texts.NO_PERIOD


class Gap(Enum):
    """What a document may leave to the agency (texts.UNSTATED_LABELS names each)."""
    AMOUNT = "amount"
    PROCEDURE = "procedure"
    MATERIALS = "materials"
    CONTACT = "contact"
    DEADLINE = "deadline"


def gaps(m: Shown) -> list[Gap]:
    """What the document leaves to the agency, for this measure."""
    out = []
    if not sentences(m.quote, AMOUNT):
        out.append(Gap.AMOUNT)
    out.append(Gap.PROCEDURE)
    if not sentences(m.quote, MATERIALS):
        out.append(Gap.MATERIALS)
    if not sentences(m.quote, CONTACT):
        out.append(Gap.CONTACT)
    if not m.valid_until and not sentences(m.quote, DATES):
        out.append(Gap.DEADLINE)
    return out


def unstated(m: Shown) -> list[str]:
    """The gaps in words, for the 申办指引 block."""
    return [texts.UNSTATED_LABELS[g.value] for g in gaps(m)]


def audience(kb: KnowledgeBase, m: Shown) -> str:
    """Who the measure is for: its `audience` when the knowledge
    base has one, else the groups its conditions name, else "not limited"."""
    km = kb.measure(m.id)
    groups = sorted(km.conditions.get("groups", ())) if km is not None else []
    named = "、".join(kb.facts["groups"].values[g].short_label() for g in groups if g in kb.facts["groups"].values)
    ids = km.audience if km is not None else ()
    ids = (ids,) if isinstance(ids, str) else tuple(ids or ())
    whom = "、".join(kb.audiences[a].label for a in ids if a in kb.audiences)
    if whom and named:
        return texts.AUDIENCE_LIMITED.format(whom=whom, named=named)
    if whom or named:
        return whom or named
    return texts.AUDIENCE_ANY


def conditions(kb: KnowledgeBase, m: Shown) -> str:
    """The measure's conditions in words (region, groups, gender, technology)."""
    km = kb.measure(m.id)
    source = kb.sources[m.doc]
    parts = [texts.CONDITION_REGION.format(region=source.region)]
    cond = km.conditions if km is not None else {}
    if cond.get("groups"):
        labels = kb.facts["groups"].values
        joiner = texts.AND if km is not None and km.all_groups else texts.OR   # 残疾退役军人: both
        parts.append(texts.CONDITION_GROUPS + joiner.join(labels[g].short_label() for g in sorted(cond["groups"])))
    if cond.get("gender"):
        parts.append(kb.facts["gender"].values[cond["gender"]].label)
    if cond.get("tech_business") is True:
        parts.append(texts.CONDITION_TECH)
    elif cond.get("tech_business") is False:
        parts.append(texts.CONDITION_NOT_TECH)
    return "；".join(parts) + texts.CONDITIONS_TAIL


def guide(kb: KnowledgeBase, m: Shown) -> list[str]:
    """The 申办指引 block of the details."""
    lines = [texts.GUIDE_HEAD, texts.GUIDE_AUDIENCE + audience(kb, m), texts.GUIDE_CONDITIONS + conditions(kb, m),
             texts.ORIGINAL.format(quote=m.quote)]
    if m.no_responsible_unit:
        lines.append(texts.GUIDE_RESPONSIBLE + texts.NO_UNIT.format(publisher=m.publisher))
    else:
        lines.append(texts.GUIDE_LEAD + "、".join(m.lead))
        if m.support:
            lines.append(texts.GUIDE_SUPPORT + "、".join(m.support))
    lines.append(texts.GUIDE_VALIDITY + validity(m))
    lines.append(texts.UNSTATED.format(what="、".join(unstated(m)), whom=lead_whom(m)))
    return lines


def amounts(items: list[Shown], start: int = 1) -> str:
    """能贷多少 about several measures: what each text states of an amount, one line each."""
    lines = []
    for n, m in enumerate(items, start):
        found = sentences(m.quote, AMOUNT)
        said = texts.AMOUNT_QUOTED_SHORT.format(quote="”“".join(found)) if found else texts.AMOUNT_UNSTATED_SHORT
        lines.append(f"{n}. {m.title}（{m.citation}）：{said}")
    return "\n".join(lines)


# a measure of another kind whose text still gives money (择优资助 of an incubation measure)
_MONEY_WORDS = re.compile(r"资助|补贴|补助|奖励|奖补|资金|贷款|贴息")


def gives_money(m: Shown) -> bool:
    """A loan, subsidy, grant or tax measure, or a text that gives money all the same."""
    return m.category in _MONEY_CATEGORIES or bool(_MONEY_WORDS.search(m.quote or ""))


def answer(kind: str, m: Shown, n: int | None = None) -> str:
    """The answer to one follow-up question about measure `m` (numbered `n` on screen)."""
    name = texts.NUMBERED_TITLE.format(n=n, title=m.title) if n else texts.QUOTED_TITLE.format(title=m.title)
    whom = lead_whom(m)
    head = texts.ANSWER_HEAD.format(name=name, citation=m.citation)
    if kind == "ask_amount":
        found = sentences(m.quote, AMOUNT)
        if found:
            return head + texts.QUOTED_AMOUNT.format(quote="”“".join(found), whom=whom)
        if not gives_money(m):      # 导师制能贷多少: there is nothing to lend
            return head + texts.NOT_MONEY.format(whom=whom)
        return head + texts.NO_AMOUNT.format(whom=whom)
    if kind == "ask_how_to_apply":
        found = sentences(m.quote, APPLY)
        said = texts.QUOTED_APPLY.format(quote="”“".join(found)) if found else ""
        return head + said + texts.NO_PROCEDURE.format(whom=whom, support=_support(m))
    if kind == "ask_materials":
        found = sentences(m.quote, MATERIALS)
        said = texts.QUOTED_MATERIALS.format(quote="”“".join(found)) if found else texts.NO_MATERIALS
        return head + said + texts.ASK_AGENCY.format(whom=whom)
    if kind == "ask_contact":
        return head + texts.NO_CONTACT.format(whom=whom, support=_support(m))
    if kind == "ask_deadline":
        found = sentences(m.quote, DATES)
        said = texts.QUOTED_DATES.format(quote="”“".join(found)) if found else ""
        if m.expired:
            return head + said + texts.ENDED.format(note=m.expiry_note, whom=whom)
        if m.valid_until:
            return head + said + texts.VALID_UNTIL_ANSWER.format(date=m.valid_until, whom=whom)
        if m.in_force:
            return head + said + texts.IN_FORCE_ANSWER.format(in_force=m.in_force, whom=whom)
        return head + said + texts.NO_DEADLINE.format(whom=whom)
    raise ValueError(kind)


_MONEY_CATEGORIES = ("financing", "tax")


_SUPPORT_NAMED = 3     # on a phone: the first few supporting offices


def _support(m: Shown) -> str:
    support = m.support
    if not support or m.no_responsible_unit:
        return ""
    named = "、".join(support[:_SUPPORT_NAMED])
    if len(support) > _SUPPORT_NAMED:
        named = texts.SUPPORT_AND_MORE.format(named=named)     # no count: an answer states no figure the document does not
    return texts.SUPPORT_TOO.format(support=named)


def general(kind: str) -> str:
    """No measure in focus: what the documents say in general, and how to pick one."""
    return texts.FOLLOWUP_GENERAL[kind]


# ---- which measure a follow-up is about ---------------------------------------------

def _common(a: str, b: str) -> int:
    """Length of the longest common substring (titles are short)."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


MIN_TITLE_MATCH = 4   # characters a message must share with a title (创业担保贷款, not 创业)


def by_title(text: str, items: list[Shown]) -> list[Shown]:
    """The measures whose titles share the longest run of words with `text`."""
    text = re.sub(r"[^\u3400-\u9fff]", "", text or "")
    if len(text) < MIN_TITLE_MATCH:
        return []
    scored = [(_common(text, m.title), m) for m in items]
    best = max((s for s, _ in scored), default=0)
    if best < MIN_TITLE_MATCH:
        return []
    return [m for s, m in scored if s == best]
