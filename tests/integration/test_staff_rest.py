"""The staff console's figures from conversations held through the REST channel
with the real bot (the other staff tests write the store with Rasa's API): what
the console reports is what happened in these chats."""
import pytest

from localrun.servers import start_bot, stop
from staff import queries as Q
from staff import figures as F
from staff.db import engine_for


@pytest.fixture(scope="module")
def chats(tmp_path_factory, action_server):
    tmp = tmp_path_factory.mktemp("staff-rest")
    proc, bot = start_bot(tmp, action_server)
    said = {}
    try:
        # a veteran who reaches the measures, opens one, asks whom to see, gives a 👎 and says why
        said["veteran"] = [bot.say("vet", t) for t in (
            "我是退役军人，在柳州，想贷款", "/show_all", "第1项详细说说", "去哪个部门办", "/feedback_down",
            "没说能贷多少钱")]
        # someone outside the covered regions
        said["far"] = [bot.say("far", t) for t in ("我在海口开奶茶店，是大学生",)]
        # someone the bot does not understand
        said["lost"] = [bot.say("lost", t) for t in ("你好", "啦啦啦啦啦啦")]
    finally:
        stop(proc)
    return engine_for(f"sqlite:///{tmp / 'tracker.db'}"), said


def test_the_funnel_counts_the_conversations_as_they_went(chats):
    engine, said = chats
    with engine.connect() as conn:
        figures = F.conversation_figures(conn, Q.Period.everything())
    funnel = figures["funnel"]
    assert funnel["first_message"] == 3
    assert funnel["profile"] >= 1 and funnel["shown"] >= 1 and funnel["details"] == 1 and funnel["referred"] == 1
    assert figures["median_turns"] is not None


def test_demand_names_what_the_veteran_was_shown_opened_and_sent_to(chats):
    engine, said = chats
    with engine.connect() as conn:
        demand = F.demand(conn, Q.Period.everything())
    shown = dict(demand["shown"])
    opened = dict(demand["opened"])
    assert shown and opened and demand["referred"]
    (focus,) = opened                                   # the one measure whose details were opened
    assert focus in shown
    details = "\n".join(m["text"] for m in said["veteran"][2])
    assert "【申办指引】" in details and "《退役军人保障法》第四十六条" in details   # the law before the ended plan
    assert dict(demand["groups"]).get("veteran") == 1


def test_feedback_and_what_was_missing_are_there(chats):
    engine, _ = chats
    with engine.connect() as conn:
        days = Q.feedback_by_day(conn, Q.Period.everything())
        missing = Q.feedback_missing(conn, Q.Period.everything())
    assert sum(down for _, _, down in days) == 1 and sum(up for _, up, _ in days) == 0
    assert [m[3] for m in missing] == ["没说能贷多少钱"]


def test_places_outside_the_coverage_show_up(chats):
    engine, _ = chats
    with engine.connect() as conn:
        regions = dict(F.regions_asked(conn, Q.Period.everything()))
    assert any("海口" in r for r in regions)
    assert any("柳州" in r for r in regions)
