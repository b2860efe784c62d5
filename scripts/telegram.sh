#!/usr/bin/env bash
# `make telegram`: the bot on Telegram. Starts the action server in the
# background and `rasa run` with credentials.telegram.yml in the foreground
# (polling by default: no public URL needed); the action server stops when
# rasa exits. Extra arguments go to `rasa run` (e.g. --port 5006).
# Rasa listens on loopback (polling needs no listener at all); for webhook mode
# behind a proxy on another machine set RASA_INTERFACE=0.0.0.0.
# See docs/telegram.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TELEGRAM_BOT_TOKEN:-}" ]; then
  cat >&2 <<'MSG'
TELEGRAM_BOT_TOKEN is not set.
  1. In Telegram, talk to @BotFather, send /newbot and follow the steps.
  2. export TELEGRAM_BOT_TOKEN='<the token BotFather gave you>'
  3. make telegram
(docs/telegram.md explains polling and webhook mode.)
MSG
  exit 1
fi

MODEL=models/current.tar.gz
if [ ! -f "$MODEL" ]; then
  echo "No trained model at $MODEL: run \`make train\` (or \`make telegram\`, which trains first)." >&2
  exit 1
fi

export RASA_TELEMETRY_ENABLED=${RASA_TELEMETRY_ENABLED:-false}
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
export SQLALCHEMY_SILENCE_UBER_WARNING=${SQLALCHEMY_SILENCE_UBER_WARNING:-1}
export PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}
. scripts/env.sh

RASA=".venv/bin/python -m runtime"   # Rasa's CLI with the project's patches (runtime/patches)
HEALTH=http://localhost:5055/health   # ACTION_ENDPOINT_URL (config/embedded.env) points at localhost:5055

ACTIONS=
cleanup() {
  if [ -n "$ACTIONS" ]; then
    kill "$ACTIONS" 2>/dev/null || true
    wait "$ACTIONS" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if curl -fsS "$HEALTH" >/dev/null 2>&1; then
  echo "An action server already answers on port 5055; using it."
else
  LOG=$(mktemp -t actions.XXXX.log)
  .venv/bin/python -m runtime.action_server --port 5055 >"$LOG" 2>&1 &
  ACTIONS=$!
  for _ in $(seq 1 90); do
    if curl -fsS "$HEALTH" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$ACTIONS" 2>/dev/null; then echo "action server failed to start:" >&2; cat "$LOG" >&2; exit 1; fi
    sleep 1
  done
  curl -fsS "$HEALTH" >/dev/null 2>&1 || { echo "action server not up after 90s (log: $LOG)" >&2; exit 1; }
  echo "动作服务器已启动（日志：$LOG）。"
fi

echo "Starting Rasa with the Telegram channel (Ctrl-C stops both servers)..."
$RASA run --credentials credentials.telegram.yml --endpoints endpoints.yml --model "$MODEL" \
  --interface "${RASA_INTERFACE:-127.0.0.1}" "$@"
