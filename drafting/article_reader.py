"""Which sentences of an article are measures, read in order: an item of a list
takes its lead-in's frame (or is a condition, or a prohibited act), a sentence
after ；goes on with the subject before it, "those who…" are the people just
named, and a sentence whose clauses name different people is split into runs.
Each run becomes measures (Drafter._measures_of); every other sentence keeps
the reason it is none, and the article, whether it offers anything and why."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.script import to_simplified

from .beneficiary import beneficiary_kind
from .people import HIRING_WORDS, names_a_person
from .phrases import clause_spans, find_terms, head_of, is_government
from .subjects import subject_of
from .frames import clause_verb
from .reading import LEAD_IN, NO_OFFER, Reading, read
from .segment import Segmentation, byte_span

CLAUSE_END = ",，;；"
INTERNAL = "政府内部事项"
# (not a bound: 六岁以下, 十人以下)
LIST_LEAD = re.compile(r"(?:下列|(?<![0-9０-９一二三四五六七八九十百千万岁年级元人%％亩月日周])以下|如下)")
MEASURES_LISTED = re.compile(r"(?:下列|以下|如下)(?:措施|扶持措施|支持措施|服务|扶持|支持|政策)")
CONDITIONS_LEAD = re.compile(r"(?:下列|以下|如下)[^，,。；;：:]{0,6}(?:条件|情形|情况)|(?:范围|对象)包括[：:]?$|是指[：:]?$")
AMOUNTS_LEAD = re.compile(r"(?:下列|以下|如下)(?:比例|标准|数额|幅度|档次)(?:[^，,。；;：:]{0,4}|对[^，,。；;：:]{2,40}?)"
                          r"(?:增发|发给|发放|给予|补助|补贴|计发)"     # (按照下列标准对…人员给予奖励：)
                          r"|(?:标准|比例|数额)(?:为|如下)[：:]\s*$")
# what may be done, listed (下列投资形式, 下列项目, 下列业务): a scope, not offers
SCOPE_LEAD = re.compile(r"(?:下列|以下)[^，,。；;：:]{0,4}(?:形式|方式|项目|业务|领域|行业|事项|范围)[：:]?\s*$")
ITEM_MARK = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
# the documents an applicant must hand in (应当提供下列文件：, 提交以下材料：)
MATERIALS_LEAD = re.compile(r"(?:提供|提交|出具|递交|报送|携带|持有)(?:下列|以下|如下)[^，,。；;：:]{0,6}(?:文件|证件|材料|证明|资料)")
PROHIBITED_LEAD = re.compile(r"(?:不得|禁止|严禁)[^，,。；;]{0,8}(?:下列|以下)|(?:履行|负责)(?:下列|以下)[^，,。；;]{0,4}职责")


def _is_condition(item: str) -> bool:
    """An item that states a condition (…的；) rather than naming someone or an offer."""
    return to_simplified(item).strip().rstrip("。；;，, ").endswith("的") or \
        to_simplified(item).strip().startswith(("是", "被", "受过", "曾", "因", "有", "属于"))


@dataclass
class _ArticleWalk:
    """What reading an article's sentences in order carries from one to the next, and what it found."""
    context: Reading | None = None      # the last lead-in, for the items of its list
    before: dict = field(default_factory=dict)  # the groups the article named last (for "those who…" after them)
    conditions_list: bool = False       # the last lead-in introduced conditions (下列条件/情形), not beneficiaries
    last_actor: str | None = None       # who acts in the sentence before (a sentence after ；may leave it out)
    prev_actor: str | None = None       # who acts in the sentence just before (None when it names no one)
    prev_offer: Reading | None = None   # the sentence just before, when it offers something
    prohibited_list: bool = False       # the last lead-in prohibits what its items list (不得有下列行为)
    items_why: str | None = None        # why the last lead-in's items are no measures of their own
    for_people: dict = field(default_factory=dict)  # the groups a lead-in listing measures names
    items: list = field(default_factory=list)       # the article's numbered items: (start, text)
    k: int = 0                          # the runs drafted so far (a measure id's d<k>)
    measures: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    reasons: list = field(default_factory=list)     # why sentences offer nothing
    skipped: list = field(default_factory=list)     # sentences not drafted, with why


class ArticleReader:
    """Mixed into Drafter: its text, vocabulary and declaratory voice, and _measures_of for each run."""

    def _article_measures(self, seg: Segmentation, art) -> tuple[list, dict]:
        label = art.label if seg.style != "paragraph" else f"第{art.number}条"
        title_reading = read(art.title, self.vocab) if art.title else None
        walk = _ArticleWalk(items=[(a, self.text[a:b]) for _, a, b in art.parts])
        for sent in art.sentences:
            self._sentence_measures(seg, art, label, sent, title_reading, walk)
        return walk.measures, self._article_decision(art, walk)

    def _article_decision(self, art, walk: _ArticleWalk) -> dict:
        """The article as the draft lists it: its span, parts and bracket, and whether it offers anything (why)."""
        text = self.text
        decision = {"article": art.number, "label": art.label, "printed": art.printed,
                    "title": to_simplified(art.title or ""),
                    "chars": [art.start, art.end], "bytes": list(byte_span(text, (art.start, art.end)))}
        if art.parts:
            decision["parts"] = [{"label": lbl, "chars": [a, b]} for lbl, a, b in art.parts]
        if art.brackets:
            decision["bracket"] = text[art.brackets[-1][0]:art.brackets[-1][1]]
        elif art.inherited_bracket:
            decision["bracket"] = text[art.inherited_bracket[0]:art.inherited_bracket[1]]
            decision["bracket_from"] = "the enclosing heading"
        decision["actionable"] = bool(walk.measures)
        if walk.measures:
            decision["reason"] = "提供扶持：" + "、".join(dict.fromkeys(str(o) for o in walk.offers if o))
        else:
            words = list(dict.fromkeys(walk.reasons))
            decision["reason"] = (INTERNAL + "：" + "；".join(words[:3])) if words else INTERNAL + "：" + NO_OFFER
        if walk.skipped and walk.measures:
            decision["not_drafted"] = walk.skipped
        return decision

    def _sentence_measures(self, seg, art, label, sent, title_reading, walk: _ArticleWalk) -> None:
        """One sentence of the article: its measures, or the reason it has none, into `walk`."""
        s_text = self.text[sent.start:sent.end]
        in_part = self._in_part(art, sent.start)
        r = self._read_in_article(art, sent.start, s_text, in_part, walk)
        why_not = self._why_not_drafted(s_text, in_part, r, walk, sent.start)
        if why_not:
            walk.skipped.append({"chars": [sent.start, sent.end], "why": why_not})
            return
        if walk.context is not None and LIST_LEAD.search(walk.context.beneficiary or "") and \
                r.review and r.review[-1].startswith(LEAD_IN):
            r = _item_as_beneficiary(r, s_text, self.vocab, walk.context)
        for a, b, run in self._runs(sent.start, sent.end, r):
            walk.k += 1
            walk.offers.append(run.offer or run.frame)
            walk.measures += self._measures_of(seg, art, label, walk.k, (a, b), run, title_reading)

    def _read_in_article(self, art, start: int, s_text: str, in_part: bool, walk: _ArticleWalk) -> Reading:
        """The sentence read with what the article said before it: the lead-in of its list, the
        subject of the sentence it goes on from, the people named last."""
        # a paragraph with no marker after a list's items (…（四）…。市、县…部门应当发给…证件。) speaks for the
        # article again: it is not read as one more item of the lead-in
        item = in_part and not _in_unmarked_paragraph(self.text, start)
        r = read(s_text, self.vocab, context=walk.context if item else None, item=item,
                 declaratory=self.declaratory and not art.bracket)
        after = _continues(self.text, start)
        if not r.measure and after == "；" and walk.prev_offer is not None and _another_office_gives(s_text, r):
            # …的，工商行政管理等部门优先核发证照…；金融部门在信贷方面应当给予照顾: another office gives to the
            # same people
            r = read(s_text, self.vocab, context=walk.prev_offer, item=True)
        walk.prev_offer = r if r.measure and r.beneficiary else None
        if not after and _in_unmarked_paragraph(self.text, start):
            walk.last_actor = None      # a new paragraph (not an item): the subject of the one before does not go on
        if r.actor is None and (walk.last_actor if after == "；" else walk.prev_actor) and after and \
                OPENING_ADVERBS.sub("", to_simplified(s_text).lstrip()).startswith(PREDICATE_OPENINGS):
            # …应当…；为劳动密集型小企业提供…: the subject of the sentence before goes on (after 。 only
            # from the sentence just before, in the same paragraph)
            r.actor = walk.last_actor if after == "；" else walk.prev_actor
        if r.actor and not in_part:
            walk.last_actor = r.actor
        walk.prev_actor = r.actor
        if r.measure and r.headless and not r.groups and not r.gender and walk.before and \
                not to_simplified(s_text).lstrip().startswith(HIRING_WORDS):    # (安置…就业的: the employers)
            # 被安排在公益性岗位工作的，…: those who… are the people the article has just named
            r.groups = dict(walk.before)
            r.review.append("身份取自上文（“" + "”“".join(walk.before.values()) + "”）：本句的受益者没有写出是谁，请核对")
        if in_part and r.measure and not r.groups and not r.gender and walk.for_people:
            # 采取下列措施支持港澳青年…：（三）落实有关税收优惠…: an item naming no one is for the lead-in's people
            r.groups = dict(walk.for_people)
            r.review.append("身份取自引导语（“" + "”“".join(walk.for_people.values()) + "”）：本项没有写出是谁，请核对")
        named = r.groups if r.measure else _groups_named(s_text, self.vocab)
        if named:
            walk.before = dict(named)
        return r

    def _why_not_drafted(self, s_text: str, in_part: bool, r: Reading, walk: _ArticleWalk,
                        start: int = 0) -> str | None:
        """Why the sentence gives no measure (an item of a list that is not offers, a lead-in whose
        items are the measures, no offer: counted among the article's reasons), or None."""
        if in_part and walk.prohibited_list:
            # an item under 不得有下列行为： (or 履行下列职责：) is a prohibited act or a government's duty
            return "列举的禁止行为或职责（见引导语）"
        if walk.items_why and (in_part and not _unmarked_paragraph(self.text, start) or
                               ITEM_MARK.match(to_simplified(s_text).lstrip())):
            return walk.items_why     # (an item the segmentation left inside the article's text: still an item)
        if in_part and walk.conditions_list and _is_condition(s_text):
            # an item of a list of conditions (服现役满十二年的；受过刑事处罚的): it qualifies the
            # lead-in, which decides; never a measure of its own
            return "列举的条件（见引导语）"
        if s_text.rstrip().endswith(("：", ":")) or LIST_LEAD.search(to_simplified(s_text)):
            why_not = self._lead_in(s_text, r, walk, start)
            if why_not:
                return why_not
        if not r.measure:
            walk.reasons.append(r.not_measure or NO_OFFER)
            return r.not_measure or NO_OFFER
        return None

    def _lead_in(self, s_text: str, r: Reading, walk: _ArticleWalk, start: int = 0) -> str | None:
        """A sentence that introduces a list: what its items are (the context they are read in,
        conditions, prohibited acts); why the lead-in itself is no measure, or None when it is one."""
        simplified = to_simplified(s_text)
        walk.context = r if r.measure else (r if r.actor else walk.context)
        walk.conditions_list = bool(CONDITIONS_LEAD.search(simplified))
        walk.prohibited_list = bool(PROHIBITED_LEAD.search(simplified)) or \
            (r.not_measure or "").startswith("法律责任")     # 有下列行为之一的，…给予处分：: acts penalised
        walk.items_why = None
        # 采取下列措施支持港澳青年…: the items are measures for the people the lead-in names
        walk.for_people = _groups_named(simplified, self.vocab) if MEASURES_LISTED.search(simplified) else {}
        if MATERIALS_LEAD.search(simplified):
            # …投资的，应当提供下列文件：: what an applicant must hand in, item by item; nothing is offered
            walk.items_why = "列举的申请材料（见引导语）"
            walk.reasons.append(walk.items_why)
            return "申请材料的要求：“" + MATERIALS_LEAD.search(simplified).group(0) + "”"
        if r.measure and AMOUNTS_LEAD.search(simplified):
            # …按照下列比例增发一次性抚恤金：（一）获得勋章的，增发40%: the lead-in is the measure, its items its rates
            walk.items_why = "列举的比例或标准（引导语是措施）"
            return None
        if not r.measure and SCOPE_LEAD.search(simplified):
            # 台湾同胞投资者可以依法采取下列投资形式：, 职业中介机构可以从事下列业务：: what one may do, item by item
            walk.items_why = "列举的形式、项目或业务范围（见引导语）"
            walk.reasons.append(walk.items_why)
            return None
        if not r.measure or walk.conditions_list:
            return None     # 符合下列条件之一的，可以…: the lead-in is the measure, its items its conditions
        if LIST_LEAD.match(simplified.lstrip()) and not LIST_LEAD.search(r.beneficiary or ""):
            # 下列岗位…优先录用就业困难人员：: the items list the subject, the lead-in is the measure
            walk.items_why = "列举的范围（引导语是措施）"
            return None
        items = [t for a, t in walk.items if a > start]
        if r.beneficiary and LIST_LEAD.search(r.beneficiary) and items and all(_is_condition(t) for t in items):
            # 对下列科技成果转化项目应当…予以支持：（一）能够显著提高…的；: the items say which qualify
            walk.conditions_list = True
            walk.items_why = "列举的条件（引导语是措施）"
            return None
        general = _support_in_general(simplified, r)
        if r.beneficiary and LIST_LEAD.search(r.beneficiary) and general:
            # 对下列就业困难人员实行优先扶持和重点帮助：: who is helped, not what they get
            walk.items_why = f"列举的人员（引导语只写了扶持的方向：“{general}”）"
            walk.reasons.append(walk.items_why)
            return walk.items_why
        if r.beneficiary and LIST_LEAD.search(r.beneficiary):
            return "列举的引导语：受益者见各项（" + r.why() + "）"
        if r.frame == "service" and not r.beneficiary and r.category:
            return None     # …创新财政资金支持方式，支持下列事项：: the support is the measure, its items what it funds
        if s_text.rstrip().endswith(("：", ":")):
            return "列举的引导语：" + r.why()
        return None

    @staticmethod
    def _in_part(art, position: int) -> bool:
        return any(a <= position < b for _, a, b in art.parts)

    def _runs(self, start: int, end: int, r: Reading):
        """The sentence, or its runs of clauses when clauses name different people
        (开展女大学生人才生根计划,搭建女性双创服务平台 -> two runs) or open frames of their own after a
        clause that offers nothing (…健全…制度，将 B 纳入低保，对 B 进行安置 -> two runs);
        clauses naming nobody join the run before them."""
        text, vocab = self.text, self.vocab
        quote = text[start:end]
        spans = clause_spans(quote)
        if len(spans) <= 1:
            yield start, _trim_end(text, start, end), r
            return
        subs = self._frame_runs(quote, spans, r)
        if subs is None:
            runs = _people_runs(quote, spans, vocab)
            if len(runs) == 1:
                yield start, _trim_end(text, start, end), r
                return
            subs = [(a, b, read(quote[a:b], vocab, context=r, declaratory=self.declaratory)) for a, b in runs]
        if not all(sub.measure for _, _, sub in subs):
            # a run that offers nothing by itself (…的残疾退役军人，有劳动能力的，│优先享受…残疾人就业优惠政策)
            # holds the beneficiary of the others: the sentence is one measure
            yield start, _trim_end(text, start, end), r
            return
        for a, b, sub in subs:
            yield start + a, _trim_end(text, start + a, start + b), sub

    def _frame_runs(self, quote: str, spans: list, r: Reading) -> list | None:
        """The offers of a sentence whose first clauses offer nothing (what the government builds: 健全…制度)
        and whose later clauses open frames of their own (将 B 纳入…, 对 B 进行…): one run from each such
        clause, a clause that offers nothing after it going on with it (…等措施，提升其收入水平); or None."""
        starts = [k for k, (a, b) in enumerate(spans) if k and _opens_offer(to_simplified(quote[a:b]), self.vocab, r)]
        if not starts:
            return None
        preface = to_simplified(quote[:spans[starts[0] - 1][1]])
        if not _builds(preface, spans[:starts[0]]) or read(preface, self.vocab, declaratory=self.declaratory).measure:
            return None
        bounds = starts + [len(spans)]
        return [(spans[i][0], spans[j - 1][1], read(quote[spans[i][0]:spans[j - 1][1]], self.vocab, context=r,
                                                    declaratory=self.declaratory))
                for i, j in zip(bounds, bounds[1:])]


def _people_runs(quote: str, spans: list, vocab) -> list:
    """The runs of clauses that name the same people (a clause naming nobody joins the run before it)."""
    runs, current, sig = [], None, None
    for a, b in spans:
        clause = to_simplified(quote[a:b])
        g = tuple(sorted(v for v, _, _ in find_terms(clause, vocab.groups)))
        female = bool(find_terms(clause, vocab.gender))
        s = (g, female)
        if current is None:
            current, sig = [a, b], s
        elif s != ((), False) and sig != ((), False) and s != sig:
            runs.append(tuple(current))
            current, sig = [a, b], s
        else:
            current[1] = b
            if sig == ((), False):
                sig = s
    runs.append(tuple(current))
    return runs


# a clause that opens a frame of its own (…制度，将 B 纳入低保，对 B 进行安置): one offer of the sentence's several
FRAME_OPENING = re.compile(r"^\s*(?:并|同时|还)?(?:按照[^，,。；;]{0,20}?规定|依法|依照[^，,。；;]{0,20}?规定)?(?:对|为|向|将|把)"
                           r"(?!于|了|此|其)")     # (为其…: the people of the clause before, one offer with it)


def _builds(preface: str, spans: list) -> bool:
    """Whether clauses before an offer do work of their own (健全…制度, 加强…建设), not only name who acts, when
    or how (区人民政府应当根据实际情况，…; 职务科技成果转化后，…单位应当按照规定…): their verb opens a clause."""
    for a, b in spans:
        clause = preface[a:b].strip()
        subject = subject_of(clause)
        body = clause[len(subject):] if subject and clause.startswith(subject) else clause
        if clause_verb(body) or re.match(r"^(?:应当|应|要)?(?:加强|做好|制定)", body):
            return True
    return False


def _opens_offer(clause: str, vocab, r: Reading) -> bool:
    """Whether a clause after the first opens a frame of its own and offers something by itself."""
    if not FRAME_OPENING.match(clause):
        return False
    sub = read(clause, vocab, context=r)
    return sub.measure and sub.frame in ("对", "为", "向")


# a sentence that opens with its predicate has left its subject out (为…提供, 对…给予, 并…)
PREDICATE_OPENINGS = ("为", "对", "向", "将", "把", "并", "同时", "还", "通过", "鼓励", "支持", "引导", "组织", "提供", "给予", "开展",
                      "落实", "帮助", "安排", "免费", "优先", "指导", "推动", "推进", "促进", "加强", "加大", "建设",
                      "建立", "完善", "设立", "实施", "培育", "做好", "保障", "依法", "及时")


# adverbs before a predicate with no subject (…；逐步将…纳入…): the predicate still opens the sentence
OPENING_ADVERBS = re.compile(r"^(?:逐步|积极|进一步|切实|大力|努力|不断|适时|有计划地|依法)")
SUPPORT_IN_GENERAL = re.compile(r"^(?:(?:优先|重点|适当|必要的|相应的|积极)?(?:扶持|帮助|援助|帮扶|支持|关怀|照顾)"
                                r"(?:和|及|、)?)+$")


def _unmarked_paragraph(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens a paragraph with no item marker of its own (the text
    after a list: 下列岗位…：（一）…（五）…。就业困难人员在公益性岗位就业的，…)."""
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


ITEM_MARKER = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[①-⑳]|[一二三四五六七八九十]+、)")


def _in_unmarked_paragraph(text: str, start: int) -> bool:
    """Whether the sentence at `start` lies in a paragraph that opens with no item marker."""
    return not ITEM_MARKER.match(text, text.rfind("\n", 0, start) + 1)


def _support_in_general(sentence: str, r: Reading) -> str | None:
    """The words after the offer when they name support only in general (优先扶持和重点帮助), else None."""
    at = sentence.rfind(r.offer) if r.offer else -1
    tail = sentence[at:].rstrip("：:。；; ") if at >= 0 else ""
    return tail if tail and SUPPORT_IN_GENERAL.match(tail) else None


# what an office gives with nobody named after it (给予照顾, 执行…减免税的规定)
GIVES_UNNAMED = re.compile(r"(?:给予|予以|减免|免征|免收|优先|照顾|补贴|补助|贴息|优惠)")


def _another_office_gives(sentence: str, r: Reading) -> bool:
    """Whether a sentence after ；is an office of its own that gives something to nobody it names."""
    s = to_simplified(sentence)
    return bool(r.actor) and is_government(r.actor) and bool(GIVES_UNNAMED.search(s)) and \
        not re.search(r"[对为向]", s[len(r.actor):s.find(GIVES_UNNAMED.search(s).group(0))])


def _continues(text: str, start: int) -> bool:
    """How the sentence at `start` goes on from the one before it in the same paragraph: "；" after
    ；, "。" after 。 (教育部门应当…。指导高等学校…: a sentence that opens with its verb keeps the
    subject), "" when it starts a paragraph."""
    before = text[:start].rstrip(" \t\u3000")
    return "；" if before.endswith(("；", ";")) else "。" if before.endswith("。") else ""


def _groups_named(sentence: str, vocab) -> dict:
    """Groups a sentence that offers nothing names as people (its subject or topic), for the
    sentences after it in the article."""
    s = to_simplified(sentence)
    subject = subject_of(s)
    if subject and beneficiary_kind(head_of(subject, vocab), vocab) == "business":
        return {}     # 各类用人单位，应当…安排残疾人就业。超过该比例的，…: those who… after it are the employers
    return {v: w for v, w, pos in find_terms(s, vocab.groups) if names_a_person(s, w, pos)}


def _item_as_beneficiary(r: Reading, item: str, vocab, lead_in: Reading | None = None) -> Reading:
    """An item of a list whose lead-in offers something to 下列…: the item names the beneficiary; one
    that names no group is one of the lead-in's (对下列退役军人…：…的转业军官)."""
    sub = read("对" + item.rstrip("；;。") + "给予", vocab)
    r.beneficiary, r.head = sub.beneficiary or item, sub.head
    r.groups, r.gender, r.tech, r.audiences = sub.groups, sub.gender, sub.tech, sub.audiences
    r.not_people = sub.not_people
    if not r.groups and lead_in is not None and lead_in.groups:
        r.groups = dict(lead_in.groups)
        r.review.append("身份取自引导语（“" + "”“".join(lead_in.groups.values()) + "”）：本项本身没有写出身份，请核对")
    return r


def _trim_end(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in CLAUSE_END + " \t\u3000\n":
        b -= 1
    return b
