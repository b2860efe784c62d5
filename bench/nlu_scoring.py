"""How the NLU gate scores a model on tests/nlu_holdout.yml, in one place for
the gate test and bench/nlu_compare.py: intent weighted F1, and slot accuracy =
the share of utterances whose facts, as the conversation reads them from the
parse (bot/reading: clauses, synonyms, negation, place resolution), are exactly
the facts the same reading takes from the annotated entities."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import f1_score

from bot.script import to_simplified
from bot.reading import read

HOLDOUT = Path(__file__).resolve().parents[1] / "tests" / "nlu_holdout.yml"


@dataclass
class Score:
    utterances: int
    intent_f1: float
    slot_accuracy: float
    intent_misses: list[str] = field(default_factory=list)
    slot_misses: list[str] = field(default_factory=list)


def holdout_examples(path: Path = HOLDOUT) -> list:
    return [m for m in load_data(str(path)).training_examples if m.get("intent")]


def parse_all(agent, texts: list[str]) -> list[dict]:
    async def run():
        return [await agent.parse_message(t) for t in texts]
    return asyncio.run(run())


def normalized(kb, facts: dict) -> dict:
    out = dict(facts)
    if "region" in out:
        place = kb.gazetteer.resolve(out["region"])
        out["region"] = tuple(place.chain) if place else ("?", out["region"])
    for key in ("groups", "needs"):
        if key in out:
            out[key] = tuple(sorted(out[key]))
    return out


def score(kb, examples: list, parsed: list[dict]) -> Score:
    truth = [m.get("intent") for m in examples]
    predicted = [p["intent"]["name"] for p in parsed]
    right, slot_misses = 0, []
    for m, p in zip(examples, parsed):
        annotated = [dict(e, value=to_simplified(str(e["value"]))) for e in m.get("entities") or []]
        expected = normalized(kb, read(kb, to_simplified(m.get("text")), annotated).facts)
        got = normalized(kb, read(kb, p.get("text") or "", p.get("entities") or []).facts)
        if expected == got:
            right += 1
        else:
            slot_misses.append(f"{m.get('text')}: expected {expected}, got {got}")
    return Score(
        utterances=len(examples),
        intent_f1=f1_score(truth, predicted, average="weighted"),
        slot_accuracy=right / len(examples),
        intent_misses=[f"{m.get('text')}: {t} -> {p}"
                       for m, t, p in zip(examples, truth, predicted) if t != p],
        slot_misses=slot_misses)
