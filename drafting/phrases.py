"""The phrases of a policy sentence, read by its grammar: clauses (outside
quotes and brackets), the terms of a closed vocabulary, the head of a noun
phrase, a government named as such; with the word lists these read (offering
verbs, modals, government heads, people and business words). The subject before
its modal (各级人民政府应当…) and the unit that acts are in subjects.py.
drafting/reading.py reads a sentence with them."""
from __future__ import annotations

import re

from .sentences import marks_outside_brackets

FUND_HEADS = ("资金", "基金", "保障金", "公益金", "经费", "预算", "费用", "收入")
SERVICE_VERBS = ("提供", "开展", "落实", "实施", "实行", "推行", "推广", "设立", "建立", "建设", "打造", "搭建",
                 "开通", "举办", "给予", "发放", "完善", "优化", "简化", "放宽", "降低", "减轻", "加大",
                 "扩大", "增加", "支持", "鼓励", "引导", "扶持", "培育", "探索", "推动", "深化", "健全", "用好",
                 "发挥", "强化", "加快", "提升", "开放", "保障", "办好", "改进", "创新", "组织", "允许", "吸引",
                 "帮助", "畅通", "拓宽", "推进", "促进", "整合", "采取", "确保", "取消", "定期举办", "评选", "畅通",
                 "统筹安排", "安排", "开设", "发布")
# the last character of a noun naming people (遗属, 军士, 义务兵, 军官, 农户, 职工 …): a person, whatever the
# noun; checked after governments, funds and organisations
PERSON_HEAD_ENDINGS = tuple("人员者属士兵生工民户官师儿")

CLAUSE_MARKS = "，,；;：:"

# predicates that give something to the beneficiary of a frame
OFFER_VERBS = ("给予", "予以", "提供", "发放", "返还", "退还", "补贴", "补助", "奖补", "奖励", "资助", "贴息",
               "减免", "免收", "免征", "免除", "减征", "缓征", "减半", "优先", "照顾", "倾斜", "扶持", "支持", "帮助",
               "帮扶", "援助", "落实", "享受", "办理", "开放", "安排", "保障", "解决", "开通", "推荐", "投放", "增加",
               "放宽", "简化", "便利", "加大", "纳入", "提高", "降低", "实行", "实施", "开展", "组织", "兑现", "进行",
               "发给")     # (last: the first twenty are what a permission must go on to, see topic_frames)
# what a subject-beneficiary may do with an offer (B 可以申请… / B 享受…)
MAY_USE = ("享受", "免费", "优先录取", "优先录用", "合并计算", "视同缴费", "可以申请", "可申请", "可以享受", "可享受", "申领", "领取", "可以选择", "可以按照", "可按照", "可按",
           "可以", "可", "优先享受", "依法享受", "按规定享受", "按照规定享受", "按照国家规定享受", "允许", "免交", "免缴", "准予")
# what a permission (B 可以 …) must go on to do to be an offer, not a mere right or duty
PERMITTED = ("申请", "享受", "办理", "领取", "申领", "复学", "入学", "就读", "转入", "承包", "报考", "缩短", "采取加速", "免",
             "扣除", "抵扣", "抵免",
             "减", "延期", "补缴", "落户", "获得", "使用", "入驻", "参加", "复职", "复工", "申报",
             "保留", "汇出", "汇往", "汇回", "暂不", "递延", "缓缴", "缴费至", "延长缴费", "继续缴费", "离岗创业", "在岗创业")
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
PEOPLE_WORDS = ("人员", "人才", "劳动者", "劳动力", "个人", "青年", "群众", "居民", "农民", "妇女", "学生", "毕业生",
                "创业者", "创客", "团队", "家庭", "职工", "工人", "本人", "同胞", "侨胞", "市民", "公民", "投资者", "配偶",
                "子女", "家属", "父母", "遗属", "亲属", "军人", "士兵", "残疾人", "农户", "经营者", "老人", "儿童", "少年",
                "干部", "优待对象", "扶持对象", "救助对象", "援助对象", "帮扶对象", "服务对象", "供养对象", "监测对象")
BUSINESS_WORDS = ("企业", "个体工商户", "市场主体", "经营主体", "创新主体", "单位", "农场", "合作社", "商户",
                  "主体", "项目")
# trailing activity nouns: 残疾人就业 -> 残疾人
ACTIVITY = ("生产或者经营", "生产经营", "的产品或者服务", "的产品", "自主就业创业", "就业创业", "创新创业",
            "自主创业", "自主择业", "自谋职业", "就业", "创业", "发展", "经营", "生产", "融资", "生活", "工作")
EMPLOYER_DUTY = re.compile(r"^(?:用人单位|机关、[^，,。；;]{0,20}单位|[^，,。；;]{0,10}(?:企业|单位))(?:[^，,。；;]{0,6})"
                           r"(?:应当|不得|必须|应)")
MODALS = ("要", "应当", "应", "须", "必须", "将", "负责", "会同", "牵头", "可以", "可", "依法", "按照", "根据",
          "对", "为", "向", "采取", "通过", "在", "加强", "加大", "建立", "推进", "推动", "支持", "鼓励",
          "引导", "组织", "落实", "实行", "实施", "制定", "完善", "设立", "开展", "提供", "给予", "优先", "结合",
          "积极", "切实", "进一步", "及时", "定期", "每年", "统筹", "充分", "坚持", "健全", "深化", "大力",
          "持续", "全面", "逐步", "协助", "帮助", "指导", "做好", "安排", "确定", "建设", "保障")


# after a governance word, what makes it part of a name, not a verb (行政管理部门, 管理类收费, 监督管理局)
NOMINAL_AFTER = ("部门", "机关", "机构", "类", "费", "局", "委", "办", "处", "人员", "主管", "行政", "制度", "办法",
                 "中心", "职能", "体制", "服务机构", "平台", "系统", "体系", "水平", "能力", "咨询", "模式", "规定",
                 "的规定")


# a check of a person's health (健康检查, 身体检查, 产前检查, 病情评估): care given, not the government's oversight
CARE_CHECKS = ("检查", "评估", "监测")
CARED_FOR = ("健康", "身体", "体格", "产前", "孕前", "婚前", "医学", "病情", "康复", "听力", "视力")


def governs(text: str) -> list[str]:
    """The words of GOVERNANCE the text uses as verbs (统筹、考核、监督…), not inside a name."""
    out = []
    for w in GOVERNANCE:
        at = text.find(w)
        while at >= 0:
            after = text[at + len(w):]
            before = text[max(0, at - 2):at]
            if not after.startswith(NOMINAL_AFTER + ("安排", "解决", "提供", "落实")) and \
                    not before.endswith(("行政", "市场", "质量")) and not (w in CARE_CHECKS and before.endswith(CARED_FOR)):
                out.append(w)
                break
            at = text.find(w, at + 1)
    return out


def find_terms(text: str, vocab: dict) -> list[tuple[str, str, int]]:
    """(value, word, position) of the vocabulary's words in `text`, longest
    first, never two on the same characters (农民工 wins over 农民); never inside the country's name
    (中华人民共和国 holds 华人)."""
    text = text.replace("中华人民共和国", "\0" * 7)
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


def as_written(np: str, text: str) -> str:
    """A noun phrase read from the bracket-blanked text, with the brackets inside it as the text
    writes them (街道、社区、乡（镇）公共就业服务机构): an office is named in its own words."""
    at = strip_brackets(text).find(np)
    if at >= 0 and PLACE_BRACKET.match(text, at + len(np)):     # 各县（市、区）: the places its bracket adds
        return text[at:PLACE_BRACKET.match(text, at + len(np)).end()]
    return text[at:at + len(np)] if at >= 0 and "  " in np else np


PLACE_BRACKET = re.compile(r"[（(][市区县镇乡旗、]{1,8}[)）]")


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
    if tail in GOVERNMENT_WORDS or tail.endswith(GOVERNMENT_SUFFIXES) or re.fullmatch(r"各(?:省|市|县|区|乡|镇)", tail):
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
        return strip_activity(p.split("的", 1)[0])        # 中小企业的固定资产…: the possessor
    if p.endswith("的"):
        return leading_np(p[:-1], vocab)
    if "的" in p:
        before, after = p.rsplit("的", 1)
        if before.endswith(FOUNDING):
            return leading_np(before, vocab)
        if strip_activity(after.strip()) in ACTIVITY_NOUNS or after.strip() in ACTIVITY_NOUNS:
            return strip_activity(leading_np(before, vocab) or before)   # 为会员的生产经营活动提供服务: the members
        owner = owner_of(before, vocab)
        if re.sub(r"(?:依法|按照规定|按规定)$", "", after.strip()).endswith(OWNED) and owner:
            return owner        # 中小企业开发新产品发生的研究开发费用: the business whose costs they are
        p = after
    return strip_activity(p)


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
        if pos + len(word) == len(clause) and leading_np(clause, vocab) == clause:
            return clause        # 一级至六级残疾军人(的医疗费用): a noun phrase that ends in people
    np = leading_np(clause, vocab)           # 军官和军士退出现役时 -> 军官和军士
    return np if np and np != clause and np.endswith(PERSON_HEAD_ENDINGS) else None


def _names_people(p: str, vocab) -> bool:
    """Whether a noun phrase names people (因公致残的退役军人: the part after 的 is the head)."""
    p = strip_activity(p.strip())
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


def strip_activity(p: str) -> str:
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
           "招录", "接收", "集中", "兴办", "领取", "需要", "达到", "享受", "可以", "可", "纳入", "列入")
NOUN_WORDS = PEOPLE_WORDS + BUSINESS_WORDS


def leading_np(p: str, vocab=None) -> str:
    """The noun phrase a clause starts with: up to its first verb (残疾人从事个体经营 -> 残疾人),
    never inside a word of the vocabularies (创业投资企业 is one word)."""
    p = p.strip(" ，,、")
    covered = [False] * len(p)
    terms = {"n": NOUN_WORDS}
    if vocab is not None:
        terms.update({**vocab.groups, **vocab.audiences, "t": vocab.tech_words})
    for _, word, pos in find_terms(p, {**terms, "state": IN_STATE}):
        for i in range(pos, pos + len(word)):
            covered[i] = True
    if p.startswith(CLAUSE_OPENING_VERBS) and not (covered and covered[0]):
        return ""          # 到城乡基层…就业的: a clause with no subject of its own names nobody
    for i in range(1, len(p)):
        if not covered[i] and p.startswith(VERBISH, i):
            return strip_activity(p[:i])
    return strip_activity(p)


# a state a person is in, said with 在 (在校残疾学生, 在职职工): part of the noun, no locative verb
IN_STATE = ("在校", "在职", "在岗", "在读", "在编", "在册", "在学")
# a clause that opens with one of these has no subject of its own (到…就业的, 在…工作的, 被安排…的)
CLAUSE_OPENING_VERBS = ("到", "在", "被", "从事", "参加", "符合", "经", "因", "以", "未", "已", "自愿", "申请", "取得",
                        "获得", "具有", "招用", "吸纳", "安置", "创办", "兴办")
