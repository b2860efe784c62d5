"""The first answer: where the person's own group has fewer measures than fit on a screen,
the rest of it is the need they named (the loans for 要贷款), said so in its head."""
from tests.bot.dialogue.test_conversation import Chat


def _items(text):
    return [line for line in text.splitlines() if line[:1].isdigit() and ". " in line[:4]]


def test_a_group_with_one_measure_and_a_loan_needed_sees_loans_beside_it():
    c = Chat()
    c.say("在图们 边民 想开个边贸小店 要贷款")
    items = _items(c.text)
    assert "边境" in items[0] and len(items) == 5, c.text
    assert sum("贷" in line for line in items[1:]) >= 3 and "贷款/补贴" in c.text.splitlines()[1], c.text


def test_no_need_named_leaves_the_first_screen_to_the_group():
    c = Chat()
    c.say("在图们 边民 想开个边贸小店")
    assert len(_items(c.text)) == 1, c.text


def test_the_filled_first_screen_still_fits_a_phone_beside_the_english_note():
    c = Chat()
    c.say("Hi, I am from Vietnam, working in Nanning for 3 years as software engineer. 我想自己开公司")
    assert len(c.text) <= 600 and "项起是开办/注册" in c.text, (len(c.text), c.text)


def test_with_no_room_for_the_need_the_head_stays_whole(monkeypatch):
    from bot.dialogue import showing
    monkeypatch.setattr(showing, "ROOM_FOR_THE_NEED", 0)
    c = Chat()
    c.say("在图们 边民 想开个边贸小店 要贷款")
    head = c.text.splitlines()
    assert head[0].startswith("根据您的情况（地区：图们市；身份：边境地区居民；需求：资金支持）"), c.text
    assert head[1] == "专门面向边境地区居民的有 1 项：" and len(_items(c.text)) == 1, c.text
