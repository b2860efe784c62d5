"""The dialogue policy: slots + the latest message -> replies + slot changes.

Every message is read as an act (bot/reading): the facts it states, what it corrects or
denies, what it asks, which measure it points at. The facts it states are taken first
(bot/dialogue/update.py); then the first row of ACTS whose condition holds answers.
One row answers each message, so every message gets exactly one reply.
"""
from __future__ import annotations

import re

from .. import reading, texts
from ..reading import needs_said, others, questions as q
from ..reading.clauses import BUSINESS
from ..script import read_script
from . import (answering, asking, banks_asked, clarify, document_asked, interest, membership, offices_asked, showing,
               social, someone_else)
from .turn import MAX_TEXT, Incoming, Outcome, Turn
from .update import update
from ..replies.render import Reply

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_MARKUP = re.compile(r"<[^>]{0,20}>|[{}\[\]]|https?://")
_OTHER_LETTER = re.compile(r"[^\W\d_\u3400-\u9fffA-Za-z\uf900-\ufaff]")   # Korean, Cyrillic …
_THUMBS = {"👍": "feedback_up", "👎": "feedback_down"}


# ---- conditions -----------------------------------------------------------------------------
def restarts(t, a=None):
    said = (t.simple or t.msg.text or "").strip().lower()
    return t.msg.intent in ("start_over", "restart") or bool(q.REQUEST_PATTERNS[0][1].search(said)) \
        or said in ("/restart", "/start_over")


def in_distress(t, a=None):
    return not t.msg.is_payload and bool(q.DISTRESS.search(t.simple or ""))


def too_long(t, a=None):
    return t.msg.truncated or len(t.msg.text) > MAX_TEXT


def awaits_note(t, a):
    return social.is_missing_note(t, a)


def gives_feedback(t, a):
    return a.social in ("feedback_up", "feedback_down")


def wants_summary(t, a):
    return a.request == q.SUMMARY and not a.states_something and a.asks != q.ORIGINAL    # 原文发我一下: the text


def asks_about_measure(t, a):
    return not a.local_docs and answering.points_at_measure(t, a)


def asks_for_topic(t, a):
    return a.asks == q.MEASURES and bool(a.topics or a.local_docs or (a.place.topic is not None and t.before.get(t.place)))


def asks_for_the_list(t, a):
    return a.asks == q.MEASURES and not (a.topics or a.states_something or a.refs.words) and t.has_profile() \
        and t.before.get(t.place) is not None


def chooses_category(t, a):
    return set(a.facts) == {"needs"} and not a.negated and t.has_profile() and t.before.get(t.place) is not None


def asks_about_list(t, a):
    """找谁 / 我符合吗 with no measure named, about what the person sees; not when they are
    saying who and where they are (俺是退伍的 延吉的 咋整: the measures come first)."""
    return a.asks in answering.ABOUT_A_MEASURE and (bool(t.before.get("listed")) or t.has_profile() and not t.changed)


def wants_more(t, a):
    return a.request == q.MORE


def wants_all(t, a):
    return a.request == q.ALL and (t.has_profile() or bool(t.before.get("listed")))    # 都有啥 first: the opening


def leaves_a_word_unsettled(t, a):
    t.clarification = clarify.ask(t.kb, a, t.slots)
    return t.clarification is not None


def ask_to_settle(t, a):
    """An ambiguous word (毕业, 当兵): asked, never guessed. Beside a question for measures
    (今年刚毕业 在深圳 税费能减免不) the measures come first and the question under them."""
    t.set(pending=t.clarification.pending)
    if a.asks == q.MEASURES and t.has_profile():
        t.set(question=None, missed=0)
        showing.results(t)
        if t.current()[1]:
            asking.join_under(t, t.clarification.reply)
            return
    reply = t.clarification.reply
    if t.changed and t.before.get("pending") == t.clarification.pending:   # 不对 我在吉林市: heard, and the question again
        noted = texts.NOTED.format(what=social.describe(t, t.changed))
        reply = Reply(noted + "\n" + reply.text, reply.buttons)
    t.replies.append(reply)


def changed_profile(t, a):
    return bool(t.changed)


def declines(t, a):
    return a.request in (q.SKIP, q.NONE) and bool(t.question or t.has_profile())


def describes_business(t, a):
    return not (a.states_something or a.is_question or a.asks or a.request or a.social) \
        and bool(BUSINESS.search(t.simple))


def opens_without_facts(t, a):
    return not t.has_profile() and not a.states_something and (a.asks is not None or a.request in (q.HELP, q.ALL))


def social_move(name):
    return lambda t, a: a.social == name


def helps(t, a):
    return a.request == q.HELP or t.msg.intent == "help" and not a.states_something


def mostly_foreign(t) -> bool:
    other = len(_OTHER_LETTER.findall(t.simple)) + len(_LATIN.findall(t.simple))
    return other >= 3 and other > 2 * len(_CJK.findall(t.simple)) and not _MARKUP.search(t.simple)


def foreign(t, a):
    return mostly_foreign(t) and not a.states_something


def no_words(t, a):
    return not t.msg.is_payload and (not _CJK.search(t.simple) and not _LATIN.search(t.simple)
                                     or bool(_MARKUP.search(t.simple)) and not a.states_something)


def vague_place(t, a):
    return bool(a.place.vague) and (not t.has_profile() or len(t.simple) <= 8)


def acknowledges(t, a):
    return a.acknowledges


def finds_it_wordy(t, a):
    return bool(q.TOO_WORDY.search(t.simple)) and not (a.states_something or a.asks)


def of_another(t, a):
    return a.of_another


def corrects_nothing(t, a):
    return a.corrects and not a.states_something


def restates(t, a):
    return a.states_something


def asks_other(t, a):
    return a.is_question and len(a.refs.words) >= 3


def out_of_scope(t, a):
    return (t.msg.intent == "out_of_scope" or social.COMPLAINT.search(t.simple)) \
        and not (a.topics or a.refs.positions or a.asks not in (None, q.MEASURES))


def anything(t, a):
    return True


# ---- handlers that need the act's details ------------------------------------------------------
def category(t, a):
    """The category of the need asked about (想盖个厂房 钱不够 能贷款不: 贷款), else the first said;
    of those, the first the person's measures hold."""
    needs = a.facts["needs"]
    held = {m.category for m in t.current()[1]}
    ordered = [n for n in needs if n in a.needs_in_question] + needs       # the one asked about first
    need = next((n for n in ordered if n in held), ordered[0])     # 落户和孩子入学: the one the texts hold
    showing.category(t, need, a.words.get(need))


def show_all(t, a):
    showing.page(t, "all", 0)


def decline(t, a):
    if t.question:
        asking.skip(t, t.question)
        asking.advance(t)
    else:
        t.say(texts.DONE)


# ---- the tables --------------------------------------------------------------------------------
GUARDS = (                                  # before the message is read
    (restarts,            social.restart),
    (in_distress,         social.distress),           # 我想死: care first
    (too_long,            social.too_long),
)
ACTS = (                                    # after the facts it states are taken
    (awaits_note,         social.note_missing),       # the optional "what was missing" after a 👎
    (gives_feedback,      social.feedback),
    (wants_summary,       social.make_summary),
    (vague_place,         asking.vague_place),        # 东北那边呢
    (membership.asks,     membership.answer),         # 我是研究生 也算大学生吗 / 军人配偶这个 男的也算吗
    (offices_asked.asks,  offices_asked.answer),      # 妇联管不管这 / 残联负责吗
    (document_asked.asks, document_asked.answer),     # 这个广西的计划是2021到2023的吧 现在还能用不
    (interest.asks_of_the_loans, interest.answer),    # 利息谁出: what the texts say of interest
    (someone_else.asks,   someone_else.answer),       # 我战友在昌吉 他也能用乌鲁木齐这个吗
    (asks_about_measure,  answering.about_measure),   # 第2项能贷多少 / 贴息那个找谁 / 桂惠贷呢
    (asks_for_topic,      showing.topic),             # 有没有给女的 / 那妇女创业有啥政策
    (asks_for_the_list,   showing.overview),          # 有啥政策 (after the list)
    (interest.asks,       interest.answer),           # 贴息贴几年 with no measure named
    (banks_asked.asks,    banks_asked.answer),        # 找哪个银行啊: no bank named; the texts that speak of banks
    (answering.asks_amount_of_many, answering.amounts),  # 能贷多少 after a list / 想代款买牛 能代多少
    (chooses_category,    category),                  # 贷款 (after the results, or its button)
    (asks_about_list,     answering.about_list),      # 找谁 / 我符合吗 with no measure named
    (wants_more,          showing.more),
    (wants_all,           show_all),
    (leaves_a_word_unsettled, ask_to_settle),         # 我毕业了 -> 您是高校（大专及以上）毕业吗？
    (changed_profile,     asking.advance),            # the next question, or the measures
    (corrects_nothing,    social.what_is_wrong),      # 不对 说错了
    (restates,            social.noted),              # what the bot knew already (or a denial)
    (declines,            decline),                   # 跳过 / 都不是
    (opens_without_facts, social.start),              # 我想了解创业扶持政策
    (social_move("greet"), social.greet),
    (social_move("thanks"), social.thanks),
    (social_move("goodbye"), social.goodbye),
    (social_move("bot_challenge"), social.bot_challenge),
    (helps,               social.help_),
    (finds_it_wordy,      social.shorter),            # 你说话太长了 简单点
    (acknowledges,        social.acknowledge),        # 好的 / 明白了 / 俺明天去县里问问
    (out_of_scope,        social.out_of_scope),       # 今天天气怎么样
    (answering.asks_about_family, answering.family),  # 我太太想工作 可以吗: what the texts say of spouses
    (asks_other,          answering.other_question),  # 编制还能保留吗: what the texts say, or that they do not
    (describes_business,  social.business),           # 想开个网店
    (of_another,          social.of_another),         # 我老公还在服役呢
    (foreign,             social.other_language),
    (no_words,            social.odd_input),
    (anything,            social.not_understood),
)
# Rows that keep (or ask) the open question; every other row answers something else,
# and the open question (the place excepted) is then not asked again.
KEEP_QUESTION = {asking.advance, ask_to_settle, social.acknowledge, social.of_another, social.shorter, social.noted, social.what_is_wrong, decline, social.greet, social.help_,
                 social.other_language, social.odd_input, asking.vague_place, social.not_understood,
                 social.start, social.too_long, social.note_missing, social.feedback, social.bot_challenge,
                 social.out_of_scope, social.thanks, social.business, showing.overview}


# Rows that answer a question about measures already shown
_ANSWERS = (answering.about_measure, answering.about_list, answering.other_question, answering.amounts, interest.answer,
            banks_asked.answer, document_asked.answer)


def respond(engine, slots: dict, message: Incoming) -> Outcome:
    turn = Turn(engine, slots, message)
    turn.simple = _prepare(turn)
    for when, then in GUARDS:
        if when(turn):
            then(turn)
            return turn.outcome()
    kb = turn.kb
    act = reading.read(kb, _with_whom_told_of(turn), message.entities, message.intent, turn.question,
                       message.is_payload, turn.slots.get("asked_for"), turn.has_profile())
    if act.needs_on_introducing and turn.before.get(turn.place):
        needs_said.only_asked(act)             # not an introduction: the place was known before
    if act.on_behalf:
        turn.set(asked_for=act.asked_for)      # 帮我姐问的: 我姐 / 她 later are her too
    told = others.told_of(kb, act.clauses)
    if told and told != turn.slots.get("told_of"):
        turn.set(told_of=told)
    if not message.is_payload and turn.simple.replace(" ", "").strip("\ufe0f") in _THUMBS:
        act.social = _THUMBS[turn.simple.strip()[0]]
    turn.act = act
    _notice_misread(turn, act)
    if clarify.is_pending(turn.slots.get("pending")):   # the answer to "您是高校（大专及以上）毕业吗？"
        answered = clarify.answer(kb, turn.slots["pending"], message.intent, turn.simple, act)
        if not answered and (clarify.corrects_place(turn.simple, act)
                             or act.corrects and (act.place.place or act.place.denied)):   # 不对 我在吉林市不是长春
            clarify.still_open(kb, turn.slots["pending"], act)
        turn.set(pending=None)
    turn.changed = update(turn, act)
    for when, then in ACTS:
        if when(turn, act):
            if then not in KEEP_QUESTION:
                asking.pass_over(turn)
            then(turn, act)
            if then in _ANSWERS and turn.changed:
                showing.also_for(turn)       # 俺是女的 这算就业困难不: the women's measures too
            break
    if act.states_something and mostly_foreign(turn):   # "I am a veteran in Nanning": taken, in Chinese
        turn.replies.insert(0, Reply(texts.ENGLISH_UNDERSTOOD))
    return turn.outcome()


def _with_whom_told_of(turn) -> str:
    """她能申请啥 after 我媳妇也想干 她没残疾: read with what was told of her."""
    told = turn.slots.get("told_of")
    if told and not turn.msg.is_payload and not turn.slots.get("asked_for") and others.only_pronoun(turn.kb, turn.simple):
        return told + " " + turn.simple
    return turn.simple


def _notice_misread(turn, act) -> None:
    """A correction, a rephrasing or the same message again: the last answer was possibly misread."""
    if turn.msg.is_payload:
        return
    previous = turn.before.get("last_text")
    same = previous and _plain(previous) == _plain(turn.msg.text) and len(_plain(previous)) > 1
    if previous and (same or q.REPHRASE.search(turn.simple)):
        turn.mark(misread={"message": previous, "then": turn.msg.text[:500]})
    turn.set(last_text=(turn.msg.text or "")[:500])


def _plain(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text or "").lower()


def _prepare(turn) -> str:
    msg = turn.msg
    if msg.is_payload:
        return ""
    # NLU converted the text already; without NLU (the core's own callers) convert once here
    converted, script = (msg.text, msg.script) if msg.script else read_script(msg.text or "")
    if script in ("traditional", "simplified"):
        turn.set(script=script)
    return (converted or "").strip()
