"""rules/sources.yml: the documents, each with its text (rules/sources/<id>.txt)."""
from __future__ import annotations

from pathlib import Path

from .checks import Collector, entries, is_text, parse_date, require_text
from .gazetteer import Gazetteer
from .model import Source
from .yamlio import LineDict

SOURCE_KEYS = {"id", "title", "short_title", "issuer", "number", "issued", "in_force", "valid_until",
               "period_label", "region", "script", "article_style", "articles",
               "responsibility", "publisher", "sha256", "superseded_by", "adopted", "in_force", "not_in"}
# article_style: number 第4条 · chinese （二十五） · law 第四十六条 (laws and regulations)
ARTICLE_STYLES = ("number", "chinese", "law")
# sources.yml `responsibility`: does the text name responsible units (named), none at all
# (none), or functions such as 退役军人工作主管部门 that the bot names at the person's place (functions)?
RESPONSIBILITY = ("named", "none", "functions")


def load_sources(c: Collector, regions: Gazetteer | None) -> dict:
    path = c.root / "sources.yml"
    sources = {}
    for item, sid in entries(c, path, "sources", SOURCE_KEYS):
        if sid in sources:
            c.add(path, item.line, sid, "duplicate source id")
            continue
        source = source_entry(c, path, item, sid, regions, c.root / "sources" / f"{sid}.txt")
        if source is not None:
            sources[sid] = source
    return sources


def source_entry(c: Collector, path: Path, item: LineDict, sid: str, regions: Gazetteer | None,
                 text_path: Path) -> Source | None:
    """One sources.yml entry, its text read from `text_path`; None when it has problems (reported)."""
    ok = not require_text(c, path, item, sid, ("id", "title", "short_title", "issuer", "region"))
    issued, good_issued = parse_date(item.get("issued"))
    until, good_until = parse_date(item.get("valid_until"))
    if not good_issued:
        c.add(path, item.line_of("issued"), sid, "`issued` must be YYYY-MM-DD or null")
    if not good_until:
        c.add(path, item.line_of("valid_until"), sid, "`valid_until` must be YYYY-MM-DD or null")
    style = item.get("article_style", "number")
    if style not in ARTICLE_STYLES:
        c.add(path, item.line_of("article_style"), sid, f"`article_style` must be one of {', '.join(ARTICLE_STYLES)}")
    dates = {}
    for key in ("adopted", "in_force"):
        dates[key], good = parse_date(item.get(key))
        if not good:
            c.add(path, item.line_of(key), sid, f"`{key}` must be YYYY-MM-DD or null")
    not_in = item.get("not_in") or []
    if not isinstance(not_in, list) or not all(is_text(n) for n in not_in) \
            or (regions is not None and not all(regions.find(n) for n in not_in)):
        c.add(path, item.line_of("not_in"), sid, "`not_in` must list places of regions.yml")
        not_in = []
    national = regions is not None and regions.country is not None and item.get("region") == regions.country.name
    articles = item.get("articles")
    if not isinstance(articles, int) or isinstance(articles, bool) or articles < 1:
        c.add(path, item.line_of("articles"), sid, "`articles` (how many the document numbers) must be a positive integer")
        ok = False
    if regions is not None and is_text(item.get("region")) and not regions.find(item["region"]):
        c.add(path, item.line_of("region"), sid, f"unknown region `{item['region']}` (not in regions.yml)")
    duty, text = _duty_and_text(c, path, item, sid, text_path)
    if not ok or duty is None:
        return None
    responsibility, publisher, sha, superseded = duty
    return Source(
        id=sid, title=item["title"], short_title=item["short_title"], issuer=item["issuer"],
        number=item.get("number"), issued=issued, valid_until=until,
        period_label=item.get("period_label"), region=item["region"],
        script=item.get("script", "simplified"), article_style=style,
        articles=articles, text=text, responsibility=responsibility, publisher=publisher,
        sha256=sha, superseded_by=superseded, adopted=dates["adopted"], in_force=dates["in_force"],
        national=national, not_in=tuple(not_in))


def _duty_and_text(c: Collector, path: Path, item: LineDict, sid: str, text_path: Path) -> tuple:
    """((responsibility, publisher, sha256, superseded_by) or None when wrong, the text)."""
    ok = True
    responsibility = item.get("responsibility", "named")
    if responsibility not in RESPONSIBILITY:
        c.add(path, item.line_of("responsibility"), sid,
              "`responsibility` must be named (the text names responsible units) or none")
        ok = False
    publisher = item.get("publisher")
    if publisher is not None and not is_text(publisher):
        c.add(path, item.line_of("publisher"), sid, "`publisher` must be an agency id")
        ok = False
    if responsibility == "none" and publisher is None:
        c.add(path, item.line, sid, "`responsibility: none` needs `publisher:` (who presented the measures)")
        ok = False
    text = ""
    if not text_path.is_file():
        c.add(path, item.line, sid, f"source text {c.display(text_path)} is missing")
        ok = False
    else:
        text = text_path.read_text(encoding="utf-8")
    sha = item.get("sha256")
    if sha is not None and not (isinstance(sha, str) and len(sha) == 64
                                and all(ch in "0123456789abcdef" for ch in sha)):
        c.add(path, item.line_of("sha256"), sid, "`sha256` must be 64 lowercase hex digits")
        ok = False
    superseded = item.get("superseded_by")
    if superseded is not None and not is_text(superseded):
        c.add(path, item.line_of("superseded_by"), sid,
              "`superseded_by` must be a source id or the title of the new document")
        ok = False
    if not ok:
        return None, text
    return (responsibility, publisher, sha, superseded), text
