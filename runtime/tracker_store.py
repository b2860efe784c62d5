"""The tracker store: Rasa's SQLTrackerStore (SQLite embedded, PostgreSQL in
production) with two additions, selected in endpoints.yml as
`type: runtime.tracker_store.SQLTrackerStore` (Rasa's extension point for custom
tracker stores, not a patch):

1. Pooled connections idle for more than PING_IDLE seconds are tested before
   use (SQLAlchemy's pessimistic disconnect handling), so connections killed by
   a database restart are replaced without an error reaching the person. A
   connection in use moments ago is not tested: under load that test was a
   round trip per use, two per turn; the rare restart within those seconds is
   met by the message guard's one retry on a dropped connection.
2. Conversations saved by an earlier dialogue model are repaired when they are
   loaded. Before the dialogue became one action per message, an off-script
   answer could leave a conversation inside a form that had rejected it, or
   stopped by Rasa's circuit breaker without listening again; every later
   message then got an empty reply. Such a conversation recovers on its next
   message: the stale loop is closed and the bot listens again. Its facts
   (slots) are kept.
3. A store written before conversation ids were bound to their channel
   (runtime/identity.py: `telegram:<chat>`, `web:<session>`, …) is migrated once
   when the store starts: each conversation gets the prefix of the channel of
   its first message, so people keep their conversations.

4. Fewer round trips per turn. Rasa's `save` counts the conversation's stored
   events (one query) to know which are new, then inserts them one statement
   each. Here the count is the number of events `retrieve` loaded (the turn
   holds the conversation's lock, so nobody else stored any meanwhile; a
   tracker this store did not load is counted as Rasa does), and the new
   events go in as one multi-row INSERT. The rows are Rasa's, column for column.
5. `replies_to(sender, message_id)`: the replies stored after the message with
   that id, for the message guard's replay of a retried message, read from the
   user and bot rows alone instead of a whole tracker.
6. On PostgreSQL, loading and storing run in a worker thread. Rasa's store is
   synchronous inside its async methods: every query and commit stopped all
   the replica's other conversations until the database answered (py-spy under
   bench/load.py). SQLite (one process) keeps them on the event loop: it
   takes one writer at a time anyway.

Rasa always loads this class (endpoints.yml), so it is also where a server
started without the project's patches (runtime/patches/: PII masking, rate
limit, ...) stops, naming the launcher `python -m runtime run`.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Optional, Text

from rasa.core.tracker_store import SQLTrackerStore as RasaSQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.shared.core.trackers import DialogueStateTracker

from . import identity, patches

logger = logging.getLogger(__name__)


class SQLTrackerStore(RasaSQLTrackerStore):
    def __init__(self, *args, **kwargs):
        patches.require_installed("the tracker store runtime.tracker_store.SQLTrackerStore")
        super().__init__(*args, **kwargs)
        from sqlalchemy import event

        event.listen(self.engine.pool, "checkout", _ping)
        event.listen(self.engine.pool, "checkin", _checked_in)
        identity.migrate(self.engine)
        self._threaded = self.engine.dialect.name != "sqlite"

    async def _off_loop(self, fn, *args):
        return await asyncio.to_thread(fn, *args) if self._threaded else fn(*args)

    def _load(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """Rasa's SQLTrackerStore._retrieve (the latest session's events), as a plain function."""
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            events = [json.loads(row.data) for row in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        tracker = await self._off_loop(self._load, sender_id)
        if tracker is not None:
            setattr(tracker, STORED, len(tracker.events))
            if self.domain is not None:
                repair(tracker, self.domain)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save: the events the store does not have yet, as Rasa writes them."""
        await self.stream_events(tracker)
        await self._off_loop(self._store, tracker)
        setattr(tracker, STORED, len(tracker.events))

    def _store(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            stored = getattr(tracker, STORED, None)
            if stored is None:
                stored = self._event_query(session, tracker.sender_id,
                                           fetch_events_from_all_sessions=False).count()
            rows = [row(tracker.sender_id, event) for event in list(tracker.events)[stored:]]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()

    async def replies_to(self, sender_id: Text, message_id: Text) -> Optional[list]:
        """The bot's replies (as channels get them) stored after the user message
        with this id; None if no message of the conversation has it."""
        return await self._off_loop(self._replies_to, sender_id, message_id)

    def _replies_to(self, sender_id: Text, message_id: Text) -> Optional[list]:
        table = self.SQLEvent.__table__
        with self.session_scope() as session:
            rows = session.execute(
                table.select().with_only_columns(table.c.type_name, table.c.data)
                .where(table.c.sender_id == sender_id,
                       table.c.type_name.in_((UserUttered.type_name, BotUttered.type_name)))
                .order_by(table.c.id)).all()
        needle = json.dumps(message_id)   # as it appears in the stored JSON
        replies = None
        for kind, data in rows:
            if kind == UserUttered.type_name:
                if replies is not None:
                    break
                if needle in data and json.loads(data).get("message_id") == message_id:
                    replies = []
            elif replies is not None:
                event = json.loads(data)
                replies.append({"text": event.get("text"), **{k: v for k, v in (event.get("data") or {}).items() if v}})
        return replies


STORED = "_events_in_store"   # on a tracker: how many of its events the store holds


def row(sender_id: Text, event) -> dict:
    """The `events` row of an event, exactly as Rasa's SQLTrackerStore.save makes it."""
    data = event.as_dict()
    return dict(sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                action_name=data.get("name"), data=json.dumps(data))


def repair(tracker: DialogueStateTracker, domain) -> list:
    """Bring a conversation saved under an earlier dialogue model into a state
    the current one can continue from; returns the events added.

    Two states are repaired: a form that is still active but no longer in the
    domain (RulePolicy would predict it and fail), and a turn that ended
    without action_listen. Rasa's circuit breaker counts the actions since the
    last action_listen, not since the last user message, so after a turn cut
    short by it every later message is over the limit at once and gets no
    action at all."""
    added = []
    if tracker.active_loop_name and tracker.active_loop_name not in domain.form_names:
        added.append(ActiveLoop(None))
        if tracker.get_slot("requested_slot") is not None:
            added.append(SlotSet("requested_slot", None))
    actions = [e for e in tracker.events if isinstance(e, ActionExecuted)]
    if actions and actions[-1].action_name != ACTION_LISTEN_NAME:
        added.append(ActionExecuted(ACTION_LISTEN_NAME))
    for event in added:
        tracker.update(event)
    if added:
        logger.warning("conversation %s was left in a state the dialogue cannot continue from (%s); repaired",
                       tracker.sender_id, ", ".join(type(e).__name__ for e in added))
    return added


PING_IDLE = 5.0   # s a pooled connection may have been idle and still be used untested
_IDLE_SINCE = "checked_in"


def _checked_in(dbapi_connection, connection_record) -> None:
    connection_record.info[_IDLE_SINCE] = time.monotonic()


def _ping(dbapi_connection, connection_record, connection_proxy) -> None:
    """A pooled connection idle for a while that no longer answers is discarded
    and the pool connects anew (a new connection is not tested)."""
    from sqlalchemy.exc import DisconnectionError

    now = time.monotonic()
    if now - connection_record.info.get(_IDLE_SINCE, now) <= PING_IDLE:
        return
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
    except Exception as exc:  # noqa: BLE001 - any failure means a dead connection
        raise DisconnectionError(str(exc)) from exc
