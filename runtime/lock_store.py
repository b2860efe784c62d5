"""The conversation lock stores, selected in endpoints.yml as
`lock_store: type: ${LOCK_STORE_TYPE}` (Rasa's extension point for custom lock
stores, not a patch):

    runtime.lock_store.InMemoryLockStore   one Rasa process (config/embedded.env)
    runtime.lock_store.RedisLockStore      replicas sharing one Redis (the cluster, deploy/)

Rasa serialises the turns of one conversation with a ticket lock: a message
takes a ticket and waits until its number is served. Ours differ from Rasa
3.6.21's stores in these ways:

1. A waiter whose own ticket expired while it waited (TICKET_LOCK_LIFETIME,
   e.g. behind a turn of a replica that was killed) takes a new ticket. Rasa's
   loop would wait for ever: the lock then shows no ticket, "now serving" is 0,
   and 0 is not the waiter's number.
2. Each store owns the per-sender rate limiter (runtime/rate_limit.py) that the
   message guard consults: per process in memory; in Redis, over this store's
   connection, shared by every replica.
3. Redis only: every ticket records the replica that took it, and each replica
   keeps a short heartbeat key in Redis (LOCK_HEARTBEAT_TTL seconds, default 1.5,
   refreshed four times per TTL by a background thread). A waiter drops the
   tickets of replicas whose heartbeat is gone, so a killed replica blocks its
   conversations for about the heartbeat TTL, not the ticket lifetime. A live
   replica's tickets are never dropped this way, however slow its turn: no two
   replicas process one conversation at once as long as a live replica's
   heartbeat thread runs at least once per TTL (a process frozen longer than
   that is taken for dead, and says so in its log when it wakes).
4. Redis only: every change of a lock is one optimistic transaction (WATCH on
   the lock's key). Rasa's store reads the lock, changes it and writes it back,
   so two replicas taking a ticket at the same moment could both be given
   number N and both be served.
5. Redis only: the calls to Redis (about eight round trips per message: the
   ticket, the lock, the cleanup, the rate limit) run in a worker thread, not
   on the event loop. Rasa's client is synchronous: each round trip stopped
   every other conversation of the replica until Redis answered (py-spy under
   bench/load.py: 5% of a replica's time in Redis reads, more on a busy machine).
"""
from __future__ import annotations

import asyncio
import atexit
import json
import logging
import os
import socket
import threading
import time
import uuid
from collections import deque
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Callable, Optional, Text

from rasa.core import lock_store as rasa_lock_store
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError

from . import rate_limit

logger = logging.getLogger(__name__)
DEFAULT_HEARTBEAT_TTL = 1.5   # seconds (how it was chosen: docs/production.md, "Load and fault results")
# How often a waiting turn looks at its conversation's lock again. Rasa's 1 s
# added up to a second to every wait: to a quick second message, and to the
# takeover of a killed replica's conversations (replica-kill p95, docs/production.md).
LOCK_WAIT = 0.1   # seconds


class RenewingTicketWait:
    """Rasa's ticket wait (LockStore.lock), renewing a ticket that expired while waiting."""

    rate_limiter: rate_limit.MemoryLimiter | rate_limit.RedisLimiter
    blocking_io = False   # True: the store's calls wait on the network, run them in a thread

    async def _call(self, fn, *args):
        return await asyncio.to_thread(fn, *args) if self.blocking_io else fn(*args)

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = LOCK_WAIT) -> AsyncGenerator[TicketLock, None]:
        ticket = await self._call(self.issue_ticket, conversation_id, lock_lifetime)
        try:
            while True:
                ticket_lock = await self._call(self.get_lock, conversation_id)
                if ticket_lock is None or ticket_lock._ticket_for_ticket_number(ticket) is None:
                    logger.warning("ticket for conversation %s expired while waiting; taking a new one",
                                   conversation_id)
                    ticket = await self._call(self.issue_ticket, conversation_id, lock_lifetime)
                    continue
                if not ticket_lock.is_locked(ticket):
                    break
                await asyncio.sleep(wait_time_in_seconds)
                await self._call(self.update_lock, conversation_id)
            yield ticket_lock
        finally:
            # a cancelled turn still frees its ticket: the thread's call runs to its end
            await self._call(self.cleanup, conversation_id, ticket)


class InMemoryLockStore(RenewingTicketWait, rasa_lock_store.InMemoryLockStore):
    """One Rasa process: Rasa's in-memory store, the renewing wait, a per-process rate limit."""

    def __init__(self, endpoint_config=None) -> None:   # Rasa passes the endpoints.yml section
        super().__init__()
        self.rate_limiter = rate_limit.MemoryLimiter(rate_limit.per_minute())


# ---------------------------------------------------------------- Redis
class HeldTicket(Ticket):
    """A ticket that names the replica holding it."""

    def __init__(self, number: int, expires: float, replica: Optional[Text] = None) -> None:
        super().__init__(number, expires)
        self.replica = replica

    def as_dict(self):
        return {**super().as_dict(), "replica": self.replica}

    @classmethod
    def from_dict(cls, data) -> "HeldTicket":
        return cls(data["number"], data["expires"], data.get("replica"))


class HeldTicketLock(TicketLock):
    @classmethod
    def from_dict(cls, data) -> "HeldTicketLock":
        tickets = [HeldTicket.from_dict(json.loads(t)) for t in data.get("tickets", [])]
        return cls(data.get("conversation_id"), deque(tickets))

    def issue_ticket_for(self, replica: Text, lifetime: float) -> int:
        self.remove_expired_tickets()
        number = self.last_issued + 1
        self.tickets.append(HeldTicket(number, time.time() + lifetime, replica))
        return number

    def remove_tickets_of(self, replicas: set) -> list:
        gone = [t for t in self.tickets if getattr(t, "replica", None) in replicas]
        for ticket in gone:
            self.tickets.remove(ticket)
        return gone


class RedisLockStore(RenewingTicketWait, rasa_lock_store.RedisLockStore):
    """Replicas sharing one Redis: Rasa's Redis store with atomic lock changes,
    the tickets' holders and their heartbeats, and the shared rate limit."""

    blocking_io = True

    def __init__(self, endpoint_config=None, *, replica_id: Optional[Text] = None,
                 heartbeat_ttl: Optional[float] = None, **kwargs) -> None:
        if endpoint_config is not None:   # as Rasa builds its own: host from `url`, the rest as given
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)
        self.replica_id = replica_id or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.heartbeat_ttl = heartbeat_ttl or _heartbeat_ttl()
        # not under key_prefix ("lock:"), where any conversation id may be a key
        self._heartbeat_prefix = self.key_prefix[: -len(rasa_lock_store.DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX)] \
            + "heartbeat:"
        self.heartbeat = Heartbeat(self)
        self.rate_limiter = rate_limit.RedisLimiter(self.red, rate_limit.per_minute())
        atexit.register(self.close)

    def heartbeat_key(self, replica: Text) -> Text:
        return self._heartbeat_prefix + replica

    def close(self) -> None:
        """A replica that stops: its heartbeat goes at once, so its conversations are free."""
        self.heartbeat.stop(forget=True)

    # -- Rasa's ticket operations, each one transaction on the lock's key
    @staticmethod
    def create_lock(conversation_id: Text) -> HeldTicketLock:
        return HeldTicketLock(conversation_id)

    def get_lock(self, conversation_id: Text) -> Optional[HeldTicketLock]:
        serialised = self.red.get(self.key_prefix + conversation_id)
        return HeldTicketLock.from_dict(json.loads(serialised)) if serialised else None

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            self.heartbeat.ensure_running()   # our heartbeat exists before our ticket does
            return self._change(conversation_id,
                                lambda lock: lock.issue_ticket_for(self.replica_id, lock_lifetime),
                                create=True)
        except Exception as e:
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda lock: None)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        # finish_serving + delete when no one waits, in one step: a ticket taken
        # between the two would otherwise be deleted with the lock
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def _change(self, conversation_id: Text, change: Callable[[HeldTicketLock], object],
                create: bool = False):
        """Apply `change` to the lock after dropping expired tickets and those of
        dead replicas; saved (or deleted when empty) only if nobody changed the
        lock meanwhile, else retried."""
        key = self.key_prefix + conversation_id
        result = []

        def attempt(pipe) -> None:
            result.clear()
            serialised = pipe.get(key)
            if serialised:
                lock = HeldTicketLock.from_dict(json.loads(serialised))
            elif create:
                lock = self.create_lock(conversation_id)
            else:
                return
            lock.remove_expired_tickets()
            self._drop_dead_holders(pipe, lock)
            result.append(change(lock))
            pipe.multi()
            if lock.tickets:
                ttl_ms = int((max(t.expires for t in lock.tickets) - time.time()) * 1000) + 1000
                pipe.set(key, lock.dumps(), px=max(ttl_ms, 1000))
            else:
                pipe.delete(key)

        self.red.transaction(attempt, key)
        return result[0] if result else None

    def _drop_dead_holders(self, pipe, lock: HeldTicketLock) -> None:
        others = {t.replica for t in lock.tickets if t.replica and t.replica != self.replica_id}
        dead = {r for r in others if not pipe.exists(self.heartbeat_key(r))}
        for ticket in lock.remove_tickets_of(dead):
            logger.warning("conversation %s: dropped ticket %s of replica %s, whose heartbeat is gone",
                           lock.conversation_id, ticket.number, ticket.replica)


class Heartbeat:
    """The replica's heartbeat key, refreshed by a daemon thread (a thread, not an
    asyncio task: a turn that blocks the event loop must not make its own replica
    look dead)."""

    def __init__(self, store: RedisLockStore) -> None:
        self.store = store
        self._thread: Optional[threading.Thread] = None
        self._stopped = threading.Event()
        self._start = threading.Lock()
        self._last_beat = 0.0
        self._failing = False

    @property
    def key(self) -> Text:
        return self.store.heartbeat_key(self.store.replica_id)

    def ensure_running(self) -> None:
        if time.monotonic() - self._last_beat > self.store.heartbeat_ttl / 2:
            self.beat()   # raises if Redis is unreachable: then no ticket either
        with self._start:
            if self._thread is None and not self._stopped.is_set():
                self._thread = threading.Thread(target=self._run, name="lock-store-heartbeat", daemon=True)
                self._thread.start()

    def beat(self) -> None:
        ttl_ms = int(self.store.heartbeat_ttl * 1000)
        red = self.store.red
        if not red.set(self.key, "1", px=ttl_ms, xx=True):   # not there: first beat, or it lapsed
            if self._last_beat:
                logger.error("replica %s: heartbeat lapsed for over %.1f s; other replicas may have "
                             "taken over its conversations", self.store.replica_id, self.store.heartbeat_ttl)
            red.set(self.key, "1", px=ttl_ms)
        self._last_beat = time.monotonic()

    def _run(self) -> None:
        while not self._stopped.wait(self.store.heartbeat_ttl / 4):
            try:
                self.beat()
                if self._failing:
                    logger.warning("replica %s: heartbeat restored", self.store.replica_id)
                self._failing = False
            except Exception as exc:  # noqa: BLE001 - keep beating once Redis is back
                if not self._failing:
                    logger.warning("replica %s: heartbeat not written (Redis: %s)", self.store.replica_id, exc)
                self._failing = True

    def stop(self, forget: bool = False) -> None:
        """Stop beating; `forget` also deletes the key (a clean shutdown). Without
        it the replica looks like one that was killed: the key expires."""
        self._stopped.set()
        if self._thread is not None:
            self._thread.join(timeout=self.store.heartbeat_ttl)
        if forget and self._last_beat:
            try:
                self.store.red.delete(self.key)
            except Exception:  # noqa: BLE001 - Redis gone: the key expires anyway
                pass


def _heartbeat_ttl() -> float:
    value = os.environ.get("LOCK_HEARTBEAT_TTL", "")
    try:
        ttl = float(value) if value else DEFAULT_HEARTBEAT_TTL
    except ValueError:
        ttl = 0
    if ttl <= 0:
        logger.error("LOCK_HEARTBEAT_TTL=%r is not a positive number of seconds; using %s",
                     value, DEFAULT_HEARTBEAT_TTL)
        ttl = DEFAULT_HEARTBEAT_TTL
    return ttl
