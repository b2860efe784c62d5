"""Our SQL tracker store (runtime/tracker_store.py) stores exactly the rows
Rasa's SQLTrackerStore stores, in fewer statements, and finds the replies to a
retried message id (the message guard's replay) without loading a tracker."""
import asyncio
import json

import sqlalchemy as sa
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import SQLTrackerStore as RasaSQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from runtime import patches

patches.install()
from runtime.tracker_store import SQLTrackerStore  # noqa: E402  (it refuses to start without the patches)

DOMAIN = Domain.from_dict({"slots": {"region": {"type": "any", "mappings": []}}})


T = 1_796_000_000.0


def turn(text, message_id, reply, buttons=None, t=T):
    return [UserUttered(text, {"intent": {"name": "inform", "confidence": 0.9}, "entities": []},
                        message_id=message_id, timestamp=t),
            ActionExecuted("action_respond", policy="RulePolicy", confidence=1.0, timestamp=t + 0.1),
            SlotSet("region", "柳州市", timestamp=t + 0.2),
            BotUttered(reply, {"buttons": buttons} if buttons else {}, timestamp=t + 0.3),
            ActionExecuted("action_listen", timestamp=t + 0.4)]


def stores(tmp_path):
    ours = SQLTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'ours.db'}")
    rasas = RasaSQLTrackerStore(DOMAIN, host=f"sqlite:///{tmp_path / 'rasa.db'}")
    return ours, rasas


def rows(store):
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT sender_id, type_name, timestamp, intent_name, action_name, data FROM events ORDER BY id"))]


async def two_turns(store, sender="u1"):
    """A conversation as the processor runs it: a new tracker, saved; then loaded, updated, saved."""
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in [ActionExecuted("action_session_start", timestamp=T - 1), SessionStarted(timestamp=T - 1),
                  ActionExecuted("action_listen", timestamp=T - 1),
                  *turn("我在柳州", "m-1", "柳州市的措施：……", [{"title": "详情", "payload": "/details"}])]:
        tracker.update(event)
    await store.save(tracker)
    tracker = await store.retrieve(sender)
    for event in turn("想贷款", "m-2", "贷款的措施：……", t=T + 10):
        tracker.update(event)
    await store.save(tracker)


def test_the_rows_are_rasas_row_for_row(tmp_path):
    ours, rasas = stores(tmp_path)
    asyncio.run(two_turns(ours))
    asyncio.run(two_turns(rasas))
    assert rows(ours) == rows(rasas)
    assert len(rows(ours)) == 13


def test_a_loaded_conversation_is_saved_with_one_insert_and_no_count(tmp_path):
    ours, _ = stores(tmp_path)
    asyncio.run(two_turns(ours))
    statements = []
    sa.event.listen(ours.engine, "before_cursor_execute",
                    lambda conn, cursor, statement, *rest: statements.append(statement.split()[0].upper()))

    async def third_turn():
        tracker = await ours.retrieve("u1")
        for event in turn("第1条", "m-3", "详情：……"):
            tracker.update(event)
        statements.clear()
        await ours.save(tracker)
        saving = list(statements)
        return saving, await ours.retrieve("u1")

    saving, tracker = asyncio.run(third_turn())
    assert saving == ["INSERT"], saving
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["我在柳州", "想贷款", "第1条"]


def test_a_tracker_the_store_did_not_load_is_counted_as_rasa_counts(tmp_path):
    """Built elsewhere (e.g. from the HTTP API): the events already stored are not stored again."""
    ours, rasas = stores(tmp_path)
    for store in (ours, rasas):
        asyncio.run(two_turns(store))
        tracker = asyncio.run(RasaSQLTrackerStore.retrieve(store, "u1"))   # no count carried
        tracker.update(UserUttered("再见", message_id="m-3", timestamp=T + 20))
        asyncio.run(store.save(tracker))
    assert rows(ours) == rows(rasas)


def test_the_replies_to_a_retried_message_id(tmp_path):
    ours, _ = stores(tmp_path)
    asyncio.run(two_turns(ours))
    first = asyncio.run(ours.replies_to("u1", "m-1"))
    assert first == [{"text": "柳州市的措施：……", "buttons": [{"title": "详情", "payload": "/details"}]}]
    assert asyncio.run(ours.replies_to("u1", "m-2")) == [{"text": "贷款的措施：……"}]
    assert asyncio.run(ours.replies_to("u1", "m-9")) is None
    assert asyncio.run(ours.replies_to("u2", "m-1")) is None
    assert asyncio.run(ours.replies_to("u1", '"m-1"')) is None


def test_the_guard_replays_from_our_store_without_loading_a_tracker(tmp_path, monkeypatch):
    """Agent.handle_message (the guard) with our store: a retried id gets the first replies again."""
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import FailSafeTrackerStore

    from runtime.lock_store import InMemoryLockStore

    ours, _ = stores(tmp_path)
    asyncio.run(two_turns(ours, sender="local:u1"))

    class Processor:
        async def handle_message(self, message):
            raise AssertionError("a replayed message is not processed again")

    agent = object.__new__(Agent)
    agent.tracker_store, agent.lock_store, agent.processor = FailSafeTrackerStore(ours), InMemoryLockStore(), Processor()
    agent.is_ready = lambda: True
    monkeypatch.setattr(SQLTrackerStore, "retrieve", None)   # the replay must not need it
    message = UserMessage("我在柳州", CollectingOutputChannel(), "u1", metadata={"message_id": "m-1"})
    replies = asyncio.run(agent.handle_message(message))
    assert [r["text"] for r in replies] == ["柳州市的措施：……"]
    assert json.dumps(replies[0]["buttons"], ensure_ascii=False) == '[{"title": "详情", "payload": "/details"}]'
