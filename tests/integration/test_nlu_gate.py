"""The NLU gate on the held-out file (tests/nlu_holdout.yml, never trained on):
intent weighted F1 >= 0.95 and slot accuracy >= 0.95, where slot accuracy is
the share of utterances whose facts, as the conversation reads them from the
parse (bot/reading: clauses, synonyms, negation, place resolution), are exactly
the annotated ones (negated annotations dropped or flipped the same way).
The scoring lives in bench/nlu_scoring.py (bench/nlu_compare.py scores the same way)."""
from rasa.core.agent import Agent

from bot.rules import default_kb

from localrun.servers import MODEL
from bench.nlu_scoring import holdout_examples, parse_all, score


def test_nlu_gate_on_held_out_utterances():
    kb = default_kb()
    examples = holdout_examples()
    assert len(examples) >= 150
    agent = Agent.load(str(MODEL))
    result = score(kb, examples, parse_all(agent, [m.get("text") for m in examples]))
    print(f"\nheld-out: {result.utterances} utterances, intent weighted F1 {result.intent_f1:.3f}, "
          f"slot accuracy {result.slot_accuracy:.3f}")
    assert result.intent_f1 >= 0.95, "intent misses:\n" + "\n".join(result.intent_misses)
    assert result.slot_accuracy >= 0.95, "slot misses:\n" + "\n".join(result.slot_misses)
