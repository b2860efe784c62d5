"""The staff console's summary by day and conversation (staff/summary.py):
filled incrementally, it says what a summary built from scratch says; a turn
stored after a refresh read past its ids is not lost; retention and renamed
conversations leave nothing stale. The figures the pages read from it are
checked against hand-counted conversations in tests/staff/test_staff_queries.py
(and, on PostgreSQL, tests/integration/test_staff_postgres.py)."""
import json
import threading
import time

import sqlalchemy as sa

from runtime import identity
from runtime.tracker_events import events
from staff import figures as fig
from staff import retention, sample, summary
from staff.db import day_number, engine_for
from staff.sql import Period
from staff.summary_tables import SUMMARY_COUNTS, SUMMARY_TABLES, summary_state

# (sender, [(day, hour, minute, user text, intent, {slot: value}, bot text)]) as sample.py writes them;
# alice's conversation goes on the next day (Rasa's store adds what it does not have yet)
LATER = [
    ("alice", dict(sample.CONVERSATIONS)["alice"]
     + [(sample.DAY2, 8, 0, "我又来了，还想培训", "inform", dict(needs=["training"]), "培训的措施……")]),
    ("gina", [(sample.DAY2, 16, 0, "在南宁，女性创业", "inform",
               dict(region="广西壮族自治区南宁市", groups=["woman"], shown=["gx-3-rd-subsidy"]), "找到1项……"),
              (sample.DAY2, 16, 1, "不对，是柳州", "inform",
               dict(region="广西壮族自治区柳州市", misread={"message": "在南宁，女性创业", "then": "不对，是柳州"}),
               "柳州的措施……")]),
]


def contents(conn) -> dict:
    out = {}
    for table in (*SUMMARY_TABLES, *SUMMARY_COUNTS):
        rows = conn.execute(sa.select(table)).all()
        out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def rebuilt(conn) -> dict:
    conn.execute(summary_state.delete())
    conn.commit()
    summary.refresh(conn)
    return contents(conn)


def test_incremental_refreshes_equal_a_build_from_scratch(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    sample.record(url)
    engine = engine_for(url)
    with engine.connect() as conn:
        assert summary.refresh(conn) == 6
        assert summary.refresh(conn) == 0, "up to date: nothing summarized again"
        before = fig.conversation_figures(conn, Period.everything())
        sample.record(url, LATER)               # alice comes back the next day, gina is new
        assert summary.refresh(conn) >= 2
        incremental = contents(conn)
        after = fig.conversation_figures(conn, Period.everything())
        assert incremental == rebuilt(conn)
    assert after["funnel"]["first_message"] == before["funnel"]["first_message"] + 1
    assert after["funnel"]["shown"] == before["funnel"]["shown"] + 1
    engine.dispose()


def test_a_turn_committed_after_a_refresh_read_past_its_ids_is_summarized(tmp_path):
    """Two replicas: one's turn got its ids first but commits after the other's;
    a refresh in between saw the later ids only. The next refresh finds the turn
    by its recent timestamp."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    sample.record(url)
    engine = engine_for(url)
    now = time.time()
    with engine.begin() as c:
        top = c.execute(sa.select(sa.func.max(events.c.id))).scalar()
        c.execute(events.insert().values(id=top + 50, sender_id="other", type_name="user", timestamp=now,
                                         intent_name="greet", data=json.dumps({"event": "user", "text": "你好"})))
    with engine.connect() as conn:
        summary.refresh(conn)
    with engine.begin() as c:   # the late turn: ids below the last one the refresh read
        c.execute(events.insert().values(id=top + 10, sender_id="late", type_name="user", timestamp=now - 5,
                                         intent_name="inform", data=json.dumps({"event": "user", "text": "在柳州"})))
        c.execute(events.insert().values(id=top + 11, sender_id="late", type_name="slot", timestamp=now - 5,
                                         action_name="region", data=json.dumps({"event": "slot", "name": "region",
                                                                                "value": "广西壮族自治区柳州市"})))
    with engine.connect() as conn:
        assert summary.refresh(conn) >= 1
        today = Period(now - 86400, now + 86400)
        assert ("广西壮族自治区柳州市", 1) in fig.regions_asked(conn, today)
        assert {r[0] for r in fig.conversations(conn, today)} == {"late", "other"}
    engine.dispose()


def test_retention_takes_the_summary_of_the_conversations_it_deletes(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    sample.record(url)
    engine = engine_for(url)
    with engine.connect() as conn:
        summary.refresh(conn)
    retention.purge(engine, days=1, batch=2, now=sample._ts(sample.DAY2, 12) + 86400)
    with engine.connect() as conn:
        for table in SUMMARY_TABLES:
            left = {r[0] for r in conn.execute(sa.select(table.c.sender_id).distinct())}
            assert left <= {"dave", "erin", "frank"}, table.name
        assert summary.refresh(conn) == 0
        assert contents(conn) == rebuilt(conn), "the counts per day follow"
        day2 = day_number(sample._ts(sample.DAY2, 12))
        assert [d for d, _, _ in fig.daily(conn, Period.everything())] == [day2]
    engine.dispose()


def test_conversations_renamed_by_the_id_migration_are_summarized_under_their_new_ids(tmp_path):
    """A store written before channel-bound ids, summarized, then migrated when a
    replica starts: the console names the conversations as the store now does."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    sample.record(url)
    engine = engine_for(url)
    with engine.connect() as conn:
        summary.refresh(conn)
    with engine.begin() as c:   # alice wrote through REST before ids had a channel
        for event_id, data in c.execute(sa.select(events.c.id, events.c.data)
                                        .where(events.c.sender_id == "alice", events.c.type_name == "user")).all():
            c.execute(events.update().where(events.c.id == event_id)
                      .values(data=json.dumps(dict(json.loads(data), input_channel="rest"))))
    assert identity.migrate(engine).renamed == {"alice": "rest:alice"}
    with engine.connect() as conn:
        summary.refresh(conn)
        named = {r[0] for r in fig.conversations(conn, Period.everything())}
        assert "rest:alice" in named and "alice" not in named
        assert contents(conn) == rebuilt(conn)
    engine.dispose()


def test_refreshes_at_the_same_time_count_each_conversation_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    sample.record(url)
    engine = engine_for(url)
    errors = []

    def refresh():
        try:
            with engine.connect() as conn:
                summary.refresh(conn)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=refresh) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with engine.connect() as conn:
        assert fig.conversation_figures(conn, Period.everything())["funnel"]["first_message"] == 6
        assert contents(conn) == rebuilt(conn)
    engine.dispose()
