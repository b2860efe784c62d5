"""Segment a policy text into its articles, by its own hierarchy at any depth
(the markers, the tree of units and their roles: drafting/hierarchy.py; the
sentences and responsibility brackets: drafting/sentences.py).

The article (the unit the contract numbers and a citation names) is 第N条 when
the text has them, else the kind with the most provisions (units that are not
headings); units below it are its parts (第五条（二）), units above are
headings. A text numbered only by headings (乌鲁木齐's 任务之一…) has one article
per paragraph under them. Articles are numbered as printed when the run is
1..N through the whole text, in order of print otherwise.

Nothing is dropped silently: every character that is not blank lies in an
article, a heading line or a reported `left_out` span (the cover, the preamble,
text of a heading above the articles, a closing paragraph, the signature and
the page's furniture), each with its reason (`coverage_gaps` checks it).
Spans are pairs of character offsets (``text[a:b]`` verbatim); ``byte_span``
gives the UTF-8 byte offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .hierarchy import (BLANK, HEADING_KINDS, TITLE_MAX, Line, Unit, attach_paragraphs, cover_end_of, is_title,
                        mark_roles, read_lines, unit_tree, walk_units)
from .sentences import line_spans, responsibility_bracket, sentences


def byte_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    start = len(text[:a].encode("utf-8"))
    return start, start + len(text[a:b].encode("utf-8"))


@dataclass
class Article:
    number: int               # the contract's number
    printed: str              # the document's own marker (第7条, (二十二), 任务之三 ¶2)
    label: str                # the citation label: the markers from the article down (第五条（二）)
    start: int
    end: int                  # the whole article, parts and bracket included
    title: str | None         # the short lead sentence (“健全农民工返乡创业服务体系”), if any
    title_span: tuple | None
    brackets: list            # [(inside start, inside end)] responsibility brackets, in order
    inherited_bracket: tuple | None = None   # the enclosing heading's, when the article has none
    sentences: list = field(default_factory=list)   # outside brackets and titles, in order
    heading: str | None = None                      # the enclosing headings, for the reviewer
    parts: list = field(default_factory=list)       # (label, start, end) of its numbered parts

    @property
    def bracket(self) -> tuple | None:
        """The bracket naming who answers for the article's last sentences."""
        return self.brackets[-1] if self.brackets else self.inherited_bracket

    def bracket_for(self, position: int) -> tuple | None:
        """The bracket that covers a sentence at `position`: the first one after it
        in the article (a bracket closes the sentences before it), else the article's."""
        for b in self.brackets:
            if b[0] > position:
                return b
        return self.bracket

    def part_label(self, position: int) -> str:
        best = self.label
        for label, a, b in self.parts:
            if a <= position < b:
                best = label
        return best


@dataclass
class Span:
    start: int
    end: int
    reason: str


@dataclass
class Segmentation:
    text: str
    style: str                 # tiao | cn | pcn | num | pnum | paragraph ...: the article's marker kind
    numbering: str             # printed (1..N as printed) | ordinal (in order of print)
    articles: list
    headings: list = field(default_factory=list)    # Span per heading line (reason: its text)
    left_out: list = field(default_factory=list)    # Span with the reason
    cover: tuple = (0, 0)      # the cover (title, number, issuer, dates) before the body
    review: list = field(default_factory=list)      # what the numbering looked like (gaps, restarts)

    def article(self, number: int) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


# ---- the segmentation ---------------------------------------------------------------------

def segment(text: str) -> Segmentation:
    lines = read_lines(text)
    cover_end = cover_end_of(text, lines)
    body = [ln for ln in lines if ln.start >= cover_end]
    review: list = []
    roots, _ = unit_tree(text, body, review)
    attach_paragraphs(text, roots, body)
    kind = mark_roles(text, roots)
    if kind is None:
        seg = _by_paragraph(text, body, cover_end)
    else:
        seg = _by_units(text, roots, kind, cover_end)
    seg.review = review + seg.review
    _closing(text, seg)
    return seg


def _heading_trail(u: Unit, text: str) -> str:
    names = [text[p.start:p.own_end if p.role == "heading" else p.body_start].strip(BLANK)[:40]
             for p in u.path[:-1] if p.role in ("heading", "above")]
    return " / ".join(n.lstrip("#").strip(BLANK) for n in names)


def _by_units(text: str, roots: list[Unit], kind: str, cover_end: int) -> Segmentation:
    units = list(walk_units(roots))
    articles_units = [u for u in units if u.role == "article"]
    numbers = [u.number for u in articles_units]
    printed = numbers == list(range(1, len(numbers) + 1))
    seg = Segmentation(text, kind, "printed" if printed else "ordinal", [], cover=(0, cover_end))
    for k, u in enumerate(articles_units, 1):
        seg.articles.append(_article(text, u, u.number if printed else k, _heading_trail(u, text)))
    for u in units:
        if u.role == "heading":
            seg.headings.append(Span(u.start, u.own_end if u.kind not in HEADING_KINDS else u.lines[0][1],
                                     text[u.start:u.lines[0][1]].strip(BLANK)))
            # a heading's own paragraphs after its title line (一、总体要求 then a paragraph)
            for a, b in u.lines[1:]:
                seg.left_out.append(Span(a, b, f"标题 {u.marker} 下、条款之上的文字"))
        elif u.role == "above":
            seg.left_out.append(Span(u.start, u.own_end,
                                     f"{u.marker}：条款之上一层的编号，不是条款"))
    if printed is False and numbers:
        seg.review.append("条款编号：原文的编号没有从 1 到 N 贯穿全文，已按出现顺序编号"
                          "（请核对 ../shared/spec/contract.md 中的条款编号）")
    _front(text, seg, cover_end, min((u.start for u in units), default=len(text)))
    return seg


def _article(text: str, u: Unit, number: int, heading: str) -> Article:
    parts = [p for p in walk_units(u.children)]
    brackets = []
    for para in sorted([(a, b) for a, b in u.lines] + [ln for p in parts for ln in p.lines]):
        b = responsibility_bracket(text, *para)
        if b:
            brackets.append(b)
    inherited = None
    for p in reversed(u.path[:-1]):
        for a, b in p.lines:
            inherited = inherited or responsibility_bracket(text, a, b)
    sents = []
    for para in sorted([(u.body_start, u.lines[0][1])] + u.lines[1:] + [
            (p.body_start, p.lines[0][1]) for p in parts] + [ln for p in parts for ln in p.lines[1:]]):
        a, b = para
        for br in brackets:
            if a <= br[0] <= b:
                b = min(b, br[0] - 1)
        sents += sentences(text, a, b)
    title, title_span = None, None
    if sents and u.kind != "tiao":      # a law's 第N条 has no title sentence
        first = sents[0]
        t = text[first.start:first.end]
        if (len(t.rstrip("。")) <= TITLE_MAX and t.endswith(("。", ".")) and len(sents) > 1
                and not any(c in t.rstrip("。.") for c in "，,；;：:")) or (
                is_title(text, first.start, first.end) and len(sents) > 1 and first.end <= u.lines[0][1]
                and not t.endswith(("；", ";"))):
            title, title_span = t.rstrip("。.").strip(BLANK), (first.start, first.end)
            sents = sents[1:]
    label_parts = lambda p: "".join(x.marker for x in p.path if x.role in ("article", "part"))  # noqa: E731
    return Article(number=number, printed=u.marker, label=label_parts(u), start=u.start, end=u.end,
                   title=title, title_span=title_span, brackets=brackets,
                   inherited_bracket=None if brackets else inherited, sentences=sents,
                   heading=heading or None, parts=[(label_parts(p), p.start, p.end) for p in parts])


def _front(text: str, seg: Segmentation, cover_end: int, first_unit: int) -> None:
    """The cover and the preamble: everything before the first unit."""
    if cover_end > 0 and text[:cover_end].strip(BLANK + "\n"):
        seg.left_out.append(Span(0, cover_end, "封面：标题、文号、发文机关、日期（已读入文件信息）"))
    if first_unit > cover_end and text[cover_end:first_unit].strip(BLANK + "\n"):
        seg.left_out.append(Span(cover_end, first_unit, "第一个编号条款之前：封面、主送机关、导语"))


def _by_paragraph(text: str, lines: list[Line], cover_end: int) -> Segmentation:
    """No numbered provisions: each sentence-bearing paragraph under a heading is an article."""
    seg = Segmentation(text, "paragraph", "ordinal", [], cover=(0, cover_end))
    heading, seen_heading, first = None, False, None
    for ln in lines:
        line = text[ln.start:ln.end]
        if ln.kind is not None:
            heading, seen_heading = line.strip(BLANK)[:40], True
            first = ln.start if first is None else first
            seg.headings.append(Span(ln.start, ln.end, line.strip(BLANK)))
            continue
        if not seen_heading:
            continue
        if "。" not in line:
            heading = f"{heading.split(' / ')[0]} / {line.strip(BLANK)[:40]}"
            seg.headings.append(Span(ln.start, ln.end, line.strip(BLANK)))
            continue
        n = len(seg.articles) + 1
        u = Unit("paragraph", n, "", ln.start, ln.start, ln.end, ln.end, lines=[(ln.start, ln.end)])
        art = _article(text, u, n, heading)
        art.printed = art.label = f"{heading.split(' / ')[0]} ¶{n}"
        seg.articles.append(art)
    _front(text, seg, cover_end, first if first is not None else len(text))
    return seg


# ---- after the articles ---------------------------------------------------------------------

LAST_ARTICLE = "最后一条之后：落款、日期或网页附带的文字"
SIGNATURE = re.compile(r"^[\u4e00-\u9fff（）()“”]{2,30}$|^\d{4}年\d{1,2}月\d{1,2}日$|^[(（]此件.*[)）]$")


def _closing(text: str, seg: Segmentation) -> None:
    """Trailing lines of the last article that hold no sentence (signature, date, page
    furniture) are left out; so is a paragraph after an article's closing responsibility
    bracket (各部门要… after the last article) — each with its reason."""
    if not seg.articles:
        return
    last = seg.articles[-1]
    part_starts = {a for _, a, _ in last.parts}
    cut = None
    for a, b in reversed(list(line_spans(text, last.start, last.end))):
        line = text[a:b].strip(BLANK)
        if not line:
            continue
        if any(c in line for c in "。；;！？") or a <= last.start or a in part_starts or len(line) > 40:
            break
        cut = a
    if cut is not None and cut > last.start:
        seg.left_out.append(Span(cut, last.end, LAST_ARTICLE))
        last.end = _trim_back(text, last.start, cut)
        last.sentences = [x for x in last.sentences if x.end <= last.end]
        last.parts = [(lbl, a, min(b, last.end)) for lbl, a, b in last.parts if a < last.end]
    for art in seg.articles:
        if not art.brackets:
            continue
        close = text.find("\n", art.brackets[-1][1])
        if close < 0 or close >= art.end or any(a <= close + 1 < b for _, a, b in art.parts):
            continue
        tail = close + 1
        while tail < art.end and text[tail] in BLANK + "\n":
            tail += 1
        if tail >= art.end:
            continue
        seg.left_out.append(Span(tail, art.end, f"{art.label} 责任分工括号之后的结语段落"))
        art.end = close
        art.sentences = [x for x in art.sentences if x.end <= close]
    end = max([a.end for a in seg.articles] + [h.end for h in seg.headings] + [x.end for x in seg.left_out])
    rest = end
    while rest < len(text) and text[rest] in BLANK + "\n":
        rest += 1
    if rest < len(text):
        seg.left_out.append(Span(rest, len(text), LAST_ARTICLE))


def _trim_back(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in BLANK + "\n":
        end -= 1
    return end


def coverage_gaps(seg: Segmentation) -> list[tuple[int, int]]:
    """Spans of non-blank text in no article, heading or left-out span (should be none)."""
    text = seg.text
    covered = [False] * len(text)
    for a, b in ([(x.start, x.end) for x in seg.articles] + [(h.start, h.end) for h in seg.headings]
                 + [(s.start, s.end) for s in seg.left_out]):
        for i in range(a, min(b, len(text))):
            covered[i] = True
    gaps, start = [], None
    for i, ch in enumerate(text):
        if not covered[i] and ch not in BLANK + "\n":
            start = i if start is None else start
        elif start is not None:
            gaps.append((start, i))
            start = None
    if start is not None:
        gaps.append((start, len(text)))
    return gaps
