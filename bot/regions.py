"""The gazetteer: resolves what a person calls their place to a chain of
administrative units, e.g. 圖們 -> [图们市, 延边朝鲜族自治州, 吉林省].

Lookup keys per place: its full name, the aliases listed in regions.yml and
the short form with the administrative suffix removed (图们市 -> 图们,
延边朝鲜族自治州 -> 延边). Input is converted to Simplified first, so
Traditional spellings need no entries of their own.

Ambiguity, resolved deliberately (documented in README):
1. A full official name beats an alias, an alias beats a derived short form
   (吉林市 -> the city; 吉林 -> see 2).
2. Among candidates of one kind, the higher level wins (吉林 -> 吉林省).
3. Among places of the same level, the nearest common ancestor is taken, so
   nothing more specific than the text supports is claimed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .script import to_simplified

LEVELS = ("province", "prefecture", "county")
_LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

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


@dataclass(eq=False)
class Place:
    name: str
    level: str
    parent: "Place | None" = None
    aliases: tuple = ()
    line: int = 0
    children: list = field(default_factory=list)

    @property
    def chain(self) -> list[str]:
        """This place and its ancestors, innermost first."""
        out, node = [], self
        while node is not None:
            out.append(node.name)
            node = node.parent
        return out

    def ancestors_and_self(self) -> list["Place"]:
        out, node = [], self
        while node is not None:
            out.append(node)
            node = node.parent
        return out


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


class Gazetteer:
    def __init__(self, roots: list[Place], everyday_words: frozenset = frozenset()):
        self.roots = roots
        # Short forms that are also ordinary words (资源县 -> 资源): found only when
        # they are the whole answer, never inside a sentence.
        self.everyday_words = everyday_words
        self.places: list[Place] = []
        self._keys: dict[str, list[tuple[int, Place]]] = {}
        for root in roots:
            self._index(root)
        self._max_key = max((len(k) for k in self._keys), default=1)

    def _index(self, place: Place) -> None:
        self.places.append(place)
        self._add(place.name, KIND_NAME, place)
        for alias in place.aliases:
            self._add(to_simplified(alias), KIND_ALIAS, place)
        short = short_form(place.name)
        if short:
            self._add(short, KIND_SHORT, place)
        for child in place.children:
            self._index(child)

    def _add(self, key: str, kind: int, place: Place) -> None:
        self._keys.setdefault(key, []).append((kind, place))

    def find(self, name: str) -> list[Place]:
        """Every place carrying exactly this full name (for cross-references)."""
        return [p for kind, p in self._keys.get(name, ()) if kind == KIND_NAME]

    def lookup(self, key: str) -> Place | None:
        """One key to one place, by the ambiguity rules in the module doc."""
        candidates = self._keys.get(key)
        if not candidates:
            return None
        best_kind = min(kind for kind, _ in candidates)
        places = [p for kind, p in candidates if kind == best_kind]
        top = min(_LEVEL_RANK[p.level] for p in places)
        places = [p for p in places if _LEVEL_RANK[p.level] == top]
        if len(places) == 1:
            return places[0]
        return _common_ancestor(places)

    @lru_cache(maxsize=8192)
    def resolve(self, text: str) -> Place | None:
        """Resolve free text naming a place (圖們, 广西柳州, 吉林省延边州图们市)."""
        text = re.sub(r"\s+", "", to_simplified(text or ""))
        if not text:
            return None
        exact = self.lookup(text)
        if exact is not None:
            return exact
        # Longest-match scan: the deepest place found wins, the others give context.
        found: list[Place] = []
        i = 0
        while i < len(text):
            for size in range(min(self._max_key, len(text) - i), 0, -1):
                key = text[i:i + size]
                place = None if key in self.everyday_words else self.lookup(key)
                if place is not None:
                    found.append(place)
                    i += size
                    break
            else:
                i += 1
        if not found:
            return None
        return max(found, key=lambda p: _LEVEL_RANK[p.level])

    def lookup_terms(self) -> list[str]:
        """Names to find places in free text (NLU lookup table, jieba dictionary):
        full names, aliases and short forms, minus one-character aliases and
        everyday words."""
        terms = {key for key in self._keys if len(key) >= 2 and key not in self.everyday_words}
        return sorted(terms, key=lambda t: (-len(t), t))


def _common_ancestor(places: list[Place]) -> Place | None:
    chains = [p.ancestors_and_self()[::-1] for p in places]
    common = None
    for level_nodes in zip(*chains):
        if all(node is level_nodes[0] for node in level_nodes):
            common = level_nodes[0]
        else:
            break
    return common
