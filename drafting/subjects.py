"""Who acts in a sentence, read by its grammar: the subject before its first modal (各级人民政府应当… ->
各级人民政府), a topic clause before it skipped (对…的，…; …时，…), the government before a time it acts
in (各级人民政府在制定…时，应当…), a clause that only names a government and how it shall act, and the
subject as a unit that acts (a government, an office or an organisation, not the people it serves)."""
from __future__ import annotations

import re

from .phrases import ENCOURAGE, FUND_HEADS, GOVERNMENT_ENDINGS, SERVICE_VERBS, clause_spans, is_government


CORE_MODALS = ("应当", "必须", "要", "须", "将", "负责", "可以", "会同", "牵头", "依法", "按照", "根据", "应")
# where a subject ends when no modal follows it (国家鼓励…, 各级人民政府对…给予…)
SUBJECT_ENDS = ("对", "为", "向", "在", "通过", "鼓励", "支持", "引导", "扶持", "建立", "实行", "实施", "采取",
                "关心", "优待", "尊重", "保护", "倡导", "坚持", "重视", "依照", "按照", "根据", "结合", "把", "将",
                "加强", "加大", "推动", "推进", "完善", "健全", "设立", "组织", "开展", "提供", "给予", "优先", "保障",
                "制定", "发展", "培育", "促进", "统筹", "创造", "安排", "确定", "落实", "建设", "帮助", "指导",
                "持续", "逐步", "积极", "切实", "大力", "进一步", "定期", "及时", "综合", "协助", "做好", "不得", "享受")
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
        if i > (70 if "、" in t[:i] and not re.search(r"[，,。；;]", t[:i]) else 40):
            break         # a subject that lists units may be long (教育、科技…等部门以及…科学技术协会等应当)
        if not t[:i].rstrip().endswith(("其他", "及其", "和", "、", "或者", "所", "专门")):
            return i
    return None


def government_while(s: str) -> str | None:
    """The government before a time it acts in (各级人民政府在制定扶贫规划时，应当…), which subject_of skips with
    the time: who acts, or None."""
    m = WHILE_DOING.match(s.lstrip(" （("))
    return m.group(1) if m and is_government(m.group(1)) else None


def government_shall(clause: str) -> bool:
    """Whether a clause only names a government, its modal and how it shall act (市公安等部门应当按照有关规定)."""
    m = GOVERNMENT_SHALL.match(clause)
    return bool(m) and is_government(m.group(1))


GOVERNMENT_SHALL = re.compile(r"^\s*([^，,。；;]{2,30}?)(?:应当|应|可以)(?:(?:按照|依照)[^，,。；;]{0,20}|依法)?\s*$")


def subject_of(s: str) -> str | None:
    """The sentence's subject: the noun phrase before its first modal (各级人民政府应当… ->
    各级人民政府), or before its first verb or preposition (国家鼓励… -> 国家). A topic clause
    before it (残疾人职工…发生争议的，…; 军人退出现役后，…; 对自主就业的退役士兵，…) is skipped."""
    t = s.lstrip(" （(")
    clauses = clause_spans(t)
    for _ in range(3):      # (对…，或者…的归侨，: a topic's 或者 clause goes on with it)
        if len(clauses) > 1:
            first = t[clauses[0][0]:clauses[0][1]].strip()
            second = t[clauses[1][0]:clauses[1][1]].strip() if len(clauses) > 2 else ""
            if second.endswith(("时", "后")) and not first.endswith(("的", "时", "后", "前")) and \
                    not government_shall(first):    # (…部门应当按照有关规定，在…时，: it acts then)
                t = t[clauses[2][0]:]    # 发生…重大事件，造成…影响生存时，…: a topic of two clauses
                clauses = clause_spans(t)
                continue
            if first.endswith(("的", "时", "后", "前")) or first.startswith(("对", "根据", "按照", "为了", "在", "或者")) or \
                    re.match(r"^(?:有条件|条件成熟|具备条件)的[^，,。；;]{1,6}$", first):   # (有条件的地方，…部门应当…)
                t = t[clauses[1][0]:]
                clauses = clause_spans(t)
                continue
        break
    head = t[:clauses[0][1]] if clauses else t
    if head.lstrip().startswith("享受"):
        return None                   # …的，享受资金扶持: the topic benefits; what it enjoys is no subject
    if len(clauses) > 1 and _modal_at(head) is None and \
            t[clauses[1][0]:clauses[1][1]].lstrip().startswith(("应当", "可以", "要", "应", "须", "必须", "负责")) and \
            re.search(r"(?:" + "|".join(ACTING_HEADS + GOVERNMENT_ENDINGS) + r")$", head.strip()):
        return head.strip()           # 本市建立的产权交易市场和…登记中心，应当…: the first clause is the subject
    i = _modal_at(head)
    if i is not None:
        # a preposition before the modal ends the subject (县级以上人民政府及其有关部门对自主创业者应当…)
        cut = [m.start() for m in re.finditer(r"(?<![针面相绝])对(?!外|接)|(?<![因作成认视以])为(?!了|主)|向|按照|根据|依照"
                                              r"|在(?=[^，,。；;]{1,20}?(?:方面|领域))", head[:i])
               if m.start() >= 2]
        if cut:
            i = min(cut)
    if i is None:
        ends = [head.find(w, 1) for w in SUBJECT_ENDS + SERVICE_VERBS]
        ends = [e for e in ends if 0 < e <= 30 and not IN_OFFICE_NAME.match(head, e)]
        if not ends:
            return None
        i = min(ends)
    np = head[:i].strip(" ，,、")
    if "的" in np and np.endswith(FUND_HEADS + ACTING_HEADS + GOVERNMENT_ENDINGS):
        return np                     # 依法征收的残疾人就业保障金…: a noun phrase with its modifier
    for adverb in ("每年", "定期", "及时", "同时", "具体", "分别", "共同", "也", "还", "均", "都", "应"):
        if np.endswith(adverb) and len(np) > len(adverb) + 1:
            np = np[:-len(adverb)]
    if len(np) < 2 or any(c in np for c in "，,。；;：:") or np.startswith(NOT_A_SUBJECT) and \
            not np.startswith(("自然", "经济")):       # 自然资源主管部门, 经济和信息化主管部门: words, not 自…起, 经…批准
        return None
    return np


# a subject, then a time while it does something, then its modal (X在…时，应当…)
WHILE_DOING = re.compile(r"^([^，,。；;在]{2,20}?)在[^，,。；;]{2,30}?(?:时|过程中|期间)[，,]\s*(?:应当|应|要|必须|可以)")
# a verb that is part of an office's name (劳动保障部门, 发展改革委, 住房城乡建设局, 组织部): not where its subject ends
IN_OFFICE_NAME = re.compile(r"(?:保障|发展|建设|促进|组织)[^，,。；;的向对为在]{0,4}?(?:部门|部|局|厅|委员会|委|办公室|办)")


ACTING_HEADS = ("机构", "单位", "银行", "中心", "站点", "组织", "协会", "学校", "高校", "院校", "医院", "公司", "企业",
                "基金", "平台", "院所", "人民法院")


def acting_unit(np: str | None) -> str | None:
    """The subject as who acts: a government, an office, or an organisation (not the people it serves)."""
    if not np or np in ("国家", "全社会", "社会", "各地", "有关部门", "有关单位", "各地区", "政府"):
        return None
    tail = re.split(r"[、和及与]", np)[-1]
    if tail.endswith("等") and len(tail) > 3:
        tail = tail[:-1]         # …共产主义青年团委员会、科学技术协会等
    if is_government(np) or tail.endswith(ACTING_HEADS + ("委员会", "联合会")):
        return np
    return None
