"""Answering questions about measures: the one the person means, or the list they see.

A question about a measure (能贷多少, 找谁, 我符合吗, 原文, 详细说说) is answered for the
measure the message points at (bot/dialogue/targets.py). Several candidates: "您是说
哪一项？" with them as buttons. None: the question is answered for the list on screen
where it can be (找谁 → the offices, one line each; 有年龄限制吗 → what the documents
say of age), else the person is asked which item.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import texts
from ..replies import followup
from ..reading import questions as q
from ..reading.asked import whether_they_can
from ..reading.references import by_text, by_words
from ..replies import answers, lists
from . import interest, showing
from .targets import held_run, only_a_need, resolve
from ..matching.shown import Shown

FOLLOW_UP = {q.AMOUNT: "ask_amount", q.APPLY: "ask_how_to_apply", q.MATERIALS: "ask_materials",
             q.CONTACT: "ask_contact", q.DEADLINE: "ask_deadline"}
ABOUT_A_MEASURE = (q.AMOUNT, q.APPLY, q.MATERIALS, q.CONTACT, q.DEADLINE, q.ELIGIBILITY, q.ORIGINAL, q.DETAILS,
                   q.EXPLAIN, q.FEES)
# several candidates: these are answered for each (short answers), the others asked back
EACH = set(FOLLOW_UP) | {q.ELIGIBILITY, q.FEES}


# 我老公不是退伍 还在服役呢: a sentence about someone names no measure
_SUBJECT = re.compile(r"\s{0,20}(?:我|俺|咱|他|她)")


def points_at_measure(turn, act) -> bool:
    """The message asks about a measure, by position, by words of a title or as 这个
    (社保补贴那个呢, 桂惠贷呢, 农村青年的金融产品那个)."""
    # 创业能抵学分吗 names a topic but no list is asked for: about the measure on screen that it names
    # (他是本科生 他能享受吗 asks what someone of that group gets: a list, not the measure on screen)
    on_screen_only = act.asks == q.MEASURES and bool(act.topics) and not q.MEASURES_CUE.search(act.text) \
        and not whether_they_can(act.clauses)
    # 桂惠贷呢 names a measure; 我是退役军人 在南宁 有什么贷款 asks for a list
    named = act.refs.demonstrative or act.asks == q.MEASURES and not act.topics and not act.states_something \
        or on_screen_only \
        or act.asks is None and not (act.states_something or act.request or act.social or _SUBJECT.match(act.text))
    if act.asks not in ABOUT_A_MEASURE and not (named and len(act.refs.words) >= 2):
        return False
    if act.states_something and turn.changed and _PLEA.search(act.text) \
            and not (act.refs.positions or act.refs.demonstrative):
        return False        # 俺是返乡的 在延吉 … 咋整啊: who they are, then the measures
    if act.topics.get("needs") and not (act.refs.positions or act.refs.demonstrative) and _EXISTS.search(act.text):
        return False        # 有没有免费培训: whether there is any, a list of that need
    if act.asks in (q.AMOUNT, q.CONTACT, q.APPLY) and not (act.refs.positions or act.refs.demonstrative) \
            and only_a_need(turn, act):
        return False        # 贷款能贷多少 / 那贷款找谁办: the loans, not the one title that says 贷款
    targets = resolve(turn, act)
    if act.asks not in ABOUT_A_MEASURE and targets.how not in ("words", "position", "everyday"):
        return False
    if on_screen_only and not all(m.id in targets.numbers for m in targets.measures) \
            and not _titled_beyond_need(act, targets.measures):
        return False
    needs = act.topics.get("needs")
    said = [act.words.get(n) or "" for n in needs or ()]
    if on_screen_only and needs and targets.measures and not any(
            m.category in needs or any(w and w in m.title for w in said) for m in targets.measures):
        return False        # 我弟弟是残疾人 他能贷款不: the loans for the disabled, not a tax relief on screen naming them
    return bool(targets.measures) or bool(act.refs.positions)


def _titled_beyond_need(act, measures) -> bool:
    """研发投入有补助吗: the words besides the need's, held whole by the title found, name that
    measure though it is not on screen."""
    rest = act.refs.words
    for word in act.words.values():
        rest = rest.replace(word, "")
    return bool(measures) and (len(rest) >= 3 and all(rest in m.title for m in measures)
                               or all(held_run(act.refs.words, m.title) for m in measures))   # 集体建设用地: a run of five


def about_measure(turn, act) -> None:
    targets = resolve(turn, act)
    if targets.out_of_range is not None:
        turn.say(texts.BAD_ITEM.format(n=len(turn.slots.get("listed") or [])))
        return
    if act.asks == q.AMOUNT and len(targets.measures) > 1:     # 退伍的能贷多少: the money among them
        money = [m for m in targets.measures if m.category == MONEY]
        targets.measures = money or targets.measures
    if act.asks == q.FEES and targets.how != "position":     # 培训要钱不: the texts that speak of fees first
        targets.measures = _speaking_of_fees(turn, act, targets.measures) or targets.measures
    same_title = len({m.title for m in targets.measures}) == 1
    if targets.how == "everyday" and len(targets.measures) > 1 and act.asks not in EACH:
        showing.holding_words(turn, targets.measures, act.everyday)     # 摆个摊有啥优惠: the 个体工商户 measures
        return
    if len(targets.measures) > 1 and act.asks not in EACH and not same_title:
        ask_which(turn, targets.measures)
        return
    if not targets.measures:
        about_list(turn, act)
        return
    for m in targets.measures[:3]:
        answer_one(turn, act, m, targets.numbers.get(m.id))
    if len(targets.measures) == 1:          # 择优资助是什么意思 能给多少钱: each question asked, once
        m = targets.measures[0]
        for kind in [k for k in act.also_asks if k in ABOUT_A_MEASURE][:2]:
            answer_one(turn, act, m, targets.numbers.get(m.id), kind)
    turn.refer(targets.measures[:3], support=act.asks in (q.APPLY, q.CONTACT))
    if turn.current()[0] is None and not turn.facts().get(turn.place):
        from . import asking      # 桂惠贷是啥 first: then what the person can use where they are
        for reply in turn.replies:
            reply.buttons = []      # the places to choose from, not the measure's follow-ups too: one row on a phone
        asking.ask(turn, turn.place, prefix=texts.THEN_WHERE)


def _speaking_of_fees(turn, act, meant: list[Shown]) -> list[Shown]:
    """Of the person's measures on the matter asked about (the words of the measures meant),
    the ones whose text says something of fees (免费参加职业教育、技能培训), at most two."""
    words = act.refs.words
    pool = list({m.id: m for m in turn.listed_items() + turn.current()[1]}.values())
    speaking = [m for m in pool if followup.sentences(m.quote, answers.FEE)]
    if not speaking or not words:
        return []
    meant_ids = {m.id for m in meant}
    found = [m for m in speaking if m.id in meant_ids] or by_words(words, speaking, pool, titles_only=True)
    return found[:2]


def answer_one(turn, act, m: Shown, n: int | None, kind: str | None = None) -> None:
    kind = kind or (act.asks if act.asks in ABOUT_A_MEASURE else q.EXPLAIN)   # 桂惠贷呢: in short
    if kind in FOLLOW_UP:
        turn.say(followup.answer(FOLLOW_UP[kind], m, n))
    elif kind == q.ELIGIBILITY:
        turn.replies.append(answers.eligibility(turn.engine, turn.profile(), m, n, bool(answers.AGE.search(act.text)),
                                                bool(q.RESIDENCE.search(act.text))))
    elif kind == q.ORIGINAL:
        turn.replies.append(answers.original(m, n))
    elif kind == q.EXPLAIN:
        turn.replies.append(answers.brief(m, n))
        if act.asks is None and q.PARTICULAR.search(act.text) and not _COUNTED.search(m.quote):
            asked = turn.simple.strip("？?。 ")[:20]      # 休学最长几年: a particular the quote does not give
            turn.say(texts.PARTICULAR_NOT_STATED.format(question=asked, whom=followup.lead_whom(m)))
    elif kind == q.FEES:
        turn.say(answers.fees(m, n))
    else:
        turn.replies.append(answers.details(turn.kb, m, n))
        chosen = list(turn.slots.get("chosen") or [])
        if m.id not in chosen:
            turn.set(chosen=chosen + [m.id])
    turn.focus_on(m)


MONEY = "financing"      # the need whose measures have amounts
_PLEA = re.compile(r"咋整|咋办|怎么办|怎么整|咋弄|怎么弄")
# whether there is any (有没有免费培训, 有培训不, 那有补贴吗): a list of that need, not one measure on screen
_EXISTS = re.compile(r"有没有|有木有|有冇|有啥|有什么|有哪些|有没|"
                     r"^\s{0,3}(?:那|那么|请问|还)?有[^，,。？?有]{1,8}(?:不|没|吗|么|嘛|冇)\s{0,3}[？?]?\s{0,3}$")
_COUNTED = re.compile(r"[\d一二三四五六七八九十两]{1,6}\s{0,2}(?:年|个月|個月|天|日|次|周|週)")


def about_list(turn, act) -> None:
    """A question with no measure named: answered for the list on screen where it can be."""
    listed = turn.listed_items()
    result, items = turn.current()
    if not items and not listed:
        if result is not None and result.message:
            turn.say(result.message)
        else:
            turn.say(followup.general(FOLLOW_UP.get(act.asks, "ask_how_to_apply")))
        return
    named = list(act.facts.get("needs") or act.topics.get("needs") or [])
    if act.asks == q.CONTACT and named and not any(showing.of_need(turn, m, named) for m in listed):
        showing.category(turn, named[0])     # 导师制找谁 with another list on screen: that need's, with whom
        return
    if act.asks == q.CONTACT or act.asks == q.APPLY and not (named or act.refs.demonstrative):
        shown = listed or items[:5]      # 去哪报名 / 上哪办去: whom to ask for each, the texts give no procedure
        if act.asks == q.APPLY:
            turn.say(texts.NO_PROCEDURE_IN_LIST)
        turn.replies.append(answers.offices(shown))
        turn.refer(shown)
        return
    if act.asks == q.ELIGIBILITY and act.topics.get("groups"):
        membership(turn, act, act.topics["groups"], items)
        return
    if act.asks == q.ELIGIBILITY:
        eligibility_of_list(turn, act, listed or items[:5])
        return
    if act.asks == q.FEES:
        charged = [m for m in (listed or items) if followup.sentences(m.quote, answers.FEE)][:3]
        for m in charged:
            turn.say(answers.fees(m, None))
        if not charged:
            turn.say(texts.NO_FEES_IN_TEXTS)
        turn.refer(charged)
        return
    if act.asks == q.APPLY and (act.facts.get("needs") or act.topics.get("needs")):
        need = (act.facts.get("needs") or act.topics.get("needs"))[0]
        showing.category(turn, need)
        return
    if act.asks in FOLLOW_UP:
        turn.say(followup.general(FOLLOW_UP[act.asks]))
    if act.asks == q.EXPLAIN and act.also_asks:     # 优惠具体是啥 能少交多少: the question the list can answer
        act.asks, act.also_asks = act.also_asks[0], act.also_asks[1:]
        (amounts if act.asks == q.AMOUNT else about_list)(turn, act)
        return
    ask_which(turn, (listed or items)[:3])


def amounts(turn, act) -> None:
    """能贷多少 / 想代款买几头牛 能代多少 with no one measure meant: what the texts state of
    amounts, for the money measures of the need asked about (the list on screen first)."""
    named = list(act.facts.get("needs") or act.topics.get("needs") or [])
    listed, items = turn.listed_items(), turn.current()[1]
    on_screen = [m for m in listed if showing.of_need(turn, m, named)] if named else \
        [m for m in listed if followup.gives_money(m)] or listed   # 能贷多少 after the first screen: its money
    if named and len(on_screen) < 2:      # 能代多少 beside the first screen's one loan: the person's loans
        on_screen = []
    chosen = (on_screen or [m for m in items if showing.of_need(turn, m, named or ["financing"])])[:AMOUNTS_SHOWN]
    if not chosen:
        turn.say(followup.general("ask_amount"))
        return
    what = "、".join(lists.category_label(turn.kb, n) for n in named) if named else texts.THESE_ITEMS
    numbers = [listed.index(m) + 1 for m in chosen] if on_screen else list(range(1, len(chosen) + 1))
    lines = [texts.AMOUNTS_HEAD.format(what=what)]
    lines += [followup.amounts([m], n) for n, m in zip(numbers, chosen)]
    tail = texts.AMOUNTS_TAIL_TAX if named == ["tax"] else texts.AMOUNTS_TAIL    # 税能免多少: relief, not a loan
    lines += [lists.offices(chosen, numbers=numbers), tail]
    if interest.also_asked(act):
        lines.append(texts.INTEREST_TAIL)       # 能贷多少 利息多少
    turn.say("\n".join(lines))
    if not on_screen:
        turn.show_list(chosen)


AMOUNTS_SHOWN = 4


def asks_amount_of_many(turn, act) -> bool:
    """An amount asked with no one measure meant, where a need is named or a list is on screen."""
    named = act.facts.get("needs") or act.topics.get("needs")
    if act.asks != q.AMOUNT or act.refs.positions or act.refs.demonstrative and not named or not turn.has_profile():
        return False           # 那个贷款能贷多少 names its need: the loans, though 那个 points
    if turn.before.get("focused") and not named:
        return False           # 能贷多少 right after one measure's answer: about that measure
    return True      # a measure meant (第2项, 贴息那个) was answered by the row before


def ask_which(turn, ms: list[Shown]) -> None:
    """"您是说哪一项？": the candidates numbered 1.. (the list the person now sees)."""
    turn.replies.append(answers.which_one(ms))
    if [m.id for m in ms] != (turn.slots.get("listed") or [])[:len(ms)]:
        turn.show_list(ms)


def membership(turn, act, groups: list, items: list[Shown]) -> None:
    """我算高层次人才吗: the documents do not define who counts; the office that decides."""
    values = turn.kb.facts["groups"].values
    theirs = [m for m in items if any(g in (turn.kb.measure(m.id).conditions.get("groups") or ()) for g in groups)]
    whom = "、".join(dict.fromkeys(o for m in theirs[:3] for o in lists.lead_names(m))) or texts.ASK_LOCAL_OFFICE
    label = "、".join(values[g].short_label() for g in groups if g in values)
    turn.say(texts.MEMBERSHIP.format(group=label, whom=whom))


def eligibility_of_list(turn, act, shown: list[Shown]) -> None:
    """我符合吗 / 有年龄限制吗 about the list: a short list item by item; a longer one, how
    it was chosen and what the texts say of age."""
    asked_age, asked_residence = answers.AGE.search(act.text), q.RESIDENCE.search(act.text)
    named = act.facts.get("needs") or act.topics.get("needs")
    if named:          # 她能少交点税不: the list's measures for that need
        shown = [m for m in shown if showing.of_need(turn, m, named)] or shown
    if shown and not (asked_age or asked_residence):
        for n, m in enumerate(shown[:3], 1):
            turn.replies.append(answers.eligibility(turn.engine, turn.profile(), m, n, False))
        if len(shown) > 3:
            turn.say(texts.ASK_WHICH_CONDITIONS)
        return
    lines = [texts.LIST_CHOSEN_FOR.format(who=profile_words(turn))]
    if asked_age:
        aged = [m for m in shown if followup.sentences(m.quote, answers.AGE_IN_TEXT)]
        lines.append(texts.AGE_SOME.format(titles="、".join(m.title for m in aged)) if aged else texts.NO_AGE_LIMIT_ALL)
    if asked_residence:
        registered = [m for m in shown if followup.sentences(m.quote, answers.RESIDENCE_IN_TEXT)]
        lines.append(texts.RESIDENCE_SOME.format(titles="、".join(m.title for m in registered)) if registered
                     else texts.NO_RESIDENCE_ALL)
    lines.append(texts.ASK_WHICH_CONDITIONS)
    turn.say("\n".join(lines))


def profile_words(turn) -> str:
    """What the person said of themselves, in a line (地区：南宁市；身份：退役军人)."""
    from ..replies.render import profile_line
    result, _ = turn.current()
    return profile_line(turn.kb, result, turn.facts()) if result else ""


# 我老婆也是韩国人 她可以一起办吗: a spouse or child asked about, and the texts' words for them
_FAMILY = ((re.compile(r"老婆|媳妇|妻子|爱人|太太|老公|丈夫|先生|配偶|家属|\b(?:wife|husband|spouse)\b", re.I),
            re.compile(r"配偶|家属|随迁|随调"), "配偶"),
           (re.compile(r"孩子|儿子|女儿|闺女|子女|小孩|娃|\b(?:kids?|children|son|daughter)\b", re.I),
            re.compile(r"子女|随迁"), "子女"))


def asks_about_family(turn, act) -> bool:
    """我太太想工作 可以吗: a question about a spouse or a child that the measures in view speak of."""
    return act.is_question and bool(_family_said(turn))


def _family_said(turn) -> list:
    focus = turn.measure(turn.slots["focus"]) if turn.slots.get("focus") else None
    pool = list({m.id: m for m in ([focus] if focus else []) + turn.listed_items()}.values())
    for asked, in_text, who in _FAMILY:
        if asked.search(turn.simple):
            said = [(m, followup.sentences(m.quote, in_text)) for m in pool]
            return [(m, found, who) for m, found in said if found][:2]
    return []


def family(turn, act) -> None:
    """What the measures just answered or listed say of the spouse or children asked about."""
    said = _family_said(turn)
    for m, found, who in said:
        turn.say(texts.FAMILY_QUOTED.format(name=answers.name(m, None), who=who, quote="”“".join(found),
                                            whom=followup.lead_whom(m)))
    turn.focus_on(said[0][0])


def other_question(turn, act) -> None:
    """A question of no known kind (出来创业编制还能保留吗): the measure whose text speaks
    of it, quoted, or a plain "the documents do not say" and whom to ask."""
    result, items = turn.current()
    found = by_words(act.refs.words, items, items, min_cover=0.6) if items else []
    if not found and items:
        found = by_text(act.refs.words + "".join(act.everyday), items)     # 俺家承包地能抵押不: the words of a measure's text
    needs = act.topics.get("needs") or act.facts.get("needs")
    if not found and needs and not any(m.category == needs[0] for m in items):
        found = [m for m in items if showing.of_need(turn, m, needs[:1])]     # 户口…能落过来吗: a title naming 落户
    if found and len(found) <= 2:
        for m in found:
            turn.say(texts.RELATED.format(name=answers.name(m, None), quote=m.quote, whom=followup.lead_whom(m)))
        turn.focus_on(found[0])
        turn.refer(found)
        return
    pledge = q.PLEDGE_ASKED.search(turn.simple)       # 贷款要抵押不: not stated, not the loans again
    if needs and not pledge and any(m.category == needs[0] for m in items):
        if q.PARTICULAR.search(turn.simple):   # 营业执照要多久能办下来: no text gives the time
            leads = Counter(o for m in items if m.category == needs[0] and not m.no_responsible_unit for o in m.lead)
            whom = "、".join(o for o, _ in leads.most_common(2))     # the offices most of them name
            turn.say(texts.NEED_PARTICULAR_NOT_STATED.format(question=turn.simple.strip("？?。 ")[:20],
                                                             whom=whom or texts.ASK_LOCAL_OFFICE))
        showing.category(turn, needs[0])      # 注册公司 how long 麻烦吗: what the texts hold on it
        return
    # offices only: "文件未指定责任部门" is no one to ask
    whom = "、".join(dict.fromkeys(o for m in (turn.listed_items() or items)[:3] if not m.no_responsible_unit for o in m.lead))
    asked = turn.simple.strip("？?。 ")[:20]
    turn.say(texts.NOT_IN_TEXTS.format(question=asked, whom=whom or texts.ASK_LOCAL_OFFICE))
