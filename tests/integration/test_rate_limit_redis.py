"""The sliding-window rate limit in a real Redis (Debian's redis-server, started
here on a free loopback port): shared by replicas, atomic under concurrency."""
import shutil
import subprocess
import threading
import time

import pytest
import redis

from runtime.rate_limit import RedisLimiter

from .conftest import free_port


@pytest.fixture(scope="module")
def red(tmp_path_factory):
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path_factory.mktemp("redis"))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.time() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.time() > deadline:
                raise
            time.sleep(0.1)
    yield client
    proc.terminate()
    proc.wait(timeout=10)


def test_the_limit_is_shared_by_replicas(red):
    replica1, replica2 = RedisLimiter(red, 2), RedisLimiter(red, 2)
    assert replica1.allow("a") and replica2.allow("a")
    assert not replica1.allow("a") and not replica2.allow("a")
    assert replica2.allow("b"), "another sender is not affected"
    assert red.zcard("ratelimit:a") == 2, "refused messages are not counted"
    assert 0 < red.ttl("ratelimit:a") <= 60, "a quiet sender's window expires"


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
