"""`rasa run actions`, the command every Rasa user types first, works in the project
root as it is: Rasa's own CLI, without the project's launcher or patches, finds the
`actions` package and serves the actions the domain lists (the project's server,
runtime.action_server, serves the same: tests/actions/test_registration.py)."""
from pathlib import Path

import requests
import yaml

from localrun.servers import RASA, ROOT, free_port, start, stop, wait_for


def test_rasa_run_actions_serves_the_domains_actions(tmp_path: Path):
    port = free_port()
    log = tmp_path / "actions.log"
    proc = start([RASA, "run", "actions", "--port", str(port)], log)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", proc, log)
        listed = requests.get(f"http://127.0.0.1:{port}/actions", timeout=10).json()
    finally:
        stop(proc)
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert sorted(a["name"] for a in listed) == sorted(domain["actions"])
