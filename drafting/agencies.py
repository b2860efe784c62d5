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
    names = []
    for raw in _SPLIT.split(part):
        name = _TAIL.sub("", raw.strip(" ;:。.")).strip()
        if not name or NOT_UNITS.match(name) or len(name) < 2:
            continue
        names.append(name)
    return _with_prefix(names, national)


def _with_prefix(names: list, national: bool = False) -> list:
    """(name, name with the level the list wrote once before it, or None): 省发展改革委、人力资源社会保障厅."""
    out, prefix = [], None
    for name in names:
        own = None if national else level_prefix(name)
        if own and prefix is None:
            levels = LEVEL_LIST.match(name)
            prefix = levels.group(0) if levels else own     # 市、区县（自治县）农业农村、商务…部门: every level
        out.append((name, prefix if own is None else None))
    return [(n, None if p is None or n.startswith(UNPREFIXED) else p + n) for n, p in out]


_LEVEL = r"(?:设区的市|自治区|区县|乡镇|街道|县级|省|市|区|县|州|乡|镇)(?:（[^）]{1,6}）|\([^)]{1,6}\))?"
# levels written once before a list of offices (市、区县（自治县）…)
LEVEL_LIST = re.compile(_LEVEL + r"(?:、" + _LEVEL + r")+")


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


# A subject that lists units: 科技、人力资源社会保障等部门以及共青团委员会 -> each unit acts.
_SUBJECT_JOIN = re.compile(r"以及|(?<=[部门局厅委办处会府团])(?:和|及|与|或者)(?!其)"
                           r"|(?<=机构|机关)(?:和|及|与|或者)(?=[^和及与]{2,30}(?:机构|机关|部门|政府)$)")   # (not 机构和个人)
_SHARED_HEAD = re.compile(r"(?:等)?(?:有关|相关)?(部门|行政管理部门|行政部门|主管部门)$")
_CATEGORY_TAIL = re.compile(r"等[^、]{0,12}$")       # …联合会等人民团体: the units listed, not their kind
UNIT_HEADS = ("部门", "部", "委", "局", "厅", "办", "署", "处", "府", "中心", "站", "会", "团", "机构", "机关", "单位",
              "银行", "组织", "协会")
_LEVEL = r"(?:省|市|区|县|州|乡|镇|乡镇|街道|自治区|设区的市|县级)"
_LEVELS = re.compile(rf"^{_LEVEL}(?:(?:和|及|与){_LEVEL}){{0,3}}$")      # (市和区、县民政部门: levels joined by 和 too)


OTHERS_TOO = re.compile(r"(?:和|及|以及|、)其他(?:有关|相关)?(?:部门|单位)$")


def subject_units(subject: str, national: bool = False) -> list[tuple]:
    """The units a subject names, each whole: a list sharing one head (教育、科技等部门 -> 教育部门,
    科技部门; 市发展改革、商务等部门 -> 市发展改革部门, 市商务部门), units of their own (工会、妇女联合会等
    人民团体 -> 工会, 妇女联合会), joined by 以及/和; levels stay with their unit (市、区人民政府);
    what names no unit (其他社会组织, 有关部门) is left out. As _names: (name, prefixed or None)."""
    s = to_simplified(subject)
    s = re.sub(r"及其(?:有关|相关|工作)?部门$", "", s)
    s = re.sub(r"^其[^，,。；;的]{1,8}的", "", s)     # 其居住地的街道办事处: the units of the people's place
    others = OTHERS_TOO.search(s)
    if others and others.start() >= 2:       # 卫生计生和其他有关部门: the unit named is 卫生计生部门; the others are none
        s = s[:others.start()] if s[:others.start()].endswith(UNIT_HEADS) else s[:others.start()] + "部门"
    out = []
    for chunk in _SUBJECT_JOIN.split(s):
        parts = [p.strip() for p in chunk.split("、") if p.strip()]
        merged = []
        for p in parts:                      # 市、区人民政府: a level alone joins the next part
            if merged and _LEVELS.match(merged[-1]):
                merged[-1] = merged[-1] + "、" + p
            else:
                merged.append(p)
        head = _SHARED_HEAD.search(merged[-1]) if merged else None
        if head and len(merged) > 1:
            last = merged[-1][:head.start()]
            merged = [p + head.group(1) for p in merged[:-1] + [last] if p]
        else:
            kind = next((i for i, p in enumerate(merged) if _CATEGORY_TAIL.search(p)), None)
            if kind is not None:         # …残疾人联合会等人民团体、群众团体: the kind after 等 is no unit
                merged = merged[:kind] + [_CATEGORY_TAIL.sub("", merged[kind])]
            if not all(p.endswith(UNIT_HEADS) for p in merged):
                merged = [chunk]         # 街道、社区、乡（镇）公共就业服务机构: places before one unit
        out += [p for p in merged if len(p) >= 2 and not NOT_UNITS.match(p) and not p.startswith("其他")]
    return _with_prefix(out, national) if len(out) > 1 else [(s if others else subject, None)]
