"""A question in everyday words (网上卖, 摆摊) finds the measures whose texts use the
documents' word for it (电商, 个体工商户), rather than "the texts do not say"."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


def test_selling_online_finds_the_measure_that_speaks_of_e_commerce():
    c = Chat(region="汪清", groups=["rural_low_income"], gender="male")
    c.say("他还想在网上卖木耳 有支持吗")
    assert "农村低收入人群创业就业金融产品" in c.text and "都没有写明" not in c.text, c.text


def test_a_stall_lists_the_measures_for_individual_businesses_with_their_offices():
    c = Chat(region="汪清", groups=["rural_low_income"], gender="male")
    c.say("摆个摊有啥优惠")
    assert "个体工商户" in c.text and "找谁办" in c.text and "都没有写明" not in c.text, c.text


def test_a_trade_told_while_the_place_is_asked_is_noted_and_the_place_asked_again():
    c = Chat()
    c.say("你好 我是马来西亚华人")
    c.say("就是海鲜加工啦 之前在槟城做了二十年")
    assert "没太明白" not in c.text and c.slots["question"] == "region", c.text


@pytest.mark.parametrize("text", ["巾帼那个具体有啥", "巾帼嗰个具体有乜嘢"])
def test_a_measure_named_with_具体_or_in_cantonese_is_that_measure(text):
    c = Chat(region="南宁", gender="female", groups=[])
    c.say(text)
    assert "创新创业巾帼行动" in c.text and "您是说哪一项" not in c.text, c.text


def test_a_group_in_its_everyday_word_and_a_phrase_of_the_title_name_that_measure():
    c = Chat()
    c.say("我老公在部队 我随军来柳州了 想在家做烘焙接单")
    c.say("有巾帼什么的吗")
    assert "巾帼" in c.text, c.text
    c.say("军属搞个体经营的优惠具体是啥")      # 军属: the titles say 军人配偶
    assert "军人配偶自主创业" in c.text and "巾帼" not in c.text, c.text


def test_a_title_named_in_the_persons_own_words_wins_over_one_the_groups_label_adds_to():
    c = Chat()
    c.say("就是在深圳电子厂打了五年工 回玉林了 农村的")
    c.say("农民工创业园能进吗 要啥条件")
    assert "农民工创业园" in c.text.splitlines()[0] and "用地保障" not in c.text, c.text


def test_a_run_of_a_title_in_the_persons_words_names_that_measure_though_it_is_not_on_screen():
    c = Chat()
    c.say("在青岛打了八年工今年回图们了想在村里养黄牛有啥扶持不")
    c.say("村里集体建设用地能用来盖牛棚不")
    assert c.text.startswith("“返乡人员使用集体建设用地创业”"), c.text
    c.say("这个找谁办")
    assert "集体建设用地" in c.text and "图们市人力资源和社会保障局" in c.text, c.text


def test_a_word_of_titles_asked_after_another_groups_list_is_sought_among_the_persons_measures():
    c = Chat()
    c.say("在广东打了十年工今年回桂平老家了想搞个养鸡场有没有啥扶持的")
    c.say("退伍军人有啥政策吗 我表哥是当兵回来的")
    c.say("养鸡场要用地 用地那个怎么说的原文")
    assert "用地" in c.text and "退役军人" not in c.text, c.text


@pytest.mark.parametrize("text, title", [("桂惠贷是啥", "桂惠贷"), ("想问问女大学生创业大赛的事", "女大学生创业创新大赛")])
def test_a_measure_named_before_a_place_is_answered_and_the_place_asked(text, title):
    c = Chat()
    c.say(text)
    assert title in c.text and "没太明白" not in c.text and "在哪个地方创业" in c.text, c.text
    assert len(c.buttons) <= 8, [b.title for b in c.buttons]      # one row of places on a phone


@pytest.mark.parametrize("text", ["我想了解创业扶持政策", "创业贷款怎么申请", "创业担保贷款是什么"])
def test_words_many_titles_share_before_a_place_name_no_measure(text):
    c = Chat()
    c.say(text)
    assert "在哪个地方创业" in c.text and "您是说哪一项" not in c.text and "第1" not in c.text, c.text
