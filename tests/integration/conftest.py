"""Real servers for integration tests: a trained model (make train), `rasa run`
with the committed endpoints.yml and credentials.yml, and our action server
(runtime.action_server), on free loopback ports. Endpoints come from the
environment exactly as in production: config/embedded.env's defaults, with the
tracker store in the test's temporary directory and the test's action port."""
import pytest

from runtime.local_servers import (ENV, MODEL, RASA, ROOT, Bot, action_server_args,  # noqa: F401
                                   endpoint_env, free_port, start, start_bot, stop, wait_for)


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
