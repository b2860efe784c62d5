"""The knowledge base: loads every file in rules/, validates it against the
schema and cross-references, and compiles it for the engine.

Nothing loads rules that fail validation: ``load()`` raises RulesInvalid with
every problem, each as ``file:line: id: what is wrong``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .facts import FactDef, FactRegistry, FactValue, load_facts  # noqa: F401  (FactDef/FactValue: re-exported)
from .regions import COUNTRY, LEVELS, Gazetteer, Place, graft_counties
from ..script import to_simplified
from .yamlio import LineDict, LineList, RulesSyntaxError, load_yaml

DEFAULT_RULES_DIR = Path(__file__).resolve().parents[2] / "rules"

MEASURE_KEYS = {"id", "article", "title", "summary", "category", "conditions", "agencies", "quote", "note",
                "lead_reason", "strict_groups", "status", "audience", "lead_function", "functions", "superseded_by",
                "all_groups"}
STATUS = ("active", "draft")
REQUIRED_MEASURE_KEYS = ("id", "article", "title", "summary", "category", "quote", "audience")
# facts.yml `audiences`: the audience every person is (a person starting a
# business), and the fact naming the organisations a person runs (its values
# are audience ids; measures only for those are listed only for who runs one).
FOUNDER = "founder"
RUNS_FACT = "runs"
SOURCE_KEYS = {"id", "title", "short_title", "issuer", "number", "issued", "in_force", "valid_until",
               "period_label", "region", "script", "article_style", "articles",
               "responsibility", "publisher", "sha256", "superseded_by", "adopted", "in_force", "not_in"}
# article_style: number 第4条 · chinese （二十五） · law 第四十六条 (laws and regulations)
ARTICLE_STYLES = ("number", "chinese", "law")
# sources.yml `responsibility`: does the text name responsible units (named), none at all
# (none), or functions such as 退役军人工作主管部门 that the bot names at the person's place (functions)?
RESPONSIBILITY = ("named", "none", "functions")
AGENCY_KEYS = {"id", "name", "full_name", "level", "region", "functions"}
FUNCTION_KEYS = {"id", "name", "plain", "at", "words", "duty", "serves"}
CHINESE_NUMERALS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    ident: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.ident}: {self.message}"


class RulesInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def chinese_number(n: int) -> str:
    """1..99 -> 一 .. 九十九 (the numbering of 图们's （二十五）)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CHINESE_NUMERALS[ones]
    head = "" if tens == 1 else CHINESE_NUMERALS[tens]
    return head + "十" + (CHINESE_NUMERALS[ones] if ones else "")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    short_title: str
    issuer: str
    number: str | None
    issued: dt.date | None
    valid_until: dt.date | None
    period_label: str | None
    region: str
    script: str
    article_style: str
    articles: int
    text: str = field(repr=False)
    responsibility: str = "named"   # "none": the text assigns no measure to any unit
    publisher: str | None = None     # agency id of the office that presented the measures
    sha256: str | None = None        # of sources/<id>.txt when it was encoded; validate warns on change
    superseded_by: str | None = None  # a source id or the title of the document that replaces this one
    adopted: dt.date | None = None   # a law's adoption or latest revision (laws and regulations)
    in_force: dt.date | None = None  # the day it took effect ("自…起施行")
    national: bool = False           # its region is the country: it applies everywhere in it
    not_in: tuple = ()               # places inside its region where it does not apply (香港 …)

    def article_text(self, article: int) -> str:
        """The whole article (all its paragraphs) of a law-style text: from "第N条" to the next
        article or heading; "" when the style numbers no 第N条 or the article is missing."""
        if self.article_style != "law":
            return ""
        spans = _law_articles(self.text)
        if article not in spans:
            return ""
        body = self.text[slice(*spans[article])]
        return body[body.index("条") + 1:].strip()   # without its "第N条 " head

    def article_of(self, passage: str) -> int | None:
        """The number of the law-style article holding `passage`, None when none does."""
        start = self.text.find(passage)
        if self.article_style != "law" or start < 0:
            return None
        for number, (a, b) in _law_articles(self.text).items():
            if a <= start and start + len(passage) <= b:
                return number
        return None

    def paragraph_of(self, passage: str) -> str:
        """The paragraph of the text that holds `passage` (each article is one paragraph)."""
        start = self.text.find(passage)
        if start < 0:
            return ""
        begin = self.text.rfind("\n", 0, start) + 1
        end = self.text.find("\n", start + len(passage))
        return self.text[begin:end if end >= 0 else len(self.text)]

    def article_label(self, article: int) -> str:
        if self.article_style == "chinese":
            return f"（{chinese_number(article)}）"
        if self.article_style == "law":
            return f"第{chinese_number(article)}条"
        return f"第{article}条"

    def citation(self, article: int) -> str:
        return f"《{self.short_title}》{self.article_label(article)}"


_LAW_ARTICLE = re.compile(r"^第([零一二三四五六七八九十百]+)条[ \u3000]", re.M)


@lru_cache(maxsize=32)
def _law_articles(text: str) -> dict:
    """Article number -> (start, end) character span of a law-style text (第N条 at the
    start of a line, up to the next article or a heading line starting with #)."""
    heads = [(m.start(), _cn_int(m.group(1))) for m in _LAW_ARTICLE.finditer(text)]
    out = {}
    for i, (start, number) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        heading = text.find("\n#", start, end)
        out.setdefault(number, (start, heading if heading >= 0 else end))
    return out


def _cn_int(s: str) -> int:
    """一 -> 1, 十二 -> 12, 四十六 -> 46, 一百零三 -> 103."""
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CHINESE_NUMERALS.index(ch)
    return total + current


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    full_name: str
    level: str
    region: str
    functions: tuple = ()    # rules/functions.yml ids: the functions this office performs at its region


@dataclass(frozen=True)
class Function:
    """An office by what it does (rules/functions.yml): 退役军人工作主管部门 …"""
    id: str
    name: str
    words: tuple
    duty: str
    plain: str | None = None
    at: str | None = None
    serves_groups: frozenset = frozenset()
    serves_gender: str | None = None


@dataclass(frozen=True)
class Measure:
    id: str
    doc: str
    article: int
    title: str
    summary: str
    category: str
    conditions: dict     # fact -> frozenset (list facts) | str (one) | bool (bool)
    lead: tuple
    support: tuple
    quote: str
    note: str | None
    file: str
    line: int
    lead_reason: str | None = None        # the text's words naming the acting office (lead)
    strict_groups: str | None = None      # why the neighbouring groups are ruled out
    neighbour_groups: frozenset = frozenset()   # groups next to `groups` shown as possible
    group_words: tuple = ()               # ((group, the word the quote uses for it or None), ...)
    audience: tuple = ()                  # audience ids (facts.yml `audiences`): whom the quote names
    lead_function: str | None = None      # the function that makes `lead` the acting office (按职责分工负责)
    functions: tuple = ()                 # a national measure: the functions that act (named at the person's place)
    superseded_by: str | None = None      # id of a measure in force that says the same (this one has ended)
    all_groups: bool = False              # the person is in every one of `groups` (残疾退役军人), not just one


@dataclass
class KnowledgeBase:
    root: Path
    sources: dict
    gazetteer: Gazetteer
    agencies: dict
    facts: FactRegistry
    measures: list
    audiences: dict = field(default_factory=dict)   # audience id -> FactValue (label, synonyms)
    functions: dict = field(default_factory=dict)   # function id -> Function (rules/functions.yml)

    @property
    def run_audiences(self) -> frozenset:
        """The audiences a person must say they run (the `runs` fact's values)."""
        return frozenset(self.facts[RUNS_FACT].values) if RUNS_FACT in self.facts else frozenset()

    def measures_of(self, doc: str) -> list[Measure]:
        return [m for m in self.measures if m.doc == doc]

    def measure(self, mid: str) -> Measure | None:
        """A measure by id (None when there is none)."""
        index = self.__dict__.get("_by_id")
        if index is None:
            index = self.__dict__["_by_id"] = {m.id: m for m in self.measures}
        return index.get(mid)

    def covered_regions(self) -> list[str]:
        """The regions of the local documents (the national ones cover the whole country)."""
        seen = []
        for s in self.sources.values():
            if s.region not in seen and not s.national:
                seen.append(s.region)
        return seen

    def rule_files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*") if p.is_file() and p.suffix in (".yml", ".txt"))


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

class _Collector:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def add(self, path: Path | str, line: int, ident: str, message: str) -> None:
        file = path if isinstance(path, str) else self.display(path)
        self.problems.append(Problem(file, line, ident, message))

    def load(self, path: Path):
        # once per file: facts.yml is read for the facts and for the audiences
        cache = self.__dict__.setdefault("_loaded", {})
        if path not in cache:
            try:
                cache[path] = load_yaml(path, self.display(path))
            except RulesSyntaxError as exc:
                self.problems.append(Problem(exc.path, exc.line, path.name, exc.message))
                cache[path] = None
        return cache[path]

    def top(self, path: Path, key: str, kind: type):
        return _top(self, path, key, kind)


def is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def parse_date(value):
    """(date or None, whether the value was a date, a YYYY-MM-DD text or null)."""
    """(date or None, whether the value was a date, a YYYY-MM-DD text or null)."""
    if value is None or isinstance(value, dt.date):
        return value, True
    try:
        return dt.date.fromisoformat(str(value)), True
    except ValueError:
        return None, False


def _top(c: _Collector, path: Path, key: str, kind: type, data=None):
    data = c.load(path) if data is None else data
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get(key), kind):
        c.add(path, getattr(data, "line", 1), path.name, f"expected a top-level `{key}:` {kind.__name__}")
        return None
    return data[key]


def _entries(c: _Collector, path: Path, top: str, allowed: set):
    """Each mapping in the top-level list `top`, with its id; reports non-mappings and unknown keys."""
    items = _top(c, path, top, list) or []
    for item in items:
        if not isinstance(item, LineDict):
            c.add(path, getattr(items, "line", 0), top, f"each entry of `{top}` must be a mapping")
            continue
        ident = str(item.get("id", "?"))
        for key in sorted(set(item) - allowed):
            c.add(path, item.line_of(key), ident, f"unknown key `{key}` (allowed: {', '.join(sorted(allowed))})")
        yield item, ident


def _require_text(c: _Collector, path: Path, item: LineDict, ident: str, keys) -> list:
    """Report and return the keys that are missing or not text."""
    missing = [k for k in keys if not is_text(item.get(k))]
    for key in missing:
        c.add(path, item.line_of(key), ident, f"`{key}` is required and must be text")
    return missing


def _load_sources(c: _Collector, regions: Gazetteer | None) -> dict:
    path = c.root / "sources.yml"
    sources = {}
    for item, sid in _entries(c, path, "sources", SOURCE_KEYS):
        if sid in sources:
            c.add(path, item.line, sid, "duplicate source id")
            continue
        source = _source(c, path, item, sid, regions, c.root / "sources" / f"{sid}.txt")
        if source is not None:
            sources[sid] = source
    return sources


def _source(c: _Collector, path: Path, item: LineDict, sid: str, regions: Gazetteer | None,
            text_path: Path) -> Source | None:
    """One sources.yml entry, its text read from `text_path`; None when it has problems (reported)."""
    ok = not _require_text(c, path, item, sid, ("id", "title", "short_title", "issuer", "region"))
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
        return None
    return Source(
        id=sid, title=item["title"], short_title=item["short_title"], issuer=item["issuer"],
        number=item.get("number"), issued=issued, valid_until=until,
        period_label=item.get("period_label"), region=item["region"],
        script=item.get("script", "simplified"), article_style=style,
        articles=articles, text=text, responsibility=responsibility, publisher=publisher,
        sha256=sha, superseded_by=superseded, adopted=dates["adopted"], in_force=dates["in_force"],
        national=national, not_in=tuple(not_in))


def _load_regions(c: _Collector) -> Gazetteer | None:
    path = c.root / "regions.yml"
    data = c.load(path)
    items = _top(c, path, "regions", list, data) if data is not None else None
    if items is None:
        return None
    words = data.get("everyday_words") or []
    if not isinstance(words, list) or not all(is_text(w) for w in words):
        c.add(path, data.line_of("everyday_words"), "everyday_words", "must be a list of words")
        words = []
    vague = data.get("vague") or []
    if not isinstance(vague, list) or not all(is_text(w) for w in vague):
        c.add(path, data.line_of("vague"), "vague", "must be a list of words")
        vague = []
    for key in set(data) - {"regions", "everyday_words", "vague", "country"}:
        c.add(path, data.line_of(key), key, "unknown top-level key (country, regions, everyday_words, vague)")
    country = None
    spec = data.get("country")
    if spec is not None:
        if not isinstance(spec, LineDict) or not is_text(spec.get("name")) \
                or not all(is_text(a) for a in spec.get("aliases") or []):
            c.add(path, data.line_of("country"), "country", "must have a `name` and optional `aliases`")
        else:
            country = Place(name=spec["name"], level=COUNTRY, aliases=tuple(spec.get("aliases") or ()),
                            line=spec.line)

    def build(node, parent: Place | None, depth: int) -> Place | None:
        if not isinstance(node, LineDict):
            c.add(path, getattr(node, "line", 0), "regions", "each region must be a mapping")
            return None
        name = node.get("name")
        if not is_text(name):
            c.add(path, node.line, "regions", "region without a `name`")
            return None
        level = node.get("level")
        if level not in LEVELS:
            c.add(path, node.line_of("level"), name, f"`level` must be one of {', '.join(LEVELS)}")
            return None
        if parent is not None and LEVELS.index(level) <= LEVELS.index(parent.level):
            c.add(path, node.line_of("level"), name, f"level {level} cannot sit under {parent.level} {parent.name}")
        for key in set(node) - {"name", "level", "aliases", "children"}:
            c.add(path, node.line_of(key), name, f"unknown key `{key}`")
        aliases = node.get("aliases") or []
        if not isinstance(aliases, list) or not all(is_text(a) for a in aliases):
            c.add(path, node.line_of("aliases"), name, "`aliases` must be a list of names")
            aliases = []
        place = Place(name=name, level=level, parent=parent, aliases=tuple(aliases), line=node.line)
        seen = set()
        for child in node.get("children") or []:
            built = build(child, place, depth + 1)
            if built is None:
                continue
            if built.name in seen:
                c.add(path, built.line, built.name, f"listed twice under {name}")
                continue
            seen.add(built.name)
            place.children.append(built)
        return place

    roots, names = [], set()
    for node in items:
        place = build(node, None, 0)
        if place is None:
            continue
        if place.name in names:
            c.add(path, place.line, place.name, "province listed twice")
            continue
        names.add(place.name)
        roots.append(place)
    common = frozenset()
    counties_path = c.root / "regions-counties.yml"  # generated by scripts/gen_counties.py
    if counties_path.is_file():
        counties = c.load(counties_path)
        if counties is not None:
            common, problems = graft_counties(roots, counties)
            for line, ident, message in problems:
                c.add(counties_path, line, ident, message)
    if country is not None:
        for province in roots:
            province.parent = country
        country.children = list(roots)
    gazetteer = Gazetteer(roots, frozenset(words), vague_words=vague, common_words=common, country=country)
    _load_abroad(c, gazetteer)
    return gazetteer


def _load_abroad(c: _Collector, gazetteer: Gazetteer) -> None:
    """rules/abroad.yml: places outside China, in Chinese and English, and the English names
    of places in China that are not their pinyin."""
    path = c.root / "abroad.yml"
    if not path.is_file():
        return
    data = c.load(path)
    if data is None:
        return
    for key in set(data) - {"abroad", "abroad_english", "english_names"}:
        c.add(path, data.line_of(key), key, "unknown top-level key (abroad, abroad_english, english_names)")
    lists = {}
    for key in ("abroad", "abroad_english"):
        words = data.get(key) or []
        if not isinstance(words, list) or not all(is_text(w) for w in words):
            c.add(path, data.line_of(key), key, "must be a list of names")
            words = []
        lists[key] = tuple(str(w) for w in words)
    names = data.get("english_names") or {}
    if not isinstance(names, dict) or not all(is_text(k) and is_text(v) for k, v in names.items()):
        c.add(path, data.line_of("english_names"), "english_names", "must map English names to names in regions.yml")
        names = {}
    for english, chinese in names.items():
        if gazetteer.resolve(chinese) is None:
            c.add(path, names.line_of(english) if hasattr(names, "line_of") else 0, english,
                  f"`{chinese}` is not a place in regions.yml")
    gazetteer.set_abroad(lists["abroad"], lists["abroad_english"], {str(k): str(v) for k, v in names.items()})


def _load_agencies(c: _Collector, regions: Gazetteer | None, functions: dict) -> dict:
    path = c.root / "agencies.yml"
    agencies = {}
    for item, aid in _entries(c, path, "agencies", AGENCY_KEYS):
        if aid in agencies:
            c.add(path, item.line, aid, "duplicate agency id")
            continue
        agency = _agency(c, path, item, aid, regions, functions)
        if agency is not None:
            agencies[aid] = agency
    return agencies


def _agency(c: _Collector, path: Path, item: LineDict, aid: str, regions: Gazetteer | None,
            functions: dict) -> Agency | None:
    """One agencies.yml entry; None when it has problems (reported)."""
    missing = _require_text(c, path, item, aid, ("id", "name", "full_name", "region"))
    if item.get("level") not in LEVELS:
        c.add(path, item.line_of("level"), aid, f"`level` must be one of {', '.join(LEVELS)}")
        missing.append("level")
    if regions is not None and is_text(item.get("region")) and not regions.find(item["region"]):
        c.add(path, item.line_of("region"), aid, f"unknown region `{item['region']}` (not in regions.yml)")
    does = item.get("functions") or []
    if not isinstance(does, list) or not all(f in functions for f in does):
        c.add(path, item.line_of("functions"), aid,
              f"`functions` must list ids of rules/functions.yml ({', '.join(functions)})")
        missing.append("functions")
    if missing:
        return None
    return Agency(aid, item["name"], item["full_name"], item["level"], item["region"], tuple(does))


def _load_functions(c: _Collector, facts: FactRegistry) -> dict:
    """rules/functions.yml: the offices by function (bot/offices.py names them at a place)."""
    path = c.root / "functions.yml"
    if not path.is_file():
        return {}
    functions = {}
    groups = facts["groups"].values if "groups" in facts else {}
    genders = facts["gender"].values if "gender" in facts else {}
    for item, fid in _entries(c, path, "functions", FUNCTION_KEYS):
        bad = bool(_require_text(c, path, item, fid, ("id", "name", "duty")))
        words = item.get("words") or []
        if not isinstance(words, list) or not words or not all(is_text(w) for w in words):
            c.add(path, item.line_of("words"), fid, "`words` must list the words texts use for the function")
            bad = True
        at = item.get("at")
        if at is not None and (not is_text(at) or "{place}" not in at):
            c.add(path, item.line_of("at"), fid, "`at` must be text with {place}")
            bad = True
        serves = item.get("serves") or {}
        if not isinstance(serves, dict) or set(serves) - {"groups", "gender"}:
            c.add(path, item.line_of("serves"), fid, "`serves` may have `groups:` (a list) and `gender:`")
            serves = {}
            bad = True
        served = serves.get("groups") or []
        if not isinstance(served, list) or not all(g in groups for g in served):
            c.add(path, item.line_of("serves"), fid, f"`serves.groups` must be groups of facts.yml ({', '.join(groups)})")
            bad = True
        gender = serves.get("gender")
        if gender is not None and gender not in genders:
            c.add(path, item.line_of("serves"), fid, f"`serves.gender` must be one of {', '.join(genders)}")
            bad = True
        if fid in functions:
            c.add(path, item.line, fid, "duplicate function id")
            continue
        if not bad:
            functions[fid] = Function(fid, item["name"], tuple(words), item["duty"], item.get("plain"), at,
                                      frozenset(served) if isinstance(served, list) else frozenset(), gender)
    return functions


def _load_audiences(c: _Collector, facts: FactRegistry) -> dict:
    """facts.yml `audiences`: the closed list of whom a measure can be for. The
    values of the `runs` fact must be audience ids (organisations a person runs)."""
    path = c.root / "facts.yml"
    items = _top(c, path, "audiences", dict) or {}
    audiences = {}
    for aid, spec in items.items():
        line = items.line_of(aid) if isinstance(items, LineDict) else 0
        if not isinstance(spec, LineDict) or not is_text(spec.get("label")):
            c.add(path, line, f"audiences.{aid}", "each audience needs a `label`")
            continue
        for key in sorted(set(spec) - {"label", "synonyms"}):
            c.add(path, spec.line_of(key), f"audiences.{aid}", f"unknown key `{key}` (label, synonyms)")
        synonyms = spec.get("synonyms") or []
        if not isinstance(synonyms, list) or not all(is_text(s) for s in synonyms):
            c.add(path, spec.line_of("synonyms"), f"audiences.{aid}", "`synonyms` must be a list of text")
            synonyms = []
        audiences[str(aid)] = FactValue(str(aid), spec["label"], tuple(synonyms))
    if items and FOUNDER not in audiences:
        c.add(path, getattr(items, "line", 1), "audiences", f"`{FOUNDER}` (a person starting a business) is required")
    if RUNS_FACT in facts and audiences:
        allowed = ", ".join(a for a in audiences if a != FOUNDER)
        for value in facts[RUNS_FACT].values:
            if value not in audiences or value == FOUNDER:
                c.add(path, items.line, f"{RUNS_FACT}.{value}",
                      f"`{RUNS_FACT}` values must be audience ids other than {FOUNDER}; allowed: {allowed}")
    return audiences


def _check_audience(c: _Collector, path: Path, m: LineDict, mid: str, audiences: dict, conditions: dict):
    """`audience:` is one id or a list of ids; None when it is wrong (reported)."""
    raw = m.get("audience")
    line = m.line_of("audience")
    ids = [raw] if isinstance(raw, str) else raw
    if not isinstance(ids, list) or not ids or not all(is_text(a) for a in ids):
        c.add(path, line, mid, "`audience` must be an audience id or a list of them (facts.yml `audiences`)")
        return None
    bad = [a for a in ids if a not in audiences]
    for a in bad:
        c.add(path, line, mid, f"unknown audience `{a}`; allowed: {', '.join(audiences)}")
    if len(set(ids)) != len(ids):
        c.add(path, line, mid, "an audience is listed twice")
        bad.append("twice")
    if bad:
        return None
    # the conditions say whom the text means too, and must agree: a condition on
    # a fact that is an audience (tech_business) needs it; any other describes the person
    for fact, want in conditions.items():
        need = fact if fact in audiences else FOUNDER
        if want is not False and need not in ids:
            c.add(path, line, mid, f"the condition on `{fact}` says the text is for {need}: add it to the audience")
            return None
    return tuple(ids)


def _check_condition(c, path, m: LineDict, mid: str, facts: FactRegistry, conditions) -> dict:
    compiled = {}
    if conditions is None:
        return compiled
    if not isinstance(conditions, LineDict):
        c.add(path, m.line_of("conditions"), mid, "`conditions` must be a mapping")
        return compiled
    allowed_facts = facts.conditions
    for fact, want in conditions.items():
        line = conditions.line_of(fact)
        if fact not in allowed_facts:
            hint = " (a place is implied by the document)" if fact == facts.place else ""
            c.add(path, line, mid, f"unknown fact `{fact}` in conditions{hint}; allowed: {', '.join(allowed_facts)}")
            continue
        spec = facts[fact]
        allowed = spec.values
        if spec.kind == "list":
            if not isinstance(want, list) or not want:
                c.add(path, line, mid, f"`{fact}` must be a non-empty list")
                continue
            bad = [v for v in want if v not in allowed]
            for v in bad:
                c.add(path, line, mid, f"unknown value `{v}` for {fact}; allowed: {', '.join(allowed)}")
            if not bad:
                compiled[fact] = frozenset(want)
        elif spec.kind == "bool":
            if not isinstance(want, bool):
                c.add(path, line, mid, f"`{fact}` must be true or false")
                continue
            compiled[fact] = want
        else:
            if want not in allowed:
                c.add(path, line, mid, f"unknown value `{want}` for {fact}; allowed: {', '.join(allowed)}")
                continue
            compiled[fact] = want
    return compiled


def _load_measures(c: _Collector, sources: dict, agencies: dict, facts: dict, audiences: dict, *, paths=None,
                   draft: bool = False, functions: dict | None = None, extra_keys=frozenset()) -> list:
    """Active measures from rules/measures/; with `draft`, the measures of draft
    files (`paths`), checked as strictly, each `status: draft`, which may carry
    `extra_keys` (see check_measure_files)."""
    functions = functions or {}
    measures, seen_ids = [], {}
    superseding: list = []   # (path, line, id, the id it is superseded by), checked once all are loaded
    needs = facts["needs"].values if "needs" in facts else {}
    if not draft:   # a measure's category is a need: the overview shows it as a button
        for value, fv in needs.items():
            if not fv.short:
                c.add(c.root / "facts.yml", 0, f"needs.{value}", "each need needs a `short` label (the category button)")
    allowed_keys = MEASURE_KEYS | set(extra_keys) if draft else MEASURE_KEYS
    order = {sid: i for i, sid in enumerate(sources)}   # sources.yml order: the relevance order's last key
    files = sorted((c.root / "measures").glob("*.yml"), key=lambda p: (order.get(p.stem, len(order)), p.name))
    for path in files if paths is None else paths:
        data = c.load(path)
        if data is None:
            continue
        if not isinstance(data, LineDict) or not isinstance(data.get("measures"), list):
            c.add(path, getattr(data, "line", 1), path.stem, "expected `doc:` and a `measures:` list")
            continue
        doc = data.get("doc")
        if doc not in sources:
            c.add(path, data.line_of("doc"), path.stem, f"unknown doc `{doc}`; known: {', '.join(sources)}")
            continue
        if path.stem != doc and not draft:
            c.add(path, data.line_of("doc"), path.stem, f"file name must be the doc id ({doc}.yml)")
        source = sources[doc]
        if source.publisher is not None and source.publisher not in agencies:
            c.add(path, data.line_of("doc"), doc,
                  f"unknown agency `{source.publisher}` as the `publisher` of {doc} in sources.yml")
            continue
        for m in data["measures"]:
            if not isinstance(m, LineDict):
                c.add(path, getattr(data["measures"], "line", 0), doc, "each measure must be a mapping")
                continue
            mid = str(m.get("id", f"<measure at line {m.line}>"))
            bad = False
            for key in REQUIRED_MEASURE_KEYS:
                if key not in m:
                    c.add(path, m.line, mid, f"missing `{key}`")
                    bad = True
            for key in sorted(set(m) - allowed_keys):
                c.add(path, m.line_of(key), mid, f"unknown key `{key}` (allowed: {', '.join(sorted(allowed_keys))})")
            status = m.get("status", "draft" if draft else "active")
            if status != ("draft" if draft else "active"):
                c.add(path, m.line_of("status"), mid,
                      "`status: draft` measures stay in draft files; accept them with `python -m bot review`"
                      if status == "draft" else f"`status` must be {'draft' if draft else 'active'} here")
                bad = True
            if mid in seen_ids:
                c.add(path, m.line_of("id"), mid, f"duplicate id (first at {seen_ids[mid]})")
                bad = True
            else:
                seen_ids[mid] = f"{c.display(path)}:{m.line_of('id')}"
            for key in ("title", "summary", "quote"):
                if key in m and not is_text(m[key]):
                    c.add(path, m.line_of(key), mid, f"`{key}` must be non-empty text")
                    bad = True
            article = m.get("article")
            if "article" in m and (not isinstance(article, int) or isinstance(article, bool)
                                   or not 1 <= article <= source.articles):
                c.add(path, m.line_of("article"), mid,
                      f"article {article!r} is not a number from 1 to {source.articles} ({doc})")
                bad = True
            if "category" in m and m["category"] not in needs:
                c.add(path, m.line_of("category"), mid,
                      f"unknown category `{m['category']}`; allowed: {', '.join(needs)}")
                bad = True
            quote = m.get("quote")
            if is_text(quote) and quote not in source.text:
                c.add(path, m.line_of("quote"), mid,
                      f"quote not found verbatim in rules/sources/{doc}.txt")
                bad = True
            conditions = _check_condition(c, path, m, mid, facts, m.get("conditions"))
            if m.get("conditions") is not None and len(conditions) != len(m.get("conditions") or {}):
                bad = True
            audience = None
            if "audience" in m:
                audience = _check_audience(c, path, m, mid, audiences, conditions)
                bad = bad or audience is None
            lead, support = (), ()
            ag = m.get("agencies")
            if source.responsibility == "none" and "agencies" in m:
                c.add(path, m.line_of("agencies"), mid,
                      f"{doc} names no responsible unit (sources.yml `responsibility: none`); leave out `agencies`")
                bad = True
            elif source.responsibility == "named" and "agencies" not in m:
                c.add(path, m.line, mid, "missing `agencies`")
                bad = True
            lead_reason = m.get("lead_reason")
            if "lead_reason" in m:
                if not is_text(lead_reason):
                    c.add(path, m.line_of("lead_reason"), mid, "`lead_reason` must be the text's words naming who acts")
                    bad = True
                elif "agencies" not in m and "functions" not in m:
                    c.add(path, m.line_of("lead_reason"), mid, "`lead_reason` without `agencies` or `functions`")
                    bad = True
                elif source.responsibility == "functions":
                    if lead_reason not in source.text:   # a law says who acts once, in its own article
                        c.add(path, m.line_of("lead_reason"), mid, "lead_reason not found verbatim in the text")
                        bad = True
                elif is_text(quote) and lead_reason not in quote and lead_reason not in source.paragraph_of(quote):
                    c.add(path, m.line_of("lead_reason"), mid,
                          "lead_reason not found verbatim in the quote or its article")
                    bad = True
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
            if "agencies" in m and source.responsibility != "none":
                if not isinstance(ag, LineDict):
                    c.add(path, m.line_of("agencies"), mid, "`agencies` must have `lead:` and optional `support:`")
                    bad = True
                else:
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
            acting = _check_functions(c, path, m, mid, source, functions, agencies, lead, support, conditions)
            bad = bad or acting is None
            if is_text(quote) and source.article_style == "law" and isinstance(article, int) \
                    and quote not in source.article_text(article):
                c.add(path, m.line_of("quote"), mid, f"quote is not inside {source.article_label(article)}")
                bad = True
            if "superseded_by" in m:
                superseding.append((path, m.line_of("superseded_by"), mid, m["superseded_by"]))
            if not bad:
                measures.append(Measure(
                    id=mid, doc=doc, article=article, title=m["title"].strip(),
                    summary=m["summary"].strip(), category=m["category"], conditions=conditions,
                    lead=lead, support=support, quote=quote, note=m.get("note"),
                    file=c.display(path), line=m.line, lead_reason=lead_reason, strict_groups=strict,
                    audience=audience, lead_function=m.get("lead_function"), functions=acting[1],
                    superseded_by=m.get("superseded_by"), all_groups=all_groups is True))
    by_id = {m.id: m for m in measures}
    for path, line, mid, newer in superseding:
        target = by_id.get(newer)
        if target is None or sources[target.doc].in_force is None:
            c.add(path, line, mid, f"`superseded_by` must be the id of a measure of a law in force (`in_force:`), not {newer!r}")
    return _with_neighbours(measures, facts)


BY_FUNCTION = "按职责分工"   # a bracket that lists offices without saying who acts (吉林, 图们)


def _check_functions(c: _Collector, path: Path, m: LineDict, mid: str, source: Source, functions: dict,
                     agencies: dict, lead: tuple, support: tuple, conditions: dict):
    """`lead_function` (a local bracket "按职责分工负责": the office whose function matches
    leads) and `functions` (a national text: the functions that act). Returns
    (lead_function, functions), None when wrong (reported)."""
    acting = m.get("functions")
    if source.responsibility == "functions":
        if "agencies" in m:
            c.add(path, m.line_of("agencies"), mid, f"{source.id} names functions, not offices: use `functions:`")
            return None
        if not isinstance(acting, list) or not acting or not all(f in functions for f in acting):
            c.add(path, m.line_of("functions") if "functions" in m else m.line, mid,
                  f"`functions` must list the acting functions (rules/functions.yml: {', '.join(functions)})")
            return None
        reason = m.get("lead_reason")
        if is_text(reason) and not any(w in reason for f in acting for w in functions[f].words):
            c.add(path, m.line_of("lead_reason"), mid,
                  "lead_reason must name one of the measure's functions (a word of rules/functions.yml `words`)")
            return None
    elif "functions" in m:
        c.add(path, m.line_of("functions"), mid, "`functions` are for texts that name functions "
              "(sources.yml `responsibility: functions`); name offices in `agencies`")
        return None
    chosen = m.get("lead_function")
    paragraph = to_simplified(source.paragraph_of(m.get("quote") or "")) if source.article_style != "law" else ""
    by_function = BY_FUNCTION in paragraph
    if chosen is not None:
        fn = functions.get(chosen)
        if fn is None:
            c.add(path, m.line_of("lead_function"), mid, f"unknown function `{chosen}` (rules/functions.yml)")
            return None
        if not by_function:
            c.add(path, m.line_of("lead_function"), mid,
                  f"`lead_function` is for brackets that say “{BY_FUNCTION}负责”; this article's does not")
            return None
        wrong = [a for a in lead if a in agencies and chosen not in agencies[a].functions]
        if not lead or wrong:
            c.add(path, m.line_of("lead_function"), mid,
                  f"the lead must be an office with the function `{chosen}` (agencies.yml `functions:`): "
                  + ", ".join(wrong or ["no lead"]))
            return None
    if by_function and lead:
        # the office whose function serves the measure's people leads (吉林 第13条: 妇联 for women)
        groups, gender = conditions.get("groups") or frozenset(), conditions.get("gender")
        matching = {f for a in lead + support if a in agencies for f in agencies[a].functions
                    if f in functions and (functions[f].serves_groups & groups
                                           or (gender and functions[f].serves_gender == gender))}
        if matching and chosen is None:
            c.add(path, m.line_of("agencies"), mid,
                  f"the bracket names an office whose function serves this measure's people ({', '.join(sorted(matching))}): "
                  "say which office acts with `lead_function:` (that one, or another by its duty)")
            return None
    return chosen, tuple(acting or ())


def _group_word(fv: FactValue, quote: str) -> str | None:
    """The first of the group's words (label parts, then synonyms, in order) that
    the (Simplified) quote uses; words shorter than 3 characters (返乡, 农民) say
    too little about who is meant and are not quoted back."""
    return next((w for w in fv.words() if len(w) >= 3 and w in quote), None)


def _with_neighbours(measures: list, facts: dict) -> list:
    """The neighbouring-group rule, compiled once: a measure whose text names
    some groups is `possible` for the groups next to them, unless the text
    rules them out (`strict_groups`) or the same article has a measure of its
    own for that neighbour (then the text does speak about it)."""
    fact = facts.neighboured
    if fact is None:
        return measures
    values = facts[fact].values
    per_article: dict = {}
    for m in measures:
        per_article.setdefault((m.doc, m.article), set()).update(m.conditions.get(fact, ()))
    out = []
    for m in measures:
        groups = m.conditions.get(fact)
        if not groups:
            out.append(m)
            continue
        quote = to_simplified(m.quote)
        words = tuple((g, _group_word(values[g], quote)) for g in sorted(groups))
        near = frozenset()
        if not m.strict_groups and not m.all_groups:
            near = frozenset(n for g in groups for n in values[g].neighbours) - per_article[(m.doc, m.article)]
        out.append(replace(m, neighbour_groups=near, group_words=words))
    return out


# --------------------------------------------------------------------------
# For tools that write rules (drafting/): the loader's checks, one entry or
# file at a time, against an already loaded knowledge base
# --------------------------------------------------------------------------

def display_path(root: Path | str, path: Path | str) -> str:
    """How problems name a file: relative to the rules directory's parent when inside it."""
    return _Collector(Path(root)).display(Path(path))


def check_source_entry(kb: KnowledgeBase, file: Path, entry: LineDict, text_path: Path) -> tuple:
    """(Source or None, problems): one sources.yml-style entry (from `file`, read
    with bot.yamlio.load_yaml), its text at `text_path`, checked as the loader checks sources.yml."""
    c = _Collector(kb.root)
    sid = str(entry.get("id", "?"))
    for key in sorted(set(entry) - SOURCE_KEYS):
        c.add(file, entry.line_of(key), sid, f"unknown key `{key}` (allowed: {', '.join(sorted(SOURCE_KEYS))})")
    return _source(c, file, entry, sid, kb.gazetteer, text_path), c.problems


def check_agency_entry(kb: KnowledgeBase, file: Path, entry: LineDict) -> tuple:
    """(Agency or None, problems): one agencies.yml-style entry, checked as the loader checks agencies.yml."""
    c = _Collector(kb.root)
    aid = str(entry.get("id", "?"))
    for key in sorted(set(entry) - AGENCY_KEYS):
        c.add(file, entry.line_of(key), aid, f"unknown key `{key}` (allowed: {', '.join(sorted(AGENCY_KEYS))})")
    return _agency(c, file, entry, aid, kb.gazetteer, kb.functions), c.problems


def check_measure_files(kb: KnowledgeBase, paths: list, *, sources: dict | None = None,
                        agencies: dict | None = None, draft: bool = True, extra_keys=frozenset()) -> tuple:
    """(measures, problems): measures files checked as rules/measures/ is, against
    the knowledge base's facts and audiences and `sources`/`agencies` (default:
    the knowledge base's). With `draft`, every measure must be `status: draft` and
    may carry `extra_keys`."""
    c = _Collector(kb.root)
    measures = _load_measures(c, kb.sources if sources is None else sources,
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
    c = _Collector(root)
    regions = _load_regions(c)
    sources = _load_sources(c, regions)
    facts = load_facts(c, root / "facts.yml")
    audiences = _load_audiences(c, facts)
    functions = _load_functions(c, facts)
    agencies = _load_agencies(c, regions, functions)
    measures = _load_measures(c, sources, agencies, facts, audiences, functions=functions)
    if c.problems or regions is None:
        return None, c.problems
    regions.set_covered(s.region for s in sources.values() if not s.national)
    return KnowledgeBase(root, sources, regions, agencies, facts, measures, audiences, functions), []


def load(root: Path | str = DEFAULT_RULES_DIR) -> KnowledgeBase:
    kb, problems = validate(root)
    if problems:
        raise RulesInvalid(problems)
    return kb


@lru_cache(maxsize=4)
def default_kb(root: str = str(DEFAULT_RULES_DIR)) -> KnowledgeBase:
    """The knowledge base loaded and compiled once per process."""
    return load(root)
