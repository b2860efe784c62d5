#!/usr/bin/env bash
# `make run`: the action server in the background, `rasa shell` in the
# foreground; the action server stops when the shell exits.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
RASA=.venv/bin/rasa
LOG=$(mktemp -t actions.XXXX.log)
.venv/bin/python -m runtime.action_server --port 5055 >"$LOG" 2>&1 &
ACTIONS=$!
trap 'kill $ACTIONS 2>/dev/null || true; wait $ACTIONS 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  if curl -fsS http://localhost:5055/health >/dev/null 2>&1; then break; fi
  if ! kill -0 $ACTIONS 2>/dev/null; then echo "action server failed to start:"; cat "$LOG"; exit 1; fi
  sleep 1
done
echo "动作服务器已启动（日志：$LOG）。输入 /stop 退出。可以先说：我是退役军人，在柳州，想贷款"
$RASA shell --model models/current.tar.gz --endpoints endpoints.yml "$@"
