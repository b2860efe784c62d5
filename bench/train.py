"""Training time, server start time and RSS: our bot against the `rasa init`
moodbot, in one run on this machine (figures go to docs/benchmarks.md, never asserted).

    .venv/bin/python bench/train.py [--turns 27] [--serve-only] [--runs 3]

1. `rasa train --force` of our project (config.yml, domain.yml, data/), then of
   the moodbot project (made once by `rasa init --no-prompt` into
   .cluster/moodbot, as bench/load.py does), one after the other, each with an
   empty Rasa cache directory so nothing is reused; prints both and the ratio
   ours/moodbot (target: <= 1).
2. `rasa run --enable-api` of each freshly trained model: start time (spawn
   until `/status` answers, i.e. model loaded), REST turn latency over a
   scripted conversation (ours: bench/dialogue.py's, with our action server and
   endpoints.yml's embedded defaults; moodbot: bench/load.py's, no endpoints),
   and RSS after 20 turns and at the end (targets for ours: start <= 3 s,
   RSS after 20 turns <= 300 MB).
--serve-only skips step 1 and serves models/current.tar.gz and the moodbot's
model as they are; --runs N repeats step 2 (ours, then the moodbot) N times;
--before DIR serves our model with the code of another checkout first (e.g.
`git archive understanding | tar -x -C DIR`), the row the figures compare with.
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

from localrun.servers import ENV, MODEL, RASA, action_server_args, endpoint_env, free_port, start, stop, wait_for
from bench.serving import SCRIPT, measure_server, rss_mb

RESULTS = ROOT / "bench" / "results" / "train.json"


def timed_train(project: Path, out: Path, env: dict) -> float:
    with tempfile.TemporaryDirectory() as cache:
        t0 = time.perf_counter()
        subprocess.run([RASA, "train", "--force", "--out", str(out), "--fixed-model-name", "bench"],
                       cwd=project, env=dict(env, RASA_CACHE_DIRECTORY=cache), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - t0


def serve_both(ours_model: Path, mood_model: Path, mood_home: Path, turns: int, before: Path | None = None) -> dict:
    """`rasa run` of each model, ours (launcher, our action server, embedded stores), then the
    moodbot; with `before`, first our model served by the code of that checkout."""
    from bench import load

    result = {}
    tmp = Path(tempfile.mkdtemp())
    aport = free_port()
    actions = start(action_server_args(aport), tmp / "actions.log")
    try:
        wait_for(f"http://127.0.0.1:{aport}/health", actions, tmp / "actions.log")
        env = endpoint_env(tmp, aport, RATE_LIMIT_PER_MINUTE="0")
        if before is not None:   # its packages first on the path, ahead of this tree's editable install
            result["before"] = measure_server(ours_model, dict(env, PYTHONPATH=str(before)), SCRIPT, turns,
                                              cwd=before, endpoints=before / "endpoints.yml", launcher=True)
        result["ours"] = measure_server(ours_model, env, SCRIPT, turns)
        result["ours"]["action_server_rss_mb"] = round(rss_mb(actions.pid)[1])
    finally:
        stop(actions)
    # the moodbot as `rasa init` makes it: its own directory, no endpoints (in-memory stores)
    mood_plain = {k: v for k, v in ENV.items() if k != "PYTHONPATH"}
    result["moodbot"] = measure_server(mood_model, mood_plain, load.MOODBOT, turns, cwd=mood_home, endpoints=None)
    return result


def main() -> None:
    from bench import load  # bench/load.py: the moodbot project and its conversation

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--turns", type=int, default=27, help="REST turns timed per server (after warm-up)")
    ap.add_argument("--serve-only", action="store_true", help="no training: serve the current models")
    ap.add_argument("--runs", type=int, default=1, help="times both servers are started and measured")
    ap.add_argument("--before", type=Path, help="another checkout (e.g. `git archive` of an earlier commit) "
                    "whose code also serves our model, first, as the row to compare with")
    args = ap.parse_args()

    mood_model = load.moodbot_model()
    mood_home = mood_model.parent.parent
    result: dict = {}
    if args.serve_only:
        ours_model = MODEL
    else:
        mood_env = load.cluster.env("moodbot")
        out = Path(tempfile.mkdtemp(prefix="bench-train-"))
        ours = timed_train(ROOT, out / "ours", ENV)
        print(f"rasa train --force, ours: {ours:.0f} s", flush=True)
        mood = timed_train(mood_home, out / "moodbot", mood_env)
        print(f"rasa train --force, moodbot: {mood:.0f} s", flush=True)
        result = {"train_seconds": {"ours": round(ours, 1), "moodbot": round(mood, 1)},
                  "train_ratio": round(ours / mood, 2)}
        print(f"training ours/moodbot: {ours / mood:.2f} (target <= 1)", flush=True)
        ours_model, mood_model = out / "ours" / "bench.tar.gz", out / "moodbot" / "bench.tar.gz"

    result["runs"] = []
    print("\n| run | bot | start to /status s | RSS after 20 turns MB | RSS at the end MB (peak) | REST turn p50/p95 ms |")
    print("|---|---|---|---|---|---|")
    for n in range(1, args.runs + 1):
        served = serve_both(ours_model, mood_model, mood_home, args.turns, args.before)
        result["runs"].append(served)
        for bot in ("before", "ours", "moodbot") if args.before else ("ours", "moodbot"):
            s = served[bot]
            print(f"| {n} | {bot} | {s['start_seconds']} | {s['rss_after_20_turns_mb']} | {s['rss_mb']} "
                  f"({s['rss_peak_mb']}) | {s['turn_ms_p50']}/{s['turn_ms_p95']} |", flush=True)
        o, m = served["ours"], served["moodbot"]
        print(f"| {n} | ours/moodbot | {o['start_seconds'] / m['start_seconds']:.2f} | "
              f"{o['rss_after_20_turns_mb'] / m['rss_after_20_turns_mb']:.2f} | | "
              f"{o['turn_ms_p50'] / m['turn_ms_p50']:.2f} |", flush=True)
        if args.before:
            b = served["before"]
            print(f"| {n} | ours/before | {o['start_seconds'] / b['start_seconds']:.2f} | "
                  f"{o['rss_after_20_turns_mb'] / b['rss_after_20_turns_mb']:.2f} | | "
                  f"{o['turn_ms_p50'] / b['turn_ms_p50']:.2f} |", flush=True)
    print(f"our action server: {', '.join(str(r['ours']['action_server_rss_mb']) for r in result['runs'])} MB")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
