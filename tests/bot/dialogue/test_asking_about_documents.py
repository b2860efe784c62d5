"""Questions about which documents hold for a place and whom to ask about a whole list:
answered for the place's own documents and for the list on screen, the profile unchanged."""
import pytest

from tests.bot.dialogue.test_conversation import Chat, engine

KB = engine().kb


def profile(c):
    return {k: c.slots.get(k) for k in ("region", "groups", "gender", "needs", "tech_business")}


@pytest.mark.parametrize("text", ["河南有没有专门的地方政策", "河南省自己的文件呢", "有没有本地的政策",
                                  "河南省自己出的文件有吗", "本地出台的政策有没有", "省里定的规定有吗"])
def test_a_place_without_documents_of_its_own_is_said_to_have_only_the_laws(text):
    c = Chat(region="郑州", groups=["disabled"])
    before = profile(c)
    c.say(text)
    assert "还没有收录" in c.text and "全国" in c.text
    assert "《中小企业促进法》第五十一条" not in c.text, "no measure is picked by a word of the question"
    assert profile(c) == before


def test_a_citys_own_documents_are_told_apart_from_the_provinces():
    c = Chat(region="图们", groups=["veteran"])
    c.say("图们市自己的文件里有退伍军人的吗")
    assert "图们市自己的文件里没有专门面向退役军人的措施" in c.text
    assert "《吉林省双创升级版实施意见》" in c.text, "what does hold at the place is listed after"


def test_a_provinces_own_documents_for_a_group_are_listed_from_those_documents():
    c = Chat(region="延吉", groups=["university_student"])
    c.say("吉林省自己的文件里有没有给大学生的")
    listed = [line for line in c.text.splitlines() if line[:1].isdigit()]
    assert "吉林省的地方文件：《吉林省双创升级版实施意见》" in c.text
    assert listed and all("吉林省" in line for line in listed), c.text


@pytest.mark.parametrize("text", ["有没有给残疾人的", "有没有专门给残疾人的", "专门为残疾人的有吗"])
def test_for_the_disabled_in_a_question_names_the_group_asked_about(text):
    c = Chat(region="柳州", groups=["veteran"])
    c.say(text)
    assert "残疾人" in c.text and "《残疾人就业条例》" in c.text and c.slots["groups"] == ["veteran"]


def test_whom_to_ask_right_after_a_list_is_about_that_list_not_the_measure_before_it():
    c = Chat(region="郑州", groups=["disabled"])
    c.say("第1项详细说说")
    c.say("交税有优惠吗")
    c.say("找谁")
    assert "各项找谁办" in c.text and "税务" in c.text


def test_an_office_named_in_the_question_names_no_measure():
    c = Chat(region="四平", groups=["disabled"])
    c.say("小额信贷那个能贷多少")
    c.say("找残联还是找税务")
    assert "残疾人联合会" in c.text and "中小企业" not in c.text


def test_a_law_asked_about_for_someone_else_names_the_office_at_the_persons_place():
    c = Chat(region="乌鲁木齐", groups=["overseas_chinese"])
    c.say("港澳的也有吗")
    c.say("找哪个部门")
    assert "乌鲁木齐市的市场监督管理部门" in c.text and "当地有关主管部门介绍发布" not in c.text


def test_finding_the_answers_too_long_is_heard_though_nlu_calls_it_out_of_scope():
    c = Chat(region="四平", groups=["disabled"])
    c.say("你说话太长了 念得我头疼 简单点", intent="out_of_scope")
    assert "回答不了" not in c.text and c.text


@pytest.mark.parametrize("text, law", [("我男朋友是退伍的 他有啥", "《退役军人保障法》"),
                                       ("我细佬啱啱退伍返嚟 佢有冇嘢扶持", "《退役军人保障法》"),
                                       ("我哥是残疾人 他能创业吗 有啥政策", "《残疾人就业条例》")])
def test_asking_what_someone_else_can_have_lists_their_groups_measures_and_keeps_the_profile(text, law):
    c = Chat(region="南宁", groups=["college_graduate"], gender="female")
    c.say(text)
    assert law in c.text and c.slots["groups"] == ["college_graduate"]


def test_whom_to_ask_about_a_need_with_its_list_on_screen_names_the_offices_of_that_list():
    c = Chat(region="乌鲁木齐县", groups=["returning_migrant_worker"])
    c.say("贷款")
    c.say("那贷款找谁办 县上还是市上")
    assert "各项找谁办" in c.text, c.text


@pytest.mark.parametrize("text", ["去哪报名 乡里还是县里", "上哪办去"])
def test_where_to_sign_up_for_the_list_on_screen_names_the_offices_for_each(text):
    c = Chat(region="靖西", groups=["rural_low_income"], gender="female")
    c.say("有没有帮妇女的")
    c.say(text)
    assert "各项找谁办" in c.text and "妇女联合会" in c.text and "您是说哪一项" not in c.text, c.text


def test_a_title_word_beside_whom_to_ask_names_that_measure_not_the_list_on_screen():
    c = Chat(region="乌鲁木齐", groups=["university_student"])
    c.say("我哥是残疾人 他有啥政策")
    c.say("导师制找谁")
    assert "导师" in c.text and "残疾人联合会" not in c.text, c.text


def test_a_place_named_for_an_identity_document_is_no_place_asked_about():
    c = Chat(region="深圳", groups=["hk_macao_taiwan"])
    c.say("香港身份證可唔可以登記個體戶")
    assert c.slots["region"] == "深圳" and "第三十七條" in c.text, c.text


def test_a_wife_of_a_named_group_is_asked_about_as_that_group():
    c = Chat(region="南宁", groups=["unemployed"])
    c.say("我媳妇是香港人 她能享受啥")
    assert "港澳台" in c.text and c.slots["groups"] == ["unemployed"], c.text


def test_asking_for_someone_else_mid_conversation_takes_their_groups_not_the_askers():
    c = Chat(region="南宁", groups=["unemployed"])
    c.say("帮我老公问问 他是退伍军人 在柳州 想开汽修店")
    assert c.slots["groups"] == ["veteran"] and "柳州" in c.slots["region"], c.slots


def test_a_provinces_own_documents_asked_as_x自己_keep_the_persons_place():
    c = Chat(region="百色", groups=["disabled"])
    c.say("广西自己有没有给残疾人的")
    assert "百色" in c.slots["region"] and "广西壮族自治区的地方文件里没有专门面向残疾人的措施" in c.text, c.text


def test_asking_about_another_places_own_documents_before_saying_ones_own_takes_no_place():
    c = Chat(groups=["border_resident"])
    c.say("图们不是有自己的文件吗 俺们那能用不")
    assert c.slots["region"] is None and "图们市" in c.text, c.text


def test_a_need_whose_measures_head_the_list_on_screen_names_them_again_with_their_offices():
    c = Chat(region="图们", groups=["college_graduate"])
    c.say("有啥政策")
    first = c.text
    c.say("住的地方有没有帮助 租房太贵了")
    assert c.text != first and "公共租赁住房" in c.text and "图们市住房和城乡建设局" in c.text
    assert "第1、2项" in c.text
    c.say("第2项找谁")
    assert "公共租赁住房" in c.text, "the numbers still mean the list the person saw first"


def test_whom_to_ask_about_a_measure_of_a_document_naming_no_office_says_so():
    c = Chat(region="乌鲁木齐", groups=["veteran"])
    c.say("退役军人创业培训和入孵创业找哪个部门")
    assert "退役军人创业培训" in c.text and "文件未指定责任部门" in c.text and "双创" in c.text


@pytest.mark.parametrize("text", ["那个百分之5是啥意思", "5%那个是啥意思", "百分之五是什么意思"])
def test_a_percentage_names_the_measure_whose_text_gives_it(text):
    c = Chat(region="田阳", groups=["rural_entrepreneur"], needs=["premises"])
    c.say("有啥政策")
    c.say(text)
    assert "农民创业用地保障" in c.text and "政府采购" not in c.text


def test_asking_whether_a_local_hukou_is_needed_answers_what_the_texts_say_of_it():
    c = Chat(region="田阳", groups=["rural_entrepreneur"], needs=["premises"])
    c.say("有啥政策")
    before = dict(c.slots)
    c.say("是不是要本地户口才行")
    assert "户籍" in c.text and "落户（共" not in c.text
    assert c.slots.get("needs") == before.get("needs")


def test_whether_one_can_pay_less_tax_answers_for_the_tax_measures_on_screen_only():
    c = Chat(region="郑州", groups=["disabled"])
    c.say("有啥政策")
    c.say("我能少交点税不")
    assert "税" in c.text and "小额信贷" not in c.text and len(c.text) <= 600, c.text


def test_a_second_ok_in_a_row_gets_a_short_ok_not_the_hint_again():
    c = Chat(region="汪清", groups=["rural_entrepreneur"], tech_business=False, gender="male", needs=["financing"])
    c.say("有啥政策")
    c.say("嗯嗯", intent="affirm")
    first = c.text
    c.say("行", intent="affirm")
    assert "生成清单" in first and c.text == "好的。", (first, c.text)


def test_a_student_who_says_they_have_graduated_is_a_graduate_without_being_asked():
    c = Chat(region="南宁", groups=["university_student"])
    c.say("不对 我已经毕业了")
    assert c.slots["groups"] == ["college_graduate"] and "毕业吗" not in c.text


def test_a_student_who_will_graduate_next_year_is_still_a_student():
    c = Chat(region="乌鲁木齐", groups=["university_student"])
    c.say("我明年毕业")
    assert c.slots["groups"] == ["university_student"]
