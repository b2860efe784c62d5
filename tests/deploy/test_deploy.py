"""Static checks of the deployment descriptions (Dockerfile, .env.example,
deploy/): our machines have no Docker engine or cluster, so the files are
parsed and cross-checked here; `make cluster` runs the same topology on loopback."""
import json
import re
import shlex
import shutil
import subprocess
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from localrun import envfile

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "nginx" / "bot.conf.template"
PLACEHOLDERS = {"NGINX_LISTEN", "NGINX_ACTIONS_LISTEN", "RASA_SERVERS", "ACTIONS_SERVERS"}
SECRET_NAME = re.compile(r"PASSWORD|TOKEN|SECRET|_AUTH$")
REQUIRED_SECRETS = {"RASA_AUTH_TOKEN", "ACTION_SERVER_TOKEN", "POSTGRES_PASSWORD", "REDIS_PASSWORD"}
SECRET_FLAGS = ("--auth-token", "--requirepass")
COMPOSE_REF = re.compile(r"^\$\{([A-Z_][A-Z0-9_]*)(?::?[?-][^}]*)?\}$")   # ${VAR}, ${VAR:?message}
K8S_REF = re.compile(r"^\$\(([A-Z_][A-Z0-9_]*)\)$")                       # $(VAR)
PLACEHOLDER_VALUE = "change-me"


# ------------------------------------------------------------------ helpers
@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def k8s():
    """(file name, document) for every document in deploy/k8s/*.yaml."""
    docs = [(p.name, d) for p in sorted((DEPLOY / "k8s").glob("*.yaml"))
            for d in yaml.safe_load_all(p.read_text(encoding="utf-8")) if d]
    assert docs, "no Kubernetes documents in deploy/k8s"
    return docs


@pytest.fixture(scope="module")
def env_example():
    return envfile.read(ROOT / ".env.example")


def find(docs, kind, name):
    found = [d for _, d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name}, found {len(found)}"
    return found[0]


def containers(doc):
    return doc["spec"]["template"]["spec"]["containers"]


def argv(container):
    return [str(a) for a in container.get("command", []) + container.get("args", [])]


def flag(args, name):
    """The value after `name` in an argument list (None if absent)."""
    return args[args.index(name) + 1] if name in args else None


def secret_data(secret):
    return {**secret.get("data", {}), **secret.get("stringData", {})}


def pod_env(docs, container):
    """Names the container's environment defines: envFrom ConfigMaps/Secrets, then env."""
    names = set()
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            names |= set(find(docs, "ConfigMap", source["configMapRef"]["name"])["data"])
        else:
            names |= set(secret_data(find(docs, "Secret", source["secretRef"]["name"])))
    return names | {e["name"] for e in container.get("env", [])}


def compose_env(service):
    """A compose service's environment: env_file (../.env is read as .env.example), then environment."""
    env = {}
    for name in [service["env_file"]] if isinstance(service.get("env_file"), str) else service.get("env_file", []):
        path = (DEPLOY / name).resolve()
        assert path == ROOT / ".env", f"env_file {name} is not the repository's .env"
        env.update(envfile.read(ROOT / ".env.example"))
    env.update({k: str(v) for k, v in (service.get("environment") or {}).items()})
    return env


def listen_port(value):
    """Port of an nginx listen value: 8080 or 127.0.0.1:8080."""
    return int(str(value).rsplit(":", 1)[-1])


def upstream_servers(value):
    return [(h, int(p)) for h, p in re.findall(r"server\s+([\w.-]+):(\d+)\s*;", value)]


def endpoints_variables():
    return set(re.findall(r"\$\{(\w+)\}", uncommented((ROOT / "endpoints.yml").read_text(encoding="utf-8"))))


def render(template, values):
    for key, value in values.items():
        template = template.replace("${" + key + "}", value)
    return template


def uncommented(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def dockerfile():
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
            for line in lines if line and not line.startswith("#")]


def rasa_run_args_ok(args, token_ok):
    # the launcher, which installs runtime.patches; a bare `rasa run` would refuse to start
    assert args[:4] == ["python", "-m", "runtime", "run"], args
    for name, value in (("--model", "models/current.tar.gz"), ("--endpoints", "endpoints.yml"),
                        ("--credentials", "credentials.yml"), ("--port", "5005")):
        assert flag(args, name) == value, (name, args)
    assert "--enable-api" in args
    token = flag(args, "--auth-token")
    assert token and token_ok(token), f"--auth-token must take RASA_AUTH_TOKEN from the environment, not {token!r}"


# ------------------------------------------------------------------ compose
def test_compose_services_replicas_and_health(compose):
    services = compose["services"]
    assert {"rasa", "actions", "postgres", "redis", "nginx"} <= set(services)
    for name in ("rasa", "actions"):
        assert services[name]["deploy"]["replicas"] >= 2, name
    assert [n for n, s in services.items() if s.get("ports")] == ["nginx"], "only nginx publishes ports"
    assert any(str(p).endswith(":8080") for p in services["nginx"]["ports"])
    for name, service in services.items():
        for dep, cond in (service.get("depends_on") or {}).items():
            assert cond["condition"] == "service_healthy", (name, dep)
            assert "healthcheck" in services[dep], f"{name} waits for {dep}, which has no healthcheck"
    # the health checks ask the port each server is started on
    for name, path in (("rasa", "/"), ("actions", "/health")):
        port = flag(services[name]["command"], "--port")
        assert f"127.0.0.1:{port}{path}'" in " ".join(services[name]["healthcheck"]["test"]), name
    build = services["rasa"]["build"]
    assert (DEPLOY / build["context"]).resolve() == ROOT and (ROOT / build["dockerfile"]).is_file()


def test_compose_rasa_command(compose):
    args = [str(a) for a in compose["services"]["rasa"]["command"]]
    rasa_run_args_ok(args, lambda t: (m := COMPOSE_REF.match(t)) and m.group(1) == "RASA_AUTH_TOKEN")


def test_endpoints_variables_reach_the_rasa_service(compose):
    needed = endpoints_variables()
    assert "ACTION_ENDPOINT_URL" in needed
    assert needed <= set(compose_env(compose["services"]["rasa"]))


def test_compose_interpolates_only_variables_of_env_example(compose, env_example):
    text = uncommented((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    used = set(re.findall(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)", text))
    assert used and used <= set(env_example), f"not in .env.example: {sorted(used - set(env_example))}"


def test_compose_action_endpoint_reaches_the_action_servers(compose):
    services = compose["services"]
    url = urlsplit(compose_env(services["rasa"])["ACTION_ENDPOINT_URL"])
    assert url.path == "/webhook"
    actions_port = int(flag(services["actions"]["command"], "--port"))
    rasa_port = int(flag(services["rasa"]["command"], "--port"))
    nginx = services["nginx"]["environment"]
    if url.hostname == "nginx":
        assert url.port == listen_port(nginx["NGINX_ACTIONS_LISTEN"]), "not nginx's actions port"
    else:
        assert (url.hostname, url.port) == ("actions", actions_port)
    assert upstream_servers(nginx["ACTIONS_SERVERS"]) == [("actions", actions_port)]
    assert upstream_servers(nginx["RASA_SERVERS"]) == [("rasa", rasa_port)]
    published = {int(str(p).rsplit(":", 1)[1]) for p in services["nginx"]["ports"]}
    assert listen_port(nginx["NGINX_LISTEN"]) in published


def test_compose_has_no_literal_secrets(compose):
    assert PLACEHOLDER_VALUE not in uncommented((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    for name, service in compose["services"].items():
        for key, value in (service.get("environment") or {}).items():
            value = str(value)
            if SECRET_NAME.search(key):
                assert COMPOSE_REF.match(value), f"{name}: {key} must be a ${{VAR}} from .env"
            password = urlsplit(value).password if "://" in value else None
            if password:
                assert COMPOSE_REF.match(password), f"{name}: {key} has a literal password"
        command = service.get("command")
        args = [str(a) for a in command] if isinstance(command, list) else shlex.split(command or "")
        for f in SECRET_FLAGS:
            if f in args:
                assert COMPOSE_REF.match(flag(args, f)), f"{name}: {f} takes a literal"


# ------------------------------------------------------------------ nginx
def test_nginx_template_placeholders_and_variables(compose):
    text = uncommented(TEMPLATE.read_text(encoding="utf-8"))
    assert set(re.findall(r"\$\{(\w+)\}", text)) == PLACEHOLDERS
    rest = re.sub(r"\$\{(%s)\}" % "|".join(PLACEHOLDERS), "", text)
    strays = [m.group(0) for m in re.finditer(r"\$(?![a-z_])\S*", rest)]
    assert not strays, f"not nginx runtime variables: {strays}"
    nginx = compose["services"]["nginx"]
    values = {k: str(v) for k, v in nginx["environment"].items()}
    assert PLACEHOLDERS <= set(values)
    assert "${" not in render(TEMPLATE.read_text(encoding="utf-8"), values)
    mounts = [str(v).split(":") for v in nginx["volumes"]]
    assert any((DEPLOY / src).resolve() == TEMPLATE and dst.startswith("/etc/nginx/templates/")
               and dst.endswith(".template") for src, dst, *_ in mounts)


def test_nginx_template_routing():
    text = uncommented(TEMPLATE.read_text(encoding="utf-8"))
    upstreams = dict(re.findall(r"upstream\s+(\w+)\s*\{((?:[^{}]|\$\{\w+\})*)\}", text))
    locations = [(path.strip(), upstreams[re.search(r"proxy_pass\s+http://(\w+)\s*;", body).group(1)], body)
                 for path, body in re.findall(r"location\s+([^{=]+)\{([^}]*)\}", text)]
    (sticky,) = [ups for path, ups, _ in locations if path == "/socket.io/"]
    assert "${RASA_SERVERS}" in sticky and "ip_hash" in sticky
    # the catch-all of each server: Rasa round-robin, the action servers, both retried once
    catch_all = sorted((ups.strip().split()[0], body) for path, ups, body in locations if path == "/")
    assert [ups for ups, _ in catch_all] == ["${ACTIONS_SERVERS}", "${RASA_SERVERS}"]
    for _, body in catch_all:
        assert re.search(r"proxy_next_upstream\s+error\s+timeout\s+non_idempotent\s*;", body)
        assert re.search(r"proxy_next_upstream_tries\s+2\s*;", body)
    assert all("keepalive" in body for body in upstreams.values())
    assert re.search(r"location\s*=\s*/nginx-health\s*\{\s*[^}]*return\s+200", text)
    assert "client_max_body_size 64k;" in text
    for header in ("X-Real-IP $remote_addr", "X-Forwarded-For $proxy_add_x_forwarded_for", "Upgrade $http_upgrade"):
        assert f"proxy_set_header {header};" in text


@pytest.mark.skipif(not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(),
                    reason="nginx is not installed (apt-get install nginx-light to run this check)")
def test_nginx_accepts_the_rendered_template(tmp_path):
    values = {"NGINX_LISTEN": "127.0.0.1:18000", "NGINX_ACTIONS_LISTEN": "127.0.0.1:18055",
              "RASA_SERVERS": "server 127.0.0.1:5101; server 127.0.0.1:5102;",
              "ACTIONS_SERVERS": "server 127.0.0.1:5151; server 127.0.0.1:5152;"}
    (tmp_path / "bot.conf").write_text(render(TEMPLATE.read_text(encoding="utf-8"), values))
    temp = "".join(f"  {k}_temp_path {tmp_path / k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\nevents {{}}\n"
                    f"http {{\n{temp}  include {tmp_path / 'bot.conf'};\n}}\n")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    out = subprocess.run([nginx, "-t", "-q", "-e", str(tmp_path / "error.log"), "-p", str(tmp_path), "-c", str(conf)],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr


# ------------------------------------------------------------------ Kubernetes
def test_k8s_documents(k8s):
    for name, doc in k8s:
        assert doc.get("apiVersion") and doc.get("kind") and doc.get("metadata", {}).get("name"), name
    for kind, name in (("ConfigMap", "policy-bot-config"), ("Secret", "policy-bot-secrets"),
                       ("Deployment", "rasa"), ("Deployment", "actions"), ("Deployment", "redis"),
                       ("StatefulSet", "postgres"), ("Service", "rasa"), ("Service", "actions"),
                       ("Service", "postgres"), ("Service", "redis")):
        find(k8s, kind, name)
    for name in ("rasa", "actions"):
        assert find(k8s, "Deployment", name)["spec"]["replicas"] >= 2
    assert find(k8s, "StatefulSet", "postgres")["spec"]["serviceName"] == "postgres"
    ingresses = [d for _, d in k8s if d["kind"] == "Ingress"]
    paths = {p["path"]: (i["metadata"].get("annotations") or {}) for i in ingresses
             for r in i["spec"]["rules"] for p in r["http"]["paths"]}
    assert paths["/socket.io/"].get("nginx.ingress.kubernetes.io/affinity") == "cookie"
    assert "/" in paths


def test_k8s_rasa_command_and_resources(k8s):
    (rasa,) = containers(find(k8s, "Deployment", "rasa"))
    env = pod_env(k8s, rasa)
    rasa_run_args_ok(argv(rasa), lambda t: K8S_REF.match(t) and "RASA_AUTH_TOKEN" in env)
    for deployment in ("rasa", "actions"):
        for c in containers(find(k8s, "Deployment", deployment)):
            assert c["resources"]["requests"] and c["resources"]["limits"], deployment
            assert c["readinessProbe"]["httpGet"] and c["livenessProbe"]["httpGet"], deployment
    assert containers(find(k8s, "Deployment", "actions"))[0]["readinessProbe"]["httpGet"]["path"] == "/health"
    assert rasa["readinessProbe"]["httpGet"]["path"] == "/"


def test_endpoints_variables_reach_the_rasa_deployment(k8s):
    needed = endpoints_variables()
    (rasa,) = containers(find(k8s, "Deployment", "rasa"))
    env = pod_env(k8s, rasa)
    assert needed <= env, f"missing: {sorted(needed - env)}"
    # $(VAR) in values and arguments: Kubernetes leaves an undefined one as literal text
    for text in argv(rasa) + [e.get("value", "") for e in rasa.get("env", [])]:
        assert set(re.findall(r"\$\((\w+)\)", text)) <= env, text


def test_k8s_action_endpoint_is_the_actions_service(k8s):
    url = urlsplit(find(k8s, "ConfigMap", "policy-bot-config")["data"]["ACTION_ENDPOINT_URL"])
    assert url.path == "/webhook"
    service = find(k8s, "Service", url.hostname.split(".")[0])
    (port,) = [p for p in service["spec"]["ports"] if p["port"] == url.port]
    (actions,) = containers(find(k8s, "Deployment", "actions"))
    assert service["spec"]["selector"].items() <= \
        find(k8s, "Deployment", "actions")["spec"]["template"]["metadata"]["labels"].items()
    assert port.get("targetPort", port["port"]) == int(flag(argv(actions), "--port"))


def test_k8s_ports_match(k8s):
    workloads = [d for _, d in k8s if d["kind"] in ("Deployment", "StatefulSet")]
    for _, service in [(n, d) for n, d in k8s if d["kind"] == "Service"]:
        name, selector = service["metadata"]["name"], service["spec"]["selector"]
        pods = [w for w in workloads if selector.items() <= w["spec"]["template"]["metadata"]["labels"].items()]
        assert pods, f"Service {name} selects no workload"
        for pod in pods:
            ports = {p["containerPort"] for c in containers(pod) for p in c["ports"]} | \
                    {p.get("name") for c in containers(pod) for p in c["ports"]}
            for p in service["spec"]["ports"]:
                assert p.get("targetPort", p["port"]) in ports, (name, p)
    for workload in workloads:
        assert workload["spec"]["selector"]["matchLabels"].items() <= \
            workload["spec"]["template"]["metadata"]["labels"].items()
        for c in containers(workload):
            ports = {p["containerPort"] for p in c["ports"]} | {p.get("name") for p in c["ports"]}
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                check = c.get(probe, {}).get("httpGet") or c.get(probe, {}).get("tcpSocket")
                if check:
                    assert check["port"] in ports, (c["name"], probe)
            if "--port" in argv(c):
                assert int(flag(argv(c), "--port")) in ports, c["name"]


def test_k8s_has_no_literal_secrets(k8s):
    for file, doc in k8s:
        if doc["kind"] == "Secret":
            assert file == "secret.example.yaml"
            data = secret_data(doc)
            assert REQUIRED_SECRETS <= set(data)
            assert all(v == "" or PLACEHOLDER_VALUE in v for v in data.values()), "example values only"
            # deploy/README.md: `kubectl apply -f deploy/k8s/ -l app.kubernetes.io/part-of=...` skips it
            assert "app.kubernetes.io/part-of" not in doc["metadata"].get("labels", {})
            continue
        assert doc["metadata"]["labels"]["app.kubernetes.io/part-of"] == "policy-bot", file
        assert PLACEHOLDER_VALUE not in yaml.safe_dump(doc), file
        if doc["kind"] == "ConfigMap":
            for key, value in doc["data"].items():
                assert not SECRET_NAME.search(key), f"{key} belongs in the Secret"
                assert "://" not in str(value) or not urlsplit(str(value)).password, key
        if doc["kind"] in ("Deployment", "StatefulSet"):
            for c in containers(doc):
                for e in c.get("env", []):
                    if SECRET_NAME.search(e["name"]):
                        assert "secretKeyRef" in e.get("valueFrom", {}), f"{c['name']}: {e['name']}"
                    value = e.get("value", "")
                    password = urlsplit(value).password if "://" in value else None
                    assert not password or K8S_REF.match(password), f"{c['name']}: {e['name']}"
                for f in SECRET_FLAGS:
                    if f in argv(c):
                        assert K8S_REF.match(flag(argv(c), f)), f"{c['name']}: {f}"


# ------------------------------------------------------------------ .env, Dockerfile
def test_env_example_lists_every_variable(env_example):
    embedded = envfile.read()
    assert set(embedded) <= set(env_example), f"missing: {sorted(set(embedded) - set(env_example))}"
    telegram = set(re.findall(r'"(TELEGRAM_[A-Z_]+)"', (ROOT / "runtime/channels/telegram.py").read_text(encoding="utf-8")))
    assert telegram and telegram <= set(env_example), "the Telegram variables the channel reads"
    assert {"RASA_AUTH_TOKEN", "POSTGRES_PASSWORD", "TICKET_LOCK_LIFETIME"} <= set(env_example)
    for key, value in env_example.items():
        if SECRET_NAME.search(key):
            assert value == "" or PLACEHOLDER_VALUE in value, f"{key}: placeholder only"
    assert env_example["LOCK_STORE_TYPE"] == "runtime.lock_store.RedisLockStore"
    assert env_example["TRACKER_STORE_URL"].startswith("postgresql://")


def test_lock_store_types_name_our_lock_store_classes(compose, k8s, env_example):
    """One process: the in-memory class; every replicated set-up: the Redis one (runtime/lock_store.py)."""
    from rasa.core.lock_store import LockStore
    from rasa.shared.utils.common import class_from_module_path

    replicated = {".env.example": env_example["LOCK_STORE_TYPE"],
                  "docker-compose.yml": compose_env(compose["services"]["rasa"])["LOCK_STORE_TYPE"],
                  "k8s ConfigMap": find(k8s, "ConfigMap", "policy-bot-config")["data"]["LOCK_STORE_TYPE"]}
    assert set(replicated.values()) == {"runtime.lock_store.RedisLockStore"}, replicated
    assert envfile.read()["LOCK_STORE_TYPE"] == "runtime.lock_store.InMemoryLockStore"
    for path in ("runtime.lock_store.RedisLockStore", "runtime.lock_store.InMemoryLockStore"):
        assert issubclass(class_from_module_path(path), LockStore), path


def test_the_shipped_heartbeat_ttl_is_the_one_measured(k8s, env_example):
    """A killed replica's conversations wait LOCK_HEARTBEAT_TTL: .env.example, the ConfigMap and
    the local cluster ship the lock store's default (how it was chosen: docs/production.md)."""
    from localrun import cluster
    from runtime.lock_store import DEFAULT_HEARTBEAT_TTL

    shipped = {".env.example": env_example["LOCK_HEARTBEAT_TTL"],
               "k8s ConfigMap": find(k8s, "ConfigMap", "policy-bot-config")["data"]["LOCK_HEARTBEAT_TTL"],
               "localrun/cluster.py": cluster.HEARTBEAT_TTL}
    assert {float(v) for v in shipped.values()} == {DEFAULT_HEARTBEAT_TTL}, shipped


def test_env_is_git_ignored():
    patterns = [line.strip() for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()]
    assert ".env" in patterns or "/.env" in patterns
    assert not any(fnmatch(".env.example", p) for p in patterns if p and not p.startswith("#"))


def test_dockerfile(k8s):
    instructions = dockerfile()
    assert ("FROM", "python:3.11-slim-bookworm") in [(i, a.split()[0]) for i, a in instructions]
    for inst, args in instructions:
        if inst in ("COPY", "ADD"):
            assert ".env" not in args, args
        if inst in ("ENV", "ARG"):
            assert not SECRET_NAME.search(args), f"secret in the image: {inst} {args}"
    ignored = [p.strip() for p in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()]
    assert any(fnmatch(".env", p) for p in ignored if p and not p.startswith("#")), ".env in the build context"
    runs = " ".join(a for i, a in instructions if i == "RUN")
    assert "make install" in runs and "make train" in runs
    env = " ".join(a for i, a in instructions if i == "ENV")
    assert "PYTHONPATH=/app" in env and "RASA_TELEMETRY_ENABLED=false" in env
    user = [a for i, a in instructions if i == "USER"][-1].split(":")[0]
    assert user not in ("root", "0")
    for name in ("rasa", "actions"):
        assert find(k8s, "Deployment", name)["spec"]["template"]["spec"]["securityContext"]["runAsUser"] == int(user)
    cmd = json.loads([a for i, a in instructions if i == "CMD"][-1])
    args = shlex.split(cmd[2])[1:] if cmd[:2] == ["sh", "-c"] else cmd   # drop `exec`
    rasa_run_args_ok(args, lambda t: t.startswith("${RASA_AUTH_TOKEN") or t == "$RASA_AUTH_TOKEN")


# ------------------------------------------------------------------ security settings (docs/security.md)
def test_no_credentials_file_or_example_enables_rasas_open_rest_channel():
    """Rasa's `rest:` answers anyone and takes any sender id; ours needs REST_CHANNEL_TOKEN."""
    for path in sorted(ROOT.glob("credentials*.yml")):
        creds = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert "rest" not in creds and "socketio" not in creds, path.name
        assert "runtime.channels.rest.RestInput" in creds, path.name
    for doc in [DEPLOY / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        assert not re.search(r"^rest:\s*$", doc.read_text(encoding="utf-8"), re.M), doc.name


def test_every_rasa_and_action_server_gets_the_shared_secret_and_the_proxy_setting(compose, k8s, env_example):
    assert env_example["SERVER_SECRET"] == PLACEHOLDER_VALUE and "REST_CHANNEL_TOKEN" in env_example
    for name in ("rasa", "actions"):
        env = compose_env(compose["services"][name])
        assert COMPOSE_REF.match(env["SERVER_SECRET"]).group(1) == "SERVER_SECRET", name
        assert env["SANIC_PROXIES_COUNT"] == "1" and env["SANIC_REQUEST_MAX_SIZE"] == "65536"
    for name in ("rasa", "actions"):
        names = pod_env(k8s, containers(find(k8s, "Deployment", name))[0])
        assert {"SERVER_SECRET", "REST_CHANNEL_TOKEN", "SANIC_PROXIES_COUNT"} <= names, name
    assert find(k8s, "ConfigMap", "policy-bot-config")["data"]["SANIC_PROXIES_COUNT"] == "1"


def test_nginx_limits_each_client_address_but_not_telegram():
    text = uncommented(TEMPLATE.read_text(encoding="utf-8"))
    zones = set(re.findall(r"limit_req_zone\s+\S+\s+zone=(\w+):", text))
    assert {"bot_socket", "bot_pages", "bot_rest"} <= zones and "limit_req_status 429;" in text
    locations = dict((path.strip(), body) for path, body in re.findall(r"location\s+([^{=]+)\{([^}]*)\}", text))
    assert "limit_req zone=bot_socket" in locations["/socket.io/"] and "limit_conn" in locations["/socket.io/"]
    assert "limit_req zone=bot_rest" in locations["/webhooks/rest/"]
    assert "limit_req" not in locations["/webhooks/telegram/"], "Telegram's few addresses carry every user"
    main_server = text.split("server {")[1]
    assert "limit_req zone=bot_pages" in main_server.split("location / {")[1]
