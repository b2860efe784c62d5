"""What a question asks, and what a request wants, read from the words that ask it.

A question about a measure asks one of: amount (能贷多少), apply (怎么申请, 咋整),
materials (要带什么), contact (找谁, 电话), deadline (还有效吗), eligibility (我符合吗,
有年龄限制吗), original (原文怎么写的) or details (详细说说). A question that names a
group, need or gender without asking any of these asks which measures there are for
it (有没有给女的, 那妇女创业有啥政策, 俺想贷点款 咋整). Requests: more, all, restart,
summary, help, skip, none (都不是).

The kinds are tried in the order of KINDS: the more specific asks first (原文怎么写的
is about the original, not how to apply).
"""
from __future__ import annotations

import re

AMOUNT, APPLY, MATERIALS, CONTACT, DEADLINE = "amount", "apply", "materials", "contact", "deadline"
ELIGIBILITY, ORIGINAL, DETAILS, MEASURES = "eligibility", "original", "details", "measures"
EXPLAIN, FEES = "explain", "fees"

# 是不是要本地户口才行 / 外地人能办吗: a condition on where one is registered, not the need to register
RESIDENCE = re.compile(r"户口|户籍|本地人|外地人|外地的|外省|常住|居住证")
# An age said (今年五十八了, 都47了): with a question, it asks whether the person qualifies
AGE_SAID = r"(?:(?:今年|都|已经|快)(?:[一二两三四五六七八九十]{1,4}|\d{2})(?:岁|了|(?=\s|$))|" \
           r"(?<=[我俺她他])(?:[二三四五六七八九]十[一二三四五六七八九]?|\d{2})(?:岁|了))"     # 她五十三了

_KINDS = (
    (ORIGINAL, r"原文|原话|怎么写的|咋写的|文件(?:里|上)?怎么说|文件(?:里|上)?咋说|条文|出处|哪个文件|哪份文件|依据是"),
    (CONTACT, r"who should i|who do i|whom|contact|phone|address|where do i go|where should i go|which office|what office|which department|找谁|找哪|找.{1,10}(?:吗|嘛|么|还是|定系)|还是找|先去.{1,12}(?:还是|定系)|哪个部门|什么部门|啥部门|哪个单位|谁负责|谁管|电话|号码|地址|在哪办|去哪办|哪里办|哪儿办|"
              r"去哪里|在哪里|在哪儿|在哪|联系方式|怎么联系|窗口|办公室|哪个局|哪个厅|(?:找|揾|搵)边个|(?:去|上|到)哪(?:里|儿)?(?:报名|登记|办理|办|问)|边个(?:部门|单位|局)|(?:去|喺|系)边度"),
    (AMOUNT, r"多少钱|几成|多少成|百分之几|比例多少|能贷多少|贷多少|补多少|补贴多少|给多少|能拿多少|能领多少|多少万|几万|额度|金额|最高|最多能|上限|"
             r"贴多少|贴息多少|几多钱|贷几多|借几多|补几多|好多钱|(?:贷|贴|补|给|借|减|免)好多|(?:可以|能)(?:贷|借|攞|拿)几多|(?<!电话)(?<!号码)(?<!手机)多少(?!人|年|岁|天|个|项|条)|how much|how many"),
    (MATERIALS, r"materials|documents|paperwork|材料|带什么|带啥|准备什么|准备啥|要带|证件|需要(?:什么|啥)证|要(?:什么|啥)证|手续.{0,2}(?:什么|啥)"),
    (FEES, r"掏钱|出钱|自费|要唔要钱|收唔收钱|交钱|交.{1,3}钱|收费|收钱|要钱|费用|免费|花钱|手续费|管理费|交费|缴费|cost|fee|"
           r"免不免|(?:房租|租金|[^税]费)[^，,。]{0,4}(?:能|可以)?(?:免|减)(?:吗|不|么|嘛)|"
           r"^\s{0,3}(?:可不可以|能不能|可唔可以|能|可以)(?:免|减)(?:掉|了)?(?:吗|不|么|嘛)?\s{0,3}$"),   # 摊位费 / 可不可以免嘛
    (DEADLINE, r"还有效|有效期|截止|过期|到期|什么时候(?:截止|结束|到期)|还能申请吗|现在还有吗|还在执行|还能办吗|还算数|时间限制|"
               r"还(?:能|可以)?(?:用|管用|生效|适用|作数)(?:吗|不|么|嘛|没)|失效"),
    (ELIGIBILITY, r"eligible|qualify|" + AGE_SAID + "|"
                  r"我算.{0,8}(?:吗|嘛|么|不)|我是不是|符合|够条件|够格|有资格|资格|什么条件|啥条件|哪些条件|条件是|要求|门槛|限制|年龄|岁数|多大|\d+岁|"
                  r"[一二三四五六七八九十]+岁|能申请吗|可以申请吗|能不能申请|能享受吗|能享受不|我能.{0,6}(?:吗|不)|(?:还|也)能(?:报名?|参加|参赛)(?:吗|不|么)|要.{1,8}才(?:行|能|可以|算)|外地人|外地户口|本地户口|"
                  r"算不算|属于.{0,6}吗|我可以吗|我行吗|我够吗|只(?:给|对|限|面向|针对|有).{1,12}(?:吗|嘛|么|\?|？)|"
                  r"\bonly for\b|\bjust for\b|\blimited to\b"),
    (APPLY, r"how (?:do|can) i apply|how to apply|apply for|怎么申请|如何申请|咋申请|怎样申请|怎么办理|如何办理|咋办理|怎么办|咋办|咋整|怎么弄|咋弄|流程|手续|"
            r"去哪申请|在哪申请|怎么报名|咋报名|怎么领|咋领|如何领取|怎么享受|咋享受|申请步骤|怎么操作|"
            r"(?<![一有差快早晚多少慢好重])点(?:样)?(?:申请|办理?|报名|领|攞)"),     # 第2个点申请: Cantonese how
    (EXPLAIN, r"what does .{1,30} mean|means what|what is|^(?:请问|那)?(?:啥|什么)是|(?<!不)是啥|(?<!不)是什么|是干啥的|是干什么的|是干嘛的|是做什么的|啥意思|什么意思|咋回事|怎么回事|啥叫|什么叫"),
    (DETAILS, r"tell me more|详细|具体说|具体讲|具体点|具体内容|介绍|讲讲|说说|展开|了解一下"),
)
KIND_PATTERNS = tuple((kind, re.compile(p, re.I)) for kind, p in _KINDS)
# Asking which measures there are (for a group, a need, a place, or at all).
MEASURES_CUE = re.compile(r"有没有|有木有|有冇|有无|有啥|有什么|有哪些|有吗|有没|有不|啥政策|什么政策|哪些政策|啥补贴|什么补贴|"
                          r"啥扶持|什么扶持|啥优惠|什么优惠|能享受什么|能享受啥|能申请什么|能申请啥|能拿什么|能拿啥|"
                          r"(?:了解|咨询|看看|查查|查一下|问问|问一下).{0,8}(?:政策|扶持|补贴|优惠|措施)|"
                          r"(?:政策|扶持|补贴|优惠|措施|帮扶)(?:呢|吗|么)|呢$|的呢")
# Asking about a place's own documents rather than the national laws (河南有没有专门的地方政策,
# 贵州省自己的文件呢, 图们市自己的文件里有退伍军人的吗).
LOCAL_DOCUMENTS = re.compile(r"(?:自己|本地|当地|地方|省里|市里|县里|本省|本市)(?:性)?(?:出|发|定|出台|制定|颁布)?的?"
                             r"(?:文件|政策|规定|措施)|"
                             r"(?:省里|市里|县里|区里|本省|本市)自己")
# Asking a particular of a measure the kinds above do not name (休学最长几年): not a request
# for a list, though it names a topic.
# 贷款要抵押不 / 要担保人吗: what a loan asks of the person, not which loans (专利能抵押贷款吗 names one)
PLEDGE_ASKED = re.compile(r"(?:要|需要|得|用|要不要|需不需要|用不用)(?:抵押|担保人|保人|押金)")
PARTICULAR = re.compile(r"几年|多久|多长时间|多长|最长|最短|几个月|几天|几次|多少年|多少个月|多少天|多少次|" + PLEDGE_ASKED.pattern)
POLICY_WORD = re.compile(r"政策|扶持|补贴|优惠|措施|帮扶|支持|福利|好处")

# A person in distress (我想死, 不想活了): care first, never the policy dialogue. 累死了 and
# 急死了 are only ways of speaking.
DISTRESS = re.compile(r"(?<![累急愁烦笑气饿困忙穷热冷吓])想死|不想活|活不下去|活着没意思|自杀|轻生|寻死|"
                      r"跳楼|结束(?:自己的)?生命|了结自己")

# NLU intents that name a question kind.
INTENT_KIND = {"ask_amount": AMOUNT, "ask_how_to_apply": APPLY, "ask_materials": MATERIALS, "ask_contact": CONTACT,
               "ask_agency": CONTACT, "ask_deadline": DEADLINE, "details": DETAILS}

# ---- requests ----------------------------------------------------------------------------
MORE, ALL, RESTART, SUMMARY, HELP, SKIP, NONE = "more", "show_all", "restart", "summary", "help", "skip", "none"
_REQUESTS = (
    (RESTART, r"^(?:重新开始|重来|从头开始|从头来|重新来|重新查|清空|restart|/restart)[。!！]?$"),
    (SUMMARY, r"生成清单|咨询清单|打印(?!店|社|机|厂|部|复印|耗材)|发给我|发我|导出|下载结果|汇总一下|整理一下|保存一下"),
    (ALL, r"全部|所有的|都列|都看|全都|所有措施|所有政策|^(?:那|那都|都)有(?:啥|什么|哪些)(?:呢|啊|呀)?[？?]?$"),
    (MORE, r"^(?:更多|还有吗|还有呢|还有没有|下一页|继续|再来|再看看|接着说|后面的|还有别的吗|还有其他的吗|其他的呢|别的呢)"),
    (HELP, r"怎么用|咋用|如何使用|不会用|你能干啥|你能做什么|你会什么|有什么功能|使用说明|帮助"),
    (SKIP, r"^(?:跳过|不知道|不清楚|不想说|不方便说|说不好|不确定|随便|都行|都可以)[。!！]?$"),
    (NONE, r"^(?:都不是|都没有|一个都不是|哪个都不是|没有了|就这些|就这样|没了|以上都不是)[。!！]?$"),
)
REQUEST_PATTERNS = tuple((kind, re.compile(p, re.I)) for kind, p in _REQUESTS)


# An acknowledgement: the person has what they wanted for now.
ACK = re.compile(r"^(?:好的?|好嘞|好滴|好吧|行|行吧|中|得嘞|得勒|妥了|成嘞|嗯{1,20}|哦{1,20}|噢|ok|okay|收到|明白了?|了解了?|知道了|懂了|清楚了|晓得了|"
                 r"我去问问|俺去问问|我去问一下|我再看看|我考虑一下|先这样|就这样吧?|唔该晒?|多谢晒|"
                 r"(?:(?:中|行|好的?|嗯)[，,\s]{0,20})?(?:那就?)?(?:我|俺)[^？?吗]{0,12}(?:去|到)[^？?吗，,\s]{0,6}?(?:问问|问一下|看看|试试|找找|咨询(?:一下)?)看?)[啊呀哈啦吧嘞的了]{0,20}[。.!！~～]{0,20}$", re.I)


# The person finds the answers too long for a phone
TOO_WORDY = re.compile(r"太长|字太多|看不过来|念得.{0,4}头疼|简单点|说简单|简短点|啰嗦|罗嗦|too long")

# The person says the bot got it wrong (我是问…, 不是…是…, 怎么…没了): the previous
# answer was possibly misread; the staff console lists such turns beside the fallbacks.
REPHRASE = re.compile(r"我是问|我问的是|我说的是|我的意思是|不是问|不是这个|答非所问|你没(?:听|看)懂|没听明白|"
                      r"你理解错|理解错了|不是.{1,10}是|怎么.{0,8}没了|怎么又")


def question_kind(text: str) -> str | None:
    """The first kind whose words the text holds."""
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def request_of(text: str) -> str | None:
    t = text.strip()
    for kind, pattern in REQUEST_PATTERNS:
        if pattern.search(t):
            return kind
    return None


# ---- yes and no as the first words of an answer ------------------------------------------
# 嗯 / 好的 alone acknowledge; they are no yes to "is it a technology business?"
_YES = re.compile(r"^(?:是的|是啊|是滴|是呀|是|对的|对啊|对|没错|当然|肯定|确实|算是|算|有的|有|yes|yep|yeah|y)(?![不没])",
                  re.I)
_NO = re.compile(r"^(?:还不是|不是|并不是|不算|算不上|不属于|没有|没|否|不|no|nope|n)(?![错])", re.I)


# 那我不是 就是个面馆 / 我们不算: a no said of oneself
_SELF_NO = re.compile(r"^(?:那|那么)?(?:我|俺|我们|俺们|咱)(?:就|也|还)?(?=不是|不算|算不上)")
# 不算吧 / 应该不是: a clause that is only a yes or a no, after an echo of the question (科技型？…，不算吧)
BARE_YES_NO = re.compile(r"^\s{0,3}(?:应该|估计|可能|大概)?(?:不算|不是|算不上|算是|算|是)(?:吧|的|啊|呀|哦)?\s{0,3}[。!！]?\s{0,3}$")


def yes_no(text: str) -> bool | None:
    """True for an answer that opens with yes (是，做AI医疗影像的), False with no
    (不是 做旅游的 / 还不是 想做个小程序 / 那我不是), None otherwise."""
    t = _SELF_NO.sub("", text.strip().lstrip("嗯哦呃额啊，, "))
    if _NO.match(t):
        return False
    if _YES.match(text.strip()):
        return True
    return None
