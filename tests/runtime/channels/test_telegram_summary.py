"""The consultation summary on Telegram: sent as an HTML document (sendDocument),
or as text messages when Telegram refuses the file."""
from __future__ import annotations

from bot.replies import consultation as summary
from bot.dialogue import Incoming, respond
from runtime import summary_store as summaries
from actions.actions import engine

from .test_telegram import Harness, StubRasa, run
from .fake_telegram import text_update


def made_summary(tmp_path, monkeypatch) -> dict:
    monkeypatch.setenv("SUMMARY_DIR", str(tmp_path))
    slots = {"region": "图们", "groups": ["returning_migrant_worker"]}
    doc = respond(engine(), slots, Incoming("生成清单", "summary")).summary
    record = doc.record()
    summaries.save(record)
    return record


def replies_with(record):
    return lambda message: [{"text": "已为您生成咨询清单"},
                            {"custom": {"summary": {"id": record["id"], "url": summaries.url(record["id"])}}}]


def test_the_summary_is_sent_as_an_html_document(tmp_path, monkeypatch):
    record = made_summary(tmp_path, monkeypatch)

    async def scenario():
        async with Harness(stub=StubRasa(replies_with(record))) as h:
            await h.post(text_update(1, "生成清单"))
            return h.fake.called("sendDocument"), h.fake.called("sendMessage")

    documents, messages = run(scenario())
    assert len(documents) == 1
    document = documents[0]["document"]
    assert document["filename"] == f"summary-{record['id']}.html"
    html = document["content"].decode("utf-8")
    assert summary.TITLE in html and "图们市" in html and "@media print" in html
    assert [m["text"] for m in messages] == ["已为您生成咨询清单"], "no JSON shown to the person"


def test_when_telegram_refuses_the_file_the_summary_comes_as_text(tmp_path, monkeypatch):
    record = made_summary(tmp_path, monkeypatch)

    async def scenario():
        async with Harness(stub=StubRasa(replies_with(record))) as h:
            h.fake.fail_next("sendDocument", 400, "Bad Request: file is too big")
            await h.post(text_update(1, "生成清单"))
            return h.fake.called("sendMessage")

    texts = "\n".join(m["text"] for m in run(scenario()))
    assert summary.TITLE in texts and "要问负责部门的问题" in texts
