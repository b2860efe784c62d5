"""Adding a fact = edit rules/facts.yml and the measures, `make gen`, add NLU
examples. Here a new fact goes into a temporary copy of rules/, and the
engine, the dialogue, the renderer, the NLU export and the generated domain
pick it up with no code change."""
import shutil
from pathlib import Path

import pytest
import yaml

from bot import dialogue as conversation, rules as kbmod
from bot.generate import domain_gen, nlu_export
from bot.replies import render
from bot.replies import answers
from bot.dialogue import profile_from_slots
from bot.matching.engine import Engine
from bot.matching.profile import ProfileError, parse_profile

ROOT = Path(__file__).resolve().parents[2]
NEW_FACT = """
  disability:
    kind: bool
    entity: disability
    condition: true
    refines: true
    ask: 5
    label: 残疾人
    question: 您是残疾人创业者吗？（有些措施专门面向残疾人）
    values:
      "true":
        label: 是残疾人
        synonyms: [残疾人, 残障人士, 肢体残疾]
      "false":
        label: 不是残疾人
        synonyms: [不是残疾人, 非残疾人]
"""
MEASURE = "tm-1-ip-rights-aid"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    rules = tmp_path_factory.mktemp("project") / "rules"
    shutil.copytree(ROOT / "rules", rules)
    facts = rules / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_FACT, encoding="utf-8")
    measures = rules / "measures" / "tumen-2018.yml"
    text = measures.read_text(encoding="utf-8")
    anchor = f"  - id: {MEASURE}\n"
    head, tail = text.split(anchor)
    first, rest = tail.split("    category: ip\n", 1)
    measures.write_text(head + anchor + first + "    category: ip\n    conditions:\n      disability: true\n" + rest,
                        encoding="utf-8")
    return kbmod.load(rules)


def tumen(kb, **facts):
    return Engine(kb).match(parse_profile({"region": "图们", "groups": [], **facts}, kb))  # nobody's group


def ids(verdicts):
    return [v.measure.id for v in verdicts]


def test_the_engine_checks_the_new_condition_by_its_kind(kb):
    unknown = tumen(kb, gender="male", tech_business=False)   # only the new fact is open
    assert MEASURE in ids(unknown.possible) and MEASURE not in ids(unknown.eligible)
    assert unknown.next_question["fact"] == "disability"
    assert MEASURE in ids(tumen(kb, disability=True).eligible)
    assert MEASURE not in ids(tumen(kb, disability=False).eligible + tumen(kb, disability=False).possible)


def test_profiles_parse_the_new_fact_strictly_and_tolerantly(kb):
    assert parse_profile({"disability": "true"}, kb).get("disability") is True
    with pytest.raises(ProfileError, match="disability"):
        parse_profile({"disability": "maybe"}, kb)
    assert profile_from_slots(kb, {"disability": "maybe"}).get("disability") is None


def test_the_renderer_asks_it_and_names_it_in_details(kb):
    engine = Engine(kb)
    question = render.question(kb, "disability")
    assert question.text.startswith("您是残疾人创业者吗")
    assert [b.title for b in question.buttons][:2] == ["是残疾人", "不是残疾人"]
    assert 'disability' in question.buttons[0].payload
    verdict = next(v for v in tumen(kb).possible if v.measure.id == MEASURE)
    assert "还需确认：残疾人" in answers.details(kb, engine.shown(verdict), 1).text


def test_the_dialogue_reads_and_stores_it(kb):
    engine = Engine(kb)
    slots = {name: None for name in conversation.slot_names(kb)}
    assert "disability" in slots
    slots.update(region="图们市", groups=[], question="disability", asked=["disability"])
    outcome = conversation.respond(engine, slots, conversation.Incoming("我是残疾人", intent="inform"))
    assert outcome.slots.get("disability") is True


def test_nlu_export_and_the_generated_domain_declare_it(kb):
    lookups = yaml.safe_load(nlu_export.render_fact_lookups(kb))["nlu"]
    assert {"lookup": "disability"} .items() <= next(x for x in lookups if x.get("lookup") == "disability").items()
    assert any(x.get("synonym") == "true" and "残障人士" in x["examples"] for x in lookups)
    domain = yaml.safe_load(domain_gen.render_domain(kb, (ROOT / "domain.yml").read_text(encoding="utf-8")))
    assert "disability" in domain["entities"]
    assert domain["slots"]["disability"]["type"] == "bool"


def test_a_condition_on_an_undeclared_fact_names_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    measures = rules / "measures" / "tumen-2018.yml"
    text = measures.read_text(encoding="utf-8")
    measures.write_text(text.replace("    category: ip\n", "    category: ip\n    conditions:\n      disability: true\n", 1),
                        encoding="utf-8")
    _, problems = kbmod.validate(rules)
    assert any("tumen-2018.yml" in p.file and "unknown fact `disability`" in p.message for p in problems)
