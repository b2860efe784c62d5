"""What a person writes never widens a group: the words that must NOT give each
group (tests/fixtures/group_non_members.yml, written apart from the synonyms)
give no such group, whether the synonyms are found in the text or come as NLU
entities; a word that may or may not name a group is asked about, not read
(rules/facts.yml `ambiguous:`); and the dialogue asks it once, with 是/不是."""
import re
from pathlib import Path

import pytest
import yaml

from bot.dialogue import Incoming, respond
from bot.reading import read

FIXTURE = yaml.safe_load((Path(__file__).parents[2] / "fixtures" / "group_non_members.yml").read_text(encoding="utf-8"))


def entities_like_nlu(kb, text: str) -> list[dict]:
    """What the lookup-table extractor would find: every synonym of a group in the text."""
    terms = {t: v for v, fv in kb.facts["groups"].values.items() for t in (fv.label, *fv.synonyms) if len(t) >= 2}
    out = []
    for t in sorted(terms, key=len, reverse=True):
        for m in re.finditer(re.escape(t), text):
            if not any(e["start"] <= m.start() < e["end"] for e in out):
                out.append({"entity": "group", "value": t, "start": m.start(), "end": m.end()})
    return out


def test_every_group_has_non_members(kb):
    assert set(FIXTURE["non_members"]) == set(kb.facts["groups"].values)
    assert all(len(words) >= 3 for words in FIXTURE["non_members"].values())


def _cases():
    for group, words in FIXTURE["non_members"].items():
        for text in words:
            yield pytest.param(group, text, id=f"{group}:{text}")


@pytest.mark.parametrize("group,text", list(_cases()))
def test_non_member_does_not_give_the_group(kb, group, text):
    for entities in ([], entities_like_nlu(kb, text)):
        facts = read(kb, text, entities).facts
        assert group not in (facts.get("groups") or []), f"“{text}” read as {facts.get('groups')}"


@pytest.mark.parametrize("text,group", list(FIXTURE["ask"].items()))
def test_an_ambiguous_word_is_asked_not_read(kb, text, group):
    reading = read(kb, text, entities_like_nlu(kb, text))
    assert group not in (reading.facts.get("groups") or [])
    assert [(a.fact, a.value) for a in reading.ambiguous][:1] == [("groups", group)], reading.ambiguous


@pytest.mark.parametrize("text", ["我高中毕业想开店", "我中专毕业", "我还在当兵", "我打算出国留学",
                                  "我是城市低保户想开店", "我没毕业", "我找了专家咨询"])
def test_a_settled_word_is_not_asked(kb, text):
    assert read(kb, text, []).ambiguous == []


@pytest.mark.parametrize("text,group", [
    ("我大学毕业两年了", "college_graduate"), ("我本科刚毕业", "college_graduate"), ("大专毕业", "college_graduate"),
    ("我是在读研究生", "university_student"), ("我在读大学", "university_student"),
    ("我当过兵", "veteran"), ("我当兵回来", "veteran"), ("退伍了", "veteran"),
    ("我是海归", "overseas_returnee"), ("我留学回来的", "overseas_returnee"), ("我留过学", "overseas_returnee"),
    ("我是一名归国留学生", "overseas_returnee"), ("我是留学生 刚从英国回来", "overseas_returnee"),
    ("农村低保户", "rural_low_income"), ("我家是脱贫户", "rural_low_income"),
    ("我是返乡农民工", "returning_migrant_worker"), ("打工回来了", "returning_migrant_worker"),
])
def test_what_still_names_a_group(kb, text, group):
    """The words people use that do name the group are still read (the fixes took out only the wide ones)."""
    assert group in (read(kb, text, []).facts.get("groups") or [])


def test_every_ambiguous_word_has_a_question_and_is_no_synonym(kb):
    synonyms = {t for f in kb.facts.values() for fv in f.values.values() for t in fv.synonyms}
    for word, a in kb.facts.ambiguous.items():
        assert "？" in a.question and word not in synonyms


def _turn(engine, slots, text, intent="inform", entities=()):
    out = respond(engine, slots, Incoming(text, intent, list(entities)))
    return {**slots, **out.slots}, out.replies


@pytest.mark.parametrize("answer,intent,expected", [("是", "affirm", ["college_graduate"]),
                                                    ("不是", "deny", None)])
def test_the_dialogue_asks_once_and_reads_the_answer(engine, answer, intent, expected):
    slots, replies = _turn(engine, {}, "我刚毕业，在长春，想开个店")
    assert replies[-1].text == "您是高校（大专及以上）毕业吗？"
    assert [b.title for b in replies[-1].buttons] == ["是", "不是"]
    assert slots["region"] and not slots.get("groups")
    slots, replies = _turn(engine, slots, answer, intent)
    assert slots.get("groups") == expected
    assert not slots.get("pending")
    assert all("高校（大专及以上）毕业吗" not in r.text for r in replies)


def test_the_yes_button_adds_the_group(engine):
    slots, replies = _turn(engine, {}, "当兵的，在柳州")
    yes = replies[-1].buttons[0]
    assert yes.title == "是"
    slots, replies = _turn(engine, slots, yes.payload, "inform", [{"entity": "group", "value": "veteran"}])
    assert slots["groups"] == ["veteran"]


def test_another_answer_drops_the_question(engine):
    slots, _ = _turn(engine, {}, "我刚毕业，在长春")
    slots, replies = _turn(engine, slots, "我是退役军人")
    assert slots["groups"] == ["veteran"] and not slots.get("pending")
