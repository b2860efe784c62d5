"""Rasa checks every action server response with `jsonschema.validate`, which
first re-checks the (large, constant) response schema against the meta-schema:
under load that was 60% of a replica's CPU (py-spy). Here the schema is
checked once and one validator instance is reused; the responses are validated
exactly as before (same accept/reject, same message).

Replaces rasa.core.actions.action.RemoteAction._validate_action_result."""
from __future__ import annotations

from typing import Any, Dict

from .base import replace

NAME = "response_validator"


def install() -> bool:
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def _validate_action_result(self, result: Dict[str, Any]) -> bool:
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
