"""Real servers for integration tests: a trained model (make train), `rasa run`
with the committed endpoints.yml and credentials.yml, and our action server
(runtime.action_server), on free loopback ports. Endpoints come from the
environment exactly as in production: config/embedded.env's defaults, with the
tracker store in the test's temporary directory and the test's action port."""
import shutil
import subprocess
import time

import pytest

from localrun.servers import action_server_args, free_port, start, start_bot, stop, wait_for


@pytest.fixture(scope="session")
def action_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("actions")
    port = free_port()
    log = tmp / "actions.log"
    proc = start(action_server_args(port), log)
    wait_for(f"http://127.0.0.1:{port}/health", proc, log)
    yield port
    stop(proc)


@pytest.fixture(scope="session")
def bot(tmp_path_factory, action_server):
    proc, client = start_bot(tmp_path_factory.mktemp("rasa"), action_server)
    yield client
    stop(proc)


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    """A redis-server of the test's own (Debian's package; `make cluster-deps`) on a free loopback port."""
    import redis

    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path_factory.mktemp("redis"))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.time() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.time() > deadline:
                raise
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def red(redis_port):
    import redis

    return redis.Redis(host="127.0.0.1", port=redis_port)
