"""Rasa checks every action server response with `jsonschema.validate`, which
first re-checks the (large, constant) response schema against the meta-schema:
under load that was 60% of a replica's CPU (py-spy). Here the schema is
checked once and one validator instance is reused; the responses are validated
exactly as before (same accept/reject, same message).

Even so, a valid response cost about 10% of a turn's CPU in Rasa (cProfile of
bench/load.py's conversations): every event is checked against all 23 event
schemas of the schema's `oneOf`, to find the one that matches. Each of them
fixes the event's type with a `const`, and the types differ, so an event can
only match the schema of its own type: "exactly one of the 23 matches" is
"it is an object with a string `event` (the common part) and it matches the
schema of that type". That is checked first (about 15x faster); a response it
does not accept goes through the full schema, which gives Rasa's message.

Replaces rasa.core.actions.action.RemoteAction._validate_action_result."""
from __future__ import annotations

from typing import Any, Dict

from .base import replace

NAME = "response_validator"


def fast_validity(schema: dict, validator_class):
    """A function telling, like the full schema, whether a response is valid; it
    checks each event against the common part and its own type's schema only."""
    events = schema["properties"]["events"]
    event = events["items"]
    by_type = {alternative["properties"]["event"]["const"]: validator_class(alternative)
               for alternative in event["oneOf"]}
    assert len(by_type) == len(event["oneOf"]), "two event schemas share a type"
    common = validator_class({k: v for k, v in event.items() if k != "oneOf"})
    outer = validator_class({**schema, "properties": {**schema["properties"],
                                                      "events": {k: v for k, v in events.items() if k != "items"}}})

    def valid(result: Any) -> bool:
        if not outer.is_valid(result):
            return False
        for item in result.get("events") or ():
            if not common.is_valid(item):
                return False
            own = by_type.get(item["event"])
            if own is None or not own.is_valid(item):
                return False
        return True

    return valid


def install() -> bool:
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    valid = fast_validity(schema, validator_class)

    def _validate_action_result(self, result: Dict[str, Any]) -> bool:
        if valid(result):
            return True
        # What jsonschema.validate raises, minus its per-call check_schema.
        error = exceptions.best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error

    return replace(RemoteAction, "_validate_action_result", _validate_action_result, NAME)
