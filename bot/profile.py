"""A person's situation as contract facts, parsed strictly from JSON-like data."""
from __future__ import annotations

from dataclasses import dataclass

from .kb import FACT_ORDER, KnowledgeBase


class ProfileError(ValueError):
    """Bad profile input; the message is one line meant for the person who typed it."""


@dataclass(frozen=True)
class Profile:
    region: str | None = None
    groups: frozenset | None = None     # None = not yet known; empty = none of the groups
    gender: str | None = None
    tech_business: bool | None = None
    needs: tuple = ()

    def known(self, fact: str) -> bool:
        return getattr(self, fact) is not None


def _values(kb: KnowledgeBase, fact: str) -> list[str]:
    return list(kb.facts[fact].values)


def parse_profile(data, kb: KnowledgeBase) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError("the profile must be a JSON object, e.g. {\"groups\": [\"veteran\"], \"region\": \"柳州\"}")
    unknown = [k for k in data if k not in FACT_ORDER]
    if unknown:
        raise ProfileError(f"unknown fact `{unknown[0]}`; known facts: {', '.join(FACT_ORDER)}")

    def as_list(fact):
        value = data.get(fact)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProfileError(f"`{fact}` must be a list of values; allowed: {', '.join(_values(kb, fact))}")
        for v in value:
            if v not in kb.facts[fact].values:
                raise ProfileError(f"unknown value `{v}` for {fact}; allowed: {', '.join(_values(kb, fact))}")
        return value

    groups = as_list("groups")
    needs = as_list("needs") or []
    gender = data.get("gender")
    if gender is not None and gender not in kb.facts["gender"].values:
        raise ProfileError(f"unknown value `{gender}` for gender; allowed: {', '.join(_values(kb, 'gender'))}")
    tech = data.get("tech_business")
    if isinstance(tech, str) and tech.lower() in ("true", "false"):
        tech = tech.lower() == "true"
    if tech is not None and not isinstance(tech, bool):
        raise ProfileError(f"unknown value `{tech}` for tech_business; allowed: true, false")
    region = data.get("region")
    if region is not None and not isinstance(region, str):
        raise ProfileError("`region` must be a place name, e.g. \"柳州\" or \"图们市\"")
    return Profile(
        region=region.strip() if isinstance(region, str) and region.strip() else None,
        groups=frozenset(groups) if groups is not None else None,
        gender=gender,
        tech_business=tech,
        needs=tuple(dict.fromkeys(needs)),
    )
