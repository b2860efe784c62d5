"""The scaled topology on loopback (localrun/cluster.py): PostgreSQL tracker store,
Redis lock store, two Rasa replicas and two action servers behind nginx.
Security (API token in a header, action-server token, personal data, per-sender
rate limit, nginx's limit per client address)
and faults (action server killed, PostgreSQL restarted, Redis gone, a Rasa
replica killed mid-conversation). The full 50-user load is bench/load.py."""
import asyncio
import http.client
import math
import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
# A cluster of the test's own (a developer's `make cluster` keeps its .cluster/).
_dir = tempfile.mkdtemp(prefix="cluster-")
os.chmod(_dir, 0o755)   # PostgreSQL runs as the postgres user when we are root
os.environ["CLUSTER_DIR"] = _dir
from bench import load  # noqa: E402  (after CLUSTER_DIR is set)
from localrun import cluster  # noqa: E402

from bot import texts  # noqa: E402

REST = f"{cluster.URL}/webhooks/rest/webhook"
ID_NUMBER, MOBILE, EMAIL = "110101199003071234", "13912345678", "zhang.san@example.cn"


@pytest.fixture(scope="module", autouse=True)
def running_cluster():
    try:   # a missing server program fails here, naming `make cluster-deps`
        cluster.start()
        yield
    finally:
        cluster.stop()


def say(sender, text, **kw):
    r = requests.post(REST, json={"sender": sender, "message": text, **kw}, headers=cluster.rest_headers(),
                      timeout=60)
    assert r.status_code == 200, r.text
    return "\n".join(m.get("text", "") for m in r.json())


def stored_user_texts(sender, database="rasa"):
    """What the REST channel's `sender` said, as stored (its conversation is rest:<sender>)."""
    out = cluster.psql(f"SELECT data::json->>'text' FROM events WHERE sender_id='rest:{sender}' "
                       f"AND type_name='user' ORDER BY id", database)
    return out.splitlines()


def rasa_logs():
    return "".join(p.read_text(errors="replace") for p in (cluster.DIR / "logs").glob("rasa-*.log"))


# ------------------------------------------------------------------ security
def test_http_api_needs_the_token_in_a_header():
    token = cluster.secrets_env()["RASA_AUTH_TOKEN"]
    say("api-check", "你好")
    for base in (cluster.URL, f"http://127.0.0.1:{cluster.PORTS['rasa'][0]}"):
        url = f"{base}/conversations/rest:api-check/tracker"
        assert requests.get(url, timeout=10).status_code == 401
        assert requests.get(url, headers={"Authorization": "Bearer wrong"}, timeout=10).status_code == 401
        # the right token in the URL (it would be in every access log) is refused, saying where it goes
        in_url = requests.get(url, params={"token": token}, timeout=10)
        assert in_url.status_code == 401 and "Authorization" in in_url.json()["message"]
        r = requests.get(url, headers=cluster.api_headers(), timeout=10)
        assert r.status_code == 200 and r.json()["sender_id"] == "rest:api-check"


def test_rest_needs_its_token_and_addresses_only_rest_conversations():
    body = {"sender": "telegram:777", "message": "你好"}
    assert requests.post(REST, json=body, timeout=10).status_code == 401
    r = requests.post(REST, json=body, headers=cluster.rest_headers(), timeout=60)
    assert r.status_code == 200 and r.headers["X-Conversation-Id"] == "rest:telegram:777"
    assert cluster.psql("SELECT count(*) FROM events WHERE sender_id='telegram:777'").strip() == "0"


def status_from(address: str, path: str) -> int:
    """GET through nginx from one loopback address of many (each a client of its own)."""
    conn = http.client.HTTPConnection("127.0.0.1", cluster.PORTS["nginx"], timeout=10, source_address=(address, 0))
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_nginx_limits_each_client_address_and_not_the_others():
    flood = [status_from("127.0.0.2", "/summary/0123456789abcdef") for _ in range(60)]
    assert flood.count(429) >= 20 and flood[0] == 404, flood
    polls = [status_from("127.0.0.3", "/socket.io/?EIO=4&transport=polling") for _ in range(120)]
    assert polls.count(429) >= 40, polls
    # another client meanwhile is served
    assert status_from("127.0.0.4", "/summary/0123456789abcdef") == 404
    assert status_from("127.0.0.4", "/socket.io/?EIO=4&transport=polling") in (200, 400)


def test_action_servers_need_the_shared_token():
    call = {"next_action": "action_respond", "sender_id": "x", "tracker": {}, "domain": {}}
    for port in (cluster.PORTS["nginx_actions"], *cluster.PORTS["actions"]):
        r = requests.post(f"http://127.0.0.1:{port}/webhook", json=call, timeout=10)
        assert r.status_code == 403, (port, r.status_code)


def test_personal_data_is_in_no_table_and_no_log():
    replies = say("pii-check", f"我是退伍军人，在柳州，想贷款。身份证{ID_NUMBER}，电话{MOBILE}，邮箱{EMAIL}")
    # the masked message is still understood: a cited answer or the refining question
    assert texts.SERVICE_UNAVAILABLE not in replies and ("》第" in replies or "？" in replies), replies
    s = cluster.secrets_env()
    dump = subprocess.run([cluster.pg_bin("pg_dump"), "-h", "127.0.0.1", "-p", str(cluster.PORTS["postgres"]),
                           "-U", "rasa", "-d", "rasa"], capture_output=True, text=True,
                          env=dict(os.environ, PGPASSWORD=s["POSTGRES_PASSWORD"]), check=True).stdout
    assert "pii-check" in dump
    stored = stored_user_texts("pii-check")
    assert len(stored) == 1 and "[身份证号]" in stored[0] and "[手机号]" in stored[0] and "[邮箱]" in stored[0]
    logs = rasa_logs() + "".join(p.read_text(errors="replace") for p in (cluster.DIR / "logs").glob("actions-*.log"))
    for raw in (ID_NUMBER, MOBILE, EMAIL):
        assert raw not in dump, f"{raw} stored in PostgreSQL"
        assert raw not in logs, f"{raw} written to a log"


def test_a_flood_from_one_sender_is_cut_off_and_others_are_served():
    limit = int(cluster.env()["RATE_LIMIT_PER_MINUTE"])
    flood_replies, other_replies = [], []

    def flood():
        for i in range(limit + 20):   # as fast as the bot answers, across both replicas
            flood_replies.append(say("flooder", f"你好{i}"))

    def other():
        for text in ("我是大学生，在乌鲁木齐，想贷款", "第1条详细说说", "更多"):
            other_replies.append(say("patient-user", text))
            time.sleep(0.5)

    threads = [threading.Thread(target=flood) for _ in range(2)] + [threading.Thread(target=other)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads[:2]:
        t.join(timeout=300)
    # a sliding window: at most `limit` accepted in any 60 s, whatever the clock minute
    allowed = limit * math.ceil((time.monotonic() - t0) / 60)
    threads[2].join(timeout=300)
    assert len(flood_replies) == 2 * (limit + 20)
    assert sum(texts.TOO_FAST in r for r in flood_replies) >= 2 * (limit + 20) - allowed
    assert len(stored_user_texts("flooder")) <= allowed, "the limit holds across replicas (Redis)"
    assert len(other_replies) == 3 and not any(texts.TOO_FAST in r for r in other_replies)
    assert "》第" in other_replies[0] or "》第" in "".join(other_replies)


# ------------------------------------------------------------------ faults
def run_conversations(users, tag, fault=None):
    convs, _ = asyncio.run(load.run_load(users, load.SCENARIOS, True, 0.3, tag, fault))
    return convs, load.check_events(convs, "rasa")


def test_killing_an_action_server_costs_at_most_the_in_flight_turn():
    fault = load.KillMidway("actions-1")
    convs, problems = run_conversations(6, f"act-{time.time_ns()}", fault)
    assert fault.turns_after >= 10, "the kill fell during the conversations"
    assert not problems, problems
    for c in convs:
        assert len(c.errors) <= 1, c.errors   # at most the turn in flight got the apology
    assert sum(c.cited for c in convs) == len(convs)
    cluster.start_actions(1)


def test_postgres_restart_recovers_without_manual_steps():
    first = say("pg-restart", "我是返乡农民工，在图们，想找场地")
    assert first and texts.SERVICE_UNAVAILABLE not in first
    cluster.pg_ctl("restart")
    replies = [say("pg-restart", text) for text in ("第1条详细说说", "更多")]
    assert not any(texts.SERVICE_UNAVAILABLE in r for r in replies), replies
    assert stored_user_texts("pg-restart")[-2:] == ["第1条详细说说", "更多"]
    assert "》第" in "".join(replies)


def test_redis_unreachable_gives_a_clear_reply_and_log_not_a_hang():
    cluster.kill("redis")
    try:
        t0 = time.time()
        reply = say("redis-down", "你好")
        assert texts.SERVICE_UNAVAILABLE in reply
        assert time.time() - t0 < 30
        assert "the lock store (Redis) is unreachable" in rasa_logs()
    finally:
        cluster.start_redis()
    assert texts.SERVICE_UNAVAILABLE not in say("redis-down", "你好")


def test_killing_a_rasa_replica_loses_and_duplicates_no_turn():
    fault = load.KillMidway("rasa-1")
    convs, problems = run_conversations(8, f"kill-{time.time_ns()}", fault)
    assert fault.turns_after >= 10, "the kill fell during the conversations"
    assert not problems, problems
    assert not [e for c in convs for e in c.errors]
    assert all(c.cited for c in convs)
    assert not cluster.alive("rasa-1")


# ------------------------------------------------------------------ soak (bench/soak.py, short)
def test_the_soak_bench_runs_its_whole_path_briefly():
    """bench/soak.py's code path in a few seconds (its real run is ten minutes):
    a steady rate of turns, per-minute latency and memory of every cluster
    process, and the stored conversations checked for lost turns."""
    from bench import soak

    cluster.start()   # the replica the fault tests killed comes back
    result = soak.soak(rate=4, minutes=2, seconds_per_minute=3, tag=f"soak-{time.time_ns()}")
    assert result["turns"] >= 15 and result["errors"] == 0, result
    assert result["lost_or_misordered"] == 0, result["problems"]
    assert [m["minute"] for m in result["minutes"]] == [1, 2]
    for m in result["minutes"]:
        assert {"rasa-1", "rasa-2", "actions-1", "actions-2", "postgres"} <= set(m["pss_mb"]), m
        assert all(mb > 0 for mb in m["pss_mb"].values()), m
    assert set(result["memory_growth_after_warmup"]) >= {"rasa-1", "rasa-2"}
