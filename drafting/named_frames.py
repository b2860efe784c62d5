"""The verbs that name whom they are for, in one clause (面向 B 招考, 录用 B, 向 B 发放, 提供给 B, 帮助和扶持 B,
资助 B 进行…, 优先安排 B, 惠及 B, 解决 B 的住房…), and 将 B 纳入…范围 in a sentence: each as (frame, the
beneficiary phrase, the offering words), among the frames drafting/frames.py gathers."""
from __future__ import annotations

import re

from .people import DISABLED_PERSON, names_a_person
from .phrases import PEOPLE_WORDS, PERSON_HEAD_ENDINGS, find_terms, is_government

# adverbs between a beneficiary and its verb (为创业者免费提供): not part of the beneficiary
TRAILING_ADVERBS = re.compile(r"(?:免费|无偿|优先|及时|积极|依法|公开|定期|按规定|按照规定)+$")
PRIORITY = re.compile(r"优先(?:安排|购买|采购|录用|招录|招用|招收|聘用|支持|保障|解决|接收|选用|留用|推荐|介绍|录取|改造)([^，,。；;]{2,40})")
KEPT_FOR = re.compile(r"([^，,。；;]{2,20}?)所在(?:学校|单位|学校或者单位|单位或者学校)[^，,。；;]{0,6}?(保留|保障)其"
                      r"(?:学籍|工资|福利|待遇|职务|岗位)")
# a charge waived or cut on what a group's people own or use (减免残疾人专用车的停车费用, 免收残疾人的挂号费)
RELIEF_OF = re.compile(r"(减免|免收|免除|减收|减半收取|免费适配)([^，,。；;]{2,20}?)的[^，,。；;]{1,12}?(?:费用|费)")
# 帮助和扶持 B, 照顾 B at the end of a clause: B (a group's people) is whom the help is for
HELPED = re.compile(r"(?:帮助|扶持|援助|帮扶|照顾|救助|收治|供养)(?:和|、)?(?:帮助|扶持|援助|帮扶|照顾|救助)?([^，,。；;]{2,30}?)"
                    r"(?:就业创业|自主创业|创新创业|就业|创业)?(?=[。；;，,]|$)")


def named_beneficiary_frames(c: str, vocab) -> list[tuple[str, str, str]]:
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
    for m in re.finditer(r"向([^向，,。；;]{1,30}?)(发放|提供|供应|开放|倾斜|返还|推荐|投放|延伸|减免|出租|出售)", c):
        if m.group(2) == "提供" and re.match(r"[^，,。；;]{0,10}(?:信息|材料|数据|情况|报告)", c[m.end():]):
            continue      # 向公共就业服务机构提供岗位空缺信息: a report to an office, not an offer
        out.append(("向", TRAILING_ADVERBS.sub("", m.group(1)) or m.group(1), m.group(2)))
    # …岗位，应当优先提供给 B: the thing given is the topic, B after 给; …褒扬金由…部门…发给其遗属: B after 发给
    for m in re.finditer(r"(提供|发放|出租|出售|分配|预留|返还|让渡)给([^，,。；;]{2,30}?)(?=[。；;，,]|$)"
                         r"|(发给)(其[^，,。；;]{1,10}?)(?=[。；;，,]|$)", c):
        out.append(("向", m.group(2) or m.group(4), m.group(1) or m.group(3)))
    for m in HELPED.finditer(c):
        if re.search(r"鼓励[和、及]?$", c[:m.start()]):
            continue      # 国家…鼓励和扶持退役军人就业创业: a law's orientation (reading.py decides on 鼓励)
        who = re.split(r"收治|供养|帮助|扶持|援助|帮扶|照顾|救助", m.group(1))[-1]    # 收治或者集中供养 B: B
        hits = find_terms(who, vocab.groups) if vocab is not None else []
        if hits and hits[-1][2] + len(hits[-1][1]) == len(who) and names_a_person(who, hits[-1][1], hits[-1][2]):
            out.append(("object", who, "帮助"))     # …积极帮助和扶持有就业愿望和就业能力的就业困难人员
    # 资助/选派 B 进行/到…: B is funded or sent (资助青年博士生等优秀青年人才进行国际学术交流); 安排 B 进行/接受…: B is
    # whom it is arranged for (安排退休妇女进行妇科病筛查); 帮助 B 解决…: B's difficulty is solved
    for m in re.finditer(r"(资助|选派)([^，,。；;]{2,40}?)(?:进行|参加|开展|赴|到|前往)"
                         r"|(安排)(?!工作|就业|到|在)([^，,。；;]{2,30}?)(?:进行|接受)|(帮助)([^，,。；;]{2,30}?)解决"
                         r"|(保障|保证|确保)([^，,。；;]{2,30}?)(?:就近)?(?:就学|入学|就医)", c):     # 保障 B 就学: B's schooling is secured
        verb, who = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5, 7) if m.group(i))
        if vocab is not None and find_terms(who, {**vocab.groups, **vocab.gender}):
            out.append(("object", who, verb))
    # 优先安排/购买/录用 B …
    for m in PRIORITY.finditer(c):
        out.append(("object", m.group(1), "优先"))
    # B 所在学校应当保留其学籍 / B 所在单位应当保障其工资福利待遇不变: B keeps a place or a pay
    for m in KEPT_FOR.finditer(c):
        if vocab is not None and (find_terms(m.group(1), vocab.groups) or DISABLED_PERSON.search(m.group(1))):
            out.append(("object", m.group(1), m.group(2)))
    for m in RELIEF_OF.finditer(c):
        hits = find_terms(m.group(2), vocab.groups) if vocab is not None else []
        if hits and hits[0][2] == 0:        # the owner is one of the groups' people
            out.append(("object", m.group(2), m.group(1)))
    for m in re.finditer(r"惠及([^，,。；;]{2,30}?)(?:的|[。；;，,]|$)", c):
        out.append(("object", m.group(1), "惠及"))
    for m in re.finditer(r"解决([^，,。；;]{2,30}?)(?:的(?:住房|居住|医疗|就业|生活困难|困难|子女入学|入学|落户|社会保险)"
                         r"|(?:住房|居住)(?:需求|问题|困难))", c):       # 解决人才居住需求 too
        out.append(("object", m.group(1), "解决"))
    return out


# 将/把 B(，)纳入/列入/列为…范围/对象: B is taken into a scheme (将符合条件的残疾人，全部纳入最低生活保障范围;
# 将农村贫困残疾人列为重点扶持对象; 纳入集中托养; 将…人才纳入…体系，并在…方面提供便利: whom the offer after 并 is for);
# not 纳入…规划/考核 (a plan or a review is the government's own)
INCLUDED = re.compile(r"(?:将|把)([^将把，,。；;]{2,40}?)[，,]?\s*(?:全部|优先|逐步|及时|统一|一并|单独|依法|按规定|按照规定)?"
                      r"(纳入|列入|列为)(?:[^，,。；;]{0,30}?(?:范围|对象|救助|供养|保障|低保|补贴|优待|帮扶|托养|照料|护理|康复"
                      r"|(?:学前|义务|普通|特殊|职业)教育|免费)"
                      r"|[^，,。；;]{1,30}?[，,]\s*并[^，,。；;]{0,40}?(?:提供|给予|予以))")


def included_frames(s: str) -> list[tuple[str, str, str]]:
    """将 B 纳入…范围 in the sentence (B and its verb may stand either side of a comma)."""
    # (将扶持…脱贫工作纳入…计划: a field of work taken into a plan is the government's own)
    # (将…机构纳入…定点医疗机构管理: taken under management; 将…生活保障纳入…社会保障体系: a scheme, not people,
    # taken into a system: nothing offered)
    found = [("对", m.group(1), m.group(2)) for m in INCLUDED.finditer(s)
             if not m.group(1).endswith(("工作", "事业", "情况")) and not UNDER_MANAGEMENT.match(s, m.end(2))
             and not (INTO_A_SYSTEM.match(s, m.end(2)) and m.group(1).endswith(("保障", "服务", "制度")))]
    m = TAKEN_IN.match(s)
    if m and m.group(1).endswith(PEOPLE_WORDS + PERSON_HEAD_ENDINGS) and not is_government(m.group(1)):
        found.append(("对", m.group(1), m.group(2)))     # 符合条件的…残疾人家庭应当纳入住房保障范围: they are taken in
    return found


# B(people) 应当纳入…范围: the subject is taken into a scheme (the people, not a plan or a field of work)
TAKEN_IN = re.compile(r"^([^，,。；;将把]{2,30}?)(?:应当|应|可以|依法|按规定|按照规定|优先|全部|及时){1,2}(纳入|列入)"
                      r"[^，,。；;]{0,20}?(?:保障|救助|援助|供养|托养|补贴|优待|帮扶)[^，,。；;]{0,4}?(?:范围|对象)")


UNDER_MANAGEMENT = re.compile(r"[^，,。；;]{0,30}?管理(?=[。；;，,]|$)")
INTO_A_SYSTEM = re.compile(r"[^，,。；;]{0,30}?(?:体系|规划|计划)(?=[。；;，,]|$)")
