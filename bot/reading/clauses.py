"""A message split into clauses, each with its mood and its time.

A run-on message holds several clauses ("在广东打了十年工今年回桂平老家了想搞个养鸡场
有没有啥扶持的": past work / the move back / the plan / a question). They are split
on punctuation, on the spaces voice typing leaves between phrases, and before the
words that open a new clause (今年, 现在, 之前, 想, 有没有, 请问 …), then each is read:

mood    statement | question. Chinese marks a question structurally: a final
        吗/呢/吧/么, an A-not-A form (有没有, 是不是, 能不能, 能…不), a question word
        (啥, 什么, 怎么, 咋, 多少, 哪, 谁), a question mark. A group, place or need
        named inside a question is what the question is about, never a fact about
        the person.
time    past | origin | current | plan | None. A place in a clause about the past
        (之前在深圳上班, 在广东打了十年工) is where the person was, 老家 where they come
        from, 现在/回/回到 where they are, 想回…创业 where the business will be.
correction  the clause withdraws something said before (说错了, 不对, 搞错了, 其实).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

STATEMENT, QUESTION = "statement", "question"

# Where one clause ends: punctuation, a space between two non-Latin characters (a pause
# in voice typing; "OK. I am" keeps its spaces), and 但是/而是/可是/不过.
_BREAK = re.compile(r"[，,。；;！!？?\n、：:～~…]{1,20}|\.(?=\s|$)|(?<=[^\x00-\x7f])\s{1,20}|\s{1,20}(?=[^\x00-\x7f])")
# Words that open a new clause when nothing marks the boundary (longest first).
_OPENERS = ("请问", "想问一下", "想问问", "想问", "问一下", "我想问", "顺便问", "另外", "还有就是",
            "有没有", "有木有", "有啥", "有什么", "有哪些", "能不能", "可不可以", "是不是",
            "但是", "而是", "可是", "不过", "所以", "然后", "后来", "现在", "目前", "如今",
            "今年", "去年", "前年", "之前", "以前", "原来", "刚", "打算", "准备", "想要", "想",
            "咋整", "咋办", "怎么办", "怎么申请", "找谁", "那我", "那有", "那么", "那还", "那就")
_OPENER = re.compile("|".join(sorted(map(re.escape, _OPENERS), key=len, reverse=True)))
# An opener counts only where the clause before it holds at least this many characters
# (想 in 我想: the clause "我" would be nothing).
_MIN_HEAD = 2
# Not openers after these characters: 理想, 思想, 着想, 那 in 去那边 …
_NOT_AFTER = {"想": "理思着感梦构设回联畅不没也", "刚": "刚才", "现在": "口籍", "目前": "口籍"}   # 户口现在在延吉

# ---- mood -----------------------------------------------------------------------------------
_FINAL_PARTICLE = re.compile(r"(?:吗|嘛|么|呢|不|没|没有|吧|否|伐)[啊呀哈哦嘞噢]?\s{0,20}[？?]?$")
_A_NOT_A = re.compile(r"(?:找|去|在|办|申请|贷|开|报|交|选)[^，,。]{1,12}(?:还是|定系)|有没有|有木有|有冇|係唔係|可唔可以|得唔得|使唔使|是不是|是否|能不能|能否|可不可以|可以不|行不行|会不会|要不要|够不够|算不算|"
                      r"好不好|(?<!不)对不对|有没|符不符合|能.{0,6}不$|可.{0,4}不$|行不$|中不中|([\u4e00-\u9fff])唔\1|"
                      r"(?P<verb>[\u4e00-\u9fff])不(?P=verb)|[係系是]咪")     # 给不给, 係咪 (Cantonese: is it)
_QUESTION_WORD = re.compile(r"啥|什么|怎么|怎样|咋|(?<![这那])么样|多少|哪|谁|如何|为什么|边度|边个|咩|点样|(?<![一有差快早晚多少慢好重])点(?=申请|办|报名|领|攞|登记|注册)|几时|几多|(?<![十好这那没了里们跟和与有])几[个项条号万千岁年成趟次天回]|多大|多久|多长|"
                            r"好多(?:钱)?[嘛哦啊呀]?$")     # 贴息贴好多 (southwestern: how much)
# A question word that asks nothing: 没什么, 什么都行, 多少有点, 怎么都行, 想先学学咋经营 (what one wants to learn)
_NOT_A_QUESTION = re.compile(r"没(?:什么|啥)|不是(?:什么|啥)|(?:什么|啥)(?:都|也)|多少有|不管(?:什么|怎么|多少)|怎么都|(?:什么|啥)的$|"
                             r"(?:想|要|打算|准备)[^，,。？?]{0,3}学(?:学|一学|一下|下|习)?(?:咋|怎么|怎样|如何|点样)")
_QUESTION_MARK = re.compile(r"[？?]")
# 我姐是女的嘛, 俺是退伍的嘛: 是…的 with 嘛 asserts
_ASSERTED = re.compile(r"是[\u4e00-\u9fff]{1,8}的嘛[啊呀]?$")
# 那口子在部队呢, 正在装修呢: 呢 after 在 + what goes on tells, it does not ask
_ONGOING = re.compile(r"(?:^|[我俺他她子人还都])(?:正在|在)[\u4e00-\u9fff]{1,8}呢[啊呀]?$")
# 广西那边有个农民工创业园: what there is somewhere else is asked about (not 我在广西那边)
_OVER_THERE = re.compile(r"^(?![^，,。]{0,10}(?:我|俺)(?:在|住|回|去))[^，,。]{1,12}(?:那边|那儿|那里)有")
_HEARSAY = re.compile(r"\s{0,20}(?:我|俺)?(?:听说|听人说|听别人说|听朋友说|听人讲|听讲|据说|网上说|有人说|"
                      r"(?:姐|哥|妈|爸|弟|妹|朋友|同学|同事|邻居|亲戚|老乡|老公|老婆|媳妇|家里人|别人)(?:说|讲|告诉我)|"
                      r"my friends? (?:says?|said|told me)|i heard|someone (?:says|said|told me)|people say)", re.I)

# ---- time -----------------------------------------------------------------------------------
_PAST = re.compile(r"之前|以前|原来|过去|曾经|早年|早些年|前些年|前几年|那几年|那时|当年|当兵(?:的)?(?:那|时候)|上过|读过|待过|呆过|干过|工作过|打过工|"
                   r"退伍前|服役|当兵时|毕业于|出国前|交的|缴的|交过|缴过")
_AWAY = re.compile(r"打工|打[了咗].{0,4}工|务工|上班|工作|工地|工厂|厂里|进厂|读书|上学|留学|出差|旅游|念书|读大学|读研|"
                   r"(?:念|读|上)的(?:大学|书|研|大专)|"
                   r"干了.{0,4}年|待了.{0,4}年|呆了.{0,4}年|在外(?:地|面|头|边)|外出")
_CURRENT = re.compile(r"现在|目前|如今|(?:^|[\s我俺就])人在|住在|定居|现居|回到|回来|回了|刚回|回乡|今年回|已经回|搬到|搬来|"
                      r"回.{1,6}(?:老家|家乡|了|啦|来)|返.{1,8}(?:老家|屋企|家乡)|返嚟|返咗")   # 返: Cantonese 回
_PLAN = re.compile(r"(?:想|打算|准备|计划|要)(?:[^，,。\s]{0,4}?(?:回|去|到)|在)|(?:创业|开店|开厂|办厂|开公司|搞|做|干)|"
                   r"(?:办|开)(?:个|一个|家|一家|间)")      # 打算带项目回图们办个科技公司
# The business the person means to run (想开个网店, 搞直播带货的, 开饭店): the documents give
# measures by group, place and need, rarely by trade
BUSINESS = re.compile(r"(?:开|搞|做|干|办)(?:个|一个|家|一家|间|一间|点)?[\u4e00-\u9fff]{0,6}"
                      r"(?:店|厂|场|馆|铺|摊|公司|工作室|作坊|生意|买卖|养殖|种植|合作社)|"
                      r"网店|电商|直播|带货|淘宝|抖音|微商|摆摊|加工|养(?:羊|牛|猪|鸡|鸭|鹅|鱼|虾|蜂|兔)|种(?:菜|果|茶|药材|蘑菇|木耳)")   # 就是海鲜加工啦
_REGISTERED = re.compile(r"户口|户籍|籍贯")
_ORIGIN = re.compile(r"老家|家乡|户口在|户籍在|籍贯|出生在|(?<!回)家在|(?:是|系)[\u4e00-\u9fff]{1,6}人(?![员才士])")
# Someone else is the subject: what follows is about them (我老公是退伍的, 我合伙人是海归),
# unless the person counts themselves in (我和我老公都是退伍的). The words are facts.yml
# `about_others`; 他 in 其他 is no one.
def other_person(kb) -> re.Pattern:
    cache = kb.__dict__.setdefault("_terms_cache", {})
    if "__others__" not in cache:
        words = set(kb.facts.about_others)
        words |= {"俺" + w[1:] for w in words if w.startswith("我")}      # 俺弟, 俺妈: the same as 我弟, 我妈
        words |= {p + w for w in words for p in ("我", "俺") if len(w) == 2 and w[0] == w[1]}   # 我弟弟 whole, not 我弟
        words = sorted(words, key=len, reverse=True)
        cache["__others__"] = re.compile("|".join(("(?<!其)" if w in ("他", "她") else "") + re.escape(w)
                                                  for w in words) or "(?!)", re.I)
    return cache["__others__"]


WITH_ME = re.compile(r"(?:我们|咱们)(?![\u4e00-\u9fff]?有(?:个|一个)|的|那个|这个|班|学校|公司|村|厂)|都是|我和|我跟|和我|跟我|我也|"
                     r"(?<![他她])(?:和|跟|与|带着)(?:几个|两个)?(?:室友|朋友|同学|同事|老公|老婆|爱人|媳妇|对象|合伙人|兄弟|战友|家人|老乡)")
# Worked away, now back: a returning migrant worker (在广东打了十年工今年回桂平老家了)
WORKED_AWAY = re.compile(r"打工|务工|打过工|打[了咗].{0,4}工|上班|上过班|干活|工作|工地|工厂|厂里|进厂|干了.{0,4}年|"
                         r"(?:以前|之前|原来|早些年|前些年)在[^，,。\s]{2,8}(?:做|干|当)|"   # 以前在广州做厨师
                         r"在外(?:地|面|头|边)?[^，,。\s]{0,4}(?:干|做|跑|闯|混)|"          # 在外地干装修好些年
                         r"(?:干|做)[^，,。\s]{0,4}(?:好些|好几|十几|几|[一二三四五六七八九十两]{1,3}|\d{1,2})年")
CAME_BACK = re.compile(r"回来|回到|回乡|返乡|回老家|回家乡|回.{1,6}(?:老家|家乡|了|啦)|今年回|刚回|已经回|"
                       r"返.{1,8}(?:老家|屋企|家乡)|返嚟|返咗")
_ASKS_ABOUT = re.compile(r"有没有|有木有|有啥|有什么|有哪些|能不能|可不可以|是不是|有吗|有没")
_FIRST_PERSON = re.compile(r"我|俺|咱|本人|自己|家里")
_KIND_OF_BUSINESS = re.compile(r"\s{0,3}(?:是)?(?:科技|技术|创新|高新技术|高新)型?的\s{0,3}$")
_WISH = re.compile(r"(?<!不)(?:想|要|打算|准备|需要)")
_DOCUMENTS = re.compile(r"的(?:文件|政策|条例|规定)")
_CORRECTION = re.compile(r"(?:说|讲|打|搞|写|弄)错(?:了|咗)?|记错了?|不对不对|不对[，,\s]|更正|纠正一下|其实")


@dataclass
class Clause:
    text: str
    start: int
    end: int
    mood: str = STATEMENT
    time: str | None = None
    correction: bool = False

    @property
    def is_question(self) -> bool:
        return self.mood == QUESTION


def _spans(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _BREAK.finditer(text):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if last < len(text):
        spans.append((last, len(text)))
    out = []
    for start, end in spans:
        cut = start
        for m in _OPENER.finditer(text, start, end):
            word = m.group(0)
            before = text[m.start() - 1] if m.start() > 0 else ""
            if m.start() - cut < _MIN_HEAD or before in _NOT_AFTER.get(word, ""):
                continue
            out.append((cut, m.start()))
            cut = m.start()
        out.append((cut, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def mood_of(text: str, whole: str, end: int) -> str:
    """Question or statement; a question mark right after the clause counts too."""
    t = text.strip()
    after = whole[end:end + 2]
    if _QUESTION_MARK.search(t) or _QUESTION_MARK.match(after.strip()[:1] or " "):
        return QUESTION
    if _A_NOT_A.search(t) or _FINAL_PARTICLE.search(t) and not re.search(r"(?:不|没|没有)$", t.rstrip("？? ")) \
            and not _ONGOING.search(t) and not _ASSERTED.search(t):
        return QUESTION
    if re.search(r"(?:能|可以|行|中|够|算|有|是|要|给|让|会|好|得).{0,14}(?:不|没)$", t) \
            or len(t) >= 4 and re.search(r"(?<![也都还并就可我俺他她本点没])不$", t) \
            or len(t) >= 3 and re.search(r"(?:过期|到期|结束|截止|办好|批了|下来|到账)没$", t):
        return QUESTION          # 岁数大了还能贷不 / 办执照得交钱不 / 注册公司麻烦不 / 过期没
    if _QUESTION_WORD.search(t) and not _NOT_A_QUESTION.search(t):
        return QUESTION
    if re.match(r"(?:请问|想问一?下|问一?下)(?![，,\s]*$)", t) and not _FIRST_PERSON.search(t):
        return QUESTION          # 请问留学回来的在乌鲁木齐创业 (有什么支持): asked of no one in particular
    return STATEMENT


def time_of(text: str) -> str | None:
    if _REGISTERED.search(text):
        return "origin"     # 我户口现在在延吉: where the household is registered, not where they are
    if _CORRECTION.search(text) and _CURRENT.search(text):
        return "current"
    if _PLAN.search(text) and re.search(r"想|打算|准备|计划|要", text) and not _PAST.search(text):
        return "plan"
    if _CURRENT.search(text):
        return "current"
    if _PAST.search(text):
        return "past"
    if _ORIGIN.search(text):
        return "origin"
    if _AWAY.search(text):
        return "away"       # 在深圳上班: where they work now, maybe not where they start up
    return None


def split(text: str) -> list[Clause]:
    """The clauses of `text` (Simplified), in order, with offsets into `text`."""
    clauses = []
    for start, end in _spans(text):
        piece = text[start:end]
        clauses.append(Clause(piece, start, end, mood_of(piece, text, end), time_of(piece),
                              bool(_CORRECTION.search(piece))))
    # "那妇女创业有啥政策", "电商培训找谁", "择优资助 how much": a bare topic run into the
    # question after it is part of it (not "我是女的 有没有给女的", not "想贷款 有啥政策")
    for i, (prev, cur) in enumerate(zip(clauses, clauses[1:])):
        gap = text[prev.end:cur.start]
        if i and _KIND_OF_BUSINESS.match(prev.text) and _FIRST_PERSON.search(clauses[i - 1].text):
            continue        # 我们也想开个公司 科技型的 有研发补贴不: what kind theirs is, told
        # (留学回来的有啥说法: a 的-phrase names people whatever its time; 今年回遵义老家了 tells)
        if prev.mood == STATEMENT and (prev.time in (None, "plan") or prev.text.rstrip().endswith("的")) \
                and cur.is_question and not gap.strip() \
                and (not _FIRST_PERSON.search(prev.text) and not _WISH.search(prev.text)
                     and (_ASKS_ABOUT.match(cur.text) or len(prev.text.strip()) <= 8)
                     or _DOCUMENTS.search(prev.text)):     # 吉林省自己的文件里有没有…: the documents asked about
            prev.mood = QUESTION
    # 听说辽源有个袜业园 / my friend says Tumen has…: what someone said is asked about, not told
    for c in clauses:
        if _HEARSAY.match(c.text) or _OVER_THERE.search(c.text):
            c.mood = QUESTION
    # 可以登记个体户吗 还是要开公司: an alternative after a question is part of it
    for prev, cur in zip(clauses, clauses[1:]):
        if prev.is_question and re.match(r"\s*还是", cur.text):
            cur.mood = QUESTION
    # 不是X是Y / 不是X，是Y: the clause after a denial corrects it
    for prev, cur in zip(clauses, clauses[1:]):
        if re.match(r"\s*(?:不是|不在|没在)", prev.text) and re.match(r"\s*(?:是|在|而是)", cur.text):
            cur.correction = True
    return clauses


def stretch_before(text: str, pos: int) -> str:
    """The text from the last punctuation or pause before `pos` (openers do not cut it):
    whose sentence a mention is in (我表哥刚退伍)."""
    start = 0
    for m in _BREAK.finditer(text, 0, pos):
        start = m.end()
    return text[start:pos]


def clause_at(clauses: list[Clause], pos: int) -> Clause | None:
    for c in clauses:
        if c.start <= pos < c.end:
            return c
    return None
