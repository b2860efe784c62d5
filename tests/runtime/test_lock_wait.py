"""The conversation lock when the holder died (runtime/lock_store.py, item 1):
a message waiting behind the dead replica's ticket must get the lock once the
tickets expire, not wait for ever as with Rasa 3.6.21's stores. (The Redis
store's heartbeat, which frees them much sooner: tests/integration/test_lock_store_redis.py.)"""
import asyncio

import pytest
from rasa.core.lock_store import InMemoryLockStore as RasaInMemoryLockStore

from runtime.lock_store import InMemoryLockStore


async def wait_behind_a_dead_holder(store, lifetime, poll):
    store.issue_ticket("c1", lifetime)           # a replica took the lock and was killed
    async with store.lock("c1", lock_lifetime=lifetime, wait_time_in_seconds=poll):
        served = True
    return served


def test_a_waiter_whose_ticket_expired_with_the_dead_one_gets_the_lock():
    # both tickets expire within one poll: Rasa 3.6.21 waits for ever here
    store = InMemoryLockStore()
    assert asyncio.run(asyncio.wait_for(wait_behind_a_dead_holder(store, 0.3, 0.6), timeout=5))
    assert store.get_lock("c1") is None, "the lock is released afterwards"


def test_rasas_own_store_waits_for_ever_there():
    """The bug the renewing wait fixes, still in Rasa 3.6.21 (if this fails, Rasa fixed it)."""
    with pytest.raises(asyncio.TimeoutError):
        asyncio.run(asyncio.wait_for(wait_behind_a_dead_holder(RasaInMemoryLockStore(), 0.3, 0.6), timeout=3))


def test_a_waiter_gets_the_lock_when_only_the_dead_ticket_expires():
    store = InMemoryLockStore()
    assert asyncio.run(asyncio.wait_for(wait_behind_a_dead_holder(store, 0.5, 0.1), timeout=5))
    assert store.get_lock("c1") is None


def test_messages_of_one_conversation_still_take_turns():
    store, order = InMemoryLockStore(), []

    async def turn(name, seconds):
        async with store.lock("c2", wait_time_in_seconds=0.05):
            order.append(f"{name} start")
            await asyncio.sleep(seconds)
            order.append(f"{name} end")

    async def both():
        await asyncio.gather(turn("first", 0.3), turn("second", 0.0))

    asyncio.run(both())
    assert order == ["first start", "first end", "second start", "second end"]
