"""The production topology on loopback, from Debian's packages (make cluster).

    python -m localrun.cluster start [--model PATH] [--no-rasa]
    python -m localrun.cluster stop       # stops exactly what `start` started
    python -m localrun.cluster status

    nginx :8000  ──round-robin──▶ rasa-1 :5101, rasa-2 :5102   (socket.io: ip_hash)
    nginx :8055  ──round-robin──▶ actions-1 :5151, actions-2 :5152
    rasa-*  ──▶ PostgreSQL :5433 (tracker store) and Redis :6380 (lock store, rate limit)

Everything lives in .cluster/ (data, logs, state.json with the PIDs, and
secrets.env with the tokens and passwords generated at the first start).
The same endpoints.yml as the embedded set-up; only environment variables differ
(`env()` below, documented in docs/production.md).
bench/load.py and tests/integration/test_cluster.py import this module.
"""
from __future__ import annotations

import argparse
import glob
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from localrun import envfile
from localrun.processes import DIR, alive, kill, load_state, record, spawn, wait_http

ROOT = Path(__file__).resolve().parents[1]

SECRETS = DIR / "secrets.env"
MODEL = ROOT / "models" / "current.tar.gz"
RASA = str(Path(sys.executable).parent / "rasa")       # bare Rasa: only for the moodbot baseline
LAUNCHER = [sys.executable, "-m", "runtime"]           # Rasa's CLI with runtime.patches installed
TEMPLATE = ROOT / "deploy" / "nginx" / "bot.conf.template"

PORTS = {
    "nginx": int(os.environ.get("CLUSTER_PORT", 8000)),
    "nginx_actions": int(os.environ.get("CLUSTER_ACTIONS_PORT", 8055)),
    "rasa": [5101, 5102],
    "actions": [5151, 5152],
    "postgres": 5433,
    "redis": 6380,
}
URL = f"http://127.0.0.1:{PORTS['nginx']}"
DATABASES = ("rasa", "moodbot")
LOCK_LIFETIME = 60   # s a ticket lasts at most, even on a live replica (Rasa's default)
HEARTBEAT_TTL = 1.5  # s a killed replica's conversations wait for its heartbeat to expire


# ---------------------------------------------------------------- configuration
SECRET_NAMES = ("RASA_AUTH_TOKEN", "ACTION_SERVER_TOKEN", "REDIS_PASSWORD", "POSTGRES_PASSWORD",
                "REST_CHANNEL_TOKEN", "SERVER_SECRET")


def secrets_env() -> dict:
    """Tokens and passwords of this cluster, generated once (or taken from the environment);
    a secrets.env from an older version gets the names it lacks."""
    DIR.mkdir(parents=True, exist_ok=True)
    have = envfile.read(SECRETS) if SECRETS.exists() else {}
    missing = [n for n in SECRET_NAMES if n not in have]
    if missing:
        with SECRETS.open("a") as f:
            f.write("".join(f"{n}={os.environ.get(n) or secrets.token_hex(16)}\n" for n in missing))
        SECRETS.chmod(0o600)
    return envfile.read(SECRETS)


def env(database: str = "rasa") -> dict:
    """Environment of a Rasa replica or action server in the cluster."""
    s = secrets_env()
    return envfile.with_defaults(dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONWARNINGS="ignore", SQLALCHEMY_SILENCE_UBER_WARNING="1",
        TRACKER_STORE_URL=f"postgresql://rasa:{s['POSTGRES_PASSWORD']}@127.0.0.1:{PORTS['postgres']}/{database}",
        POSTGRESQL_POOL_SIZE="10", POSTGRESQL_MAX_OVERFLOW="20",
        LOCK_STORE_TYPE="runtime.lock_store.RedisLockStore", REDIS_HOST="127.0.0.1", REDIS_PORT=str(PORTS["redis"]),
        REDIS_DB="1" if database == "rasa" else "2", REDIS_PASSWORD=s["REDIS_PASSWORD"],
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{PORTS['nginx_actions']}/webhook",
        ACTION_SERVER_TOKEN=s["ACTION_SERVER_TOKEN"], ACTION_SERVER_HOST="127.0.0.1",
        RASA_AUTH_TOKEN=s["RASA_AUTH_TOKEN"], TICKET_LOCK_LIFETIME=str(LOCK_LIFETIME),
        LOCK_HEARTBEAT_TTL=str(HEARTBEAT_TTL),
        REST_CHANNEL_TOKEN=s["REST_CHANNEL_TOKEN"], SERVER_SECRET=s["SERVER_SECRET"],
        # behind nginx: the client's address is the one nginx appends to X-Forwarded-For
        SANIC_PROXIES_COUNT="1",
    ))


def api_headers() -> dict:
    """Rasa's HTTP API token, as the api_auth patch wants it (never in the URL)."""
    return {"Authorization": f"Bearer {secrets_env()['RASA_AUTH_TOKEN']}"}


def rest_headers() -> dict:
    """The trusted REST channel's token (runtime/channels/rest.py)."""
    return {"Authorization": f"Bearer {secrets_env()['REST_CHANNEL_TOKEN']}"}


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if not path:
        raise SystemExit(f"{name} not found: run `make cluster-deps` (Debian package postgresql)")
    return path


def need(program: str, package: str) -> str:
    path = shutil.which(program) or (f"/usr/sbin/{program}" if Path(f"/usr/sbin/{program}").exists() else None)
    if not path:
        raise SystemExit(f"{program} not found: run `make cluster-deps` (Debian package {package})")
    return path


def as_postgres(cmd: list) -> list:
    """PostgreSQL refuses to run as root: run its programs as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


# ---------------------------------------------------------------- services
def start_postgres() -> None:
    data, s = DIR / "pg" / "data", secrets_env()
    if not (data / "PG_VERSION").exists():
        (DIR / "pg").mkdir(parents=True, exist_ok=True)
        pwfile = DIR / "pg" / "pw"
        pwfile.write_text(s["POSTGRES_PASSWORD"] + "\n")
        if os.geteuid() == 0:
            shutil.chown(DIR / "pg", "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        subprocess.run(as_postgres([pg_bin("initdb"), "-D", str(data), "-U", "rasa", "--auth=scram-sha-256",
                                    f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, stdout=subprocess.DEVNULL)
        pwfile.unlink()
    if not pg_running():
        pg_ctl("start")
    for db in DATABASES:
        exists = psql(f"SELECT 1 FROM pg_database WHERE datname='{db}'", "postgres")
        if exists.strip() != "1":
            psql(f"CREATE DATABASE {db}", "postgres")


def pg_ctl(action: str) -> None:
    data = DIR / "pg" / "data"
    opts = f"-p {PORTS['postgres']} -c listen_addresses=127.0.0.1 -k {DIR / 'pg'} -c max_connections=200"
    cmd = [pg_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(DIR / "pg" / "postgres.log")]
    if action in ("start", "restart"):
        cmd += ["-o", opts]
    if action in ("stop", "restart"):
        cmd += ["-m", "fast"]
    subprocess.run(as_postgres([*cmd, action]), check=True, stdout=subprocess.DEVNULL)


def pg_running() -> bool:
    data = DIR / "pg" / "data"
    return data.exists() and subprocess.run(as_postgres([pg_bin("pg_ctl"), "-D", str(data), "status"]),
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def psql(sql: str, database: str = "rasa") -> str:
    out = subprocess.run([pg_bin("psql"), "-h", "127.0.0.1", "-p", str(PORTS["postgres"]), "-U", "rasa",
                          "-d", database, "-tAc", sql], capture_output=True, text=True,
                         env=dict(os.environ, PGPASSWORD=secrets_env()["POSTGRES_PASSWORD"]))
    if out.returncode:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}")
    return out.stdout


def start_redis() -> None:
    (DIR / "redis").mkdir(parents=True, exist_ok=True)
    spawn("redis", [need("redis-server", "redis-server"), "--port", str(PORTS["redis"]), "--bind", "127.0.0.1",
                    "--requirepass", secrets_env()["REDIS_PASSWORD"], "--save", "", "--appendonly", "no",
                    "--dir", str(DIR / "redis")], dict(os.environ))
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            import socket
            socket.create_connection(("127.0.0.1", PORTS["redis"]), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("redis-server did not start (see .cluster/logs/redis.log)")


def nginx_conf() -> Path:
    conf_dir = DIR / "nginx"
    for sub in ("logs", "temp"):
        (conf_dir / sub).mkdir(parents=True, exist_ok=True)
    values = {
        "NGINX_LISTEN": f"127.0.0.1:{PORTS['nginx']}",
        "NGINX_ACTIONS_LISTEN": f"127.0.0.1:{PORTS['nginx_actions']}",
        "RASA_SERVERS": " ".join(f"server 127.0.0.1:{p};" for p in PORTS["rasa"]),
        "ACTIONS_SERVERS": " ".join(f"server 127.0.0.1:{p};" for p in PORTS["actions"]),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("${" + key + "}", value)
    (conf_dir / "bot.conf").write_text(text, encoding="utf-8")
    temp = conf_dir / "temp"
    main = conf_dir / "nginx.conf"
    main.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 2;\npid {conf_dir / 'nginx.pid'};\nerror_log {conf_dir / 'logs' / 'error.log'} warn;\n"
        "events { worker_connections 2048; }\n"
        f"http {{\n  access_log {conf_dir / 'logs' / 'access.log'};\n"
        + "".join(f"  {k}_temp_path {temp / k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {conf_dir / 'bot.conf'};\n}}\n")
    return main


def start_nginx() -> None:
    nginx = need("nginx", "nginx")
    main = nginx_conf()
    subprocess.run([nginx, "-t", "-q", "-p", str(DIR / "nginx"), "-c", str(main)], check=True)
    subprocess.run([nginx, "-p", str(DIR / "nginx"), "-c", str(main)], check=True)
    pid = int((DIR / "nginx" / "nginx.pid").read_text())
    record("nginx", pid, [nginx])


def start_actions(i: int, wait: bool = True) -> None:
    name, port = f"actions-{i}", PORTS["actions"][i - 1]
    spawn(name, [sys.executable, "-m", "runtime.action_server", "--port", str(port)], env())
    if wait:
        wait_http(f"http://127.0.0.1:{port}/health", name, 120)


def bare_endpoints() -> Path:
    """Rasa's own SQL tracker store and Redis lock store on the same servers, for
    the moodbot baseline of bench/load.py (bare Rasa: none of our stores or patches)."""
    path = DIR / "moodbot-endpoints.yml"
    DIR.mkdir(parents=True, exist_ok=True)
    path.write_text("tracker_store:\n  type: sql\n  url: ${TRACKER_STORE_URL}\n"
                    "lock_store:\n  type: redis\n  url: ${REDIS_HOST}\n  port: ${REDIS_PORT}\n"
                    "  db: ${REDIS_DB}\n  password: ${REDIS_PASSWORD}\n", encoding="utf-8")
    return path


def start_rasa(i: int, model: Path = MODEL, database: str = "rasa", wait: bool = True,
               bare: bool = False) -> None:
    """A replica started by the launcher (`python -m runtime run`, which installs
    runtime.patches), or with `bare` the plain `rasa run` with Rasa's own stores."""
    name, port = f"rasa-{i}", PORTS["rasa"][i - 1]
    e = env(database)
    command, endpoints = ([RASA], bare_endpoints()) if bare else (LAUNCHER, ROOT / "endpoints.yml")
    spawn(name, [*command, "run", "--model", str(model), "--endpoints", str(endpoints),
                 "--credentials", str(ROOT / "credentials.yml"), "--port", str(port), "--interface", "127.0.0.1",
                 "--enable-api", "--auth-token", e["RASA_AUTH_TOKEN"]], e)
    if wait:
        wait_http(f"http://127.0.0.1:{port}/", name)


def start_replicas(model: Path = MODEL, database: str = "rasa", bare: bool = False) -> None:
    """Both Rasa replicas (those not running), started together (model loading dominates)."""
    for i in (1, 2):
        if not alive(f"rasa-{i}"):
            start_rasa(i, model, database, wait=False, bare=bare)
    for i, port in enumerate(PORTS["rasa"], 1):
        wait_http(f"http://127.0.0.1:{port}/", f"rasa-{i}")


def stop_replicas() -> None:
    for i in (1, 2):
        kill(f"rasa-{i}")


def start(model: Path = MODEL, rasa: bool = True) -> None:
    if not model.is_file():
        raise SystemExit(f"no trained model at {model}: run `make train`")
    t0 = time.time()
    start_postgres()
    if not alive("redis"):
        start_redis()
    for i in (1, 2):
        if not alive(f"actions-{i}"):
            start_actions(i, wait=False)
    if not alive("nginx"):
        start_nginx()
    if rasa:
        start_replicas(model)
    for i, port in enumerate(PORTS["actions"], 1):
        wait_http(f"http://127.0.0.1:{port}/health", f"actions-{i}", 120)
    wait_http(f"{URL}/nginx-health", "")
    print(f"cluster up in {time.time() - t0:.0f} s: {URL} (REST: {URL}/webhooks/rest/webhook with "
          f"`Authorization: Bearer $REST_CHANNEL_TOKEN`, socket.io: {URL}/socket.io/); logs in {DIR / 'logs'}, "
          f"tokens in {SECRETS}")


def stop() -> None:
    state = load_state()
    for name in [n for n in state if n.startswith(("rasa-", "actions-"))]:
        kill(name)
    if alive("nginx"):
        subprocess.run([need("nginx", "nginx"), "-s", "quit", "-p", str(DIR / "nginx"),
                        "-c", str(DIR / "nginx" / "nginx.conf")], check=False,
                       stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while alive("nginx") and time.time() < deadline:
            time.sleep(0.2)
    kill("nginx")
    kill("redis")
    if pg_running():
        pg_ctl("stop")
    print("cluster stopped")


def status() -> int:
    state = load_state()
    up = pg_running()
    print(f"postgres   {'up' if up else 'down'}  127.0.0.1:{PORTS['postgres']}")
    for name, entry in sorted(state.items()):
        print(f"{name:<10} {'up' if alive(name) else 'gone'}  pid {entry['pid']}")
    return 0 if up and state and all(alive(n) for n in state) else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["start", "stop", "status"])
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--no-rasa", action="store_true", help="everything but the Rasa replicas")
    args = ap.parse_args(argv)
    if args.command == "start":
        start(args.model, rasa=not args.no_rasa)
    elif args.command == "stop":
        stop()
    else:
        return status()
    return 0


if __name__ == "__main__":
    sys.exit(main())
