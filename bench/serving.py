"""One `rasa run` measured: start time (spawn until the HTTP API's `/status`
answers — Rasa loads the model before it listens), REST turn latency over a
scripted conversation, and the server's RSS after 20 turns and at the end.
Shared by bench/nlu_compare.py and bench/train.py."""
from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
# bench/dialogue.py's one-user conversation
SCRIPT = ["你好", "我是退伍军人，在柳州，想贷款开个汽修店", "不是科技型企业", "第2条详细说说", "更多",
          "哪个部门负责", "我其实在图们", "跳过", "重新开始"]


def rss_mb(pid: int) -> tuple[float, float]:
    """(peak, current) resident set size of a process, in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                  if ":" in line)
    return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[int(q * (len(values) - 1))]


RSS_AFTER = 20   # turns: the RSS the target is about


def measure_server(model: Path, env: dict, script: list[str], turns: int, cwd: Path = ROOT,
                   endpoints: Path | None = ROOT / "endpoints.yml", launcher: bool | None = None) -> dict:
    """`launcher`: through `python -m runtime` (ours: our stores refuse to start without the
    patches), by default when `endpoints` is ours; a bare baseline runs Rasa's own `rasa`."""
    from localrun.servers import RASA, RASA_CLI, free_port, rest_headers, stop, wait_for
    tmp = Path(tempfile.mkdtemp())
    port = free_port()
    log = tmp / "rasa.log"
    cli = RASA_CLI if (endpoints == ROOT / "endpoints.yml" if launcher is None else launcher) else [RASA]
    args = [*cli, "run", "--model", str(model), "--port", str(port), "--interface", "127.0.0.1", "--enable-api"]
    if endpoints is not None:
        args += ["--endpoints", str(endpoints)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/status", proc, log, poll=0.02)   # the start time is measured
        start_s = time.perf_counter() - t0
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        timings, sender, after = [], None, None
        for i in range(turns + len(script)):  # the first conversation warms up
            if i % len(script) == 0:
                sender = f"bench-{uuid.uuid4().hex[:8]}"
            t1 = time.perf_counter()
            # the token of runtime.channels.rest (a bare baseline's Rasa REST channel ignores it)
            r = requests.post(url, json={"sender": sender, "message": script[i % len(script)]},
                              headers=rest_headers(env.get("REST_CHANNEL_TOKEN", "")), timeout=60)
            if i >= len(script):
                timings.append((time.perf_counter() - t1) * 1000)
            assert r.ok and r.json(), f"{script[i % len(script)]!r}: {r.status_code} {r.text}"
            if i + 1 == RSS_AFTER:
                after = rss_mb(proc.pid)[1]
        peak, now = rss_mb(proc.pid)
        return {"start_seconds": round(start_s, 2), "rss_peak_mb": round(peak), "rss_mb": round(now),
                f"rss_after_{RSS_AFTER}_turns_mb": round(after),
                "turn_ms_p50": round(percentile(timings, 0.5)), "turn_ms_p95": round(percentile(timings, 0.95)),
                "turn_ms_mean": round(statistics.fmean(timings))}
    finally:
        stop(proc)
