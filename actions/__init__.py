"""Rasa's custom actions (rasa_sdk), the thin adapter between Rasa and the core:
`actions/actions.py` turns the tracker into the core's input, calls
`bot.dialogue.respond` and turns its outcome into Rasa events.

Two servers register this package, the same actions either way:
- `rasa run actions`, Rasa's convention, for local development: no token, and
  rasa-sdk listens on every interface;
- `python -m runtime.action_server` (`make actions`, the cluster, deploy/): the
  project's server, loopback by default and token-checked (docs/security.md).
Neither needs the project's Rasa patches (runtime/patches/): they change the Rasa
server, not rasa-sdk.
"""
