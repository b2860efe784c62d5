"""Which measures come first: the person's own (each of their groups and their gender on the
first screen), a category's in the order of the words the person used, and the need they named
where their own leave room on the first screen."""
from __future__ import annotations

import re

from ..replies import lists
from ..matching.shown import Shown


def own(turn, items: list[Shown]) -> list[Shown]:
    """The person's own measures, the first screen covering each of their groups and gender."""
    facts = turn.facts()
    keys = [("groups", g) for g in facts.get("groups") or ()]
    if facts.get("gender"):
        keys.append(("gender", facts["gender"]))
    buckets: dict = {k: [] for k in keys}
    several = []       # for two of their traits at once (残疾退役军人): first
    for m in items:
        km = turn.kb.measure(m.id)
        hits = [(fact, value) for fact, value in keys if meets(km, fact, value)]
        if len(hits) >= 2 and (km.all_groups or any(f == "gender" for f, _ in hits)):
            several.append(m)
        elif hits:
            buckets[hits[0]].append(m)
    for bucket in buckets.values():      # what the person can use first, what is still open after
        bucket.sort(key=lambda m: m.status != "eligible")
    ordered, seen = list(several), {m.id for m in several}
    while any(buckets.values()):
        for k in keys:
            if buckets[k]:
                m = buckets[k].pop(0)
                if m.id not in seen:
                    seen.add(m.id)
                    ordered.append(m)
    rest = [m for m in items if m.id not in seen and m.own_group]
    return ordered[:lists.NAMED] + [m for m in ordered[lists.NAMED:] + rest]


def view_items(turn, items: list[Shown], view: str | None) -> list[Shown]:
    """The measures a view shows, in order: in a category, the person's own group's first (or
    a neighbouring group's, to confirm); then, chosen by a word ("financing|贷款"), the
    measures whose title or summary has that word (贷款 before 投资); then what they can use
    before what is still open."""
    if view == "all":
        return items
    if view:
        need, _, word = view.partition("|")
        word = "" if _ANY_MONEY.fullmatch(word) else word     # 有什么补助: every measure of money is one
        chosen = [m for m in items if lists.in_category(turn.kb, m, need)]
        others = [n for n in turn.facts().get("needs") or () if n != need]
        # their own group's first, then those naming the word they used, then those naming another
        # need they stated (a loan against a patent for one who said 专利), then what they can use
        chosen.sort(key=lambda m: (not m.own_group, not m.confirm, bool(word) and not _names(m, word),
                                   not (others and of_need(turn, m, others)), m.status != "eligible",
                                   m.category != need))
        return chosen
    return own(turn, items) or items


_ANY_MONEY = re.compile(r"补助|补贴|钱|优惠|资助|帮扶")
_LACK_WORDS = re.compile(r"^(?:缺|没有?|少)点?|(?:不够|太少|少|不足|紧张|短缺)$")


def _names(m: Shown, word: str) -> bool:
    """The measure names the word, or its first character with a second one of it (贷 … 款);
    any loan word names every loan (贷点款, 信贷, 小额信贷). A lack said with it (本钱不够) is no word of a title."""
    word = _LACK_WORDS.sub("", word)
    text = m.title + m.summary
    if "贷" in word and "贷" in text:
        return True
    return word in text or len(word) >= 2 and word[0] in text and any(c in text for c in word[1:])


# characters of the first answer up to which the need's measures are added (the question under
# it and a note before it must still fit a phone's 600)
ROOM_FOR_THE_NEED = 440


def of_the_need(turn, items: list[Shown], mine: list[Shown]) -> list[Shown]:
    """Where the person's own measures leave room on the first screen: the first of the need
    they named, that the person can use (none when they named no need or their own fill it)."""
    needs = turn.facts().get("needs") or ()
    room = lists.NAMED - len(mine)
    if not mine or not needs or room <= 0:
        return []
    ids = {m.id for m in mine}
    word = (turn.act.words.get(needs[0]) if turn.act is not None else None) or ""      # 要贷款: the loans first
    fits = [m for m in view_items(turn, items, f"{needs[0]}|{word}") if m.id not in ids]
    return fits[:room]


def meets(km, fact: str, value) -> bool:
    """The measure (a rules Measure, or None) is meant for this value of a fact: one of its
    groups, or its gender."""
    want = km.conditions.get(fact) if km is not None else None
    return want is not None and (value in want if isinstance(want, frozenset) else want == value)


def of_need(turn, m: Shown, needs: list) -> bool:
    """A measure of one of these needs: its category, or a title that names it (创业导师 for 导师)."""
    return any(lists.in_category(turn.kb, m, n) for n in needs)
