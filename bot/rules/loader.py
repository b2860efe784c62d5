"""The rules loader's entry points: validate() and load() read every file in
rules/ and compile the KnowledgeBase (nothing loads rules that fail validation:
load() raises RulesInvalid with every problem, each as ``file:line: id: what is
wrong``); default_kb() loads it once per process. For tools that write rules
(drafting/): the same checks one entry or file at a time."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .agencies import AGENCY_KEYS, agency_entry, load_agencies, load_functions
from .audiences import load_audiences
from .checks import Collector, Problem, RulesInvalid
from .phrase_maps import load_english, load_everyday
from .facts import load_facts
from .measures import load_measures
from .model import KnowledgeBase
from .regions import load_regions
from .sources import SOURCE_KEYS, load_sources, source_entry
from .yamlio import LineDict

DEFAULT_RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


def display_path(root: Path | str, path: Path | str) -> str:
    """How problems name a file: relative to the rules directory's parent when inside it."""
    return Collector(Path(root)).display(Path(path))


def check_source_entry(kb: KnowledgeBase, file: Path, entry: LineDict, text_path: Path) -> tuple:
    """(Source or None, problems): one sources.yml-style entry (from `file`, read
    with bot.rules.yamlio.load_yaml), its text at `text_path`, checked as the loader checks sources.yml."""
    c = Collector(kb.root)
    sid = str(entry.get("id", "?"))
    for key in sorted(set(entry) - SOURCE_KEYS):
        c.add(file, entry.line_of(key), sid, f"unknown key `{key}` (allowed: {', '.join(sorted(SOURCE_KEYS))})")
    return source_entry(c, file, entry, sid, kb.gazetteer, text_path), c.problems


def check_agency_entry(kb: KnowledgeBase, file: Path, entry: LineDict) -> tuple:
    """(Agency or None, problems): one agencies.yml-style entry, checked as the loader checks agencies.yml."""
    c = Collector(kb.root)
    aid = str(entry.get("id", "?"))
    for key in sorted(set(entry) - AGENCY_KEYS):
        c.add(file, entry.line_of(key), aid, f"unknown key `{key}` (allowed: {', '.join(sorted(AGENCY_KEYS))})")
    return agency_entry(c, file, entry, aid, kb.gazetteer, kb.functions), c.problems


def check_measure_files(kb: KnowledgeBase, paths: list, *, sources: dict | None = None,
                        agencies: dict | None = None, draft: bool = True, extra_keys=frozenset()) -> tuple:
    """(measures, problems): measures files checked as rules/measures/ is, against
    the knowledge base's facts and audiences and `sources`/`agencies` (default:
    the knowledge base's). With `draft`, every measure must be `status: draft` and
    may carry `extra_keys`."""
    c = Collector(kb.root)
    measures = load_measures(c, kb.sources if sources is None else sources,
                              kb.agencies if agencies is None else agencies, kb.facts, kb.audiences,
                              paths=[Path(p) for p in paths], draft=draft, functions=kb.functions,
                              extra_keys=extra_keys)
    return measures, c.problems


def source_warnings(kb: KnowledgeBase) -> list[Problem]:
    """Not errors: a source text that changed since it was encoded (sha256), a superseded source."""
    import hashlib
    out = []
    path = kb.root / "sources.yml"
    for s in kb.sources.values():
        if s.sha256 and hashlib.sha256(s.text.encode("utf-8")).hexdigest() != s.sha256:
            out.append(Problem(f"{path.parent.name}/sources/{s.id}.txt", 1, s.id,
                               "the text changed since it was encoded (sha256 differs): re-check every quote "
                               "and article, then update `sha256` in sources.yml"))
        if s.superseded_by:
            out.append(Problem(f"{path.parent.name}/sources.yml", 1, s.id,
                               f"superseded by {s.superseded_by}: the bot says so under each of its measures"))
    return out


def validate(root: Path | str = DEFAULT_RULES_DIR) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Load everything; return the knowledge base (None when any problem) and the problems."""
    root = Path(root)
    c = Collector(root)
    regions = load_regions(c)
    sources = load_sources(c, regions)
    facts = load_facts(c, root / "facts.yml")
    audiences = load_audiences(c, facts)
    functions = load_functions(c, facts)
    agencies = load_agencies(c, regions, functions)
    measures = load_measures(c, sources, agencies, facts, audiences, functions=functions)
    english = load_english(c)
    everyday = load_everyday(c)
    if c.problems or regions is None:
        return None, c.problems
    regions.set_covered(s.region for s in sources.values() if not s.national)
    return KnowledgeBase(root, sources, regions, agencies, facts, measures, audiences, functions, english,
                         everyday), []


def load(root: Path | str = DEFAULT_RULES_DIR) -> KnowledgeBase:
    kb, problems = validate(root)
    if problems:
        raise RulesInvalid(problems)
    return kb


@lru_cache(maxsize=4)
def default_kb(root: str = str(DEFAULT_RULES_DIR)) -> KnowledgeBase:
    """The knowledge base loaded and compiled once per process."""
    return load(root)
