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
