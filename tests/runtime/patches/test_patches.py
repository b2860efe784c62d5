"""runtime/patches: installed from one entry point, refused on other versions,
and each one still on the path Rasa's own code takes (a Rasa or Sanic change
that bypasses a patch fails here, not silently in production).

What each patch does is tested in test_message_guard.py, test_response_validator.py
and tests/runtime/channels/test_socketio.py; here: that Rasa's code reaches it."""
import asyncio
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import texts
from runtime import patches
from runtime.lock_store import InMemoryLockStore
from runtime.patches.base import patch_of

patches.install()


def closed_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ the entry point
def test_one_entry_point_one_log_line_idempotent_and_the_guard_names_the_launcher(tmp_path):
    # a fresh process: nothing installed until install() is called
    code = textwrap.dedent(f"""
        import logging
        logging.basicConfig(level=logging.INFO, format="LOG %(name)s %(message)s")
        from rasa.shared.core.domain import Domain
        from runtime import patches
        from runtime.tracker_store import SQLTrackerStore
        url = "sqlite:///{tmp_path / 'tracker.db'}"
        try:
            SQLTrackerStore(Domain.empty(), host=url)
            print("STARTED WITHOUT PATCHES")
        except RuntimeError as e:
            print("REFUSED", e)
        first = patches.install()
        again = patches.install()
        print("NAMES", ",".join(first), first == again)
        print("REINSTALLED", [p.install() for p in patches.PATCHES])
        SQLTrackerStore(Domain.empty(), host=url)
        print("STARTED")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-3000:]
    assert "STARTED WITHOUT PATCHES" not in out
    assert "REFUSED" in out and "python -m runtime run" in out
    names = ("training_on_demand,channels_on_demand,action_apology,message_guard,api_messages,api_auth,"
             "loud_tracker_store,response_validator,event_types,http_keepalive,action_events,sanic_websockets")
    assert f"NAMES {names} True" in out
    assert f"REINSTALLED {[False] * 12}" in out, "a second install changes nothing"
    logged = [line for line in out.splitlines() if line.startswith("LOG runtime.patches")]
    assert len(logged) == 1 and all(n in logged[0] for n in names.split(",")), logged
    assert "rasa 3.6.21" in logged[0]
    assert done.stdout.splitlines()[-1] == "STARTED", "with the patches the tracker store starts"


def test_unexpected_versions_are_refused_with_what_was_expected():
    with pytest.raises(patches.UnexpectedVersion) as refused:
        patches.check_versions({"rasa": "3.7.0", "rasa-sdk": "3.6.2", "sanic": "22.12.0"})
    message = str(refused.value)
    assert "rasa 3.6.21" in message and "rasa 3.7.0" in message and "sanic 22.12.0" in message
    assert "rasa-sdk 3.6.2" in message.split("installed:")[0], "names every expected version"
    patches.check_versions()   # what is installed here is what they were written for


def test_the_launcher_refuses_to_start_rasa_on_another_version(monkeypatch):
    from runtime import __main__ as launcher

    monkeypatch.setattr(patches, "_installed", [])
    monkeypatch.setattr(patches, "installed_versions",
                        lambda: {"rasa": "3.6.21", "rasa-sdk": "3.6.2", "sanic": "23.3.0"})
    with pytest.raises(SystemExit) as stopped:
        launcher.main(["run", "--model", "nowhere.tar.gz"])
    assert "refusing to start" in str(stopped.value) and "sanic 23.3.0" in str(stopped.value)


# ------------------------------------------------------------------ each patch on Rasa's path
def run_fresh(code: str) -> str:
    """`code` in a fresh interpreter (nothing imported yet); its stdout and stderr."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-3000:]
    return done.stdout


ROOT = Path(__file__).resolve().parents[3]
KEPT_OUT = ("tensorflow", "matplotlib", "aiogram", "slack_sdk", "webexteamssdk", "twilio", "questionary")


def test_serving_code_path_imports_no_tensorflow_plots_or_unused_channel_libraries():
    """What `python -m runtime run` does before it serves, in Rasa's own code: the
    patches, Rasa's server and agent modules, the channels of credentials.yml and
    the app with the HTTP API, and the metadata of a model whose train schema
    names DefaultV1RecipeValidator (every model's does; its module imports DIET
    and TED). None of TensorFlow, matplotlib or the unused channels' client
    libraries is imported; the deferred modules are imported but not run."""
    from runtime.patches import channels_on_demand, training_on_demand

    assert set(KEPT_OUT) == set(training_on_demand.KEPT_OUT + channels_on_demand.KEPT_OUT)
    out = run_fresh(f"""
        import sys
        from runtime import patches
        patches.install()
        import rasa.core.agent, rasa.core.processor, rasa.server
        from rasa.core import run
        from rasa.engine.storage.storage import ModelMetadata
        from runtime.patches import deferral
        channels = run.create_http_input_channels(None, "credentials.yml")
        app = run.configure_app(channels, enable_api=True)
        node = dict(needs={{}}, uses="rasa.graph_components.validators.default_recipe_validator."
                    "DefaultV1RecipeValidator", constructor_name="create", fn="validate", config={{}},
                    eager=False, is_target=False, is_input=True, resource=None)
        predict = dict(node, uses="rasa.nlu.extractors.crf_entity_extractor.CRFEntityExtractor")
        metadata = ModelMetadata.from_dict(dict(
            trained_at="2026-12-01T00:00:00", rasa_open_source_version="3.6.21", model_id="m", assistant_id="a",
            domain={{}}, train_schema={{"nodes": {{"validator": node}}}}, predict_schema={{"nodes": {{"crf": predict}}}},
            training_type=3, project_fingerprint="f", core_target=None, nlu_target="n", language="zh"))
        print("CHANNELS", [type(c).__name__ for c in channels])
        print("PREDICT", metadata.predict_schema.nodes["crf"].uses.__name__)
        print("IMPORTED", [m for m in {KEPT_OUT!r} if m in sys.modules])
        print("DEFERRED", deferral.deferred("rasa.utils.train_utils"), deferral.deferred("rasa.core.channels"))
        # used, they are there: the train schema's classes, then TensorFlow's models
        print("TRAIN", metadata.train_schema.nodes["validator"].uses.__name__, "tensorflow" in sys.modules)
    """)
    assert "CHANNELS ['RestInput', 'SocketIOInput', 'SummaryPage']" in out, out
    assert "PREDICT CRFEntityExtractor" in out
    assert "IMPORTED []" in out, out
    assert "DEFERRED True True" in out
    assert "TRAIN DefaultV1RecipeValidator True" in out


def test_a_deferred_module_runs_when_a_name_of_it_is_read():
    """Rasa's modules behave as before once used: names, submodules, the built-in
    channels, the one function init_split_entities (Rasa's, compiled from its source)
    before its module runs, and the same result from it as from the module's."""
    out = run_fresh("""
        import sys
        from runtime import patches
        patches.install()
        from runtime.patches import deferral
        import rasa.utils.train_utils as tu
        ahead = tu.init_split_entities
        print("AHEAD", ahead({"a": True}, False), ahead(True, False), deferral.deferred("rasa.utils.train_utils"),
              "tensorflow" in sys.modules, ahead.__module__)
        from rasa.core.channels import UserMessage, channel
        print("SURFACE", UserMessage is channel.UserMessage, deferral.deferred("rasa.core.channels"))
        from rasa.core.channels import BUILTIN_CHANNELS
        print("BUILTIN", sorted(BUILTIN_CHANNELS)[:3], "aiogram" in sys.modules)
        from rasa.core.run import _create_single_channel
        print("BY NAME", type(_create_single_channel("rest", {})).__name__)
        try:
            _create_single_channel("runtime.channels.nowhere.Input", {})
        except Exception as e:
            print("UNKNOWN", type(e).__name__, "Failed to find input channel class" in str(e))
        print("RUN", tu.create_common_callbacks.__module__, deferral.deferred("rasa.utils.train_utils"),
              "tensorflow" in sys.modules, tu.RasaTrainingLogger.__module__)
        print("SAME", tu.init_split_entities({"a": True}, False) == ahead({"a": True}, False),
              tu.init_split_entities is not ahead)
    """)
    assert "AHEAD {'a': True, 'split_entities_by_comma': False} {'split_entities_by_comma': True} True False " \
           "rasa.utils.train_utils" in out, out
    assert "SURFACE True True" in out
    assert "BUILTIN ['botframework', 'callback', 'cmdline'] True" in out
    assert "BY NAME RestInput" in out
    assert "UNKNOWN RasaException True" in out
    assert "RUN rasa.utils.train_utils False True rasa.utils.tensorflow.callback" in out
    assert "SAME True True" in out


def tracker_after(text, sender="s1"):
    tracker = DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen"),
                                                        UserUttered(text, message_id="m1")])
    return tracker


def test_action_apology_rasas_processor_runs_the_patched_run():
    """MessageProcessor._run_action (Rasa's) calls action.run: the action server
    is down, and the person gets the apology instead of silence."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.core.policies.policy import PolicyPrediction
    from rasa.core.processor import MessageProcessor

    assert patch_of(RemoteAction.run) == "action_apology"
    processor = object.__new__(MessageProcessor)   # the model is not needed for this step
    processor.domain = Domain.empty()
    tracker = tracker_after("你好")
    channel = CollectingOutputChannel()
    action = RemoteAction("action_respond", EndpointConfig(f"http://127.0.0.1:{closed_port()}/webhook"))
    asyncio.run(processor._run_action(action, tracker, channel, TemplatedNaturalLanguageGenerator({}),
                                      PolicyPrediction([], "RulePolicy")))
    assert [m["text"] for m in channel.messages] == [texts.ACTION_SERVER_DOWN]
    assert [e.text for e in tracker.events if isinstance(e, BotUttered)] == [texts.ACTION_SERVER_DOWN]


def test_event_types_rasas_tracker_loading_walks_the_event_classes_once(monkeypatch):
    """DialogueStateTracker.from_dict (what the SQL store's retrieve calls) resolves
    each event's class through the patched resolve_by_type: one walk of Event's
    subclasses for a whole conversation, the same classes, and Rasa's answers
    for a type defined later, an unknown type and the old `topic`."""
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event, SlotSet

    assert patch_of(Event.resolve_by_type) == "event_types"
    walks = []
    original = rasa.shared.utils.common.all_subclasses
    monkeypatch.setattr(rasa.shared.utils.common, "all_subclasses",
                        lambda cls: walks.append(cls) or original(cls))
    events = [e.as_dict() for e in tracker_after("你好").events] + [SlotSet("region", "柳州市").as_dict()] * 40
    Event.resolve_by_type("slot")
    walks.clear()
    tracker = DialogueStateTracker.from_dict("s1", events, Domain.empty().slots)
    assert [type(e).__name__ for e in tracker.events][:3] == ["ActionExecuted", "UserUttered", "SlotSet"]
    assert walks.count(Event) == 0, "the classes were known"

    class Noted(Event):
        type_name = "noted_for_test"

        def __eq__(self, other):
            return isinstance(other, Noted)

        def __hash__(self):
            return 1

        def as_story_string(self):
            return None

    assert Event.resolve_by_type("noted_for_test") is Noted and walks.count(Event) == 1
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet


def test_http_keepalive_rasas_remote_action_reuses_one_connection():
    """RemoteAction.run (Rasa's, through EndpointConfig.request) three times: one
    connection to the action server, not three; the replies arrive as before."""
    from aiohttp import web
    from rasa.core.actions.action import RemoteAction
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.utils.endpoints import EndpointConfig

    assert patch_of(EndpointConfig.session) == "http_keepalive"
    peers = []

    async def webhook(request):
        peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": [], "responses": [{"text": f"第{len(peers)}次"}]})

    async def three_calls():
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        port = closed_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            action = RemoteAction("action_respond", EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
            said = []
            for _ in range(3):
                events = await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                                          tracker_after("你好"), Domain.empty())
                said += [e.text for e in events]
            return said
        finally:
            await runner.cleanup()

    assert asyncio.run(three_calls()) == ["第1次", "第2次", "第3次"]
    assert len(peers) == 3 and len(set(peers)) == 1, peers


def test_action_events_rasas_remote_action_sends_the_current_turn_when_asked():
    """RemoteAction.run (Rasa's) posts what _action_call_format builds: with
    `send_events: current_turn` on the endpoint, the events from the latest user
    message on, and the rest of the state as Rasa sends it; without, all events."""
    from aiohttp import web
    from rasa.core.actions.action import RemoteAction
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.events import SlotSet
    from rasa.utils.endpoints import EndpointConfig

    assert patch_of(RemoteAction._action_call_format) == "action_events"
    received = []

    async def webhook(request):
        received.append(await request.json())
        return web.json_response({"events": [], "responses": []})

    tracker = tracker_after("我在柳州")
    for event in (ActionExecuted("action_respond"), SlotSet("region", "柳州市"), ActionExecuted("action_listen"),
                  UserUttered("想贷款", message_id="m2")):
        tracker.update(event)

    async def call(**options):
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        port = closed_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", **options)
            await RemoteAction("action_respond", endpoint).run(
                CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, Domain.empty())
        finally:
            await runner.cleanup()

    asyncio.run(call(send_events="current_turn", enable_selective_domain=True))
    asyncio.run(call())
    turn, everything = received
    assert [e["event"] for e in turn["tracker"]["events"]] == ["user"]
    assert turn["tracker"]["events"][0]["text"] == "想贷款"
    assert [e["event"] for e in everything["tracker"]["events"]] == ["action", "user", "action", "slot", "action",
                                                                      "user"]
    assert turn["tracker"]["slots"] == everything["tracker"]["slots"] and turn["tracker"]["slots"]["region"] == "柳州市"
    assert turn["tracker"]["latest_message"]["text"] == "想贷款"
    assert {k: v for k, v in turn["tracker"].items() if k != "events"} == \
           {k: v for k, v in everything["tracker"].items() if k != "events"}
    assert "domain" not in turn and "domain" in everything
    assert turn["next_action"] == "action_respond" and turn["sender_id"] == "s1"


class EchoProcessor:
    def __init__(self):
        self.seen = []

    async def handle_message(self, message):
        self.seen.append(message.text)
        return []


def test_message_guard_is_what_rasas_channels_call():
    """Every input channel hands messages to the handler Rasa's `register` builds,
    which calls app.ctx.agent.handle_message: the personal data arrives masked."""
    from rasa.core.channels.channel import InputChannel, register

    class Channel(InputChannel):
        def blueprint(self, on_new_message):
            self.on_new_message = on_new_message
            return SimpleNamespace(name="test")

    app = SimpleNamespace(ctx=SimpleNamespace(), blueprint=lambda *a, **k: None)
    agent = Agent(domain=Domain.empty(), tracker_store=InMemoryTrackerStore(Domain.empty()),
                  lock_store=InMemoryLockStore())
    agent.processor = EchoProcessor()
    app.ctx.agent = agent
    channel = Channel()
    register([channel], app, route="/webhooks/")
    asyncio.run(channel.on_new_message(UserMessage("电话13812345678", CollectingOutputChannel(), "s2")))
    assert agent.processor.seen == ["电话[手机号]"]


class BrokenStore(TrackerStore):
    async def retrieve(self, sender_id):
        raise ConnectionError("database down")

    async def save(self, tracker):
        raise ConnectionError("database down")


def test_loud_tracker_store_on_the_store_rasas_agent_builds():
    """Agent wraps every tracker store in a FailSafeTrackerStore; its errors now
    reach the message guard instead of an empty in-memory tracker."""
    agent = Agent(domain=Domain.empty(), tracker_store=BrokenStore(Domain.empty()))
    assert type(agent.tracker_store).__name__ == "FailSafeTrackerStore"
    with pytest.raises(ConnectionError):
        asyncio.run(agent.tracker_store.retrieve("s3"))
    with pytest.raises(ConnectionError):
        asyncio.run(agent.tracker_store.save(tracker_after("你好", "s3")))


class AnsweringEndpoint(EndpointConfig):
    """Stands in for the action server's HTTP endpoint."""

    def __init__(self, response):
        super().__init__("http://actions.invalid/webhook")
        self.response = response

    async def request(self, **kwargs):
        return self.response


def test_response_validator_is_what_rasas_remote_action_run_calls(monkeypatch):
    """RemoteAction.run validates the response through _validate_action_result:
    with jsonschema.validate (what Rasa's own method calls) made to fail, a valid
    response still passes and an invalid one is still refused."""
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    def not_this(*args, **kwargs):
        raise AssertionError("Rasa's per-call jsonschema.validate was used")

    monkeypatch.setattr(jsonschema, "validate", not_this)
    channel = CollectingOutputChannel()
    nlg = SimpleNamespace()
    ok = RemoteAction("action_respond", AnsweringEndpoint({"events": [], "responses": [{"text": "好"}]}))
    events = asyncio.run(ok.run(channel, nlg, tracker_after("x"), Domain.empty()))
    assert [e.text for e in events if isinstance(e, BotUttered)] == ["好"]
    bad = RemoteAction("action_respond", AnsweringEndpoint({"events": "not a list"}))
    with pytest.raises(jsonschema.ValidationError):
        asyncio.run(bad.run(channel, nlg, tracker_after("x"), Domain.empty()))


class Assembler:
    async def get(self, timeout=None):
        return "frame"


def sanic_recv():
    """Sanic's own WebsocketImplProtocol.recv, on a connection with one frame waiting."""
    from sanic.server.websockets.impl import OPEN, WebsocketImplProtocol

    async def recv():
        protocol = object.__new__(WebsocketImplProtocol)
        protocol.recv_lock = asyncio.Lock()
        protocol.connection = SimpleNamespace(state=OPEN)
        protocol.assembler = Assembler()
        protocol.recv_cancel = None
        return await protocol.recv()

    return asyncio.run(recv())


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited")
def test_sanic_websockets_recv_uses_the_patched_asyncio(monkeypatch):
    """Sanic 21.12's recv hands asyncio.wait a bare coroutine: refused by Python 3.11
    with Sanic's own asyncio, served with the patched one."""
    from sanic.server.websockets import impl

    assert patch_of(impl.asyncio) == "sanic_websockets"
    assert sanic_recv() == "frame"
    if sys.version_info >= (3, 11):
        monkeypatch.setattr(impl, "asyncio", asyncio)
        with pytest.raises(TypeError):
            sanic_recv()


class FakeRequest:
    """What Rasa's API handlers read of a Sanic request."""

    def __init__(self, body=None, args=None, headers=None):
        self.json = body
        self.body = json.dumps(body).encode() if body is not None else b""
        self.args = {k: v for k, v in (args or {}).items()}
        self.headers = headers or {}
        self.app = None


def api_route(app, path: str, method: str):
    for route in app.router.routes:
        if route.path == path and method in route.methods:
            return route.handler
    raise AssertionError(f"no route {method} {path}")


@pytest.fixture
def apps(monkeypatch):
    """Rasa's app may be created more than once (Sanic's registry of app names)."""
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)


def test_api_auth_is_what_rasas_create_app_applies(apps):
    """rasa.server.create_app decorates every API route with requires_auth at app
    creation: the token in the URL is refused, in the Authorization header it opens."""
    import rasa.server

    assert patch_of(rasa.server.requires_auth) == "api_auth"
    app = rasa.server.create_app(auth_token="the-api-token-0123456789")
    status = api_route(app, "status", "GET")
    for args, headers in (({"token": "the-api-token-0123456789"}, {}), ({}, {}),
                          ({}, {"authorization": "Bearer wrong"})):
        with pytest.raises(rasa.server.ErrorResponse) as refused:
            asyncio.run(status(FakeRequest(args=args, headers=headers)))
        assert refused.value.status == 401
    with pytest.raises(rasa.server.ErrorResponse) as in_url:
        asyncio.run(status(FakeRequest(args={"token": "the-api-token-0123456789"})))
    assert "Authorization header" in in_url.value.error_info["message"]
    # with the header the request gets past authentication (to "no model loaded": no agent here)
    app.ctx.agent = None
    with pytest.raises(rasa.server.ErrorResponse) as past:
        asyncio.run(status(FakeRequest(headers={"authorization": "Bearer the-api-token-0123456789"})))
    assert past.value.status == 409


def test_api_messages_rasas_add_message_route_stores_masked_text(apps):
    """POST /conversations/<id>/messages calls processor.log_message directly (not the
    message guard): the text reaches the tracker masked and cut to the cap."""
    import rasa.server
    from rasa.core.processor import MessageProcessor

    from bot.dialogue import MAX_TEXT

    assert patch_of(MessageProcessor.log_message) == "api_messages"
    handled = []

    class Processor(MessageProcessor):
        def __init__(self):   # the model is not needed for this route
            pass

        async def fetch_tracker_and_update_session(self, sender_id, output_channel=None, metadata=None):
            return DialogueStateTracker.from_events(sender_id, [])

        async def _handle_message_with_tracker(self, message, tracker):
            handled.append(message)

        async def run_action_extract_slots(self, output_channel, tracker):
            return tracker

        async def save_tracker(self, tracker):
            pass

    agent = Agent(domain=Domain.empty(), tracker_store=InMemoryTrackerStore(Domain.empty()),
                  lock_store=InMemoryLockStore())
    agent.processor = Processor()
    agent.is_ready = lambda: True
    app = rasa.server.create_app(auth_token="the-api-token-0123456789")
    app.ctx.agent = agent
    add = api_route(app, "conversations/<conversation_id:path>/messages", "POST")
    body = {"text": "电话13812345678 " + "长" * 5000, "sender": "user",
            "parse_data": {"text": "邮箱 a@b.cn", "intent": {"name": "greet"}, "entities": []}}
    asyncio.run(add(FakeRequest(body=body, headers={"authorization": "Bearer the-api-token-0123456789"}),
                    conversation_id="c1"))
    (message,) = handled
    assert message.text.startswith("电话[手机号] ")
    assert message.text.count("长") == MAX_TEXT - len("电话13812345678 "), "cut at the cap, then masked"
    assert message.parse_data["text"] == "邮箱 [邮箱]"
