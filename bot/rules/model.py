"""What the rules loader compiles rules/ into: the documents (Source), offices
(Agency), offices by function (Function), measures (Measure) and the
KnowledgeBase holding them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .facts import FactRegistry
from .gazetteer import Gazetteer

# facts.yml `audiences`: the audience every person is (a person starting a
# business), and the fact naming the organisations a person runs (its values
# are audience ids; measures only for those are listed only for who runs one).
FOUNDER = "founder"
RUNS_FACT = "runs"
CHINESE_NUMERALS = "零一二三四五六七八九"
# as numbers are read: also 〇 and 两 (两百, 第兩條)
CHINESE_DIGITS = {**{c: i for i, c in enumerate(CHINESE_NUMERALS)}, "〇": 0, "两": 2, "兩": 2}


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
        spans = law_articles(self.text)
        if article not in spans:
            return ""
        body = self.text[slice(*spans[article])]
        return body[body.index("条") + 1:].strip()   # without its "第N条 " head

    def article_of(self, passage: str) -> int | None:
        """The number of the law-style article holding `passage`, None when none does."""
        start = self.text.find(passage)
        if self.article_style != "law" or start < 0:
            return None
        for number, (a, b) in law_articles(self.text).items():
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
def law_articles(text: str) -> dict:
    """Article number -> (start, end) character span of a law-style text (第N条 at the
    start of a line, up to the next article or a heading line starting with #)."""
    heads = [(m.start(), chinese_int(m.group(1))) for m in _LAW_ARTICLE.finditer(text)]
    out = {}
    for i, (start, number) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        heading = text.find("\n#", start, end)
        out.setdefault(number, (start, heading if heading >= 0 else end))
    return out


def chinese_int(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 四十六 -> 46, 一百零三 -> 103, 两 -> 2; None for anything else."""
    total, current = 0, 0
    for ch in s:
        if ch in CHINESE_DIGITS:
            current = CHINESE_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
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
    english_words: dict = field(default_factory=dict)  # English phrase (lower case) -> a title word
    everyday_words: dict = field(default_factory=dict)  # everyday phrase (网上卖) -> a word of the texts (电商)

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
