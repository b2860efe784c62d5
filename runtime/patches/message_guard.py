"""Every user message passes one guard before Rasa handles it
(Agent.handle_message: every input channel calls it through
rasa.core.channels.channel.register, and so does `rasa shell`), limits first:

- the conversation id is bound to the message's channel, the text is cut at
  the length cap and cleaned of control characters, the metadata must be a
  small object (runtime/inbound.py: linear, before anything else); a text that
  is not a string gets a friendly reply and an INFO line, not the outage reply;
- a sender over RATE_LIMIT_PER_MINUTE gets a "too fast" reply without taking
  the conversation lock (the lock store's rate limiter, runtime/lock_store.py);
- personal data (身份证号, phone and card numbers, e-mail, passports) is masked
  in the text and the metadata (runtime/privacy.py), so the raw values never
  reach NLU, the tracker store or the logs;
- a message whose client-given metadata.message_id is already in the
  conversation (a retry after a replica died or a timeout) is answered with
  the replies it got the first time instead of being processed twice;
- a failing lock store (Redis) or tracker store (PostgreSQL; loud_tracker_store.py
  makes its errors reach here) gives a clear log line and a clear reply instead
  of a 500 or silence; a database connection dropped by a restart is retried once.

Replaces rasa.core.agent.Agent.handle_message (Rasa's is: is-ready check, the
conversation lock, processor.handle_message; all three are kept here)."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional

from bot import texts

from .. import inbound
from .base import replace

NAME = "message_guard"
logger = logging.getLogger(__name__)


def install() -> bool:
    from rasa.core.agent import Agent

    return replace(Agent, "handle_message", handle_message, NAME)


async def handle_message(self, message) -> Optional[List[Dict[str, Any]]]:
    if not self.is_ready():
        logger.info("Ignoring message as there is no agent to handle it.")
        return None
    mistake = inbound.check(message)
    if mistake is not None:
        logger.info("message from %s not processed: %s", message.sender_id, mistake.reason)
        await message.output_channel.send_text_message(message.sender_id, texts.ODD_INPUT)
        return _collected(message)
    client_id = inbound.client_message_id(message)
    if client_id:
        message.message_id = client_id

    for attempt in (1, 2):
        try:
            if attempt == 1 and not await _allowed(rate_limiter(self.lock_store), message.sender_id):
                logger.info("sender %s is over the rate limit; message not processed", message.sender_id)
                await message.output_channel.send_text_message(message.sender_id, texts.TOO_FAST)
                return _collected(message)
            inbound.mask(message)
            async with self.lock_store.lock(message.sender_id):
                if client_id and await _replay(self, message):
                    return _collected(message)
                return await self.processor.handle_message(message)
        except Exception as exc:  # noqa: BLE001 - every failure gets a reply
            # the turn was not saved: do not show replies as if it had been
            _forget_replies(message)
            if attempt == 1 and _dropped_connection(exc):
                logger.warning("database connection dropped (%s); retrying the message once",
                               type(exc).__name__)
                continue
            logger.error("message from %s not processed: %s", message.sender_id, _describe(exc))
            await message.output_channel.send_text_message(message.sender_id, texts.SERVICE_UNAVAILABLE)
            return _collected(message)
    return None


def rate_limiter(lock_store):
    """The lock store's limiter: per process, or in the Redis all replicas share."""
    limiter = getattr(lock_store, "rate_limiter", None)
    if limiter is None:
        raise RuntimeError(
            f"the lock store {type(lock_store).__module__}.{type(lock_store).__name__} has no rate limiter: "
            "set LOCK_STORE_TYPE to runtime.lock_store.InMemoryLockStore (one process) or "
            "runtime.lock_store.RedisLockStore (replicas), see config/embedded.env")
    return limiter


async def _allowed(limiter, sender: str) -> bool:
    if getattr(limiter, "blocking_io", False):   # Redis: not on the event loop
        return await asyncio.to_thread(limiter.allow, sender)
    return limiter.allow(sender)


def _forget_replies(message) -> None:
    collected = _collected(message)
    if collected:
        collected.clear()


def _collected(message) -> Optional[List[Dict[str, Any]]]:
    return getattr(message.output_channel, "messages", None)


async def _replay(agent, message) -> bool:
    """Send again the replies of an already processed message with the same id."""
    store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)   # inside Rasa's fail-safe wrapper
    if hasattr(store, "replies_to"):   # ours: from the user and bot rows alone
        replies = await store.replies_to(message.sender_id, message.message_id)
    else:
        replies = await _replies_in_tracker(agent.tracker_store, message)
    if replies is None:
        return False
    logger.info("message %s from %s already processed; replaying its replies",
                message.message_id, message.sender_id)
    for reply in replies:
        await message.output_channel.send_response(message.sender_id, reply)
    return True


async def _replies_in_tracker(tracker_store, message) -> Optional[List[Dict[str, Any]]]:
    from rasa.shared.core.events import BotUttered, UserUttered

    tracker = await tracker_store.retrieve(message.sender_id)
    if tracker is None:
        return None
    events = list(tracker.events)
    for i, event in enumerate(events):
        if isinstance(event, UserUttered) and event.message_id == message.message_id:
            break
    else:
        return None
    replies = []
    for event in events[i + 1:]:
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            replies.append({"text": event.text, **{k: v for k, v in (event.data or {}).items() if v}})
    return replies


def _dropped_connection(exc: Exception) -> bool:
    try:
        from sqlalchemy.exc import DBAPIError
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def _describe(exc: Exception) -> str:
    # Rasa wraps the Redis error in its LockError: look along the chain
    chain, cause = [], exc
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else ""
    if any(type(e).__module__.startswith("redis") for e in chain):
        return f"the lock store (Redis) is unreachable: {first_line}"
    if any(type(e).__module__.startswith(("sqlalchemy", "psycopg2")) for e in chain):
        return f"the tracker store database failed: {type(exc).__name__}: {str(exc).splitlines()[0]}"
    return f"{type(exc).__name__}: {exc}"
