"""What the message guard does before anything else sees a message
(runtime/inbound.py, runtime/identity.py, runtime/patches/message_guard.py),
through Rasa's Agent.handle_message with a stand-in processor that stores what
it was given: conversation ids bound to the channel, the length cap first and
what is stored cut to it, the rate limit before masking, control characters,
metadata, and a text that is not a string."""
import asyncio
import json
import logging
import math

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered

from bot import texts
from bot.dialogue import MAX_TEXT
from runtime import identity, inbound, patches, privacy
from runtime.lock_store import InMemoryLockStore

patches.install()


class StoringProcessor:
    """Stores the message as Rasa's processor would (text and metadata) and echoes it."""

    def __init__(self, store):
        self.store, self.seen = store, []

    async def handle_message(self, message):
        self.seen.append(message)
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, input_channel=message.input_channel,
                                   message_id=message.message_id, metadata=message.metadata))
        await self.store.save(tracker)
        await message.output_channel.send_text_message(message.sender_id, "收到")
        return message.output_channel.messages


class FakeAgent:
    handle_message = Agent.handle_message   # the guarded one

    def __init__(self):
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.lock_store = InMemoryLockStore()
        self.processor = StoringProcessor(self.tracker_store)

    def is_ready(self):
        return True

    def stored(self, conversation_id):
        tracker = asyncio.run(self.tracker_store.retrieve(conversation_id))
        return [e for e in tracker.events if isinstance(e, UserUttered)] if tracker else []


class TelegramLikeOutput(CollectingOutputChannel):
    vouches_for = "telegram"


def send(agent, text, sender="u", channel="rest", metadata=None, output=None):
    message = UserMessage("", output or CollectingOutputChannel(), sender, input_channel=channel,
                          metadata=metadata)
    message.text = text      # as a channel hands it over (Rasa's UserMessage would strip() it)
    replies = asyncio.run(agent.handle_message(message))
    return message, [m.get("text") for m in replies or []]


# ------------------------------------------------------------------ whose conversation
def test_a_channel_addresses_only_its_own_conversations():
    agent = FakeAgent()
    victim, _ = send(agent, "我在柳州", sender="telegram:777", channel="telegram", output=TelegramLikeOutput())
    assert victim.sender_id == "telegram:777"
    for named in ("777", "telegram:777", "web:777"):
        attack, _ = send(agent, "偷看", sender=named, channel="rest")
        assert attack.sender_id.startswith("rest:") and attack.sender_id != "telegram:777"
    # Rasa's REST-based channels take `input_channel` from the request body: a message that
    # claims to be Telegram's without Telegram's output lands in a namespace of its own
    forged, _ = send(agent, "偷看", sender="777", channel="telegram")
    assert forged.sender_id == "unverified:777"
    assert [e.text for e in agent.stored("telegram:777")] == ["我在柳州"]


def test_a_message_without_a_sender_gets_a_conversation_of_its_own():
    agent = FakeAgent()
    ids = {send(agent, "你好", sender=s)[0].sender_id for s in ("", "  ", "")}
    ids |= {identity.bind("rest", None), identity.bind("socketio", None)}
    assert len(ids) == 5 and all(i.startswith(("rest:", "web:")) for i in ids)


@pytest.mark.parametrize("sender", ["13812345678", "wang@example.com", "a" * 300, "名字", "x\x00y", "=1+1"])
def test_a_sender_id_that_is_not_a_plain_token_is_stored_as_a_keyed_hash(sender):
    agent = FakeAgent()
    message, _ = send(agent, "你好", sender=sender)
    assert message.sender_id.startswith("rest:h-") and sender not in message.sender_id
    assert send(agent, "再来", sender=sender)[0].sender_id == message.sender_id, "the same sender, the same conversation"


def test_plain_sender_ids_are_kept_readable():
    assert identity.bind("rest", "vet-01") == "rest:vet-01"
    assert identity.bind("rest", "rest:vet-01") == "rest:vet-01"
    assert identity.bind("rest", 12345) == "rest:12345"
    assert identity.bind("telegram", "telegram:-100123:45") == "telegram:-100123:45"
    assert identity.bind("cmdline", "abc") == "shell:abc"


# ------------------------------------------------------------------ limits first
def test_the_length_cap_comes_before_masking_and_nothing_longer_is_stored(monkeypatch):
    seen = []
    real = privacy.mask
    monkeypatch.setattr(privacy, "mask", lambda text: seen.append(len(text or "")) or real(text))
    agent = FakeAgent()
    message, _ = send(agent, "a" * 64_000 + "13812345678", sender="long")
    assert seen and max(seen) <= MAX_TEXT, "the masking saw more than the cap"
    stored = agent.stored("rest:long")[0]
    assert len(stored.text) == MAX_TEXT and stored.metadata[inbound.TRUNCATED] is True


def test_a_message_over_the_rate_limit_is_not_even_masked(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "2")
    calls = []
    real = inbound.mask
    monkeypatch.setattr(inbound, "mask", lambda message: calls.append(message.text) or real(message))
    agent = FakeAgent()
    replies = [send(agent, f"消息{i}", sender="flood")[1] for i in range(5)]
    assert replies[2:] == [[texts.TOO_FAST]] * 3
    assert calls == ["消息0", "消息1"]


def test_a_client_cannot_set_the_truncated_flag():
    agent = FakeAgent()
    send(agent, "你好", sender="t", metadata={"truncated": True, "message_id": "m1"})
    assert "truncated" not in agent.stored("rest:t")[0].metadata


# ------------------------------------------------------------------ what is stored
def test_control_characters_never_reach_the_store():
    agent = FakeAgent()
    send(agent, "我在\x00柳州\x1b[31m\r\n想\u202e贷款\ud800", sender="c")
    assert agent.stored("rest:c")[0].text == "我在柳州[31m\n想贷款"


def test_metadata_is_masked_kept_small_and_json():
    agent = FakeAgent()
    send(agent, "你好", sender="m", metadata={"phone": "13812345678", "note": {"mail": "a@b.cn"},
                                              "n": math.nan, "message_id": "m-1"})
    stored = agent.stored("rest:m")[0].metadata
    assert stored == {"phone": "[手机号]", "note": {"mail": "[邮箱]"}, "n": None, "message_id": "m-1"}
    json.dumps(stored, allow_nan=False)
    send(agent, "你好", sender="big", metadata={"blob": "x" * 10_000, "message_id": "m-2"})
    assert agent.stored("rest:big")[0].metadata == {"message_id": "m-2"}


@pytest.mark.parametrize("metadata", [None, "text", [1, 2], 3])
def test_metadata_that_is_not_an_object_is_dropped(metadata):
    agent = FakeAgent()
    send(agent, "你好", sender="o", metadata=metadata)
    assert agent.stored("rest:o")[0].metadata == {}


@pytest.mark.parametrize("text", [123, {"a": "13812345678"}, ["x"], 1.5, True])
def test_a_text_that_is_not_a_string_gets_a_friendly_reply_and_no_error(text, caplog):
    agent = FakeAgent()
    with caplog.at_level(logging.INFO):
        message, replies = send(agent, text, sender="odd")
    assert replies == [texts.ODD_INPUT]
    assert agent.processor.seen == [], "never reaches NLU"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "13812345678" not in caplog.text and "not a string" in caplog.text
