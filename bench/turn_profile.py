"""Where one turn's time goes (figures go to docs/benchmarks.md, never asserted).

    .venv/bin/python bench/turn_profile.py [--model models/current.tar.gz] [--rounds 5]

Runs the scripted conversations of bench/load.py (SCENARIOS) through an
in-process Agent loaded the way `rasa run` loads it (endpoints.yml with the
embedded defaults: SQLite tracker store in a temporary directory, in-memory
lock store) against our action server (bot.action_server) on loopback.
Rasa's own methods are wrapped here, in the bench only, to time:

  tracker load    TrackerStore.retrieve (with the session check around it: fetch)
  NLU             MessageProcessor.parse_message (the NLU graph)
  slot extraction MessageProcessor.run_action_extract_slots (local, no HTTP)
  policy          MessageProcessor._predict_next_with_tracker, every prediction
  action call     RemoteAction.run: the HTTP call to the action server, with
                  the action's own time; the action's own time is measured by
                  replaying the very request in-process through rasa-sdk's
                  ActionExecutor, so HTTP + (de)serialisation = call - action
  tracker save    TrackerStore.save
  other           the rest of Agent.handle_message (lock, events, bookkeeping)

and counts action-server calls, policy predictions and request bytes per turn.
The first round warms caches and is not counted.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from localrun.servers import MODEL, action_server_args, endpoint_env, free_port, start, stop, wait_for

ROOT = Path(__file__).resolve().parent.parent


PARTS = ["tracker load", "NLU", "slot extraction", "policy", "action: HTTP + (de)serialisation",
         "action: its own time", "tracker save", "other"]


class Profile:
    def __init__(self):
        self.turn: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self.turns: list[tuple[dict, dict]] = []
        self.payloads: list[dict] = []

    @contextmanager
    def timed(self, part: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.turn[part] += (time.perf_counter() - t0) * 1000

    def wrap_async(self, owner, name: str, part: str, count: str | None = None):
        original = getattr(owner, name)
        profile = self

        async def wrapper(*args, **kwargs):
            if count:
                profile.counts[count] += 1
            with profile.timed(part):
                return await original(*args, **kwargs)
        setattr(owner, name, wrapper)

    def wrap_sync(self, owner, name: str, part: str, count: str | None = None):
        original = getattr(owner, name)
        profile = self

        def wrapper(*args, **kwargs):
            if count:
                profile.counts[count] += 1
            with profile.timed(part):
                return original(*args, **kwargs)
        setattr(owner, name, wrapper)

    def end_turn(self):
        self.turns.append((dict(self.turn), dict(self.counts)))
        self.turn.clear()
        self.counts.clear()


def instrument(agent, profile: Profile) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor

    profile.wrap_async(agent.tracker_store, "retrieve", "tracker load")
    profile.wrap_async(agent.tracker_store, "save", "tracker save")
    profile.wrap_async(MessageProcessor, "parse_message", "NLU")
    profile.wrap_async(MessageProcessor, "run_action_extract_slots", "slot extraction")
    profile.wrap_sync(MessageProcessor, "_predict_next_with_tracker", "policy", count="policy predictions")
    profile.wrap_async(RemoteAction, "run", "action call", count="action-server calls")
    original_format = RemoteAction._action_call_format

    def call_format(self, tracker, domain):
        payload = original_format(self, tracker, domain)
        body = json.dumps(payload)
        profile.counts["request bytes"] += len(body.encode())
        profile.counts["domain bytes"] += len(json.dumps(payload.get("domain", {})).encode()) \
            if "domain" in payload else 0
        profile.payloads.append(json.loads(body))
        return payload
    RemoteAction._action_call_format = call_format


async def replay_actions(profile: Profile) -> float:
    """The actions' own time for this turn's requests, without HTTP."""
    from rasa_sdk.executor import ActionExecutor

    executor = replay_actions.executor = getattr(replay_actions, "executor", None) or ActionExecutor()
    if not executor.actions:
        executor.register_package("actions")
    total = 0.0
    for payload in profile.payloads:
        t0 = time.perf_counter()
        await executor.run(payload)
        total += (time.perf_counter() - t0) * 1000
    profile.payloads.clear()
    return total


async def run(model: Path, rounds: int, scenarios: list[list[str]], send_domain: bool) -> Profile:
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints

    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    if send_domain:  # Rasa's default: the whole domain with every action call
        endpoints.action.kwargs["enable_selective_domain"] = False
    agent = await load_agent(model_path=str(model), endpoints=endpoints)
    profile = Profile()
    instrument(agent, profile)
    for round_ in range(rounds + 1):
        for script in scenarios:
            sender = f"profile-{uuid.uuid4().hex[:8]}"
            for text in script:
                t0 = time.perf_counter()
                replies = await agent.handle_message(
                    UserMessage(text, CollectingOutputChannel(), sender,
                                metadata={"message_id": uuid.uuid4().hex}))
                total = (time.perf_counter() - t0) * 1000
                assert replies, f"no reply to {text!r}"
                own = await replay_actions(profile)
                turn = profile.turn
                turn["action: its own time"] = own
                turn["action: HTTP + (de)serialisation"] = turn.pop("action call", 0.0) - own
                turn["other"] = total - sum(turn.values())
                turn["total"] = total
                profile.end_turn()
        if round_ == 0:
            profile.turns.clear()  # warm-up
    return profile


def report(profile: Profile) -> str:
    turns = profile.turns
    totals = [t.get("total", 0.0) for t, _ in turns]
    mean_total = statistics.fmean(totals)
    lines = [f"{len(turns)} turns after the warm-up round",
             "| part | mean ms | p50 ms | p95 ms | share |", "|---|---|---|---|---|"]
    for part in PARTS + ["total"]:
        values = sorted(t.get(part, 0.0) for t, _ in turns)
        p = lambda q: values[int(q * (len(values) - 1))]  # noqa: E731
        mean = statistics.fmean(values)
        lines.append(f"| {part} | {mean:.1f} | {p(0.5):.1f} | {p(0.95):.1f} | {100 * mean / mean_total:.0f}% |")
    lines += ["", "| per turn | mean | min | max |", "|---|---|---|---|"]
    for key in ("action-server calls", "policy predictions", "request bytes", "domain bytes"):
        values = [c.get(key, 0) for _, c in turns]
        lines.append(f"| {key} | {statistics.fmean(values):.1f} | {min(values)} | {max(values)} |")
    return "\n".join(lines)


def main() -> None:
    from bench import load  # bench/load.py: the scripted conversations

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--rounds", type=int, default=5, help="times each scripted conversation is run (+1 warm-up)")
    ap.add_argument("--send-domain", action="store_true",
                    help="send the domain with every action call (endpoints.yml's enable_selective_domain off)")
    args = ap.parse_args()

    from runtime import patches

    patches.install()   # as `python -m runtime run` does; our tracker store refuses to load without them
    tmp = Path(tempfile.mkdtemp())
    aport = free_port()
    os.environ.update(endpoint_env(tmp, aport, RATE_LIMIT_PER_MINUTE="0"))
    actions = start(action_server_args(aport), tmp / "actions.log")
    try:
        wait_for(f"http://127.0.0.1:{aport}/health", actions, tmp / "actions.log")
        profile = asyncio.run(run(args.model, args.rounds, load.SCENARIOS, args.send_domain))
    finally:
        stop(actions)
    print(f"model {args.model}, {len(load.SCENARIOS)} scripted conversations x {args.rounds} rounds, "
          f"domain {'sent' if args.send_domain else 'not sent'} with action calls")
    print(report(profile))


if __name__ == "__main__":
    main()
