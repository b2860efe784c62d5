"""Dialogue benchmarks on this machine (figures go to docs/benchmarks.md, never asserted).

    .venv/bin/python bench/dialogue.py [--train] [--turns 200]

--train   time a full `rasa train --force` into a temporary directory
Always:   server start time (rasa run + action server until healthy), per-turn
          REST latency for one user (p50/p95, action calls included), and peak
          RSS (VmHWM) of the Rasa server and the action server.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import requests
from localrun.servers import (ENV, MODEL, RASA_CLI, action_server_args, endpoint_env, free_port,
                              rest_headers, start, stop, wait_for)

ROOT = Path(__file__).resolve().parent.parent


SCRIPT = ["你好", "我是退伍军人，在柳州，想贷款开个汽修店", "不是科技型企业", "第2条详细说说", "更多",
          "哪个部门负责", "我其实在图们", "跳过", "重新开始"]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", action="store_true")
    ap.add_argument("--turns", type=int, default=200)
    args = ap.parse_args()

    if args.train:
        out = tempfile.mkdtemp()
        t0 = time.time()
        subprocess.run([*RASA_CLI, "train", "--force", "--out", out], cwd=ROOT, env=ENV, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"rasa train --force: {time.time() - t0:.0f} s")

    tmp = Path(tempfile.mkdtemp())
    aport, port = free_port(), free_port()
    t0 = time.time()
    actions = start(action_server_args(aport), tmp / "a.log")
    server = start([*RASA_CLI, "run", "--model", str(MODEL), "--endpoints", str(ROOT / "endpoints.yml"),
                    "--port", str(port), "--interface", "127.0.0.1"], tmp / "r.log",
                   env=endpoint_env(tmp, aport, RATE_LIMIT_PER_MINUTE="0"))
    try:
        wait_for(f"http://127.0.0.1:{aport}/health", actions, tmp / "a.log")
        wait_for(f"http://127.0.0.1:{port}/", server, tmp / "r.log")
        print(f"server start (both healthy): {time.time() - t0:.1f} s")
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        timings = []
        sender = None
        for i in range(args.turns):
            if i % len(SCRIPT) == 0:
                sender = f"bench-{uuid.uuid4().hex[:8]}"
            start_t = time.perf_counter()
            r = requests.post(url, json={"sender": sender, "message": SCRIPT[i % len(SCRIPT)]},
                              headers=rest_headers(), timeout=60)
            timings.append((time.perf_counter() - start_t) * 1000)
            assert r.ok and r.json(), r.text
        timings = timings[len(SCRIPT):]  # first conversation warms caches
        timings.sort()
        p = lambda q: timings[int(q * (len(timings) - 1))]  # noqa: E731
        print(f"REST turn latency, 1 user, {len(timings)} turns: p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, "
              f"mean {statistics.fmean(timings):.0f} ms")
        print(f"peak RSS: rasa server {peak_rss_mb(server.pid):.0f} MB, action server {peak_rss_mb(actions.pid):.0f} MB")
    finally:
        stop(server)
        stop(actions)


if __name__ == "__main__":
    main()
