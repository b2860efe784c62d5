"""The profile facts, declared once in rules/facts.yml and read here.

Each fact says what it is (`kind`), how NLU names it (`entity`), whether a
measure may be conditional on it (`condition`), whether it only refines a few
measures (`refines`: at most one such question per conversation), when the bot
asks it on a tie (`ask`, lower first; no `ask`: never asked), its label and
question. Everything else derives from this registry: the Profile and its one
parser, the engine's condition checks (by kind), rendering labels, the NLU
export and domain.yml's fact slots and entities (`python -m bot gen`).

Kinds:
  place  a place name, resolved through regions.yml (a measure's place is its document's)
  list   several values at once (groups, needs); a condition holds when one is shared
  one    one value (gender)
  bool   yes or no (tech_business); its values are "true" and "false"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .checks import is_text
from .yamlio import LineDict

KINDS = ("place", "list", "one", "bool")
FACT_KEYS = {"kind", "entity", "condition", "refines", "ask", "label", "console_label", "question", "buttons", "values"}
VALUE_KEYS = {"label", "synonyms", "neighbours", "short", "not_after", "not_in", "patterns"}
# facts.yml `ambiguous:` (top level): words that may or may not name a value
# (毕业: from 高中 or from a 大学?); keys of each entry.
AMBIGUOUS_KEYS = {"fact", "value", "question", "not_in", "settled_by", "of_others"}
# How each kind is stored in a Rasa slot (domain.yml, generated).
SLOT_TYPE = {"place": "text", "list": "list", "one": "text", "bool": "bool"}


@dataclass(frozen=True)
class FactValue:
    value: str
    label: str
    synonyms: tuple
    neighbours: tuple = ()   # the values next to this one (made symmetric on load)
    short: str | None = None  # a short button label (the needs: the overview's category buttons)
    not_after: tuple = ()    # words that, just before a synonym, say it is not this value (高中 毕业生)
    not_in: tuple = ()       # phrases a synonym inside is not this value (残疾人联合会)
    patterns: tuple = ()     # regular expressions for what a word list cannot hold (种了十几年百合)

    @property
    def title(self) -> str:
        """The label before its parenthesis: buttons and the profile line.
        在校大学生（含高职、研究生） -> 在校大学生"""
        return self.label.split("（")[0]

    def short_label(self) -> str:
        """The first name in the label, for prose: 返乡农民工/返乡下乡创业人员 -> 返乡农民工"""
        return self.label.split("（")[0].split("/")[0]

    def words(self) -> tuple:
        """What a text may call this value: the label's parts and the synonyms."""
        parts = [w for w in self.label.replace("（", "/").replace("）", "").split("/") if w]
        return tuple(dict.fromkeys(parts + list(self.synonyms)))


@dataclass(frozen=True)
class Ambiguous:
    """A word that may or may not name `value` of `fact` (facts.yml `ambiguous:`):
    never read as the value; the bot asks `question` (yes adds the value).
    `not_in`: longer phrases holding the word that settle it as not the value
    (还在当兵, 中学生), so no question is asked. `settled_by`: values of the same fact that,
    stated by the person, settle it (我是退伍的 在部队训练伤了腿: their own service). `of_others`:
    the word is about a relative by nature (家里有人在部队), so it is asked though said of someone else."""
    word: str
    fact: str
    value: str
    question: str
    not_in: tuple = ()
    settled_by: tuple = ()
    of_others: bool = False


@dataclass(frozen=True)
class FactDef:
    name: str
    kind: str
    entity: str
    label: str
    question: str
    buttons: tuple
    values: dict             # value -> FactValue (empty for a place)
    condition: bool = False
    refines: bool = False
    ask: int | None = None   # question order on a tie; None = never asked
    console_label: str | None = None   # the staff console's column heading, when not `label`

    @property
    def heading(self) -> str:
        """How the staff console names the fact."""
        return self.console_label or self.label

    def value(self, raw):
        """A stored or typed value in this fact's own type (bool facts: True/False)."""
        if self.kind == "bool":
            if isinstance(raw, bool):
                return raw
            return {"true": True, "false": False}.get(str(raw).lower())
        return raw

    def value_label(self, value) -> str:
        key = str(value).lower() if self.kind == "bool" else value
        spec = self.values.get(key)
        return spec.title if spec else (str(value) if self.kind == "place" else "")


class FactRegistry(dict):
    """name -> FactDef, in the order of facts.yml, with the views code needs;
    `ambiguous`: word -> Ambiguous (facts.yml `ambiguous:`)."""

    ambiguous: dict = {}
    about_others: tuple = ()   # facts.yml `about_others:` (老公, 儿子, 客户 …)

    # The views below are read for every measure of every match: computed once, and again
    # only when the registry changes.
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.__dict__.pop("_views", None)

    def _view(self, name: str, compute):
        views = self.__dict__.setdefault("_views", {})
        if name not in views:
            views[name] = compute()
        return views[name]

    @property
    def conditions(self) -> tuple:
        return self._view("conditions", lambda: tuple(n for n, f in self.items() if f.condition))

    @property
    def refining(self) -> tuple:
        return self._view("refining", lambda: tuple(n for n, f in self.items() if f.refines))

    @property
    def asked(self) -> tuple:
        """The facts the bot may ask, in order of preference on a tie."""
        return self._view("asked", lambda: tuple(sorted((n for n, f in self.items() if f.ask is not None),
                                                        key=lambda n: self[n].ask)))

    @property
    def place(self) -> str | None:
        return self._view("place", lambda: next((n for n, f in self.items() if f.kind == "place"), None))

    @property
    def neighboured(self) -> str | None:
        """The fact whose values declare neighbours (the groups)."""
        return self._view("neighboured", lambda: next(
            (n for n, f in self.items() if any(v.neighbours for v in f.values.values())), None))

    @property
    def valued(self) -> tuple:
        """The facts with a closed list of values (all but the place)."""
        return self._view("valued", lambda: tuple(n for n, f in self.items() if f.values))

    def of_kind(self, kind: str) -> tuple:
        return tuple(n for n, f in self.items() if f.kind == kind)

    def entity_of(self, fact: str) -> str:
        return self[fact].entity

    def fact_of(self, entity: str) -> str | None:
        return next((n for n, f in self.items() if f.entity == entity), None)


def load_facts(c, path) -> FactRegistry:
    """Read and check rules/facts.yml; problems go to the collector `c`."""
    items = c.top(path, "facts", dict) or {}
    facts = FactRegistry()
    entities = {}
    for name, item in items.items():
        line = items.line_of(name) if isinstance(items, LineDict) else 0
        if not isinstance(item, LineDict):
            c.add(path, line, name, "must be a mapping")
            continue
        for key in sorted(set(item) - FACT_KEYS):
            c.add(path, item.line_of(key), name, f"unknown key `{key}` (allowed: {', '.join(sorted(FACT_KEYS))})")
        kind = item.get("kind")
        if kind not in KINDS:
            c.add(path, item.line_of("kind"), name, f"`kind` must be one of {', '.join(KINDS)}")
        for key in ("label", "question", "entity"):
            if not is_text(item.get(key)):
                c.add(path, item.line_of(key), name, f"`{key}` is required and must be text")
        if "console_label" in item and not is_text(item["console_label"]):
            c.add(path, item.line_of("console_label"), name, "`console_label` must be text")
        entity = str(item.get("entity") or name)
        if entity in entities:
            c.add(path, item.line_of("entity"), name, f"entity `{entity}` is already the entity of {entities[entity]}")
        entities[entity] = name
        for key in ("condition", "refines"):
            if not isinstance(item.get(key, False), bool):
                c.add(path, item.line_of(key), name, f"`{key}` must be true or false")
        ask = item.get("ask")
        if ask is not None and (not isinstance(ask, int) or isinstance(ask, bool) or ask < 1):
            c.add(path, item.line_of("ask"), name, "`ask` must be a whole number from 1 (the order of questions)")
            ask = None
        if kind == "place" and item.get("condition"):
            c.add(path, item.line_of("condition"), name, "a place is implied by the measure's document, not a condition")
        values = _load_values(c, path, name, item)
        if kind == "bool" and set(values) != {"true", "false"}:
            c.add(path, item.line_of("values"), name, "a bool fact has exactly the values \"true\" and \"false\"")
        if kind in ("list", "one", "bool") and not values:
            c.add(path, line, name, "`values` are required")
        unknown = [b for b in item.get("buttons") or () if values and b not in values]
        if unknown:
            c.add(path, item.line_of("buttons"), name, f"`buttons` must be values of {name}: not {', '.join(unknown)}")
        facts[name] = FactDef(name, kind, entity, item.get("label", name), item.get("question", ""),
                              tuple(item.get("buttons") or ()), values, bool(item.get("condition", False)),
                              bool(item.get("refines", False)), ask, item.get("console_label"))
    if len(facts.of_kind("place")) != 1:
        c.add(path, getattr(items, "line", 1), "facts", "exactly one fact must be of kind place (where the person is)")
    facts.ambiguous = _load_ambiguous(c, path, facts)
    facts.about_others = _load_words(c, path, "about_others")
    return facts


def _load_words(c, path, key: str) -> tuple:
    data = c.load(path)
    words = data.get(key) if isinstance(data, dict) else None
    if words is None:
        return ()
    if not isinstance(words, list) or not all(is_text(w) for w in words):
        c.add(path, data.line_of(key), key, "must be a list of words")
        return ()
    return tuple(words)


def _load_ambiguous(c, path, facts: FactRegistry) -> dict:
    """facts.yml `ambiguous:`: word -> {fact, value, question, not_in}. A word that is
    also a synonym would be read as the value without asking: not allowed."""
    data = c.load(path)
    items = data.get("ambiguous") if isinstance(data, dict) else None
    if items is None:
        return {}
    if not isinstance(items, LineDict):
        c.add(path, getattr(data, "line_of", lambda k: 0)("ambiguous"), "ambiguous",
              "must be a mapping: word -> {fact, value, question}")
        return {}
    synonyms = {t: f"{n}.{v}" for n, f in facts.items() for v, fv in f.values.items() for t in (fv.label, *fv.synonyms)}
    out = {}
    for word, spec in items.items():
        line = items.line_of(word)
        ident = f"ambiguous.{word}"
        if not isinstance(spec, LineDict):
            c.add(path, line, ident, "must be a mapping with `fact`, `value`, `question`")
            continue
        for key in sorted(set(spec) - AMBIGUOUS_KEYS):
            c.add(path, spec.line_of(key), ident, f"unknown key `{key}` ({', '.join(sorted(AMBIGUOUS_KEYS))})")
        fact, value, question = spec.get("fact"), spec.get("value"), spec.get("question")
        if fact not in facts or value not in facts[fact].values:
            c.add(path, line, ident, f"unknown fact/value `{fact}`/`{value}` (facts.yml)")
            continue
        if not is_text(question):
            c.add(path, spec.line_of("question"), ident, "`question` is required: what the bot asks")
            continue
        if str(word) in synonyms:
            c.add(path, line, ident, f"`{word}` is also a synonym of {synonyms[str(word)]}: a word is either read or asked")
            continue
        not_in = spec.get("not_in") or []
        if not isinstance(not_in, list) or not all(is_text(p) and str(word) in p for p in not_in):
            c.add(path, spec.line_of("not_in"), ident, "`not_in` must be a list of phrases that contain the word")
            not_in = []
        settled_by = spec.get("settled_by") or []
        if not isinstance(settled_by, list) or not all(v in facts[fact].values for v in settled_by):
            c.add(path, spec.line_of("settled_by"), ident, f"`settled_by` must be a list of values of `{fact}`")
            settled_by = []
        of_others = spec.get("of_others", False)
        if not isinstance(of_others, bool):
            c.add(path, spec.line_of("of_others"), ident, "`of_others` must be true or false")
            of_others = False
        out[str(word)] = Ambiguous(str(word), fact, value, question, tuple(not_in), tuple(settled_by), of_others)
    return out


def _load_values(c, path, name: str, item: LineDict) -> dict:
    values = {}
    for value, spec in (item.get("values") or {}).items():
        vline = item["values"].line_of(value)
        ident = f"{name}.{value}"
        if not isinstance(spec, LineDict) or not is_text(spec.get("label")):
            c.add(path, vline, ident, "each value needs a `label`")
            continue
        synonyms = spec.get("synonyms") or []
        if not isinstance(synonyms, list) or not all(is_text(s) for s in synonyms):
            c.add(path, spec.line_of("synonyms"), ident, "`synonyms` must be a list of text")
            synonyms = []
        for key in sorted(set(spec) - VALUE_KEYS):
            c.add(path, spec.line_of(key), ident, f"unknown key `{key}` ({', '.join(sorted(VALUE_KEYS))})")
        neighbours = spec.get("neighbours") or []
        if neighbours and item.get("kind") != "list":
            c.add(path, spec.line_of("neighbours"), ident, "`neighbours` are only for list facts")
            neighbours = []
        if not isinstance(neighbours, list) or not all(is_text(n) for n in neighbours):
            c.add(path, spec.line_of("neighbours"), ident, "`neighbours` must be a list of values")
            neighbours = []
        short = spec.get("short")
        if short is not None and not is_text(short):
            c.add(path, spec.line_of("short"), ident, "`short` must be text")
            short = None
        not_after = spec.get("not_after") or []
        if not isinstance(not_after, list) or not all(is_text(w) for w in not_after):
            c.add(path, spec.line_of("not_after"), ident, "`not_after` must be a list of words")
            not_after = []
        not_in = spec.get("not_in") or []
        if not isinstance(not_in, list) or not all(is_text(w) for w in not_in):
            c.add(path, spec.line_of("not_in"), ident, "`not_in` must be a list of phrases")
            not_in = []
        patterns = _patterns(c, path, ident, spec)
        values[str(value)] = FactValue(str(value), spec["label"], tuple(synonyms), tuple(neighbours), short,
                                       tuple(not_after), tuple(not_in), patterns)
    return _symmetric_neighbours(c, path, name, item, values)


# A pattern sees what people type: bounded repetition only ({0,4}), so that no message can
# make it backtrack for long.
_UNBOUNDED = re.compile(r"(?<!\\)[*+]|\{\d*,\}")


def _patterns(c, path, ident: str, spec) -> tuple:
    patterns = spec.get("patterns") or []
    if not isinstance(patterns, list) or not all(is_text(p) for p in patterns):
        c.add(path, spec.line_of("patterns"), ident, "`patterns` must be a list of regular expressions")
        return ()
    out = []
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            c.add(path, spec.line_of("patterns"), ident, f"pattern `{p}` is not a regular expression: {exc}")
            continue
        if _UNBOUNDED.search(p):
            c.add(path, spec.line_of("patterns"), ident, f"pattern `{p}`: use bounded repetition ({{0,4}}), not * or +")
            continue
        out.append(p)
    return tuple(out)


def _symmetric_neighbours(c, path, name: str, item: LineDict, values: dict) -> dict:
    """Check each value's `neighbours` and make the relation symmetric (it is
    written once, on one side)."""
    pairs = set()
    for value, fv in values.items():
        spec = item["values"][value]
        line = spec.line_of("neighbours") if isinstance(spec, LineDict) else 0
        for other in fv.neighbours:
            if other not in values:
                c.add(path, line, f"{name}.{value}", f"unknown neighbour `{other}`; allowed: {', '.join(values)}")
            elif other == value:
                c.add(path, line, f"{name}.{value}", "a value cannot be its own neighbour")
            else:
                pairs.add((value, other))
                pairs.add((other, value))
    return {v: replace(fv, neighbours=tuple(sorted(o for a, o in pairs if a == v))) for v, fv in values.items()}

