"""The NLU gate on the held-out file (tests/nlu_holdout.yml, never trained on):
intent weighted F1 >= 0.95 and slot accuracy >= 0.95, where slot accuracy is
the share of utterances whose facts, as the conversation reads them from the
parse (bot/understanding.py: synonyms, negation, place resolution), are exactly
the annotated ones (negated annotations dropped or flipped the same way)."""
import asyncio
from pathlib import Path

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import f1_score

from bot.understanding import facts_from_entities, read
from bot.kb import default_kb
from bot.script import to_simplified

from .conftest import MODEL

HOLDOUT = Path(__file__).resolve().parents[1] / "nlu_holdout.yml"


def normalized(kb, facts: dict) -> dict:
    out = dict(facts)
    if "region" in out:
        place = kb.gazetteer.resolve(out["region"])
        out["region"] = tuple(place.chain) if place else ("?", out["region"])
    for key in ("groups", "needs"):
        if key in out:
            out[key] = tuple(sorted(out[key]))
    return out


def test_nlu_gate_on_held_out_utterances():
    kb = default_kb()
    data = load_data(str(HOLDOUT))
    examples = [m for m in data.training_examples if m.get("intent")]
    assert len(examples) >= 150
    agent = Agent.load(str(MODEL))

    async def parse_all():
        return [await agent.parse_message(m.get("text")) for m in examples]

    parsed = asyncio.run(parse_all())
    truth = [m.get("intent") for m in examples]
    predicted = [p["intent"]["name"] for p in parsed]
    intent_f1 = f1_score(truth, predicted, average="weighted")

    right, wrong = 0, []
    for m, p in zip(examples, parsed):
        annotated = [dict(e, value=to_simplified(str(e["value"]))) for e in m.get("entities") or []]
        expected = normalized(kb, facts_from_entities(kb, annotated, to_simplified(m.get("text"))))
        got = normalized(kb, read(kb, p.get("text") or "", p.get("entities") or []).facts)
        if expected == got:
            right += 1
        else:
            wrong.append(f"{m.get('text')}: expected {expected}, got {got}")
    slot_accuracy = right / len(examples)
    print(f"\nheld-out: {len(examples)} utterances, intent weighted F1 {intent_f1:.3f}, "
          f"slot accuracy {slot_accuracy:.3f}")
    misses = [f"{m.get('text')}: {t} -> {p}" for m, t, p in zip(examples, truth, predicted) if t != p]
    assert intent_f1 >= 0.95, "intent misses:\n" + "\n".join(misses)
    assert slot_accuracy >= 0.95, "slot misses:\n" + "\n".join(wrong)
