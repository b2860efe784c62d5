"""Choose FallbackClassifier thresholds for a pipeline by cross-validation on
data/nlu.yml (never on tests/nlu_holdout.yml).

    .venv/bin/python bench/fallback_cv.py [--candidate logreg] [--folds 5]

The candidate's pipeline (bench/nlu_compare.py) without FallbackClassifier is
trained on k-1 folds (stratified by intent, lookups and synonyms always in) and
parses the held-back fold; every utterance's intent ranking is kept. For each
(threshold, ambiguity_threshold) pair it counts what FallbackClassifier would do:

  lost   a right prediction turned into nlu_fallback (the bot asks again for nothing)
  wrong  a wrong prediction left standing (the bot acts on a misreading);
         out_of_scope predicted for in-scope text counts as wrong too
  caught a wrong prediction (or an out_of_scope line) turned into nlu_fallback

and prints the pairs with the fewest lost + wrong, ties broken by fewer lost.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import tempfile
from pathlib import Path

import yaml

from bench.nlu_compare import CANDIDATES, candidate_config, quiet_rasa

ROOT = Path(__file__).resolve().parent.parent


THRESHOLDS = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]
AMBIGUITIES = [0.0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1]


def training_data():
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu.yml"))
    for lookups in sorted((ROOT / "data" / "lookups").glob("*.yml")):
        data = data.merge(load_data(str(lookups)))
    return data


def rankings(candidate: str, folds: int) -> list[tuple[str, list[dict]]]:
    """(true intent, intent ranking) for every utterance, each parsed by a model
    that did not see it."""
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    quiet_rasa()
    config = yaml.safe_load(candidate_config(candidate))
    config["pipeline"] = [s for s in config["pipeline"] if s["name"] != "FallbackClassifier"]
    data = training_data()
    examples = [m for m in data.training_examples if m.get("intent")]
    intents = [m.get("intent") for m in examples]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=1)
        for fold, (train_idx, test_idx) in enumerate(split.split(examples, intents)):
            part = TrainingData([examples[i] for i in train_idx], entity_synonyms=data.entity_synonyms,
                                regex_features=data.regex_features, lookup_tables=data.lookup_tables)
            nlu = tmp / f"fold{fold}.yml"
            nlu.write_text(part.nlu_as_yaml(), encoding="utf-8")
            model = train_nlu(str(tmp / "config.yml"), str(nlu), str(tmp / "models"),
                              fixed_model_name=f"fold{fold}")
            agent = Agent.load(model)

            async def parse():
                return [await agent.parse_message(examples[i].get("text")) for i in test_idx]

            for i, parsed in zip(test_idx, asyncio.run(parse())):
                out.append((intents[i], parsed["intent_ranking"]))
            print(f"fold {fold + 1}/{folds} done", flush=True)
    return out


def outcome(truth: str, ranking: list[dict], threshold: float, ambiguity: float) -> str:
    top = ranking[0]
    second = ranking[1]["confidence"] if len(ranking) > 1 else 0.0
    falls_back = top["confidence"] < threshold or top["confidence"] - second < ambiguity
    right = top["name"] == truth and truth != "out_of_scope"
    if falls_back:
        return "lost" if right else "caught"
    if truth == "out_of_scope" and top["name"] == "out_of_scope":
        return "right"
    return "right" if right else "wrong"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidate", choices=list(CANDIDATES), default="logreg")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()

    data = rankings(args.candidate, args.folds)
    rows = []
    for t, a in itertools.product(THRESHOLDS, AMBIGUITIES):
        counts = {"right": 0, "lost": 0, "wrong": 0, "caught": 0}
        for truth, ranking in data:
            counts[outcome(truth, ranking, t, a)] += 1
        rows.append((counts["lost"] + counts["wrong"], counts["lost"], t, a, counts))
    rows.sort(key=lambda r: (r[0], r[1], -r[2], -r[3]))
    print(f"\n{len(data)} utterances, {args.folds}-fold cross-validation of {args.candidate} "
          "(no fallback: threshold 0, ambiguity 0)")
    print("| threshold | ambiguity | lost | wrong | caught | right |")
    print("|---|---|---|---|---|---|")
    base = [r for r in rows if r[2] == 0.0 and r[3] == 0.0]
    for _, _, t, a, c in rows[: args.top] + base:
        print(f"| {t} | {a} | {c['lost']} | {c['wrong']} | {c['caught']} | {c['right']} |")


if __name__ == "__main__":
    main()
