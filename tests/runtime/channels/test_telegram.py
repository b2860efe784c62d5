"""The Telegram channel over its real HTTP path: python-telegram-bot (HTTPX)
talks to a fake Bot API on loopback; the channel's blueprint runs in a Sanic
server whose on_new_message is a stub playing Rasa. No model, no Rasa server."""
from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from pathlib import Path

import httpx
import pytest
import yaml
from sanic import Sanic

from bot.texts import TELEGRAM_BUTTON_EXPIRED, TELEGRAM_EDITED, TELEGRAM_NOT_TEXT
from bot.replies import render
from runtime.channels import telegram as tg
from runtime.channels import telegram_output as tgo
from localrun.servers import free_port
from bot.matching.engine import Engine
from bot import dialogue as conversation
from bot.replies import answers, lists
from bot.dialogue import listing
from bot.rules import default_kb
from bot.matching.profile import parse_profile

from .fake_telegram import (BOT_USER, FakeTelegram, callback_update, edited_update, photo_update,
                            sticker_update, text_update)

ROOT = Path(__file__).resolve().parents[3]
SECRET = "s3cret-Token_for_tests"
GROUP = -1001234567890


class StubRasa:
    """Plays Rasa: records each UserMessage and answers through its output channel."""

    def __init__(self, replies=None):
        self.messages = []
        self.replies = replies or (lambda message: [render.question(default_kb(), "groups").as_dict()])

    async def __call__(self, message):
        self.messages.append(message)
        for reply in self.replies(message):
            await message.output_channel.send_response(message.sender_id, dict(reply))

    @property
    def texts(self):
        return [m.text for m in self.messages]


class Harness:
    """Fake Bot API + the channel's blueprint in a real Sanic server, one event loop."""

    def __init__(self, mode="webhook", stub=None, **credentials):
        self.mode = mode
        self.stub = stub or StubRasa()
        self.credentials = credentials

    async def __aenter__(self):
        self.fake = await FakeTelegram().start()
        creds = {"mode": self.mode, "base_url": self.fake.base_url, "poll_timeout": 1, **self.credentials}
        if self.mode == "webhook":
            creds.setdefault("webhook_url", "https://bot.example.org/webhooks/telegram/webhook")
            creds.setdefault("secret_token", SECRET)
        self.channel = tg.TelegramInput.from_credentials(creds)
        self.app = Sanic(f"tg_test_{uuid.uuid4().hex}", configure_logging=False)
        self.app.blueprint(self.channel.blueprint(self.stub), url_prefix="/webhooks/telegram")
        # a free port of our own: Sanic reads port=0 as its default, 8000 (the local cluster's nginx)
        self.server = await self.app.create_server(host="127.0.0.1", port=free_port(), return_asyncio_server=True,
                                                   access_log=False)
        await self.server.startup()
        await self.server.after_start()
        port = self.server.server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/webhooks/telegram/webhook"
        self.http = httpx.AsyncClient(timeout=20)
        return self

    async def __aexit__(self, *exc):
        await self.http.aclose()
        await self.server.before_stop()
        self.server.close()
        await self.server.wait_closed()
        await self.server.after_stop()
        await self.fake.stop()

    async def post(self, update, secret=SECRET, raw=None):
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        body = raw if raw is not None else json.dumps(update, ensure_ascii=False).encode()
        return await self.http.post(self.url, content=body, headers=headers)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 40))


def buttons_of(sent: dict) -> list:
    return [b for row in sent["reply_markup"]["inline_keyboard"] for b in row]


# ---- webhook mode ------------------------------------------------------------

def test_update_in_message_with_inline_keyboard_out():
    stub = StubRasa(lambda m: [{"text": "文件原文：<img src=x> & “引号”", "buttons": [
        {"title": "退役军人", "payload": '/inform{"group": "veteran"}'},
        {"title": "跳过", "payload": "/skip"}]}])

    async def scenario():
        async with Harness(stub=stub) as h:
            assert h.fake.called("getMe")
            assert h.fake.webhook["url"] == "https://bot.example.org/webhooks/telegram/webhook"
            assert h.fake.webhook["secret_token"] == SECRET
            r = await h.post(text_update(1, "我是退伍军人，在柳州，想贷款"))
            assert r.status_code == 200
            return h.fake.sent(), stub.messages

    sent, messages = run(scenario())
    assert [m.text for m in messages] == ["我是退伍军人，在柳州，想贷款"]
    assert messages[0].sender_id == "telegram:1001" and messages[0].input_channel == "telegram"
    assert len(sent) == 1
    out = sent[0]
    assert out["chat_id"] == "1001"
    assert out["parse_mode"] == "HTML"
    assert out["text"] == "文件原文：&lt;img src=x&gt; &amp; “引号”"
    assert "<img" not in out["text"]
    assert out["reply_markup"] == {"inline_keyboard": [[
        {"text": "退役军人", "callback_data": '/inform{"group": "veteran"}'},
        {"text": "跳过", "callback_data": "/skip"}]]}


def test_real_question_keyboard_carries_every_payload():
    question = render.question(default_kb(), "groups")

    async def scenario():
        async with Harness() as h:
            await h.post(text_update(1, "你好"))
            return h.fake.sent()

    sent = run(scenario())
    assert sent[0]["text"] == question.text
    pressed = buttons_of(sent[0])
    assert [b["text"] for b in pressed] == [b.title for b in question.buttons]
    assert [b["callback_data"] for b in pressed] == [b.payload for b in question.buttons]
    assert all(len(row) <= tgo.MAX_PER_ROW for row in sent[0]["reply_markup"]["inline_keyboard"])


def test_callback_query_is_answered_and_becomes_the_next_message():
    payload = '/inform{"group": "returning_migrant_worker"}'

    async def scenario():
        async with Harness() as h:
            r = await h.post(callback_update(7, payload))
            assert r.status_code == 200
            return [c.method for c in h.fake.calls], h.fake.called("answerCallbackQuery"), h.stub.messages

    methods, answered, messages = run(scenario())
    assert answered == [{"callback_query_id": "cbq-7"}]
    assert [m.text for m in messages] == [payload]
    assert messages[0].sender_id == "telegram:1001"
    assert methods.index("answerCallbackQuery") < methods.index("sendMessage")


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x"])
def test_wrong_or_missing_secret_is_refused(secret):
    async def scenario():
        async with Harness() as h:
            r = await h.post(text_update(1, "你好"), secret=secret)
            return r.status_code, h.stub.messages, h.fake.sent()

    status, messages, sent = run(scenario())
    assert status == 403
    assert messages == [] and sent == []


def test_malformed_update_is_400_logged_and_the_next_one_still_works(caplog):
    caplog.set_level(logging.WARNING, logger="runtime.channels.telegram")

    async def scenario():
        async with Harness() as h:
            statuses = [(await h.post(None, raw=b'{"update_id": 1, "message": ')).status_code,
                        (await h.post(None, raw="[1, 2]".encode())).status_code,
                        (await h.post({"message": {"text": "no update id, 电话13812345678"}})).status_code,
                        (await h.post({"update_id": 2, "message": "not a message"})).status_code,
                        (await h.post(None, raw=b"\xff\xfe")).status_code]
            good = await h.post(text_update(3, "我在柳州"))
            return statuses, good.status_code, h.stub.texts

    statuses, good, texts = run(scenario())
    assert statuses == [400] * 5
    assert good == 200 and texts == ["我在柳州"]
    assert sum("malformed update" in r.getMessage() for r in caplog.records) == 5
    assert "13812345678" not in caplog.text and "no update id" not in caplog.text, "the log holds no text"


def test_the_same_update_delivered_twice_is_answered_once():
    async def scenario():
        async with Harness() as h:
            update = text_update(11, "你好")
            await h.post(update)
            await h.post(update)
            return h.stub.texts, len(h.fake.sent())

    assert run(scenario()) == (["你好"], 1)


def test_commands_map_to_intents():
    async def scenario():
        async with Harness() as h:
            for i, text in enumerate(["/start", "/help", "/restart", f"/help@{BOT_USER['username']}",
                                      "/start@some_other_bot", "/skip"], start=1):
                await h.post(text_update(i, text))
            return h.stub.texts

    assert run(scenario()) == ["你好", "/help", "/start_over", "/help", "/skip"]


@pytest.mark.parametrize("update,reply", [
    (sticker_update(21), TELEGRAM_NOT_TEXT),
    (photo_update(22, caption="我的营业执照"), TELEGRAM_NOT_TEXT),
    (edited_update(23, "我在柳州"), TELEGRAM_EDITED),
])
def test_non_text_gets_a_polite_reply_and_nothing_reaches_rasa(update, reply):
    async def scenario():
        async with Harness() as h:
            r = await h.post(update)
            return r.status_code, h.fake.sent(), h.stub.messages

    status, sent, messages = run(scenario())
    assert status == 200 and messages == []
    assert [s["text"] for s in sent] == [reply]
    assert "请发送文字" in reply


def test_long_reply_is_split_on_a_line_boundary_with_buttons_on_the_last_part():
    lines = [f"{i:03d}. " + "创业扶持措施" * 8 for i in range(95)]     # 53 chars a line
    text = "\n".join(lines)
    assert 5000 <= len(text) < 8192
    stub = StubRasa(lambda m: [render.Reply(text, [render.Button("更多", "/more")]).as_dict()])

    async def scenario():
        async with Harness(stub=stub) as h:
            await h.post(text_update(1, "更多"))
            return h.fake.sent()

    sent = run(scenario())
    assert len(sent) == 2
    first, second = sent[0]["text"], sent[1]["text"]
    assert len(first) <= 4096 and len(second) <= 4096
    assert first + "\n" + second == text                  # cut exactly at a newline
    assert "reply_markup" not in sent[0]
    assert buttons_of(sent[1]) == [{"text": "更多", "callback_data": "/more"}]


def test_split_prefers_a_paragraph_break_that_keeps_the_part_half_full():
    paragraph = "\n".join(["政策" * 10] * 3)                       # 62 characters
    parts = tgo.split_message("\n\n".join([paragraph] * 3), limit=150)
    assert parts == ["\n\n".join([paragraph] * 2), paragraph]
    early = tgo.split_message("短\n\n" + "\n".join(["政策" * 10] * 5), limit=150)
    assert early[0].startswith("短\n\n政策") and len(early[0]) <= 150   # a break at 1 char is not taken
    emoji = tgo.split_message("😀" * 100, limit=150)                    # Telegram counts UTF-16 units
    assert [len(p) for p in emoji] == [75, 25]


def test_group_members_have_their_own_conversations():
    username = BOT_USER["username"]

    async def scenario():
        async with Harness() as h:
            await h.post(text_update(1, f"/start@{username}", chat_id=GROUP, user_id=1, kind="supergroup"))
            await h.post(text_update(2, f"@{username} 我是退役军人", chat_id=GROUP, user_id=2, kind="supergroup"))
            await h.post(text_update(3, "大家好，今天开会吗", chat_id=GROUP, user_id=3, kind="supergroup"))
            await h.post(callback_update(4, "/skip", chat_id=GROUP, user_id=1, kind="supergroup"))
            return h.stub.messages, h.fake.sent()

    messages, sent = run(scenario())
    assert [(m.sender_id, m.text) for m in messages] == [
        (f"telegram:{GROUP}:1", "你好"), (f"telegram:{GROUP}:2", "我是退役军人"), (f"telegram:{GROUP}:1", "/skip")]
    assert all(s["chat_id"] == str(GROUP) for s in sent)
    assert "reply_parameters" in sent[0] and "reply_parameters" in sent[1]   # answers as replies


def test_in_a_group_replies_to_the_bot_count_and_answers_stay_in_the_topic():
    bot_message = {"message_id": 900, "date": 0, "chat": {"id": GROUP, "type": "supergroup", "title": "群"},
                   "from": BOT_USER, "text": "您在哪个城市？"}
    person_message = {"message_id": 901, "date": 0, "chat": {"id": GROUP, "type": "supergroup", "title": "群"},
                      "from": {"id": 5, "is_bot": False, "first_name": "小李"}, "text": "我问问"}

    async def scenario():
        async with Harness() as h:
            await h.post(text_update(1, "柳州", chat_id=GROUP, user_id=5, kind="supergroup",
                                     reply_to_message=bot_message, message_thread_id=77, is_topic_message=True))
            await h.post(text_update(2, "柳州", chat_id=GROUP, user_id=5, kind="supergroup",
                                     reply_to_message=person_message))            # a reply to someone else
            await h.post(sticker_update(3, chat_id=GROUP, user_id=5, kind="supergroup"))
            await h.post(edited_update(4, "改一下", chat_id=GROUP, user_id=5, kind="supergroup"))
            await h.post({"update_id": 5, "channel_post": {"message_id": 3, "date": 0, "text": "@policy_helper_bot",
                                                           "chat": {"id": -100777, "type": "channel"}}})
            return h.stub.messages, h.fake.sent()

    messages, sent = run(scenario())
    assert [(m.sender_id, m.text) for m in messages] == [(f"telegram:{GROUP}:5", "柳州")]
    assert len(sent) == 1 and sent[0]["message_thread_id"] == 77
    assert sent[0]["reply_parameters"]["allow_sending_without_reply"] is True


def test_one_conversation_in_order_and_others_meanwhile():
    """Updates of one conversation wait for the one before (also when the first is a
    button press, which is answered first); another conversation does not wait."""
    order = []

    async def slow_rasa(message):
        order.append(("start", message.sender_id, message.text))
        if message.text == "/skip":
            await asyncio.sleep(1.5)
        order.append(("end", message.sender_id, message.text))

    async def scenario():
        async with Harness(stub=slow_rasa) as h:
            first = asyncio.ensure_future(h.post(callback_update(1, "/skip")))
            await asyncio.sleep(0.2)
            second = asyncio.ensure_future(h.post(text_update(2, "在柳州")))
            other = await h.post(text_update(3, "你好", chat_id=2002, user_id=2002))
            assert other.status_code == 200 and not first.done()       # not held up by 1001
            await asyncio.gather(first, second)

    run(scenario())
    a, b = "telegram:1001", "telegram:2002"
    assert order == [("start", a, "/skip"), ("start", b, "你好"), ("end", b, "你好"),
                     ("end", a, "/skip"), ("start", a, "在柳州"), ("end", a, "在柳州")]


def test_long_payload_gets_a_short_id_that_maps_back():
    long_payload = '/inform{"region": "新疆维吾尔自治区乌鲁木齐市天山区某某街道办事处"}'
    assert len(long_payload.encode()) > 64
    stub = StubRasa(lambda m: [{"text": "选一个", "buttons": [{"title": "天山区", "payload": long_payload}]}]
                    if m.text == "你好" else [])

    async def scenario():
        async with Harness(stub=stub) as h:
            await h.post(text_update(1, "你好"))
            data = buttons_of(h.fake.sent()[0])[0]["callback_data"]
            await h.post(callback_update(2, data))
            await h.post(callback_update(3, "~unknownid12345"))
            return data, h.stub.texts, h.fake.sent()

    data, texts, sent = run(scenario())
    assert data.startswith("~") and len(data.encode()) <= 64
    assert texts == ["你好", long_payload]
    assert sent[-1]["text"] == TELEGRAM_BUTTON_EXPIRED


def test_flood_control_waits_and_retries():
    async def scenario():
        async with Harness() as h:
            h.fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
            await h.post(text_update(1, "你好"))
            return h.fake.called("sendMessage")

    calls = run(scenario())
    assert len(calls) == 2 and calls[0] == calls[1]


# ---- polling mode ------------------------------------------------------------

def test_polling_picks_up_queued_updates_in_order_and_stops_cleanly():
    async def scenario():
        h = Harness(mode="polling", stub=StubRasa(lambda m: [{"text": "收到：" + m.text}]), poll_timeout=30)
        async with h:
            fake = h.fake
            fake.queue(text_update(101, "你好"), text_update(102, "我是退役军人"),
                       callback_update(103, "/skip"), text_update(104, "在柳州"))
            await fake.wait_for("sendMessage", 4)
            fake.queue(text_update(105, "更多"))
            await fake.wait_for("sendMessage", 5)
            await asyncio.sleep(0.3)              # back in a 30 s long poll
            app = h.channel.app                   # telegram.ext's Application (its Updater polls)
            stopping = time.monotonic()
        stopped_in = time.monotonic() - stopping
        return [c.method for c in fake.calls], fake.called("getUpdates"), fake.sent(), h.stub.texts, app, stopped_in

    methods, polls, sent, texts, app, stopped_in = run(scenario())
    assert texts == ["你好", "我是退役军人", "/skip", "在柳州", "更多"]
    assert [s["text"] for s in sent] == ["收到：你好", "收到：我是退役军人", "收到：/skip", "收到：在柳州", "收到：更多"]
    assert methods.index("deleteWebhook") < methods.index("getUpdates")
    assert "setWebhook" not in methods
    offsets = [p.get("offset") for p in polls]
    assert offsets[0] in (None, 0) and 105 in offsets   # telegram.ext sends 0: confirms nothing, as no offset
    assert offsets[-1] == 106                     # confirmed on stop: not delivered again
    assert polls[0]["timeout"] == 30
    assert not app.updater.running and not app.running   # stopped, not left hanging
    assert stopped_in < 3, "stopping interrupts the long poll"


def test_polling_stop_finishes_the_turn_in_progress():
    started = asyncio.Event()

    async def slow_rasa(message):
        started.set()
        await asyncio.sleep(0.5)
        await message.output_channel.send_text_message(message.sender_id, "收到")

    async def scenario():
        async with Harness(mode="polling", stub=slow_rasa) as h:
            h.fake.queue(text_update(301, "你好"))
            await asyncio.wait_for(started.wait(), 10)
        return [s["text"] for s in h.fake.sent()], h.fake.called("getUpdates")[-1]

    sent, last_poll = run(scenario())
    assert sent == ["收到"]                      # answered before the channel stopped
    assert last_poll["offset"] == 302


def test_polling_survives_api_errors():
    async def scenario():
        async with Harness(mode="polling") as h:
            h.fake.fail_next("getUpdates", 502, "Bad Gateway")
            h.fake.queue(text_update(201, "你好"))
            await h.fake.wait_for("sendMessage", 1, timeout=15)
            return h.stub.texts

    assert run(scenario()) == ["你好"]


# ---- buttons the bot can produce -----------------------------------------------

def all_bot_buttons():
    """Every button of every reply the actions can send: the questions for the
    facts the bot asks, every page of listings for every covered place with and
    without all groups, every details reply, and agency replies."""
    kb = default_kb()
    engine = Engine(kb)
    replies = [render.question(kb, fact) for fact in kb.facts.asked]
    # a near miss, read as the place it means
    near_miss = conversation.respond(engine, {"question": "region"}, conversation.Incoming("柳洲", "inform"))
    replies += near_miss.replies
    places = [b.title for b in render.question(kb, "region").buttons if b.payload.startswith("/inform")]
    places += kb.covered_regions() + ["北京"]
    all_groups = list(kb.facts["groups"].values)
    for place in places:
        for groups in ([], all_groups):
            result = engine.match(parse_profile({"region": place, "groups": groups}, kb))
            items = listing(engine, result)
            for start in range(0, len(items), lists.NAMED):
                replies.append(lists.numbered("", items[start:start + lists.NAMED], start + 1, "",
                                              lists.category_buttons(kb, items)))
            replies += [answers.details(kb, m, n) for n, m in enumerate(items, 1)]
            if items:
                replies.append(answers.offices(items))
    replies += render.localize(list(replies), "traditional")
    return [b for r in replies for b in r.buttons]


def test_every_button_fits_callback_data_as_is():
    buttons = all_bot_buttons()
    assert len({b.payload for b in buttons}) > 40
    output = tgo.TelegramOutput(bot=None, callbacks=tgo.CallbackData())
    markup = output.keyboard([{"title": b.title, "payload": b.payload} for b in buttons])
    datas = [b.callback_data for row in markup.inline_keyboard for b in row]
    assert len(datas) == len(buttons)
    too_long = {d for d in datas if len(d.encode("utf-8")) > 64}
    assert not too_long
    assert datas == [b.payload for b in buttons]       # no fallback ids needed


# ---- configuration -------------------------------------------------------------

def test_missing_token_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN")
    with pytest.raises(tg.TelegramConfigError, match="TELEGRAM_BOT_TOKEN"):
        tg.TelegramInput.from_credentials(None)


def test_webhook_mode_needs_a_secret_and_an_https_url(monkeypatch):
    with pytest.raises(tg.TelegramConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        tg.TelegramInput.from_credentials({"mode": "webhook", "webhook_url": "https://bot.example.org/x"})
    with pytest.raises(tg.TelegramConfigError, match="https"):
        tg.TelegramInput.from_credentials({"mode": "webhook", "webhook_url": "http://bot.example.org/x",
                                           "secret_token": SECRET})
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", SECRET)
    channel = tg.TelegramInput.from_credentials({"mode": "webhook", "webhook_url": "https://bot.example.org/x"})
    assert channel.secret_token == SECRET
    assert tg.TelegramInput.from_credentials(None).mode == "polling"


def test_rejected_token_fails_at_start(monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:not-the-token")

    async def scenario():
        fake = await FakeTelegram().start()
        try:
            channel = tg.TelegramInput.from_credentials({"base_url": fake.base_url})
            with pytest.raises(tg.TelegramConfigError, match="TELEGRAM_BOT_TOKEN"):
                await channel.start()
        finally:
            await fake.stop()

    run(scenario())


def test_credentials_file_registers_the_channel():
    creds = yaml.safe_load((ROOT / "credentials.telegram.yml").read_text(encoding="utf-8"))
    assert "rest" not in creds, "Rasa's own REST channel answers anyone: never in a credentials file"
    assert "runtime.channels.rest.RestInput" in creds
    assert "runtime.channels.telegram.TelegramInput" in creds
    assert (creds["runtime.channels.telegram.TelegramInput"] or {}).get("mode", "polling") == "polling"
