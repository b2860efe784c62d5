"""Compare the NLU pipelines on the held-out test set.

    .venv/bin/python bench/nlu_compare.py [--only jieba|spacy ...] [--out bench/results/nlu_compare]

For each pipeline (config.yml = JiebaTokenizer, config-spacy.yml = blank spaCy zh with
jieba segmenter) it trains an NLU model sequentially

    rasa train nlu -c <config> --nlu <copy of data/nlu.yml + data/lookups/*.yml> --out <dir>

(`rasa train nlu` takes one file or folder, so the two sources are copied into one
folder; the rest of data/ — stories, rules — is not NLU training data anyway)

and evaluates it on tests/nlu_holdout.yml (never used for training)

    rasa test nlu --nlu tests/nlu_holdout.yml --model <model> --out <dir>

then prints intent weighted-avg F1 (intent_report.json), entity weighted-avg F1 per
extractor (<Extractor>_report.json; DIETClassifier and RegexEntityExtractor), training
and test wall time, and the number of "Misaligned entity annotation" warnings seen
while training. Results go to bench/results/ (git-ignored); a summary is written to
<out>/summary.json. Rasa is run from the repo root, one process at a time.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = ROOT / ".venv" / "bin" / "rasa"
HOLDOUT = "tests/nlu_holdout.yml"
PIPELINES = {
    "jieba": "config.yml",
    "spacy": "config-spacy.yml",
}
EXTRACTORS = ("DIETClassifier", "RegexEntityExtractor")


def run(cmd: list[str], log: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONWARNINGS": "default", "TF_CPP_MIN_LOG_LEVEL": "2"}
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t0
    out = proc.stdout + proc.stderr
    log.write_text(out, encoding="utf-8")
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\nsee {log}\n{out[-3000:]}")
    return elapsed, out


def weighted_f1(report: Path) -> float | None:
    if not report.is_file():
        return None
    data = json.loads(report.read_text(encoding="utf-8"))
    avg = data.get("weighted avg") or data.get("micro avg")
    return None if avg is None else float(avg["f1-score"])


def evaluate(name: str, config: str, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    models = out / "models"
    report_dir = out / "report"
    train_data = out / "train_data"
    shutil.rmtree(train_data, ignore_errors=True)
    train_data.mkdir()
    for src in [ROOT / "data" / "nlu.yml", *sorted((ROOT / "data" / "lookups").glob("*.yml"))]:
        shutil.copy(src, train_data / (src.name if src.name == "nlu.yml" else f"lookup_{src.name}"))
    train_s, train_log = run([str(RASA), "train", "nlu", "-c", config, "--nlu", str(train_data),
                              "--out", str(models), "--fixed-model-name", name],
                             out / "train.log")
    misaligned = len(re.findall(r"Misaligned entity annotation", train_log))
    model = models / f"{name}.tar.gz"
    test_s, _ = run([str(RASA), "test", "nlu", "--nlu", HOLDOUT, "--model", str(model),
                     "--out", str(report_dir)], out / "test.log")
    result = {
        "pipeline": name,
        "config": config,
        "intent_f1": weighted_f1(report_dir / "intent_report.json"),
        "train_seconds": round(train_s, 1),
        "test_seconds": round(test_s, 1),
        "misaligned_warnings": misaligned,
    }
    for extractor in EXTRACTORS:
        result[f"entity_f1_{extractor}"] = weighted_f1(report_dir / f"{extractor}_report.json")
    errors = report_dir / "intent_errors.json"
    result["intent_errors"] = [
        {"text": e["text"], "intent": e["intent"],
         "predicted": e["intent_prediction"]["name"],
         "confidence": round(e["intent_prediction"]["confidence"], 3)}
        for e in (json.loads(errors.read_text(encoding="utf-8")) if errors.is_file() else [])
    ]
    return result


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", choices=sorted(PIPELINES), default=list(PIPELINES))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "nlu_compare")
    args = ap.parse_args()

    if "spacy" in args.only:
        from make_spacy_zh import DEFAULT_OUT, build

        if not (DEFAULT_OUT / "meta.json").is_file():
            build(DEFAULT_OUT)

    results = []
    for name in args.only:  # sequential on purpose: each training uses all cores
        print(f"[{name}] training and testing {PIPELINES[name]} ...", flush=True)
        r = evaluate(name, PIPELINES[name], args.out / name)
        results.append(r)
        print(f"[{name}] intent F1 {fmt(r['intent_f1'])}, train {r['train_seconds']} s", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.json").write_text(json.dumps(results, ensure_ascii=False, indent=2),
                                           encoding="utf-8")
    print()
    print("| pipeline | intent F1 (weighted) | entity F1 DIET (weighted) | entity F1 regex (weighted)"
          " | train time | test time | misaligned |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['pipeline']} ({r['config']}) | {fmt(r['intent_f1'])} "
              f"| {fmt(r['entity_f1_DIETClassifier'])} | {fmt(r['entity_f1_RegexEntityExtractor'])} "
              f"| {r['train_seconds']} s | {r['test_seconds']} s | {r['misaligned_warnings']} |")
    for r in results:
        if r["intent_errors"]:
            print(f"\n[{r['pipeline']}] {len(r['intent_errors'])} intent errors on {HOLDOUT}:")
            for e in r["intent_errors"]:
                print(f"  {e['intent']:>14} -> {e['predicted']:<14} {e['confidence']:.2f}  {e['text']}")


if __name__ == "__main__":
    main()
