"""rules/english.yml: the documents' title words as people write them in English."""
from __future__ import annotations

from .checks import Collector, is_text


def load_english(c: Collector) -> dict:
    """English phrase (lower case) -> a title word (a word no title holds matches nothing)."""
    path = c.root / "english.yml"
    data = c.load(path) if path.is_file() else None
    if not data:
        return {}
    for key in set(data) - {"title_words"}:
        c.add(path, data.line_of(key), key, "unknown top-level key (title_words)")
    words = data.get("title_words") or {}
    out = {}
    for chinese, english in words.items():
        line = words.line_of(chinese) if hasattr(words, "line_of") else 0
        if not is_text(chinese) or not isinstance(english, list) or not all(is_text(e) for e in english):
            c.add(path, line, str(chinese), "must map a title word to a list of English phrases")
        else:
            out.update({e.lower(): chinese for e in english})
    return out
