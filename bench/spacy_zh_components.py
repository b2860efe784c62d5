"""Rasa component for config-spacy.yml (the spaCy comparison pipeline).

`JiebaUserDictionary` loads the jieba user dictionary into the global jieba instance
that spaCy's Chinese tokenizer (segmenter "jieba") uses. A saved spaCy model cannot
carry it (see bench/make_spacy_zh.py), and JiebaTokenizer — which loads it in
config.yml — cannot be added next to SpacyTokenizer (Rasa allows one tokenizer).

It is registered as a MESSAGE_TOKENIZER only so that the recipe gives it a node in
both the training and the inference graph (it is not a `Tokenizer` subclass and adds
no tokens). Imported by Rasa as `bench.spacy_zh_components.JiebaUserDictionary`
(Rasa puts the working directory on sys.path; run rasa from the repo root). If the
spaCy pipeline were ever adopted, this belongs in runtime/nlu_components.py.
"""
from __future__ import annotations

import glob
import logging
import os
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

_LOADED: set = set()


def load_user_dictionaries(path: Text) -> None:
    """Load every file in `path` (or the file `path`) once per process.

    Loading twice would not add words but would change jieba's segmentation: each
    load adds all frequencies to jieba's total again (Rasa's own JiebaTokenizer does
    load it twice while training)."""
    import jieba

    files = sorted(glob.glob(os.path.join(path, "*"))) if os.path.isdir(path) else [path]
    for f in files:
        key = os.path.abspath(f)
        if key in _LOADED:
            continue
        logger.info(f"Loading jieba user dictionary {f} for spaCy's jieba segmenter")
        jieba.load_userdict(f)
        _LOADED.add(key)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class JiebaUserDictionary(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"dictionary_path": "data/jieba"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._path = config["dictionary_path"]
        load_user_dictionaries(self._path)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "JiebaUserDictionary":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        load_user_dictionaries(self._path)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        return messages

    @staticmethod
    def required_packages() -> Optional[List[Text]]:
        return ["jieba"]
