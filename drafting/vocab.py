"""The closed vocabularies the drafter may use, read once from rules/ through
the rules loader's public API (bot.rules): groups, gender, 科技型企业 and needs from
facts.yml, the audiences, the agencies and the gazetteer; plus the drafter's
own rules/collective-words.yml.

Nothing outside these lists is ever written into a draft measure: a word the
vocabularies do not know becomes a review item instead (see people.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot import rules as kbmod
from bot.script import to_simplified
from bot.rules.yamlio import LineDict, RulesSyntaxError, load_yaml

COLLECTIVE_FILE = "collective-words.yml"
COVERS = ("all", "part")


class PartOf(tuple):
    """The groups of a collective word that names more people than they are (青年: every
    young person, of whom students and graduates are a part): the drafter reads no group
    from the word alone, only from a group word of the text that narrows it."""


@dataclass
class Vocabulary:
    groups: dict                  # value -> tuple of words (Simplified)
    gender: dict                  # value -> words
    tech_words: tuple             # words naming a 科技型企业
    needs: dict                   # value -> words
    audiences: dict               # value -> words
    agencies: list                # bot.rules.Agency entries the drafter may match
    gazetteer: object             # bot.regions.Gazetteer
    group_labels: dict = field(default_factory=dict)
    neighbours: dict = field(default_factory=dict)
    collective: dict = field(default_factory=dict)   # word -> group values (rules/collective-words.yml)
    kb: object = None

    def agencies_in(self, region_chain: list[str]) -> list:
        return [a for a in self.agencies if a.region in region_chain]


def words_of(fv) -> tuple:
    """The label's parts of three or more characters (not the bare 青年 of 港澳台同胞/青年,
    which means 港澳台青年) and every synonym of two or more."""
    label_parts = set(fv.words()) - set(fv.synonyms)
    return tuple(dict.fromkeys(to_simplified(w) for w in fv.words()
                               if len(w) >= (3 if w in label_parts else 2)))


def audience_words(audiences: dict) -> dict:
    """bot.rules audiences (id -> FactValue) as id -> words: the label's parts and the synonyms."""
    out = {}
    for ident, fv in audiences.items():
        parts = [p for w in [fv.label, *fv.synonyms] for p in str(w).replace("（", "/").replace("）", "").split("/")]
        out[ident] = tuple(dict.fromkeys(to_simplified(p) for p in parts if len(p) >= 2))
    return out


def read_collective_words(path: Path, groups: dict, display: str | None = None) -> dict:
    """rules/collective-words.yml: word -> the group values the hand-made rules
    read it as (docs/rules-format.md). Missing file: none. A problem raises
    RulesSyntaxError naming the file and line."""
    if not path.is_file():
        return {}
    shown = display or str(path)
    data = load_yaml(path, shown) or {}
    entries = data.get("collective_words") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise RulesSyntaxError(shown, getattr(data, "line", 1), "needs a mapping `collective_words:`")
    out = {}
    for word, spec in entries.items():
        line = entries.line_of(word) if isinstance(entries, LineDict) else 0
        if not isinstance(spec, dict):
            raise RulesSyntaxError(shown, line, f"{word}: must be a mapping with `groups` and `convention`")
        unknown = sorted(set(spec) - {"groups", "convention", "covers"})
        if unknown:
            raise RulesSyntaxError(shown, line, f"{word}: unknown key `{unknown[0]}` (groups, convention, covers)")
        if spec.get("covers", "all") not in COVERS:
            raise RulesSyntaxError(shown, line, f"{word}: `covers` must be all or part")
        values = spec.get("groups")
        if not isinstance(values, list) or not values:
            raise RulesSyntaxError(shown, line, f"{word}: `groups` must be a non-empty list of group values")
        bad = [g for g in values if g not in groups]
        if bad:
            raise RulesSyntaxError(shown, line, f"{word}: unknown group `{bad[0]}` (facts.yml groups: "
                                   + ", ".join(groups) + ")")
        if not str(spec.get("convention") or "").strip():
            raise RulesSyntaxError(shown, line, f"{word}: `convention` must say where the rules read it so")
        simple = to_simplified(str(word))
        clash = [g for g, words in groups.items() if simple in words]
        if clash:
            raise RulesSyntaxError(shown, line, f"{word}: already a synonym of `{clash[0]}` in facts.yml")
        out[simple] = (PartOf if spec.get("covers") == "part" else tuple)(values)
    return out


def load_vocabulary(rules: Path | str = kbmod.DEFAULT_RULES_DIR, *, kb=None, agencies: list | None = None,
                    audiences: dict | None = None, collective: dict | None = None,
                    extra_groups: dict | None = None) -> Vocabulary:
    """The vocabularies of the rules in `rules` (loaded once, or `kb` when given).
    `agencies` replaces the agency list (the evaluation hides a document's own
    agencies); `audiences` the audience words; `collective` rules/collective-words.yml;
    `extra_groups` ({value: (label, words)}) adds groups facts.yml does not have yet
    (the evaluation's stand-ins for an annotation format's groups)."""
    rules = Path(rules)
    kb = kb or kbmod.default_kb(str(rules))
    facts = kb.facts
    groups = {v: words_of(fv) for v, fv in facts["groups"].values.items()}
    labels = {v: fv.short_label() for v, fv in facts["groups"].values.items()}
    for value, (label, words) in (extra_groups or {}).items():
        if value not in groups:
            groups[value] = tuple(to_simplified(w) for w in words)
            labels[value] = label
    return Vocabulary(
        groups=groups,
        gender={v: words_of(fv) for v, fv in facts["gender"].values.items()},
        tech_words=words_of(facts["tech_business"].values["true"]),
        needs={v: words_of(fv) for v, fv in facts["needs"].values.items()},
        audiences=audience_words(kb.audiences) if audiences is None else audiences,
        agencies=list(kb.agencies.values()) if agencies is None else agencies,
        gazetteer=kb.gazetteer,
        group_labels=labels,
        neighbours={v: fv.neighbours for v, fv in facts["groups"].values.items()},
        collective=read_collective_words(rules / COLLECTIVE_FILE, groups) if collective is None else collective,
        kb=kb)
