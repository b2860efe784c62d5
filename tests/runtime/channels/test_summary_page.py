"""GET /summary/<id> (runtime/channels/summary_page.py) mounted the way `rasa run`
mounts channels, and the action adapter storing the summary and adding its link;
every test runs with both stores: the directory and a database table."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import uuid

import httpx
import pytest
from rasa.core.channels.channel import register
from rasa_sdk.executor import CollectingDispatcher
from sanic import Sanic

from bot.dialogue import Incoming, respond
from actions import actions
from runtime import summary_store as summaries
from localrun.servers import free_port
from runtime.channels.summary_page import SummaryPage


class FakeTracker:
    def __init__(self, slots):
        self.slots = slots

    def get_slot(self, name):
        return self.slots.get(name)


class Store:
    """Where the test's summaries go, and their stored text read back raw."""

    def __init__(self, directory, url=None):
        self.directory, self.url = directory, url

    def raw(self, sid):
        if self.url is None:
            path = self.directory / f"{sid}.json"
            return path.read_text(encoding="utf-8") if path.exists() else None
        import sqlalchemy as sa

        with sa.create_engine(self.url).connect() as db:
            return db.execute(sa.text(f"SELECT record FROM {summaries.TABLE} WHERE id = :id"),
                              {"id": sid}).scalar()


@pytest.fixture(params=["directory", "database"])
def store(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARY_DIR", str(tmp_path / "dir"))
    monkeypatch.setenv("SUMMARY_BASE_URL", "https://bot.example.org/")
    monkeypatch.setattr(Sanic, "test_mode", True)
    url = None
    if request.param == "database":
        url = f"sqlite:///{tmp_path / 'summaries.db'}"
        monkeypatch.setenv("SUMMARY_STORE_URL", url)
    else:
        monkeypatch.delenv("SUMMARY_STORE_URL", raising=False)
    return Store(tmp_path / "dir", url)


def summary_turn():
    slots = {"region": "图们", "groups": ["returning_migrant_worker"]}
    outcome = respond(actions.engine(), slots, Incoming("把结果发给我", "summary"))
    dispatcher = CollectingDispatcher()
    events = actions.apply(dispatcher, FakeTracker(slots), outcome)
    return outcome, dispatcher.messages, events


def test_the_action_stores_the_summary_and_sends_its_link(store):
    outcome, messages, events = summary_turn()
    sid = outcome.summary.id
    assert json.loads(store.raw(sid))["id"] == sid
    link = f"https://bot.example.org/summary/{sid}"
    assert link in messages[-1]["text"] and messages[-1]["custom"] == {"summary": {"id": sid, "url": link}}
    assert {"event": "slot", "name": "summary", "value": sid} in [
        {k: e[k] for k in ("event", "name", "value")} for e in events if e.get("name") == "summary"]


def test_the_first_rendering_is_kept(store):
    outcome, _, _ = summary_turn()
    before = store.raw(outcome.summary.id)
    summary_turn()
    assert store.raw(outcome.summary.id) == before


@pytest.mark.parametrize("store", ["database"], indirect=True)
def test_a_summary_in_the_database_is_read_by_another_process(store):
    """Kubernetes: the action pod writes, a Rasa pod serves; they share no disk."""
    outcome, _, _ = summary_turn()
    code = ("import sys; from runtime import summary_store as summaries; "
            "r = summaries.load(sys.argv[1]); print(r['id'] if r else 'missing')")
    done = subprocess.run([sys.executable, "-c", code, outcome.summary.id], capture_output=True, text=True,
                          env={**os.environ, "SUMMARY_DIR": str(store.directory / "elsewhere")}, timeout=120)
    assert done.stdout.strip() == outcome.summary.id, done.stderr[-500:]
    assert not store.directory.exists(), "nothing written to the directory"


def test_the_page_is_served_where_rasa_mounts_channels(store):
    outcome, _, _ = summary_turn()
    sid = outcome.summary.id

    async def scenario():
        app = Sanic(f"summary_{uuid.uuid4().hex}", configure_logging=False)
        register([SummaryPage()], app, route="/webhooks/")
        port = free_port()
        server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
        await server.startup()
        await server.after_start()
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                return [await http.get(p) for p in (f"/summary/{sid}", f"/summary/{sid}.txt", "/summary/0000000000000000",
                                                    "/summary/..%2F..%2Fetc%2Fpasswd")]
        finally:
            await server.before_stop()
            server.close()
            await server.wait_closed()
            await server.after_stop()

    page, plain, missing, bad = asyncio.run(scenario())
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    # a person's own page: not indexed, not cached, no Referer to the links it holds
    for r in (page, plain, missing):
        assert "noindex" in r.headers["x-robots-tag"] and r.headers["cache-control"] == "no-store"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in page.text
    assert "创业扶持政策咨询清单" in page.text and "@media print" in page.text
    assert plain.status_code == 200 and "要问负责部门的问题" in plain.text
    assert missing.status_code == 404 and bad.status_code == 404


def test_only_summary_ids_are_read(store):
    assert summaries.load("../../etc/passwd") is None and summaries.load("") is None


def test_log_lines_name_the_database_without_its_password(monkeypatch):
    monkeypatch.setenv("SUMMARY_STORE_URL", "postgresql://rasa:s3cret@db:5432/rasa")
    assert "s3cret" not in summaries.where() and "db:5432/rasa" in summaries.where()


def test_a_summary_id_cannot_be_computed_from_the_profile(store):
    """The id is a keyed hash (the server's secret): the unkeyed hash of the same
    profile, chosen measures and rules version, which anyone could compute, opens nothing."""
    import hashlib

    from bot.replies import consultation as summary

    outcome, _, _ = summary_turn()
    doc = outcome.summary
    facts = {"region": "图们", "groups": ["returning_migrant_worker"]}
    chosen = []
    unkeyed = hashlib.sha256(json.dumps({"facts": summary._canonical(facts), "chosen": chosen,
                                         "version": doc.version}, ensure_ascii=False,
                                        sort_keys=True).encode()).hexdigest()[:summary.ID_LENGTH]
    assert doc.id != unkeyed and summaries.load(unkeyed) is None
    assert summaries.load(doc.id)["id"] == doc.id
    # the same consultation on the same server keeps its id (and its first rendering)
    assert summary_turn()[0].summary.id == doc.id


def test_summaries_expire_with_retention(store, monkeypatch):
    monkeypatch.setenv("RETENTION_DAYS", "90")
    outcome, _, _ = summary_turn()
    sid = outcome.summary.id
    assert summaries.load(sid) is not None
    monkeypatch.setenv("RETENTION_DAYS", "0.00001")    # a second: the summary is older than that now
    import time
    time.sleep(1.2)
    assert summaries.load(sid) is None and store.raw(sid) is None, "expired: gone from the store"
    # given again: a fresh lifetime
    monkeypatch.setenv("RETENTION_DAYS", "90")
    summary_turn()
    assert summaries.load(sid) is not None


def test_expire_deletes_only_the_old_ones(store, monkeypatch):
    outcome, _, _ = summary_turn()
    monkeypatch.setenv("RETENTION_DAYS", "90")
    assert summaries.expire() == 0
    monkeypatch.setenv("RETENTION_DAYS", "0.00001")
    import time
    time.sleep(1.2)
    assert summaries.expire() == 1 and store.raw(outcome.summary.id) is None
