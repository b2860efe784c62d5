"""The actions package (actions/) registers every action the domain lists, and
`rasa run actions` (Rasa's convention) and `python -m runtime.action_server` (the
project's server) register the same ones. Each server's app is built as its
command builds it and asked for its actions list (GET /actions) in-process: no
server is left running."""
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

# The /actions handler of a rasa-sdk app, called without a network.
LIST_ACTIONS = """
import asyncio, json
route = next(r for r in app.router.routes if r.path == "actions")
print(json.dumps(sorted(a["name"] for a in json.loads(asyncio.run(route.handler(None)).body))))
"""
# What `rasa run actions` does: Rasa's own parser and default, then rasa-sdk's app for that package.
RASA_RUN_ACTIONS = """
import argparse
from rasa.cli import run
from rasa_sdk import endpoint
seen = {}
import rasa_sdk.__main__ as sdk
sdk.main_from_args = lambda args: seen.setdefault("package", args.actions)
run.run_actions(argparse.Namespace(actions=None))
app = endpoint.create_app(seen["package"])
""" + LIST_ACTIONS
PROJECT_SERVER = """
from runtime import action_server
app = action_server.create_app("")
""" + LIST_ACTIONS


def registered(code: str, cwd: Path) -> list:
    """The action names an app lists, built in a fresh interpreter started in `cwd`
    without PYTHONPATH (as a person's shell would be)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONWARNINGS"] = "ignore"
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_domain_action_is_registered():
    executor = ActionExecutor()
    executor.register_package("actions")  # raises if an action cannot name itself
    custom = [a for a in DOMAIN["actions"]]
    missing = [a for a in custom if a not in executor.actions]
    assert not missing, missing
    extra = [a for a in executor.actions if a not in custom]
    assert not extra, f"registered but not in domain.yml: {extra}"


def test_rasa_run_actions_and_the_project_server_register_the_same_actions(tmp_path):
    """Started outside the project: `rasa` (a console script) does not put the working
    directory on the path, so the package must come from the installed project
    (pyproject.toml, `make install`), as it does for `rasa run actions` in the project root."""
    expected = sorted(DOMAIN["actions"])
    assert registered(RASA_RUN_ACTIONS, tmp_path) == expected
    assert registered(PROJECT_SERVER, tmp_path) == expected
