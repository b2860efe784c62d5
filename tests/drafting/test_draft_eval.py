"""Gate: the drafter on the five hand-made documents, and the scoring of any
document against an annotation (bench/draft_eval.py; figures per document in
docs/adding-a-document.md)."""
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("draft_eval", ROOT / "bench" / "draft_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["draft_eval"] = module      # dataclasses look the module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def five(bench):
    return bench.evaluate()


@pytest.mark.parametrize("key", ["articles", "measures", "groups", "lead", "verbatim"])
def test_target_reached_on_the_five(bench, five, key):
    hit, n = bench.total(five, key)
    assert hit / n >= bench.GATE[key], f"{key}: {hit}/{n}\n{bench.table(five)}"


def test_no_text_is_dropped_and_every_document_drafts_its_own_articles(five):
    for r in five:
        assert r.dropped == 0 and r.rate("articles") >= 0.80 and r.rate("measures") >= 0.75, r.doc


def _d(groups=(), gender=None, chars=(0, 10)):
    c = {"groups": list(groups)} if groups else {}
    if gender:
        c["gender"] = gender
    return {"conditions": c, "chars": list(chars)}


def test_group_agreement_compares_the_drafts_for_the_reference_text(bench):
    same = bench.same_people
    assert same(({"a", "b"}, None), [_d("a"), _d("b"), _d("c")], [])
    assert same(({"a", "b"}, None), [_d("a")], [_d("a"), _d("b")])
    assert not same(({"a", "b"}, None), [_d("a")], [_d("a"), _d()])
    assert not same(({"a", "b"}, None), [_d("a")], [_d("a"), _d("c")])
    assert not same(({"a"}, "female"), [_d("a")], [])
    assert same((set(), None), [_d(), _d("a")], []) and not same((set(), None), [_d("a")], [])


def test_lead_agreement_by_name_full_form_or_none_named(bench):
    assert bench.same_lead([{"人力资源社会保障部"}], [{"人力资源社会保障部"}])
    assert bench.same_lead([{"住所地街道社区公共就业服务机构"}], [{"街道社区公共就业服务机构"}])
    assert bench.same_lead(None, []) and not bench.same_lead([{"财政部"}], [])
    assert not bench.same_lead([{"财政部"}], [{"人力资源社会保障部"}])


def test_labels_align_in_order_of_print(bench):
    units = [("第一条", (0, 5)), ("第二条", (5, 20)), ("第二条（一）", (9, 14)), ("（三）", (20, 30))]
    assert bench.align(["第一条", "第二条（一）", "一、（三）"], units) == \
        {"第一条": (0, 5), "第二条（一）": (9, 14), "一、（三）": (20, 30)}


def test_a_document_scored_against_an_annotation(bench, tmp_path):
    """The annotation format (bench/annotations/national/): every figure is computed and a
    wrong drafter decision shows in it."""
    text = ("某区支持创业办法\n\n第一条 为了支持创业，制定本办法。\n\n"
            "第二条 对在本区创办企业的高校毕业生，给予一次性创业补贴。\n\n"
            "第三条 区人社局应当为创业者免费提供创业培训。\n\n"
            "第四条 区有关部门应当加强协调，定期开展评估。\n\n第五条 本办法自2025年1月1日起施行。\n")
    (tmp_path / "demo.txt").write_text(text, encoding="utf-8")
    ann = {"id": "demo", "source": "constructed for this test", "title": "某区支持创业办法", "issuer": [],
           "number": None, "issued": None, "in_force": "2025-01-01", "valid_until": None, "region": "天河区",
           "articles": [
               {"label": "第一条", "internal": True, "why": "目的"},
               {"label": "第二条", "internal": False, "measures": [
                   {"quote": "对在本区创办企业的高校毕业生，给予一次性创业补贴。", "groups": ["college_graduate"],
                    "gender": None, "audience": ["founder"], "category": "financing", "lead": [], "support": []}]},
               {"label": "第三条", "internal": False, "measures": [
                   {"quote": "区人社局应当为创业者免费提供创业培训。", "groups": [], "gender": None,
                    "audience": ["founder"], "category": "training", "lead": ["区人社局"], "support": []}]},
               {"label": "第四条", "internal": True, "why": "协调"},
               {"label": "第五条", "internal": True, "why": "施行"}],
           "left_out": []}
    (tmp_path / "demo.yml").write_text(yaml.safe_dump(ann, allow_unicode=True), encoding="utf-8")
    [r] = bench.evaluate_annotations(tmp_path)
    assert (r.articles, r.measures, r.groups, r.lead, r.internal) == ((2, 2), (2, 2), (2, 2), (2, 2), (3, 3))
    assert (r.unmatched, r.verbatim, r.dropped) == (0, (r.drafts, r.drafts), 0)
    # an annotation that says otherwise shows as a disagreement
    ann["articles"][2]["measures"][0]["lead"] = ["区财政局"]
    (tmp_path / "demo.yml").write_text(yaml.safe_dump(ann, allow_unicode=True), encoding="utf-8")
    [r] = bench.evaluate_annotations(tmp_path)
    assert r.lead == (1, 2) and any("lead" in what for _, what in r.disagreements)
    # an annotation's mistakes (a quote not in the text, an unknown region) are said, not fatal
    ann["articles"][1]["measures"][0]["quote"] = "不在原文中的一句。"
    ann["region"] = "无此地"
    (tmp_path / "demo.yml").write_text(yaml.safe_dump(ann, allow_unicode=True), encoding="utf-8")
    [r] = bench.evaluate_annotations(tmp_path)
    assert r.measures == (1, 1)
    assert {where for where, _ in r.disagreements} >= {"第二条#1", "region"}
