"""The national layer: nine laws and regulations that hold everywhere in China.

A country level above every province (regions.yml `country`); national measures
for every place in China the gazetteer knows, after the local ones, each cited
with its own document; the coverage answer only outside (or for 香港/澳门/台湾,
where the mainland's laws are not applied); a plain note and 12345 where no local
document exists; 现行有效 for laws in force; an ended plan's measure that a law
states now is never the newest word; the new groups in conversation."""
import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from bot import rules as kbmod
from bot.replies import lists
from bot.dialogue import Incoming, respond, slot_names
from bot.dialogue import listing
from bot.matching.engine import FALSE, TRUE, Engine
from bot.matching.profile import parse_profile
from bot.matching.shown import Shown

SHARED = Path("/work/shared/national")


def national(kb):
    return [s for s in kb.sources.values() if s.national]


def test_nine_national_texts_as_shipped(kb):
    docs = national(kb)
    assert len(docs) == 9
    for s in docs:
        assert s.region == "全国" and s.in_force and s.article_style == "law" and s.responsibility == "functions"
        assert hashlib.sha256(s.text.encode("utf-8")).hexdigest() == s.sha256
        shipped = SHARED / f"{s.id}.md"
        if shipped.is_file():   # byte-identical to the shared copy
            assert shipped.read_bytes() == (kb.root / "sources" / f"{s.id}.txt").read_bytes()
    assert not kbmod.source_warnings(kb)


def test_article_labels_of_laws(kb):
    s = kb.sources["veterans-law-2020"]
    assert s.citation(46) == "《退役军人保障法》第四十六条"
    assert s.article_text(46).startswith("退役军人创办小微企业")
    assert "第四十七条" not in s.article_text(46)


def test_a_quote_outside_its_article_fails_validation(tmp_path):
    import shutil
    rules = tmp_path / "rules"
    shutil.copytree(kbmod.DEFAULT_RULES_DIR, rules)
    path = rules / "measures" / "veterans-law-2020.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: vl-46-startup-loan\n    article: 46", "  - id: vl-46-startup-loan\n    article: 45"),
                    encoding="utf-8")
    _, problems = kbmod.validate(rules)
    assert "quote is not inside 第四十五条" in [p.message for p in problems]


def test_every_place_in_china_gets_the_national_layer_but_the_excepted(kb):
    """Each of the gazetteer's 3,000-odd places, generated counties included."""
    engine = Engine(kb)
    law = kb.sources["veterans-law-2020"]
    outside = {"香港特别行政区", "澳门特别行政区", "台湾省"}
    for place in kb.gazetteer.places:
        names = {p.name for p in place.ancestors_and_self()}
        expected = FALSE if names & outside else TRUE
        assert engine.region_state(law, place.name, place) == expected, place
    assert sum(1 for p in kb.gazetteer.places if p.generated) > 2500


@pytest.mark.parametrize("place", ["纽约", "火星市", "温哥华"])
def test_a_place_outside_china_gets_the_coverage_answer(match, place):
    result = match(region=place, groups=["veteran"])
    assert result["eligible"] == [] and result["possible"] == []
    assert "不在本知识库覆盖的地区内" in result["message"] and "全国性法律法规" in result["message"]


def test_the_country_is_never_where_a_person_is(kb):
    gaz = kb.gazetteer
    assert gaz.find("全国") == [gaz.country] and gaz.country.level == "country"
    assert gaz.resolve("全国") is None and gaz.vague("全国")
    assert gaz.resolve("朝阳区") is None            # 北京's or 长春's: nothing, not the country
    assert gaz.resolve("图们").chain == ["图们市", "延边朝鲜族自治州", "吉林省"]


def test_no_suggestion_out_of_an_everyday_phrase(kb):
    assert kb.gazetteer.suggest("去人力资源市场找工作") is None   # not 资源县
    assert kb.gazetteer.suggest("资源市") is not None          # the whole answer still is


# ---- the people ----------------------------------------------------------------

def _ids(result):
    return [m["id"] for m in sorted(result["eligible"] + result["possible"], key=lambda m: m["rank"])]


def test_a_veteran_in_zhengzhou_hears_articles_46_and_45_first(match):
    result = match(region="郑州", groups=["veteran"], gender="male", tech_business=False)
    assert _ids(result)[:4] == ["vl-46-startup-loan", "vl-46-self-employed-tax", "vl-45-incubators-priority",
                                "vl-45-veteran-incubators"]
    loan = next(m for m in result["eligible"] if m["id"] == "vl-46-startup-loan")
    assert loan["agencies"]["lead"] == ["郑州市的退役军人工作主管部门（退役军人事务部门）"]
    assert loan["in_force"] == "现行有效（自2021年1月1日起施行）"
    assert "地方性扶持措施尚未收录" in result["local_note"]


def test_a_veteran_in_liuzhou_gets_guangxi_and_the_laws_each_cited_on_its_own(match):
    result = match(region="柳州", groups=["veteran"], gender="male", tech_business=False)
    items = sorted(result["eligible"] + result["possible"], key=lambda m: m["rank"])
    cites = [m["citation"] for m in items]
    assert any(c.startswith("《广西双创三年行动计划") for c in cites)
    assert any(c.startswith("《退役军人保障法》") for c in cites)
    assert "local_note" not in result
    # the ended plan's loan subsidy comes after the law that states it now, and points to it
    ids = [m["id"] for m in items]
    assert ids.index("vl-46-startup-loan") < ids.index("gx-8-veteran-loan")
    old = items[ids.index("gx-8-veteran-loan")]
    assert old["expired"] and old["notes"] == ["现行有效的规定见《退役军人保障法》第四十六条"]
    text = lists.line(1, Shown.of(old))
    assert "现行有效的规定见《退役军人保障法》第四十六条" in text


def test_local_first_then_national_for_the_same_need(match):
    """Among measures for the same need and fit, a local document before the national layer."""
    result = match(region="图们", groups=["returning_migrant_worker"], gender="male", tech_business=False,
                   needs=["training"])
    items = sorted(result["eligible"], key=lambda m: m["rank"])
    own_training = [m for m in items if m["own_group"] and m["category"] == "training"]
    kinds = [m["doc"] in ("tumen-2018", "jilin-shuangchuang", "jilin-tech-2022") for m in own_training]
    assert kinds == sorted(kinds, reverse=True) and any(kinds) and not all(kinds)


def test_no_amount_that_the_text_does_not_state(kb):
    """A number with a unit of money, a percentage or a multiple in a national title or summary
    is in its quote too (百分之三十 of 中小企业促进法 第四十条 is)."""
    amount = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元|万|％|%|倍)|百分之[一二三四五六七八九十]+")
    for m in kb.measures:
        if kb.sources[m.doc].national:
            for found in amount.findall(m.title + m.summary):
                assert found in m.quote, (m.id, found)


def test_summaries_carry_no_review_notes(kb):
    for m in kb.measures:
        for word in ("审计", "本知识库", "TODO", "review", "check"):
            assert word not in m.summary and word not in m.title, (m.id, word)


def test_a_law_in_force_says_so_and_an_ended_plan_still_does(kb):
    profile = parse_profile({"region": "柳州", "groups": ["veteran"]}, kb)
    engine = Engine(kb, today=dt.date(2025, 6, 1))
    items = listing(engine, engine.match(profile))
    law = next(m for m in items if m.doc == "veterans-law-2020")
    plan = next(m for m in items if m.doc == "guangxi-2021")
    assert law.in_force == "现行有效（自2021年1月1日起施行）" and not law.expired
    assert plan.expired and "已结束" in plan.expiry_note and plan.in_force is None
    before = Engine(kb, today=dt.date(2024, 8, 1))   # the placement regulation took effect on 2024-09-01
    m = next(x for x in listing(before, before.match(profile)) if x.doc == "veterans-placement-2024")
    assert m.in_force is None


# ---- the new groups in conversation ------------------------------------------------------

def chat(engine, kb, *messages):
    slots = {name: None for name in slot_names(kb)}
    slots["page"] = 0
    replies = []
    for text in messages:
        out = respond(engine, slots, Incoming(text, "inform"))
        slots.update(out.slots)
        replies += out.replies
    return slots, "\n".join(r.text for r in replies)


@pytest.mark.parametrize("message, group, place, cites", [
    ("我腿脚不方便 持残疾证，在北京，想开个网店", "disabled", "北京市", "《残疾人就业条例》第十九条"),
    ("下岗了，在杭州，想开早餐店", "unemployed", "杭州市", "《就业促进法》第十七条"),
    ("我老公在部队，我在成都，想开个烘焙店", "military_family", "成都市", "《军人地位和权益保障法》第五十四条"),
    ("我刚从部队下来，在郑州，想贷款", "veteran", "郑州市", "《退役军人保障法》第四十六条"),
])
def test_the_new_groups_are_understood_and_answered(engine, kb, message, group, place, cites):
    slots, text = chat(engine, kb, message, "男", "不是科技型企业")
    assert slots["groups"] == [group] and place in slots["region"]
    assert "veteran" not in slots["groups"] or group == "veteran"
    items = listing(engine, engine.match(parse_profile({f: slots[f] for f in kb.facts if slots.get(f) is not None}, kb)))
    assert cites in [m.citation for m in items]
    assert "地方性扶持措施尚未收录" in text and "12345" in text


def test_a_serving_soldiers_spouse_is_not_a_veteran(engine, kb):
    slots, _ = chat(engine, kb, "我老公是现役军人，我随军到北京了，想自己开个烘焙店")
    assert slots["groups"] == ["military_family"]


def test_a_law_covers_the_person_when_asked_whether_they_qualify(engine, kb):
    """A national measure is checked against a place anywhere in China: never 地区 ✗
    (which would tell a veteran in 柳州 the law does not apply to them)."""
    slots, text = chat(engine, kb, "我是退伍军人 在柳州 想贷款", "我符合吗")
    profile = parse_profile({f: slots[f] for f in kb.facts if slots.get(f) is not None}, kb)
    assert engine.check("vl-46-startup-loan", profile)[0] == ("地区：全国范围内", "✓")
    assert engine.measure_by_id("vl-46-startup-loan", profile).status != "not"
    assert "全国范围内 ✓" in text and "全国范围内 ✗" not in text
