"""The web widget's socket.io channel (runtime/channels/socketio.py) over real
sockets: a small Sanic server with the channel and an echo bot in a subprocess,
python-socketio's client on the other end.

- session persistence: replies reach the socket that sent `session_request`,
  and a new socket with the same session token (a page reload) gets them too;
- sessions are the server's: a token it did not sign gets a new session, and a
  socket's messages go to its own session whatever `session_id` they name;
- the same with python-socketio >= 5.10's coroutine `enter_room` (simulated
  by wrapping 5.9's), where Rasa 3.6.21's own channel stays silent — the bug
  our channel fixes (RasaHQ/rasa#13027);
- CORS: only the configured origins may connect (Rasa's accepts any);
- the pin python-socketio<5.10 of requirements/ is what is installed.
"""
import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from importlib.metadata import version
from pathlib import Path

import pytest
import requests
import socketio
import websockets

from runtime import identity
from runtime.channels.socketio import SocketIOInput

ROOT = Path(__file__).resolve().parents[3]
ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false",
           TF_CPP_MIN_LOG_LEVEL="2", PYTHONWARNINGS="ignore", SERVER_SECRET="socketio-test-" + "s" * 20,
           CLIENT_LIMIT_PER_MINUTE="1000")
TOKEN = re.compile(r"[A-Za-z0-9_-]{22}\.[0-9a-f]{32}")
ALLOWED = "http://allowed.example:8080"

SERVER = textwrap.dedent('''
    import inspect, sys
    import socketio
    from sanic import Sanic
    from rasa.core.channels.channel import register

    which, port, coroutine_enter_room = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
    if coroutine_enter_room and not inspect.iscoroutinefunction(socketio.AsyncServer.enter_room):
        plain = socketio.AsyncServer.enter_room

        async def enter_room(self, *args, **kwargs):  # python-socketio >= 5.10
            return plain(self, *args, **kwargs)
        socketio.AsyncServer.enter_room = enter_room

    if which == "ours":
        from runtime.channels.socketio import SocketIOInput
        channel = SocketIOInput(session_persistence=True, cors_allowed_origins=[sys.argv[4]])
    else:
        from runtime.patches import sanic_websockets  # WebSockets on Python 3.11 (not the channel fixes)
        sanic_websockets.install()
        from rasa.core.channels.socketio import SocketIOInput
        channel = SocketIOInput(session_persistence=True)

    async def echo(message):
        await message.output_channel.send_text_with_buttons(
            message.sender_id, "收到：" + message.text, [{"title": "是", "payload": message.sender_id}])

    class EchoAgent:
        handle_message = staticmethod(echo)

    app = Sanic("socketio_channel_test")
    app.ctx.agent = EchoAgent()
    if which == "ours":  # as `rasa run --cors ORIGIN` does
        from rasa.server import configure_cors
        configure_cors(app, sys.argv[4])
    register([channel], app, route="/webhooks/")
    app.run(host="127.0.0.1", port=port, access_log=False)
''')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_server(tmp_path_factory, which: str, coroutine_enter_room: bool):
    tmp = tmp_path_factory.mktemp(f"sio-{which}")
    script = tmp / "server.py"
    script.write_text(SERVER, encoding="utf-8")
    port = free_port()
    log = tmp / "server.log"
    proc = subprocess.Popen([sys.executable, str(script), which, str(port),
                             "1" if coroutine_enter_room else "0", ALLOWED],
                            cwd=ROOT, env=ENV, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        assert proc.poll() is None, log.read_text()[-3000:]
        try:
            if requests.get(f"{url}/webhooks/socketio/", timeout=2).ok:
                return proc, url
        except requests.RequestException:
            assert time.time() < deadline, log.read_text()[-3000:]
        time.sleep(0.3)


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def ours(tmp_path_factory):
    proc, url = run_server(tmp_path_factory, "ours", False)
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def ours_510(tmp_path_factory):
    proc, url = run_server(tmp_path_factory, "ours", True)
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def rasas_510(tmp_path_factory):
    proc, url = run_server(tmp_path_factory, "rasa", True)
    yield url
    stop(proc)


async def _talk_polling(url, session_id, text, origin, wait, claimed=None):
    client = socketio.AsyncClient(reconnection=False)
    confirmed: asyncio.Queue = asyncio.Queue()
    replies: list = []
    client.on("session_confirm", confirmed.put_nowait)
    client.on("bot_uttered", replies.append)
    await client.connect(url, headers={"Origin": origin}, transports=["polling"],
                         socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": session_id})
        session = await asyncio.wait_for(confirmed.get(), 10)
        await client.emit("user_uttered", {"message": text, "session_id": claimed or session})
        deadline = time.monotonic() + wait
        while not replies and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.2)
        return session, replies
    finally:
        await client.disconnect()


async def _talk_websocket(url, session_id, text, origin, wait, claimed=None):
    """Socket.IO v5 over a bare WebSocket (python-engineio 4.15's client needs aiohttp>=3.10)."""
    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(ws_url, origin=origin) as ws:

        async def event(timeout):
            """The next Socket.IO event as [name, *args], or None after `timeout` seconds."""
            until = time.monotonic() + timeout
            while (left := until - time.monotonic()) > 0:
                try:
                    packet = await asyncio.wait_for(ws.recv(), left)
                except asyncio.TimeoutError:
                    break
                if packet == "2":                  # engine.io ping
                    await ws.send("3")
                elif packet.startswith("40"):      # socket.io connect
                    return ["connect"]
                elif packet.startswith("42"):      # socket.io event
                    return json.loads(packet[2:])
            return None

        assert (await ws.recv()).startswith("0")   # engine.io open
        await ws.send("40")
        assert await event(10) == ["connect"]
        await ws.send("42" + json.dumps(["session_request", {"session_id": session_id}]))
        name, session = await event(10)
        assert name == "session_confirm"
        await ws.send("42" + json.dumps(["user_uttered", {"message": text, "session_id": claimed or session}]))
        replies, timeout = [], wait
        while (got := await event(timeout)) is not None:
            if got[0] == "bot_uttered":
                replies.append(got[1])
                timeout = 0.3
        return session, replies


class Rejected(Exception):
    pass


def talk(url, session_id, text, origin=ALLOWED, transport="websocket", wait=10.0, claimed=None):
    """Connect, request the session, say `text` (naming session `claimed` in the
    message, else the confirmed one); return (confirmed session, replies)."""
    run = _talk_websocket if transport == "websocket" else _talk_polling
    try:
        return asyncio.run(run(url, session_id, text, origin, wait, claimed))
    except (websockets.exceptions.InvalidStatusCode, socketio.exceptions.ConnectionError) as exc:
        raise Rejected(str(exc)) from exc


def test_pin_is_installed():
    """requirements/ pins python-socketio<5.10 for Rasa 3.6.21; our channel works
    either way (tests below), Rasa's own `socketio:` channel only with the pin."""
    installed = version("python-socketio")
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    pinned = re.search(r"^python-socketio==(\S+)$", lock, re.M).group(1)
    assert installed == pinned, f"python-socketio {installed} installed, lock.txt pins {pinned}"
    assert tuple(int(p) for p in installed.split(".")[:2]) < (5, 10)


def conversation_of(replies) -> str:
    """The conversation the echo bot saw (it puts the sender id in the button)."""
    return replies[0]["quick_replies"][0]["payload"]


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_round_trip_with_session_persistence(ours, transport):
    session, replies = talk(ours, None, "你好", transport=transport)
    assert TOKEN.fullmatch(session), session
    assert replies == [{"text": "收到：你好", "quick_replies": [
        {"content_type": "text", "title": "是", "payload": "web:" + session.split(".")[0]}]}]
    # a page reload: a new socket with the same session token gets the replies
    again, replies = talk(ours, session, "<b>再来</b>", transport=transport)
    assert again == session and replies[0]["text"] == "收到：<b>再来</b>"
    assert conversation_of(replies) == "web:" + session.split(".")[0]


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_socket_talks_only_to_its_own_session(ours, transport):
    victim, replies = talk(ours, None, "我在柳州", transport=transport)
    victims = conversation_of(replies)
    # the attacker names the victim's session (token or conversation id) in its messages
    for claimed in (victim, victims, victim.split(".")[0]):
        mine, replies = talk(ours, None, "偷看", transport=transport, claimed=claimed)
        assert mine != victim and conversation_of(replies) == "web:" + mine.split(".")[0] != victims


@pytest.mark.parametrize("forged", [
    "../../etc/passwd", uuid.uuid4().hex, "web:abc", "123456789",            # never issued
    "A" * 22 + "." + "0" * 32,                                               # a signature that is wrong
    identity.web_token("B" * 22)[0],                                         # signed with another secret
])
def test_a_session_the_server_did_not_sign_gets_a_new_one(ours, forged):
    session, replies = talk(ours, forged, "你好")
    assert session != forged and TOKEN.fullmatch(session)
    assert conversation_of(replies) == "web:" + session.split(".")[0]


def test_a_message_before_any_session_request_gets_its_own_session(ours):
    async def run():
        client = socketio.AsyncClient(reconnection=False)
        replies, confirmed = [], []
        client.on("bot_uttered", replies.append)
        client.on("session_confirm", confirmed.append)
        await client.connect(ours, headers={"Origin": ALLOWED}, transports=["polling"])
        try:
            await client.emit("user_uttered", {"message": "你好", "session_id": "someone-else"})
            deadline = time.monotonic() + 10
            while not replies and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
        finally:
            await client.disconnect()
        return confirmed, replies
    confirmed, replies = asyncio.run(run())
    assert len(confirmed) == 1 and conversation_of(replies) == "web:" + confirmed[0].split(".")[0]


def test_round_trip_with_python_socketio_510(ours_510, rasas_510):
    assert talk(ours_510, None, "你好")[1][0]["text"] == "收到：你好"
    # Rasa 3.6.21's channel never enters the room: the person hears nothing
    assert talk(rasas_510, uuid.uuid4().hex, "你好", wait=2)[1] == []


def test_only_configured_origins_may_connect(ours, rasas_510):
    for transport in ("websocket", "polling"):
        with pytest.raises(Rejected):
            talk(ours, uuid.uuid4().hex, "你好", origin="http://evil.example", transport=transport)
    # Rasa's channel (cors_allowed_origins=[]) lets any web site open a socket
    assert talk(rasas_510, uuid.uuid4().hex, "你好", origin="http://evil.example", wait=0.5)[0]

    poll = f"{ours}/socket.io/?EIO=4&transport=polling"
    ok = requests.get(poll, headers={"Origin": ALLOWED}, timeout=10)
    # one header, even with `rasa run --cors` (Sanic-CORS) on the same app
    assert ok.status_code == 200 and ok.headers["Access-Control-Allow-Origin"] == ALLOWED
    bad = requests.get(poll, headers={"Origin": "http://evil.example"}, timeout=10)
    assert bad.status_code == 400 and "Access-Control-Allow-Origin" not in bad.headers


def test_credentials():
    channel = SocketIOInput.from_credentials({"session_persistence": True})
    assert channel.cors_allowed_origins == ["http://localhost:8080", "http://127.0.0.1:8080"]
    assert SocketIOInput.from_credentials({"cors_allowed_origins": "https://a.example/"}) \
        .cors_allowed_origins == ["https://a.example"]
    assert SocketIOInput.from_credentials({"cors_allowed_origins": "*"}).cors_allowed_origins == "*"
    with pytest.raises(ValueError):
        SocketIOInput.from_credentials({"cors_allowed_origins": []})
    # credentials.yml names our channel, with the demo page's origins
    import yaml
    creds = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert "socketio" not in creds and "rest" not in creds and "runtime.channels.rest.RestInput" in creds
    web = creds["runtime.channels.socketio.SocketIOInput"]
    assert web["session_persistence"] is True
    assert "http://localhost:8080" in web["cors_allowed_origins"]
