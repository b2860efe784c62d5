"""What a message asks: the question kind read from its clauses, with the topics a
question about someone else or a partner names (bot/reading/questions.py holds the kinds)."""
from __future__ import annotations

import re

from . import needs_said, others, questions

# 我今年24: an age said alone
_AGE_ONLY = re.compile(r"\s{0,3}(?:我|俺)?" + questions.AGE_SAID + r"\s{0,3}[了啊呀哈]?\s{0,3}$")
_WIFE_TOO = re.compile(r"(?:老婆|媳妇|妻子|爱人|太太|屋企人|女儿|闺女|妹妹|姐姐)[^，,。？?]{0,8}(?:也|还)?想[^，,。？?]{0,4}(?:干|搞|做|弄|一起|创业)|"
                       r"(?:老婆|媳妇|妻子|太太)[^，,。？?]{0,12}(?:她|佢)(?:能|可以|也能|有没有|享受)(?!一起|跟着|随)")   # 她可以一起办吗: what was just asked
# 他能享受吗 / 她也可以申请不: whether they can, of nothing in particular
_CAN_THEY = re.compile(r"\s{0,3}[他她佢](?:也|还)?(?:能|可以|可不可以|能不能|可唔可以)?(?:享受|申请|办|用|参加|拿)?"
                       r"(?:吗|不|么|嘛|呢|冇)?\s{0,3}[?？]?\s{0,3}$")
# Intents whose answer never says how long or how many times (营业执照要多久能办下来 is not
# a question of papers).
_NEVER_HOW_LONG = ("ask_materials", "ask_contact", "ask_agency")
_ENGLISH_QUESTION = re.compile(r"\b(?:what|how|where|who|which|when|why|can|could|is there|are there|do|does|is it)\b",
                               re.I)


def read_question(act, intent: str | None) -> None:
    """What the message asks: a kind read from its question clauses (a request for
    details or the original text may be a statement: 第2项详细说说)."""
    for c in act.clauses:
        if not c.is_question and _ENGLISH_QUESTION.search(c.text) and not re.search(r"[\u3400-\u9fff]{4}", c.text):
            c.mood = "question"          # "how much", "who should I contact"
    asked = [c for c in act.clauses if c.is_question]
    act.is_question = bool(asked)
    kinds = []
    for c in act.clauses:
        k = questions.question_kind(c.text)
        if k and (c.is_question or k in (questions.DETAILS, questions.ORIGINAL, questions.EXPLAIN)) and k not in kinds:
            kinds.append(k)
    kind = kinds[0] if kinds else None
    act.also_asks = kinds[1:]
    if kind is None and asked and any(questions.question_kind(c.text) == questions.ELIGIBILITY for c in act.clauses) \
            and not questions.MEASURES_CUE.search(act.text):     # 俺四十八了 … 有啥政策没: the list
        kind = questions.ELIGIBILITY     # 我今年五十八了 还能贷不: the age said asks whether they qualify
    if kind is None and not act.states_something and _AGE_ONLY.match(act.text):
        kind = questions.ELIGIBILITY     # 我今年24 after the conditions: whether that age qualifies
    particular = any(questions.PARTICULAR.search(c.text) for c in asked)
    how_long = particular and not questions.PLEDGE_ASKED.search(act.text)
    if kind is None and intent in questions.INTENT_KIND and (asked or intent == "details") \
            and not (how_long and intent in _NEVER_HOW_LONG):
        kind = questions.INTENT_KIND[intent]
    # a clause's own 呢 asks only where the clause is a question (还在服役呢 tells)
    cued = any(questions.MEASURES_CUE.search(c.text) and (c.is_question or not c.text.rstrip().endswith("呢"))
               for c in act.clauses)
    if kind is None and (cued or asked and not particular
                         and (act.topics or any(questions.POLICY_WORD.search(c.text) for c in asked))):
        kind = questions.MEASURES
    if asked and (act.others.get("groups") or act.others.get("gender")) \
            and not (act.topics.get("groups") or act.topics.get("gender")) \
            and (kind == questions.MEASURES or kind in (None, questions.ELIGIBILITY) and re.search("享受|专门", act.text)) \
            and any(others.THIRD_PERSON.search(c.text) for c in asked):     # 我哥是残疾人 他有啥政策 / 我们队有个女生 她有专门的吗
        act.topics.update({f: act.others[f] for f in ("groups", "gender") if act.others.get(f)})
        kind = questions.MEASURES
    elif kind == questions.ELIGIBILITY and (act.topics.get("groups") or act.topics.get("gender")) \
            and whether_they_can(asked):
        kind = questions.MEASURES         # 他是本科生 他能享受吗: what someone of that group gets
    if asked and not act.topics.get("groups") and not act.topics.get("gender") \
            and kind in (None, questions.ELIGIBILITY, questions.MEASURES) and _WIFE_TOO.search(act.text):
        act.topics["gender"], kind = "female", questions.MEASURES   # 我老婆也想搞 她能不能享受: what women can use
    act.local_docs = bool(asked or kind) and bool(questions.LOCAL_DOCUMENTS.search(act.text) or (
        act.place.topic is not None and re.search(r"自己(?:有|的|呢|出)|额外|另外|单独|特有|特别的|专门的?(?:政策|文件|规定|措施)", act.text)))   # 广西自己有没有…
    if act.local_docs and kind is None:
        kind = questions.MEASURES
    if act.local_docs:
        act.place.vague = None        # 本地的政策: the person's own place, not a vague one
    act.asks = kind
    if kind == questions.ELIGIBILITY and questions.RESIDENCE.search(act.text):
        act.topics.pop("needs", None)      # 是不是要本地户口才行: a condition asked about, not 落户
    if act.is_question:
        needs_said.settle(act)


def whether_they_can(clauses) -> bool:
    """A question clause that only asks whether he or she can (他能享受吗)."""
    return any(c.is_question and _CAN_THEY.match(c.text) for c in clauses)
