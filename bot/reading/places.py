"""Where the person is, read clause by clause.

Each clause is resolved through the gazetteer (bot/rules/gazetteer.py). A place counts by
the time of its clause (bot/reading/clauses.py), best first:
  correction  不是X是Y / 说错了 … Y
  plan        想回柳州创业, 打算在南宁开店: where the business will be
  current     现在在南宁, 回桂平老家了, 人在延吉
  (unmarked)  我是柳州的, 在柳州
  away        在深圳上班 (where they work now; a plan or a home named elsewhere wins)
  origin      老家吉林市的
A place in a clause about the past (之前在深圳上班, 在广东打了十年工) is never where
the person is; a denied place (不是吉林市, 不在长春了) neither. Within one rank the
most specific place wins, then the last named.

Names that hold a place character but are no place (桂惠贷, 吉林银行, the agencies'
names) are blanked first: every “quoted” programme name of the measures and every
agency name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules import short_form
from .clauses import CAME_BACK, WITH_ME, Clause, other_person

_RANK = {"correction": 6, "plan": 5, "current": 4, None: 3, "away": 2, "origin": 1}
_LEVEL = {"province": 0, "prefecture": 1, "county": 2}
_DENIED = re.compile(r"^\s{0,20}(?:我|俺|人)?(?:已经|早就|早)?(?:不是|不在|没在|不住|没有在|不再|唔系|唔喺)")
# what people put before an answer: 呃，柳洲 / 请问昆山 / 就柳洲啊
_FILLERS = re.compile(r"^(?:(?:呃|嗯|额|哦|啊|唔|请问|那个|就是|就|哈哈|我想问一下|问一下|我说|是|在)[，,。\s]{0,20}){1,20}")
_TRAILING = re.compile(r"(?:啊|呀|的|吧|哦|呢|嘛|了|哈){1,20}[。！!？?]{0,20}$")


_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]{0,20}")


@dataclass
class PlaceReading:
    place: object = None            # Place the person is in (or names as theirs)
    name: str | None = None         # an unknown place name kept as said (火星市)
    denied: tuple = ()              # places the person says they are not in
    topic: object = None            # a place named only inside a question
    suggestion: object = None       # the place they probably meant (柳洲 -> 柳州)
    vague: str | None = None        # 东北, 老家 …
    abroad: str | None = None       # where the person is, outside China (东京, 温哥华)
    elsewhere: bool = False         # `place` is only where they work, study or come from
    of_another: bool = False        # a place named as someone else's (我表妹在图们)


def known_names(kb) -> re.Pattern | None:
    """Names that are no place although they hold one: programme names and agencies."""
    cache = kb.__dict__.setdefault("_known_names", {})
    if "re" not in cache:
        names = set()
        for m in kb.measures:
            for field in (m.title, m.summary, m.quote):
                names.update(re.findall(r"“([^”]{2,12})”", field or ""))
        for a in kb.agencies.values():
            names.update(n for n in (a.full_name, getattr(a, "name", None)) if n and len(n) >= 4)
        names = {n for n in names if kb.gazetteer.resolve(n, simplified=True) is not None}
        cache["re"] = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None
    return cache["re"]


_INSTITUTION = re.compile(r"(?:电子科技|科技|师范|理工|工业|农业|医科|财经|民族|职业技术|职业|工程|外国语|交通|中医药|艺术|体育)?"
                          r"(?:大学|学院)")


def institution_spans(kb, text: str) -> list[tuple[int, int]]:
    """A place that begins a school's name (湖南大学, 吉林师范大学, 桂林电子科技大学) is no
    place of the person."""
    out = []
    for m in _INSTITUTION.finditer(text):
        for size in (6, 5, 4, 3, 2):
            start = m.start() - size
            if start >= 0 and kb.gazetteer.lookup(text[start:m.start()]) is not None:
                out.append((start, m.end()))
                break
    return out


def abroad_spans(kb, text: str) -> list[tuple[int, int, str]]:
    """Where the text names a place outside China (东京, UK), longest names first."""
    gaz, found, low = kb.gazetteer, [], text.lower()
    for name in gaz.abroad:
        for m in re.finditer(re.escape(name), text):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), name))
    for name in gaz.abroad_english:
        for m in re.finditer(r"(?<![a-z])" + re.escape(name.lower()) + r"(?![a-z])", low):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), name))
    return found


def abroad_where(kb, text: str) -> list[tuple[int, int, str]]:
    """The places abroad the text may put the person in: not one they are near or trade
    with (离俄罗斯老近了, 对俄的小买卖, 出口到越南)."""
    return [(s, e, n) for s, e, n in abroad_spans(kb, text) if not _TOWARDS.search(text[max(0, s - 2):s])]


def english_place(kb, text: str):
    """A place in China named in English: its pinyin (Nanning, Liu Zhou) or a listed name (Urumqi)."""
    places = english_places(kb, text)
    return places[0] if places else None


def english_places(kb, text: str) -> list:
    """Every distinct place in China the text names in English, longest names first."""
    index = _pinyin_index(kb)
    words = _LATIN_WORDS.findall(text)
    out, used = [], set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            if used & set(range(i, i + size)):
                continue
            key = "".join(words[i:i + size]).lower().replace("'", "").replace("’", "").replace("-", "")
            name = index.get(key)
            place = kb.gazetteer.resolve(name, simplified=True) if name else None
            if place is not None:
                used |= set(range(i, i + size))
                if place not in out:
                    out.append(place)
    return out


def _pinyin_index(kb) -> dict:
    cache = kb.__dict__.setdefault("_pinyin_places", {})
    if not cache:
        from pypinyin import lazy_pinyin
        gaz = kb.gazetteer
        for place in gaz.places:
            if place.generated:
                continue
            for key in (place.name, short_form(place.name)):
                if key and len(key) >= 2 and gaz.lookup(key) is place:
                    cache.setdefault("".join(lazy_pinyin(key)).lower(), key)
        cache.update({k.lower().replace(" ", "").replace("'", ""): v for k, v in gaz.english_names.items()})
    return cache


def blank(text: str, spans) -> str:
    for start, end in spans:
        text = text[:start] + "□" * (end - start) + text[end:]   # no place character, no clause break
    return text


def read_place(kb, text: str, clauses: list[Clause], entities: list[dict], is_payload: bool) -> PlaceReading:
    gaz = kb.gazetteer
    out = PlaceReading()
    named = [str(e.get("value")).strip() for e in entities or []
             if e.get("entity") == kb.facts.entity_of(kb.facts.place) and e.get("value") is not None]
    if is_payload:
        places = [p for p in (gaz.resolve(n, simplified=True) for n in named) if p is not None]
        if places:   # the most specific of the places named (长春 + 二道区)
            out.place = max(places, key=lambda p: len(p.chain))
        return out
    found, topics, home_unnamed, withheld = _stated(kb, clauses, out)
    out.of_another = withheld
    if withheld and not found and not topics:
        return out      # two places, or someone else's: not taken back from the NLU's names
    stated = found
    home_named_back = home_unnamed and any(f[0] == _RANK["origin"] for f in found)
    if home_named_back:           # 老家北流的 打算回去: the home is named, and that is where they are
        home_unnamed = False
        found = [(_RANK["current"] if f[0] == _RANK["origin"] else f[0], *f[1:]) for f in found]
    if home_unnamed and found:   # 在深圳上班 想回老家创业: not 深圳, and the home is not named yet
        found = [f for f in found if f[0] > _RANK["away"]]
        if not found:
            _suggested(kb, clauses, out)     # 在长春念的大学 今年毕业回图门了: the home misspelt
            return out
    if found:
        best = max(found, key=lambda f: f[:3])[3]
        # 回乌鲁木齐了 家在沙依巴克区: a place named inside the one that counts makes it precise
        inside = [f for f in stated if best.name in f[3].chain and f[3] is not best]
        out.place = max(inside, key=lambda f: len(f[3].chain))[3] if inside else best
        out.elsewhere = max(f[0] for f in found) <= _RANK["away"] and not home_named_back
        return out
    abroad = [(i, c) for i, c in enumerate(clauses) for s, e, n in abroad_where(kb, c.text)]
    if abroad and not topics:
        here = [c for _, c in abroad if c.time not in ("past",) and not c.is_question]
        if here:
            out.abroad = abroad_spans(kb, here[-1].text)[0][2]
            return out
    english = _english_stated(kb, text, clauses) if _LATIN_WORDS.search(text) else None
    if english is not None:
        out.place = english
        return out
    if topics:
        out.topic = max(topics, key=lambda p: len(p.chain))
        return out
    if _suggested(kb, clauses, out):
        return out
    if any(c.time == "past" for c in clauses) or out.denied:
        return out        # only where they were, or are not: ask where they are now
    return _unnamed_place(kb, text, clauses, named, out)


def _suggested(kb, clauses: list[Clause], out: PlaceReading) -> bool:
    """In a long message, the place a clause of the person's own most likely meant (回图门了)."""
    if len(clauses) < 2 or out.denied:
        return False
    for c in reversed(clauses):
        if not c.is_question and c.time not in ("past", "away") and not other_person(kb).search(c.text):
            out.suggestion = kb.gazetteer.suggest(c.text, simplified=True)
            if out.suggestion is not None:
                return True
    return False


def _english_stated(kb, text: str, clauses: list[Clause]):
    """The one place an English message states (I am in Nanning); none when it names two
    (Yanji is next to Tumen) or only asks; a bare answer (Nanning?) is a place."""
    stated = _ENGLISH_SCHOOL.sub(" ", " ".join(c.text for c in clauses if not c.is_question))
    places = english_places(kb, stated)
    if not places and len(_LATIN_WORDS.findall(text)) <= 2:
        places = english_places(kb, text)
    if len(places) == 2 and places[0].name in places[1].chain or len(places) == 2 and places[1].name in places[0].chain:
        return max(places, key=lambda p: len(p.chain))     # Yanbian … Yanji: the one inside the other
    return places[0] if len(places) == 1 else None


# a place that names a school (Yanbian University) is not where the person is
_ENGLISH_SCHOOL = re.compile(r"\b[A-Z][a-z]{1,20}(?:\s[A-Z][a-z]{1,20})?\s(?:University|College|Institute|Normal University)\b")


def _stated(kb, clauses: list[Clause], out: PlaceReading) -> tuple:
    """The places the clauses state, as (rank, level, order, place); the places asked
    about; whether a home is spoken of but not named; whether a place named was withheld
    (two places as the person's, or someone else's). Denied places go to `out`."""
    found: list[tuple[int, int, int, object]] = []   # (rank, level, order, place)
    topics = []
    home_unnamed = withheld = False
    for i, c in enumerate(clauses):
        place = kb.gazetteer.resolve(c.text, simplified=True)
        if place is None:
            home_unnamed |= not c.is_question and bool(CAME_BACK.search(c.text) or re.search(r"回去|回家|回国", c.text))
            continue
        if _someone_elses(kb, c.text, place):
            withheld = True
            continue       # 我男朋友在图们: where someone else is
        if _DENIED.search(c.text):
            out.denied += (place,)
            continue
        if c.is_question and not c.correction or _OWN_OF_PLACE.search(c.text):    # 广西自己 (有没有…): asked about
            if _IDENTITY_AFTER.search(c.text):
                withheld = True           # 香港身份证可唔可以登记: an identity document, no place asked about
            else:
                topics.append(place)
            continue
        if _BOTH.search(c.text) and _another_place(kb, c.text, place):
            withheld = True     # 吉林广西两边都有生意: which one is theirs is asked
            continue
        rank = "correction" if c.correction else c.time
        if rank == "past":
            continue
        if rank == "current" and _came_from(c.text, place):
            rank = "away"       # 我从东莞打工回来咯 融水嘞: 东莞 is where they came back from
        found.append((_RANK[rank], _LEVEL.get(place.level, 0), i, place))
    return found, topics, home_unnamed, withheld


def _came_from(text: str, place) -> bool:
    """The place follows 从 in a clause of coming back (从东莞打工回来)."""
    keys = [k for k in {place.name, short_form(place.name)} if k and k in text]
    return any(text[max(0, text.find(k) - 1):text.find(k)] == "从" for k in keys) and CAME_BACK.search(text) is not None


_TOWARDS = re.compile(r"离|靠近|挨着|邻近|对|往|去|跟|和|与|到|卖到|出口")
_OWN_OF_PLACE = re.compile(r"^\s{0,20}[\u4e00-\u9fff]{2,12}自己\s{0,20}$")
_IDENTITY_AFTER = re.compile(r"(?:身份证|身份證|居民身份|永久居民|户口本|户籍|护照|回乡证|通行证|台胞证)")


def _someone_elses(kb, text: str, place) -> bool:
    """Whether the place is said of someone else: 我男朋友在图们, not 我在汪清带孩子 (the
    person is there, the other is named after the place)."""
    other = other_person(kb).search(text)
    if other is None or WITH_ME.search(text):
        return False
    keys = [k for k in {place.name, short_form(place.name)} if k and k in text]
    for k in keys:         # 凭祥嘅朋友都有份啊: the place names whose the other one is
        after = text.find(k) + len(k)
        if other_person(kb).match(text, after + len(_OF.match(text, after).group())):
            return True
    return not keys or other.start() < min(text.find(k) for k in keys)


_OF = re.compile(r"(?:那边|这边|那里|这里)?(?:的|嘅)?")


_BOTH = re.compile(r"两边|两地|两头|两个地方|都有")


def _another_place(kb, text: str, place) -> bool:
    """Whether `text` names a second place beside `place` (not one inside the other)."""
    rest = text
    for key in sorted({place.name, short_form(place.name)} - {""}, key=len, reverse=True):
        rest = rest.replace(key, "□" * len(key))
    other = kb.gazetteer.resolve(rest, simplified=True)
    return other is not None and other.name not in place.chain and place.name not in other.chain


def _unnamed_place(kb, text: str, clauses: list[Clause], named: list, out: PlaceReading) -> PlaceReading:
    """No clause states a place: the whole short answer, the NLU's names, a near miss,
    an unknown name that looks like a place, or a vague place word."""
    gaz = kb.gazetteer
    whole = text.strip()
    bare = _TRAILING.sub("", _FILLERS.sub("", whole)) if len(whole) <= 30 else None
    if bare and bare != whole:
        place = gaz.resolve(bare, simplified=True)
        if place is not None:
            out.place = place
            return out
    for name in named:
        place = gaz.resolve(name, simplified=True)
        if place is not None:
            out.place = place
            return out
    if bare is not None:
        for candidate in dict.fromkeys([whole, bare, *(c.text for c in clauses)]):
            if candidate and gaz.resolve(candidate, simplified=True) is None:
                out.suggestion = gaz.suggest(candidate, simplified=True)
                if out.suggestion is not None:
                    return out
    for name in named:
        if name.endswith(("省", "市", "县", "区", "州", "盟", "旗")) and len(name) >= 2:
            # an unknown place (火星市) still gets the "not covered" answer;
            # a word the NLU mistook for a place (新能源) is ignored
            out.name = name
            return out
    out.vague = gaz.vague(text, simplified=True)
    return out
