"""At most N accepted messages per sender in any 60 seconds (a sliding window).

A flood from one sender is answered with a short "too fast" reply before it
takes the conversation lock or any CPU for NLU and policies, so other people's
turns are not slowed. Refused messages do not count: a person who slows down
is served again as soon as their oldest accepted message is a minute old.
(A fixed clock-minute window would let 2N through around a minute's turn.)
With a Redis lock store the window lives in Redis, timed by the Redis server's
clock, and holds across all Rasa replicas; otherwise it is per process.
"""
from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque

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
    def __init__(self, limit: int, clock=time.monotonic):
        self.limit, self.clock = limit, clock
        self._accepted: dict[str, deque] = {}   # sender -> times of accepted messages, oldest first
        self._swept = clock()

    def allow(self, sender: str) -> bool:
        if self.limit <= 0:
            return True
        now = self.clock()
        if now - self._swept > WINDOW:          # forget senders who have been quiet for a minute
            self._accepted = {s: t for s, t in self._accepted.items() if t and t[-1] > now - WINDOW}
            self._swept = now
        times = self._accepted.setdefault(sender, deque())
        while times and times[0] <= now - WINDOW:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        return True


# One sorted set per sender: a member per accepted message, scored by the Redis
# server's time in microseconds. Atomic, so replicas cannot both take the last slot.
_SLIDING_WINDOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1]) * 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
"""


class RedisLimiter:
    """The same sliding window in Redis, shared by every replica."""

    def __init__(self, redis_client, limit: int):
        self.limit = limit
        self._script = redis_client.register_script(_SLIDING_WINDOW)

    def allow(self, sender: str) -> bool:
        if self.limit <= 0:
            return True
        try:
            accepted = self._script(keys=[f"ratelimit:{sender}"], args=[WINDOW, self.limit, uuid.uuid4().hex])
        except Exception as exc:  # Redis down: the lock store reports it; do not block people
            logger.warning("rate limit not applied (Redis: %s)", exc)
            return True
        return bool(accepted)


def for_lock_store(lock_store) -> MemoryLimiter | RedisLimiter:
    red = getattr(lock_store, "red", None)   # rasa's RedisLockStore keeps its client here
    return RedisLimiter(red, per_minute()) if red is not None else MemoryLimiter(per_minute())
