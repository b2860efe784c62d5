"""Validation of draft files, as strict as for active rules.

A draft's measures go through the rules loader's own checks (bot.rules
check_measure_files: ids, articles, categories, conditions, audiences,
agencies, verbatim quotes), each `status: draft`. On top: each quote equal to
its character and byte span of the text, the drafted sources.yml entry (for a
new document) checked like sources.yml with the text's sha256, proposed
agencies checked like agencies.yml, and the text's coverage: every character
that is not blank lies in an article, a heading or a reported left-out span.
Drafts never load into the bot: bot.rules.load() reads only rules/measures/.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from bot import rules as kbmod
from bot.rules.yamlio import LineDict, RulesSyntaxError, load_yaml

from .vocab import COLLECTIVE_FILE, read_collective_words, words_of

DRAFTS_DIR = "drafts"
# What a draft measure carries besides the rules format (see writer.py)
DRAFT_MEASURE_KEYS = frozenset({"chars", "bytes", "why", "review", "label"})
# What a drafted source entry carries besides sources.yml's keys
DRAFT_SOURCE_KEYS = frozenset({"text"})
BLANK = " \t\u3000\u00a0\r\n"


def draft_files(root: Path) -> list[Path]:
    return sorted((Path(root) / DRAFTS_DIR).glob("*.yml"))


def source_text_path(root: Path, draft_path: Path, source: dict) -> Path:
    """Where the draft's text is: `source.text`, relative to the repository (or the draft file)."""
    rel = Path(str(source.get("text") or f"rules/sources/{source.get('id')}.txt"))
    if rel.is_absolute():
        return rel
    for base in (Path(root).parent, draft_path.parent):
        if (base / rel).is_file():
            return base / rel
    return Path(root).parent / rel


def _problem(root, path, line, ident, message) -> kbmod.Problem:
    return kbmod.Problem(kbmod.display_path(root, path), line, ident, message)


def check_draft(path: Path, root: Path | str = kbmod.DEFAULT_RULES_DIR, kb=None) -> list[kbmod.Problem]:
    root, path = Path(root), Path(path)
    if kb is None:
        kb, problems = kbmod.validate(root)
        if problems:
            return problems
    try:
        data = load_yaml(path, kbmod.display_path(root, path))
    except RulesSyntaxError as exc:
        return [kbmod.Problem(exc.path, exc.line, path.name, exc.message)]
    if not isinstance(data, LineDict) or not isinstance(data.get("measures"), list):
        return [_problem(root, path, 1, path.name, "expected a draft: `doc:`, `source:` and a `measures:` list")]
    problems: list = []
    doc = str(data.get("doc"))
    sources = dict(kb.sources)
    entry = data.get("source") or {}
    if doc in sources:
        text = sources[doc].text
    else:
        source = _draft_source(problems, path, root, doc, entry, kb)
        if source is None:
            return problems
        sources[doc] = source
        text = source.text
    agencies = _with_proposed_agencies(problems, path, root, data, kb)
    if doc in kb.sources and entry.get("sha256") and \
            entry["sha256"] != hashlib.sha256(text.encode("utf-8")).hexdigest():
        problems.append(_problem(root, path, entry.line_of("sha256") if isinstance(entry, LineDict) else 1, doc,
                                 "the draft was made from another version of the text (sha256 differs)"))
    _, found = kbmod.check_measure_files(kb, [path], sources=sources, agencies=agencies, draft=True,
                                         extra_keys=DRAFT_MEASURE_KEYS)
    problems += found
    for m in data["measures"]:
        if isinstance(m, LineDict):
            problems += _draft_keys_problems(root, path, m, text)
    problems += _coverage(root, path, data, text)
    return problems


def _with_proposed_agencies(problems: list, path: Path, root: Path, data, kb) -> dict:
    """agencies.yml's agencies and the draft's proposed ones, each checked like agencies.yml."""
    agencies = dict(kb.agencies)
    for item in data.get("new_agencies") or []:
        if not isinstance(item, LineDict):
            problems.append(_problem(root, path, getattr(data.get("new_agencies"), "line", 0), "new_agencies",
                                     "each proposed agency must be a mapping"))
            continue
        aid = str(item.get("id", "?"))
        if aid in agencies:
            problems.append(_problem(root, path, item.line, aid, "proposed agency id is already in agencies.yml"))
            continue
        agency, found = kbmod.check_agency_entry(kb, path, item)
        problems += [kbmod.Problem(p.file, p.line, p.ident, "proposed agency: " + p.message) for p in found]
        if agency is not None:
            agencies[aid] = agency
    return agencies


def _spanned_text(text: str, key: str, span):
    """The text at a measure's `chars` or `bytes` span; None when the span is malformed or cuts a character."""
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        return None
    try:
        return text[span[0]:span[1]] if key == "chars" else text.encode("utf-8")[span[0]:span[1]].decode("utf-8")
    except UnicodeDecodeError:
        return None


def _draft_keys_problems(root: Path, path: Path, m: LineDict, text: str) -> list:
    """What the rules loader does not check: a measure's spans are its quote's, its `review` a list of texts."""
    problems = []
    mid = str(m.get("id"))
    for key in ("chars", "bytes"):
        span = m.get(key)
        if span is not None and _spanned_text(text, key, span) != m.get("quote"):
            problems.append(_problem(root, path, m.line_of(key), mid,
                                     f"`{key}` {span} is not the span of the quote in the text"))
    review = m.get("review")
    if review is not None and not (isinstance(review, list) and all(kbmod.is_text(r) for r in review)):
        problems.append(_problem(root, path, m.line_of("review"), mid, "`review` must be a list of texts"))
    return problems


def _coverage(root, path, data, text: str) -> list:
    """Every character that is not blank in an article, a heading or a left-out span."""
    if "articles" not in data:
        return []
    covered = [False] * len(text)
    spans = [a.get("chars") for a in data.get("articles") or []] + \
        [h.get("chars") for h in data.get("headings") or []] + [s.get("chars") for s in data.get("left_out") or []]
    for span in spans:
        if isinstance(span, list) and len(span) == 2:
            for i in range(max(0, span[0]), min(len(text), span[1])):
                covered[i] = True
    gaps, start = [], None
    for i, ch in enumerate(text):
        if not covered[i] and ch not in BLANK:
            start = i if start is None else start
        elif start is not None:
            gaps.append((start, i))
            start = None
    if start is not None:
        gaps.append((start, len(text)))
    return [_problem(root, path, 1, str(data.get("doc")),
                     f"text {a}–{b} (“{text[a:b][:20]}”) is in no article, heading or left-out span (原文这段既不在条款、"
                     "标题中，也不在略去的文字中)")
            for a, b in gaps]


def _draft_source(problems: list, path: Path, root: Path, doc: str, entry, kb):
    """The drafted sources.yml entry of a new document, checked like sources.yml."""
    if not isinstance(entry, LineDict):
        problems.append(_problem(root, path, 1, doc, f"`{doc}` is not in sources.yml and the draft has no `source:`"))
        return None
    for key in ("title", "short_title", "issuer"):
        if not kbmod.is_text(entry.get(key)):
            problems.append(_problem(root, path, entry.line_of(key), doc,
                                     f"`source.{key}` is required: write it before accepting"))
    if entry.get("id") != doc:
        problems.append(_problem(root, path, entry.line_of("id"), doc, f"`source.id` must be the doc id `{doc}`"))
    text_path = source_text_path(root, path, entry)
    if not text_path.is_file():
        problems.append(_problem(root, path, entry.line_of("text"), doc, f"source text {text_path} is missing"))
        return None
    text = text_path.read_text(encoding="utf-8")
    if entry.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        problems.append(_problem(root, path, entry.line_of("sha256"), doc, f"sha256 does not match {text_path.name}"))
    checked = LineDict({k: v for k, v in entry.items() if k not in DRAFT_SOURCE_KEYS})
    checked.line, checked.key_lines = entry.line, entry.key_lines
    for key in ("title", "short_title", "issuer"):
        if not kbmod.is_text(checked.get(key)):
            checked[key] = "?"      # reported above, once
    source, found = kbmod.check_source_entry(kb, path, checked, text_path)
    problems += [p for p in found if "is required" not in p.message]
    return source


def check_collective_words(root: Path, kb) -> list[kbmod.Problem]:
    """rules/collective-words.yml (read by the drafter only): known groups, a
    stated convention, no word that is already a group synonym."""
    if kb is None:
        kb, _ = kbmod.validate(root)
    if kb is None or "groups" not in kb.facts:
        return []
    groups = {v: words_of(fv) for v, fv in kb.facts["groups"].values.items()}
    path = Path(root) / COLLECTIVE_FILE
    try:
        read_collective_words(path, groups, kbmod.display_path(root, path))
    except RulesSyntaxError as e:
        return [kbmod.Problem(e.path, e.line, "collective_words", e.message)]
    return []


def check_all(root: Path | str = kbmod.DEFAULT_RULES_DIR, kb=None) -> list[kbmod.Problem]:
    out = check_collective_words(Path(root), kb)
    for path in draft_files(Path(root)):
        out += check_draft(path, root, kb)
    return out
