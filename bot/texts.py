"""Everything the bot says that is not taken from rules/ (Simplified Chinese;
converted for users who write Traditional)."""

GREET = ("您好！我是创业扶持政策助手，可以根据您的身份和所在地，查找吉林省（含图们市）、"
         "乌鲁木齐市和广西的创业扶持措施，并告诉您找哪个部门。\n"
         "直接说说您的情况就行，比如：“我是退役军人，在柳州，想贷款开个汽修店”。")
HELP = ("您可以直接告诉我：\n"
        "· 身份：退役军人、返乡农民工、大学生/毕业生、海归、港澳台青年、华侨、科研人员、边民等\n"
        "· 所在地：如 长春、图们、乌鲁木齐、南宁、柳州\n"
        "· 需求：贷款、场地、培训、税费、注册公司、知识产权等\n"
        "看到结果后，可以说“更多”“第2条详细说说”“哪个部门负责”，或“重新开始”。")
BOT_CHALLENGE = ("我是一个自动问答程序（机器人），不是真人。我的回答都来自政策文件原文，"
                 "具体能否享受请以主管部门的认定为准。")
OUT_OF_SCOPE = "这个问题我回答不了。我只能帮您查找创业扶持政策。" + "\n" + HELP
FALLBACK = "抱歉，我没太明白。" + "\n" + HELP
ODD_INPUT = "抱歉，我只能读懂文字消息。请用一两句话说说您的身份、所在地和需求。"
TOO_LONG = "您的消息太长了，我只读了开头部分。请用一两句话说说您的身份、所在地和需求。"
GOODBYE = "祝您创业顺利！需要时随时再来问我。"
THANKS = "不客气！还有其他问题可以继续问我。"
RESTARTED = "好的，已清空之前的信息，我们重新开始。请说说您的情况。"
ACTION_SERVER_DOWN = "抱歉，系统暂时出了点问题，没能处理您的消息。请稍后再试。"
SKIP_BUTTON = "跳过"
NONE_BUTTON = "都不是"
MORE_BUTTON = "更多"
DETAILS_BUTTON = "第{n}项详情"
AGENCIES_BUTTON = "哪个部门负责"
RESTART_BUTTON = "重新开始"
NO_MORE = "已经是全部结果了。可以说“第N条详细说说”查看原文，或“重新开始”。"
NOTHING_FOUND = ("根据您提供的信息，{where}暂时没有找到适用的措施。"
                 "您可以补充身份或需求，或说“重新开始”。")
NO_RESULTS_YET = "还没有查询结果。请先告诉我您的身份和所在地。"
BAD_ITEM = "请说清楚是第几项，比如“第2项详细说说”（当前共{n}项）。"
CRITERIA = "“符合条件”的具体标准以{agency}的解释为准，办理前请向其咨询。"
# A document that names no responsible unit (urumqi-2019): the office that
# presented the measures is named as such, never as the one that defines 符合条件.
NO_UNIT = "文件未指定责任部门（这些措施由{publisher}介绍发布）"
CRITERIA_NO_UNIT = "文件未指定责任部门，也没有写明由谁认定“符合条件”，办理前请向当地有关主管部门咨询。"
ASK_LOCAL_OFFICE = "当地有关主管部门"
LEAD_REASON = "（文件写明：“{reason}”）"
# The neighbouring-group rule (rules/facts.yml `neighbours`).
NEIGHBOUR_NOTE = "文件写的是“{word}”，是否包括{person}请向{agency}确认"
NEIGHBOUR_NOTE_LABEL = "此项面向{named}，文件没有提到{person}，是否适用请向{agency}确认"
POSSIBLE_OPEN = "（可能适用：还有信息未确认）"
POSSIBLE_CONFIRM = "（可能适用：{note}）"
TOO_FAST = "您发消息太快了，请稍等一分钟再发。"
SERVICE_UNAVAILABLE = "抱歉，系统正在维护或暂时繁忙，没能处理您的消息。请稍后再试，您之前的信息不会丢失。"
# Off-script answers (bot/conversation.py)
NOT_UNDERSTOOD = "抱歉，我没太明白。"
SKIPPED_AFTER_MISS = "这个问题先跳过，不影响查询。"
NOTED = "好的，这个已经记下了（{what}）。"
NOTED_NOT = "好的，记下了：您不是{what}。"
DID_YOU_MEAN = "您是说“{place}”吗？"
YES_BUTTON = "是"
NO_BUTTON = "不是"
REGION_AGAIN = "好的，那请告诉我您所在的城市或县区。"
VAGUE_PLACE = "“{word}”的范围有点大，我需要具体的城市或县区才能查到对应的政策。"
STILL_NO_PLACE = ("还是没能认出这个地名。目前能查询的是{covered}及其下辖各地，"
                  "请说一个城市或县区的名字，比如 长春、图们、乌鲁木齐、南宁、柳州。")
OTHER_LANGUAGE = ("Sorry, I only understand Chinese. Please describe your situation in Chinese, "
                  "for example: “我是退役军人，在南宁，想贷款”.\n"
                  "抱歉，我目前只能用中文交流。请用中文说说您的情况，比如：“我是退役军人，在南宁，想贷款”。")
AFTER_RESULTS_HINT = ("您可以说“更多”“第N项详细说说”“哪个部门负责”，或补充您的情况（身份、地区、需求）；"
                      "换个情况查询请说“重新开始”。")
DONE = "好的。" + AFTER_RESULTS_HINT
NOT_UNDERSTOOD_AFTER_RESULTS = NOT_UNDERSTOOD + AFTER_RESULTS_HINT
GREET_AGAIN = "您好！"
# a source marked `superseded_by` in rules/sources.yml (issue 18)
SUPERSEDED_NOTE = "该文件已被{new}取代，请以新文件为准并向主管部门核实"
