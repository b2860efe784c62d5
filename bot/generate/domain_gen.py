"""The fact part of domain.yml, written from rules/facts.yml.

domain.yml keeps the dialogue's own intents, slots and actions by hand; the
fact entities and fact slots sit between marker comments and are rewritten by
`python -m bot gen` (checked by `--check` and tests/bot/generate/test_generated.py), so a
fact declared in facts.yml reaches Rasa without a second declaration.
"""
from __future__ import annotations

from ..rules.facts import SLOT_TYPE
from ..rules import KnowledgeBase

MARK = "  # {edge} {what}: generated from rules/facts.yml by `python -m bot gen`; do not edit\n"


class DomainMarkersMissing(ValueError):
    pass


def fact_entities(kb: KnowledgeBase) -> str:
    return "".join(f"  - {spec.entity}\n" for spec in kb.facts.values())


def fact_slots(kb: KnowledgeBase) -> str:
    out = []
    for name, spec in kb.facts.items():
        out.append(f"  {name + ':':<19} # {spec.label} ({spec.kind})\n"
                   f"    type: {SLOT_TYPE[spec.kind]}\n"
                   "    influence_conversation: false\n"
                   "    mappings: [{type: custom}]\n")
    return "".join(out)


def _replace(text: str, what: str, body: str) -> str:
    begin, end = MARK.format(edge=">>>", what=what), MARK.format(edge="<<<", what=what)
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        raise DomainMarkersMissing(f"domain.yml lacks the markers of the generated {what}:\n{begin}{end}")
    return text[:i + len(begin)] + body + text[j:]


def render_domain(kb: KnowledgeBase, text: str) -> str:
    """`text` (domain.yml) with its fact entities and fact slots regenerated."""
    return _replace(_replace(text, "fact entities", fact_entities(kb)), "fact slots", fact_slots(kb))
