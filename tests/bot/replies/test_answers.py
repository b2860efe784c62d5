"""Answers a person can act on, on the core: the overview first, follow-up questions answered from the
quote only, the slots the staff console reads, feedback and the summary."""
import re
from dataclasses import replace
from functools import lru_cache

import pytest

from bot.replies import followup, consultation as summary
from bot.replies import lists as overview
from bot.dialogue import Incoming, respond
from bot.dialogue import listing, profile_from_slots
from bot.matching.engine import Engine
from bot.rules import default_kb

from tests.bot.dialogue.test_conversation import Chat, ent


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One engine for the module, as the action server keeps one."""
    return Engine(default_kb())


TUMEN_MIGRANT = "我是返乡农民工，在图们"
LIUZHOU_VETERAN = dict(region="柳州", groups=["veteran"], gender="male", tech_business=False)


def tumen_migrant():
    return Chat().say(TUMEN_MIGRANT, entities=[ent("group", "返乡农民工", TUMEN_MIGRANT),
                                               ent("region", "图们", TUMEN_MIGRANT)])


def numbered(text):
    return [line for line in text.splitlines() if re.match(r"^\d+\. ", line)]


def items_of(slots):
    kb = engine().kb
    return listing(engine(), engine().match(profile_from_slots(kb, slots)))


def choose(chat, need):
    return chat.say(f'/inform{{"need": "{need}"}}', "inform", [{"entity": "need", "value": need}])


# ---- A. the overview first ----------------------------------------------------------

def test_a_returning_migrant_in_tumen_first_sees_an_overview_not_the_whole_list():
    c = tumen_migrant()
    items = items_of(c.slots)
    assert len(items) > 60
    n_possible = sum(m.status == 'possible' for m in items)
    assert f"找到 {len(items)} 项措施（其中 {n_possible} 项可能适用）" in c.text
    assert "找谁办：" in c.text and len(c.text) <= 600 and len(c.buttons) <= 8, "phone-sized, and whom to ask"
    assert len(numbered(c.text)) <= overview.NAMED
    own = [m for m in items if m.own_group]
    assert c.slots["shown"] == [m.id for m in own[:overview.NAMED]], "own-group measures named first"
    titles = {b.title for b in c.buttons}
    financing = sum(overview.in_category(default_kb(), m, "financing") for m in items)
    assert f"贷款/补贴 {financing}" in titles and f"全部 {len(items)}" in titles
    # one narrowing question under the results, with its answers as buttons
    q = c.slots["question"]
    assert q in engine().kb.facts.refining and engine().kb.facts[q].question in c.text


def test_the_ended_plan_notice_comes_once_not_under_every_item():
    c = Chat(**LIUZHOU_VETERAN).say("想贷款", entities=[ent("need", "贷款", "想贷款")])
    notice = "该计划执行期（2021—2023年）已结束"
    assert c.text.count(notice) == 1
    c = choose(c, "financing")
    assert c.text.count(notice) == 1 and len(numbered(c.text)) == 5


def test_choosing_a_category_lists_it_five_at_a_time_and_numbers_refer_to_it():
    c = choose(tumen_migrant(), "premises")
    items = items_of(c.slots)
    premises = [m for m in items if m.category == "premises"]
    assert c.text.startswith(f"场地/孵化（共 {len(premises)} 项）")
    assert c.slots["shown"] == [m.id for m in premises[:5]]
    assert c.slots["needs"] == ["premises"] and c.slots["question"] is None
    c.say("更多", "more")
    assert c.slots["shown"] == [m.id for m in premises[5:10]]
    c.say("第7项详细说说", "details")
    assert c.text.startswith(f"第7项“{premises[6].title}”") and c.slots["focus"] == premises[6].id


def test_a_need_stated_after_the_results_lists_its_category():
    c = tumen_migrant().say("跳过", "skip")
    assert c.slots["question"] is None and c.text.strip()
    c.say("培训的呢", entities=[ent("need", "培训", "培训的呢")])
    assert c.text.startswith("培训（共")


def test_more_after_the_overview_goes_on_to_the_whole_list():
    c = Chat(**LIUZHOU_VETERAN, needs=["financing"]).say("/show_all", "show_all")
    assert c.text.startswith("全部措施") and c.slots["view"] == "all"
    c = Chat(**LIUZHOU_VETERAN, needs=["financing"])
    c.say("不是科技型企业", entities=[ent("tech_business", "不是科技型企业", "不是科技型企业")])
    c.say("更多", "more")   # the veteran's own measures go on (there are more than five now, with the laws)
    assert "6. " in c.text and c.slots["shown"] and c.slots["page"] == 1


def test_the_needs_question_is_not_asked_when_the_need_is_known():
    text = "我是返乡农民工，在图们，想贷款"
    c = Chat().say(text, entities=[ent("group", "返乡农民工", text), ent("region", "图们", text),
                                   ent("need", "贷款", text)])
    assert c.slots["question"] != "needs"


# ---- B. follow-up questions ---------------------------------------------------------------

def loan_details():
    c = choose(tumen_migrant(), "financing")
    return c.say("第1项详细说说", "details")


def test_after_the_details_of_a_loan_how_much_says_the_document_sets_no_amount():
    c = loan_details()
    m = engine().kb.measure(c.slots["focus"])
    assert "贷款" in m.title
    c.say("能贷多少", "ask_amount")
    assert "文件未规定具体额度" in c.text
    assert engine().kb.agencies[m.lead[0]].full_name in c.text
    assert "12345政务服务便民热线" in c.text
    assert not re.search(r"\d+\s*(万|元)", c.text)


def test_an_amount_in_the_quote_is_quoted_verbatim():
    kb = engine().kb
    m = next(m for m in kb.measures if m.id == "js-4-rd-deduction")
    d = engine().shown(engine().match(profile_from_slots(kb, {"region": "长春", "groups": []})).eligible[0])
    d = replace(d, id=m.id, title=m.title, quote=m.quote, citation="《x》第4条")
    answer = followup.answer("ask_amount", d)
    quoted = re.search(r"原文写明：“(.+?)”", answer).group(1)
    assert "75%" in quoted and quoted in m.quote


@pytest.mark.parametrize("kind", followup.KINDS)
def test_no_answer_states_a_number_the_document_does_not(kind):
    """Every measure, every kind: take out what the quote, the citation, the
    documented period and the hotline say, and no digit is left."""
    e = engine()
    for v in e.match(profile_from_slots(e.kb, {"region": "图们", "groups": None})).possible \
            + e.match(profile_from_slots(e.kb, {"region": "柳州", "groups": None})).possible:
        m = e.shown(v)
        text = followup.answer(kind, m, 3)
        for known in [*followup.sentences(m.quote, re.compile(".")), m.citation, m.title,
                      m.expiry_note or "", m.valid_until or "", m.in_force or "", "12345",
                      "第3项"]:
            text = text.replace(known, "")
        assert not re.search(r"\d", text), (kind, m.id, text)
        assert "电话：" not in text and "地址：" not in text


def test_a_follow_up_with_no_measure_in_focus_asks_which_one():
    c = choose(tumen_migrant(), "financing").say("需要什么材料", "ask_materials")
    assert "哪一项" in c.text and "没有列出需要准备的材料" in c.text


def test_a_follow_up_names_the_item_it_is_about():
    c = choose(tumen_migrant(), "financing")
    second = c.slots["shown"][1]
    c.say("第2项需要什么材料", "ask_materials")
    assert c.text.startswith("第2项") and c.slots["focus"] == second and "文件没有写明需要准备哪些材料" in c.text


def test_a_follow_up_by_title_when_one_title_matches():
    c = choose(tumen_migrant(), "financing").say("返乡创业担保贷款和抵押贷款试点还有效吗", "ask_deadline")
    assert "返乡创业担保贷款和抵押贷款试点" in c.text and "文件未规定截止日期或有效期" in c.text


def _first_of(doc: str, **slots) -> int:
    """The number on screen of the first measure of `doc` in the whole listing."""
    e = engine()
    result = e.match(profile_from_slots(e.kb, slots))
    return next(n for n, v in enumerate(result.ranked, 1) if v.measure.doc == doc)


def test_the_deadline_of_an_ended_plan():
    n = _first_of("guangxi-2021", **dict(LIUZHOU_VETERAN, needs=["financing"]))
    c = Chat(**LIUZHOU_VETERAN, needs=["financing"], view="all").say(f"第{n}项还有效吗", "ask_deadline")
    assert "已结束" in c.text and "12345" in c.text


def test_the_deadline_of_a_law_in_force():
    c = Chat(**LIUZHOU_VETERAN, needs=["financing"], view="all").say("第1项还有效吗", "ask_deadline")
    assert "《退役军人保障法》第四十六条" in c.text and "现行有效（自2021年1月1日起施行）" in c.text
    assert "已结束" not in c.text


def test_contact_never_gives_a_number():
    c = loan_details().say("电话多少", "ask_contact")
    assert "没有写明办理电话、地址或网址" in c.text
    assert not re.search(r"\d{5,}", c.text.replace("12345", ""))


@pytest.mark.parametrize("text, intent", [("能代多少", "ask_amount"), ("how much can I borrow", "ask_amount"),
                                          ("那个呢", "nlu_fallback"), ("咋申请啊", "ask_how_to_apply")])
def test_misspelt_english_or_vague_follow_ups_get_an_answer(text, intent):
    c = loan_details().say(text, intent)
    assert c.text.strip() and "抱歉，系统" not in c.text


def test_a_follow_up_before_any_result_asks_for_the_region():
    c = Chat().say("能贷多少", "ask_amount")
    assert "您在哪个地方创业" in c.text and c.slots["question"] == "region"


def test_a_follow_up_that_answers_another_question_is_read_as_the_answer():
    text = "我在南宁，能贷多少"
    c = Chat(groups=["veteran"], question="region").say(text, "ask_amount", [ent("region", "南宁", text)])
    assert "南宁" in c.slots["region"]


def test_details_have_the_guide_block():
    c = loan_details()
    for part in ("【申办指引】", "惠及对象：", "条件：", "原文：“", "牵头部门：", "有效期：", "文件未写明："):
        assert part in c.text, part
    n = _first_of("guangxi-2021", **dict(LIUZHOU_VETERAN, needs=["financing"]))
    c = Chat(**LIUZHOU_VETERAN, needs=["financing"], view="all").say(f"第{n}项详细说说", "details")
    assert "有效期：该计划执行期（2021—2023年）已结束" in c.text
    c = Chat(**LIUZHOU_VETERAN, needs=["financing"], view="all").say("第1项详细说说", "details")
    assert "有效期：现行有效（自2021年1月1日起施行）" in c.text


def test_the_guide_names_whom_the_measure_is_for_in_words():
    """惠及对象 is the audience's label (and the groups the text names), never raw ids."""
    c = loan_details()
    line = next(x for x in c.text.splitlines() if x.startswith("惠及对象："))
    assert line.startswith("惠及对象：创业者个人（限") and line.endswith("）")   # the audience, then the groups
    assert not any(token in line for token in ("founder", "(", "'", "_"))


# ---- C. the slots the staff console reads ------------------------------------------------

def test_console_slots():
    c = tumen_migrant()
    kb = engine().kb
    assert c.changes["shown"] and all(a in kb.agencies for a in c.changes["referred"])
    c.say("更多", "more")
    c.say("第1项详细说说", "details")
    assert c.changes["focus"] == c.slots["focus"] and "shown" not in c.changes
    again = respond(engine(), dict(c.slots), Incoming("第1项详细说说", "details"))
    assert again.slots["focus"] == c.slots["focus"], "set in every turn it describes, even unchanged"


# ---- D. feedback ------------------------------------------------------------------------

def test_thumbs_up_stores_the_rating_and_the_measures_shown():
    c = tumen_migrant()
    shown = c.slots["shown"]
    c.say("/feedback_up", "feedback_up")
    assert c.slots["feedback"] == {"rating": "up", "measures": shown, "missing": None}


def test_thumbs_down_asks_what_was_missing_and_stores_the_answer():
    c = tumen_migrant().say("👎")
    assert c.slots["feedback"]["rating"] == "down" and "缺了什么" in c.text
    c.say("没有说去哪里交材料", "nlu_fallback")
    assert c.slots["feedback"]["missing"] == "没有说去哪里交材料" and c.slots["pending"] is None


def test_a_complaint_after_thumbs_down_is_stored_even_if_it_reads_like_a_question():
    c = tumen_migrant().say("/feedback_down", "feedback_down")
    c.say("没说去哪里办", "ask_how_to_apply")
    assert c.slots["feedback"]["missing"] == "没说去哪里办" and "已记下" in c.text


def test_a_new_question_after_thumbs_down_is_answered_not_stored():
    c = tumen_migrant().say("/feedback_down", "feedback_down")
    c.say("第2项详细说说", "details")
    assert c.text.startswith("第2项“") and c.slots["feedback"]["missing"] is None


def test_feedback_typed_in_words_counts_like_the_buttons():
    """People type their verdict; the classifier's feedback intents count only
    when the words say so (INTENT_MARKERS), in colloquial forms too."""
    for words in ("差评", "帮不上忙", "一点用都没有", "说了半天没什么帮助"):
        c = tumen_migrant().say(words, "feedback_down")
        assert c.slots["feedback"]["rating"] == "down" and "缺了什么" in c.text, words
    for words in ("好评", "太有用了"):
        c = tumen_migrant().say(words, "feedback_up")
        assert c.slots["feedback"]["rating"] == "up", words
    # a misclassified request is not taken for a rating
    c = tumen_migrant().say("第2项详细说说", "feedback_down")
    assert c.slots["feedback"] is None


def test_feedback_before_any_listing():
    c = Chat().say("👍")
    assert c.slots["feedback"] is None and c.text


# ---- E. the summary ---------------------------------------------------------------------

def test_the_summary_is_stable_and_holds_what_to_take_along():
    c = tumen_migrant()
    c.say("生成清单", "summary")
    first = c.slots["summary"]
    out = respond(engine(), dict(c.slots), Incoming("打印", "summary"))
    assert out.summary.id == first
    doc = out.summary
    text = doc.text()
    assert "图们市" in text and "返乡农民工" in text
    assert doc.version == summary.rules_version(engine().kb) and doc.version in text and doc.date in text
    for m in doc.measures:
        assert m.citation in text and m.quote in text
    assert "要问负责部门的问题" in text and "12345" in text
    html = doc.html()
    assert "@media print" in html and "<script" not in html
    other = Chat(region="长春", groups=["returning_migrant_worker"]).say("生成清单", "summary")
    assert other.slots["summary"] != first


def test_the_summary_lists_the_chosen_measures_and_no_typed_text():
    c = choose(tumen_migrant(), "financing")
    c.say("第3项详细说说", "details")
    c.say("👎").say("我的手机号是[手机号]，想问能贷多少", "nlu_fallback")
    out = respond(engine(), dict(c.slots), Incoming("把结果发给我", "summary"))
    assert [m.id for m in out.summary.measures] == [c.slots["focus"]]
    assert "手机号" not in out.summary.text() and "想问" not in out.summary.html()


def test_summary_before_any_result():
    c = Chat().say("生成清单", "summary")
    assert "还没有查询结果" in c.text and c.slots["summary"] is None


def test_printing_as_a_business_is_not_a_summary_request():
    c = tumen_migrant().say("想开个打印店", "inform")
    assert c.slots["summary"] is None
    c.say("打印", "nlu_fallback")
    assert c.slots["summary"] is not None, "the bare word asks for it, whatever NLU said"


def test_how_much_of_a_measure_that_gives_no_money_says_it_is_not_a_money_measure():
    c = Chat(region="南宁", groups=["university_student"], gender=None)
    c.say("在校大学生 南宁 想搞个奶茶店 没钱")
    c.say("第1项能贷多少", "ask_amount")
    m = engine().kb.measure(c.slots["focus"])
    assert m.category not in ("financing", "tax") and "不是资金或税费措施" in c.text
