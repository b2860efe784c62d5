"""Rasa sends the action server the whole conversation with every call: all its
events, each as a dict (`EventVerbosity.ALL`), 15 KB on average in our
conversations and growing with each turn (bench/turn_profile.py), although
our actions read only the slots and the latest message, which the tracker
state carries on its own. Building, sending (nginx wrote every such request
to a temporary file, being over its 16 KB buffer) and parsing it cost about
2 ms of CPU per turn across Rasa, nginx and the action server.

An action endpoint may now say how many events to send (endpoints.yml, next
to `enable_selective_domain`):

    action_endpoint:
      send_events: current_turn   # the events since the latest user message

Anything else, or nothing, sends all of them, as Rasa does. The rest of the
request (sender, slots, latest message, active loop, latest action, domain
when asked for) is Rasa's, built by Rasa's own method.

Replaces rasa.core.actions.action.RemoteAction._action_call_format."""
from __future__ import annotations

from .base import replace

NAME = "action_events"
OPTION = "send_events"
CURRENT_TURN = "current_turn"


class _CurrentTurn:
    """The tracker as `_action_call_format` reads it, with only the current turn's events."""

    def __init__(self, tracker):
        self.tracker = tracker
        self.sender_id = tracker.sender_id

    def current_state(self, event_verbosity):
        from rasa.shared.core.events import UserUttered
        from rasa.shared.core.trackers import EventVerbosity

        state = self.tracker.current_state(EventVerbosity.NONE)
        events = list(self.tracker.events)
        start = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), 0)
        state["events"] = [e.as_dict() for e in events[start:]]
        return state


def install() -> bool:
    from rasa.core.actions.action import RemoteAction

    original = RemoteAction._action_call_format

    def _action_call_format(self, tracker, domain):
        endpoint = self.action_endpoint
        if endpoint is not None and endpoint.kwargs.get(OPTION) == CURRENT_TURN:
            return original(self, _CurrentTurn(tracker), domain)
        return original(self, tracker, domain)

    return replace(RemoteAction, "_action_call_format", _action_call_format, NAME)
