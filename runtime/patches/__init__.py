"""Our changes to Rasa 3.6.21 (and Sanic 21.12) where they have no extension
point, one module each, installed by one explicit call, `install()`:

    training_on_demand  import hook, ModelMetadata.from_dict  Rasa's TensorFlow (and plotting) modules run
                                                            on first use: a server whose model has no
                                                            DIET or TED never imports TensorFlow
    channels_on_demand  import hook, rasa.core.run._create_single_channel  the built-in channels' client
                                                            libraries imported only if a built-in channel
                                                            is served
    action_apology      RemoteAction.run                    the person gets an apology, not silence,
                                                            when the action server fails
    message_guard       Agent.handle_message                channel-bound ids, length cap, rate limit,
                                                            PII masking, message-id replay, a clear
                                                            reply when a store fails
    api_messages        MessageProcessor.log_message        the HTTP API's /messages prepared (cut,
                                                            masked) like every other message
    api_auth            rasa.server.requires_auth           the HTTP API token in a header, never in
                                                            the URL; compared in constant time
    loud_tracker_store  FailSafeTrackerStore.__init__       database errors reach the guard instead of
                                                            an empty in-memory tracker
    response_validator  RemoteAction._validate_action_result  the response schema checked once, not per call;
                                                            each event against its own type's schema first
    event_types         Event.resolve_by_type               an event's class found without walking all
                                                            Event subclasses for every event read
    http_keepalive      EndpointConfig.session              one connection to the action server reused,
                                                            not one opened per user message
    action_events       RemoteAction._action_call_format    `send_events: current_turn` (endpoints.yml):
                                                            the action server gets the current turn's
                                                            events, not the whole conversation's
    sanic_websockets    sanic.server.websockets.impl.asyncio  WebSockets on Python 3.11

What Rasa lets us declare is declared instead: the lock stores
(runtime/lock_store.py) and the tracker store (runtime/tracker_store.py) are
classes named in endpoints.yml, the channels and the NLU component are named in
credentials*.yml and config.yml.

`python -m runtime run|shell|...` (runtime/__main__.py) installs the patches and
then hands over to Rasa's own command line; every Rasa server of the project is
started that way (Makefile, scripts/, localrun/cluster.py, localrun/servers.py,
Dockerfile, deploy/). A server started with the bare `rasa` command refuses to
load our tracker store, naming the launcher (require_installed). Each patch has a
test that Rasa's code path still reaches the patched attribute
(tests/runtime/patches/test_patches.py), so an upgrade that bypasses one fails a test.
"""
from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from . import (action_apology, action_events, api_auth, api_messages, channels_on_demand, event_types, http_keepalive,
               loud_tracker_store, message_guard, response_validator, sanic_websockets, training_on_demand)

logger = logging.getLogger(__name__)

# What the patches were written and tested against (requirements/rasa.txt, lock.txt).
EXPECTED = {"rasa": "3.6.21", "rasa-sdk": "3.6.2", "sanic": "21.12.2"}
PATCHES = (training_on_demand, channels_on_demand, action_apology, message_guard, api_messages, api_auth,
           loud_tracker_store, response_validator, event_types, http_keepalive, action_events, sanic_websockets)
LAUNCHER = "python -m runtime run|shell"
_installed: list = []


class UnexpectedVersion(RuntimeError):
    pass


def installed_versions() -> dict:
    found = {}
    for name in EXPECTED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def check_versions(found: dict | None = None) -> None:
    """Refuse versions the patches were not written for: an upgrade changes the
    very internals they replace, and a patch that no longer applies fails silently."""
    found = installed_versions() if found is None else found
    wrong = {name: found.get(name, "not installed") for name, want in EXPECTED.items()
             if found.get(name) != want}
    if wrong:
        raise UnexpectedVersion(
            "runtime.patches are written for " + ", ".join(f"{n} {v}" for n, v in EXPECTED.items())
            + "; installed: " + ", ".join(f"{n} {v}" for n, v in wrong.items())
            + ". Reinstall the pinned versions (make install), or port runtime/patches/ and "
              "check tests/runtime/patches/test_patches.py before starting Rasa.")


def install() -> list:
    """Install every patch (once; later calls change nothing); returns their names."""
    if _installed:
        return list(_installed)
    check_versions()
    # the import hooks before any patch imports Rasa (theirs would import what they defer)
    for patch in PATCHES:
        if hasattr(patch, "defer"):
            patch.defer()
    for patch in PATCHES:
        patch.install()
        _installed.append(patch.NAME)
    logger.info("Rasa patches installed (%s): %s",
                ", ".join(f"{n} {v}" for n, v in EXPECTED.items()), ", ".join(_installed))
    return list(_installed)


def installed() -> bool:
    return bool(_installed)


def require_installed(component: str) -> None:
    """For components Rasa always loads (the tracker store): a server started
    without the patches would lose PII masking, the rate limit and the rest."""
    if not installed():
        raise RuntimeError(
            f"{component} needs the project's Rasa patches (runtime/patches/), which are not "
            f"installed: start Rasa with `{LAUNCHER} ...` (the same arguments as `rasa`), "
            "not the bare `rasa` command")
