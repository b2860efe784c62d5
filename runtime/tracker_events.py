"""Rasa's SQLTrackerStore table `events`, described in SQLAlchemy Core so that
the staff application (staff/: the console and retention) and the store's own
migrations (runtime/identity.py, runtime/summary_store.py) read it without importing Rasa. Rasa 3.6 (rasa/core/tracker_store.py, SQLEvent)
writes one row per event: `type_name` is the event type (user, bot, slot,
action, session_started, ...), `intent_name` the user message's intent,
`action_name` the action's name or, for a SlotSet, the slot's name, `timestamp`
seconds since the epoch and `data` the event as JSON text."""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)


def engine_for(url: str) -> sa.engine.Engine:
    """An engine for TRACKER_STORE_URL; connections are checked before use
    (a database restarted under the console or the retention job)."""
    return sa.create_engine(url, pool_pre_ping=True, future=True)
