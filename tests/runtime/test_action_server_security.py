"""runtime.action_server: only callers with the shared token run actions; it will
not listen beyond loopback without one."""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-5f2a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_server(*args, token=""):
    env = dict(os.environ, ACTION_SERVER_TOKEN=token, PYTHONWARNINGS="ignore")
    env.pop("ACTION_SERVER_HOST", None)
    return subprocess.Popen([sys.executable, "-m", "runtime.action_server", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def server():
    port = free_port()
    proc = run_server("--port", str(port), token=TOKEN)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if requests.get(f"{url}/health", timeout=1).ok:
                break
        except requests.RequestException:
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read())
            time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_health_is_open_for_load_balancers(server):
    assert requests.get(f"{server}/health", timeout=5).json() == {"status": "ok"}


@pytest.mark.parametrize("headers", [{}, {"X-Action-Token": "wrong"}, {"X-Action-Token": ""}])
def test_calls_without_the_token_are_refused(server, headers):
    assert requests.get(f"{server}/actions", headers=headers, timeout=5).status_code == 403
    call = {"next_action": "action_respond", "sender_id": "x", "tracker": {}, "domain": {}}
    r = requests.post(f"{server}/webhook", json=call, headers=headers, timeout=5)
    assert r.status_code == 403 and "action_respond" not in r.text


def test_calls_with_the_token_run_actions(server):
    r = requests.get(f"{server}/actions", headers={"X-Action-Token": TOKEN}, timeout=5)
    assert r.status_code == 200
    assert {"name": "action_respond"} in r.json()


def test_only_loopback_by_default(server):
    port = int(server.rsplit(":", 1)[1])
    try:
        out = subprocess.run(["ip", "-4", "-o", "addr", "show"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        out = ""
    outside = sorted(line.split()[3].split("/")[0] for line in out.splitlines()
                     if " inet " in line and " 127." not in line)
    if not outside:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    with pytest.raises(OSError):
        socket.create_connection((outside[0], port), timeout=2).close()


def test_refuses_a_public_bind_without_token():
    proc = run_server("--host", "0.0.0.0", "--port", str(free_port()))
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "refusing to listen on 0.0.0.0 without ACTION_SERVER_TOKEN" in out
