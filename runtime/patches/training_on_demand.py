"""A server imports TensorFlow (and Rasa's other training and evaluation code)
only if it uses it. Rasa 3.6 imports TensorFlow in every process that loads a
model, whatever the model: its modules for DIET, TED, ResponseSelector … sit on
the import path of the processor, the actions and the CRF extractor
(`rasa.core.actions.action` → `policy` → `tracker_featurizers` →
`single_state_featurizer` → `nlu.extractors.extractor` →
`rasa.utils.train_utils` → `rasa.utils.tensorflow.callback` → `tensorflow`,
found with `python -X importtime`), and matplotlib for `rasa test`'s plots
(`crf_entity_extractor` → `rasa.nlu.test` → `rasa.utils.plotting`). Our model
uses none of them (config.yml), yet TensorFlow alone cost each server about
570 MB and 6–7 s of its start. Rasa has no setting for this: its registry of
default components is not the path (a server never reads it; it resolves the
classes its model names).

In a server process:

1. The modules of DEFERRED run on first use (deferral.py): importing and
   binding them costs nothing; a model that does use DIET or TED (or
   `/model/train` on the HTTP API) reads one of their names and gets the real
   module, TensorFlow and all, as before, only later.
2. Loading any model reads two such names although a server never runs the
   code behind them:
   - `ModelMetadata.from_dict` resolves the classes of the model's *train*
     schema, whose `DefaultV1RecipeValidator` imports DIETClassifier,
     ResponseSelector and TEDPolicy by name. A server runs the predict schema:
     the train schema's classes are now resolved when it is first used (by a
     training run), not when the model is loaded.
   - CRFEntityExtractor calls `rasa.utils.train_utils.init_split_entities`, a
     function of plain dicts in a module whose other functions train
     TensorFlow models. The deferred module starts with that one function,
     compiled from Rasa's own source file (Rasa's code, not a copy).

Training (`rasa train`, `python -m runtime train`) installs no patches and
imports what it needs, as before. tests/runtime/patches/test_patches.py checks that Rasa's
serving code path leaves these modules unrun and TensorFlow and matplotlib
unimported, and that a deferred module works when it is used.
"""
from __future__ import annotations

import ast
import typing
from pathlib import Path

from . import deferral
from .base import MARK, replace

NAME = "training_on_demand"

# Rasa 3.6.21's modules that import TensorFlow or matplotlib when imported, and
# train_utils, which imports the TensorFlow ones by name. None is a package.
DEFERRED = frozenset({
    "rasa.utils.train_utils",
    "rasa.utils.plotting",
    "rasa.utils.tensorflow.callback",
    "rasa.utils.tensorflow.crf",
    "rasa.utils.tensorflow.data_generator",
    "rasa.utils.tensorflow.layers",
    "rasa.utils.tensorflow.layers_utils",
    "rasa.utils.tensorflow.metrics",
    "rasa.utils.tensorflow.models",
    "rasa.utils.tensorflow.rasa_layers",
    "rasa.utils.tensorflow.transformer",
    "rasa.utils.tensorflow.types",
    "rasa.nlu.classifiers.diet_classifier",
    "rasa.nlu.selectors.response_selector",
    "rasa.nlu.featurizers.dense_featurizer.convert_featurizer",
    "rasa.nlu.featurizers.dense_featurizer.lm_featurizer",
    "rasa.core.policies.ted_policy",
    "rasa.core.policies.unexpected_intent_policy",
})
KEPT_OUT = ("tensorflow", "matplotlib")   # what a server never imports now (tests check it)


def compiled_from_source(spec, function: str):
    """Rasa's function `function` of a module, compiled from its source file
    alone, without running the file. Its globals: typing's names and the one
    constant it reads (init_split_entities needs no more)."""
    from rasa.shared.nlu.constants import SPLIT_ENTITIES_BY_COMMA

    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"), spec.origin)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
    namespace = {**{n: getattr(typing, n) for n in typing.__all__}, "__name__": spec.name,
                 "SPLIT_ENTITIES_BY_COMMA": SPLIT_ENTITIES_BY_COMMA}
    exec(compile(ast.Module([node], type_ignores=[]), spec.origin, "exec"), namespace)  # noqa: S102 - Rasa's source
    return namespace[function]


AHEAD = {"rasa.utils.train_utils": {
    "init_split_entities": lambda spec: compiled_from_source(spec, "init_split_entities")}}


def _train_schema_on_first_use() -> bool:
    from rasa.engine.graph import GraphSchema
    from rasa.engine.storage.storage import ModelMetadata

    class TrainSchema(GraphSchema):
        """A loaded model's train schema; its component classes are imported when first used."""

        def __init__(self, serialized: dict):
            self._serialized = serialized

        def __getattr__(self, name):
            if name != "nodes":
                raise AttributeError(name)
            self.nodes = GraphSchema.from_dict(self._serialized).nodes
            return self.nodes

    original = ModelMetadata.from_dict.__func__

    def from_dict(cls, serialized):
        metadata = original(cls, {**serialized, "train_schema": {"nodes": {}}})
        metadata.train_schema = TrainSchema(serialized["train_schema"])
        return metadata

    setattr(from_dict, MARK, NAME)   # a classmethod's attributes are read through its function
    return replace(ModelMetadata, "from_dict", classmethod(from_dict), NAME)


def defer() -> None:
    """Before anything imports Rasa's model code (patches.install calls it first)."""
    deferral.defer(DEFERRED, ahead=AHEAD)


def install() -> bool:
    defer()
    return _train_schema_on_first_use()
