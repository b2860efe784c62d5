"""Every question the console asks the tracker store, in SQLAlchemy Core.

Counting, grouping and medians run in the database (SQLite or PostgreSQL, the
same statements); Python only names ids and merges the bounded results. Each
function takes a connection and a Period and returns plain rows. The figures
over a period (overview, coverage, demand, the list of conversations) are
counted from the console's summary by day and conversation (summary.py),
brought up to date first; the messages themselves (misunderstood, feedback,
one conversation) are read from the events.

The event contract (slots set by action_respond, bot/dialogue):
region, groups, needs, question, missed … exist today; shown, focus, referred,
feedback and summary arrive with issue 15 — while they are absent the queries
return zeros and empty lists, never an error.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa

from bot.tracker_events import day_conversations, day_value_counts, day_values, not_understood, unread_answers

from . import summary
from .db import day_of, day_start, elements, events, jnum, jtext, reviewed

FALLBACK_INTENTS = ("nlu_fallback", "out_of_scope")
EMPTY_LIST = "[]"
E = events.c
C = day_conversations.c
V = day_values.c


@dataclass(frozen=True)
class Period:
    """[start, end) in seconds since the epoch."""
    start: float
    end: float

    @classmethod
    def days(cls, first_day: int, last_day: int) -> "Period":
        """Whole Beijing days, both included (day numbers as db.day_of counts them)."""
        return cls(day_start(first_day), day_start(last_day + 1))

    @classmethod
    def everything(cls) -> "Period":
        return cls(0.0, time.time() + 86400 * 3650)

    def day_range(self) -> tuple[int, int]:
        """The Beijing days of the period, first and last (whole days: the summary's unit)."""
        return summary.day_number(self.start), summary.day_number(self.end - 1e-6)


def _days(p: Period, column):
    first, last = p.day_range()
    return sa.and_(column >= first, column <= last)


def _summarized(conn) -> None:
    summary.refresh(conn)


def _in(p: Period):
    return sa.and_(E.timestamp >= p.start, E.timestamp < p.end)


def _user(p: Period):
    return sa.and_(E.type_name == "user", _in(p))


def _slot(name: str, p: Period):
    return sa.and_(E.action_name == name, E.type_name == "slot", _in(p))


def _value():
    return jtext(E.data, "value")


def _nonempty(value):
    return sa.and_(value.isnot(None), value != EMPTY_LIST)


def _dialect(conn) -> str:
    return conn.dialect.name


def _flag(cond):
    return sa.func.max(sa.case((cond, 1), else_=0))


# ------------------------------------------------------------------ overview
def daily(conn, p: Period) -> list[tuple]:
    """(day number, conversations, user messages) per day with any message."""
    _summarized(conn)
    stmt = (sa.select(C.day, sa.func.count(), sa.func.sum(C.user_messages))
            .where(_days(p, C.day), C.user_messages > 0).group_by(C.day).order_by(C.day))
    return [(d, int(c), int(m)) for d, c, m in conn.execute(stmt)]


FUNNEL = ("first_message", "profile", "shown", "details", "referred")


def per_conversation(p: Period):
    """One row per conversation with a message in the period: its stages, its
    turns, the seconds to the first listing, and whether it ended in confusion
    (the latest ids of its days in the period). A conversation of a single day
    is its day's row; the others combine their days'."""
    one_day = (sa.select(
        C.sender_id, C.user_messages.label("turns"), C.region, C.groups, C.listed.label("shown"), C.details,
        C.referred, (C.first_listed_ts - C.first_user_ts).label("to_answer"), C.last_user_id.label("last_user"),
        C.last_not_understood_id.label("last_not_understood"), C.last_missed_id.label("last_missed"),
        C.last_missed_above_0_id.label("last_missed_above_0"))
        .where(_days(p, C.day), C.single_day == 1, C.user_messages > 0))
    days = (sa.select(
        C.sender_id,
        sa.func.sum(C.user_messages).label("turns"),
        sa.func.max(C.region).label("region"), sa.func.max(C.groups).label("groups"),
        sa.func.max(C.listed).label("shown"), sa.func.max(C.details).label("details"),
        sa.func.max(C.referred).label("referred"),
        (sa.func.min(C.first_listed_ts) - sa.func.min(C.first_user_ts)).label("to_answer"),
        sa.func.max(C.last_user_id).label("last_user"),
        sa.func.max(C.last_not_understood_id).label("last_not_understood"),
        sa.func.max(C.last_missed_id).label("last_missed"),
        sa.func.max(C.last_missed_above_0_id).label("last_missed_above_0"))
        .where(_days(p, C.day), C.single_day == 0).group_by(C.sender_id).having(sa.func.sum(C.user_messages) > 0))
    return sa.union_all(one_day, days)


def _median_of(column, dialect: str):
    """Median of a column of a subquery or CTE, as a scalar subquery: PostgreSQL's
    percentile_cont, or (SQLite has no percentile function) from window functions."""
    if dialect == "postgresql":
        return sa.select(sa.func.percentile_cont(0.5).within_group(column)).scalar_subquery()
    ranked = (sa.select(column.label("v"), sa.func.row_number().over(order_by=column).label("rn"),
                        sa.func.count().over().label("n")).where(column.isnot(None)).subquery())
    r = ranked.c
    return (sa.select(sa.func.avg(r.v)).where(sa.or_(r.rn == (r.n + 1) / 2, r.rn == (r.n + 2) / 2))
            .scalar_subquery())


def conversation_figures(conn, p: Period) -> dict:
    """The funnel and the medians in one statement: one pass over the period's
    days (the per-conversation rows are a CTE, computed once).

    Funnel stages, in order: a first message; region and groups known (the
    profile the answer needs); measures listed; one measure's details opened;
    agencies named or a summary produced. Each stage counts the conversations
    that also passed the ones before."""
    _summarized(conn)
    conv = per_conversation(p).cte("conv")
    c = conv.c
    profile = c.region * c.groups
    confused = sa.or_(c.last_user == c.last_not_understood, c.last_missed == c.last_missed_above_0)
    stmt = sa.select(sa.func.count(), sa.func.sum(profile), sa.func.sum(profile * c.shown),
                     sa.func.sum(profile * c.shown * c.details),
                     sa.func.sum(profile * c.shown * c.details * c.referred),
                     _median_of(c.turns, _dialect(conn)), _median_of(c.to_answer, _dialect(conn)),
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
    _summarized(conn)
    M = not_understood.c
    n = sa.func.sum(M.n).label("n")
    stmt = (sa.select(M.text, M.intent, n, sa.func.count(sa.distinct(M.sender_id)), sa.func.max(M.last_ts))
            .where(_days(p, M.day)).group_by(M.text, M.intent).order_by(sa.desc("n"), M.text).limit(limit))
    return [(t, i, int(k), int(c), last) for t, i, k, c, last in conn.execute(stmt)]


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
    _summarized(conn)
    # the latest messages of a text are among the conversation-days with the latest such message
    M = not_understood.c
    latest = sa.func.row_number().over(partition_by=M.text, order_by=M.last_id.desc()).label("rn")
    days = sa.select(M.sender_id, latest).where(_days(p, M.day), M.text.in_(texts)).subquery()
    senders = sa.select(days.c.sender_id).where(days.c.rn <= per_text)
    text = jtext(E.data, "text")
    rn = sa.func.row_number().over(partition_by=text, order_by=E.id.desc()).label("rn")
    inner = (sa.select(E.id, E.sender_id, E.timestamp, E.intent_name, text.label("text"), rn)
             .where(_user(p), E.intent_name.in_(FALLBACK_INTENTS), E.sender_id.in_(senders), text.in_(texts))
             .subquery())
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
def _count_conversations(p: Period, flag: str | None = None):
    """How many conversations had a day in the period (with `flag`: a day with
    that flag set): single-day ones counted by rows, the others distinct."""
    where = [_days(p, C.day)] + ([C[flag] == 1] if flag else [])
    single = sa.select(sa.func.count()).where(*where, C.single_day == 1).scalar_subquery()
    multi = (sa.select(sa.func.count(sa.distinct(C.sender_id))).where(*where, C.single_day == 0)
             .scalar_subquery())
    return single + multi


def _values_stmt(p: Period, slot: str, among: str | None = None):
    """(value, conversations) of a slot (of a list slot: each element), among the
    conversations with a day in the period flagged `among` (listed, nothing_listed).
    The conversations of a single day come counted per day and value; the others
    from distinct (sender, value) pairs (a hash of the pairs, then a count, is
    much cheaper than COUNT(DISTINCT) per value)."""
    N = day_value_counts.c
    counted = N[among] if among else N.conversations
    single = (sa.select(N.value.label("v"), sa.func.sum(counted).label("n"))
              .where(N.slot == slot, _days(p, N.day)).group_by(N.value).having(sa.func.sum(counted) > 0))
    pairs = sa.select(V.sender_id, V.value.label("v")).where(V.slot == slot, V.single_day == 0, _days(p, V.day))
    if among:
        flagged = sa.select(C.sender_id).where(_days(p, C.day), C.single_day == 0, C[among] == 1)
        pairs = pairs.where(V.sender_id.in_(flagged))
    pairs = pairs.distinct().subquery()
    multi = sa.select(pairs.c.v, sa.func.count().label("n")).group_by(pairs.c.v)
    both = sa.union_all(single, multi).subquery()
    return sa.select(both.c.v, sa.func.sum(both.c.n).label("n")).group_by(both.c.v)


def _ranked(rows) -> list[tuple]:
    return sorted(((v, int(n)) for v, n in rows), key=lambda r: (-r[1], str(r[0])))


def slot_values(conn, p: Period, slot: str, among: str | None = None) -> list[tuple]:
    """(value, conversations) of a slot, most frequent first; a list slot
    (groups, needs, shown, referred) counts its elements."""
    _summarized(conn)
    return _ranked(conn.execute(_values_stmt(p, slot, among)))


list_slot_values = slot_values


def profiles_of(conn, p: Period, among: str, facts=("groups", "needs", "region")) -> dict:
    """How many conversations had a day flagged `among` in the period (listed:
    measures were listed; nothing_listed: an empty listing), and their groups,
    needs and regions, in one statement."""
    _summarized(conn)
    kind = lambda k: sa.literal(k).label("kind")  # noqa: E731
    parts = [sa.select(kind("count"), sa.cast(sa.null(), sa.Text).label("v"),
                       _count_conversations(p, among).label("n"))]
    for fact in facts:
        st = _values_stmt(p, fact, among).subquery()
        parts.append(sa.select(kind(fact), st.c.v, st.c.n))
    out = {"count": 0, "groups": [], "needs": [], "region": []}
    for k, v, n in conn.execute(sa.union_all(*parts)):
        if k == "count":
            out["count"] = int(n)
        else:
            out[k].append((v, n))
    return {k: (_ranked(v) if k != "count" else v) for k, v in out.items()}


def regions_asked(conn, p: Period) -> list[tuple]:
    return slot_values(conn, p, "region")


def nothing_listed_profiles(conn, p: Period) -> dict:
    """Groups and needs named in conversations where the bot found no measure."""
    return profiles_of(conn, p, "nothing_listed", facts=("groups", "needs"))


def unanswered_replies(conn, p: Period, facts=("groups", "needs"), limit: int = 300) -> list[tuple]:
    """(question, text, times): answers to the bot's question about a fact that
    it could not read (the `missed` slot went above 0 after them; the question
    is the `question` slot before it, the text the user message before it)."""
    _summarized(conn)
    U = unread_answers.c
    n = sa.func.sum(U.n).label("n")
    stmt = (sa.select(U.question, U.text, n).where(_days(p, U.day), U.question.in_(facts))
            .group_by(U.question, U.text).order_by(sa.desc("n"), U.text).limit(limit))
    return [(q, t, int(k)) for q, t, k in conn.execute(stmt)]


def demand(conn, p: Period) -> dict:
    """Who reached an answer and what they were shown, opened and sent to."""
    answered = profiles_of(conn, p, "listed")
    return dict(
        answered=answered["count"], groups=answered["groups"], needs=answered["needs"],
        regions=answered["region"],
        shown=slot_values(conn, p, "shown"),
        opened=slot_values(conn, p, "focus"),
        referred=slot_values(conn, p, "referred"),
        summaries=conn.execute(sa.select(_count_conversations(p, "summary"))).scalar(),
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
            .where(_slot("feedback", p), rating.isnot(None)).group_by(day).order_by(day))
    return [(d, int(u or 0), int(n or 0)) for d, u, n in conn.execute(stmt)]


def feedback_by_measure(conn, p: Period) -> list[tuple]:
    """(measure id, 👍, 👎) over the measures each rating was about."""
    fn, value, cond = elements(_dialect(conn), E.data, "value", "measures")
    rating = jtext(E.data, "value", "rating")
    # per measure, the people who rated a listing holding it (a rating and its "missing" answer count once)
    up = sa.func.count(sa.distinct(sa.case((rating == "up", E.sender_id), else_=None))).label("up")
    down = sa.func.count(sa.distinct(sa.case((rating == "down", E.sender_id), else_=None))).label("down")
    stmt = (sa.select(value.label("measure"), up, down).select_from(events.join(fn, sa.true()))
            .where(_slot("feedback", p), cond).group_by(value).order_by(sa.desc("down"), sa.desc("up"), value))
    return [(m, int(u or 0), int(d or 0)) for m, u, d in conn.execute(stmt)]


def feedback_missing(conn, p: Period, limit: int = 500) -> list[tuple]:
    """(timestamp, sender, rating, what was missing), newest first."""
    missing = jtext(E.data, "value", "missing")
    stmt = (sa.select(E.timestamp, E.sender_id, jtext(E.data, "value", "rating"), missing)
            .where(_slot("feedback", p), missing.isnot(None), missing != "")
            .order_by(E.timestamp.desc()).limit(limit))
    return [tuple(r) for r in conn.execute(stmt)]


# ------------------------------------------------------------------ conversations
def conversations(conn, p: Period, sender_like: str | None = None, limit: int = 200) -> list[tuple]:
    """(sender, first message, last message, user messages), latest first."""
    _summarized(conn)
    stmt = (sa.select(C.sender_id, sa.func.min(C.first_user_ts), sa.func.max(C.last_user_ts).label("last"),
                      sa.func.sum(C.user_messages)).where(_days(p, C.day), C.user_messages > 0))
    if sender_like:
        stmt = stmt.where(C.sender_id.contains(sender_like, autoescape=True))
    stmt = stmt.group_by(C.sender_id).order_by(sa.desc("last")).limit(limit)
    return [(s, a, b, int(n)) for s, a, b, n in conn.execute(stmt)]


def conversation_events(conn, sender_id: str) -> list:
    stmt = (sa.select(E.id, E.type_name, E.timestamp, E.intent_name, E.action_name, E.data)
            .where(E.sender_id == sender_id).order_by(E.id))
    return conn.execute(stmt).all()
