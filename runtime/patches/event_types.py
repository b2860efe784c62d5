"""Rasa finds the class of every event it reads (a stored tracker, an action's
response) by walking all subclasses of Event, recursively, and checking each
for abstract methods: `Event.resolve_by_type` calls
`rasa.shared.utils.common.all_subclasses(Event)` once per event. For our
conversations that was about 12% of a turn's CPU in Rasa (cProfile of
bench/load.py's conversations: 30 subclass walks per event, 215,000 calls for
7,000 events).

Here the walk's result is kept: type name -> class, the first class of the
walk with that name, as Rasa's loop returns. A name not found walks again (an
Event subclass imported since, e.g. a custom event), and so does the lookup
Rasa's code makes in any other way (`default`, the `topic` exception): the
answers are Rasa's.

Replaces rasa.shared.core.events.Event.resolve_by_type."""
from __future__ import annotations

from .base import MARK, replace

NAME = "event_types"


def install() -> bool:
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event

    original = Event.resolve_by_type
    known: dict = {}

    def walk() -> None:
        known.clear()
        for cls in rasa.shared.utils.common.all_subclasses(Event):
            known.setdefault(cls.type_name, cls)

    def resolve_by_type(type_name, default=None):
        cls = known.get(type_name)
        if cls is None:
            walk()
            cls = known.get(type_name)
        return cls if cls is not None else original(type_name, default)

    setattr(resolve_by_type, MARK, NAME)   # a staticmethod's attributes are read through its function
    return replace(Event, "resolve_by_type", staticmethod(resolve_by_type), NAME)
