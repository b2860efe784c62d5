"""Conversations stuck under the earlier dialogue model recover (runtime/tracker_store.py).

tests/fixtures/dead_conversation.json is a real tracker recorded from the
model of commit 3cdf330: "我是退役军人，在柳州" -> the 科技型企业 question ->
"就这些" made the form reject the answer and the fallback repeat ten times
until Rasa's circuit breaker stopped the turn; the three later messages
(重新开始, 不是科技型企业, 我是退役军人，在南宁) got no action at all."""
import json
from pathlib import Path
from types import SimpleNamespace

from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker

from runtime.tracker_store import repair

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "dead_conversation.json"


def stuck_tracker(domain):
    events = [Event.from_parameters(e) for e in json.loads(FIXTURE.read_text(encoding="utf-8"))]
    return DialogueStateTracker.from_events("stuck", events, domain.slots)


def over_the_limit(tracker):
    # Rasa's own check, as the processor runs it before every action
    return MessageProcessor.is_action_limit_reached(SimpleNamespace(max_number_of_predictions=10), tracker, True)


def test_the_recorded_conversation_is_really_stuck():
    domain = Domain.load(str(ROOT / "domain.yml"))
    tracker = stuck_tracker(domain)
    assert tracker.active_loop_name == "profile_form"
    assert over_the_limit(tracker)


def test_repair_closes_the_stale_form_and_listens_again():
    domain = Domain.load(str(ROOT / "domain.yml"))
    tracker = stuck_tracker(domain)
    slots_before = {k: tracker.get_slot(k) for k in ("region", "groups")}
    added = repair(tracker, domain)
    assert added
    assert tracker.active_loop_name is None
    assert not over_the_limit(tracker)
    assert {k: tracker.get_slot(k) for k in ("region", "groups")} == slots_before  # facts kept


def test_a_healthy_conversation_is_left_alone():
    domain = Domain.load(str(ROOT / "domain.yml"))
    tracker = DialogueStateTracker.from_events("ok", [ActionExecuted("action_session_start"),
                                                     ActionExecuted("action_listen")], domain.slots)
    assert repair(tracker, domain) == []
    assert repair(DialogueStateTracker.from_events("new", [], domain.slots), domain) == []
