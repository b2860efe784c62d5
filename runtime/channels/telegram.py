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
import hmac
import json
import logging
import os
import re
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import Conflict, InvalidToken, TelegramError
from telegram.ext import (Application, ApplicationBuilder, ApplicationHandlerStop, CallbackQueryHandler,
                          CommandHandler, ContextTypes, Defaults, MessageHandler, TypeHandler, filters)

from bot import texts

from .telegram_output import CallbackData, TelegramOutput
from .telegram_updates import COMMANDS, FOR_THIS_BOT, PerConversationOrder, message_to_quote, rasa_text, sender_id, topic_of

logger = logging.getLogger(__name__)

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
WEBHOOK_PATH = "/webhook"

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
STOP_GRACE_SECONDS = 15

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


class TelegramConfigError(RasaException):
    """The Telegram channel cannot start with this configuration."""


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
        app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & FOR_THIS_BOT, self.answer_with(texts.TELEGRAM_EDITED)))
        for command, text in COMMANDS.items():     # also /start@thisbot; /start@otherbot falls through
            app.add_handler(CommandHandler(command, self.forward_as(text)))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & FOR_THIS_BOT & filters.TEXT, self.on_text))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & FOR_THIS_BOT, self.answer_with(texts.TELEGRAM_NOT_TEXT)))
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
            await self.output_for(update).send_text_message(sender_id(update), texts.TELEGRAM_BUTTON_EXPIRED)
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
