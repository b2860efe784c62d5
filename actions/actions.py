"""Rasa action server: one action per user message.

action_respond hands the slots and the latest message to the Rasa-free
dialogue policy (bot/dialogue) and turns its outcome into Rasa events.
Every user message, whatever its intent, is routed here by data/rules.yml
(and by the RulePolicy's core fallback), so each message gets one answer.
action_restart overrides Rasa's default of the same name, which would reset
the conversation silently on "/restart".
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import dialogue as conversation, texts
from bot.replies import consultation, render
from bot.matching.engine import Engine
from bot.rules import default_kb
from runtime import secret, summary_store

logger = logging.getLogger(__name__)
# summary ids are keyed with the server secret: a link cannot be computed from a profile
consultation.use_id_key(secret.key("summary-id"))


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One engine per process: it compiles the knowledge base once."""
    return Engine(default_kb())


def incoming(tracker: Tracker) -> conversation.Incoming:
    latest = tracker.latest_message or {}
    return conversation.Incoming(
        text=latest.get("text") or "",
        intent=(latest.get("intent") or {}).get("name"),
        entities=list(latest.get("entities") or []),
        script=latest.get("script"),
        truncated=bool(latest.get("truncated")),
    )


def slots_of(tracker: Tracker) -> dict:
    return {name: tracker.get_slot(name) for name in conversation.slot_names(engine().kb)}


def apply(dispatcher: CollectingDispatcher, tracker: Tracker, outcome: conversation.Outcome) -> list:
    replies = list(outcome.replies)
    if outcome.summary is not None:
        # stored for GET /summary/<id> and Telegram; the link follows the core's reply
        summary_store.save(outcome.summary.record())
        link = summary_store.url(outcome.summary.id)
        replies.append(render.Reply(texts.SUMMARY_LINK.format(url=link)))
    for i, reply in enumerate(render.localize(replies, outcome.script(tracker.get_slot("script")), engine().kb)):
        message = reply.as_dict()
        if outcome.summary is not None and i == len(replies) - 1:
            # channels that can send a file (Telegram) read this; the others show the text
            message["json_message"] = {"summary": {"id": outcome.summary.id, "url": link}}
        dispatcher.utter_message(**message)
    events: list = [AllSlotsReset()] if outcome.reset else []
    return events + [SlotSet(name, value) for name, value in outcome.slots.items()]


class Respond(Action):
    def name(self) -> Text:
        return "action_respond"

    async def run(self, dispatcher, tracker, domain):
        return apply(dispatcher, tracker, conversation.respond(engine(), slots_of(tracker), incoming(tracker)))


class Restart(Respond):
    """Rasa's /restart intent: the same as 重新开始."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher, tracker, domain):
        message = conversation.Incoming(text="/start_over", intent="start_over")
        return apply(dispatcher, tracker, conversation.respond(engine(), slots_of(tracker), message))
