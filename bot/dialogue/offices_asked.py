"""Whether an office handles something (妇联管不管这, 残联负责吗, 能找团委吗): right after an
answer, that measure; else the measures in view, else the person's, that it leads or supports,
numbered as a new list."""
from __future__ import annotations

import re

from .. import texts
from ..replies import followup, lists

# the everyday name of an office -> the words its full names hold
OFFICES = {
    "妇联": ("妇女联合会", "妇联"), "残联": ("残疾人联合会", "残联"), "团委": ("共青团", "团委"),
    "共青团": ("共青团", "团委"), "税务": ("税务",), "人社": ("人力资源和社会保障", "人社"),
    "退役军人事务": ("退役军人",), "市场监管": ("市场监督", "市场监管"), "工商": ("市场监督", "市场监管"),
    "科技局": ("科学技术", "科技"), "科技厅": ("科学技术", "科技"), "教育局": ("教育",), "教育厅": ("教育",),
    "农业农村": ("农业农村",), "发改委": ("发展和改革", "发展改革"), "财政": ("财政",), "侨办": ("侨务",),
    "台办": ("台湾事务", "台办"), "组织部": ("组织部",), "人才办": ("人才",), "商务": ("商务",),
}
_NAMES = "|".join(sorted(map(re.escape, OFFICES), key=len, reverse=True))
# 妇联管不管这, 残联负责吗, 能找团委吗, 这个归税务管吗, 去人社行不行
_ASKS = re.compile(rf"(?P<o1>{_NAMES})[^，,。？?]{{0,3}}(?:管不管|管吗|管么|负责吗|负不负责|负责不|办吗|能办|管这|管的)|"
                   rf"(?:能|可以|可不可以|该不该|是不是)?(?:找|去|归)(?P<o2>{_NAMES})[^，,。？?]{{0,4}}(?:吗|么|行不|行吗|管吗|对吗|不)")


def asks(turn, act) -> bool:
    """A question whether a named office handles it, and not between two (找残联还是找…)."""
    m = _ASKS.search(act.text)
    if m is None or not act.is_question or "还是" in act.text or not turn.current()[1] or act.refs.positions:
        return False
    named = re.sub(rf"{_NAMES}|[管不这局吗么办能负责部门]", "", act.refs.words)
    return len(named) < 2        # 技术股那个找科技厅吗: a measure named, its own answer says who leads


def answer(turn, act) -> None:
    name = next(g for g in _ASKS.search(act.text).groups() if g)
    words = OFFICES[name]
    focus = turn.measure(turn.slots["focus"]) if turn.slots.get("focus") and turn.before.get("focused") else None
    if focus is not None:      # 找妇联吗 right after an answer: about that measure
        said = texts.OFFICE_YES if _involves(focus, words) else texts.OFFICE_NO.format(office=name)
        turn.say(said + followup.answer("ask_contact", focus))
        return
    listed = turn.listed_items()
    held = [m for m in listed if _involves(m, words)]
    if not held:
        held = [m for m in turn.current()[1] if _involves(m, words)]
        note = texts.OFFICE_NOT_LISTED.format(office=name) if listed and held else ""
    else:
        note = ""
    if not held:
        turn.say(texts.OFFICE_IN_NONE.format(office=name))
        return
    shown = held[:lists.NAMED]
    head = note + texts.OFFICE_HANDLES.format(office=name, n=len(held))
    turn.replies.append(lists.numbered(head, shown))
    turn.show_list(shown)


def _involves(m, words) -> bool:
    return any(w in o for o in tuple(m.lead) + tuple(m.support) for w in words)
