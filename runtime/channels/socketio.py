"""The socket.io channel of the web widget (runtime/web/): Rasa 3.6.21's channel with
two fixes. credentials.yml names it `runtime.channels.socketio.SocketIOInput`; its
name stays `socketio`, so trackers and the widget's protocol (`session_request`
/ `session_confirm` / `user_uttered` / `bot_uttered`) are exactly Rasa's.

1. enter_room is awaited when it is a coroutine.
   With `session_persistence: true` every bot message is emitted to the room
   named after the widget's session id, and `session_request` puts the socket
   into that room. Rasa 3.6.21 calls `sio.enter_room(...)` without `await`
   (RasaHQ/rasa#13027, fix proposed in #13148, never released for 3.6). Up to
   python-socketio 5.9 `AsyncServer.enter_room` is a plain function; from 5.10
   on it is a coroutine, so Rasa's call only creates a coroutine that never
   runs, the socket never joins the room and replies never reach the widget —
   silently. We ship the fix rather than only rely on the pin: the pin
   (`python-socketio<5.10`, requirements/rasa-deps.in, 5.9.0 in lock.txt) stays,
   because it is the version Rasa 3.6 was released against, but a later
   upgrade (or a `pip install` that ignores the lock) no longer breaks the
   widget. tests/test_socketio_channel.py makes a real round trip with session
   persistence and checks that our channel awaits a coroutine `enter_room`.

2. CORS is limited to configured origins.
   Rasa 3.6.21 creates `AsyncServer(async_mode="sanic", cors_allowed_origins=[])`.
   For python-engineio `[]` means "CORS handling disabled": no
   Access-Control-Allow-Origin header for the HTTP long-polling transport
   (that comes only from `rasa run --cors`, Sanic-CORS) and *no Origin check at
   all*, so a WebSocket from any web site is accepted (browsers do not apply
   CORS to WebSockets). Here the credentials key `cors_allowed_origins` (a
   list, or one string; "*" allows every origin and must be written out) is
   passed to python-engineio, which then rejects a connection whose Origin is
   not listed, for both transports, and answers polling requests with the
   CORS headers. The default is the demo page of `make web`:
   http://localhost:8080 and http://127.0.0.1:8080. A site that embeds the
   widget adds its own origin (docs/web-widget.md).
   `rasa run --cors ORIGIN` (Sanic-CORS, for Rasa's HTTP API and the REST
   channel) would add a second Access-Control-Allow-Origin header to the
   socket.io responses, and browsers refuse a response with two; so the
   socket.io requests are marked as already handled for Sanic-CORS, and only
   `cors_allowed_origins` decides there.

3. WebSockets work on Python 3.11.
   Sanic 21.12 (Rasa's pin) passes a bare coroutine to `asyncio.wait` when it
   reads a WebSocket frame, which Python 3.11 refuses (TypeError): every
   WebSocket is closed right after the handshake, and socket.io clients stay on
   HTTP long-polling. Importing this module gives Sanic's WebSocket code an
   `asyncio` whose `wait` wraps coroutines in tasks first, as Python 3.10 did
   (Sanic fixed this in later releases). Nothing else in Rasa uses Sanic's
   WebSockets.

Smaller hardening: a `session_id` that is not a short token
([A-Za-z0-9_-], at most 64 characters) is replaced by a fresh one (it becomes a
tracker's sender id and a room name), and malformed `user_uttered` payloads are
ignored instead of raising inside the event handler.
"""
from __future__ import annotations

import asyncio
import inspect
import json
import logging
import re
import sys
import uuid
import warnings
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

import rasa.shared.utils.io
from rasa.core.channels import channel as rasa_channel
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

with warnings.catch_warnings():  # sanic_cors 2.0 uses distutils' LooseVersion
    warnings.simplefilter("ignore", DeprecationWarning)
    from sanic_cors.core import SANIC_CORS_EVALUATED

logger = logging.getLogger(__name__)

DEFAULT_CORS_ALLOWED_ORIGINS = ["http://localhost:8080", "http://127.0.0.1:8080"]
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_MESSAGE_CHARS = 20_000   # the bot itself reads only the beginning of long messages

Origins = Union[Text, List[Text]]


class _AsyncioForSanicWebsockets:
    """`asyncio` as Sanic 21.12's WebSocket code expects it on Python 3.11:
    `wait` takes coroutines again (wrapped in tasks, as Python 3.10 did)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    def wait(aws, *args: Any, **kwargs: Any) -> Any:
        return asyncio.wait([asyncio.ensure_future(a) for a in aws], *args, **kwargs)


def fix_sanic_websockets() -> None:
    from sanic.server.websockets import impl

    if sys.version_info >= (3, 11) and not isinstance(impl.asyncio, _AsyncioForSanicWebsockets):
        impl.asyncio = _AsyncioForSanicWebsockets()  # type: ignore[assignment]


fix_sanic_websockets()


async def enter_room(sio: AsyncServer, sid: Text, room: Text, namespace: Optional[Text] = None) -> None:
    """`sio.enter_room` for every python-socketio: plain call up to 5.9, coroutine from 5.10."""
    result = sio.enter_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


def valid_session_id(value: Any) -> Optional[Text]:
    return value if isinstance(value, str) and SESSION_ID.fullmatch(value) else None


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io input channel, with enter_room awaited and CORS limited."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", False),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            credentials.get("cors_allowed_origins", DEFAULT_CORS_ALLOWED_ORIGINS),
        )

    def __init__(
        self,
        user_message_evt: Text = "user_uttered",
        bot_message_evt: Text = "bot_uttered",
        namespace: Optional[Text] = None,
        session_persistence: bool = False,
        socketio_path: Optional[Text] = "/socket.io",
        jwt_key: Optional[Text] = None,
        jwt_method: Optional[Text] = "HS256",
        metadata_key: Optional[Text] = "metadata",
        cors_allowed_origins: Optional[Origins] = None,
    ) -> None:
        super().__init__(user_message_evt, bot_message_evt, namespace, session_persistence,
                         socketio_path, jwt_key, jwt_method, metadata_key)
        self.cors_allowed_origins = self._origins(
            DEFAULT_CORS_ALLOWED_ORIGINS if cors_allowed_origins is None else cors_allowed_origins)

    @staticmethod
    def _origins(value: Origins) -> Origins:
        if value == "*":
            return "*"
        origins = [value] if isinstance(value, str) else list(value)
        if not origins or not all(isinstance(o, str) and o for o in origins):
            # [] would switch python-engineio's origin check off altogether
            raise ValueError("socketio credentials: cors_allowed_origins must name at least one "
                             "origin, e.g. http://localhost:8080, or be \"*\"")
        return [o.rstrip("/") for o in origins]

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa 3.6.21's blueprint with the changes of the module docstring."""
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.cors_allowed_origins)
        engineio_request = sio.eio.handle_request

        async def handle_request(request: Request, *args: Any, **kwargs: Any) -> Any:
            setattr(request.ctx, SANIC_CORS_EVALUATED, "1")  # engine.io sets the CORS headers
            return await engineio_request(request, *args, **kwargs)

        sio.eio.handle_request = handle_request  # before attach(), which routes to it
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # for get_output_channel
        namespace = self.namespace

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            if self.jwt_key:
                payload = None
                if isinstance(auth, dict) and auth.get("token"):
                    payload = rasa_channel.decode_bearer_token(auth["token"], self.jwt_key,
                                                               self.jwt_algorithm)
                if not payload:
                    return False
            logger.debug(f"User {sid} connected to socketIO endpoint.")
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: Text) -> None:
            logger.debug(f"User {sid} disconnected from socketIO endpoint.")

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = valid_session_id(data.get("session_id")) or uuid.uuid4().hex
            if self.session_persistence:
                await enter_room(sio, sid, session_id, namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)
            logger.debug(f"User {sid} started session {session_id}.")

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict):
                logger.debug(f"Ignoring a malformed message from {sid}.")
                return
            output_channel = SocketIOOutput(sio, self.bot_message_evt)
            if self.session_persistence:
                sender_id = valid_session_id(data.get("session_id"))
                if not sender_id:
                    rasa.shared.utils.io.raise_warning(
                        "A message without a valid session_id was received. This message "
                        "will be ignored. Make sure to set a proper session id using the "
                        "`session_request` socketIO event.")
                    return
            else:
                sender_id = sid

            text = data.get("message", "")
            text = text[:MAX_MESSAGE_CHARS] if isinstance(text, str) else ""
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            await on_new_message(UserMessage(text, output_channel, sender_id,
                                             input_channel=self.name(), metadata=metadata))

        return socketio_webhook
