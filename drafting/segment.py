"""Segment a policy text by its own hierarchy, at any depth.

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

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
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
# The closing bracket that names who is responsible.
RESPONSIBILITY_WORDS = ("按职责分工负责", "按職責分工負責", "牵头单位", "牽頭單位", "配合单位", "配合單位",
                        "责任单位", "責任單位", "负责", "負責")
SENTENCE_END = "。；;！？!?"
TITLE_MAX = 30


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十五 -> 25, 一百零三 -> 103, '27' -> 27, ③ -> 3."""
    if len(s) == 1 and s in CIRCLED:
        return CIRCLED.index(s) + 1
    if s.isdecimal():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def byte_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    start = len(text[:a].encode("utf-8"))
    return start, start + len(text[a:b].encode("utf-8"))


@dataclass
class Line:
    start: int
    end: int                  # exclusive, before the newline
    kind: str | None = None   # marker kind, None for a plain paragraph
    number: int | None = None
    rank: int = 0             # headings: 编 1, 章/部分 2, 节 3, Markdown by its #s
    marker_end: int = 0       # where the text after the marker starts


@dataclass
class Sentence:
    start: int
    end: int


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


def _cover_end(text: str, lines: list[Line]) -> int:
    """Where the body starts: after a Markdown `<!-- INFO END -->`, else at the first marker."""
    at = text.find(INFO_END)
    if at >= 0:
        return at + len(INFO_END)
    first = next((ln for ln in lines if ln.kind not in (None, "md")), None)
    return first.start if first else 0


# ---- the tree ----------------------------------------------------------------------

def _tree(text: str, lines: list[Line], review: list) -> tuple[list[Unit], list[Line]]:
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


def _walk(units):
    for u in units:
        yield u
        yield from _walk(u.children)


def _attach_paragraphs(text: str, roots: list[Unit], lines: list[Line]) -> None:
    """Each plain paragraph belongs to the innermost unit open before it (its own text, or
    that of its last part); headings hold only their line."""
    units = sorted(_walk(roots), key=lambda u: u.start)
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

def _is_title(text: str, a: int, b: int) -> bool:
    """A short line naming a topic (一、总体要求 / （一）主体培育。): no sentence inside."""
    s = text[a:b].strip(BLANK).rstrip("。.：:")
    return len(s) <= TITLE_MAX and not any(c in s for c in "。；;，,：:")


def _roles(text: str, roots: list[Unit]) -> str | None:
    """Mark headings, articles and parts; return the article kind (None: paragraphs)."""
    units = list(_walk(roots))
    for u in units:
        if u.kind in HEADING_KINDS:
            u.role = "heading"
        elif u.children and u.kind != "tiao" and _is_title(text, u.body_start, u.lines[0][1]):
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


# ---- sentences and brackets ------------------------------------------------------------

def responsibility_bracket(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of a paragraph's closing parenthesis when it names who is responsible."""
    j = end
    while j > start and text[j - 1] in BLANK + "。.;；":
        j -= 1
    if j <= start or text[j - 1] not in ")）":
        return None
    depth, i = 0, j - 1
    while i >= start:
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            depth -= 1
            if depth == 0:
                break
        i -= 1
    if i < start:
        return None
    inside = text[i + 1:j - 1]
    if not any(w in inside for w in RESPONSIBILITY_WORDS):
        return None
    return i + 1, j - 1


def marks_outside_brackets(text: str, start: int, end: int, marks: str) -> list[int]:
    """Positions in text[start:end] of the characters in `marks` that stand
    outside quotes and brackets (where a sentence or a clause may end)."""
    found, depth = [], 0
    for i in range(start, end):
        ch = text[i]
        if ch in "“(（《「【":
            depth += 1
        elif ch in "”)）》」】":
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            found.append(i)
    return found


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end], each ending at 。；！？ (kept); quotes and brackets
    are not split, nor are lines (a sentence never runs over a line break)."""
    out = []
    for a, b in _line_spans(text, start, end):
        s = a
        for i in marks_outside_brackets(text, a, b, SENTENCE_END):
            out.append(Sentence(s, i + 1))
            s = i + 1
        if text[s:b].strip(BLANK):
            out.append(Sentence(s, b))
    return [t for t in (_trim(text, s) for s in out) if text[t.start:t.end].strip(BLANK + "。；;")]


def _line_spans(text: str, start: int, end: int):
    a = start
    while a < end:
        b = text.find("\n", a, end)
        b = end if b < 0 else b
        yield a, b
        a = b + 1


def _trim(text: str, s: Sentence) -> Sentence:
    a, b = s.start, s.end
    while a < b and text[a] in BLANK + "\n":
        a += 1
    while b > a and text[b - 1] in BLANK + "\n":
        b -= 1
    return Sentence(a, b)


# ---- the segmentation ---------------------------------------------------------------------

def segment(text: str) -> Segmentation:
    lines = read_lines(text)
    cover_end = _cover_end(text, lines)
    body = [ln for ln in lines if ln.start >= cover_end]
    review: list = []
    roots, _ = _tree(text, body, review)
    _attach_paragraphs(text, roots, body)
    kind = _roles(text, roots)
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
    units = list(_walk(roots))
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
    parts = [p for p in _walk(u.children)]
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
                _is_title(text, first.start, first.end) and len(sents) > 1 and first.end <= u.lines[0][1]
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
    for a, b in reversed(list(_line_spans(text, last.start, last.end))):
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
