"""Who answers for a measure: the document's responsibility brackets, or the
subject that acts; matched against rules/agencies.yml or proposed as new.

Brackets: 牵头单位:X;配合单位:Y (lead-named), X牵头，Y等按职责分工负责, X、Y按职责分工负责
or X、Y负责 (first-named is the lead — the document may say so itself:
列第一位者为牵头单位，下同). Words that name no unit are dropped: 等有关部门和单位,
各有关单位, 下同. A bracket writes a government level once (省发展改革委、人力资源
社会保障厅) and the names after it inherit it; a national document's units
(人力资源社会保障部, 财政部) take no prefix and keep their national names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.script import to_simplified

# Agency names start with the level of their government.
LEVEL_PREFIXES = ("自治区", "省", "州", "市", "县", "区")
_SPLIT = re.compile(r"[、,，;；]|等(?:有关)?(?:部门|单位)?(?:和|及|以及)|(?<=[局厅委办部会行府处社联])(?:和|及|以及)"
                    r"|(?<=[局厅委办部会行府处联])(?=(?:自治区|省|市|州|县)[^级场])")
_TAIL = re.compile(r"(?:等(?:有关|相关)?(?:部门|单位|部门和单位)?|按职责分工负责|按职责分工|牵头负责|分别负责|共同负责"
                   r"|负责|牵头|参与|配合)+$")
NOT_UNITS = re.compile(r"^(?:有关部门|有关单位|相关部门|相关单位|各有关部门|各有关单位|有关部门和单位|各相关部门|下同"
                       r"|各部门|各单位|成员单位|各成员单位|其他有关部门|部门|单位|部门和单位)$")
CONVENTION = re.compile(r"[。.;；，,]?\s*列第一位(?:者|的)?为牵头单位[，,]?\s*(?:下同)?")
NOT_PREFIXES = ("市场", "省级", "市级", "县级", "区域", "区块", "州级")
# Names that never take the bracket's level prefix (人民银行长春中心支行, 团省委, 各地区政府).
UNPREFIXED = ("人民银行", "团", "共青团", "各", "有关", "中国", "国家", "中央", "国务院", "全国")
NATIONAL = ("全国", "中华人民共和国", "中国")


@dataclass
class Bracket:
    lead: list          # (name as written, name with the inherited level prefix or None), Simplified
    support: list
    style: str          # lead-named (牵头单位 / X牵头) | first-named (按职责分工负责, 列第一位者为牵头单位)
    convention: str | None = None   # the document's own words on the lead (列第一位者为牵头单位，下同)


def parse_bracket(inside: str, *, national: bool = False) -> Bracket:
    s = to_simplified(inside).replace("：", ":").replace("；", ";")
    convention = None
    m = CONVENTION.search(s)
    if m:
        convention = m.group(0).strip("。.;；，, ")
        s = s[:m.start()] + s[m.end():]
    s = s.strip("。. ")
    if "牵头单位" in s:
        lead_part = s.split("牵头单位", 1)[1].lstrip(":").split("配合单位")[0]
        support_part = s.split("配合单位", 1)[1].lstrip(":") if "配合单位" in s else ""
        return Bracket(_names(lead_part, national), _names(support_part, national), "lead-named", convention)
    if "责任单位" in s:
        return Bracket(_names(s.split("责任单位", 1)[1].lstrip(":"), national), [], "lead-named", convention)
    m = re.match(r"^(.+?)牵头[，,、]?(.*)$", s)
    if m and m.group(1) and not m.group(1).endswith("分别"):
        return Bracket(_names(m.group(1), national), _names(m.group(2), national), "lead-named", convention)
    names = _names(s, national)
    if "牵头负责" in s and len(names) == 1:
        return Bracket(names, [], "lead-named", convention)
    return Bracket(names[:1], names[1:], "first-named", convention)


def _names(part: str, national: bool = False) -> list:
    out, prefix = [], None
    for raw in _SPLIT.split(part):
        name = _TAIL.sub("", raw.strip(" ;:。.")).strip()
        if not name or NOT_UNITS.match(name) or len(name) < 2:
            continue
        own = None if national else level_prefix(name)
        if own and prefix is None:
            prefix = own
        out.append((name, prefix if own is None else None))
    return [(n, None if p is None or n.startswith(UNPREFIXED) else p + n) for n, p in out]


def level_prefix(name: str) -> str | None:
    """省/市/自治区… when the name starts with its government's level (市场监管局 does not)."""
    if name.startswith(NOT_PREFIXES):
        return None
    return next((p for p in LEVEL_PREFIXES if name.startswith(p)), None)


def written_name(name: tuple, gazetteer=None) -> str:
    """The name to propose for a new agency: with the inherited level prefix,
    unless the name starts with a place (吉林银保监局)."""
    raw, prefixed = name
    if prefixed is None:
        return raw
    if gazetteer is not None and any(gazetteer.lookup(raw[:k]) for k in (2, 3)):
        return raw
    return prefixed


def match_agency(name: tuple, candidates: list):
    """The agency a name (as written, with the inherited prefix) is, by its name or full name."""
    for form in name:
        if not form:
            continue
        key = _plain(form)
        for a in candidates:
            if key in {_plain(a.name), _plain(a.full_name)}:
                return a
    return None


def _plain(name: str) -> str:
    return to_simplified(name).replace("“", "").replace("”", "").replace('"', "")


def agency_level(name: str, place) -> str:
    """The government level a unit belongs to, from its name and the document's place."""
    if name.startswith(("国务院", "国家", "中央", "全国", "中国", "中华人民共和国")) or name.endswith("部") \
            or place.level == "country" and not name.startswith(("县级", "地方", "市", "县", "乡镇", "安置地", "当地",
                                                                "街道", "各级")):
        return "country" if place.level == "country" else "province"
    if name.startswith(("省", "自治区")):
        return "province"
    if name.startswith(("县级以上", "地方", "县", "乡镇", "街道", "当地", "安置地", "各级")):
        return "county"
    return {"province": "province", "prefecture": "prefecture"}.get(place.level, "county")
