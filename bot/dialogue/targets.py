"""The measure(s) a message is about, resolved against what the person saw.

In order: a position in the last list as shown (第2项, 第一个, 最后一个); words of a
title, among the measures listed first, then among all of the person's measures, then
among every measure of their place's documents (桂惠贷, 贴息那个, 巾帼); 这个/那个 or
nothing: the measure in focus, or the only one listed. Several equally good candidates
are returned together: the dialogue asks "您是说哪一项？".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reading.references import by_abbreviation, by_figure, by_one_slip, by_text, by_words, policy_words
from ..matching.shown import Shown
from ..reading.questions import AMOUNT
from ..replies.lists import category_label


NAMED_COVER = 0.75
# 这个要抵押吗: the message begins by pointing at what was just answered (海归那个 names one)
_POINTS_FIRST = re.compile(r"\s{0,20}(?:那|这)(?:个|条|项|一项)|\s{0,20}它")


@dataclass
class Targets:
    measures: list = field(default_factory=list)
    numbers: dict = field(default_factory=dict)    # id -> its number in the list shown
    how: str = ""                                  # position | words | focus | only | ""
    out_of_range: int | None = None                # 第9项 when 5 were shown

    @property
    def one(self) -> Shown | None:
        return self.measures[0] if len(self.measures) == 1 else None


def resolve(turn, act) -> Targets:
    listed = turn.listed_items()
    numbers = {m.id: i for i, m in enumerate(listed, 1)}
    refs = act.refs
    if refs.positions and listed:
        picked = _by_position(listed, refs.positions)
        return Targets(picked, numbers, "position") if picked else \
            Targets([], numbers, "", out_of_range=refs.positions[0][0])
    figured = by_figure(act.text, listed) or by_figure(act.text, turn.current()[1])
    if 0 < len(figured) <= 3:
        return Targets(figured, numbers, "words")      # 那个百分之5是啥意思: the text that names 5%
    own_words = refs.words if len(refs.words) >= 2 else ""
    words = own_words + "".join(act_labels(turn, act))
    asked = own_words + "".join(act_labels(turn, act, True)) if own_words and act.facts.get("groups") else words
    focus = turn.slots.get("focus")
    if focus and turn.before.get("focused") and not words:
        m = turn.measure(focus)       # the last answer was about this measure: 能贴多少 is about it too
        if m is not None:
            return Targets([m], numbers, "focus")
    if own_words and turn.current()[0] is None and not turn.facts().get(turn.place):
        return Targets(_named_before_a_place(turn, own_words), numbers, "words")   # 桂惠贷是啥 as the first message
    if words:
        items = turn.current()[1]
        # beyond the person's own measures a title must be named, not merely touched
        # (免费的场地 names no measure for the disabled, though one title says 场地 and 免)
        place = _place_measures(turn)       # judged once: the place's documents are many
        everything = _unique(listed + items + place)
        pools = ((listed, items or listed, 0.5), (items, items, 0.5), (place, None, NAMED_COVER))
        if focus and turn.before.get("focused") and _POINTS_FIRST.match(act.text):
            pools = pools[:1]     # 这个要抵押吗 after an answer: that measure, unless the list names another
        after_answer = bool(focus and turn.before.get("focused"))
        known = policy_words(turn.kb, refs.words)     # the person's own words, not the labels added
        # with the documents' words for the people named, then without the groups the person only told
        # (养鸡场要用地 用地那个…: the label of the group 养鸡场 tells outweighs 用地)
        for said, (pool, corpus, cover) in ((w, p) for w in dict.fromkeys((words, asked)) if w for p in pools):
            found = by_words(said, pool, corpus, min_cover=cover, titles_only=after_answer, known=known) if pool else []
            if after_answer and any(m.id == focus for m in found) and len(found) > 1:
                found = [m for m in found if m.id == focus]     # 那个贷款 after that loan's answer: that one
            if found:
                return Targets(_titled(refs.words, found, everything) or _held_longer(own_words, found, everything)
                               or found[:4], numbers, "words")
        slipped = by_one_slip(refs.words, everything)
        if slipped:
            return Targets(slipped, numbers, "words")      # 桂慧贷: one character typed wrong
        people = act.topics.get("groups") or act.topics.get("gender")    # 残疾妇女: people asked about
        short = [] if people else by_abbreviation(refs.words, listed) or by_abbreviation(refs.words, items)
        if 0 < len(short) <= 3:
            return Targets(short, numbers, "words")      # 公租房 for 公共租赁住房
        spoken_of = _texts_speaking_of(act, items, numbers) if items and not people else None
        if spoken_of is not None:
            return spoken_of
    # 找谁 right after a list is about the list on screen, not the measure answered before it
    if focus and (refs.demonstrative or turn.before.get("focused") or not words and not listed):
        m = turn.measure(focus)
        named = act.topics.get("needs") or act.facts.get("needs")
        if m is not None and not (named and m.category not in named and only_a_need(turn, act)):   # 那个贷款: the loans
            return Targets([m], numbers, "focus")
    if len(listed) == 1:
        return Targets(listed, numbers, "only")
    return Targets([], numbers)


def _by_position(listed: list[Shown], positions) -> list[Shown]:
    """第2项 / 最后一个: the items at those places of the list as shown."""
    places = [len(listed) if n == -1 else n for n, _word in positions]
    return _unique([listed[n - 1] for n in places if 1 <= n <= len(listed)])


def _texts_speaking_of(act, items: list[Shown], numbers: dict):
    """The measures whose texts speak of what is asked: in the texts' word for the everyday
    one (网上卖木耳: 电商), else in its own words (可以休学吗: the measure that allows it)."""
    everyday = _holding(act.everyday, items)
    if everyday:
        return Targets(everyday, numbers, "everyday")
    found = by_text(act.refs.words, items)
    return Targets(found, numbers, "words") if found else None


def _holding(words: tuple, items: list[Shown]) -> list[Shown]:
    """The person's measures whose text holds the texts' word for what the question says in
    everyday words (网上卖木耳 -> 农村电商), those that apply before those that may."""
    found = [m for m in items if any(w in m.title + (m.quote or "") for w in words)] if words else []
    return sorted(found, key=lambda m: m.status != "eligible")


def _titled(words: str, found: list[Shown], candidates: list[Shown]) -> list[Shown]:
    """The measures whose titles hold the person's words whole (农民工创业园在哪: the
    measure titled 农民工创业园, not a listed one that shares 农民工 and 创业), when none
    of those found by pieces does."""
    if len(words) < 4 or any(words in m.title for m in found):
        return []
    whole = [m for m in candidates if words in m.title]
    return whole if len(whole) <= 3 else []


def _held_longer(words: str, found: list[Shown], candidates: list[Shown]) -> list[Shown]:
    """The measures whose titles hold a longer run of the person's own words, five characters or
    more, than any found (农民工创业园能进吗: 农民工创业园, not 返乡农民工创业用地保障 that the
    group's label adds to), when at most two do."""
    runs = [(held_run(words, m.title), m) for m in candidates]
    best = max((n for n, _ in runs), default=0)
    if best < 5 or best <= max(held_run(words, m.title) for m in found):
        return []
    longer = [m for n, m in runs if n == best]
    return longer if len(longer) <= 2 else []


def _named_before_a_place(turn, words: str) -> list[Shown]:
    """Before a place is known, the measure a message names by a run of its title that one or two
    titles hold (桂惠贷, 女大学生创业…大赛); words many titles share (创业贷款) name none."""
    titles = [km.title for km in turn.kb.measures]
    runs = [(held_run(words, km.title, shortest=3), km) for km in turn.kb.measures]
    best = max((n for n, _ in runs), default=0)
    named = [km for n, km in runs if n == best] if best else []
    if not named or len(named) > 2:
        return []
    run = next(words[i:i + best] for i in range(len(words) - best + 1) if words[i:i + best] in named[0].title)
    if min(sum(run[i:i + 2] in t for t in titles) for i in range(len(run) - 1)) > 2 \
            or best < 4 and f"“{run}”" not in named[0].title:
        return []          # 创业贷款: every piece of it is in many titles; three characters name only a quoted name (桂惠贷)
    profile = turn.profile()
    return [turn.engine.measure_by_id(km.id, profile) for km in named]


def held_run(words: str, title: str, shortest: int = 5) -> int:
    """The longest run of `words`, `shortest` characters or more, that the title holds whole; else 0."""
    return max((n for n in range(len(words), shortest - 1, -1) for i in range(len(words) - n + 1)
                if words[i:i + n] in title), default=0)


def act_labels(turn, act, asked_only: bool = False) -> list[str]:
    """The documents' words for what a message names: a group's label (海归 -> 留学回国人员),
    a need's longer synonyms (社保 -> 社会保险): titles use them. `asked_only`: of the groups
    asked about, not those the person says they belong to."""
    if not act.refs.words:
        return []
    facts = turn.kb.facts
    values = facts["groups"].values
    told = [] if asked_only else list(act.facts.get("groups") or [])
    named = [v for v in list(act.topics.get("groups") or []) + told if v in values]
    titles = "".join(m.title for m in turn.current()[1]) if named else ""
    out = []
    for v in named:      # 军属: the titles say 军人配偶, not the label's 现役军人的配偶
        label = values[v].short_label()
        titled = [w for w in values[v].synonyms if len(w) >= 3 and w in titles] if label not in titles else []
        out.append(max(titled, key=titles.count) if titled else label)
    for need, said in act.words.items():   # the longer form of the words used: 社保 -> 社会保险
        out += [w for w in facts["needs"].values[need].synonyms
                if len(w) > len(said) and spells(said, w) and said not in w]   # 创业担保贷款 is a kind of 贷款, not its long form
    return out


def spells(short: str, long: str) -> bool:
    """Are the characters of `short` in `long`, in order (社保 in 社会保险)?"""
    it = iter(long)
    return all(c in it for c in short)


def _unique(ms: list[Shown]) -> list[Shown]:
    seen, out = set(), []
    for m in ms:
        if m.id not in seen:
            seen.add(m.id)
            out.append(m)
    return out


def _place_measures(turn) -> list[Shown]:
    """Every measure of the documents that cover the person's place, judged for them."""
    result, items = turn.current()
    if result is None:
        return []
    mine = {m.id for m in items}
    docs = {m.doc for m in items}
    profile = turn.profile()
    return [turn.engine.measure_by_id(km.id, profile) for km in turn.kb.measures
            if km.doc in docs and km.id not in mine]


def only_a_need(turn, act) -> bool:
    """Do the message's words name nothing but a need by its everyday name (贷款, 补贴 — not
    贴息, which names some titles)?"""
    words = act.refs.words
    needs = set(act.topics.get("needs") or []) | set(act.facts.get("needs") or [])
    if len(needs) != 1:
        return False            # 社保补贴: two needs together name a kind of measure
    for need in needs:
        for w in category_label(turn.kb, need).split("/"):
            words = words.replace(w, "")
    left = re.sub(_AMOUNT_WORDS, "", words) if act.asks == AMOUNT else words
    return words != act.refs.words and len(left) < (2 if act.asks == AMOUNT else 1)   # 导师制找谁 names one


_AMOUNT_WORDS = re.compile(r"咁|噉|几多|可以|能|贷|借|补|拿|领")
