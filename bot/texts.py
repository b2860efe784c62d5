"""Everything the bot says that is not taken from rules/ (Simplified Chinese;
converted for users who write Traditional)."""

GREET = ("您好！我是创业扶持政策助手，可以根据您的身份和所在地，查找在全国适用的法律法规中的扶持措施，"
         "以及吉林省（含图们市）、乌鲁木齐市和广西的地方措施，并告诉您找哪个部门。\n"
         "直接说说您的情况就行，比如：“我是退役军人，在柳州，想贷款开个汽修店”。")
HELP = ("您可以直接告诉我：\n"
        "· 身份：退役军人、返乡农民工、大学生/毕业生、残疾人、失业人员、军人配偶、海归、港澳台青年、华侨、科研人员、边民等\n"
        "· 所在地：全国各地的城市或县区都可以，如 郑州、长春、图们、乌鲁木齐、南宁、柳州\n"
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
OTHER_BUTTON = "其他"
MORE_BUTTON = "更多"
DETAILS_BUTTON = "第{n}项详情"
AGENCIES_BUTTON = "哪个部门负责"
RESTART_BUTTON = "重新开始"
NO_MORE_IN_VIEW = "“{name}”这一类就这些了。可以点别的类别，或说“全部”看所有措施。"
NO_MORE = "已经是全部结果了。可以说“第N条详细说说”查看原文，或“重新开始”。"
NOTHING_FOUND = ("根据您提供的信息，{where}暂时没有找到适用的措施。"
                 "您可以补充身份或需求，或说“重新开始”。")
NO_RESULTS_YET = "还没有查询结果。请先告诉我您的身份和所在地。"
BAD_ITEM = "请说清楚是第几项，比如“第2项详细说说”（当前共{n}项）。"
CRITERIA = "“符合条件”的具体标准以{agency}的解释为准，办理前请向其咨询。"
# A document that names no responsible unit (urumqi-2019): the office that
# presented the measures is named as such, never as the one that defines 符合条件.
NO_UNIT = "文件未指定责任部门（这些措施由{publisher}介绍发布）"
NO_UNIT_WHOM = "{office}（文件未指定责任部门，这些措施由{publisher}介绍发布）"
CRITERIA_NO_UNIT = "文件未指定责任部门，也没有写明由谁认定“符合条件”，办理前请向当地有关主管部门咨询。"
ASK_LOCAL_OFFICE = "当地有关主管部门"
LEAD_REASON = "（文件写明：“{reason}”）"
LEAD_REASON_ARTICLE = "（文件{article}写明：“{reason}”）"
# a bracket "按职责分工负责" (吉林, 图们): the office whose function matches leads (bot/matching/offices.py)
LEAD_BY_FUNCTION = "（文件列出的部门按职责分工负责，此项由负责{duty}的部门牵头）"
# a national text names a function, not an office: said at the person's place
LOCAL_PLACE = "当地"
# laws in force, and an ended plan's measure that a law in force now states (bot/matching/engine.py)
IN_FORCE = "现行有效（自{date}起施行）"
IN_FORCE_MARK = "，现行有效"
NOW_IN_LAW = "现行有效的规定见{citation}"
# the coverage answers (bot/matching/engine.py): nothing applies at all, or only the national layer
NOT_COVERED = ("{where}不在本知识库覆盖的地区内。本知识库收录在中国内地各地适用的全国性法律法规，"
               "以及{covered}的地方文件。")
NOT_COVERED_EXCEPTED = ("{where}不在本知识库覆盖的地区内：收录的全国性法律法规适用于中国内地"
                        "（不含香港、澳门、台湾地区），地方文件目前只有{covered}的。")
NO_LOCAL_DOCUMENTS = ("{place}的地方性扶持措施尚未收录进本知识库，下面是在全国适用的法律法规中的措施；"
                      "当地的具体政策可以拨打12345政务服务便民热线咨询。")
OFFICE_BY_FUNCTION = ("文件只写了负责的职能部门；具体办理单位和窗口，可以拨打当地12345政务服务便民热线查询。")
# The neighbouring-group rule (rules/facts.yml `neighbours`).
NEIGHBOUR_NOTE = "文件写的是“{word}”，是否包括{person}请向{agency}确认"
NEIGHBOUR_NOTE_LABEL = "此项面向{named}，文件没有提到{person}，是否适用请向{agency}确认"
POSSIBLE_OPEN = "（可能适用：还有信息未确认）"
POSSIBLE_CONFIRM = "（可能适用：{note}）"
TOO_FAST = "您发消息太快了，请稍等一分钟再发。"
SERVICE_UNAVAILABLE = "抱歉，系统正在维护或暂时繁忙，没能处理您的消息。请稍后再试，您之前的信息不会丢失。"
# Off-script answers (bot/dialogue)
NOT_UNDERSTOOD = "抱歉，我没太明白。"
SKIPPED_AFTER_MISS = "这个问题先跳过，不影响查询。"
NOTED = "好的，这个已经记下了（{what}）。"
SHORTER = "抱歉，说得太长了。想只听一点，可以直接问，比如“第1项找谁办”“能贷多少”，我只答那一点。"
NOTED_OTHER = "好的，明白了。我按您本人的情况查找；想查他/她的情况，可以让本人来问。"
NOTED_NOT = "好的，记下了：您不是{what}。"
DID_YOU_MEAN = "您是说“{place}”吗？"
YES_BUTTON = "是"
NO_BUTTON = "不是"
REGION_AGAIN = "好的，那请告诉我您所在的城市或县区。"
VAGUE_PLACE = "“{word}”的范围有点大，我需要具体的城市或县区才能查到对应的政策。"
# a vague place once the place is known ("东北那边呢" after the results for 图们)
VAGUE_PLACE_KEPT = "现在是按{place}为您查找的；想查别的地方，请直接说城市或县区名（如{examples}）。"
PLACE_EXAMPLES = ("长春", "柳州", "南宁")   # two of them, not the place already chosen
STILL_NO_PLACE = ("还是没能认出这个地名。全国性的法律法规在中国内地各地都能查询，地方文件目前有{covered}的，"
                  "请说一个城市或县区的名字，比如 郑州、长春、图们、乌鲁木齐、南宁、柳州。")
WHERE_IN_CHINA = "请告诉我您在中国内地的哪个城市或县区，或说“重新开始”。"
ENGLISH_UNDERSTOOD = ("I have noted what you said; I answer in Chinese, as the policy documents are in Chinese.\n"
                      "已记下您说的情况。以下用中文回复（政策原文是中文）。")
OTHER_LANGUAGE = ("Sorry, I only understand Chinese. Please describe your situation in Chinese, "
                  "for example: “我是退役军人，在南宁，想贷款”.\n"
                  "抱歉，我目前只能用中文交流。请用中文说说您的情况，比如：“我是退役军人，在南宁，想贷款”。")
AFTER_RESULTS_HINT = ("您可以说“更多”“第N项详细说说”“哪个部门负责”，或补充您的情况（身份、地区、需求）；"
                      "换个情况查询请说“重新开始”。")
DONE = "好的。" + AFTER_RESULTS_HINT
NOT_UNDERSTOOD_AFTER_RESULTS = NOT_UNDERSTOOD + AFTER_RESULTS_HINT
GREET_AGAIN = "您好！"
# a source marked `superseded_by` in rules/sources.yml
SUPERSEDED_NOTE = "该文件已被{new}取代，请以新文件为准并向主管部门核实"

# ---- the category overview (bot/replies/lists.py) ------------------------------------------------------
ALL_BUTTON = "全部 {n}"
ALL_NAME = "全部措施"
ENDED_MARK = "（所属计划已结束）"
NEEDS_QUESTION = "您最需要哪方面的支持？点一个类别查看，或直接说（如“贷款”“场地”“培训”）。"
OWN_GROUP_HEAD = "专门面向{who}的措施（{n} 项）："
OWN_GROUP_MORE = "……另有 {n} 项，说“更多”继续查看。"
TOP_HEAD = "最相关的几项："
DETAILS_HINT = "想了解哪一项，说“第N项详细说说”。"
CATEGORY_HINT = "按类别查看，请点下面的按钮："
CATEGORY_HINT_STATED = "您关心的是{stated}，点下面的按钮按类别查看："
CATEGORY_HEAD = "{name}（共 {n} 项）："
OWN_NAME = "专门面向{who}的措施"
# a group or gender stated beside a question: after the answer, what it adds
ALSO_FOR = "另外，按您说的（{who}），还有 {n} 项专门措施，例如“{title}”（{citation}）；问“有哪些给{who}的”可以查看。"
TOP_NAME = "最相关的措施"
NO_CATEGORY = "在您的情况下，没有找到“{name}”方面的措施。"

# ---- follow-up questions (bot/replies/followup.py): only what the quote says --------------------
HOTLINE = "当地12345政务服务便民热线"
CHAT_ASIDE = "😊 这个我就接不上话了，我只会帮您查找创业扶持政策和办理部门。"
OUT_OF_SCOPE_SHORT = "这个问题我回答不了，我只能帮您查找创业扶持政策和办理部门。投诉、举报和其他政务问题，请拨打" + HOTLINE + "。"
ASK_AGENCY = "具体请向{whom}咨询，也可以拨打" + HOTLINE + "。"
QUOTED_AMOUNT = "文件原文写明：“{quote}”具体能获得多少，以{whom}审核认定为准；也可以拨打" + HOTLINE + "咨询。"
NOT_MONEY = "这一项不是资金或税费措施，文件未规定具体金额。具体内容请向{whom}咨询，也可以拨打" + HOTLINE + "。"
THESE_ITEMS = "这几项"
NO_PROCEDURE_IN_LIST = "文件都没有写明申请流程和受理窗口，可以先向牵头部门咨询。"
AMOUNTS_HEAD = "{what}的额度，文件是这样写的："
AMOUNT_QUOTED_SHORT = "“{quote}”"
AMOUNT_UNSTATED_SHORT = "没有写明具体额度"
AMOUNTS_TAIL = "具体能贷（补）多少，以牵头部门的审核为准；也可以拨打" + HOTLINE + "咨询。"
AMOUNTS_TAIL_TAX = "具体能减免多少，以税务部门和牵头部门的答复为准；也可以拨打" + HOTLINE + "咨询。"
SPOKEN_OF_HEAD = "适用于您的措施里，文件写到“{words}”的有 {n} 项："
BANKS_HEAD = "文件没有指定哪家银行。写到银行（金融机构）的措施是："
BANKS_TAIL = "具体由哪些银行办理，请问牵头部门，也可以拨打" + HOTLINE + "。"
BANKS_NONE = "适用于您的措施里，文件都没有写明哪家银行办理。具体请问{whom}，也可以拨打" + HOTLINE + "。"
INTEREST_HEAD = "文件里写到贷款利息（贴息）的是："
INTEREST_TAIL = "利率、贴息比例和年限，上面原文没有写明的，以经办银行和牵头部门的答复为准；也可以拨打" + HOTLINE + "咨询。"
INTEREST_NONE = "适用于您的措施里，文件都没有写明贷款利息（利率或贴息）。具体请问{whom}，也可以拨打" + HOTLINE + "。"
NO_AMOUNT = "文件未规定具体额度（金额）。具体额度由{whom}确定，请向其咨询，也可以拨打" + HOTLINE + "。"
QUOTED_APPLY = "文件中与申请有关的原文：“{quote}”"
NO_PROCEDURE = ("文件没有写明申请流程和受理窗口。请向牵头部门{whom}咨询{support}，"
                "也可以拨打" + HOTLINE + "问清在哪里办、怎么办。")
SUPPORT_TOO = "（配合部门：{support}）"
SUPPORT_AND_MORE = "{named}等部门"
QUOTED_MATERIALS = "文件中与材料有关的原文：“{quote}”文件没有列出完整的材料清单。"
NO_MATERIALS = "文件没有写明需要准备哪些材料。"
NO_CONTACT = ("文件没有写明办理电话、地址或网址。牵头负责的是{whom}{support}，"
              "可以拨打" + HOTLINE + "查询其电话和地址。")
QUOTED_DATES = "文件中与时间有关的原文：“{quote}”"
ENDED = "{note}；具体请向{whom}核实，也可以拨打" + HOTLINE + "。"
VALID_UNTIL = "文件写明执行期至{date}"
VALID_UNTIL_ANSWER = "文件写明执行期至{date}，目前仍在执行期内；具体申报时间请向{whom}咨询。"
NO_PERIOD = "文件未规定截止日期或有效期"
IN_FORCE_ANSWER = "该法律法规{in_force}，没有规定截止日期；具体申办时间请向{whom}咨询。"
NO_DEADLINE = ("文件未规定截止日期或有效期。是否仍在执行、何时截止，请向{whom}核实，"
               "也可以拨打" + HOTLINE + "。")
AUDIENCE_ANY = "文件未限定身份（在该地区创业的个人和企业）"
CONDITIONS_TAIL = "；其余“符合条件”的标准文件未写明"
UNSTATED = "文件未写明：{what}。这些请向{whom}咨询，或拨打" + HOTLINE + "。"
FOLLOWUP_BUTTONS = [("能贷/补多少", "/ask_amount"), ("怎么申请", "/ask_how_to_apply"),
                    ("需要什么材料", "/ask_materials"), ("电话地址", "/ask_contact"), ("还有效吗", "/ask_deadline")]
WHICH_MEASURE = "您问的是哪一项措施？请说“第N项”加上问题（比如“第1项能贷多少”），或先说“第N项详细说说”。"
SEVERAL_MEASURES = "与您说的名称相近的有 {n} 项，分别是："
FOLLOWUP_GENERAL = {
    "ask_amount": "这些文件大多没有规定具体金额；写明了的，我会引用原文。",
    "ask_how_to_apply": "这些文件都没有写明申请流程和受理窗口，我可以告诉您每项措施由哪个部门牵头。",
    "ask_materials": "这些文件都没有列出需要准备的材料，要向牵头部门问清楚。",
    "ask_contact": "这些文件都没有写明电话、地址或网址，可以拨打" + HOTLINE + "查询。",
    "ask_deadline": "有的文件写明了执行期，有的没有写；我可以按具体措施告诉您。",
}

# ---- feedback and the summary --------------------------------------------------------------
FEEDBACK_UP_BUTTON = "👍 有帮助"
FEEDBACK_DOWN_BUTTON = "👎 没帮助"
FEEDBACK_THANKS = "谢谢您的反馈！"
FEEDBACK_ASK_MISSING = "谢谢反馈。能告诉我缺了什么吗？（可选：直接输入即可，不想说可以点“跳过”）"
FEEDBACK_MISSING_NOTED = "谢谢，已记下您的意见，我们会据此改进。"
FEEDBACK_NOTHING_SHOWN = "谢谢！查询结果出来后，您可以对结果点👍或👎。"
SUMMARY_BUTTON = "生成咨询清单"
SUMMARY_MADE = ("已为您生成咨询清单（{n} 项措施，含文件原文、负责部门和要问的问题），"
                "可以打印或带到办事窗口。")
SUMMARY_LINK = "打开或打印咨询清单：{url}"

# ---- lists (bot/replies/lists.py, bot/dialogue/showing.py) --------------------------------
POSSIBLE_MARK = "（可能适用）"
WHOM_LINE = "找谁办：{offices}"
RESULTS_HEAD = "根据您的情况（{who}），找到 {n} 项措施"
RESULTS_POSSIBLE = "（其中 {n} 项可能适用）"
OWN_HEAD = "专门面向{who}的有 {n} 项："
THEN_THE_NEED = "；第{first}项起是{need}："
LIST_HINT = "说“第N项”看详情和原文，或点类别："
LIST_HINT_MORE = "说“第N项”看详情，“更多”看下一页，或点类别："
PAGE_HEAD = "{name}：第 {first}—{last} 项（共 {n} 项）："
MORE_LEFT = "还有 {n} 项，说“更多”继续。"
QUOTED_FEES = "文件中与收费有关的原文：“{quote}”具体收不收、收多少，以{whom}的答复为准。"
NO_FEES = "文件没有写明收不收费。是否收费请向{whom}咨询，也可以拨打当地12345政务服务便民热线。"
NO_FEES_IN_TEXTS = "这些措施的原文都没有写明收不收费。是否收费请向办理部门咨询，也可以拨打当地12345政务服务便民热线。"
BRIEF_HINT = "想看原文和申办指引，说“详细说说”。"
SAME_LIST = "就是上面列出的这 {n} 项。想了解哪一项，说“第N项”（比如“第1项能贷多少”“第2项找谁”）。"
PART_OF_LIST = "就是上面列出的{items}："
TOPIC_HEAD = "适用于{place}、面向{what}的措施（{n} 项）："
PLACE_HEAD = "{place}的措施（{n} 项）："
TOPIC_ONLY_NATIONAL = "{place}的地方文件里没有专门面向{what}的措施；在全国适用的法律法规里有："
NO_OWN_DOCUMENTS = ("{place}自己的地方文件还没有收录进本知识库，这里的措施都出自在全国适用的法律法规；"
                    "当地的具体政策可以拨打12345政务服务便民热线咨询。")
OWN_NONE = "{place}自己的文件里没有专门面向{what}的措施；适用于{place}的其他文件里有："
OWN_DOCUMENTS = "{place}的地方文件：《{docs}》。"
TOPIC_NONE = "{place}适用的文件里，没有专门面向{what}的措施。"
TOPIC_OTHERS = "适用于所有人的措施有 {n} 项，说“全部”查看。"
TOPIC_NEEDS_PLACE = "好的，先告诉我您在哪里创业，政策因地方而不同。"     # not 可以: whether one can is not known yet
TOPIC_IS_IT_YOU = "如果您本人是{what}，告诉我“我是{what}”，我按您的情况查。"
OTHER_GROUPS = "其他身份：{groups}。直接打字告诉我就行，比如“我是华侨”。"
RELATED = "文件里与此有关的是{name}：“{quote}”具体请向{whom}咨询。"
FAMILY_QUOTED = "{name}写到{who}的原文：“{quote}”具体请向{whom}咨询。"
PARTICULAR_NOT_STATED = "您问的“{question}”，这条原文没有写明，请向{whom}咨询。"
DISTRESS = ("听到您这么说，我很担心您。如果您有伤害自己的想法，请马上拨打120急救电话或110，"
            "或者告诉身边信任的人陪着您；也可以拨打心理援助热线12356，有专业的人愿意听您说。\n"
            "创业的事不着急，等您想聊的时候，我一直在。")
WORD_NOT_IN_TEXTS = "适用于您的文件里没有写明“{word}”。{name}方面的措施有这些："
THEN_WHERE = "想知道您能用上哪些措施，说说您在哪里创业。"
NEED_PARTICULAR_NOT_STATED = "您问的“{question}”，文件都没有写明，请向{whom}咨询。文件里有关的措施是这些："
NOT_IN_TEXTS = "您问的“{question}”，适用于您的文件里都没有写明。建议问问{whom}，或拨打当地12345政务服务便民热线。"
ASK_AGAIN = "回到刚才的问题：请告诉我您的{what}（点下面的按钮，或直接说）。"
ASK_AGAIN_YES_NO = "回到刚才的问题：{question}（点下面的按钮，或直接说是/不是）"
PLACE_WORD = "所在地（城市或县区）"
SAID_BEFORE = "（和刚才一样）"
ACK = "好的。"
ACK_AFTER_RESULTS = "好的。还有问题随时问我；说“生成清单”可以把查到的措施和负责部门带走。"
WHAT_IS_WRONG = "好的，哪里说错了？直接告诉我正确的地区或身份就行，比如“我在南宁”“我不是大学生”。"
BUSINESS_NOTED = "好的。文件里的措施大多按身份、地区和需要（贷款、场地、培训等）来给，很少按行业分。"
LETS_START = "好的，我来帮您查。先说说您在哪里创业？"

# ---- answers about one measure (bot/replies/answers.py) --------------------------------------
DETAIL_BUTTONS = [("能贷/补多少", "/ask_amount"), ("怎么申请", "/ask_how_to_apply"), ("找谁办", "/ask_contact"),
                  ("还有效吗", "/ask_deadline"), ("👍 有帮助", "/feedback_up"), ("👎 没帮助", "/feedback_down"),
                  ("生成咨询清单", "/summary")]
NOT_FOR_YOU = "按您说的情况，这一项不适用于您（条件见下）。"
WHY = "为什么适用您：{why}"
STILL_OPEN = "还需确认：{what}"
ORIGINAL = "原文：“{quote}”"
CONDITIONS_HEAD = "{name}的条件（按文件）："
AGE_QUOTED = "文件中与年龄有关的原文：“{quote}”"
NO_AGE_LIMIT = "· 年龄：文件未规定年龄限制"
NO_RESIDENCE_LIMIT = "· 户籍：文件未规定户籍（本地户口）条件"
RESIDENCE_QUOTED = "文件中与户籍有关的原文：“{quote}”"
NOT_MET = "按您说的情况，有条件不符合（✗）。"
MAYBE_MET = "标“？”的您还没说，符合的话就可以申请。"
MET = "按您说的情况，文件写明的条件您都符合。"
DECIDES = "其余“符合条件”的具体标准文件未写明，由{whom}认定，办理前请向其咨询或拨打当地12345。"
THEIR_CONDITIONS_HEAD = "{name}的条件（按文件），对照您说的{who}的情况："
THEY_NOT_MET = "按您说的，{who}有条件不符合（✗）。"
THEY_MAYBE_MET = "标“？”的您还没说到{who}，符合的话{who}也可以申请。"
THEY_MET = "按您说的，文件写明的条件{who}都符合。"
THEIR_LIST = ("上面的措施是按您说的情况（{who}）筛选的；{other}能不能享受，要看{other}的身份和所在地是否也符合文件的条件。"
              "想按{other}的情况查，可以说“帮我{other}问”；想看某一项的条件，说“第N项{other}能办吗”。")
THEIR_OWN_SEARCH = "想按{who}的情况查全部措施，可以说“帮我{who}问”。"
OFFICES_HEAD = "各项找谁办（牵头部门）："
OFFICES_TAIL = "文件没有写明电话和地址，可拨打当地12345政务服务便民热线查询。"
WHICH_ONE = "您是说哪一项？"
MEMBERSHIP = ("文件没有写明“{group}”的认定标准（如条件、年限、证明），由{whom}认定。"
              "您可以说说具体情况，或向其咨询，也可以拨打当地12345。")
LIST_CHOSEN_FOR = "上面的措施是按您说的情况（{who}）筛选的，文件写明的条件您都符合或可能符合。"
AGE_SOME = "写了年龄要求的有：{titles}（说“第N项我符合吗”看原文）。"
NO_AGE_LIMIT_ALL = "这些措施的文件都没有规定年龄限制。"
RESIDENCE_SOME = "写到户籍（户口）的有：{titles}（说“第N项我符合吗”看原文）。"
NO_RESIDENCE_ALL = "这些措施的文件都没有规定户籍（本地户口）条件。"
ASK_WHICH_CONDITIONS = "想看某一项的具体条件，说“第N项我符合吗”。"

# ---- the Telegram channel's own words (runtime/channels/telegram*.py); everything else is the replies above
TELEGRAM_NOT_TEXT = "请发送文字消息，我只能读懂文字。"
TELEGRAM_EDITED = "我收不到修改后的内容。" + TELEGRAM_NOT_TEXT
TELEGRAM_BUTTON_EXPIRED = "这个按钮已失效，请直接输入文字告诉我。"
TELEGRAM_CHOOSE = "请选择："
TELEGRAM_SUMMARY_CAPTION = "咨询清单（用浏览器打开，可打印）"

# ---- the 申办指引 block (bot/replies/followup.py guide) and `bot match --explain` (explain.py)
GUIDE_HEAD = "【申办指引】"
GUIDE_AUDIENCE = "惠及对象："
GUIDE_CONDITIONS = "条件："
GUIDE_RESPONSIBLE = "责任部门："
GUIDE_LEAD = "牵头部门："
GUIDE_SUPPORT = "配合部门："
GUIDE_VALIDITY = "有效期："
AUDIENCE_LIMITED = "{whom}（限{named}）"
CONDITION_REGION = "在{region}范围内"
CONDITION_GROUPS = "身份为"
CONDITION_TECH = "科技型企业"
CONDITION_NOT_TECH = "非科技型企业"
AND, OR = "和", "或"            # 残疾退役军人 is both groups; an office or another
NUMBERED_TITLE = "第{n}项“{title}”"
QUOTED_TITLE = "“{title}”"
ANSWER_HEAD = "{name}（{citation}）："
CRITERIA_BY = "“符合条件”的具体标准以{whom}的解释为准。"
PROFILE_REGION = "地区：{place}"
EXPLAIN_REGION = "地区：{region}（{where}）"
EXPLAIN_UNRESOLVED = "（未识别）"
EXPLAIN_WHY = "适用理由：{why}"
EXPLAIN_OPEN = "待确认：{what}"
EXPLAIN_ELIGIBLE = "符合条件的措施（{n}项）："
EXPLAIN_POSSIBLE = "可能适用、还需确认的措施（{n}项）："
EXPLAIN_NEXT = "下一个问题：{question}"

# ---- the consultation summary (bot/replies/consultation.py): its page and text
SUMMARY_TITLE = "创业扶持政策咨询清单"
SUMMARY_DISCLAIMER = ("本清单依据政策文件原文整理，只列文件写明的内容；能否享受、具体标准和办理方式以负责部门的认定为准。"
                      "文件未写明的事项，请向负责部门咨询，或拨打" + HOTLINE + "。")
SUMMARY_PROFILE = "您的情况：{profile}"
SUMMARY_META = "生成日期：{date}　规则版本：{version}　编号：{id}"
SUMMARY_PRINT = "打印 / 保存为PDF"
SUMMARY_BASIS = "依据：{citation}"
SUMMARY_QUESTIONS = "要问负责部门的问题"
# the questions to ask the agency about a measure: what its document leaves open
ASK_ELIGIBLE = "我的情况是否符合这项措施？“符合条件”的具体标准是什么？"
ASK_CONFIRM = "请确认：{note}"
ASK_OPEN = "还需确认的信息："
ASK_AMOUNT = "具体金额或额度是多少？"
ASK_PROCEDURE = "申请流程是什么？在哪里办理？"
ASK_MATERIALS = "需要准备哪些材料？"
ASK_ENDED = "这项措施所属的计划已结束，现在执行的是哪项政策？"
ASK_DEADLINE = "这项措施现在还在执行吗？有没有截止时间？"
# what a document may leave unstated (bot/replies/followup.py Gap), in the 申办指引 block
UNSTATED_LABELS = {"amount": "具体金额或额度", "procedure": "申请流程", "materials": "所需材料",
                   "contact": "受理地址和电话", "deadline": "截止时间"}

# ---- matching (bot/matching/): a measure's conditions checked, the ended plan, an office by function
CHECK_REGION = "地区：{region}范围内"
WHY_REGION = "地区：{place}在{region}范围内 ✓"
WHY_ANY = "{label}：不限 ✓"
UNKNOWN_PLACE = "“{region}”（未能识别的地名，或不在中国境内）"
UNTIL = "截至{date}"
DOCUMENT_ENDED = "《{title}》：{note}。"
DOCUMENT_VALID_UNTIL = "《{title}》：文件写明执行期至{date}，目前仍在执行期内。"
DOCUMENT_MADE = "《{title}》：{said}。"
MADE_ISSUED = "{date}印发"
MADE_ADOPTED = "{date}通过（或最近一次修订）"
MADE_IN_FORCE = "自{date}起施行"
MADE_PERIOD = "执行期{period}"
MADE_UNSTATED = "我们收录的原文没有写明印发日期，请以发布部门的说明为准"
DOCUMENT_NO_END = "《{title}》：文件没有写明截止日期，仍以主管部门的答复为准。"
PLAN_ENDED = "该计划执行期（{period}）已结束，请向主管部门核实现行政策"
FUNCTION_AT = "{where}的{name}"
PLAIN = "（{plain}）"
ITEM_RANGE = "第{first}—{last}项"
ITEMS = "第{numbers}项"
CITED = "（{citation}）"
NO_PROFILE_YET = "目前的信息下"

# Whether one counts as a group (bot/dialogue/membership.py)
COUNTS_AS = "算。“{label}”这一类包括{word}，下面按这一类查。"
COUNTS_ANY_GENDER = "算。面向“{label}”的措施没有限定性别，{gender}也在内。"

# Whether an office handles something (bot/dialogue/offices_asked.py)
OFFICE_HANDLES = "由{office}牵头或配合的有 {n} 项："
OFFICE_NOT_LISTED = "刚才列出的措施都不归{office}管。"
OFFICE_IN_NONE = "适用于您的措施里，文件都没有写明由{office}负责。可以拨打当地12345政务服务便民热线问清楚该找哪个部门。"
OFFICE_YES = "是。"
OFFICE_NO = "文件没有写{office}负责这一项。"
