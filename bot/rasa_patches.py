"""The one change we make to Rasa 3.6.21's behaviour, installed when our NLU
component is imported by the Rasa server.

When the action server is down (or a custom action fails), Rasa logs the error
and the person gets silence. Here the failing call instead yields one short
apology per user message, in every channel (rasa shell, REST, Telegram, web).
"""
from __future__ import annotations

import logging

from . import texts

logger = logging.getLogger(__name__)
_apologised: dict = {}   # sender_id -> id of the user message already apologised for


def install() -> None:
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.core.events import BotUttered
    from rasa.shared.exceptions import RasaException

    if getattr(RemoteAction.run, "_apologises", False):
        return
    original = RemoteAction.run

    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except RasaException as exc:
            if self.name() == "action_validate_slot_mappings":
                raise  # ActionExtractSlots logs it; the next action apologises
            logger.error("custom action %s failed: %s", self.name(), exc)
            message = tracker.latest_message
            key = getattr(message, "message_id", None) or id(message)
            if _apologised.get(tracker.sender_id) == key:
                return []
            _apologised[tracker.sender_id] = key
            if len(_apologised) > 10_000:
                _apologised.clear()
            return [BotUttered(text=texts.ACTION_SERVER_DOWN)]

    run._apologises = True  # type: ignore[attr-defined]
    RemoteAction.run = run
