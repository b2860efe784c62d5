"""Custom actions on tracker fixtures: what the person would see and which
slots change, without a Rasa server."""
import asyncio
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from bot.script import to_simplified

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text(encoding="utf-8"))
SLOT_NAMES = list(DOMAIN["slots"]) + ["requested_slot"]


def ent(entity, value, extractor="DIETClassifier"):
    return {"entity": entity, "value": value, "extractor": extractor}


def make_tracker(slots=None, text="", intent="inform", entities=(), requested=None, script=None, active_loop=None):
    values = {name: None for name in SLOT_NAMES}
    values["page"] = 0
    values.update(slots or {})
    values["requested_slot"] = requested
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": list(entities)}
    if script:
        latest["script"] = script
    return Tracker("tester", values, latest, [], False, None, active_loop or {}, "action_listen")


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages, events


def slot_sets(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def text_of(messages):
    return "\n".join(m.get("text") or "" for m in messages)


# ---- filling facts ---------------------------------------------------------

def test_one_message_fills_several_facts():
    t = make_tracker(text="我是退伍军人，在柳州，想贷款开个汽修店",
                     entities=[ent("group", "veteran"), ent("region", "柳州"), ent("need", "financing")])
    _, events = run(A.ValidateSlotMappings(), t)
    slots = slot_sets(events)
    assert slots["groups"] == ["veteran"] and slots["region"] == "柳州" and slots["needs"] == ["financing"]


def test_same_entity_from_two_extractors_counts_once():
    t = make_tracker(text="我是退伍军人", entities=[ent("group", "veteran"),
                                                   ent("group", "退伍军人", "RegexEntityExtractor")])
    _, events = run(A.ValidateSlotMappings(), t)
    assert slot_sets(events)["groups"] == ["veteran"]


def test_correction_replaces_region_and_adds_group():
    t = make_tracker(slots={"region": "柳州", "groups": ["veteran"]}, text="我其实在南宁，我还是大学生",
                     entities=[ent("region", "南宁"), ent("group", "university_student")])
    _, events = run(A.ValidateSlotMappings(), t)
    slots = slot_sets(events)
    assert slots["region"] == "南宁"
    assert slots["groups"] == ["veteran", "university_student"]
    assert slots["page"] == 0


def test_bare_answer_in_traditional_fills_the_asked_fact():
    t = make_tracker(text="圖們", intent="inform", requested="region", script="traditional")
    _, events = run(A.ValidateSlotMappings(), t)
    slots = slot_sets(events)
    assert slots["region"] == "图们"  # stored Simplified; resolves to 图们市
    assert slots["script"] == "traditional"


def test_skip_is_remembered_and_never_asked_again():
    t = make_tracker(slots={"region": "长春", "groups": []}, text="不想说", intent="skip", requested="gender")
    _, events = run(A.ValidateSlotMappings(), t)
    assert slot_sets(events)["skipped"] == ["gender"]
    t2 = make_tracker(slots={"region": "长春", "groups": [], "skipped": ["gender"]})
    required = asyncio.run(A.ValidateProfileForm().required_slots([], CollectingDispatcher(), t2, DOMAIN))
    assert "gender" not in required


def test_none_of_these_closes_the_groups():
    t = make_tracker(slots={"region": "柳州"}, text="都不是", intent="none_of_these", requested="groups")
    _, events = run(A.ValidateSlotMappings(), t)
    assert slot_sets(events)["groups"] == []


def test_a_word_mistaken_for_a_place_is_ignored():
    t = make_tracker(slots={"region": "柳州"}, text="我做新能源", entities=[ent("region", "新能源")])
    _, events = run(A.ValidateSlotMappings(), t)
    assert "region" not in slot_sets(events)


def test_no_to_the_groups_question_means_none():
    t = make_tracker(slots={"region": "柳州"}, text="不是", intent="deny", requested="groups")
    _, events = run(A.ValidateSlotMappings(), t)
    assert slot_sets(events)["groups"] == []


def test_not_a_tech_business():
    t = make_tracker(slots={"region": "长春"}, text="我们不是科技型企业",
                     entities=[ent("tech_business", "不是科技型企业", "RegexEntityExtractor")])
    _, events = run(A.ValidateSlotMappings(), t)
    assert slot_sets(events)["tech_business"] is False


def test_yes_to_the_tech_question():
    t = make_tracker(slots={"region": "长春"}, text="是的", intent="affirm", requested="tech_business")
    _, events = run(A.ValidateSlotMappings(), t)
    assert slot_sets(events)["tech_business"] is True


# ---- asking only what matters -----------------------------------------------

def required(slots):
    t = make_tracker(slots=slots)
    return asyncio.run(A.ValidateProfileForm().required_slots([], CollectingDispatcher(), t, DOMAIN))


def test_region_is_asked_first():
    assert required({}) == ["region"]


def test_nothing_to_ask_when_the_outcome_is_settled():
    assert required({"region": "图们", "groups": ["veteran"], "gender": "male", "tech_business": True}) == []


def test_at_most_one_refining_question():
    slots = {"region": "柳州", "groups": ["veteran"]}
    first = required(slots)
    assert first in (["gender"], ["tech_business"])
    assert required(dict(slots, asked=first)) == []


def test_ask_action_records_the_question():
    _, events = run(A.AskGender(), make_tracker(slots={"asked": ["region"]}))
    assert slot_sets(events) == {"asked": ["region", "gender"]}


def test_outside_coverage_nothing_is_asked():
    assert required({"region": "北京", "groups": ["veteran"]}) == []


def test_question_has_buttons_and_skip():
    messages, _ = run(A.AskGroups(), make_tracker())
    [m] = messages
    titles = [b["title"] for b in m["buttons"]]
    assert "退役军人" in titles and "都不是" in titles and "跳过" in titles
    veteran = next(b for b in m["buttons"] if b["title"] == "退役军人")
    assert veteran["payload"] == '/inform{"group": "veteran"}'


# ---- the answer ---------------------------------------------------------------

LIUZHOU_VETERAN = {"region": "柳州", "groups": ["veteran"], "gender": "male", "tech_business": False,
                   "needs": ["financing"]}


def test_show_measures_cites_and_flags_the_ended_plan():
    messages, _ = run(A.ShowMeasures(), make_tracker(slots=LIUZHOU_VETERAN))
    text = text_of(messages)
    assert "《广西双创三年行动计划（2021—2023年）》第" in text
    assert "该计划执行期（2021—2023年）已结束，请向主管部门核实现行政策" in text
    assert "牵头部门：" in text
    numbered = [line for line in text.splitlines() if line[:2] in {f"{i}." for i in range(1, 10)}]
    assert 1 <= len(numbered) <= 5
    titles = [b["title"] for b in messages[-1]["buttons"]]
    assert "更多" in titles and "第1项详情" in titles


def test_own_group_measures_come_first():
    eng = A.engine()
    messages, _ = run(A.ShowMeasures(), make_tracker(slots=LIUZHOU_VETERAN))
    first_title = text_of(messages).split("\n\n")[1].split("\n")[0]
    veteran_titles = {m.title for m in eng.kb.measures if "veteran" in m.conditions.get("groups", ())
                      and m.doc == "guangxi-2021"}
    assert first_title.split(". ", 1)[1] in veteran_titles


def test_more_pages_on():
    messages, events = run(A.MoreMeasures(), make_tracker(slots=dict(LIUZHOU_VETERAN, page=0)))
    assert "6. " in text_of(messages)
    assert slot_sets(events)["page"] == 1


def test_details_quote_why_and_agencies():
    t = make_tracker(slots=LIUZHOU_VETERAN, text="第2条详细说说", intent="details")
    messages, _ = run(A.Details(), t)
    text = text_of(messages)
    items = A._current(t)[3]
    assert items[1]["quote"] in text
    assert "为什么适用您" in text and "柳州市" in text
    assert "牵头部门：" in text and "的解释为准" in text


def test_details_by_button_entity():
    t = make_tracker(slots=LIUZHOU_VETERAN, text='/details{"item": 3}', intent="details",
                     entities=[{"entity": "item", "value": 3}])
    messages, _ = run(A.Details(), t)
    assert text_of(messages).startswith("3. ")


def test_details_for_a_missing_item_says_how_many():
    t = make_tracker(slots=LIUZHOU_VETERAN, text="第99条", intent="details")
    messages, _ = run(A.Details(), t)
    assert "第2项详细说说" in text_of(messages)


def test_agencies_lists_lead_and_support():
    messages, _ = run(A.Agencies(), make_tracker(slots=LIUZHOU_VETERAN, text="哪个部门负责", intent="ask_agency"))
    text = text_of(messages)
    assert "牵头" in text and "配合" in text
    assert "电话" in text  # says that the documents give no phone numbers


def test_traditional_user_gets_traditional_answer():
    messages, _ = run(A.ShowMeasures(), make_tracker(slots=dict(LIUZHOU_VETERAN, script="traditional")))
    text = text_of(messages)
    assert to_simplified(text) != text
    assert "廣西" in text


def test_outside_coverage_names_the_covered_regions():
    messages, _ = run(A.ShowMeasures(), make_tracker(slots={"region": "北京", "groups": ["veteran"]}))
    text = text_of(messages)
    assert "吉林省" in text and "乌鲁木齐市" in text and "广西壮族自治区" in text
    assert "《" not in text  # nothing recommended


def test_start_over_forgets_everything_but_the_script():
    _, events = run(A.StartOver(), make_tracker(slots=dict(LIUZHOU_VETERAN, script="traditional")))
    kinds = [e["event"] for e in events]
    assert "reset_slots" in kinds and "active_loop" in kinds
    assert slot_sets(events) == {"script": "traditional"}


@pytest.mark.parametrize("text, expected", [
    ("😀😀😀", "请用一两句话"),
    ("<script>alert(1)</script>", "请用一两句话"),
    ("创业" * 5000, "太长"),
    ("今天天气怎么样", "只能帮您查找创业扶持政策"),
])
def test_odd_messages_get_a_friendly_reply(text, expected):
    messages, _ = run(A.OutOfScope(), make_tracker(text=text, intent="out_of_scope"))
    assert expected in text_of(messages)


def test_bot_challenge_is_honest():
    messages, _ = run(A.BotChallenge(), make_tracker(text="你是机器人吗", intent="bot_challenge"))
    assert "机器人" in text_of(messages) and "不是真人" in text_of(messages)
