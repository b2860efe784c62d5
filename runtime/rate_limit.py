"""At most N accepted messages per sender in any 60 seconds (a sliding window).

A flood from one sender is answered with a short "too fast" reply before it
takes the conversation lock or any CPU for NLU and policies, so other people's
turns are not slowed. Refused messages do not count: a person who slows down
is served again as soon as their oldest accepted message is a minute old.
(A fixed clock-minute window would let 2N through around a minute's turn.)
Each lock store of runtime/lock_store.py owns its limiter (`rate_limiter`):
with the Redis one the window lives in Redis (over the lock store's connection),
timed by the Redis server's clock, and holds across all Rasa replicas; with the
in-memory one it is per process.
"""
from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque

logger = logging.getLogger(__name__)
WINDOW = 60  # seconds


def per_minute(name: str = "RATE_LIMIT_PER_MINUTE", default: int = 30) -> int:
    """A limit per minute from the environment (0 or negative: no limit)."""
    try:
        return int(os.environ.get(name, str(default)))
    except ValueError:
        logger.error("%s=%r is not a number; using %d", name, os.environ.get(name), default)
        return default


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

    blocking_io = True   # a round trip to Redis: the message guard calls it from a thread

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



# ------------------------------------------------------------------ per client
# The per-sender limit above is bypassed by a client that opens new conversations
# (a new widget session per message). So the public channels (socket.io, REST,
# the summary page) also count what each client address sends, in this process:
# CLIENT_LIMIT_PER_MINUTE messages, session requests and page loads together.
# Behind nginx, whose `limit_req` does the same at the edge (deploy/nginx), the
# address is the one nginx forwards (SANIC_PROXIES_COUNT=1, Sanic's
# X-Forwarded-For handling); without a proxy it is the peer's address.
CLIENT_LIMIT_DEFAULT = 120
_clients: dict = {}


def client_limiter() -> MemoryLimiter:
    limit = per_minute("CLIENT_LIMIT_PER_MINUTE", CLIENT_LIMIT_DEFAULT)
    limiter = _clients.get(limit)
    if limiter is None:
        limiter = _clients[limit] = MemoryLimiter(limit)
    return limiter


def client_address(request) -> str:
    """The client of a Sanic request: forwarded by a configured proxy, else the peer."""
    return (getattr(request, "remote_addr", "") or getattr(request, "ip", "") or "unknown")


_reported: dict = {}


def client_allowed(address: str) -> bool:
    allowed = client_limiter().allow(address)
    if not allowed:
        now = time.monotonic()
        if now - _reported.get(address, -WINDOW) >= WINDOW:     # one line per client per minute
            if len(_reported) > 10_000:
                _reported.clear()
            _reported[address] = now
            logger.info("client %s is over CLIENT_LIMIT_PER_MINUTE; its requests are refused", address)
    return allowed
