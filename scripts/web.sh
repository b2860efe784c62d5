#!/usr/bin/env bash
# `make web`: the web widget's demo page, with everything behind it.
#   action server  localhost:$ACTIONS_PORT (5055)
#   rasa run       :$RASA_PORT (5005), socket.io channel of credentials.yml
#   demo page      http://localhost:$WEB_PORT/ (8080), static files of runtime/web
# Ctrl-C (or any of the three exiting) stops all of them.
# Other ports: RASA_PORT=5105 WEB_PORT=8180 ACTIONS_PORT=5155 make web
# (the page's origin is then passed to the socket.io channel as its only CORS origin pair).
# Rasa and the demo page listen on loopback; RASA_INTERFACE=0.0.0.0 WEB_INTERFACE=0.0.0.0
# to show them to other machines (then set SERVER_SECRET, docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
RASA=".venv/bin/python -m runtime"   # Rasa's CLI with the project's patches (runtime/patches)
PY=.venv/bin/python
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
RASA_INTERFACE=${RASA_INTERFACE:-127.0.0.1}
WEB_INTERFACE=${WEB_INTERFACE:-127.0.0.1}
MODEL=models/current.tar.gz
ORIGINS="http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT"

test -f "$MODEL" || { echo "no trained model: run make train" >&2; exit 1; }

# socket.io-client from npm, exactly as pinned in runtime/web/package-lock.json
# (again whenever package-lock.json changes: node_modules/.ci-lock is its copy from the last npm ci)
if ! cmp -s runtime/web/package-lock.json runtime/web/node_modules/.ci-lock; then
  command -v npm >/dev/null || { echo "npm (Node.js) is needed to install runtime/web's socket.io-client" >&2; exit 1; }
  (cd runtime/web && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.ci-lock)
fi

TMP=$(mktemp -d -t web.XXXX)
PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "已停止（日志在 $TMP）。"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_up() {  # url pid name log
  for _ in $(seq 1 300); do
    if curl -fsS "$1" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "$3 failed to start:" >&2; tail -n 40 "$4" >&2; exit 1; fi
    sleep 1
  done
  echo "$3 not up after 300 s (log: $4)" >&2; exit 1
}

# The action server of this script (endpoints.yml reads ACTION_ENDPOINT_URL).
export ACTION_ENDPOINT_URL="http://localhost:$ACTIONS_PORT/webhook"
ENDPOINTS=endpoints.yml
# Credentials for other ports (the defaults use the committed file).
CREDENTIALS=credentials.yml
if [ "$WEB_PORT" != 8080 ]; then
  CREDENTIALS=$TMP/credentials.yml
  "$PY" - "$CREDENTIALS" $ORIGINS <<'EOF'
import sys, yaml
creds = yaml.safe_load(open("credentials.yml", encoding="utf-8"))
creds["runtime.channels.socketio.SocketIOInput"]["cors_allowed_origins"] = sys.argv[2:]
yaml.safe_dump(creds, open(sys.argv[1], "w", encoding="utf-8"), allow_unicode=True)
EOF
fi

"$PY" -m runtime.action_server --port "$ACTIONS_PORT" >"$TMP/actions.log" 2>&1 &
PIDS+=($!)
# --cors: Rasa's HTTP API / REST channel for the same page; the socket.io channel
# takes its origins from credentials.yml (cors_allowed_origins).
$RASA run --model "$MODEL" --credentials "$CREDENTIALS" --endpoints "$ENDPOINTS" \
  --port "$RASA_PORT" --interface "$RASA_INTERFACE" --cors $ORIGINS >"$TMP/rasa.log" 2>&1 &
PIDS+=($!)
"$PY" -m http.server "$WEB_PORT" --bind "$WEB_INTERFACE" --directory runtime/web >"$TMP/web.log" 2>&1 &
PIDS+=($!)

echo "正在启动（模型加载可能需要一两分钟）…"
wait_up "http://localhost:$ACTIONS_PORT/health" "${PIDS[0]}" "action server" "$TMP/actions.log"
wait_up "http://localhost:$RASA_PORT/webhooks/socketio/" "${PIDS[1]}" "rasa run" "$TMP/rasa.log"
wait_up "http://localhost:$WEB_PORT/widget.js" "${PIDS[2]}" "static server" "$TMP/web.log"

URL="http://localhost:$WEB_PORT/"
[ "$RASA_PORT" = 5005 ] || URL="${URL}?server=http://localhost:$RASA_PORT"
echo
echo "创业扶持政策助手（网页版）已启动：$URL"
echo "  Rasa: http://localhost:$RASA_PORT  动作服务器: http://localhost:$ACTIONS_PORT  日志: $TMP"
echo "  嵌入其他网站：docs/web-widget.md。按 Ctrl-C 停止。"
wait -n "${PIDS[@]}"
echo "a server exited; stopping the others" >&2
exit 1
