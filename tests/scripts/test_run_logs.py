"""`make run` shows the conversation, not Rasa's logs: scripts/shell.sh sends rasa
shell's stderr (log lines, deprecation warnings) and the action server's output to
files under .run/, names them in one line before the prompt, and shows the end of
Rasa's log when the shell stops with an error."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (ROOT / "scripts" / "shell.sh").read_text(encoding="utf-8")


def test_rasa_shells_stderr_goes_to_the_log_it_names():
    shell = next(line for line in SCRIPT.splitlines() if "$RASA shell" in line)
    assert '2>"$RASA_LOG"' in shell
    assert "RASA_LOG=.run/rasa.log" in SCRIPT
    named = [line for line in SCRIPT.splitlines() if line.startswith("echo") and "$RASA_LOG" in line]
    assert named == ['echo "logs: $RASA_LOG, $ACTIONS_LOG"']


def test_the_action_servers_output_goes_to_its_log():
    server = next(line for line in SCRIPT.splitlines() if "runtime.action_server" in line)
    assert '>"$ACTIONS_LOG" 2>&1 &' in server and "ACTIONS_LOG=.run/actions.log" in SCRIPT


def test_a_failure_shows_the_end_of_the_log():
    assert 'tail -n 20 "$RASA_LOG"' in SCRIPT


def test_the_logs_stay_out_of_git():
    assert ".run/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
