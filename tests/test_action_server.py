"""The action server registers every action the domain lists, and nothing it cannot name."""
from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text(encoding="utf-8"))


def test_every_domain_action_is_registered():
    executor = ActionExecutor()
    executor.register_package("runtime.actions")  # raises if an action cannot name itself
    custom = [a for a in DOMAIN["actions"]]
    missing = [a for a in custom if a not in executor.actions]
    assert not missing, missing
    extra = [a for a in executor.actions if a not in custom]
    assert not extra, f"registered but not in domain.yml: {extra}"
