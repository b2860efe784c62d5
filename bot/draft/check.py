"""Validation of draft files, as strict as for active rules.

A draft's measures go through the same checks as rules/measures/ (bot/kb.py,
`_load_measures(..., draft=True)`): ids, articles, categories, conditions,
agencies, verbatim quotes. On top: `status: draft`, each quote equal to its
character and byte span of the text, the drafted sources.yml entry (for a new
document) with the text's sha256, proposed agencies complete, audiences from
the closed list. Drafts never load into the bot: `kb.load()` reads only
rules/measures/.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import kb as kbmod
from ..yamlio import LineDict, RulesSyntaxError, load_yaml
from .vocab import COLLECTIVE_FILE, _words, read_audiences, read_collective_words

DRAFTS_DIR = "drafts"


def draft_files(root: Path) -> list[Path]:
    return sorted((Path(root) / DRAFTS_DIR).glob("*.yml"))


def source_text_path(root: Path, draft_path: Path, source: dict) -> Path:
    """Where the draft's text is: `source.text`, relative to the repository (or the draft file)."""
    rel = Path(str(source.get("text") or f"rules/sources/{source.get('id')}.txt"))
    for base in (Path(root).parent, draft_path.parent):
        if (base / rel).is_file():
            return base / rel
    return Path(root).parent / rel


def check_draft(path: Path, root: Path | str = kbmod.DEFAULT_RULES_DIR, kb=None) -> list[kbmod.Problem]:
    root = Path(root)
    path = Path(path)
    if kb is None:
        kb, problems = kbmod.validate(root)
        if problems:
            return problems
    c = kbmod._Collector(root)
    try:
        data = load_yaml(path, c.display(path))
    except RulesSyntaxError as exc:
        return [kbmod.Problem(exc.path, exc.line, path.name, exc.message)]
    if not isinstance(data, LineDict) or not isinstance(data.get("measures"), list):
        c.add(path, 1, path.name, "expected a draft: `doc:`, `source:` and a `measures:` list")
        return c.problems
    doc = str(data.get("doc"))
    sources = dict(kb.sources)
    text = sources[doc].text if doc in sources else None
    entry = data.get("source") or {}
    if doc not in sources:
        source = _draft_source(c, path, root, doc, entry, kb)
        if source is None:
            return c.problems
        sources[doc] = source
        text = source.text
    agencies = dict(kb.agencies)
    for item in data.get("new_agencies") or []:
        aid = str(item.get("id", "?")) if isinstance(item, dict) else "?"
        missing = [k for k in ("id", "name", "full_name", "level", "region")
                   if not isinstance(item, dict) or not kbmod._is_text(item.get(k))]
        if missing:
            c.add(path, getattr(item, "line", 0), aid, f"proposed agency lacks {', '.join(missing)}")
            continue
        if aid in agencies:
            c.add(path, item.line, aid, "proposed agency id is already in agencies.yml")
            continue
        if not kb.gazetteer.find(item["region"]):
            c.add(path, item.line_of("region"), aid, f"unknown region `{item['region']}`")
        agencies[aid] = kbmod.Agency(aid, item["name"], item["full_name"], item["level"], item["region"])
    for key in ("sha256",):
        if doc in kb.sources and entry.get(key) and entry[key] != hashlib.sha256(text.encode("utf-8")).hexdigest():
            c.add(path, entry.line_of(key) if isinstance(entry, LineDict) else 1, doc,
                  "the draft was made from another version of the text (sha256 differs)")
    measures = kbmod._load_measures(c, sources, agencies, kb.facts, kb.audiences, paths=[path], draft=True,
                                    functions=kb.functions)
    audiences = read_audiences(root / "facts.yml")
    encoded = text.encode("utf-8")
    for m in data["measures"]:
        if not isinstance(m, LineDict):
            continue
        mid = str(m.get("id"))
        quote = m.get("quote")
        for key in ("chars", "bytes"):
            span = m.get(key)
            if span is None:
                continue
            ok = isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
            got = None
            if ok:
                try:
                    got = text[span[0]:span[1]] if key == "chars" else encoded[span[0]:span[1]].decode("utf-8")
                except UnicodeDecodeError:
                    got = None
            if got != quote:
                c.add(path, m.line_of(key), mid, f"`{key}` {span} is not the span of the quote in the text")
        if "audience" in m and m["audience"] not in audiences:
            allowed = ", ".join(audiences) or "none yet: facts.yml has no `audiences:`"
            c.add(path, m.line_of("audience"), mid, f"unknown audience `{m['audience']}` (allowed: {allowed})")
        review = m.get("review")
        if review is not None and not (isinstance(review, list) and all(kbmod._is_text(r) for r in review)):
            c.add(path, m.line_of("review"), mid, "`review` must be a list of texts")
    del measures
    return c.problems


def _draft_source(c, path: Path, root: Path, doc: str, entry, kb):
    """The drafted sources.yml entry of a new document, checked like sources.yml."""
    if not isinstance(entry, LineDict):
        c.add(path, 1, doc, f"`{doc}` is not in sources.yml and the draft has no `source:` entry")
        return None
    line = entry.line
    for key in sorted(set(entry) - kbmod.SOURCE_KEYS - {"text"}):
        c.add(path, entry.line_of(key), doc, f"unknown key `source.{key}`")
    missing = [k for k in ("title", "short_title", "issuer", "region") if not kbmod._is_text(entry.get(k))]
    for k in missing:
        c.add(path, entry.line_of(k), doc, f"`source.{k}` is required: write it before accepting")
    if entry.get("id") != doc:
        c.add(path, entry.line_of("id"), doc, f"`source.id` must be the doc id `{doc}`")
    if entry.get("responsibility") == "none" and not entry.get("publisher"):
        c.add(path, line, doc, "`responsibility: none` needs `publisher:` (who presented the measures)")
    text_path = source_text_path(root, path, entry)
    if not text_path.is_file():
        c.add(path, entry.line_of("text"), doc, f"source text {text_path} is missing")
        return None
    text = text_path.read_text(encoding="utf-8")
    if entry.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        c.add(path, entry.line_of("sha256"), doc, f"sha256 does not match {text_path.name}")
    if kbmod._is_text(entry.get("region")) and not kb.gazetteer.find(entry["region"]):
        c.add(path, entry.line_of("region"), doc, f"unknown region `{entry['region']}`")
    articles = entry.get("articles")
    if not isinstance(articles, int) or articles < 1:
        c.add(path, entry.line_of("articles"), doc, "`source.articles` must be a positive integer")
        return None
    issued, _ = kbmod._date(entry.get("issued"))
    until, _ = kbmod._date(entry.get("valid_until"))
    return kbmod.Source(
        id=doc, title=entry.get("title") or "", short_title=entry.get("short_title") or "",
        issuer=entry.get("issuer") or "", number=entry.get("number"), issued=issued, valid_until=until,
        period_label=entry.get("period_label"), region=entry.get("region") or "",
        script=entry.get("script", "simplified"), article_style=entry.get("article_style", "number"),
        articles=articles, text=text, responsibility=entry.get("responsibility", "named"),
        publisher=entry.get("publisher"), sha256=entry.get("sha256"))


def check_collective_words(root: Path, kb) -> list[kbmod.Problem]:
    """rules/collective-words.yml (read by the drafter only): known groups, a
    stated convention, no word that is already a group synonym."""
    if kb is None:
        kb, _ = kbmod.validate(root)
    if kb is None or "groups" not in kb.facts:
        return []
    groups = {v: _words(fv) for v, fv in kb.facts["groups"].values.items()}
    try:
        path = Path(root) / COLLECTIVE_FILE
        read_collective_words(path, groups, kbmod._Collector(root).display(path))
    except RulesSyntaxError as e:
        return [kbmod.Problem(e.path, e.line, "collective_words", e.message)]
    return []


def check_all(root: Path | str = kbmod.DEFAULT_RULES_DIR, kb=None) -> list[kbmod.Problem]:
    out = check_collective_words(Path(root), kb)
    for path in draft_files(Path(root)):
        out += check_draft(path, root, kb)
    return out
