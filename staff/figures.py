"""The console's figures over a period, counted from its summary by day and
conversation (summary.py, brought up to date first): the overview (conversations
per day, the funnel, the medians), coverage and demand (the values of the slots
and the answers the bot could not read), and the list of conversations. The
messages themselves (misunderstood, feedback, one conversation) are read from
the events (queries.py).

A period is counted in whole Beijing days (the summary's unit). Counting,
grouping and medians run in the database (SQLite or PostgreSQL, the same
statements). A store written before some slots existed simply lacks them: the
figures are then zeros and empty lists, never an error."""
from __future__ import annotations

import sqlalchemy as sa

from bot.dialogue import ConsoleSlot as S

from . import summary
from .sql import Period, dialect, in_days
from .summary_tables import day_conversations, day_value_counts, day_values, unread_answers

C = day_conversations.c
V = day_values.c


# ------------------------------------------------------------------ overview
def daily(conn, p: Period) -> list[tuple]:
    """(day number, conversations, user messages) per day with any message."""
    summary.refresh(conn)
    stmt = (sa.select(C.day, sa.func.count(), sa.func.sum(C.user_messages))
            .where(in_days(p, C.day), C.user_messages > 0).group_by(C.day).order_by(C.day))
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
        .where(in_days(p, C.day), C.single_day == 1, C.user_messages > 0))
    largest = lambda column, name: sa.func.max(column).label(name)  # noqa: E731
    days = (sa.select(
        C.sender_id, sa.func.sum(C.user_messages).label("turns"),
        largest(C.region, "region"), largest(C.groups, "groups"), largest(C.listed, "shown"),
        largest(C.details, "details"), largest(C.referred, "referred"),
        (sa.func.min(C.first_listed_ts) - sa.func.min(C.first_user_ts)).label("to_answer"),
        largest(C.last_user_id, "last_user"), largest(C.last_not_understood_id, "last_not_understood"),
        largest(C.last_missed_id, "last_missed"), largest(C.last_missed_above_0_id, "last_missed_above_0"))
        .where(in_days(p, C.day), C.single_day == 0).group_by(C.sender_id).having(sa.func.sum(C.user_messages) > 0))
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
    summary.refresh(conn)
    conv = per_conversation(p).cte("conv")
    c = conv.c
    profile = c.region * c.groups
    confused = sa.or_(c.last_user == c.last_not_understood, c.last_missed == c.last_missed_above_0)
    stmt = sa.select(sa.func.count(), sa.func.sum(profile), sa.func.sum(profile * c.shown),
                     sa.func.sum(profile * c.shown * c.details),
                     sa.func.sum(profile * c.shown * c.details * c.referred),
                     _median_of(c.turns, dialect(conn)), _median_of(c.to_answer, dialect(conn)),
                     sa.func.sum(sa.case((confused, 1), else_=0))).select_from(conv)
    row = conn.execute(stmt).one()
    out = dict(funnel=dict(zip(FUNNEL, (int(v or 0) for v in row[:5]))))
    out["median_turns"] = float(row[5]) if row[5] is not None else None
    out["median_seconds_to_answer"] = float(row[6]) if row[6] is not None else None
    out["confused"] = int(row[7] or 0)
    return out


# ------------------------------------------------------------------ coverage and demand
def _count_conversations(p: Period, flag: str | None = None):
    """How many conversations had a day in the period (with `flag`: a day with
    that flag set): single-day ones counted by rows, the others distinct."""
    where = [in_days(p, C.day)] + ([C[flag] == 1] if flag else [])
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
              .where(N.slot == slot, in_days(p, N.day)).group_by(N.value).having(sa.func.sum(counted) > 0))
    pairs = sa.select(V.sender_id, V.value.label("v")).where(V.slot == slot, V.single_day == 0, in_days(p, V.day))
    if among:
        flagged = sa.select(C.sender_id).where(in_days(p, C.day), C.single_day == 0, C[among] == 1)
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
    summary.refresh(conn)
    return _ranked(conn.execute(_values_stmt(p, slot, among)))


def profiles_of(conn, p: Period, among: str, facts=(S.GROUPS, S.NEEDS, S.REGION)) -> dict:
    """How many conversations had a day flagged `among` in the period (listed:
    measures were listed; nothing_listed: an empty listing), and their groups,
    needs and regions, in one statement."""
    summary.refresh(conn)
    kind = lambda k: sa.literal(k).label("kind")  # noqa: E731
    parts = [sa.select(kind("count"), sa.cast(sa.null(), sa.Text).label("v"),
                       _count_conversations(p, among).label("n"))]
    for fact in facts:
        st = _values_stmt(p, fact, among).subquery()
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
    return profiles_of(conn, p, "nothing_listed", facts=(S.GROUPS, S.NEEDS))


def unanswered_replies(conn, p: Period, facts=(S.GROUPS, S.NEEDS), limit: int = 300) -> list[tuple]:
    """(question, text, times): answers to the bot's question about a fact that
    it could not read (the `missed` slot went above 0 after them; the question
    is the `question` slot before it, the text the user message before it)."""
    summary.refresh(conn)
    U = unread_answers.c
    n = sa.func.sum(U.n).label("n")
    stmt = (sa.select(U.question, U.text, n).where(in_days(p, U.day), U.question.in_(facts))
            .group_by(U.question, U.text).order_by(sa.desc("n"), U.text).limit(limit))
    return [(q, t, int(k)) for q, t, k in conn.execute(stmt)]


def demand(conn, p: Period) -> dict:
    """Who reached an answer and what they were shown, opened and sent to."""
    answered = profiles_of(conn, p, "listed")
    return dict(
        answered=answered["count"], groups=answered[S.GROUPS], needs=answered[S.NEEDS],
        regions=answered[S.REGION],
        shown=slot_values(conn, p, S.SHOWN),
        opened=slot_values(conn, p, S.FOCUS),
        referred=slot_values(conn, p, S.REFERRED),
        summaries=conn.execute(sa.select(_count_conversations(p, "summary"))).scalar(),
    )


# ------------------------------------------------------------------ conversations
def conversations(conn, p: Period, sender_like: str | None = None, limit: int = 200) -> list[tuple]:
    """(sender, first message, last message, user messages), latest first."""
    summary.refresh(conn)
    stmt = (sa.select(C.sender_id, sa.func.min(C.first_user_ts), sa.func.max(C.last_user_ts).label("last"),
                      sa.func.sum(C.user_messages)).where(in_days(p, C.day), C.user_messages > 0))
    if sender_like:
        stmt = stmt.where(C.sender_id.contains(sender_like, autoescape=True))
    stmt = stmt.group_by(C.sender_id).order_by(sa.desc("last")).limit(limit)
    return [(s, a, b, int(n)) for s, a, b, n in conn.execute(stmt)]
