"""Whether a need named in a message is the person's or only asked about: a question
alone asks (有没有贷款); a wish or a difficulty said beside it states the need
(我想学点经营管理 有培训吗, 本钱不够 能贷款不, 房子租不起, 我不会办营业执照), and so does
asking for it while telling who one is or where (在北京 想开个修手机的小店 税能减不)."""
from __future__ import annotations

import re

from . import questions
from .clauses import BUSINESS


def settle(act) -> None:
    """In a message that asks, move its needs to the topics unless a clause wishes for
    them or one is said as a lack; then move the topics' needs to the facts."""
    wish = any(_WISH_OR_LACK.search(c.text) and not c.is_question and not _NO_WISH_OR_LACK.search(c.text)
               and not re.search(r"不(?:太|大|怎么)?\s{0,2}$", act.text[:c.start])      # 我不太 | 想动
               and (not BUSINESS.search(c.text) or any(w in c.text for w in act.words.values()))
               for c in act.clauses)     # 想开个修车铺 wishes for a shop, not for what is asked after it
    short = any(_SHORT_OF.search(c.text) and not c.is_question for c in act.clauses)   # 我不太会弄直播
    needs = act.facts.get("needs")
    stated = wish or short or act.lacking
    if stated or act.asks in _ASKS_FOR_ONESELF and _introduces(act):
        asked = act.topics.pop("needs", None)
        if asked and not stated:
            act.needs_on_introducing = list(asked)     # theirs only where they introduce themselves
        if asked:
            act.facts.setdefault("needs", [])
            act.facts["needs"] += [n for n in asked if n not in act.facts["needs"]]
    elif needs:
        act.topics.setdefault("needs", [])
        act.topics["needs"] += [n for n in needs if n not in act.topics["needs"]]
        del act.facts["needs"]
    registered_elsewhere(act)


def registered_elsewhere(act) -> None:
    """户口能落过去吗 我户口还在老家: one's registration said to be elsewhere, beside a question
    about it, states the need to move it (the other needs asked stay asked)."""
    need = "household_registration"
    if need not in act.needs_in_question or not any(
            _REGISTERED_ELSEWHERE.search(c.text) and not c.is_question for c in act.clauses):
        return
    if need in act.needs_on_introducing:
        act.needs_on_introducing.remove(need)
    asked = act.topics.get("needs") or []
    if need in asked:
        asked.remove(need)
        if not asked:
            del act.topics["needs"]
    act.facts.setdefault("needs", [])
    if need not in act.facts["needs"]:
        act.facts["needs"].append(need)


_REGISTERED_ELSEWHERE = re.compile(r"(?:户口|户籍)(?:还|都|也|一直)?(?:在|落在|挂在|留在)")


# 有啥政策, 怎么办, 能贷着款不, 能贷多少: asked in an introduction, for one's own situation
_ASKS_FOR_ONESELF = (questions.MEASURES, questions.APPLY, questions.ELIGIBILITY, questions.AMOUNT, questions.FEES,
                     questions.CONTACT, questions.MATERIALS)


def only_asked(act) -> None:
    """The needs taken as the person's because the message said who or where they are go
    back to being asked about: the person had said that before (我老家图们的 … 我在延吉能用不)."""
    for need in act.needs_on_introducing:
        if need in (act.facts.get("needs") or ()):
            act.facts["needs"].remove(need)
            act.topics.setdefault("needs", []).append(need)
    if "needs" in act.facts and not act.facts["needs"]:
        del act.facts["needs"]


def _introduces(act) -> bool:
    """The message also tells who the person is or where: their own situation, so the
    measures asked for are for it (a plan alone, 想开个修车铺 有地方入孵吗, only asks)."""
    return bool({f for f in act.facts if f != "needs"} or act.place.place)


def lacks(text: str, start: int, end: int) -> bool:
    """The words text[start:end] name a need said as a lack or a difficulty: 没钱, 缺资金,
    本钱不够, 租房太贵, 税费怕扛不住, 房子租不起, 我不会办营业执照, 牌照点样办 我唔识."""
    word, before, after = text[start:end], text[max(0, start - 8):start], text[end:end + 10]
    return bool(re.match(_LACK_OF, word) or re.search(_LACK_OF + "$", before) or re.search(_LACK_AFTER, word)
                or _TROUBLE_BEFORE.search(before) or _TROUBLE_AFTER.match(after))


# a skill or a security one lacks, said beside the question: 有培训吗 我不太会弄直播, 贷款要抵押吗 我没啥抵押的
_SHORT_OF = re.compile(r"(?<![会能])不(?:太|大)?(?:会|懂)(?:弄|做|搞|用|开|办|经营|管|记|算|报)|(?:啥|什么|咩)(?:也|都)(?:不会|不懂|唔识)|唔识|"
                       r"一点儿?(?:也|都)?不(?:会|懂)|一窍不通|没(?:啥|什么|有)?(?:可|能)?(?:抵押|担保)")
_WISH_OR_LACK = re.compile(r"(?<!不)(?:想|要|打算|准备|需要|缺)")
_NO_WISH_OR_LACK = re.compile(r"不(?:太|大|怎么)?想|不要|不用|不需要")
_LACK_AFTER = (r"(?:不太够|不大够|不够|唔够|太少|少|不足|紧张|短缺|紧|贵|不起|差(?:点|一点|些|不少|得远|[0-9零一二两三四五六七八九十百千]{1,4}[万千块元])?|"
               r"周转不开|周转不过来|周转困难)$")   # 租房太贵: a cost too high
_LACK_OF = r"(?<![不有多至])(?:没有?|缺少?|少)(?:点|些)?"   # 有没有钱 asks, 不缺钱 denies, 减多少税 asks
# a difficulty with it: 怕税交太多, 不会办营业执照, 不懂怎么注册 (not 不懂财务税务: that asks for advice)
_TROUBLE_BEFORE = re.compile(r"怕[\u4e00-\u9fff]{0,3}$|(?:不会|不懂|唔识|搞不懂|不知道)(?:怎么|咋|如何|点样)?(?:办|弄|搞|申请|注册|登记)$")
# 税费怕扛不住, 房子租不起, 税交太多, 牌照点样办 我唔识
_TROUBLE_AFTER = re.compile(r"[^，,。；;]{0,4}?(?:扛不住|受不了|负担不起|不起|太多|太高|太重|怕|(?:好|太|很|忒|贼|老)贵)|"
                            r"[^，,。；;]{0,4}?(?:办|弄|搞|申请)[^，,。；;]{0,2}?\s{0,3}(?:我|俺)?(?:唔识|不会|不懂)")
