"""能贷多少 with no one measure meant: what each text states of an amount, for the money
measures on screen or of the need named, with whom to ask; the list on screen stays as shown."""
import re

from tests.bot.dialogue.test_conversation import Chat


def numbered(text):
    return re.findall(r"^(\d+)\. (.+?)（", text, re.M)


def test_how_much_of_the_loans_on_screen_answers_each_loan_and_keeps_the_list():
    c = Chat(region="北流", groups=["rural_entrepreneur"])
    c.say("贷款")
    shown = list(c.slots["listed"])
    c.say("贷款能贷多少")
    assert len(numbered(c.text)) >= 3 and c.text.count("没有写明具体额度") >= 3, c.text
    assert "找谁办" in c.text and c.slots["listed"] == shown


def test_a_loan_wanted_and_its_amount_asked_together_answers_the_persons_loans():
    c = Chat(region="镇赉", groups=["rural_entrepreneur"])
    c.say("想代款买几头牛 能代多少")
    assert len(numbered(c.text)) >= 2 and "额度" in c.text and "找谁办" in c.text, c.text


def test_how_much_after_a_list_of_another_need_is_about_that_list():
    c = Chat(region="上海", groups=[])
    c.say("个体户交社保有补贴吗")
    c.say("补多少")
    assert "社会保险" in c.text and "额度" in c.text, c.text


def test_a_title_word_still_names_its_measure():
    c = Chat(region="柳州", groups=["veteran"])
    c.say("贴息那个能贴多少")
    assert len(numbered(c.text)) == 0 and "贴息" in c.text and "额度" in c.text, c.text


def test_cantonese_how_much_is_an_amount_question():
    c = Chat(region="北流", groups=["rural_entrepreneur"])
    c.say("贷款")
    c.say("咁贷款可以贷几多")
    assert c.text.count("没有写明具体额度") >= 3, c.text


def test_two_questions_about_one_measure_in_one_message_are_both_answered():
    c = Chat(region="乌鲁木齐", groups=["overseas_returnee"])
    c.say("择优资助是什么意思 能给多少钱")
    assert "择优资助" in c.text and "文件未规定具体额度" in c.text, c.text
    c.say("要什么条件 找谁办")
    assert "的条件（按文件）" in c.text and "牵头负责的是" in c.text, c.text


def test_how_much_after_the_first_screen_is_about_its_money_measures_only():
    c = Chat(region="图们", groups=["veteran"])
    c.say("能贷多少")
    assert "专场招聘" not in c.text and "创业担保贷款" in c.text, c.text


def test_is_and_a_place_answers_no_yes_no_question():
    c = Chat(region="图们", groups=["veteran"], question="tech_business")
    c.say("是图们")
    assert c.slots.get("tech_business") is None
    c = Chat(region="图们", groups=["veteran"], question="tech_business")
    c.say("是，做AI医疗影像的")
    assert c.slots.get("tech_business") is True


def test_that_loan_after_one_loans_answer_is_that_loan():
    c = Chat(region="柳州", groups=["veteran"])
    c.say("贷款")
    c.say("第2项详细说说")
    c.say("那个贷款能贷多少")
    assert c.text.startswith("第2项") and "第1项" not in c.text, c.text


def test_that_loan_after_an_answer_about_another_need_is_about_the_loans():
    c = Chat(region="柳州", groups=["college_graduate"], gender="female")
    c.say("第2项详细说说")
    c.say("那个贷款能贷多少")
    assert "额度" in c.text and "不是资金或税费措施" not in c.text, c.text


def test_what_else_after_a_category_list_shows_its_next_items_then_says_there_are_no_more():
    from tests.bot.dialogue.test_conversation import Chat
    c = Chat(region="成都", groups=["disabled"], gender="male")
    c.say("税能减不")
    first = c.text
    c.say("还有啥")
    assert "第 6—10 项" in c.text and c.text != first, c.text
    c.say("还有啥")
    c.say("还有啥")
    assert "“税费”这一类就这些了" in c.text and "第 6—10 项" not in c.text, c.text


def test_what_a_relief_is_and_how_much_it_saves_is_answered_for_the_list_not_asked_back():
    c = Chat()
    c.say("我老公在部队当兵 我在石家庄带孩子 想开个网店")
    c.say("军嫂开店有啥优惠")
    c.say("优惠是啥 能少交多少")
    assert "您是说哪一项" not in c.text and "没有写明具体额度" in c.text, c.text
