"""Near misses: the known place a short text most likely meant (柳洲 -> 柳州), by
pinyin or one differing character; a part of the Gazetteer (bot/rules/gazetteer.py),
which it reads through its keys."""
from __future__ import annotations

from functools import lru_cache

from .place_names import BELONGING, KIND_NAME, PUNCT, Place, cued, normalize, pick, short_form, whole_answer

SUGGEST_MAX_LEN = 20   # suggest() looks only at short messages
SUGGEST_MAX_PIECE = 8  # and at names of up to 8 characters in them


class NearMisses:
    """suggest() for the Gazetteer (its keys, strong and weak candidates, everyday,
    common and vague words, covered places)."""

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
        norm = normalize(text, simplified)
        core = whole_answer(norm)
        if not core or len(core) > SUGGEST_MAX_LEN or self.resolve(norm, simplified=True) is not None:
            return None
        by_pinyin, by_pattern = self._suggest_index()
        said = norm.strip(PUNCT)     # with the particles whole_answer() strips (浑春的)
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
                if size == 2 and not (whole or cued(core, i, size) or _expects_place(said, i, size)):
                    continue   # two characters are a near miss only where a place is expected
                near = _near_keys(piece, spoken[i:i + size], by_pinyin, by_pattern,
                                  cued_piece=size == 2 and _expects_place(said, i, size),
                                  sound_only=size == 2 and _moved_to(said, i))
                for key, score in near.items():
                    if not whole and short_form(key) in self.everyday_words:
                        continue   # 人力资源市场 is no 资源县: an everyday stem counts only as the whole answer
                    place = self._suggestion(key, core, i, size, whole)
                    if place is not None and score[2] == 0 and not self.is_covered(place):
                        continue   # a homophone with no character in common: only a place the documents cover
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
            return pick(self._strong[key])
        weak = self._weak.get(key)
        if not weak or size < 3:   # 城乡 is no near miss of 城厢(区)
            return None
        if whole or (len(key) >= 3 and any(kind == KIND_NAME for kind, _ in weak)) or cued(core, i, size):
            return pick(weak)
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
                if self.is_covered(self.lookup(key)):
                    readings |= _one_other_reading(first, key)   # 珲春 is hun-chun, pypinyin says hui
                for combo in readings:
                    by_pinyin.setdefault(combo, []).append(key)
                if len(key) >= 3:
                    for j in range(len(key)):
                        by_pattern.setdefault(key[:j] + "?" + key[j + 1:], []).append(key)
            self._pinyin_index = (by_pinyin, by_pattern)
        return self._pinyin_index


def _near_keys(piece: str, spoken: tuple, by_pinyin: dict, by_pattern: dict, cued_piece: bool = False,
               sound_only: bool = False) -> dict:
    """The keys a piece of text may mean, each with its score (pinyin 2 or one
    differing character 1, the length, the equal characters). Of two characters the
    first must be equal, unless a place is expected there (在溜州, not 晚安 -> 万安)."""
    size, hits = len(piece), {}
    for key in by_pinyin.get(spoken, ()):
        same = sum(a == b for a, b in zip(piece, key))
        # voice typing writes a place with other characters of the same sound (回土门 for 图们)
        if (same * 2 >= size or sound_only) and (size > 2 or piece[0] == key[0] or cued_piece) \
                and _suffix_kept(piece, key):
            hits[key] = (2, size, same)
    if size >= 3:
        for j in range(size):
            for key in by_pattern.get(piece[:j] + "?" + piece[j + 1:], ()):
                if _close_variant(piece, key, j):
                    hits.setdefault(key, (1, size, size - 1))
    return hits


_SUFFIX_CHARS = "省市县区州盟旗"
_MOVED_TO = ("在", "回", "到")      # 在溜州, 回土门: where a place must follow


def _moved_to(core: str, i: int) -> bool:
    """回土门, 在溜州: where a place must follow, a name of the same sound alone will do."""
    return core[i - 1:i] in _MOVED_TO or core[i - 1:i] == "是"


def _expects_place(core: str, i: int, size: int) -> bool:
    """在溜州, 回土门, 我是净西的 / 净西人, 浑春的 离俄罗斯老近了, 我浑春的, 我是浑春边境村里的:
    a place must stand here."""
    belongs = core[i + size:].startswith(BELONGING)
    return core[i - 1:i] in _MOVED_TO or belongs and (i == 0 or core[i - 1:i] in ("是", "我", "俺"))


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


@lru_cache(maxsize=None)
def _char_readings(char: str) -> tuple:
    """Toneless readings of one character, the most common first (pypinyin's table)."""
    from pypinyin.pinyin_dict import pinyin_dict
    readings = pinyin_dict.get(ord(char))
    if not readings:
        return (char,)
    return tuple(dict.fromkeys(_toneless(r) for r in readings.split(",")))


def _one_other_reading(first: tuple, key: str) -> set:
    """The readings of a key with one character read another way: for the documents'
    own places only, where a misheard name is most likely and few keys can collide."""
    return {first[:j] + (alt,) + first[j + 1:]
            for j, c in enumerate(key) for alt in _char_readings(c)[1:]}


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
