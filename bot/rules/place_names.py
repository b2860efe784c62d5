"""Place names: the administrative levels, a Place in the gazetteer's tree, the
short form of a name (图们市 -> 图们), a text normalised for lookup, and the rules
that pick one place among the candidates of a name (bot/rules/gazetteer.py's
module doc says which and why)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..script import to_simplified

LEVELS = ("province", "prefecture", "county")
COUNTRY = "country"   # the one node above the provinces (regions.yml `country:`): never resolved to
LEVEL_RANK = {COUNTRY: -1, **{name: i for i, name in enumerate(LEVELS)}}

# Ethnic names inside 自治区/州/县 names, stripped to get the everyday short form.
_ETHNIC = ("朝鲜族", "满族", "蒙古族", "蒙古", "回族", "壮族", "维吾尔", "哈萨克",
           "柯尔克孜", "瑶族", "苗族", "侗族", "仫佬族", "毛南族", "各族", "土家族",
           "藏族", "彝族", "白族", "傣族", "羌族", "布依族", "黎族", "锡伯", "达斡尔族",
           "鄂温克族", "鄂伦春", "哈尼族", "景颇族", "傈僳族", "怒族", "独龙族", "纳西族",
           "拉祜族", "佤族", "普米族", "水族", "仡佬族", "畲族", "土族", "撒拉族", "东乡族",
           "保安族", "裕固族", "塔吉克", "京族", "哈尼", "布朗族")
_ETHNIC_LONGEST_FIRST = sorted(_ETHNIC, key=len, reverse=True)
_AUTONOMOUS = re.compile(r"自治(区|州|县|旗)$")
_SUFFIXES = ("特别行政区", "地区", "林区", "新区", "省", "市", "县", "区", "盟", "旗")

KIND_NAME, KIND_ALIAS, KIND_SHORT = 0, 1, 2

# Where a generated unit's short form counts inside a sentence (module doc).
PLACE_CUES_BEFORE = ("在", "来自", "老家", "家乡", "住", "回", "到", "去", "是", "系", "喺")   # 系/喺: Cantonese 是/在
PLACE_CUES_AFTER = ("人", "这边", "那边", "这里", "那里", "这儿", "那儿", "本地", "当地", "一带", "附近")
# Stripped from both ends before a text is taken as a whole answer (昆山。 / 昆山的).
PUNCT = " \t\r\n，。！？、；：,.!?;:~～…—-'\"“”‘’（）()《》【】[]"
TRAILING = ("的", "吧", "啊", "呀", "哦", "呢", "啦", "哈", "嘛", "了", "哟", "喔")


@dataclass(eq=False)
class Place:
    name: str
    level: str
    parent: "Place | None" = None
    aliases: tuple = ()
    line: int = 0
    children: list = field(default_factory=list)
    generated: bool = False   # from regions-counties.yml (see module doc)
    code: str | None = None   # adcode, generated places only

    @property
    def chain(self) -> list[str]:
        """This place and its ancestors, innermost first, up to the province (the
        country is everyone's: only the country itself names it)."""
        out, node = [], self
        while node is not None and (node.level != COUNTRY or node is self):
            out.append(node.name)
            node = node.parent
        return out

    @property
    def qualified_name(self) -> str:
        """The names from the province down (吉林省延边朝鲜族自治州图们市): a text
        that resolve() maps back to exactly this place, where the bare name may be
        ambiguous (朝阳区, 桥西区)."""
        return "".join(reversed(self.chain))

    def ancestors_and_self(self) -> list["Place"]:
        out, node = [], self
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def __repr__(self) -> str:
        return f"Place({'/'.join(self.chain)})"


def short_form(name: str) -> str | None:
    """图们市 -> 图们, 延边朝鲜族自治州 -> 延边, 广西壮族自治区 -> 广西; None when nothing to strip."""
    stem = _AUTONOMOUS.sub("", name)
    if stem != name:
        stripped = True
        while stripped:  # 恩施土家族苗族自治州 carries two ethnic names
            stripped = False
            for ethnic in _ETHNIC_LONGEST_FIRST:
                if stem.endswith(ethnic) and len(stem) - len(ethnic) >= 2:
                    stem = stem[: -len(ethnic)]
                    stripped = True
                    break
    else:
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                stem = name[: -len(suffix)]
                break
    return stem if stem != name and len(stem) >= 2 else None


# Simplified characters that OpenCC's t2s converts all the same (乾 -> 干): kept
# where the person wrote them, or 乾安县 and 乾县 could not be found.
KEEP_AS_WRITTEN = frozenset("乾")


def normalize(text: str, simplified: bool = False) -> str:
    """Whitespace out and, unless the caller already did (`simplified`: the
    dialogue converts each message once), Traditional to Simplified."""
    raw = re.sub(r"\s+", "", text or "")
    if simplified:
        return raw
    simplified = to_simplified(raw)
    if len(simplified) == len(raw) and any(c in KEEP_AS_WRITTEN for c in raw):
        simplified = "".join(r if r in KEEP_AS_WRITTEN else s for r, s in zip(raw, simplified))
    return simplified


def whole_answer(text: str) -> str:
    """The text as a whole answer: punctuation and final particles stripped (昆山的。 -> 昆山)."""
    core = text.strip(PUNCT)
    changed = True
    while changed and core:
        changed = False
        for particle in TRAILING:
            if core.endswith(particle) and len(core) > len(particle) + 1:
                core = core[: -len(particle)].strip(PUNCT)
                changed = True
    return core


def cued(text: str, i: int, size: int) -> bool:
    before, after = text[:i], text[i + size:]
    return (i == 0 and not after) or before.endswith(PLACE_CUES_BEFORE) or after.startswith(PLACE_CUES_AFTER)



def said_as_place(text: str, i: int, size: int) -> bool:
    """An everyday word said where a place is (在大安 想养几头牛, 老家大同的, 我是大安农村的):
    在 or 老家 right before it and nothing of a longer word after it, or 我是 before it and
    a word of belonging after it; not a word of a side or a direction (在江南, 在河东:
    parts of the country as often as places)."""
    before, rest = text[:i], text[i + size:]
    where = before.endswith(_WHERE_BEFORE) and (not rest or rest[0] in " \t，,。！？!?" or rest.startswith(BELONGING))
    mine = before.endswith(("我是", "俺是", "我们是", "俺们是", "咱是")) and rest.startswith(BELONGING)
    return (where or mine) and not any(c in "东南西北中" for c in text[i:i + size])


_WHERE_BEFORE = ("在", "住在", "来自", "老家", "家在", "老家在")
# what follows a place one belongs to: 大安的, 大安人, 大安农村的, 浑春边境村里的
BELONGING = ("的", "人", "农村", "乡下", "村里", "边境", "这边", "那边", "那嘎达", "县城", "城里", "市里")


def inside(cands: list, found: list[Place]) -> list:
    """The candidates that lie inside the place found last that holds any of them
    (河北省石家庄市桥西区: inside 石家庄市, not just 河北省)."""
    for anchor in reversed(found):
        inside = [c for c in cands if under(c[1], (anchor,))]
        if inside:
            return inside
    return []


def pick(cands: list) -> Place | None:
    """Candidates (kind, place) of one key -> one place (module doc, rules 2-4)."""
    best_kind = min(kind for kind, _ in cands)
    places = [p for kind, p in cands if kind == best_kind]
    top = min(LEVEL_RANK[p.level] for p in places)
    places = list(dict.fromkeys(p for p in places if LEVEL_RANK[p.level] == top))
    if len(places) == 1:
        return places[0]
    return common_ancestor(places)


def under(place: Place, found) -> bool:
    """True when a place found earlier is a strict ancestor of this one."""
    node = place.parent
    while node is not None:
        if node in found:
            return True
        node = node.parent
    return False


def common_ancestor(places: list[Place]) -> Place | None:
    """The nearest place holding them all; None when only the country does (朝阳区)."""
    chains = [p.ancestors_and_self()[::-1] for p in places]
    common = None
    for level_nodes in zip(*chains):
        if all(node is level_nodes[0] for node in level_nodes):
            common = level_nodes[0]
        else:
            break
    return None if common is not None and common.level == COUNTRY else common
