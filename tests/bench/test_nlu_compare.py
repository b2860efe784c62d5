"""The NLU comparison bench compares like with like, and the fallback
cross-validation counts what FallbackClassifier would do."""
from pathlib import Path

import yaml
from bench import fallback_cv, nlu_compare

ROOT = Path(__file__).resolve().parents[2]


CHOSEN = set(nlu_compare.MODEL_STEPS)
CLASSIFIERS = {"DIETClassifier", "LogisticRegressionClassifier", "SklearnIntentClassifier",
               "runtime.intent_classifier.NgramIntentClassifier"}


def pipeline_of(name):
    return yaml.safe_load(nlu_compare.candidate_config(name))["pipeline"]


def test_candidates_differ_from_config_yml_only_in_model_steps_and_fallback():
    ours = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    shared = [s for s in ours["pipeline"] if s["name"] not in CHOSEN | {"FallbackClassifier"}]
    for name in nlu_compare.DEFAULT:
        steps = pipeline_of(name)
        assert [s for s in steps if s["name"] not in CHOSEN | {"FallbackClassifier"}] == shared, name
        assert len([s for s in steps if s["name"] in CLASSIFIERS]) == 1, name
        assert yaml.safe_load(nlu_compare.candidate_config(name))["policies"] == ours["policies"]
    assert any(s["name"] == "CRFEntityExtractor" for s in pipeline_of("logreg_crf"))


def test_config_yml_is_the_chosen_candidate():
    """docs/nlu.md's table names one row as config.yml; the bench must build exactly it."""
    ours = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    assert pipeline_of("ngram_crf") == ours["pipeline"]
    diet = [s["name"] for s in pipeline_of("diet")]
    assert diet.index("DIETClassifier") > diet.index("CountVectorsFeaturizer")   # DIET keeps its features


def test_fallback_outcomes():
    ranking = lambda *pairs: [{"name": n, "confidence": c} for n, c in pairs]  # noqa: E731
    sure = ranking(("inform", 0.9), ("more", 0.05))
    close = ranking(("inform", 0.5), ("more", 0.48))
    assert fallback_cv.outcome("inform", sure, 0.3, 0.05) == "right"
    assert fallback_cv.outcome("more", sure, 0.3, 0.05) == "wrong"
    assert fallback_cv.outcome("inform", close, 0.3, 0.05) == "lost"      # ambiguous: falls back
    assert fallback_cv.outcome("more", close, 0.3, 0.05) == "caught"
    assert fallback_cv.outcome("out_of_scope", close, 0.3, 0.05) == "caught"
    assert fallback_cv.outcome("out_of_scope", ranking(("out_of_scope", 0.7), ("greet", 0.1)), 0.3, 0.05) == "right"
    assert fallback_cv.outcome("out_of_scope", sure, 0.3, 0.05) == "wrong"
