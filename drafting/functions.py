"""Who acts, by function: texts that name functions, not offices.

A law or regulation (and many local 条例) names who acts by what it does:
"县级以上地方人民政府退役军人工作主管部门", "人力资源社会保障部门", "公共就业服务机构".
rules/functions.yml declares each function once with the `words` texts use for
it; the drafter reads a unit's function from those words only:

- the function of a unit named in a sentence is the function word nearest the
  end of its name — the head of the phrase (县级以上地方人民政府退役军人工作主管部门
  -> 退役军人工作主管部门, not 人民政府), the longest where several end together;
- the text's own article on responsibility ("…主管部门负责本行政区域的…工作",
  in the general provisions) names the function that answers for the whole
  text: the *default*, used where a sentence names no unit or only the
  government at large (各级人民政府, 安置地人民政府);
- a function word in the measure's own words (税收优惠 -> 税务, 社会保险 ->
  人力资源社会保障 when named) adds that function after the acting one.

Every choice keeps the words it was read from (the measure's `lead_reason` is
the text's words naming its first function, verbatim).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.script import to_simplified

# the function of the government at large: it acts through its offices, so a
# function the text names for the matter comes first
GOVERNMENT = "local_government"
def duty_term(function, quote: str) -> str | None:
    """A term of the function's `duty` (functions.yml, in plain words: 土地利用和建设用地) that the
    measure's text uses, of four characters or more (建设用地, 政府采购)."""
    s = to_simplified(quote)
    terms = [t for t in re.split(r"[、，,和及与（）()]", to_simplified(function.duty or "")) if len(t) >= 4]
    return next((t for t in terms if t in s), None)


# what a sentence on responsibility says its subject does (…负责本行政区域的…工作, 做好…工作,
# 代表和维护…的利益, 加强对…工作的指导)
DUTY = re.compile(r"负责|做好[^，,。；;]{0,30}工作|维护[^，,。；;]{0,20}(?:利益|权益)|[^，,。；;]{0,20}工作的[^，,。；;]{0,10}指导")
NATIONAL_UNIT = ("国务院", "中央", "全国", "国家")


@dataclass
class Acting:
    """A function read from the text, with the words that name it."""
    function: str
    word: str              # the functions.yml word found
    words: str             # the text's words naming the unit (verbatim, Simplified)
    where: str = ""        # 第七条, for the default


def _function_words(functions: dict) -> list[tuple[str, str]]:
    return sorted(((to_simplified(w), fid) for fid, fn in functions.items() for w in fn.words),
                  key=lambda x: -len(x[0]))


# what may follow a function's word at the head of a unit's name (人力资源社会保障 + 行政部门)
OFFICE_TAIL = re.compile(r"^(?:行政|主管|管理|工作|服务|监管|监督管理)?(?:部门|机关|机构|总局|局|厅|委员会|委|办公室|办|部|署)?(?:及其[^、，,]{0,12})?$")
CONJUNCTIONS = re.compile(r"以及|、|和|及|与|或者")


def function_of(phrase: str, functions: dict) -> tuple[str, str] | None:
    """(function id, word) of the unit a phrase names: of each coordinated unit in turn (A、B和C),
    the function word at its head — ending the name, or followed only by an office word
    (人力资源社会保障 + 行政部门) — the longest; None when no unit is named by a word of
    functions.yml (县级以上人民政府负责残疾人工作的机构 is; 工会、…残疾人联合会等群团组织 is not)."""
    s = to_simplified(phrase or "").strip(" ，,、")
    words = _function_words(functions)
    spans = []
    for word, fid in words:
        at = s.find(word)
        while at >= 0:
            spans.append((at, at + len(word), fid, word))
            at = s.find(word, at + 1)
    inside = [False] * len(s)
    for a, b, _, _ in spans:
        for i in range(a, b):
            inside[i] = True
    cuts = [m for m in CONJUNCTIONS.finditer(s) if not any(inside[m.start():m.end()])]
    bounds, start = [], 0
    for m in cuts:
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(s)))
    for a, b in bounds:
        best = None
        for x, y, fid, word in spans:
            if a <= x and y <= b and OFFICE_TAIL.match(s[y:b]):
                key = (y, y - x)
                if best is None or key > best[0]:
                    best = (key, fid, word)
        if best:
            return best[1], best[2]
    return None


# after a function's word, what makes it the measure's matter (税收 + 优惠) or a unit it names
# (税务 + 部门): not a word inside another (个体工商户, 职业教育)
MATTER_AFTER = ("优惠", "减免", "补贴", "政策", "服务", "登记", "待遇", "保险", "援助", "行政部门", "主管部门", "部门",
                "机关", "机构")


def matter_functions(quote: str, functions: dict, exclude=()) -> list[tuple[str, str]]:
    """Functions whose words the measure's own text uses for its matter or for a unit
    (税收优惠 -> tax, 社会保险经办机构 …), in order of appearance; never the government at large."""
    s = to_simplified(quote)
    taken = [False] * len(s)
    found = []
    for word, fid in _function_words(functions):
        if fid == GOVERNMENT or len(word) < 2:
            continue
        at = s.find(word)
        while at >= 0:
            if not any(taken[at:at + len(word)]):
                for i in range(at, at + len(word)):
                    taken[i] = True
                if s.startswith(MATTER_AFTER, at + len(word)) or OFFICE_TAIL.match(s[at + len(word):at + len(word) + 4]) \
                        and s[at + len(word):at + len(word) + 4].strip():
                    found.append((at, fid, word))
            at = s.find(word, at + 1)
    out: dict = {}
    for _, fid, word in sorted(found):
        if fid not in exclude:
            out.setdefault(fid, word)
    return list(out.items())


def default_function(seg, functions: dict) -> Acting | None:
    """The function the text makes responsible for all of it: the subject of a sentence on
    responsibility (…负责本行政区域的…工作) that names a function other than the government at
    large — in the general provisions (the first chapter) when the text has chapters, the local
    unit before the national one (县级以上地方人民政府X部门 before 国务院X部门), the first one."""
    from .phrases import clause_spans
    from .subjects import subject_of
    text = seg.text
    first_heading = seg.articles[0].heading if seg.articles else None
    found = []
    for art in seg.articles:
        general = first_heading is None or art.heading == first_heading
        for sent in art.sentences:
            s = to_simplified(text[sent.start:sent.end])
            clauses = clause_spans(s)
            for k, (a, b) in enumerate(clauses):
                clause = s[a:]
                if clause.startswith("负责") and k:
                    # 明确相应的负责…的部门，负责本行政区域内的…工作: the unit ends the clause before
                    x = clauses[k - 1][0]
                    unit, duty, a = s[x:clauses[k - 1][1]], clause, x
                else:
                    duty_at = DUTY.search(clause)
                    unit = subject_of(clause) or (_before(clause[:duty_at.start()]) if duty_at else "")
                    duty = clause[len(unit):]
                got = function_of(unit, functions) if unit else None
                if got is None or got[0] == GOVERNMENT or not DUTY.search(duty[:40]):
                    continue
                national = unit.startswith(NATIONAL_UNIT) or "全国" in duty[:12]
                found.append((not general, national, art.number, Acting(got[0], got[1], _clause(s, a), art.label)))
    if not found:
        return None
    found.sort(key=lambda x: x[:3])
    return found[0][3]


def _before(s: str) -> str:
    """A subject too long for the reader's subject rule: up to its first adverbial."""
    m = re.search(r"按照|依照|依法|在各自|具体|应当|会同|[，,]", s)
    return s[:m.start()] if m else s


def _clause(s: str, a: int) -> str:
    """The words of a responsibility sentence from its subject to the end of the duty."""
    end = min([i for i in (s.find("。", a), s.find("；", a)) if i >= 0] or [len(s)])
    return s[a:end].strip("，, ")


def verbatim(text: str, words: str) -> str | None:
    """The text's own characters for words read in Simplified (None when they are not in it)."""
    if words in text:
        return words
    simple = to_simplified(text)
    at = simple.find(words)
    return text[at:at + len(words)] if at >= 0 and len(simple) == len(text) else None
