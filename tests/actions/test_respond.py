"""The Rasa adapter (actions/actions.py): one action turns the core's outcome
into Rasa events and messages. The dialogue itself is tested in
tests/bot/dialogue/test_conversation.py."""
import asyncio
from pathlib import Path

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from bot.dialogue import slot_names
from bot.rules import default_kb

SLOTS = slot_names(default_kb())

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def make_tracker(slots=None, text="", intent="inform", entities=(), script=None):
    values = {name: None for name in list(DOMAIN["slots"]) + ["requested_slot"]}
    values["page"] = 0
    values.update(slots or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": list(entities)}
    if script:
        latest["script"] = script
    return Tracker("tester", values, latest, [], False, None, {}, "action_listen")


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages, events


def test_domain_declares_every_slot_the_core_uses():
    assert set(SLOTS) <= set(DOMAIN["slots"])


def test_every_intent_is_routed_to_the_one_action():
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    routed = {r["steps"][0]["intent"] for r in rules if r["steps"][1:] == [{"action": "action_respond"}]}
    assert set(DOMAIN["intents"]) | {"nlu_fallback"} <= routed
    # after either action, whatever came before, the bot listens (no fallback loop)
    assert {"action_respond", "action_restart"} <= {r["steps"][0].get("action") for r in rules if len(r["steps"]) == 1}
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    [policy] = config["policies"]
    assert policy["core_fallback_action_name"] == "action_respond"


def test_respond_sends_messages_and_sets_slots():
    text = "我是退伍军人，在柳州"
    t = make_tracker(text=text, entities=[{"entity": "group", "value": "退伍军人", "start": 2, "end": 6}])
    messages, events = run(A.Respond(), t)
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["groups"] == ["veteran"] and slots["region"] == "广西壮族自治区柳州市"
    assert messages and messages[0]["text"] and messages[0]["buttons"]


def test_restart_resets_slots_and_keeps_the_script():
    t = make_tracker(slots={"region": "柳州", "script": "traditional"}, text="重新開始", intent="start_over")
    messages, events = run(A.Respond(), t)
    assert events[0]["event"] == "reset_slots"
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["script"] == "traditional"
    assert "重新開始" in messages[0]["text"]


def test_rasa_restart_intent_is_answered_not_silent():
    messages, events = run(A.Restart(), make_tracker(slots={"region": "柳州"}, text="/restart", intent="restart"))
    assert "重新开始" in messages[0]["text"] and events[0]["event"] == "reset_slots"
