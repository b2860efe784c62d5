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

from .sentences import marks_outside_brackets

CLAUSE_MARKS = "，,；;：:"

# predicates that give something to the beneficiary of a frame
OFFER_VERBS = ("给予", "予以", "提供", "发放", "返还", "退还", "补贴", "补助", "奖补", "奖励", "资助", "贴息",
               "减免", "免收", "免征", "免除", "减征", "缓征", "减半", "优先", "照顾", "倾斜", "扶持", "支持", "帮助",
               "帮扶", "援助", "落实", "享受", "办理", "开放", "安排", "保障", "解决", "开通", "推荐", "投放", "增加",
               "放宽", "简化", "便利", "加大", "纳入", "提高", "降低", "实行", "实施", "开展", "组织", "兑现")
# what a subject-beneficiary may do with an offer (B 可以申请… / B 享受…)
MAY_USE = ("享受", "免费", "优先录取", "优先录用", "合并计算", "视同缴费", "可以申请", "可申请", "可以享受", "可享受", "申领", "领取", "可以选择", "可以按照", "可按照", "可按",
           "可以", "可", "优先享受", "依法享受", "按规定享受", "按照规定享受", "按照国家规定享受", "允许")
# what a permission (B 可以 …) must go on to do to be an offer, not a mere right or duty
PERMITTED = ("申请", "享受", "办理", "领取", "申领", "复学", "入学", "转入", "承包", "报考", "缩短", "采取加速", "免",
             "扣除", "抵扣", "抵免",
             "减", "延期", "补缴", "落户", "获得", "使用", "入驻", "参加")
ENCOURAGE = ("鼓励", "支持", "引导", "吸引", "扶持", "帮助", "允许", "组织", "指导", "推动", "动员", "欢迎")
# the government's own work: an object of these is not offered to anyone (as verbs: 管理 in
# 行政管理部门 or 管理类收费 is a name, see governs())
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
                "投资者", "配偶", "子女", "家属", "父母", "遗属", "亲属", "军人", "士兵", "残疾人", "农户", "经营者",
                "老人")
BUSINESS_WORDS = ("企业", "个体工商户", "市场主体", "经营主体", "创新主体", "单位", "农场", "合作社", "商户",
                  "主体", "项目")
# trailing activity nouns: 残疾人就业 -> 残疾人
ACTIVITY = ("生产或者经营", "生产经营", "的产品或者服务", "的产品", "自主就业创业", "就业创业", "创新创业",
            "自主创业", "自主择业", "自谋职业", "就业", "创业", "发展", "经营", "生产", "融资", "生活", "工作")
PURPOSE = re.compile(r"^(?:(?:为了|为)[^。；;]{2,200}?|根据[^。；;]{2,120}?)[，,]\s*(?:特|现)?(?:制定本|制定|提出(?:如下|以下)|现提出)")
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


# after a governance word, what makes it part of a name, not a verb (行政管理部门, 管理类收费, 监督管理局)
NOMINAL_AFTER = ("部门", "机关", "机构", "类", "费", "局", "委", "办", "处", "人员", "主管", "行政", "制度", "办法",
                 "中心", "职能", "体制", "服务机构", "平台", "系统", "体系", "水平", "能力", "咨询", "模式")


def governs(text: str) -> list[str]:
    """The words of GOVERNANCE the text uses as verbs (统筹、考核、监督…), not inside a name."""
    out = []
    for w in GOVERNANCE:
        at = text.find(w)
        while at >= 0:
            after = text[at + len(w):]
            before = text[max(0, at - 2):at]
            if not after.startswith(NOMINAL_AFTER + ("安排", "解决", "提供", "落实")) and \
                    not before.endswith(("行政", "市场", "质量")):
                out.append(w)
                break
            at = text.find(w, at + 1)
    return out


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
    all_groups: str | None = None                  # a word naming people in two groups at once (残疾退役军人)
    headless: bool = False                         # the beneficiary is "those who…" with no noun (…的，给予…)

    def why(self) -> str:
        if not self.measure:
            return self.not_measure or NO_OFFER
        parts = [FRAME_LABELS.get(self.frame, self.frame) + (f"“{self.offer}”" if self.offer else "")]
        if self.beneficiary:
            parts.append(f"受益者“{self.beneficiary}”")
        return "，".join(p for p in parts if p)


NO_OFFER = "没有向任何个人或企业提供扶持"
FRAME_LABELS = {"对": "对…", "为": "为…", "向": "向…", "subject": "受益者可以…", "object": "鼓励/支持…",
                "service": "政府提供的服务或政策："}


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


GOVERNMENT_SUFFIXES = ("人民政府", "政府", "部门", "机关", "财政", "国务院", "委员会", "办公室", "办公厅",
                       "管理局", "监管局", "税务局", "联席会议", "领导小组", "人民银行", "党委", "党组", "各级", "各地",
                       "市县", "地区", "地方")
GOVERNMENT_WORDS = ("国家", "省", "市", "县", "区", "自治区", "全市", "全省", "全区", "各地", "地方", "基层", "中央",
                    "各级", "各地区", "各部门")


def is_government(np: str) -> bool:
    """Whether a noun phrase names a government or an office (its last coordinated part decides)."""
    np = np.strip(" ，,、")
    if not np:
        return False
    tail = re.split(r"[、和及与]", np)[-1]
    if tail.endswith(NOT_GOVERNMENT) or any(w in tail for w in PEOPLE_WORDS + BUSINESS_WORDS) and \
            not tail.endswith(GOVERNMENT_SUFFIXES):
        return False
    if tail in GOVERNMENT_WORDS or tail.endswith(GOVERNMENT_SUFFIXES):
        return True
    return tail.endswith(GOVERNMENT_ENDINGS) and len(tail) <= 14


FOUNDING = ("创办", "开办", "兴办", "领办", "创建", "创设")


def head_of(phrase: str, vocab=None) -> str:
    """The head noun of a beneficiary phrase: after the last 的 (activity nouns
    stripped); the phrase's own subject when it ends in 的 (残疾人从事个体经营的); the
    possessor of a possessive 的 (中小企业的固定资产 -> 中小企业); the founder of a
    business founded by someone (高校毕业生创办的企业 -> 高校毕业生)."""
    p = phrase.strip(" ，,、")
    if "的" in p[:-1] and _all_nouns(p.split("的", 1)[0], vocab) and not _names_people(p.rsplit("的", 1)[1], vocab):
        return _strip_activity(p.split("的", 1)[0])        # 中小企业的固定资产…: the possessor
    if p.endswith("的"):
        return leading_np(p[:-1], vocab)
    if "的" in p:
        before, after = p.rsplit("的", 1)
        if before.endswith(FOUNDING):
            return leading_np(before, vocab)
        if _strip_activity(after.strip()) in ACTIVITY_NOUNS or after.strip() in ACTIVITY_NOUNS:
            return _strip_activity(leading_np(before, vocab) or before)   # 为会员的生产经营活动提供服务: the members
        owner = owner_of(before, vocab)
        if re.sub(r"(?:依法|按照规定|按规定)$", "", after.strip()).endswith(OWNED) and owner:
            return owner        # 中小企业开发新产品发生的研究开发费用: the business whose costs they are
        p = after
    return _strip_activity(p)


# what someone does, as a noun (…会员的生产经营活动): the one who does it benefits
ACTIVITY_NOUNS = ("活动", "生产经营活动", "经营活动", "工作", "发展", "需要", "需求", "")
# things a business or a person has (a relative clause before them names the owner)
OWNED = ("费用", "资产", "收入", "所得", "支出", "投入", "设备", "产品", "房屋", "场地", "年限", "工龄")


def owner_of(clause: str, vocab) -> str | None:
    """The noun a relative clause opens with, when it names a business or people (小微企业购置设备发生
    -> 小微企业): the first noun of the vocabularies, starting within its first characters."""
    terms = {"n": NOUN_WORDS}
    if vocab is not None:
        terms.update({**vocab.groups, **vocab.audiences})
    found = find_terms(clause, terms)
    if found:
        _, word, pos = found[0]
        if pos <= 4 and pos + len(word) < len(clause):
            return clause[:pos + len(word)]
    np = leading_np(clause, vocab)           # 军官和军士退出现役时 -> 军官和军士
    return np if np and np != clause and np.endswith(PERSON_HEAD_ENDINGS) else None


def _names_people(p: str, vocab) -> bool:
    """Whether a noun phrase names people (因公致残的退役军人: the part after 的 is the head)."""
    p = _strip_activity(p.strip())
    return bool(p) and (any(w in p for w in PEOPLE_WORDS) or p.endswith(PERSON_HEAD_ENDINGS)
                        or bool(vocab is not None and find_terms(p, vocab.groups)))


def _all_nouns(p: str, vocab) -> bool:
    """Whether a phrase is nothing but nouns of the vocabularies (and 、和及与等)."""
    terms = {"n": NOUN_WORDS}
    if vocab is not None:
        terms.update({**vocab.groups, **vocab.audiences})
    covered = [c in "、和及与等 " for c in p]
    for _, word, pos in find_terms(p, terms):
        for i in range(pos, pos + len(word)):
            covered[i] = True
    return bool(p) and all(covered)


def _strip_activity(p: str) -> str:
    changed = True
    while changed and p:
        changed = False
        for a in ACTIVITY:
            if p.endswith(a) and len(p) > len(a):
                p = p[:-len(a)].rstrip("、和及")
                changed = True
    return p


VERBISH = ("从事", "创办", "参加", "在", "到", "吸纳", "招用", "招收", "聘用", "安置", "开展", "投资", "申请", "退出",
           "移交", "待", "入伍", "服现役", "报考", "就医", "乘坐",
           "使用", "入驻", "进入", "来", "回", "返回", "自主", "创业", "就业", "符合", "具有", "取得", "获得",
           "经批准", "经认定", "经确认", "经考试", "被", "因", "未", "已", "与", "通过", "按", "依法", "首次", "新",
           "招录", "接收", "集中", "兴办", "领取", "需要", "达到", "享受", "可以", "可")
NOUN_WORDS = PEOPLE_WORDS + BUSINESS_WORDS


def leading_np(p: str, vocab=None) -> str:
    """The noun phrase a clause starts with: up to its first verb (残疾人从事个体经营 -> 残疾人),
    never inside a word of the vocabularies (创业投资企业 is one word)."""
    p = p.strip(" ，,、")
    covered = [False] * len(p)
    terms = {"n": NOUN_WORDS}
    if vocab is not None:
        terms.update({**vocab.groups, **vocab.audiences, "t": vocab.tech_words})
    for _, word, pos in find_terms(p, terms):
        for i in range(pos, pos + len(word)):
            covered[i] = True
    if p.startswith(CLAUSE_OPENING_VERBS) and not (covered and covered[0]):
        return ""          # 到城乡基层…就业的: a clause with no subject of its own names nobody
    for i in range(1, len(p)):
        if not covered[i] and p.startswith(VERBISH, i):
            return _strip_activity(p[:i])
    return _strip_activity(p)


# a clause that opens with one of these has no subject of its own (到…就业的, 在…工作的, 被安排…的)
CLAUSE_OPENING_VERBS = ("到", "在", "被", "从事", "参加", "符合", "经", "因", "以", "未", "已", "自愿", "申请", "取得",
                        "获得", "具有", "招用", "吸纳", "安置", "创办", "兴办")


CORE_MODALS = ("应当", "必须", "要", "须", "将", "负责", "可以", "会同", "牵头", "依法", "按照", "根据", "应")
# where a subject ends when no modal follows it (国家鼓励…, 各级人民政府对…给予…)
SUBJECT_ENDS = ("对", "为", "向", "在", "通过", "鼓励", "支持", "引导", "扶持", "建立", "实行", "实施", "采取",
                "关心", "优待", "尊重", "保护", "倡导", "坚持", "重视", "依照", "按照", "根据", "结合", "把", "将",
                "加强", "加大", "推动", "推进", "完善", "健全", "设立", "组织", "开展", "提供", "给予", "优先", "保障",
                "制定", "发展", "培育", "促进", "统筹", "创造", "安排", "确定", "落实", "建设", "帮助", "指导",
                "持续", "逐步", "积极", "切实", "大力", "进一步", "定期", "及时", "综合", "协助", "做好", "不得")
NOT_A_SUBJECT = ENCOURAGE + ("积极", "大力", "切实", "进一步", "充分", "深入", "持续", "继续", "着力", "全面",
                             "加快", "努力", "逐步", "适时", "不断", "认真", "有序", "稳步", "探索", "推行", "推动","对", "为", "向", "在", "按", "依", "根据", "通过", "经", "受", "由", "凡", "自", "除",
                             "加强", "完善", "建立", "推进", "实施", "实行", "落实", "开展", "提供", "给予", "设立",
                             "并", "同时", "其中", "其", "以", "将", "把", "如", "若")


def _modal_at(t: str, start: int = 1) -> int | None:
    """The first modal that ends a subject (not one inside it: 和其他负责…的部门应当)."""
    found = []
    for m in CORE_MODALS:
        i = t.find(m, start)
        while i > 0:
            if not (m == "应" and (t[i - 1] in "相适供对反响呼效顺感报" or t[i + 1:i + 2] in "急用届对聘")):
                found.append(i)
            i = t.find(m, i + 1)
    for i in sorted(set(found)):
        if i > 40:
            break
        if not t[:i].rstrip().endswith(("其他", "及其", "和", "、", "或者", "所", "专门")):
            return i
    return None


def subject_of(s: str) -> str | None:
    """The sentence's subject: the noun phrase before its first modal (各级人民政府应当… ->
    各级人民政府), or before its first verb or preposition (国家鼓励… -> 国家). A topic clause
    before it (残疾人职工…发生争议的，…; 军人退出现役后，…; 对自主就业的退役士兵，…) is skipped."""
    t = s.lstrip(" （(")
    clauses = clause_spans(t)
    for _ in range(2):
        if len(clauses) > 1:
            first = t[clauses[0][0]:clauses[0][1]].strip()
            if first.endswith(("的", "时", "后", "前")) or first.startswith(("对", "根据", "按照", "为了", "在")):
                t = t[clauses[1][0]:]
                clauses = clause_spans(t)
                continue
        break
    head = t[:clauses[0][1]] if clauses else t
    if len(clauses) > 1 and _modal_at(head) is None and \
            t[clauses[1][0]:clauses[1][1]].lstrip().startswith(("应当", "可以", "要", "应", "须", "必须", "负责")) and \
            re.search(r"(?:" + "|".join(ACTING_HEADS + GOVERNMENT_ENDINGS) + r")$", head.strip()):
        return head.strip()           # 本市建立的产权交易市场和…登记中心，应当…: the first clause is the subject
    i = _modal_at(head)
    if i is not None:
        # a preposition before the modal ends the subject (县级以上人民政府及其有关部门对自主创业者应当…)
        cut = [m.start() for m in re.finditer(r"(?<![针面相绝])对(?!外|接)|(?<![因作成认视以])为(?!了|主)|向|按照|根据|依照",
                                              head[:i])
               if m.start() >= 2]
        if cut:
            i = min(cut)
    if i is None:
        ends = [head.find(w, 1) for w in SUBJECT_ENDS + SERVICE_VERBS]
        ends = [e for e in ends if 0 < e <= 30]
        if not ends:
            return None
        i = min(ends)
    np = head[:i].strip(" ，,、")
    if "的" in np and np.endswith(FUND_HEADS + ACTING_HEADS + GOVERNMENT_ENDINGS):
        return np                     # 依法征收的残疾人就业保障金…: a noun phrase with its modifier
    for adverb in ("每年", "定期", "及时", "同时", "具体", "分别", "共同", "也", "还", "均", "都", "应"):
        if np.endswith(adverb) and len(np) > len(adverb) + 1:
            np = np[:-len(adverb)]
    if len(np) < 2 or any(c in np for c in "，,。；;：:") or np.startswith(NOT_A_SUBJECT):
        return None
    return np


ACTING_HEADS = ("机构", "单位", "银行", "中心", "站点", "组织", "协会", "学校", "高校", "医院", "公司", "企业",
                "基金", "平台", "院所")


def acting_unit(np: str | None) -> str | None:
    """The subject as who acts: a government, an office, or an organisation (not the people it serves)."""
    if not np or np in ("国家", "全社会", "社会", "各地", "有关部门", "有关单位", "各地区", "政府"):
        return None
    tail = re.split(r"[、和及与]", np)[-1]
    if is_government(np) or tail.endswith(ACTING_HEADS):
        return np
    return None


APPLY_TO = re.compile(r"(?:向|到)([^，,。；;向到]{3,30}?(?:部门|机关|机构|中心|政府|局|厅|委|办))(?:进行)?[^，,。；;]{0,6}?"
                      r"(?:申请|申领|申报|提出申请|办理|登记|备案)")
PASSIVE_AGENT = re.compile(r"由([^，,。；;由]{1,30}?(?:部门|机关|机构|中心|政府|局|厅|委|办|单位|妇联|残联|工会|团委|科协))(?:[^，,。；;]{0,12}?)"
                           r"(?:办理|负责|提供|发放|组织|安排|给予|解决)")


# ---- the frames -----------------------------------------------------------------------

# A verb that gives only with a concrete offer after it (实行…方针 gives nothing, 实行…减免 does)
WEAK_OFFER = ("实行", "实施", "落实", "开展", "组织", "保障", "加大", "提高", "增加", "纳入", "安排", "降低", "简化",
              "放宽", "便利", "支持", "帮助", "解决", "开放")
OFFER_NOUNS = ("补贴", "补助", "奖补", "优惠", "贴息", "扶持", "服务", "帮助", "照顾", "资助", "减免", "免征", "免收",
               "保障范围", "援助范围", "救助范围", "帮扶范围", "扶持范围", "补贴范围",
               "优先", "援助", "培训", "贷款", "担保", "场地", "政策", "支持", "便利", "指导", "咨询", "资金")
NOT_DUI = "针面相绝反核应敌配应"      # 针对, 面对, 相对 … are no 对-frame
ORIENTATION = ("有利于", "方针", "原则", "战略", "理念", "责任和义务", "职责", "义务")
FUND_HEADS = ("资金", "基金", "保障金", "经费", "预算", "费用", "收入")
PRIVATE_DUTY_HEADS = ("用人单位", "企业", "职业中介机构", "个体工商户", "平台经营者", "经营者", "中小企业",
                      "住宿经营者")
PRIORITY = re.compile(r"优先(?:安排|购买|采购|录用|招录|招用|聘用|支持|保障|解决|接收|选用|留用)([^，,。；;]{2,40})")
SERVICE_NOUNS = ("指导和服务", "服务", "指导", "帮助", "扶持", "支持", "培训", "援助", "照顾", "帮扶", "优待",
                 "资助", "补贴", "奖励", "培育", "上市培育", "融资", "辅导")
# what 为 X 提供 may offer that gives nothing in particular (为军人履行职责提供保障)
GENERIC_OFFERS = re.compile(r"^(?:必要的|有力的|坚实的|相应的)?(?:支持和帮助|支持和协助|帮助和支持|支持|帮助|保障|条件|服务保障)(?:[。；;，,]|$)")
DELEGATION = re.compile(r"(?:具体)?(?:办法|标准|规定|目录)[^，,。；;]{0,6}由[^，,。；;]{2,40}(?:制定|规定|确定)")
SYSTEMS = ("体系", "制度", "机制", "体制", "网络", "规划", "战略")
# an honour for those who did well (对…做出突出贡献的单位和个人，给予表彰和奖励): recognition, not support
COMMENDATION = re.compile(r"(?:突出贡献|显著成绩|成绩显著|表现突出|先进)[^。；;]{0,30}?(?:给予|予以)?[^，,。；;]{0,4}(?:表彰|嘉奖|褒扬)")
# a right declared (享有与男子平等的权利, 有权…要求): equality and protection, not support
RIGHT = re.compile(r"享有[^，,。；;]{0,20}(?:平等|同等)[^，,。；;]{0,6}(?:权利|权)|有权[^，,。；;]{0,30}(?:要求|拒绝|请求|申诉|举报|控告)"
                   r"|享(?:受|有)与[^，,。；;]{0,20}(?:同等|平等|相同)的(?:待遇|权利)|坚持[^。；;]{0,40}的?原则"
                   r"|保障[^，,。；;]{0,8}享有[^，,。；;]{0,20}(?:权益|权利)|是全社会的共同责任"
                   r"|(?:给予|予以)特别保护")
# what follows from not doing something (视为放弃…, 取消其…资格, 不再享受…)
SANCTION = re.compile(r"由本人[^，,。；;]{0,20}(?:办理|申报|登记)|视为(?:放弃|自动放弃)|取消其[^，,。；;]{0,10}(?:资格|待遇)|不再享受|停止享受|停发|责令[^，,。；;]{0,6}退回"
                      r"|暂缓办理|约谈|通报批评")
# another rule governs (…另有规定的，依照其规定)
DEFERRED = re.compile(r"另有规定的[，,]?\s*(?:依照|从|按照)其规定|按照[^，,。；;]{0,16}规定执行[。；;]?$|适用本(?:法|条例|办法|规定)")
# a person's recourse to the courts and to review (向人民法院申请…, 提起诉讼, 申请仲裁, 行政复议)
REMEDY = re.compile(r"向人民法院[^，,。；;]{0,12}(?:申请|起诉)|提起(?:行政)?诉讼|人民法院应当|申请(?:劳动)?仲裁|申请行政复议"
                    r"|申请复核|有异议的")
# society at large called on to give (国家鼓励…社会力量/社会各界/…和个人 …捐赠、提供帮助): nobody is offered anything
SOCIETY_CALLED = re.compile(r"(?:鼓励|支持|引导|倡导|动员)[^，,。；;]{0,40}?(?:社会力量|社会各界|社会各方面|全社会|(?:组织|单位)"
                            r"(?:和|以及|、)个人|其他组织以及个人)(?:[^，,。；;]{0,6}?)(?:依法|通过|为|参与|参加|开展|捐赠|向)")
CATCH_ALL = re.compile(r"^(?:其他|国务院规定|法律、行政法规规定的其他|有关法律、法规规定的其他)")


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


def _frames(s: str, vocab=None) -> list[tuple[str, str, str]]:
    """(frame, beneficiary phrase, offering words) in `s` (Simplified, brackets blanked), clause by
    clause and then across clauses, in that order (the first found is the strongest)."""
    out = []
    clauses = clause_spans(s)
    topic = s[clauses[0][0]:clauses[0][1]].strip() if clauses else s
    for k, (a, b) in enumerate(clauses):
        c = s[a:b]
        out += _dui_frames(s, clauses, k)
        # 针对 B 的…服务/政策: B is whom it is for
        for m in re.finditer(r"针对([^，,。；;]{2,30}?)的([^，,。；;]{0,20}?)(服务|政策|支持|帮扶|扶持|培训|产品)", c):
            out.append(("为", m.group(1), m.group(3)))
        out += _wei_frames(s, clauses, k, topic)
        out += _named_beneficiary_frames(c, vocab)
        # 鼓励/支持… B 参加/使用…: B is encouraged to use something (a need must be named)
        out += _encouraged(c, vocab)
    out += _topic_frame(s, clauses, topic, vocab)
    out += _may_use_frames(s, clauses, topic)
    return out


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
        elif "的" in phrase:       # 加强对退役军人就业创业的指导和服务: the service noun after 的
            who, what = phrase.rsplit("的", 1)
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
    for m in re.finditer(r"(?<![因作成认视列称以])为(?!了|主|重点|核心|基础|导向|依托|抓手|载体|目标|契机|突破口|统领"
                         r"|引领|经济|社会|国家|乡村振兴)([^为，,。；;]{1,40}?)(提供|办理|开辟|开通|落实|兑现|减轻|降低|搭建|增加|扩大"
                         r"|安排|解决|争取|组织|开展|举办|进行)", c):
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
    for m in re.finditer(r"向([^向，,。；;]{1,30}?)(发放|提供|开放|倾斜|返还|推荐|投放|延伸|减免)", c):
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
    if ends and ends[0] + 1 < len(clauses) and not topic.startswith(("对", "为", "向")) and \
            not any(s[a:b].strip().startswith(("对", "为", "向")) for a, b in clauses[:ends[0] + 1]):
        whole = s[:clauses[ends[0]][1]].strip()
        if not whole.endswith("的"):
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
        if re.search(r"应当|必须|须", c[:i]) and not re.search(r"应当(?:为|向|对|给予|予以|优先)", c[:i]):
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
                                              "在", "自", "从", "同等")):
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


def _only_activity(s: str, phrase: str) -> bool:
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


def _does_itself(s: str, phrase: str) -> bool:
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


def _after(s: str, words) -> str | None:
    return next((w for w in words if w in s), None)


def beneficiary_head(frame: str, phrase: str, vocab=None, topic: str = "") -> str:
    """The words naming the beneficiary: the head of a 对/为/向 phrase, the leading
    noun phrase of a subject, the object of an encouragement; 其 is the sentence's topic."""
    if phrase.strip() in ("其", "其中") and topic:
        phrase = topic
    if frame in ("对", "为", "向"):
        return head_of(phrase, vocab)
    if frame == "subject":
        if "的" in phrase.rstrip("的"):
            np = leading_np(phrase, vocab)      # 企业在新增加的就业岗位中…: the noun phrase it opens with
            if np and "的" not in np and beneficiary_kind(np, vocab) in ("people", "business", "group"):
                return np
            return head_of(phrase, vocab)
        return leading_np(phrase[:-1] if phrase.endswith("的") else phrase, vocab)
    return _strip_activity(phrase.strip())


# the last character of a noun naming people (遗属, 军士, 义务兵, 军官, 农户, 职工 …): a person, whatever the
# noun; checked after governments, funds and organisations
PERSON_HEAD_ENDINGS = tuple("人员者属士兵生工民户官师")
ELIDED_OFFERS = ("给予", "领取", "享受", "发放", "发给", "补贴", "予以", "可以申请", "申领", "纳入", "返还", "免收",
                 "减免", "提供", "办理", "安排")


def beneficiary_kind(head: str, vocab) -> str:
    """government | fund | organisation | people | business | group | none, for a beneficiary head."""
    if not head:
        return "none"
    if find_terms(head, vocab.groups) or find_terms(head, vocab.gender):
        return "group"
    if is_government(head):
        return "government"
    if head.endswith(FUND_HEADS):
        return "fund"
    if any(head.endswith(w) for w in ORGANISATION_HEADS):
        return "organisation"
    if any(w in head for w in PEOPLE_WORDS) or len(head) >= 2 and head.endswith(PERSON_HEAD_ENDINGS):
        return "people"
    if any(w in head for w in BUSINESS_WORDS) or find_terms(head, {"t": vocab.tech_words}):
        return "business"
    if find_terms(head, vocab.audiences):
        return "organisation"
    return "none"


# ---- reading a sentence ------------------------------------------------------------------

def read(text: str, vocab, *, context: "Reading | None" = None, item: bool = False,
         declaratory: bool = False) -> Reading:
    """Read one sentence or clause run (any script). `context` is the reading of the
    text it continues (the sentence around a clause run, an article's lead-in before its
    items): its actor and beneficiary carry over when this text names none; an `item` of a
    list always takes its lead-in's frame when it has none of its own."""
    s = strip_brackets(to_simplified(text)).strip()
    r = Reading()
    r.internal = governs(s)
    r.category = _category(s, vocab)
    actor = subject_of(s)
    m = APPLY_TO.search(s) or PASSIVE_AGENT.search(s)
    if m:
        r.actor = m.group(1)            # 向户口所在地人社部门申领…, 由安置地公安机关…办理: that office acts
    elif acting_unit(actor):
        r.actor = actor
    elif context is not None and context.actor:
        r.actor = context.actor
    why_not = _not_a_measure(s, actor, vocab)
    if why_not:
        r.not_measure = why_not
        return r
    chosen, rejected = _chosen_frame(s, vocab, r, actor)
    if chosen is None and context is not None and context.measure and context.beneficiary and \
            not any(w in s for w in PROHIBITION) and (item or not (find_terms(s, vocab.groups)
                                                                   and context.frame != "service")):
        chosen = _lead_in_frame(s, vocab, r, context, item)
    if chosen is None and not rejected:
        chosen = _service(s, vocab, r, actor, declaratory)
    if chosen is None:
        if rejected:
            r.not_measure = rejected[0]
        elif any(w in s for w in PROHIBITION):
            r.not_measure = "禁止性规定：“" + _after(s, PROHIBITION) + "”"
        elif r.internal:
            r.not_measure = "政府自身的工作：“" + "、".join(r.internal[:3]) + "”"
        else:
            r.not_measure = NO_OFFER
        return r
    r.measure = True
    r.frame, r.beneficiary, r.offer, r.head = chosen
    _people(r, s, vocab)
    return r


# not measures, whatever else they say (checked in this order, a prohibition between them)
NOT_MEASURE_KINDS = ((PURPOSE, "目的条款"), (DEFINITION, "定义条款"), (IN_FORCE, "施行日期"), (PENALTY, "法律责任"))
NOT_OFFER_KINDS = ((COMMENDATION, "表彰（荣誉，不是扶持）"), (REMEDY, "法律救济（诉讼、仲裁、复议）"),
                   (RIGHT, "权利的宣示（不是扶持）"), (SANCTION, "不履行的后果"), (DEFERRED, "另有规定"),
                   (SOCIETY_CALLED, "号召社会各方参与（不是政府向谁提供扶持）"))


def _kind_found(s: str, kinds) -> str | None:
    for pattern, what in kinds:
        m = pattern.search(s)
        if m and (pattern is not SOCIETY_CALLED or m.start() <= (clause_spans(s) or [(0, len(s))])[0][1]):
            # the call on society decides only when it is the sentence's own first clause
            return f"{what}：“{m.group(0)}”"
    return None


def _not_a_measure(s: str, actor: str | None, vocab) -> str | None:
    """Why the sentence is no measure whatever frame it has (a purpose, a definition, a prohibition,
    a right declared, a duty, an exception, a fund's use, a private party's duty …), or None."""
    found = _kind_found(s, NOT_MEASURE_KINDS)
    if found:
        return found
    if re.match(r"^(?:禁止|严禁|任何(?:组织|单位|个人|组织和个人|单位和个人))", s):
        return "禁止性规定：“" + s[:4] + "”"
    found = _kind_found(s, NOT_OFFER_KINDS)
    if found:
        return found
    if DUTY_WORK.search(s) and not re.search(r"(?:为|向|对)[^，,。；;]{1,30}(?:提供|给予|发放|办理)", s):
        return "职责：“" + DUTY_WORK.search(s).group(0) + "”"
    if re.search(r"除外[。；;]?$", s) and len(clause_spans(s)) == 1:     # …的商品和服务除外 (not 但是…除外)
        return "例外：“" + s[-6:] + "”"
    if CATCH_ALL.match(s):
        return f"兜底项：“{CATCH_ALL.match(s).group(0)}”"
    fund = actor if actor and actor.endswith(FUND_HEADS) and not ("的" in actor and actor.endswith(OWNED)
                                                                   and owner_of(actor.rsplit("的", 1)[0], vocab)) else None
    first = s[:clause_spans(s)[0][1]] if clause_spans(s) else s
    m = re.match(r"^(?!以|按|对|为|由)[^，,。；;]{2,30}?(?:" + "|".join(FUND_HEADS) + r")(?=纳入|用于|应当|向|按|专项|主要)",
                 first)
    if fund or m:
        return f"资金的用途：“{fund or m.group(0)}”"
    if _private_duty(actor or "", s):
        return f"“{actor or s[:6]}”的义务（不是政府提供的扶持）"
    return None


def _chosen_frame(s: str, vocab, r: Reading, actor: str | None) -> tuple[tuple | None, list]:
    """The first frame, by kind (对, 为, 向, subject, object), whose beneficiary is someone offered
    something: (frame, phrase, offer, head) or None, and why frames naming a government or a fund
    were rejected. Sets r.headless when the beneficiary is "those who…"."""
    rejected = []
    frames = _frames(s, vocab)
    clauses = clause_spans(s)
    topic = s[clauses[0][0]:clauses[0][1]].strip() if clauses else s
    topic_np = leading_np(topic[:-1] if topic.endswith("的") else topic, vocab)
    for kind in ("对", "为", "向", "subject", "object"):
        for f, phrase, offer in frames:
            if f != kind:
                continue
            head = beneficiary_head(f, phrase, vocab, topic_np)
            k = beneficiary_kind(head, vocab)
            headless = False
            if k == "none" and f in ("subject", "对") and (phrase.endswith("的") or f == "subject" and
                                                            offer != "允许" and not leading_np(phrase, vocab)):
                # a 的-phrase with no head noun names those who… (被安排在公益性岗位工作的，…给予岗位补贴;
                # 对确因工作需要未休假的，给予经济补偿): people, unless it names a government
                k = "people"
                headless = True
            if k in ("government", "fund"):
                rejected.append(f"受益者是{'政府或部门' if k == 'government' else '资金'}："
                                f"“{f}{phrase}”" if f in ("对", "为", "向") else f"“{phrase}”")
                continue
            if k == "none" or f == "object" and _encouraged_offers_nothing(s, r, actor, phrase, offer, head, k):
                continue
            r.headless = headless
            return (f, phrase, offer, head), rejected
    return None, rejected


def _encouraged_offers_nothing(s: str, r: Reading, actor, phrase: str, offer: str, head: str, k: str) -> bool:
    """An object frame (鼓励/支持/优先… B) in which B is offered nothing."""
    if offer in ENCOURAGE and (k == "organisation" or head.endswith(("单位", "地区", "地方"))):
        return True       # 鼓励高校实行…: the one encouraged provides; whom it serves is read as a service
    if offer in ENCOURAGE and _only_activity(s, phrase):
        return True       # 国家鼓励和扶持残疾人自主择业、自主创业: an orientation, nothing offered
    if offer in ("鼓励", "引导", "推动", "动员", "欢迎") and _does_itself(s, phrase):
        return True       # 国家鼓励中小企业推进…创新: what the encouraged do themselves, nothing offered
    return r.category is None and offer not in ("组织", "优先", "惠及", "解决") and \
        not any(n in s for n in OFFER_NOUNS) and (actor in ("国家", "全社会", "社会") or k not in ("group", "business"))


def _lead_in_frame(s: str, vocab, r: Reading, context: Reading, item: bool) -> tuple:
    """An item of a list (（一）发布残疾人就业信息； under …为残疾人就业提供下列服务：) or a clause run
    takes the frame of the text it continues; an item that names people is for them."""
    clauses = clause_spans(s)
    chosen = (context.frame, context.beneficiary, context.offer, context.head)
    if item and (find_terms(s, vocab.groups) or find_terms(s, vocab.audiences)):
        first = s[clauses[0][0]:clauses[0][1]] if clauses else s
        chosen = (context.frame, first, context.offer, head_of(first, vocab))   # the item names whom
    r.review.append(LEAD_IN + "（“" + context.beneficiary + "”）")
    return chosen


def _private_duty(actor: str, s: str) -> bool:
    """An employer's or another private party's duty (用人单位应当…, 企业不得…, 用人单位招用人员，应当…)."""
    if s.startswith(PRIVATE_DUTY_HEADS) and any(s[a:b].lstrip().startswith(("应当", "不得", "必须"))
                                                 for a, b in clause_spans(s)[1:3]):
        return True
    tail = re.split(r"[、和及与]", actor)[-1]
    if not tail.endswith(PRIVATE_DUTY_HEADS) and "以下统称用人单位" not in s:
        return False
    after = s[s.find(actor) + len(actor):][:12] if actor in s else s[:12]
    return any(w in after for w in ("应当", "不得", "必须", "应", "须")) or "以下统称用人单位" in s


SERVICE_VERBS = ("提供", "开展", "落实", "实施", "实行", "推行", "推广", "设立", "建立", "建设", "打造", "搭建",
                 "开通", "举办", "给予", "发放", "完善", "优化", "简化", "放宽", "降低", "减轻", "加大",
                 "扩大", "增加", "支持", "鼓励", "引导", "扶持", "培育", "探索", "推动", "深化", "健全", "用好",
                 "发挥", "强化", "加快", "提升", "开放", "保障", "办好", "改进", "创新", "组织", "允许", "吸引",
                 "帮助", "畅通", "拓宽", "推进", "促进", "整合", "采取", "确保", "取消", "定期举办", "评选", "畅通",
                 "统筹安排", "安排")
ADVERBS = ("更好的", "更好地", "进一步", "积极", "大力", "切实", "全面", "持续", "继续", "深入", "着力", "重点", "免费", "适当",
           "定向",
           "无偿", "每年", "定期", "及时",
           "加快", "努力", "逐步", "适时", "不断", "认真", "充分", "有序", "稳步", "同时", "并", "还", "要", "应当",
           "应", "将", "可", "可以", "按照国家要求", "按规定", "依法", "在", "围绕", "对")


LOCATIVE = re.compile(r"^(?:在|围绕|依托|按照|通过|结合|针对|面向|利用)[^，,。；;]{1,40}?(?:方面|领域|中|内|上|下|基础上)?"
                      r"(?=" + "|".join(("探索", "推行", "推广", "设立", "建立", "开展", "实施", "促进", "支持", "鼓励",
                                        "引导", "设置", "建设", "打造", "搭建", "提供", "组织", "举办")) + ")")


def _clause_verb(c: str) -> str | None:
    """The service verb a clause opens with (after its adverbs and a locative phrase:
    在…院校探索推行…, 在…方面促进…): 落实创业担保贷款… -> 落实."""
    t = c.strip(" 　")
    m = LOCATIVE.match(t)
    if m:
        t = t[m.end():]
    changed = True
    while changed:
        changed = False
        for a in ADVERBS:
            if t.startswith(a) and len(t) > len(a) + 1 and a not in ("在", "对"):
                t, changed = t[len(a):], True
    return next((v for v in SERVICE_VERBS if t.startswith(v)), None)


def _service(s: str, vocab, r: Reading, subject: str | None, declaratory: bool = False):
    """No frame: a provision in a plan's own voice (落实创业担保贷款贴息政策; 支持边境地区
    民众创业; 推行工商登记全程电子化) or a government subject's service: a clause opening
    with a service verb whose object names a need, or names whom it is for (a group, a
    business, an audience). A sentence whose subject is the state itself (国家…) states a
    policy unless its object names a need."""
    if "有利于" in s:
        return None                   # 实行有利于…的政策: a policy's orientation, not an offer
    later = clause_spans(s)[1:]
    if declaratory and re.match(r"^[^，,。；;]{0,20}?(?:建立|健全|完善|建立健全)[^，,。；;]{0,20}(?:" + "|".join(SYSTEMS)
                                + r")[，,]", s) and not any(n in s for n in STRONG_OFFERS) and \
            not any(subject_of(s[a:b]) for a, b in later):   # …制度，县级以上地方人民政府对…: a subject of its own
        return None                   # a law's 建立健全就业援助服务体系，加强…，扶持和帮助…: its system, nothing offered
    clauses = clause_spans(s)
    oriented = False
    for k, (a, b) in enumerate(clauses):
        c = s[a:b]
        body = c
        if k == 0 and subject and c.startswith(subject):
            body = c[len(subject):]
        if oriented and not subject_of(c):
            continue          # 鼓励金融机构支持…，提供相应的服务: the encouraged still acts, nothing offered
        verb = _clause_verb(body)
        if verb is None or any(m.start() <= a + body.find(verb) + (c.find(body) if body in c else 0) < m.end()
                               for m in MEANS_SPAN.finditer(s)):
            continue
        obj = body[body.find(verb, LOCATIVE.match(body.strip(" 　")).end() if LOCATIVE.match(body.strip(" 　"))
                             else 0):] + "".join(s[x:y] for x, y in clauses[k + 1:k + 2])
        if verb in ("建立", "健全", "完善", "建设", "实行", "建立健全") and body.rstrip("。；; ").endswith(SYSTEMS):
            continue
        if any(o in obj for o in ORIENTATION) or (governs(obj[:10]) and "服务" not in obj[:10]):
            continue
        need = _category(obj, vocab)
        people = [w for _, w, _ in find_terms(obj, {**vocab.groups, "c": tuple(vocab.collective)})] + \
            [w for _, w, _ in find_terms(obj, vocab.audiences)]
        offers = [n for n in OFFER_NOUNS + ("基金", "保险", "平台", "基地", "园区", "课程", "活动", "大赛", "见习")
                  if n in obj]
        if declaratory and verb in ORIENTING and not any(n in obj for n in STRONG_OFFERS) and \
                not re.search(r"(?:鼓励|引导)和?(?:支持|扶持)", body):    # 鼓励和支持… supports
            # a law's 鼓励劳动者自主创业 / 引导中小企业利用信息技术…: it declares an orientation, nothing offered
            # (a plan's task in the same words, with the office that carries it out, is a measure)
            oriented = verb in ("鼓励", "引导", "动员", "倡导")   # whom it encourages acts in the clauses after
            continue
        giving = verb in GIVING and (bool(re.search(r"(?:服务|培训|指导|咨询|补贴|援助|帮扶|场所|场地|岗位)"
                                                    r"(?!工作|体系|机制|制度|机构)", obj))
                                     or "活动" in obj and people) and \
            not governs(obj) and not MEANS.search(s[:a] + body[:body.find(verb)])
        if need is None and (subject or not (people or offers)) and not giving:
            continue
        return ("service", people[0] if people else None, verb, None)
    return None


# a list of means (通过…、提供就业援助等措施，创造就业条件): what it lists is not offered by itself
MEANS = re.compile(r"通过[^。；;]*$")
MEANS_SPAN = re.compile(r"通过[^。；;]{2,80}?等?(?:措施|方式|途径|手段|渠道)")
# offers named strongly enough that an encouragement offers them (not 服务业, 引进资金)
STRONG_OFFERS = ("补贴", "补助", "奖补", "贴息", "减免", "免征", "免收", "贷款", "担保", "优惠", "资助", "奖励",
                 "提供服务", "免费", "优先", "信贷")
# what a law's sentence does when it only orients (鼓励…, 发挥…作用, 推进…, 健全…) unless it names an offer
ORIENTING = ("鼓励", "引导", "推动", "倡导", "动员", "发挥", "促进", "推进", "培育", "优化", "深化", "加快", "提升",
             "健全", "完善", "强化", "增加", "扩大")
# a unit's responsibility for a field of work (…负责残疾人就业工作的具体组织实施): who does what, nothing offered
DUTY_WORK = re.compile(r"(?:负责|主管(?!部门|机关)|做好)[^，,。；;]{0,30}工作(?!的|主管)")
# a service verb that gives the service named after it (免费提供公共就业服务, 开展就业服务活动)
GIVING = ("提供", "开展", "组织", "发放", "给予", "举办", "落实", "统筹安排", "安排")


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
    """Groups, gender, 科技型企业 and audience from the beneficiary's head only (the
    whole object when no frame names a beneficiary)."""
    head = r.head or ""
    text = s if r.frame == "service" else (head or r.beneficiary or "")
    collective = {f"{COLLECTIVE}{w}": (w,) for w in vocab.collective}
    hits = find_terms(text, {**vocab.groups, **collective})
    # a beneficiary that is a kind of organisation (港澳青年创新创业孵化载体): its audience, no group
    org_head = r.frame != "service" and any(head.endswith(w) for w in ORGANISATION_HEADS)
    group_hits = _group_hits(r, text, hits, org_head, vocab)
    _groups_beside_the_head(r, head, group_hits, vocab)
    _family_and_disabled(r, text, head, group_hits, org_head, vocab)
    _gender_and_tech(r, text, group_hits, org_head, vocab)
    r.audiences = _audiences_of(r, text, head, org_head, vocab)
    # what looks like people but no group word covers: put to the reviewer as a possible new group
    covered = [False] * len(text)
    for _, word, pos in hits:
        for i in range(pos, pos + len(word)):
            covered[i] = True
    for phrase_ in new_group_phrases(text, covered):
        r.review.append(f"新身份？“{phrase_}”不在 rules/facts.yml 的身份中")


def _group_hits(r: Reading, text: str, hits: list, org_head: bool, vocab) -> list:
    """The group words (and collective words) that name the beneficiary as people, into r.groups;
    the others are noted (r.not_people) or, for a collective word, put to the reviewer."""
    group_hits = []
    for value, word, pos in hits:
        if org_head or not names_a_person(text, word, pos):
            family = family_group(text, word, pos, vocab)
            if family and not org_head:
                # 退役军人随调配偶, 军人子女: the family of a group is the group the vocabulary has for it
                r.groups.setdefault(family[0], family[1])
                group_hits.append((family[0], family[1], pos))
                continue
            r.not_people.append(word)
            continue
        if value.startswith(COLLECTIVE) and not collective_is_the_head(text, word, pos, group_hits):
            r.review.append(f"统称“{word}”此处不读作身份：它被身份词限定，或修饰其他人群名词，请核对所指")
            continue
        group_hits.append((value, word, pos))
        if value.startswith(COLLECTIVE):
            for g in vocab.collective[word]:
                r.groups.setdefault(g, word)
            r.review.append(f"身份由统称“{word}”读出（rules/collective-words.yml）："
                            + "、".join(vocab.group_labels.get(g, g) for g in vocab.collective[word]) + "，请核对")
        else:
            r.groups.setdefault(value, word)
    return group_hits


def _groups_beside_the_head(r: Reading, head: str, group_hits: list, vocab) -> None:
    """Groups the beneficiary phrase names besides its head: in a modifier of it (both at once) or
    first in a coordination; the other group words in it are not the beneficiary."""
    if r.frame != "service" and r.beneficiary and r.beneficiary != head:
        for value, word, _ in find_terms(r.beneficiary, vocab.groups):
            if value not in r.groups and word not in r.not_people:
                r.not_people.append(word)
    modifier = re.search(r"([^，,、的]{2,20})的" + re.escape(head) + "$", r.beneficiary or "") if head and \
        r.frame != "service" and group_hits else None
    if modifier:         # 因公致残的退役军人, 失业的高校毕业生: a group word modifying a group names people in both
        qualifies = re.search(r"(?:符合|具备|属于)[^，,的]{0,16}条件$", modifier.group(1))
        for value, word, pos in find_terms(modifier.group(1), vocab.groups):
            # …的Y where the modifier ends with the group word, or says Y meets its conditions
            # (符合当地就业困难人员认定条件的退役军人)
            if (pos + len(word) == len(modifier.group(1)) or qualifies) and value not in r.groups:
                r.groups[value] = word
                r.all_groups = modifier.group(0)
    if group_hits and r.beneficiary and r.frame != "service":
        # 军人家属和烈士…的遗属: a group named first in a coordination is a beneficiary too
        first = re.match(r"^([^，,、和及与的]{2,12}?)(?:和|及|以及|、)", r.beneficiary)
        if first:
            for value, word, pos in find_terms(first.group(1), vocab.groups):
                if pos + len(word) == len(first.group(1)) and value not in r.groups:
                    r.groups[value] = word


def _family_and_disabled(r: Reading, text: str, head: str, group_hits: list, org_head: bool, vocab) -> None:
    """Groups read from a family noun after a group's stem, and 残疾 before a group word."""
    if not org_head:
        # 军人子女, 军人的配偶: a family noun after the stem of a group's own family word (军人家属, 军人配偶)
        for value, stem, noun, at in family_words(text if text != head or not r.beneficiary else r.beneficiary, vocab):
            if value not in r.groups:
                r.groups[value] = text[at - len(stem) - (1 if text[at - 1:at] == "的" else 0):at + len(noun)]
    if "disabled" in vocab.groups:       # 残疾 before a group word: 残疾退役军人, 残疾妇女
        for value, word, pos in group_hits:
            if text[max(0, pos - 2):pos] == "残疾" and value != "disabled":
                r.groups.setdefault("disabled", "残疾" + word)
                # one person with both: 残疾退役军人 is disabled *and* a veteran (all_groups)
                r.all_groups = "残疾" + word


def _gender_and_tech(r: Reading, text: str, group_hits: list, org_head: bool, vocab) -> None:
    """Women (a gender word, or 女 before a group word) and a 科技型 business word."""
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


def _audiences_of(r: Reading, text: str, head: str, org_head: bool, vocab) -> list:
    """(audience, word): an organisation's own, else the founder first when people are named."""
    aud = [(v, w) for v, w, _ in find_terms(text, vocab.audiences)] if vocab.audiences else []
    if org_head:
        org = [(v, w) for v, w, _ in find_terms(head, vocab.audiences)]
        aud = org or ([("operator", head)] if "operator" in vocab.audiences and head.endswith(
            ("孵化载体", "孵化器", "孵化基地", "众创空间", "载体", "基地", "园区")) else aud)
    elif r.groups or r.gender:
        aud = [("founder", next(iter(r.groups.values()), r.gender[1] if r.gender else ""))] + \
            [a for a in aud if a[0] != "founder"]
    return aud


# ---- group words (kept from the first drafter: closed vocabularies, checked uses) ----------

COLLECTIVE = "collective:"
LEAD_IN = "按所属条款的引导语读出"
INSTITUTION_ENDINGS = ("院所", "院校", "机构", "高校", "单位")
PERSON_SUFFIXES = ("人员", "人才", "青年", "群体", "学生", "毕业生", "居民", "妇女", "同胞", "士兵", "农民", "民众")
GENERIC_PEOPLE = ("人员", "人才", "群体", "学生")
STOP_CHARS = set("的和与及等对为向在把将了、,，。；;：:“”\"()（）《》支持鼓励引导吸引推动加强各类一批更多 ")
TECH_NOT_BUSINESS = ("孵化", "园", "服务", "家")
NOT_PERSON_HEAD = re.compile(r"(?:[及和与][^\W\d_到在向进赴来去为给参入]{1,3}?)?[^\W\d_到在向进赴来去为给参入]{0,2}?"
                             r"(?:团体|组织|机构|协会|商会|委员会|智库|库)")
PERSON_NOUNS = PERSON_SUFFIXES + ("科学家", "企业家", "才俊", "学者", "专家")
HIRING_WORDS = ("吸纳", "招用", "招收", "聘用", "雇用", "录用", "安置", "安排", "集中使用", "吸收")
EMPLOYER_AFTER = re.compile(r"^[^。；;：:]*?的(?:用人单位|单位|企业|机构|用人主体|中小企业|小微企业|个体工商户)")
ORIGIN_GAPS = ("", "地区", "籍")


FAMILY_NOUNS = ("配偶", "子女", "家属", "遗属", "父母", "家庭", "随迁子女", "随迁家属", "随调配偶", "随调随迁")
# a family noun right after a group word (退役军人随调随迁配偶, 高校毕业生的父母): the family, not the group
FAMILY_AFTER = re.compile(r"的?(?:随调|随迁|随军)*(?:配偶|子女|家属|遗属|父母|家庭)")
QUALIFIERS = {"毕业生": ("初高中", "初中", "高中", "中职", "中专", "技校", "中等职业学校"),
              "学生": ("初中", "高中", "中小学", "中职", "中专")}


def names_a_person(s: str, word: str, pos: int) -> bool:
    """Whether a group word names people: not an institution (科研院所), not the
    modifier of a pool or a body (专家智库, 港澳台科技团体), not the people an
    employer takes on (吸纳…毕业生…的单位), not whose family is meant (退役军人随迁
    子女), not a qualified other kind (初高中毕业生)."""
    if word.endswith(INSTITUTION_ENDINGS):
        return False
    end = pos + len(word)
    if FAMILY_AFTER.match(s, end):
        return False
    for noun, qualifiers in QUALIFIERS.items():
        if word.endswith(noun) and s[:pos].endswith(qualifiers):
            return False
    head = NOT_PERSON_HEAD.match(s, end)
    if head and not any(n in head.group(0) for n in PERSON_NOUNS):
        return False
    clause_start = max(s.rfind(c, 0, pos) for c in ",，。；;") + 1
    if any(h in s[clause_start:pos] for h in HIRING_WORDS) and (
            EMPLOYER_AFTER.match(s[end:]) or re.match(r"^[^，,。；;]*?的(?:[，,。；;]|$)", s[end:])):
        return False          # …安置残疾人达到规定比例的，享受…: the employer that hires them benefits
    return True


def family_words(s: str, vocab) -> list:
    """(group, stem, family noun, position of the noun) for family nouns right after the stem of a
    group's family word: the vocabulary's 军人家属/军人配偶 make 军人 a stem, so 军人子女 and 军人的配偶
    name that group."""
    stems = {}
    for value, words in vocab.groups.items():
        for w in words:
            for noun in FAMILY_NOUNS:
                if w.endswith(noun) and len(w) > len(noun) + 1:
                    stems.setdefault(w[:-len(noun)], value)
    out = []
    for stem, value in stems.items():
        at = s.find(stem)
        while at >= 0:
            rest_at = at + len(stem) + (1 if s[at + len(stem):at + len(stem) + 1] == "的" else 0)
            noun = next((f for f in sorted(FAMILY_NOUNS, key=len, reverse=True) if s.startswith(f, rest_at)), None)
            if noun:
                out.append((value, stem, noun, rest_at))
            at = s.find(stem, at + 1)
    return out


def family_group(s: str, word: str, pos: int, vocab) -> tuple[str, str] | None:
    """A group word followed by a family noun (退役军人随调配偶, 军人的子女): the group whose own words
    name that family (军人配偶, 军人家属 -> military_family), by the vocabulary alone."""
    end = pos + len(word)
    m = FAMILY_AFTER.match(s, end)
    if m is None:
        return None
    rest, noun = s[end:], m.group(0).lstrip("的")
    rest = rest[rest.find(noun):]
    for k in range(len(word) - 1):
        stem = word[k:]
        for tail in dict.fromkeys((noun, noun[-2:], "家属")):
            for value, words in vocab.groups.items():
                if stem + tail in words:
                    return value, s[pos:end + (len(s[end:]) - len(rest)) + len(noun)]
    return None


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
            if start > 0 and covered[start - 1]:
                continue          # the head of a known group's word (登记失业 + 人员)
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
