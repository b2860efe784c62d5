"""Why a sentence is no measure whatever frame it has: a purpose, a definition, a date in force, a
penalty, a prohibition, a right declared, a remedy, a sanction, a rule deferred or handed to another,
a call on society, a catch-all item, a duty to apply for a licence, a fund's use, a transfer between
governments, or a private party's duty (drafting/reading.py reads the frames)."""
from __future__ import annotations

import re

from .phrases import FUND_HEADS, OWNED, clause_spans, find_terms, owner_of
from .topic_frames import DELEGATION


# not measures, whatever else they say (read())
PURPOSE = re.compile(r"^(?:(?:为了|为)[^。；;]{2,200}?|根据[^。；;]{2,120}?)[，,]\s*(?:特|现)?(?:制定本|制定|提出(?:如下|以下)|现提出)")
DEFINITION = re.compile(r"(?:是指|所称|本[法条例办法规定意见方案]*所指|以下简称|以下统称)"
                        r"|^本(?:法|条例|办法|规定|细则|意见|方案)[^，,。；;]{0,6}适用于"
                        r"|^[^，,。；;]{2,40}?是[^，,。；;]{2,40}的(?:重要|有效|合法|唯一)?(?:凭证|证件|证明|依据)[。；;]?$")
# (本规定适用于…: the text's scope; X 是…的凭证: what a document is, defined by a copula)
IN_FORCE = re.compile(r"(?:自[^，,。；;]{2,20}起(?:施行|实施|执行|生效)|同时废止|施行日期|有效期)")
PENALTY = re.compile(r"(?:违反本|责令|罚款|处分(?![^，,。；;]{0,2}(?:财产|房产|房屋|遗产|资产))|给予[^，,。；;]{0,6}处罚|追究[^，,。；;]*责任|吊销|没收|依法处理|承担[^，,。；;]*责任"
                     r"|截留|挪用|骗取|冒领|贪污|私分|滥用职权|玩忽职守|徇私舞弊)")
PROHIBITION = ("不得", "禁止", "严禁", "不准")
# an honour for those who did well (对…做出突出贡献的单位和个人，给予表彰和奖励): recognition, not support
COMMENDATION = re.compile(r"(?:突出贡献|显著成绩|成绩显著|表现突出|先进)[^。；;]{0,30}?(?:给予|予以)?[^，,。；;]{0,4}(?:表彰|嘉奖|褒扬)")
# support named as what a report or a result is the basis of (…作为对相关单位予以财政资金支持的依据): no offer
BASIS = re.compile(r"作为[^。；;]{0,40}?(?:给予|予以|支持|补贴|奖励)[^。；;]{0,12}?的(?:重要|主要)?(?:依据|条件|参考|标准)")
# a right declared (享有与男子平等的权利, 有权…要求, 可以参加…选举): equality, protection and civic rights, not support
RIGHT = re.compile(r"享有[^，,。；;]{0,20}(?:平等|同等)[^，,。；;]{0,6}(?:权利|权)|有权[^，,。；;]{0,30}(?:要求|拒绝|请求|申诉|举报|控告)"
                   r"|(?:享受|享有|给予)与[^，,。；;]{0,20}(?:同等|平等|相同)的[^，,。；;]{0,6}?(?:待遇|权利)|坚持[^。；;]{0,40}的?原则"
                   r"|保障[^，,。；;]{0,8}享有[^，,。；;]{0,20}(?:权益|权利)|是全社会的共同责任"
                   r"|(?:给予|予以)特别保护|享受[^，,。；;]{0,20}普惠(?:性)?待遇"
                   r"|保障[^，,。；;]{0,30}的(?:合法)?(?:权利|权益)[。；;]?$"
                   r"|应当?与[^，,。；;]{0,20}保持一致|保持一致[。；;，,]|平等(?:享受|参与|使用|获取)"
                   r"|选举|选民登记|政治生活"
                   r"|享有[^，,。；;]{0,10}权利[，,、]\s*(?:并)?(?:承担|履行)[^，,。；;]{0,10}义务")
# (taking part in elections and political life: a civic right; a member's rights and duties: a status)
# an association's role (…残疾人联合会代表残疾人的共同利益, 侨联代表归侨、侨眷的利益): whom it speaks for, nothing offered
REPRESENTS = re.compile(r"代表(?:和维护)?[^，,。；;会]{0,16}?的?(?:共同)?利益")
PARTY = re.compile(r"设立[^，,。；;]{0,10}(?:党的组织|党组织)|开展党的活动")     # party organisation, not support
# what follows from not doing something (视为放弃…, 取消其…资格, 不再享受…)
SANCTION = re.compile(r"由本人[^，,。；;]{0,20}(?:办理|申报|登记)|视为(?:放弃|自动放弃)|取消其[^，,。；;]{0,10}(?:资格|待遇)|不再享受|停止享受|停发|责令[^，,。；;]{0,6}退回"
                      r"|中止(?:发放|享受)|暂停(?:发放|享受)"
                      r"|暂缓办理|约谈|通报批评")
# another rule governs (…另有规定的，依照其规定)
DEFERRED = re.compile(r"另有规定的[，,]?\s*(?:依照|从|按照)其规定|按照[^，,。；;]{0,16}规定执行[。；;]?$|适用本(?:法|条例|办法|规定)"
                      r"|的[，,]\s*从其规定[。；;]?$")
# a person's recourse to the courts and to review (向人民法院申请…, 提起诉讼, 申请仲裁, 行政复议)
REMEDY = re.compile(r"向人民法院[^，,。；;]{0,12}(?:申请|起诉)|提起(?:行政)?诉讼|人民法院应当|申请(?:劳动)?仲裁|申请行政复议"
                    r"|申请复核|有异议的")
# society at large called on to give (国家鼓励…社会力量/社会各界/…和个人 …捐赠、提供帮助): nobody is offered anything
SOCIETY_CALLED = re.compile(r"(?:鼓励|支持|引导|倡导|动员)[^，,。；;]{0,40}?(?:社会力量|社会各界|社会各方面|全社会|(?:组织|单位)"
                            r"(?:和|以及|、)个人|其他组织以及个人)(?:[^，,。；;]{0,6}?)(?:依法|通过|为|参与|参加|开展|捐赠|向|兴办|举办|创办"
                            r"|对[^，,。；;]{2,30}?(?:给予|予以))")
# (…单位和个人对生活困难的归侨给予扶助: what everyone is asked to give, as much a call as 捐赠)
# society at large as the subject that shall (全社会应当理解、尊重、关心、帮助…): a call on everyone, nobody offers
SOCIETY_SHALL = re.compile(r"^(?:全社会|社会各界|全体公民|公民、法人(?:和|或者)其他组织)(?:都|均)?(?:应当|应|要)")
# an applicant's duty to hand in papers (…申请确认…的，应当提供由…出具的…公证书): what it must give, not what it gets
PAPERS_DUE = re.compile(r"^[^。；;]{2,60}?的[，,]\s*(?:应当|须|必须)(?:向[^，,。；;]{1,20}?)?(?:提供|提交|出具|递交)[^，,。；;]{0,30}"
                        r"(?:证明|材料|公证书|证件|文件|资料)[。；;]?$")
# a permit for works issued (…确需建设的，由…部门核发临时建设工程规划许可证): the office regulates, nothing is
# offered (not where people are named: 残疾人从事个体经营的，…优先核发营业执照, 发放外国人来华工作许可证)
PERMIT_ISSUED = re.compile(r"^[^人]{0,200}?(?:核发|颁发|发放|发给|换发)[^，,。；;人]{0,20}?(?:许可证|执照)")
CATCH_ALL = re.compile(r"^(?:其他|国务院规定|法律、行政法规规定的其他|有关法律、法规规定的其他)"
                       r"|^[^，,。；;]{0,20}的其他(?:事项|工作|措施)[。；;]?$")     # (促进…的其他事项)
PRIVATE_DUTY_HEADS = ("用人单位", "企业", "职业中介机构", "个体工商户", "平台经营者", "经营者", "中小企业",
                      "住宿经营者", "拆迁人")
# not measures, whatever else they say (checked in this order, a prohibition between them)
NOT_MEASURE_KINDS = ((PURPOSE, "目的条款"), (DEFINITION, "定义条款"), (IN_FORCE, "施行日期"), (PENALTY, "法律责任"))
NOT_OFFER_KINDS = ((COMMENDATION, "表彰（荣誉，不是扶持）"), (REMEDY, "法律救济（诉讼、仲裁、复议）"),
                   (RIGHT, "权利的宣示（不是扶持）"), (SANCTION, "不履行的后果"), (DEFERRED, "另有规定"),
                   (SOCIETY_CALLED, "号召社会各方参与（不是政府向谁提供扶持）"),
                   (SOCIETY_SHALL, "号召全社会（不是政府向谁提供扶持）"), (BASIS, "扶持的依据（不是扶持）"),
                   (PARTY, "党的组织建设（不是扶持）"), (PAPERS_DUE, "提交材料的义务（不是扶持）"),
                   (PERMIT_ISSUED, "行政许可（不是扶持）"), (REPRESENTS, "团体的职能（代表谁的利益，不是扶持）"))


def _kind_found(s: str, kinds) -> str | None:
    for pattern, what in kinds:
        m = pattern.search(s)
        if pattern is REMEDY and m and m.group(0) == "人民法院应当" and COURT_OFFERS.search(s):
            continue      # 人民法院应当为…企业…提供便捷的司法服务, …准予减交或者免交诉讼费: the court offers something
        if m and (pattern is not SOCIETY_CALLED or m.start() <= (clause_spans(s) or [(0, len(s))])[0][1]):
            # the call on society decides only when it is the sentence's own first clause
            return f"{what}：“{m.group(0)}”"
    return None


def not_a_measure(s: str, actor: str | None, vocab) -> str | None:
    """Why the sentence is no measure whatever frame it has (a purpose, a definition, a prohibition,
    a right declared, a duty, an exception, a fund's use, a private party's duty …), or None."""
    found = _kind_found(s, NOT_MEASURE_KINDS)
    if found:
        return found
    m = re.match(r"^(?:禁止|严禁|任何(?:组织|单位|个人|组织和个人|单位和个人))|^[^，,。；;]{2,60}?不得"
                 r"|^[^，,。；;]{2,40}?的[，,]\s*(?:均|一律|也)?不得"
                 r"|^(?:开展|从事|进行|利用|使用)[^，,。；;]{2,40}?[，,]\s*(?:均|一律|也)?不得", s)
    if m:     # …大型企业等不得违约拖欠…, 没有依据的，不得…, 开展…活动，不得…: the first clause's predicate, or the one after its topic, forbids
        return "禁止性规定：“" + (s[:4] if m.group(0)[-2:] != "不得" else m.group(0)[-8:]) + "”"
    found = _kind_found(s, NOT_OFFER_KINDS)
    if found:
        return found
    duty = DUTY_WORK.search(s)       # (…的，其…人民政府应当给予必要的救助，…协助做好相关救助工作: given before)
    if duty and not re.search(r"(?:为|向|对)[^，,。；;]{1,30}(?:提供|给予|发放|办理)", s) and \
            not re.search(r"(?:应当|应|可以)[^，,。；;]{0,6}(?:给予|提供|发放)[^，,。；;]{0,10}[，,；;]", s[:duty.start()]):
        return "职责：“" + DUTY_WORK.search(s).group(0) + "”"
    if re.search(r"除外[。；;]?$", s) and len(clause_spans(s)) == 1:     # …的商品和服务除外 (not 但是…除外)
        return "例外：“" + s[-6:] + "”"
    if _only_processed(s, vocab):
        return "办理手续（依法、按规定办理，没有另外给予什么）：“" + s[-12:] + "”"
    if CATCH_ALL.match(s):
        return f"兜底项：“{CATCH_ALL.match(s).group(0)}”"
    licence = re.search(r"应当[^。；;]{0,30}(?:申请|办理)[^，,。；;]{0,8}(?:行政许可|许可证|登记|备案)", s)
    if licence and not re.search(r"(?:为|向|对)[^，,。；;]{1,30}(?:提供|给予|发放|办理)|应当提供[^，,。；;]{0,6}(?:服务|便利)", s):
        # 设立职业中介机构应当…向…部门申请行政许可: a duty to apply, nothing offered
        return f"申请许可或登记的义务：“{licence.group(0)}”"
    delegated = DELEGATION.search(s)
    if delegated and not re.search(r"[，,；;]", s[:delegated.start()]) and not s[delegated.end():].strip("。；; "):
        # 就业困难人员的认定办法由设区的市人民政府制定。: the whole sentence hands the rule to another
        return f"授权另定办法：“{delegated.group(0)}”"
    fund = actor if actor and actor.endswith(FUND_HEADS) and not ("的" in actor and actor.endswith(OWNED)
                                                                   and owner_of(actor.rsplit("的", 1)[0], vocab)) else None
    first = s[:clause_spans(s)[0][1]] if clause_spans(s) else s
    m = re.match(r"^(?!以|按|对|为|由)[^，,。；;对]{2,30}?(?:" + "|".join(FUND_HEADS) + r")(?=纳入|用于|应当|向|按|专项|主要)",
                 first) or SHARE_USED.match(s)   # (not 国家对…残疾军人的医疗费用按照规定予以保障: whose costs are covered)
    if (fund or m) and (not FUND_GIVES.search(s) or "用于" in s):     # 专项用于…为残疾人提供…: still its use
        return f"资金的用途：“{fund or m.group(0)}”"
    m = TRANSFER.search(s)
    if m:     # 中央财政对地方给予适当补助，用于帮助解决…: a transfer between governments, whatever it is for
        return f"政府间的转移支付：“{m.group(0)}”"
    if _private_duty(actor or "", s):
        return f"“{actor or s[:6]}”的义务（不是政府提供的扶持）"
    return None
# a share of a fund set aside for a use (…彩票公益金的本级使用部分，每年应当安排一定的比例用于…)
SHARE_USED = re.compile(r"^[^，,。；;对]{2,30}?(?:" + "|".join(FUND_HEADS) + r")的[^，,。；;]{0,8}部分[，,][^。；;]{0,20}?用于")
COURT_OFFERS = re.compile(r"人民法院应当[^，,。；;]{0,6}?(?:为[^，,。；;]{1,30}?提供|准予(?:减|免|缓)|(?:减交|免交|缓交)"
                          r"|给予[^，,。；;]{0,4}(?:司法救助|救助))")     # (…人民法院应当依法给予司法救助: aid it gives)
# a fund that gives to someone (…基金可以为台湾青年…提供咨询服务和资金支持, …基金…优先支持符合条件的中小企业)
FUND_GIVES = re.compile(r"(?:为|向)[^，,。；;]{2,30}?(?:提供|发放)|优先(?:支持|扶持)[^，,。；;]{2,30}?(?:企业|人员|个体工商户)")
# a modal of duty (not the 应 of 相应, 适应, 供应 or the 须 of 无须, 必须 counted once)
DUTY_MODAL = re.compile(r"应当|不得|必须|(?<![相适供对响反回答呼])应(?![用])|(?<![无必])须")
TRANSFER = re.compile(r"对(?:地方|各地|下级[^，,。；;]{0,6}|[^，,。；;]{0,8}人民政府)[^，,。；;]{0,8}(?:给予|予以)[^，,。；;]{0,10}(?:补助|补贴|支持|奖补)")
ENTITLED = re.compile(r"(?:应当?|并|可以|可)(?:按照|依照|依法|按)?[^，,。；;]{0,12}?享受")


def _private_duty(actor: str, s: str) -> bool:
    """An employer's or another private party's duty (用人单位应当…, 企业不得…, 用人单位招用人员，应当…)."""
    if ENTITLED.search(s):
        return False      # 用人单位招用…的，应当(…，并)按照有关规定享受税费优惠: what it shall enjoy is an entitlement
    if s.startswith(PRIVATE_DUTY_HEADS) and any(s[a:b].lstrip().startswith(("应当", "不得", "必须"))
                                                 for a, b in clause_spans(s)[1:3]):
        return True
    tail = re.split(r"[、和及与]", actor)[-1]
    if not tail.endswith(PRIVATE_DUTY_HEADS) and "以下统称用人单位" not in s:
        return False
    after = s[s.find(actor) + len(actor):][:12] if actor in s else s[:12]
    return bool(DUTY_MODAL.search(after)) or "以下统称用人单位" in s
# a unit's responsibility for a field of work (…负责残疾人就业工作的具体组织实施): who does what, nothing offered
DUTY_WORK = re.compile(r"(?:负责|主管(?!部门|机关)|做好)[^，,。；;]{0,30}工作(?!的|主管)")


def forbidden_offer(s: str, offer: str | None) -> str | None:
    """The 不得 that governs a frame's offering verb (…的，用人单位非因…正当理由，不得安排…下岗): what is
    forbidden is no offer, or None when the verb also stands un-negated."""
    if not offer:
        return None
    found = [m for m in re.finditer(re.escape(offer), s)]
    negated = [m for m in found if re.search(r"(?:不得|禁止|严禁|不准)(?:擅自|随意|无故|以任何理由)?$", s[:m.start()])]
    return "禁止性规定：“" + s[max(0, negated[0].start() - 2):negated[0].end()] + "”" if found and \
        len(negated) == len(found) else None


# the last clause processes a case by the rules and no more (…的，按照有关规定办理; 有关部门应当依法办理有关手续;
# not 教育行政部门应当及时办理: what it does at once is for the people named)
PROCESSED = re.compile(r"^[^，,。；;]{0,30}?办理(?:有关|相关)?(?:审批)?(?:手续)?[。；;]?$")
OTHER_OFFERS = re.compile(r"给予|予以|提供|发放|发给|补贴|补助|减免|免收|免征|优先|照顾|享受|安排|解决")


def _only_processed(s: str, vocab) -> bool:
    """Whether all the sentence does is have a case processed (依法、及时、按规定办理), with no need named (落户,
    社会保险 …) and no other offer: an ordinary duty, nothing given besides."""
    spans = clause_spans(s)
    last = s[spans[-1][0]:spans[-1][1]].strip() if spans else s
    if not PROCESSED.match(last) or not re.search(r"规定|手续|依法", last) or OTHER_OFFERS.search(s):
        return False
    return vocab is None or not find_terms(s, vocab.needs)
