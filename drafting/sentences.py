"""Sentences and responsibility brackets within a span of the text: where a
sentence or a clause may end (outside quotes and brackets), and the closing
parenthesis that names who is responsible (（省人力资源社会保障厅等按职责分工负责）)."""
from __future__ import annotations

from dataclasses import dataclass

from .hierarchy import BLANK

# The closing bracket that names who is responsible.
RESPONSIBILITY_WORDS = ("按职责分工负责", "按職責分工負責", "牵头单位", "牽頭單位", "配合单位", "配合單位",
                        "责任单位", "責任單位", "负责", "負責")
SENTENCE_END = "。；;！？!?"


@dataclass
class Sentence:
    start: int
    end: int


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
    for a, b in line_spans(text, start, end):
        s = a
        for i in marks_outside_brackets(text, a, b, SENTENCE_END):
            out.append(Sentence(s, i + 1))
            s = i + 1
        if text[s:b].strip(BLANK):
            out.append(Sentence(s, b))
    return [t for t in (_trim(text, s) for s in out) if text[t.start:t.end].strip(BLANK + "。；;")]


def line_spans(text: str, start: int, end: int):
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
