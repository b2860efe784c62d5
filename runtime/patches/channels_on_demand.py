"""A server imports only the channels it serves. Rasa 3.6's `rasa.core.channels`
package imports all fifteen built-in channels, and with them the Telegram
(aiogram), Slack, Webex Teams, Twilio, Google and console (questionary,
prompt_toolkit) client libraries, in every process that touches a channel:
about 30 MB and half a second per server, for channels we never serve (ours
are named by class path in credentials*.yml: runtime.channels.*).

In a server process:

1. The package's own code runs on first use (deferral.py). Its submodules
   (`rasa.core.channels.channel`, `.socketio`, `.rest` …) are imported as usual,
   and the names it re-exports from `channel` (UserMessage, InputChannel,
   OutputChannel, CollectingOutputChannel) are read from there. The console
   channel (`rasa shell`) runs on first use too: `rasa.core.run` imports it for
   the shell only.
2. `rasa.core.run._create_single_channel` looks a channel up in the list of
   built-in channels (which runs the package) before it tries a class path.
   Built-in names have no dot, so a dotted name is a class path: it is loaded
   directly, with Rasa's own error message when it cannot be. Any other name
   (`rest`, `telegram`, the shell's `cmdline`) goes to Rasa's function as
   before.
"""
from __future__ import annotations

from . import deferral
from .base import replace

NAME = "channels_on_demand"

PACKAGE = "rasa.core.channels"
DEFERRED = frozenset({PACKAGE, "rasa.core.channels.console"})
SURFACE = {PACKAGE: "channel"}
KEPT_OUT = ("aiogram", "slack_sdk", "webexteamssdk", "twilio", "questionary")   # tests check these


def defer() -> None:
    """Before anything imports rasa.core.channels (patches.install calls it first)."""
    deferral.defer(DEFERRED, surface=SURFACE)


def install() -> bool:
    defer()

    import rasa.core.run
    import rasa.shared.utils.common
    from rasa.shared.exceptions import RasaException

    original = rasa.core.run._create_single_channel

    def _create_single_channel(channel, credentials):
        if "." not in channel:
            return original(channel, credentials)
        try:
            input_channel_class = rasa.shared.utils.common.class_from_module_path(channel)
            return input_channel_class.from_credentials(credentials)
        except (AttributeError, ImportError):
            raise RasaException(   # Rasa's message
                f"Failed to find input channel class for '{channel}'. Unknown "
                f"input channel. Check your credentials configuration to "
                f"make sure the mentioned channel is not misspelled. "
                f"If you are creating your own channel, make sure it "
                f"is a proper name of a class in a module.")

    return replace(rasa.core.run, "_create_single_channel", _create_single_channel, NAME)
