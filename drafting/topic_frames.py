"""The frames whose beneficiary is the sentence's topic or subject rather than the object of 对/为/向:
B…(的)，由 X 发给/办理… (given by a named unit), B…的，…予以/给予… (a topic, or people named first and then a
government that shall act), B 的随调随迁…，由…予以安排 (what B needs, arranged), and B(…的)，可以/享受…
(B may use the offer); each as (frame, the beneficiary phrase, the offering words), chosen among by
drafting/reading.py."""
from __future__ import annotations

import re

from .phrases import (BUSINESS_WORDS, CLAUSE_OPENING_VERBS, FUND_HEADS, MAY_USE, OFFER_VERBS, PEOPLE_WORDS, PERMITTED,
                      PERSON_HEAD_ENDINGS, find_terms, governs, is_government, leading_np, owner_of)


def topic_frames(s: str, clauses: list, topic: str, vocab) -> list[tuple[str, str, str]]:
    """The frames of the sentence whose beneficiary is its topic or subject, strongest first."""
    out = []
    m = PASSIVE_OFFER.match(s)
    if m and _names_someone(m.group(1)):
        out.append(("subject", m.group(1), m.group(2)))   # B 的随调随迁、就业安置等，由…予以安排: B's
    out += _given_by_frames(s, clauses, topic, vocab)
    out += _kept_frames(s, clauses, topic, vocab)
    out += _topic_frame(s, clauses, topic, vocab)
    out += _may_use_frames(s, clauses, topic, vocab)
    return out


DELEGATION = re.compile(r"(?:具体)?(?:办法|标准|规定|目录)[^，,。；;]{0,6}(?:[，,]\s*)?由[^，,。；;]{2,60}?(?:制定|规定|确定)")

# what someone has or needs, done by an agent (军队转业干部配偶、子女的随调随迁、就业安置等，由安置地人民政府…予以安排)
PASSIVE_OFFER = re.compile(r"^([^，,。；;]{2,30}?)的[^，,。；;]{2,40}?[，,]\s*由[^，,。；;]{2,30}?(?:予以|负责)?"
                           r"(?<!组织)(安排|办理|解决|落实|安置)(?=[。；;，,]|$)")     # not 由…组织办理: a procedure organised


# a later clause in which a named unit gives (…，由所在部队按照规定发给残疾抚恤金): 由 + the giver + the giving
GIVEN_BY = re.compile(r"^\s*(?:并|则)?由([^，,。；;由]{2,30}?)(?:按照[^，,。；;]{0,30}?|依照[^，,。；;]{0,30}?|依据[^，,。；;]{0,20}?"
                      r"|依法|酌情|负责|及时|予以|统一|一次性)*(?:(?<=标准|规定|办法)[，,]\s*)?"
                      r"(发给|发放|给予|办理|解决|安排|补助|支付|提供|报销|代缴|代为缴纳"
                      r"|优先安排|优先办理|核发|颁发|出具)")     # (…的人员，由…残疾人联合会核发残疾人证: a certificate given)


def _given_by_frames(s: str, clauses: list, topic: str, vocab) -> list[tuple[str, str, str]]:
    """B…(的)，(经…批准，)由 X 发给/办理/解决…: the topic is whom X gives to (因工作需要继续服现役的残疾军人，
    经…批准，由所在部队按照规定发给残疾抚恤金; 退出现役的，由…部门负责解决); a topic that names a cost or a
    thing (…残疾军人旧伤复发的医疗费用) gives way to whose it is."""
    for k, (a, b) in enumerate(clauses[1:4], 1):
        m = GIVEN_BY.match(s[a:])        # (由…按照规定的标准，代缴…: the manner may close with a comma)
        if m is None or topic.startswith(("对", "为", "向", "由")) or "由" in topic:
            continue
        who = topic
        if not who.endswith("的") and not _names_someone(who):
            continue
        if who.endswith(FUND_HEADS + ("金", "权")):
            who = _whose(who, vocab)      # 七级至十级残疾军人旧伤复发以外的医疗费用 -> 七级至十级残疾军人
        if who:
            return [("subject", who, m.group(2))]
    return []


# what someone keeps while away or after a change (…的，其工作、租住的公房应当保留; …承包经营权，服现役期间应当保留)
# (not a membership or a status kept: 可以保留其合作社成员身份 is an organisation's rule on who belongs)
KEPT = re.compile(r"(?:应当|应|予以|可以|可|继续|仍然|仍|依法|均|一律)+保留(?![^，,。；;]{0,16}(?:身份|资格))(?:其|原)?"
                  r"[^，,。；;]{0,12}$")


def _kept_frames(s: str, clauses: list, topic: str, vocab) -> list[tuple[str, str, str]]:
    """B…的，(…，)其 X 应当(继续)保留: B keeps X — a benefit kept is offered as one given; a topic that names
    a right or a thing (…入伍前依法取得的农村土地承包经营权) gives way to whose it is."""
    for a, b in clauses[1:4]:
        if not KEPT.search(s[a:b].rstrip("。；; ")):
            continue
        who = topic
        if topic.startswith(("对", "为", "向", "由")) or is_government(leading_np(topic, vocab)):
            return []
        if not who.endswith("的"):
            who = _whose(who, vocab) if who.endswith(FUND_HEADS + ("权", "房", "股份", "账户", "关系")) else \
                (who if _names_someone(who) else "")
        return [("subject", who, "保留")] if who else []
    return []


def _whose(phrase: str, vocab) -> str:
    """The people a phrase naming a cost or a right belongs to: up to its last group or person word
    before its last 的 (…残疾军人旧伤复发以外的医疗费用 -> …残疾军人), or ''."""
    before = phrase.rsplit("的", 1)[0] if "的" in phrase else ""
    found = find_terms(before, vocab.groups) if vocab is not None and before else []
    if found:
        _, word, pos = found[-1]
        return before[:pos + len(word)]
    return owner_of(phrase, vocab) or ""

def _topic_frame(s: str, clauses: list, topic: str, vocab) -> list[tuple[str, str, str]]:
    """X…的，…予以优先安排/给予…: the topic (up to its clause ending in 的) is the beneficiary."""
    out = []
    ends = [j for j, (a, b) in enumerate(clauses[:3]) if s[a:b].strip().endswith("的") or
            s[a:b].strip().endswith(("后", "时", "期间")) and _names_someone(owner_of(s[a:b].strip(), vocab) or "")
            and not _office_first(s[a:b].strip())]     # (项目管理部门组织项目验收时: an office's time)
    second = s[clauses[1][0]:clauses[1][1]].strip() if len(clauses) > 1 else ""
    named = not ends and len(clauses) > 1 and (
        _people_topic(topic, vocab) and bool(re.match(r"^(?:其[^，,。；;]{0,12}?)?(?:应当|应|可以|可|依法|按照)", second))
        or _ends_in_people(topic) and (_government_acts(second) or bool(PRIORITY_FIRST.match(second))))
    # 华侨依法取得用于生产经营的土地，有关部门应当给予确权…: a government acts on what the topic's people did
    owned = not ends and not named and len(clauses) > 1 and _government_acts(second) and vocab is not None and \
        bool(find_terms(owner_of(topic, vocab) or "", vocab.groups))
    if named or owned:
        ends = [0]     # 就业有困难的随军配偶，应当纳入…扶持范围: a clause that only names people is the topic
    if ends and ends[0] + 1 < len(clauses) and not topic.startswith(("对", "为", "向")) and \
            not any(s[a:b].strip().startswith(("对", "为", "向")) for a, b in clauses[:ends[0] + 1]):
        whole = s[:clauses[ends[0]][1]].strip()
        if not whole.endswith("的") and not named:
            whole = owner_of(s[clauses[ends[0]][0]:clauses[ends[0]][1]].strip(), vocab)   # 军官退出现役时，…: who
        elif ends[0] > 0 and _names_a_group(topic, vocab) and not topic.endswith("的"):
            whole = topic       # 因公致残的退役军人，有劳动能力的，…: the first clause names them, the rest are conditions
        main = s[clauses[ends[0] + 1][0]:]
        verb = next((w for w in ("予以", "给予", "优先", "发放", "发给", "核发", "颁发", "返还", "免收", "免征", "免缴", "免交",
                                 "减免", "补贴",
                                 "享受", "纳入",
                                 "提供", "办理", "安排", "纳入") if w in _before_another_subject(main[:30])), None)
        if owned and verb in ("办理", "安排", "纳入", "提供", "享受"):
            verb = None       # 归侨申请出境定居，…有关部门应及时办理有关手续: a procedure on their request, nothing given
        if verb == "予以" and RECORDED.match(main[main.find("予以") + 2:]):
            verb = None       # 受让方是…的，应当予以标明: what the light verb carries is a record kept, nothing given
        if verb and not governs(main[:20]):
            out.append(("subject", whole, verb))
    return out


# what 予以 may carry that gives nothing: a record, a notice or a correction (予以标明, 予以公示, 予以纠正)
RECORDED = re.compile(r"(?:标明|注明|公示|公布|公告|记载|登记|备案|纠正|撤销|注销|取缔|说明|核实|确认)")


def _office_first(clause: str) -> bool:
    """Whether a clause opens with an office that acts (项目管理部门组织…时), not people handed to one (退休军官和军士移交
    人民政府安置后)."""
    m = re.match(r"^[^，,。；;]{0,16}?(?:部门|机关|人民政府|政府)", clause)
    return bool(m) and not any(c in m.group(0).replace("人民", "") for c in PERSON_HEAD_ENDINGS)


# what people named first get before others (…抚恤优待对象，同等条件下优先纳入…项目范围)
PRIORITY_FIRST = re.compile(r"^(?:在?同等条件下)?(?:可以|应当)?(?:优先|免费)")


def _government_acts(clause: str) -> bool:
    """Whether a clause opens with a government or an office that shall act (当地人民政府应当…): after a topic
    naming people, what it does is for them (…军人配偶，当地人民政府应当优先安排就业)."""
    m = re.match(r"^([^，,。；;]{2,30}?)(?:应当|应|可以|要)", clause)
    return bool(m) and is_government(m.group(1))


def _ends_in_people(topic: str) -> bool:
    """Whether a first clause is a noun phrase ending in people (烈士遗属、…和符合规定条件的军人配偶), not a clause
    that opens with its own verb nor a government."""
    return topic.endswith(PEOPLE_WORDS + PERSON_HEAD_ENDINGS) and not topic.startswith(CLAUSE_OPENING_VERBS) and \
        not is_government(topic) and _names_someone(topic)


def _people_topic(topic: str, vocab) -> bool:
    """Whether a first clause is only a noun phrase naming people (分居两地的军人配偶), with no verb of its own."""
    return leading_np(topic, vocab) == topic and _names_someone(topic) and "的" in topic and \
        not is_government(topic) and vocab is not None and bool(find_terms(topic, vocab.groups))


def _may_use_frames(s: str, clauses: list, topic: str, vocab=None) -> list[tuple[str, str, str]]:
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
        if w in ("可以", "可", "可按", "可以按照", "可按照", "允许", "准予", "可以选择") and \
                not any(x in c[i:] + _before_another_subject(s[b:]) for x in PERMITTED + OFFER_VERBS[:20]) \
                or MEMBERSHIP_KEPT.match(c[i:]) \
                or RULES_SET.match(c[i:]):
            continue           # 可以…，到…登记，申请…; 可以保留其合作社成员身份: an organisation's rule on who belongs
        # (…的归侨职工按照国家规定可以…: a manner before the modal is no part of the subject)
        subject = re.sub(r"(?<=..)(?:(?:按照|依照|根据)[^，,。；;]{0,12}?(?:规定|办法)|依法)$", "", c[:i].strip())
        if k > 0 and len(subject) <= 6 and subject.endswith(("期间", "时", "后")) and _names_someone(topic):
            subject = topic          # …出国定居的华侨，回国期间可以享受…: a time is no subject; the people before it are
        if not subject or subject.startswith(("按", "依", "根据", "可", "均", "还", "并", "即", "也", "同时", "经",
                                              "在", "自", "从", "同等", "与", "同", "凭", "持")):
            subject = topic if k > 0 or not subject else subject
            prev = s[clauses[k - 1][0]:clauses[k - 1][1]].strip() if k > 1 else ""
            if prev and topic.endswith(("后", "时", "期间", "以前", "之前")) and \
                    prev.endswith(PEOPLE_WORDS + PERSON_HEAD_ENDINGS) and not is_government(prev):
                subject = prev       # 退出现役后，在…工作的残疾军人，享受…: a time is no subject; the people after it are
            if k > 0 and (s[:a].rstrip("，, ").endswith("的") and not _names_a_group(topic, vocab)
                          or topic.startswith(CLAUSE_OPENING_VERBS) and k > 1):
                subject = s[:a].rstrip("，, ")   # 服现役不满规定年限，以自主就业方式安置的，领取…: the whole topic
        if subject and not subject.startswith(("对", "为", "向")) and not is_government(leading_np(subject)):
            out.append(("subject", subject, w))
    return out


def _before_another_subject(after: str) -> str:
    """The clauses after a topic up to one with a subject and a duty of its own (…的，可以先行验收…，项目承担者
    应当…提供…方案: what another shall provide is not offered to the topic)."""
    m = re.search(r"[，,；;][^，,。；;]{2,20}?(?:应当|必须)", after)
    return after[:m.start()] if m else after


# a permission to set one's own rules (单位可以规定或者与科技人员约定奖励的方式): autonomy, nothing offered to it
RULES_SET = re.compile(r"^可以?(?:自行|自主)?(?:规定|制定|约定|确定|决定)")
MEMBERSHIP_KEPT = re.compile(r"^可以?保留[^，,。；;]{0,16}(?:身份|资格)")      # (see KEPT)


def _in_modifier(c: str, i: int, w: str) -> bool:
    """Whether a use word at c[i] lies inside a modifier: 以…方式, 符合…条件, or a relative clause that
    ends in 的 before the clause does (逐月领取退役金的军士)."""
    before, after = c[:i], c[i + len(w):]
    if re.search(r"(?:以|按|不?符合)[^，,。；;]{0,12}$", before) and re.match(r"^[^，,。；;]{0,12}?(?:方式|条件|待遇)", after) \
            and not re.search(r"(?:按照|依照|根据)[^，,。；;]{0,12}(?:规定|办法)$", before):   # 按照…规定享受…待遇: closed
        return True
    if w.startswith("可") or w in ("允许",):
        return False
    m = re.match(r"^([^，,。；;]{0,12}?)的([^，,。；;]*)", after)
    if not m or re.search(r"[向到在为对从]", m.group(1)):
        return False
    # 逐月领取退役金的退役军官…依法参加…: the noun after 的 goes on to a predicate of its own;
    # 享受…机构提供的就业服务: the noun after 的 is the object and ends the clause
    return any(v in m.group(2) for v in MAY_USE + PERMITTED + ("参加", "应当", "按照", "依法"))

def _names_a_group(clause: str, vocab) -> bool:
    """Whether a clause names people, a business or ends in a group of the vocabulary (…参加基本医疗保险的华侨)."""
    return _names_someone(clause) or vocab is not None and any(clause.endswith(w) for _, w, _ in
                                                               find_terms(clause, vocab.groups))


def _names_someone(clause: str) -> bool:
    """Whether a clause names people or a business (残疾退役军人, 小型微型企业), not only a condition."""
    t = clause.rstrip("的")
    if t.startswith(CLAUSE_OPENING_VERBS) and "的" not in t:
        return False       # 招用本市就业困难人员，…: a clause with no subject names those it acts on
    return any(w in t for w in PEOPLE_WORDS + BUSINESS_WORDS) or bool(re.search("[" + "".join(PERSON_HEAD_ENDINGS)
                                                                              + "](?:[，,]|$)", t))
