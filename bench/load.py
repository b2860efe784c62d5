"""Load test through nginx on the local cluster: our bot, then a bare `rasa init`
moodbot on the same topology (figures go to docs/production.md, never asserted in tests).

    .venv/bin/python bench/load.py [--users 50] [--seconds 30] [--runs 3] [--think 0] [--kill-replica] [--keep]

- Starts the cluster (localrun/cluster.py) unless it is already up, and stops what
  it started at the end (--keep leaves it running).
- USERS simulated people at once, each holding a whole scripted conversation
  over REST (several groups and regions, multi-fact first messages, paging,
  details, agencies, Traditional script), then starting the next one (a new
  conversation, the next script) until SECONDS have passed; the conversations
  under way then finish. When the bot asks a question the script did not
  expect, the user skips it. Every message carries a metadata.message_id; a
  502/503/connection error is retried with the same id. A side that runs at
  least 30 s gives ratios that hold from run to run (a 5-second side was
  mostly the ramp: the first turns meet an idle server).
- Reports throughput, p50/p95/p99 turn latency, errors (no reply, an apology,
  a failed request after retries, or a conversation that never got a cited
  measure) and then checks in PostgreSQL that every conversation's events are
  complete and in order: the user messages stored are exactly the ones sent,
  once each, in order, each followed by the bot's reply before the next one.
- --kill-replica: SIGKILL rasa-1 once 40% of the run has passed (fault test:
  conversations must continue on rasa-2 with no lost or duplicated turn).
- Then the same load (same users, same duration, conversations as long as ours on average) against the moodbot
  (trained once into .cluster/moodbot with `rasa init --no-prompt`; served by
  bare Rasa: `rasa run` with Rasa's own SQL and Redis stores on the same
  PostgreSQL and Redis, none of our stores or patches), and the ratio
  ours/moodbot. --runs N repeats the pair (ours, then the moodbot) N times and
  prints each run's ratios (p95 target <= 1.0, throughput >= the moodbot's).
  Results also go to bench/results/load.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import aiohttp

from bot import texts
from runtime import identity
from localrun import cluster

ROOT = Path(__file__).resolve().parent.parent

SCENARIOS = [
    ["你好", "我是退伍军人，在柳州，想贷款开个汽修店", "第1条详细说说", "更多", "哪个部门负责", "谢谢"],
    ["我是返乡农民工，在图们，想找场地", "第2项详情", "更多", "哪个部门负责", "再见"],
    ["我是大学生，在乌鲁木齐，想贷款和培训", "第1条详细说说", "更多", "谢谢"],
    ["你好", "我是海归，在长春，想注册公司", "更多", "第3条详细说说", "哪个部门负责"],
    ["我是女性，在南宁创业，需要贷款", "第1条详细说说", "重新开始", "我是科研人员，在吉林市", "更多"],
    ["我是退伍軍人，在圖們，想貸款", "第1條詳細說說", "哪個部門負責"],
]
MOODBOT = ["hello", "I am feeling sad", "yes", "great, thanks", "are you a bot?", "goodbye"]
FAILURE_TEXTS = (texts.SERVICE_UNAVAILABLE, texts.ACTION_SERVER_DOWN, texts.TOO_FAST)
RETRIES = 4


class Conversation:
    def __init__(self, sender: str, script: list[str], adaptive: bool):
        self.sender, self.script, self.adaptive = sender, script, adaptive
        self.sent: list[str] = []          # every message as stored (skips included)
        self.latencies: list[float] = []
        self.answered_at: list[float] = []   # perf_counter() when each answered turn ended
        self.errors: list[str] = []
        self.retried = 0
        self.cited = False
        self.done = False


async def turn(session, conv: Conversation, text: str) -> list[dict]:
    message_id = uuid.uuid4().hex
    body = {"sender": conv.sender, "message": text, "metadata": {"message_id": message_id}}
    t0 = time.perf_counter()
    for attempt in range(RETRIES):
        try:
            async with session.post(f"{cluster.URL}/webhooks/rest/webhook", json=body) as r:
                if r.status in (502, 503, 504):
                    raise aiohttp.ClientResponseError(r.request_info, (), status=r.status)
                r.raise_for_status()
                replies = await r.json()
                break
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            if attempt == RETRIES - 1:
                conv.errors.append(f"{text!r}: {exc!r}")
                conv.sent.append(text)   # it may have been stored before the failure
                return []
            conv.retried += 1
            await asyncio.sleep(1 + attempt)
    conv.answered_at.append(time.perf_counter())
    conv.latencies.append(conv.answered_at[-1] - t0)
    conv.sent.append(text)
    said = "\n".join(m.get("text", "") for m in replies)
    if not replies:
        conv.errors.append(f"{text!r}: no reply")
    elif any(f in said for f in FAILURE_TEXTS):
        conv.errors.append(f"{text!r}: {said[:60]!r}")
    conv.cited |= "》第" in said
    return replies


def asks_question(replies: list[dict]) -> bool:
    return any(b.get("payload") == "/skip" for m in replies for b in m.get("buttons") or [])


async def converse(session, conv: Conversation, think: float, arrive: bool = True) -> None:
    if arrive:
        await asyncio.sleep(random.random() * 2)   # people do not all arrive in the same millisecond
    for text in conv.script:
        replies = await turn(session, conv, text)
        while conv.adaptive and asks_question(replies) and len(conv.sent) < 3 * len(conv.script):
            replies = await turn(session, conv, "/skip")
        if think:
            await asyncio.sleep(think * (0.5 + random.random()))
    conv.done = True


class KillMidway:
    """A fault for run_load: SIGKILL one cluster process once `share` of the
    scripted turns are answered, or of the duration has passed in a timed run
    (a fixed delay may fall after the last turn on a fast machine, and then
    nothing is tested). Afterwards `turns_before` and `turns_after` tell how
    much of the load the fault really hit."""

    def __init__(self, name: str, share: float = 0.4):
        self.name, self.share = name, share
        self.turns_before: int | None = None
        self.killed_at: float | None = None
        self.convs: list[Conversation] = []

    async def __call__(self, convs: list[Conversation], duration: float = 0) -> None:
        self.convs = convs
        planned = sum(len(c.script) for c in convs)
        t0 = time.perf_counter()
        while (time.perf_counter() - t0 < self.share * duration) if duration \
                else answered(convs) < self.share * planned:
            if all(c.done for c in convs):
                return
            await asyncio.sleep(0.05)
        self.turns_before = answered(convs)
        self.killed_at = time.perf_counter()
        print(f"killing {self.name} (SIGKILL) after {self.turns_before} of ~{planned} turns")
        # off the event loop: the simulated users go on while the process dies
        await asyncio.to_thread(cluster.kill, self.name, signal.SIGKILL)

    @property
    def turns_after(self) -> int:
        return answered(self.convs) - (self.turns_before or 0)

    def phases(self) -> dict:
        """p50/p95 and throughput of the turns answered before and after the
        kill: tells a stall on the dead replica's locks (a few slow turns) from
        one replica now serving everyone (every turn slower)."""
        if self.killed_at is None:
            return {}
        out = {}
        for phase, keep in (("before", lambda t: t < self.killed_at), ("after", lambda t: t >= self.killed_at)):
            pairs = [(t, lat) for c in self.convs for t, lat in zip(c.answered_at, c.latencies) if keep(t)]
            if not pairs:
                continue
            times, lats = [t for t, _ in pairs], sorted(lat for _, lat in pairs)
            span = (max(times) - self.killed_at) if phase == "after" else (self.killed_at - min(times))
            out[phase] = {"turns": len(lats), "turns_per_s": round(len(lats) / max(span, 1e-3), 1),
                          "p50_ms": round(1000 * lats[len(lats) // 2]),
                          "p95_ms": round(1000 * lats[min(len(lats) - 1, int(0.95 * len(lats)))])}
        return out


def answered(convs: list[Conversation]) -> int:
    return sum(len(c.latencies) for c in convs)


async def person(session, convs: list[Conversation], i: int, scripts: list[list[str]], adaptive: bool,
                 think: float, tag: str, until: float) -> None:
    """One simulated user: a conversation, then (in a timed run) the next, until `until`."""
    n = 0
    while True:
        conv = convs[i] if n == 0 else Conversation(f"{tag}-{i:03d}-{n}", scripts[(i + n) % len(scripts)],
                                                    adaptive)
        if n:
            convs.append(conv)
        await converse(session, conv, think, arrive=n == 0)
        n += 1
        if time.perf_counter() >= until:
            return


async def run_load(users: int, scripts: list[list[str]], adaptive: bool, think: float, tag: str,
                   fault=None, seconds: float = 0) -> tuple[list[Conversation], float]:
    """`users` people at once; each has one conversation, or, with `seconds`, starts
    new ones until that many seconds have passed. Returns the conversations and
    the seconds from the first message to the last reply."""
    convs = [Conversation(f"{tag}-{i:03d}", scripts[i % len(scripts)], adaptive) for i in range(users)]
    timeout = aiohttp.ClientTimeout(total=120)
    # the REST channel is for trusted callers: the cluster's token (runtime/channels/rest.py)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=users * 2),
                                     headers=cluster.rest_headers()) as s:
        t0 = time.perf_counter()
        tasks = [asyncio.create_task(person(s, convs, i, scripts, adaptive, think, tag, t0 + seconds))
                 for i in range(users)]
        if fault:
            tasks.append(asyncio.create_task(fault(convs, seconds)))
        await asyncio.gather(*tasks)
        return convs, time.perf_counter() - t0


TICK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int, children: bool) -> float:
    """CPU seconds of a process (and of its children it has reaped, e.g. PostgreSQL's backends)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if children else 0)
    return ticks / TICK


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, ValueError):
            pass
    return out


def cpu_by_process() -> dict[str, float]:
    """CPU seconds so far of each cluster process: the Rasa replicas, the action
    servers, Redis, nginx (master and workers) and PostgreSQL (all its processes).
    Differences over a run give CPU per turn whatever else the machine runs."""
    state = cluster.load_state()
    out = {name: _cpu(entry["pid"], False) for name, entry in state.items()
           if name.startswith(("rasa-", "actions-")) or name == "redis"}
    for name, pid in (("nginx", state.get("nginx", {}).get("pid")), ("postgres", _postmaster())):
        if pid:
            out[name] = _cpu(pid, True) + sum(_cpu(c, False) for c in _children(pid))
    return out


def _postmaster() -> int | None:
    pidfile = cluster.DIR / "pg" / "data" / "postmaster.pid"
    try:
        return int(pidfile.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cpu_per_turn(before: dict, after: dict, turns: int) -> dict[str, float]:
    """ms of CPU per answered turn, per process group (rasa, actions, postgres, redis, nginx)."""
    groups: dict[str, float] = {}
    for name, t in after.items():
        group = name.split("-")[0]
        groups[group] = groups.get(group, 0.0) + t - before.get(name, 0.0)
    return {g: round(1000 * t / max(turns, 1), 1) for g, t in sorted(groups.items())}


def check_events(convs: list[Conversation], database: str) -> list[str]:
    """Problems in the stored conversations: lost, duplicated, reordered or unanswered turns."""
    ids = {identity.bind("rest", c.sender): c for c in convs}   # the REST channel's conversation ids
    senders = ",".join(f"'{i}'" for i in ids)
    rows = cluster.psql(f"SELECT json_build_array(sender_id, type_name, coalesce(data::json->>'text', '')) "
                        f"FROM events WHERE sender_id IN ({senders}) AND type_name IN ('user', 'bot') "
                        f"ORDER BY id", database)
    stored: dict[str, list[tuple[str, str]]] = {c.sender: [] for c in convs}
    for line in rows.splitlines():
        sender, kind, text = json.loads(line)
        stored[ids[sender].sender].append((kind, text))
    problems = []
    for c in convs:
        events = stored[c.sender]
        said = [t for k, t in events if k == "user"]
        if said != c.sent:
            problems.append(f"{c.sender}: sent {c.sent} but stored {said}")
        for (k1, _), (k2, _) in zip(events, events[1:]):
            if k1 == "user" and k2 == "user":
                problems.append(f"{c.sender}: a user message without a reply before the next one")
                break
        if events and events[-1][0] != "bot":
            problems.append(f"{c.sender}: the last message has no reply")
    return problems


def summary(name: str, convs: list[Conversation], seconds: float, problems: list[str], need_citation: bool):
    lat = sorted(x for c in convs for x in c.latencies)
    errors = [e for c in convs for e in c.errors]
    if need_citation:
        errors += [f"{c.sender}: no cited measure in the conversation" for c in convs if not c.cited]
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [float("nan")] * 99
    result = {"bot": name, "conversations": len(convs), "turns": len(lat), "seconds": round(seconds, 1),
              "turns_per_s": round(len(lat) / seconds, 2), "p50_ms": round(q[49] * 1000),
              "p95_ms": round(q[94] * 1000), "p99_ms": round(q[98] * 1000), "errors": len(errors),
              "percentiles_ms": {p: round(q[p - 1] * 1000) for p in (10, 25, 50, 75, 90, 95, 99)},
              "retried_requests": sum(c.retried for c in convs), "lost_or_misordered": len(problems)}
    print(f"{name:>8}: {result['conversations']} conversations, {result['turns']} turns in {result['seconds']} s "
          f"({result['turns_per_s']}/s); p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
          f"p99 {result['p99_ms']} ms; errors {result['errors']}; retried {result['retried_requests']}; "
          f"stored-turn problems {result['lost_or_misordered']}")
    print("          percentiles (ms): " + ", ".join(f"p{p} {v}" for p, v in result["percentiles_ms"].items()))
    if os.environ.get("LOAD_DUMP"):
        with open(os.environ["LOAD_DUMP"], "a") as f:
            f.write(json.dumps({"bot": name, "turns": sorted((t, l) for c in convs for t, l in zip(c.answered_at, c.latencies))}) + "\n")
    for line in (errors + problems)[:10]:
        print("   ", line)
    return result


def moodbot_model() -> Path:
    """A bare `rasa init` project, trained once (its own default config and data)."""
    home = cluster.DIR / "moodbot"
    models = sorted((home / "models").glob("*.tar.gz")) if home.exists() else []
    if not models:
        print("training the `rasa init` moodbot once (.cluster/moodbot) ...")
        shutil_rm(home)
        home.mkdir(parents=True)
        subprocess.run([cluster.RASA, "init", "--no-prompt", "--init-dir", str(home)], cwd=ROOT,
                       env=cluster.env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        models = sorted((home / "models").glob("*.tar.gz"))
    return models[-1]


def shutil_rm(path: Path) -> None:
    import shutil
    shutil.rmtree(path, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30, help="each side's duration (0: one conversation per user)")
    ap.add_argument("--runs", type=int, default=1, help="ours-then-moodbot pairs, each with its own ratios")
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds a user waits between messages")
    ap.add_argument("--kill-replica", action="store_true", help="SIGKILL rasa-1 when 40%% of our turns are answered")
    ap.add_argument("--skip-moodbot", action="store_true")
    ap.add_argument("--keep", action="store_true", help="leave the cluster running")
    args = ap.parse_args()
    random.seed(7)

    started_here = not cluster.alive("nginx")
    mood = None if args.skip_moodbot else moodbot_model()
    cluster.start()
    run = uuid.uuid4().hex[:6]
    results = []
    ratios = []
    try:
        for n in range(1, args.runs + 1):
            if args.runs > 1:
                print(f"--- run {n} of {args.runs}")
            fault = KillMidway("rasa-1") if args.kill_replica else None
            before = cpu_by_process()
            convs, secs = asyncio.run(run_load(args.users, SCENARIOS, True, args.think, f"load-{run}-{n}", fault,
                                               args.seconds))
            used = cpu_by_process()
            ours = summary("ours", convs, secs, check_events(convs, "rasa"), need_citation=True)
            ours["cpu_ms_per_turn"] = cpu_per_turn(before, used, ours["turns"])
            ours["load_average"] = os.getloadavg()[0]
            print(f"    CPU ms per turn: {ours['cpu_ms_per_turn']}; load average {ours['load_average']:.1f}")
            results.append(ours)
            if fault:
                ours["turns_after_kill"] = fault.turns_after
                ours["kill_phases"] = fault.phases()
                print(f"    {fault.turns_after} turns answered after the kill")
                for phase, f in ours["kill_phases"].items():
                    print(f"    {phase} the kill: {f['turns']} turns, {f['turns_per_s']}/s, "
                          f"p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms")
                if not mood:
                    cluster.start_replicas()   # bring the killed replica back for the next run
            if mood:
                cluster.stop_replicas()
                cluster.start_replicas(mood, "moodbot", bare=True)   # bare Rasa: its own stores and CLI
                turns = round(statistics.mean(len(c.sent) for c in convs))
                script = (MOODBOT * (turns // len(MOODBOT) + 1))[:turns]
                before = cpu_by_process()
                mconvs, msecs = asyncio.run(run_load(args.users, [script], False, args.think, f"mood-{run}-{n}",
                                                     seconds=args.seconds))
                used = cpu_by_process()
                theirs = summary("moodbot", mconvs, msecs, check_events(mconvs, "moodbot"), need_citation=False)
                theirs["cpu_ms_per_turn"] = cpu_per_turn(before, used, theirs["turns"])
                theirs["load_average"] = os.getloadavg()[0]
                print(f"    CPU ms per turn: {theirs['cpu_ms_per_turn']}; load average {theirs['load_average']:.1f}")
                results.append(theirs)
                ratio = {"run": n, "p95": round(ours["p95_ms"] / max(theirs["p95_ms"], 1), 2),
                         "p50": round(ours["p50_ms"] / max(theirs["p50_ms"], 1), 2),
                         "throughput": round(ours["turns_per_s"] / max(theirs["turns_per_s"], 0.01), 2)}
                ratios.append(ratio)
                print(f"run {n}: p95 ours/moodbot {ratio['p95']:.2f} (target <= 1.0); p50 ratio {ratio['p50']:.2f}; "
                      f"throughput ours/moodbot {ratio['throughput']:.2f} (target >= 1.0)")
                cluster.stop_replicas()
                cluster.start_replicas()
        if len(ratios) > 1:
            print("p95 ratios per run: " + ", ".join(f"{r['p95']:.2f}" for r in ratios)
                  + "; throughput ratios: " + ", ".join(f"{r['throughput']:.2f}" for r in ratios))
    finally:
        if started_here and not args.keep:
            cluster.stop()
    out = ROOT / "bench" / "results" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": vars(args), "results": results, "ratios": ratios}, indent=1,
                              ensure_ascii=False))
    bad = any(r["errors"] or r["lost_or_misordered"] for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
