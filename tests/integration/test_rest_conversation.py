"""A whole conversation over REST against `rasa run` + the action server."""
import uuid

from bot.script import to_simplified

from .conftest import free_port, start_bot, stop


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
    assert "6. " in texts(more) or "全部结果" in texts(more)

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
    replies = bot.say(f"b-{uuid.uuid4().hex[:8]}", "我是大学生，在北京，想创业")
    text = texts(replies)
    assert "吉林省" in text and "广西壮族自治区" in text
    assert "《" not in text


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
