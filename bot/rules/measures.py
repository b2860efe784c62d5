"""rules/measures/<doc>.yml: each measure checked against its document (the quote
verbatim, the article, the offices or functions that act) and the fact registry,
then compiled; and draft files (drafting/) checked as strictly."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import Collector, is_text
from .facts import FactRegistry
from .measure_checks import check_audience, check_condition, check_functions, with_neighbours
from .model import Measure, Source
from .yamlio import LineDict

MEASURE_KEYS = {"id", "article", "title", "summary", "category", "conditions", "agencies", "quote", "note",
                "lead_reason", "strict_groups", "status", "audience", "lead_function", "functions", "superseded_by",
                "all_groups"}
STATUS = ("active", "draft")
REQUIRED_MEASURE_KEYS = ("id", "article", "title", "summary", "category", "quote", "audience")


@dataclass
class Against:
    """What each measure is checked against, and what the checks gather on the way."""
    sources: dict
    agencies: dict
    facts: FactRegistry
    audiences: dict
    functions: dict
    draft: bool
    allowed_keys: set
    needs: dict
    seen_ids: dict = field(default_factory=dict)
    superseding: list = field(default_factory=list)   # (path, line, id, newer id), checked once all are loaded


def load_measures(c: Collector, sources: dict, agencies: dict, facts: dict, audiences: dict, *, paths=None,
                  draft: bool = False, functions: dict | None = None, extra_keys=frozenset()) -> list:
    """Active measures from rules/measures/; with `draft`, the measures of draft
    files (`paths`), checked as strictly, each `status: draft`, which may carry
    `extra_keys` (see check_measure_files)."""
    needs = facts["needs"].values if "needs" in facts else {}
    if not draft:   # a measure's category is a need: the overview shows it as a button
        for value, fv in needs.items():
            if not fv.short:
                c.add(c.root / "facts.yml", 0, f"needs.{value}", "each need needs a `short` label (the category button)")
    against = Against(sources, agencies, facts, audiences, functions or {}, draft,
                      MEASURE_KEYS | set(extra_keys) if draft else MEASURE_KEYS, needs)
    measures = []
    for path in measure_files(c.root, sources) if paths is None else paths:
        source, items = _measures_file(c, path, against)
        for m in items:
            if not isinstance(m, LineDict):
                c.add(path, getattr(items, "line", 0), source.id, "each measure must be a mapping")
                continue
            measure = _measure(c, path, m, source, against)
            if measure is not None:
                measures.append(measure)
    by_id = {m.id: m for m in measures}
    for path, line, mid, newer in against.superseding:
        target = by_id.get(newer)
        if target is None or sources[target.doc].in_force is None:
            c.add(path, line, mid, f"`superseded_by` must be the id of a measure of a law in force (`in_force:`), not {newer!r}")
    return with_neighbours(measures, facts)


def measure_files(root: Path, sources: dict) -> list[Path]:
    """rules/measures/*.yml in sources.yml's order (the relevance order's last key)."""
    order = {sid: i for i, sid in enumerate(sources)}
    return sorted((root / "measures").glob("*.yml"), key=lambda p: (order.get(p.stem, len(order)), p.name))


def _measures_file(c: Collector, path: Path, against: Against) -> tuple:
    """(its document, its measures) of one file; (None, []) when the file has problems (reported)."""
    data = c.load(path)
    if data is None:
        return None, []
    if not isinstance(data, LineDict) or not isinstance(data.get("measures"), list):
        c.add(path, getattr(data, "line", 1), path.stem, "expected `doc:` and a `measures:` list")
        return None, []
    doc, sources = data.get("doc"), against.sources
    if doc not in sources:
        c.add(path, data.line_of("doc"), path.stem, f"unknown doc `{doc}`; known: {', '.join(sources)}")
        return None, []
    if path.stem != doc and not against.draft:
        c.add(path, data.line_of("doc"), path.stem, f"file name must be the doc id ({doc}.yml)")
    source = sources[doc]
    if source.publisher is not None and source.publisher not in against.agencies:
        c.add(path, data.line_of("doc"), doc,
              f"unknown agency `{source.publisher}` as the `publisher` of {doc} in sources.yml")
        return None, []
    return source, data["measures"]


def _measure(c: Collector, path: Path, m: LineDict, source: Source, against: Against) -> Measure | None:
    """One measure compiled; None when it has problems (reported, in the order of its fields)."""
    mid = str(m.get("id", f"<measure at line {m.line}>"))
    bad = _check_keys(c, path, m, mid, against)
    bad = _check_texts(c, path, m, mid, source, against) or bad
    conditions = check_condition(c, path, m, mid, against.facts, m.get("conditions"))
    if m.get("conditions") is not None and len(conditions) != len(m.get("conditions") or {}):
        bad = True
    audience = None
    if "audience" in m:
        audience = check_audience(c, path, m, mid, against.audiences, conditions)
        bad = bad or audience is None
    bad = _check_responsibility(c, path, m, mid, source) or bad
    bad = _check_groups(c, path, m, mid, conditions) or bad
    lead, support, wrong = _agencies(c, path, m, mid, source, against.agencies)
    acting = check_functions(c, path, m, mid, source, against.functions, against.agencies, lead, support, conditions)
    bad = bad or wrong or acting is None
    quote, article = m.get("quote"), m.get("article")
    if is_text(quote) and source.article_style == "law" and isinstance(article, int) \
            and quote not in source.article_text(article):
        c.add(path, m.line_of("quote"), mid, f"quote is not inside {source.article_label(article)}")
        bad = True
    if "superseded_by" in m:
        against.superseding.append((path, m.line_of("superseded_by"), mid, m["superseded_by"]))
    if bad:
        return None
    return Measure(
        id=mid, doc=source.id, article=article, title=m["title"].strip(),
        summary=m["summary"].strip(), category=m["category"], conditions=conditions,
        lead=lead, support=support, quote=quote, note=m.get("note"),
        file=c.display(path), line=m.line, lead_reason=m.get("lead_reason"), strict_groups=m.get("strict_groups"),
        audience=audience, lead_function=m.get("lead_function"), functions=acting[1],
        superseded_by=m.get("superseded_by"), all_groups=m.get("all_groups", False) is True)


def _check_keys(c: Collector, path: Path, m: LineDict, mid: str, against: Against) -> bool:
    """Required and allowed keys, the status, a unique id; True when any is wrong."""
    bad = False
    for key in REQUIRED_MEASURE_KEYS:
        if key not in m:
            c.add(path, m.line, mid, f"missing `{key}`")
            bad = True
    for key in sorted(set(m) - against.allowed_keys):
        c.add(path, m.line_of(key), mid, f"unknown key `{key}` (allowed: {', '.join(sorted(against.allowed_keys))})")
    draft = against.draft
    status = m.get("status", "draft" if draft else "active")
    if status != ("draft" if draft else "active"):
        c.add(path, m.line_of("status"), mid,
              "`status: draft` measures stay in draft files; accept them with `python -m bot review`"
              if status == "draft" else f"`status` must be {'draft' if draft else 'active'} here")
        bad = True
    if mid in against.seen_ids:
        c.add(path, m.line_of("id"), mid, f"duplicate id (first at {against.seen_ids[mid]})")
        bad = True
    else:
        against.seen_ids[mid] = f"{c.display(path)}:{m.line_of('id')}"
    return bad


def _check_texts(c: Collector, path: Path, m: LineDict, mid: str, source: Source, against: Against) -> bool:
    """The texts, the article, the category, the quote verbatim in the document; True when any is wrong."""
    bad = False
    for key in ("title", "summary", "quote"):
        if key in m and not is_text(m[key]):
            c.add(path, m.line_of(key), mid, f"`{key}` must be non-empty text")
            bad = True
    article = m.get("article")
    if "article" in m and (not isinstance(article, int) or isinstance(article, bool)
                           or not 1 <= article <= source.articles):
        c.add(path, m.line_of("article"), mid,
              f"article {article!r} is not a number from 1 to {source.articles} ({source.id})")
        bad = True
    if "category" in m and m["category"] not in against.needs:
        c.add(path, m.line_of("category"), mid,
              f"unknown category `{m['category']}`; allowed: {', '.join(against.needs)}")
        bad = True
    quote = m.get("quote")
    if is_text(quote) and quote not in source.text:
        c.add(path, m.line_of("quote"), mid,
              f"quote not found verbatim in rules/sources/{source.id}.txt")
        bad = True
    return bad


def _check_responsibility(c: Collector, path: Path, m: LineDict, mid: str, source: Source) -> bool:
    """`agencies` as the document's responsibility wants it, and `lead_reason` in its words."""
    bad = False
    if source.responsibility == "none" and "agencies" in m:
        c.add(path, m.line_of("agencies"), mid,
              f"{source.id} names no responsible unit (sources.yml `responsibility: none`); leave out `agencies`")
        bad = True
    elif source.responsibility == "named" and "agencies" not in m:
        c.add(path, m.line, mid, "missing `agencies`")
        bad = True
    if "lead_reason" not in m:
        return bad
    lead_reason, quote = m.get("lead_reason"), m.get("quote")
    if not is_text(lead_reason):
        c.add(path, m.line_of("lead_reason"), mid, "`lead_reason` must be the text's words naming who acts")
    elif "agencies" not in m and "functions" not in m:
        c.add(path, m.line_of("lead_reason"), mid, "`lead_reason` without `agencies` or `functions`")
    elif source.responsibility == "functions":
        if lead_reason in source.text:   # a law says who acts once, in its own article
            return bad
        c.add(path, m.line_of("lead_reason"), mid, "lead_reason not found verbatim in the text")
    elif is_text(quote) and lead_reason not in quote and lead_reason not in source.paragraph_of(quote):
        c.add(path, m.line_of("lead_reason"), mid,
              "lead_reason not found verbatim in the quote or its article")
    else:
        return bad
    return True


def _check_groups(c: Collector, path: Path, m: LineDict, mid: str, conditions: dict) -> bool:
    """`all_groups` and `strict_groups`, both about `conditions.groups`."""
    bad = False
    all_groups = m.get("all_groups", False)
    if "all_groups" in m and (all_groups is not True or len(conditions.get("groups") or ()) < 2):
        c.add(path, m.line_of("all_groups"), mid, "`all_groups: true` needs two or more `conditions.groups`")
        bad = True
    strict = m.get("strict_groups")
    if "strict_groups" in m:
        if not is_text(strict):
            c.add(path, m.line_of("strict_groups"), mid, "`strict_groups` must say why (plain words)")
            bad = True
        elif "groups" not in conditions:
            c.add(path, m.line_of("strict_groups"), mid, "`strict_groups` needs `conditions.groups`")
            bad = True
    return bad


def _agencies(c: Collector, path: Path, m: LineDict, mid: str, source: Source, agencies: dict) -> tuple:
    """(lead, support, whether wrong) of the measure's `agencies:` block."""
    if "agencies" not in m or source.responsibility == "none":
        return (), (), False
    ag = m.get("agencies")
    if not isinstance(ag, LineDict):
        c.add(path, m.line_of("agencies"), mid, "`agencies` must have `lead:` and optional `support:`")
        return (), (), True
    bad = False
    for key in set(ag) - {"lead", "support"}:
        c.add(path, ag.line_of(key), mid, f"unknown key `agencies.{key}` (lead, support)")
    lead = tuple(ag.get("lead") or ())
    support = tuple(ag.get("support") or ())
    if not lead:
        c.add(path, ag.line, mid, "`agencies.lead` must name at least one agency")
        bad = True
    for role, ids in (("lead", lead), ("support", support)):
        for aid in ids:
            if aid not in agencies:
                c.add(path, ag.line_of(role), mid, f"unknown agency `{aid}` (not in agencies.yml)")
                bad = True
    return lead, support, bad
