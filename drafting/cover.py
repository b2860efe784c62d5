"""What the cover says: title, issuers, number, dates — wherever the text prints them.

A cover may be a Markdown header (`# 标题`, adoption lines, `<!-- INFO END -->`),
a web page's label lines (发布单位：…, 成文日期：…), a title over one or several
lines, a wrapping notice (国务院办公厅关于印发《…》的通知 … 现将《…》印发给你们),
a signature at the end (国务院办公厅 / 2020年7月15日), or a law's adoption lines
(…全国人民代表大会常务委员会第二十三次会议通过); the entry into force may sit in
the last article (本条例自2022年11月1日起施行). Each value found carries the words
it was read from (`evidence`), and what is not found is a review item.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.rules import CHINESE_DIGITS
from bot.script import to_simplified

from .hierarchy import BLANK, cn_number
from .segment import LAST_ARTICLE, Segmentation

DOC_TYPES = ("意见", "方案", "计划", "办法", "规定", "细则", "措施", "通知", "决定", "政策", "条例", "法", "规划",
             "纲要", "指引", "指南", "实施意见", "若干意见", "公告", "通告", "批复", "函")
NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号")
ORDER_NUMBER = re.compile(r"(?:[\u4e00-\u9fff]{2,30}?)令\s*(?:\(|（)?\s*第\s*(?:\d+|[" + "".join(CHINESE_DIGITS) +
                          r"十百]+)\s*号")
CN_DATE = "[〇零一二三四五六七八九十○Ｏ]"
DATE = re.compile(r"(\d{4}|" + CN_DATE + r"{4})\s*年\s*(\d{1,2}|" + CN_DATE + r"{1,3})\s*月\s*(\d{1,2}|"
                  + CN_DATE + r"{1,3})\s*日")
ISSUER_LABELS = ("发布单位", "颁布单位", "发文机关", "发文单位", "印发单位", "发布机构", "发文机构", "制定机关")
ISSUED_LABELS = ("成文日期", "印发日期", "发文日期", "颁布时间", "颁布日期", "发布日期", "发布时间")
NUMBER_LABELS = ("发文字号", "文号", "发文号")
ORG_END = ("人民政府办公厅", "人民政府办公室", "人民政府", "国务院办公厅", "国务院", "委员会", "办公厅", "办公室",
           "部", "局", "厅", "委", "署", "总局", "中央军事委员会", "中央军委", "银行", "联合会", "常务委员会")
LAW_BODY = re.compile(r"(全国人民代表大会(?:常务委员会)?)第[\u4e00-\u9fff]*次会议")
# a local people's congress: 河南省第十一届人民代表大会常务委员会第八次会议 -> 河南省人民代表大会常务委员会
LOCAL_BODY = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:省|市|自治区|自治州|州|县|区))第[一二三四五六七八九十百]+届"
                        r"(人民代表大会(?:常务委员会)?)第[\u4e00-\u9fff]*次会议")
ORDER_ISSUERS = {"国务院": "国务院", "中央军事委员会": "中央军事委员会", "中央军委": "中央军事委员会"}
PERIOD = re.compile(r"[(（](\d{4})\s*[—–-]+\s*(\d{4})年?[)）]")


@dataclass
class Cover:
    title: str | None = None
    issuers: list = field(default_factory=list)
    number: str | None = None
    issued: dt.date | None = None
    adopted: dt.date | None = None     # a law's adoption or latest revision (…会议通过/修订/修正)
    in_force: dt.date | None = None
    valid_until: dt.date | None = None
    period_label: str | None = None
    evidence: dict = field(default_factory=dict)    # field -> the words it was read from
    review: list = field(default_factory=list)


def _digits(s: str) -> int:
    s = s.replace("○", "〇").replace("Ｏ", "〇")
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in CHINESE_DIGITS for c in s):
        return int("".join(str(CHINESE_DIGITS[c]) for c in s))
    return cn_number(s) or 0


def parse_date(m: re.Match) -> dt.date | None:
    try:
        return dt.date(_digits(m.group(1)), _digits(m.group(2)), _digits(m.group(3)))
    except ValueError:
        return None


def _lines(text: str) -> list[str]:
    return [ln.strip(BLANK) for ln in text.split("\n") if ln.strip(BLANK)]


def _front_text(seg: Segmentation) -> str:
    """The text before the first article, heading or numbered unit."""
    firsts = [a.start for a in seg.articles] + [h.start for h in seg.headings]
    return seg.text[:min(firsts)] if firsts else seg.text


def _tail_text(seg: Segmentation) -> str:
    ends = [s for s in seg.left_out if s.reason == LAST_ARTICLE]
    return "\n".join(seg.text[s.start:s.end] for s in ends)


def read_cover(seg: Segmentation) -> Cover:
    text = seg.text
    front = to_simplified(_front_text(seg))
    tail = to_simplified(_tail_text(seg))
    body = to_simplified(text)
    c = Cover()
    _title(c, front)
    _number(c, front, tail)
    _issuers(c, front, tail)
    _dates(c, front, tail, body)
    if c.title is None:
        c.review.append("标题：原文没有单独一行的标题，请填写")
    if not c.issuers:
        c.review.append("发文机关：原文未写明，请填写")
    if c.issued is None and c.adopted is None:
        c.review.append("成文日期：原文未写明（网页发布日期不算），可留空或填写")
    return c


def _title(c: Cover, front: str) -> None:
    lines = _lines(front)
    md = next((ln[1:].strip() for ln in lines if ln.startswith("# ")), None)
    if md:
        c.title, c.evidence["title"] = md, "# " + md
        return
    for ln in lines:
        m = re.match(r"^(?:标题|名称|文件名称)[:：]\s*(.+)$", ln)
        if m:
            c.title, c.evidence["title"] = m.group(1).strip(), ln
            return
    blocks, current = [], []
    for ln in lines + [""]:
        aside = ln.startswith(("(", "（")) and ln.endswith((")", "）")) and not (PERIOD.fullmatch(ln) or TRIAL.search(ln))
        plain = ln and not any(ch in ln for ch in "。，,；;：:!！?？|〔〕[]") and len(ln) <= 60 \
            and not DATE.search(ln) and not NUMBER.search(ln) and not aside
        if plain:
            current.append(ln)
            continue
        if current:
            blocks.append(current)
        current = []
    candidates = []
    for block in blocks:      # per block, the longest run of lines that reads as a title
        found = []
        for i in range(len(block)):
            for j in range(i + 1, min(len(block), i + 3) + 1):
                joined = "".join(block[i:j])
                if _is_doc_title(joined):
                    found.append((len(joined), -i, joined, block[i:j]))
        if found:
            _, _, joined, lines = max(found)
            candidates.append((joined, lines))
    wrapped = re.search(r"(?:现将|将)《([^《》]{4,80})》(?:印发|转发)", front) or \
        re.search(r"《([^《》]{4,80})》已经[^。]{0,30}同意[，,]现(?:予)?印发", front)
    for joined, src in reversed(candidates):
        if re.search(r"(?:印发|转发)", joined) and joined.endswith("的通知") and wrapped:
            continue
        c.title, c.evidence["title"] = joined, " / ".join(src)
        return
    if wrapped:
        c.title, c.evidence["title"] = wrapped.group(1), wrapped.group(0)
        return
    m = re.search(r"《([^《》]{6,80}?(?:" + "|".join(DOC_TYPES) + r")(?:[(（]\d{4}[—–-]+\d{4}年[)）])?)》", front)
    if m and not front.startswith("为"):
        c.title, c.evidence["title"] = m.group(1), m.group(0)


TRIAL = re.compile(r"[(（](?:试行|暂行|修订|修正|草案|征求意见稿)[)）]$")


def _is_doc_title(s: str) -> bool:
    core = TRIAL.sub("", PERIOD.sub("", s))
    return len(core) >= 6 and core.endswith(DOC_TYPES) and not core.startswith(("各", "现将", "为"))


def _number(c: Cover, front: str, tail: str) -> None:
    for ln in _lines(front) + _lines(tail):
        m = re.match(r"^(?:" + "|".join(NUMBER_LABELS) + r")[:：]\s*(\S+)", ln)
        if m:
            c.number, c.evidence["number"] = m.group(1), ln
            return
    for ln in _lines(front) + _lines(tail):
        if "《" in ln or ln.startswith("为"):
            continue      # a document cited in a sentence, not this one's number
        m = NUMBER.search(ln)
        if m and len(ln) <= len(m.group(0)) + 30:
            c.number, c.evidence["number"] = re.sub(r"\s+", "", m.group(0)), ln
            return
        m = ORDER_NUMBER.search(ln)
        if m:
            c.number = re.sub(r"\s+", "", m.group(0)).replace("中华人民共和国", "")
            c.evidence["number"] = ln
            return
    own = "\n".join(ln for ln in _lines(front) if "《" not in ln and not ln.startswith("为"))
    m = re.search(r"[\u4e00-\u9fff]{1,8}[发發字][〔\[［(（]\d{4}[^\n]{0,8}", own)
    if m:
        c.number, c.evidence["number"] = m.group(0).strip(), m.group(0)
        c.review.append(f"文号：原文印作“{c.number}”（不完整？），请核对")


def _issuers(c: Cover, front: str, tail: str) -> None:
    def add(name: str, words: str) -> None:
        name = name.strip(" 　、")
        if name and name not in c.issuers:
            c.issuers.append(name)
            c.evidence.setdefault("issuer", words)
    for ln in _lines(front):
        m = re.match(r"^(?:" + "|".join(ISSUER_LABELS) + r")[:：]\s*(.+)$", ln)
        if m:
            for part in re.split(r"[、,，\s]+", m.group(1)):
                add(part, ln)
    if c.issuers:
        return
    if c.number and "令" in c.number:    # 国务院令, 国务院 中央军事委员会令
        head = c.number.split("令")[0]
        for word, name in ORDER_ISSUERS.items():
            if word in head:
                add(name, c.evidence.get("number", c.number))
        if c.issuers:
            return
    laws = [m.group(1) for ln in _lines(front) for m in [LAW_BODY.search(ln)] if m] or \
        [m.group(1) + m.group(2) for ln in _lines(front) for m in [LOCAL_BODY.search(ln)] if m]
    if laws:
        add(laws[-1], next(ln for ln in _lines(front) if laws[-1] in ln or (
            (m := LOCAL_BODY.search(ln)) and m.group(1) + m.group(2) == laws[-1])))
        return
    title = c.title or ""
    m = re.match(r"^(.{2,40}?)关于", title)
    if m and m.group(1).endswith(ORG_END):
        for part in re.split(r"[、\s]+", m.group(1)):
            add(part, title)
        return
    for ln in _lines(front):
        m = re.search(r"([\u4e00-\u9fff]{2,16}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅))(?:特制定|印发|制定)", ln)
        if m:
            add(m.group(1), m.group(0))
            return
    sign = [ln for ln in _lines(tail) if ln.endswith(ORG_END) and len(ln) <= 30 and not DATE.search(ln)]
    for ln in sign:
        for part in re.split(r"[、\s]+", ln):
            if part.endswith(ORG_END):
                add(part, ln)
    if c.issuers:
        return
    # a wrapping notice signed on the cover: an organisation on a line of its own
    for ln in _lines(front):
        if ln.endswith(ORG_END) and len(ln) <= 20 and ln != title and not ln.startswith("各"):
            add(ln, ln)
            return


def _dates(c: Cover, front: str, tail: str, body: str) -> None:
    lines = _lines(front) + _lines(tail)
    for ln in lines:
        m = re.match(r"^(?:" + "|".join(ISSUED_LABELS) + r")[:：]\s*(.+)$", ln)
        d = DATE.search(m.group(1)) if m else None
        if d and parse_date(d):
            c.issued, c.evidence["issued"] = parse_date(d), ln
            break
    if c.issued is None:
        for ln in lines:
            d = DATE.search(ln)
            if d and "公布" in ln:
                c.issued, c.evidence["issued"] = parse_date(d), ln
                break
    adopted = [(parse_date(d), ln) for ln in _lines(front) for d in [DATE.search(ln)]
               if d and re.search(r"(?:通过|修正|修订|修改)", ln) and "公布" not in ln]
    adopted = [(d, ln) for d, ln in adopted if d]
    if adopted:        # a law's or regulation's head: adopted, or last revised
        c.adopted, c.evidence["adopted"] = max(adopted)
    if c.issued is None:
        for ln in lines:
            d = DATE.fullmatch(ln)
            if d and parse_date(d):
                c.issued, c.evidence["issued"] = parse_date(d), ln
                break
    for ln in lines:
        d = DATE.search(ln)
        if d and re.search(r"施行|生效", ln) and parse_date(d):
            c.in_force, c.evidence["in_force"] = parse_date(d), ln
            break
    if c.in_force is None:
        found = list(re.finditer(r"自\s*(" + DATE.pattern + r")\s*起(?:施行|实施|执行|生效)", body))
        if found:
            d = DATE.search(found[-1].group(1))
            if d and parse_date(d):
                c.in_force, c.evidence["in_force"] = parse_date(d), found[-1].group(0)
    m = re.search(r"有效期(?:至|到)\s*(" + DATE.pattern + r")", body)
    if m and parse_date(DATE.search(m.group(1))):
        c.valid_until, c.evidence["valid_until"] = parse_date(DATE.search(m.group(1))), m.group(0)
    else:
        m = re.search(r"有效期(?:为)?\s*(\d+|[一二三四五六七八九十])\s*年", body)
        start = c.in_force or c.issued
        if m and start:
            years = _digits(m.group(1))
            try:
                c.valid_until = start.replace(year=start.year + years) - dt.timedelta(days=1)
            except ValueError:
                c.valid_until = None
            if c.valid_until:
                c.evidence["valid_until"] = m.group(0)
    m = PERIOD.search(c.title or "")
    if m:
        c.period_label = f"{m.group(1)}—{m.group(2)}年"
        if c.valid_until is None:
            c.valid_until, c.evidence["valid_until"] = dt.date(int(m.group(2)), 12, 31), m.group(0)
