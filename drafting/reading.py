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

Here: read(); why a sentence is no measure whatever its frame, in not_offers.py;
the frames in frames.py, topic_frames.py and named_frames.py; the beneficiary's head
and kind in beneficiary.py, its groups and audiences in people.py; the phrases they read (clauses, terms, noun heads) in
phrases.py, and the subject and the unit that acts in subjects.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.script import to_simplified

from .frames import (FIELDS_NAMED, LOCATIVE, OFFER_NOUNS, ORIENTATION, STRONG_OFFERS, clause_verb, does_itself, first_found,
                     frames_of, only_activity)
from .not_offers import PROHIBITION, forbidden_offer, not_a_measure
from .beneficiary import beneficiary_head, beneficiary_kind
from .people import read_people
from .phrases import (BUSINESS_WORDS, ENCOURAGE, PEOPLE_WORDS, as_written, clause_spans, find_terms, governs, head_of,
                      is_government, leading_np, strip_brackets)
from .subjects import acting_unit, government_while, subject_of

APPLY_TO = re.compile(r"(?:向|到)([^，,。；;向到]{3,30}?(?:部门|机关|机构|中心|政府|局|厅|委|办))(?:进行)?[^，,。；;]{0,6}?"
                      r"(?:申请|申领|申报|提出申请|办理|登记|备案)")
# (the name runs to the last unit ending before the verb: 由…人民政府负责侨务工作的机构负责受理)
PASSIVE_AGENT = re.compile(r"由([^，,。；;由]{1,60}(?:部门|机关|机构|中心|政府|局|厅|委|办|单位|部队|妇联|残联|工会|团委|科协"
                           r"|联合会|财政(?=负担|承担)))"
                           r"(?:[^，,。；;]{0,12}?|[，,]?(?:按照|依照|根据|依据)[^，,。；;]{0,40}?[，,]?[^，,。；;]{0,16}?)"
                           r"(?:办理|负责|提供|发放|发给|增发|组织|安排|给予|解决|补助|支付|代缴|批准|审批|核准|受理|负担|承担"
                           r"|核发|颁发|出具)")
# an office whose check a person's case passes (经落户地公安机关审核，…予以办理): it acts, when no subject does
CHECKED_BY = re.compile(r"经([^，,。；;经]{0,30}?(?:部门|机关|机构|政府|局|厅|委|办|海关))[^，,。；;]{0,4}?"
                        r"(?:审核|审批|审查|批准|核准|确认|认定|同意)")
SYSTEMS = ("体系", "制度", "机制", "体制", "网络", "规划", "战略")


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


LEAD_IN = "按所属条款的引导语读出"      # the review item of a list item read in its lead-in's frame


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
        r.actor = as_written(m.group(1), to_simplified(text))   # 向户口所在地人社部门申领…, 由…办理: it acts
    elif acting_unit(actor):
        r.actor = as_written(actor, to_simplified(text))
    elif government_while(s):
        r.actor = government_while(s)
    elif CHECKED_BY.search(s):
        r.actor = as_written(CHECKED_BY.search(s).group(1), to_simplified(text))
    elif context is not None and context.actor:
        r.actor = context.actor
    why_not = not_a_measure(s, actor, vocab)
    if why_not:
        r.not_measure = why_not
        return r
    chosen, rejected = _chosen_frame(s, vocab, r, actor)
    if chosen is None and context is not None and context.measure and \
            (context.beneficiary or item and context.frame == "service" and context.category
             and not BUILDING.search(s)) and \
            not any(w in s for w in PROHIBITION) and (item or not (find_terms(s, vocab.groups)
                                                                   and context.frame != "service")):
        chosen = _lead_in_frame(s, vocab, r, context, item)
    if chosen is None and not rejected:
        chosen = _service(s, vocab, r, actor, declaratory)
    if chosen is None:
        if rejected:
            r.not_measure = rejected[0]
        elif any(w in s for w in PROHIBITION):
            r.not_measure = "禁止性规定：“" + first_found(s, PROHIBITION) + "”"
        elif r.internal:
            r.not_measure = "政府自身的工作：“" + "、".join(r.internal[:3]) + "”"
        else:
            r.not_measure = NO_OFFER
        return r
    if forbidden_offer(s, chosen[2]):
        r.not_measure = forbidden_offer(s, chosen[2])
        return r
    r.measure = True
    r.frame, r.beneficiary, r.offer, r.head = chosen
    if r.actor and r.actor == actor and r.head and (r.actor.endswith(r.head) or r.actor in (r.beneficiary or "")):
        r.actor = None       # 符合条件的中小企业可以享受…: the subject benefits, it does not act
    if r.actor and r.actor == actor and r.frame == "service" and s.startswith(actor + "可以") and \
            beneficiary_kind(head_of(actor, vocab), vocab) in ("business", "people", "group"):
        r.actor = None       # 符合条件的民营企业可以利用其存量工业用地…: what a business may do, nobody gives it
    if r.actor is None and _giving_office(s):
        # …可以申请…，财政部门给予贴息; 支持客运经营单位…，市、区（市）人民政府给予补贴: the office that gives later acts
        r.actor = as_written(_giving_office(s), to_simplified(text))
    read_people(r, s, vocab)
    return r


def _giving_office(s: str) -> str | None:
    """The office that gives in a later clause of a sentence whose subject benefits (…可以申请小额担保贷款，
    …，财政部门按照规定给予贴息), or None."""
    for a, b in clause_spans(s)[1:]:
        unit = subject_of(s[a:b])
        if acting_unit(unit) and is_government(unit) and re.search(r"(?:给予|提供|发放|发给|予以|优先|办理)", s[a:b]):
            return unit
    return None


def _chosen_frame(s: str, vocab, r: Reading, actor: str | None) -> tuple[tuple | None, list]:
    """The first frame, by kind (对, 为, 向, subject, object), whose beneficiary is someone offered
    something: (frame, phrase, offer, head) or None, and why frames naming a government or a fund
    were rejected. Sets r.headless when the beneficiary is "those who…"."""
    rejected = []
    frames = frames_of(s, vocab)
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
            if f in ("对", "为", "向") and WORK_FIELD.search(phrase):
                rejected.append(f"受益者是一项工作：“{f}{phrase}”")     # 对华侨权益保护工作给予经费保障
                continue
            if f == "object" and OFFICES_FIRST.match(phrase):
                k = "government"     # 组织卫生等行政部门和残疾人联合会编制…: offices set to work, nobody offered anything
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
    if offer in ENCOURAGE and only_activity(s, phrase):
        return True       # 国家鼓励和扶持残疾人自主择业、自主创业: an orientation, nothing offered
    if offer in ("支持", "扶持") and _supports_growth(offer, s[s.find(phrase):] if phrase in s else phrase, r.category):
        return True       # 支持农民专业合作社规范发展和质量提升: the growth of a kind supported, nothing offered
    if offer in ("鼓励", "引导", "推动", "动员", "欢迎") and does_itself(s, phrase):
        return True       # 国家鼓励中小企业推进…创新: what the encouraged do themselves, nothing offered
    if offer in ("支持", "扶持", "指导") and phrase in s and OWN_SYSTEM.match(s, s.find(phrase) + len(phrase)) and \
            not any(n in s for n in STRONG_OFFERS):
        return True       # 支持龙头企业…完善与农户的利益联结机制: the supported build their own mechanism
    return r.category is None and offer not in ("组织", "优先", "惠及", "解决", "保留", "保障") and \
        not any(n in s for n in OFFER_NOUNS) and (actor in ("国家", "全社会", "社会") or k not in ("group", "business"))


def _lead_in_frame(s: str, vocab, r: Reading, context: Reading, item: bool) -> tuple:
    """An item of a list (（一）发布残疾人就业信息； under …为残疾人就业提供下列服务：) or a clause run
    takes the frame of the text it continues; an item that names people is for them."""
    clauses = clause_spans(s)
    chosen = (context.frame, context.beneficiary, context.offer, context.head)
    if item and (find_terms(s, vocab.groups) or find_terms(s, vocab.audiences)):
        first = s[clauses[0][0]:clauses[0][1]] if clauses else s
        chosen = (context.frame, first, context.offer, head_of(first, vocab))   # the item names whom
    r.review.append(LEAD_IN + "（“" + (context.beneficiary or context.offer or "") + "”）")
    return chosen


# what the supported build for themselves (…建立联系合作机制, 建立本单位的知识产权管理制度), up to the clause's end
OWN_SYSTEM = re.compile(r"[^，,。；;]{0,20}?(?:建立|完善|健全|建设|建立健全|建立和完善)[^，,。；;]{0,30}?"
                        r"(?:机制|体系|制度|模式)(?=[。；;，,]|$)")
# a provider guided to build or run something (指导医疗机构设立康复医学科室): its work, not the guide's offer
GUIDED = re.compile(r"(?:指导|督促|要求)[^，,。；;]{0,10}?(?:机构|单位|学校|医院)(?:设立|建立|开展|完善|加强|配备)")
# a scheme that pays or insures (…生活补贴制度, …意外伤害保险制度)
PAID_SCHEME = re.compile(r"(?:补贴|津贴|补助|救助|保险)(?:制度|机制)[。；;]?$")
# an object that opens with offices (卫生等行政部门和残疾人联合会…)
OFFICES_FIRST = re.compile(r"^[^，,。；;的]{0,12}?(?:行政部门|主管部门|有关部门|人民政府)")
# the building or running of an organisation (…服务机构的建设与发展): what the lead-in's support is, no offer of its own
BUILDING = re.compile(r"(?:机构|平台|基地|园区|中心|载体)的?(?:建设|运行|运营)")
# a clause whose predicate is that something is free (…实行免费制度, …导盲犬等免费携带)
FREE_PREDICATE = re.compile(r"[^，,。；;]{2}(?:实行|予以|一律|均)?免费(?:制度|携带|乘坐|使用|进入|参观)?$")
# a field of work, not someone (华侨权益保护工作, 残疾人就业工作, 人才事业): not 到基层工作, 在企业工作
WORK_FIELD = re.compile(r"(?<![到在来去赴回从])(?:工作|事业)$|^[^的]{2,30}设施建设$")
# (…综合服务设施建设: a facility built, nobody named as whose)
def _service(s: str, vocab, r: Reading, subject: str | None, declaratory: bool = False):
    """No frame: a provision in a plan's own voice (落实创业担保贷款贴息政策; 支持边境地区
    民众创业; 推行工商登记全程电子化) or a government subject's service: a clause opening
    with a service verb whose object names a need, or names whom it is for (a group, a
    business, an audience). A sentence whose subject is the state itself (国家…) states a
    policy unless its object names a need."""
    if "有利于" in s:
        return None                   # 实行有利于…的政策: a policy's orientation, not an offer
    if _stated_free(s, r):
        return ("service", None, "免费", None)     # 残疾评定实行免费制度, …辅助器具…免费携带: what is free
    later = clause_spans(s)[1:]
    if declaratory and re.match(r"^[^，,。；;]{0,20}?(?:建立|健全|完善|建立健全)[^，,。；;]{0,20}(?:" + "|".join(SYSTEMS)
                                + r")[，,]", s) and not any(n in s for n in STRONG_OFFERS) and \
            not any(subject_of(s[a:b]) or SERVICE_GIVEN.match(s[a:b].strip()) for a, b in later):
        # (…制度，县级以上地方人民政府对…: a subject of its own; …网络，在村级提供…经办服务: a service given)
        return None                   # a law's 建立健全就业援助服务体系，加强…，扶持和帮助…: its system, nothing offered
    clauses = clause_spans(s)
    oriented = False
    for k, (a, b) in enumerate(clauses):
        c = s[a:b]
        body = c
        if k == 0 and subject and c.startswith(subject):
            body = c[len(subject):]
        if oriented and not subject_of(c) or GUIDED.search(body):
            oriented = True   # 鼓励金融机构支持…，提供…; 指导医疗机构设立…，开展…: they still act, nothing offered
            continue
        verb = clause_verb(body)
        if verb is None or any(m.start() <= a + body.find(verb) + (c.find(body) if body in c else 0) < m.end()
                               for m in MEANS_SPAN.finditer(s)) or body.lstrip(" 　").startswith(verb + "的"):
            continue      # (政府|设立的研究开发机构…: the verb after a subject cut from a modifier is no predicate)
        obj = body[body.find(verb, LOCATIVE.match(body.strip(" 　")).end() if LOCATIVE.match(body.strip(" 　"))
                             else 0):] + "".join(s[x:y] for x, y in clauses[k + 1:k + 2])
        scheme = bool(PAID_SCHEME.search(body) and find_terms(body, vocab.groups))   # 建立残疾人生活补贴制度: it offers
        if _own_work(verb, body, obj) and not scheme:
            continue
        fields = FIELDS_NAMED.search(body[:body.find(verb)])       # 在规划、用地等方面扶持…: what it gives
        need = _category(obj, vocab) or (_category(fields.group(1), vocab) if fields else None)
        people = [w for _, w, _ in find_terms(obj, {**vocab.groups, "c": tuple(vocab.collective)})] + \
            [w for _, w, _ in find_terms(obj, vocab.audiences)]
        offers = [n for n in OFFER_NOUNS + ("基金", "保险", "平台", "基地", "园区", "课程", "活动", "大赛", "见习")
                  if re.search(n + "(?!设施)", obj)]     # (公共服务设施: a facility built, no service offered)
        if _planned_or_built(s, verb, body, obj, need, people) or declaratory and _supports_growth(verb, obj, need):
            continue      # 支持农民专业合作社规范发展和质量提升: the growth of a kind supported, nothing offered
        if declaratory and verb in ORIENTING and not any(n in obj for n in STRONG_OFFERS) and \
                not re.search(r"(?:鼓励|引导)和?(?:支持|扶持)", body):    # 鼓励和支持… supports
            # a law's 鼓励劳动者自主创业 / 引导中小企业利用信息技术…: it declares an orientation, nothing offered
            # (a plan's task in the same words, with the office that carries it out, is a measure)
            oriented = verb in ("鼓励", "引导", "动员", "倡导")   # whom it encourages acts in the clauses after
            continue
        giving = verb in GIVING and (bool(re.search(r"(?:服务|培训|指导|咨询|补贴|援助|帮扶|场所|场地|岗位|免费|体检|筛查)"
                                                    r"(?!工作|体系|机制|制度|机构|设施)|^发放[^，,。；;]{2,20}证》?[。；;]?$", obj))
                                     or ("活动" in obj or "教育" in obj) and people) and \
            not governs(obj) and not MEANS.search(s[:a] + body[:body.find(verb)])
        if need is None and (subject or not (people or offers)) and not giving and not scheme:
            continue
        return ("service", people[0] if people else None, verb, None)
    return None


def _planned_or_built(s: str, verb: str, body: str, obj: str, need, people: list) -> bool:
    """A service clause that offers no one anything: land allotted to projects and industries (保障…设施建设用地需求,
    安排…建设用地指标), or support for those who build their own mechanism (支持龙头企业…完善与农户的利益联结机制)."""
    if need and set(need[1]) == {"用地"} and LAND_ALLOTTED.search(obj) and not people and \
            not any(w in s for w in PEOPLE_WORDS + BUSINESS_WORDS):
        return True
    return verb in ("支持", "扶持", "指导") and bool(re.match(r"(?:支持|扶持|指导)[^，,。；;]{2,40}?" + OWN_SYSTEM.pattern,
                                                         body[body.find(verb):])) and \
        not any(n in obj for n in STRONG_OFFERS)


def _stated_free(s: str, r: Reading) -> bool:
    """Whether a clause's predicate is that something is free; its 其 (其…免费携带) is the people named before."""
    for a, b in clause_spans(s):
        if FREE_PREDICATE.search(s[a:b].rstrip("。；; ")) and not re.search(r"[对为向]|提供", s[a:b]):
            r.headless = "其" in s
            return True
    return False


def _own_work(verb: str, body: str, obj: str) -> bool:
    """A service clause that is the government's own work: a system built ((推进和组织)建立…担保体系), an
    orientation, or governance as its object (开展…工作的监督、检查)."""
    if (verb in ("建立", "健全", "完善", "建设", "实行", "建立健全") or re.match(
            r"(?:和|并)?(?:组织|推动)?(?:建立|健全|完善|建设)", body[body.find(verb) + len(verb):])) and \
            body.rstrip("。；; ").endswith(SYSTEMS):
        return True
    head = body[body.find(verb):].rsplit("的", 1)[-1]
    return any(o in obj for o in ORIENTATION) or (governs(obj[:10]) and "服务" not in obj[:10]) or \
        "的" in body and governs(head) and "服务" not in head


# what a kind of business or person does to grow (规范发展, 发展壮大, 继承和发展…, 参与…标准制定)
GROWTH = re.compile(r"(?:发展|壮大|参与|继承|培育|争创|拓展|开拓|延伸|转型|升级|做大做强|提高|提升)")


def _supports_growth(verb: str, obj: str, need) -> bool:
    """支持/鼓励和支持 B + what B does to grow, with no need and no offer named: an orientation of a law."""
    first = re.sub(r"^(?:鼓励|支持|扶持|和|、)+", "", re.split(r"[，,。；;]", obj, 1)[0])
    grows = GROWTH.search(first)
    # (an offer noun inside the names of those supported, 农民专业合作社服务中心…发展, offers nothing)
    return verb in ("支持", "扶持", "鼓励") and need is None and not any(n in obj for n in STRONG_OFFERS) and \
        bool(grows) and not any(n in first[grows.start():] for n in OFFER_NOUNS)


# land for building allotted (建设用地指标, 用地需求, 用地供应计划): the government's land planning
LAND_ALLOTTED = re.compile(r"建设用地|用地(?:需求|指标|计划|供应)")
SERVICE_GIVEN = re.compile(r"^(?:在[^，,。；;]{1,10})?(?:免费)?提供[^，,。；;]{0,20}服务[。；;]?$")
# a list of means (通过…、提供就业援助等措施，创造就业条件): what it lists is not offered by itself
MEANS = re.compile(r"通过[^。；;]*$")
MEANS_SPAN = re.compile(r"通过[^。；;]{2,80}?等?(?:措施|方式|途径|手段|渠道)")
# what a law's sentence does when it only orients (鼓励…, 发挥…作用, 推进…, 健全…) unless it names an offer
ORIENTING = ("鼓励", "引导", "推动", "倡导", "动员", "发挥", "促进", "推进", "培育", "优化", "深化", "加快", "提升",
             "健全", "完善", "强化", "增加", "扩大")
# a service verb that gives the service named after it (免费提供公共就业服务, 开展就业服务活动)
GIVING = ("提供", "开展", "组织", "发放", "给予", "举办", "落实", "统筹安排", "安排", "开设")


def _category(s: str, vocab) -> tuple | None:
    needs = find_terms(s, vocab.needs)
    if not needs:
        return None
    count: dict = {}
    for value, word, _ in needs:
        count.setdefault(value, []).append(word)
    best = max(count, key=lambda v: len(count[v]))
    return best, tuple(dict.fromkeys(count[best]))
