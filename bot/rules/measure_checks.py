"""The checks of one measure that need more than its own fields: its conditions
against the fact registry, its audience, the functions that act, and the
neighbouring-group rule compiled once over all measures."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..script import to_simplified
from .checks import Collector, is_text
from .facts import FactRegistry, FactValue
from .model import FOUNDER, Source
from .yamlio import LineDict


def check_audience(c: Collector, path: Path, m: LineDict, mid: str, audiences: dict, conditions: dict):
    """`audience:` is one id or a list of ids; None when it is wrong (reported)."""
    raw = m.get("audience")
    line = m.line_of("audience")
    ids = [raw] if isinstance(raw, str) else raw
    if not isinstance(ids, list) or not ids or not all(is_text(a) for a in ids):
        c.add(path, line, mid, "`audience` must be an audience id or a list of them (facts.yml `audiences`)")
        return None
    bad = [a for a in ids if a not in audiences]
    for a in bad:
        c.add(path, line, mid, f"unknown audience `{a}`; allowed: {', '.join(audiences)}")
    if len(set(ids)) != len(ids):
        c.add(path, line, mid, "an audience is listed twice")
        bad.append("twice")
    if bad:
        return None
    # the conditions say whom the text means too, and must agree: a condition on
    # a fact that is an audience (tech_business) needs it; any other describes the person
    for fact, want in conditions.items():
        need = fact if fact in audiences else FOUNDER
        if want is not False and need not in ids:
            c.add(path, line, mid, f"the condition on `{fact}` says the text is for {need}: add it to the audience")
            return None
    return tuple(ids)


def check_condition(c, path, m: LineDict, mid: str, facts: FactRegistry, conditions) -> dict:
    compiled = {}
    if conditions is None:
        return compiled
    if not isinstance(conditions, LineDict):
        c.add(path, m.line_of("conditions"), mid, "`conditions` must be a mapping")
        return compiled
    allowed_facts = facts.conditions
    for fact, want in conditions.items():
        line = conditions.line_of(fact)
        if fact not in allowed_facts:
            hint = " (a place is implied by the document)" if fact == facts.place else ""
            c.add(path, line, mid, f"unknown fact `{fact}` in conditions{hint}; allowed: {', '.join(allowed_facts)}")
            continue
        spec = facts[fact]
        allowed = spec.values
        if spec.kind == "list":
            if not isinstance(want, list) or not want:
                c.add(path, line, mid, f"`{fact}` must be a non-empty list")
                continue
            bad = [v for v in want if v not in allowed]
            for v in bad:
                c.add(path, line, mid, f"unknown value `{v}` for {fact}; allowed: {', '.join(allowed)}")
            if not bad:
                compiled[fact] = frozenset(want)
        elif spec.kind == "bool":
            if not isinstance(want, bool):
                c.add(path, line, mid, f"`{fact}` must be true or false")
                continue
            compiled[fact] = want
        else:
            if want not in allowed:
                c.add(path, line, mid, f"unknown value `{want}` for {fact}; allowed: {', '.join(allowed)}")
                continue
            compiled[fact] = want
    return compiled



BY_FUNCTION = "按职责分工"   # a bracket that lists offices without saying who acts (吉林, 图们)


def check_functions(c: Collector, path: Path, m: LineDict, mid: str, source: Source, functions: dict,
                     agencies: dict, lead: tuple, support: tuple, conditions: dict):
    """`lead_function` (a local bracket "按职责分工负责": the office whose function matches
    leads) and `functions` (a national text: the functions that act). Returns
    (lead_function, functions), None when wrong (reported)."""
    acting = m.get("functions")
    if source.responsibility == "functions":
        if "agencies" in m:
            c.add(path, m.line_of("agencies"), mid, f"{source.id} names functions, not offices: use `functions:`")
            return None
        if not isinstance(acting, list) or not acting or not all(f in functions for f in acting):
            c.add(path, m.line_of("functions") if "functions" in m else m.line, mid,
                  f"`functions` must list the acting functions (rules/functions.yml: {', '.join(functions)})")
            return None
        reason = m.get("lead_reason")
        if is_text(reason) and not any(w in reason for f in acting for w in functions[f].words):
            c.add(path, m.line_of("lead_reason"), mid,
                  "lead_reason must name one of the measure's functions (a word of rules/functions.yml `words`)")
            return None
    elif "functions" in m:
        c.add(path, m.line_of("functions"), mid, "`functions` are for texts that name functions "
              "(sources.yml `responsibility: functions`); name offices in `agencies`")
        return None
    chosen = m.get("lead_function")
    paragraph = to_simplified(source.paragraph_of(m.get("quote") or "")) if source.article_style != "law" else ""
    by_function = BY_FUNCTION in paragraph
    if chosen is not None:
        fn = functions.get(chosen)
        if fn is None:
            c.add(path, m.line_of("lead_function"), mid, f"unknown function `{chosen}` (rules/functions.yml)")
            return None
        if not by_function:
            c.add(path, m.line_of("lead_function"), mid,
                  f"`lead_function` is for brackets that say “{BY_FUNCTION}负责”; this article's does not")
            return None
        wrong = [a for a in lead if a in agencies and chosen not in agencies[a].functions]
        if not lead or wrong:
            c.add(path, m.line_of("lead_function"), mid,
                  f"the lead must be an office with the function `{chosen}` (agencies.yml `functions:`): "
                  + ", ".join(wrong or ["no lead"]))
            return None
    if by_function and lead:
        # the office whose function serves the measure's people leads (吉林 第13条: 妇联 for women)
        groups, gender = conditions.get("groups") or frozenset(), conditions.get("gender")
        matching = {f for a in lead + support if a in agencies for f in agencies[a].functions
                    if f in functions and (functions[f].serves_groups & groups
                                           or (gender and functions[f].serves_gender == gender))}
        if matching and chosen is None:
            c.add(path, m.line_of("agencies"), mid,
                  f"the bracket names an office whose function serves this measure's people ({', '.join(sorted(matching))}): "
                  "say which office acts with `lead_function:` (that one, or another by its duty)")
            return None
    return chosen, tuple(acting or ())


def group_word(fv: FactValue, quote: str) -> str | None:
    """The first of the group's words (label parts, then synonyms, in order) that
    the (Simplified) quote uses; words shorter than 3 characters (返乡, 农民) say
    too little about who is meant and are not quoted back."""
    return next((w for w in fv.words() if len(w) >= 3 and w in quote), None)


def with_neighbours(measures: list, facts: dict) -> list:
    """The neighbouring-group rule, compiled once: a measure whose text names
    some groups is `possible` for the groups next to them, unless the text
    rules them out (`strict_groups`) or the same article has a measure of its
    own for that neighbour (then the text does speak about it)."""
    fact = facts.neighboured
    if fact is None:
        return measures
    values = facts[fact].values
    per_article: dict = {}
    for m in measures:
        per_article.setdefault((m.doc, m.article), set()).update(m.conditions.get(fact, ()))
    out = []
    for m in measures:
        groups = m.conditions.get(fact)
        if not groups:
            out.append(m)
            continue
        quote = to_simplified(m.quote)
        words = tuple((g, group_word(values[g], quote)) for g in sorted(groups))
        near = frozenset()
        if not m.strict_groups and not m.all_groups:
            near = frozenset(n for g in groups for n in values[g].neighbours) - per_article[(m.doc, m.article)]
        out.append(replace(m, neighbour_groups=near, group_words=words))
    return out
