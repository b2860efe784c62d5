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


def event_variants():
    """Events of every type the schema knows, well and badly formed, and some it does not know."""
    from rasa.shared.utils.schemas.events import EVENT_SCHEMA

    kinds = [alt["properties"]["event"]["const"] for alt in EVENT_SCHEMA["oneOf"]]
    bad_values = [None, 1, 1.5, "x", [], {}, [{"entity": "e", "value": 1}], [{"value": 1}], True]
    for kind in kinds + ["no_such_event", 3, None]:
        yield {"event": kind}
        yield {"event": kind, "timestamp": "yesterday"}
        yield {"event": kind, "metadata": []}
        for field in ("name", "value", "text", "entities", "policy", "confidence", "hide_rule_turn",
                      "parse_data", "input_channel", "message_id", "action_text"):
            for value in bad_values:
                yield {"event": kind, field: value}
                yield {"event": kind, "name": "region", "value": "x", field: value}
    yield {"event": "user", "parse_data": {"intent": {"name": 3}}}
    yield {"event": "user", "parse_data": {"entities": [{"entity": "region"}]}}
    yield {"event": "user", "parse_data": {"response_selector": {"all_retrieval_intents": []}}}
    yield {"event": "user", "parse_data": {"response_selector": {"faq": {"response": {"confidence": "high"}}}}}
    yield "not an event"


def test_the_fast_check_agrees_with_the_full_schema_on_every_kind_of_event():
    """The fast path (each event against its own type's schema) accepts exactly
    what the full schema's oneOf accepts, alone and inside a response."""
    from runtime.patches.response_validator import fast_validity

    cls = jsonschema.validators.validator_for(SPEC)
    full, fast = cls(SPEC), fast_validity(SPEC, cls)
    checked = 0
    for event in event_variants():
        for response in ({"events": [event]}, {"events": [{"event": "action", "name": "x"}, event],
                                               "responses": [{"text": "t"}]}):
            assert fast(response) == full.is_valid(response), response
            checked += 1
    assert checked > 1000
    for response in VALID + INVALID:
        assert fast(response) == full.is_valid(response), response
