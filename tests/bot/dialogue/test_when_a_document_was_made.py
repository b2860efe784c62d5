"""这个文件是哪年的: when a document was made, as the document itself says it (or that it
does not), for the person's documents, another place's and a law named by its title."""
import pytest

from tests.bot.dialogue.test_conversation import Chat

SEEN = ("region", "groups", "gender", "needs", "tech_business")


@pytest.mark.parametrize("text, says", [
    ("广西那个计划是哪年出的", "2021年1月27日印发"),
    ("退役军人保障法是什么时候实施的", "自2021年1月1日起施行"),
    ("乌鲁木齐这个文件是哪年的", "没有写明印发日期")])
def test_when_a_document_was_made_is_what_it_prints(text, says):
    c = Chat()
    c.say("我在乌鲁木齐 返乡的 想开个饭馆")
    before = {k: c.slots.get(k) for k in SEEN}
    c.say(text)
    assert says in c.text and "都没有写明" not in c.text, c.text
    assert {k: c.slots.get(k) for k in SEEN} == before


def test_whom_to_ask_about_something_unwritten_names_no_non_office():
    c = Chat()
    c.say("我在乌鲁木齐 返乡的 想开个饭馆")
    c.say("开饭馆要办卫生许可证吗")
    assert "建议问问文件未指定" not in c.text, c.text
