"""The messages the console shows, in SQLAlchemy Core: the misunderstood ones
(grouped, with the bot's state when each came), the possibly misread turns, the
feedback and one conversation's events. The figures over a period are counted
from the summary (figures.py).

Counting and grouping run in the database (SQLite or PostgreSQL, the same
statements); Python only names ids and merges the bounded results. Each
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

from . import summary
from .db import day_of, elements, events, jtext, reviewed
from .sql import FALLBACK_INTENTS, E, Period, dialect, in_days, slot_in, user_in
from .summary_tables import not_understood


# ------------------------------------------------------------------ misunderstood
_NOISE = re.compile(r"[\s\W_]{1,1000}", re.UNICODE)   # bounded, like every pattern on user text


def text_key(text: str | None) -> str:
    """Messages that differ only in spacing, punctuation, emoji, width or case
    are one group ("怎么申请？" / "怎么申请")."""
    plain = unicodedata.normalize("NFKC", text or "")
    return (_NOISE.sub("", plain).casefold() or plain.strip())[:512]


def misunderstood_texts(conn, p: Period, limit: int = 500) -> list[tuple]:
    """(text, intent, messages, conversations, last timestamp) per distinct text, most
    frequent first (counted from the summary's messages not understood, by day)."""
    summary.refresh(conn)
    M = not_understood.c
    n = sa.func.sum(M.n).label("n")
    stmt = (sa.select(M.text, M.intent, n, sa.func.count(sa.distinct(M.sender_id)), sa.func.max(M.last_ts))
            .where(in_days(p, M.day)).group_by(M.text, M.intent).order_by(sa.desc("n"), M.text).limit(limit))
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
    summary.refresh(conn)
    # the latest messages of a text are among the conversation-days with the latest such message
    M = not_understood.c
    latest = sa.func.row_number().over(partition_by=M.text, order_by=M.last_id.desc()).label("rn")
    days = sa.select(M.sender_id, latest).where(in_days(p, M.day), M.text.in_(texts)).subquery()
    senders = sa.select(days.c.sender_id).where(days.c.rn <= per_text)
    text = jtext(E.data, "text")
    rn = sa.func.row_number().over(partition_by=text, order_by=E.id.desc()).label("rn")
    inner = (sa.select(E.id, E.sender_id, E.timestamp, E.intent_name, text.label("text"), rn)
             .where(user_in(p), E.intent_name.in_(FALLBACK_INTENTS), E.sender_id.in_(senders), text.in_(texts))
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


# ------------------------------------------------------------------ one conversation
def conversation_events(conn, sender_id: str) -> list:
    stmt = (sa.select(E.id, E.type_name, E.timestamp, E.intent_name, E.action_name, E.data)
            .where(E.sender_id == sender_id).order_by(E.id))
    return conn.execute(stmt).all()
