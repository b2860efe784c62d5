"""Where the servers started by `make run`, `make web` and `make telegram` listen:
loopback unless told otherwise (they listened on 0.0.0.0, REST channel and all)."""
import re
from pathlib import Path

from runtime.__main__ import rasa_arguments

ROOT = Path(__file__).resolve().parents[2]


def test_rasa_shell_listens_on_loopback_unless_told():
    assert rasa_arguments(["shell", "--model", "m.tar.gz"])[-2:] == ["--interface", "127.0.0.1"]
    assert rasa_arguments(["shell", "-i", "0.0.0.0"]) == ["shell", "-i", "0.0.0.0"]
    assert rasa_arguments(["shell", "--interface=10.0.0.1"]) == ["shell", "--interface=10.0.0.1"]
    assert rasa_arguments(["run", "--port", "5005"]) == ["run", "--port", "5005"], "run says where itself"


def default_of(script: str, variable: str) -> str:
    found = re.search(rf"\$\{{{variable}:-([^}}]*)\}}", script)
    return found.group(1) if found else ""


def test_make_web_serves_rasa_and_the_demo_page_on_loopback():
    script = (ROOT / "scripts" / "web.sh").read_text(encoding="utf-8").replace("\\\n", " ")
    rasa = next(line for line in script.splitlines() if "$RASA run" in line)
    assert '--interface "$RASA_INTERFACE"' in rasa and default_of(script, "RASA_INTERFACE") == "127.0.0.1"
    page = next(line for line in script.splitlines() if "http.server" in line)
    assert '--bind "$WEB_INTERFACE"' in page and default_of(script, "WEB_INTERFACE") == "127.0.0.1"


def test_make_telegram_runs_rasa_on_loopback():
    script = (ROOT / "scripts" / "telegram.sh").read_text(encoding="utf-8").replace("\\\n", " ")
    rasa = next(line for line in script.splitlines() if "$RASA run" in line)
    assert '--interface "${RASA_INTERFACE:-127.0.0.1}"' in rasa
