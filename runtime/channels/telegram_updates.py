"""Telegram updates: whose conversation an update belongs to ("telegram:<chat_id>",
in groups per person), which group messages are for this bot, what Rasa gets for
a command, and one conversation's updates in order."""
from __future__ import annotations

import asyncio
import re
from typing import Any, Awaitable, Dict, Optional, Text

from telegram import Message, Update
from telegram.ext import BaseUpdateProcessor, filters

GROUP_TYPES = ("group", "supergroup")
MAX_CONCURRENT_UPDATES = 256
# What /start, /help and /restart send to Rasa.
COMMANDS = {"start": "你好", "help": "/help", "restart": "/start_over"}
# bounded (tests/runtime/test_privacy.py): command and bot names have at most 32 characters, a message 4096
_COMMAND_RE = re.compile(r"^/(?P<name>[A-Za-z0-9_]{1,64})(?:@(?P<bot>[A-Za-z0-9_]{1,64}))?"
                         r"(?:\s{1,64}(?P<rest>.{0,8192}))?$", re.S)


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
