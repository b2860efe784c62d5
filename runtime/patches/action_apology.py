"""When the action server is down (or a custom action fails), Rasa 3.6.21 logs
the error and the person gets silence (MessageProcessor._run_action catches it).
Here the failing call yields one short apology per user message instead.

Replaces rasa.core.actions.action.RemoteAction.run (no extension point: the
processor catches the error itself)."""
from __future__ import annotations

import logging

from bot import texts

from .base import replace

NAME = "action_apology"
logger = logging.getLogger(__name__)
_apologised: dict = {}   # sender_id -> id of the user message already apologised for


def install() -> bool:
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.core.events import BotUttered
    from rasa.shared.exceptions import RasaException

    original = RemoteAction.run

    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except RasaException as exc:
            logger.error("custom action %s failed: %s", self.name(), exc)
            message = tracker.latest_message
            key = getattr(message, "message_id", None) or id(message)
            if _apologised.get(tracker.sender_id) == key:
                return []
            _apologised[tracker.sender_id] = key
            if len(_apologised) > 10_000:
                _apologised.clear()
            return [BotUttered(text=texts.ACTION_SERVER_DOWN)]

    return replace(RemoteAction, "run", run, NAME)
