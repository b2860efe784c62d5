"""Who to go to, in words a person can use (rules/functions.yml, agencies.yml).

A local document names offices; a national text names functions
("县级以上地方人民政府退役军人工作主管部门"). `office_at` says a function at the
person's place: the exact office only where agencies.yml declares an office
with that function for that very place ("吉林省退役军人事务厅"), otherwise the
function at the place ("郑州市的退役军人工作主管部门（退役军人事务部门）"), and
never a phone number or an address (the rules hold none). `annotate_lead` adds,
after the lead in the details, why that office acts: the text's own words
(`lead_reason`), the function that matches under a bracket "按职责分工负责"
(`lead_function`), and for a function named at a place, the 12345 hotline to
find the office's window.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import texts

if TYPE_CHECKING:   # shown.py imports this module
    from .shown import Shown

LEAD_PREFIX = "牵头部门："


@dataclass(frozen=True)
class Office:
    text: str        # what the person is told
    exact: bool      # an office agencies.yml declares, not a function at a place


def place_label(place) -> str:
    """A place as a person reads it: a district with its city (郑州市金水区), else its name."""
    if place is None:
        return ""
    if place.level == "county" and place.name.endswith("区") and place.parent is not None \
            and place.parent.level != "country":
        return place.parent.name + place.name
    return place.name


def office_at(kb, function: str, place) -> Office:
    """The office of `function` for a person at `place` (a gazetteer Place, or None)."""
    fn = kb.functions[function]
    if place is not None:
        exact = [a for a in kb.agencies.values() if function in a.functions and a.region == place.name]
        if len(exact) == 1:
            return Office(exact[0].full_name, True)
    where = place_label(place) if place is not None and place.level != "country" else texts.LOCAL_PLACE
    if fn.at:
        text = fn.at.format(place=where)
    else:
        text = texts.FUNCTION_AT.format(where=where, name=fn.name) + (texts.PLAIN.format(plain=fn.plain) if fn.plain else "")
    return Office(text, False)


def offices(kb, functions, place) -> list[Office]:
    return [office_at(kb, f, place) for f in functions]


def lead_notes(m: Shown) -> str:
    """What follows the lead in the details: why it acts."""
    notes = ""
    if m.lead_reason:
        where = m.lead_reason_article
        notes += (texts.LEAD_REASON_ARTICLE.format(article=where, reason=m.lead_reason) if where
                  else texts.LEAD_REASON.format(reason=m.lead_reason))
    if m.lead_function:
        notes += texts.LEAD_BY_FUNCTION.format(duty=m.lead_function["duty"])
    return notes


def annotate_lead(lines: list[str], m: Shown) -> list[str]:
    """The details' lines with the reason after the lead and, when the office is a
    function at a place (no exact office in the rules), where to find its window."""
    notes = lead_notes(m)
    out = []
    for line in lines:
        if line.startswith(LEAD_PREFIX):
            line += notes
            out.append(line)
            if m.by_function and not m.office_exact:
                out.append(texts.OFFICE_BY_FUNCTION)
            continue
        out.append(line)
    return out
