"""The TensorFlow-free intent classifier (runtime/intent_classifier.py): it
learns, survives a save and load, stores no pickle, and its probabilities are
scikit-learn's."""
from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from runtime.intent_classifier import MODEL_FILE, NgramIntentClassifier

EXAMPLES = {
    "greet": ["你好", "您好", "嗨，你好", "早上好", "在吗"],
    "ask_amount": ["能贷多少钱", "最多补贴多少", "额度是多少", "能给多少钱", "贷款上限多少"],
    "ask_materials": ["要准备什么材料", "需要哪些材料", "带什么证件", "申请要什么资料", "材料清单有吗"],
    "goodbye": ["再见", "拜拜", "先这样，再见", "下次再聊", "走了"],
}


@pytest.fixture(scope="module")
def tokenizer():
    return JiebaTokenizer({**JiebaTokenizer.get_default_config(), "dictionary_path": None}, None, None)


def messages(tokenizer, texts, intents=None):
    out = [Message(data={TEXT: t, **({"intent": i} if intents else {})})
           for t, i in zip(texts, intents or texts)]
    tokenizer.process(out)
    return out


@pytest.fixture()
def trained(tmp_path, tokenizer):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent")
    context = ExecutionContext(graph_schema=None, node_name="intent")
    component = NgramIntentClassifier.create({}, storage, resource, context)
    texts = [t for ts in EXAMPLES.values() for t in ts]
    intents = [i for i, ts in EXAMPLES.items() for _ in ts]
    component.train(TrainingData(messages(tokenizer, texts, intents)))
    return storage, resource, context, component


def test_unseen_phrasings_get_their_intent_after_save_and_load(trained, tokenizer):
    storage, resource, context, _ = trained
    loaded = NgramIntentClassifier.load({}, storage, resource, context)
    parsed = loaded.process(messages(tokenizer, ["你好啊", "最多能贷多少", "需要准备哪些证件材料"]))
    assert [m.get("intent")["name"] for m in parsed] == ["greet", "ask_amount", "ask_materials"]
    ranking = parsed[1].get("intent_ranking")
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)


def test_probabilities_are_scikit_learns(trained, tokenizer):
    """Our softmax of the stored weights is multinomial logistic regression."""
    from sklearn.linear_model import LogisticRegression

    _, _, _, component = trained
    texts = [t for ts in EXAMPLES.values() for t in ts]
    intents = [i for i, ts in EXAMPLES.items() for _ in ts]
    train = messages(tokenizer, texts, intents)
    reference = LogisticRegression(C=component.config["C"], max_iter=component.config["max_iter"])
    reference.fit(component._features(train), intents)
    probe = messages(tokenizer, ["额度多少", "拜拜啦", "什么"])
    assert list(reference.classes_) == component.classes
    np.testing.assert_allclose(component.probabilities(probe),
                               reference.predict_proba(component._features(probe)), atol=1e-6)


def test_the_stored_model_holds_no_pickle(trained):
    storage, resource, _, _ = trained
    with storage.read_from(resource) as directory:
        arrays = np.load(directory / MODEL_FILE, allow_pickle=False)
        assert {"coef", "intercept", "char_idf", "word_idf"} <= set(arrays.files)


def test_an_untrained_classifier_leaves_messages_alone(tmp_path, tokenizer):
    component = NgramIntentClassifier.load({}, LocalModelStorage(tmp_path), Resource("none"),
                                           ExecutionContext(graph_schema=None, node_name="none"))
    parsed = component.process(messages(tokenizer, ["你好"]))
    assert parsed[0].get("intent") is None
    assert TOKENS_NAMES[TEXT] in parsed[0].data
