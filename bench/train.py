"""Training time, server start time and RSS: our bot against the `rasa init`
moodbot, in one run on this machine (figures go to docs/benchmarks.md, never asserted).

    .venv/bin/python bench/train.py [--turns 27]

1. `rasa train --force` of our project (config.yml, domain.yml, data/), then of
   the moodbot project (made once by `rasa init --no-prompt` into
   .cluster/moodbot, as bench/load.py does), one after the other, each with an
   empty Rasa cache directory so nothing is reused; prints both and the ratio
   ours/moodbot (target: <= 1).
2. `rasa run` of each freshly trained model: start time (spawn until `/`
   answers, i.e. model loaded), REST turn latency over a scripted conversation
   (ours: bench/dialogue.py's, with our action server and endpoints.yml's
   embedded defaults; moodbot: bench/load.py's, no endpoints), and RSS after
   it (targets for ours: RSS <= 800 MB, start <= 15 s).
Results also go to bench/results/train.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from localrun.servers import ENV, RASA, action_server_args, endpoint_env, free_port, start, stop, wait_for
from bench.serving import SCRIPT, measure_server  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "train.json"


def timed_train(project: Path, out: Path, env: dict) -> float:
    with tempfile.TemporaryDirectory() as cache:
        t0 = time.perf_counter()
        subprocess.run([RASA, "train", "--force", "--out", str(out), "--fixed-model-name", "bench"],
                       cwd=project, env=dict(env, RASA_CACHE_DIRECTORY=cache), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - t0


def main() -> None:
    from bench import load  # bench/load.py: the moodbot project and its conversation

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--turns", type=int, default=27, help="REST turns timed per server (after warm-up)")
    args = ap.parse_args()

    mood_home = load.moodbot_model().parent.parent
    mood_env = load.cluster.env("moodbot")
    out = Path(tempfile.mkdtemp(prefix="bench-train-"))
    ours = timed_train(ROOT, out / "ours", ENV)
    print(f"rasa train --force, ours: {ours:.0f} s", flush=True)
    mood = timed_train(mood_home, out / "moodbot", mood_env)
    print(f"rasa train --force, moodbot: {mood:.0f} s", flush=True)
    result = {"train_seconds": {"ours": round(ours, 1), "moodbot": round(mood, 1)},
              "train_ratio": round(ours / mood, 2)}
    print(f"training ours/moodbot: {ours / mood:.2f} (target <= 1)", flush=True)

    tmp = Path(tempfile.mkdtemp())
    aport = free_port()
    actions = start(action_server_args(aport), tmp / "actions.log")
    try:
        wait_for(f"http://127.0.0.1:{aport}/health", actions, tmp / "actions.log")
        result["ours"] = measure_server(out / "ours" / "bench.tar.gz",
                                        endpoint_env(tmp, aport, RATE_LIMIT_PER_MINUTE="0"), SCRIPT, args.turns)
    finally:
        stop(actions)
    # the moodbot as `rasa init` makes it: its own directory, no endpoints (in-memory stores)
    mood_plain = {k: v for k, v in ENV.items() if k != "PYTHONPATH"}
    result["moodbot"] = measure_server(out / "moodbot" / "bench.tar.gz", mood_plain, load.MOODBOT,
                                       args.turns, cwd=mood_home, endpoints=None)
    print("\n| bot | train s | start s | RSS after turns MB (peak) | REST turn p50/p95 ms |")
    print("|---|---|---|---|---|")
    for bot in ("ours", "moodbot"):
        s = result[bot]
        print(f"| {bot} | {result['train_seconds'][bot]} | {s['start_seconds']} | {s['rss_mb']} ({s['rss_peak_mb']}) "
              f"| {s['turn_ms_p50']}/{s['turn_ms_p95']} |")
    print(f"ratios ours/moodbot: training {result['train_ratio']}, "
          f"start {result['ours']['start_seconds'] / result['moodbot']['start_seconds']:.2f}, "
          f"RSS {result['ours']['rss_mb'] / result['moodbot']['rss_mb']:.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
