"""A fake Telegram Bot API on a free loopback port (aiohttp), for tests.

Speaks the wire format python-telegram-bot uses (POST /bot<token>/<method>,
form-encoded parameters with JSON-encoded objects; answers {"ok": ..., "result":
...}) for getMe, setWebhook, deleteWebhook, getUpdates (serves queued updates,
honours offset, long-polls up to `timeout`), sendMessage and
answerCallbackQuery, and records every call. Runs in the test's event loop
(`await fake.start()`) or in a thread of its own (`fake.start_in_thread()`),
for tests that drive a server in another process.

Also builds the JSON of updates (text, command, callback query, sticker,
photo, edited message) as Telegram sends them.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Optional

from aiohttp import web

TOKEN = "123456:TEST-token_for-the-fake-api"
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "政策助手", "username": "policy_helper_bot"}
# Parameters that are strings on the wire even when they look like JSON.
STRING_PARAMS = {"text", "url", "secret_token", "callback_query_id", "parse_mode", "chat_id", "caption"}


@dataclass
class Call:
    method: str
    params: dict
    at: float = field(default_factory=time.monotonic)


class FakeTelegram:
    def __init__(self, token: str = TOKEN):
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict] = []          # queued, not yet confirmed through offset
        self.errors: dict[str, list[dict]] = {}  # method -> error answers to give, in order
        self.webhook: Optional[dict] = None
        self.port: Optional[int] = None
        self._message_ids = itertools.count(5000)
        self._update_ids = itertools.count(100)
        self._new_update: Optional[asyncio.Event] = None
        self._runner: Optional[web.AppRunner] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle --

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> "FakeTelegram":
        self._loop = asyncio.get_running_loop()
        self._new_update = asyncio.Event()
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def start_in_thread(self) -> "FakeTelegram":
        started = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start())
            started.set()
            loop.run_forever()
            loop.run_until_complete(self.stop())
            loop.close()

        self._thread = threading.Thread(target=run, daemon=True, name="fake-telegram")
        self._thread.start()
        assert started.wait(10), "fake Telegram API did not start"
        return self

    def stop_thread(self) -> None:
        if self._thread is not None and self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    # -- test helpers --

    def queue(self, *updates: dict) -> None:
        """Queue updates for getUpdates (thread-safe)."""
        def add() -> None:
            self.updates.extend(updates)
            assert self._new_update is not None
            self._new_update.set()
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(add)
        else:
            add()

    def fail_next(self, method: str, code: int, description: str, **parameters: Any) -> None:
        answer: dict = {"ok": False, "error_code": code, "description": description}
        if parameters:
            answer["parameters"] = parameters
        self.errors.setdefault(method, []).append(answer)

    def called(self, method: str) -> list[dict]:
        return [c.params for c in list(self.calls) if c.method == method]

    def sent(self) -> list[dict]:
        return self.called("sendMessage")

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.called(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{method} called {len(self.called(method))} times, expected {count}: "
                                     f"{[c.method for c in self.calls]}")
            await asyncio.sleep(0.02)
        return self.called(method)

    def wait_for_sync(self, method: str, count: int = 1, timeout: float = 60) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.called(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{method} called {len(self.called(method))} times, expected {count}: "
                                     f"{[c.method for c in self.calls]}")
            time.sleep(0.1)
        return self.called(method)

    # -- the API --

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append(Call(method, params))
        if self.errors.get(method):
            answer = self.errors[method].pop(0)
            return web.json_response(answer, status=answer["error_code"])
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        result = await handler(params)
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    async def _params(request: web.Request) -> dict:
        if request.content_type == "application/json":
            return await request.json()
        raw = await request.post()
        params: dict = {}
        for key, value in raw.items():
            if hasattr(value, "file"):   # an uploaded file (sendDocument)
                value = {"filename": value.filename, "content": value.file.read()}
            elif isinstance(value, str) and key not in STRING_PARAMS:
                try:
                    value = json.loads(value)
                except ValueError:
                    pass
            params[key] = value
        return params

    async def api_getMe(self, params: dict) -> dict:
        return BOT_USER

    async def api_setWebhook(self, params: dict) -> bool:
        self.webhook = params
        return True

    async def api_deleteWebhook(self, params: dict) -> bool:
        self.webhook = None
        return True

    async def api_getUpdates(self, params: dict) -> list:
        offset = params.get("offset")
        if offset is not None:
            offset = int(offset)
            if offset > 0:   # confirms every update before it
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        assert self._new_update is not None
        deadline = time.monotonic() + timeout
        while not self.updates and time.monotonic() < deadline:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
            except asyncio.TimeoutError:
                break
        return self.updates[:limit]

    async def api_sendMessage(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        message = {"message_id": next(self._message_ids), "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                   "from": BOT_USER, "text": params.get("text", "")}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def api_sendDocument(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        return {"message_id": next(self._message_ids), "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER,
                "document": {"file_id": "f1", "file_unique_id": "u1",
                             "file_name": (params.get("document") or {}).get("filename", "")}}

    async def api_answerCallbackQuery(self, params: dict) -> bool:
        return True

    # -- updates as Telegram sends them --

    def next_update_id(self) -> int:
        return next(self._update_ids)


_message_ids = itertools.count(1)


def user(user_id: int = 1001, first_name: str = "小王") -> dict:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "zh-hans"}


def chat(chat_id: int = 1001, kind: str = "private") -> dict:
    if kind == "private":
        return {"id": chat_id, "type": "private", "first_name": "小王"}
    return {"id": chat_id, "type": kind, "title": "创业交流群"}


def message(update_id: int, *, chat_id: int = 1001, user_id: int = 1001, kind: str = "private",
            key: str = "message", **content: Any) -> dict:
    body = {"message_id": next(_message_ids), "date": int(time.time()), "chat": chat(chat_id, kind),
            "from": user(user_id), **content}
    return {"update_id": update_id, key: body}


def text_update(update_id: int, text: str, **kw: Any) -> dict:
    content: dict = {"text": text}
    if text.startswith("/"):
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return message(update_id, **content, **kw)


def edited_update(update_id: int, text: str, **kw: Any) -> dict:
    update = message(update_id, key="edited_message", text=text, **kw)
    update["edited_message"]["edit_date"] = int(time.time())
    return update


def sticker_update(update_id: int, **kw: Any) -> dict:
    return message(update_id, sticker={"file_id": "CAACAgIAAxkB", "file_unique_id": "AgAD", "width": 512,
                                       "height": 512, "is_animated": False, "is_video": False,
                                       "type": "regular", "emoji": "👍"}, **kw)


def photo_update(update_id: int, caption: Optional[str] = None, **kw: Any) -> dict:
    content: dict = {"photo": [{"file_id": "AgACAgIAAxkB", "file_unique_id": "AQAD", "width": 90, "height": 60,
                                "file_size": 1200}]}
    if caption:
        content["caption"] = caption
    return message(update_id, **content, **kw)


def callback_update(update_id: int, data: str, *, chat_id: int = 1001, user_id: int = 1001,
                    kind: str = "private", reply_markup: Optional[dict] = None) -> dict:
    bot_message = {"message_id": next(_message_ids), "date": int(time.time()), "chat": chat(chat_id, kind),
                   "from": BOT_USER, "text": "您属于下面哪类人群？"}
    if reply_markup:
        bot_message["reply_markup"] = reply_markup
    return {"update_id": update_id,
            "callback_query": {"id": f"cbq-{update_id}", "from": user(user_id), "chat_instance": "-77",
                               "message": bot_message, "data": data}}
