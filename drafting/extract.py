"""What a sentence says, under the closed vocabularies only.

Each finding carries the words that decided it, so a reviewer sees why. What
the vocabularies do not cover is never guessed into a measure: it becomes a
review item ("new group? 青年", "new agency? 市人社局", "place? 柳州市").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.script import to_simplified
from .vocab import LEVEL_PREFIXES, AgencyEntry, Vocabulary

# Words that make a sentence something a person or business can use: an offer
# to someone. Closed lists, written here once; the reasons quote them.
OFFER_WORDS = ("支持", "鼓励", "给予", "提供", "允许", "落实", "补贴", "补助", "奖补", "奖励", "贴息", "贷款",
               "担保", "减免", "免征", "免提交", "优惠", "扶持", "资助", "放宽", "简化", "便利", "开通", "纳入",
               "享受", "申请", "申报", "帮助", "吸引", "引导", "服务", "融资", "培训", "孵化", "导师", "办理",
               "加计扣除", "退税", "参加", "设立", "搭建", "开展", "举办", "推广", "开放", "保障")
# Weaker: a sentence with only these offers something unless it also speaks of the government's own work.
WEAK_OFFER_WORDS = ("培育", "建设", "完善", "办好", "推行", "用好", "发挥", "加大", "降低", "减轻", "推进", "建立",
                    "健全", "优化", "提升", "打造", "促进", "强化", "加快", "探索")
BENEFICIARY_WORDS = ("创业", "创新创业", "双创", "中小", "小微", "企业", "创业者", "创业人员", "创业团队", "创客", "个人", "人才", "人员", "劳动者", "市场主体",
                     "创新主体", "项目", "团队", "青年", "群众", "民众", "学生", "毕业生", "农民", "女性", "专家",
                     "主体", "投资者", "个体工商户")
# Words of a government's own work: an article with these and no offer to
# anyone is left out as government-internal.
INTERNAL_WORDS = ("统计", "考核", "督查", "督导", "督办", "联席会议", "组织领导", "统筹协调", "评估", "监测",
                  "绩效", "领导小组", "责任分工", "工作机制", "任务分解", "通报", "总结", "部署", "规划", "布局",
                  "体制机制", "改革", "宣传", "舆论", "攻关", "整合", "考评", "问责", "信用体系", "监管")
# Vocabulary words that name an institution (科研院所): in a policy text they
# name the institution, not a person in a group.
INSTITUTION_ENDINGS = ("院所", "院校", "机构", "高校", "单位")
# Nouns that name people; a phrase ending in one that no group word covers is a "new group?".
PERSON_SUFFIXES = ("人员", "人才", "青年", "群体", "学生", "毕业生", "居民", "妇女", "同胞", "士兵", "农民", "民众")
GENERIC_PEOPLE = ("人员", "人才", "群体", "学生")   # alone, they name nobody in particular
STOP_CHARS = set("的和与及等对为向在把将了、,，。；;：:“”\"()（）《》支持鼓励引导吸引推动加强各类一批更多")
# A 科技企业 that is an incubator or park is an operator, not a 科技型企业; a 科技企业家 is a person.
TECH_NOT_BUSINESS = ("孵化", "园", "服务", "家")
# A group word modifying a noun that names a pool or a body of people (专家库,
# 专家智库, 海外人才资源库, 港澳台及海外科技团体) names no beneficiary: the pool or the
# body is what the sentence is about. At most a coordinated word (及海外) and two
# characters of modifier (科技, 资源) may stand between; a preposition or motion
# verb (到, 在, 入 …) ends the noun phrase (吸引大学生到孵化机构 still names students),
# and a person noun between (高端人才专家库) leaves the people named (see names_a_person).
NOT_PERSON_HEAD = re.compile(r"(?:[及和与][^\W\d_到在向进赴来去为给参入]{1,3}?)?[^\W\d_到在向进赴来去为给参入]{0,2}?"
                             r"(?:团体|组织|机构|协会|商会|委员会|智库|库)")
# Person nouns a word may modify (青年科学家, 海外人才专家): the longer noun names the people.
PERSON_NOUNS = PERSON_SUFFIXES + ("科学家", "企业家", "才俊", "学者", "专家")
# 对吸纳高校毕业生参加就业见习的单位给予补贴: the group word names whom an employer
# takes on; the money goes to the employer (the noun after 的), not to the group.
HIRING_WORDS = ("吸纳", "招用", "招收", "聘用", "雇用", "录用")
EMPLOYER_AFTER = re.compile(r"^[^,，。；;：:]*?的(?:用人单位|单位|企业|机构|用人主体)")


def find_terms(text: str, vocab: dict) -> list[tuple[str, str, int]]:
    """(value, word, position) of the vocabulary's words in `text`, longest
    first, never two on the same characters (农民工 wins over 农民)."""
    hits = []
    for value, words in vocab.items():
        for w in words:
            start = text.find(w)
            while start >= 0:
                hits.append((len(w), start, value, w))
                start = text.find(w, start + 1)
    taken = [False] * len(text)
    out = []
    for size, start, value, word in sorted(hits, key=lambda h: (-h[0], h[1])):
        if any(taken[start:start + size]):
            continue
        for i in range(start, start + size):
            taken[i] = True
        out.append((value, word, start))
    return sorted(out, key=lambda h: h[2])


def words_in(text: str, words) -> list[str]:
    return [w for w in words if w in text]


@dataclass
class SentenceFacts:
    groups: dict = field(default_factory=dict)     # value -> the word the text uses
    gender: tuple | None = None                     # (value, word)
    tech: str | None = None                         # the word naming a 科技型企业
    category: tuple | None = None                   # (value, words)
    audiences: list = field(default_factory=list)   # [(value, word)], in order
    offers: list = field(default_factory=list)
    weak_offers: list = field(default_factory=list)
    beneficiaries: list = field(default_factory=list)
    internal: list = field(default_factory=list)
    review: list = field(default_factory=list)
    not_people: list = field(default_factory=list)  # group words naming a pool, a body or an employer's hires

    @property
    def is_measure(self) -> bool:
        """An offer to someone: a beneficiary (a group, a 科技型企业, an audience or a
        beneficiary word) and an offer: a need the facts name, an offer word to a
        group, or any offer word in a sentence that does not speak of the
        government's own work (统计, 考核 …)."""
        someone = bool(self.groups or self.gender or self.tech or self.audiences or self.beneficiaries)
        offer = bool(self.category or (self.offers or self.weak_offers) and not self.internal
                     or self.offers and (self.groups or self.tech or self.audiences))
        return someone and offer


def read_sentence(text: str, vocab: Vocabulary) -> SentenceFacts:
    s = to_simplified(text)
    f = SentenceFacts()
    collective = {f"{COLLECTIVE}{w}": (w,) for w in vocab.collective}
    covered = [False] * len(s)
    group_hits = []
    for value, word, pos in find_terms(s, {**vocab.groups, **collective}):
        for i in range(pos, pos + len(word)):
            covered[i] = True       # read, whether or not it names a beneficiary: no "new group?" for it
        if not names_a_person(s, word, pos):
            f.not_people.append(word)
            continue
        if value.startswith(COLLECTIVE) and not collective_is_the_head(s, word, pos, group_hits):
            f.review.append(f"collective word “{word}” not read as groups here: it is qualified by a group word "
                            "or modifies a person noun — check who is meant")
            continue
        group_hits.append((value, word, pos))
        if value.startswith(COLLECTIVE):
            groups = vocab.collective[word]
            for g in groups:
                f.groups.setdefault(g, word)
            f.review.append(f"groups read from the collective word “{word}” (rules/collective-words.yml): "
                            + "、".join(vocab.group_labels.get(g, g) for g in groups) + " — check")
        else:
            f.groups.setdefault(value, word)
    female = find_terms(s, vocab.gender)
    if female:
        f.gender = (female[0][0], female[0][1])
    else:   # 女 before a person noun: 女大学生, 女农民工
        for value, word, pos in group_hits:
            if pos > 0 and s[pos - 1] == "女" and "female" in vocab.gender:
                f.gender = ("female", "女" + word)
                break
    for value, word, pos in find_terms(s, {"tech": vocab.tech_words}):
        if not s.startswith(TECH_NOT_BUSINESS, pos + len(word)):
            f.tech = word
            break
    needs = find_terms(s, vocab.needs)
    if needs:
        count: dict = {}
        for value, word, _ in needs:
            count.setdefault(value, []).append(word)
        best = max(count, key=lambda v: len(count[v]))   # ties: the first named (dicts keep order)
        f.category = (best, tuple(dict.fromkeys(count[best])))
    f.audiences = [(v, w) for v, w, _ in find_terms(s, vocab.audiences)] if vocab.audiences else []
    f.offers = words_in(s, OFFER_WORDS)
    f.weak_offers = words_in(s, WEAK_OFFER_WORDS)
    f.beneficiaries = words_in(s, BENEFICIARY_WORDS)
    f.internal = words_in(s, INTERNAL_WORDS)
    for phrase in new_group_phrases(s, covered):
        f.review.append(f"new group? “{phrase}” is not a group in rules/facts.yml")
    return f


COLLECTIVE = "collective:"     # find_terms key prefix for rules/collective-words.yml entries


def names_a_person(s: str, word: str, pos: int) -> bool:
    """Whether a group word at `pos` names people the sentence offers something
    to: not an institution (科研院所), not the modifier of a pool or a body
    (专家智库, 港澳台科技团体), not the people an employer takes on (吸纳…毕业生…的单位)."""
    if word.endswith(INSTITUTION_ENDINGS):
        return False
    end = pos + len(word)
    head = NOT_PERSON_HEAD.match(s, end)
    if head and not any(n in head.group(0) for n in PERSON_NOUNS):
        return False
    clause_start = max(s.rfind(c, 0, pos) for c in ",，。；;") + 1
    if any(h in s[clause_start:pos] for h in HIRING_WORDS) and EMPLOYER_AFTER.match(s[end:]):
        return False
    return True


def collective_is_the_head(s: str, word: str, pos: int, group_hits: list) -> bool:
    """A collective word is read as its groups only where it names the people
    itself: not qualified by a group word just before it (港澳台地区青年 are 港澳台
    people) and not modifying a person noun (东盟杰出青年科学家 are scientists)."""
    if s.startswith(PERSON_NOUNS, pos + len(word)):
        return False
    return not any(s[p + len(w):pos] in ORIGIN_GAPS and not v.startswith(COLLECTIVE) for v, w, p in group_hits)


# What may stand between a group word and a collective word it qualifies (港澳台地区青年);
# anything else is a coordination (返乡下乡本乡人员: three kinds of 人员).
ORIGIN_GAPS = ("", "地区", "籍")


def new_group_phrases(s: str, covered: list) -> list[str]:
    out = []
    for suffix in PERSON_SUFFIXES:
        for m in re.finditer(suffix, s):
            end = m.end()
            if any(covered[m.start():end]):
                continue
            start = m.start()
            while start > 0 and m.start() - start < 4 and s[start - 1] not in STOP_CHARS:
                start -= 1
            phrase = s[start:end]
            if phrase not in GENERIC_PEOPLE and phrase not in out:
                out.append(phrase)
    return out


def places_in(text: str, vocab: Vocabulary, region_chain: list[str]) -> list[str]:
    """Places inside the document's region but narrower than it that a sentence names
    (柳州市小微企业创新创业基地): a measure has no place narrower than its document."""
    s = to_simplified(text)
    out = []
    for term in _place_terms(vocab):
        if term in s:
            for place in vocab.gazetteer.find(term):
                if region_chain[0] in place.chain[1:] and place.name not in out:
                    out.append(place.name)
    return out


def _place_terms(vocab: Vocabulary) -> list[str]:
    cached = getattr(vocab, "_place_terms", None)
    if cached is None:
        cached = [t for t in vocab.gazetteer.lookup_terms() if len(t) >= 3]
        vocab._place_terms = cached
    return cached


# ---- agencies ---------------------------------------------------------------

_SPLIT = re.compile(r"[、,，;；]|等(?:部门|单位)?(?:和|及|以及)|(?<=[局厅委办部会行府处社联])(?:和|及|以及)|(?<=[局厅委办部会行府处联])(?=(?:自治区|省|市|州|县)[^级场])")
_TAIL = re.compile(r"(?:等(?:部门|单位|有关部门)?|按职责分工负责|按职责分工|牵头负责|分别负责|负责)+$")


@dataclass
class Bracket:
    lead: list          # (name as written, name with the inherited level prefix or None), Simplified
    support: list
    style: str          # lead-named (牵头单位) | first-named (按职责分工负责)


def parse_bracket(inside: str) -> Bracket:
    s = to_simplified(inside).replace("：", ":").replace("；", ";")
    if "牵头单位" in s:
        lead_part = s.split("牵头单位", 1)[1].lstrip(":").split("配合单位")[0]
        support_part = s.split("配合单位", 1)[1].lstrip(":") if "配合单位" in s else ""
        return Bracket(_names(lead_part), _names(support_part), "lead-named")
    if "责任单位" in s:
        return Bracket(_names(s.split("责任单位", 1)[1].lstrip(":")), [], "lead-named")
    names = _names(s)
    if "牵头负责" in s and len(names) == 1:
        return Bracket(names, [], "lead-named")
    return Bracket(names[:1], names[1:], "first-named")


def _names(part: str) -> list[str]:
    out, prefix = [], None
    for raw in _SPLIT.split(part):
        name = _TAIL.sub("", raw.strip(" ;:。.")).strip()
        if not name:
            continue
        own = level_prefix(name)
        if own and prefix is None:
            prefix = own
        out.append((name, prefix if own is None else None))
    return [(n, None if p is None or n.startswith(UNPREFIXED) else p + n) for n, p in out]


def level_prefix(name: str) -> str | None:
    """省/市/自治区… when the name starts with its government's level (市场监管局 does not)."""
    if name.startswith(NOT_PREFIXES):
        return None
    return next((p for p in LEVEL_PREFIXES if name.startswith(p)), None)


NOT_PREFIXES = ("市场", "省级", "市级", "县级", "区域", "区块", "州级")
# Names that never take the bracket's level prefix (人民银行长春中心支行, 团省委, 各地区政府).
UNPREFIXED = ("人民银行", "团", "共青团", "各", "有关", "中国", "国家")


def written_name(name: tuple, gazetteer=None) -> str:
    """The name to propose for a new agency: with the inherited level prefix,
    unless the name starts with a place (吉林银保监局)."""
    raw, prefixed = name
    if prefixed is None:
        return raw
    if gazetteer is not None and any(gazetteer.lookup(raw[:k]) for k in (2, 3)):
        return raw
    return prefixed


def match_agency(name: tuple, candidates: list[AgencyEntry]) -> AgencyEntry | None:
    """The agency a bracket name (as written, with the inherited prefix) is, by its name, full name or alias."""
    for form in name:
        if not form:
            continue
        key = _plain(form)
        for a in candidates:
            if key in {_plain(k) for k in a.keys()}:
                return a
    return None


def _plain(name: str) -> str:
    return to_simplified(name).replace("“", "").replace("”", "").replace('"', "")
