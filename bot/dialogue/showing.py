"""Showing measures: the first answer, a category, the whole list, the next page, and
the measures for a group, need or place someone asks about.

A view is what the numbers on screen refer to:
  None    the person's own measures (their groups and gender), each of them covered on
          the first screen (a woman veteran sees the women's measure beside the
          veterans'); everyone's measures when none is their own
  "all"   the whole listing
  a need  the measures of that category
Whatever is shown, its ids are kept as shown (Turn.show_list): 第N项 means what the
person saw, even after the profile changes the order.
"""
from __future__ import annotations

import re

from .. import texts
from ..replies.render import Button, profile_line
from ..replies import followup, lists
from ..matching.shown import Shown
from .targets import spells
from .ordering import ROOM_FOR_THE_NEED, meets, of_need, of_the_need, own, view_items

def results(turn) -> None:
    """The first answer: who the results are for, the first five, whom to ask, categories."""
    result, items = turn.current()
    if not items:
        nothing(turn, result)
        return
    mine = own(turn, items)
    chunk = (mine or items)[:lists.NAMED]
    needed = of_the_need(turn, items, mine)
    who = profile_line(turn.kb, result, turn.facts())
    n_el = sum(1 for m in items if m.status == "eligible")
    head = texts.RESULTS_HEAD.format(who=who, n=len(items)) + (
        texts.RESULTS_POSSIBLE.format(n=len(items) - n_el) if n_el < len(items) else "")
    if result.local_note:                 # a place without local documents: the national layer, and 12345
        head += "\n" + result.local_note
    groups = _own_words(turn)
    head += "\n" + (texts.OWN_HEAD.format(who=groups, n=len(mine)) if mine else texts.TOP_HEAD)
    more = len(mine or items) > lists.NAMED
    tail = texts.LIST_HINT_MORE if more else texts.LIST_HINT
    buttons = lists.category_buttons(turn.kb, items, turn.facts().get("needs") or ())

    def listed(extra: list[Shown]):     # 边民 想贷款: their one measure, then the loans, on the first screen
        then = texts.THEN_THE_NEED.format(first=len(chunk) + 1, need=lists.category_label(
            turn.kb, turn.facts()["needs"][0])) if extra else ""
        return lists.numbered(head.rstrip("：") + then if then else head, chunk + extra, 1, tail, buttons)

    reply = listed(needed)
    while needed and len(reply.text) > ROOM_FOR_THE_NEED:      # the need's measures only as a phone allows
        needed = needed[:-1]
        reply = listed(needed)
    turn.replies.append(reply)
    turn.show_list(chunk + needed)
    turn.set(view=None, page=0.0)


def _own_words(turn) -> str:
    facts = turn.facts()
    words = [turn.kb.facts["groups"].values[g].short_label() for g in facts.get("groups") or ()
             if g in turn.kb.facts["groups"].values]
    if facts.get("gender") == "female":
        words.append(turn.kb.facts["gender"].values["female"].title)
    return "、".join(words)


def nothing(turn, result) -> None:
    if result is not None and result.message:
        turn.say(result.message + "\n" + texts.WHERE_IN_CHINA, [Button(texts.RESTART_BUTTON, "/start_over")])
        return
    if result is None:
        turn.say(texts.NO_RESULTS_YET)
        return
    where = profile_line(turn.kb, result, turn.facts()) or texts.NO_PROFILE_YET
    turn.say(texts.NOTHING_FOUND.format(where=where), [Button(texts.RESTART_BUTTON, "/start_over")])


def overview(turn, act) -> None:
    """有啥政策 with nothing new said: the list in view (a pointer to it when it is on
    screen); an open question stays open."""
    if _OTHERS_ASKED.match(act.text if act else "") and turn.before.get("listed"):
        more(turn)          # 还有啥 after a list: the next ones, or that there are no more
        return
    view = turn.slots.get("view")
    if not shown_again(turn, view_items(turn, turn.current()[1], view)[:lists.NAMED]):
        page(turn, view, 0)


_OTHERS_ASKED = re.compile(r"\s{0,3}(?:那|那么)?(?:还有|别的|其他|其它|另外)")


def shown_again(turn, chunk: list[Shown]) -> bool:
    """The list just shown, asked for again: one measure's details, or a pointer to the list
    (never the same text twice in a row)."""
    if [m.id for m in chunk] != (turn.before.get("listed") or [])[:len(chunk)] or not turn.before.get("listed"):
        return False
    if len(chunk) == 1:
        from ..replies import answers
        turn.replies.append(answers.details(turn.kb, chunk[0], 1))
        turn.focus_on(chunk[0])
    elif len(chunk) < len(turn.before["listed"]):    # the first items of it: those again, numbered as seen
        items = lists.item_numbers(list(range(1, len(chunk) + 1)))
        turn.replies.append(lists.numbered(texts.PART_OF_LIST.format(items=items), chunk))
    else:
        turn.say(texts.SAME_LIST.format(n=len(chunk)), lists.detail_buttons(len(chunk)))
    return True


def page(turn, view: str | None, page_no: int) -> None:
    """Page `page_no` of a view, numbered within the view."""
    result, items = turn.current()
    chosen = view_items(turn, items, view)
    start = page_no * lists.NAMED
    chunk = chosen[start:start + lists.NAMED]
    if not chunk:
        turn.say(texts.NO_MORE)
        return
    if page_no == 0 and [m.id for m in chunk] == (turn.before.get("listed") or [])[:len(chunk)] \
            and len(chosen) > len(chunk):
        page(turn, view, 1)           # 全部 after the first screen: its first five were just shown
        return
    if page_no == 0 and shown_again(turn, chunk):
        return
    name = view_name(turn, items, view)
    head = texts.CATEGORY_HEAD.format(name=name, n=len(chosen)) if page_no == 0 else \
        texts.PAGE_HEAD.format(name=name, first=start + 1, last=start + len(chunk), n=len(chosen))
    rest = len(chosen) - start - len(chunk)
    tail = texts.MORE_LEFT.format(n=rest) if rest > 0 else ""
    buttons = [Button(texts.MORE_BUTTON, "/more")] if rest > 0 else []
    buttons += lists.category_buttons(turn.kb, items, turn.facts().get("needs") or (), skip=(view or "").partition("|")[0],
                                      limit=2)
    turn.replies.append(lists.numbered(head, chunk, start + 1, tail, buttons))
    prefix = [m.id for m in chosen[:start]]
    turn.show_list(chunk, start + 1, prefix)
    turn.set(view=view, page=float(page_no))


def view_name(turn, items, view) -> str:
    if view == "all":
        return texts.ALL_NAME
    if view:
        return lists.category_label(turn.kb, view.partition("|")[0])
    who = _own_words(turn)
    return texts.OWN_NAME.format(who=who) if who and own(turn, items) else texts.TOP_NAME


def more(turn, act=None) -> None:
    result, items = turn.current()
    if not items:
        nothing(turn, result)
        if result is None:
            from . import asking
            asking.ask(turn, turn.place)
        return
    view = turn.slots.get("view")
    page_no = int(turn.slots.get("page") or 0) + 1
    if page_no * lists.NAMED >= len(view_items(turn, items, view)):
        if view is None and len(own(turn, items)) < len(items):
            page(turn, "all", 0)    # past the person's own measures: everything
            return
        if view and view != "all":      # 还有啥 after a category's last page: the others are a tap away
            turn.say(texts.NO_MORE_IN_VIEW.format(name=view_name(turn, items, view)),
                     lists.category_buttons(turn.kb, items, turn.facts().get("needs") or (),
                                            skip=view.partition("|")[0], limit=3))
            return
        turn.say(texts.NO_MORE)
        return
    page(turn, view, page_no)


def category(turn, need: str, word: str | None = None) -> None:
    result, items = turn.current()
    if not any(lists.in_category(turn.kb, m, need) for m in items):
        turn.say(texts.NO_CATEGORY.format(name=lists.category_label(turn.kb, need)))
        return
    if word and _unstated_here(turn, items, need, word):      # 能休学吗 where no text of theirs allows it
        turn.say(texts.WORD_NOT_IN_TEXTS.format(word=word, name=lists.category_label(turn.kb, need)))
    page(turn, f"{need}|{word}" if word else need, 0)


def _unstated_here(turn, items: list[Shown], need: str, word: str) -> bool:
    """A word of the documents (some text in the knowledge base uses it: 休学) that none of the
    person's measures uses, nor a longer form it shortens (社保: 社会保险); everyday words no text
    uses (学手艺) say nothing."""
    if not any(word in km.title or word in km.quote for km in turn.kb.measures):
        return False
    forms = [word] + [w for w in turn.kb.facts["needs"].values[need].synonyms if len(w) > len(word) and spells(word, w)]
    return not any(f in m.title or f in (m.summary or "") or f in (m.quote or "") for m in items for f in forms)


def topic(turn, act) -> None:
    """有没有给女的 / 那妇女创业有啥政策 / 有没有专门给退伍兵的贷款: the measures for what is
    asked about, at the person's place (or the place asked about); the profile is unchanged."""
    facts = dict(turn.facts())
    place = act.place.topic.qualified_name if act.place.topic is not None else facts.get(turn.place)
    if place is None:
        from . import asking
        asking.ask(turn, turn.place, prefix=texts.TOPIC_NEEDS_PLACE)
        return
    groups, gender = act.topics.get("groups") or [], act.topics.get("gender")
    needs = act.topics.get("needs") or []
    if needs and not (groups or gender) and act.place.topic is None and any(
            lists.in_category(turn.kb, m, needs[0]) for m in turn.current()[1]):
        category(turn, needs[0], act.words.get(needs[0]))   # 培训的呢 / 有贷款吗: that category
        return
    facts.update(region=place)
    if groups:
        facts["groups"] = list(dict.fromkeys(list(facts.get("groups") or []) + groups))
    if gender:
        facts["gender"] = gender
    result, items = turn.match_for(facts)
    people = [m for m in items if _is_for(turn, m, groups, gender)] if (groups or gender) else items
    if groups and gender:                   # 残疾妇女: the measures for both first
        people.sort(key=lambda m: not _is_for(turn, m, groups, None) or not _is_for(turn, m, [], gender))
    about = [m for m in people if of_need(turn, m, needs)] if needs else people
    who = _topic_words(turn, groups, gender)
    what = "、".join(w for w in (who, "、".join(lists.category_label(turn.kb, n) for n in needs)) if w)
    where = turn.place_name(place)
    note = ""
    if not about and people and needs:          # none for both: say so, show the group's
        note, about = texts.TOPIC_NONE.format(place=where, what=what), people
        what = who
    elif not about and needs and (groups or gender):
        about = [m for m in items if of_need(turn, m, needs)]
        note = texts.TOPIC_NONE.format(place=where, what=what)
        what = "、".join(lists.category_label(turn.kb, n) for n in needs)
    if act.local_docs:
        about, local_note = _own_documents(turn, act, about, items, where, what)
        if about is None:
            return
        note = local_note or note
    if not about:
        turn.say(texts.TOPIC_NONE.format(place=where, what=what) + "\n" + texts.TOPIC_OTHERS.format(n=len(items)),
                 [Button(texts.ALL_BUTTON.format(n=len(items)), "/show_all")] if items else [])
        return
    chunk = about[:lists.NAMED]
    if not (act.local_docs and note) and shown_again(turn, chunk):
        return
    national = {sid for sid, s in turn.kb.sources.items() if s.national}
    has_local = any(m.doc not in national for m in items)
    if not note and has_local and all(m.doc in national for m in about):
        note = texts.TOPIC_ONLY_NATIONAL.format(place=where, what=what)   # 乌鲁木齐 for women: the laws only
    head = (note + "\n" if note else "") + (texts.TOPIC_HEAD.format(place=where, what=what, n=len(about)) if what
                                            else texts.PLACE_HEAD.format(place=where, n=len(about)))
    tail = texts.MORE_LEFT.format(n=len(about) - len(chunk)) if len(about) > len(chunk) else ""
    if groups and not turn.facts().get("groups"):
        tail = (tail + "\n" if tail else "") + texts.TOPIC_IS_IT_YOU.format(what=who)
    turn.replies.append(lists.numbered(head, chunk, 1, tail))
    turn.show_list(chunk)


def holding_words(turn, measures: list[Shown], words: tuple) -> None:
    """The person's measures whose texts speak of what was asked in everyday words, numbered."""
    chunk = measures[:lists.NAMED]
    tail = texts.MORE_LEFT.format(n=len(measures) - len(chunk)) if len(measures) > len(chunk) else ""
    head = texts.SPOKEN_OF_HEAD.format(words="、".join(words), n=len(measures))
    turn.replies.append(lists.numbered(head, chunk, 1, tail))
    turn.show_list(chunk)


def what_texts_say(turn, pattern, head: str, tail: str, none: str, quoted: bool, shown: int = 4) -> None:
    """What the texts say of one matter (利息, 银行): the measures whose quotes match `pattern`,
    those on screen numbered as seen when two or more are, else the person's numbered anew; each
    with its matching sentences when `quoted`, then whom to go to. `none` (formatted with the lead
    of the person's first money measure) when no text speaks of it."""
    listed, items = turn.listed_items(), turn.current()[1]
    on_screen = [m for m in listed if pattern.search(m.quote or "")]
    on_screen = on_screen if len(on_screen) >= 2 else []
    chosen = (on_screen or [m for m in items if pattern.search(m.quote or "")])[:shown]
    if not chosen:
        money = [m for m in items if m.category == "financing"][:1]
        turn.say(none.format(whom=followup.lead_whom(money[0]) if money else texts.ASK_LOCAL_OFFICE))
        return
    numbers = [listed.index(m) + 1 for m in chosen] if on_screen else list(range(1, len(chosen) + 1))
    lines = [head]
    for n, m in zip(numbers, chosen):
        said = "：“" + "”“".join(followup.sentences(m.quote, pattern)) + "”" if quoted else ""
        lines.append(f"{n}. {m.title}（{m.citation}）{said}")
    turn.say("\n".join(lines + [lists.offices(chosen, numbers=numbers), tail]))
    if not on_screen:
        turn.show_list(chosen)


def also_for(turn) -> None:
    """A group or gender stated beside a question (俺是女的 这算就业困难不): after the answer,
    the measures it adds, so the person learns of them without asking again."""
    facts, before = turn.facts(), turn.before
    groups = [g for g in facts.get("groups") or () if g not in (before.get("groups") or ())]
    gender = facts.get("gender") if facts.get("gender") != before.get("gender") else None
    if not (groups or gender):
        return
    new = [m for m in turn.current()[1] if _is_for(turn, m, groups, gender) and m.status == "eligible"]
    new.sort(key=lambda m: not m.own_group)      # one for this and their other groups first
    if new:
        turn.say(texts.ALSO_FOR.format(who=_topic_words(turn, groups, gender), n=len(new), title=new[0].title,
                                       citation=new[0].citation))


def _own_documents(turn, act, about: list, items: list, where: str, what: str):
    """河南有没有专门的地方政策 / 图们市自己的文件里有退伍军人的吗: the measures of the place's
    own documents (of the place named, else of every local document at the person's place).
    None kept (and the reply said) when the place has no document of its own in the
    knowledge base; else (measures, note), the note saying when only the laws have some."""
    sources = turn.kb.sources
    asked = act.place.topic
    def own(m):
        s = sources[m.doc]
        return not s.national and (asked is None or s.region == asked.name)
    docs = list(dict.fromkeys(sources[m.doc].short_title for m in items if own(m)))
    if not docs:
        turn.say(texts.NO_OWN_DOCUMENTS.format(place=where))
        return None, ""
    mine = [m for m in about if own(m)]
    if mine or not what:
        return mine, texts.OWN_DOCUMENTS.format(place=where, docs="》《".join(docs))
    others_local = any(not sources[m.doc].national for m in about)
    return about, (texts.OWN_NONE if others_local else texts.TOPIC_ONLY_NATIONAL).format(place=where, what=what)


def _topic_words(turn, groups: list, gender) -> str:
    values = turn.kb.facts["groups"].values
    return "、".join([values[g].short_label() for g in groups if g in values]
                    + ([turn.kb.facts["gender"].values[gender].title] if gender else []))


def _is_for(turn, m: Shown, groups: list, gender: str | None) -> bool:
    km = turn.kb.measure(m.id)
    return any(meets(km, "groups", g) for g in groups) or bool(gender) and meets(km, "gender", gender)
