"""Time every staff console page on a large tracker store, in PostgreSQL and SQLite.

    .venv/bin/python -m bench.staff [--conversations 100000] [--days 90] [--only postgresql|sqlite]

(as a module: run as a file, bench/ would come first on the path and this file
would shadow the `staff` package it measures).

Generates N conversations (about 15 events each: the session start, then 1–4
turns of user message, action_respond, the slots it set, the reply and
action_listen) over the last D days, with the rows exactly as Rasa's
SQLTrackerStore writes them (the table is created by Rasa's own store; the JSON
of each event has Rasa's keys). Fallbacks, places outside coverage, empty
listings, details, referrals, summaries and 👍/👎 occur at fixed rates. Loads
them into a throw-away PostgreSQL on loopback (COPY) and a SQLite file, runs
the console's migration (indexes, and the summary by day and conversation
built from scratch: staff/summary.py), then times each page (pages.py,
i.e. the queries and the Python that names the ids; not the HTML) for the last
30 days and for the whole period: the median of 3 runs. Then it adds one more
day of conversations (N / D of them, as the bot would store them over a day)
and times the summary's incremental refresh that takes them in. Results go to
bench/results/staff.json. The target: every page at most 1 s on PostgreSQL.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "staff.json"
if __name__ == "__main__" and not __package__:
    sys.exit("run it as a module: .venv/bin/python -m bench.staff (as a file it shadows the staff package)")

COVERED = ["吉林省长春市", "吉林省吉林市", "吉林省延边朝鲜族自治州图们市", "吉林省延边朝鲜族自治州延吉市",
           "广西壮族自治区南宁市", "广西壮族自治区柳州市", "广西壮族自治区桂林市", "新疆维吾尔自治区乌鲁木齐市", "吉林省"]
OUTSIDE = ["江苏省苏州市", "浙江省杭州市", "广东省深圳市", "北京市", "四川省成都市", "湖南省长沙市",
           "山东省青岛市", "河南省郑州市", "辽宁省沈阳市", "黑龙江省哈尔滨市", "新疆维吾尔自治区喀什地区"]
INFORM = ["我是退役军人，在{p}，想贷款", "在{p}，大学生创业", "{p}的返乡农民工", "我在{p}，想开个店",
          "科研人员 {p}", "我是留学回来的，在{p}"]
FALLBACK = ["怎么申请", "怎么申请？", "你是谁", "能不能帮我写个商业计划书", "今天天气怎么样", "贷款利息多少",
            "我想办营业执照", "有没有免费的办公室", "补贴什么时候到账", "公积金怎么提取", "社保断缴了怎么办",
            "能帮我问问房东吗", "？？", "嗯嗯", "哈哈", "不知道", "随便", "你们电话多少", "在哪里交材料"]
MISSING = ["没有说需要准备什么材料", "没有写办理地址", "希望有电话", "不知道符合条件是什么意思", "太长了"]


def action(ts, name):
    return ("action", ts, None, name, json.dumps({"event": "action", "timestamp": ts, "name": name, "policy": None,
                                                  "confidence": None, "action_text": None, "hide_rule_turn": False}))


def user(ts, text, intent):
    return ("user", ts, intent, None, json.dumps({
        "event": "user", "timestamp": ts, "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": [], "text": text,
                       "message_id": None, "metadata": {}},
        "input_channel": "rest", "message_id": None, "metadata": {}}))


def slot(ts, name, value):
    return ("slot", ts, None, name, json.dumps({"event": "slot", "timestamp": ts, "name": name, "value": value}))


def bot(ts, text):
    return ("bot", ts, None, None, json.dumps({"event": "bot", "timestamp": ts, "text": text, "data": {},
                                               "metadata": {}}))


def conversation(rng: random.Random, start: float, kb, measures_by_doc, groups, needs) -> list[tuple]:
    ts = start
    rows = [action(ts, "action_session_start"), ("session_started", ts, None, None,
                                                  json.dumps({"event": "session_started", "timestamp": ts})),
            action(ts, "action_listen")]

    def turn(text, intent, slots, reply="……"):
        nonlocal ts
        ts += rng.uniform(5, 90)
        rows.append(user(ts, text, intent))
        rows.append(action(ts + 0.5, "action_respond"))
        rows.extend(slot(ts + 0.5, k, v) for k, v in slots.items())
        rows.append(bot(ts + 0.6, reply))
        rows.append(action(ts + 0.7, "action_listen"))

    if rng.random() < 0.12:                                   # starts with something the bot does not get
        turn(rng.choice(FALLBACK), rng.choice(("nlu_fallback", "out_of_scope")), {})
    if rng.random() < 0.1:
        return rows
    covered = rng.random() < 0.8
    place = rng.choice(COVERED if covered else OUTSIDE)
    facts = {"region": place}
    if rng.random() < 0.75:
        facts["groups"] = rng.sample(groups, rng.choice((1, 1, 2)))
    if rng.random() < 0.4:
        facts["needs"] = rng.sample(needs, 1)
    if "groups" not in facts:
        facts.update(question="groups", asked=["groups"], missed=0)
    shown = []
    if covered and "groups" in facts:
        doc = rng.choice(list(measures_by_doc))
        shown = rng.sample(measures_by_doc[doc], min(len(measures_by_doc[doc]), rng.randint(2, 8)))
        facts["shown"] = shown
    elif not covered and rng.random() < 0.6:
        facts["shown"] = []
    turn(rng.choice(INFORM).format(p=place[-3:]), "inform", facts)
    if "question" in facts:
        if rng.random() < 0.5:
            turn(rng.choice(("搞直播的", "做电商", "打工的")), "inform", {"missed": 1})
            if rng.random() < 0.5:
                turn(rng.choice(FALLBACK), "nlu_fallback", {})
            return rows
        g = rng.sample(groups, 1)
        shown = rng.sample(measures_by_doc[rng.choice(list(measures_by_doc))], 3) if covered else []
        turn("我是" + g[0], "inform", {"groups": g, "question": None, "missed": 0, "shown": shown})
    if shown and rng.random() < 0.55:
        focus = rng.choice(shown)
        turn(f"第{shown.index(focus) + 1}条", "details", {"focus": focus})
        if rng.random() < 0.45:
            leads = sorted({a for m in shown for a in kb_leads(kb, m)})
            if leads and rng.random() < 0.8:
                turn("去哪里办", "ask_agency", {"referred": rng.sample(leads, min(len(leads), 2))})
            else:
                turn("给我一个总结", "summary", {"summary": f"s{rng.randrange(10**9)}"})
        if rng.random() < 0.12:
            up = rng.random() < 0.7
            turn("👍" if up else "👎", "feedback", {"feedback": {
                "rating": "up" if up else "down", "measures": [focus],
                "missing": rng.choice(MISSING) if not up and rng.random() < 0.5 else None}})
    if rng.random() < 0.06:
        turn(rng.choice(FALLBACK), "nlu_fallback", {})
    return rows


_LEADS: dict = {}


def kb_leads(kb, mid):
    if not _LEADS:
        _LEADS.update({m.id: m.lead for m in kb.measures})
    return _LEADS.get(mid, ())


def generate(n: int, days: int, seed: int = 17, prefix: str = "bench", ago: float = 0.0):
    from bot import rules as kbmod
    kb = kbmod.default_kb()
    measures_by_doc: dict = {}
    for m in kb.measures:
        measures_by_doc.setdefault(m.doc, []).append(m.id)
    groups, needs = list(kb.facts["groups"].values), list(kb.facts["needs"].values)
    rng = random.Random(seed)
    now = time.time() - ago
    for i in range(n):
        start = now - rng.uniform(0, days * 86400)
        sender = f"{prefix}{i:07d}"
        for row in conversation(rng, start, kb, measures_by_doc, groups, needs):
            yield (sender, *row)


COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")


def create_table(url: str) -> None:
    """Rasa's own store creates the table (and its sender_id index), exactly as the bot would."""
    import logging
    logging.disable(logging.WARNING)
    from rasa.core.tracker_store import SQLTrackerStore
    SQLTrackerStore(host=url).engine.dispose()


def load_sqlite(url: str, rows) -> None:
    import sqlalchemy as sa
    from runtime.tracker_events import events
    engine = sa.create_engine(url)
    batch = []
    with engine.begin() as conn:
        for row in rows:
            batch.append(dict(zip(COLUMNS, row)))
            if len(batch) == 20000:
                conn.execute(events.insert(), batch)
                batch = []
        if batch:
            conn.execute(events.insert(), batch)
    engine.dispose()


def load_postgres(url: str, rows) -> None:
    import sqlalchemy as sa
    engine = sa.create_engine(url)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        buf, count = io.StringIO(), 0
        w = csv.writer(buf)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
            count += 1
            if count % 200000 == 0:
                buf.seek(0)
                cur.copy_expert(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)", buf)
                buf = io.StringIO()
                w = csv.writer(buf)
        buf.seek(0)
        cur.copy_expert(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)", buf)
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def time_pages(url: str, runs: int = 3) -> dict:
    import sqlalchemy as sa

    from staff import pages
    from staff.db import engine_for
    from staff.app import _day_number, _today
    from staff.labels import Labels
    from staff.queries import Period
    labels = Labels()
    labels.kb  # loaded once, as the console does at its first page
    today = _day_number(_today())
    periods = {"30 days": Period.days(today - 29, today), "all": Period.days(today - 400, today)}
    engine = engine_for(url)
    with engine.connect() as conn:
        sender = conn.execute(sa.text("SELECT sender_id FROM events ORDER BY id DESC LIMIT 1")).scalar()
    builds = {name: (lambda conn, p, b=build: b(conn, p, labels)) for name, build in pages.PAGES.items()}
    builds["demand?agency"] = lambda conn, p: pages.demand(conn, p, labels, agency="gx-kjt")
    builds["conversation"] = lambda conn, p: pages.conversation(conn, sender, labels)
    out = {}
    for pname, period in periods.items():
        for name, build in builds.items():
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                with engine.connect() as conn:
                    build(conn, period)
                times.append(time.perf_counter() - t)
            out[f"{name} ({pname})"] = round(statistics.median(times), 3)
            print(f"  {name:<16} {pname:<8} {statistics.median(times):7.3f} s", flush=True)
    engine.dispose()
    return out


def bench(kind: str, url: str, n: int, days: int) -> dict:
    import sqlalchemy as sa

    from staff.db import engine_for, migrate
    create_table(url)
    t = time.perf_counter()
    (load_sqlite if kind == "sqlite" else load_postgres)(url, generate(n, days))
    load_s = time.perf_counter() - t
    engine = engine_for(url)
    with engine.connect() as conn:
        count = conn.execute(sa.text("SELECT count(*) FROM events")).scalar()
    t = time.perf_counter()
    migrate(engine)
    migrate_s = time.perf_counter() - t
    engine.dispose()
    print(f"{kind}: {n} conversations, {count} events loaded in {load_s:.0f} s, migrate (indexes and "
          f"summary) {migrate_s:.1f} s", flush=True)
    pages = time_pages(url)
    per_day = max(1, n // days)
    (load_sqlite if kind == "sqlite" else load_postgres)(url, generate(per_day, 1, seed=23, prefix="newday"))
    engine = engine_for(url)
    from staff import summary
    with engine.connect() as conn:
        t = time.perf_counter()
        refreshed = summary.refresh(conn)
        refresh_s = time.perf_counter() - t
    engine.dispose()
    print(f"  a day's {per_day} new conversations: the summary took them in in {refresh_s:.2f} s "
          f"({refreshed} conversations summarized)", flush=True)
    return dict(conversations=n, events=count, load_s=round(load_s, 1), migrate_s=round(migrate_s, 1),
                pages=pages, new_day_conversations=per_day, refresh_new_day_s=round(refresh_s, 2))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conversations", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--only", choices=("postgresql", "sqlite"))
    args = ap.parse_args(argv)
    results = {}
    if args.only != "sqlite":
        from localrun import scratch_postgres
        if not scratch_postgres.installed():
            print("PostgreSQL is not installed (make cluster-deps): skipped", file=sys.stderr)
        else:
            with scratch_postgres.server() as server:
                results["postgresql"] = bench("postgresql", scratch_postgres.new_database(server, "bench"),
                                              args.conversations, args.days)
    if args.only != "postgresql":
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = bench("sqlite", f"sqlite:///{tmp}/tracker.db", args.conversations, args.days)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"wrote {OUT.relative_to(ROOT)}")
    slow = [k for k, v in results.get("postgresql", {}).get("pages", {}).items() if v > 1]
    print("every page at most 1 s on PostgreSQL" if "postgresql" in results and not slow
          else f"over 1 s on PostgreSQL: {', '.join(slow)}" if slow else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
