"""A category asked for: the measures that also speak of another need the person stated come
before the rest (a patent holder's loans: the patent pledge first), and a word of the documents
that none of the person's texts uses (休学 in 吉林) is said to be unstated before the category."""
from tests.bot.dialogue.test_conversation import Chat


def _first_item(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("1."))


def test_loans_for_one_who_named_a_patent_begin_with_the_patent_pledge():
    c = Chat()
    c.say("你好 我是吉林大学的研究生 想和导师一起把专利转化开个公司 在长春")
    c.say("有没有资金支持")
    assert "知识产权" in _first_item(c.text), c.text


def test_leave_from_studies_where_no_text_allows_it_is_said_unstated():
    c = Chat()
    c.say("你好 我是吉林大学的研究生 想和导师一起把专利转化开个公司 在长春")
    c.say("能休学吗")
    assert "休学" in c.text.splitlines()[0] and "没有写明" in c.text.splitlines()[0], c.text


def test_leave_from_studies_where_a_text_allows_it_is_not_said_unstated():
    c = Chat()
    c.say("我是广西大学的大三学生 在南宁 想开个奶茶店")
    c.say("能休学吗")
    assert "没有写明" not in c.text and "休学" in c.text, c.text


def test_an_everyday_word_no_text_uses_is_not_said_unstated():
    c = Chat()
    c.say("我是广西大学的大三学生 在南宁 想开个奶茶店")
    c.say("学手艺的有吗")
    assert "没有写明" not in c.text and "培训" in c.text, c.text


def test_a_measure_whose_title_names_the_category_among_other_offers_is_in_that_category():
    c = Chat(region="郑州", groups=["unemployed"])
    c.say("社保有补贴吗")
    assert "社会保险补贴" in c.text and "没有写明" not in c.text, c.text


def test_a_short_form_the_texts_write_out_in_full_is_not_said_unstated():
    c = Chat()
    c.say("俺是从广东打工回来的 在桂平 想养鸭子")
    c.say("社保有补贴吗")
    assert "没有写明" not in c.text and "社会保险" in c.text, c.text
