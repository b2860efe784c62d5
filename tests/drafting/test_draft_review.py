"""Drafting a new document, validating the draft, and its review (the Session
the staff console's page and the terminal flow share; the terminal flow driven
by scripted answers). Writes go to a copy of rules/ and tests/eligibility/."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot import rules as kbmod
from bot.cli import main
from bot.matching.engine import Engine
from bot.matching.profile import parse_profile
from bot.rules.situations import case_failures
from drafting.check import check_draft
from drafting.review import Review, ScriptedIO
from drafting.session import ReviewError, Session
from drafting.writer import dump

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "draft"
NANNING_AGENCY = """\
  - id: nn-tyjr
    name: 市退役军人局
    full_name: 南宁市退役军人事务局
    level: prefecture
    region: 南宁市
"""
TODAY = __import__("datetime").date(2026, 11, 22)


@pytest.fixture
def repo(tmp_path):
    """A copy of the rules (one 南宁 agency added) and of the eligibility cases, plus the new texts."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("drafts"))
    with (tmp_path / "rules" / "agencies.yml").open("a", encoding="utf-8") as f:
        f.write(NANNING_AGENCY)
    (tmp_path / "tests").mkdir()
    shutil.copytree(ROOT / "tests" / "eligibility", tmp_path / "tests" / "eligibility")
    (tmp_path / "incoming").mkdir()
    shutil.copy(FIXTURES / "new-policy.txt", tmp_path / "incoming" / "nanning-2024.txt")
    shutil.copy(FIXTURES / "kunshan-youth.txt", tmp_path / "incoming" / "kunshan-youth.txt")
    return tmp_path


def draft_cli(repo, doc="nanning-2024", text="nanning-2024.txt", region="南宁", prefix="nn"):
    out = repo / "rules" / "drafts" / f"{doc}.yml"
    code = main(["--rules", str(repo / "rules"), "draft", str(repo / "incoming" / text),
                 "--doc", doc, "--region", region, "--prefix", prefix])
    assert code == 0
    return out, yaml.safe_load(out.read_text(encoding="utf-8"))


def all_cases_pass(repo) -> list:
    kb = kbmod.load(repo / "rules")
    engine = Engine(kb, today=TODAY)
    failures = []
    for path in sorted((repo / "tests" / "eligibility").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            result = engine.match(parse_profile(case["profile"], kb)).as_dict(engine)
            failures += [f"{path.name}: {case['name']}: {f}" for f in case_failures(case, result)]
    return failures


# ---- the draft -----------------------------------------------------------------------------

def test_draft_file_in_the_rules_format(repo):
    path, d = draft_cli(repo)
    text = path.read_text(encoding="utf-8")
    assert "#   2. 加强统计监测 — 政府内部事项" in text     # the header names the left-out article and why
    src = d["source"]
    assert src["title"] == "南宁市关于支持重点群体创业的若干措施"
    assert src["number"] == "南政办发〔2024〕3号" and src["issuer"] == "南宁市人民政府办公室"
    assert str(src["issued"]) == "2024-03-01" and src["region"] == "南宁市" and src["articles"] == 3
    assert len(src["sha256"]) == 64
    assert d["source_evidence"]["issuer"] == "发布单位:南宁市人民政府办公室"
    arts = {a["article"]: a for a in d["articles"]}
    assert arts[1]["actionable"] and not arts[2]["actionable"] and "统计" in arts[2]["reason"]
    raw = (FIXTURES / "new-policy.txt").read_text(encoding="utf-8")
    for m in d["measures"]:
        assert m["status"] == "draft"
        assert raw[m["chars"][0]:m["chars"][1]] == m["quote"]
        assert raw.encode()[m["bytes"][0]:m["bytes"][1]].decode() == m["quote"]
    veteran = next(m for m in d["measures"] if m.get("conditions", {}).get("groups") == ["veteran"])
    assert veteran["category"] == "financing"
    assert veteran["agencies"]["lead"] == ["nn-tyjr"]            # matched in agencies.yml
    assert veteran["why"]["decision"].startswith("对…“给予”")
    new = {a["name"]: a for a in d["new_agencies"]}
    assert {"市财政局", "市新设局"} <= set(new)
    assert any("新部门？“市新设局”" in r for r in veteran["review"])
    woman = next(m for m in d["measures"] if m["quote"].startswith("开展女大学生"))
    assert woman["conditions"] == {"groups": ["university_student"], "gender": "female"}
    tech = next(m for m in d["measures"] if "科技型中小企业" in m["quote"])
    assert tech["conditions"] == {"tech_business": True}
    # every character of the text is in an article, a heading or a reported left-out span
    reasons = [s["reason"] for s in d["left_out"]]
    assert any(r.startswith("封面") for r in reasons)
    assert check_draft(path, repo / "rules") == []


def test_a_county_level_and_a_national_region(repo):
    _, d = draft_cli(repo, "kunshan-youth-2025", "kunshan-youth.txt", "昆山市", "ks")
    assert d["source"]["region"] == "昆山市"
    assert d["source"]["in_force"].isoformat() == "2025-03-01"
    labels = [m["label"] for m in d["measures"]]
    assert "第五条（一）" in labels and "第五条（二）" in labels
    code = main(["--rules", str(repo / "rules"), "draft", str(repo / "incoming" / "kunshan-youth.txt"),
                 "--doc", "national-test", "--region", "全国", "--out", str(repo / "national.yml")])
    assert code == 0
    national = yaml.safe_load((repo / "national.yml").read_text(encoding="utf-8"))
    assert national["source"]["region"] == "全国"
    assert main(["--rules", str(repo / "rules"), "draft", str(repo / "incoming" / "kunshan-youth.txt"),
                 "--doc", "x", "--region", "无此地"]) == 2


def test_drafts_are_checked_strictly_and_never_load(repo):
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


def test_a_draft_that_leaves_text_unreported_fails_the_check(repo):
    path, d = draft_cli(repo)
    d["left_out"] = [s for s in d["left_out"] if not s["reason"].startswith("封面")]
    path.write_text(dump(d), encoding="utf-8")
    assert any("is in no article, heading or left-out span" in str(p) for p in check_draft(path, repo / "rules"))


# ---- the session: every operation of a review ------------------------------------------------

def test_two_accepts_in_a_row_write_valid_rules_and_cases_that_pass(repo):
    path, _ = draft_cli(repo, "kunshan-youth-2025", "kunshan-youth.txt", "昆山市", "ks")
    s = Session(path, repo / "rules", repo)
    s.set_source({"short_title": "昆山市支持青年创新创业若干措施"})
    first, second = s.measures[0]["id"], s.measures[1]["id"]
    assert s.accept(first) == [] and s.accept(second) == []
    kb = kbmod.load(repo / "rules")
    assert [m.id for m in kb.measures_of("kunshan-youth-2025")] == [first, second]
    assert (repo / "rules" / "sources" / "kunshan-youth-2025.txt").read_text(encoding="utf-8") == \
        (FIXTURES / "kunshan-youth.txt").read_text(encoding="utf-8")
    cases_text = (repo / "tests" / "eligibility" / "kunshan-youth-2025.yml").read_text(encoding="utf-8")
    assert "&id" not in cases_text and "*id" not in cases_text          # no YAML anchors
    cases = yaml.safe_load(cases_text)
    assert {c["eligible_ids"][0] for c in cases if "eligible_ids" in c} == {first, second}
    assert all(c["profile"]["region"].endswith("昆山市") for c in cases)
    assert all_cases_pass(repo) == []                    # the new cases and every existing one
    measures_file = (repo / "rules" / "measures" / "kunshan-youth-2025.yml").read_text(encoding="utf-8")
    assert "第一条" in measures_file and "status" not in measures_file and "chars" not in measures_file
    assert s.progress() == {"accepted": 2, "rejected": 0, "remaining": 8, "reviewed": 2, "total": 10}


def test_edit_check_and_a_rolled_back_accept(repo):
    path, _ = draft_cli(repo, "kunshan-youth-2025", "kunshan-youth.txt", "昆山市", "ks")
    s = Session(path, repo / "rules", repo)
    mid = s.measures[0]["id"]
    s.edit(mid, {"lead": ""})
    assert any("agencies" in p for p in s.check(mid))           # shown before accepting
    assert s.accept(mid) and "kunshan-youth-2025" not in kbmod.load(repo / "rules").sources
    s.edit(mid, {"lead": s.measures[0]["why"] and "ks-new3", "title": "鼓励首次创业（一站式享受）"})
    s.edit(mid, {"quote": "对首次创办小微企业或者从事个体经营的高校毕业生，给予一次性创业补贴。"})
    with pytest.raises(ReviewError, match="不在原文中"):
        s.edit(mid, {"quote": "给予很多补贴"})
    with pytest.raises(ReviewError, match="措施编号"):
        s.edit(mid, {"id": "Bad Id"})
    # the cases cannot be written: everything is rolled back and the reason is returned
    cases = repo / "tests" / "eligibility" / "kunshan-youth-2025.yml"
    cases.mkdir()
    problems = s.accept(mid)
    assert problems and "写入失败" in problems[0]
    assert not (repo / "rules" / "measures" / "kunshan-youth-2025.yml").exists()
    assert "kunshan-youth-2025" not in (repo / "rules" / "sources.yml").read_text(encoding="utf-8")
    cases.rmdir()
    assert s.accept(mid) == []


def test_reject_merge_split_and_add_a_measure_from_a_span(repo):
    path, _ = draft_cli(repo, "kunshan-youth-2025", "kunshan-youth.txt", "昆山市", "ks")
    s = Session(path, repo / "rules", repo)
    fifth = [m for m in s.measures if m["article"] == 5]
    merged = s.merge(fifth[0]["id"], fifth[-1]["id"])
    assert merged["quote"].startswith("高校毕业生、退役军人") and merged["quote"].endswith("不超过300万元。")
    assert s.text[merged["chars"][0]:merged["chars"][1]] == merged["quote"]
    at = s.text.index("返乡农民工个人贷款")
    a, b = s.split(merged["id"], at)
    assert b["quote"].startswith("返乡农民工") and a["quote"].endswith("30万元")
    s.reject(b["id"], "a condition, not a measure")
    missed = "初创企业员工参加岗位技能培训的，培训费用由市财政全额承担。"
    start = s.text.index(missed)
    added = s.add(start, start + len(missed))
    assert added["quote"] == missed and added["article"] == 6 and added["label"] == "第六条"
    with pytest.raises(ReviewError, match="同一条款"):
        s.add(s.text.index("第六条"), s.text.index("第七条") + 10)
    s.edit(added["id"], {"category": "training", "audience": "small_business"})
    assert s.check(added["id"]) == []
    assert s.accept(added["id"]) == []
    kb = kbmod.load(repo / "rules")
    assert kb.measures_of("kunshan-youth-2025")[0].quote == missed
    assert s.draft["rejected"][0]["why"] == "a condition, not a measure"
    assert all_cases_pass(repo) == []


def test_a_new_agency_and_a_new_group_are_written_when_used(repo):
    path, _ = draft_cli(repo, "kunshan-youth-2025", "kunshan-youth.txt", "昆山市", "ks")
    s = Session(path, repo / "rules", repo)
    agency = s.add_agency("市残联", "昆山市残疾人联合会", "county")
    group = s.add_group("single_parent", "单亲家长", "单亲家长,单亲妈妈,单亲爸爸")
    mid = s.measures[0]["id"]
    s.edit(mid, {"lead": agency["id"], "groups": "single_parent"})
    assert s.accept(mid) == []
    kb = kbmod.load(repo / "rules")
    assert kb.agencies[agency["id"]].full_name == "昆山市残疾人联合会"
    assert "single_parent" in kb.facts["groups"].values and group["id"] not in [g["id"] for g in s.draft["new_groups"]]
    with pytest.raises(ReviewError, match="已经存在"):
        s.add_group("veteran", "退役军人", "")


def test_metadata_is_edited_and_checked(repo):
    path, _ = draft_cli(repo, "kunshan-youth-2025", "kunshan-youth.txt", "昆山市", "ks")
    s = Session(path, repo / "rules", repo)
    assert s.set_source({"issued": "2025-13-01"}) == ["issued：“2025-13-01”不是日期（应为 YYYY-MM-DD）"]
    assert s.set_source({"short_title": "昆山青年创业措施", "in_force": "2025-03-01"}) == []
    assert s.accept(s.measures[0]["id"]) == []
    # after the first accept, metadata edits rewrite the document's sources.yml entry
    assert s.set_source({"short_title": "昆山市青年创业措施"}) == []
    assert kbmod.load(repo / "rules").sources["kunshan-youth-2025"].short_title == "昆山市青年创业措施"


# ---- the terminal flow -------------------------------------------------------------------------

def test_terminal_review_accept_edit_reject_merge(repo):
    path, d = draft_cli(repo)
    ids = [m["id"] for m in d["measures"]]
    io = ScriptedIO(["m", "e", "title=退役军人创业支持", "", "a", "r", "s", "q"])
    assert Review(path, repo / "rules", repo, io).run() == 0
    assert "同一条款前面没有可合并的草拟措施" in io.text
    assert "【" in io.text and "】" in io.text                   # the quote marked in its article
    assert "已接受" in io.text and "tests/eligibility/nanning-2024.yml" in io.text
    kb = kbmod.load(repo / "rules")
    accepted = kb.measures_of("nanning-2024")
    assert [m.id for m in accepted] == [ids[0]] and accepted[0].title == "退役军人创业支持"
    left = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [m["id"] for m in left["measures"]] == ids[2:]
    assert left["rejected"][0]["id"] == ids[1]


def test_terminal_review_asks_for_what_the_text_does_not_print(repo):
    text = (repo / "incoming" / "nanning-2024.txt").read_text(encoding="utf-8").replace("发布单位:南宁市人民政府办公室\n", "")
    (repo / "incoming" / "nanning-2024.txt").write_text(text, encoding="utf-8")
    path, d = draft_cli(repo)
    assert d["source"]["issuer"] is None and any("发文机关" in r for r in d["source_review"])
    io = ScriptedIO(["南宁市人民政府办公室", "a", "q"])
    Review(path, repo / "rules", repo, io).run()
    assert kbmod.load(repo / "rules").sources["nanning-2024"].issuer == "南宁市人民政府办公室"


def test_the_script_option_prints_what_it_does(repo):
    path, _ = draft_cli(repo)
    script = repo / "answers.txt"
    script.write_text("r\nq\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "drafting", "--rules", str(repo / "rules"), "review", str(path),
                           "--script", str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "审阅草稿" in done.stdout and "不要 nn-" in done.stdout and "完成：" in done.stdout


# ---- a national text: functions, not offices ---------------------------------------------------

def test_a_national_text_is_drafted_by_function_and_its_measures_accepted_like_the_hand_made_ones(repo):
    shutil.copy(FIXTURES / "national-startup-law.md", repo / "incoming" / "startup-law.md")
    path, d = draft_cli(repo, "startup-law-2024", "startup-law.md", "全国", "sl")
    src = d["source"]
    assert (src["responsibility"], src["article_style"], src["region"]) == ("functions", "law", "全国")
    assert str(src["adopted"]) == "2024-06-28" and src["issued"] is None and str(src["in_force"]) == "2025-01-01"
    assert src["issuer"] == "全国人民代表大会常务委员会" and "香港特别行政区" in src["not_in"]
    assert d["new_agencies"] == []                      # no office is invented for a function
    by_article = {m["article"]: m for m in d["measures"]}
    # no unit in the sentence: the function the text makes responsible for all of it (第三条)
    assert by_article[4]["functions"] == ["hrss"]
    assert by_article[4]["lead_reason"] == "县级以上地方人民政府人力资源社会保障行政部门负责本行政区域的创业促进工作"
    assert "第三条" in by_article[4]["why"]["lead"]
    assert by_article[5]["functions"][0] == "tax"       # its matter names a function: 税收优惠
    assert by_article[6]["functions"] == ["public_employment"] and by_article[6]["lead_reason"] == "公共就业服务机构"
    both = by_article[7]                                 # 残疾退役军人: one measure, both groups
    assert sorted(both["conditions"]["groups"]) == ["disabled", "veteran"] and both["all_groups"] is True
    assert not any("agencies" in m for m in d["measures"])
    s = Session(path, repo / "rules", repo)
    s.set_source({"short_title": "示例创业促进法"})
    assert s.check(by_article[6]["id"]) == []
    s.edit(by_article[7]["id"], {"functions": ["veterans_affairs", "hrss"], "lead_reason": ""})
    assert s.accept(by_article[6]["id"]) == [] and s.accept(by_article[7]["id"]) == []
    kb = kbmod.load(repo / "rules")
    accepted = {m.id: m for m in kb.measures_of("startup-law-2024")}
    assert accepted[by_article[7]["id"]].functions == ("veterans_affairs", "hrss")
    assert accepted[by_article[7]["id"]].all_groups
    assert kb.sources["startup-law-2024"].responsibility == "functions" and kb.sources["startup-law-2024"].national
    assert all_cases_pass(repo) == []


def test_a_function_edit_is_checked_against_the_vocabulary(repo):
    shutil.copy(FIXTURES / "national-startup-law.md", repo / "incoming" / "startup-law.md")
    path, d = draft_cli(repo, "startup-law-2024", "startup-law.md", "全国", "sl")
    s = Session(path, repo / "rules", repo)
    mid = d["measures"][0]["id"]
    with pytest.raises(ReviewError, match="没有这个职能"):
        s.edit(mid, {"functions": ["no_such_office"]})
    s.edit(mid, {"functions": []})
    assert any("functions" in p for p in s.check(mid))   # a national measure names its functions
    added = s.add(*[(a, a + len(q)) for q in ["公共就业服务机构应当为创业者免费提供创业指导、政策咨询等服务。"]
                    for a in [s.text.find(q)]][0])
    assert added["functions"] == ["public_employment"] and "agencies" not in added


def test_under_a_bracket_by_function_the_office_serving_the_measures_people_leads(repo):
    """按职责分工负责 lists offices without saying who acts: the one whose function serves the
    measure's people leads (lead_function), and the accepted measure validates."""
    (repo / "incoming" / "jl-test.txt").write_text(
        "吉林省示例创业扶持措施\n\n1.对创办小微企业的女大学生，给予一次性创业补贴。（省人力资源社会保障厅、省妇联等按职责分工负责）\n\n"
        "2.对返乡创业农民工给予一次性创业补贴。（省人力资源社会保障厅、省妇联等按职责分工负责）\n\n"
        "3.对创办企业的港澳台青年，提供创业场地。（省人力资源社会保障厅、省台办、省妇联按职责分工负责）\n",
        encoding="utf-8")
    path, d = draft_cli(repo, "jl-test-2025", "jl-test.txt", "吉林省", "jt")
    by_article = {m["article"]: m for m in d["measures"]}
    women, migrants, hmt = by_article[1], by_article[2], by_article[3]
    assert women["agencies"] == {"lead": ["jl-fl"], "support": ["jl-rst"]}
    assert women["lead_function"] == "womens_federation" and "妇女" in women["why"]["lead"]
    assert migrants["agencies"]["lead"] == ["jl-rst"] and "lead_function" not in migrants
    assert hmt["lead_function"] == "taiwan_affairs" and hmt["agencies"]["lead"] == ["jl-tb"]
    s = Session(path, repo / "rules", repo)
    s.set_source({"short_title": "示例创业扶持措施", "issuer": "吉林省人民政府"})
    assert s.accept(women["id"]) == [] and s.accept(migrants["id"]) == []
    assert kbmod.load(repo / "rules").measure(women["id"]).lead_function == "womens_federation"


def test_a_proposed_office_says_its_function_from_its_name(repo):
    (repo / "incoming" / "ks-test.txt").write_text(
        "昆山市示例措施\n\n1.对创业的女性给予培训补贴。（市人社局、市妇联按职责分工负责）\n\n"
        "2.对创业的高校毕业生给予场地补贴。（市人社局、市妇联按职责分工负责）\n", encoding="utf-8")
    _, d = draft_cli(repo, "ks-test-2025", "ks-test.txt", "昆山市", "kt")
    proposed = {a["name"]: a for a in d["new_agencies"]}
    assert proposed["市妇联"]["functions"] == ["womens_federation"]
    m = d["measures"][0]
    assert m["agencies"]["lead"] == [proposed["市妇联"]["id"]] and m["lead_function"] == "womens_federation"
