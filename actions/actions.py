"""Rasa action server: thin adapters from slots and NLU output to bot/.

Every fact slot has a custom mapping filled here (action_validate_slot_mappings
runs after every user message, inside and outside the form), so one message
can set several facts and later messages can correct or add to them.
"""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction, ValidationAction

from bot import render, texts
from bot.dialogue import canonical_value, facts_from_entities, item_number, listing, merge_facts, profile_from_slots
from bot.engine import Engine
from bot.kb import default_kb
from bot.script import is_traditional, to_simplified

logger = logging.getLogger(__name__)

FACT_SLOTS = ("region", "groups", "gender", "tech_business", "needs")
# Facts that refine a few measures only: once region and groups are known, at
# most one of these is asked; the rest stay "possible" and are flagged as such.
REFINING = ("gender", "tech_business")
MAX_TEXT = 2000

_engine: Engine | None = None


def engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = Engine(default_kb())
    return _engine


def slots_of(tracker: Tracker) -> dict:
    return {name: tracker.get_slot(name) for name in FACT_SLOTS}


def say(dispatcher: CollectingDispatcher, tracker: Tracker, replies: list, script: str | None = None) -> None:
    for reply in render.localize(replies, script or tracker.get_slot("script")):
        dispatcher.utter_message(**reply.as_dict())


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def _updates(tracker: Tracker) -> dict:
    """Facts stated in the latest message (computed once per request: every
    extract_<slot> method asks for them)."""
    cached = getattr(tracker, "_fact_updates", None)
    if cached is None:
        cached = tracker._fact_updates = _compute_updates(tracker)
    return cached


def _compute_updates(tracker: Tracker) -> dict:
    """Facts stated in the latest message, from entities and from answers to the question asked."""
    kb = engine().kb
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    updates = facts_from_entities(kb, message.get("entities") or [])
    asked = tracker.get_slot("requested_slot")
    text = to_simplified(latest_text(tracker)).strip()
    if asked and asked not in updates and intent not in ("skip", "restart") and not text.startswith("/"):
        # A bare answer to our own question ("柳州", "女", "是") even when NLU found no entity.
        if asked == "region" and kb.gazetteer.resolve(text) is not None and len(text) <= 20:
            updates["region"] = text
        elif asked == "tech_business" and intent in ("affirm", "deny"):
            updates["tech_business"] = intent == "affirm"
        elif asked in ("groups", "gender"):
            value = canonical_value(kb, asked, text) if len(text) <= 20 else None
            if value is not None:
                updates[asked] = [value] if asked == "groups" else value
    # a bare "不是" to the groups question means none of them
    if asked == "groups" and intent in ("none_of_these", "deny") and "groups" not in updates:
        updates["groups"] = []
    return updates


class ValidateSlotMappings(ValidationAction):
    """Fills the fact slots from every user message (name: action_validate_slot_mappings)."""

    async def run(self, dispatcher, tracker, domain):
        # Extraction is the validation: values come out canonical, nothing else to check.
        return await self.get_extraction_events(dispatcher, tracker, domain)

    def _value(self, tracker: Tracker, fact: str) -> Dict[Text, Any]:
        updates = _updates(tracker)
        if fact not in updates:
            return {}
        return merge_facts(slots_of(tracker), {fact: updates[fact]})

    async def extract_region(self, dispatcher, tracker, domain):
        return self._value(tracker, "region")

    async def extract_groups(self, dispatcher, tracker, domain):
        return self._value(tracker, "groups")

    async def extract_gender(self, dispatcher, tracker, domain):
        return self._value(tracker, "gender")

    async def extract_tech_business(self, dispatcher, tracker, domain):
        return self._value(tracker, "tech_business")

    async def extract_needs(self, dispatcher, tracker, domain):
        return self._value(tracker, "needs")

    async def extract_skipped(self, dispatcher, tracker, domain):
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        asked = tracker.get_slot("requested_slot")
        skipped = list(tracker.get_slot("skipped") or [])
        if intent == "skip" and asked and asked not in skipped:
            return {"skipped": skipped + [asked]}
        return {}

    async def extract_script(self, dispatcher, tracker, domain):
        text = latest_text(tracker)
        if not text or text.startswith("/"):
            return {}
        script = (tracker.latest_message or {}).get("script")
        if script is None:
            script = "traditional" if is_traditional(text) else "simplified"
        if script == "simplified" and to_simplified(text) == text and not any("\u4e00" <= c <= "\u9fff" for c in text):
            return {}  # no Chinese characters: keep the script we had
        return {"script": script} if script != tracker.get_slot("script") else {}

    async def extract_page(self, dispatcher, tracker, domain):
        # Any new fact starts the listing from the top again.
        return {"page": 0} if _updates(tracker) else {}


class ValidateProfileForm(FormValidationAction):
    """Asks only what matters: the one unknown fact that settles the most measures."""

    def name(self) -> Text:
        return "validate_profile_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        eng = engine()
        profile = profile_from_slots(eng.kb, slots_of(tracker))
        asked = tracker.get_slot("asked") or []
        # never ask again what was skipped, or a refining question already put once
        skip = set(tracker.get_slot("skipped") or ()) | {f for f in asked if f in REFINING}
        question = eng.match(profile, skip=tuple(skip)).next_question
        if question is None:
            return []
        if question["fact"] in REFINING and any(f in REFINING for f in asked):
            return []  # one refining question per conversation is enough
        return [question["fact"]]


class AskFact(Action, ABC):
    """Asks for one fact, with buttons built from facts.yml."""

    @property
    @abstractmethod
    def fact(self) -> str:
        """The fact this action asks for (subclasses set it)."""

    def name(self) -> Text:
        return f"action_ask_{self.fact}"

    async def run(self, dispatcher, tracker, domain):
        say(dispatcher, tracker, [render.question(engine().kb, self.fact)])
        asked = list(tracker.get_slot("asked") or [])
        return [] if self.fact in asked else [SlotSet("asked", asked + [self.fact])]


class AskRegion(AskFact):
    fact = "region"


class AskGroups(AskFact):
    fact = "groups"


class AskGender(AskFact):
    fact = "gender"


class AskTechBusiness(AskFact):
    fact = "tech_business"


def _current(tracker: Tracker):
    eng = engine()
    slots = slots_of(tracker)
    result = eng.match(profile_from_slots(eng.kb, slots), skip=tuple(tracker.get_slot("skipped") or ()))
    return eng, slots, result, listing(eng, result)


class ShowMeasures(Action):
    def name(self) -> Text:
        return "action_show_measures"

    async def run(self, dispatcher, tracker, domain):
        eng, slots, result, items = _current(tracker)
        say(dispatcher, tracker, render.page(eng.kb, result, items, slots, 0))
        return [SlotSet("page", 0)]


class ListingAction(Action, ABC):
    """An action about the listing the person has seen (page, details, agencies).
    Abstract, so the action server does not register it."""

    async def run(self, dispatcher, tracker, domain):
        eng, slots, result, items = _current(tracker)
        if not items:
            say(dispatcher, tracker, [render.Reply(texts.NO_RESULTS_YET)])
            return []
        return self.respond(dispatcher, tracker, eng, slots, result, items)

    @abstractmethod
    def respond(self, dispatcher, tracker, eng, slots, result, items) -> list:
        """The events after replying about `items`."""


class MoreMeasures(ListingAction):
    def name(self) -> Text:
        return "action_more"

    def respond(self, dispatcher, tracker, eng, slots, result, items):
        page_no = int(tracker.get_slot("page") or 0) + 1
        say(dispatcher, tracker, render.page(eng.kb, result, items, slots, page_no))
        last = (len(items) - 1) // render.PAGE_SIZE
        return [SlotSet("page", float(min(page_no, last)))]


def _item(tracker: Tracker) -> int | None:
    for ent in (tracker.latest_message or {}).get("entities") or []:
        if ent.get("entity") == "item":
            try:
                return int(ent.get("value"))
            except (TypeError, ValueError):
                pass
    text = latest_text(tracker)
    return None if text.startswith("/") else item_number(to_simplified(text))


class Details(ListingAction):
    def name(self) -> Text:
        return "action_details"

    def respond(self, dispatcher, tracker, eng, slots, result, items):
        n = _item(tracker)
        if n is None and len(items) == 1:
            n = 1
        if n is None or not 1 <= n <= len(items):
            say(dispatcher, tracker, [render.Reply(texts.BAD_ITEM.format(n=len(items)))])
        else:
            say(dispatcher, tracker, [render.details(n, items[n - 1])])
        return []


class Agencies(ListingAction):
    def name(self) -> Text:
        return "action_agencies"

    def respond(self, dispatcher, tracker, eng, slots, result, items):
        n = _item(tracker)
        only = n if n is not None and 1 <= n <= len(items) else None
        start = int(tracker.get_slot("page") or 0) * render.PAGE_SIZE
        say(dispatcher, tracker, [render.agencies(items, start, only)])
        return []


class StartOver(Action):
    def name(self) -> Text:
        return "action_start_over"

    async def run(self, dispatcher, tracker, domain):
        say(dispatcher, tracker, [render.Reply(texts.RESTARTED)])
        script = tracker.get_slot("script")
        return [ActiveLoop(None), AllSlotsReset(), SlotSet("script", script)]


class Say(Action, ABC):
    """Fixed replies (greeting, help, honesty about being a bot, fallbacks)."""

    text = ""

    @property
    @abstractmethod
    def action(self) -> str:
        """The action's name (subclasses set it)."""

    def name(self) -> Text:
        return self.action

    async def run(self, dispatcher, tracker, domain):
        say(dispatcher, tracker, [render.Reply(self.reply_text(tracker))])
        return []

    def reply_text(self, tracker: Tracker) -> str:
        return self.text


class Greet(Say):
    action, text = "action_greet", texts.GREET


class Help(Say):
    action, text = "action_help", texts.HELP


class BotChallenge(Say):
    action, text = "action_bot_challenge", texts.BOT_CHALLENGE


class Goodbye(Say):
    action, text = "action_goodbye", texts.GOODBYE


class Thanks(Say):
    action, text = "action_thanks", texts.THANKS


class OutOfScope(Say):
    action = "action_out_of_scope"

    def reply_text(self, tracker):
        text = latest_text(tracker)
        if len(text) > MAX_TEXT:
            return texts.TOO_LONG
        if not any("\u4e00" <= c <= "\u9fff" for c in text):
            return texts.ODD_INPUT
        return texts.OUT_OF_SCOPE


class Fallback(OutOfScope):
    """nlu_fallback and low core confidence: help on what to say."""

    action = "action_fallback"

    def reply_text(self, tracker):
        odd = super().reply_text(tracker)
        return odd if odd != texts.OUT_OF_SCOPE else texts.FALLBACK
