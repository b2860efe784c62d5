"""The changes we make to Rasa 3.6.21's behaviour, installed when our NLU
component is imported by the Rasa server (every model of this project has it,
so `rasa run`, `rasa shell` and every channel get them).

1. When the action server is down (or a custom action fails), Rasa logs the
   error and the person gets silence. Here the failing call instead yields one
   short apology per user message.
2. Every user message passes one guard before Rasa handles it
   (Agent.handle_message, the single entry all channels share):
   - personal data (身份证号, mobile numbers, e-mail) is masked (runtime/privacy.py),
     so the raw values never reach NLU, the tracker store or the logs;
   - a sender over RATE_LIMIT_PER_MINUTE gets a "too fast" reply without taking
     the conversation lock (runtime/rate_limit.py);
   - a message whose client-given metadata.message_id is already in the
     conversation (a retry after a replica died or a timeout) is answered with
     the replies it got the first time instead of being processed twice;
   - a failing lock store (Redis) or tracker store (PostgreSQL) gives a clear
     log line and a clear reply instead of a 500 or silence; a database
     connection dropped by a restart is retried once.
3. The tracker store fails loudly. Rasa wraps it in a FailSafeTrackerStore
   that, when the database errs, logs and carries on with an empty in-memory
   tracker: the person's earlier answers are forgotten and the turn is saved
   nowhere (seen when PostgreSQL restarted). Here the error reaches the guard
   instead. (Pooled connections are tested before use by our tracker store
   class, runtime/tracker_store.py, selected in endpoints.yml.)
4. A message that waits for its conversation's lock longer than the ticket
   lifetime (TICKET_LOCK_LIFETIME; e.g. behind a turn of a replica that was
   killed) loses its own ticket, and Rasa then waits for ever: the lock shows
   no ticket, "now serving" is 0, and 0 is not the waiter's number. Here the
   waiter takes a new ticket instead.
5. Rasa checks every action server response with `jsonschema.validate`, which
   first re-checks the (large, constant) response schema against the
   meta-schema: under load that was 60% of a replica's CPU (py-spy, README).
   Here the schema is checked once and one validator instance is reused; the
   responses are validated exactly as before.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional

from bot import texts
from . import privacy, rate_limit

logger = logging.getLogger(__name__)
_apologised: dict = {}   # sender_id -> id of the user message already apologised for
MAX_MESSAGE_ID = 128


def install() -> None:
    _install_action_apology()
    _install_message_guard()
    _install_lock_wait_fix()
    _install_action_result_validator()


def _install_action_apology() -> None:
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.core.events import BotUttered
    from rasa.shared.exceptions import RasaException

    if getattr(RemoteAction.run, "_apologises", False):
        return
    original = RemoteAction.run

    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except RasaException as exc:
            if self.name() == "action_validate_slot_mappings":
                raise  # ActionExtractSlots logs it; the next action apologises
            logger.error("custom action %s failed: %s", self.name(), exc)
            message = tracker.latest_message
            key = getattr(message, "message_id", None) or id(message)
            if _apologised.get(tracker.sender_id) == key:
                return []
            _apologised[tracker.sender_id] = key
            if len(_apologised) > 10_000:
                _apologised.clear()
            return [BotUttered(text=texts.ACTION_SERVER_DOWN)]

    run._apologises = True  # type: ignore[attr-defined]
    RemoteAction.run = run


def _install_message_guard() -> None:
    from rasa.core.agent import Agent

    if getattr(Agent.handle_message, "_guarded", False):
        return

    async def handle_message(self, message) -> Optional[List[Dict[str, Any]]]:
        if not self.is_ready():
            logger.info("Ignoring message as there is no agent to handle it.")
            return None
        message.text = privacy.mask(message.text)
        client_id = _client_message_id(message)
        if client_id:
            message.message_id = client_id

        limiter = getattr(self, "_rate_limiter", None)
        if limiter is None:
            _harden_tracker_store(self.tracker_store)
            limiter = self._rate_limiter = rate_limit.for_lock_store(self.lock_store)
        if not limiter.allow(message.sender_id):
            logger.info("sender %s is over the rate limit; message not processed", message.sender_id)
            await message.output_channel.send_text_message(message.sender_id, texts.TOO_FAST)
            return _collected(message)

        for attempt in (1, 2):
            try:
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
                await message.output_channel.send_text_message(message.sender_id,
                                                               texts.SERVICE_UNAVAILABLE)
                return _collected(message)
        return None

    handle_message._guarded = True  # type: ignore[attr-defined]
    Agent.handle_message = handle_message


def _install_lock_wait_fix() -> None:
    from contextlib import asynccontextmanager

    from rasa.core.lock_store import LOCK_LIFETIME, LockStore

    if getattr(LockStore.lock, "_renews_expired_ticket", False):
        return

    @asynccontextmanager
    async def lock(self, conversation_id, lock_lifetime=LOCK_LIFETIME, wait_time_in_seconds=1):
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            while True:
                ticket_lock = self.get_lock(conversation_id)
                if ticket_lock is None or ticket_lock._ticket_for_ticket_number(ticket) is None:
                    logger.warning("ticket for conversation %s expired while waiting; taking a new one",
                                   conversation_id)
                    ticket = self.issue_ticket(conversation_id, lock_lifetime)
                    continue
                if not ticket_lock.is_locked(ticket):
                    break
                await asyncio.sleep(wait_time_in_seconds)
                self.update_lock(conversation_id)
            yield ticket_lock
        finally:
            self.cleanup(conversation_id, ticket)

    lock._renews_expired_ticket = True  # type: ignore[attr-defined]
    LockStore.lock = lock


def _install_action_result_validator() -> None:
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if getattr(RemoteAction._validate_action_result, "_reuses_validator", False):
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def _validate_action_result(self, result: Dict[str, Any]) -> bool:
        # What jsonschema.validate raises, minus its per-call check_schema.
        error = exceptions.best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error

    _validate_action_result._reuses_validator = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = _validate_action_result


def _client_message_id(message) -> Optional[str]:
    meta = message.metadata if isinstance(message.metadata, dict) else {}
    value = meta.get("message_id")
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value).strip()[:MAX_MESSAGE_ID]
    return None


def _forget_replies(message) -> None:
    collected = _collected(message)
    if collected:
        collected.clear()


def _collected(message) -> Optional[List[Dict[str, Any]]]:
    return getattr(message.output_channel, "messages", None)


async def _replay(agent, message) -> bool:
    """Send again the replies of an already processed message with the same id."""
    from rasa.shared.core.events import BotUttered, UserUttered

    tracker = await agent.tracker_store.retrieve(message.sender_id)
    if tracker is None:
        return False
    events = list(tracker.events)
    for i, event in enumerate(events):
        if isinstance(event, UserUttered) and event.message_id == message.message_id:
            break
    else:
        return False
    logger.info("message %s from %s already processed; replaying its replies",
                message.message_id, message.sender_id)
    for event in events[i + 1:]:
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            reply = {"text": event.text, **{k: v for k, v in (event.data or {}).items() if v}}
            await message.output_channel.send_response(message.sender_id, reply)
    return True


def _harden_tracker_store(store) -> None:
    from rasa.core.tracker_store import FailSafeTrackerStore

    if isinstance(store, FailSafeTrackerStore):
        # Rasa's own hook: called with the error before it falls back
        store._on_tracker_store_error = _raise


def _raise(error: Exception) -> None:
    raise error


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
