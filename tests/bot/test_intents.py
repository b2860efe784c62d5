"""Intents are declared once, in domain.yml: the training data, the rules, the test
stories and the held-out set name only those, and so does the code, in its intent
tables, its comparisons with an intent and its button payloads ("/intent")."""
import ast
import re
from pathlib import Path

import yaml

from bot.reading import act, questions, social_moves
from bot.replies import followup

ROOT = Path(__file__).resolve().parents[2]
# Rasa's own: /restart (action_restart), and the fallback classifier's intent
RASA_DEFAULTS = {"restart", "nlu_fallback"}
PAYLOAD = re.compile(r"^/([a-z_]+)$")
NOT_PAYLOADS = {"/health", "/webhook"}    # URL paths of the servers


def declared() -> set:
    return set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]) | RASA_DEFAULTS


def intents_in_yaml(path: Path) -> set:
    """Every `intent:` value of a Rasa YAML file (training data, rules, stories)."""
    return set(re.findall(r"^\s*-?\s*intent:\s*([A-Za-z_]+)\s*$", path.read_text(encoding="utf-8"), re.M))


def intents_in_code(path: Path) -> set:
    """Intent names a module spells: compared with an `intent`, or sent as a "/payload"."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(getattr(s, "attr", getattr(s, "id", None)) == "intent" for s in sides):
                found |= {c.value for s in sides for c in ast.walk(s)
                          if isinstance(c, ast.Constant) and isinstance(c.value, str)}
        elif isinstance(node, ast.keyword) and node.arg == "intent" and isinstance(node.value, ast.Constant):
            found.add(node.value.value)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value not in NOT_PAYLOADS:
            match = PAYLOAD.match(node.value)
            if match:
                found.add(match.group(1))
    return found


def test_the_data_names_only_declared_intents():
    files = [ROOT / "data" / "nlu.yml", ROOT / "data" / "rules.yml", ROOT / "tests" / "test_stories.yml",
             ROOT / "tests" / "nlu_holdout.yml"]
    unknown = {str(f.relative_to(ROOT)): sorted(intents_in_yaml(f) - declared()) for f in files}
    assert not {k: v for k, v in unknown.items() if v}, unknown


def test_every_declared_intent_has_training_examples():
    trained = intents_in_yaml(ROOT / "data" / "nlu.yml")
    assert declared() - RASA_DEFAULTS <= trained, sorted(declared() - RASA_DEFAULTS - trained)


def test_the_cores_intent_tables_name_only_declared_intents():
    tables = {"INTENT_MARKERS": set(social_moves.INTENT_MARKERS), "SOCIAL": set(social_moves.SOCIAL),
              "INTENT_REQUEST": set(act.INTENT_REQUEST), "INTENT_KIND": set(questions.INTENT_KIND),
              "followup.KINDS": set(followup.KINDS)}
    unknown = {name: sorted(names - declared()) for name, names in tables.items()}
    assert not {k: v for k, v in unknown.items() if v}, unknown


def test_the_code_names_only_declared_intents():
    files = [p for d in ("bot", "actions", "runtime/channels") for p in sorted((ROOT / d).rglob("*.py"))]
    unknown = {str(p.relative_to(ROOT)): sorted(intents_in_code(p) - declared()) for p in files}
    assert not {k: v for k, v in unknown.items() if v}, unknown


def test_the_check_sees_an_intent_in_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('if msg.intent == "greeet" or intent in ("ask_x", "deny"):\n    pass\n'
                      'Incoming(text="/start_over", intent="start_overr")\nB = Button("更多", "/moore")\n')
    assert intents_in_code(module) == {"greeet", "ask_x", "deny", "start_over", "start_overr", "moore"}
