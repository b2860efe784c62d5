"""Misunderstood messages exported as NLU training candidates: Rasa's NLU YAML,
downloaded for a person to label and move into data/. It never writes a file,
and sentences of the held-out test set (tests/nlu_holdout.yml) are left out
with a comment: training on them would make the NLU gate measure nothing."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "tests" / "nlu_holdout.yml"
DOMAIN = ROOT / "domain.yml"
UNLABELLED = "待标注"
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


@lru_cache(maxsize=1)
def intents() -> tuple:
    return tuple(yaml.safe_load(DOMAIN.read_text(encoding="utf-8")).get("intents") or ())


@lru_cache(maxsize=1)
def holdout_texts() -> frozenset:
    """The held-out sentences as people wrote them (entity annotations removed)."""
    if not HOLDOUT.is_file():
        return frozenset()
    data = yaml.safe_load(HOLDOUT.read_text(encoding="utf-8")) or {}
    out = set()
    for item in data.get("nlu") or ():
        for line in (item.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                out.add(_ANNOTATION.sub(lambda m: m.group(1) or m.group(2) or "", line[2:]).strip())
    return frozenset(out)


# What YAML cannot hold (PyYAML's reader refuses it): C0/C1 controls, surrogates, U+FFFE/FFFF.
_NOT_YAML = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _example(text: str) -> str:
    # one line per example (str.split also breaks at U+0085, U+2028, U+2029, which
    # YAML reads as line breaks); brackets would be read as entity annotations
    return " ".join(_NOT_YAML.sub("", text).split()).replace("[", "［").replace("]", "］")


def nlu_yaml(texts: list[str], intent: str | None = None) -> str:
    intent = intent if intent in intents() else None
    held = holdout_texts()
    keep = [t for t in dict.fromkeys(texts) if _example(t or "") and t.strip() not in held]
    left = [t for t in dict.fromkeys(texts) if t and t.strip() in held]
    lines = ["# NLU training candidates exported from the staff console (misunderstood messages).",
             "# Check each sentence and its intent, annotate entities, then add it to data/ by hand.",
             "# Never add them to tests/nlu_holdout.yml (the held-out test set)."]
    if not intent:
        lines.append(f"# Intent `{UNLABELLED}` is a placeholder: replace it with one of domain.yml's intents.")
    for t in left:
        lines.append(f"# left out (in the held-out test set): {_example(t)}")
    lines += ['version: "3.1"', "nlu:", f"- intent: {intent or UNLABELLED}", "  examples: |"]
    lines += [f"    - {_example(t)}" for t in keep]
    return "\n".join(lines) + "\n"
