"""The HTTP API's POST /conversations/<id>/messages hands its message straight to
MessageProcessor.log_message, past the message guard (Agent.handle_message): its
text reached NLU and the tracker store unmasked and uncut. Here log_message
prepares every message first as the guard does (runtime/inbound.py: length cap,
control characters, metadata, masking); for a message the guard already
prepared it changes nothing. The conversation id is left as the caller named it:
the HTTP API is the operators' (token-protected) access to every conversation.

Replaces rasa.core.processor.MessageProcessor.log_message (the route is a
closure inside rasa.server.create_app; there is no extension point)."""
from __future__ import annotations

import logging

from .. import inbound, privacy
from .base import replace

NAME = "api_messages"
logger = logging.getLogger(__name__)


def install() -> bool:
    from rasa.core.processor import MessageProcessor

    return replace(MessageProcessor, "log_message", log_message, NAME)


async def log_message(self, message, should_save_tracker: bool = True):
    if not inbound.prepared(message):
        mistake = inbound.prepare(message)
        if mistake is not None:
            logger.info("message for %s stored empty: %s", message.sender_id, mistake.reason)
        if message.parse_data:
            message.parse_data = privacy.mask_value(message.parse_data)
    return await log_message.__wrapped__(self, message, should_save_tracker)
