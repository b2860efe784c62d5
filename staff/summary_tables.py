"""The tables of the staff console's summary of the events (summary.py), in the
tracker store's database beside Rasa's `events` (runtime/tracker_events.py), and
the recount of its per-day counts. The summary fills them; the queries
(queries.py) read them; retention (retention.py) deletes a conversation's rows
with its events."""
from __future__ import annotations

import sqlalchemy as sa

from bot.dialogue import ConsoleSlot as S
from runtime.tracker_events import metadata

# By Beijing day and conversation: what the pages count over weeks of
# conversations without reading every event.
SUMMARY_SLOTS = (S.REGION, S.GROUPS, S.NEEDS, S.SHOWN, S.FOCUS, S.REFERRED)
day_conversations = sa.Table(
    "staff_day_conversations", metadata,
    sa.Column("day", sa.Integer, primary_key=True, autoincrement=False),   # Beijing day number
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("user_messages", sa.Integer, nullable=False),
    sa.Column("single_day", sa.SmallInteger, nullable=False),   # 1: the conversation has no other day
    sa.Column("first_user_ts", sa.Float),
    sa.Column("last_user_ts", sa.Float),
    sa.Column("first_listed_ts", sa.Float),
    *(sa.Column(flag, sa.SmallInteger, nullable=False)     # 1 if such a slot event that day
      for flag in ("region", "groups", "listed", "nothing_listed", "details", "referred", "summary")),
    *(sa.Column(last, sa.BigInteger)                       # id of that day's latest such event
      for last in ("last_user_id", "last_not_understood_id", "last_missed_id", "last_missed_above_0_id")),
    sa.Index("staff_day_conversations_sender", "sender_id"),
)
day_values = sa.Table(   # the values (list elements one by one) of SUMMARY_SLOTS set that day
    "staff_day_values", metadata,
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("slot", sa.String(32), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("n", sa.Integer, nullable=False),             # slot events with that value that day
    # the conversation's day as in staff_day_conversations: counting the conversations of a
    # value needs no DISTINCT for the (many) conversations of a single day
    sa.Column("single_day", sa.SmallInteger, nullable=False),
    sa.Column("listed", sa.SmallInteger, nullable=False),
    sa.Column("nothing_listed", sa.SmallInteger, nullable=False),
    sa.Index("staff_day_values_slot_day", "slot", "single_day", "day"),
    sa.Index("staff_day_values_sender", "sender_id"),
)
day_value_counts = sa.Table(   # staff_day_values of the single-day conversations, counted per value
    "staff_day_value_counts", metadata,
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("slot", sa.String(32), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("conversations", sa.Integer, nullable=False),
    sa.Column("listed", sa.Integer, nullable=False),          # of them, listed measures that day
    sa.Column("nothing_listed", sa.Integer, nullable=False),  # of them, had an empty listing that day
    sa.Index("staff_day_value_counts_slot_day", "slot", "day"),
)
unread_answers = sa.Table(   # an answer to the bot's question it could not read (`missed` went above 0)
    "staff_unread_answers", metadata,
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("question", sa.Text),                         # the `question` slot before it
    sa.Column("text", sa.Text),                             # the user message before it
    sa.Column("n", sa.Integer, nullable=False),
    sa.Index("staff_unread_answers_day", "day"),
    sa.Index("staff_unread_answers_sender", "sender_id"),
)
not_understood = sa.Table(   # user messages read as nlu_fallback or out_of_scope, by text
    "staff_day_not_understood", metadata,
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("text", sa.Text),
    sa.Column("intent", sa.String(255), nullable=False),
    sa.Column("n", sa.Integer, nullable=False),
    sa.Column("last_ts", sa.Float, nullable=False),
    sa.Column("last_id", sa.BigInteger, nullable=False),      # the latest such message's event id
    sa.Index("staff_day_not_understood_day", "day"),
    sa.Index("staff_day_not_understood_sender", "sender_id"),
)
summary_state = sa.Table(   # how far the summary has read the events
    "staff_summary_state", metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.Float, nullable=False),
)
SUMMARY_TABLES = (day_conversations, day_values, unread_answers, not_understood)   # by conversation
SUMMARY_COUNTS = (day_value_counts,)                                   # by day


def recount(conn, days) -> None:
    """staff_day_value_counts of these days again, from staff_day_values (after
    conversations of those days were summarized again or deleted)."""
    days = sorted(set(days))
    v, c = day_values.c, day_value_counts.c
    for i in range(0, len(days), 500):
        chunk = days[i:i + 500]
        conn.execute(day_value_counts.delete().where(c.day.in_(chunk)))
        conn.execute(day_value_counts.insert().from_select(
            ["day", "slot", "value", "conversations", "listed", "nothing_listed"],
            sa.select(v.day, v.slot, v.value, sa.func.count(), sa.func.sum(v.listed), sa.func.sum(v.nothing_listed))
            .where(v.day.in_(chunk), v.single_day == 1).group_by(v.day, v.slot, v.value)))
