"""A whole conversation over REST against `rasa run` + the action server."""
import uuid

from bot.script import to_simplified

from localrun.servers import free_port, start_bot, stop


def texts(replies):
    return "\n".join(r.get("text", "") for r in replies)


def buttons(replies):
    return [b for r in replies for b in r.get("buttons", [])]


def test_whole_conversation(bot):
    me = f"u-{uuid.uuid4().hex[:8]}"
    first = bot.say(me, "你好")
    assert "创业扶持政策助手" in texts(first)

    # group, region and need in one message: measures now or after one question
    replies = bot.say(me, "我是退伍军人，在柳州，想贷款开个汽修店")
    if "《" not in texts(replies):
        assert buttons(replies), "a question comes with buttons"
        replies = bot.say(me, buttons(replies)[0]["payload"])
    text = texts(replies)
    assert "《广西双创三年行动计划（2021—2023年）》第" in text
    assert "该计划执行期（2021—2023年）已结束" in text

    details = bot.say(me, "第1条详细说说")
    assert "原文：“" in texts(details) and "为什么适用您" in texts(details)

    more = bot.say(me, "更多")
    assert "6. " in texts(more) or "全部措施" in texts(more) or "全部结果" in texts(more)

    agencies = bot.say(me, "哪个部门负责")
    assert "牵头" in texts(agencies)

    # a correction re-matches: now in 图们 (Jilin), no Guangxi plan any more
    moved = bot.say(me, "我其实在图们")
    while "《" not in texts(moved) and buttons(moved):
        moved = bot.say(me, "/skip")
    assert "《图们市双创实施意见》" in texts(moved) or "《吉林省" in texts(moved)
    assert "广西双创" not in texts(moved)

    again = bot.say(me, "重新开始")
    assert "重新开始" in texts(again)


def test_overview_follow_ups_feedback_and_summary(bot):
    """Over REST with the trained model: the overview, a category,
    follow-up questions as people type them, 👎 with what was missing, the summary link."""
    import re

    import requests

    me = f"a-{uuid.uuid4().hex[:8]}"
    first = bot.say(me, "我是返乡农民工，在图们")
    text = texts(first)
    assert "找到" in text and len(re.findall(r"^\d+\. ", text, re.M)) <= 5, "an overview, not 100 items"
    assert any(b["title"].startswith("贷款/补贴 ") for b in buttons(first))
    loans = bot.say(me, "贷款")
    assert texts(loans).startswith("贷款/补贴（共")
    bot.say(me, "第1项详细说说")
    amount = texts(bot.say(me, "最多能贷多少钱？"))
    assert "文件未规定具体额度" in amount and "12345" in amount
    assert "文件没有写明申请流程" in texts(bot.say(me, "怎么申请"))
    assert "文件没有写明需要准备哪些材料" in texts(bot.say(me, "需要准备什么材料"))
    assert "没有写明办理电话" in texts(bot.say(me, "电话是多少"))
    assert "文件未规定截止日期" in texts(bot.say(me, "现在还有效吗"))
    assert "缺了什么" in texts(bot.say(me, "/feedback_down"))
    assert "已记下您的意见" in texts(bot.say(me, "没说去哪里办"))
    made = bot.say(me, "把结果发给我")
    link = re.search(r"(/summary/[0-9a-f]{16})", texts(made)).group(1)
    page = requests.get(bot.url + link, timeout=30)
    assert page.status_code == 200 and "创业扶持政策咨询清单" in page.text and "图们市" in page.text


def test_traditional_chinese_gets_traditional_answer(bot):
    me = f"t-{uuid.uuid4().hex[:8]}"
    replies = bot.say(me, "我是退伍軍人，在圖們，想貸款")
    for _ in range(4):
        if "《" in texts(replies):
            break
        replies = bot.say(me, "/skip")
    text = texts(replies)
    assert "《" in text
    assert to_simplified(text) != text, "the answer is in Traditional characters"


def test_outside_coverage(bot):
    """香港: the mainland's laws are not applied there and no local document covers it."""
    replies = bot.say(f"b-{uuid.uuid4().hex[:8]}", "我是大学生，在香港，想创业")
    text = texts(replies)
    assert "不在本知识库覆盖的地区内" in text and "吉林省" in text and "广西壮族自治区" in text
    assert "《" not in text


def test_a_place_without_local_documents_gets_the_laws(bot):
    me = f"bj-{uuid.uuid4().hex[:8]}"
    replies = _answer_until_measures(bot, me, bot.say(me, "我是退役军人，在北京，想贷款"))
    text = texts(replies)
    assert "北京市的地方性扶持措施尚未收录进本知识库" in text and "《退役军人保障法》第四十六条" in text


def test_odd_messages_keep_the_conversation_going(bot):
    me = f"o-{uuid.uuid4().hex[:8]}"
    for message in ["😀😀", "<img src=x onerror=alert(1)>", "创" * 10_000, "你是机器人吗"]:
        replies = bot.say(me, message)
        assert texts(replies).strip(), f"no reply to {message[:20]!r}"
    assert "机器人" in texts(replies)
    replies = bot.say(me, "我是海归，在长春")
    assert texts(replies).strip()


def test_action_server_down_gets_an_apology(tmp_path):
    proc, client = start_bot(tmp_path, free_port())  # nothing listens on this port
    try:
        replies = client.say("down", "我是退伍军人，在柳州")
        assert "抱歉" in texts(replies)
        assert texts(replies).count("抱歉") == 1
    finally:
        stop(proc)


def _answer_until_measures(bot, me, replies, limit=4):
    for _ in range(limit):
        if "《" in texts(replies):
            return replies
        replies = bot.say(me, "/skip")
    return replies


def test_off_script_answers_get_a_sensible_reply_and_go_on_to_measures(bot):
    """Off-script answers (就这些, a near-miss place, a fact repeated) get a sensible reply."""
    cases = [
        (["我是退役军人，在柳州", "就这些"], None),
        (["我是退役军人，在柳州", "没有了，就这些"], None),
        (["我是退役军人，在柳州", "都没有"], None),
        (["我是退役军人，在柳州", "退役军人"], "已经记下"),
        (["我在长春想创业", "长春"], "已经记下"),
        (["我是退役军人", "柳洲"], "柳州市"),
        (["我是退役军人", "我在柳洲"], "柳州市"),
        (["我是退役军人", "东北那边"], "范围有点大"),
    ]
    for i, (messages, expected) in enumerate(cases):
        me = f"r12-{i}-{uuid.uuid4().hex[:6]}"
        for text in messages:
            replies = bot.say(me, text)
            assert texts(replies).strip(), f"no reply to {text!r} after {messages}"
            assert texts(replies).count("您可以直接告诉我") <= 1
        if expected:
            assert expected in texts(replies), (messages, texts(replies))
        follow = bot.say(me, "我是退役军人，在南宁")
        follow = _answer_until_measures(bot, me, follow)
        assert "《广西双创三年行动计划（2021—2023年）》" in texts(follow), (messages, texts(follow))


def test_first_messages_written_the_way_people_write(bot):
    cases = [
        ("在广东打了十年工，今年回老家了，想在村里搞养殖", "返乡农民工", None),
        ("刚从英国留学回来，想在南宁开公司", "留学回国人员", "《广西"),
        ("我去年研究生毕业，在长春", "高校毕业生", "《中小企业促进法》第二十五条"),   # her group's: a law
        ("我不是大学生，我是退伍军人，在南宁", "退役军人", "《广西"),
    ]
    for text, group, doc in cases:
        me = f"w-{uuid.uuid4().hex[:8]}"
        replies = _answer_until_measures(bot, me, bot.say(me, text)) if doc else bot.say(me, text)
        tracker_text = texts(replies)
        assert tracker_text.strip()
        if doc:
            assert doc in tracker_text and group in tracker_text, (text, tracker_text[:300])
            assert "在校大学生" not in tracker_text.split("\n")[0], "the negated group is not in the profile"
    english = bot.say(f"e-{uuid.uuid4().hex[:8]}", "I am a veteran in Nanning")
    assert "Chinese" in texts(english) and "中文" in texts(english)


def test_restart_always_works(bot):
    me = f"rs-{uuid.uuid4().hex[:8]}"
    bot.say(me, "我是退役军人，在柳州")
    for restart in ("重新开始", "/start_over", "/restart"):
        assert "重新开始" in texts(bot.say(me, restart)), restart
        bot.say(me, "我在长春想创业")
