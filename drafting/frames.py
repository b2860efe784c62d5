"""The frames in which a sentence offers something to a beneficiary (对 B…给予,
为 B 提供, 向 B 发放, 鼓励 B 参加…, 优先录用 B …), each as (frame, the beneficiary
phrase, the offering words); those whose beneficiary is the topic or subject
(B 可以享受…, B…，由 X 发给…) are in topic_frames.py, those of a verb that names whom it is
for (录用 B, 向 B 发放, 将 B 纳入…范围) in named_frames.py; drafting/reading.py chooses among
them (module docstring there)."""
from __future__ import annotations

import re

from .beneficiary import OWN_LIFE
from .named_frames import TRAILING_ADVERBS, included_frames, named_beneficiary_frames
from .phrases import (ACTIVITY, ENCOURAGE, NOUN_WORDS, OFFER_VERBS, PEOPLE_WORDS, SERVICE_VERBS, clause_spans, find_terms,
                      governs)
from .subjects import government_shall
from .topic_frames import topic_frames
from .word_bounds import NOT_NOUN_ORGANISATION, find_verb, relative_runs_on

# offers named strongly enough that an encouragement offers them (not 服务业, 引进资金)
STRONG_OFFERS = ("补贴", "补助", "奖补", "贴息", "减免", "免征", "免收", "贷款", "担保", "优惠", "资助", "奖励",
                 "提供服务", "免费", "优先", "信贷")

# A verb that gives only with a concrete offer after it (实行…方针 gives nothing, 实行…减免 does)
WEAK_OFFER = ("进行", "实行", "实施", "落实", "开展", "组织", "保障", "加大", "提高", "增加", "纳入", "安排", "降低", "简化",
              "放宽", "便利", "支持", "帮助", "解决", "开放")
OFFER_NOUNS = ("补贴", "补助", "奖补", "优惠", "贴息", "扶持", "服务", "帮助", "照顾", "资助", "减免", "免征", "免收",
               "保障范围", "援助范围", "救助范围", "帮扶范围", "扶持范围", "补贴范围",
               "优先", "援助", "培训", "贷款", "担保", "场地", "政策", "支持", "便利", "指导", "咨询", "资金")
# care and places a weak verb gives to a person named before it (对残疾人实施康复医疗, 对残疾人免费开放,
# 对…的残疾人，应安排力所能及的辅助工作): what the person receives, not the government's own work
CARE_NOUNS = ("康复", "训练", "治疗", "医疗", "托养", "护理", "救治", "免费", "辅助工作", "公益性工作", "教育", "筛查", "普查", "体检")
# a placement the verb carries out (对…通过公益性岗位进行安置), not ways listed (国家采取…等方式妥善安置: an orientation)
PLACED = re.compile(r"(?:进行|实行|实施|予以)[^，,。；;等]{0,4}安置")
# a bar lowered for the people named (对符合条件的妇女，可以适当放宽年龄限制): what the weak verb 放宽 gives
RELAXED = re.compile(r"(?:放宽|降低)[^，,。；;]{0,12}?(?:限制|条件|标准|门槛|年限)")
# a scheme people are taken into (纳入住房保障供应范围, 列入社会救助对象): what the weak verb 纳入 gives
SCHEME_SCOPE = re.compile(r"(?:纳入|列入)[^，,。；;]{0,12}?(?:保障|救助|援助|扶持|帮扶|补贴|供养|托养|优待)[^，,。；;]{0,6}?"
                          r"(?:范围|对象)")
NOT_DUI = "针面相绝反核应敌配应"      # 针对, 面对, 相对 … are no 对-frame
ORIENTATION = ("有利于", "方针", "原则", "战略", "理念", "责任和义务", "职责", "义务")
SERVICE_NOUNS = ("指导和服务", "服务", "指导", "帮助", "扶持", "支持", "培训", "援助", "照顾", "帮扶", "优待",
                 "资助", "补贴", "奖励", "培育", "上市培育", "融资", "辅导", "贷款", "信贷")
# what 为 X 提供 may offer that gives nothing in particular (为军人履行职责提供保障)
GENERIC_OFFERS = re.compile(r"^(?:必要的|有力的|坚实的|相应的|坚强的)?(?:支持和帮助|支持和协助|帮助和支持|支持|帮助|保障|条件|服务保障"
                            r"|(?:(?:政治|组织|制度|法治|思想|事业|平台|智力)[和、及]?)+(?:保障|支持|支撑))(?:[。；;，,]|$)")
# the fields a support is given in (在规划、用地等方面): they name what the general word gives
FIELDS_NAMED = re.compile(r"在([^在，,。；;]{2,40}?)等?方面")
SYSTEM_BUILT = re.compile(r"(?:建立|健全|培育|完善|建设)[^，,。；;]*(?:体系|市场|制度|机制)\s*$")


def _last_noun(clause: str) -> str:
    """The noun a clause ends with after its last 的 (…基本生活出现严重困难的军人家庭 -> 军人家庭), or ''."""
    t = clause.strip()
    return t.rsplit("的", 1)[1] if "的" in t and 1 <= len(t.rsplit("的", 1)[1]) <= 8 else "\0"


def _offer_follows(after: str) -> str | None:
    """The offering verb after a beneficiary phrase, when what follows gives something."""
    window = after[:40]
    verb = next((w for w in OFFER_VERBS if find_verb(window, w) >= 0), None)
    if verb is None:
        return None
    if verb in WEAK_OFFER and not any(n in window for n in OFFER_NOUNS + CARE_NOUNS) and not PLACED.search(window) \
            and not SCHEME_SCOPE.search(window) and not RELAXED.search(window):
        return None
    if any(o in window for o in ORIENTATION) or governs(window[:14]):
        return None
    return verb


ENCOURAGED_DOES = ("参加", "参与", "申请", "使用", "入驻", "享受", "接受", "利用", "兴办", "创办", "从事", "开办",
                   "到", "在", "进入", "返乡", "回乡", "租用", "购买", "获得", "提升", "开展", "开发", "设立",
                   "建设", "建立", "加快", "提高", "通过", "以", "按", "依托", "牵头", "组建", "承担", "自主")
# after a list closed by 等: what the listed people do (…、残疾人、被征地农民等创业)
AFTER_LIST = ("创业", "就业", "自主", "灵活就业")


def _encouraged(c: str, vocab) -> list[tuple[str, str, str]]:
    """鼓励/支持… B 参加/使用…: B is whom the clause encourages to do something — up to the first
    verb that is not inside a word of the vocabularies (回乡创业农民工 is one word) and does not
    continue a list (登记失业人员、回乡创业农民工、… 等自主创业)."""
    out = []
    words = {"n": NOUN_WORDS}
    if vocab is not None:
        words.update({**vocab.groups, **vocab.audiences})
    for m in re.finditer(r"(?:(?<=^)|(?<=[，,、；;并和及与要应将可])|(?<=积极|大力|国家|政府|部门|地方|应当))("
                         + "|".join(ENCOURAGE) + ")", c):
        start = m.end()
        window = c[start:start + 60]
        cut = min([i for i in (window.find(x) for x in "，,。；;") if i >= 0] or [len(window)])
        window = window[:cut]
        inside = [False] * len(window)
        for _, w, pos in find_terms(window, words):
            for i in range(pos + 1, pos + len(w)):      # a term may start where the verb does (返乡创业)
                inside[i] = True
        stop = None
        for i in range(2, len(window)):
            if inside[i] or window[i - 1] in "、和及与":
                continue
            if not (window.startswith(ENCOURAGED_DOES, i) or window[i - 1] == "等" and window.startswith(AFTER_LIST, i)):
                continue
            stop = i
            break
        if stop is None or stop > 45:
            continue
        who = window[:stop].lstrip("和、及与")
        for v in ENCOURAGE:
            who = who[len(v):] if who.startswith(v) else who
        who = re.sub(r"(?:等|依法|按规定|按照规定)$", "", who.lstrip("和、及与"))    # (…民营经济组织依法在…上市)
        if len(who) >= 2:
            out.append(("object", who, m.group(1)))
    return out


def frames_of(s: str, vocab=None) -> list[tuple[str, str, str]]:
    """(frame, beneficiary phrase, offering words) in `s` (Simplified, brackets blanked), clause by
    clause and then across clauses, in that order (the first found is the strongest)."""
    out = []
    clauses = clause_spans(s)
    topic = s[clauses[0][0]:clauses[0][1]].strip() if clauses else s
    for k, (a, b) in enumerate(clauses):
        c = s[a:b]
        out += _dui_frames(s, clauses, k, vocab)
        for m in re.finditer(r"(?:针对|(?:适合|适应)(?=[^，,。；;]{2,30}?(?:特点|需求|需要)的))([^，,。；;]{2,30}?)"
                             r"的([^，,。；;]{0,20}?)(服务|政策|支持|帮扶|扶持|培训|产品)"
                             r"|面向([^，,。；;]{2,30}?)的([^，,。；;的]{0,8}?)(产品|险种)(?=[。；;，,]|$)", c):
            # 针对 B 的…服务, 面向 B 的专项险种, 适合中小企业特点的金融产品 (not 适合残疾人生产的产品): B is whom it is for
            who = m.group(1) or m.group(4)
            out.append(("为", re.sub(r"(?:创新创业)?(?:特点|需求|需要)$", "", who) or who, m.group(3) or m.group(6)))
        out += _wei_frames(s, clauses, k, topic)
        out += named_beneficiary_frames(c, vocab)
        # 鼓励/支持… B 参加/使用…: B is encouraged to use something (a need must be named)
        out += _encouraged(c, vocab)
    return out + included_frames(s) + topic_frames(s, clauses, topic, vocab)


def _dui_frames(s: str, clauses: list, k: int, vocab=None) -> list[tuple[str, str, str]]:
    """对 B(的)，… offer, in clause k: B is whom the offer is for."""
    out = []
    a, b = clauses[k]
    c = s[a:b]
    nxt = s[b:clauses[k + 1][1]] if k + 1 < len(clauses) else ""
    for m in re.finditer(r"对于?(?!于|外|接(?!受)|标|照|象|口|策|话|待|称|比|应|其进行|此)", c):    # (对接受…的: 对 + 接受)
        if m.start() > 0 and c[m.start() - 1] in NOT_DUI and not _shall_to(c, m.start()):
            continue
        tail = c[m.end():]
        if c[:m.start()].endswith("在") and re.search(r"(?:后|时|之前|以前)$", c.rstrip()) or \
                GIVEN_AS_COST.search(tail) or BEARING_ON.match(tail):
            continue      # 在对…给予奖励后, …给予奖励的支出纳入…, 对成长无不利影响: a time, a cost, an effect
        stop = len(tail)
        if not tail.rstrip().endswith("的"):   # 对确因工作需要未休假的，给予…: the whole clause
            for w in OFFER_VERBS + ("进行", "按", "依法", "可", "应当", "应", "要", "将", "由", "给", "不",
                                    "作出", "提出", "予", "在", "免费", "无偿", "采取"):
                i = find_verb(tail, w, 2)
                if 0 < i < stop:
                    stop = i
        stop = relative_runs_on(tail, stop)
        if stop < len(tail) and re.search(r"的[^的，,]{1,20}$", tail.rstrip()) and nxt:
            # 对…政策落实不到位…的地区和单位，…: a phrase ending in 的+noun is whole; its verb follows
            verb_after = _offer_follows(nxt)
            if verb_after or not _offer_follows(tail[stop:]):
                stop = len(tail)
        phrase = TRAILING_ADVERBS.sub("", MEANS_AFTER.sub("", tail[:stop].strip())) or tail[:stop].strip()
        verb = _offer_follows(tail[stop:] + nxt)
        if verb is None and stop == len(tail) and k + 2 < len(clauses) and \
                re.match(r"^\s*(?:并|同时|还)(?:应当|可以|按照[^，,。；;]{0,10}?)?(?:给予|予以)", s[clauses[k + 2][0]:]):
            # 对自主择业的军队转业干部，应当加强职业指导和培训，并给予政策扶持和优待: the offer after a clause
            verb = _offer_follows(s[clauses[k + 2][0]:clauses[k + 2][1]])
        if verb is None and stop == len(tail):
            verb = _offer_later(s, clauses, k) or _may_give_a_need(nxt, s, vocab)
        if stop == len(tail) and not tail.rstrip().endswith("的") and k + 1 < len(clauses) and \
                s[clauses[k + 1][0]:clauses[k + 1][1]].strip().endswith("的" + _last_noun(s[clauses[k + 1][0]:
                                                                                            clauses[k + 1][1]])):
            # 对因自然灾害、…等原因，基本生活出现严重困难的军人家庭，应当给予…: the phrase runs on
            joined = (tail + s[b:clauses[k + 1][1]]).strip()
            after = s[clauses[k + 2][0]:clauses[k + 2][1]] if k + 2 < len(clauses) else ""
            verb2 = _offer_follows(after)
            if verb2:
                phrase, verb = joined, verb2
        if len(phrase) >= 2 and verb:
            out.append(("对", phrase, verb))
        elif "的" in phrase or "的" in tail:   # 加强对退役军人就业创业的指导和服务: the service noun after 的
            who, what = (phrase if "的" in phrase else tail.strip()).rsplit("的", 1)
            who = re.sub(r"(?<=..)在[^的，,]{1,30}?(?:等)?(?:方面|领域|过程中)$", "", who)   # 对中小企业在投资等方面的指导
            what = re.sub(r"力度$", "", what.strip())     # 加大对…对象的关爱帮扶力度: the help, stepped up
            noun = next((n for n in SERVICE_NOUNS if what.startswith(n) or what.endswith(n)), None)
            if noun and len(who) >= 2 and not governs(what):
                out.append(("对", who, noun))
    return out


# after 对: a means (对…人员通过公益性岗位进行安置), not part of B; an effect (对成长无不利影响), no frame at all
MEANS_AFTER = re.compile(r"(?<=..)(?:通过|利用|依托)[^的，,。；;]{2,20}$")
BEARING_ON = re.compile(r"[^，,。；;]{1,12}?(?:有|无|没有|产生)[^，,。；;]{0,4}(?:影响|作用|意义)")
# what giving costs (对…给予奖励和报酬的支出，纳入…): a cost, nothing offered
GIVEN_AS_COST = re.compile(r"(?:给予|予以|发放|支付)[^，,。；;]{0,10}?的(?:支出|费用|经费|开支|成本)")


def _may_give_a_need(nxt: str, s: str, vocab) -> str | None:
    """对 B(的)，可以 + … in a sentence naming a need (对…申请使用工业用地的，可以采用…方式供地): the modal
    gives it, or None."""
    m = re.match(r"[，,\s]*(可以|可)", nxt)     # (not 应当依法办理…手续: a duty)
    return m.group(1) if m and vocab is not None and find_terms(s, vocab.needs) else None


def _shall_to(c: str, at: int) -> bool:
    """Whether 应对 at c[at-1:at+1] is 应 + 对 (娱乐场所…应对残疾人免费开放), not the verb 应对 (积极应对风险):
    a subject before it, and no risk after it."""
    return c[at - 1] == "应" and at >= 2 and c[at - 2] not in "以积极有效妥善共同科学及时和、，, " and \
        not re.match(r"[^，,。；;]{0,8}(?:风险|挑战|危机|疫情|突发|冲击|变化|老龄化|灾害|事件)", c[at + 1:])


# a time a government acts in (在办理…时)
TIME_CLAUSE = re.compile(r"^\s*在[^，,。；;]{2,40}(?:时|后|期间|过程中)\s*$")


def _offer_later(s: str, clauses: list, k: int) -> str | None:
    """The offering verb two or three clauses after a whole-clause 对 B, past clauses that only add a
    condition or a means and open no frame of their own (对来本市工作而不落户的华侨，凭有效证件，在…方面享受市民待遇;
    对…早期归侨，其生活确有困难的，当地政府应当给予适当补助)."""
    for j in (k + 2, k + 3):
        if j >= len(clauses):
            return None
        # (a government that shall act, 市…部门应当按照有关规定，and a time, 在办理…时，are no frame of their own)
        between = "".join(c for c in (s[x:y] for x, y in clauses[k + 1:j])
                          if not TIME_CLAUSE.match(c) and not government_shall(c))
        # (由 opening the clause names who gives: 对…遗属，由…主管部门依据其申请，…发给定期抚恤金)
        if re.search(r"[对为向]|(?<!^)由", between.lstrip()) or _offer_follows(between) or \
                re.search(r"(?<=[^，,\s])(?:应当|应|要|必须|可以|负责)", between.lstrip()):   # a subject of its own acts
            return None
        verb = _offer_follows(s[clauses[j][0]:clauses[j][1]])
        if verb and not re.search(verb + r"(?:结果|情况|进度|时限)", s[clauses[j][0]:clauses[j][1]]):
            return verb      # (not 反馈办理结果: a report back)
    return None


def _wei_frames(s: str, clauses: list, k: int, topic: str) -> list[tuple[str, str, str]]:
    """为 B 提供…, in clause k: B is whom it is for."""
    out = []
    a, b = clauses[k]
    c = s[a:b]
    relative_end = re.search(r"的[^的，,。；;]{1,12}$", c) if k + 1 < len(clauses) else None
    for m in re.finditer(r"(?:(?<=可以)|(?<![因作成认视列称以]))为(?!了|主|重点|核心|基础|导向|依托|抓手|载体|目标|契机|突破口|统领"
                         r"|引领|经济|社会|国家|乡村振兴|保护|促进|推动|推进|维护|实现|加快)([^为，,。；;]{1,40}?)(提供|办理|代缴|缴纳|补缴|支付|报销|垫付|开辟|开通|落实|兑现|减轻|降低|搭建|增加|扩大|购买|租赁"
                         r"|安排|解决|争取|" + NOT_NOUN_ORGANISATION + r"组织|开展|举办|进行|开设|开放)", c):
        if m.group(2) in ("组织", "开展", "举办", "进行") and \
                not any(n in c[m.end():] for n in OFFER_NOUNS + ("活动", "认定", "鉴定", "评定")):
            continue      # 为…组织/开展 with nothing offered after it
        if relative_end and m.start() < relative_end.start() and any(
                w in s[b:] for w in ("享受", "可以", "可", "领取", "申请")):
            continue      # 免费为…提供服务的职业中介机构，…享受补贴: inside the subject's relative clause
        phrase = TRAILING_ADVERBS.sub("", m.group(1).strip()) or m.group(1).strip()
        if phrase == "其" and (topic.endswith("的") or TAKEN_IN.search(s[:a])):   # 将…纳入…，为其提供: those taken in
            phrase = topic if topic.endswith("的") else TAKEN_IN.search(s[:a]).group(1)
        elif phrase.startswith("其") and (phrase == "其" or OWN_LIFE.fullmatch(phrase[1:])) and k > 0 and \
                PEOPLE_TAKEN_ON.search(s[:a]):
            # 接收…的残疾人就读，并为其学习、生活提供便利: those taken on
            phrase = PEOPLE_TAKEN_ON.search(s[:a]).group(1) + "的" + phrase[1:]
        if GENERIC_OFFERS.match(c[m.end():].strip()) and not FIELDS_NAMED.search(c[:m.start()]):
            continue      # (在规划、用地等方面为…提供支持: the fields are what it gives)
        if k > 0 and re.match(r"^服务(?:[。；;，,]|$)", c[m.end():].strip()) and SYSTEM_BUILT.search(s[clauses[k - 1][0]:
                                                                                                   clauses[k - 1][1]]):
            continue      # 建立健全…公共服务体系，为中小企业提供服务: the purpose of a system the government builds
        out.append(("为", phrase, m.group(2)))
    return out or _wei_across(s, clauses, k)


# people taken into a scheme in an earlier clause (将…人才纳入…体系，): whom a later 其 names
TAKEN_IN = re.compile(r"将([^将，,。；;]{2,60}?)(?:纳入|列入|列为)[^，,。；;]*[，,][^。；;]*$")
# people an earlier clause takes on (接收…的残疾人就读, 招收…学生): whom a later 其 names
PEOPLE_TAKEN_ON = re.compile(r"(?:接收|招收|录取|安置|吸纳|招用)[^，,。；;]{0,20}?的([^的，,。；;]{0,8}?(?:"
                             + "|".join(PEOPLE_WORDS) + r"))[^，,。；;]{0,4}[，,]\s*(?:并|同时)?$")
# 为 + a list of people that runs over clauses, then what is given (为…退役军人，以及…的烈士子女，发放定期生活补助)
WEI_OPEN = re.compile(r"(?<![因作成认视列称以])为(?!了|主)([^为对向，,。；;]{2,80})$")
GIVEN_AFTER_LIST = re.compile(r"^\s*(?:按月|按规定|按照规定|依法|免费)?(发放|提供|发给|给予|补助|缴纳|代缴|支付)")


def _wei_across(s: str, clauses: list, k: int) -> list[tuple[str, str, str]]:
    """为 B1，以及 B2，发放…: the people listed up to the clause that opens with the giving verb (three clauses on at
    most, none with a subject, a modal or a preposition of its own)."""
    a, b = clauses[k]
    m = WEI_OPEN.search(s[a:b])
    if m is None:
        return []
    for j in range(k + 1, min(k + 4, len(clauses))):
        c = s[clauses[j][0]:clauses[j][1]]
        v = GIVEN_AFTER_LIST.match(c)
        if v:
            return [("为", s[a + m.start(1):clauses[j][0]].rstrip("，, "), v.group(1))]
        if re.search(r"[对为向由]|应当|可以|必须|负责", c):
            return []
    return []


def only_activity(s: str, phrase: str) -> bool:
    """Whether what follows an encouraged beneficiary is only what they do (自主就业、自主创业), with no
    offer, need or means named: 国家鼓励和扶持军人配偶自主就业、自主创业."""
    if len(clause_spans(s.rstrip("。；; "))) > 1:
        return False       # other clauses may offer something (落实相关优惠政策，…帮助劳动者自主创业)
    at = s.find(phrase)
    rest = s[at + len(phrase):] if at >= 0 else ""
    rest = re.sub("|".join(sorted(ACTIVITY + ("自主择业", "择业", "自主", "等"), key=len, reverse=True)), "", rest)
    return not rest.strip("、，,和及与。；; ")


# what an encouraged beneficiary may use (鼓励B参加培训/使用场地/申请贷款), as opposed to what it does itself
USE_VERBS = ("参加", "申请", "使用", "入驻", "享受", "接受", "利用", "租用", "购买", "获得", "进入", "领取")


def does_itself(s: str, phrase: str) -> bool:
    """An encouragement of B to do something itself (推进创新, 投保保险, 参与研究), with no offer noun
    after B: nothing is offered to B."""
    at = s.find(phrase)
    rest = s[at + len(phrase):] if at >= 0 else s
    rest = re.sub(r"^(?:按照|根据|依托|通过)[^，,。；;]{0,20}?[，,]", "", rest)
    return not rest.startswith(USE_VERBS) and not any(n in rest for n in STRONG_OFFERS)


def first_found(s: str, words) -> str | None:
    return next((w for w in words if w in s), None)


ADVERBS = ("更好的", "更好地", "进一步", "积极", "大力", "切实", "全面", "持续", "继续", "深入", "着力", "重点", "免费", "适当",
           "定向",
           "无偿", "每年", "定期", "及时", "向社会公众", "向社会", "向公众",
           "加快", "努力", "逐步", "适时", "不断", "认真", "充分", "有序", "稳步", "同时", "并", "还", "要", "应当",
           "应", "将", "可", "可以", "按照国家要求", "按规定", "依法", "在", "围绕", "对", "有针对性地", "主动")


LOCATIVE = re.compile(r"^(?:在|围绕|依托|按照|通过|结合|针对|面向|利用)[^，,。；;]{1,40}?(?:方面|领域|中|内|上|下|基础上)?"
                      r"(?=" + "|".join(("探索", "推行", "推广", "设立", "建立", "开展", "实施", "促进", "支持", "鼓励",
                                        "引导", "设置", "建设", "打造", "搭建", "提供", "组织", "举办")) + ")")


# the units a subject acts together with (…部门会同有关部门组织开展…培训): not the verb
TOGETHER_WITH = re.compile(r"^会同[^，,。；;]{1,30}?(?:部门|单位|机构|机关|政府)等?")


def clause_verb(c: str) -> str | None:
    """The service verb a clause opens with (after its adverbs and a locative phrase:
    在…院校探索推行…, 在…方面促进…): 落实创业担保贷款… -> 落实."""
    t = c.strip(" 　")
    m = LOCATIVE.match(t) or TOGETHER_WITH.match(t)
    if m:
        t = t[m.end():]
    changed = True
    while changed:
        changed = False
        for a in ADVERBS:
            if t.startswith(a) and len(t) > len(a) + 1 and a not in ("在", "对"):
                t, changed = t[len(a):], True
        m = FIELDS_OPEN.match(t)
        if m:             # 应当在规划、用地等方面扶持…: the fields after the modal
            t, changed = t[m.end():], True
    m = STEPPED_UP.match(t)
    if m and any(w in m.group(1) for w in PEOPLE_WORDS) and not any(w in m.group(1) for w in PUBLIC_STAFF):
        return "加强"        # 加强农村劳动力就业培训、职业指导: a service to the people named, stepped up
    return next((v for v in SERVICE_VERBS if t.startswith(v)), None)


# 加强 + the people served + a service they get, ending the clause (not 加强对…的监督, 加强…建设)
STEPPED_UP = re.compile(r"^加强(?!对)([^，,。；;的]{2,20}?)(?:培训|指导|咨询|援助|帮扶|辅导|服务)"
                        r"(?:[、和及][^，,。；;]{1,10}?(?:培训|指导|咨询|援助|帮扶|辅导|服务))*(?=[，,。；;]|$)")
# the public service's own staff (加强乡村干部培训, 教师培训): their training is the government's own work
PUBLIC_STAFF = ("干部", "公务员", "工作人员", "教师", "医务人员", "医护人员", "队伍")
FIELDS_OPEN = re.compile(r"在[^在，,。；;]{2,40}?等?方面")
