"""The staff console's queries and pages, and retention, against a real SQLite
file filled with conversations written through Rasa's own SQLTrackerStore
(staff/sample.py). tests/integration/test_staff_postgres.py runs the
same tests against a real PostgreSQL. The expected figures are counted by hand
from the six conversations described in sample.py."""
import datetime as dt
import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

from staff import retention
from runtime.tracker_events import engine_for, events
from staff.db import reviewed
from staff import db, export, pages, sample
from staff import queries as q
from staff import figures as fig
from staff.app import _day_number
from staff.labels import Labels

DAY1 = _day_number(dt.date.fromisoformat(sample.DAY1))
BOTH = q.Period.days(DAY1, DAY1 + 1)


@pytest.fixture(scope="module")
def staff_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('staff') / 'tracker.db'}"
    sample.record(url)
    return url


@pytest.fixture
def fresh_url(tmp_path):
    """An empty tracker store of its own."""
    return f"sqlite:///{tmp_path / 'fresh.db'}"


@pytest.fixture(scope="module")
def conn(staff_url):
    engine = engine_for(staff_url)
    db.migrate(engine)
    with engine.connect() as c:
        yield c
    engine.dispose()


@pytest.fixture(scope="module")
def labels(kb):
    return Labels(kb)


def test_json_paths_that_differ_only_in_the_path_read_their_own_field(conn):
    """Two statements alike but for the JSON path: each gets its own SQL (the
    path was once missing from SQLAlchemy's cache key, so the second read the
    first one's field)."""
    row = sa.select(sa.literal('{"value": {"rating": "down", "missing": "地址"}}').label("data")).subquery()
    assert conn.execute(sa.select(db.jtext(row.c.data, "value", "rating"))).scalar() == "down"
    assert conn.execute(sa.select(db.jtext(row.c.data, "value", "missing"))).scalar() == "地址"
    lists = sa.select(sa.literal('{"value": {"a": ["x"], "b": ["y", "z"]}}').label("data")).subquery()
    for key, expected in (("a", ["x"]), ("b", ["y", "z"])):
        fn, value, cond = db.elements(conn.dialect.name, lists.c.data, "value", key)
        got = conn.execute(sa.select(value).select_from(lists.join(fn, sa.true())).where(cond)).scalars().all()
        assert sorted(got) == expected, key


def test_conversations_and_messages_per_day(conn):
    assert fig.daily(conn, BOTH) == [(DAY1, 3, 9), (DAY1 + 1, 3, 8)]
    assert fig.daily(conn, q.Period.days(DAY1 + 1, DAY1 + 1)) == [(DAY1 + 1, 3, 8)]


def test_funnel_counts_each_stage_among_those_that_passed_the_earlier_ones(conn):
    # alice, bob, dave, frank have region and groups; alice, dave, frank got a listing
    # (bob's was empty); alice and dave opened details; alice was referred, dave got a summary
    assert fig.conversation_figures(conn, BOTH)["funnel"] == dict(
        first_message=6, profile=4, shown=3, details=2, referred=2)
    assert fig.conversation_figures(conn, q.Period.days(DAY1, DAY1))["funnel"] == dict(
        first_message=3, profile=2, shown=1, details=1, referred=1)


def test_medians_and_confusion(conn):
    both, day1 = fig.conversation_figures(conn, BOTH), fig.conversation_figures(conn, q.Period.days(DAY1, DAY1))
    assert both["median_turns"] == 2.5                  # turns 4, 2, 3, 4, 2, 2
    assert day1["median_turns"] == 3
    assert both["median_seconds_to_answer"] == 1        # 1 s (alice, dave), 61 s (frank)
    assert both["confused"] == 3                        # bob out_of_scope, carol and erin fallbacks
    assert day1["confused"] == 2


def test_misunderstood_messages_grouped_with_the_state_at_that_moment(conn, labels):
    groups = q.misunderstood_groups(conn, BOTH)
    by_key = {g["key"]: g for g in groups}
    assert sorted(by_key["怎么申请"]["texts"]) == ["怎么申请", "怎么申请？"]
    assert (by_key["怎么申请"]["messages"], by_key["怎么申请"]["conversations"]) == (2, 2)
    assert sum(g["messages"] for g in groups) == 5 and len(groups) == 4
    assert groups[0]["key"] == "怎么申请"
    page = pages.misunderstood(conn, BOTH, labels)
    bob = next(g for g in page.extra["groups"] if g["texts"] == ["你们管不管苏州"])
    assert bob["intents"] == ["out_of_scope"]
    assert bob["instances"][0]["slots"] == {"region": "江苏省苏州市", "groups": ["university_student"]}
    assert "groups=在校大学生" in bob["instances"][0]["state"]
    carol = next(g for g in page.extra["groups"] if g["texts"] == ["？？"])
    assert carol["instances"][0]["slots"]["question"] == "groups"


def test_turns_the_person_had_to_correct_or_rephrase_are_listed_beside_the_fallbacks(conn, labels):
    rows = q.possibly_misread(conn, BOTH)
    assert [(sender, message, then) for _, sender, message, then in rows] == [
        ("frank", sample.XSS, "乌鲁木齐 留学回国")]
    page = pages.misunderstood(conn, BOTH, labels)
    assert ("可能被误解的回答", "1") in page.figures
    table = page.table("possibly_misread")
    assert table.rows[0][1:] == ["frank", sample.XSS, "乌鲁木齐 留学回国"] and "乌鲁木齐 留学回国" in table.csv()


def test_mark_reviewed_is_kept_and_can_be_undone(conn):
    q.mark_reviewed(conn, ["怎么申请"])
    conn.commit()
    assert {g["key"]: g["reviewed"] for g in q.misunderstood_groups(conn, BOTH)}["怎么申请"] is True
    q.mark_reviewed(conn, ["怎么申请"], undo=True)
    conn.commit()
    assert not any(g["reviewed"] for g in q.misunderstood_groups(conn, BOTH))


def test_nlu_candidates_are_rasa_yaml_without_held_out_sentences():
    import yaml
    held = sorted(export.holdout_texts())[0]
    data = yaml.safe_load(export.nlu_yaml(["怎么申请", held, "怎么申请"], "help"))
    assert data["nlu"] == [{"intent": "help", "examples": "- 怎么申请\n"}]
    assert yaml.safe_load(export.nlu_yaml(["x"], "no-such-intent"))["nlu"][0]["intent"] == export.UNLABELLED


def test_coverage_gaps(conn, labels):
    page = pages.coverage(conn, BOTH, labels)
    assert page.table("outside").rows == [["江苏省", 1, "江苏省苏州市（1）"]]
    assert page.table("nothing_groups").rows == [["在校大学生", 1]]
    assert page.table("unread_answers").rows == [["身份/人群", "我是搞直播的", 1]]


def test_demand_of_the_people_who_got_an_answer(conn, labels):
    d = fig.demand(conn, BOTH)
    assert d["answered"] == 3 and d["summaries"] == 1
    assert sorted(v for v, _ in d["groups"]) == ["overseas_returnee", "researcher", "veteran"]
    assert "university_student" not in {v for v, _ in d["groups"]}     # bob got nothing
    assert dict(d["shown"]) == {
        "gx-3-rd-subsidy": 1, "gx-3-rd-deduction": 1, "jt-1-high-tech-enterprise": 1,
        "jt-1-tech-sme-evaluation": 1, "wl-1-easier-registration": 1}
    assert dict(d["opened"]) == {"gx-3-rd-subsidy": 1, "jt-1-tech-sme-evaluation": 1}
    page = pages.demand(conn, BOTH, labels, agency="gx-kjt")
    agencies = {str(r[0]): r[2:] for r in page.table("agencies").rows}
    assert agencies == {"gx-kjt": [1, 2], "jl-kjt": [0, 2]}
    assert {r[0] for r in page.table("agency_gx-kjt").rows} == {"gx-3-rd-subsidy", "gx-3-rd-deduction"}
    titles = {r[0]: r[1] for r in page.table("measures").rows}
    assert titles["jt-1-tech-sme-evaluation"] == "科技型中小企业评价备案 《吉林省科技创新生态优化工程实施方案》第1条"


def test_feedback(conn, labels):
    assert q.feedback_by_day(conn, BOTH) == [(DAY1, 1, 0), (DAY1 + 1, 0, 1)]
    assert sorted(q.feedback_by_measure(conn, BOTH)) == [("gx-3-rd-subsidy", 1, 0), ("jt-1-tech-sme-evaluation", 0, 1)]
    assert [(s, r, t) for _, s, r, t in q.feedback_missing(conn, BOTH)] == [("dave", "down", sample.MISSING)]


def test_one_conversation_turn_by_turn(conn, labels):
    page = pages.conversation(conn, "carol", labels)
    turns = page.extra["turns"]
    assert [t["text"] for t in turns] == ["在图们", "我是搞直播的", "？？"]
    assert [t["intent"] for t in turns] == ["inform", "inform", "nlu_fallback"]
    assert "missed=0" in turns[0]["slots"] and "missed=1" in turns[1]["slots"]
    assert "region=吉林省延边朝鲜族自治州图们市" in turns[2]["slots"]


def test_every_table_exports_as_csv(conn, labels):
    for key, build in pages.PAGES.items():
        for table in build(conn, BOTH, labels).tables:
            text = table.csv()
            assert text.startswith("\ufeff" + ",".join(table.columns))
            assert text.count("\n") == len(table.rows) + 1, (key, table.name)


def test_a_store_written_before_the_console_slots_gives_zeros_not_errors(fresh_url, labels):
    url = fresh_url
    old = [(s, [(d, h, m, t, i, {k: v for k, v in slots.items()
                                 if k not in ("shown", "focus", "referred", "feedback", "summary")}, r)
                for d, h, m, t, i, slots, r in turns]) for s, turns in sample.CONVERSATIONS]
    sample.record(url, old)
    engine = engine_for(url)
    with engine.connect() as c:
        figures = fig.conversation_figures(c, BOTH)
        assert figures["funnel"] == dict(first_message=6, profile=4, shown=0, details=0, referred=0)
        assert figures["median_seconds_to_answer"] is None and figures["confused"] == 3
        for build in pages.PAGES.values():
            build(c, BOTH, labels)
        assert "尚无" in pages.demand(c, BOTH, labels).extra["notice"]
    engine.dispose()


# ------------------------------------------------------------------ retention
def _senders(engine) -> set:
    with engine.connect() as c:
        return {r[0] for r in c.execute(sa.select(events.c.sender_id).distinct())}


def test_retention_deletes_idle_conversations_whole_and_keeps_the_rest(fresh_url):
    url = fresh_url
    sample.record(url)
    engine = engine_for(url)
    noon_day2 = sample._ts(sample.DAY2, 12)
    with engine.begin() as c:
        q.mark_reviewed(c, ["old mark", "new mark"])
        c.execute(reviewed.update().where(reviewed.c.text_key == "old mark").values(reviewed_at=noon_day2 - 1))
        c.execute(reviewed.update().where(reviewed.c.text_key == "new mark").values(reviewed_at=noon_day2 + 1))
    done = retention.purge(engine, days=1, batch=1, now=noon_day2 + 86400)   # cut-off: day 2, 12:00
    assert _senders(engine) == {"dave", "erin", "frank"}
    assert done.conversations == 3 and done.events > 0
    with engine.connect() as c:
        assert q.reviewed_keys(c, ["old mark", "new mark"]) == {"new mark"}
    assert retention.purge(engine, days=1, now=noon_day2 + 86400).events == 0
    engine.dispose()
    import asyncio
    from rasa.core.tracker_store import SQLTrackerStore
    store = SQLTrackerStore(host=url)
    assert asyncio.run(store.retrieve("alice")) is None
    assert asyncio.run(store.retrieve("dave")).get_slot("region") is None  # no domain: slots are not kept
    assert len(asyncio.run(store.retrieve("dave")).events) > 10
    store.engine.dispose()


def test_retention_keeps_a_conversation_resumed_while_it_runs(fresh_url):
    """Between choosing the idle senders and deleting them, alice writes again."""
    url = fresh_url
    sample.record(url)
    engine = engine_for(url)
    now = sample._ts(sample.DAY2, 12) + 86400
    cutoff = now - 86400
    with engine.begin() as c:
        stale = retention.stale_senders(c, cutoff, 10)
    assert set(stale) == {"alice", "bob", "carol"}
    with engine.begin() as c:
        c.execute(events.insert().values(sender_id="alice", type_name="user", timestamp=now,
                                         intent_name="greet", data='{"event": "user", "text": "你好"}'))
    with engine.begin() as c:
        retention.delete_batch(c, stale, cutoff)
    assert _senders(engine) == {"alice", "dave", "erin", "frank"}
    engine.dispose()


def test_retention_command(fresh_url):
    url = fresh_url
    sample.record(url)
    base = {k: v for k, v in os.environ.items() if k not in ("TRACKER_STORE_URL", "RETENTION_DAYS")}
    run = lambda *a, **env: subprocess.run([sys.executable, "-m", "staff", "retention", *a], capture_output=True,
                                           text=True, env={**base, **env})
    done = run("--url", url)
    assert done.returncode == 2 and "--days" in done.stderr
    done = run("--url", url, RETENTION_DAYS="many")
    assert done.returncode == 2 and "RETENTION_DAYS" in done.stderr
    done = run("--url", url, "--days", "3650")
    assert done.returncode == 0 and "deleted 0 events" in done.stdout
    done = run(RETENTION_DAYS="0.5", TRACKER_STORE_URL=url)      # sample dates are before today
    assert done.returncode == 0, done.stderr
    engine = engine_for(url)
    assert _senders(engine) == set()
    engine.dispose()
