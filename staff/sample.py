"""Six recorded conversations with known figures, written through Rasa's own
SQLTrackerStore (DialogueStateTracker + UserUttered/BotUttered/SlotSet events),
so the rows have exactly the shape Rasa stores. The tests check every page's
numbers against them (the expected figures are in tests/staff/test_staff_queries.py).

Day 1 (DAY1, Beijing time): alice gets the whole way (listing, details,
agencies, 👍); bob asks about 苏州 (outside coverage), is listed nothing and ends
out of scope; carol in 图们 cannot say her group and ends in a fallback.
Day 2: dave (吉林, researcher) opens a measure, gives 👎 with what was missing
and gets a summary; erin writes 怎么申请？ and 怎么申请 (one group), both
fallbacks; frank's first message is markup (never rendered as HTML), then he
says it again in words (the turn before is possibly misread) and gets a listing in 乌鲁木齐."""
from __future__ import annotations

import asyncio
import calendar

DAY1 = "2026-11-20"
DAY2 = "2026-11-21"
XSS = "<img src=x onerror=alert(1)>"
MISSING = "没有说需要准备什么材料"


def _ts(day: str, hour: int, minute: int = 0) -> float:
    y, m, d = map(int, day.split("-"))
    return calendar.timegm((y, m, d, hour, minute, 0)) - 8 * 3600  # Beijing time


# (sender, [(day, hour, minute, user text, intent, {slot: value}, bot text)])
CONVERSATIONS = [
    ("alice", [
        (DAY1, 9, 0, "我是退役军人，在柳州，想贷款开个汽修店", "inform",
         dict(region="广西壮族自治区柳州市", groups=["veteran"], needs=["financing"],
              shown=["gx-3-rd-subsidy", "gx-3-rd-deduction"]), "找到2项措施……"),
        (DAY1, 9, 1, "第1条", "choose", dict(focus="gx-3-rd-subsidy"), "企业研发投入奖补……"),
        (DAY1, 9, 2, "去哪里办", "ask_agency", dict(referred=["gx-kjt"]), "请找广西科技厅……"),
        (DAY1, 9, 3, "👍", "feedback", dict(feedback={"rating": "up", "measures": ["gx-3-rd-subsidy"],
                                                     "missing": None}), "谢谢！"),
    ]),
    ("bob", [
        (DAY1, 10, 0, "我是大学生，在苏州", "inform",
         dict(region="江苏省苏州市", groups=["university_student"], shown=[]), "苏州不在覆盖范围……"),
        (DAY1, 10, 1, "你们管不管苏州", "out_of_scope", {}, "抱歉，我只能……"),
    ]),
    ("carol", [
        (DAY1, 11, 0, "在图们", "inform",
         dict(region="吉林省延边朝鲜族自治州图们市", question="groups", asked=["groups"], missed=0.0),
         "您属于哪类人群？"),
        (DAY1, 11, 1, "我是搞直播的", "inform", dict(missed=1.0), "没看懂，您属于哪类人群？"),
        (DAY1, 11, 2, "？？", "nlu_fallback", {}, "没看懂……"),
    ]),
    ("dave", [
        (DAY2, 14, 0, "吉林的科研人员", "inform",
         dict(region="吉林省", groups=["researcher"], shown=["jt-1-high-tech-enterprise", "jt-1-tech-sme-evaluation"]),
         "找到2项措施……"),
        (DAY2, 14, 1, "第2条", "choose", dict(focus="jt-1-tech-sme-evaluation"), "科技型中小企业评价备案……"),
        (DAY2, 14, 2, "👎", "feedback",
         dict(feedback={"rating": "down", "measures": ["jt-1-tech-sme-evaluation"], "missing": MISSING}), "谢谢反馈"),
        (DAY2, 14, 3, "给我一个总结", "summary", dict(summary="s-dave-1"), "总结……"),
    ]),
    ("erin", [
        (DAY2, 15, 0, "怎么申请？", "nlu_fallback", {}, "没看懂……"),
        (DAY2, 15, 1, "怎么申请", "nlu_fallback", {}, "没看懂……"),
    ]),
    ("frank", [
        (DAY2, 16, 0, XSS, "nlu_fallback", {}, "没看懂……"),
        (DAY2, 16, 1, "乌鲁木齐 留学回国", "inform",
         dict(region="新疆维吾尔自治区乌鲁木齐市", groups=["overseas_returnee"],
              shown=["wl-1-easier-registration"], misread={"message": XSS, "then": "乌鲁木齐 留学回国"}),
         "找到1项措施……"),
    ]),
]


def tracker_for(sender: str, turns: list):
    from rasa.shared.core.events import (ActionExecuted, BotUttered, SessionStarted, SlotSet,
                                         UserUttered)
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker(sender, [])
    start = _ts(*turns[0][:3]) - 1
    for event in (ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start),
                  ActionExecuted("action_listen", timestamp=start)):
        tracker.update(event)
    for day, hour, minute, text, intent, slots, reply in turns:
        t = _ts(day, hour, minute)
        tracker.update(UserUttered(text, intent={"name": intent, "confidence": 0.9}, timestamp=t))
        tracker.update(ActionExecuted("action_respond", timestamp=t + 1))
        for name, value in slots.items():
            tracker.update(SlotSet(name, value, timestamp=t + 1))
        tracker.update(BotUttered(reply, timestamp=t + 1))
        tracker.update(ActionExecuted("action_listen", timestamp=t + 2))
    return tracker


def record(url: str, conversations=CONVERSATIONS) -> None:
    """Write the conversations into the tracker store at `url` with Rasa's SQLTrackerStore."""
    import logging

    from rasa.core.tracker_store import SQLTrackerStore

    logging.getLogger("rasa.shared.core.trackers").setLevel(logging.ERROR)  # slots not in a domain
    store = SQLTrackerStore(host=url)
    try:
        for sender, turns in conversations:
            asyncio.run(store.save(tracker_for(sender, turns)))
    finally:
        store.engine.dispose()
