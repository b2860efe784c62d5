"""The matching command as the contract fixes it, run as a user runs it."""
import json
import subprocess
import sys

from conftest import ROOT

NATIONAL = {"veterans-law-2020", "veterans-placement-2024", "military-status-law-2021", "sme-promotion-law-2017",
            "rural-revitalization-law-2021", "women-rights-law-2022", "employment-promotion-law-2015",
            "disabled-employment-2007", "individual-business-2022"}


def run(*args):
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_match_prints_the_contract_json():
    proc = run("match", "--profile", json.dumps({"groups": ["veteran"], "region": "柳州", "needs": ["financing"]}))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {"region", "eligible", "possible", "next_question"}
    assert out["region"] == {"input": "柳州", "resolved": ["柳州市", "广西壮族自治区"]}
    offered = out["eligible"] + out["possible"]
    assert offered
    for m in offered:
        assert set(m) >= {"id", "title", "summary", "doc", "article", "category", "agencies",
                          "why", "quote", "valid_until"}
        assert set(m["agencies"]) == {"lead", "support"} and m["agencies"]["lead"]
        assert m["doc"] == "guangxi-2021" or m["doc"] in NATIONAL
    docs = [m["doc"] for m in sorted(offered, key=lambda m: m["rank"])]
    assert "guangxi-2021" in docs and "veterans-law-2020" in docs   # local and national, each cited on its own


def test_explain_is_readable_chinese():
    proc = run("match", "--explain", "--profile", json.dumps({"groups": ["veteran"], "region": "柳州",
                                                              "gender": "male", "tech_business": False}))
    assert proc.returncode == 0, proc.stderr
    assert "《广西双创三年行动计划（2021—2023年）》第" in proc.stdout
    assert "牵头部门" in proc.stdout and "原文" in proc.stdout
    assert "该计划执行期（2021—2023年）已结束" in proc.stdout


def test_invalid_json_is_one_line_exit_2():
    proc = run("match", "--profile", "{groups: veteran")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "not valid JSON" in proc.stderr


def test_unknown_fact_names_allowed_ones():
    proc = run("match", "--profile", '{"age": 30}')
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("error: unknown fact `age`; known facts: "
                                   "region, groups, gender, tech_business, needs, runs")


def test_unknown_value_names_allowed_ones():
    proc = run("match", "--profile", '{"groups": ["soldier"]}')
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: unknown value `soldier` for groups; allowed: returning_migrant_worker,")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_region_is_not_an_error():
    proc = run("match", "--profile", '{"region": "火星基地", "groups": ["veteran"]}')
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    assert out["region"]["resolved"] == [] and out["eligible"] == []
    assert "覆盖" in out["message"]


def test_validate_passes():
    proc = run("validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("ok: 14 documents")
