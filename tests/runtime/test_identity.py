"""Conversation ids bound to their channel (runtime/identity.py): the widget's
signed sessions, and the migration of a store written before the ids had a
channel, through Rasa's own SQL tracker store (the old version's writes) and
ours (which migrates when it starts)."""
import asyncio
import json

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore as RasasStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from runtime import identity, patches, secret
from runtime.tracker_store import SQLTrackerStore

patches.install()
DOMAIN = Domain.from_yaml("version: '3.1'\nslots:\n  region:\n    type: text\n    mappings: [{type: custom}]\n")


# ------------------------------------------------------------------ widget sessions
def test_a_widget_session_is_the_servers_own(monkeypatch):
    token, conversation = identity.new_web_session()
    assert identity.web_conversation(token) == conversation and conversation == "web:" + token.split(".")[0]
    nonce, mac = token.split(".")
    assert identity.web_conversation(nonce) is None, "the conversation id alone opens nothing"
    assert identity.web_conversation(nonce + "." + "0" * 32) is None
    assert identity.web_conversation(nonce[:-1] + ("A" if nonce[-1] != "A" else "B") + "." + mac) is None
    for junk in (None, 7, {"a": 1}, "", ".", "x" * 500):
        assert identity.web_conversation(junk) is None
    # another server secret, another signature: a token of another deployment opens nothing here
    monkeypatch.setenv("SERVER_SECRET", "another-secret-of-32-characters!")
    secret.reset()
    try:
        assert identity.web_conversation(token) is None
    finally:
        monkeypatch.delenv("SERVER_SECRET")
        secret.reset()


def test_a_short_server_secret_is_refused(monkeypatch):
    monkeypatch.setenv("SERVER_SECRET", "short")
    secret.reset()
    try:
        with pytest.raises(SystemExit, match="SERVER_SECRET"):
            secret.key("x")
    finally:
        monkeypatch.delenv("SERVER_SECRET")
        secret.reset()


# ------------------------------------------------------------------ migration
def old_conversation(sender, channel, region=None, later=None):
    """A conversation as the version before channel-bound ids stored it (`later`: the
    channel of a second message, from someone who named the same sender id)."""
    events = [ActionExecuted("action_listen")]
    for text, through in (("你好", channel), ("更多", later)):
        if through:
            events.append(UserUttered(text, {"name": "greet", "confidence": 1.0}, input_channel=through))
            events.append(ActionExecuted("action_listen"))
    if region:
        events.append(SlotSet("region", region))
    return DialogueStateTracker.from_events(sender, events, DOMAIN.slots)


@pytest.fixture
def old_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = RasasStore(DOMAIN, host=url)     # Rasa's own class: what the old version wrote with
    conversations = {
        # chat 1001, also written to through REST by someone who knew its id: stays Telegram's
        "1001": old_conversation("1001", "telegram", "柳州", later="rest"),
        "-100123:45": old_conversation("-100123:45", "telegram", "南宁"),
        "0123456789abcdef0123456789abcdef": old_conversation("0123456789abcdef0123456789abcdef", "socketio", "图们"),
        "vet": old_conversation("vet", "rest"),
        # made through the public REST channel to look like a Telegram chat's: stays REST's
        "telegram:555": old_conversation("telegram:555", "rest", "海口"),
        "shell-id": old_conversation("shell-id", "cmdline"),
        "no-user": DialogueStateTracker.from_events("no-user", [ActionExecuted("action_listen")], DOMAIN.slots),
    }
    for tracker in conversations.values():
        asyncio.run(store.save(tracker))
    store.engine.dispose()
    return url


def senders(url):
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        return {r[0] for r in conn.execute(sa.text("SELECT DISTINCT sender_id FROM events"))}


def test_our_store_migrates_an_old_one_when_it_starts_and_conversations_go_on(old_store):
    store = SQLTrackerStore(DOMAIN, host=old_store)
    assert senders(old_store) == {"telegram:1001", "telegram:-100123:45", "web:0123456789abcdef0123456789abcdef",
                                  "rest:vet", "rest:telegram:555", "shell:shell-id", "no-user"}
    # the Telegram chat keeps its profile under the id the channel now uses
    tracker = asyncio.run(store.retrieve("telegram:1001"))
    assert tracker.get_slot("region") == "柳州" and tracker.latest_message.text == "更多"
    assert asyncio.run(store.retrieve("1001")) is None
    assert asyncio.run(store.retrieve("telegram:555")) is None, "a REST-made look-alike is not Telegram's"
    assert asyncio.run(store.retrieve("rest:telegram:555")).get_slot("region") == "海口"


def test_the_migration_runs_once_and_keeps_what_it_cannot_move(old_store):
    engine = sa.create_engine(old_store)
    with engine.begin() as conn:   # the person wrote again after an upgrade without the migration
        conn.execute(sa.text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                             "VALUES ('rest:vet', 'user', 1, :d)"), {"d": json.dumps({"input_channel": "rest"})})
    done = identity.migrate(engine)
    assert "vet" not in done.renamed and ("vet", "rest:vet exists already") in done.kept
    assert done.renamed["1001"] == "telegram:1001"
    again = identity.migrate(engine)
    assert again.skipped and not again.renamed
    forced = identity.migrate(engine, force=True)
    assert forced.renamed == {} and not forced.skipped


def test_a_dry_run_changes_nothing(old_store):
    engine = sa.create_engine(old_store)
    before = senders(old_store)
    done = identity.migrate(engine, dry_run=True)
    assert done.renamed and senders(old_store) == before
    assert not sa.inspect(engine).has_table(identity.MARKER)


def test_the_command_line(old_store, capsys):
    assert identity.main(["migrate", "--url", old_store, "--dry-run"]) == 0
    assert "would rename 1001 -> telegram:1001" in capsys.readouterr().out
    assert identity.main(["migrate", "--url", old_store]) == 0
    assert "renamed 1001 -> telegram:1001" in capsys.readouterr().out
    assert identity.main(["migrate", "--url", old_store]) == 0
    assert "already migrated" in capsys.readouterr().out
