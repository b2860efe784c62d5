"""Real servers on free loopback ports, for tests, benches and scripts: `rasa run`
(through the launcher `python -m runtime`, which installs runtime.patches first) with the committed endpoints.yml and credentials.yml and a trained model
(make train), and our action server (runtime.action_server). Endpoints come from
the environment exactly as in production: config/embedded.env's defaults, with
the tracker store in a temporary directory and the chosen action port.

The servers started here get their own REST_CHANNEL_TOKEN and SERVER_SECRET
(random, for this process and its children); `Bot` sends the token, so its
callers never handle it. A Bot's conversations are `rest:<sender>` in the store
(`Bot.conversation_id`)."""
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from localrun import envfile

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "current.tar.gz"
RASA_CLI = [sys.executable, "-m", "runtime"]   # `rasa` with the project's patches installed
RASA = str(Path(sys.executable).parent / "rasa")  # Rasa's own CLI: training, and the bare baseline

ENV = envfile.with_defaults(dict(
    os.environ, RASA_TELEMETRY_ENABLED="false",
    TF_CPP_MIN_LOG_LEVEL="2", PYTHONWARNINGS="ignore", SQLALCHEMY_SILENCE_UBER_WARNING="1",
    # the servers started here share one summary directory, outside the project
    SUMMARY_DIR=os.environ.get("SUMMARY_DIR") or tempfile.mkdtemp(prefix="summaries-"),
    # the trusted REST channel's token (Bot sends it) and the servers' shared secret
    REST_CHANNEL_TOKEN=os.environ.get("REST_CHANNEL_TOKEN") or secrets.token_hex(16),
    SERVER_SECRET=os.environ.get("SERVER_SECRET") or secrets.token_hex(32)))
REST_TOKEN = ENV["REST_CHANNEL_TOKEN"]
# this process computes the same conversation ids as its servers (Bot.conversation_id)
os.environ.setdefault("SERVER_SECRET", ENV["SERVER_SECRET"])


def endpoint_env(tmp: Path, action_port: int, **extra: str) -> dict:
    """Environment for `rasa run`: SQLite tracker store in `tmp`, our action port."""
    return dict(ENV, TRACKER_STORE_URL=f"sqlite:///{tmp / 'tracker.db'}",
                ACTION_ENDPOINT_URL=f"http://127.0.0.1:{action_port}/webhook", **extra)


def action_server_args(port: int) -> list:
    return [sys.executable, "-m", "runtime.action_server", "--port", str(port)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 240, poll: float = 1) -> None:
    """Until `url` answers; `poll` short where the start time itself is measured."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(poll)
    raise TimeoutError(f"{url} not up after {timeout}s:\n{log.read_text()[-3000:]}")


def start(args, log: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=ROOT, env=env or ENV, stdout=log.open("w"), stderr=subprocess.STDOUT)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def rest_headers(token: str = "") -> dict:
    """What a trusted REST caller sends (runtime/channels/rest.py)."""
    return {"Authorization": f"Bearer {token or REST_TOKEN}"}


class Bot:
    """A trusted caller of a server's REST channel (the token of the servers started here)."""

    def __init__(self, url: str, token: str = ""):
        self.url, self.token = url, token or REST_TOKEN

    def post(self, body, **kw) -> requests.Response:
        """One raw request to the REST channel, with the token."""
        return requests.post(f"{self.url}/webhooks/rest/webhook", json=body,
                             headers=rest_headers(self.token), timeout=kw.pop("timeout", 60), **kw)

    def say(self, sender: str, text: str, **metadata) -> list[dict]:
        body = {"sender": sender, "message": text, **({"metadata": metadata} if metadata else {})}
        r = self.post(body)
        assert r.status_code == 200, r.text
        return r.json()

    @staticmethod
    def conversation_id(sender: str) -> str:
        """The tracker store's id of `sender`'s conversation (runtime/identity.py)."""
        from runtime import identity

        return identity.bind("rest", sender)


def start_bot(tmp: Path, action_port: int, extra=(), env: dict | None = None) -> tuple[subprocess.Popen, Bot]:
    """`rasa run` on a free port (`extra`: more arguments; `env`: more environment variables)."""
    assert MODEL.is_file(), "no trained model: run `make train` first"
    port = free_port()
    log = tmp / f"rasa-{port}.log"
    proc = start([*RASA_CLI, "run", "--model", str(MODEL), "--endpoints", str(ROOT / "endpoints.yml"),
                  "--port", str(port), "--interface", "127.0.0.1",
                  "--credentials", str(ROOT / "credentials.yml"), *extra], log,
                 env=endpoint_env(tmp, action_port, **(env or {})))
    wait_for(f"http://127.0.0.1:{port}/", proc, log)
    return proc, Bot(f"http://127.0.0.1:{port}")


