"""What the message guard (runtime/patches/message_guard.py) does to a message
before anything else sees it, cheapest first, each step linear in the text:

1. `check`: the conversation id bound to the channel (runtime/identity.py); the
   text must be a string (else the person gets a friendly reply, not a crash);
   it is cut at the one length cap, bot.dialogue.MAX_TEXT characters, *first*,
   so nothing after it ever sees more (and nothing longer is stored); NUL, other
   control characters, lone surrogates and bidirectional overrides are removed
   (PostgreSQL cannot read a JSON text holding U+0000; YAML exports cannot hold
   control characters). Channel metadata must be a small JSON object.
2. (the guard applies the per-sender rate limit)
3. `mask`: personal identifiers masked in the text and in the metadata
   (runtime/privacy.py).

A cut message carries `metadata["truncated"]`, which the NLU component passes on
so the dialogue says that it only read the beginning.
"""
from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass

from bot.dialogue import MAX_TEXT

from . import identity, privacy

logger = logging.getLogger(__name__)

TRUNCATED = "truncated"            # metadata key and NLU output property
MAX_METADATA_BYTES = 2048          # of JSON; larger metadata keeps only its message_id
MAX_MESSAGE_ID = 128
_PREPARED = "_inbound_prepared"
# C0/C1 controls except tab and newline, lone surrogates, bidirectional overrides
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass
class Mistake:
    """A message the client got wrong: what to log (never the raw value)."""
    reason: str


def clean(text: str) -> str:
    """Control characters removed (linear; callers cut the text first)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def cut(text: str, limit: int = MAX_TEXT) -> tuple[str, bool]:
    """The first `limit` characters, cleaned; True if the text was longer."""
    return clean(text[:limit]), len(text) > limit


def check(message) -> Mistake | None:
    """Step 1 (see the module docstring) on a rasa UserMessage, in place."""
    message.input_channel = identity.verified(message.input_channel, message.output_channel)
    message.sender_id = identity.bind(message.input_channel, message.sender_id)
    return check_text(message)


def check_text(message) -> Mistake | None:
    """Step 1 but the identity (the HTTP API names its conversation itself)."""
    message.metadata = _metadata(message.metadata)
    if message.text is None:
        message.text = ""
    if not isinstance(message.text, str):
        kind = type(message.text).__name__
        message.text = ""
        return Mistake(f"the message text is a {kind}, not a string")
    message.text, truncated = cut(message.text)
    if truncated:
        message.metadata[TRUNCATED] = True
    return None


def mask(message) -> None:
    """Step 3, in place; doing it twice changes nothing."""
    if getattr(message, _PREPARED, False):
        return
    message.text = privacy.mask(message.text)
    message.metadata = privacy.mask_value(message.metadata) if message.metadata else message.metadata
    setattr(message, _PREPARED, True)


def prepared(message) -> bool:
    """Masked already (by the guard; the HTTP API's path does it again otherwise)."""
    return getattr(message, _PREPARED, False)


def prepare(message) -> Mistake | None:
    """Steps 1 (but the identity) and 3, for the path without a rate limit: the
    HTTP API's POST /conversations/<id>/messages (token-protected)."""
    if getattr(message, _PREPARED, False):
        return None
    mistake = check_text(message)
    mask(message)
    return mistake


def client_message_id(message) -> str | None:
    value = (message.metadata or {}).get("message_id")
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return clean(str(value).strip()[:MAX_MESSAGE_ID])
    return None


def _metadata(value) -> dict:
    """A JSON object of at most MAX_METADATA_BYTES; else only its message_id survives."""
    if not isinstance(value, dict):
        return {}
    value = dict(value)
    value.pop(TRUNCATED, None)            # the guard's own flag, never a client's
    try:
        size = len(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass"))
    except (TypeError, ValueError, RecursionError):
        size = MAX_METADATA_BYTES + 1
    if size <= MAX_METADATA_BYTES:
        return _cleaned(value)
    logger.info("message metadata of %s bytes dropped (at most %d kept)", size, MAX_METADATA_BYTES)
    keep = value.get("message_id")
    return {"message_id": keep} if isinstance(keep, (str, int)) and not isinstance(keep, bool) else {}


def _cleaned(value, depth: int = 0):
    if isinstance(value, str):
        return clean(value)
    if depth > 8:
        return None
    if isinstance(value, dict):
        return {clean(str(k)): _cleaned(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_cleaned(v, depth + 1) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None     # NaN is not JSON: PostgreSQL could not read it
    if value is None or isinstance(value, (bool, int)):
        return value
    return clean(str(value))
