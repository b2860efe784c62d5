"""The REST channel for trusted callers: POST /webhooks/rest/webhook, Rasa's
request and reply format, but

- it needs REST_CHANNEL_TOKEN, sent as `Authorization: Bearer <token>` (compared
  in constant time; a token in the URL is refused). Without REST_CHANNEL_TOKEN
  the channel is off: every request gets 403 saying how to switch it on;
- a sender's conversation is `rest:<sender>` (runtime/identity.py): a REST caller
  cannot reach a Telegram or web conversation, whatever sender it names; a
  request without a sender gets a new conversation, named in the reply's
  X-Conversation-Id header;
- a body that is not a JSON object, a message that is not a string, a sender or
  metadata of the wrong type get 400 with what is wrong (Rasa's channel answered
  500, or dropped the message and logged its raw text);
- requests without the right token are counted per client address
  (runtime/rate_limit.py: CLIENT_LIMIT_PER_MINUTE), so the token cannot be tried
  in bulk; a trusted caller (one integration may serve many people from one
  address) is limited per sender only, like everyone (RATE_LIMIT_PER_MINUTE).

credentials*.yml name it `runtime.channels.rest.RestInput`, in place of Rasa's `rest:`.
Who uses it: the project's tests and benches (localrun/servers.py's Bot,
bench/load.py), scripts/record_stories.py, and operators' own integrations.
"""
from __future__ import annotations

import hmac
import json
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from runtime import identity, rate_limit

logger = logging.getLogger(__name__)

TOKEN_ENV = "REST_CHANNEL_TOKEN"
CONVERSATION_HEADER = "X-Conversation-Id"
OFF = (f"The REST channel is off: set {TOKEN_ENV} on the server and send it as "
       "`Authorization: Bearer <token>`.")
NOT_IN_URL = "Send the token in the Authorization header (Authorization: Bearer <token>), not in the URL."


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


class RestInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        for key in sorted(credentials or {}):
            logger.warning("credentials: unknown key %r for the REST channel (the token comes from %s)",
                           key, TOKEN_ENV)
        return cls(os.environ.get(TOKEN_ENV, "").strip() or None)

    def __init__(self, token: Optional[str] = None) -> None:
        self.token = token

    def authorized(self, request: Request) -> Optional[HTTPResponse]:
        """None if the request may go on, else the answer."""
        if not self.token:
            return _error(403, OFF)
        if "token" in request.args:
            return _error(401, NOT_IN_URL)
        header = request.headers.get("authorization") or ""
        given = header[7:].strip() if header[:7].lower() == "bearer " else ""
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            return _error(401, "A valid `Authorization: Bearer <token>` header is required.")
        return None

    @staticmethod
    def read(request: Request) -> tuple:
        """(text, sender, metadata, None) from the body, or (None, None, None, what is wrong)."""
        try:
            body = json.loads(request.body or b"")
        except (ValueError, UnicodeDecodeError, RecursionError):   # RecursionError: [[[[… nested too deep
            return None, None, None, "The body must be a JSON object."
        if not isinstance(body, dict):
            return None, None, None, "The body must be a JSON object, e.g. {\"sender\": \"…\", \"message\": \"…\"}."
        text = body.get("message", body.get("text"))
        if not isinstance(text, str):
            return None, None, None, "\"message\" must be a string."
        sender = body.get("sender")
        if sender is not None and (isinstance(sender, bool) or not isinstance(sender, (str, int))):
            return None, None, None, "\"sender\" must be a string."
        metadata = body.get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            return None, None, None, "\"metadata\" must be a JSON object."
        return text, sender, metadata, None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("trusted_rest_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.token else "off"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            refused = self.authorized(request)
            if refused is not None:
                if not rate_limit.client_allowed(rate_limit.client_address(request)):
                    return _error(429, "Too many requests from this address; wait a minute.")
                return refused
            text, sender, metadata, problem = self.read(request)
            if problem:
                return _error(400, problem)
            conversation = identity.bind(self.name(), sender)
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, conversation, input_channel=self.name(),
                                             metadata=metadata))
            return response.json(collector.messages, headers={CONVERSATION_HEADER: conversation})

        return bp
