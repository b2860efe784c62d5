"""Check that every annotated entity in Rasa NLU YAML files starts and ends on
a jieba token boundary (after Traditional->Simplified conversion and loading
data/jieba/userdict.txt), i.e. what Rasa's JiebaTokenizer will see. Rasa drops
misaligned annotations with only a warning ("Misaligned entity annotation").

    .venv/bin/python bench/check_nlu_alignment.py data/nlu.yml tests/nlu_holdout.yml

Also reports duplicate examples (within and across the given files, compared
after Traditional->Simplified conversion and without punctuation) and
per-intent counts. Exit status 1 when a misalignment or a cross-file
duplicate is found.
"""
from __future__ import annotations

import collections
import logging
import re
import sys
from pathlib import Path

import jieba
from bot.script import to_simplified

ROOT = Path(__file__).resolve().parent.parent


jieba.setLogLevel(logging.WARNING)
USERDICT = str(ROOT / "data" / "jieba" / "userdict.txt")
# Rasa's JiebaTokenizer loads the user dictionary once at inference (`load`) but twice
# while training (`create` from data/jieba, then `load` from the model storage copy).
# jieba adds every entry's frequency to its total on each load, so the two states can
# segment differently (e.g. 手头没钱: 没/钱 after one load, 没钱 after two). Check both.
ONCE = jieba.Tokenizer()
ONCE.load_userdict(USERDICT)
TWICE = jieba.Tokenizer()
TWICE.load_userdict(USERDICT)
TWICE.load_userdict(USERDICT)


PUNCT = re.compile(r"[\s，。！？、,.!?~～…；;：:“”\"'（）()]+")


def load(path: str):
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    return RasaYAMLReader().read(path).intent_examples


def main(paths: list[str]) -> int:
    bad = 0
    seen: dict[str, str] = {}
    cross_dups = []
    for path in paths:
        examples = load(path)
        counts = collections.Counter(e.get("intent") for e in examples)
        ent_counts = collections.Counter(
            ent["entity"] for e in examples for ent in (e.get("entities") or []))
        print(f"== {path}: {len(examples)} examples")
        for intent, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"   {intent:15s} {n}")
        print("   entities:", dict(ent_counts))
        local = collections.Counter(e.get("text") for e in examples)
        for text, n in local.items():
            if n > 1:
                print(f"   DUPLICATE x{n}: {text}")
        for e in examples:
            text = e.get("text")
            simp = to_simplified(text)
            # compare Simplified, without punctuation/spaces: 謝謝 duplicates 谢谢
            key = PUNCT.sub("", simp).lower()
            if key in seen and seen[key] != path:
                cross_dups.append((text, seen[key], path))
            seen.setdefault(key, path)
            if len(simp) != len(text):
                print(f"   LENGTH CHANGED by t2s: {text!r} -> {simp!r}")
                bad += 1
            for name, tokenizer in (("inference", ONCE), ("training", TWICE)):
                starts, ends, pos = set(), set(), 0
                for tok in tokenizer.cut(simp):
                    starts.add(pos)
                    pos += len(tok)
                    ends.add(pos)
                for ent in e.get("entities") or []:
                    if ent["start"] not in starts or ent["end"] not in ends:
                        bad += 1
                        print(f"   MISALIGNED ({name}) {ent['entity']}={text[ent['start']:ent['end']]!r}"
                              f" in {text!r} tokens={list(tokenizer.cut(simp))}")
    for text, a, b in cross_dups:
        print(f"CROSS-FILE DUPLICATE: {text!r} in {a} and {b}")
    print(f"misaligned: {bad}, cross-file duplicates: {len(cross_dups)}")
    return 1 if bad or cross_dups else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["data/nlu.yml", "tests/nlu_holdout.yml"]))
