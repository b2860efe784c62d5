"""The rules loader: reads every file in rules/, validates it (each problem as
``file:line: id: what is wrong``) and compiles it into a KnowledgeBase.

This package's names below are its public API, what the rest of the core, the
drafter (drafting/) and the tools use; its modules' other names are its own.
"""
from .kb import (AGENCY_KEYS, DEFAULT_RULES_DIR, FOUNDER, RUNS_FACT, SOURCE_KEYS, Agency, FactDef, FactValue,  # noqa: F401
                 Function, KnowledgeBase, Measure, Problem, RulesInvalid, Source, check_agency_entry,
                 check_measure_files, check_source_entry, default_kb, display_path, is_text, load, source_warnings,
                 validate)
