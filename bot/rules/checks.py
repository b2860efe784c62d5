"""The loader's checking tools: the problems it reports (Problem, RulesInvalid), a
Collector of them that reads each YAML file once, and the checks every rules file shares."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .yamlio import LineDict, RulesSyntaxError, load_yaml


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



class Collector:
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
        return top(self, path, key, kind)


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


def top(c: Collector, path: Path, key: str, kind: type, data=None):
    data = c.load(path) if data is None else data
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get(key), kind):
        c.add(path, getattr(data, "line", 1), path.name, f"expected a top-level `{key}:` {kind.__name__}")
        return None
    return data[key]


def entries(c: Collector, path: Path, name: str, allowed: set):
    """Each mapping in the top-level list `name`, with its id; reports non-mappings and unknown keys."""
    items = top(c, path, name, list) or []
    for item in items:
        if not isinstance(item, LineDict):
            c.add(path, getattr(items, "line", 0), name, f"each entry of `{name}` must be a mapping")
            continue
        ident = str(item.get("id", "?"))
        for key in sorted(set(item) - allowed):
            c.add(path, item.line_of(key), ident, f"unknown key `{key}` (allowed: {', '.join(sorted(allowed))})")
        yield item, ident


def require_text(c: Collector, path: Path, item: LineDict, ident: str, keys) -> list:
    """Report and return the keys that are missing or not text."""
    missing = [k for k in keys if not is_text(item.get(k))]
    for key in missing:
        c.add(path, item.line_of(key), ident, f"`{key}` is required and must be text")
    return missing
