"""At most N messages per sender per clock minute.

A flood from one sender is answered with a short "too fast" reply before it
takes the conversation lock or any CPU for NLU and policies, so other people's
turns are not slowed. With a Redis lock store the counts live in Redis and hold
across all Rasa replicas; otherwise they are per process.
"""
from __future__ import annotations

import logging
import os
import time

logger = logging.getLogger(__name__)
WINDOW = 60  # seconds


def per_minute() -> int:
    """RATE_LIMIT_PER_MINUTE from the environment (0 or negative: no limit)."""
    try:
        return int(os.environ.get("RATE_LIMIT_PER_MINUTE", "30"))
    except ValueError:
        logger.error("RATE_LIMIT_PER_MINUTE=%r is not a number; using 30",
                     os.environ.get("RATE_LIMIT_PER_MINUTE"))
        return 30


class MemoryLimiter:
    def __init__(self, limit: int, clock=time.time):
        self.limit, self.clock = limit, clock
        self._window, self._counts = None, {}

    def allow(self, sender: str) -> bool:
        if self.limit <= 0:
            return True
        window = int(self.clock() // WINDOW)
        if window != self._window:          # a new minute: forget the old counts
            self._window, self._counts = window, {}
        self._counts[sender] = self._counts.get(sender, 0) + 1
        return self._counts[sender] <= self.limit


class RedisLimiter:
    """Same fixed window in Redis (INCR + EXPIRE), shared by every replica."""

    def __init__(self, redis_client, limit: int, clock=time.time):
        self.red, self.limit, self.clock = redis_client, limit, clock

    def allow(self, sender: str) -> bool:
        if self.limit <= 0:
            return True
        key = f"ratelimit:{sender}:{int(self.clock() // WINDOW)}"
        try:
            pipe = self.red.pipeline()
            pipe.incr(key)
            pipe.expire(key, WINDOW * 2)
            count = pipe.execute()[0]
        except Exception as exc:  # Redis down: the lock store reports it; do not block people
            logger.warning("rate limit not applied (Redis: %s)", exc)
            return True
        return count <= self.limit


def for_lock_store(lock_store) -> MemoryLimiter | RedisLimiter:
    red = getattr(lock_store, "red", None)   # rasa's RedisLockStore keeps its client here
    return RedisLimiter(red, per_minute()) if red is not None else MemoryLimiter(per_minute())
