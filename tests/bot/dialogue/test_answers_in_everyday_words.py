"""A question in everyday words (网上卖, 摆摊) finds the measures whose texts use the
documents' word for it (电商, 个体工商户), rather than "the texts do not say"."""
from tests.bot.dialogue.test_conversation import Chat


def test_selling_online_finds_the_measure_that_speaks_of_e_commerce():
    c = Chat(region="汪清", groups=["rural_low_income"], gender="male")
    c.say("他还想在网上卖木耳 有支持吗")
    assert "农村低收入人群创业就业金融产品" in c.text and "没有写到" not in c.text, c.text


def test_a_stall_lists_the_measures_for_individual_businesses_with_their_offices():
    c = Chat(region="汪清", groups=["rural_low_income"], gender="male")
    c.say("摆个摊有啥优惠")
    assert "个体工商户" in c.text and "找谁办" in c.text and "没有写到" not in c.text, c.text
