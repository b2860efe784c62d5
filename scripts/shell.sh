#!/usr/bin/env bash
# `make run`: the action server in the background, `rasa shell` in the
# foreground; the action server stops when the shell exits. The terminal shows
# only the conversation: Rasa's log lines and warnings (its stderr) and the
# action server's go to the log files named in one line before the prompt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
RASA=".venv/bin/python -m runtime"   # Rasa's CLI with the project's patches (runtime/patches)
mkdir -p .run
ACTIONS_LOG=.run/actions.log
RASA_LOG=.run/rasa.log
.venv/bin/python -m runtime.action_server --port 5055 >"$ACTIONS_LOG" 2>&1 &
ACTIONS=$!
trap 'kill $ACTIONS 2>/dev/null || true; wait $ACTIONS 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  if curl -fsS http://localhost:5055/health >/dev/null 2>&1; then break; fi
  if ! kill -0 $ACTIONS 2>/dev/null; then echo "action server failed to start:"; cat "$ACTIONS_LOG"; exit 1; fi
  sleep 1
done
echo "logs: $RASA_LOG, $ACTIONS_LOG"
echo "输入 /stop 退出。可以先说：我是退役军人，在柳州，想贷款"
status=0
$RASA shell --model models/current.tar.gz --endpoints endpoints.yml "$@" 2>"$RASA_LOG" || status=$?
[ "$status" -eq 0 ] || { echo "rasa shell stopped ($status); the end of $RASA_LOG:" >&2; tail -n 20 "$RASA_LOG" >&2; }
exit "$status"
