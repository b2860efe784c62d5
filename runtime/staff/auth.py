"""Who may see the console: whoever presents STAFF_TOKEN, as an
`Authorization: Bearer` header or through the login form (which sets an
HttpOnly, SameSite=Strict cookie holding an HMAC of the token, never the token
itself). Every comparison is constant-time (hmac.compare_digest)."""
from __future__ import annotations

import hashlib
import hmac

from runtime.action_server import is_loopback

COOKIE = "staff_session"
MIN_REMOTE_TOKEN = 16   # characters of token required before listening beyond loopback


class BindRefused(SystemExit):
    pass


def session_value(token: str) -> str:
    return hmac.new(token.encode(), b"staff-console session", hashlib.sha256).hexdigest()


def token_matches(given: str | None, token: str) -> bool:
    return bool(token) and given is not None and hmac.compare_digest(given.encode(), token.encode())


def authorized(token: str, authorization: str | None, cookie: str | None) -> bool:
    if authorization and authorization[:7].lower() == "bearer ":
        return token_matches(authorization[7:].strip(), token)
    if cookie:
        return hmac.compare_digest(cookie.encode(), session_value(token).encode())
    return False


def check_bind(host: str, token: str | None) -> None:
    """The console holds what people told the bot: no token, no console; and
    never beyond loopback without a token long enough not to be guessed."""
    if not token:
        raise BindRefused("STAFF_TOKEN is not set: the staff console needs a token "
                          "(e.g. `STAFF_TOKEN=$(openssl rand -hex 16) make staff`)")
    if not is_loopback(host) and len(token) < MIN_REMOTE_TOKEN:
        raise BindRefused(f"refusing to listen on {host} (not loopback) with a STAFF_TOKEN shorter than "
                          f"{MIN_REMOTE_TOKEN} characters")
