"""Per-sender fixed-window limit, in memory and in Redis-like storage."""
from bot.rate_limit import MemoryLimiter, RedisLimiter


class Clock:
    def __init__(self, t=1000.0):
        self.t = t

    def __call__(self):
        return self.t


def test_memory_limit_is_per_sender_and_resets_each_minute():
    clock = Clock(60 * 100)
    limiter = MemoryLimiter(3, clock)
    assert [limiter.allow("a") for _ in range(5)] == [True, True, True, False, False]
    assert limiter.allow("b"), "another sender is not affected"
    clock.t += 60
    assert limiter.allow("a"), "a new minute starts a new count"


def test_zero_means_no_limit():
    limiter = MemoryLimiter(0)
    assert all(limiter.allow("a") for _ in range(1000))


class FakeRedis:
    def __init__(self, down=False):
        self.data, self.down = {}, down

    def pipeline(self):
        return FakePipe(self)


class FakePipe:
    def __init__(self, red):
        self.red, self.ops = red, []

    def incr(self, key):
        self.ops.append(key)

    def expire(self, key, seconds):
        pass

    def execute(self):
        if self.red.down:
            raise ConnectionError("Error 111 connecting to localhost:6379. Connection refused.")
        key = self.ops[0]
        self.red.data[key] = self.red.data.get(key, 0) + 1
        return [self.red.data[key], True]


def test_redis_limit_is_shared_by_replicas():
    red, clock = FakeRedis(), Clock()
    replica1, replica2 = RedisLimiter(red, 2, clock), RedisLimiter(red, 2, clock)
    assert replica1.allow("a") and replica2.allow("a")
    assert not replica1.allow("a") and not replica2.allow("a")
    assert replica2.allow("b")


def test_redis_down_does_not_block_people():
    assert RedisLimiter(FakeRedis(down=True), 1).allow("a")
