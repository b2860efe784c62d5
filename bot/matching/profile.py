"""A person's situation as facts (rules/facts.yml), and its one parser.

`parse_profile(data, kb)` is strict (the CLI: a bad key or value is an error
with a message for the person who typed it); `parse_profile(data, kb,
strict=False)` is tolerant (slots: what is not in the contract is dropped).
"""
from __future__ import annotations

from ..rules import KnowledgeBase


class ProfileError(ValueError):
    """Bad profile input; the message is one line meant for the person who typed it."""


class Profile:
    """Fact name -> value; None = not yet known. List facts hold a tuple in the
    order given (an empty tuple = none of them); bool facts True/False."""

    __slots__ = ("_values",)

    def __init__(self, values: dict | None = None, **facts):
        object.__setattr__(self, "_values", {**(values or {}), **facts})

    def get(self, fact: str):
        return self._values.get(fact)

    def known(self, fact: str) -> bool:
        return self._values.get(fact) is not None

    def __getattr__(self, fact: str):   # profile.region, profile.groups …
        if fact.startswith("_"):
            raise AttributeError(fact)
        return self._values.get(fact)

    def __setattr__(self, name, value):
        raise AttributeError("a Profile is immutable")

    def __eq__(self, other) -> bool:
        return isinstance(other, Profile) and self.as_dict() == other.as_dict()

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, v if not isinstance(v, list) else tuple(v)) for k, v in self.as_dict().items())))

    def as_dict(self) -> dict:
        return {k: v for k, v in self._values.items() if v is not None}

    def __repr__(self) -> str:
        return f"Profile({self.as_dict()!r})"


def parse_profile(data, kb: KnowledgeBase, strict: bool = True) -> Profile:
    facts = kb.facts
    if not isinstance(data, dict):
        if not strict:
            return Profile()
        raise ProfileError("the profile must be a JSON object, e.g. {\"groups\": [\"veteran\"], \"region\": \"柳州\"}")
    unknown = [k for k in data if k not in facts]
    if unknown and strict:
        raise ProfileError(f"unknown fact `{unknown[0]}`; known facts: {', '.join(facts)}")
    values = {}
    for name, spec in facts.items():
        if data.get(name) is not None:
            values[name] = _value(spec, data[name], strict)
    return Profile(values)


def _value(spec, raw, strict: bool):
    allowed = ", ".join(spec.values) if spec.kind != "bool" else "true, false"

    def bad(message: str):
        if strict:
            raise ProfileError(message)
        return None

    if spec.kind == "place":
        if not isinstance(raw, str):
            return bad(f"`{spec.name}` must be a place name, e.g. \"柳州\" or \"图们市\"")
        return raw.strip() or None
    if spec.kind == "list":
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            return bad(f"`{spec.name}` must be a list of values; allowed: {allowed}")
        for v in items:
            if v not in spec.values and strict:
                raise ProfileError(f"unknown value `{v}` for {spec.name}; allowed: {allowed}")
        return tuple(dict.fromkeys(v for v in items if v in spec.values))
    if spec.kind == "bool":
        value = spec.value(raw) if isinstance(raw, (bool, str)) else None
        return value if value is not None else bad(f"unknown value `{raw}` for {spec.name}; allowed: {allowed}")
    if raw in spec.values:
        return raw
    return bad(f"unknown value `{raw}` for {spec.name}; allowed: {allowed}")
