"""Which measure a message points at: by position in the list the person saw, by 这个/
那个 (the measure in focus), or by words of its title.

Positions index the list exactly as it was shown (the dialogue keeps it): 第2项, 第二个,
2号, 第一个, 最后一个, and a bare number as the whole message. Titles are matched by
the words a message shares with them, weighted by how rare each word is among the
candidates' titles (贴息那个, 巾帼, 桂惠贷, 女性平台那个): a word every title holds
(创业) decides nothing.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..matching.shown import Shown
from ..rules import chinese_int

_CN = {"一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_POSITION = re.compile(r"第\s{0,20}(\d{1,2}|[一二两三四五六七八九十]{1,3})\s{0,20}(项|个|条|号|种|点|类)?|"
                       r"(\d{1,2}|[一二两三四五六七八九十]{1,3})\s{0,20}(项|号)(?![码])|"
                       r"(头一个|头一条|第一个|最后一个|最后那个|最后一项|最后一条|上一个)")
_BARE = re.compile(r"^\s{0,20}(\d{1,2})\s{0,20}[.。、]?\s{0,20}$")
_DEMONSTRATIVE = re.compile(r"这个|那个|嗰个|嗰条|这条|那条|这项|那项|这一项|那一项|刚才那个|刚才说的|刚才的|上面那个|上面的|它|这种|那种")
_HAN = re.compile(r"[\u3400-\u9fff]")
# An office the person names as the one to go to (找残联还是找税务, 还是退役军人事务局): no title.
_OFFICE_NAMED = re.compile(r"(?:找|去|问|还是|或者|或)[\u4e00-\u9fff]{0,12}?(?:残联|妇联|团委|税务|人社|[局厅委办]|部门|政府|银行)"
                           r"(?=还是|或者|吗|嘛|么|呢|啊|吧|$|[，,。？?!！\s])|还是|找谁|找")
# Words that name no measure: how people ask, and what every title says.
_FILLER = re.compile(r"(?:县|市|乡|镇|区|省)(?:上|里)|^\s{0,20}那(?![个条项])|那个|这个|那条|这条|那项|这项|嗰个|嗰条|刚才|上面|详细|具体(?=有|说|讲|内容|乜|$)|说说|讲讲|介绍|一下|(?:怎么|咋)(?:说|写)的?|怎么|如何|申请|办理|乜嘢|咩|"
                     r"能贷|多少|找谁|在哪里|在哪儿|在哪|哪里|哪儿|哪个|报名|年龄|岁数|年纪|限制|手续|流程|门槛|资格|部门|负责|单位|机构|窗口|地址|联系|电话|原文|条件|符合|材料|需要|什么|啥|咋|怎样|还有|有效|"
                     r"玩意|东西|意思|政策|措施|扶持|优惠|支持|方面|相关|哪些|享受|时候|截止|到期|几时|"
                     r"我|吗|呢|啊|的|了|是|有|没|给|要|想|请问|问|办|能|可以|呀|吧|嘛|么")


@dataclass
class Refs:
    positions: list = field(default_factory=list)     # (number, word) as written; -1 = the last
    demonstrative: bool = False
    words: str = ""                                   # what is left to match titles against


def number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_CN.get(text[1:], 0) if len(text) > 1 else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN.get(tens, 1) * 10 + (_CN.get(ones, 0) if ones else 0)
    return _CN.get(text)


def read_refs(text: str, is_payload: bool = False) -> Refs:
    refs = Refs()
    if is_payload:
        return refs
    bare = _BARE.match(text)
    if bare:
        refs.positions.append((int(bare.group(1)), ""))
        return refs
    for m in _POSITION.finditer(text):
        if m.group(5):
            n = -1 if m.group(5).startswith(("最后", "上一")) else 1
            refs.positions.append((n, m.group(5)))
        else:
            digits = m.group(1) or m.group(3)
            n = number(digits)
            if n:
                refs.positions.append((n, m.group(2) or m.group(4) or ""))
    refs.demonstrative = bool(_DEMONSTRATIVE.search(text))
    rest = _OFFICE_NAMED.sub("", _POSITION.sub("", text))
    refs.words = "".join(_HAN.findall(_FILLER.sub("", rest)))
    return refs


def _grams(text: str) -> set:
    return {text[i:i + 2] for i in range(len(text) - 1)} | ({text} if len(text) == 1 else set())


def policy_words(kb, words: str) -> frozenset:
    """The two-character pieces of `words` that some measure's title or quote in the
    knowledge base holds: words of policy, even where the person's own measures lack them
    (休学 asked in a place whose documents never allow it)."""
    cache = kb.__dict__.setdefault("_terms_cache", {})
    if "__vocabulary__" not in cache:
        cache["__vocabulary__"] = frozenset().union(*(_grams(m.title + (m.quote or "")) for m in kb.measures))
    return cache["__vocabulary__"] & _grams(words)


def by_words(words: str, candidates: list[Shown], corpus: list[Shown] | None = None,
             min_score: float = 1.5, min_cover: float = 0.5, titles_only: bool = False,
             known: frozenset = frozenset()) -> list[Shown]:
    """The candidates whose titles (and, at half weight, summaries and quotes) best
    match `words`: two-character pieces, each weighted by its rarity among the titles
    of `corpus` (the candidates by default). A match must cover at least `min_cover`
    of the words' weight: a long message that shares 创业 with a title names nothing.
    With `titles_only`, words only a summary or quote holds name nothing (after an answer,
    有冇年龄限制 is about that measure, not one whose text says 限制). Pieces in `known`
    (the knowledge base's vocabulary) count in the weight though no candidate holds them:
    可以休学吗 names no measure where none speaks of 休学. Ties are all returned."""
    if len(words) < 2 or not candidates:
        return []
    grams = _grams(words)
    corpus = corpus or candidates
    titles = [_grams(m.title) for m in corpus]
    texts = [_grams((m.summary or "") + (m.quote or "")) for m in corpus]
    n = len(corpus)
    # a piece no title or text of the corpus holds (玩意 in 专区是啥玩意) is noise, not a clue
    held = {g for g in grams if any(g in t for t in titles) or any(g in t for t in texts)}
    missing = _missing_words(words, held, known)
    weight = {g: (math.log((n + 1) / (1 + sum(g in t for t in titles))) + 1) * (1 if g in held else 0.5)
              for g in grams if g in held or g in missing}
    total = sum(weight.values())
    if not total:
        return []
    scored = []
    for m in candidates:
        title = _grams(m.title)
        text = _grams((m.summary or "") + (m.quote or ""))
        score = sum(w * (1 if g in title else 0 if titles_only else 0.5 if g in text else 0)
                    for g, w in weight.items())
        scored.append((score, m))
    best = max(s for s, _ in scored)
    if best < min_score or best < min_cover * total:
        return []
    return [m for s, m in scored if s >= best - 1e-9]


def by_text(words: str, candidates: list[Shown], min_cover: float = 0.4, margin: float = 1.3) -> list[Shown]:
    """The measure whose whole text (title, summary, quote) speaks of what a question asks in
    everyday words (俺家承包地能抵押不 -> 承包土地经营权抵押贷款): two-character pieces
    weighted by their rarity among the candidates' texts. At least two pieces must match,
    covering `min_cover` of the weight the texts know of; the best and any within `margin`
    of it (the same offer in two documents), at most two, else none is meant."""
    grams = _grams(words)
    if len(words) < 3 or not candidates:
        return []
    bodies = [_grams(m.title + (m.summary or "") + (m.quote or "")) for m in candidates]
    n = len(bodies)
    weight = {}
    for g in grams:
        df = sum(g in b for b in bodies)
        if df:
            weight[g] = math.log((n + 1) / (df + 1)) + 0.1
    total = sum(weight.values())
    if not total:
        return []
    scored = sorted(((sum(w for g, w in weight.items() if g in b), sum(g in b for g in weight), m)
                     for b, m in zip(bodies, candidates)), key=lambda t: -t[0])
    best, hits, _ = scored[0]
    close = [m for score, _, m in scored if score * margin > best]   # the same offer in two documents
    if hits < 2 or best < min_cover * total or len(close) > 2:
        return []
    return close


def _missing_words(words: str, held: set, known: frozenset) -> set:
    """Pieces of policy vocabulary (`known`) that no candidate holds and that do not merely
    extend a piece one does (导师制 where the titles say 创业导师: 师制 is no new word)."""
    pieces = [words[i:i + 2] for i in range(len(words) - 1)]
    return {g for i, g in enumerate(pieces) if g in known and g not in held
            and not any(0 <= j < len(pieces) and pieces[j] in held for j in (i - 1, i + 1))}


def by_abbreviation(words: str, candidates: list[Shown]) -> list[Shown]:
    """Titles that spell a short form the person used, its characters in order and close
    together (公租房 in 大学毕业生公共租赁住房保障): tried when no title shares a word with
    the message."""
    if not 3 <= len(words) <= 8:
        return []
    out = []
    for m in candidates:
        title = m.title
        for size in range(len(words), 2, -1):
            if any(_spelled_close(words[i:i + size], title) for i in range(len(words) - size + 1)):
                out.append(m)
                break
    return out


def by_one_slip(words: str, candidates: list[Shown]) -> list[Shown]:
    """The titles that hold `words` but for one character typed wrong (桂慧贷 for 桂惠贷,
    巾国 for 巾帼 in 巾国行动): at most two, else none is meant."""
    if not 3 <= len(words) <= 8:
        return []
    n = len(words)
    found = [m for m in candidates
             if any(sum(a != b for a, b in zip(words, m.title[i:i + n])) == 1 for i in range(len(m.title) - n + 1))]
    return found if len(found) <= 2 else []


def _spelled_close(short: str, title: str) -> bool:
    """`short`'s characters in order in `title`, within twice its length."""
    for start in (i for i, c in enumerate(title) if c == short[0]):
        pos = start
        for c in short[1:]:
            pos = title.find(c, pos + 1)
            if pos < 0 or pos - start >= 2 * len(short):
                break
        else:
            return True
    return False


def title_spans(kb, text: str) -> list[tuple[int, int]]:
    """Where the text names a measure by its title or a programme's quoted name
    (女大学生创业创新大赛 毕业了还能报吗): the words of a group inside it name the measure."""
    cache = kb.__dict__.setdefault("_title_names", {})
    if "re" not in cache:
        names = {m.title for m in kb.measures if m.title and len(m.title) >= 6}
        for m in kb.measures:
            names.update(n for n in re.findall(r"“([^”]{5,16})”", m.title or "") if len(n) >= 5)
        cache["re"] = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None
    pattern = cache["re"]
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []
    return spans + [(m.start(), m.end()) for m in _PROGRAMME.finditer(text)]


# a contest's or a facility's name in the person's words (女大学生创业大赛, 高端人才签证便利):
# the words before it, with no verb or particle between, name it, not the person
_PROGRAMME = re.compile(r"[^\s，,。？?！!、是想要参加能去做开办搞在了的我你他她俺咱也还有没啥什么哪个这那些]{4,8}?(?:大赛|比赛|签证便利|居留便利|签证)")


_FIGURE = re.compile(r"百分之\s{0,2}([\d一二两三四五六七八九十百]{1,4})|(\d{1,3}(?:\.\d{1,2})?)\s{0,2}[%％]")


def figures(text: str) -> set:
    """The percentages a text names, as numbers (百分之5, 百分之五, 5%: 5)."""
    out = set()
    for m in _FIGURE.finditer(text or ""):
        spelled = m.group(1) or m.group(2)
        value = float(spelled) if re.fullmatch(r"[\d.]+", spelled) else chinese_int(spelled)
        if value is not None:
            out.add(float(value))
    return out


def by_figure(text: str, candidates: list[Shown]) -> list[Shown]:
    """那个百分之5是啥意思: the measures whose text names the percentage asked about."""
    asked = figures(text)
    return [m for m in candidates if asked & figures(f"{m.quote} {m.summary}")] if asked else []
