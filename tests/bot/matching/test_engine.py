import datetime as dt

from bot.matching.engine import Engine
from bot.matching.profile import parse_profile


def ids(measures):
    return {m["id"] for m in measures}


def docs(measures):
    return {m["doc"] for m in measures}


def test_nothing_known_asks_for_region_first(match, kb):
    result = match()
    assert result["eligible"] == []
    # everything is possible except the measures only for organisations the person does not run
    run_only = {m.id for m in kb.measures if set(m.audience) <= set(kb.facts["runs"].values)}
    assert ids(result["possible"]) == {m.id for m in kb.measures} - run_only
    assert result["next_question"]["fact"] == "region"
    assert result["next_question"]["text"] == kb.facts["region"].question


def test_traditional_region_resolves_through_the_chain(match):
    result = match(region="圖們")
    assert result["region"] == {"input": "圖們", "resolved": ["图们市", "延边朝鲜族自治州", "吉林省"]}


def test_tumen_gets_three_documents_yanji_two(match, kb):
    tumen = match(region="图们", groups=[], gender="male", tech_business=True)
    yanji = match(region="延吉", groups=[], gender="male", tech_business=True)
    local = lambda ms: {d for d in docs(ms) if not kb.sources[d].national}   # noqa: E731
    assert local(tumen["eligible"]) == {"tumen-2018", "jilin-shuangchuang", "jilin-tech-2022"}
    assert local(yanji["eligible"]) == {"jilin-shuangchuang", "jilin-tech-2022"}
    assert "sme-promotion-law-2017" in docs(tumen["eligible"]) and "local_note" not in tumen


def test_veteran_in_yanji_gets_nothing_from_tumen(match):
    result = match(region="延吉", groups=["veteran"])
    assert "tumen-2018" not in docs(result["eligible"] + result["possible"])


def test_beijing_gets_the_national_measures_and_says_local_ones_are_missing(match, kb):
    result = match(region="北京", groups=["veteran"], needs=["financing"])
    assert result["region"]["resolved"] == ["北京市"]
    assert result["eligible"] and all(kb.sources[m["doc"]].national for m in result["eligible"] + result["possible"])
    assert "message" not in result
    assert "北京市的地方性扶持措施尚未收录" in result["local_note"] and "12345" in result["local_note"]


def test_the_special_administrative_regions_get_the_coverage_answer(match):
    """The mainland's laws are not applied in 香港, 澳门, 台湾 (sources.yml `not_in`)."""
    for place in ("香港", "澳门", "台北"):
        result = match(region=place, groups=["veteran"])
        assert result["eligible"] == [] and result["possible"] == [], place
        assert "不在本知识库覆盖的地区内" in result["message"] and "中国内地" in result["message"]


def test_unknown_place_is_not_an_error(match):
    result = match(region="火星基地")
    assert result["region"] == {"input": "火星基地", "resolved": []}
    assert result["eligible"] == [] and result["possible"] == []
    assert "未能识别" in result["message"]


def test_closed_world_groups(match, kb):
    """A stated groups list is complete: group-specific measures drop out."""
    result = match(region="柳州", groups=[], gender="male", tech_business=False)
    offered = result["eligible"] + result["possible"]
    assert offered, "general measures remain"
    for m in offered:
        measure = next(x for x in kb.measures if x.id == m["id"])
        assert "groups" not in measure.conditions


def test_unknown_groups_make_group_measures_possible(match, kb):
    result = match(region="柳州", gender="male", tech_business=False)
    group_ids = {m.id for m in kb.measures_of("guangxi-2021") if "groups" in m.conditions}
    assert group_ids and group_ids <= ids(result["possible"])
    assert result["next_question"]["fact"] == "groups"


def test_women_only_measures_need_gender(match, kb):
    women = {m.id for m in kb.measures if m.conditions.get("gender") == "female"}
    assert women, "the documents have measures for women"
    man = match(region="长春", groups=[], gender="male")
    woman = match(region="长春", groups=[], gender="female")
    assert not women & ids(man["eligible"] + man["possible"])
    jilin_women = {m.id for m in kb.measures if m.conditions.get("gender") == "female"
                   and m.doc.startswith("jilin") and "groups" not in m.conditions}
    assert jilin_women and jilin_women <= ids(woman["eligible"])
    student = match(region="长春", groups=["university_student"], gender="female")
    for_students = {m.id for m in kb.measures if m.conditions.get("gender") == "female"
                    and "university_student" in m.conditions.get("groups", ())}
    assert for_students and for_students <= ids(student["eligible"] + student["possible"])
    assert not for_students & ids(woman["eligible"] + woman["possible"]), "closed world: not a student"


def test_why_names_the_conditions_that_held(match):
    result = match(region="柳州", groups=["veteran"], gender="male", tech_business=False)
    own = [m for m in result["eligible"] if m["own_group"]]
    assert own, "guangxi has measures for veterans"
    assert any("退役军人" in w for w in own[0]["why"])
    assert any(w.startswith("地区：柳州市在广西壮族自治区范围内") for w in own[0]["why"])
    assert all(w.endswith("✓") for w in own[0]["why"])


def test_own_group_measures_come_first_then_needs(match):
    result = match(region="南宁", groups=["college_graduate"], gender="female", tech_business=False,
                   needs=["tax"])
    tiers = [m["own_group"] or "性别" in str(m["why"]) for m in result["eligible"]]
    assert tiers == sorted(tiers, reverse=True), "own-group measures lead the list"
    general = [m for m in result["eligible"] if not m["own_group"] and not any("性别" in w for w in m["why"])]
    cats = [m["category"] == "tax" for m in general]
    assert cats == sorted(cats, reverse=True), "within a tier, measures for the stated need come first"


def test_needs_never_exclude(match):
    with_needs = match(region="南宁", groups=["veteran"], gender="male", tech_business=False, needs=["ip"])
    without = match(region="南宁", groups=["veteran"], gender="male", tech_business=False)
    assert ids(with_needs["eligible"]) == ids(without["eligible"])


def test_expired_plan_is_flagged(kb):
    profile = parse_profile({"region": "柳州"}, kb)
    late = Engine(kb, today=dt.date(2026, 11, 22))
    early = Engine(kb, today=dt.date(2022, 6, 1))
    m = late.match(profile).as_dict(late)["possible"][0]
    assert m["doc"] == "guangxi-2021" and m["expired"] is True
    assert m["valid_until"] == "2023-12-31"
    assert m["expiry_note"] == "该计划执行期（2021—2023年）已结束，请向主管部门核实现行政策"
    m2 = early.match(profile).as_dict(early)["possible"][0]
    assert m2["expired"] is False and m2["expiry_note"] is None


def test_next_question_is_null_when_everything_is_settled(match):
    result = match(region="图们", groups=["veteran"], gender="male", tech_business=True)
    assert result["possible"] == []
    assert result["next_question"] is None
    assert result["eligible"]


def test_next_question_settles_the_most(match):
    result = match(region="长春", groups=["researcher"], gender="male")
    q = result["next_question"]
    assert q["fact"] == "tech_business"
    assert q["settles"] == sum(1 for m in result["possible"] if "tech_business" in m.get("open", []))


def test_citation_labels(match):
    tumen = match(region="图们", groups=[], gender="male", tech_business=True)
    m = next(m for m in tumen["eligible"] if m["doc"] == "tumen-2018")
    assert m["citation"].startswith("《图们市双创实施意见》（")
    gx = match(region="柳州", groups=[], gender="male", tech_business=True)
    m = gx["eligible"][0]
    assert m["citation"] == f"《广西双创三年行动计划（2021—2023年）》第{m['article']}条"


def test_quotes_are_verbatim(kb, match):
    result = match(region="图们")
    for m in result["possible"]:
        assert m["quote"] in kb.sources[m["doc"]].text


def test_a_long_running_engine_notices_a_plan_expiring(kb, monkeypatch):
    """Today's date is read at each match, not once when the action server started."""
    import bot.matching.engine as engine_module

    monkeypatch.setattr(engine_module, "_today", lambda: dt.date(2023, 12, 31))
    engine = Engine(kb)                       # started on the plan's last day
    profile = parse_profile({"region": "柳州"}, kb)
    assert engine.match(profile).as_dict(engine)["possible"][0]["expired"] is False
    monkeypatch.setattr(engine_module, "_today", lambda: dt.date(2024, 1, 1))
    assert engine.match(profile).as_dict(engine)["possible"][0]["expired"] is True


def test_details_of_a_possible_measure_name_the_open_fact_in_words(kb):
    """Details name an open fact in words, never as a raw fact id ("还需确认：gender")."""
    from bot.replies import answers

    engine = Engine(kb, today=dt.date(2026, 11, 22))
    result = engine.match(parse_profile({"region": "长春", "groups": ["university_student"]}, kb))
    gendered = [engine.shown(v) for v in result.possible if "gender" in v.open]
    assert gendered
    text = answers.details(kb, gendered[0], 1).text
    assert "还需确认：性别" in text and "gender" not in text
