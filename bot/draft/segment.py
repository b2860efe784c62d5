"""Segment a policy text by its own numbering.

Markers at the start of a paragraph, Simplified or Traditional, full-width or
the seeds' ASCII brackets:
  一、            chapter          (一) （一）   section
  1. 1、 1．      item             (1) （1）     sub-item
  第N条 / 第N條   article          任务之一 / 任务一 / 第一部分 / 第一章   heading
The article level is the finest level the document numbers its provisions at:
第N条 if present, else items, else sections; a text numbered only by headings
(乌鲁木齐's 任务之一…) has one article per paragraph under the headings. The
contract numbers articles as printed when the numbering runs 1..N through the
whole text (items 1–27, (一)–(三十三) as 1–33) and in order of print otherwise.

Every span is a pair of character offsets into the text (``text[a:b]`` is the
passage verbatim); ``byte_span`` gives the UTF-8 byte offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN = "零〇一二三四五六七八九十百兩两"
_LEAD = r"^[ \t\u3000\u00a0]*"
MARKERS = (   # (level, pattern); the number is group 1
    ("article", re.compile(_LEAD + rf"第([{CN}\d]+)[条條](?![件款例])")),
    ("chapter", re.compile(_LEAD + rf"([{CN}]+)[、,，.．](?!\d)")),
    ("section", re.compile(_LEAD + rf"[(（]([{CN}]+)[)）]")),
    ("item", re.compile(_LEAD + r"(\d{1,3})(?:[.．、](?!\d)|[)）])")),
    ("sub", re.compile(_LEAD + r"[(（](\d{1,3})[)）]")),
    ("heading", re.compile(_LEAD + rf"(?:任[务務]之?|第)([{CN}\d]+)(?:部分|章|篇|编|編)?[ \t\u3000]*$")),
    ("heading", re.compile(_LEAD + rf"第([{CN}\d]+)(?:部分|章|篇)")),
)
RANK = {"heading": 0, "chapter": 0, "section": 1, "article": 2, "item": 2, "sub": 3}
# The closing bracket that names who is responsible (the article's last parenthesis).
RESPONSIBILITY_WORDS = ("按职责分工负责", "按職責分工負責", "牵头单位", "牽頭單位", "配合单位", "配合單位",
                        "责任单位", "責任單位", "负责", "負責")
SENTENCE_END = "。；;！？!?"


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十五 -> 25, 一百零三 -> 103, '27' -> 27."""
    if s.isdigit():
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
class Paragraph:
    start: int
    end: int              # exclusive, before the newline
    level: str | None     # marker level, None for plain text
    number: int | None
    marker_end: int       # where the text after the marker starts


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Article:
    number: int               # the contract's number
    printed: str              # the document's own marker (第7条, (二十二), 任务之三 ¶2)
    start: int
    end: int                  # the whole article, bracket included
    body_end: int             # the end of the text before the responsibility bracket
    title: str | None         # the short lead sentence (“健全农民工返乡创业服务体系”), if any
    bracket: tuple[int, int] | None   # the responsibility bracket's inside
    inherited_bracket: bool = False   # the bracket is the enclosing section's
    sentences: list = field(default_factory=list)
    heading: str | None = None        # the enclosing headings, for the reviewer


@dataclass
class Segmentation:
    text: str
    style: str                 # article | item | section | paragraph
    numbering: str             # printed (1..N as printed) | ordinal (in order of print)
    articles: list

    def article(self, number: int) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


def paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        level, number, marker_end = None, None, start
        for lvl, pattern in MARKERS:
            m = pattern.match(line)
            if m:
                n = cn_number(m.group(1))
                if n is None:
                    continue
                level, number, marker_end = lvl, n, start + m.end()
                break
        out.append(Paragraph(start, end, level, number, marker_end))
    return out


def _article_level(paras: list[Paragraph]) -> str:
    counts = {}
    for p in paras:
        counts[p.level] = counts.get(p.level, 0) + 1
    for level in ("article", "item", "section"):
        if counts.get(level, 0) >= 2:
            return level
    return "paragraph"


def _bracket(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the paragraph's closing parenthesis when it names who is responsible."""
    j = end
    while j > start and text[j - 1] in " \t\u3000。.;；":
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
        if ch in "“(（《「":
            depth += 1
        elif ch in "”)）》」":
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            found.append(i)
    return found


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end], each ending at 。；！？ (kept); quotes and brackets are not split."""
    out, a = [], start
    for i in marks_outside_brackets(text, start, end, SENTENCE_END):
        out.append(Sentence(a, i + 1))
        a = i + 1
    if text[a:end].strip():
        out.append(Sentence(a, end))
    return [_trim(text, s) for s in out if text[s.start:s.end].strip(" \t\u3000。；;")]


def _trim(text: str, s: Sentence) -> Sentence:
    a, b = s.start, s.end
    while a < b and text[a] in " \t\u3000":
        a += 1
    while b > a and text[b - 1] in " \t\u3000":
        b -= 1
    return Sentence(a, b)


def _title(text: str, first: Sentence | None) -> str | None:
    if first is None:
        return None
    t = text[first.start:first.end].rstrip("。；;")
    return t if len(t) <= 30 and text[first.end - 1] == "。" else None


def segment(text: str) -> Segmentation:
    paras = paragraphs(text)
    level = _article_level(paras)
    if level == "paragraph":
        return _by_paragraph(text, paras)
    rank = RANK[level]
    found, section_bracket, heads = [], None, {}
    for i, p in enumerate(paras):
        if p.level is not None and RANK[p.level] < rank:
            heads = {k: v for k, v in heads.items() if k < RANK[p.level]}
            heads[RANK[p.level]] = text[p.start:p.end][:40].strip()
            section_bracket = _bracket(text, p.start, p.end)
            continue
        if p.level != level:
            continue
        end = p.end
        for q in paras[i + 1:]:   # sub-items and, for 第N条, continuation paragraphs belong to the article
            if q.level is not None and RANK[q.level] <= rank:
                break
            if q.level is None and level != "article":
                break
            end = q.end
        found.append((p, end, section_bracket, " / ".join(heads[k] for k in sorted(heads))))
    numbers = [p.number for p, *_ in found]
    printed_ok = numbers == list(range(1, len(numbers) + 1))
    articles = []
    for k, (p, end, inherited, heading) in enumerate(found, 1):
        articles.append(_article(text, p.start, p.marker_end, end, numbers[k - 1] if printed_ok else k,
                                 text[p.start:p.marker_end].strip(), inherited, heading))
    return Segmentation(text, level, "printed" if printed_ok else "ordinal", articles)


def _article(text, start, body_start, end, number, printed, inherited, heading) -> Article:
    bracket = _bracket(text, start, end)
    body_end = bracket[0] - 1 if bracket else end
    sents = sentences(text, body_start, body_end)
    art = Article(number=number, printed=printed, start=start, end=end, body_end=body_end,
                  title=_title(text, sents[0] if sents else None), bracket=bracket or inherited,
                  inherited_bracket=bracket is None and inherited is not None, sentences=sents,
                  heading=heading or None)
    return art


def _by_paragraph(text: str, paras: list[Paragraph]) -> Segmentation:
    """No numbered provisions: each sentence-bearing paragraph under a heading is an article."""
    articles, heading, seen_heading = [], None, False
    for p in paras:
        line = text[p.start:p.end]
        if p.level is not None:
            heading, seen_heading = line.strip()[:40], True
            continue
        if not seen_heading or "。" not in line:
            if seen_heading and "。" not in line:
                heading = f"{heading.split(' / ')[0]} / {line.strip()[:40]}" if heading else line.strip()[:40]
            continue
        n = len(articles) + 1
        articles.append(_article(text, p.start, p.start, p.end, n, f"{heading.split(' / ')[0]} ¶{n}",
                                 None, heading))
    return Segmentation(text, "paragraph", "ordinal", articles)
