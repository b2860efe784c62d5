"""The document's own hierarchy: the marker at the start of each line, the
tree of numbered units the markers make, and which units are headings,
articles and parts (drafting/segment.py turns the articles into Articles).

Markers at the start of a line (Simplified or Traditional, full-width or the
seeds' ASCII brackets, Markdown `#` headings):
  第N编/章/节/部分/篇, 任务之一, `## …`   headings
  第N条                                      tiao
  一、        cn          （一）  pcn          1. 1、 1)  num     （1）  pnum     ①  circ
Nesting follows the document: a kind of marker first seen inside a unit is a
level below it (第五条 › （一） › 1. › （1）; 一、 › （一） › 1.), a kind already
open is a sibling of the open one. A marker counts only where its number
continues its run (1 to start a level, the next number of its siblings or of
the same kind's run through the text); any other line is a continuation
paragraph of the unit before it, so unnumbered paragraphs stay in their article.

The article kind is 第N条 when the text has them, else the kind with the most
provisions (units that are not headings); units below it are its parts,
units above are headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.rules import chinese_int
CN = "零〇一二三四五六七八九十百兩两"
BLANK = " \t\u3000\u00a0\r"
_LEAD = r"[ \t\u3000\u00a0]*"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEADING_WORDS = {"编": 1, "編": 1, "篇": 1, "章": 2, "部分": 2, "节": 3, "節": 3}
MARKERS = (   # (kind, pattern); the number is group 1
    ("heading", re.compile(_LEAD + rf"第([{CN}\d]+)(编|編|篇|章|部分|节|節)")),
    ("task", re.compile(_LEAD + rf"任[务務]之?([{CN}\d]+)[ \t\u3000]*$")),
    ("tiao", re.compile(_LEAD + rf"第([{CN}\d]+)[条條](?![件款例])")),
    ("cn", re.compile(_LEAD + rf"([{CN}]+)[、,，.．](?!\d)")),
    ("pcn", re.compile(_LEAD + rf"[(（]([{CN}]+)[)）]")),
    ("num", re.compile(_LEAD + r"(\d{1,3})(?:[.．、](?!\d)|[)）])")),
    ("pnum", re.compile(_LEAD + r"[(（](\d{1,3})[)）]")),
    ("circ", re.compile(_LEAD + f"([{CIRCLED}])")),
)
HEADING_KINDS = ("heading", "task", "md")
INFO_END = "<!-- INFO END -->"
TITLE_MAX = 30


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十五 -> 25, 一百零三 -> 103, '27' -> 27, ③ -> 3."""
    if len(s) == 1 and s in CIRCLED:
        return CIRCLED.index(s) + 1
    if s.isdecimal():
        return int(s)
    return chinese_int(s)


@dataclass
class Line:
    start: int
    end: int                  # exclusive, before the newline
    kind: str | None = None   # marker kind, None for a plain paragraph
    number: int | None = None
    rank: int = 0             # headings: 编 1, 章/部分 2, 节 3, Markdown by its #s
    marker_end: int = 0       # where the text after the marker starts


@dataclass
class Unit:
    """A numbered unit of the text (or a heading) with what it holds."""
    kind: str
    number: int | None
    marker: str               # as printed: 第五条, （二）, 1., ## 第一章 总则
    start: int
    body_start: int           # after the marker
    end: int                  # the whole unit, its parts included
    own_end: int              # its own text, before its first part
    rank: int = 0
    parent: "Unit | None" = None
    children: list = field(default_factory=list)
    role: str = ""            # heading | article | part
    lines: list = field(default_factory=list)   # (start, end) of its own paragraphs

    @property
    def path(self) -> list["Unit"]:
        out, node = [], self
        while node is not None:
            out.append(node)
            node = node.parent
        return out[::-1]


# ---- lines and markers -----------------------------------------------------------

def read_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip(BLANK):
            continue
        line = Line(start, end, marker_end=start)
        stripped = raw.lstrip(BLANK)
        if stripped.startswith("#"):
            hashes = len(stripped) - len(stripped.lstrip("#"))
            rest_at = start + (len(raw) - len(stripped)) + hashes
            rest = text[rest_at:end]
            rest_at += len(rest) - len(rest.lstrip(BLANK))
            line.kind, line.rank, line.marker_end = "md", hashes, rest_at
            m = MARKERS[0][1].match(text, rest_at, end)
            if m and cn_number(m.group(1)) is not None:
                line.kind, line.number = "heading", cn_number(m.group(1))
                line.rank = HEADING_WORDS[m.group(2)]
            out.append(line)
            continue
        for kind, pattern in MARKERS:
            m = pattern.match(raw)
            if not m:
                continue
            n = cn_number(m.group(1))
            if n is None:
                continue
            line.kind, line.number, line.marker_end = kind, n, start + m.end()
            if kind == "heading":
                line.rank = HEADING_WORDS[m.group(2)]
            elif kind == "task":
                line.rank = 2
            break
        out.append(line)
    return out


def cover_end_of(text: str, lines: list[Line]) -> int:
    """Where the body starts: after a Markdown `<!-- INFO END -->`, else at the first marker."""
    at = text.find(INFO_END)
    if at >= 0:
        return at + len(INFO_END)
    first = next((ln for ln in lines if ln.kind not in (None, "md")), None)
    return first.start if first else 0


# ---- the tree ----------------------------------------------------------------------

def unit_tree(text: str, lines: list[Line], review: list) -> tuple[list[Unit], list[Line]]:
    """Units from the marker lines; lines that do not continue a run become plain paragraphs."""
    roots: list[Unit] = []
    stack: list[Unit] = []
    last_of_kind: dict = {}
    plain: list[Line] = []

    for ln in lines:
        kind = ln.kind
        if kind is None:
            plain.append(ln)
            continue
        heading = kind in HEADING_KINDS
        key = (kind, ln.rank) if heading else kind
        placed = None
        if heading:
            # a heading closes every unit below its rank
            while stack and not (stack[-1].kind in HEADING_KINDS and stack[-1].rank < ln.rank):
                stack.pop()
            placed = "heading"
        else:
            open_kinds = [(u.kind if u.kind not in HEADING_KINDS else None) for u in stack]
            if kind in open_kinds:
                depth = len(open_kinds) - 1 - open_kinds[::-1].index(kind)
                sibling = stack[depth]
                if ln.number == sibling.number + 1:
                    del stack[depth:]
                    placed = "sibling"
                elif ln.number == sibling.number + 2:
                    review.append(f"编号：{text[ln.start:ln.marker_end].strip()} 紧接在 {sibling.marker} 之后"
                                  "（跳过了一个号），请核对原文")
                    del stack[depth:]
                    placed = "sibling"
            elif ln.number == 1 or ln.number == last_of_kind.get(key, 0) + 1:
                placed = "child"
        if placed is None:
            ln.kind = None
            plain.append(ln)
            continue
        unit = Unit(kind=kind, number=ln.number, marker=text[ln.start:ln.marker_end].strip(BLANK),
                    start=ln.start, body_start=ln.marker_end, end=ln.end, own_end=ln.end, rank=ln.rank,
                    parent=stack[-1] if stack else None)
        unit.lines.append((ln.start, ln.end))
        (unit.parent.children if unit.parent else roots).append(unit)
        stack.append(unit)
        last_of_kind[key] = ln.number
    return roots, plain


def walk_units(units):
    for u in units:
        yield u
        yield from walk_units(u.children)


def attach_paragraphs(text: str, roots: list[Unit], lines: list[Line]) -> None:
    """Each plain paragraph belongs to the innermost unit open before it (its own text, or
    that of its last part); headings hold only their line."""
    units = sorted(walk_units(roots), key=lambda u: u.start)
    current = None
    ui = 0
    for ln in lines:
        while ui < len(units) and units[ui].start <= ln.start:
            current = units[ui]
            ui += 1
        if ln.kind is not None or current is None:
            continue
        current.lines.append((ln.start, ln.end))
    for u in reversed(units):      # parts before their units: ends grow upwards
        first_child = u.children[0].start if u.children else None
        u.own_end = max(b for a, b in u.lines if first_child is None or a < first_child)
        u.end = max([b for _, b in u.lines] + [c.end for c in u.children])


# ---- roles ---------------------------------------------------------------------------

def is_title(text: str, a: int, b: int) -> bool:
    """A short line naming a topic (一、总体要求 / （一）主体培育。): no sentence inside."""
    s = text[a:b].strip(BLANK).rstrip("。.：:")
    return len(s) <= TITLE_MAX and not any(c in s for c in "。；;，,：:")


def mark_roles(text: str, roots: list[Unit]) -> str | None:
    """Mark headings, articles and parts; return the article kind (None: paragraphs)."""
    units = list(walk_units(roots))
    for u in units:
        if u.kind in HEADING_KINDS:
            u.role = "heading"
        elif u.children and u.kind != "tiao" and is_title(text, u.body_start, u.lines[0][1]):
            u.role = "heading"
    provisions: dict = {}
    for u in units:
        if u.role != "heading":
            provisions[u.kind] = provisions.get(u.kind, 0) + 1
    if provisions.get("tiao", 0) >= 2:
        kind = "tiao"
    else:
        ranked = sorted(((n, _depth(u_kind, units)), u_kind) for u_kind, n in provisions.items() if n >= 2)
        kind = max(ranked)[1] if ranked else None
    if kind is None:
        return None
    for u in units:
        if u.role == "heading" and not any(p.kind == kind and p is not u for p in u.path):
            continue
        if u.kind == kind:
            u.role = "article"
        elif any(p.kind == kind for p in u.path[:-1]):
            u.role = "part"
        else:
            u.role = "above"      # a numbered unit above the articles with text of its own
    return kind


def _depth(kind: str, units: list[Unit]) -> int:
    depths = [len(u.path) for u in units if u.kind == kind]
    return sum(depths) // len(depths)
