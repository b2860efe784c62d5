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
   widget. tests/runtime/channels/test_socketio.py makes a real round trip with session
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

3. WebSockets work on Python 3.11: the channel installs the declared patch
   runtime/patches/sanic_websockets.py when Rasa builds its blueprint (also
   part of runtime.patches.install(); installing it twice changes nothing).

4. The session is the server's, bound to the socket (runtime/identity.py).
   `session_request` gets back a session token the server drew and signed
   (SERVER_SECRET); the socket is bound to the conversation `web:<nonce>` and
   every `user_uttered` on it goes there, whatever `session_id` the payload
   names. A token the server did not sign gets a new session (a widget that
   kept a session id from before signing, 32 hex digits, keeps its conversation
   if the store has it under `web:<id>`, where the migration put it). A message
   on a socket that asked for no session gets a session of its own. Rasa's
   channel took any session id a client sent, in every message, so one client
   could read and write another's conversation.

Smaller hardening: each client address is counted with the other public
channels (runtime/rate_limit.py: CLIENT_LIMIT_PER_MINUTE), a socket.io packet
is at most 64 KB (python-engineio accepted 1 MB), malformed `user_uttered`
payloads are ignored instead of raising inside the event handler, and custom
messages (the consultation summary's {"summary": {id, url}}) reach the widget as
one `bot_uttered` (Rasa's output raised a TypeError on them).
"""
from __future__ import annotations

import inspect
import json
import logging
import warnings
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels import channel as rasa_channel
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot import texts
from runtime import identity, rate_limit
from runtime.patches import sanic_websockets

with warnings.catch_warnings():  # sanic_cors 2.0 uses distutils' LooseVersion
    warnings.simplefilter("ignore", DeprecationWarning)
    from sanic_cors.core import SANIC_CORS_EVALUATED

logger = logging.getLogger(__name__)

DEFAULT_CORS_ALLOWED_ORIGINS = ["http://localhost:8080", "http://127.0.0.1:8080"]
MAX_PACKET_BYTES = 64 * 1024   # what nginx admits too (client_max_body_size)

Origins = Union[Text, List[Text]]


async def enter_room(sio: AsyncServer, sid: Text, room: Text, namespace: Optional[Text] = None) -> None:
    """`sio.enter_room` for every python-socketio: plain call up to 5.9, coroutine from 5.10."""
    result = sio.enter_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


async def leave_room(sio: AsyncServer, sid: Text, room: Text, namespace: Optional[Text] = None) -> None:
    result = sio.leave_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


class WidgetOutput(SocketIOOutput):
    """Rasa's output, except custom messages: Rasa passes their keys to
    `sio.emit` as arguments (a TypeError for {"summary": ...}); here they go out
    as one `bot_uttered` to the session's room, like every other message."""

    vouches_for = "socketio"   # only this output may carry web: ids (runtime/identity.verified)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, dict(json_message))


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
        sanic_websockets.install()
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.cors_allowed_origins,
                          max_http_buffer_size=MAX_PACKET_BYTES)
        engineio_request = sio.eio.handle_request

        async def handle_request(request: Request, *args: Any, **kwargs: Any) -> Any:
            setattr(request.ctx, SANIC_CORS_EVALUATED, "1")  # engine.io sets the CORS headers
            return await engineio_request(request, *args, **kwargs)

        sio.eio.handle_request = handle_request  # before attach(), which routes to it
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # for get_output_channel
        sockets = Sockets(sio, self.namespace, self.bot_message_evt)

        @socketio_webhook.listener("before_server_start")
        async def remember_app(app: Any, loop: Any) -> None:
            sockets.server["app"] = app

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        self._add_events(sio, sockets, on_new_message)
        return socketio_webhook

    def _add_events(self, sio: AsyncServer, sockets: "Sockets",
                    on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """The socket.io events: connect (token, rate limit), disconnect, a session, a message."""
        namespace = self.namespace

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            if self.jwt_key:
                payload = None
                if isinstance(auth, dict) and auth.get("token"):
                    payload = rasa_channel.decode_bearer_token(auth["token"], self.jwt_key,
                                                               self.jwt_algorithm)
                if not payload:
                    return False
            request = environ.get("sanic.request")
            address = rate_limit.client_address(request) if request is not None else "unknown"
            if not rate_limit.client_allowed(address):
                return False
            sockets.clients[sid] = address
            logger.debug(f"User {sid} connected to socketIO endpoint.")
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: Text) -> None:
            sockets.sessions.pop(sid, None)
            sockets.clients.pop(sid, None)
            logger.debug(f"User {sid} disconnected from socketIO endpoint.")

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any) -> None:
            if await sockets.too_many(sid):
                return
            data = data if isinstance(data, dict) else {}
            await sockets.bind(sid, data.get("session_id") if self.session_persistence else None)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict):
                logger.debug(f"Ignoring a malformed message from {sid}.")
                return
            if await sockets.too_many(sid):
                return
            conversation = sockets.sessions.get(sid) or await sockets.bind(sid, None)
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            message = UserMessage("", WidgetOutput(sio, self.bot_message_evt), conversation,
                                  input_channel=self.name(), metadata=metadata)
            # the text as sent (UserMessage would call strip() on it): the message guard
            # cuts it first, and answers a text that is not a string kindly
            text = data.get("message", "")
            message.text = text.strip() if isinstance(text, str) else text
            await on_new_message(message)


class Sockets:
    """The sockets of one server: each one's conversation and client address, and the
    session it is bound to (signed by this server, a stored legacy one, or a new one)."""

    def __init__(self, sio: AsyncServer, namespace: Optional[Text], bot_message_evt: Text):
        self.sio, self.namespace, self.bot_message_evt = sio, namespace, bot_message_evt
        self.sessions: Dict[Text, Text] = {}   # socket id -> its conversation id
        self.clients: Dict[Text, Text] = {}    # socket id -> client address
        self.server: Dict[Text, Any] = {}      # the Sanic app, for the tracker store (legacy sessions)

    async def too_many(self, sid: Text) -> bool:
        if rate_limit.client_allowed(self.clients.get(sid, "unknown")):
            return False
        await self.sio.emit(self.bot_message_evt, {"text": texts.TOO_FAST}, room=sid, namespace=self.namespace)
        return True

    async def stored(self, conversation_id: Text) -> bool:
        agent = getattr(getattr(self.server.get("app"), "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return False
        try:
            return await store.exists(conversation_id)
        except Exception as exc:  # noqa: BLE001 - a store error means: start a new session
            logger.warning("socket.io: cannot look up a legacy session (%s)", type(exc).__name__)
            return False

    async def session_for(self, token: Any) -> tuple:
        """(token, conversation id): the client's own if this server signed it, else a new one."""
        conversation = identity.web_conversation(token)
        if conversation:
            return token, conversation
        if isinstance(token, str) and identity.LEGACY_WEB.fullmatch(token) and await self.stored(f"web:{token}"):
            return identity.web_token(token)
        return identity.new_web_session()

    async def bind(self, sid: Text, token: Any) -> Text:
        token, conversation = await self.session_for(token)
        old = self.sessions.get(sid)
        if old and old != conversation:
            await leave_room(self.sio, sid, old, self.namespace)
        self.sessions[sid] = conversation
        await enter_room(self.sio, sid, conversation, self.namespace)
        await self.sio.emit("session_confirm", token, room=sid, namespace=self.namespace)
        return conversation
