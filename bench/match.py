"""Time matching random profiles against the full knowledge base.

    .venv/bin/python bench/match.py [--n 10000] [--seed 1]

Profiles draw each fact independently (known or not), with regions from the
covered documents, their sub-units, places outside coverage and Traditional
spellings. Reports per-profile latency of Engine.match (the dict conversion a
caller needs included) and the one-off cost of loading and compiling rules/.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

from bot import rules as kbmod
from bot.matching.engine import Engine
from bot.matching.profile import parse_profile


REGIONS = ["图们", "圖們", "延吉", "长春", "吉林", "珲春市", "柳州", "南宁", "东兴", "凭祥市", "廣西",
           "乌市", "烏魯木齊", "米东区", "北京", "深圳", "喀什", "火星基地", None]


def random_profile(rng: random.Random, kb) -> dict:
    groups = list(kb.facts["groups"].values)
    needs = list(kb.facts["needs"].values)
    p: dict = {}
    region = rng.choice(REGIONS)
    if region:
        p["region"] = region
    if rng.random() < 0.8:
        p["groups"] = rng.sample(groups, rng.choice([0, 1, 1, 1, 2, 3]))
    if rng.random() < 0.6:
        p["gender"] = rng.choice(["female", "male"])
    if rng.random() < 0.5:
        p["tech_business"] = rng.random() < 0.5
    if rng.random() < 0.7:
        p["needs"] = rng.sample(needs, rng.choice([1, 1, 2, 3]))
    return p


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t0 = time.perf_counter()
    kb = kbmod.load()
    engine = Engine(kb)
    load_ms = (time.perf_counter() - t0) * 1000

    rng = random.Random(args.seed)
    profiles = [parse_profile(random_profile(rng, kb), kb) for _ in range(args.n)]
    timings = []
    for profile in profiles:
        start = time.perf_counter_ns()
        engine.match(profile).as_dict(engine)
        timings.append((time.perf_counter_ns() - start) / 1e6)
    timings.sort()
    p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))]  # noqa: E731
    print(f"knowledge base: {len(kb.measures)} measures, {len(kb.gazetteer.places)} places; "
          f"load+validate+compile {load_ms:.0f} ms")
    print(f"{args.n} random profiles: p50 {p(0.50):.3f} ms, p99 {p(0.99):.3f} ms, "
          f"mean {statistics.fmean(timings):.3f} ms, max {timings[-1]:.3f} ms")


if __name__ == "__main__":
    main()
