"""The console's summary of the tracker store, by Beijing day and conversation,
filled incrementally from Rasa's `events` table (the tables: summary_tables.py).
The pages count weeks of conversations from it instead of parsing the JSON of
every slot event in the period (docs/staff.md has the figures; bench/staff.py measures them).

What a row says is what the queries said of the events before (queries.py):
for each day a conversation had an event, its user messages (first, last,
the latest not understood, and those not understood by text), whether region
and groups were known, measures listed (or an empty listing), details opened,
agencies named or a summary made, the latest `missed` event and whether it was
above 0; the values of the slots in SUMMARY_SLOTS set that day (list elements
one by one, with how many events set them); and the answers to the bot's
question it could not read. A period of whole days is then a range of rows,
and a conversation's figures over several days combine its days' rows (counts
add up, flags and latest ids take the largest). Most conversations have a
single day: their values are also counted per day and value
(staff_day_value_counts), so counting them over a period adds up a few
thousand counts; the conversations of several days are counted from their
distinct (conversation, value) pairs.

`refresh(conn)` brings the summary up to date; every query of the summary
calls it first, and `python -m staff migrate` builds it. A conversation is
always summarized whole, from all its events, replacing its rows: so a refresh
is idempotent and can never count an event twice. It summarizes the
conversations with an event it has not seen (an id above the last one it read)
and, because a turn is committed after its events got their ids, those with an
event from the last LATE seconds before the previous refresh. After the
conversation ids were migrated (runtime/identity.py renames conversations in
place) it is built again from scratch. Refreshes take turns (a lock in the
process; on PostgreSQL also an advisory lock for other processes).
"""
from __future__ import annotations

import json
import re
import threading
import time
import weakref
from collections import defaultdict
from typing import Iterable

import sqlalchemy as sa

from bot.dialogue import ConsoleSlot as S
from runtime import identity

from .db import day_number, events
from .summary_tables import SUMMARY_COUNTS, SUMMARY_SLOTS, SUMMARY_TABLES, day_values, recount, summary_state

FALLBACK_INTENTS = ("nlu_fallback", "out_of_scope")
LIST_SLOTS = (S.GROUPS, S.NEEDS, S.SHOWN, S.REFERRED)
LATE = 120.0          # s: a turn's events are stored at most this long after they were made
BATCH = 500           # conversations summarized per statement
_LOCK = threading.Lock()
_ready: weakref.WeakSet = weakref.WeakSet()   # engines whose summary tables exist
_PG_LOCK = 7_340_021  # pg_advisory_xact_lock key of the summary's refresh
E = events.c


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")   # U+0000 and lone surrogates: neither database stores them


def _text(value):
    """A slot value as the queries read it (`#>>` / json_extract): strings as they
    are, anything else as JSON; None for a JSON null. What no database can store
    as text (U+0000, a lone surrogate) reads as U+FFFD, as db.jtext reads it."""
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _UNSTORABLE.sub("\ufffd", text)


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _data(row) -> dict:
    try:
        data = json.loads(row.data or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _earliest(current, ts):
    return ts if current is None else min(current, ts)


class _Conversation:
    """One conversation's summary rows, built event by event in id order."""

    def __init__(self, sender_id: str):
        self.sender_id = sender_id
        self.days: dict[int, dict] = {}
        self.values: dict[tuple, int] = defaultdict(int)
        self.unread: dict[tuple, int] = defaultdict(int)
        self.misunderstood: dict[tuple, list] = {}
        self.question = self.last_text = None

    def day(self, day: int) -> dict:
        if day not in self.days:
            self.days[day] = dict(day=day, sender_id=self.sender_id, user_messages=0, single_day=1,
                                  first_user_ts=None, last_user_ts=None, first_listed_ts=None, region=0, groups=0,
                                  listed=0, nothing_listed=0, details=0, referred=0, summary=0, last_user_id=None,
                                  last_not_understood_id=None, last_missed_id=None, last_missed_above_0_id=None)
        return self.days[day]

    def user(self, r, day: int, data: dict) -> None:
        d = self.day(day)
        d["user_messages"] += 1
        d["first_user_ts"] = _earliest(d["first_user_ts"], r.timestamp)
        d["last_user_ts"] = r.timestamp if d["last_user_ts"] is None else max(d["last_user_ts"], r.timestamp)
        d["last_user_id"] = r.id
        self.last_text = _text(data.get("text"))
        if r.intent_name in FALLBACK_INTENTS:
            d["last_not_understood_id"] = r.id
            seen = self.misunderstood.setdefault((day, self.last_text, r.intent_name), [0, r.timestamp, r.id])
            seen[0] += 1
            seen[1], seen[2] = max(seen[1], r.timestamp), r.id

    def slot(self, r, day: int, value) -> None:
        d, slot = self.day(day), r.action_name
        listed = value is not None and value != []
        if slot in (S.REGION, S.GROUPS, S.FOCUS) and value is not None:
            d[{S.FOCUS: "details"}.get(slot, slot)] = 1
        elif slot == S.SHOWN and listed:
            d["listed"] = 1
            d["first_listed_ts"] = _earliest(d["first_listed_ts"], r.timestamp)
        elif slot == S.SHOWN and value == []:
            d["nothing_listed"] = 1
        elif slot == S.REFERRED and listed:
            d["referred"] = 1
        elif slot == S.SUMMARY and value is not None:
            d["summary"] = d["referred"] = 1
        elif slot == S.QUESTION:
            self.question = _text(value)
        elif slot == S.MISSED:
            d["last_missed_id"] = r.id
            number = _number(value)
            if number is not None and number > 0:
                d["last_missed_above_0_id"] = r.id
                self.unread[(day, self.question, self.last_text)] += 1
        if slot in SUMMARY_SLOTS:
            items = value if slot in LIST_SLOTS else [value]
            for item in items if isinstance(items, list) else ():
                if item is not None:
                    self.values[(day, slot, _text(item))] += 1

    def rows(self) -> tuple[list[dict], ...]:
        single, sender, days = int(len(self.days) == 1), self.sender_id, self.days
        for d in days.values():
            d["single_day"] = single
        return (list(days.values()),
                [dict(day=day, sender_id=sender, slot=slot, value=value, n=n, single_day=single,
                      listed=days[day]["listed"], nothing_listed=days[day]["nothing_listed"])
                 for (day, slot, value), n in self.values.items()],
                [dict(day=k[0], sender_id=sender, question=k[1], text=k[2], n=n) for k, n in self.unread.items()],
                [dict(day=k[0], sender_id=sender, text=k[1], intent=k[2], n=n, last_ts=ts, last_id=i)
                 for k, (n, ts, i) in self.misunderstood.items()])


def summarize(sender_id: str, rows: Iterable) -> tuple[list[dict], ...]:
    """One conversation's rows of each of SUMMARY_TABLES, from its user and slot
    events (rows with id, type_name, timestamp, intent_name, action_name, data),
    in id order."""
    conversation = _Conversation(sender_id)
    for r in rows:
        if r.timestamp is None:
            continue
        if r.type_name == "user":
            conversation.user(r, day_number(r.timestamp), _data(r))
        elif r.type_name == "slot":
            conversation.slot(r, day_number(r.timestamp), _data(r).get("value"))
    return conversation.rows()


def _state(conn) -> dict:
    return {k: v for k, v in conn.execute(sa.select(summary_state.c.key, summary_state.c.value))}


def _set_state(conn, **values) -> None:
    conn.execute(summary_state.delete().where(summary_state.c.key.in_(list(values))))
    conn.execute(summary_state.insert(), [dict(key=k, value=v) for k, v in values.items()])


def _ids_migrated_at(conn) -> float:
    """When runtime/identity.py last renamed conversations in place (0: never)."""
    if not sa.inspect(conn).has_table(identity.MARKER):
        return 0.0
    return float(conn.execute(sa.text(f"SELECT max(done_at) FROM {identity.MARKER}")).scalar() or 0.0)


def _senders_to_do(conn, last_id: float, since: float | None) -> list[str]:
    new = sa.select(E.sender_id).where(E.id > int(last_id))
    if since is not None:   # a turn committed after the previous refresh read past its ids
        new = sa.union(new, sa.select(E.sender_id).where(E.type_name.in_(("user", "slot")), E.timestamp >= since))
    return [r[0] for r in conn.execute(new)]


def _rows_of(conn, senders: list[str]):
    """The user and slot events of these senders, by sender, in order."""
    stmt = (sa.select(E.sender_id, E.id, E.type_name, E.timestamp, E.intent_name, E.action_name, E.data)
            .where(E.sender_id.in_(senders), E.type_name.in_(("user", "slot"))).order_by(E.sender_id, E.id))
    current, rows = None, []
    for r in conn.execute(stmt):
        if r.sender_id != current:
            if rows:
                yield current, rows
            current, rows = r.sender_id, []
        rows.append(r)
    if rows:
        yield current, rows


def _write(conn, summaries: list) -> None:
    for position, table in enumerate(SUMMARY_TABLES):
        rows = [row for s in summaries for row in s[position]]
        if rows:
            conn.execute(table.insert(), rows)


def _created(conn) -> bool:
    """The summary's tables exist (made once per engine); False while Rasa has stored nothing."""
    if conn.engine in _ready:
        return True
    if not sa.inspect(conn).has_table(events.name):
        return False
    for table in (*SUMMARY_TABLES, *SUMMARY_COUNTS, summary_state):
        table.create(conn, checkfirst=True)
    conn.commit()
    _ready.add(conn.engine)
    return True


def _summarize_again(conn, senders: list[str]) -> set:
    """Replace these conversations' rows; the days whose counts change."""
    days: set = set()
    for i in range(0, len(senders), BATCH):
        chunk = senders[i:i + BATCH]
        days.update(r[0] for r in conn.execute(sa.select(day_values.c.day)
                                               .where(day_values.c.sender_id.in_(chunk)).distinct()))
        for table in SUMMARY_TABLES:
            conn.execute(table.delete().where(table.c.sender_id.in_(chunk)))
        summaries = [summarize(s, rows) for s, rows in _rows_of(conn, chunk)]
        days.update(row["day"] for s in summaries for row in s[1])
        _write(conn, summaries)
    return days


def refresh(conn) -> int:
    """Bring the summary up to date on `conn` and commit; returns how many
    conversations were summarized (0: it was up to date, a few cheap queries)."""
    with _LOCK:
        if not _created(conn):
            return 0
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))
        state, migrated = _state(conn), _ids_migrated_at(conn)
        started = time.time()
        top = conn.execute(sa.select(sa.func.max(E.id))).scalar() or 0
        if "last_id" not in state or state.get("ids_migrated", 0.0) != migrated:   # from scratch
            for table in (*SUMMARY_TABLES, *SUMMARY_COUNTS):
                conn.execute(table.delete())
            state = {}
            senders = [r[0] for r in conn.execute(sa.select(E.sender_id).distinct())]
        else:
            since = state.get("last_run")
            senders = _senders_to_do(conn, state["last_id"], since - LATE if since else None)
        recount(conn, _summarize_again(conn, senders))
        _set_state(conn, last_id=float(max(top, state.get("last_id", 0))), last_run=started, ids_migrated=migrated)
        conn.commit()
        return len(senders)
