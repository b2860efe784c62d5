"""The frames in which a sentence offers something to a beneficiary (对 B…给予,
为 B 提供, 向 B 发放, B 可以享受…, 鼓励 B 参加…, 优先录用 B …), each as
(frame, the beneficiary phrase, the offering words); drafting/reading.py
chooses among them (module docstring there)."""
from __future__ import annotations

import re

from .people import names_a_person
from .phrases import (ACTIVITY, BUSINESS_WORDS, CLAUSE_OPENING_VERBS, ENCOURAGE, MAY_USE, NOUN_WORDS, OFFER_VERBS,
                      PEOPLE_WORDS, PERMITTED, PERSON_HEAD_ENDINGS, SERVICE_VERBS, clause_spans, find_terms, governs, is_government,
                      leading_np, owner_of)

# offers named strongly enough that an encouragement offers them (not 服务业, 引进资金)
STRONG_OFFERS = ("补贴", "补助", "奖补", "贴息", "减免", "免征", "免收", "贷款", "担保", "优惠", "资助", "奖励",
                 "提供服务", "免费", "优先", "信贷")

# A verb that gives only with a concrete offer after it (实行…方针 gives nothing, 实行…减免 does)
WEAK_OFFER = ("进行", "实行", "实施", "落实", "开展", "组织", "保障", "加大", "提高", "增加", "纳入", "安排", "降低", "简化",
              "放宽", "便利", "支持", "帮助", "解决", "开放")
OFFER_NOUNS = ("补贴", "补助", "奖补", "优惠", "贴息", "扶持", "服务", "帮助", "照顾", "资助", "减免", "免征", "免收",
               "保障范围", "援助范围", "救助范围", "帮扶范围", "扶持范围", "补贴范围",
               "优先", "援助", "培训", "贷款", "担保", "场地", "政策", "支持", "便利", "指导", "咨询", "资金")
NOT_DUI = "针面相绝反核应敌配应"      # 针对, 面对, 相对 … are no 对-frame
ORIENTATION = ("有利于", "方针", "原则", "战略", "理念", "责任和义务", "职责", "义务")
PRIORITY = re.compile(r"优先(?:安排|购买|采购|录用|招录|招用|聘用|支持|保障|解决|接收|选用|留用)([^，,。；;]{2,40})")
SERVICE_NOUNS = ("指导和服务", "服务", "指导", "帮助", "扶持", "支持", "培训", "援助", "照顾", "帮扶", "优待",
                 "资助", "补贴", "奖励", "培育", "上市培育", "融资", "辅导", "贷款", "信贷")
# what 为 X 提供 may offer that gives nothing in particular (为军人履行职责提供保障)
GENERIC_OFFERS = re.compile(r"^(?:必要的|有力的|坚实的|相应的)?(?:支持和帮助|支持和协助|帮助和支持|支持|帮助|保障|条件|服务保障)(?:[。；;，,]|$)")
DELEGATION = re.compile(r"(?:具体)?(?:办法|标准|规定|目录)[^，,。；;]{0,6}由[^，,。；;]{2,40}(?:制定|规定|确定)")


SYSTEM_BUILT = re.compile(r"(?:建立|健全|培育|完善|建设)[^，,。；;]*(?:体系|市场|制度|机制)\s*$")


# adverbs between a beneficiary and its verb (为创业者免费提供): not part of the beneficiary
TRAILING_ADVERBS = re.compile(r"(?:免费|无偿|优先|及时|积极|依法|按规定|按照规定)+$")


def _last_noun(clause: str) -> str:
    """The noun a clause ends with after its last 的 (…基本生活出现严重困难的军人家庭 -> 军人家庭), or ''."""
    t = clause.strip()
    return t.rsplit("的", 1)[1] if "的" in t and 1 <= len(t.rsplit("的", 1)[1]) <= 8 else "\0"


def _offer_follows(after: str) -> str | None:
    """The offering verb after a beneficiary phrase, when what follows gives something."""
    window = after[:40]
    verb = next((w for w in OFFER_VERBS if w in window), None)
    if verb is None:
        return None
    if verb in WEAK_OFFER and not any(n in window for n in OFFER_NOUNS):
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
        who = re.sub(r"等$", "", who.lstrip("和、及与"))
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
        out += _dui_frames(s, clauses, k)
        for m in re.finditer(r"(?:针对|(?:适合|适应)(?=[^，,。；;]{2,30}?(?:特点|需求|需要)的))([^，,。；;]{2,30}?)"
                             r"的([^，,。；;]{0,20}?)(服务|政策|支持|帮扶|扶持|培训|产品)", c):
            # 针对 B 的…服务, 适合中小企业特点的金融产品 (not 适合残疾人生产的产品): B is whom it is for
            out.append(("为", re.sub(r"(?:创新创业)?(?:特点|需求|需要)$", "", m.group(1)) or m.group(1), m.group(3)))
        out += _wei_frames(s, clauses, k, topic)
        out += _named_beneficiary_frames(c, vocab)
        # 鼓励/支持… B 参加/使用…: B is encouraged to use something (a need must be named)
        out += _encouraged(c, vocab)
    out += _topic_frame(s, clauses, topic, vocab)
    m = PASSIVE_OFFER.match(s)
    if m and _names_someone(m.group(1)):
        out.append(("subject", m.group(1), m.group(2)))   # B 的随调随迁、就业安置等，由…予以安排: B's
    out += _may_use_frames(s, clauses, topic)
    return out


# what someone has or needs, done by an agent (军队转业干部配偶、子女的随调随迁、就业安置等，由安置地人民政府…予以安排)
PASSIVE_OFFER = re.compile(r"^([^，,。；;]{2,30}?)的[^，,。；;]{2,40}?[，,]\s*由[^，,。；;]{2,30}?(?:予以|负责)?"
                           r"(?<!组织)(安排|办理|解决|落实|安置)(?=[。；;，,]|$)")     # not 由…组织办理: a procedure organised


def _dui_frames(s: str, clauses: list, k: int) -> list[tuple[str, str, str]]:
    """对 B(的)，… offer, in clause k: B is whom the offer is for."""
    out = []
    a, b = clauses[k]
    c = s[a:b]
    nxt = s[b:clauses[k + 1][1]] if k + 1 < len(clauses) else ""
    for m in re.finditer(r"对(?!于|外|接|标|照|象|口|策|话|待|称|比|应|其进行|此)", c):
        if m.start() > 0 and c[m.start() - 1] in NOT_DUI:
            continue
        tail = c[m.end():]
        stop = len(tail)
        if not tail.rstrip().endswith("的"):   # 对确因工作需要未休假的，给予…: the whole clause
            for w in OFFER_VERBS + ("进行", "按", "依法", "可", "应当", "应", "要", "将", "由", "给", "不",
                                    "作出", "提出", "予", "在"):
                i = tail.find(w, 2)
                if 0 < i < stop:
                    stop = i
        if stop < len(tail) and re.search(r"的[^的，,]{1,8}$", tail.rstrip()) and nxt:
            # 对…政策落实不到位…的地区和单位，…: a phrase ending in 的+noun is whole; its verb follows
            verb_after = _offer_follows(nxt)
            if verb_after or not _offer_follows(tail[stop:]):
                stop = len(tail)
        phrase = tail[:stop].strip()
        verb = _offer_follows(tail[stop:] + nxt)
        if verb is None and stop == len(tail) and k + 2 < len(clauses) and \
                re.match(r"^\s*(?:并|同时|还)(?:应当|可以|按照[^，,。；;]{0,10}?)?(?:给予|予以)", s[clauses[k + 2][0]:]):
            # 对自主择业的军队转业干部，应当加强职业指导和培训，并给予政策扶持和优待: the offer after a clause
            verb = _offer_follows(s[clauses[k + 2][0]:clauses[k + 2][1]])
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
            noun = next((n for n in SERVICE_NOUNS if what.strip().startswith(n) or what.strip().endswith(n)), None)
            if noun and len(who) >= 2 and not governs(what):
                out.append(("对", who, noun))
    return out


def _wei_frames(s: str, clauses: list, k: int, topic: str) -> list[tuple[str, str, str]]:
    """为 B 提供…, in clause k: B is whom it is for."""
    out = []
    a, b = clauses[k]
    c = s[a:b]
    relative_end = re.search(r"的[^的，,。；;]{1,12}$", c) if k + 1 < len(clauses) else None
    for m in re.finditer(r"(?:(?<=可以)|(?<![因作成认视列称以]))为(?!了|主|重点|核心|基础|导向|依托|抓手|载体|目标|契机|突破口|统领"
                         r"|引领|经济|社会|国家|乡村振兴)([^为，,。；;]{1,40}?)(提供|办理|开辟|开通|落实|兑现|减轻|降低|搭建|增加|扩大"
                         r"|安排|解决|争取|组织|开展|举办|进行|开设|开放)", c):
        if m.group(2) in ("组织", "开展", "举办", "进行") and \
                not any(n in c[m.end():] for n in OFFER_NOUNS + ("活动", "认定", "鉴定", "评定")):
            continue      # 为…组织/开展 with nothing offered after it
        if relative_end and m.start() < relative_end.start() and any(
                w in s[b:] for w in ("享受", "可以", "可", "领取", "申请")):
            continue      # 免费为…提供服务的职业中介机构，…享受补贴: inside the subject's relative clause
        phrase = TRAILING_ADVERBS.sub("", m.group(1).strip()) or m.group(1).strip()
        if phrase == "其" and topic.endswith("的"):
            phrase = topic
        if GENERIC_OFFERS.match(c[m.end():].strip()):
            continue
        if k > 0 and re.match(r"^服务(?:[。；;，,]|$)", c[m.end():].strip()) and SYSTEM_BUILT.search(s[clauses[k - 1][0]:
                                                                                                   clauses[k - 1][1]]):
            continue      # 建立健全…公共服务体系，为中小企业提供服务: the purpose of a system the government builds
        out.append(("为", phrase, m.group(2)))
    return out


def _named_beneficiary_frames(c: str, vocab) -> list[tuple[str, str, str]]:
    """The verbs that name whom they are for in clause c: 面向 B, 招考 B, 向 B 发放, 优先安排 B, 惠及 B, 解决 B 的…."""
    out = []
    for m in re.finditer(r"面向([^，,。；;]{2,30}?)(招考|招聘|招录|招收|开放|提供|举办|发放|推出)", c):
        out.append(("为", m.group(1), m.group(2)))
    # 招考/录用/聘用 B (a group): B benefits from the admission (高等学校…可以…招考退役军人)
    for m in re.finditer(r"(?:招考|招录|招收|录用|聘用|选用|录取)([^，,。；;]{2,20})", c):
        hits = find_terms(m.group(1), vocab.groups) if vocab is not None else []
        if hits and hits[0][2] <= 6 and names_a_person(m.group(1), hits[0][1], hits[0][2]):
            out.append(("object", m.group(1).rstrip("。；;"), "优先" if "优先" in c[:m.start()] else "录用"))
    # 向 B 发放…
    for m in re.finditer(r"向([^向，,。；;]{1,30}?)(发放|提供|开放|倾斜|返还|推荐|投放|延伸|减免|出租|出售)", c):
        if m.group(2) == "提供" and re.match(r"[^，,。；;]{0,10}(?:信息|材料|数据|情况|报告)", c[m.end():]):
            continue      # 向公共就业服务机构提供岗位空缺信息: a report to an office, not an offer
        out.append(("向", TRAILING_ADVERBS.sub("", m.group(1)) or m.group(1), m.group(2)))
    # 优先安排/购买/录用 B …
    for m in PRIORITY.finditer(c):
        out.append(("object", m.group(1), "优先"))
    for m in re.finditer(r"惠及([^，,。；;]{2,30}?)(?:的|[。；;，,]|$)", c):
        out.append(("object", m.group(1), "惠及"))
    for m in re.finditer(r"解决([^，,。；;]{2,30}?)的(?:住房|医疗|就业|生活困难|困难|子女入学|入学|落户|社会保险)", c):
        out.append(("object", m.group(1), "解决"))
    return out


def _topic_frame(s: str, clauses: list, topic: str, vocab) -> list[tuple[str, str, str]]:
    """X…的，…予以优先安排/给予…: the topic (up to its clause ending in 的) is the beneficiary."""
    out = []
    ends = [j for j, (a, b) in enumerate(clauses[:3]) if s[a:b].strip().endswith("的") or
            s[a:b].strip().endswith(("后", "时", "期间")) and _names_someone(owner_of(s[a:b].strip(), vocab) or "")]
    named = not ends and len(clauses) > 1 and _people_topic(topic, vocab) and \
        bool(re.match(r"^(?:其[^，,。；;]{0,12}?)?(?:应当|应|可以|可|依法|按照)", s[clauses[1][0]:clauses[1][1]].strip()))
    if named:
        ends = [0]     # 就业有困难的随军配偶，应当纳入…扶持范围: a clause that only names people is the topic
    if ends and ends[0] + 1 < len(clauses) and not topic.startswith(("对", "为", "向")) and \
            not any(s[a:b].strip().startswith(("对", "为", "向")) for a, b in clauses[:ends[0] + 1]):
        whole = s[:clauses[ends[0]][1]].strip()
        if not whole.endswith("的") and not named:
            whole = owner_of(s[clauses[ends[0]][0]:clauses[ends[0]][1]].strip(), vocab)   # 军官退出现役时，…: who
        elif ends[0] > 0 and _names_someone(topic) and not topic.endswith("的"):
            whole = topic       # 因公致残的退役军人，有劳动能力的，…: the first clause names them, the rest are conditions
        main = s[clauses[ends[0] + 1][0]:]
        verb = next((w for w in ("予以", "给予", "优先", "发放", "发给", "返还", "免收", "免征", "免缴", "免交", "减免", "补贴",
                                 "享受", "纳入",
                                 "提供", "办理", "安排", "纳入") if w in main[:30]), None)
        if verb and not governs(main[:20]):
            out.append(("subject", whole, verb))
    return out


def _people_topic(topic: str, vocab) -> bool:
    """Whether a first clause is only a noun phrase naming people (分居两地的军人配偶), with no verb of its own."""
    return leading_np(topic, vocab) == topic and _names_someone(topic) and "的" in topic and \
        not is_government(topic) and vocab is not None and bool(find_terms(topic, vocab.groups))


def _may_use_frames(s: str, clauses: list, topic: str) -> list[tuple[str, str, str]]:
    """B(…的)，可以/享受…, in the first four clauses: the subject may use the offer."""
    out = []
    for k, (a, b) in enumerate(clauses[:4]):
        c = s[a:b]
        use = None
        for w in MAY_USE:
            i = c.find(w)
            while i >= 0 and _in_modifier(c, i, w):
                i = c.find(w, i + 1)        # 以逐月领取退役金方式安置的…: inside a modifier, not the predicate
            if i >= 0 and (use is None or i < use[1]):
                use = (w, i)
        if use is None:
            continue
        w, i = use
        rest = c[i:] + (s[b:clauses[k + 1][1]] if k + 1 < len(clauses) else "")
        if re.search(r"应当|必须|须", c[:i]) and not re.search(r"应当(?:为|向|对|给予|予以|优先)", c[:i]) and \
                not (w.endswith("享受") and re.search(r"应当?[^，,。；;]{0,10}$", c[:i])):   # 应当按照规定享受: entitled
            continue           # 设立…应当…向劳动行政部门申请行政许可: a duty to apply, not an entitlement
        delegated = DELEGATION.search(s)
        inside = delegated and a + i < delegated.start() and not re.search(r"[，,。；;]", s[a + i:delegated.start()])
        if governs(rest) or delegated and (delegated.start() < a + i or inside):
            continue
        if w in ("可以", "可", "可按", "可以按照", "可按照", "允许", "可以选择") and \
                not any(x in c[i:] + s[b:] for x in PERMITTED + OFFER_VERBS[:20]):   # 可以…，到…登记，申请…
            continue
        subject = c[:i].strip()
        if not subject or subject.startswith(("按", "依", "根据", "可", "均", "还", "并", "即", "也", "同时", "经",
                                              "在", "自", "从", "同等", "与", "同", "凭", "持")):
            subject = topic if k > 0 or not subject else subject
            if k > 0 and (s[:a].rstrip("，, ").endswith("的") and not _names_someone(topic)
                          or topic.startswith(CLAUSE_OPENING_VERBS) and k > 1):
                subject = s[:a].rstrip("，, ")   # 服现役不满规定年限，以自主就业方式安置的，领取…: the whole topic
        if subject and not subject.startswith(("对", "为", "向")) and not is_government(leading_np(subject)):
            out.append(("subject", subject, w))
    return out


def _in_modifier(c: str, i: int, w: str) -> bool:
    """Whether a use word at c[i] lies inside a modifier: 以…方式, 符合…条件, or a relative clause that
    ends in 的 before the clause does (逐月领取退役金的军士)."""
    before, after = c[:i], c[i + len(w):]
    if re.search(r"(?:以|按|不?符合)[^，,。；;]{0,12}$", before) and re.match(r"^[^，,。；;]{0,12}?(?:方式|条件|待遇)", after):
        return True
    if w.startswith("可") or w in ("允许",):
        return False
    m = re.match(r"^([^，,。；;]{0,12}?)的([^，,。；;]*)", after)
    if not m or re.search(r"[向到在为对从]", m.group(1)):
        return False
    # 逐月领取退役金的退役军官…依法参加…: the noun after 的 goes on to a predicate of its own;
    # 享受…机构提供的就业服务: the noun after 的 is the object and ends the clause
    return any(v in m.group(2) for v in MAY_USE + PERMITTED + ("参加", "应当", "按照", "依法"))


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


def _names_someone(clause: str) -> bool:
    """Whether a clause names people or a business (残疾退役军人, 小型微型企业), not only a condition."""
    t = clause.rstrip("的")
    if t.startswith(CLAUSE_OPENING_VERBS) and "的" not in t:
        return False       # 招用本市就业困难人员，…: a clause with no subject names those it acts on
    return any(w in t for w in PEOPLE_WORDS + BUSINESS_WORDS) or bool(re.search("[" + "".join(PERSON_HEAD_ENDINGS)
                                                                              + "](?:[，,]|$)", t))


def first_found(s: str, words) -> str | None:
    return next((w for w in words if w in s), None)


ADVERBS = ("更好的", "更好地", "进一步", "积极", "大力", "切实", "全面", "持续", "继续", "深入", "着力", "重点", "免费", "适当",
           "定向",
           "无偿", "每年", "定期", "及时",
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
    return next((v for v in SERVICE_VERBS if t.startswith(v)), None)
