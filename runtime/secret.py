"""The server secret (SERVER_SECRET) and the keys derived from it, one per purpose:
web-widget sessions signed by the Rasa servers, summary ids made by the action
servers, REST sender ids that had to be hashed. Every replica and action server
of one deployment must share it (deploy/, localrun/cluster.py, .env.example).

Without SERVER_SECRET each process draws a random one at start (and says so
once): nothing is guessable, but web sessions last only until the process
restarts and two action servers give the same consultation different ids.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from functools import lru_cache

ENV = "SERVER_SECRET"
MIN_LENGTH = 16
logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _master() -> bytes:
    value = os.environ.get(ENV, "").strip()
    if value:
        if len(value) < MIN_LENGTH:
            raise SystemExit(f"{ENV} must have at least {MIN_LENGTH} characters "
                             "(e.g. `openssl rand -hex 32`)")
        return value.encode()
    logger.warning("%s is not set: using a random secret for this process (web-widget sessions end when it "
                   "restarts; set %s, shared by every server, in production)", ENV, ENV)
    return secrets.token_bytes(32)


def check() -> None:
    """At start: a SERVER_SECRET too short stops the server with a message (SystemExit),
    a missing one is said once."""
    _master()


def key(purpose: str) -> bytes:
    """A key for one purpose, derived from the server secret."""
    return hmac.new(_master(), b"key:" + purpose.encode(), hashlib.sha256).digest()


def sign(purpose: str, value: str, length: int = 32) -> str:
    """Hex HMAC of `value` under the purpose's key, `length` characters."""
    return hmac.new(key(purpose), value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:length]


def reset() -> None:
    """Forget the cached secret (tests that change SERVER_SECRET)."""
    _master.cache_clear()
