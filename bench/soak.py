"""Soak test on the local cluster: a steady rate of turns for ten minutes, and
whether latency and memory stay flat (figures go to docs, never asserted in
tests; a short smoke of this code path runs in tests/integration/test_cluster.py).

    .venv/bin/python bench/soak.py [--minutes 10] [--share 0.7 | --rate TURNS_PER_S] [--keep]

1. Capacity: bench/load.py's closed loop (50 users, no think time) for 30 s;
   its throughput is the cluster's capacity on this machine now.
2. The soak: SHARE of that capacity, as a steady rate. A ticker hands out one
   turn every 1/RATE seconds to the conversation that has been ready longest
   (ready: its last reply came and its person has read it, 3–6 s); when none
   is ready, a new conversation starts with the turn (bench/load.py's scripts,
   the bot's questions skipped). So the rate holds whatever the latency, and
   every conversation is one person's pace (under the rate limit).
3. Every minute: p50/p95 of the turns answered in it, turns, errors (no reply,
   an apology, a failed request after retries), and the resident memory of
   every cluster process (the Rasa replicas, the action servers, Redis, nginx,
   PostgreSQL).
4. At the end, PostgreSQL's events of every conversation are checked as in
   bench/load.py: the turns sent are stored once each, in order, each answered
   (lost turns: 0 is the limit).

Limits (after the first minute, the warm-up): each Rasa replica's and action
server's memory (proportional set size) at the end at most 5% above its memory
after the warm-up (the stores' is reported beside them: PostgreSQL's cache grows
with the table, up to its shared_buffers); the p95 of the last two minutes
at most 20% above the p95 of the two minutes after the warm-up; no lost turn.
Results go to bench/results/soak.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench import load
from localrun import cluster

ROOT = Path(__file__).resolve().parent.parent

READ = (3.0, 6.0)          # s a person takes to read a reply before the next message
MEMORY_GROWTH = 0.05       # the limits; the memory limit is the bot's processes' (below)
# The processes held to the memory limit: the Rasa replicas and the action servers. The
# stores are shown beside them: PostgreSQL's cache fills as the soak's table grows, up to
# shared_buffers (its own bound), and that is no leak of the bot's.
BOT_PROCESSES = ("rasa-", "actions-")
P95_DRIFT = 0.20
RESULTS = ROOT / "bench" / "results" / "soak.json"


def memory_by_process() -> dict[str, float]:
    """Memory of each cluster process in MB (PostgreSQL and nginx: all their processes),
    as proportional set size: a page shared by N processes counts 1/N in each, so
    PostgreSQL's shared buffers count once, not once per backend that touched them."""
    state = cluster.load_state()
    out = {}
    for name, entry in state.items():
        pids = [entry["pid"]]
        if name == "nginx":
            pids += load._children(entry["pid"])
        out[name] = sum(_pss(p) for p in pids)
    master = load._postmaster()
    if master:
        out["postgres"] = sum(_pss(p) for p in [master, *load._children(master)])
    return {k: round(v, 1) for k, v in sorted(out.items())}


def _pss(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Person:
    conv: load.Conversation
    position: int = 0                 # next line of the script
    ready_at: float = 0.0
    pending: list = field(default_factory=list)   # replies still to react to


@dataclass
class Minute:
    latencies: list = field(default_factory=list)
    errors: int = 0
    turns: int = 0


class Soak:
    def __init__(self, rate: float, seconds_per_minute: float, minutes: int, tag: str):
        self.rate, self.minute_s, self.minutes, self.tag = rate, seconds_per_minute, minutes, tag
        self.convs: list[load.Conversation] = []
        self.ready: list[Person] = []
        self.stats = [Minute() for _ in range(minutes)]
        self.memory: list[dict] = []
        self.started = 0.0

    def _person(self) -> Person:
        n = len(self.convs)
        conv = load.Conversation(f"{self.tag}-{n:05d}", load.SCENARIOS[n % len(load.SCENARIOS)], True)
        self.convs.append(conv)
        return Person(conv)

    def _minute(self, t: float) -> Minute | None:
        i = int((t - self.started) / self.minute_s)
        return self.stats[i] if 0 <= i < self.minutes else None

    async def _one_turn(self, session, person: Person) -> None:
        conv = person.conv
        text = "/skip" if person.pending and load.asks_question(person.pending) else conv.script[person.position]
        if text != "/skip":
            person.position += 1
        errors = len(conv.errors)
        person.pending = await load.turn(session, conv, text)
        minute = self._minute(time.perf_counter())
        if minute is not None:
            minute.turns += 1
            minute.errors += len(conv.errors) - errors
            if conv.latencies and len(conv.errors) == errors:
                minute.latencies.append(conv.latencies[-1])
        done = person.position >= len(conv.script) and not load.asks_question(person.pending)
        if done or len(conv.sent) >= 3 * len(conv.script):
            conv.done = True
            return
        person.ready_at = time.perf_counter() + random.uniform(*READ)
        self.ready.append(person)

    async def _sample_memory(self) -> None:
        for i in range(self.minutes):
            await asyncio.sleep(max(0.0, self.started + (i + 1) * self.minute_s - time.perf_counter()))
            self.memory.append(await asyncio.to_thread(memory_by_process))

    async def run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=120)
        async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=1000),
                                         headers=cluster.rest_headers()) as session:
            self.started = time.perf_counter()
            end = self.started + self.minutes * self.minute_s
            sampler = asyncio.create_task(self._sample_memory())
            turns, tick = [], 1.0 / self.rate
            k = 0
            while True:
                due = self.started + k * tick
                if due >= end:
                    break
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                now = time.perf_counter()
                waiting = [p for p in self.ready if p.ready_at <= now]
                if waiting:
                    person = min(waiting, key=lambda p: p.ready_at)
                    self.ready.remove(person)
                else:
                    person = self._person()
                turns.append(asyncio.create_task(self._one_turn(session, person)))
                k += 1
            await asyncio.gather(*turns)
            await sampler


def report(soak: Soak, warmup: int = 1) -> dict:
    minutes = []
    for i, (m, mem) in enumerate(zip(soak.stats, soak.memory), 1):
        lat = sorted(m.latencies)
        q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [float("nan")] * 99
        minutes.append({"minute": i, "turns": m.turns, "errors": m.errors, "p50_ms": round(1000 * q[49]),
                        "p95_ms": round(1000 * q[94]), "pss_mb": mem})
    problems = []
    for i in range(0, len(soak.convs), 500):   # psql's command line has a size limit
        problems += load.check_events(soak.convs[i:i + 500], "rasa")
    errors = sum(m.errors for m in soak.stats)
    after = minutes[warmup:]
    base, last = after[0]["pss_mb"], minutes[-1]["pss_mb"]
    growth = {name: round((last.get(name, 0) - mb) / mb, 3) for name, mb in base.items() if mb}
    bot_growth = [g for name, g in growth.items() if name.startswith(BOT_PROCESSES)]
    early = [x["p95_ms"] for x in after[:2]]
    late = [x["p95_ms"] for x in minutes[-2:]]
    drift = round(statistics.mean(late) / statistics.mean(early) - 1, 3) if early and late else None
    return {"rate_turns_per_s": round(soak.rate, 1), "minutes": minutes, "conversations": len(soak.convs),
            "turns": sum(m.turns for m in soak.stats), "errors": errors, "lost_or_misordered": len(problems),
            "problems": problems[:10], "memory_growth_after_warmup": growth, "p95_drift": drift,
            "limits_held": bool(max(bot_growth, default=0) <= MEMORY_GROWTH and drift is not None
                                and drift <= P95_DRIFT and not problems and not errors)}


def soak(rate: float, minutes: int = 10, seconds_per_minute: float = 60.0, tag: str | None = None) -> dict:
    """Run the soak on the running cluster and report it (the smoke test runs it short)."""
    run = Soak(rate, seconds_per_minute, minutes, tag or f"soak-{uuid.uuid4().hex[:6]}")
    asyncio.run(run.run())
    return report(run)


def capacity(seconds: float = 30, users: int = 50) -> float:
    convs, secs = asyncio.run(load.run_load(users, load.SCENARIOS, True, 0.0,
                                            f"capacity-{uuid.uuid4().hex[:6]}", seconds=seconds))
    return sum(len(c.latencies) for c in convs) / secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=int, default=10)
    ap.add_argument("--share", type=float, default=0.7, help="of the measured capacity")
    ap.add_argument("--rate", type=float, help="turns per second (skips the capacity run)")
    ap.add_argument("--keep", action="store_true", help="leave the cluster running")
    args = ap.parse_args()
    random.seed(11)
    started_here = not cluster.alive("nginx")
    cluster.start()
    try:
        measured = None
        if args.rate is None:
            measured = capacity()
            print(f"capacity: {measured:.1f} turns/s (50 users, no think time, 30 s); load average "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
        rate = args.rate or args.share * measured
        print(f"soak: {rate:.1f} turns/s for {args.minutes} minutes", flush=True)
        result = soak(rate, args.minutes)
        result["capacity_turns_per_s"] = round(measured, 1) if measured else None
        result["load_average_end"] = os.getloadavg()[0]
    finally:
        if started_here and not args.keep:
            cluster.stop()
    print("| minute | turns | errors | p50 ms | p95 ms | " + " | ".join(result["minutes"][0]["pss_mb"]) + " |")
    for m in result["minutes"]:
        print(f"| {m['minute']} | {m['turns']} | {m['errors']} | {m['p50_ms']} | {m['p95_ms']} | "
              + " | ".join(f"{v:.0f}" for v in m["pss_mb"].values()) + " |")
    print(f"{result['conversations']} conversations, {result['turns']} turns, {result['errors']} errors, "
          f"{result['lost_or_misordered']} lost or misordered turns; memory (PSS) growth after the warm-up "
          f"{result['memory_growth_after_warmup']} (limit {MEMORY_GROWTH:.0%} for rasa-* and actions-*); p95 drift {result['p95_drift']} "
          f"(limit {P95_DRIFT:.0%}); limits {'held' if result['limits_held'] else 'NOT held'}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0 if result["limits_held"] else 1


if __name__ == "__main__":
    sys.exit(main())
