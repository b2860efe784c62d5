"""Rasa opens a new connection for every request to an endpoint, above all the
action server, once per user message: `EndpointConfig.request` creates an
aiohttp ClientSession for the request and closes it afterwards. Each
connection costs a TCP handshake and a connection set-up in Rasa, nginx and
the action server (cProfile of bench/load.py's conversations: 2.4 ms of
`connect` per action call).

Here an EndpointConfig keeps one session per event loop, and requests reuse
its connections. `request` is Rasa's, unchanged: `session()` hands it the
shared session in a context manager that does not close it. The session is
made as Rasa makes it (the endpoint's headers, basic auth, Rasa's timeout);
its idle connections are dropped after IDLE seconds, before the other side
drops them (Sanic after 5 s, nginx after 75 s), so a request never goes out on
a connection the server is closing.

Replaces rasa.utils.endpoints.EndpointConfig.session."""
from __future__ import annotations

import asyncio
import atexit
import weakref

from .base import replace

NAME = "http_keepalive"
IDLE = 2.0   # seconds an idle connection is kept
SESSIONS = "_kept_sessions"   # on an EndpointConfig (which is not hashable)
_open: set = set()   # kept until exit (a server has one): aiohttp reports a session collected open


@atexit.register
def _close_at_exit() -> None:
    """The event loop is gone by now: close the sessions' sockets directly, so
    aiohttp does not report them as left open."""
    for session in list(_open):
        if not session.closed:
            session.connector._close()


class _Kept:
    """`async with` that hands out a session and leaves it open."""

    def __init__(self, session):
        self.session = session

    async def __aenter__(self):
        return self.session

    async def __aexit__(self, *exc):
        return False


def install() -> bool:
    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    def session(self):
        loop = asyncio.get_running_loop()
        per_loop = self.__dict__.setdefault(SESSIONS, weakref.WeakKeyDictionary())   # loop -> session
        shared = per_loop.get(loop)
        if shared is None or shared.closed:
            auth = (aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
                    if self.basic_auth else None)
            shared = per_loop[loop] = aiohttp.ClientSession(
                headers=self.headers, auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(keepalive_timeout=IDLE))
            _open.add(shared)
        return _Kept(shared)

    return replace(EndpointConfig, "session", session, NAME)
