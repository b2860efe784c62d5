"""The sliding-window rate limit in a real Redis (Debian's redis-server, started
on a free loopback port by conftest.py): shared by replicas, atomic under concurrency."""
import threading
import time

import redis

from runtime.lock_store import RedisLockStore
from runtime.rate_limit import RedisLimiter


def test_the_limit_is_shared_by_replicas(red):
    replica1, replica2 = RedisLimiter(red, 2), RedisLimiter(red, 2)
    assert replica1.allow("a") and replica2.allow("a")
    assert not replica1.allow("a") and not replica2.allow("a")
    assert replica2.allow("b"), "another sender is not affected"
    assert red.zcard("ratelimit:a") == 2, "refused messages are not counted"
    assert 0 < red.ttl("ratelimit:a") <= 60, "a quiet sender's window expires"


def test_each_replicas_lock_store_brings_the_shared_limit(redis_port, red, monkeypatch):
    """The message guard takes the limiter from the lock store (runtime/lock_store.py):
    over the lock store's own Redis connection, one window for all replicas."""
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "2")
    replica1, replica2 = (RedisLockStore(host="127.0.0.1", port=redis_port, db=0) for _ in range(2))
    assert replica1.rate_limiter.allow("c") and replica2.rate_limiter.allow("c")
    assert not replica1.rate_limiter.allow("c") and not replica2.rate_limiter.allow("c")
    assert red.zcard("ratelimit:c") == 2


def test_concurrent_replicas_never_accept_more_than_the_limit(red):
    limiters = [RedisLimiter(redis.Redis(**red.connection_pool.connection_kwargs), 10) for _ in range(8)]
    accepted = []

    def flood(limiter):
        accepted.extend(limiter.allow("flooder") for _ in range(25))

    threads = [threading.Thread(target=flood, args=(lim,)) for lim in limiters]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(accepted) == 10 and len(accepted) == 200


def test_messages_older_than_a_minute_leave_the_window(red):
    limiter = RedisLimiter(red, 1)
    assert limiter.allow("old")
    assert not limiter.allow("old")
    now_us = int(time.time() * 1_000_000)
    red.zadd("ratelimit:old", {m: now_us - 61_000_000 for m in red.zrange("ratelimit:old", 0, -1)})
    assert limiter.allow("old")
