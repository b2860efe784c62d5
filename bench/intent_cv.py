"""Compare NgramIntentClassifier's options by cross-validation on data/nlu.yml
(never on tests/nlu_holdout.yml; figures go to README, never asserted).

    .venv/bin/python bench/intent_cv.py [--folds 5]

Texts are converted and tokenized as the pipeline does (Traditional to
Simplified, jieba with our dictionary), featurized by the classifier's own
vectorizers, and every (C, character n-gram range) pair is scored by how many
utterances a model that did not see them classifies right (no fallback).
"""
from __future__ import annotations

import argparse
import itertools
import logging
from pathlib import Path

import scipy.sparse as sp

ROOT = Path(__file__).resolve().parent.parent

C_VALUES = [1, 10, 30, 100, 300, 1000, 3000]
CHAR_NGRAMS = [(1, 2), (1, 3), (1, 4), (2, 4)]


def utterances() -> tuple[list[str], list[list[str]], list[str]]:
    import jieba
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.script import to_simplified

    jieba.setLogLevel(logging.WARNING)
    for userdict in sorted((ROOT / "data" / "jieba").glob("*.txt")):
        jieba.load_userdict(str(userdict))
    examples = [m for m in load_data(str(ROOT / "data" / "nlu.yml")).training_examples if m.get("intent")]
    texts = [to_simplified(m.get("text")) for m in examples]
    return texts, [[w.lower() for w in jieba.lcut(t) if w.strip()] for t in texts], \
        [m.get("intent") for m in examples]


def right_answers(texts, words, intents, C: float, char_ngrams, folds: int) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from runtime.intent_classifier import NgramIntentClassifier, _vectorizers

    config = {**NgramIntentClassifier.get_default_config(), "char_ngrams": list(char_ngrams)}
    right = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=1).split(texts, intents):
        chars, vocab = _vectorizers(config)
        X = sp.hstack([chars.fit_transform([texts[i] for i in train]),
                       vocab.fit_transform([words[i] for i in train])]).tocsr()
        model = LogisticRegression(C=C, max_iter=config["max_iter"]).fit(X, [intents[i] for i in train])
        Xt = sp.hstack([chars.transform([texts[i] for i in test]),
                        vocab.transform([words[i] for i in test])]).tocsr()
        right += sum(p == intents[i] for p, i in zip(model.predict(Xt), test))
    return right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    texts, words, intents = utterances()
    rows = []
    for C, ngrams in itertools.product(C_VALUES, CHAR_NGRAMS):
        rows.append((right_answers(texts, words, intents, C, ngrams, args.folds), C, ngrams))
        print(f"C={C} chars {ngrams}: {rows[-1][0]}/{len(texts)}", flush=True)
    rows.sort(key=lambda r: -r[0])
    print(f"\n{len(texts)} utterances, {args.folds}-fold cross-validation, best first")
    print("| C | character n-grams | right |")
    print("|---|---|---|")
    for right, C, ngrams in rows[:10]:
        print(f"| {C} | {ngrams[0]}–{ngrams[1]} | {right} |")


if __name__ == "__main__":
    main()
