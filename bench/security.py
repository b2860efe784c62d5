"""What one hostile message costs, and how the masking does on its corpus
(docs/security.md quotes these figures; nothing here is asserted).

    .venv/bin/python bench/security.py [--no-server]

1. Masking time on adversarial texts of 16, 32 and 64 KB: the e-mail pattern of
   before (kept here as the reference) against runtime/privacy.mask now, and the
   ratio 64 KB / 16 KB of each (4 is linear, 16 quadratic).
2. The corpus of bench/pii_corpus.py: identifiers left, ordinary texts changed,
   and the masking speed on it.
3. The dialogue core's patterns (bot/, which the message guard's cap protects)
   on their worst inputs at the cap, bot.dialogue.MAX_TEXT characters.
4. A real server: CPU time of the Rasa process and of the action server for one
   64 KB message over REST, against ordinary messages, each the median of 5
   (every thread's, read from /proc/<pid>/task/*/schedstat around the request).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import pii_corpus
from bot.dialogue import MAX_TEXT
from runtime import privacy

OLD_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def best_of(fn, text, runs=3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t0)
    return min(times)


def masking_times() -> None:
    print("## masking an adversarial message (best of 3)")
    print("| input | size | e-mail pattern before | privacy.mask now |")
    print("|---|---|---|---|")
    cases = {"letters and digits": lambda n: ("ab12" * n)[:n], "address characters": lambda n: ("a." * n)[:n],
             "spaced digits": lambda n: ("1 " * n)[:n], "Chinese numerals": lambda n: "一" * n}
    for name, make in cases.items():
        row = {}
        for size in (16_000, 32_000, 64_000):
            text = make(size)
            old = best_of(lambda t: OLD_EMAIL.sub("[邮箱]", t), text, 1 if size > 16_000 else 3)
            new = best_of(privacy.mask, text)
            row[size] = (old, new)
            print(f"| {name} | {size // 1000} KB | {old * 1000:.0f} ms | {new * 1000:.1f} ms |")
        print(f"| {name} | 64/16 KB ratio | {row[64_000][0] / row[16_000][0]:.1f} | "
              f"{row[64_000][1] / row[16_000][1]:.1f} |")
    capped = best_of(privacy.mask, ("ab12" * MAX_TEXT)[:MAX_TEXT])
    print(f"\nwhat the guard masks of any message (the cap, {MAX_TEXT} characters): {capped * 1000:.2f} ms")


def corpus() -> None:
    examples, keep = pii_corpus.examples(), pii_corpus.non_examples()
    t0 = time.perf_counter()
    left = [e for e in examples if e.raw in privacy.mask(e.text)]
    changed = [t for t in keep if privacy.mask(t) != t]
    seconds = time.perf_counter() - t0
    chars = sum(len(e.text) for e in examples) + sum(len(t) for t in keep)
    kinds = sorted({e.kind for e in examples})
    print(f"\n## the corpus (bench/pii_corpus.py, seed {pii_corpus.SEED})")
    print(f"{len(examples)} identifiers ({', '.join(kinds)}): {len(left)} left unmasked")
    print(f"{len(keep)} ordinary texts (amounts, dates, articles, document numbers, …): {len(changed)} changed")
    print(f"{chars / seconds / 1e6:.2f} M characters/s")


def core_patterns() -> None:
    from bot.replies import followup
    from bot.dialogue import policy
    from bot.reading import act, clauses, places, questions, references

    worst = {"<" * MAX_TEXT: "runs of <", "e" * MAX_TEXT + "x": "fillers", "嗯" * MAX_TEXT + "x": "Chinese fillers",
             "第" * MAX_TEXT: "item markers", "1" * MAX_TEXT: "digits", "，" * MAX_TEXT: "commas"}
    patterns = {name: value for module in (policy, followup, act, clauses, places, questions, references)
                for name, value in vars(module).items() if isinstance(value, re.Pattern)}
    print(f"\n## the dialogue core's patterns on {MAX_TEXT} characters (worst of the inputs, best of 3)")
    rows = []
    for name, pattern in patterns.items():
        slowest = max((best_of(lambda t: pattern.findall(t), text), label) for text, label in worst.items())
        rows.append((slowest[0], name, slowest[1]))
    for seconds, name, label in sorted(rows, reverse=True)[:6]:
        print(f"{name}: {seconds * 1000:.2f} ms ({label})")


def cpu_seconds(pid: int) -> float:
    """CPU time of every thread of the process, in ns resolution (schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError):
            pass
    return total / 1e9


def server() -> None:
    import requests

    from localrun.servers import action_server_args, free_port, rest_headers, start, start_bot, stop, wait_for

    tmp = Path(tempfile.mkdtemp())
    port = free_port()
    actions = start(action_server_args(port), tmp / "actions.log")
    wait_for(f"http://127.0.0.1:{port}/health", actions, tmp / "actions.log")
    proc, bot = start_bot(tmp, port, env={"RATE_LIMIT_PER_MINUTE": "0"})
    try:
        def turn(sender, text):
            before = cpu_seconds(proc.pid), cpu_seconds(actions.pid)
            body = json.dumps({"sender": sender, "message": text}, ensure_ascii=False).encode()
            r = requests.post(f"{bot.url}/webhooks/rest/webhook", data=body, timeout=60,
                              headers={"Content-Type": "application/json", **rest_headers()})
            assert r.ok, r.text
            time.sleep(0.3)            # let the action server's turn end before reading its clock
            return cpu_seconds(proc.pid) - before[0], cpu_seconds(actions.pid) - before[1]

        for i in range(3):
            turn(f"warm-{i}", "我是退伍军人，在柳州，想贷款")
        big = ("ab12" * 16_000)[:64_000]
        print("\n## one message on a real server (CPU of every thread, median of 5)")
        for label, text in (("ordinary (你好)", "你好"), ("a profile (我是退伍军人，在柳州，想贷款)", "我是退伍军人，在柳州，想贷款"),
                            ("64 KB of letters and digits", big),
                            ("64 KB of address characters + @", ("a." * 32_000)[:63_999] + "@"),
                            ("60 KB of Chinese (20,000 characters)", "创业贷款" * 5_000),
                            (f"{MAX_TEXT} characters of one-letter words (not cut)", ("a " * MAX_TEXT)[:MAX_TEXT])):
            runs = [turn(f"cpu-{label[:3]}-{i}", text) for i in range(5)]
            rasa = statistics.median(r[0] for r in runs) * 1000
            act = statistics.median(r[1] for r in runs) * 1000
            print(f"{label}: rasa {rasa:.0f} ms, action server {act:.0f} ms")
    finally:
        stop(proc)
        stop(actions)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-server", action="store_true", help="skip the real server (4.)")
    args = ap.parse_args()
    masking_times()
    corpus()
    core_patterns()
    if not args.no_server:
        server()
    return 0


if __name__ == "__main__":
    sys.exit(main())
