"""Who may see the console: whoever presents STAFF_TOKEN, as an
`Authorization: Bearer` header or through the login form (which sets an
HttpOnly, SameSite=Strict cookie holding its expiry and an HMAC of it under the
token, never the token itself). A session lasts SESSION_SECONDS (8 hours): the
cookie's Max-Age says so to the browser, and the server checks the signed expiry
itself. Every comparison is constant-time (hmac.compare_digest)."""
from __future__ import annotations

import hashlib
import hmac
import time

from runtime.action_server import is_loopback

COOKIE = "staff_session"
MIN_REMOTE_TOKEN = 16   # characters of token required before listening beyond loopback
SESSION_SECONDS = 8 * 3600


class BindRefused(SystemExit):
    pass


def session_value(token: str, now: float | None = None) -> str:
    """The cookie of a session that starts now: "<expiry>.<HMAC of it under the token>"."""
    expires = str(int((time.time() if now is None else now) + SESSION_SECONDS))
    return f"{expires}.{_mac(token, expires)}"


def _mac(token: str, expires: str) -> str:
    return hmac.new(token.encode(), b"staff-console session until " + expires.encode(), hashlib.sha256).hexdigest()


def session_valid(token: str, cookie: str, now: float | None = None) -> bool:
    expires, _, mac = cookie.partition(".")
    genuine = hmac.compare_digest(mac.encode(), _mac(token, expires).encode())
    return genuine and expires.isdigit() and int(expires) > (time.time() if now is None else now)


def token_matches(given: str | None, token: str) -> bool:
    return bool(token) and given is not None and hmac.compare_digest(given.encode(), token.encode())


def authorized(token: str, authorization: str | None, cookie: str | None) -> bool:
    if authorization and authorization[:7].lower() == "bearer ":
        return token_matches(authorization[7:].strip(), token)
    if cookie and token:
        return session_valid(token, cookie)
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
