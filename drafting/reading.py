"""Who acts and who benefits: reading a policy sentence by its grammar.

A sentence offers something when one of these frames holds, with a
beneficiary that is a person, a business or an organisation — never a
government (地方, 各地区, 有关部门):

  对 B(的)，…给予/予以/返还/发放/免收/减免/优先…      对-frame   (对吸纳…的单位给予补贴: B = 单位)
  为 B 提供/办理/开通/解决…                          为-frame
  向 B 发放/提供/开放/倾斜/返还…                      向-frame
  B(…的)，(可以|可|按规定)? 享受/申请/可…              B is the subject that may use it
  鼓励/支持/组织/引导… B 参加/使用/申请…(a need named)  B is the object encouraged to use something
  …提供/开展/落实/实施… X(a need or a beneficiary named) a government's service with no frame (weaker)

The beneficiary is the head of its phrase: the noun after the last 的 (吸纳
高校毕业生…的单位 -> 单位, an employer), or, when the phrase ends in 的 (对残疾
人从事个体经营的), its subject (残疾人). Groups, gender, 科技型企业 and the
audience are read in the beneficiary phrase only: a group word that modifies
an organisation (港澳青年创新创业孵化载体) gives that organisation's audience, a
collective word (青年) gives its groups only where it is the beneficiary.

Who acts is the subject before 要/应当/应/负责/可以… (各级人民政府应当…); it is
the lead where no bracket names one. Sentences that define (是指, 所称), state a
purpose (为了…，制定本…), a date in force, a penalty, a prohibition, the duties
of an employer, or the government's own work (统筹、考核、监督 with nobody
offered anything) are not measures. Every finding keeps the words that made it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.script import to_simplified

from .segment import marks_outside_brackets

CLAUSE_MARKS = "，,；;：:"

# predicates that give something to the beneficiary of a frame
OFFER_VERBS = ("给予", "予以", "提供", "发放", "返还", "退还", "补贴", "补助", "奖补", "奖励", "资助", "贴息",
               "减免", "免收", "免征", "免除", "减征", "缓征", "减半", "优先", "照顾", "倾斜", "扶持", "支持", "帮助",
               "帮扶", "援助", "落实", "享受", "办理", "开放", "安排", "保障", "解决", "开通", "推荐", "投放", "增加",
               "放宽", "简化", "便利", "加大", "纳入", "提高", "降低", "实行", "实施", "开展", "组织", "兑现")
# what a subject-beneficiary may do with an offer (B 可以申请… / B 享受…)
MAY_USE = ("享受", "可以申请", "可申请", "可以享受", "可享受", "申领", "可以选择", "可以按照", "可按照", "可按",
           "可以", "可", "有权", "优先享受", "依法享受", "按规定享受", "按照规定享受", "按照国家规定享受", "允许")
ENCOURAGE = ("鼓励", "支持", "引导", "吸引", "扶持", "帮助", "允许", "组织", "指导", "推动", "动员", "欢迎")
# the government's own work: an object of these is not offered to anyone
GOVERNANCE = ("统筹", "协调", "考核", "督查", "督导", "督办", "督促", "监督", "检查", "监测", "评估", "统计",
              "调查", "部署", "规划", "宣传", "报告", "通报", "总结", "问责", "领导", "管理", "监管", "指导和监督",
              "审计", "查处", "处罚", "联席会议", "责任制", "考评", "表彰")
# a subject that is a government or an office: it acts, it does not benefit
GOVERNMENT_HEADS = ("人民政府", "政府", "部门", "机关", "地方", "地区", "各地", "各级", "基层", "市县", "中央",
                    "财政", "国务院", "委员会", "办公室", "办公厅", "主管部门", "工作部门", "管理部门", "管理局",
                    "监管局", "税务局", "联席会议", "领导小组", "人民银行", "银保监", "证监", "党委", "党组")
GOVERNMENT_ENDINGS = ("部", "委", "局", "厅", "办", "署", "处", "府", "院", "中心", "站")
NOT_GOVERNMENT = ("服务中心", "孵化中心", "创业中心", "研究院", "科学院", "设计院", "医院", "学院", "法院",
                  "检察院")
# a beneficiary that names no one in particular: an organisation kind
ORGANISATION_HEADS = ("孵化载体", "孵化器", "孵化基地", "众创空间", "载体", "基地", "园区", "平台", "机构", "协会",
                      "商会", "联盟", "团体", "组织", "中心", "院所", "高校", "银行", "公司", "基金")
# people or businesses in general (a beneficiary even when no group word applies)
PEOPLE_WORDS = ("人员", "人才", "劳动者", "个人", "青年", "群众", "居民", "农民", "妇女", "学生", "毕业生",
                "创业者", "创客", "团队", "家庭", "职工", "工人", "本人", "同胞", "侨胞", "市民", "公民",
                "投资者", "配偶", "子女", "家属", "军人", "士兵", "残疾人", "农户", "经营者", "老人")
BUSINESS_WORDS = ("企业", "个体工商户", "市场主体", "经营主体", "创新主体", "单位", "农场", "合作社", "商户",
                  "主体", "项目")
# trailing activity nouns: 残疾人就业 -> 残疾人
ACTIVITY = ("自主就业创业", "就业创业", "创新创业", "自主创业", "自主择业", "自谋职业", "就业", "创业", "发展",
            "经营", "生产", "融资", "生活", "工作")
PURPOSE = re.compile(r"^(?:为了|为)[^，,。；;]{2,80}[，,]\s*(?:根据[^，,。；;]*[，,]\s*)?(?:制定|特制定|现提出|提出|结合)")
DEFINITION = re.compile(r"(?:是指|所称|本[法条例办法规定意见方案]*所指|以下简称|以下统称)")
IN_FORCE = re.compile(r"(?:自[^，,。；;]{2,20}起(?:施行|实施|执行|生效)|同时废止|施行日期|有效期)")
PENALTY = re.compile(r"(?:违反本|责令|罚款|处分|追究[^，,。；;]*责任|吊销|没收|依法处理|承担[^，,。；;]*责任)")
PROHIBITION = ("不得", "禁止", "严禁", "不准")
EMPLOYER_DUTY = re.compile(r"^(?:用人单位|机关、[^，,。；;]{0,20}单位|[^，,。；;]{0,10}(?:企业|单位))(?:[^，,。；;]{0,6})"
                           r"(?:应当|不得|必须|应)")
MODALS = ("要", "应当", "应", "须", "必须", "将", "负责", "会同", "牵头", "可以", "可", "依法", "按照", "根据",
          "对", "为", "向", "采取", "通过", "在", "加强", "加大", "建立", "推进", "推动", "支持", "鼓励",
          "引导", "组织", "落实", "实行", "实施", "制定", "完善", "设立", "开展", "提供", "给予", "优先", "结合",
          "积极", "切实", "进一步", "及时", "定期", "每年", "统筹", "充分", "坚持", "健全", "深化", "大力",
          "持续", "全面", "逐步", "协助", "帮助", "指导", "做好", "安排", "确定", "建设", "保障")


@dataclass
class Reading:
    """What one sentence (or clause run) says, and the words that decided it."""
    measure: bool = False
    frame: str | None = None            # 对 / 为 / 向 / subject / object / service
    beneficiary: str | None = None      # the beneficiary phrase as read
    head: str | None = None             # its head noun
    offer: str | None = None            # the offering words
    actor: str | None = None            # who acts (the subject), when an organisation
    not_measure: str | None = None      # why not: the deciding words
    groups: dict = field(default_factory=dict)     # value -> the word
    gender: tuple | None = None
    tech: str | None = None
    audiences: list = field(default_factory=list)  # [(value, word)]
    category: tuple | None = None
    review: list = field(default_factory=list)
    not_people: list = field(default_factory=list)
    internal: list = field(default_factory=list)   # government-work words seen

    def why(self) -> str:
        if not self.measure:
            return self.not_measure or "no offer to anyone"
        parts = [f"{self.frame}: “{self.offer}”" if self.offer else self.frame]
        if self.beneficiary:
            parts.append(f"for “{self.beneficiary}”")
        return " ".join(p for p in parts if p)


# ---- small helpers ---------------------------------------------------------------

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


def clause_spans(s: str) -> list[tuple[int, int]]:
    """Clauses of a sentence at ，；： outside brackets and quotes."""
    out, a = [], 0
    for i in marks_outside_brackets(s, 0, len(s), CLAUSE_MARKS):
        out.append((a, i))
        a = i + 1
    out.append((a, len(s)))
    return [(x, y) for x, y in out if s[x:y].strip()]


def strip_brackets(s: str) -> str:
    """The text without parenthesised asides (含个体工商户), same length (spaces)."""
    out, depth = [], 0
    for ch in s:
        if ch in "(（":
            depth += 1
        if depth:
            out.append(" ")
        else:
            out.append(ch)
        if ch in ")）" and depth:
            depth -= 1
    return "".join(out)


def is_government(np: str) -> bool:
    np = np.strip(" ，,、")
    if not np:
        return False
    if np.endswith(NOT_GOVERNMENT):
        return False
    if any(w in np for w in GOVERNMENT_HEADS):
        return True
    if np in ("国家", "省", "市", "县", "区", "自治区", "全市", "全省", "全区", "各地", "地方"):
        return True
    tail = re.split(r"[、和及与]", np)[-1]
    return tail.endswith(GOVERNMENT_ENDINGS) and len(tail) <= 14 and not tail.endswith(NOT_GOVERNMENT)


def head_of(phrase: str) -> str:
    """The head noun of a beneficiary phrase: after the last 的 (activity nouns
    stripped); the phrase's own subject when it ends in 的 or 者."""
    p = phrase.strip(" ，,、")
    if p.endswith(("的", "者")):
        return leading_np(p[:-1])
    if "的" in p:
        p = p.rsplit("的", 1)[1]
    return _strip_activity(p)


def _strip_activity(p: str) -> str:
    changed = True
    while changed and p:
        changed = False
        for a in ACTIVITY:
            if p.endswith(a) and len(p) > len(a):
                p = p[:-len(a)].rstrip("、和及")
                changed = True
    return p


VERBISH = ("从事", "创办", "参加", "在", "到", "吸纳", "招用", "招收", "聘用", "安置", "开展", "投资", "申请",
           "使用", "入驻", "进入", "来", "回", "返回", "自主", "创业", "就业", "符合", "具有", "取得", "获得", "经",
           "被", "因", "未", "已", "与", "通过", "按", "依法", "首次", "新", "招录", "接收", "集中", "兴办", "领取")


def leading_np(p: str) -> str:
    """The noun phrase a clause starts with: up to its first verb (残疾人从事个体经营 -> 残疾人)."""
    p = p.strip(" ，,、")
    for i in range(1, len(p)):
        if p.startswith(VERBISH, i):
            return _strip_activity(p[:i])
    return _strip_activity(p)


def subject_of(s: str) -> str | None:
    """The sentence's subject: the text before its first modal or verb (各级人民政府应当… -> 各级人民政府)."""
    t = s.lstrip(" （(")
    best = None
    for m in MODALS:
        i = t.find(m, 1)
        if 0 < i <= 40 and (best is None or i < best):
            best = i
    if best is None:
        return None
    np = t[:best].strip(" ，,、")
    if any(c in np for c in "，,。；;：:") or len(np) < 2:
        return None
    return np


# ---- the frames -----------------------------------------------------------------------

def _after(s: str, words) -> str | None:
    return next((w for w in words if w in s), None)


def _frames(s: str) -> list[tuple[str, str, str]]:
    """(frame, beneficiary phrase, offering words) in `s` (Simplified, brackets blanked)."""
    out = []
    clauses = clause_spans(s)
    for k, (a, b) in enumerate(clauses):
        c = s[a:b]
        rest = s[a:clauses[min(k + 2, len(clauses) - 1)][1]]   # the frame may close in the next clause
        # 对 B(的)，… offer
        for m in re.finditer(r"对(?!于|外|接|标|照|象|口|策|话|待|称|比|应)", c):
            j = m.end()
            tail = c[j:]
            stop = len(tail)
            for w in OFFER_VERBS + ("进行", "实行", "按", "依法", "可", "应当", "应", "要", "将", "由", "加大",
                                    "开展", "给", "不", "作出", "提出", "予"):
                i = tail.find(w, 2)
                if 0 < i < stop:
                    stop = i
            phrase = tail[:stop].strip()
            after = (tail[stop:] + s[b:clauses[min(k + 1, len(clauses) - 1)][1]]) if stop < len(tail) \
                else s[b:clauses[min(k + 1, len(clauses) - 1)][1]]
            verb = next((w for w in OFFER_VERBS if w in after[:40]), None)
            gov = next((w for w in GOVERNANCE if w in after[:12]), None)
            if phrase and verb and not gov and len(phrase) >= 2:
                out.append(("对", phrase, verb))
        # 为 B 提供…
        for m in re.finditer(r"(?<![因作成认视列称以])为(?!了|主|重点|核心|基础|导向|依托|抓手|载体|目标|契机|突破口|统领|引领)"
                             r"([^为]{1,40}?)(提供|办理|开辟|开通|解决|落实|兑现|减轻|降低|搭建|创造[^，,。；;]{0,8}条件)", c):
            out.append(("为", m.group(1), m.group(2)))
        # 向 B 发放…
        for m in re.finditer(r"向([^向]{1,30}?)(发放|提供|开放|倾斜|返还|推荐|投放|延伸|减免)", c):
            out.append(("向", m.group(1), m.group(2)))
        # 鼓励/支持… B 参加/使用…: B is encouraged to use something (a need must be named)
        for m in re.finditer("(" + "|".join(ENCOURAGE) + r")([^，,。；;]{2,30}?)(?=" + "|".join(
                ("参加", "参与", "申请", "使用", "入驻", "享受", "接受", "利用", "兴办", "创办", "从事", "开办",
                 "到", "在", "进入", "返乡", "回乡", "租用", "购买", "获得", "提升", "开展", "开发", "设立",
                 "建设", "建立", "提供", "加快", "提高", "通过", "以", "按", "依托", "牵头", "组建", "承担")) + ")", c):
            out.append(("object", m.group(2), m.group(1)))
        del rest
    # B(…的)，可以/享受…: the subject may use the offer
    first = s[clauses[0][0]:clauses[0][1]] if clauses else s
    for k, (a, b) in enumerate(clauses[:3]):
        c = s[a:b]
        use = None
        for w in MAY_USE:
            i = c.find(w)
            if i >= 0 and (use is None or i < use[1]):
                use = (w, i)
        if use is None:
            continue
        w, i = use
        if w in ("可以", "可", "可按", "可以按照", "可按照") and not any(o in c[i:] for o in OFFER_VERBS + (
                "申请", "选择", "复学", "入学", "转入", "登记", "办理", "承包")):
            continue
        subject = c[:i].strip() if i > 0 else first.strip()
        if k > 0 and i == 0:
            subject = first.strip()
        if subject and not subject.startswith(("对", "为", "向")):
            out.append(("subject", subject, w))
    return out


def beneficiary_kind(phrase: str, vocab) -> str:
    """government | organisation | people | business | group | none, for a phrase's head."""
    head = head_of(phrase)
    if not head:
        return "none"
    if is_government(head) or is_government(phrase.strip()):
        return "government"
    if find_terms(head, vocab.groups) or find_terms(head, vocab.gender):
        return "group"
    if any(head.endswith(w) for w in ORGANISATION_HEADS):
        return "organisation"
    if any(w in head for w in PEOPLE_WORDS):
        return "people"
    if any(w in head for w in BUSINESS_WORDS) or find_terms(head, {"t": vocab.tech_words}):
        return "business"
    if find_terms(head, vocab.audiences):
        return "organisation"
    return "none"


# ---- reading a sentence ------------------------------------------------------------------

def read(text: str, vocab, *, context: "Reading | None" = None) -> Reading:
    """Read one sentence or clause run (any script). `context` is the reading of the
    text it continues (an article's lead-in before its items): its actor and beneficiary
    carry over when this text names none."""
    s = strip_brackets(to_simplified(text)).strip()
    r = Reading()
    r.internal = [w for w in GOVERNANCE if w in s]
    r.category = _category(s, vocab)
    actor = subject_of(s)
    if actor and (is_government(actor) or any(actor.endswith(h) for h in ORGANISATION_HEADS)) \
            and actor not in ("国家", "全社会", "社会", "各地", "有关部门", "有关单位", "各地区"):
        r.actor = actor
    elif context is not None and context.actor:
        r.actor = context.actor
    # not measures, whatever else they say
    for pattern, what in ((PURPOSE, "purpose"), (DEFINITION, "definition"), (IN_FORCE, "date in force"),
                          (PENALTY, "penalty")):
        m = pattern.search(s)
        if m and not (what == "penalty" and _frames(s) and not s.startswith("违反")):
            r.not_measure = f"{what}: “{m.group(0)}”"
            return r
    m = EMPLOYER_DUTY.match(s)
    if m:
        r.not_measure = f"an employer's duty: “{m.group(0)}”"
        return r
    frames = [(f, b, o) for f, b, o in _frames(s)]
    chosen = None
    for kind in ("对", "为", "向", "subject", "object"):
        for f, phrase, offer in frames:
            if f != kind:
                continue
            k = beneficiary_kind(phrase, vocab)
            if k == "government":
                r.not_measure = r.not_measure or f"the beneficiary is a government: “{f}{phrase}”"
                continue
            if k == "none" and f in ("subject", "object"):
                continue
            if f == "object" and r.category is None and offer not in ("组织",):
                continue
            if f == "subject" and k == "organisation" and is_government(phrase):
                continue
            chosen = (f, phrase, offer)
            break
        if chosen:
            break
    if chosen is None and context is not None and context.measure and context.beneficiary and \
            not any(w in s for w in PROHIBITION):
        # an item of a list: (一)发布残疾人就业信息； under …为残疾人就业提供下列服务：
        chosen = (context.frame, context.beneficiary, context.offer)
        r.review.append("read with its article's lead-in (“" + context.beneficiary + "”)")
    if chosen is None:
        service = _service(s, vocab, r)
        if service is None:
            if any(w in s for w in PROHIBITION):
                r.not_measure = r.not_measure or "a prohibition: “" + _after(s, PROHIBITION) + "”"
            elif r.internal:
                r.not_measure = r.not_measure or "the government's own work: “" + "、".join(r.internal[:3]) + "”"
            else:
                r.not_measure = r.not_measure or "no offer to anyone"
            return r
        chosen = service
    r.measure = True
    r.frame, r.beneficiary, r.offer = chosen
    r.head = head_of(r.beneficiary) if r.beneficiary else None
    _people(r, s, vocab)
    return r


SERVICE_VERBS = ("提供", "开展", "落实", "实施", "实行", "推行", "推广", "设立", "建立", "建设", "打造", "搭建",
                 "开通", "举办", "组织", "给予", "发放", "完善", "优化", "简化", "放宽", "降低", "减轻", "加大",
                 "扩大", "增加", "支持", "鼓励", "引导", "扶持", "培育", "探索", "推动", "深化", "健全", "用好",
                 "发挥", "强化", "加快", "提升", "开放", "保障", "办好", "改进", "创新")


def _service(s: str, vocab, r: Reading):
    """No frame: a government's service or policy whose object names a need or a
    beneficiary (落实创业担保贷款贴息政策; 推行工商登记全程电子化)."""
    verb = next((v for v in SERVICE_VERBS if v in s), None)
    if verb is None:
        return None
    obj = s[s.find(verb):]
    need = r.category
    people = [w for _, w, _ in find_terms(obj, vocab.groups)] + [w for _, w, _ in find_terms(obj, vocab.audiences)]
    if not need and not people:
        return None
    gov_only = [w for w in GOVERNANCE if w in obj] and not need
    if gov_only:
        return None
    if need is None and not any(w in obj for w in ("服务", "政策", "补贴", "平台", "培训", "资金", "便利", "支持",
                                                     "扶持", "优惠", "帮助", "援助", "计划", "工程", "行动")):
        return None
    return ("service", people[0] if people else None, verb)


def _category(s: str, vocab) -> tuple | None:
    needs = find_terms(s, vocab.needs)
    if not needs:
        return None
    count: dict = {}
    for value, word, _ in needs:
        count.setdefault(value, []).append(word)
    best = max(count, key=lambda v: len(count[v]))
    return best, tuple(dict.fromkeys(count[best]))


def _people(r: Reading, s: str, vocab) -> None:
    """Groups, gender, 科技型企业 and audience from the beneficiary phrase only."""
    phrase = r.beneficiary or ""
    head = r.head or ""
    if r.frame == "service":
        phrase = s      # no frame: the object is all there is (its group words name whom it is for)
    text = phrase
    collective = {f"{COLLECTIVE}{w}": (w,) for w in vocab.collective}
    hits = find_terms(text, {**vocab.groups, **collective})
    org_head = r.frame != "service" and any(head.endswith(w) for w in ORGANISATION_HEADS) and \
        not find_terms(head, vocab.groups)
    group_hits = []
    for value, word, pos in hits:
        if org_head:
            r.not_people.append(word)
            continue
        if not names_a_person(text, word, pos):
            r.not_people.append(word)
            continue
        if value.startswith(COLLECTIVE) and not collective_is_the_head(text, word, pos, group_hits):
            r.review.append(f"collective word “{word}” not read as groups here: it is qualified by a group word "
                            "or modifies a person noun — check who is meant")
            continue
        group_hits.append((value, word, pos))
        if value.startswith(COLLECTIVE):
            for g in vocab.collective[word]:
                r.groups.setdefault(g, word)
            r.review.append(f"groups read from the collective word “{word}” (rules/collective-words.yml): "
                            + "、".join(vocab.group_labels.get(g, g) for g in vocab.collective[word]) + " — check")
        else:
            r.groups.setdefault(value, word)
    female = find_terms(text, vocab.gender)
    if female and not org_head:
        r.gender = (female[0][0], female[0][1])
    else:
        for value, word, pos in group_hits:
            if pos > 0 and text[pos - 1] == "女" and "female" in vocab.gender:
                r.gender = ("female", "女" + word)
                break
    for value, word, pos in find_terms(text, {"tech": vocab.tech_words}):
        if not text.startswith(TECH_NOT_BUSINESS, pos + len(word)):
            r.tech = word
            break
    aud = [(v, w) for v, w, _ in find_terms(text, vocab.audiences)] if vocab.audiences else []
    if org_head:
        org = [(v, w) for v, w, _ in find_terms(head, vocab.audiences)]
        aud = org or ([("operator", head)] if "operator" in vocab.audiences and head.endswith(
            ("孵化载体", "孵化器", "孵化基地", "众创空间", "载体", "基地", "园区")) else aud)
    elif r.groups or r.gender:
        aud = [("founder", next(iter(r.groups.values()), r.gender[1] if r.gender else ""))] + \
            [a for a in aud if a[0] != "founder"]
    r.audiences = aud
    covered = [False] * len(text)
    for _, word, pos in hits:
        for i in range(pos, pos + len(word)):
            covered[i] = True
    for phrase_ in new_group_phrases(text, covered):
        r.review.append(f"new group? “{phrase_}” is not a group in rules/facts.yml")


# ---- group words (kept from the first drafter: closed vocabularies, checked uses) ----------

COLLECTIVE = "collective:"
INSTITUTION_ENDINGS = ("院所", "院校", "机构", "高校", "单位")
PERSON_SUFFIXES = ("人员", "人才", "青年", "群体", "学生", "毕业生", "居民", "妇女", "同胞", "士兵", "农民", "民众")
GENERIC_PEOPLE = ("人员", "人才", "群体", "学生")
STOP_CHARS = set("的和与及等对为向在把将了、,，。；;：:“”\"()（）《》支持鼓励引导吸引推动加强各类一批更多 ")
TECH_NOT_BUSINESS = ("孵化", "园", "服务", "家")
NOT_PERSON_HEAD = re.compile(r"(?:[及和与][^\W\d_到在向进赴来去为给参入]{1,3}?)?[^\W\d_到在向进赴来去为给参入]{0,2}?"
                             r"(?:团体|组织|机构|协会|商会|委员会|智库|库)")
PERSON_NOUNS = PERSON_SUFFIXES + ("科学家", "企业家", "才俊", "学者", "专家")
HIRING_WORDS = ("吸纳", "招用", "招收", "聘用", "雇用", "录用", "安置", "安排")
EMPLOYER_AFTER = re.compile(r"^[^,，。；;：:]*?的(?:用人单位|单位|企业|机构|用人主体)")
ORIGIN_GAPS = ("", "地区", "籍")


def names_a_person(s: str, word: str, pos: int) -> bool:
    """Whether a group word names people: not an institution (科研院所), not the
    modifier of a pool or a body (专家智库, 港澳台科技团体), not the people an
    employer takes on (吸纳…毕业生…的单位)."""
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
    if s.startswith(PERSON_NOUNS, pos + len(word)):
        return False
    return not any(s[p + len(w):pos] in ORIGIN_GAPS and not v.startswith(COLLECTIVE) for v, w, p in group_hits)


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


def places_in(text: str, vocab, region_chain: list[str]) -> list[str]:
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


def _place_terms(vocab) -> list[str]:
    cached = getattr(vocab, "_place_terms", None)
    if cached is None:
        cached = [t for t in vocab.gazetteer.lookup_terms() if len(t) >= 3]
        vocab._place_terms = cached
    return cached
