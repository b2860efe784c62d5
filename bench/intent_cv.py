"""Compare NgramIntentClassifier's options by cross-validation on data/nlu.yml
(never on tests/nlu_holdout.yml; figures go to docs/nlu.md, never asserted).

    .venv/bin/python bench/intent_cv.py [--folds 5]

Texts are converted and tokenized as the pipeline does (Traditional to
Simplified, Rasa's JiebaTokenizer with our dictionary), and every (C, character
n-gram range) pair trains the component itself (runtime/intent_classifier.py)
on k-1 folds; the score is how many utterances of the held-back fold it
classifies right (no fallback).
"""
from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

C_VALUES = [1, 10, 30, 100, 300, 1000, 3000]
CHAR_NGRAMS = [(1, 2), (1, 3), (1, 4), (2, 4)]


def utterances() -> list:
    """data/nlu.yml's intent examples, converted and tokenized as in training."""
    from rasa.engine.graph import ExecutionContext
    from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.script import to_simplified

    jieba_config = {**JiebaTokenizer.get_default_config(), "dictionary_path": str(ROOT / "data" / "jieba")}
    tokenizer = JiebaTokenizer.create(jieba_config, None, None, ExecutionContext(None, "jieba"))
    examples = [m for m in load_data(str(ROOT / "data" / "nlu.yml")).training_examples if m.get("intent")]
    for m in examples:
        m.set(TEXT, to_simplified(m.get(TEXT)))
    tokenizer.process(examples)
    return examples


def right_answers(examples: list, C: float, char_ngrams, folds: int) -> int:
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    from runtime.intent_classifier import NgramIntentClassifier

    intents = [m.get("intent") for m in examples]
    config = {"C": C, "char_ngrams": list(char_ngrams)}
    right = 0
    with tempfile.TemporaryDirectory() as tmp:
        storage = LocalModelStorage(Path(tmp))
        split = StratifiedKFold(folds, shuffle=True, random_state=1).split(examples, intents)
        for fold, (train, test) in enumerate(split):
            classifier = NgramIntentClassifier.create(config, storage, Resource(f"fold{fold}"),
                                                      ExecutionContext(None, f"fold{fold}"))
            classifier.train(TrainingData([examples[i] for i in train]))
            best = classifier.probabilities([examples[i] for i in test]).argmax(axis=1)
            right += sum(classifier.classes[b] == intents[i] for b, i in zip(best, test))
    return right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    examples = utterances()
    rows = []
    for C, ngrams in itertools.product(C_VALUES, CHAR_NGRAMS):
        rows.append((right_answers(examples, C, ngrams, args.folds), C, ngrams))
        print(f"C={C} chars {ngrams}: {rows[-1][0]}/{len(examples)}", flush=True)
    rows.sort(key=lambda r: -r[0])
    print(f"\n{len(examples)} utterances, {args.folds}-fold cross-validation, best first")
    print("| C | character n-grams | right |")
    print("|---|---|---|")
    for right, C, ngrams in rows[:10]:
        print(f"| {C} | {ngrams[0]}–{ngrams[1]} | {right} |")


if __name__ == "__main__":
    main()
