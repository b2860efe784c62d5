"""Writing an accepted draft measure, and what it needs, into rules/ in the rules
files' own style (block mappings, lists in flow style, the files' comments kept):
the document's sources.yml entry and text, the proposed agencies and groups the
measure uses, the measure itself (the rules format only: no span, no review
items) and its situation cases (one YAML list, no anchors). Session.accept
saves the files first and puts them back when anything fails."""
from __future__ import annotations

from pathlib import Path

import yaml

from bot import rules as kbmod

from .writer import dump_yaml

ACTIVE_KEYS = ("id", "article", "title", "summary", "category", "audience", "conditions", "all_groups", "agencies",
               "lead_function", "functions", "lead_reason", "strict_groups", "note", "quote")


def saved_files(rules: Path, doc: str, cases_path: Path) -> dict:
    """The bytes of every file accepting a measure of `doc` may write (None: not there yet)."""
    files = [rules / "measures" / f"{doc}.yml", rules / "sources.yml", rules / "agencies.yml", rules / "facts.yml",
             rules / "sources" / f"{doc}.txt", cases_path]
    return {p: p.read_bytes() if p.is_file() else None for p in files}


def source_entry(source: dict) -> dict:
    """The draft's source entry as sources.yml holds it: its keys only, none empty."""
    return {k: v for k, v in source.items() if k in kbmod.SOURCE_KEYS and v not in (None, "")}


def write_source(rules: Path, doc: str, text: str, source: dict, *, listed: bool) -> None:
    """The text into rules/sources/, and the sources.yml entry unless the document is `listed` already."""
    target = rules / "sources" / f"{doc}.txt"
    if not target.exists():
        target.write_text(text, encoding="utf-8")
    if not listed:
        append_list_item(rules / "sources.yml", source_entry(source))


def write_proposals(rules: Path, m: dict, draft: dict, kb) -> None:
    """The draft's proposed agencies (and publisher) and groups that the measure uses and rules/ lacks."""
    ag = m.get("agencies") or {}
    used = set(ag.get("lead", [])) | set(ag.get("support", []))
    if draft["source"].get("publisher"):
        used.add(draft["source"]["publisher"])
    for new in draft["new_agencies"]:
        if new["id"] in used and new["id"] not in kb.agencies:
            append_list_item(rules / "agencies.yml", {k: new[k] for k in kbmod.AGENCY_KEYS if k in new})
    groups = (m.get("conditions") or {}).get("groups", [])
    for new in draft["new_groups"]:
        if new["id"] in groups and new["id"] not in kb.facts["groups"].values:
            add_group_value(rules / "facts.yml", new)


def write_measure(rules: Path, doc: str, m: dict, articles: list) -> dict:
    """The measure, in the rules format, at the end of the document's measures file; a new file's
    header lists the articles left out as government-internal, with why."""
    path = rules / "measures" / f"{doc}.yml"
    active = {k: m[k] for k in ACTIVE_KEYS if k in m}
    if not path.exists():
        left = [a for a in articles if not a.get("actionable")]
        head = [f"doc: {doc}",
                "# Written by the review of a draft (drafting/). Left out as government-internal",
                "# (nothing a person or small business can apply for), with the words that decided it:"]
        head += [f"#   {a['label']} {a.get('title') or ''} — {a.get('reason')}" for a in left] or ["#   (none)"]
        path.write_text("\n".join(head) + "\nmeasures:\n", encoding="utf-8")
    append_list_item(path, active)
    return active


def write_cases(path: Path, doc: str, title: str, cases: list) -> None:
    """The measure's situation cases after the file's (its comments kept), where the tests keep them."""
    if not path.parent.is_dir() or not cases:
        return
    existing = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    head = (f"# Situation cases for {doc} (《{title}》), written by the review from each accepted\n"
            "# measure's conditions and run before they were kept (drafting/cases.py).\n")
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        head = "".join(line + "\n" for line in text.splitlines() if line.startswith("#")) or head
    path.write_text(head + dump_yaml(list(existing or []) + cases), encoding="utf-8")


def restore(saved: dict) -> None:
    """Put every file back as it was (a file that did not exist is removed again)."""
    for p, content in saved.items():
        if content is None:
            if p.is_file():
                p.unlink()
        elif not p.is_dir():
            p.write_bytes(content)


def _scalar(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=4096, default_flow_style=True).strip().removesuffix(
        "\n...").strip()


def _block(item: dict) -> str:
    """One list entry in the rules files' style: block mappings, lists of scalars in flow style."""
    lines = []

    def emit(mapping: dict, indent: str, first_prefix: str) -> None:
        for n, (key, value) in enumerate(mapping.items()):
            prefix = first_prefix if n == 0 else indent
            if isinstance(value, dict):
                lines.append(f"{prefix}{key}:")
                emit(value, indent + "  ", indent + "  ")
            elif isinstance(value, (list, tuple)):
                lines.append(f"{prefix}{key}: [" + ", ".join(_scalar(v) for v in value) + "]")
            else:
                lines.append(f"{prefix}{key}: {_scalar(value)}")
    emit(item, "    ", "  - ")
    return "\n".join(lines) + "\n"


def append_list_item(path: Path, item: dict) -> None:
    """Append one entry to the top-level list that ends a rules file (`  - id: …`), keeping its comments."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + _block(item), encoding="utf-8")


def replace_list_item(path: Path, key: str, value: str, item: dict) -> None:
    """Replace the entry `  - key: value` of a rules file's top-level list (up to the next entry)."""
    lines = path.read_text(encoding="utf-8").splitlines(True)
    start = next((i for i, ln in enumerate(lines) if ln.rstrip() == f"  - {key}: {value}"), None)
    if start is None:
        append_list_item(path, item)
        return
    end = start + 1
    while end < len(lines) and not lines[end].startswith("  - ") and (lines[end].startswith("    ") or
                                                                       not lines[end].strip()):
        end += 1
    lines[start:end] = [_block(item)]
    path.write_text("".join(lines), encoding="utf-8")


def add_group_value(path: Path, group: dict) -> None:
    """A new value under facts.yml `groups: values:` (label, synonyms), after the last one."""
    lines = path.read_text(encoding="utf-8").splitlines(True)
    start = next(i for i, ln in enumerate(lines) if ln.rstrip() == "  groups:")
    values = next(i for i in range(start, len(lines)) if lines[i].rstrip() == "    values:")
    end = values + 1
    while end < len(lines) and (lines[end].startswith("      ") or not lines[end].strip()):
        end += 1
    while end > values + 1 and not lines[end - 1].strip():
        end -= 1
    synonyms = ", ".join(group["synonyms"])
    block = [f"      {group['id']}:\n", f"        label: {group['label']}\n", f"        synonyms: [{synonyms}]\n"]
    lines[end:end] = block
    path.write_text("".join(lines), encoding="utf-8")
