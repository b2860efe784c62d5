"""Consultation summaries kept in PostgreSQL (SUMMARY_STORE_URL), as the
Kubernetes manifests set it: the action pod writes, a Rasa pod in another
process reads, two writers of one id keep the first rendering. A real server
(Debian's package) on a free loopback port; skipped only when PostgreSQL is not
installed (`make cluster-deps`)."""
import json
import os
import subprocess
import sys

import pytest

from localrun import scratch_postgres
from runtime import summary_store as summaries


@pytest.fixture(scope="module")
def url():
    if not scratch_postgres.installed():
        pytest.skip("PostgreSQL is not installed (make cluster-deps)")
    with scratch_postgres.server() as server:
        yield scratch_postgres.new_database(server)


def record(sid, title):
    return {"id": sid, "title": title, "measures": []}


def test_written_once_and_read_by_another_process(url, monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARY_STORE_URL", url)
    monkeypatch.setenv("SUMMARY_DIR", str(tmp_path / "unused"))
    sid = "0123456789abcdef"
    summaries.save(record(sid, "第一次"))
    summaries.save(record(sid, "第二次"))          # the same consultation again: the first stays
    assert summaries.load(sid)["title"] == "第一次"
    code = "import sys, json; from runtime import summary_store as summaries; print(json.dumps(summaries.load(sys.argv[1])))"
    done = subprocess.run([sys.executable, "-c", code, sid], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SUMMARY_STORE_URL": url})
    assert json.loads(done.stdout.strip().splitlines()[-1])["title"] == "第一次", done.stderr[-500:]
    assert summaries.load("fedcba9876543210") is None
    assert not (tmp_path / "unused").exists()


def test_summaries_expire_on_postgresql_too(url, monkeypatch, tmp_path):
    """created_at is PostgreSQL's local time (now() into a timestamp column): the lifetime
    is counted on the same clock, whatever the server's time zone."""
    import time

    monkeypatch.setenv("SUMMARY_STORE_URL", url)
    monkeypatch.setenv("RETENTION_DAYS", "90")
    sid = "00000000000000ee"
    summaries.save(record(sid, "会过期"))
    assert summaries.load(sid)["title"] == "会过期"
    monkeypatch.setenv("RETENTION_DAYS", "0.00001")          # about a second
    time.sleep(1.5)
    assert summaries.load(sid) is None
    monkeypatch.setenv("RETENTION_DAYS", "90")
    assert summaries.load(sid) is None, "deleted, not hidden"
