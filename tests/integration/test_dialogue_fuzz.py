"""1,000 off-script messages at every state of the dialogue (bench/fuzz.py):
each gets one reply, never the same text twice, and the conversation goes on
normally afterwards. bench/fuzz.py --probes 10000 runs more."""
import asyncio

from bench import fuzz

from localrun.servers import MODEL, ROOT


def test_no_dead_end_in_1000_off_script_probes(action_server, tmp_path):
    harness = fuzz.Harness(MODEL, f"http://127.0.0.1:{action_server}/webhook", f"sqlite:///{tmp_path}/tracker.db")

    async def go():
        await harness.start()
        return await fuzz.run(harness, probes=1000, seed=12)

    report = asyncio.run(go())
    print("\n" + report.summary())
    assert report.probes >= 1000 and len(report.per_state) == len(fuzz.STATES)
    assert report.counts() == {"probes": report.probes, "dead": 0, "looped": 0, "silent": 0, "repeated": 0,
                               "crashed": 0}, \
        report.summary()


def test_a_conversation_stuck_under_the_old_model_recovers(action_server, tmp_path):
    """tests/fixtures/dead_conversation.json (see tests/runtime/test_tracker_repair.py):
    loaded into the tracker store as it was, its next message is answered."""
    import json

    from rasa.shared.core.events import Event

    harness = fuzz.Harness(MODEL, f"http://127.0.0.1:{action_server}/webhook", f"sqlite:///{tmp_path}/tracker.db")
    events = [Event.from_parameters(e) for e in
              json.loads((ROOT / "tests" / "fixtures" / "dead_conversation.json").read_text(encoding="utf-8"))]

    async def go():
        await harness.start()
        await harness.copy(events, "stuck")
        first = await harness.say("stuck", "我是退役军人，在南宁")
        second = await harness.say("stuck", "第1条详细说说")
        return first, second

    (replies, actions), (later, _) = asyncio.run(go())
    assert actions == ["action_respond"]
    assert fuzz.normal_answer(replies), replies
    assert "《" in "\n".join(r.get("text", "") for r in later)
