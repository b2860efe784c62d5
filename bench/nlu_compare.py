"""Compare NLU pipelines by accuracy and cost (figures go to docs/nlu.md, never asserted).

    .venv/bin/python bench/nlu_compare.py [--only diet logreg ...] [--reuse] [--turns 27]

Candidates differ from config.yml only in their featurizers, intent classifier
and entity extractor; script conversion, tokenizer, RegexFeaturizer,
RegexEntityExtractor (lookups), synonyms and the RulePolicy are the same, and
each has its own FallbackClassifier thresholds (see CANDIDATES):

  diet        sparse featurizers + DIETClassifier
              (80 epochs), TensorFlow
  diet_40     DIETClassifier with 40 epochs
  ngram       runtime/intent_classifier.py: TF-IDF character n-grams and
              jieba words, logistic regression; no TensorFlow model
  ngram_crf   the same plus CRFEntityExtractor: config.yml now
  logreg      LogisticRegressionClassifier (scikit-learn), no TensorFlow model
  logreg_crf  the same plus CRFEntityExtractor (sklearn-crfsuite)
  sklearn     SklearnIntentClassifier (SVM): needs dense features, which no
              TensorFlow-free featurizer Rasa ships gives us without downloaded
              weights (SpacyFeaturizer on a blank model has no vectors), so
              expect its training to fail; it is listed so the table says so
  logreg_word12, logreg_char13, logreg_char14: featurizer variants for
              LogisticRegression, only for cross-validation (--only)
  spacy       config-spacy.yml as it is (blank spaCy zh + jieba; --only spacy)

For each, one at a time (each training uses both cores):
- training: `rasa train --force --config <candidate> --out models/compare/<name>`
  with an empty Rasa cache directory, so nothing is reused between candidates;
- accuracy on tests/nlu_holdout.yml exactly as the NLU gate scores it
  (bench/nlu_scoring.py): intent weighted F1, slot accuracy, and how
  the 12 out-of-scope lines end (out_of_scope or nlu_fallback = handled);
- NLU parse latency in-process (Agent.parse_message over the held-out lines);
- server: `rasa run` start time (spawn until `/` answers, i.e. model loaded),
  REST turn latency over the scripted conversation of bench/dialogue.py with
  our action server, then the server's peak and current RSS.
--reuse keeps a candidate's trained model (and its training time) when its
config is unchanged. Results: bench/results/nlu_compare.json.
"""
from __future__ import annotations

import argparse
import copy
import json
import subprocess
import tempfile
import time
from pathlib import Path

import yaml

from bench.serving import SCRIPT, measure_server, percentile
from localrun.servers import ENV, RASA, action_server_args, endpoint_env, free_port, start, stop, wait_for

ROOT = Path(__file__).resolve().parent.parent


MODELS = ROOT / "models" / "compare"
RESULTS = ROOT / "bench" / "results" / "nlu_compare.json"
# The steps a candidate chooses; config.yml's other steps (script conversion,
# tokenizer, RegexFeaturizer, lookup-table extractor, synonyms, fallback) are
# shared, and a candidate's steps go right after the RegexFeaturizer.
MODEL_STEPS = ("LexicalSyntacticFeaturizer", "CountVectorsFeaturizer", "DIETClassifier",
               "LogisticRegressionClassifier", "SklearnIntentClassifier", "CRFEntityExtractor",
               "runtime.intent_classifier.NgramIntentClassifier")
# DIET's and Rasa's LogisticRegression's features
SPARSE = [{"name": "LexicalSyntacticFeaturizer"},
          {"name": "CountVectorsFeaturizer"},
          {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3}]


def _build(pipeline: list[dict], steps: list[dict], fallback: dict) -> list[dict]:
    """config.yml's shared steps with `steps` after the RegexFeaturizer and
    FallbackClassifier's thresholds set to `fallback`."""
    out = []
    for step in pipeline:
        if step["name"] in MODEL_STEPS:
            continue
        if step["name"] == "FallbackClassifier":
            step = {**step, **fallback}
        out.append(step)
        if step["name"] == "RegexFeaturizer":
            out += steps
    return out


DIET = {"name": "DIETClassifier", "epochs": 80, "constrain_similarities": True, "random_seed": 1}
DIET_FALLBACK = {"threshold": 0.45, "ambiguity_threshold": 0.05}
LOGREG = {"name": "LogisticRegressionClassifier", "max_iter": 1000, "random_state": 42}
# LogisticRegression's probabilities are flatter than DIET's: thresholds chosen
# by 5-fold cross-validation on data/nlu.yml (bench/fallback_cv.py), not on the holdout.
LOGREG_FALLBACK = {"threshold": 0.25, "ambiguity_threshold": 0.0}
NGRAM = {"name": "runtime.intent_classifier.NgramIntentClassifier"}
CRF = {"name": "CRFEntityExtractor"}
# chosen by bench/fallback_cv.py --candidate ngram (5-fold on data/nlu.yml): 23 right
# answers lost + 95 wrong ones kept; 0.6/0.1 had one fewer in total but lost twice as many
NGRAM_FALLBACK = {"threshold": 0.5, "ambiguity_threshold": 0.03}


def _sparse(**changes_by_index) -> list[dict]:
    """SPARSE with the i-th CountVectorsFeaturizer's options changed (cv0=..., cv1=...)."""
    out, seen = [], -1
    for step in SPARSE:
        if step["name"] == "CountVectorsFeaturizer":
            seen += 1
            step = {**step, **changes_by_index.get(f"cv{seen}", {})}
        out.append(step)
    return out


CANDIDATES = {
    "diet": lambda p: _build(p, [*SPARSE, DIET], DIET_FALLBACK),
    # the same DIET with half the epochs
    "diet_40": lambda p: _build(p, [*SPARSE, {**DIET, "epochs": 40}], DIET_FALLBACK),
    "logreg": lambda p: _build(p, [*SPARSE, LOGREG], LOGREG_FALLBACK),
    "logreg_crf": lambda p: _build(p, [*SPARSE, LOGREG, CRF], LOGREG_FALLBACK),
    "sklearn": lambda p: _build(p, [*SPARSE, {"name": "SklearnIntentClassifier"}], DIET_FALLBACK),
    # TensorFlow-free, runtime/intent_classifier.py: it makes its own features
    # from the text and tokens; the CRF uses the RegexFeaturizer's lookup
    # matches (its `pattern` feature) and skips messages with no features at all
    "ngram": lambda p: _build(p, [NGRAM], NGRAM_FALLBACK),
    "ngram_crf": lambda p: _build(p, [NGRAM, CRF], NGRAM_FALLBACK),   # config.yml now
    # featurizer variants for LogisticRegression, for cross-validation (bench/fallback_cv.py)
    "logreg_word12": lambda p: _build(p, [*_sparse(cv0={"max_ngram": 2}), LOGREG], LOGREG_FALLBACK),
    "logreg_char13": lambda p: _build(p, [*_sparse(cv1={"analyzer": "char"}), LOGREG], LOGREG_FALLBACK),
    "logreg_char14": lambda p: _build(p, [*_sparse(cv1={"max_ngram": 4}), LOGREG], LOGREG_FALLBACK),
}
DEFAULT = ["diet", "diet_40", "logreg", "logreg_crf", "sklearn", "ngram", "ngram_crf"]


# candidates kept as their own config file rather than derived from config.yml
FILES = {"spacy": "config-spacy.yml"}


def candidate_config(name: str) -> str:
    if name in FILES:
        return (ROOT / FILES[name]).read_text(encoding="utf-8")
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    config = copy.deepcopy(config)
    config["pipeline"] = CANDIDATES[name](config["pipeline"])
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def train(name: str, reuse: bool) -> dict:
    home = MODELS / name
    home.mkdir(parents=True, exist_ok=True)
    config_text = candidate_config(name)
    config, model, record = home / "config.yml", home / f"{name}.tar.gz", home / "train.json"
    if reuse and model.is_file() and record.is_file() and config.is_file() \
            and config.read_text(encoding="utf-8") == config_text:
        return json.loads(record.read_text())
    config.write_text(config_text, encoding="utf-8")
    model.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as cache:
        env = dict(ENV, RASA_CACHE_DIRECTORY=cache)
        t0 = time.perf_counter()
        proc = subprocess.run([RASA, "train", "--force", "--config", str(config), "--out", str(home),
                               "--fixed-model-name", name], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - t0
    (home / "train.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    result = {"train_seconds": round(seconds, 1), "trained": proc.returncode == 0 and model.is_file()}
    if not result["trained"]:
        lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
        result["error"] = (lines[-1] if lines else f"exit {proc.returncode}")[:200]
    record.write_text(json.dumps(result, ensure_ascii=False))
    return result


def quiet_rasa() -> None:
    """No per-message debug lines from Rasa's structured logger in the bench's output."""
    import logging

    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)


def accuracy(model: Path) -> dict:
    from rasa.core.agent import Agent

    quiet_rasa()

    from bot.rules import default_kb
    from bench.nlu_scoring import holdout_examples, parse_all, score

    examples = holdout_examples()
    texts = [m.get("text") for m in examples]
    t0 = time.perf_counter()
    agent = Agent.load(str(model))
    load_s = time.perf_counter() - t0
    parsed = parse_all(agent, texts)
    result = score(default_kb(), examples, parsed)
    oos = [p["intent"]["name"] for m, p in zip(examples, parsed) if m.get("intent") == "out_of_scope"]
    fell_back = sum(p["intent"]["name"] == "nlu_fallback" for m, p in zip(examples, parsed)
                    if m.get("intent") != "out_of_scope")

    import asyncio

    async def timed():
        out = []
        for t in texts:
            t1 = time.perf_counter()
            await agent.parse_message(t)
            out.append((time.perf_counter() - t1) * 1000)
        return out

    latencies = asyncio.run(timed())
    return {"intent_f1": round(result.intent_f1, 4), "slot_accuracy": round(result.slot_accuracy, 4),
            "out_of_scope_handled": f"{sum(i in ('out_of_scope', 'nlu_fallback') for i in oos)}/{len(oos)}",
            "in_scope_fallbacks": fell_back,
            "intent_misses": result.intent_misses, "slot_misses": result.slot_misses,
            "agent_load_seconds": round(load_s, 1),
            "parse_ms_p50": round(percentile(latencies, 0.5), 1),
            "parse_ms_p95": round(percentile(latencies, 0.95), 1)}


def fmt(x, spec=".3f") -> str:
    return "n/a" if x is None else format(x, spec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", choices=[*CANDIDATES, *FILES], default=DEFAULT)
    ap.add_argument("--reuse", action="store_true", help="keep trained models whose config is unchanged")
    ap.add_argument("--turns", type=int, default=27, help="REST turns timed per server (after warm-up)")
    ap.add_argument("--no-server", action="store_true", help="skip rasa run (start time, RSS, REST latency)")
    args = ap.parse_args()

    if "spacy" in args.only:  # the blank zh spaCy model config-spacy.yml loads
        from bench.make_spacy_zh import DEFAULT_OUT, build

        if not (DEFAULT_OUT / "meta.json").is_file():
            build(DEFAULT_OUT)

    results = []
    for name in args.only:
        print(f"[{name}] training ...", flush=True)
        r = {"candidate": name, **train(name, args.reuse)}
        print(f"[{name}] train {r['train_seconds']} s{'' if r['trained'] else ' FAILED: ' + r['error']}",
              flush=True)
        if r["trained"]:
            r.update(accuracy(MODELS / name / f"{name}.tar.gz"))
            print(f"[{name}] intent F1 {r['intent_f1']:.3f}, slot accuracy {r['slot_accuracy']:.3f}", flush=True)
        results.append(r)

    if not args.no_server:
        tmp = Path(tempfile.mkdtemp())
        aport = free_port()
        actions = start(action_server_args(aport), tmp / "actions.log")
        try:
            wait_for(f"http://127.0.0.1:{aport}/health", actions, tmp / "actions.log")
            for r in results:
                if r["trained"]:
                    print(f"[{r['candidate']}] rasa run ...", flush=True)
                    model = MODELS / r["candidate"] / f"{r['candidate']}.tar.gz"
                    env = endpoint_env(tmp, aport, RATE_LIMIT_PER_MINUTE="0")
                    r.update(measure_server(model, env, SCRIPT, args.turns))
        finally:
            stop(actions)

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print("\n| candidate | intent F1 | slot acc. | out-of-scope handled | in-scope fallbacks | train s "
          "| start s | RSS peak MB | parse p50/p95 ms | REST turn p50/p95 ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        if not r["trained"]:
            print(f"| {r['candidate']} | – | – | – | – | failed after {r['train_seconds']} s: {r['error']} "
                  "| – | – | – | – |")
            continue
        print(f"| {r['candidate']} | {r['intent_f1']:.3f} | {r['slot_accuracy']:.3f} | {r['out_of_scope_handled']} "
              f"| {r['in_scope_fallbacks']} | {r['train_seconds']} | {r.get('start_seconds', 'n/a')} "
              f"| {r.get('rss_peak_mb', 'n/a')} | {r['parse_ms_p50']}/{r['parse_ms_p95']} "
              f"| {r.get('turn_ms_p50', 'n/a')}/{r.get('turn_ms_p95', 'n/a')} |")
    for r in results:
        for kind in ("intent_misses", "slot_misses"):
            if r.get(kind):
                print(f"\n[{r['candidate']}] {kind.replace('_', ' ')} ({len(r[kind])}):")
                for line in r[kind]:
                    print("  ", line)


if __name__ == "__main__":
    main()
