"""The guard every user message passes before Rasa handles it
(runtime/patches/message_guard.py): masking, rate limit, replay of a retried
message id, a clear reply when a store fails (with loud_tracker_store.py), one
retry on a dropped DB connection. Conversation ids, the length cap and the
order of the limits: tests/runtime/test_input_guard.py. A UserMessage without a
channel (as here) gets conversation ids `local:<sender>`."""
import asyncio
import logging
import socket

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bot import texts
from runtime import patches
from runtime.lock_store import InMemoryLockStore, RedisLockStore

patches.install()


class EchoProcessor:
    """Stands in for Rasa's processor: stores the turn and echoes the text."""

    def __init__(self, store, failures=()):
        self.store, self.failures, self.seen = store, list(failures), []

    async def handle_message(self, message):
        self.seen.append(message.text)
        if self.failures:
            raise self.failures.pop(0)
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        reply = f"收到：{message.text}"
        await message.output_channel.send_text_message(message.sender_id, reply)
        tracker.update(BotUttered(reply))
        await self.store.save(tracker)
        return message.output_channel.messages


class FakeAgent:
    handle_message = Agent.handle_message   # the guarded one

    def __init__(self, failures=(), lock_store=None, tracker_store=None):
        self.tracker_store = tracker_store or InMemoryTrackerStore(Domain.empty())
        self.lock_store = lock_store or InMemoryLockStore()
        self.processor = EchoProcessor(self.tracker_store, failures)

    def is_ready(self):
        return True


def say(agent, sender, text, message_id=None):
    message = UserMessage(text, CollectingOutputChannel(), sender,
                          metadata={"message_id": message_id} if message_id else None)
    return [m["text"] for m in asyncio.run(agent.handle_message(message))]


def test_personal_data_never_reaches_rasa_or_the_store():
    agent = FakeAgent()
    say(agent, "u1", "我是退役军人，手机13812345678，身份证110101199003071234")
    assert agent.processor.seen == ["我是退役军人，手机[手机号]，身份证[身份证号]"]
    tracker = asyncio.run(agent.tracker_store.retrieve("local:u1"))
    stored = str(tracker.current_state())
    assert "13812345678" not in stored and "110101199003071234" not in stored


def test_a_flooding_sender_is_told_to_slow_down_and_others_are_served(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "3")
    agent = FakeAgent()
    replies = [say(agent, "flood", f"消息{i}") for i in range(6)]
    assert replies[3:] == [[texts.TOO_FAST]] * 3
    assert len(agent.processor.seen) == 3, "rejected messages never reach NLU or the policies"
    assert say(agent, "other", "你好") == ["收到：你好"]


def test_a_retried_message_id_is_answered_once_with_the_same_replies():
    agent = FakeAgent()
    first = say(agent, "u2", "我在柳州", message_id="m-1")
    again = say(agent, "u2", "我在柳州", message_id="m-1")
    assert again == first == ["收到：我在柳州"]
    assert agent.processor.seen == ["我在柳州"]
    tracker = asyncio.run(agent.tracker_store.retrieve("local:u2"))
    assert sum(isinstance(e, UserUttered) for e in tracker.events) == 1
    assert say(agent, "u2", "想贷款", message_id="m-2") == ["收到：想贷款"]


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_redis_gives_a_clear_reply_and_log(caplog):
    # our Redis lock store, pointed at a port nobody listens on
    agent = FakeAgent(lock_store=RedisLockStore(host="127.0.0.1", port=closed_port()))
    with caplog.at_level(logging.ERROR):
        assert say(agent, "u3", "你好") == [texts.SERVICE_UNAVAILABLE]
    assert "lock store (Redis) is unreachable" in caplog.text
    assert agent.processor.seen == []


def test_a_dropped_database_connection_is_retried_once():
    dropped = OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"),
                               connection_invalidated=True)
    agent = FakeAgent(failures=[dropped])
    assert say(agent, "u4", "你好") == ["收到：你好"]


def test_a_database_that_stays_down_gets_the_apology(caplog):
    down = [OperationalError("SELECT", {}, Exception("connection refused"), connection_invalidated=True)
            for _ in range(2)]
    agent = FakeAgent(failures=down)
    with caplog.at_level(logging.ERROR):
        assert say(agent, "u5", "你好") == [texts.SERVICE_UNAVAILABLE]
    assert "tracker store database failed" in caplog.text


def test_a_failing_database_is_not_replaced_by_an_empty_memory(tmp_path, caplog):
    # Rasa's FailSafeTrackerStore would answer from a blank in-memory tracker
    # (earlier answers forgotten) and save the turn nowhere.
    sql = SQLTrackerStore(Domain.empty(), host=f"sqlite:///{tmp_path / 'tracker.db'}")
    agent = FakeAgent(tracker_store=FailSafeTrackerStore(sql))
    assert say(agent, "u7", "我在柳州") == ["收到：我在柳州"]
    with sql.engine.begin() as connection:   # the database loses its table
        connection.execute(text("DROP TABLE events"))
    with caplog.at_level(logging.ERROR):
        assert say(agent, "u7", "更多") == [texts.SERVICE_UNAVAILABLE]
    assert "tracker store database failed" in caplog.text
    assert not list(asyncio.run(agent.tracker_store.fallback_tracker_store.keys()))


def test_a_lock_store_without_a_rate_limiter_is_named_in_the_reply_log(caplog):
    from rasa.core.lock_store import InMemoryLockStore as RasasOwn   # LOCK_STORE_TYPE=in_memory

    agent = FakeAgent(lock_store=RasasOwn())
    with caplog.at_level(logging.ERROR):
        assert say(agent, "u8", "你好") == [texts.SERVICE_UNAVAILABLE]
    assert "runtime.lock_store.InMemoryLockStore" in caplog.text
    assert agent.processor.seen == []


@pytest.mark.parametrize("bad", [None, {"message_id": ""}, {"message_id": {"x": 1}}, "text"])
def test_odd_metadata_is_ignored(bad):
    agent = FakeAgent()
    message = UserMessage("你好", CollectingOutputChannel(), "u6", metadata=bad)
    assert [m["text"] for m in asyncio.run(agent.handle_message(message))] == ["收到：你好"]
