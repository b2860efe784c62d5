"""Retention: conversations idle for longer than N days are deleted from the
tracker store (`python -m staff retention --days N`, or RETENTION_DAYS).

Privacy choice: delete, not anonymise. The store holds what people wrote
(masked of 身份证号/手机号/e-mail, but still free text about their plans, their
place and their situation); anonymising free text cannot be made reliable, and
the staff console's figures are only needed for recent weeks. A conversation is
deleted as a whole, once its *last* event is older than the cut-off, so a
conversation someone is still having is never cut in the middle (Rasa rebuilds
the slots from the stored events).

Safe while the bot runs: senders are deleted in small batches, each in its own
short transaction, and the DELETE itself re-checks that the sender has no event
newer than the cut-off, so a conversation resumed between the selection and the
delete is kept. Only the SQL tracker store (SQLite or PostgreSQL) is handled.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa

from .db import events, reviewed
from .summary_tables import SUMMARY_TABLES, day_value_counts, day_values, recount
from runtime.tracker_events import engine_for

DAY = 86400


@dataclass
class Deleted:
    conversations: int = 0
    events: int = 0


def stale_senders(conn, cutoff: float, limit: int) -> list[str]:
    last = sa.func.max(events.c.timestamp)
    rows = conn.execute(sa.select(events.c.sender_id).group_by(events.c.sender_id)
                        .having(last < cutoff).limit(limit))
    return [r[0] for r in rows]


def delete_batch(conn, senders: list[str], cutoff: float) -> int:
    still_active = sa.select(events.c.sender_id).where(events.c.sender_id.in_(senders),
                                                       events.c.timestamp >= cutoff)
    done = conn.execute(events.delete().where(events.c.sender_id.in_(senders),
                                              events.c.sender_id.not_in(still_active)))
    # the staff console's summary of the deleted conversations goes with them
    if sa.inspect(conn).has_table(day_value_counts.name):
        kept = sa.select(events.c.sender_id).where(events.c.sender_id.in_(senders))
        deleted = sa.and_(day_values.c.sender_id.in_(senders), day_values.c.sender_id.not_in(kept))
        days = [r[0] for r in conn.execute(sa.select(day_values.c.day).where(deleted).distinct())]
        for table in SUMMARY_TABLES:
            conn.execute(table.delete().where(table.c.sender_id.in_(senders), table.c.sender_id.not_in(kept)))
        recount(conn, days)
    return done.rowcount


def purge(engine, days: float, batch: int = 500, now: float | None = None, pause: float = 0.0) -> Deleted:
    """Delete every conversation whose last event is older than `days` days."""
    if days <= 0:
        raise ValueError("--days must be positive")
    cutoff = (time.time() if now is None else now) - days * DAY
    out = Deleted()
    if sa.inspect(engine).has_table(reviewed.name):
        with engine.begin() as conn:   # the console's review marks hold (masked) message texts too
            conn.execute(reviewed.delete().where(reviewed.c.reviewed_at < cutoff))
    if not sa.inspect(engine).has_table("events"):
        return out
    while True:
        with engine.begin() as conn:
            senders = stale_senders(conn, cutoff, batch)
            if not senders:
                return out
            out.events += delete_batch(conn, senders, cutoff)
            out.conversations += len(senders)
        if pause:
            time.sleep(pause)   # leave the database to the bot between batches


def run(url: str, days: float, batch: int = 500) -> Deleted:
    engine = engine_for(url)
    try:
        return purge(engine, days, batch)
    finally:
        engine.dispose()
