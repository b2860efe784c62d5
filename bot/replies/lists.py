"""Numbered lists of measures, sized for a phone: the first answer, a category, a page,
the measures for a group someone asks about. Every list names whom to go to.

A line is "N. title（《document》第N条）"; the lead offices follow once, grouped
("找谁办：广西壮族自治区退役军人事务厅（第1、2、4项）"), then the ended-plan notice once.
Details, quotes and the conditions are one "第N项" away. The order is always the
engine's (nothing here re-sorts); the dialogue keeps the ids as shown.
"""
from __future__ import annotations

from .. import texts
from .render import Button, Reply, intent_payload
from ..matching.shown import Shown

NAMED = 5            # measures in one list
DETAIL_BUTTONS = 2   # 第N项 buttons under a list (the rest: typed, or the categories)
CATEGORY_BUTTONS = 3


def line(n: int, m: Shown) -> str:
    mark = texts.POSSIBLE_MARK if m.status == "possible" else ""
    in_force = texts.IN_FORCE_MARK if m.in_force else ""
    newer = "".join(f"（{note}）" for note in m.notes if note != m.in_force)  # an ended plan's rule now
    return f"{n}. {m.title}{mark}（{m.citation}{in_force}）{newer}"


def offices(items: list[Shown], start: int = 1, numbers: list[int] | None = None) -> str:
    """找谁办, one entry per lead office with the item numbers it leads (`numbers`: the items'
    numbers on screen, when they are not start, start+1 …)."""
    by_office: dict[str, list[int]] = {}
    for n, m in zip(numbers or range(start, start + len(items)), items):
        for name in lead_names(m):
            by_office.setdefault(name, []).append(n)
    parts = [f"{name}（{item_numbers(ns)}）" for name, ns in by_office.items()]
    return texts.WHOM_LINE.format(offices="；".join(parts))


def lead_names(m: Shown) -> list[str]:
    if m.no_responsible_unit or not m.lead:
        return [texts.NO_UNIT.format(publisher=m.publisher or texts.ASK_LOCAL_OFFICE)]
    return list(m.lead)


def item_numbers(ns: list[int]) -> str:
    if len(ns) > 2 and ns == list(range(ns[0], ns[-1] + 1)):
        return texts.ITEM_RANGE.format(first=ns[0], last=ns[-1])
    return texts.ITEMS.format(numbers="、".join(map(str, ns)))


def notices(items: list[Shown]) -> list[str]:
    """The ended-plan notices of these measures, each once."""
    out = []
    for m in items:
        note = m.expiry_note
        if note:
            text = f"⚠ 《{m.citation.split('》')[0].lstrip('《')}》：{note}"
            if text not in out:
                out.append(text)
    return out


def detail_buttons(n_items: int, start: int = 1) -> list[Button]:
    return [Button(texts.DETAILS_BUTTON.format(n=n), intent_payload("details", item=n))
            for n in range(start, start + min(n_items, DETAIL_BUTTONS))]


def numbered(head: str, chunk: list[Shown], start: int = 1, tail: str = "", buttons=()) -> Reply:
    """A head line, the numbered measures, whom to go to, the notices, a hint."""
    lines = [head] + [line(start + i, m) for i, m in enumerate(chunk)]
    lines.append(offices(chunk, start))
    lines += notices(chunk)
    if tail:
        lines.append(tail)
    return Reply("\n".join(lines), detail_buttons(len(chunk), start) + list(buttons))


# ---- categories ---------------------------------------------------------------------------

def in_category(kb, m: Shown, need: str) -> bool:
    """A measure of this need: filed under it, or its title names it among other offers
    (就业困难人员的税费减免、贷款贴息、社会保险补贴… is for 社保 too; 知识产权质押融资 for 知识产权)."""
    if m.category == need:
        return True
    cache = kb.__dict__.setdefault("_titles_naming_needs", {})    # titles are fixed: judged once each
    if (m.title, need) not in cache:
        value = kb.facts["needs"].values.get(need)
        cache[m.title, need] = value is not None and any(w in m.title for w in value.synonyms if len(w) >= 2) \
            and not any(p in m.title for p in value.not_in)
    return cache[m.title, need]


def counts(kb, items: list[Shown], needs=()) -> list[tuple[str, int]]:
    """(need, number of measures) per category present: the stated needs first, then
    the larger categories, ties in the order of facts.yml."""
    order = list(kb.facts["needs"].values)
    n = {v: sum(1 for m in items if in_category(kb, m, v)) for v in order}
    stated = [v for v in needs or () if n.get(v)]
    rest = sorted((v for v in order if n[v] and v not in stated), key=lambda v: (-n[v], order.index(v)))
    return [(v, n[v]) for v in stated + rest]


def category_label(kb, need: str) -> str:
    fv = kb.facts["needs"].values[need]
    return fv.short or fv.label.split("（")[0]


def category_buttons(kb, items: list[Shown], needs=(), skip: str | None = None, limit: int = CATEGORY_BUTTONS):
    buttons = [Button(f"{category_label(kb, v)} {n}", intent_payload("inform", need=v))
               for v, n in counts(kb, items, needs) if v != skip][:limit]
    return buttons + [Button(texts.ALL_BUTTON.format(n=len(items)), "/show_all")]
