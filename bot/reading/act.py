"""One message read as an act: the facts it states, what it corrects or denies, what it
asks or requests, which measure it points at, and its social move.

    read(kb, text, entities, intent, open_question) -> Act

A group, need or gender named inside a question, a request or a reference to a measure
is the topic of what is asked ("有没有给女的", "那个贷款能贷多少"), never a fact about
the person: only statements change the profile. See bot/reading/clauses.py for how a
message is split and each clause's mood and time read, bot/reading/asked.py for the
question kind, bot/reading/social_moves.py for greetings and thanks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import questions
from . import needs_said, others
from .clauses import WITH_ME, Clause, clause_at, other_person, split, stretch_before
from .mentions import Mention, all_mentions, canonical_value, negated_at
from .places import PlaceReading, abroad_spans, abroad_where, blank, institution_spans, known_names, read_place
from .inferred import (add_fact, after_the_place, came_back, graduated_from_college, graduated_from_student,
                       not_yet_graduated)
from .qualifiers import ambiguities, denied_words, qualified_out
from .references import Refs, read_refs, title_spans
from .asked import read_question
from .social_moves import SOCIAL, social_move

# NLU intents that are requests (used when the words did not already say which).
INTENT_REQUEST = {"more": questions.MORE, "show_all": questions.ALL, "summary": questions.SUMMARY,
                  "help": questions.HELP, "skip": questions.SKIP, "none_of_these": questions.NONE,
                  "start_over": questions.RESTART, "restart": questions.RESTART}


@dataclass
class Act:
    text: str
    clauses: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)      # stated: fact -> value (a list for list facts)
    negated: dict = field(default_factory=dict)    # fact -> values the person says they are not
    replaced: tuple = ()                           # list facts the person restated after 说错了
    topics: dict = field(default_factory=dict)     # fact -> values named in a question or request
    place: PlaceReading = field(default_factory=PlaceReading)
    asks: str | None = None                        # a question kind (bot/reading/questions.py)
    request: str | None = None                     # more, show_all, restart, summary, help, skip, none
    refs: Refs = field(default_factory=Refs)
    answer: bool | None = None                     # yes / no as the first word
    social: str | None = None                      # greet, goodbye, thanks, feedback_*, bot_challenge
    is_question: bool = False
    acknowledges: bool = False                     # 好的 / 明白了 / 俺去问问
    of_another: bool = False                       # tells only of someone else (我老公还在服役呢)
    on_behalf: bool = False                        # asks for someone (帮我战友问的): they are the profile
    asked_for: str | None = None                   # whom the conversation is for (姐), this message or before
    words: dict = field(default_factory=dict)      # need -> the words the person used for it (贷款)
    lacking: bool = False                          # a need said as a lack (没钱, 租房太贵)
    needs_on_introducing: list = field(default_factory=list)   # needs asked while saying who/where one is
    needs_in_question: list = field(default_factory=list)      # needs named in a question clause (能贷款不)
    ambiguous: list = field(default_factory=list)  # facts.Ambiguous words left unsettled (毕业, 当兵)
    corrects: bool = False                         # 说错了 / 不对 (with or without the new value)
    local_docs: bool = False                       # asks about a place's own documents (河南自己的文件呢)
    others: dict = field(default_factory=dict)     # fact -> values said of someone else (我男朋友是退伍的)
    also_asks: list = field(default_factory=list)  # further kinds asked in other clauses (是什么意思 能给多少钱)
    everyday: tuple = ()                           # the texts' words for a question's everyday ones (网上卖: 电商)

    @property
    def states_something(self) -> bool:
        return bool(self.facts or self.negated or self.place.place or self.place.name or self.place.denied)


# 那个… at the start before what the person says of themselves is a filler, not "that one"
_FILLER_THAT = re.compile(r"\s{0,20}(?:那个|这个)[，,\s]{0,20}(?:我|俺|不|没|是|就|呃|嗯|啊|其实)")


# 俺原来那个厂子 / 靠边境那个村子: a thing or a village of one's own, not a measure pointed at
_OWN_THAT = re.compile(r"(?:原来|以前|之前|我们|俺们|我家|俺家|我的|俺的)(?:那个|这个)|(?:那个|这个)(?=村|屯|寨|镇|乡)")


def _is_topic_clause(c: Clause) -> bool:
    """A clause that asks or points rather than states (its facts are topics)."""
    if c.is_question and not c.correction:
        return True
    refs = read_refs(c.text)
    pointing = re.search(r"这个|那个|这条|那条", c.text) and not _FILLER_THAT.match(c.text) \
        and not _OWN_THAT.search(c.text)
    return bool(refs.positions or pointing) or _OFFER_EXISTS.search(c.text) and not _FIRST_PERSON.search(c.text) \
        or questions.question_kind(c.text) in (questions.DETAILS, questions.ORIGINAL, questions.EXPLAIN)


# 入选省引才计划有资金支持: what a group gets, said of no one (with 我 it is the person's)
_OFFER_EXISTS = re.compile(r"有(?:专门的?)?(?:资金|补贴|补助|奖励|资助|支持|政策|优惠|扶持|贷款)")
_FIRST_PERSON = re.compile(r"[我俺咱]")


def _sort(kb, act: Act, mentions: list[Mention], clauses: list[Clause], text: str,
          open_question: str | None, is_payload: bool) -> None:
    for m in mentions:
        clause = clause_at(clauses, m.start) if m.start >= 0 else None
        value = kb.facts[m.fact].value(m.value)
        if m.fact == "needs" and m.start >= 0 and _PLEDGED.match(text, m.end):
            value = "financing"      # 没房子抵押: a house to pledge for a loan, not a need for housing
        if m.fact == "needs" and m.start >= 0:
            act.words.setdefault(value, text[m.start:m.end])
            act.lacking = act.lacking or needs_said.lacks(text, m.start, m.end)
            if clause is not None and clause.is_question and value not in act.needs_in_question:
                act.needs_in_question.append(value)
        if clause is not None and not is_payload and (_is_topic_clause(clause) or _FOR_WHOM.search(
                text[max(clause.start, m.start - 4):max(m.start, 0)])):
            add_fact(kb, act.topics, m.fact, value)     # 都没有专门给台湾人的喔: measures for them, a topic
            continue
        if clause is not None and clause.time == "past" and value in _NOW_ONLY:
            continue          # 我之前在乌鲁木齐读大专: a student then, not now
        local = text[clause.start:m.start] if clause is not None else text[:max(m.start, 0)]
        sentence = stretch_before(text, max(m.start, 0))
        if not is_payload and (other_person(kb).search(sentence) and not WITH_ME.search(sentence)
                               or others.said_of_another(kb, text, m.start, m.end, people=m.fact != "needs")):
            if not (m.start >= 0 and negated_at(local, len(local))):     # 我老婆没当过兵: nothing she is
                add_fact(kb, act.others, m.fact, value)
            continue          # about someone else (我老公是退伍的, 残疾证是我妈的, 女战友): not the person's fact
        if m.fact == "needs" and clause is not None and re.search(r"不想|不要|不用|不需要", clause.text):
            continue          # 户口不想迁回去: no wish for it
        if m.fact == "groups" and (_NOT_KNOWN_AFTER.match(text, m.end) or _MAYBE_BEFORE.search(local)):
            continue          # 养殖我不太懂, 我也可以回老家搞: what one does not know or only might do
        if m.fact == "needs" and _BUSINESS_BEFORE.search(text[max(0, m.start - 6):m.start]) \
                and _ESTABLISHMENT.match(text, m.end):
            continue          # 开一家韩语培训机构: the business, not a need
        if not is_payload and m.start >= 0 and negated_at(local, len(local)) \
                and not (m.fact == "needs" and (_LACK.search(local) and not _NO_LACK.search(local)
                                                 or needs_said.lacks(text, m.start, m.end))):   # 不会办执照
            act.negated.setdefault(m.fact, [])
            if value not in act.negated[m.fact]:
                act.negated[m.fact].append(value)
            flipped = _flip(kb, m.fact, value)
            if flipped is not None:
                act.facts[m.fact] = flipped
            continue
        add_fact(kb, act.facts, m.fact, value)
        if clause is not None and clause.correction and kb.facts[m.fact].kind == "list" \
                and not _ADDED.search(clause.text):     # 我其实也缺钱: one more, nothing withdrawn
            act.replaced = tuple(dict.fromkeys(act.replaced + (m.fact,)))


_ADDED = re.compile(r"也|还|另外|同时|再")
_COPULA_PLACE = re.compile(r"\s{0,20}(?:是|系|就是|不是|唔系)\s{0,20}([\u4e00-\u9fff]{2,12})\s{0,20}$")


def _yes_no(kb, clauses) -> bool | None:
    """Yes or no as the first word of a first clause that asks nothing (算是吧 is a yes);
    是图们 is where the person is, not a yes to the open question."""
    if not clauses:
        return None
    if clauses[0].is_question and not re.fullmatch(r"\s*\S{1,3}吧\s*", clauses[0].text):
        # 科技型？我们就是做贸易的，不算吧: the question echoed, then a bare no
        return next((questions.yes_no(c.text) for c in clauses[1:3] if questions.BARE_YES_NO.match(c.text)), None) \
            if len(clauses[0].text.strip(" ？?")) <= 5 else None
    copula = _COPULA_PLACE.match(clauses[0].text)
    if copula and kb.gazetteer.resolve(copula.group(1), simplified=True) is not None:
        return None
    return questions.yes_no(clauses[0].text)


_PLEDGED = re.compile(r"(?:做|来|去|拿去|拿来)?(?:抵押|担保|质押)")
_MAYBE_BEFORE = re.compile(r"(?:也|还)?(?:可以|或者|要不|考虑)$")
_NOT_KNOWN_AFTER = re.compile(r"[^，,。；;？?]{0,3}?(?:我|俺)?(?:还)?不(?:太|大|怎么)?(?:懂|会|了解|熟)")
_NOW_ONLY = ("university_student", "unemployed")     # what a clause about the past does not make the person now
_NAMED_THAT = re.compile(r"[\u4e00-\u9fff]{2}(?:那条|那个|这条|这个|那项|这项|嗰个|嗰条)")
_FOR_WHOM = re.compile(r"(?:专门)?(?:给|面向|针对)$")
# 没钱, 没有场地, 缺资金: lacking a thing is needing it; 不缺钱 is not
_LACK = re.compile(r"没|缺|少")
_NO_LACK = re.compile(r"不缺|不少|不差")
_BUSINESS_BEFORE = re.compile(r"开|办|搞|经营|做")
_ESTABLISHMENT = re.compile(r"机构|学校|班|中心|公司|店|工作室|门店|学堂")


def _place(kb, act: Act, text: str, mentions: list, entities, abroad) -> PlaceReading:
    """Where the person is, with the names that hold a place but are none blanked: a group's
    (台湾青年), a programme's (桂惠贷), a place abroad; a school's (湖南大学) counts only when
    nothing else names a place (乌鲁木齐职业大学大二的)."""
    spans = [(m.start, m.end) for m in mentions if m.fact in kb.facts.conditions and m.start >= 0
             and kb.gazetteer.resolve(text[m.start:m.end], simplified=True) is not None]
    names = known_names(kb)
    if names is not None:
        spans += [(m.start(), m.end()) for m in names.finditer(text)]
    spans += [(s, e) for s, e, _ in abroad]
    schools = institution_spans(kb, text)
    for blanked in ([*spans, *schools], spans) if schools else (spans,):
        place_text = blank(text, blanked)
        places = [e for e in entities or [] if not (
            isinstance(e.get("start"), int) and any(s <= e["start"] < t for s, t in blanked))]
        place_clauses = [replace(c, text=place_text[c.start:c.end]) for c in act.clauses]
        reading = read_place(kb, place_text, place_clauses, places, False)
        if reading.place is not None or reading.topic is not None or reading.denied or reading.suggestion is not None:
            return reading      # 延边大学 … 老家浑春: the home misspelt, not the school's prefecture
    return reading


def _ambiguous_topics(kb, act: Act, text: str) -> None:
    """An unsettled word inside a question (只给留学生吗) names what is asked about: a topic,
    with nothing to clarify about the person."""
    for a in list(act.ambiguous):
        clause = clause_at(act.clauses, text.find(a.word))
        if clause is not None and _is_topic_clause(clause):
            add_fact(kb, act.topics, a.fact, kb.facts[a.fact].value(a.value))
            act.ambiguous.remove(a)


def _flip(kb, fact: str, value):
    """The answer a denied one-valued fact gives: 不是科技型 -> False; 不是女的 -> male."""
    if kb.facts[fact].kind == "bool":
        return not value
    if kb.facts[fact].kind == "one":
        others = [v for v in kb.facts[fact].values if v != value]
        return others[0] if len(others) == 1 else None
    return None


def _short_answer(kb, act: Act, text: str, open_question: str | None, mentions: list[Mention]) -> None:
    """A one-character answer to a one-value question (女, 男的)."""
    whole = text.strip("。.!！ ")
    if open_question and kb.facts.get(open_question) is not None and kb.facts[open_question].kind == "one" \
            and whole and len(whole) <= 4 and not any(m.fact == open_question for m in mentions):
        value = canonical_value(kb, open_question, whole)
        if value:
            act.facts[open_question] = value


def english_title_words(kb, text: str) -> str:
    """The Chinese title words a message names in English (green channel -> 绿色通道)."""
    if not re.search(r"[A-Za-z]{3}", text):
        return ""
    cache = kb.__dict__.setdefault("_english_pattern", {})
    if "p" not in cache:
        phrases = sorted(kb.english_words, key=len, reverse=True)
        cache["p"] = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I) \
            if phrases else None
    found = cache["p"].findall(text) if cache["p"] else []
    return "".join(dict.fromkeys(kb.english_words[f.lower()] for f in found))


def everyday_text_words(kb, text: str) -> tuple:
    """The words of the measures' texts a message says in everyday words (网上卖 -> 电商)."""
    return tuple(dict.fromkeys(w for phrase, w in kb.everyday_words.items() if phrase in text))


def _opens_with_another(kb, c: Clause) -> bool:
    """我老婆也是韩国人: the clause begins with someone else."""
    return other_person(kb).match(c.text.lstrip("我俺的家 ")) is not None


def _read_payload(kb, act: Act, entities: list[dict], intent: str | None, open_question: str | None) -> Act:
    """A button's payload: its intent and entities, nothing to read in text."""
    _sort(kb, act, all_mentions(kb, "", entities, True), [], "", open_question, True)
    act.place = read_place(kb, "", [], entities, True)
    act.request = INTENT_REQUEST.get(intent)
    act.asks = questions.INTENT_KIND.get(intent)
    act.social = intent if intent in SOCIAL else None
    act.answer = {"affirm": True, "deny": False}.get(intent)
    for e in entities:
        if e.get("entity") == "item" and str(e.get("value")).isdigit():
            act.refs.positions.append((int(e["value"]), ""))
    if act.refs.positions and act.asks is None:
        act.asks = questions.DETAILS
    return act


def read(kb, text: str, entities: list[dict] | None = None, intent: str | None = None,
         open_question: str | None = None, is_payload: bool = False, asked_for: str | None = None,
         own_profile: bool = False) -> Act:
    """The act of one message; `text` is Simplified, `open_question` the fact the bot asked,
    `asked_for` whom an earlier message asked for (帮我姐问的: 姐), `own_profile` whether the
    person has said who or where they are."""
    act = Act(text)
    if is_payload:
        return _read_payload(kb, act, entities or [], intent, open_question)
    behalf = others.asking_for(text, asked_for, own_profile)
    act.on_behalf = behalf is not None
    act.asked_for = others.who_asked_for(behalf) if behalf else asked_for
    if act.asked_for:     # 帮我姐问的 她听力残疾 在柳州 / 我姐在西安: the one asked for is who the profile is
        text = act.text = others.as_the_person(text, act.asked_for)
    act.clauses = split(text)
    if behalf is not None and others.gender_of(act.asked_for):
        act.facts["gender"] = others.gender_of(act.asked_for)     # 我妈让我来问的: a woman's profile
    found = all_mentions(kb, text, entities or [], False)
    mentions = [m for m in found if not qualified_out(kb, m, text)]     # 高中毕业生, 残疾人联合会
    titles = title_spans(kb, text)        # 女大学生创业创新大赛 还能报吗: the measure's name, not who the person is
    mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in titles)]
    _sort(kb, act, mentions, act.clauses, text, open_question, False)
    _short_answer(kb, act, text, open_question, mentions)
    came_back(kb, act)
    act.ambiguous = ambiguities(kb, text, [(m.start, m.end) for m in found if m.start >= 0], act.facts, act.negated)
    for fact, value in denied_words(kb, text, act.clauses):     # 我自己没有残疾
        if value not in (act.facts.get(fact) or ()) and value not in act.negated.setdefault(fact, []):
            act.negated[fact].append(value)
    act.negated = {f: v for f, v in act.negated.items() if v}
    graduated_from_student(kb, act)
    graduated_from_college(kb, act)
    not_yet_graduated(kb, act)
    _ambiguous_topics(kb, act, text)
    abroad = abroad_spans(kb, text)     # 东京 is no 北京
    act.place = _place(kb, act, text, mentions, entities, abroad)
    after_the_place(kb, act, abroad)
    if act.place.place is None and abroad:
        here = [n for s, e, n in abroad_where(kb, text)
                if not any(c.start <= s < c.end and c.time == "past" for c in act.clauses)]
        act.place.abroad = here[0] if here else None
    own = [c.text for c in act.clauses if c.is_question or not _opens_with_another(kb, c)]
    act.refs = read_refs(" ".join(own) if own and len(own) < len(act.clauses) else text)   # 我老婆也是韩国人: no title word
    pointed = [c for c in act.clauses if _NAMED_THAT.search(c.text)]
    if pointed and len(act.clauses) > 1:      # 那我现在能享受啥 军人配偶那条怎么写的: that clause names it
        act.refs.words = read_refs(pointed[-1].text).words
    act.refs.words += english_title_words(kb, text)
    act.request = questions.request_of(text) or INTENT_REQUEST.get(intent)
    read_question(act, intent)
    if act.is_question:      # 他还想在网上卖木耳 有支持吗: the texts' word for it (电商)
        act.everyday = everyday_text_words(kb, text)
    act.answer = _yes_no(kb, act.clauses)
    act.social = social_move(text, intent, act.states_something or bool(act.asks))
    act.acknowledges = bool(act.clauses) and all(questions.ACK.match(c.text.strip()) for c in act.clauses) \
        and not re.search(r"[？?]", text) and not act.states_something     # 行吧 ends like a question, asks nothing
    act.corrects = any(c.correction for c in act.clauses)
    if act.on_behalf and act.facts.get("groups"):
        act.replaced = tuple(dict.fromkeys(act.replaced + ("groups",)))   # 帮我老公问问 他是退伍军人: his groups, not mine
    act.of_another = bool(act.clauses) and not (act.is_question or act.states_something or act.asks) \
        and all(_opens_with_another(kb, c) for c in act.clauses[:1])
    return act
