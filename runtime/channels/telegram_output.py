"""Telegram output: Rasa's replies sent to one chat, HTML-escaped, split under
4,096 characters (UTF-16, as Telegram counts), buttons in rows that fit a phone,
callback data that fits in 64 bytes, retried on flood control
(runtime/channels/telegram.py is the channel)."""
from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import html
import logging
import unicodedata
import warnings
from collections import OrderedDict
from typing import Any, Dict, Iterable, List, Optional, Text

from rasa.core.channels.channel import OutputChannel
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.constants import InlineKeyboardButtonLimit, MessageLimit
from telegram.error import Forbidden, RetryAfter, TelegramError

from bot import texts

from .telegram_updates import chat_of

logger = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = MessageLimit.MAX_TEXT_LENGTH                # 4096
MAX_CALLBACK_BYTES = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64
ROW_WIDTH = 40                     # keyboard row budget in half-width columns
MAX_PER_ROW = 3


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


# ---- output ----------------------------------------------------------------

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
                                         filename=f"summary-{record['id']}.html", caption=texts.TELEGRAM_SUMMARY_CAPTION,
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
        text = (text or "").strip() or (texts.TELEGRAM_CHOOSE if markup is not None else "")
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
