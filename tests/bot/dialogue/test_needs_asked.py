"""Needs said and asked in one message: the one asked about is shown first."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("text, first, second", [("想盖个厂房 钱不够 能贷款不", "贷款/补贴", "场地/孵化"),
                                                 ("本钱不够 想租个厂房 租金能补不", "场地/孵化", "贷款/补贴")])
def test_the_need_asked_about_is_the_category_shown(text, first, second):
    c = Chat(region="周口", groups=["rural_entrepreneur"], gender="male")
    c.say(text)
    assert c.text.startswith(first) and not c.text.startswith(second), c.text
    assert set(c.slots["needs"]) == {"financing", "premises"}


def test_of_two_needs_the_one_the_persons_measures_hold_is_shown():
    c = Chat(region="长春", groups=["overseas_returnee"], gender="male", tech_business=True)
    c.say("孩子要上小学了 我们落户和孩子入学能帮忙不")
    assert "《吉林省双创升级版实施意见》第12条" in c.text and "没有找到" not in c.text, c.text


def test_send_me_the_original_text_quotes_it_rather_than_making_the_checklist():
    c = Chat(region="吉林市", groups=["researcher"], gender="male")
    c.say("第一个找谁")
    c.say("原文发我一下")
    assert "原文" in c.text and "咨询清单" not in c.text, c.text


def test_my_wife_coming_too_is_answered_from_what_the_texts_say_of_spouses():
    c = Chat(region="图们", groups=["foreign_talent"], gender="male")
    c.say("签证居留有啥政策")
    c.say("my wife 她也想来 能办吗")
    assert "配偶" in c.text and "没太明白" not in c.text, c.text


def test_a_subsidy_asked_for_by_the_words_of_a_title_off_screen_answers_that_measure():
    c = Chat()
    c.say("我们是长春的科技型中小企业 做医疗器械 想用专利质押融资")
    c.say("研发投入有补助吗")
    assert "《吉林省科技创新生态优化工程实施方案》第3条" in c.text and not c.text.startswith("贷款/补贴"), c.text
    assert c.slots["needs"] == ["financing"]


def test_registration_said_to_be_elsewhere_beside_a_question_about_it_states_that_need_only():
    c = Chat(region="图们", groups=["college_graduate"], gender="female")
    c.say("户口能落过去吗 我户口还在老家吉林市")
    assert c.slots["needs"] == ["household_registration"] and "图们" in c.slots["region"], c.slots
    c = Chat(region="图们", groups=["returning_migrant_worker"], gender="male")
    c.say("社保能在图们交不 俺户口还在村里")
    assert not c.slots["needs"], c.slots


def test_a_need_whose_only_measure_is_filed_under_another_kind_is_found_by_its_title():
    c = Chat()
    c.say("Hi 我刚从英国回来 master毕业 打算在长春做个AI小公司")
    c.say("户口还在老家 能落过来吗")       # 落户 is in the title of a 海归 measure filed under talent services
    assert "海归" in c.text and "落户" in c.text and "都没有写明" not in c.text, c.text


@pytest.mark.parametrize("text", ["有培训不", "有培训没", "那有培训吗"])
def test_whether_there_is_any_of_a_need_lists_it_rather_than_asking_which_one(text):
    c = Chat()
    c.say("在浙江厂里干了八年 过年回遵义老家了 想包地种辣椒")
    c.say(text)
    assert "您是说哪一项" not in c.text and "培训（共" in c.text, c.text
