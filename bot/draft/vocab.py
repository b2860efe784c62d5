"""The closed vocabularies the drafter may use, read from rules/.

Nothing outside these lists is ever written into a draft measure: a word the
vocabularies do not know becomes a review item instead (see extract.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import kb as kbmod
from ..script import to_simplified
from ..yamlio import load_yaml

# Agency names start with the level of their government; a bracket writes the
# level once ("省发展改革委、人力资源社会保障厅") and the others inherit it.
LEVEL_PREFIXES = ("自治区", "省", "州", "市", "县", "区")


@dataclass(frozen=True)
class AgencyEntry:
    id: str
    name: str
    full_name: str
    level: str
    region: str
    aliases: tuple = ()

    def keys(self) -> set:
        return {to_simplified(k) for k in (self.name, self.full_name, *self.aliases)}


@dataclass
class Vocabulary:
    groups: dict                  # value -> tuple of words (Simplified)
    gender: dict                  # value -> words
    tech_words: tuple             # words naming a 科技型企业
    needs: dict                   # value -> words
    audiences: dict               # value -> words (empty until facts.yml lists `audiences:`)
    agencies: list                # AgencyEntry the drafter may use
    gazetteer: object             # bot.regions.Gazetteer
    group_labels: dict = field(default_factory=dict)
    neighbours: dict = field(default_factory=dict)

    def agencies_in(self, region_chain: list[str]) -> list[AgencyEntry]:
        return [a for a in self.agencies if a.region in region_chain]


def _words(fv) -> tuple:
    """The label's parts of three or more characters (not the bare 青年 of 港澳台同胞/青年,
    which means 港澳台青年) and every synonym of two or more."""
    label_parts = set(fv.words()) - set(fv.synonyms)
    return tuple(dict.fromkeys(to_simplified(w) for w in fv.words()
                               if len(w) >= (3 if w in label_parts else 2)))


def read_audiences(facts_path: Path) -> dict:
    """`audiences:` in facts.yml (issue 15): a list of {id, label, synonyms} or a
    mapping id -> {label, synonyms}; top level or under `facts:`. Empty when absent."""
    data = load_yaml(facts_path, str(facts_path)) if facts_path.is_file() else {}
    raw = (data or {}).get("audiences")
    if raw is None and isinstance((data or {}).get("facts"), dict):
        raw = data["facts"].get("audiences") or (data["facts"].get("audience") or {}).get("values")
    return audiences_from(raw)


def audiences_from(raw) -> dict:
    items = []
    if isinstance(raw, list):
        items = [(str(x.get("id")), x) for x in raw if isinstance(x, dict)]
    elif isinstance(raw, dict):
        items = [(str(k), v) for k, v in raw.items() if isinstance(v, dict)]
    out = {}
    for ident, spec in items:
        words = [spec.get("label") or ""] + list(spec.get("synonyms") or [])
        parts = [p for w in words for p in str(w).replace("（", "/").replace("）", "").split("/")]
        out[ident] = tuple(dict.fromkeys(to_simplified(p) for p in parts if len(p) >= 2))
    return out


def read_agencies(path: Path) -> list[AgencyEntry]:
    """agencies.yml as entries, with `aliases` when the file has them."""
    data = load_yaml(path, str(path))
    out = []
    for a in data.get("agencies") or []:
        out.append(AgencyEntry(str(a["id"]), a["name"], a["full_name"], a.get("level", ""),
                               a.get("region", ""), tuple(a.get("aliases") or ())))
    return out


def load_vocabulary(rules: Path | str = kbmod.DEFAULT_RULES_DIR, *, agencies: list | None = None,
                    audiences: dict | None = None) -> Vocabulary:
    """The vocabularies of the rules in `rules`. `agencies` replaces the agency
    list (the evaluation hides a document's own agencies); `audiences` replaces
    the audience list (tests supply one before facts.yml has it)."""
    rules = Path(rules)
    kb = kbmod.default_kb(str(rules))
    facts = kb.facts
    groups = {v: _words(fv) for v, fv in facts["groups"].values.items()}
    gender = {v: _words(fv) for v, fv in facts["gender"].values.items()}
    tech = _words(facts["tech_business"].values["true"])
    needs = {v: _words(fv) for v, fv in facts["needs"].values.items()}
    return Vocabulary(
        groups=groups, gender=gender, tech_words=tech, needs=needs,
        audiences=read_audiences(rules / "facts.yml") if audiences is None else audiences,
        agencies=read_agencies(rules / "agencies.yml") if agencies is None else agencies,
        gazetteer=kb.gazetteer,
        group_labels={v: fv.short_label() for v, fv in facts["groups"].values.items()},
        neighbours={v: fv.neighbours for v, fv in facts["groups"].values.items()})
