"""A question in everyday words that no title holds is answered with the measure whose text
speaks of it, quoted; nothing is quoted when no one text clearly does."""
import pytest

from tests.bot.dialogue.test_conversation import Chat


@pytest.mark.parametrize("slots, text, cited", [
    (dict(region="图们", groups=["returning_migrant_worker"]), "俺家承包地还有农机能抵押不", "《图们市双创实施意见》（二十五）"),
    (dict(region="长春", groups=["researcher"]), "专利是单位的职务成果，我个人能拿到所有权吗？", "《吉林省双创升级版实施意见》第16条"),
])
def test_a_question_in_the_words_of_a_measures_text_quotes_that_measure(slots, text, cited):
    c = Chat(**slots)
    c.say(text)
    assert cited in c.text and "都没有写明" not in c.text, c.text


@pytest.mark.parametrize("text", ["我家狗子最近老是掉毛咋办", "你觉得明天会下雨吗"])
def test_a_question_no_text_speaks_of_quotes_nothing(text):
    c = Chat(region="长春", groups=["researcher"])
    c.say(text)
    assert "文件里与此有关的是" not in c.text and c.text


@pytest.mark.parametrize("text", ["培训要钱不", "学手艺那个要自己掏钱吗"])
def test_whether_training_costs_is_answered_from_the_text_that_says_it_is_free(text):
    c = Chat(region="成都", groups=["veteran"])
    c.say(text)
    assert "免费" in c.text and "《退役军人保障法》第三十六条" in c.text, c.text


@pytest.mark.parametrize("slots", [dict(region="通化", groups=["unemployed"], gender="female"),
                                   dict(region="柳州", groups=["disabled"])])
def test_a_fee_question_gets_one_answer_whatever_the_list_on_screen(slots):
    c = Chat(**slots)
    c.say("培训")
    c.say("培训要钱不")
    assert "收费" in c.text or "免费" in c.text, c.text


def test_a_yes_no_question_about_a_need_with_no_measure_named_shows_that_needs_measures():
    c = Chat(region="乌鲁木齐", groups=["foreign_talent"])
    c.say("注册公司 how long, 麻烦吗")
    assert "开办/注册" in c.text and "都没有写明" not in c.text, c.text


@pytest.mark.parametrize("text", ["我老婆也是韩国人 她可以一起办吗", "我爱人能跟着一起办不", "我太太想工作 可以吗"])
def test_a_spouse_asked_about_gets_what_the_measure_just_answered_says_of_spouses(text):
    c = Chat(region="图们", groups=["foreign_talent"])
    c.say("外籍高端人才签证和居留便利怎么办")
    c.say(text)
    assert "配偶" in c.text and "外籍高端人才签证和居留便利" in c.text
    assert c.slots.get("gender") is None and c.slots["groups"] == ["foreign_talent"]


def test_a_measure_named_by_words_of_its_title_is_the_persons_own_not_a_kind_of_the_need():
    c = Chat(region="柳州", groups=["unemployed"], gender="female")
    c.say("有啥政策")
    c.say("贷款贴息那个找谁办")
    assert "就业困难人员的税费减免、贷款贴息" in c.text and "人社" in c.text, c.text


def test_an_unsettled_word_beside_a_question_gets_the_measures_and_the_question_under_them():
    c = Chat()
    c.say("今年刚毕业 在深圳 想开个网店 税费能减免不")
    assert "税收优惠" in c.text and "您是高校（大专及以上）毕业吗？" in c.text, c.text
    c.say("是")
    assert "college_graduate" in c.slots["groups"] and c.slots["needs"] == ["tax"]


def test_whom_to_ask_names_a_few_supporting_offices():
    c = Chat(region="长春", groups=["university_student"], gender="female")
    c.say("女大学生创业创新大赛找谁办")
    assert "吉林省妇女联合会" in c.text and "等部门" in c.text and "国有资产" not in c.text, c.text


@pytest.mark.parametrize("text, title", [("桂慧贷能贷多少", "桂惠贷"), ("巾国行动找谁", "创新创业巾帼行动")])
def test_a_measure_named_with_one_character_typed_wrong_is_found(text, title):
    c = Chat(region="南宁", gender="female")
    c.say("有啥政策")
    c.say(text)
    assert title in c.text.splitlines()[0], c.text
