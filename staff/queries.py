"""Every question the console asks the tracker store, in SQLAlchemy Core.

Counting, grouping and medians run in the database (SQLite or PostgreSQL, the
same statements); Python only names ids and merges the bounded results. Each
function takes a connection and a Period and returns plain rows.

The event contract (slots set by action_respond, listed in bot/dialogue/turn.py):
region, groups, needs, question, missed, shown, focus, referred, feedback,
summary, misread. A store written before some of them existed simply lacks
them: the queries then return zeros and empty lists, never an error.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata

import sqlalchemy as sa

from bot.dialogue import ConsoleSlot as S

from .db import day_of, elements, events, jnum, jtext, reviewed
from .sql import (EMPTY_LIST, FALLBACK_INTENTS, E, Period, dialect, flag, in_period, nonempty, slot_in,
                  slot_value, user_in)

# ------------------------------------------------------------------ overview
def daily(conn, p: Period) -> list[tuple]:
    """(day number, conversations, user messages) per day with any message."""
    day = day_of(E.timestamp).label("day")
    stmt = (sa.select(day, sa.func.count(sa.distinct(E.sender_id)), sa.func.count())
            .where(user_in(p)).group_by(day).order_by(day))
    return [tuple(r) for r in conn.execute(stmt)]


FUNNEL = ("first_message", "profile", "shown", "details", "referred")


def per_conversation(p: Period):
    """One row per conversation with a message in the period: its stages, its
    turns, the seconds to the first listing, and whether it ended in confusion.
    One pass over the period's user messages and the slots read here."""
    value = slot_value()
    is_user = E.type_name == "user"
    slot = E.type_name == "slot"
    listed = sa.and_(slot, E.action_name == S.SHOWN, nonempty(value))
    missed = sa.and_(slot, E.action_name == S.MISSED)
    last = lambda cond: sa.func.max(sa.case((cond, E.id)))  # noqa: E731
    return (sa.select(
        E.sender_id,
        sa.func.sum(sa.case((is_user, 1), else_=0)).label("turns"),
        flag(sa.and_(slot, E.action_name == S.REGION, value.isnot(None))).label("region"),
        flag(sa.and_(slot, E.action_name == S.GROUPS, value.isnot(None))).label("groups"),
        flag(listed).label("shown"),
        flag(sa.and_(slot, E.action_name == S.FOCUS, value.isnot(None))).label("details"),
        flag(sa.and_(slot, sa.or_(sa.and_(E.action_name == S.REFERRED, nonempty(value)),
                                   sa.and_(E.action_name == S.SUMMARY, value.isnot(None))))).label("referred"),
        (sa.func.min(sa.case((listed, E.timestamp))) - sa.func.min(sa.case((is_user, E.timestamp))))
        .label("to_answer"),
        # the last message was not understood, or the last `missed` was above 0: the
        # latest such event is the latest event of its kind
        last(is_user).label("last_user"),
        last(sa.and_(is_user, E.intent_name.in_(FALLBACK_INTENTS))).label("last_not_understood"),
        last(missed).label("last_missed"),
        last(sa.and_(missed, jnum(E.data, "value") > 0)).label("last_missed_above_0"))
        .where(in_period(p), sa.or_(is_user, sa.and_(
            slot, E.action_name.in_((S.REGION, S.GROUPS, S.SHOWN, S.FOCUS, S.REFERRED, S.SUMMARY, S.MISSED)))))
        .group_by(E.sender_id)
        .having(sa.func.sum(sa.case((is_user, 1), else_=0)) > 0))


def _median_of(column):
    """Median of a column of a subquery or CTE, as a scalar subquery built from
    window functions (SQLite has no percentile function)."""
    ranked = (sa.select(column.label("v"), sa.func.row_number().over(order_by=column).label("rn"),
                        sa.func.count().over().label("n")).where(column.isnot(None)).subquery())
    r = ranked.c
    return (sa.select(sa.func.avg(r.v)).where(sa.or_(r.rn == (r.n + 1) / 2, r.rn == (r.n + 2) / 2))
            .scalar_subquery())


def conversation_figures(conn, p: Period) -> dict:
    """The funnel and the medians in one statement: one pass over the period's
    events (the per-conversation rows are a CTE, computed once).

    Funnel stages, in order: a first message; region and groups known (the
    profile the answer needs); measures listed; one measure's details opened;
    agencies named or a summary produced. Each stage counts the conversations
    that also passed the ones before."""
    conv = per_conversation(p).cte("conv")
    c = conv.c
    profile = c.region * c.groups
    confused = sa.or_(c.last_user == c.last_not_understood, c.last_missed == c.last_missed_above_0)
    stmt = sa.select(sa.func.count(), sa.func.sum(profile), sa.func.sum(profile * c.shown),
                     sa.func.sum(profile * c.shown * c.details),
                     sa.func.sum(profile * c.shown * c.details * c.referred),
                     _median_of(c.turns), _median_of(c.to_answer),
                     sa.func.sum(sa.case((confused, 1), else_=0))).select_from(conv)
    row = conn.execute(stmt).one()
    out = dict(funnel=dict(zip(FUNNEL, (int(v or 0) for v in row[:5]))))
    out["median_turns"] = float(row[5]) if row[5] is not None else None
    out["median_seconds_to_answer"] = float(row[6]) if row[6] is not None else None
    out["confused"] = int(row[7] or 0)
    return out


# ------------------------------------------------------------------ misunderstood
_NOISE = re.compile(r"[\s\W_]{1,1000}", re.UNICODE)   # bounded, like every pattern on user text


def text_key(text: str | None) -> str:
    """Messages that differ only in spacing, punctuation, emoji, width or case
    are one group ("怎么申请？" / "怎么申请")."""
    plain = unicodedata.normalize("NFKC", text or "")
    return (_NOISE.sub("", plain).casefold() or plain.strip())[:512]


def misunderstood_texts(conn, p: Period, limit: int = 500) -> list[tuple]:
    """(text, intent, messages, conversations, last timestamp) per distinct text, most frequent first."""
    text = jtext(E.data, "text").label("text")
    stmt = (sa.select(text, E.intent_name, sa.func.count().label("n"),
                      sa.func.count(sa.distinct(E.sender_id)), sa.func.max(E.timestamp))
            .where(user_in(p), E.intent_name.in_(FALLBACK_INTENTS))
            .group_by(text, E.intent_name).order_by(sa.desc("n"), text).limit(limit))
    return [tuple(r) for r in conn.execute(stmt)]


def misunderstood_groups(conn, p: Period, limit: int = 500) -> list[dict]:
    """The distinct texts merged by text_key, with the reviewed mark."""
    groups: dict[str, dict] = {}
    for text, intent, n, convs, last in misunderstood_texts(conn, p, limit):
        g = groups.setdefault(text_key(text), dict(key=text_key(text), texts=[], intents=set(),
                                                    messages=0, conversations=0, last=0.0))
        g["texts"].append(text)
        g["intents"].add(intent)
        g["messages"] += n
        g["conversations"] += convs
        g["last"] = max(g["last"], last or 0.0)
    done = reviewed_keys(conn, list(groups))
    out = sorted(groups.values(), key=lambda g: (-g["messages"], g["key"]))
    for g in out:
        g["reviewed"] = g["key"] in done
        g["intents"] = sorted(g["intents"])
    return out


def possibly_misread(conn, p: Period, limit: int = 500) -> list[tuple]:
    """(timestamp, sender, the message answered, what the person said then), newest first:
    turns after which the person corrected, repeated or rephrased (the dialogue's `misread`
    slot), so that confidently wrong answers are found as well as fallbacks."""
    message, then = jtext(E.data, "value", "message"), jtext(E.data, "value", "then")
    stmt = (sa.select(E.timestamp, E.sender_id, message, then)
            .where(slot_in(S.MISREAD, p), message.isnot(None))
            .order_by(E.timestamp.desc()).limit(limit))
    return [tuple(r) for r in conn.execute(stmt)]


def reviewed_keys(conn, keys: list[str]) -> set[str]:
    if not keys or not sa.inspect(conn).has_table(reviewed.name):
        return set()
    found = set()
    for i in range(0, len(keys), 500):
        found |= {r[0] for r in conn.execute(sa.select(reviewed.c.text_key)
                                              .where(reviewed.c.text_key.in_(keys[i:i + 500])))}
    return found


def mark_reviewed(conn, keys: list[str], undo: bool = False) -> None:
    reviewed.create(conn, checkfirst=True)
    keys = sorted({k for k in keys if k})
    if not keys:
        return
    conn.execute(reviewed.delete().where(reviewed.c.text_key.in_(keys)))
    if not undo:
        conn.execute(reviewed.insert(), [dict(text_key=k, reviewed_at=time.time()) for k in keys])


def misunderstood_instances(conn, p: Period, texts: list[str], per_text: int = 3) -> list[dict]:
    """The latest messages with these texts, each with the slots as they were
    when it arrived (the bot's state at that moment)."""
    if not texts:
        return []
    text = jtext(E.data, "text")
    rn = sa.func.row_number().over(partition_by=text, order_by=E.id.desc()).label("rn")
    inner = (sa.select(E.id, E.sender_id, E.timestamp, E.intent_name, text.label("text"), rn)
             .where(user_in(p), E.intent_name.in_(FALLBACK_INTENTS), text.in_(texts)).subquery())
    rows = conn.execute(sa.select(inner).where(inner.c.rn <= per_text).order_by(inner.c.id.desc())).all()
    states = slots_before(conn, [(r.sender_id, r.id) for r in rows])
    return [dict(id=r.id, sender_id=r.sender_id, timestamp=r.timestamp, intent=r.intent_name,
                 text=r.text, slots=states[(r.sender_id, r.id)]) for r in rows]


def slots_before(conn, points: list[tuple[str, int]]) -> dict:
    """{(sender, event id): {slot: value}} — the slots set before each event, one query."""
    out = {pt: {} for pt in points}
    senders = sorted({s for s, _ in points})
    if not senders:
        return out
    stmt = (sa.select(E.sender_id, E.id, E.type_name, E.action_name, E.data)
            .where(E.sender_id.in_(senders), E.type_name.in_(("slot", "reset_slots", "restart")))
            .order_by(E.sender_id, E.id))
    history: dict[str, list] = {}
    for r in conn.execute(stmt):
        history.setdefault(r.sender_id, []).append(r)
    for sender, event_id in points:
        out[(sender, event_id)] = fold_slots(r for r in history.get(sender, ()) if r.id < event_id)
    return out


def fold_slots(rows) -> dict:
    """The slots after these events (rows with type_name, action_name, data), unset ones left out."""
    state: dict = {}
    for r in rows:
        if r.type_name in ("restart", "reset_slots"):
            state = {}
        elif r.type_name == "slot" and r.action_name:
            state[r.action_name] = json.loads(r.data or "{}").get("value")
    return {k: v for k, v in state.items() if v not in (None, [], "")}


# ------------------------------------------------------------------ coverage and demand
def _answered(p: Period):
    """Senders that got a listing of measures in the period."""
    return sa.select(E.sender_id).where(slot_in(S.SHOWN, p), nonempty(slot_value())).distinct()


def _got_nothing(p: Period):
    """Senders to whom the bot listed no measure (an empty `shown`)."""
    return sa.select(E.sender_id).where(slot_in(S.SHOWN, p), slot_value() == EMPTY_LIST).distinct()


def _count_per_value(pairs):
    """(value, conversations) from distinct (sender, value) pairs: a hash of the
    pairs, then a count, is much cheaper than COUNT(DISTINCT) per value (a sort)."""
    pairs = pairs.distinct().subquery()
    return sa.select(pairs.c.v, sa.func.count().label("n")).group_by(pairs.c.v)


def _slot_values_stmt(p: Period, slot: str, among=None):
    value = slot_value()
    pairs = sa.select(E.sender_id, value.label("v")).where(slot_in(slot, p), value.isnot(None))
    if among is not None:
        pairs = pairs.where(E.sender_id.in_(among))
    return _count_per_value(pairs)


def _list_values_stmt(dialect: str, p: Period, slot: str, among=None, path=("value",)):
    fn, value, cond = elements(dialect, E.data, *path)
    pairs = (sa.select(E.sender_id, value.label("v"))
             .select_from(events.join(fn, sa.true())).where(slot_in(slot, p), cond))
    if among is not None:
        pairs = pairs.where(E.sender_id.in_(among))
    return _count_per_value(pairs)


def _ranked(rows) -> list[tuple]:
    return sorted(((v, int(n)) for v, n in rows), key=lambda r: (-r[1], str(r[0])))


def slot_values(conn, p: Period, slot: str, among=None) -> list[tuple]:
    """(value, conversations) of a text slot, most frequent first."""
    return _ranked(conn.execute(_slot_values_stmt(p, slot, among)))


def list_slot_values(conn, p: Period, slot: str, among=None, path=("value",)) -> list[tuple]:
    """(element, conversations) of a list slot (groups, needs, shown,
    referred), counted in SQL over the JSON array's elements."""
    return _ranked(conn.execute(_list_values_stmt(dialect(conn), p, slot, among, path)))


def profiles_of(conn, p: Period, who, facts=(S.GROUPS, S.NEEDS, S.REGION)) -> dict:
    """How many conversations `who` (a select of sender ids) selects, and their
    groups, needs and regions, in one statement. `who` is repeated as a plain
    IN subquery in each part, not shared as a CTE: PostgreSQL cannot estimate a
    CTE's size and then joins it row by row (several times slower here)."""
    kind = lambda k: sa.literal(k).label("kind")  # noqa: E731
    chosen = who.subquery()
    parts = [sa.select(kind("count"), sa.cast(sa.null(), sa.Text).label("v"),
                       sa.func.count(sa.distinct(chosen.c.sender_id)).label("n"))]
    for fact in facts:
        st = (_slot_values_stmt(p, fact, who) if fact == S.REGION
              else _list_values_stmt(dialect(conn), p, fact, who)).subquery()
        parts.append(sa.select(kind(fact), st.c.v, st.c.n))
    out = {"count": 0, S.GROUPS: [], S.NEEDS: [], S.REGION: []}
    for k, v, n in conn.execute(sa.union_all(*parts)):
        if k == "count":
            out["count"] = int(n)
        else:
            out[k].append((v, n))
    return {k: (_ranked(v) if k != "count" else v) for k, v in out.items()}


def regions_asked(conn, p: Period) -> list[tuple]:
    return slot_values(conn, p, S.REGION)


def nothing_listed_profiles(conn, p: Period) -> dict:
    """Groups and needs named in conversations where the bot found no measure."""
    return profiles_of(conn, p, _got_nothing(p), facts=(S.GROUPS, S.NEEDS))


def unanswered_replies(conn, p: Period, facts=(S.GROUPS, S.NEEDS), limit: int = 300) -> list[tuple]:
    """(question, text, times): answers to the bot's question about a fact that
    it could not read (the `missed` slot went up after them)."""
    q, u = events.alias("q"), events.alias("u")
    question = (sa.select(jtext(q.c.data, "value")).where(
        q.c.sender_id == E.sender_id, q.c.type_name == "slot", q.c.action_name == S.QUESTION, q.c.id < E.id)
        .order_by(q.c.id.desc()).limit(1).scalar_subquery())
    reply = (sa.select(jtext(u.c.data, "text")).where(
        u.c.sender_id == E.sender_id, u.c.type_name == "user", u.c.id < E.id)
        .order_by(u.c.id.desc()).limit(1).scalar_subquery())
    misses = (sa.select(question.label("question"), reply.label("text"))
              .where(slot_in(S.MISSED, p), jnum(E.data, "value") > 0).subquery())
    stmt = (sa.select(misses.c.question, misses.c.text, sa.func.count().label("n"))
            .where(misses.c.question.in_(facts))
            .group_by(misses.c.question, misses.c.text).order_by(sa.desc("n"), misses.c.text).limit(limit))
    return [tuple(r) for r in conn.execute(stmt)]


def demand(conn, p: Period) -> dict:
    """Who reached an answer and what they were shown, opened and sent to."""
    answered = profiles_of(conn, p, _answered(p))
    return dict(
        answered=answered["count"], groups=answered[S.GROUPS], needs=answered[S.NEEDS],
        regions=answered[S.REGION],
        shown=list_slot_values(conn, p, S.SHOWN),
        opened=slot_values(conn, p, S.FOCUS),
        referred=list_slot_values(conn, p, S.REFERRED),
        summaries=conn.execute(sa.select(sa.func.count(sa.distinct(E.sender_id)))
                               .where(slot_in(S.SUMMARY, p), slot_value().isnot(None))).scalar(),
    )


# ------------------------------------------------------------------ feedback
def _rating_key(rating, wanted: str):
    """One rating = one person's 👍/👎 on one listing: the dialogue sets the slot
    again when the "what was missing?" answer comes, which is the same rating."""
    key = E.sender_id + "|" + sa.func.coalesce(jtext(E.data, "value", "measures"), "")
    return sa.func.count(sa.distinct(sa.case((rating == wanted, key), else_=None)))


def feedback_by_day(conn, p: Period) -> list[tuple]:
    """(day, 👍, 👎) per day."""
    rating = jtext(E.data, "value", "rating")
    day = day_of(E.timestamp).label("day")
    stmt = (sa.select(day, _rating_key(rating, "up"), _rating_key(rating, "down"))
            .where(slot_in(S.FEEDBACK, p), rating.isnot(None)).group_by(day).order_by(day))
    return [(d, int(u or 0), int(n or 0)) for d, u, n in conn.execute(stmt)]


def feedback_by_measure(conn, p: Period) -> list[tuple]:
    """(measure id, 👍, 👎) over the measures each rating was about."""
    fn, value, cond = elements(dialect(conn), E.data, "value", "measures")
    rating = jtext(E.data, "value", "rating")
    # per measure, the people who rated a listing holding it (a rating and its "missing" answer count once)
    up = sa.func.count(sa.distinct(sa.case((rating == "up", E.sender_id), else_=None))).label("up")
    down = sa.func.count(sa.distinct(sa.case((rating == "down", E.sender_id), else_=None))).label("down")
    stmt = (sa.select(value.label("measure"), up, down).select_from(events.join(fn, sa.true()))
            .where(slot_in(S.FEEDBACK, p), cond).group_by(value).order_by(sa.desc("down"), sa.desc("up"), value))
    return [(m, int(u or 0), int(d or 0)) for m, u, d in conn.execute(stmt)]


def feedback_missing(conn, p: Period, limit: int = 500) -> list[tuple]:
    """(timestamp, sender, rating, what was missing), newest first."""
    missing = jtext(E.data, "value", "missing")
    stmt = (sa.select(E.timestamp, E.sender_id, jtext(E.data, "value", "rating"), missing)
            .where(slot_in(S.FEEDBACK, p), missing.isnot(None), missing != "")
            .order_by(E.timestamp.desc()).limit(limit))
    return [tuple(r) for r in conn.execute(stmt)]


# ------------------------------------------------------------------ conversations
def conversations(conn, p: Period, sender_like: str | None = None, limit: int = 200) -> list[tuple]:
    """(sender, first message, last message, user messages), latest first."""
    stmt = (sa.select(E.sender_id, sa.func.min(E.timestamp), sa.func.max(E.timestamp).label("last"),
                      sa.func.count()).where(user_in(p)))
    if sender_like:
        stmt = stmt.where(E.sender_id.contains(sender_like, autoescape=True))
    stmt = stmt.group_by(E.sender_id).order_by(sa.desc("last")).limit(limit)
    return [tuple(r) for r in conn.execute(stmt)]


def conversation_events(conn, sender_id: str) -> list:
    stmt = (sa.select(E.id, E.type_name, E.timestamp, E.intent_name, E.action_name, E.data)
            .where(E.sender_id == sender_id).order_by(E.id))
    return conn.execute(stmt).all()
