"""The local cluster's processes (localrun/cluster.py): each started one recorded in
.cluster/state.json (CLUSTER_DIR) with its start time, so `kill` stops exactly that
process and never one that later got its PID; a child of ours that exited is reaped."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
DIR = Path(os.environ.get("CLUSTER_DIR", ROOT / ".cluster"))
STATE = DIR / "state.json"


def _started(pid: int) -> str | None:
    """The process's start time (identifies it across PID reuse); None once it has exited.
    A child of ours that exited stays a zombie, with the same start time, until
    reaped: reap it here, or `kill` would wait its whole timeout for a dead process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    if fields[0] == "Z":
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:   # not our child: its parent reaps it
            pass
        return None
    return fields[19]


def load_state() -> dict:
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def save_state(state: dict) -> None:
    DIR.mkdir(parents=True, exist_ok=True)
    STATE.write_text(json.dumps(state, indent=1))


def alive(name: str) -> bool:
    entry = load_state().get(name)
    return bool(entry) and _started(entry["pid"]) == entry["started"]


def spawn(name: str, cmd: list, environment: dict) -> int:
    log = DIR / "logs" / f"{name}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=environment, stdout=log.open("a"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    state = load_state()
    state[name] = {"pid": proc.pid, "started": _started(proc.pid), "cmd": cmd[:4]}
    save_state(state)
    return proc.pid


def record(name: str, pid: int, cmd: list) -> None:
    """Record a process that started itself (nginx daemonizes) as if `spawn` had started it."""
    state = load_state()
    state[name] = {"pid": pid, "started": _started(pid), "cmd": cmd[:4]}
    save_state(state)


def kill(name: str, sig: int = signal.SIGTERM, wait: float = 30) -> None:
    """Stop a process `start` recorded, only if it is still that very process."""
    state = load_state()
    entry = state.pop(name, None)
    save_state(state)
    if not entry or _started(entry["pid"]) != entry["started"]:
        return
    os.kill(entry["pid"], sig)
    deadline = time.time() + wait
    while time.time() < deadline and _started(entry["pid"]) == entry["started"]:
        time.sleep(0.2)
    if _started(entry["pid"]) == entry["started"]:
        os.kill(entry["pid"], signal.SIGKILL)


def wait_http(url: str, name: str, timeout: float = 400) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        if name and not alive(name):
            tail = (DIR / "logs" / f"{name}.log").read_text(errors="replace")[-3000:]
            raise SystemExit(f"{name} exited while starting:\n{tail}")
        time.sleep(1)
    raise SystemExit(f"{name or url} not up after {timeout:.0f} s (logs in {DIR / 'logs'})")
