"""WebSockets work on Python 3.11. Sanic 21.12 (Rasa's pin) passes a bare
coroutine to `asyncio.wait` when it reads a WebSocket frame, which Python 3.11
refuses (TypeError): every WebSocket is closed right after the handshake, and
socket.io clients stay on HTTP long-polling. Here Sanic's WebSocket module gets
an `asyncio` whose `wait` wraps coroutines in tasks first, as Python 3.10 did
(Sanic fixed this in later releases). Nothing else in Rasa uses Sanic's
WebSockets; the socket.io channel (runtime/channels/socketio.py) installs this
patch itself too, since it cannot work without it.

Replaces the module global `asyncio` of sanic.server.websockets.impl."""
from __future__ import annotations

import asyncio
import sys
from typing import Any

from .base import replace

NAME = "sanic_websockets"


class AsyncioForSanicWebsockets:
    """`asyncio` as Sanic 21.12's WebSocket code expects it on Python 3.11:
    `wait` takes coroutines again (wrapped in tasks, as Python 3.10 did)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    def wait(aws, *args: Any, **kwargs: Any) -> Any:
        return asyncio.wait([asyncio.ensure_future(a) for a in aws], *args, **kwargs)


def install() -> bool:
    from sanic.server.websockets import impl

    if sys.version_info < (3, 11):
        return False
    return replace(impl, "asyncio", AsyncioForSanicWebsockets(), NAME)
