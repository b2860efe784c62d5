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
tests/test_places.py checks that no region-free sentence of data/nlu.yml or
tests/nlu_holdout.yml resolves to a generated place or gets a suggestion.

Near misses (suggest) and vague places (vague): see those methods.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..script import to_simplified

LEVELS = ("province", "prefecture", "county")
COUNTRY = "country"   # the one node above the provinces (regions.yml `country:`): never resolved to
_LEVEL_RANK = {COUNTRY: -1, **{name: i for i, name in enumerate(LEVELS)}}

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
PLACE_CUES_BEFORE = ("在", "来自", "老家", "家乡", "住", "回", "到", "去", "是")
PLACE_CUES_AFTER = ("人", "这边", "那边", "这里", "那里", "这儿", "那儿", "本地", "当地", "一带", "附近")
# Stripped from both ends before a text is taken as a whole answer (昆山。 / 昆山的).
_PUNCT = " \t\r\n，。！？、；：,.!?;:~～…—-'\"“”‘’（）()《》【】[]"
_TRAILING = ("的", "吧", "啊", "呀", "哦", "呢", "啦", "哈", "嘛", "了", "哟", "喔")
SUGGEST_MAX_LEN = 20   # suggest() looks only at short messages
SUGGEST_MAX_PIECE = 8  # and at names of up to 8 characters in them


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
_KEEP_AS_WRITTEN = frozenset("乾")


def _normalize(text: str, simplified: bool = False) -> str:
    """Whitespace out and, unless the caller already did (`simplified`: the
    dialogue converts each message once), Traditional to Simplified."""
    raw = re.sub(r"\s+", "", text or "")
    if simplified:
        return raw
    simplified = to_simplified(raw)
    if len(simplified) == len(raw) and any(c in _KEEP_AS_WRITTEN for c in raw):
        simplified = "".join(r if r in _KEEP_AS_WRITTEN else s for r, s in zip(raw, simplified))
    return simplified


def _core(text: str) -> str:
    """The text as a whole answer: punctuation and final particles stripped (昆山的。 -> 昆山)."""
    core = text.strip(_PUNCT)
    changed = True
    while changed and core:
        changed = False
        for particle in _TRAILING:
            if core.endswith(particle) and len(core) > len(particle) + 1:
                core = core[: -len(particle)].strip(_PUNCT)
                changed = True
    return core


class Gazetteer:
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
        return _pick(cands) if cands else None

    @lru_cache(maxsize=8192)
    def resolve(self, text: str, simplified: bool = False) -> Place | None:
        """Resolve free text naming a place (圖們, 广西柳州, 吉林省延边州图们市, 我在昆山开厂)."""
        text = _normalize(text, simplified)
        if not text:
            return None
        exact = self.lookup(text)
        if exact is not None:
            return exact
        core = _core(text)
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
                if key in self.everyday_words:
                    continue
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
        return max(found, key=lambda p: _LEVEL_RANK[p.level])

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
        inside = _inside(cands, found)
        if inside:   # 辽宁省沈阳市和平区, 江苏昆山: the context decides first
            return True, _pick(inside)
        strong = self._strong.get(key)
        if strong:
            return True, _pick(strong)
        weak = self._weak[key]
        if (len(key) >= 3 and any(kind == KIND_NAME for kind, _ in weak)) or _cued(text, i, len(key)):
            return True, _pick(weak)
        return False, None

    def lookup_terms(self) -> list[str]:
        """Names to find places in free text (NLU lookup table, jieba dictionary):
        full names, aliases and short forms of hand-written places, minus
        one-character aliases and everyday words. Generated counties are left out
        (thousands of names that would slow training; resolve() finds them)."""
        terms = {key for key in self._strong if len(key) >= 2 and key not in self.everyday_words}
        return sorted(terms, key=lambda t: (-len(t), t))

    # -- near misses ---------------------------------------------------------

    @lru_cache(maxsize=8192)
    def suggest(self, text: str, simplified: bool = False) -> Place | None:
        """For a short text that does not resolve, the known place it most likely
        meant (柳洲 -> 柳州, 图门 -> 图们, 乌鲁木其 -> 乌鲁木齐, 南寕 -> 南宁,
        我在柳洲 -> 柳州), or None.

        A piece of the text of the same length as a key matches it when
        (a) their toneless pinyin is equal and at least half of the characters are
            equal, of two the first (柳洲 -> 柳州; not 晚安 -> 万安), or
        (b) the key has three or more characters, exactly one differs and at least
            two of its stem are equal (乌鲁木七 -> 乌鲁木齐; not 和各地区 -> 和田地区).
        Pinyin: each character's first reading (pypinyin), and a key's phrase reading.
        A differing suffix must be another suffix (柳洲市, 昆山县 -> 昆山市; not
        合作示 -> 合作市, 公安局 -> 公安县).
        A piece that is itself a key, an everyday, common or vague word is no near
        miss; a two-character piece counts only as the whole answer or under the
        place-cue rule of resolve() (我在柳洲, not 大力 -> 大理), and only for
        hand-written places. Generated units count under the same cue rule.
        Best: pinyin over one-character difference, then longer, then more equal
        characters; it must be one place (ties: the one inside the documents'
        regions, then a hand-written one), else None."""
        norm = _normalize(text, simplified)
        core = _core(norm)
        if not core or len(core) > SUGGEST_MAX_LEN or self.resolve(norm, simplified=True) is not None:
            return None
        by_pinyin, by_pattern = self._suggest_index()
        spoken = tuple(_char_readings(c)[0] for c in core)
        best: dict[tuple, set] = {}
        for i in range(len(core)):
            for size in self._key_lengths:
                if size > len(core) - i:
                    break
                piece = core[i:i + size]
                if (piece in self._keys or piece in self.everyday_words
                        or piece in self.common_words or piece in self._vague_set):
                    continue
                whole = size == len(core)
                if size == 2 and not (whole or _cued(core, i, size)):
                    continue   # two characters are a near miss only where a place is expected
                hits = {}
                for key in by_pinyin.get(spoken[i:i + size], ()):
                    same = sum(a == b for a, b in zip(piece, key))
                    if same * 2 >= size and (size > 2 or piece[0] == key[0]) and _suffix_kept(piece, key):
                        hits[key] = (2, size, same)
                if size >= 3:
                    for j in range(size):
                        for key in by_pattern.get(piece[:j] + "?" + piece[j + 1:], ()):
                            if _close_variant(piece, key, j):
                                hits.setdefault(key, (1, size, size - 1))
                for key, score in hits.items():
                    if not whole and short_form(key) in self.everyday_words:
                        continue   # 人力资源市场 is no 资源县: an everyday stem counts only as the whole answer
                    place = self._suggestion(key, core, i, size, whole)
                    if place is not None:
                        best.setdefault(score, set()).add(place)
        if not best:
            return None
        places = best[max(best)]
        for prefer in (self.is_covered, lambda p: not p.generated):
            if len(places) > 1:
                places = {p for p in places if prefer(p)} or places
        return next(iter(places)) if len(places) == 1 else None

    def _suggestion(self, key: str, core: str, i: int, size: int, whole: bool) -> Place | None:
        if key in self._strong:
            return _pick(self._strong[key])
        weak = self._weak.get(key)
        if not weak or size < 3:   # 城乡 is no near miss of 城厢(区)
            return None
        if whole or (len(key) >= 3 and any(kind == KIND_NAME for kind, _ in weak)) or _cued(core, i, size):
            return _pick(weak)
        return None

    def _suggest_index(self):
        if self._pinyin_index is None:
            by_pinyin: dict[tuple, list] = {}
            by_pattern: dict[str, list] = {}
            for key in self._keys:
                if len(key) < 2 or key in self.everyday_words or self.lookup(key) is None:
                    continue
                # each character's first reading, and for a key with a polyphone the
                # phrase reading too (长春 chang-chun); not every heteronym (pypinyin
                # lists fu for 怀: 孵化 would meet 怀化)
                first = tuple(_char_readings(c)[0] for c in key)
                readings = {first}
                phrase = _phrase_reading(key)
                if phrase:
                    readings.add(phrase)
                for combo in readings:
                    by_pinyin.setdefault(combo, []).append(key)
                if len(key) >= 3:
                    for j in range(len(key)):
                        by_pattern.setdefault(key[:j] + "?" + key[j + 1:], []).append(key)
            self._pinyin_index = (by_pinyin, by_pattern)
        return self._pinyin_index

    # -- vague places ----------------------------------------------------------

    @lru_cache(maxsize=8192)
    def vague(self, text: str, simplified: bool = False) -> str | None:
        """The vague place word in a text that names no place (东北那边 -> 东北,
        老家在村里 -> 老家, 县城 -> 县城); None when the text resolves to a place or
        suggest() finds one (我老家在柳州, 我老家在柳洲), or holds no vague word.
        The words are the `vague` list of regions.yml, longest first."""
        norm = _normalize(text, simplified)
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


_COUNTY_ITEM = re.compile(r"^(\d{6}) (\S+)$")


def graft_counties(roots: list[Place], data) -> tuple[frozenset, list[tuple[int, str, str]]]:
    """Hang the generated county-level units of regions-counties.yml (parsed YAML:
    `common_words` and `counties: {province: {prefecture: "code name, code name"}}`)
    under the hand-written prefectures. Returns the common words and the problems
    as (line, ident, message)."""
    problems = []
    if not isinstance(data, dict):
        return frozenset(), [(0, "regions-counties", "must be a mapping")]
    line_of = getattr(data, "line_of", lambda key: 0)
    for key in set(data) - {"common_words", "counties"}:
        problems.append((line_of(key), key, "unknown top-level key (common_words, counties)"))
    words = data.get("common_words") or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        problems.append((line_of("common_words"), "common_words", "must be a list of words"))
        words = []
    counties = data.get("counties") or {}
    if not isinstance(counties, dict):
        return frozenset(words), problems + [(line_of("counties"), "counties", "must be a mapping")]
    provinces = {p.name: p for p in roots}
    for pname, prefectures in counties.items():
        line = getattr(counties, "line_of", lambda key: 0)(pname)
        province = provinces.get(pname)
        if province is None or not isinstance(prefectures, dict):
            problems.append((line, str(pname), "not a province of regions.yml with a mapping of prefectures"))
            continue
        children = {c.name: c for c in province.children}
        for fname, units in prefectures.items():
            line = getattr(prefectures, "line_of", lambda key: 0)(fname)
            prefecture = children.get(fname)
            if prefecture is None or prefecture.level != "prefecture":
                problems.append((line, str(fname), f"not a prefecture of {pname} in regions.yml"))
                continue
            if prefecture.children:
                problems.append((line, str(fname), "has counties in regions.yml already (hand-written ones "
                                 "are authoritative): regenerate with scripts/gen_counties.py"))
                continue
            for item in str(units or "").split(","):
                m = _COUNTY_ITEM.match(item.strip())
                if not m:
                    problems.append((line, str(fname), f"`{item.strip()}` is not `adcode name`"))
                    continue
                code, name = m.groups()
                if any(c.name == name for c in prefecture.children):
                    problems.append((line, name, f"listed twice under {fname}"))
                    continue
                prefecture.children.append(Place(name=name, level="county", parent=prefecture,
                                                 line=line, generated=True, code=code))
    return frozenset(words), problems


def _inside(cands: list, found: list[Place]) -> list:
    """The candidates that lie inside the place found last that holds any of them
    (河北省石家庄市桥西区: inside 石家庄市, not just 河北省)."""
    for anchor in reversed(found):
        inside = [c for c in cands if _under(c[1], (anchor,))]
        if inside:
            return inside
    return []


def _pick(cands: list) -> Place | None:
    """Candidates (kind, place) of one key -> one place (module doc, rules 2-4)."""
    best_kind = min(kind for kind, _ in cands)
    places = [p for kind, p in cands if kind == best_kind]
    top = min(_LEVEL_RANK[p.level] for p in places)
    places = list(dict.fromkeys(p for p in places if _LEVEL_RANK[p.level] == top))
    if len(places) == 1:
        return places[0]
    return _common_ancestor(places)


def _under(place: Place, found) -> bool:
    """True when a place found earlier is a strict ancestor of this one."""
    node = place.parent
    while node is not None:
        if node in found:
            return True
        node = node.parent
    return False


_SUFFIX_CHARS = "省市县区州盟旗"


def _close_variant(piece: str, key: str, j: int) -> bool:
    """piece differs from key only at j: a near miss when at least two characters
    of the key's stem (its short form: 和田地区 -> 和田) are equal, and a differing
    suffix is another suffix (昆山县 for 昆山市; not 公安局 for 公安县, 和各地区 for 和田地区)."""
    stem = _stem_length(key)
    return _suffix_kept(piece, key) and sum(1 for k in range(stem) if k != j) >= 2


def _stem_length(key: str) -> int:
    short = short_form(key)
    return len(short) if short and key.startswith(short) else len(key)


def _suffix_kept(piece: str, key: str) -> bool:
    """Where piece and key differ in the key's suffix, the piece has a suffix too
    (柳洲市, 昆山县; not 合作示 for 合作市)."""
    return all(piece[k] == key[k] or piece[k] in _SUFFIX_CHARS for k in range(_stem_length(key), len(key)))


def _cued(text: str, i: int, size: int) -> bool:
    before, after = text[:i], text[i + size:]
    return (i == 0 and not after) or before.endswith(PLACE_CUES_BEFORE) or after.startswith(PLACE_CUES_AFTER)


@lru_cache(maxsize=None)
def _char_readings(char: str) -> tuple:
    """Toneless readings of one character, the most common first (pypinyin's table)."""
    from pypinyin.pinyin_dict import pinyin_dict
    readings = pinyin_dict.get(ord(char))
    if not readings:
        return (char,)
    return tuple(dict.fromkeys(_toneless(r) for r in readings.split(",")))


def _phrase_reading(key: str) -> tuple | None:
    """pypinyin's reading of a word it knows as a phrase (长春 chang-chun, 六安 lu-an)."""
    from pypinyin.phrases_dict import phrases_dict
    readings = phrases_dict.get(key)
    if not readings or len(readings) != len(key):
        return None
    return tuple(_toneless(r[0]) for r in readings)


_TONE_MARKS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")


def _toneless(reading: str) -> str:
    return reading.translate(_TONE_MARKS)


def _common_ancestor(places: list[Place]) -> Place | None:
    """The nearest place holding them all; None when only the country does (朝阳区)."""
    chains = [p.ancestors_and_self()[::-1] for p in places]
    common = None
    for level_nodes in zip(*chains):
        if all(node is level_nodes[0] for node in level_nodes):
            common = level_nodes[0]
        else:
            break
    return None if common is not None and common.level == COUNTRY else common
