"""The overview a person sees first when many measures apply.

More than OVERVIEW_OVER measures are not listed at once: the first answer
names the profile understood, the measures meant for the person's own groups,
the ended-plan notice once, and the count of each category as a button
(贷款/补贴 12 · 场地/孵化 5 …, the `needs` of rules/facts.yml with their
`short` labels). Choosing a category lists it, five at a time.

A "view" is what the numbers on screen refer to ("第2项" means the second
measure of the view shown last):
  None      the default: the overview's own-group measures when the listing is
            long (the top of the listing when no measure is for an own group),
            else the whole listing
  "all"     the whole listing
  a need    the measures of that category
The order is always the engine's; nothing here re-sorts.
"""
from __future__ import annotations

from . import texts
from .kb import KnowledgeBase
from .render import PAGE_SIZE, Button, Reply, intent_payload, measure_line, notices, profile_line

OVERVIEW_OVER = 8        # more measures than this: overview first
NAMED = 5                # measures named in the overview


def is_long(items: list[dict]) -> bool:
    return len(items) > OVERVIEW_OVER


def own(items: list[dict]) -> list[dict]:
    return [m for m in items if m.get("own_group")]


def view_items(items: list[dict], view: str | None) -> list[dict]:
    if view == "all":
        return items
    if view:
        return [m for m in items if m.get("category") == view]
    if is_long(items):
        return own(items) or items
    return items


def counts(kb: KnowledgeBase, items: list[dict], needs=()) -> list[tuple[str, int]]:
    """(need, number of measures) for each category present: the stated needs
    first, then the larger categories, ties in the order of facts.yml."""
    order = list(kb.facts["needs"].values)
    n = {v: sum(1 for m in items if m.get("category") == v) for v in order}
    stated = [v for v in needs or () if n.get(v)]
    rest = sorted((v for v in order if n[v] and v not in stated), key=lambda v: (-n[v], order.index(v)))
    return [(v, n[v]) for v in stated + rest]


def category_label(kb: KnowledgeBase, need: str) -> str:
    fv = kb.facts["needs"].values[need]
    return fv.short or fv.label.split("（")[0]


def category_buttons(kb: KnowledgeBase, items: list[dict], needs=()) -> list[Button]:
    buttons = [Button(f"{category_label(kb, v)} {n}", intent_payload("inform", need=v))
               for v, n in counts(kb, items, needs)]
    buttons.append(Button(texts.ALL_BUTTON.format(n=len(items)), "/show_all"))
    return buttons


def worth_asking_needs(items: list[dict]) -> bool:
    """A need changes what is shown: the listing is long and spans categories."""
    return is_long(items) and len({m.get("category") for m in items}) > 1


def needs_question(kb: KnowledgeBase, items: list[dict]) -> Reply:
    return Reply(texts.NEEDS_QUESTION, category_buttons(kb, items) + [Button(texts.SKIP_BUTTON, "/skip")])


def overview(kb: KnowledgeBase, result, items: list[dict], slots: dict, ask_needs: bool = False) -> Reply:
    """The short first answer to a long listing."""
    who = profile_line(kb, result, slots)
    n_el = sum(1 for m in items if m.get("status") == "eligible")
    lines = [(f"根据您的情况（{who}），" if who else "") + f"找到 {n_el} 项适用措施"
             + (f"，另有 {len(items) - n_el} 项可能适用。" if len(items) > n_el else "。")]
    lines += [f"⚠ {note}" for note in notices(items)]
    lines += [result.local_note] if result.local_note else []   # no local documents for this place
    mine = own(items)
    named = (mine or items)[:NAMED]
    groups = [kb.facts["groups"].values[g].short_label() for g in slots.get("groups") or ()
              if g in kb.facts["groups"].values]
    lines.append("")
    if mine:
        lines.append(texts.OWN_GROUP_HEAD.format(who="、".join(groups), n=len(mine)))
    else:
        lines.append(texts.TOP_HEAD)
    for i, m in enumerate(named, 1):
        mark = "（可能适用）" if m.get("status") == "possible" else ""
        lines.append(f"{i}. {m['title']}{mark}（{m['citation']}）")
    rest = len(mine or items) - len(named)
    if mine and rest > 0:
        lines.append(texts.OWN_GROUP_MORE.format(n=rest))
    lines.append(texts.DETAILS_HINT)
    lines.append("")
    needs = slots.get("needs") or ()
    stated = [category_label(kb, v) for v in needs if v in kb.facts["needs"].values]
    if ask_needs:
        lines.append(texts.NEEDS_QUESTION)
    elif stated:
        lines.append(texts.CATEGORY_HINT_STATED.format(stated="、".join(stated)))
    else:
        lines.append(texts.CATEGORY_HINT)
    buttons = [Button(texts.DETAILS_BUTTON.format(n=i), intent_payload("details", item=i))
               for i in range(1, len(named) + 1)] + category_buttons(kb, items, needs)
    if ask_needs:
        buttons.append(Button(texts.SKIP_BUTTON, "/skip"))
    return Reply("\n".join(lines), buttons)


def view_name(kb: KnowledgeBase, items: list[dict], view: str | None, slots: dict) -> str:
    if view == "all":
        return texts.ALL_NAME
    if view:
        return category_label(kb, view)
    groups = [kb.facts["groups"].values[g].short_label() for g in slots.get("groups") or ()
              if g in kb.facts["groups"].values]
    if own(items) and groups:
        return texts.OWN_NAME.format(who="、".join(groups))
    return texts.TOP_NAME


def category_page(kb: KnowledgeBase, items: list[dict], view: str | None, page_no: int, slots: dict) -> Reply:
    """Page `page_no` of one view (a category, all, or the overview's own-group
    measures): the measures numbered within the view."""
    chosen = view_items(items, view)
    start = page_no * PAGE_SIZE
    chunk = chosen[start:start + PAGE_SIZE]
    if not chunk:
        return Reply(texts.NO_MORE, [Button(texts.RESTART_BUTTON, "/start_over")])
    name = view_name(kb, items, view, slots)
    if page_no == 0:
        head = texts.CATEGORY_HEAD.format(name=name, n=len(chosen))
    else:
        head = f"{name}：第 {start + 1}—{start + len(chunk)} 项（共 {len(chosen)} 项）："
    lines = [head] + [f"⚠ {note}" for note in notices(chunk)]
    body = "\n\n".join(measure_line(start + i + 1, m, with_notice=False) for i, m in enumerate(chunk))
    buttons = [Button(texts.DETAILS_BUTTON.format(n=start + i + 1), intent_payload("details", item=start + i + 1))
               for i in range(len(chunk))]
    tail = ""
    if start + PAGE_SIZE < len(chosen):
        buttons.append(Button(texts.MORE_BUTTON, "/more"))
        tail = f"\n\n还有 {len(chosen) - start - PAGE_SIZE} 项，说“更多”继续查看。"
    others = [b for b in category_buttons(kb, items, slots.get("needs") or ())
              if b.payload != intent_payload("inform", need=view)]
    if view == "all":
        others = [b for b in others if b.payload != "/show_all"]
    buttons.append(Button(texts.AGENCIES_BUTTON, "/ask_agency"))
    buttons += others[:4]
    return Reply("\n".join(lines) + "\n\n" + body + tail, buttons)
