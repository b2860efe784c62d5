"""People a document defines for itself (本条例所称抚恤优待对象包括：（一）军人；…（五）退役军人。 /
…的人员（以下统称受助人员）): such a term names the groups of its definition wherever the document uses it,
as a collective word of rules/collective-words.yml does. Only a term naming people that no group word
covers is read so; the reviewer is told the groups came from the document's own definition."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.script import to_simplified

from .phrases import PEOPLE_WORDS, PERSON_HEAD_ENDINGS, find_terms


class DefinedIn(tuple):
    """The groups a term has by the document's own definition (told apart from collective-words.yml's)."""


DEFINED = re.compile(r"所称([^，,。；;：:\n“”]{2,12}?)(?:包括|是指|指)[：:，,]?")
NAMED_AS = re.compile(r"[（(]以下(?:统称|简称)“?([^）)”\n]{2,12})”?[）)]")
NEXT_ARTICLE = re.compile(r"\n[ \t　]{0,4}第[一二三四五六七八九十百零〇]{1,6}条")
TERM_ENDINGS = PEOPLE_WORDS + PERSON_HEAD_ENDINGS + ("对象",)


def defined_people(text: str, vocab) -> dict:
    """term -> DefinedIn(groups) for every term naming people that the document defines by a list or a
    phrase naming groups."""
    out: dict = {}
    for m in DEFINED.finditer(text):
        end = NEXT_ARTICLE.search(text, m.end())
        stop = min(end.start() if end else len(text), m.end() + 600)
        if not m.group(0).rstrip("：:，,").endswith("包括"):
            stop = min(stop, _sentence_end(text, m.end()))
        _add(out, m.group(1), text[m.end():stop], vocab)
    for m in NAMED_AS.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。；;：:\n") + 1
        _add(out, m.group(1), text[start:m.start()], vocab)
    return out


def with_defined_people(vocab, text: str):
    """The vocabulary with the document's defined people added to its collective words."""
    found = defined_people(text, vocab)
    return replace(vocab, collective={**vocab.collective, **found}) if found else vocab


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(c, at) for c in "。\n") if i >= 0]
    return min(ends) if ends else len(text)


def _add(out: dict, term: str, definition: str, vocab) -> None:
    term = to_simplified(term).strip()
    if not term.endswith(TERM_ENDINGS) or find_terms(term, vocab.groups) or term in vocab.collective:
        return
    groups = [v for v, w, _ in find_terms(to_simplified(definition), vocab.groups) if not _qualified(w)]
    if groups:
        out[term] = DefinedIn(dict.fromkeys(groups))


def _qualified(word: str) -> bool:
    """A group word that qualifies another person noun (残疾军人: a soldier who is disabled): in a list of
    kinds, the item is that noun's kind, not every person of the qualifier's group."""
    return word.startswith("残疾") and len(word) > 3 and word[2:].endswith(PEOPLE_WORDS + ("军人",))
