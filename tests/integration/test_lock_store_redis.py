"""The replicas' Redis lock store (runtime/lock_store.py) in a real Redis
(redis-server on a free loopback port, conftest.py). Two store instances are two
replicas. A killed replica's conversation is free once its heartbeat expires,
long before the ticket lifetime; a live replica keeps its conversation however
slow its turn; one conversation never has two holders at once."""
import asyncio
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import uuid

import pytest

from runtime.lock_store import RedisLockStore

TTL = 1.0        # heartbeat of these replicas, in seconds (the cluster's: 1.5)
LIFETIME = 60    # ticket lifetime: nothing below may be freed by a ticket expiring


def replica(port, ttl=TTL):
    return RedisLockStore(host="127.0.0.1", port=port, db=3, heartbeat_ttl=ttl,
                          replica_id=f"replica-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def replicas(redis_port):
    stores = [replica(redis_port), replica(redis_port)]
    yield stores
    for store in stores:
        store.close()


def conversation():
    return f"c-{uuid.uuid4().hex[:8]}"


async def wait_for_the_lock(store, conversation_id, holder):
    """Take the lock as the message guard does; say whether the holder's heartbeat was gone then."""
    async with store.lock(conversation_id, lock_lifetime=LIFETIME, wait_time_in_seconds=0.1):
        return not store.red.exists(holder.heartbeat.key)


def test_a_killed_replicas_conversation_is_free_once_its_heartbeat_expires(replicas):
    a, b = replicas
    c = conversation()
    ticket = a.issue_ticket(c, LIFETIME)        # replica a is serving the conversation ...
    assert not a.get_lock(c).is_locked(ticket)
    a.heartbeat.stop()                           # ... and is killed: no release, no more heartbeat
    # b is served long before the 60 s ticket lifetime, and only once a's heartbeat is gone
    heartbeat_gone = asyncio.run(asyncio.wait_for(wait_for_the_lock(b, c, a), timeout=LIFETIME / 3))
    assert heartbeat_gone, "b was served while a's heartbeat was still there"
    assert b.get_lock(c) is None, "a's ticket was dropped and b released its own"


HOLDER = textwrap.dedent("""
    import sys, time
    from runtime.lock_store import RedisLockStore
    port, conversation_id, ttl = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    store = RedisLockStore(host="127.0.0.1", port=port, db=3, heartbeat_ttl=ttl)
    store.issue_ticket(conversation_id, 60)   # serving the conversation's turn ...
    print(store.replica_id, flush=True)
    time.sleep(600)                           # ... until it is killed
""")


def test_a_sigkilled_replica_process_frees_its_conversation_within_the_heartbeat(redis_port):
    """A real process holds the lock and is SIGKILLed (no atexit, no release)."""
    c, waiter = conversation(), replica(redis_port)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(redis_port), c, str(TTL)],
                              stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    try:
        holder_id = holder.stdout.readline().strip()
        assert holder_id and waiter.get_lock(c).tickets[0].replica == holder_id
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        dead = waiter.heartbeat_key(holder_id)

        async def take():
            async with waiter.lock(c, lock_lifetime=LIFETIME, wait_time_in_seconds=0.1):
                return not waiter.red.exists(dead)

        assert asyncio.run(asyncio.wait_for(take(), timeout=LIFETIME / 3)), "served only once it expired"
    finally:
        holder.kill()
        waiter.close()


def test_a_replica_that_stops_cleanly_frees_its_conversations_at_once(redis_port):
    a, b = replica(redis_port, ttl=LIFETIME), replica(redis_port)   # a's heartbeat alone would last 60 s
    c = conversation()
    try:
        a.issue_ticket(c, LIFETIME)
        a.close()                                # a clean stop deletes the heartbeat key
        assert asyncio.run(asyncio.wait_for(wait_for_the_lock(b, c, a), timeout=LIFETIME / 3))
    finally:
        b.close()


def test_a_live_slow_replica_keeps_its_conversation(replicas):
    a, b = replicas
    c, order = conversation(), []

    async def turn(store, name, seconds):
        async with store.lock(c, lock_lifetime=LIFETIME, wait_time_in_seconds=0.1):
            order.append(f"{name} start")
            await asyncio.sleep(seconds)
            order.append(f"{name} end")

    async def both():
        slow = asyncio.create_task(turn(a, "a", 4 * TTL))   # four heartbeat TTLs long
        while not order:
            await asyncio.sleep(0.01)
        await turn(b, "b", 0)
        await slow

    asyncio.run(both())
    assert order == ["a start", "a end", "b start", "b end"]


def test_one_conversation_never_has_two_holders(replicas):
    """Two replicas, each its own thread and event loop with three messages in
    flight at a time, all on one conversation; some turns outlast the heartbeat TTL."""
    c = conversation()
    guard, inside, most, served = threading.Lock(), [0], [0], []

    async def turn(store, slow):
        async with store.lock(c, lock_lifetime=LIFETIME, wait_time_in_seconds=0.01):
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            await asyncio.sleep(1.5 * TTL if slow else random.uniform(0, 0.02))
            with guard:
                inside[0] -= 1
                served.append(store.replica_id)

    async def messages(store, n, slow_turns):
        await asyncio.gather(*(turn(store, i in slow_turns) for i in range(n)))

    def run_replica(store, slow_turns):
        asyncio.run(messages(store, 12, slow_turns))

    threads = [threading.Thread(target=run_replica, args=(store, slow))
               for store, slow in zip(replicas, ({3}, {7}))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=LIFETIME)
    assert len(served) == 24, "every message was served"
    assert most[0] == 1, f"{most[0]} holders at once"
    assert replicas[0].get_lock(c) is None
