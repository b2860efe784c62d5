"""The attacks of the security review, against real servers: `rasa run` (through
the launcher, the committed endpoints, the trained model) with the REST channel,
the widget's socket.io channel, Telegram in webhook mode talking to the
repository's fake Bot API, the summary page and the HTTP API; our action server;
the staff console on the tracker store they wrote. docs/security.md lists what
is promised; each finding of the review has a test here or in the unit tests
named there. The cluster (PostgreSQL, Redis, nginx) has its own in test_cluster.py.

The module's tests share one server and run in file order: the last one
exhausts the per-client limit of the test's address."""
import asyncio
import csv
import io
import json
import os
import random
import secrets
import sqlite3
import sys
import time

import pytest
import requests
import websockets

from bot import texts
from bot.dialogue import MAX_TEXT
from runtime import privacy
from localrun.servers import (ROOT, action_server_args, free_port, rest_headers, start, start_bot, stop,
                              wait_for)
from bench import pii_corpus
from tests.runtime.channels.fake_telegram import TOKEN as TELEGRAM_TOKEN
from tests.runtime.channels.fake_telegram import FakeTelegram, text_update

ORIGIN = "http://widget.example"
API_TOKEN = "api-token-" + secrets.token_hex(12)
CLIENT_LIMIT = 60          # per minute, for this server: widget sessions count 3 each (connect, session, message)
VICTIM_CHAT = 777
# the victim's place: named in none of the bot's fixed texts (its help names 柳州 and 退役军人)
PLACE = "桂林"
PROFILE_WORDS = (PLACE,)


class Stack:
    def __init__(self, tmp, bot, telegram, telegram_secret, rasa_log, actions_log):
        self.tmp, self.bot, self.telegram, self.telegram_secret = tmp, bot, telegram, telegram_secret
        self.rasa_log, self.actions_log = rasa_log, actions_log
        self.url = bot.url
        self.db = tmp / "tracker.db"
        self._update_ids = iter(range(10_000, 100_000))

    # -- the channels --
    def telegram_says(self, text, chat_id=VICTIM_CHAT):
        """The person's message through Telegram's webhook; their replies (texts)."""
        before = len(self.telegram.called("sendMessage"))
        update = text_update(next(self._update_ids), text, chat_id=chat_id, user_id=chat_id)
        r = requests.post(f"{self.url}/webhooks/telegram/webhook", json=update, timeout=60,
                          headers={"X-Telegram-Bot-Api-Secret-Token": self.telegram_secret})
        assert r.status_code == 200, r.text
        sent = self.telegram.wait_for_sync("sendMessage", before + 1, timeout=60)[before:]
        return update, "\n".join(s["text"] for s in sent)

    def rest(self, body, token=None, **kw):
        headers = rest_headers(token) if token is not False else {}
        return requests.post(f"{self.url}/webhooks/rest/webhook", json=body, headers=headers, timeout=60, **kw)

    # -- what is stored and logged --
    def rows(self, sql, *args):
        with sqlite3.connect(self.db) as db:
            return db.execute(sql, args).fetchall()

    def events(self, conversation_id):
        return [(t, json.loads(d)) for t, d in self.rows(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", conversation_id)]

    def user_texts(self, conversation_id):
        return [d.get("text") for t, d in self.events(conversation_id) if t == "user"]

    def logs(self):
        return self.rasa_log.read_text(errors="replace") + self.actions_log.read_text(errors="replace")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("security")
    actions_port = free_port()
    actions_log = tmp / "actions.log"
    actions = start(action_server_args(actions_port), actions_log)
    wait_for(f"http://127.0.0.1:{actions_port}/health", actions, actions_log)
    telegram = FakeTelegram().start_in_thread()
    telegram_secret = secrets.token_urlsafe(24)
    credentials = tmp / "credentials.yml"
    credentials.write_text(
        "runtime.channels.rest.RestInput:\n"
        "runtime.channels.socketio.SocketIOInput:\n"
        "  user_message_evt: user_uttered\n  bot_message_evt: bot_uttered\n  session_persistence: true\n"
        f"  cors_allowed_origins: [{ORIGIN}]\n"
        "runtime.channels.telegram.TelegramInput:\n"
        "  mode: webhook\n  webhook_url: https://bot.example.org/webhooks/telegram/webhook\n"
        f"  secret_token: {telegram_secret}\n  base_url: {telegram.base_url}\n"
        "runtime.channels.summary_page.SummaryPage:\n", encoding="utf-8")
    proc, bot = start_bot(tmp, actions_port, extra=["--credentials", str(credentials), "--enable-api",
                                                    "--auth-token", API_TOKEN],
                          env={"TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "CLIENT_LIMIT_PER_MINUTE": str(CLIENT_LIMIT),
                               "SUMMARY_BASE_URL": ""})
    try:
        telegram.wait_for_sync("setWebhook", 1, timeout=30)
        rasa_log = next(tmp.glob("rasa-*.log"))
        yield Stack(tmp, bot, telegram, telegram_secret, rasa_log, actions_log)
    finally:
        stop(proc)
        stop(actions)
        telegram.stop_thread()


# ------------------------------------------------------------------ a socket.io client
async def _widget(url, session, payloads, wait=15.0, origin=ORIGIN):
    """One widget connection: session_request(session), then each payload as
    user_uttered; returns (the confirmed session, every bot_uttered)."""
    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(ws_url, origin=origin, max_size=None) as ws:
        async def event(timeout):
            until = time.monotonic() + timeout
            while (left := until - time.monotonic()) > 0:
                try:
                    packet = await asyncio.wait_for(ws.recv(), left)
                except asyncio.TimeoutError:
                    break
                if packet == "2":
                    await ws.send("3")
                elif packet.startswith("40"):
                    return ["connect"]
                elif packet.startswith("42"):
                    return json.loads(packet[2:])
                elif packet.startswith("44"):
                    return ["refused"]
            return None

        assert (await ws.recv()).startswith("0")
        await ws.send("40")
        if await event(10) != ["connect"]:
            return None, [{"refused": True}]
        confirmed = None
        if session is not False:
            await ws.send("42" + json.dumps(["session_request", {"session_id": session}]))
        replies = []
        for payload in payloads:
            await ws.send("42" + json.dumps(["user_uttered", payload]))
            timeout = wait
            while (got := await event(timeout)) is not None:
                if got[0] == "session_confirm":
                    confirmed = got[1]
                elif got[0] == "bot_uttered":
                    replies.append(got[1])
                    timeout = 1.0
        if not payloads:
            got = await event(wait)
            confirmed = got[1] if got and got[0] == "session_confirm" else None
        return confirmed, replies


def widget(url, session, *payloads, wait=15.0):
    return asyncio.run(_widget(url, session, list(payloads), wait))


def said(replies):
    return "\n".join(str(r.get("text", "")) for r in replies)


# ------------------------------------------------------------------ HIGH: whose conversation
def test_a_stranger_who_knows_a_telegram_chat_id_learns_nothing_and_changes_nothing(stack):
    update, answer = stack.telegram_says(f"我是退伍军人，在{PLACE}，想贷款")
    assert "》第" in answer or "？" in answer, answer
    victim = "telegram:777"
    before = stack.events(victim)
    assert before and {d.get("input_channel") for t, d in before if t == "user"} == {"telegram"}

    # the public endpoints without their secrets
    assert stack.rest({"sender": "777", "message": "你好"}, token=False).status_code in (401, 403)
    assert stack.rest({"sender": "777", "message": "你好"}, token="guessed").status_code == 401
    for key in (None, "wrong"):
        headers = {"X-Telegram-Bot-Api-Secret-Token": key} if key else {}
        r = requests.post(f"{stack.url}/webhooks/telegram/webhook", json=text_update(1, "打印清单", chat_id=777),
                          headers=headers, timeout=30)
        assert r.status_code == 403
    for params, headers in (({}, {}), ({"token": API_TOKEN}, {})):
        r = requests.get(f"{stack.url}/conversations/{victim}/tracker", params=params, headers=headers, timeout=30)
        assert r.status_code == 401

    # a REST caller (even one with the token) naming the chat every way it can, replaying its message id
    replay = {"message_id": f"tg-{update['update_id']}"}
    for sender in ("777", victim, " 777", "telegram:777:777", "web:777"):
        for text in ("我的情况", "打印清单", "更多"):
            r = stack.rest({"sender": sender, "message": text, "metadata": replay})
            assert r.status_code == 200 and r.headers["X-Conversation-Id"].startswith("rest:")
            body = said(r.json())
            assert not any(w in body for w in PROFILE_WORDS) and "/summary/" not in body, (sender, body)

    # a widget naming the chat as its session, or in its messages
    for session in ("777", victim, "telegram:777.0"):
        confirmed, replies = widget(stack.url, session, {"message": "打印清单", "session_id": victim})
        assert confirmed and confirmed != session and not confirmed.startswith("telegram")
        assert not any(w in said(replies) for w in PROFILE_WORDS) and "/summary/" not in said(replies)

    # the victim's conversation: untouched, and it goes on with its profile
    assert stack.events(victim) == before
    _, answer = stack.telegram_says("更多")
    assert PLACE in answer or "》第" in answer, answer
    assert {d.get("input_channel") for t, d in stack.events(victim) if t == "user"} == {"telegram"}


def test_a_message_without_a_sender_gets_a_conversation_of_its_own(stack):
    first = stack.rest({"message": f"我是退伍军人，在{PLACE}，想贷款"})
    second = stack.rest({"message": "打印清单"})
    a, b = first.headers["X-Conversation-Id"], second.headers["X-Conversation-Id"]
    assert a != b and a.startswith("rest:") and "default" not in a + b
    assert not any(w in said(second.json()) for w in PROFILE_WORDS)
    assert not stack.rows("SELECT 1 FROM events WHERE sender_id IN ('default', 'rest:default')")


def test_a_summary_page_is_not_indexed(stack):
    stack.rest({"sender": "summary-owner", "message": "我是退伍军人，在柳州，想贷款"})
    r = stack.rest({"sender": "summary-owner", "message": "打印清单"})
    words = [w for m in r.json() for w in str(m.get("text", "")).split()]
    link = next((w for w in words if "/summary/" in w), None)
    assert link, words
    page = requests.get(f"{stack.url}/summary/{link.rsplit('/', 1)[-1][:16]}", timeout=30)
    assert page.status_code == 200 and "noindex" in page.headers["X-Robots-Tag"]
    assert page.headers["Referrer-Policy"] == "no-referrer"


# ------------------------------------------------------------------ HIGH: one message cannot stall the bot
def test_a_64_kb_message_is_answered_and_nothing_longer_than_the_cap_is_stored(stack):
    big = "".join(random.Random(1).choice("abcdefghij0123456789") for _ in range(64_000))
    r = stack.rest({"sender": "long", "message": big})
    assert r.status_code == 200 and texts.TOO_LONG in said(r.json())
    confirmed, replies = widget(stack.url, None, {"message": "a" * 60_000 + "@"})
    assert texts.TOO_LONG in said(replies)
    stack.telegram_says("长" * 4096, chat_id=4096)
    # a body beyond what nginx admits never reaches the channel
    r = stack.rest({"sender": "huge", "message": "a" * 1_000_000})
    assert r.status_code == 413
    longest = stack.rows("SELECT max(length(json_extract(data, '$.text'))) FROM events WHERE type_name = 'user'")
    assert longest[0][0] <= MAX_TEXT
    assert stack.user_texts("rest:long") == [big[:MAX_TEXT]]
    assert not stack.rows("SELECT 1 FROM events WHERE sender_id = 'rest:huge'")


# ------------------------------------------------------------------ MEDIUM: personal data
def pack(items, size=900):
    """Examples joined with '，' into messages of at most `size` characters."""
    out, current = [], []
    for item in items:
        if current and len("，".join(e.text for e in current + [item])) > size:
            out.append(current)
            current = []
        current.append(item)
    return out + [current] if current else out


def test_the_pii_corpus_leaves_no_identifier_in_the_store_or_the_logs(stack):
    examples = pii_corpus.examples(per_format=150)
    batches = pack(examples)
    per_sender = 20                                  # under the per-sender limit
    for i, batch in enumerate(batches):
        metadata = {"note": batch[0].text, "message_id": f"pii-{i}"}
        r = stack.rest({"sender": f"pii-{i // per_sender}", "message": "，".join(e.text for e in batch),
                        "metadata": metadata})
        assert r.status_code == 200, r.text
    # a sender id that is a phone number, and metadata full of identifiers
    r = stack.rest({"sender": "13812345678", "message": "你好", "metadata": {"mail": "zhang.wei@example.cn"}})
    assert "13812345678" not in r.headers["X-Conversation-Id"]

    stored = " ".join(f"{s} {d}" for s, d in stack.rows("SELECT sender_id, data FROM events"))
    decoded = " ".join(json.dumps(json.loads(d), ensure_ascii=False) for (d,) in stack.rows("SELECT data FROM events"))
    logs = stack.logs()
    left = [(where, e.kind, e.raw) for e in examples for where, text in (("store", stored + decoded), ("logs", logs))
            if e.raw in text]
    # no identifier's digits in what is left of the message it was in
    digits_left = []
    for n in range(0, len(batches), per_sender):
        stored_texts = stack.user_texts(f"rest:pii-{n // per_sender}")
        for batch, text in zip(batches[n:n + per_sender], stored_texts):
            remaining = "".join(privacy._VALUE.get(c, "") for c in text)
            digits_left += [(e.kind, e.raw) for e in batch if e.digits and e.digits in remaining]
    assert sum(len(b) for b in batches) == len(examples) >= 900
    assert not left and not digits_left, (left[:5], digits_left[:5])
    assert "zhang.wei@example.cn" not in decoded and "13812345678" not in stored


def test_the_corpus_of_ordinary_numbers_is_stored_as_sent(stack):
    keep = pii_corpus.non_examples(n=600)
    batches = [keep[i:i + 40] for i in range(0, len(keep), 40)]
    for i, batch in enumerate(batches):
        r = stack.rest({"sender": f"keep-{i}", "message": "；".join(batch)})
        assert r.status_code == 200
        assert stack.user_texts(f"rest:keep-{i}") == ["；".join(batch)[:MAX_TEXT]]


# ------------------------------------------------------------------ LOW: the HTTP API
def test_the_http_api_takes_its_token_in_a_header_and_masks_what_it_stores(stack):
    url = f"{stack.url}/conversations/rest:api/messages"
    body = {"text": "电话13812345678，邮箱a.b@example.cn，身份证110101199003071234", "sender": "user"}
    assert requests.post(url, json=body, params={"token": API_TOKEN}, timeout=30).status_code == 401
    r = requests.post(url, json=body, headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=30)
    assert r.status_code == 200, r.text
    assert stack.user_texts("rest:api") == ["电话[手机号]，邮箱[邮箱]，身份证[身份证号]"]
    assert API_TOKEN not in stack.logs()


# ------------------------------------------------------------------ LOW: bad input
FIXED_BODIES = [b"[]", b'"text"', b"1", b"null", b"{}", b"{", b"\xff\xfe", b"", b'{"message": 1}',
                b'{"message": {"a": 1}}', b'{"message": ["x"]}', b'{"message": "x", "sender": {}}',
                b'{"message": "x", "sender": [1]}', b'{"message": "x", "metadata": "m"}',
                b'{"message": "x", "metadata": [1]}', b'{"message": "\\u0000\\ud800"}',
                b'[' * 5000 + b']' * 5000, b'{"message": "x", "metadata": ' + b'{"a":' * 3000 + b'1' + b'}' * 3001]


def random_bodies(seed=24, n=120):
    r = random.Random(seed)
    values = [None, True, 0, -1, 2 ** 70, 1.5, "", "你好", "\x00", "\ud800", "=1+1", [], {}, [1, "a"], {"k": "v"}]
    out = []
    for _ in range(n):
        kind = r.randrange(3)
        if kind == 0:
            out.append(bytes(r.randrange(256) for _ in range(r.randrange(1, 200))))
        elif kind == 1:
            out.append(json.dumps(r.choice(values)).encode())
        else:
            body = {k: r.choice(values) for k in r.sample(["message", "text", "sender", "metadata", "x"],
                                                          r.randrange(1, 5))}
            out.append(json.dumps(body).encode())
    return out


def test_no_body_gets_a_500_and_the_bot_answers_afterwards(stack):
    log_before = stack.rasa_log.stat().st_size
    statuses = {}
    for body in FIXED_BODIES + random_bodies():
        for path, headers in (("/webhooks/rest/webhook", rest_headers()),
                              ("/webhooks/telegram/webhook", {"X-Telegram-Bot-Api-Secret-Token": stack.telegram_secret})):
            r = requests.post(stack.url + path, data=body, headers={"Content-Type": "application/json", **headers},
                              timeout=60)
            statuses.setdefault(r.status_code, []).append(body[:40])
    assert not [s for s in statuses if s >= 500], {s: b[:3] for s, b in statuses.items() if s >= 500}
    assert set(statuses) <= {200, 400, 401, 403}, set(statuses)
    r = stack.rest({"message": "你好"})
    assert r.status_code == 200 and r.json()
    tail = stack.rasa_log.read_text(errors="replace")[log_before:]
    assert "Traceback" not in tail and " ERROR " not in tail, tail[-2000:]


def test_a_widget_message_that_is_not_text_gets_a_friendly_reply_and_no_error(stack):
    log_before = stack.rasa_log.stat().st_size
    for payload in ({"message": 13812345678}, {"message": {"phone": "13912345678"}}, {"message": ["x"]},
                    {"message": None}, {"message": "你好", "metadata": "13712345678"}):
        confirmed, replies = widget(stack.url, None, payload)
        assert replies and texts.SERVICE_UNAVAILABLE not in said(replies), payload
        if not isinstance(payload["message"], (str, type(None))):
            assert texts.ODD_INPUT in said(replies)
    # junk where the widget protocol expects a session or a message: ignored, the socket still works
    confirmed, replies = widget(stack.url, {"session_id": ["x"]}, "not an object", {"message": "你好"}, wait=5)
    assert confirmed and replies
    tail = stack.rasa_log.read_text(errors="replace")[log_before:]
    assert " ERROR " not in tail and "Traceback" not in tail, tail[-2000:]
    for raw in ("13812345678", "13912345678", "13712345678"):
        assert raw not in stack.logs()


def test_a_malformed_telegram_update_is_logged_without_its_text(stack):
    r = requests.post(f"{stack.url}/webhooks/telegram/webhook", data='{"message": {"text": "电话13612345678"}}',
                      headers={"X-Telegram-Bot-Api-Secret-Token": stack.telegram_secret}, timeout=30)
    assert r.status_code == 400
    time.sleep(0.5)
    assert "malformed update" in stack.logs() and "13612345678" not in stack.logs()


# ------------------------------------------------------------------ the staff console on this store
@pytest.fixture(scope="module")
def console(stack):
    port = free_port()
    log = stack.tmp / "console.log"
    token = "console-token-" + secrets.token_hex(8)
    env = dict(os.environ, STAFF_TOKEN=token, TRACKER_STORE_URL=f"sqlite:///{stack.db}")
    proc = start([sys.executable, "-m", "staff", "serve", "--port", str(port)], log, env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}/login", proc, log, timeout=120)
        yield f"http://127.0.0.1:{port}", token
    finally:
        stop(proc)


def test_the_console_on_this_store(stack, console):
    url, token = console
    stack.rest({"sender": "formula", "message": '=HYPERLINK("http://evil.example","x")'})
    stack.rest({"sender": "formula", "message": "@SUM(1,1)\x00\x07"})
    auth = {"Authorization": f"Bearer {token}"}
    # a date it cannot use: a clear 400, not a 500
    for bad in ("to=0001-01-01", "from=9999-99-99", "to=abc"):
        r = requests.get(f"{url}/overview?{bad}", headers=auth, timeout=60)
        assert r.status_code == 400 and ("超出范围" in r.text or "YYYY-MM-DD" in r.text), (bad, r.status_code)
    for page in ("overview", "misunderstood", "coverage", "demand", "feedback", "conversations"):
        assert requests.get(f"{url}/{page}", headers=auth, timeout=120).status_code == 200, page
    # the conversation's CSV: what Excel would run as a formula is text
    r = requests.get(f"{url}/conversation", params={"sender": "rest:formula", "table": "turns"}, headers=auth,
                     timeout=60)
    assert r.status_code == 200 and "HYPERLINK" in r.text and "\x00" not in r.text
    cells = [c for row in csv.reader(io.StringIO(r.text.lstrip("\ufeff"))) for c in row]
    assert any("HYPERLINK" in c for c in cells) and not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    # the session cookie expires
    login = requests.post(f"{url}/login", data={"token": token}, allow_redirects=False, timeout=30)
    cookie = login.headers["Set-Cookie"]
    assert "Max-Age=28800" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    value = login.cookies["staff_session"]
    expires, mac = value.split(".")
    assert requests.get(f"{url}/overview", cookies={"staff_session": value}, timeout=60).status_code == 200
    stretched = f"{int(expires) + 86400}.{mac}"
    assert requests.get(f"{url}/overview", cookies={"staff_session": stretched}, timeout=60).status_code == 401


# ------------------------------------------------------------------ MEDIUM: one client, many conversations
def test_one_client_opening_new_sessions_is_cut_off_and_others_are_served(stack):
    refused, tried = 0, 0
    for i in range(CLIENT_LIMIT + 5):
        tried += 1
        confirmed, replies = widget(stack.url, None, {"message": f"你好{i}"}, wait=5)
        if confirmed is None or texts.TOO_FAST in said(replies) or any(r.get("refused") for r in replies):
            refused += 1
            break
    assert refused, f"{tried} widget sessions from one address were all served"
    assert tried <= CLIENT_LIMIT // 3 + 1
    # the trusted REST caller and Telegram's people are not this client
    assert stack.rest({"sender": "still-served", "message": "你好"}).status_code == 200
    _, answer = stack.telegram_says("你好", chat_id=9001)
    assert answer and texts.TOO_FAST not in answer
    # and the summary page is counted with it
    assert requests.get(f"{stack.url}/summary/0123456789abcdef", timeout=30).status_code == 429


# ------------------------------------------------------------------ migration: old conversations go on
def test_conversations_of_an_old_store_go_on_after_the_upgrade(tmp_path):
    """A store the version before wrote (ids without a channel) under a server of this one."""
    from rasa.core.tracker_store import SQLTrackerStore as RasasStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    legacy_web = secrets.token_hex(16)
    store = RasasStore(Domain.load(str(ROOT / "domain.yml")), host=f"sqlite:///{tmp_path / 'tracker.db'}")
    for sender, channel in (("888", "telegram"), (legacy_web, "socketio")):
        events = [ActionExecuted("action_listen"),
                  UserUttered("我是退伍军人，在柳州", {"name": "inform", "confidence": 1.0}, input_channel=channel),
                  ActionExecuted("action_respond"), SlotSet("region", "柳州"), SlotSet("groups", ["veteran"]),
                  ActionExecuted("action_listen")]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events, store.domain.slots)))
    store.engine.dispose()

    port = free_port()
    actions = start(action_server_args(port), tmp_path / "actions.log")
    wait_for(f"http://127.0.0.1:{port}/health", actions, tmp_path / "actions.log")
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(
        "runtime.channels.rest.RestInput:\n"
        "runtime.channels.socketio.SocketIOInput:\n  session_persistence: true\n"
        f"  cors_allowed_origins: [{ORIGIN}]\n", encoding="utf-8")
    proc, bot = start_bot(tmp_path, port, extra=["--credentials", str(credentials), "--enable-api",
                                                 "--auth-token", API_TOKEN])
    try:
        api = {"Authorization": f"Bearer {API_TOKEN}"}
        tracker = requests.get(f"{bot.url}/conversations/telegram:888/tracker", headers=api, timeout=30).json()
        assert tracker["slots"]["region"] == "柳州" and tracker["slots"]["groups"] == ["veteran"]
        # the widget that kept its old session id keeps its conversation, now signed
        confirmed, replies = asyncio.run(_widget(bot.url, legacy_web, [{"message": "更多"}]))
        assert confirmed.startswith(legacy_web + ".") and replies
        tracker = requests.get(f"{bot.url}/conversations/web:{legacy_web}/tracker", headers=api, timeout=30).json()
        assert tracker["slots"]["region"] == "柳州" and tracker["latest_message"]["text"] == "更多"
        # an old-looking id the store does not have is not taken: a new session
        other = secrets.token_hex(16)
        confirmed, _ = asyncio.run(_widget(bot.url, other, [{"message": "你好"}]))
        assert not confirmed.startswith(other)
    finally:
        stop(proc)
        stop(actions)
