"""The dialogue policy (bot/dialogue) on plain dicts: what the person
would see and which slots change, without Rasa. NLU output is written by hand
here (intent + entities); tests/integration runs the same turns on the model."""
import re

import pytest

from bot.dialogue import Incoming, respond, slot_names
from bot.matching.engine import Engine
from bot.rules import default_kb
from bot.replies.render import localize
from bot.script import to_simplified

SLOTS = slot_names(default_kb())
_ENGINE = Engine(default_kb())


def engine() -> Engine:
    return _ENGINE


def ent(entity, value, text=None, start=None):
    e = {"entity": entity, "value": value}
    if text is not None:
        e["start"] = text.index(value) if start is None else start
        e["end"] = e["start"] + len(value)
    return e


class Chat:
    """A conversation with the core: slots carried from turn to turn."""

    def __init__(self, **slots):
        self.slots = {name: None for name in SLOTS}
        self.slots["page"] = 0
        self.slots.update(slots)
        self.replies = []

    def say(self, text, intent="inform", entities=()):
        out = respond(engine(), dict(self.slots), Incoming(text, intent, list(entities)))
        if out.reset:
            self.slots = {name: None for name in SLOTS}
        self.slots.update(out.slots)
        self.changes = out.slots
        self.replies = localize(out.replies, self.slots.get("script"), engine().kb)
        return self

    @property
    def text(self):
        return "\n".join(r.text for r in self.replies)

    @property
    def buttons(self):
        return [b for r in self.replies for b in r.buttons]


def asks(chat, fact):
    """The bot has `fact` open and the reply asks it (in full, or in the short form of a
    second asking, never the same text twice in a row), with answer buttons."""
    from bot import texts
    spec = engine().kb.facts[fact]
    label = spec.label if spec.kind != "place" else texts.PLACE_WORD
    return chat.slots["question"] == fact and (spec.question in chat.text or
                                               texts.ASK_AGAIN.format(what=label) in chat.text) and chat.buttons


LIUZHOU_VETERAN = dict(region="柳州", groups=["veteran"], gender="male", tech_business=False,
                       needs=["financing"])


# ---- filling facts -----------------------------------------------------------

def test_one_message_fills_several_facts():
    text = "我是退伍军人，在柳州，想贷款开个汽修店"
    c = Chat().say(text, entities=[ent("group", "退伍军人", text), ent("region", "柳州", text),
                                   ent("need", "贷款", text)])
    assert c.slots["groups"] == ["veteran"] and c.slots["region"] == "广西壮族自治区柳州市" and c.slots["needs"] == ["financing"]


def test_same_entity_from_two_extractors_counts_once():
    text = "我是退伍军人，在柳州"
    c = Chat().say(text, entities=[ent("group", "veteran"), ent("group", "退伍军人", text)])
    assert c.slots["groups"] == ["veteran"]


def test_correction_replaces_region_and_adds_group():
    text = "我其实在南宁，我还是大学生"
    c = Chat(region="柳州", groups=["veteran"], page=2).say(
        text, entities=[ent("region", "南宁", text), ent("group", "大学生", text)])
    assert c.slots["region"] == "广西壮族自治区南宁市"
    assert c.slots["groups"] == ["veteran", "university_student"]
    assert c.slots["page"] == 0


def test_bare_answer_in_traditional_fills_the_asked_fact():
    c = Chat(question="region").say("圖們")
    assert c.slots["region"] == "吉林省延边朝鲜族自治州图们市"
    assert c.slots["script"] == "traditional"
    assert to_simplified(c.text) != c.text, "the next question comes in Traditional"


def test_skip_is_remembered_and_never_asked_again():
    c = Chat(region="长春", groups=[], question="gender").say("不想说", "skip")
    assert c.slots["skipped"] == ["gender"]
    assert c.slots["question"] != "gender"


def test_none_of_these_closes_the_groups():
    c = Chat(region="柳州", question="groups").say("都不是", "none_of_these")
    assert c.slots["groups"] == []


def test_no_to_the_groups_question_means_none():
    c = Chat(region="柳州", question="groups").say("不是", "deny")
    assert c.slots["groups"] == []


def test_a_word_mistaken_for_a_place_is_ignored():
    c = Chat(region="柳州").say("我做新能源", entities=[ent("region", "新能源", "我做新能源")])
    assert c.slots["region"] == "柳州"


def test_not_a_tech_business():
    text = "我们不是科技型企业"
    c = Chat(region="长春").say(text, entities=[ent("tech_business", "不是科技型企业", text)])
    assert c.slots["tech_business"] is False


def test_yes_to_the_tech_question():
    c = Chat(region="长春", question="tech_business").say("是的", "affirm")
    assert c.slots["tech_business"] is True


# ---- negation ------------------------------------------------------------------

def test_not_x_but_y_gives_y_only():
    text = "我不是大学生，我是退伍军人，在南宁"
    c = Chat().say(text, entities=[ent("group", "大学生", text), ent("group", "退伍军人", text),
                                   ent("region", "南宁", text)])
    assert c.slots["groups"] == ["veteran"]
    assert "在校大学生" not in c.text


@pytest.mark.parametrize("text, term", [("我不是农民工", "农民工"), ("没当过兵", "当过兵"),
                                        ("我并非大学生", "大学生")])
def test_a_negated_group_is_never_added(text, term):
    c = Chat(region="长春", question="groups").say(text, entities=[ent("group", term, text)])
    assert not c.slots["groups"]
    assert c.text, "the person still gets an answer"


def test_a_negated_group_is_removed():
    text = "说错了，我不是大学生"
    c = Chat(region="长春", groups=["university_student", "veteran"]).say(
        text, entities=[ent("group", "大学生", text)])
    assert c.slots["groups"] == ["veteran"]


def test_we_do_not_do_technology_answers_the_tech_question():
    c = Chat(region="长春", groups=["veteran"], question="tech_business").say("我们不搞技术")
    assert c.slots["tech_business"] is False


def test_not_a_woman_sets_gender():
    text = "我不是女的"
    c = Chat(region="长春", question="gender").say(text, entities=[ent("gender", "女", text)])
    assert c.slots["gender"] == "male"


# ---- asking only what matters ----------------------------------------------------

def test_region_is_asked_first():
    text = "我是退役军人"
    c = Chat().say(text, entities=[ent("group", "退役军人", text)])
    assert asks(c, "region")


def test_nothing_to_ask_when_the_outcome_is_settled():
    c = Chat(region="图们", groups=["veteran"], gender="male").say(
        "是科技型企业", entities=[ent("tech_business", "科技型企业", "是科技型企业")])
    # nothing left to settle: the measures come (an overview that may ask the need)
    assert c.slots["question"] in (None, "needs") and "《" in c.text


def test_at_most_one_refining_question():
    text = "我是退役军人，在柳州"
    c = Chat().say(text, entities=[ent("group", "退役军人", text), ent("region", "柳州", text)])
    first = c.slots["question"]
    assert first in ("gender", "tech_business", "needs")
    c.say("跳过", "skip")
    assert c.slots["question"] is None and "《" in c.text
    assert c.slots["asked"] == [first]


def test_outside_coverage_nothing_is_asked():
    """香港: the mainland's laws are not applied there and no local document covers it."""
    c = Chat().say("我是大学生，在香港", entities=[ent("group", "大学生", "我是大学生，在香港")])
    assert c.slots["question"] is None
    assert "不在本知识库覆盖的地区内" in c.text and "中国内地" in c.text
    assert "吉林省" in c.text and "乌鲁木齐市" in c.text and "广西壮族自治区" in c.text
    assert "《" not in c.text  # nothing recommended


def test_a_place_without_local_documents_gets_the_national_layer():
    c = Chat(tech_business=False, gender="male").say("我是退役军人，在北京，想贷款", entities=[
        ent("group", "退役军人", "我是退役军人，在北京，想贷款"), ent("need", "贷款", "我是退役军人，在北京，想贷款")])
    assert "北京市的地方性扶持措施尚未收录进本知识库" in c.text and "12345" in c.text
    assert "《退役军人保障法》第四十六条" in c.text and "不在本知识库覆盖" not in c.text


def test_the_group_question_offers_the_common_groups_other_and_none():
    c = Chat().say("我在长春想创业")
    assert asks(c, "groups")
    titles = [b.title for b in c.buttons]
    assert "退役军人" in titles and "其他" in titles and "都不是" in titles and len(titles) <= 8
    other = next(b for b in c.buttons if b.title == "其他")
    c.say(other.payload, "help")
    assert "华侨华人" in c.text and "外籍人才" in c.text, "其他 lists the groups without a button"
    c = Chat().say("我在长春想创业")
    veteran = next(b for b in c.buttons if b.title == "退役军人")
    assert veteran.payload == '/inform{"group": "veteran"}'


def test_a_button_answers_the_question():
    c = Chat(question="groups", region="长春").say('/inform{"group": "veteran"}', "inform",
                                                   [{"entity": "group", "value": "veteran"}])
    assert c.slots["groups"] == ["veteran"]


# ---- the answer ------------------------------------------------------------------

def test_show_measures_cites_and_flags_the_ended_plan():
    c = Chat(**dict(LIUZHOU_VETERAN, needs=[])).say("想贷款", entities=[ent("need", "贷款", "想贷款")])
    text = c.text
    assert "《广西双创三年行动计划（2021—2023年）》第" in text
    assert "该计划执行期（2021—2023年）已结束，请向主管部门核实现行政策" in text
    assert "找谁办：" in text
    numbered = [line for line in text.splitlines() if line[:2] in {f"{i}." for i in range(1, 10)}]
    assert 1 <= len(numbered) <= 5
    titles = [b.title for b in c.replies[-1].buttons]
    assert "更多" in titles and "第1项详情" in titles and len(titles) <= 8


def test_own_group_measures_come_first():
    c = Chat(**dict(LIUZHOU_VETERAN, needs=[])).say("想贷款", entities=[ent("need", "贷款", "想贷款")])
    first_title = next(line for line in c.text.splitlines() if line.startswith("1. ")).split("（《")[0]
    veteran_titles = {m.title for m in engine().kb.measures if "veteran" in m.conditions.get("groups", ())}
    assert first_title.split(". ", 1)[1] in veteran_titles


def test_more_pages_on():
    c = Chat(**LIUZHOU_VETERAN, view="all").say("更多", "more")
    assert "6. " in c.text
    assert c.slots["page"] == 1


def test_details_quote_why_and_agencies():
    c = Chat(**LIUZHOU_VETERAN).say("第2条详细说说", "details")
    assert "原文：“" in c.text
    assert "为什么适用您" in c.text and "柳州市" in c.text
    assert "牵头部门：" in c.text and "文件未写明" in c.text
    assert c.text.startswith("第2项“")


def test_details_by_button_entity():
    c = Chat(**LIUZHOU_VETERAN).say('/details{"item": 3}', "details", [{"entity": "item", "value": 3}])
    assert c.text.startswith("第3项“")


def test_details_for_a_missing_item_says_how_many():
    c = Chat(**LIUZHOU_VETERAN).say("第99条", "details")
    assert "第2项详细说说" in c.text


def test_whom_to_ask_is_one_line_per_office_and_support_for_one_measure():
    c = Chat(**LIUZHOU_VETERAN).say("哪个部门负责", "ask_agency")
    offices = [line for line in c.text.splitlines() if line.startswith("· ")]
    assert offices and all("：第" in line for line in offices)
    assert "电话" in c.text and "12345" in c.text  # says that the documents give no phone numbers
    c.say("第1项找谁", "ask_contact")
    assert "牵头负责的是" in c.text and "12345" in c.text
    local = next(re.search(r"第(\d+)", line).group(1) for line in offices if "广西壮族自治区" in line)
    c.say(f"第{local}项找谁", "ask_contact")
    assert "配合部门" in c.text, "the supporting offices too, where the document names them"


def test_traditional_user_gets_traditional_answer():
    c = Chat(**dict(LIUZHOU_VETERAN, script="traditional", view="all")).say("更多", "more")
    assert to_simplified(c.text) != c.text
    assert "《" in c.text and "找誰辦" in c.text


def test_start_over_forgets_everything_but_the_script():
    c = Chat(**dict(LIUZHOU_VETERAN, script="traditional")).say("/start_over", "start_over")
    assert c.slots["region"] is None and c.slots["groups"] is None
    assert {k: v for k, v in c.changes.items() if k != "said"} == {"script": "traditional", "page": 0}
    assert "重新開始" in c.text


@pytest.mark.parametrize("words", ["重新开始", "/restart"])
def test_restart_works_in_the_middle_of_a_question(words):
    c = Chat(region="长春", question="groups", missed=1).say(words, "nlu_fallback")
    assert c.slots["question"] is None and c.slots["region"] is None and c.slots["missed"] is None


@pytest.mark.parametrize("text, intent, expected", [
    ("😀😀😀", "nlu_fallback", "请用一两句话"),
    ("<script>alert(1)</script>", "nlu_fallback", "请用一两句话"),
    ("今天天气怎么样", "out_of_scope", "只能帮您查找创业扶持政策"),
    ("I am a veteran in Nanning", "nlu_fallback", "Chinese"),
])
def test_odd_messages_get_a_friendly_reply(text, intent, expected):
    c = Chat().say(text, intent)
    assert expected in c.text


def test_a_cut_message_says_so_and_asks_again():
    c = Chat(region="长春", question="groups")
    out = respond(engine(), c.slots, Incoming("创业" * 500, "inform", [], truncated=True))
    text = "\n".join(r.text for r in out.replies)
    assert "太长" in text and out.replies[-1].buttons and "身份" in out.replies[-1].text


def test_bot_challenge_is_honest():
    c = Chat().say("你是机器人吗", "bot_challenge")
    assert "机器人" in c.text and "不是真人" in c.text


# ---- off-script answers: never a dead end -------------------------------------------

def test_just_these_to_the_tech_question_moves_on():
    """就这些 at the 科技型企业 question moves on: no loop, the conversation goes on."""
    c = Chat(region="柳州", groups=["veteran"], question="tech_business", asked=["tech_business"])
    c.say("就这些", "none_of_these")
    assert "《" in c.text and c.slots["question"] is None
    assert "tech_business" in c.slots["skipped"]


def test_a_repeated_answer_is_acknowledged_and_the_question_asked_again():
    c = Chat().say("我在长春想创业")
    c.say("长春")
    assert "已经记下" in c.text and "长春市" in c.text
    assert asks(c, "groups")


def test_an_answer_that_answers_nothing_gets_the_question_once_then_moves_on():
    c = Chat(region="长春", groups=["veteran"], question="gender", asked=["gender"])
    c.say("嗯嗯这个嘛", "nlu_fallback")
    assert c.text.startswith("抱歉，我没太明白") and asks(c, "gender")
    assert c.text.count(engine().kb.facts["gender"].question) == 1
    c.say("呃呃", "nlu_fallback")
    assert "跳过" in c.text and c.slots["question"] is None and "《" in c.text


def test_the_region_is_never_skipped_for_want_of_an_answer():
    c = Chat(question="region", asked=["region"])
    for _ in range(4):
        c.say("这个嘛", "nlu_fallback")
        assert asks(c, "region")


def test_interruptions_during_a_question_are_answered_and_the_question_repeated():
    for text, intent in [("你是机器人吗", "bot_challenge"), ("帮助", "help"), ("你好", "greet"),
                         ("今天天气怎么样", "out_of_scope"), ("谢谢", "thanks")]:
        c = Chat(region="长春", question="groups").say(text, intent)
        assert asks(c, "groups"), text
        assert len({r.text for r in c.replies}) == len(c.replies)


def test_a_request_during_a_question_is_answered_and_the_question_not_asked_again():
    c = Chat(region="长春", groups=["university_student"], gender="female", question="tech_business")
    c.say("第2条详细说说", "details")
    assert c.text.startswith("第2项“") and c.slots["question"] is None
    assert "tech_business" in c.slots["skipped"] and engine().kb.facts["tech_business"].question not in c.text


def test_listing_request_before_any_profile_asks_for_the_region():
    c = Chat().say("更多", "more")
    assert "还没有查询结果" in c.text and asks(c, "region")


def test_every_reply_is_distinct_and_non_empty():
    c = Chat(region="长春", question="groups")
    for text, intent in [("随便", "skip"), ("嗯", "affirm"), ("好的", "affirm"), ("算了", "skip"),
                         ("都没有", "none_of_these"), ("123", "nlu_fallback"), ("?", "nlu_fallback")]:
        c.say(text, intent)
        texts = [r.text for r in c.replies]
        assert texts and all(t.strip() for t in texts), text
        assert len(set(texts)) == len(texts), text


@pytest.mark.parametrize("text", ["东北那边", "老家在村里", "南方"])
def test_a_vague_place_gets_the_region_question_with_a_hint(text):
    c = Chat(question="region").say(text)
    assert "范围有点大" in c.text and asks(c, "region")


@pytest.mark.parametrize("text", ["东北那边呢", "南方", "老家那边"])
def test_a_vague_place_after_the_results_keeps_the_place_and_says_how_to_change_it(text):
    c = Chat(region="图们", groups=["returning_migrant_worker"]).say("想贷款", "inform")
    before = c.slots["region"]
    c.say(text, "nlu_fallback")
    assert "范围有点大" in c.text and "按图们市" in c.text and "城市或县区名" in c.text
    assert c.slots["region"] == before
    c.say("长春", "inform")
    assert engine().kb.gazetteer.resolve(c.slots["region"]).name == "长春市"   # the new place is taken
    c.say(text, "nlu_fallback")
    assert "按长春市" in c.text and "“长春”" not in c.text, "the examples are other places"


@pytest.mark.parametrize("typo, meant", [("柳洲", "柳州市"), ("南寕", "南宁市"), ("图门", "图们市"),
                                         ("乌鲁木其", "乌鲁木齐市"), ("我在柳洲", "柳州市"), ("就柳洲啊", "柳州市")])
def test_a_near_miss_place_is_taken_and_shown_so_it_can_be_corrected(typo, meant):
    c = Chat().say(typo)
    assert engine().kb.gazetteer.resolve(c.slots["region"]).name == meant
    c.say("我是退役军人", entities=[ent("group", "退役军人", "我是退役军人")])
    assert meant in c.text, "the answer says which place it is for"
    c.say("不是这里 是南宁")
    assert engine().kb.gazetteer.resolve(c.slots["region"]).name == "南宁市"


def test_a_near_miss_keeps_the_other_facts_of_the_message():
    text = "我是退役军人，在柳洲"
    c = Chat().say(text, entities=[ent("group", "退役军人", text)])
    assert c.slots["groups"] == ["veteran"] and "柳州市" in c.slots["region"] and "柳州市" in c.text


@pytest.mark.parametrize("place, province", [("昆山", "江苏省"), ("义乌", "浙江省"), ("我在顺德", "广东省")])
def test_a_county_without_local_documents_gets_the_national_layer(place, province):
    c = Chat(question="region").say(place)
    assert province in c.slots["region"]
    assert "不在本知识库覆盖的地区内" not in c.text and "抱歉" not in c.text and asks(c, "groups")
    c.say("都不是", "none_of_these")
    assert "地方性扶持措施尚未收录进本知识库" in c.text and "12345" in c.text and "《" in c.text


def test_a_place_where_the_person_worked_is_not_where_they_are():
    c = Chat().say("在广东打了十年工，今年回老家了，想在村里搞养殖")
    assert "returning_migrant_worker" in c.slots["groups"]
    assert c.slots["region"] is None and asks(c, "region")


def test_graduates_are_not_students():
    c = Chat().say("我去年研究生毕业")
    assert c.slots["groups"] == ["college_graduate"]


@pytest.mark.parametrize("text, intent", [("5万", "goodbye"), ("嗯，0", "goodbye"), ("请问3吧", "goodbye"),
                                          ("嗯嗯", "thanks"), ("1", "greet")])
def test_a_number_or_filler_misread_as_a_social_intent_does_not_end_the_question(text, intent):
    c = Chat(region="长春", question="groups").say(text, intent)
    assert asks(c, "groups") and "祝您创业顺利" not in c.text and "不客气" not in c.text


def test_a_real_goodbye_is_answered():
    assert "祝您创业顺利" in Chat(region="长春").say("好的，再见", "goodbye").text


@pytest.mark.parametrize("text, intent", [("感恩 掰掰", "thanks"), ("谢谢 拜拜", "thanks"), ("先这样 撤了", "inform")])
def test_thanks_with_a_goodbye_ends_without_asking_again(text, intent):
    c = Chat(region="长春", question="groups").say(text, intent)
    assert "祝您创业顺利" in c.text and not asks(c, "groups"), c.text


def test_a_favour_asked_with_thanks_is_no_goodbye():
    c = Chat(region="长春", question="groups").say("拜托了 谢谢", "thanks")
    assert "祝您创业顺利" not in c.text and asks(c, "groups"), c.text


def test_an_english_message_stating_facts_is_taken_with_the_bilingual_note():
    c = Chat().say("嗯，I am a veteran in Nanning", "greet")
    assert c.slots["groups"] == ["veteran"] and "南宁市" in c.slots["region"]
    assert "Chinese" in c.text and "中文" in c.text


@pytest.mark.parametrize("text", ["안녕하세요", "Bonjour", "مرحبا", "请问Hola, ¿cómo estás?"])
def test_other_languages_get_the_bilingual_reply(text):
    c = Chat(region="长春", question="groups").say(text, "greet")
    assert "Chinese" in c.text and "中文" in c.text and asks(c, "groups")


@pytest.mark.parametrize("text, intent", [("好的", "affirm"), ("嗯", "affirm"), ("行吧", "affirm")])
def test_a_filler_is_not_a_yes_to_the_tech_question(text, intent):
    c = Chat(region="长春", groups=["veteran"], question="tech_business").say(text, intent)
    assert c.slots["tech_business"] is None and asks(c, "tech_business")


@pytest.mark.parametrize("text", ["算是吧", "是的", "对"])
def test_yes_in_words_answers_the_tech_question(text):
    c = Chat(region="长春", groups=["veteran"], question="tech_business").say(text, "affirm")
    assert c.slots["tech_business"] is True


@pytest.mark.parametrize("text, meant", [("呃，柳洲", "柳州市"), ("请问南寕", "南宁市"), ("那个图门", "图们市")])
def test_a_near_miss_after_a_filler_is_still_read(text, meant):
    c = Chat(question="region").say(text)
    assert engine().kb.gazetteer.resolve(c.slots["region"]).name == meant


def test_a_place_inside_a_group_name_is_not_the_region():
    text = "我是台湾青年"
    c = Chat().say(text, entities=[ent("group", "台湾青年", text), ent("region", "台湾", text)])
    assert c.slots["groups"] == ["hk_macao_taiwan"] and c.slots["region"] is None and asks(c, "region")


def test_a_negation_alone_at_the_start_moves_on_to_the_region():
    c = Chat().say("那个不是农民工")
    assert "不是返乡农民工" in c.text and asks(c, "region")


def test_traditional_as_nlu_hands_it_over_gets_traditional():
    """NLU converts the text to Simplified and keeps the script it was written in."""
    out = respond(engine(), {"question": "region"}, Incoming("图们", "inform", [], script="traditional"))
    assert out.slots["script"] == "traditional"
    text = "\n".join(r.text for r in localize(out.replies, out.slots["script"]))
    assert to_simplified(text) != text


def test_a_message_nlu_has_converted_is_not_converted_again(monkeypatch):
    """NLU converts once and says how the message was written; the dialogue
    reads that instead of converting again."""
    from bot import script
    calls = []
    real = script._T2S.convert
    monkeypatch.setattr(script._T2S, "convert", lambda text: calls.append(text) or real(text))
    script.to_simplified.cache_clear()
    slots = {name: None for name in SLOTS}
    outcome = respond(engine(), slots, Incoming("我是退役军人，在柳州开修理店", intent="inform", script="simplified"))
    assert outcome.slots.get("groups") == ["veteran"] and outcome.slots.get("script") == "simplified"
    assert calls == []


def test_the_script_is_read_once_and_either_keeps_the_persons_script():
    from bot.script import read_script
    assert read_script("我是退伍軍人") == ("我是退伍军人", "traditional")
    assert read_script("我是退伍军人") == ("我是退伍军人", "simplified")
    assert read_script("更多") == ("更多", "either")
    assert read_script("巾帼嗰个具体有乜嘢") == ("巾帼嗰个具体有乜嘢", "simplified")   # Cantonese, in Simplified
    slots = {name: None for name in SLOTS}
    slots.update(script="traditional")
    outcome = respond(engine(), slots, Incoming("更多", intent="more", script="either"))
    assert outcome.slots.get("script", "traditional") == "traditional"


@pytest.mark.parametrize("text, intent", [("不是", "deny"), ("都不是", "none_of_these"), ("就这些", "none_of_these")])
def test_no_or_none_to_the_question_under_the_results_gets_an_answer(text, intent):
    """Under the first results the bot may ask one narrowing question; "不是" / "都不是"
    there once crashed the turn. Now it answers it or drops it, and the person sees why."""
    slots = {name: None for name in SLOTS}
    slots["page"] = 0
    first = respond(engine(), slots, Incoming("我是退役军人，在柳州", "inform", script="simplified"))
    slots.update(first.slots)
    assert slots["question"] == "tech_business" and "《" in first.replies[0].text
    out = respond(engine(), slots, Incoming(text, intent, script="simplified"))
    assert out.replies and "系统暂时出了点问题" not in out.replies[0].text
    assert out.slots.get("tech_business") is False or "tech_business" in (out.slots.get("skipped") or ())


def test_a_yes_no_question_asked_again_is_the_question_itself():
    tech = engine().kb.facts["tech_business"]
    c = Chat(region="长春", groups=["unemployed"], question="tech_business").say("俺没当过兵 也不是农村的")
    assert asks(c, "tech_business") and tech.question in c.text
    assert "您的" + tech.label not in c.text


def test_a_loan_list_puts_a_neighbouring_groups_loans_first_and_counts_信贷_as_a_loan():
    c = Chat(region="遵义", groups=["returning_migrant_worker"]).say("俺手头没得本钱 想贷点款买牛犊")
    items = [line for line in c.text.splitlines() if re.match(r"\d\. ", line)]
    assert "可能适用" in items[0] and "农" in items[0]           # a rural loan, to confirm
    assert any("小额信贷" in line for line in items)             # 信贷 is a loan too


def test_a_gender_stated_beside_a_question_adds_its_measures_after_the_answer():
    c = Chat(region="沈阳", groups=["unemployed"]).say("这算就业困难不")
    c.say("俺是女的 这算就业困难不")
    assert c.slots["gender"] == "female" and "第五十二条" in c.text
    assert "就业困难的妇女" in c.text and "《妇女权益保障法》第四十二条" in c.text


def test_news_of_a_spouse_is_heard_and_the_open_question_kept():
    c = Chat(region="汪清", groups=["military_family"], gender="female", question="tech_business")
    c.say("我老公不是退伍 还在服役呢")
    assert "您是说哪一项" not in c.text and "没太明白" not in c.text
    assert c.slots["groups"] == ["military_family"] and asks(c, "tech_business")


def test_a_short_form_names_the_measure_it_abbreviates():
    c = Chat(region="图们", groups=["college_graduate"]).say("俺是延边大学今年毕业的 在图们 想开咖啡店")
    c.say("公租房我能申请吗")
    assert "公共租赁住房" in c.text.splitlines()[0] and c.text.count("的条件（按文件）") == 1


def test_a_measure_for_two_of_the_persons_groups_at_once_comes_first():
    c = Chat(region="辽源", groups=["veteran"]).say("另外我有残疾证 三级 腿是部队训练时候伤的")
    first = next(line for line in c.text.splitlines() if line.startswith("1. "))
    assert "残疾" in first and "退役军人" in first, first


def test_too_long_is_heard_with_how_to_ask_for_one_point():
    c = Chat(region="四平", groups=["disabled"]).say("你说话太长了 念得我头疼 简单点")
    assert "没太明白" not in c.text and "找谁办" in c.text and len(c.text) < 80


def test_a_place_asked_about_for_a_friend_is_not_taken_as_the_persons():
    c = Chat().say("问一下 退伍军人在图们创业有啥政策 帮我战友问的")
    assert c.slots["region"] is None and c.slots["groups"] is None and "图们" in c.text


def test_a_wife_who_wants_to_join_gets_the_womens_measures_and_the_profile_stays():
    c = Chat(region="南宁", groups=["veteran"], gender="male").say("我老婆也想搞 她能不能享受")
    assert "面向女性的措施" in c.text and c.slots["gender"] == "male" and c.slots["groups"] == ["veteran"]


@pytest.mark.parametrize("answer, graduate", [("大专", True), ("本科", True), ("职高", False)])
def test_the_level_of_school_answers_whether_one_graduated_from_college(answer, graduate):
    c = Chat()
    c.say("刚毕业 想在郑州开个奶茶店 钱不够")
    c.say(answer)
    assert ("college_graduate" in (c.slots["groups"] or [])) == graduate and "没太明白" not in c.text, c.text


def test_a_question_naming_a_college_is_no_answer_to_whether_one_graduated():
    c = Chat(region="吉林市", gender="female")
    c.say("我刚毕业")
    c.say("女大学生人才生根计划是啥意思")
    assert "college_graduate" not in (c.slots["groups"] or []), c.slots


def test_who_one_is_told_while_the_place_is_asked_is_acknowledged_before_asking_again():
    c = Chat()
    c.say("我想了解创业扶持政策")
    c.say("俺是返乡农民工")
    assert "记下了" in c.text and "返乡农民工" in c.text and asks(c, "region"), c.text
