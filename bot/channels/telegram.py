"""Telegram channel for `rasa run` (python-telegram-bot 22 on HTTPX; not Rasa's
aiogram connector).

Configured in credentials.telegram.yml::

    bot.channels.telegram.TelegramInput:
      mode: polling            # polling (default) | webhook
      webhook_url:             # webhook mode: public https URL of /webhooks/telegram/webhook
      secret_token:            # webhook mode; or env TELEGRAM_WEBHOOK_SECRET
      base_url:                # optional: another Bot API server (tests use a fake one)

The token comes only from the environment (TELEGRAM_BOT_TOKEN), so it never
sits in a file; without it `rasa run` stops at start with an error naming it.

Receiving
  * polling: no public URL needed. After the server has started (and Rasa has
    loaded the model), a task in the server's event loop calls deleteWebhook,
    then getUpdates(offset, timeout) in a loop. Updates are processed in the
    order received: one person's messages strictly one after another,
    different conversations concurrently. On server stop the loop ends, the
    messages being answered are finished, and the last offset is confirmed
    to Telegram so nothing is answered twice after a restart. Only one process
    may poll a bot: run several replicas in webhook mode.
  * webhook: on server start, setWebhook(webhook_url, secret_token). Telegram
    POSTs to /webhooks/telegram/webhook; a request whose header
    X-Telegram-Bot-Api-Secret-Token is not the secret (compared in constant
    time) gets 403 and nothing reaches Rasa. A body that is not JSON or not an
    Update gets 400 and is logged. An update id seen recently is answered once.
    The webhook is left in place on stop, so Telegram keeps updates during a
    restart.

Mapping
  * /start -> "你好" (greeting), /help -> the help intent, /restart -> the
    /start_over intent; other text (and other commands) go to Rasa unchanged,
    with "@botname" mentions removed.
  * Buttons are inline keyboards. A press is answered (answerCallbackQuery) and
    its payload becomes the user message. callback_data holds at most 64
    bytes: a payload that fits (all the bot's own, e.g.
    /inform{"group": "returning_migrant_worker"}, /details{"item": 12}) is
    sent as is, so a press works on any replica and after restarts. A longer
    payload is replaced by a short id ("~" + hash) kept in a bounded in-memory
    map of this process; on a miss (other replica, restart, evicted) the
    person is asked to type instead.
  * Replies are sent with parse_mode HTML and all bot text HTML-escaped (the
    documents' text may contain < > &). A reply longer than Telegram's 4,096
    characters is split at paragraph or line boundaries; the buttons go with
    the last part.
  * Stickers, photos, voice, documents, locations and edited messages get a
    short "请发送文字消息，我只能读懂文字。" and nothing reaches Rasa.

Group chats: each person has their own conversation. The sender id is the chat
id in a private chat and "<chat_id>:<user_id>" in a group, so two people in
one group never fill in each other's answers (a private chat with the bot and
a group are separate conversations). In a group the bot only reacts to
messages meant for it — commands (/start or /start@thisbot), messages that
mention @thisbot, and replies to its messages — and answers as a reply to the
person's message, so everyone sees whom an answer is for. A button pressed in
a group counts for whoever pressed it. This behaves the same whether or not
the bot's privacy mode (BotFather /setprivacy) is on. Channel posts are ignored.
"""
from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import hmac
import html
import json
import logging
import os
import re
import unicodedata
import warnings
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import (Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message,
                      ReplyParameters, Update)
from telegram.constants import ParseMode
from telegram.error import Conflict, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.request import HTTPXRequest

logger = logging.getLogger(__name__)

# httpx logs every request at INFO, with the token in the URL: keep it quiet
# unless someone configured that logger on purpose.
if logging.getLogger("httpx").level == logging.NOTSET:
    logging.getLogger("httpx").setLevel(logging.WARNING)

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
WEBHOOK_PATH = "/webhook"

MAX_MESSAGE_LENGTH = 4096          # Bot API limit (after entity parsing)
MAX_CALLBACK_BYTES = 64            # Bot API limit for callback_data
ROW_WIDTH = 40                     # keyboard row budget in half-width columns
MAX_PER_ROW = 3
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
GROUP_TYPES = ("group", "supergroup")
STOP_GRACE_SECONDS = 15

# What /start, /help and /restart send to Rasa.
COMMANDS = {"start": "你好", "help": "/help", "restart": "/start_over"}

# The channel's own words (everything else comes from Rasa's replies).
NOT_TEXT = "请发送文字消息，我只能读懂文字。"
EDITED = "我收不到修改后的内容。" + NOT_TEXT
BUTTON_EXPIRED = "这个按钮已失效，请直接输入文字告诉我。"
CHOOSE = "请选择："

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_COMMAND_RE = re.compile(r"^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+(.*))?$", re.S)


class TelegramConfigError(RasaException):
    """The Telegram channel cannot start with this configuration."""


# ---- formatting ------------------------------------------------------------

def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units; >= len(text))."""
    return len(text.encode("utf-16-le")) // 2


def _hard_wrap(line: str, limit: int) -> List[str]:
    pieces, current = [], ""
    for ch in line:
        if utf16_len(current) + utf16_len(ch) > limit:
            pieces.append(current)
            current = ""
        current += ch
    return pieces + [current]


def split_message(text: str, limit: int = MAX_MESSAGE_LENGTH) -> List[str]:
    """Split into parts of at most `limit` at line boundaries, preferring a blank
    line (between paragraphs/measures) when that keeps a part at least half full;
    a single line longer than `limit` is cut. The newline(s) at a cut are dropped."""
    if utf16_len(text) <= limit:
        return [text]
    units: List[tuple] = []        # (separator before it, piece)
    for p_no, paragraph in enumerate(text.split("\n\n")):
        for l_no, line in enumerate(paragraph.split("\n")):
            sep = "" if p_no == 0 and l_no == 0 else ("\n" if l_no else "\n\n")
            wrapped = _hard_wrap(line, limit) if utf16_len(line) > limit else [line]
            units.extend((sep if w_no == 0 else "", piece) for w_no, piece in enumerate(wrapped))

    def size(chunk: List[tuple]) -> int:
        return sum(utf16_len(sep) + utf16_len(piece) for sep, piece in chunk) - utf16_len(chunk[0][0])

    parts: List[List[tuple]] = []
    current: List[tuple] = []
    for unit in units:
        while current and size(current + [unit]) > limit:
            cut = len(current)
            for j in range(len(current) - 1, 0, -1):
                if current[j][0] == "\n\n":
                    if size(current[:j]) >= limit // 2:
                        cut = j
                    break
            parts.append(current[:cut])
            current = current[cut:]
        current.append(unit)
    if current:
        parts.append(current)
    texts = ["".join(sep + piece for sep, piece in chunk)[len(chunk[0][0]):] for chunk in parts]
    return [t for t in texts if t.strip()] or [text[:limit]]


def to_html(text: str) -> str:
    """Bot text is plain text: escape everything Telegram's HTML mode parses."""
    return html.escape(text, quote=False)


def _width(title: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in title) + 4


def keyboard_rows(buttons: List[Any]) -> List[List[Any]]:
    """Buttons in their order, packed into rows that fit a phone screen."""
    rows: List[List[Any]] = []
    row: List[Any] = []
    used = 0
    for button, title in buttons:
        w = _width(title)
        if row and (used + w > ROW_WIDTH or len(row) >= MAX_PER_ROW):
            rows.append(row)
            row, used = [], 0
        row.append(button)
        used += w
    if row:
        rows.append(row)
    return rows


class CallbackData:
    """Button payloads <-> callback_data (at most 64 bytes).

    A payload that fits is used as is (every payload the bot produces today
    fits, so presses work on any replica). A longer one gets the id
    "~" + 15 characters of its SHA-256 (the same id on every replica), mapped
    back through a bounded in-memory LRU map of this process."""

    PREFIX = "~"

    def __init__(self, max_entries: int = 10_000):
        self.max_entries = max_entries
        self._by_id: "OrderedDict[str, str]" = OrderedDict()

    def encode(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES and payload and not payload.startswith(self.PREFIX):
            return payload
        digest = base64.urlsafe_b64encode(hashlib.sha256(payload.encode("utf-8")).digest()).decode()
        key = self.PREFIX + digest[:15]
        self._by_id[key] = payload
        self._by_id.move_to_end(key)
        while len(self._by_id) > self.max_entries:
            self._by_id.popitem(last=False)
        return key

    def decode(self, data: str) -> Optional[str]:
        """The payload for `data`, or None for an id this process does not know."""
        if not data.startswith(self.PREFIX):
            return data
        payload = self._by_id.get(data)
        if payload is not None:
            self._by_id.move_to_end(data)
        return payload


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():   # PTB 22 warns that retry_after becomes a timedelta
        warnings.simplefilter("ignore")
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)


def chat_of(recipient_id: Text) -> int:
    """Chat id from a sender id ("<chat_id>" or "<chat_id>:<user_id>")."""
    return int(str(recipient_id).split(":", 1)[0])


# ---- output ----------------------------------------------------------------

class TelegramOutput(OutputChannel):
    """Sends Rasa's replies (text + buttons) to one Telegram chat."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, bot: Bot, callbacks: CallbackData, reply_to: Optional[int] = None,
                 thread_id: Optional[int] = None) -> None:
        self.bot = bot
        self.callbacks = callbacks
        self.reply_to = reply_to      # in groups: answer as a reply to the person's message
        self.thread_id = thread_id    # forum topic of the person's message

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._send(recipient_id, text, None)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        await self._send(recipient_id, text, self.keyboard(buttons))

    async def send_quick_replies(self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]],
                                 **kwargs: Any) -> None:
        await self._send(recipient_id, text, self.keyboard(quick_replies))

    def keyboard(self, buttons: Iterable[Dict[Text, Any]]) -> Optional[InlineKeyboardMarkup]:
        made = []
        for b in buttons:
            title = str(b.get("title") or b.get("payload") or "").strip()
            payload = str(b.get("payload") or title)
            if not title:
                continue
            made.append((InlineKeyboardButton(title, callback_data=self.callbacks.encode(payload)), title))
        return InlineKeyboardMarkup(keyboard_rows(made)) if made else None

    async def _send(self, recipient_id: Text, text: Optional[Text], markup: Optional[InlineKeyboardMarkup]) -> None:
        text = (text or "").strip()
        if not text:
            if markup is None:
                return
            text = CHOOSE
        chat_id = chat_of(recipient_id)
        parts = split_message(text)
        for i, part in enumerate(parts):
            await self.send_part(chat_id, part, markup if i == len(parts) - 1 else None)

    async def send_part(self, chat_id: int, text: str, markup: Optional[InlineKeyboardMarkup]) -> Optional[Message]:
        kwargs: Dict[str, Any] = dict(
            chat_id=chat_id, text=to_html(text), parse_mode=ParseMode.HTML, reply_markup=markup,
            link_preview_options=LinkPreviewOptions(is_disabled=True))
        if self.reply_to is not None:
            kwargs["reply_parameters"] = ReplyParameters(self.reply_to, allow_sending_without_reply=True)
        if self.thread_id is not None:
            kwargs["message_thread_id"] = self.thread_id
        for attempt in range(3):
            try:
                return await self.bot.send_message(**kwargs)
            except RetryAfter as exc:    # flood control: Telegram did not send it; wait and retry
                seconds = _retry_seconds(exc)
                if attempt == 2 or seconds > 60:
                    logger.error("Telegram flood control: message to chat %s dropped (retry after %ss)",
                                 chat_id, seconds)
                    return None
                await asyncio.sleep(seconds)
            except Forbidden as exc:     # the person blocked the bot or left the group
                logger.info("Telegram: cannot send to chat %s: %s", chat_id, exc)
                return None
            except TelegramError as exc:
                # Do not raise into Rasa: the tracker must still be saved.
                logger.error("Telegram sendMessage to chat %s failed: %s", chat_id, exc)
                return None
        return None


# ---- input -----------------------------------------------------------------

class TelegramInput(InputChannel):
    """Telegram input channel (polling or webhook) on python-telegram-bot 22."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TelegramInput":
        credentials = dict(credentials or {})
        known = {"mode", "webhook_url", "secret_token", "base_url", "base_file_url", "poll_timeout"}
        for key in sorted(set(credentials) - known):
            logger.warning("credentials: unknown key %r for the Telegram channel (known: %s)",
                           key, ", ".join(sorted(known)))
        token = os.environ.get(TOKEN_ENV, "").strip()
        return cls(token=token,
                   mode=credentials.get("mode") or "polling",
                   webhook_url=credentials.get("webhook_url"),
                   secret_token=credentials.get("secret_token") or os.environ.get(SECRET_ENV) or None,
                   base_url=credentials.get("base_url"),
                   base_file_url=credentials.get("base_file_url"),
                   poll_timeout=credentials.get("poll_timeout", 30))

    def __init__(self, token: Optional[str], mode: str = "polling", webhook_url: Optional[str] = None,
                 secret_token: Optional[str] = None, base_url: Optional[str] = None,
                 base_file_url: Optional[str] = None, poll_timeout: float = 30) -> None:
        if not token:
            raise TelegramConfigError(
                f"{TOKEN_ENV} is not set. Create a bot with @BotFather in Telegram and start with "
                f"`export {TOKEN_ENV}=<the token BotFather gave you>` (see docs/telegram.md).")
        mode = str(mode).strip().lower()
        if mode not in ("polling", "webhook"):
            raise TelegramConfigError(f"Telegram channel: mode must be 'polling' or 'webhook', not {mode!r}.")
        secret_token = str(secret_token).strip() if secret_token else None
        if secret_token is not None and not _SECRET_RE.match(secret_token):
            raise TelegramConfigError(
                f"Telegram channel: the webhook secret ({SECRET_ENV} / secret_token) must be 1-256 "
                "characters A-Z, a-z, 0-9, _ or -.")
        if mode == "webhook":
            if not webhook_url or not str(webhook_url).startswith("https://"):
                raise TelegramConfigError(
                    "Telegram channel in webhook mode needs webhook_url: the public https:// URL of "
                    "/webhooks/telegram/webhook on this server (or use mode: polling).")
            if not secret_token:
                raise TelegramConfigError(
                    f"Telegram channel in webhook mode needs a secret: set {SECRET_ENV} "
                    "(or secret_token in the credentials file), e.g. `openssl rand -hex 32`.")
        self.token = token
        self.mode = mode
        self.webhook_url = webhook_url
        self.secret_token = secret_token
        self.base_url = base_url
        self.base_file_url = base_file_url
        self.poll_timeout = float(poll_timeout)
        self.callbacks = CallbackData()
        self.bot: Optional[Bot] = None
        self.on_new_message: Optional[Callable[[UserMessage], Awaitable[Any]]] = None
        self._offset: Optional[int] = None
        self._confirmed: Optional[int] = None
        self._poll_task: Optional[asyncio.Task] = None
        self._poll_request: Optional[asyncio.Future] = None
        self._stopping = False
        self._tails: Dict[str, asyncio.Task] = {}
        self._inflight: set = set()
        self._seen: "OrderedDict[int, None]" = OrderedDict()

    # -- lifecycle --

    def make_bot(self) -> Bot:
        kwargs: Dict[str, Any] = {}
        if self.base_url:
            kwargs["base_url"] = self.base_url
        if self.base_file_url:
            kwargs["base_file_url"] = self.base_file_url
        return Bot(self.token,
                   request=HTTPXRequest(connection_pool_size=64, read_timeout=15, pool_timeout=10),
                   get_updates_request=HTTPXRequest(connection_pool_size=1, read_timeout=10),
                   **kwargs)

    async def start(self) -> None:
        self._stopping = False
        self.bot = self.make_bot()
        try:
            await self.bot.initialize()      # getMe: checks the token, learns @username
        except InvalidToken as exc:
            raise TelegramConfigError(f"Telegram rejected {TOKEN_ENV} ({exc}). Check the token from @BotFather.")
        except TelegramError as exc:
            raise TelegramConfigError(f"Telegram channel: cannot reach the Bot API: {exc}")
        if self.mode == "webhook":
            try:
                await self.bot.set_webhook(url=self.webhook_url, secret_token=self.secret_token,
                                           allowed_updates=ALLOWED_UPDATES)
            except TelegramError as exc:
                raise TelegramConfigError(f"Telegram setWebhook({self.webhook_url}) failed: {exc}")
            logger.info("Telegram webhook set for @%s: %s", self.bot.username, self.webhook_url)
        else:
            self._poll_task = asyncio.ensure_future(self._poll())
            logger.info("Telegram polling started for @%s", self.bot.username)

    async def stop(self) -> None:
        self._stopping = True
        if self._poll_request is not None:
            self._poll_request.cancel()
        if self._poll_task is not None:
            done, _ = await asyncio.wait([self._poll_task], timeout=5)
            if not done:
                self._poll_task.cancel()
        if self._inflight:
            await asyncio.wait(list(self._inflight), timeout=STOP_GRACE_SECONDS)
        if self.bot is None:
            return
        if self.mode == "polling" and self._offset is not None and self._offset != self._confirmed:
            try:  # confirm what was handled, so it is not delivered again after a restart
                await self.bot.get_updates(offset=self._offset, limit=1, timeout=0,
                                           allowed_updates=ALLOWED_UPDATES)
                self._confirmed = self._offset
            except TelegramError as exc:
                logger.warning("Telegram: could not confirm the last update: %s", exc)
        try:
            await self.bot.shutdown()
        except Exception:  # noqa: BLE001 - closing connections only
            logger.debug("Telegram bot shutdown failed", exc_info=True)
        logger.info("Telegram channel stopped")

    async def _poll(self) -> None:
        assert self.bot is not None
        backoff = 1.0
        webhook_deleted = False
        while not self._stopping:
            try:
                if not webhook_deleted:
                    await self.bot.delete_webhook()
                    webhook_deleted = True
                self._poll_request = asyncio.ensure_future(self.bot.get_updates(
                    offset=self._offset, timeout=int(self.poll_timeout), allowed_updates=ALLOWED_UPDATES,
                    read_timeout=10))
                updates = await self._poll_request
                self._confirmed = self._offset
            except asyncio.CancelledError:
                if self._stopping:
                    break
                raise
            except InvalidToken as exc:
                logger.error("Telegram rejected %s while polling (%s); polling stopped.", TOKEN_ENV, exc)
                break
            except Conflict as exc:
                logger.error("Telegram polling conflict (another process polls this bot, or a webhook is "
                             "set): %s", exc)
                webhook_deleted = "webhook" not in str(exc).lower()
                await self._sleep(backoff)
                backoff = min(backoff * 2, 30)
                continue
            except Exception as exc:  # noqa: BLE001 - network trouble: keep polling
                logger.warning("Telegram getUpdates failed: %s; retrying in %.0fs", exc, backoff)
                await self._sleep(backoff)
                backoff = min(backoff * 2, 30)
                continue
            finally:
                self._poll_request = None
            backoff = 1.0
            for update in updates:
                self._offset = update.update_id + 1
                self.dispatch(update)

    async def _sleep(self, seconds: float) -> None:
        end = asyncio.get_running_loop().time() + seconds
        while not self._stopping and asyncio.get_running_loop().time() < end:
            await asyncio.sleep(min(0.2, seconds))

    # -- updates --

    def dispatch(self, update: Update) -> "asyncio.Task":
        """Handle `update` after the earlier updates of the same conversation."""
        key = self.conversation_key(update)
        previous = self._tails.get(key)

        async def run() -> None:
            if previous is not None:
                await asyncio.wait([previous])
            await self.handle_update(update)

        task = asyncio.ensure_future(run())
        self._tails[key] = task
        self._inflight.add(task)

        def done(t: asyncio.Task) -> None:
            self._inflight.discard(t)
            if self._tails.get(key) is t:
                del self._tails[key]

        task.add_done_callback(done)
        return task

    def conversation_key(self, update: Update) -> str:
        message = update.effective_message
        user = update.effective_user
        chat = update.effective_chat
        if update.callback_query is not None:
            chat = message.chat if message is not None else None
        if chat is None:
            return f"user:{user.id if user else 0}"
        who = message.sender_chat if (message is not None and message.sender_chat and not update.callback_query) \
            else user
        return self.sender_id(chat.id, chat.type, who.id if who else chat.id)

    @staticmethod
    def sender_id(chat_id: int, chat_type: str, user_id: int) -> str:
        """A conversation per person: the chat in private, chat and person in a group."""
        if chat_type in GROUP_TYPES:
            return f"{chat_id}:{user_id}"
        return str(chat_id)

    async def handle_update(self, update: Update) -> None:
        try:
            if self._seen_before(update.update_id):
                logger.debug("Telegram update %s already handled", update.update_id)
                return
            if update.callback_query is not None:
                await self._callback(update)
            elif update.message is not None:
                await self._message(update, update.message, edited=False)
            elif update.edited_message is not None:
                await self._message(update, update.edited_message, edited=True)
        except Exception:  # noqa: BLE001 - one bad update must not stop the channel
            logger.exception("Telegram update %s failed", update.update_id)

    def _seen_before(self, update_id: int) -> bool:
        if update_id in self._seen:
            return True
        self._seen[update_id] = None
        while len(self._seen) > 4096:
            self._seen.popitem(last=False)
        return False

    def _addressed(self, message: Message) -> bool:
        """In a group: a command, a mention of the bot, or a reply to the bot."""
        assert self.bot is not None
        text = message.text or message.caption or ""
        match = _COMMAND_RE.match(text.strip()) if message.text else None
        if match and (not match.group(2) or match.group(2).lower() == self.bot.username.lower()):
            return True
        if self.bot.username and f"@{self.bot.username}".lower() in text.lower():
            return True
        replied = message.reply_to_message
        return bool(replied and replied.from_user and replied.from_user.id == self.bot.id)

    def user_text(self, text: str) -> Optional[str]:
        """What Rasa gets for a typed text, or None to ignore it."""
        assert self.bot is not None
        text = text.strip()
        match = _COMMAND_RE.match(text)
        if match:
            command, target, rest = match.group(1), match.group(2), match.group(3)
            if target and target.lower() != (self.bot.username or "").lower():
                return None                       # /cmd@otherbot
            if command.lower() in COMMANDS:
                return COMMANDS[command.lower()]
            text = "/" + command + (" " + rest if rest else "")
        if self.bot.username:
            text = re.sub(re.escape("@" + self.bot.username), " ", text, flags=re.I).strip()
        return text or COMMANDS["start"]

    async def _message(self, update: Update, message: Message, edited: bool) -> None:
        chat = message.chat
        if chat.type == "channel":
            return
        group = chat.type in GROUP_TYPES
        if group and not self._addressed(message):
            return
        who = message.sender_chat or message.from_user      # anonymous admins post as the group
        sender = self.sender_id(chat.id, chat.type, who.id if who else chat.id)
        output = TelegramOutput(self.bot, self.callbacks, reply_to=message.message_id if group else None,
                                thread_id=message.message_thread_id if message.is_topic_message else None)
        if edited or message.text is None:
            await output.send_text_message(sender, EDITED if edited else NOT_TEXT)
            return
        text = self.user_text(message.text)
        if text is None:
            return
        await self._to_rasa(text, output, sender, update, chat, message.from_user)

    async def _callback(self, update: Update) -> None:
        assert self.bot is not None
        query = update.callback_query
        try:
            await query.answer()
        except TelegramError as exc:
            logger.info("Telegram answerCallbackQuery failed: %s", exc)
        if query.data is None:
            return
        message = query.message
        chat = message.chat if message is not None else None
        chat_id = chat.id if chat is not None else query.from_user.id
        chat_type = chat.type if chat is not None else "private"
        group = chat_type in GROUP_TYPES
        sender = self.sender_id(chat_id, chat_type, query.from_user.id)
        reply_to = None
        original = getattr(message, "reply_to_message", None)
        if group and original is not None and original.from_user and original.from_user.id == query.from_user.id:
            reply_to = original.message_id
        thread_id = getattr(message, "message_thread_id", None) if getattr(message, "is_topic_message", False) \
            else None
        output = TelegramOutput(self.bot, self.callbacks, reply_to=reply_to, thread_id=thread_id)
        payload = self.callbacks.decode(query.data)
        if payload is None:
            await output.send_text_message(sender, BUTTON_EXPIRED)
            return
        await self._to_rasa(payload, output, sender, update, chat, query.from_user)

    async def _to_rasa(self, text: str, output: TelegramOutput, sender: str, update: Update, chat: Any,
                       user: Any) -> None:
        assert self.on_new_message is not None
        metadata = {"telegram": {"update_id": update.update_id,
                                 "chat_id": chat.id if chat is not None else None,
                                 "chat_type": chat.type if chat is not None else None,
                                 "user_id": user.id if user else None,
                                 "language_code": user.language_code if user else None}}
        await self.on_new_message(UserMessage(text, output, sender, input_channel=self.name(),
                                              message_id=f"tg-{update.update_id}", metadata=metadata))

    # -- Rasa --

    def get_output_channel(self) -> Optional[OutputChannel]:
        return TelegramOutput(self.bot, self.callbacks) if self.bot is not None else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        self.on_new_message = on_new_message
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.listener("after_server_start")
        async def start(app: Any, loop: Any) -> None:
            await self.start()

        @telegram_webhook.listener("before_server_stop")
        async def stop(app: Any, loop: Any) -> None:
            await self.stop()

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "mode": self.mode})

        @telegram_webhook.route(WEBHOOK_PATH, methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            given = request.headers.get("X-Telegram-Bot-Api-Secret-Token") or ""
            if not self.secret_token or not hmac.compare_digest(given.encode(), self.secret_token.encode()):
                logger.warning("Telegram webhook: request without the right secret token from %s", request.ip)
                return response.text("forbidden", status=403)
            if self.bot is None:
                return response.text("not ready", status=503)
            try:
                data = json.loads(request.body or b"")
                if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                    raise ValueError("not an Update (no integer update_id)")
                update = Update.de_json(data, self.bot)
            except Exception as exc:  # noqa: BLE001 - anything unparsable is the sender's error
                logger.warning("Telegram webhook: malformed update (%s): %.300r", exc, request.body)
                return response.text("malformed update", status=400)
            # answered when handled (Telegram then sends the next one); shielded so a
            # dropped connection does not cancel a conversation turn half-way
            await asyncio.shield(self.dispatch(update))
            return response.text("ok")

        return telegram_webhook
