"""The tracker store fails loudly. Rasa's Agent wraps every tracker store in a
FailSafeTrackerStore that, when the database errs, logs and carries on with an
empty in-memory tracker: the person's earlier answers are forgotten and the
turn is saved nowhere (seen when PostgreSQL restarted). Here the error reaches
the message guard (message_guard.py), which retries a dropped connection once
and otherwise answers "service unavailable".

Wraps rasa.core.tracker_store.FailSafeTrackerStore.__init__ so that its own hook,
`on_tracker_store_error`, re-raises (the Agent creates the wrapper without one;
Agent._create_tracker_store is the only place that builds it)."""
from __future__ import annotations

from .base import replace

NAME = "loud_tracker_store"


def _raise(error: Exception) -> None:
    raise error


def install() -> bool:
    from rasa.core.tracker_store import FailSafeTrackerStore

    original = FailSafeTrackerStore.__init__

    def __init__(self, tracker_store, on_tracker_store_error=None, fallback_tracker_store=None):
        original(self, tracker_store, on_tracker_store_error or _raise, fallback_tracker_store)

    return replace(FailSafeTrackerStore, "__init__", __init__, NAME)
