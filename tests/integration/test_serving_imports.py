"""The serving processes, started as in production (`python -m runtime run` with
credentials.yml and endpoints.yml, and our action server), through a whole
conversation, import nothing the patches keep out: TensorFlow, matplotlib and
the client libraries of channels we do not serve (runtime/patches/
training_on_demand.py, channels_on_demand.py). Read from each process's own
import log (Python's PYTHONPROFILEIMPORTTIME, written to the server's log)."""
import re

from runtime.patches import channels_on_demand, training_on_demand

from localrun.servers import ENV, action_server_args, free_port, start, start_bot, stop, wait_for

KEPT_OUT = training_on_demand.KEPT_OUT + channels_on_demand.KEPT_OUT
IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$", re.M)


def imported(log) -> set[str]:
    names = set(IMPORT_LINE.findall(log.read_text(errors="replace")))
    assert "rasa" in names or "rasa_sdk" in names, "no import log: PYTHONPROFILEIMPORTTIME not honoured"
    return {name.split(".")[0] for name in names}


def test_a_served_conversation_imports_no_tensorflow_plots_or_unused_channels(tmp_path):
    logged = {"PYTHONPROFILEIMPORTTIME": "1"}
    port = free_port()
    actions_log = tmp_path / "actions.log"
    actions = start(action_server_args(port), actions_log, env=dict(ENV, **logged))
    server = None
    try:
        wait_for(f"http://127.0.0.1:{port}/health", actions, actions_log)
        server, bot = start_bot(tmp_path, port, env=logged)
        for text in ("你好", "我是退伍军人，在柳州，想贷款开个汽修店", "第1条详细说说", "更多", "哪个部门负责",
                     "我是女的", "重新开始"):
            assert bot.say("imports", text), text
    finally:
        if server is not None:
            stop(server)
        stop(actions)
    rasa_log = next(tmp_path.glob("rasa-*.log"))
    for log in (rasa_log, actions_log):
        found = imported(log)
        assert not found & set(KEPT_OUT), f"{log.name} imported {sorted(found & set(KEPT_OUT))}"
    assert "sklearn_crfsuite" in imported(rasa_log), "the server did load its CRF model"
