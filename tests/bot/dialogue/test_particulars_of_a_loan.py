"""A particular of a loan asked over a list (贷款要抵押不) is answered as such, and a word for
any money (补助) does not reorder the loans and subsidies by whose title happens to hold it."""
from tests.bot.dialogue.test_conversation import Chat


def test_whether_a_loan_needs_a_pledge_is_said_unstated_not_the_list_again():
    c = Chat()
    c.say("俺家在田阳 是脱贫户 想搞个芒果电商")
    c.say("俺能贷款不")
    shown = c.text
    c.say("贷款要抵押不")
    assert "没有写明" in c.text and "第 6—10 项" not in c.text and c.text != shown, c.text


def test_a_pledge_named_as_a_kind_of_loan_still_finds_that_loan():
    c = Chat(region="长春", groups=["researcher"], tech_business=True)
    c.say("专利能抵押贷款吗")
    assert "知识产权" in c.text, c.text


def test_any_word_for_money_keeps_what_the_person_can_use_first():
    c = Chat()
    c.say("我是台湾人 在南宁想开民宿")
    c.say("有什么补助")
    first = next(line for line in c.text.splitlines() if line.startswith("1."))
    assert "科技成果" not in first and "研发" not in first, c.text


def test_how_much_tax_relief_speaks_of_relief_not_of_loans():
    c = Chat(region="三亚", groups=["veteran"])
    c.say("退役军人有啥优惠")
    c.say("税能免多少")
    assert "减免" in c.text and "能贷" not in c.text, c.text
