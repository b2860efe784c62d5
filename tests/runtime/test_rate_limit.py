"""Per-sender sliding-window limit in memory (the Redis one: tests/integration/test_rate_limit_redis.py)."""
from runtime.rate_limit import MemoryLimiter, RedisLimiter


class Clock:
    def __init__(self, t=1000.0):
        self.t = t

    def __call__(self):
        return self.t


def test_memory_limit_is_per_sender():
    limiter = MemoryLimiter(3, Clock())
    assert [limiter.allow("a") for _ in range(5)] == [True, True, True, False, False]
    assert limiter.allow("b"), "another sender is not affected"


def test_no_burst_of_twice_the_limit_around_a_minute_boundary():
    clock = Clock(60 * 100 + 50)          # ten seconds before a clock minute ends
    limiter = MemoryLimiter(3, clock)
    assert all(limiter.allow("a") for _ in range(3))
    clock.t += 15                          # a new clock minute, but not a minute later
    assert not limiter.allow("a")


def test_a_sender_who_slows_down_is_served_again_after_a_minute():
    clock = Clock()
    limiter = MemoryLimiter(2, clock)
    assert limiter.allow("a")
    clock.t += 30
    assert limiter.allow("a")
    assert not limiter.allow("a")         # refused messages do not count ...
    clock.t += 30.5
    assert limiter.allow("a")             # ... the first accepted one is now over a minute old
    assert not limiter.allow("a")         # the one at +30 s still is not


def test_quiet_senders_are_forgotten():
    clock = Clock()
    limiter = MemoryLimiter(5, clock)
    for i in range(1000):
        limiter.allow(f"s{i}")
    clock.t += 61
    limiter.allow("new")
    assert len(limiter._accepted) == 1


def test_zero_means_no_limit():
    limiter = MemoryLimiter(0)
    assert all(limiter.allow("a") for _ in range(1000))


class DownRedis:
    def register_script(self, source):
        def call(keys, args):
            raise ConnectionError("Error 111 connecting to localhost:6379. Connection refused.")
        return call


def test_redis_down_does_not_block_people():
    assert RedisLimiter(DownRedis(), 1).allow("a")


def test_each_client_address_is_counted_apart(monkeypatch):
    from runtime import rate_limit

    monkeypatch.setenv("CLIENT_LIMIT_PER_MINUTE", "3")
    monkeypatch.setattr(rate_limit, "_clients", {})
    assert [rate_limit.client_allowed("198.51.100.1") for _ in range(5)] == [True, True, True, False, False]
    assert rate_limit.client_allowed("198.51.100.2"), "another client is served"


def test_the_client_address_is_the_forwarded_one_when_sanic_trusts_a_proxy():
    from types import SimpleNamespace

    from runtime import rate_limit

    assert rate_limit.client_address(SimpleNamespace(remote_addr="203.0.113.9", ip="127.0.0.1")) == "203.0.113.9"
    assert rate_limit.client_address(SimpleNamespace(remote_addr="", ip="127.0.0.1")) == "127.0.0.1"
