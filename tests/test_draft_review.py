"""Drafting a small new document, validating the draft, and the review flow driven by scripted answers."""
import shutil
from pathlib import Path

import pytest
import yaml

from bot import kb as kbmod
from bot.cli import main
from bot.draft.check import check_draft
from bot.draft.review import Review, ScriptedIO
from bot.draft.vocab import load_vocabulary
from bot.draft.writer import Drafter, dump

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "draft" / "new-policy.txt"
NANNING_AGENCY = """\
  - id: nn-tyjr
    name: 市退役军人局
    full_name: 南宁市退役军人事务局
    level: prefecture
    region: 南宁市
"""


@pytest.fixture
def repo(tmp_path):
    """A copy of the rules (one 南宁 agency added) and of the eligibility cases, plus the new text."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    with (tmp_path / "rules" / "agencies.yml").open("a", encoding="utf-8") as f:
        f.write(NANNING_AGENCY)
    (tmp_path / "tests").mkdir()
    shutil.copytree(ROOT / "tests" / "eligibility", tmp_path / "tests" / "eligibility")
    (tmp_path / "incoming").mkdir()
    shutil.copy(FIXTURE, tmp_path / "incoming" / "nanning-2024.txt")
    return tmp_path


def draft_cli(repo):
    out = repo / "rules" / "drafts" / "nanning-2024.yml"
    code = main(["--rules", str(repo / "rules"), "draft", str(repo / "incoming" / "nanning-2024.txt"),
                 "--doc", "nanning-2024", "--region", "南宁", "--prefix", "nn"])
    assert code == 0
    return out, yaml.safe_load(out.read_text(encoding="utf-8"))


def test_draft_file_in_the_rules_format(repo, capsys):
    path, d = draft_cli(repo)
    text = path.read_text(encoding="utf-8")
    assert "#   2. 加强统计监测 — government-internal: 统计" in text     # the header names the left-out article and why
    src = d["source"]
    assert src["title"] == "南宁市关于支持重点群体创业的若干措施"
    assert src["number"] == "南政办发〔2024〕3号" and src["issuer"] == "南宁市人民政府办公室"
    assert str(src["issued"]) == "2024-03-01" and src["region"] == "南宁市" and src["articles"] == 3
    assert len(src["sha256"]) == 64
    arts = {a["article"]: a for a in d["articles"]}
    assert arts[1]["actionable"] and not arts[2]["actionable"] and "统计" in arts[2]["reason"]
    measures = d["measures"]
    assert all(m["status"] == "draft" for m in measures)
    raw = FIXTURE.read_text(encoding="utf-8")
    for m in measures:
        assert raw[m["chars"][0]:m["chars"][1]] == m["quote"]
        assert raw.encode()[m["bytes"][0]:m["bytes"][1]].decode() == m["quote"]
    veteran = next(m for m in measures if m.get("conditions", {}).get("groups") == ["veteran"]
                   and "贴息" in m["quote"])
    assert veteran["category"] == "financing"
    assert veteran["agencies"]["lead"] == ["nn-tyjr"]            # matched in agencies.yml
    new = {a["name"]: a for a in d["new_agencies"]}
    assert {"市财政局", "市新设局"} <= set(new)                     # proposed, never guessed into an id
    assert any("new agency? “市新设局”" in r for r in veteran["review"])
    youth = next(m for m in measures if "青年创业者" in m["quote"])
    assert "conditions" not in youth or "groups" not in youth["conditions"]
    assert any("new group?" in r for r in youth["review"])
    woman = next(m for m in measures if m["quote"].startswith("开展女大学生"))
    assert woman["conditions"] == {"groups": ["university_student"], "gender": "female"}
    assert woman["cases"][0]["eligible_ids"] == [woman["id"]] and woman["cases"][1]["hidden_ids"] == [woman["id"]]
    tech = next(m for m in measures if "科技型中小企业" in m["quote"])
    assert tech["conditions"] == {"tech_business": True}
    assert check_draft(path, repo / "rules") == []


def test_drafts_are_checked_strictly_and_never_load(repo, capsys):
    path, d = draft_cli(repo)
    d["measures"][0]["quote"] = d["measures"][0]["quote"] + "多"
    d["measures"][1]["category"] = "money"
    path.write_text(dump(d), encoding="utf-8")
    problems = [str(p) for p in check_draft(path, repo / "rules")]
    assert any("quote not found verbatim" in p for p in problems)
    assert any("unknown category `money`" in p for p in problems)
    assert any("`chars`" in p and "not the span" in p for p in problems)
    assert main(["--rules", str(repo / "rules"), "validate"]) == 1
    kb = kbmod.load(repo / "rules")                     # the bot loads only rules/measures/
    assert "nanning-2024" not in kb.sources and not any(m.id.startswith("nn-") for m in kb.measures)


def test_review_accept_edit_reject_merge(repo):
    path, d = draft_cli(repo)
    ids = [m["id"] for m in d["measures"]]
    first, second = d["measures"][0], d["measures"][1]
    assert first["article"] == second["article"] == 1
    # 1st: merge nothing (no previous) -> say so, then edit the title and accept;
    # 2nd: reject; 3rd: merge into... skip; then quit.
    io = ScriptedIO(["m", "e", "title=退役军人创业支持", "", "a", "r", "s", "q"])
    assert Review(path, repo / "rules", repo, io).run() == 0
    assert "同一条款前面没有可合并的草拟措施" in io.text
    assert "【" in io.text and "】" in io.text                   # the quote marked in its article
    kb = kbmod.load(repo / "rules")
    accepted = kb.measures_of("nanning-2024")
    assert [m.id for m in accepted] == [ids[0]] and accepted[0].title == "退役军人创业支持"
    assert kb.sources["nanning-2024"].sha256 == d["source"]["sha256"]
    assert (repo / "rules" / "sources" / "nanning-2024.txt").read_text(encoding="utf-8") == FIXTURE.read_text(encoding="utf-8")
    measures_text = (repo / "rules" / "measures" / "nanning-2024.yml").read_text(encoding="utf-8")
    assert "status" not in measures_text and "加强统计监测" in measures_text     # left-out header comment
    cases = yaml.safe_load((repo / "tests" / "eligibility" / "nanning-2024.yml").read_text(encoding="utf-8"))
    assert cases[0]["eligible_ids"] == [ids[0]]
    left = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [m["id"] for m in left["measures"]] == ids[2:]
    assert left["rejected"][0]["id"] == ids[1]


def test_review_merge_makes_one_verbatim_span(repo):
    path, d = draft_cli(repo)
    ids = [m["id"] for m in d["measures"]]
    io = ScriptedIO(["s", "m", "a", "q"])
    Review(path, repo / "rules", repo, io).run()
    kb = kbmod.load(repo / "rules")
    (merged,) = kb.measures_of("nanning-2024")
    assert merged.id == ids[0]
    assert merged.quote.startswith(d["measures"][0]["quote"]) and merged.quote.endswith(d["measures"][1]["quote"])


def test_accepting_a_measure_that_breaks_the_rules_is_rolled_back(repo):
    path, d = draft_cli(repo)
    io = ScriptedIO(["e", "category=nothing", "", "a", "q"])
    Review(path, repo / "rules", repo, io).run()
    assert "已撤回" in io.text and "unknown category `nothing`" in io.text
    assert "nanning-2024" not in kbmod.load(repo / "rules").sources
    assert not (repo / "rules" / "measures" / "nanning-2024.yml").exists()


def test_edit_refuses_a_quote_that_is_not_verbatim(repo):
    path, d = draft_cli(repo)
    io = ScriptedIO(["e", "quote=给予很多补贴", "", "q"])
    Review(path, repo / "rules", repo, io).run()
    assert "不在原文中" in io.text


def test_a_new_document_without_issuer_asks_for_it(repo):
    text = (repo / "incoming" / "nanning-2024.txt").read_text(encoding="utf-8").replace("发布单位:南宁市人民政府办公室\n", "")
    (repo / "incoming" / "nanning-2024.txt").write_text(text, encoding="utf-8")
    path, d = draft_cli(repo)
    assert d["source"]["issuer"] is None and any("issuer" in r for r in d["source_review"])
    io = ScriptedIO(["南宁市人民政府办公室", "a", "q"])
    Review(path, repo / "rules", repo, io).run()
    assert kbmod.load(repo / "rules").sources["nanning-2024"].issuer == "南宁市人民政府办公室"
