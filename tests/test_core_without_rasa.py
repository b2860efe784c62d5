"""The core's tests run with Rasa unimportable (`python -m tests.run_without_rasa`; `make
unit` runs tests/bot and tests/drafting that way): here, that the runner really blocks it."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_probe.py").write_text(body)
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    command = [sys.executable, "-m", "tests.run_without_rasa", "-q", "-p", "no:cacheprovider", str(tmp_path)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_test_that_imports_rasa_fails_under_the_runner(tmp_path):
    done = run(tmp_path, "def test_probe():\n    import rasa_sdk\n")
    assert done.returncode != 0
    assert "blocked: the core runs without it" in done.stdout


def test_a_test_of_the_core_passes_under_the_runner(tmp_path):
    done = run(tmp_path, "def test_probe():\n    from bot.rules import default_kb\n    assert default_kb().measures\n")
    assert done.returncode == 0, done.stdout[-2000:]


def test_make_unit_runs_the_core_tests_under_the_runner():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m tests.run_without_rasa -q tests/bot tests/drafting" in makefile
    assert "--ignore=tests/bot --ignore=tests/drafting" in makefile
