"""The documents' words as people write them: in English (rules/english.yml, title words)
and in everyday Chinese (rules/everyday.yml, words of the measures' texts)."""
from __future__ import annotations

from .checks import Collector, is_text


def load_english(c: Collector) -> dict:
    """English phrase (lower case) -> a title word (a word no title holds matches nothing)."""
    return _load(c, "english.yml", "title_words", "English phrases", str.lower)


def load_everyday(c: Collector) -> dict:
    """Everyday phrase (网上卖) -> the word the measures' texts use for it (电商)."""
    return _load(c, "everyday.yml", "text_words", "everyday phrases", str)


def _load(c: Collector, name: str, key: str, what: str, norm) -> dict:
    path = c.root / name
    data = c.load(path) if path.is_file() else None
    if not data:
        return {}
    for other in set(data) - {key}:
        c.add(path, data.line_of(other), other, f"unknown top-level key ({key})")
    words = data.get(key) or {}
    out = {}
    for word, phrases in words.items():
        line = words.line_of(word) if hasattr(words, "line_of") else 0
        if not is_text(word) or not isinstance(phrases, list) or not all(is_text(p) for p in phrases):
            c.add(path, line, str(word), f"must map a word of the texts to a list of {what}")
        else:
            out.update({norm(p): word for p in phrases})
    return out
