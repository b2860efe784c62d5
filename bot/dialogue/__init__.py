"""The dialogue, Rasa-free: slots + the latest message -> replies + slot changes.

`respond` decides every turn by one ordered table of acts (bot/dialogue/policy.py).
Rasa's part is to classify the message (intent, entities) and to store the slots; one
custom action (action_respond, actions/) calls `respond` once per user message.
"""
from .policy import respond
from .turn import (CONSOLE_SLOTS, DIALOGUE_SLOTS, MAX_TEXT, ConsoleSlot, Incoming, Outcome, listing,
                   profile_from_slots, slot_names)

__all__ = ["CONSOLE_SLOTS", "DIALOGUE_SLOTS", "ConsoleSlot", "MAX_TEXT", "Incoming", "Outcome", "listing", "profile_from_slots",
           "respond", "slot_names"]
