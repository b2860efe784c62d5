"""The local cluster's process bookkeeping (localrun/processes.py), on plain `sleep` processes: `kill`
stops exactly what `spawn` recorded, and a SIGKILLed child of ours counts as
gone at once (a zombie keeps its start time until it is reaped; waiting for it
froze bench/load.py's simulated users for the whole 30 s kill timeout)."""
import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cluster(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTER_DIR", str(tmp_path))
    sys.modules.pop("localrun.processes", None)   # re-read CLUSTER_DIR
    module = importlib.import_module("localrun.processes")
    yield module
    for name in list(module.load_state()):
        module.kill(name, signal.SIGKILL, wait=2)
    sys.modules.pop("localrun.processes", None)


def test_sigkill_of_our_own_child_returns_before_the_timeout(cluster):
    pid = cluster.spawn("sleeper", ["sleep", "600"], dict(os.environ))
    assert cluster.alive("sleeper")
    t0 = time.monotonic()
    cluster.kill("sleeper", signal.SIGKILL, wait=30)
    assert time.monotonic() - t0 < 10          # not the 30 s timeout
    assert not cluster.alive("sleeper")
    with pytest.raises(ChildProcessError):     # reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)


def test_kill_leaves_a_process_alone_once_its_pid_names_another(cluster):
    mine = cluster.spawn("sleeper", ["sleep", "600"], dict(os.environ))
    time.sleep(0.1)   # start times count in clock ticks: a reused PID starts later
    other = subprocess.Popen(["sleep", "600"])
    try:
        state = cluster.load_state()
        state["sleeper"]["pid"] = other.pid      # as if the PID had been reused
        cluster.save_state(state)
        cluster.kill("sleeper", signal.SIGKILL, wait=1)
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()
        os.kill(mine, signal.SIGKILL)
        os.waitpid(mine, 0)
