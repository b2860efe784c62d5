"""Rasa's check of action server responses (runtime/patches/response_validator.py): the
reused validator accepts and rejects exactly what `jsonschema.validate` does,
with the same message, so a broken action server is still reported."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from runtime import patches
from runtime.patches.base import patch_of

patches.install()

SPEC = RemoteAction.action_response_format_spec()
remote = RemoteAction("action_respond", None)

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "region", "value": "柳州市", "timestamp": None},
                {"event": "active_loop", "name": None},
                {"event": "followup", "name": "action_listen"}],
     "responses": [{"text": "《广西》第12条：……", "buttons": [{"title": "详情", "payload": "/details"}]}]},
    {"events": [{"event": "bot", "text": "您好", "data": {}, "metadata": {}}]},
]
INVALID = [
    {"events": "slot"},                                       # not a list
    {"events": [{"name": "region", "value": "柳州市"}]},        # event without its type
    {"events": [{"event": "slot", "value": "柳州市"}]},         # slot event without a name
    {"events": [{"event": "no_such_event"}]},
    {"responses": [{"text": "x"}, "not an object"]},
    [],                                                       # not an object at all
]


def test_it_is_the_patched_check():
    assert patch_of(RemoteAction._validate_action_result) == "response_validator"


@pytest.mark.parametrize("response", VALID)
def test_valid_responses_pass(response):
    jsonschema.validate(response, SPEC)        # the reference agrees they are valid
    assert remote._validate_action_result(response) is True


@pytest.mark.parametrize("response", INVALID)
def test_invalid_responses_are_rejected_like_jsonschema_does(response):
    with pytest.raises(jsonschema.ValidationError) as reference:
        jsonschema.validate(response, SPEC)
    with pytest.raises(jsonschema.ValidationError) as ours:
        remote._validate_action_result(response)
    assert ours.value.message.startswith(reference.value.message)
    assert "Failed to validate Action server response" in ours.value.message
    assert list(ours.value.absolute_path) == list(reference.value.absolute_path)
