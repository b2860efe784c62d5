"""Telegram channel for `rasa run` on python-telegram-bot 22's telegram.ext
(not Rasa's aiogram connector); docs/telegram.md describes it for operators.
Configured in credentials.telegram.yml (mode: polling | webhook, webhook_url,
secret_token, base_url); the token comes only from env TELEGRAM_BOT_TOKEN.

telegram.ext does the Telegram work: the Application checks the token (getMe),
its Updater polls (deleteWebhook, long getUpdates with back-off, the offset
confirmed on stop), handlers route each update, Defaults set HTML and no link
previews, and stop finishes the updates in progress.

What this module adds: the webhook route in Rasa's Sanic server (403 without the
secret, 400 for a body that is not an Update, 200 once handled); one
conversation per person ("<chat_id>:<user_id>" in groups, where only commands,
mentions and replies to the bot count); one conversation's updates in order
(`PerConversationOrder`); re-delivered updates answered once; /start /help
/restart mapped for Rasa; a fixed answer to non-text and edited messages;
replies HTML-escaped, split under 4,096 characters, retried on flood control;
callback data sent as is when it fits in 64 bytes (telegram.ext's
arbitrary_callback_data would replace every payload with an id only this
process knows), else a short id.
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
from telegram.constants import InlineKeyboardButtonLimit, MessageLimit, ParseMode
from telegram.error import Conflict, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import (Application, ApplicationBuilder, ApplicationHandlerStop, BaseUpdateProcessor,
                          CallbackQueryHandler, CommandHandler, ContextTypes, Defaults, MessageHandler,
                          TypeHandler, filters)

logger = logging.getLogger(__name__)

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
WEBHOOK_PATH = "/webhook"

MAX_MESSAGE_LENGTH = MessageLimit.MAX_TEXT_LENGTH                # 4096
MAX_CALLBACK_BYTES = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64
ROW_WIDTH = 40                     # keyboard row budget in half-width columns
MAX_PER_ROW = 3
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
GROUP_TYPES = ("group", "supergroup")
MAX_CONCURRENT_UPDATES = 256
STOP_GRACE_SECONDS = 15

# What /start, /help and /restart send to Rasa.
COMMANDS = {"start": "你好", "help": "/help", "restart": "/start_over"}

# The channel's own words (everything else comes from Rasa's replies).
NOT_TEXT = "请发送文字消息，我只能读懂文字。"
EDITED = "我收不到修改后的内容。" + NOT_TEXT
BUTTON_EXPIRED = "这个按钮已失效，请直接输入文字告诉我。"
CHOOSE = "请选择："

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# bounded (tests/test_privacy.py): command and bot names have at most 32 characters, a message 4096
_COMMAND_RE = re.compile(r"^/(?P<name>[A-Za-z0-9_]{1,64})(?:@(?P<bot>[A-Za-z0-9_]{1,64}))?"
                         r"(?:\s{1,64}(?P<rest>.{0,8192}))?$", re.S)

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


class TelegramConfigError(RasaException):
    """The Telegram channel cannot start with this configuration."""


# ---- formatting ------------------------------------------------------------

def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units; >= len(text))."""
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> str:
    """The longest prefix of `text` of at most `limit` UTF-16 units."""
    return text.encode("utf-16-le")[:2 * limit].decode("utf-16-le", errors="ignore")


def split_message(text: str, limit: int = MAX_MESSAGE_LENGTH) -> List[str]:
    """Parts of at most `limit`, cut at the last blank line (between paragraphs or
    measures) if that keeps the part at least half full, else at the last line
    break, else (one line longer than `limit`) where the limit falls. The
    newlines at a cut are dropped."""
    parts = []
    while utf16_len(text) > limit:
        fits = len(_fit(text, limit))
        cut = text[:fits + 2].rfind("\n\n")
        if cut < 1 or utf16_len(text[:cut]) < limit // 2:
            cut = text[:fits + 1].rfind("\n")
        if cut < 1:
            cut = max(fits, 1)
        parts.append(text[:cut].rstrip("\n"))
        text = text[cut:].lstrip("\n")
    return [part for part in parts + [text] if part.strip()]


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


# ---- who an update is from -------------------------------------------------

PREFIX = "telegram:"   # conversation ids of this channel (runtime/identity.py)


def sender_id(update: Update) -> str:
    """A conversation per person: "telegram:<chat_id>" in a private chat,
    "telegram:<chat_id>:<user_id>" in a group (a button press counts for whoever
    pressed it). Only this channel makes ids with this prefix: the REST channel
    and the widget cannot name a Telegram chat's conversation."""
    chat, who = update.effective_chat, update.effective_sender   # anonymous admins post as the group
    if chat is None:
        return PREFIX + str(who.id) if who else ""
    if chat.type in GROUP_TYPES:
        return f"{PREFIX}{chat.id}:{who.id if who else chat.id}"
    return f"{PREFIX}{chat.id}"


def chat_of(recipient_id: Text) -> int:
    """Chat id from a conversation id ("telegram:<chat_id>" or "telegram:<chat_id>:<user_id>")."""
    rest = str(recipient_id)
    rest = rest[len(PREFIX):] if rest.startswith(PREFIX) else rest
    return int(rest.split(":", 1)[0])


def message_to_quote(update: Update) -> Optional[int]:
    """In a group, answers quote the person's message; for a button press, the
    message the bot's question answered, if the presser wrote it."""
    chat = update.effective_chat
    if chat is None or chat.type not in GROUP_TYPES:
        return None
    if update.callback_query is None:
        return update.effective_message.message_id
    original = getattr(update.effective_message, "reply_to_message", None)
    if original is not None and original.from_user and original.from_user.id == update.effective_user.id:
        return original.message_id
    return None


def topic_of(update: Update) -> Optional[int]:
    """The forum topic the update came from, so the answer goes there too."""
    message = update.effective_message
    return message.message_thread_id if getattr(message, "is_topic_message", False) else None


class ForThisBot(filters.MessageFilter):
    """Private chats; in a group only a command for this bot, a mention of it or a reply to it."""

    def filter(self, message: Message) -> bool:
        if message.chat.type not in GROUP_TYPES:
            return message.chat.type == "private"        # channel posts: never
        bot = message.get_bot()
        text = message.text or message.caption or ""
        command = _COMMAND_RE.match(text.strip()) if message.text else None
        if command and (command["bot"] or bot.username).lower() == bot.username.lower():
            return True
        if f"@{bot.username}".lower() in text.lower():
            return True
        replied = message.reply_to_message
        return bool(replied and replied.from_user and replied.from_user.id == bot.id)


FOR_THIS_BOT = ForThisBot()


def rasa_text(text: str, username: str) -> Optional[str]:
    """What Rasa gets for a typed text: "@thisbot" removed; None for /command@otherbot."""
    text = text.strip()
    command = _COMMAND_RE.match(text)
    if command and command["bot"] and command["bot"].lower() != username.lower():
        return None
    if command:
        text = "/" + command["name"] + (" " + command["rest"] if command["rest"] else "")
    text = re.sub(re.escape("@" + username), " ", text, flags=re.I).strip()
    return text or COMMANDS["start"]


class PerConversationOrder(BaseUpdateProcessor):
    """telegram.ext's hook for concurrency: updates of different conversations run
    concurrently, those of one conversation strictly one after another."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._last: Dict[str, asyncio.Future] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = sender_id(update) if isinstance(update, Update) else ""
        previous = self._last.get(key)
        done = self._last[key] = asyncio.get_running_loop().create_future()
        try:
            if previous is not None:
                await asyncio.shield(previous)
            await coroutine
        finally:
            done.set_result(None)
            if self._last.get(key) is done:
                del self._last[key]

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


# ---- output ----------------------------------------------------------------

SUMMARY_CAPTION = "咨询清单（用浏览器打开，可打印）"


class TelegramOutput(OutputChannel):
    """Sends Rasa's replies (text + buttons) to one Telegram chat."""

    vouches_for = "telegram"   # only this output may carry telegram: ids (runtime/identity.verified)

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

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        """The consultation summary (runtime/summary_store.py) as an HTML document
        (sendDocument; it opens in the browser and prints); where that fails,
        its plain text as messages. Other custom payloads are not for Telegram."""
        summary = json_message.get("summary") if isinstance(json_message, dict) else None
        if not isinstance(summary, dict):
            return
        from runtime import summary_store
        record = summary_store.load(str(summary.get("id") or ""))
        if record is None:
            logger.error("Telegram: summary %s not found in %s", summary.get("id"), summary_store.where())
            return
        chat_id = chat_of(recipient_id)
        try:
            await self.bot.send_document(chat_id, record["html"].encode("utf-8"),
                                         filename=f"summary-{record['id']}.html", caption=SUMMARY_CAPTION,
                                         message_thread_id=self.thread_id)
        except TelegramError as exc:
            logger.warning("Telegram sendDocument to chat %s failed (%s): sending the summary as text", chat_id, exc)
            await self._send(recipient_id, record["text"], None)

    def keyboard(self, buttons: Iterable[Dict[Text, Any]]) -> Optional[InlineKeyboardMarkup]:
        made = []
        for b in buttons:
            title = str(b.get("title") or b.get("payload") or "").strip()
            payload = str(b.get("payload") or title)
            if title:
                made.append((InlineKeyboardButton(title, callback_data=self.callbacks.encode(payload)), title))
        return InlineKeyboardMarkup(keyboard_rows(made)) if made else None

    async def _send(self, recipient_id: Text, text: Optional[Text], markup: Optional[InlineKeyboardMarkup]) -> None:
        text = (text or "").strip() or (CHOOSE if markup is not None else "")
        if not text:
            return
        parts = split_message(text)
        for i, part in enumerate(parts):
            await self.send_part(chat_of(recipient_id), part, markup if i == len(parts) - 1 else None)

    async def send_part(self, chat_id: int, text: str, markup: Optional[InlineKeyboardMarkup]) -> None:
        """One message; errors are logged, not raised into Rasa (the tracker must still be saved)."""
        quote = ReplyParameters(self.reply_to, allow_sending_without_reply=True) if self.reply_to else None
        for attempt in range(3):
            try:
                await self.bot.send_message(chat_id, to_html(text), reply_markup=markup, reply_parameters=quote,
                                            message_thread_id=self.thread_id)
                return
            except RetryAfter as exc:    # flood control: Telegram did not send it; wait and retry
                seconds = _retry_seconds(exc)
                if attempt == 2 or seconds > 60:
                    logger.error("Telegram flood control: message to chat %s dropped (retry after %ss)",
                                 chat_id, seconds)
                    return
                await asyncio.sleep(seconds)
            except Forbidden as exc:     # the person blocked the bot or left the group
                logger.info("Telegram: cannot send to chat %s: %s", chat_id, exc)
                return
            except TelegramError as exc:
                logger.error("Telegram sendMessage to chat %s failed: %s", chat_id, exc)
                return


# ---- input -----------------------------------------------------------------

class TelegramInput(InputChannel):
    """Telegram input channel (polling or webhook) on telegram.ext."""

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
        return cls(token=os.environ.get(TOKEN_ENV, "").strip(),
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
        self.poll_timeout = int(poll_timeout)
        self.callbacks = CallbackData()
        self.app: Optional[Application] = None
        self.on_new_message: Optional[Callable[[UserMessage], Awaitable[Any]]] = None
        self._seen: "OrderedDict[int, None]" = OrderedDict()

    # -- the telegram.ext Application --

    def build_application(self) -> Application:
        builder = (ApplicationBuilder().token(self.token)
                   .defaults(Defaults(parse_mode=ParseMode.HTML,
                                      link_preview_options=LinkPreviewOptions(is_disabled=True)))
                   .concurrent_updates(PerConversationOrder())
                   .connection_pool_size(64).read_timeout(15).pool_timeout(10)
                   .job_queue(None))
        if self.base_url:
            builder.base_url(self.base_url)
        if self.base_file_url:
            builder.base_file_url(self.base_file_url)
        if self.mode == "webhook":
            builder.updater(None)        # updates arrive through our Sanic route
        app = builder.build()
        self.add_handlers(app)
        return app

    def add_handlers(self, app: Application) -> None:
        """In group 0 the first handler that matches takes the update."""
        app.add_handler(TypeHandler(Update, self.drop_duplicate), group=-1)
        app.add_handler(CallbackQueryHandler(self.on_button))
        app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & FOR_THIS_BOT, self.answer_with(EDITED)))
        for command, text in COMMANDS.items():     # also /start@thisbot; /start@otherbot falls through
            app.add_handler(CommandHandler(command, self.forward_as(text)))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & FOR_THIS_BOT & filters.TEXT, self.on_text))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & FOR_THIS_BOT, self.answer_with(NOT_TEXT)))
        app.add_error_handler(self.log_error)

    async def start(self) -> None:
        if logging.getLogger("httpx").level == logging.NOTSET:   # httpx logs every URL at INFO, token
            logging.getLogger("httpx").setLevel(logging.WARNING)    # included, unless configured on purpose
        self.app = self.build_application()
        try:
            await self.app.initialize()      # getMe: checks the token, learns @username
            await self.app.start()           # ready before Telegram is told where to send
            if self.mode == "webhook":
                await self.app.bot.set_webhook(url=self.webhook_url, secret_token=self.secret_token,
                                               allowed_updates=ALLOWED_UPDATES)
            else:
                await self.app.updater.start_polling(timeout=self.poll_timeout, allowed_updates=ALLOWED_UPDATES,
                                                     bootstrap_retries=3, error_callback=log_polling_error)
        except InvalidToken as exc:
            raise TelegramConfigError(f"Telegram rejected {TOKEN_ENV} ({exc}). Check the token from @BotFather.")
        except TelegramError as exc:
            raise TelegramConfigError(f"Telegram channel ({self.mode}) cannot start: {exc}")
        logger.info("Telegram %s started for @%s", self.mode, self.app.bot.username)

    async def stop(self) -> None:
        """Polling: stop asking, confirm the last offset. Then finish the updates in progress."""
        if self.app is None or not self.app.running:
            return
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        try:
            await asyncio.wait_for(self.app.stop(), STOP_GRACE_SECONDS)
            await self.app.shutdown()
        except asyncio.TimeoutError:
            logger.warning("Telegram: updates still in progress after %ss at stop", STOP_GRACE_SECONDS)
        logger.info("Telegram channel stopped")

    # -- handlers --

    async def drop_duplicate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An update id seen recently (Telegram re-delivers) is handled once."""
        if update.update_id in self._seen:
            logger.debug("Telegram update %s already handled", update.update_id)
            raise ApplicationHandlerStop
        self._seen[update.update_id] = None
        while len(self._seen) > 4096:
            self._seen.popitem(last=False)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        text = rasa_text(update.message.text, context.bot.username)
        if text is not None:
            await self.to_rasa(text, update)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        try:
            await query.answer()
        except TelegramError as exc:
            logger.info("Telegram answerCallbackQuery failed: %s", exc)
        if query.data is None:
            return
        payload = self.callbacks.decode(query.data)
        if payload is None:
            await self.output_for(update).send_text_message(sender_id(update), BUTTON_EXPIRED)
        else:
            await self.to_rasa(payload, update)

    def forward_as(self, text: str) -> Callback:
        async def forward(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await self.to_rasa(text, update)
        return forward

    def answer_with(self, text: str) -> Callback:
        async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await self.output_for(update).send_text_message(sender_id(update), text)
        return answer

    async def log_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        logger.error("Telegram update %s failed", getattr(update, "update_id", None), exc_info=context.error)

    def output_for(self, update: Update) -> TelegramOutput:
        return TelegramOutput(self.app.bot, self.callbacks, reply_to=message_to_quote(update),
                              thread_id=topic_of(update))

    async def to_rasa(self, text: str, update: Update) -> None:
        assert self.on_new_message is not None
        chat, user = update.effective_chat, update.effective_user
        metadata = {"telegram": {"update_id": update.update_id,
                                 "chat_id": chat.id if chat else None, "chat_type": chat.type if chat else None,
                                 "user_id": user.id if user else None,
                                 "language_code": user.language_code if user else None}}
        await self.on_new_message(UserMessage(text, self.output_for(update), sender_id(update),
                                              input_channel=self.name(), message_id=f"tg-{update.update_id}",
                                              metadata=metadata))

    # -- webhook --

    def has_secret(self, request: Request) -> bool:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token") or ""
        return bool(self.secret_token) and hmac.compare_digest(given.encode(), self.secret_token.encode())

    def parse_update(self, body: bytes) -> Update:
        """The Update in a webhook body; ValueError (or any de_json error) if it is not one."""
        data = json.loads(body or b"")
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            raise ValueError("not an Update (no integer update_id)")
        return Update.de_json(data, self.app.bot)

    async def handle(self, update: Update) -> None:
        """Handle a webhook update in telegram.ext, in its conversation's order. Shielded
        so a dropped connection does not cancel a conversation turn half-way."""
        processing = self.app.update_processor.process_update(update, self.app.process_update(update))
        await asyncio.shield(self.app.create_task(processing, update=update))

    # -- Rasa --

    def get_output_channel(self) -> Optional[OutputChannel]:
        return TelegramOutput(self.app.bot, self.callbacks) if self.app is not None else None

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
            if not self.has_secret(request):
                logger.warning("Telegram webhook: request without the right secret token from %s", request.ip)
                return response.text("forbidden", status=403)
            if self.app is None or not self.app.running:
                return response.text("not ready", status=503)
            try:
                update = self.parse_update(request.body)
            except Exception as exc:  # noqa: BLE001 - anything unparsable is the sender's error
                # never the body: it holds what a person typed
                logger.warning("Telegram webhook: malformed update of %d bytes (%s)", len(request.body or b""),
                               type(exc).__name__)
                return response.text("malformed update", status=400)
            await self.handle(update)
            return response.text("ok")

        return telegram_webhook


def log_polling_error(exc: TelegramError) -> None:
    """telegram.ext retries getUpdates with back-off; say why it failed."""
    if isinstance(exc, Conflict):
        logger.error("Telegram polling conflict (another process polls this bot, or a webhook is set): %s", exc)
    else:
        logger.warning("Telegram getUpdates failed: %s; retrying", exc)
