"""Whom a measure is for (`audience`) and the one relevance order
(own group -> stated needs -> audience fit -> local document -> document
order), pinned on typical people."""
import json
import subprocess
import sys

import pytest

from bot.dialogue import Incoming, respond, slot_names
from bot.dialogue import listing, profile_from_slots
from bot.matching.profile import parse_profile

FIRST_PAGE = 5


def ranked(engine, kb, **facts):
    return engine.match(parse_profile(facts, kb)).ranked


def first_ids(engine, kb, n=FIRST_PAGE, **facts):
    return [v.measure.id for v in ranked(engine, kb, **facts)[:n]]


def run_only(kb, m):
    return set(m.audience) <= kb.run_audiences


def test_returning_migrant_worker_in_tumen_sees_his_own_measures_first_local_before_provincial(engine, kb):
    top = ranked(engine, kb, groups=["returning_migrant_worker"], region="图们", gender="male", tech_business=False)
    own = [v for v in top if v.own_group or v.confirm]                 # his group, or next to it to confirm
    assert top[:len(own)] == own and len(own) >= FIRST_PAGE          # own group first, all of it
    depth = {"tumen-2018": 0, "jilin-shuangchuang": 1, "jilin-tech-2022": 1}
    docs = [v.measure.doc for v in own if v.own_group]
    assert docs == sorted(docs, key=lambda d: depth.get(d, 2))        # 图们's own, then 吉林省's, then the laws'
    assert any(kb.sources[d].national for d in docs)
    assert [v.measure.id for v in top[:FIRST_PAGE]] == [
        "tm-25-migrant-loans", "tm-25-migrant-training-subsidy", "tm-25-migrant-social-insurance",
        "tm-25-migrant-collective-land", "tm-25-migrant-green-channel"]
    # right after his group: measures whose text names a person starting a business
    general = top[len(own):]
    assert "founder" in general[0].measure.audience


def test_veteran_in_liuzhou_who_needs_a_loan(engine, kb):
    first = first_ids(engine, kb, groups=["veteran"], region="柳州", needs=["financing"], tech_business=False)
    # own group and his need: the law in force first, then the ended plan's loan subsidy, which the
    # law now states (superseded_by: it is never the newest word), then the rest of his measures
    assert first[:3] == ["vl-46-startup-loan", "vp-66-startup-support", "gx-8-veteran-loan"]
    assert "gx-3-rd-subsidy" not in first                              # 企业研发投入奖补 (before: 5th)
    assert all("founder" in next(m for m in kb.measures if m.id == mid).audience for mid in first)


def test_returning_migrant_worker_in_hunchun_gets_no_incubator_operator_tax_break(engine, kb):
    for tech in (None, False):
        facts = {"groups": ["returning_migrant_worker"], "region": "珲春"}
        if tech is not None:
            facts["tech_business"] = tech
        top = ranked(engine, kb, **facts)
        ids = [v.measure.id for v in top]
        assert "js-4-incubator-tax" not in ids                         # 孵化器、大学科技园和众创空间税收优惠
        assert not any(run_only(kb, v.measure) for v in top)
        assert all("founder" in v.measure.audience for v in top[:FIRST_PAGE])


def test_graduate_in_urumqi(engine, kb):
    top = ranked(engine, kb, groups=["college_graduate"], region="乌鲁木齐", gender="female")
    first = [v.measure for v in top[:FIRST_PAGE]]
    assert all("founder" in m.audience for m in first)
    assert first[0].id == "sme-25-group-startup-tax"                    # her group's (a law in force)
    local = [v.measure for v in top if v.measure.doc == "urumqi-2019"]
    assert local[0].id == "wl-1-easier-registration"                   # the first of 乌鲁木齐's, all general
    # the measure for 科技型企业, which she did not say she runs, comes last of 乌鲁木齐's
    assert local[-1].id == "wl-24-listing-cultivation"
    assert "wl-17-incubator-services" in [v.measure.id for v in top]   # improving incubators: users too


def test_audience_fit_follows_what_the_person_said(engine, kb):
    plain = first_ids(engine, kb, 40, groups=[], region="长春", needs=["financing"], tech_business=False)
    tech = first_ids(engine, kb, 40, groups=[], region="长春", needs=["financing"], tech_business=True)
    # a 科技型企业 sees the measures for 科技型企业 first among its financing ones
    assert "jt-4-tech-credit-risk-pool" in tech[:12] and "jt-4-tech-credit-risk-pool" not in plain


def test_a_person_who_runs_an_incubator_sees_the_operator_measures(engine, kb):
    operator = ranked(engine, kb, groups=[], region="珲春", runs=["operator"], gender="male", tech_business=False)
    by_id = {v.measure.id: v for v in operator}
    assert "js-4-incubator-tax" in by_id
    assert any(w.startswith("运营的机构：孵化器") for w in by_id["js-4-incubator-tax"].why)
    assert "js-4-incubator-tax" in [v.measure.id for v in operator[:20]]   # fits what they run


def test_runs_is_never_asked(engine, kb):
    """Not knowing counts as running none: the fact settles no open measure."""
    for facts in ({}, {"region": "图们"}, {"region": "长春", "groups": []},
                  {"region": "图们", "groups": [], "gender": "male", "tech_business": False}):
        result = engine.match(parse_profile(facts, kb))
        assert all("runs" not in v.open for v in result.possible)
        assert (result.next_question or {}).get("fact") != "runs"


def test_one_order_for_the_cli_and_the_conversation(engine, kb):
    profile = {"groups": ["veteran"], "region": "柳州", "needs": ["financing"], "tech_business": False}
    out = subprocess.run([sys.executable, "-m", "bot", "match", "--profile", json.dumps(profile)],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    cli_order = [m["id"] for m in sorted(result["eligible"] + result["possible"], key=lambda m: m["rank"])]
    shown = [m.id for m in listing(engine, engine.match(parse_profile(profile, kb)))]
    assert cli_order == shown
    # each list in the JSON is in the same order too
    for part in ("eligible", "possible"):
        ranks = [m["rank"] for m in result[part]]
        assert ranks == sorted(ranks)


def test_the_conversation_lists_in_that_order_and_hears_who_runs_an_incubator(engine, kb):
    slots = {name: None for name in slot_names(kb)}
    slots["page"] = 0
    out = respond(engine, slots, Incoming("我是退伍军人，男性，在柳州，想贷款开个汽修店，不是科技型企业", "inform"))
    assert "企业研发投入奖补" not in "\n".join(r.text for r in out.replies)   # the overview
    slots.update(out.slots)
    out = respond(engine, slots, Incoming("/show_all", "show_all"))          # "全部": the whole list, after
    text = "\n".join(r.text for r in out.replies)                          # the five on the first screen
    order = first_ids(engine, kb, n=10, groups=["veteran"], region="柳州", needs=["financing"], tech_business=False)
    assert out.slots["shown"] == order[5:10] and out.slots["listed"] == order
    titles = [next(m.title for m in kb.measures if m.id == mid) for mid in order[5:10]]
    positions = [text.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "企业研发投入奖补" not in text

    slots = {name: None for name in slot_names(kb)}
    slots["page"] = 0
    out = respond(engine, slots, Incoming("我们运营众创空间，在珲春，男性，不是科技型企业", "inform"))
    assert out.slots.get("runs") == ["operator"]
    slots.update(out.slots)
    out = respond(engine, slots, Incoming("都不是", "none_of_these"))   # the groups question
    text = "\n".join(r.text for r in out.replies)
    assert "运营的机构：孵化器/众创空间" in text                        # the profile line says it
    slots.update(out.slots)
    items = listing(engine, engine.match(profile_from_slots(kb, slots)))
    assert "js-4-incubator-tax" in [m.id for m in items]    # 孵化器、大学科技园和众创空间税收优惠


@pytest.mark.parametrize("mid, runs, place", [("js-4-incubator-tax", "operator", "珲春"),
                                              ("tm-4-maker-space", "large_enterprise", "图们")])
def test_measures_only_for_organisations_stay_reachable_with_the_cli(kb, mid, runs, place):
    assert run_only(kb, next(m for m in kb.measures if m.id == mid))
    profile = {"region": place, "groups": [], "runs": [runs], "gender": "male", "tech_business": False}
    out = subprocess.run([sys.executable, "-m", "bot", "match", "--profile", json.dumps(profile)],
                         capture_output=True, text=True, check=True).stdout
    shown = {m["id"]: m for m in json.loads(out)["eligible"]}
    assert mid in shown and shown[mid]["audience"] and shown[mid]["audience_labels"]
