"""The rules loader: reads every file in rules/, validates it (each problem as
``file:line: id: what is wrong``) and compiles it into a KnowledgeBase.

    model.py       what it compiles into: Source, Agency, Function, Measure, KnowledgeBase
    loader.py      validate(), load(), default_kb(), and the checks one entry at a time
    checks.py      Problem, RulesInvalid, the Collector of problems, the checks every file shares
    sources.py     sources.yml          agencies.py   agencies.yml, functions.yml
    facts.py       facts.yml's facts    audiences.py  facts.yml's audiences
    measures.py    measures/<doc>.yml   measure_checks.py  conditions, audience, functions, neighbours
    regions.py     regions.yml, regions-counties.yml, abroad.yml into the gazetteer
    gazetteer.py   resolving a place   place_names.py, near_misses.py  its names and near misses
    yamlio.py      YAML with line numbers
    fidelity.py, situations.py   checks the drafter shares: titles that promise more
                   than the quote; situation cases

The names below are the package's public API, what the rest of the core, the
drafter (drafting/) and the tools use.
"""
from .facts import FactDef, FactValue
from .gazetteer import Gazetteer
from .loader import (DEFAULT_RULES_DIR, check_agency_entry, check_measure_files, check_source_entry, default_kb,
                     display_path, load, source_warnings, validate)
from .agencies import AGENCY_KEYS
from .checks import Problem, RulesInvalid, is_text
from .model import CHINESE_DIGITS, FOUNDER, RUNS_FACT, Agency, Function, KnowledgeBase, Measure, Source, chinese_int
from .place_names import COUNTRY, LEVELS, Place, short_form
from .sources import SOURCE_KEYS

__all__ = ["AGENCY_KEYS", "CHINESE_DIGITS", "COUNTRY", "DEFAULT_RULES_DIR", "FOUNDER", "LEVELS", "RUNS_FACT", "SOURCE_KEYS",
           "Agency", "FactDef", "FactValue", "Function", "Gazetteer", "KnowledgeBase", "Measure", "Place", "Problem",
           "RulesInvalid", "Source", "check_agency_entry", "check_measure_files", "check_source_entry", "default_kb",
           "chinese_int", "display_path", "is_text", "load", "short_form", "source_warnings", "validate"]
