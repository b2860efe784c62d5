"""GET /summary/<id> (runtime/channels/summary.py) mounted the way `rasa run`
mounts channels, and the action adapter storing the summary and adding its link."""
from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from rasa.core.channels.channel import register
from rasa_sdk.executor import CollectingDispatcher
from sanic import Sanic

from bot.conversation import Incoming, respond
from runtime import actions, summaries
from runtime.local_servers import free_port
from runtime.channels.summary import SummaryPage


class FakeTracker:
    def __init__(self, slots):
        self.slots = slots

    def get_slot(self, name):
        return self.slots.get(name)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARY_DIR", str(tmp_path))
    monkeypatch.setenv("SUMMARY_BASE_URL", "https://bot.example.org/")
    monkeypatch.setattr(Sanic, "test_mode", True)
    return tmp_path


def summary_turn():
    slots = {"region": "图们", "groups": ["returning_migrant_worker"]}
    outcome = respond(actions.engine(), slots, Incoming("把结果发给我", "summary"))
    dispatcher = CollectingDispatcher()
    events = actions.apply(dispatcher, FakeTracker(slots), outcome)
    return outcome, dispatcher.messages, events


def test_the_action_stores_the_summary_and_sends_its_link(store):
    outcome, messages, events = summary_turn()
    sid = outcome.summary.id
    assert (store / f"{sid}.json").exists()
    link = f"https://bot.example.org/summary/{sid}"
    assert link in messages[-1]["text"] and messages[-1]["custom"] == {"summary": {"id": sid, "url": link}}
    assert {"event": "slot", "name": "summary", "value": sid} in [
        {k: e[k] for k in ("event", "name", "value")} for e in events if e.get("name") == "summary"]


def test_the_first_rendering_is_kept(store):
    outcome, _, _ = summary_turn()
    path = store / f"{outcome.summary.id}.json"
    before = path.read_text(encoding="utf-8")
    summary_turn()
    assert path.read_text(encoding="utf-8") == before


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
    assert "创业扶持政策咨询清单" in page.text and "@media print" in page.text
    assert plain.status_code == 200 and "要问负责部门的问题" in plain.text
    assert missing.status_code == 404 and bad.status_code == 404


def test_only_summary_ids_are_read(store):
    assert summaries.load("../../etc/passwd") is None and summaries.load("") is None
