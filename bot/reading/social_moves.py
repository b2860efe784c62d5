"""The social move of a message: a greeting, thanks, goodbye, feedback, or asking
whether a person answers, read from NLU's intent only where the words bear it out."""
from __future__ import annotations

import re

# Words that must be in a message for NLU's intent to be taken at its word: short
# social intents have closed vocabularies, and a number or a filler classified as
# goodbye must not end the conversation.
INTENT_MARKERS = {
    "goodbye": ("再见", "拜拜", "拜", "掰", "bye", "88", "走了", "先这样", "撤了", "溜了", "结束", "下次", "回头", "没事了", "不聊了", "晚安"),
    "thanks": ("谢", "感谢", "感恩", "多谢", "thank", "thx", "3q", "辛苦", "唔该", "唔該"),
    "greet": ("你好", "您好", "嗨", "哈喽", "哈啰", "hello", "hi", "在吗", "在不在", "早上好", "下午好", "晚上好",
              "早安", "有人吗", "喂"),
    "feedback_up": ("有帮助", "有用", "👍", "赞", "帮大忙", "好用", "好评"),
    "feedback_down": ("没帮助", "没用", "👎", "没啥用", "没什么用", "不满意", "没找到", "答非所问", "用处不大",
                      "不太有用", "没啥帮助", "没什么帮助", "帮不上", "差评", "没有用", "没多大用", "用都没"),
    "bot_challenge": ("机器人", "真人", "人工", "ai", "程序", "自动回复"),
}
# A message that only says a question is coming (老板 问下嘢, 请问一下, 打扰一下)
_ONLY_ASKING = re.compile(r"^\s{0,3}(?:(?:老板|老师|师傅|同志|领导|亲|你好|您好|恁好|喂|老表|兄弟|大哥|大姐|老乡)好?)?[，,\s]{0,3}(?:(?:我|俺)?请问(?:一下)?|(?:我|俺)?问(?:一)?下|想问(?:问|一下)?|打扰(?:一下)?|"
                          r"(?:我|俺)?问个(?:事儿?|问题)|咨询(?:一下)?)(?:嘢|哈|啊|呀|哦|喔|哟|嘞|呢)?\s{0,3}[?？!！。]?\s{0,3}$")
# A message that only greets in a title or a dialect (老师好, 恁好, 在不): a greeting
_ONLY_GREETING = re.compile(r"^\s{0,3}(?:(?:老师|师傅|老板|领导|同志|大哥|大姐|亲)好|(?:老师|师傅|老板|领导|同志|大哥|大姐)?"
                            r"(?:你好|您好|恁好|你们好|大家好)|在不在|在不|在吗|在么|在嘛|在没|有人不|有人吗|有人在吗|喂)"
                            r"(?:啊|呀|哦|喔|哈|嘞)?\s{0,3}[?？!！。~]?\s{0,3}$")
# whether the bot can be trusted (你们这个靠谱不, 你说的准不准, 真的假的): what it answers from
_ABOUT_THE_BOT = re.compile(r"靠谱|可信|可靠|能信|信得过|准不准|准确吗|准确不|真的假的|真的吗|是真的不|骗人")
SOCIAL = ("greet", "goodbye", "thanks", "feedback_up", "feedback_down", "bot_challenge")
def _says(text: str, markers) -> bool:
    low = text.lower().replace("拜托", "")      # 拜托了 asks a favour, no 拜拜
    return any(m in low for m in markers)


def social_move(text: str, intent: str | None, says_or_asks: bool) -> str | None:
    """The social move of a message (greet, thanks …): NLU's intent where the words bear it out,
    a short thanks or goodbye, or a greeting that only says a question is coming."""
    if _ABOUT_THE_BOT.search(text) and len(text) <= 14:
        return "bot_challenge"     # 你们这个靠谱不: where the answers come from, and who decides
    if intent == "thanks" and _says(text, INTENT_MARKERS["goodbye"]) and len(text) <= 12:
        return "goodbye"     # 谢谢 拜拜: leaving, so no question is asked again
    if intent in SOCIAL and _says(text, INTENT_MARKERS[intent]):
        return intent
    for social in ("goodbye", "thanks"):
        if _says(text, INTENT_MARKERS[social]) and len(text) <= 12:
            return social
    if (_ONLY_ASKING.match(text) or _ONLY_GREETING.match(text)) and not says_or_asks:
        return "greet"       # 老板 问下嘢 / 请问一下: about to ask, a greeting
    return None
