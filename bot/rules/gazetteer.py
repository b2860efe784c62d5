"""The gazetteer: resolves what a person calls their place to a chain of
administrative units, e.g. 圖們 -> [图们市, 延边朝鲜族自治州, 吉林省].

Lookup keys per place: its full name, the aliases listed in regions.yml and
the short form with the administrative suffix removed (图们市 -> 图们,
延边朝鲜族自治州 -> 延边). Input is converted to Simplified first, so
Traditional spellings need no entries of their own.

Two kinds of places:
- hand-written (rules/regions.yml): every province and prefecture, and the
  counties of 吉林, 广西, 乌鲁木齐, the municipalities and the 省直辖 units;
- generated (rules/regions-counties.yml, from the division codes of a PyPI
  package, see scripts/gen_counties.py): every other county-level unit of
  China (昆山市, 义乌市, 顺德区 ...), `Place.generated` is True. All of them
  lie outside the documents' regions.

Ambiguity, resolved deliberately:
1. In a sentence, a name after a place already found is read inside the last
   such place that holds a unit of that name (江苏昆山, 北京朝阳,
   辽宁省沈阳市和平区, 河北省石家庄市桥西区). Otherwise:
2. A key of a hand-written place never goes to a generated one (铁东 stays
   四平's 铁东区, 和平区 stays 天津's).
3. A full official name beats an alias, an alias beats a derived short form
   (吉林市 -> the city; 吉林 -> see 4).
4. Among candidates of one kind, the higher level wins (吉林 -> 吉林省).
5. Among places of the same level, the nearest common ancestor is taken, so
   nothing more specific than the text supports is claimed (长安 -> 西安's
   and 石家庄's 长安区 -> nothing). An ambiguous name is not read as a shorter
   one either: 朝阳区 (北京 or 长春) is nothing, not 辽宁's 朝阳市.
Every place resolves from its `qualified_name` (吉林省延边朝鲜族自治州图们市).

False positives: many county short forms are ordinary words or fragments
(朝阳, 城关, 长安, 和平, 新城, 江南 ...). Hence:
- `everyday_words` (regions.yml): short forms that count only as the whole
  answer, never inside a sentence (资源 -> 资源县 only when that is all).
- `common_words` (regions-counties.yml): short forms of generated units that
  are ordinary words (公安, 合作, 比如): never a key; the full name (公安县) is.
- `vague` (regions.yml): vague place words (老家, 县城, 城区, 郊区, 京津冀 ...):
  never a key, even where a unit carries that name (阳泉's 城区), and one token
  in the scan (京津冀 names no 北京 through 京); see vague().
- A generated unit matches inside a sentence only by its full name of three
  or more characters (昆山市, 义乌市), or by its short form when the short form
  is the whole answer (昆山, 昆山的), follows a place cue (在/来自/老家/住/回/
  到/去/是: 我在昆山开厂), precedes 人/这边/那边/本地/一带/附近 (义乌人), or
  follows a place it lies in (江苏昆山, 苏州昆山). Not before 市/县/区:
  创新和区域 would name 新和县.
tests/bot/rules/test_places.py checks that no region-free sentence of data/nlu.yml or
tests/nlu_holdout.yml resolves to a generated place or gets a suggestion.

Near misses (suggest, bot/rules/near_misses.py) and vague places (vague): see those methods.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..script import to_simplified
from .near_misses import SUGGEST_MAX_PIECE, NearMisses
from .place_names import (COUNTRY, KIND_ALIAS, KIND_NAME, KIND_SHORT, LEVEL_RANK, Place, cued, inside, normalize, pick,
                          said_as_place, short_form, whole_answer)

__all__ = ["COUNTRY", "Gazetteer", "Place"]


# a river after a short name, as a landmark: 离图们江不远, 图们江对岸 (not 南宁江南区; 在图们江边 may be in 图们)
_RIVER = re.compile(r"[江河](?:不远|不到|对岸|对面|附近|一带|那边|这边)")


class Gazetteer(NearMisses):
    def __init__(self, roots: list[Place], everyday_words: frozenset = frozenset(), *,
                 vague_words=(), common_words: frozenset = frozenset(), country: Place | None = None):
        self.roots = roots
        # The country above the provinces: found by find() (a document's region), never
        # by resolve() (a person is somewhere in it, not "in the whole country").
        self.country = country
        # Short forms that are also ordinary words (资源县 -> 资源): found only when
        # they are the whole answer, never inside a sentence.
        self.everyday_words = frozenset(everyday_words)
        # Short forms of generated units that are ordinary words: never keys.
        self.common_words = frozenset(common_words)
        # Vague place words (老家, 县城): never keys; vague() finds them.
        self.vague_words = tuple(sorted(set(vague_words), key=lambda w: (-len(w), w)))
        self._vague_set = frozenset(self.vague_words)
        self._max_vague = max((len(w) for w in self.vague_words), default=0)
        self.covered: tuple = ()
        self.places: list[Place] = []
        self._keys: dict[str, list[tuple[int, Place]]] = {}
        self._countries: dict[str, Place] = {}     # 全国 and its aliases: find() only
        for root in roots:
            if root.level == "country":     # not in `places`: no chat resolves to it
                for key in (root.name, *root.aliases):
                    self._countries[to_simplified(key)] = root
                continue
            self._index(root)
        # Per key, the candidates that count: hand-written ones when there are any.
        self._strong: dict[str, list] = {}
        self._weak: dict[str, list] = {}
        for key, cands in self._keys.items():
            strong = [c for c in cands if not c[1].generated]
            if strong:
                self._strong[key] = strong
            else:
                self._weak[key] = cands
        self._max_key = max((len(k) for k in self._keys), default=1)
        # Per first character, the lengths of the keys and vague words starting with it,
        # longest first: the scan skips at once a character that starts nothing.
        starts: dict[str, set] = {}
        for word in (*self._keys, *self.vague_words):
            starts.setdefault(word[0], set()).add(len(word))
        self._starts = {c: tuple(sorted(n, reverse=True)) for c, n in starts.items()}
        self._key_lengths = tuple(sorted({len(k) for k in self._keys if 2 <= len(k) <= SUGGEST_MAX_PIECE}))
        self._pinyin_index = None   # built on the first suggest()
        self.abroad: tuple = ()
        self._abroad_set: frozenset = frozenset()
        self.abroad_english: tuple = ()
        self.english_names: dict = {}

    def _index(self, place: Place) -> None:
        self.places.append(place)
        self._add(place.name, KIND_NAME, place)
        for alias in place.aliases:
            self._add(to_simplified(alias), KIND_ALIAS, place)
        short = short_form(place.name)
        if short and not (place.generated and short in self.common_words):
            self._add(short, KIND_SHORT, place)
        for child in place.children:
            self._index(child)

    def _add(self, key: str, kind: int, place: Place) -> None:
        if key in self._vague_set:
            return
        self._keys.setdefault(key, []).append((kind, place))

    def set_abroad(self, chinese, english, english_names: dict) -> None:
        """Places outside China (rules/abroad.yml) and English names of places in China."""
        self.abroad = tuple(sorted(set(chinese), key=len, reverse=True))
        self._abroad_set = frozenset(self.abroad)
        starts = {c: set(n) for c, n in self._starts.items()}
        for word in self.abroad:
            starts.setdefault(word[0], set()).add(len(word))
        self._starts = {c: tuple(sorted(n, reverse=True)) for c, n in starts.items()}
        Gazetteer.resolve.cache_clear()
        self.abroad_english = tuple(sorted(set(english), key=len, reverse=True))
        self.english_names = dict(english_names)

    def set_covered(self, names) -> None:
        """The documents' regions (full names): suggest() prefers places inside them."""
        self.covered = tuple(p for n in names for p in self.find(n))
        Gazetteer.suggest.cache_clear()
        Gazetteer.vague.cache_clear()

    def is_covered(self, place: Place) -> bool:
        return any(a in self.covered for a in place.ancestors_and_self())

    def find(self, name: str) -> list[Place]:
        """Every place carrying exactly this full name (for cross-references);
        hand-written places only when there are any."""
        if self.country is not None and name in (self.country.name, *self.country.aliases):
            return [self.country]
        cands = self._strong.get(name) or self._weak.get(name) or ()
        return [p for kind, p in cands if kind == KIND_NAME]

    def lookup(self, key: str) -> Place | None:
        """One key to one place, by the ambiguity rules in the module doc."""
        cands = self._strong.get(key) or self._weak.get(key)
        return pick(cands) if cands else None

    @lru_cache(maxsize=8192)
    def resolve(self, text: str, simplified: bool = False) -> Place | None:
        """Resolve free text naming a place (圖們, 广西柳州, 吉林省延边州图们市, 我在昆山开厂)."""
        text = normalize(text, simplified)
        if not text:
            return None
        exact = self.lookup(text)
        if exact is not None:
            return exact
        core = whole_answer(text)
        if core != text and core:
            exact = self.lookup(core)
            if exact is not None:
                return exact
        # Longest-match scan: the deepest place found wins, the others give context.
        found: list[Place] = []
        i = 0
        while i < len(text):
            # a vague phrase is one token: 京津冀 names no 北京 (京), 江浙 no 浙江 (浙)
            lengths = self._starts.get(text[i])
            if lengths is None:
                i += 1
                continue
            vague = self._skip_at(text, i)
            for size in lengths:
                if size > len(text) - i:
                    continue
                if size == vague:
                    i += size
                    break
                key = text[i:i + size]
                if key in self.everyday_words and not said_as_place(text, i, size):
                    continue
                if self._landmark(key, text, i + size):
                    i += size    # the whole mountain name is one token (长白山: no 白山市)
                    break
                taken, place = self._match(key, text, i, found)
                if taken:   # an ambiguous name (朝阳区: 北京 or 长春) is no shorter one (朝阳)
                    if place is not None:
                        found.append(place)
                    i += size
                    break
            else:
                i += 1
        if not found:
            return None
        return max(found, key=lambda p: LEVEL_RANK[p.level])

    def _landmark(self, key: str, text: str, end: int) -> bool:
        """A short name that begins a mountain's or a river's (长白山, not 长白县; 离图们江不远,
        not 图们) names no place."""
        feature = text[end:end + 1] == "山" or _RIVER.match(text, end) is not None
        return feature and key in self._keys and key + text[end] not in self._keys \
            and all(p.name != key for _, p in self._keys.get(key, ()))

    def _skip_at(self, text: str, i: int) -> int:
        """Length of a vague word or a place abroad at text[i:] (one token: 东京 names no 北京
        through 京, 吉隆坡 no 吉林 through 吉), 0 when none."""
        for size in self._starts.get(text[i], ()):
            if size <= len(text) - i and (text[i:i + size] in self._vague_set or text[i:i + size] in self._abroad_set):
                return size
        return 0

    def _vague_at(self, text: str, i: int) -> int:
        """Length of the longest vague word at text[i:], 0 when none."""
        for size in self._starts.get(text[i], ()):
            if size <= min(self._max_vague, len(text) - i) and text[i:i + size] in self._vague_set:
                return size
        return 0

    def _match(self, key: str, text: str, i: int, found: list[Place]) -> tuple[bool, Place | None]:
        """Whether a key found at text[i:] counts as a name in this sentence, and
        the place it names (None when ambiguous)."""
        cands = self._keys.get(key)
        if not cands:
            return False, None
        within = inside(cands, found)
        if within:   # 辽宁省沈阳市和平区, 江苏昆山: the context decides first
            return True, pick(within)
        strong = self._strong.get(key)
        if strong:
            return True, pick(strong)
        weak = self._weak[key]
        if (len(key) >= 3 and any(kind == KIND_NAME for kind, _ in weak)) or cued(text, i, len(key)):
            return True, pick(weak)
        return False, None

    def lookup_terms(self) -> list[str]:
        """Names to find places in free text (NLU lookup table, jieba dictionary):
        full names, aliases and short forms of hand-written places, minus
        one-character aliases and everyday words. Generated counties are left out
        (thousands of names that would slow training; resolve() finds them)."""
        terms = {key for key in self._strong if len(key) >= 2 and key not in self.everyday_words}
        return sorted(terms, key=lambda t: (-len(t), t))

    # -- vague places ----------------------------------------------------------

    @lru_cache(maxsize=8192)
    def vague(self, text: str, simplified: bool = False) -> str | None:
        """The vague place word in a text that names no place (东北那边 -> 东北,
        老家在村里 -> 老家, 县城 -> 县城); None when the text resolves to a place or
        suggest() finds one (我老家在柳州, 我老家在柳洲), or holds no vague word.
        The words are the `vague` list of regions.yml, longest first."""
        norm = normalize(text, simplified)
        if not norm or not self.vague_words:
            return None
        hit = None
        for i in range(len(norm)):
            size = self._vague_at(norm, i)
            if size:
                hit = norm[i:i + size]
                break
        if hit is None or self.resolve(norm, simplified=True) is not None \
                or self.suggest(norm, simplified=True) is not None:
            return None
        return hit
