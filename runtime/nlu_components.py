"""Custom Rasa NLU components (imported by config.yml as runtime.nlu_components.X)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.dialogue import MAX_TEXT
from bot.script import read_script
from runtime.inbound import TRUNCATED

SCRIPT = "script"
MAX_CHARS = MAX_TEXT  # the one length cap; the dialogue answers TOO_LONG when it applied
# A message over the cap is answered TOO_LONG whatever NLU finds in it: NLU reads only
# enough of it to tell the script, so 1,000 characters of one-letter words (a token
# each for the CRF) cost no more than a greeting (bench/security.py).
CUT_MESSAGE_CHARS = 100


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class TraditionalToSimplified(GraphComponent):
    """Converts Traditional Chinese to Simplified before tokenizing, so one model
    (trained on Simplified data and lookups) understands both scripts. The
    script the person wrote in is kept in the parse data as `script`."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "TraditionalToSimplified":
        return cls()

    @staticmethod
    def _convert(message: Message) -> None:
        text = message.get(TEXT)
        if not text:
            return
        # A 10,000-character paste is not a question; its start is enough to
        # classify, and the flag lets the dialogue say that it was cut. The
        # message guard cuts every message before it is stored and says so in
        # the metadata; the cut here is for NLU's other callers (rasa test, /model/parse).
        metadata = message.get("metadata")
        if len(text) > MAX_CHARS or (isinstance(metadata, dict) and metadata.get(TRUNCATED) is True):
            text = text[:CUT_MESSAGE_CHARS]
            message.set(TRUNCATED, True, add_to_output=True)
        simplified, script = read_script(text)   # the message's one conversion
        if simplified != message.get(TEXT):
            message.set(TEXT, simplified)
        message.set(SCRIPT, script, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._convert(example)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._convert(message)
        return messages

    @staticmethod
    def required_packages() -> Optional[List[Text]]:
        # opencc is imported at module level; Rasa's check would want the module
        # name ("opencc") and its fingerprint the distribution name, which differ.
        return []
