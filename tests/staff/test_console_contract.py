"""The staff console reads the dialogue's slots by the names the dialogue declares
(bot/dialogue/turn.py ConsoleSlot) and names the facts as rules/facts.yml labels
them: neither is spelled a second time in staff/."""
import ast
from pathlib import Path

import yaml

from bot.dialogue import CONSOLE_SLOTS, ConsoleSlot, slot_names
from staff.labels import Labels

ROOT = Path(__file__).resolve().parents[2]
STAFF = ROOT / "staff"
SLOT_READERS = {"slot_in", "slot_values", "list_slot_values"}


def declared() -> dict:
    return {k: v for k, v in vars(ConsoleSlot).items() if k.isupper()}


def test_every_slot_the_console_reads_is_a_slot_of_the_dialogue_and_the_domain(kb):
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    names = set(declared().values())
    assert names <= set(slot_names(kb)) and names <= set(domain["slots"])
    assert set(CONSOLE_SLOTS) <= names
    assert ConsoleSlot.REGION == kb.facts.place
    assert {ConsoleSlot.GROUPS, ConsoleSlot.NEEDS} <= set(kb.facts)


def spelled_slot_names(path: Path) -> list[str]:
    """String literals where a slot's name is expected: compared with `action_name`,
    or passed to a reader of slots."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) \
                and node.left.attr == "action_name":
            found += [c.value for c in node.comparators if isinstance(c, ast.Constant)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "in_" \
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "action_name":
            found += [c.value for a in node.args for c in ast.walk(a) if isinstance(c, ast.Constant)]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in SLOT_READERS:
            found += [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return found


def fact_label_tables(path: Path) -> list[int]:
    """Lines of dict literals that map fact names to words (the console's own labels)."""
    facts = {ConsoleSlot.REGION, ConsoleSlot.GROUPS, ConsoleSlot.NEEDS}
    return [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Dict) and node.keys
            and {k.value for k in node.keys if isinstance(k, ast.Constant)} & facts
            and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values)]


def test_the_console_spells_no_slot_name_and_no_fact_label_of_its_own():
    spelled = {p.name: spelled_slot_names(p) for p in STAFF.glob("*.py")}
    assert not {k: v for k, v in spelled.items() if v}
    tables = {p.name: fact_label_tables(p) for p in STAFF.glob("*.py")}
    assert not {k: v for k, v in tables.items() if v}


def test_the_checks_see_a_spelled_slot_and_a_label_table(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('x = E.action_name == "shown"\ny = slot_in("focus", p)\n'
                      'z = E.action_name.in_(("region", S.GROUPS))\nLABELS = {"groups": "身份"}\n')
    assert spelled_slot_names(module) == ["shown", "focus", "region"]
    assert fact_label_tables(module) == [4]


def test_the_console_names_a_fact_as_facts_yml_labels_it(kb):
    labels = Labels(kb)
    for fact in (ConsoleSlot.REGION, ConsoleSlot.GROUPS, ConsoleSlot.NEEDS):
        spec = kb.facts[fact]
        assert labels.heading(fact) == (spec.console_label or spec.label)
