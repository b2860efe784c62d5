"""What each page shows: its tables (also exported as CSV) and charts, built
from figures.py and queries.py and named through labels.py. No web framework here:
app.py renders these, the tests read them directly."""
from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import dataclass, field

from bot.dialogue import ConsoleSlot as S

from . import charts
from . import figures as fig
from . import queries as q
from .db import day_label

FUNNEL_LABELS = {
    "first_message": "发来第一条消息",
    "profile": "地区和身份已知（画像完整）",
    "shown": "看到了措施列表",
    "details": "打开了某项措施的详情",
    "referred": "询问了办理部门或要了总结",
}


@dataclass
class Link:
    text: str
    href: str

    def __str__(self) -> str:
        return self.text


@dataclass
class Table:
    name: str                 # the CSV file name and the ?table= key
    title: str
    columns: list[str]
    rows: list[list]
    note: str = ""
    chart: str = ""           # inline SVG shown above the table

    def csv(self) -> str:
        out = io.StringIO()
        out.write("\ufeff")   # Excel opens UTF-8 CSV with Chinese text only with the BOM
        w = csv.writer(out)
        w.writerow([csv_cell(c) for c in self.columns])
        for row in self.rows:
            w.writerow([csv_cell(c) for c in row])
        return out.getvalue()


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value) -> str:
    """A cell Excel shows as text: control characters removed, and a text that
    Excel would run as a formula (it starts with = + - @, a tab or CR, or their
    full-width forms) gets a leading apostrophe. Numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return _CONTROL.sub("", text)


@dataclass
class Page:
    key: str
    title: str
    tables: list[Table] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)   # (label, value) headline numbers
    extra: dict = field(default_factory=dict)

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)


def when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(ts + 8 * 3600)) if ts else ""


def _conv_link(sender: str) -> Link:
    from urllib.parse import quote
    return Link(sender, f"/conversation?sender={quote(sender, safe='')}")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


# ------------------------------------------------------------------ pages
def overview(conn, period: q.Period, labels) -> Page:
    page = Page("overview", "总览")
    days = fig.daily(conn, period)
    figures = fig.conversation_figures(conn, period)
    fun = figures["funnel"]
    total, confused = fun["first_message"], figures["confused"]
    turns, to_answer = figures["median_turns"], figures["median_seconds_to_answer"]
    page.figures = [
        ("对话数", str(fun["first_message"])),
        ("用户消息数", str(sum(m for _, _, m in days))),
        ("每个对话的轮数（中位数）", f"{turns:g}" if turns is not None else "–"),
        ("到第一次给出措施的时间（中位数）", f"{to_answer:.0f} 秒" if to_answer is not None else "–"),
        ("以困惑结束的对话", f"{confused}（{_pct(confused, total)}）"),
    ]
    labels_days = [day_label(d) for d, _, _ in days]
    page.tables.append(Table(
        "per_day", "每天的对话和消息", ["日期", "对话数", "用户消息数"],
        [[day_label(d), c, m] for d, c, m in days],
        chart=charts.columns(labels_days, [("对话数", [c for _, c, _ in days]), ("用户消息数", [m for _, _, m in days])])))
    first = fun["first_message"]
    page.tables.append(Table(
        "funnel", "漏斗", ["阶段", "对话数", "占全部对话"],
        [[FUNNEL_LABELS[k], v, _pct(v, first)] for k, v in fun.items()],
        note="每一阶段只计同时经过了前面各阶段的对话。“以困惑结束”：最后一条消息没有被理解"
             "（nlu_fallback、out_of_scope），或最后一个问题没有得到可用的回答（missed 槽位大于 0）。",
        chart=charts.bars([(FUNNEL_LABELS[k], v) for k, v in fun.items()])))
    return page


def misunderstood(conn, period: q.Period, labels, with_instances: int = 60) -> Page:
    page = Page("misunderstood", "没有理解的消息")
    groups = q.misunderstood_groups(conn, period)
    texts = [t for g in groups[:with_instances] for t in g["texts"]]
    instances = q.misunderstood_instances(conn, period, texts)
    by_key: dict = {}
    for inst in instances:
        by_key.setdefault(q.text_key(inst["text"]), []).append(inst)
    for g in groups:
        g["instances"] = by_key.get(g["key"], [])[:3]
        for inst in g["instances"]:
            inst["state"] = describe_slots(inst["slots"], labels)
    misread = q.possibly_misread(conn, period)
    page.extra["groups"] = groups
    page.extra["misread"] = misread
    page.figures = [("不同的说法", str(len(groups))), ("消息数", str(sum(g["messages"] for g in groups))),
                    ("已审阅", str(sum(g["reviewed"] for g in groups))), ("可能被误解的回答", str(len(misread)))]
    page.tables.append(Table(
        "misunderstood", "没有理解的消息（按相近说法分组）",
        ["说法", "意图", "消息数", "对话数", "最近一次", "已审阅"],
        [[" / ".join(g["texts"]), ",".join(g["intents"]), g["messages"], g["conversations"], when(g["last"]),
          "是" if g["reviewed"] else ""] for g in groups]))
    page.tables.append(Table(
        "possibly_misread", "可能被误解的回答（之后用户纠正、重复或换了说法）",
        ["时间", "对话", "机器人回答的消息", "用户随后说"],
        [[when(t), sender, message, then] for t, sender, message, then in misread],
        note="机器人没有说“没明白”，但用户随后说了“我是问…”“不是…是…”“怎么…没了”，或把同一句话又发了一遍："
             "那条回答很可能答错了。"))
    return page


def describe_slots(slots: dict, labels) -> str:
    parts = []
    for name, value in slots.items():
        if name in (S.GROUPS, S.NEEDS) and isinstance(value, list):
            value = "、".join(labels.fact_value(name, v) for v in value)
        elif name == S.SHOWN and isinstance(value, list):
            value = f"{len(value)} 项措施"
        elif isinstance(value, list):
            value = "、".join(map(str, value))
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        elif not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        parts.append(f"{name}={value}")
    return "；".join(parts)


def coverage(conn, period: q.Period, labels) -> Page:
    page = Page("coverage", "覆盖缺口")
    outside: dict = {}
    unknown = []
    for name, n in fig.regions_asked(conn, period):
        covered = labels.covered(name)
        if covered is None:
            unknown.append([name, n])
        elif not covered:
            prov = outside.setdefault(labels.province(name), [0, {}])
            prov[0] += n
            prov[1][name] = prov[1].get(name, 0) + n
    ranked = sorted(outside.items(), key=lambda kv: (-kv[1][0], kv[0]))
    page.tables.append(Table(
        "outside", "问到的覆盖范围以外的地方（按省）", ["省级", "对话数", "具体地方"],
        [[prov, n, "、".join(f"{k}（{v}）" for k, v in sorted(places.items(), key=lambda kv: -kv[1]))]
         for prov, (n, places) in ranked],
        note="覆盖范围：" + "、".join(labels.kb.covered_regions()) + "。",
        chart=charts.bars([(prov, n) for prov, (n, _) in ranked])))
    page.tables.append(Table("unknown_places", "地名库里没有的地方", ["地名", "对话数"], unknown))
    nothing = fig.nothing_listed_profiles(conn, period)
    for fact in (S.GROUPS, S.NEEDS):
        page.tables.append(Table(
            f"nothing_{fact}", f"没有找到任何措施的对话里提到的{labels.heading(fact)}", [labels.heading(fact), "对话数"],
            [[labels.fact_value(fact, v), n] for v, n in nothing[fact]],
            note="“没有找到”：机器人列出的措施为空（shown 槽位为空列表）。"))
    page.tables.append(Table(
        "unread_answers", "回答身份或需求问题时没有被读懂的话", ["问题", "用户的回答", "次数"],
        [[labels.heading(fact), text, n] for fact, text, n in fig.unanswered_replies(conn, period)],
        note="机器人问身份或需求后，这句回答没能识别出任何选项（missed 槽位随之增加）。"))
    return page


def demand(conn, period: q.Period, labels, agency: str | None = None) -> Page:
    page = Page("demand", "需求")
    d = fig.demand(conn, period)
    page.figures = [("得到答复的对话", str(d["answered"])), ("要了总结的对话", str(d["summaries"]))]
    for fact in (S.GROUPS, S.NEEDS):
        rows = [[labels.fact_value(fact, v), n] for v, n in d[fact]]
        page.tables.append(Table(f"answered_{fact}", f"得到答复的人：{labels.heading(fact)}", [labels.heading(fact), "对话数"],
                                 rows, chart=charts.bars([(r[0], r[1]) for r in rows])))
    region = labels.heading(S.REGION)
    page.tables.append(Table("answered_regions", f"得到答复的人：{region}", [region, "对话数"],
                             [[r, n] for r, n in d["regions"]]))
    opened = dict(d["opened"])
    shown_rows = [[m, labels.measure(m), n, opened.get(m, 0)] for m, n in d["shown"]]
    shown_rows += [[m, labels.measure(m), 0, n] for m, n in d["opened"] if m not in {r[0] for r in shown_rows}]
    page.tables.append(Table("measures", "列出和打开的措施", ["措施编号", "措施", "列出给（对话数）", "打开详情（对话数）"],
                             shown_rows, chart=charts.bars([(r[1], r[2]) for r in shown_rows])))
    referred = dict(d["referred"])
    per_agency: dict = {}
    for m, n in d["shown"]:
        for a in labels.measure_leads(m):
            per_agency[a] = per_agency.get(a, 0) + n
    agencies = sorted(set(referred) | set(per_agency), key=lambda a: (-referred.get(a, 0), -per_agency.get(a, 0), a))
    page.tables.append(Table(
        "agencies", "介绍给各部门的人", ["部门编号", "部门", "被告知去找该部门（对话数）", "列出的由其牵头的措施（人次）"],
        [[Link(a, f"/demand?agency={a}"), labels.agency(a), referred.get(a, 0), per_agency.get(a, 0)] for a in agencies],
        note="点部门编号，看该部门牵头的措施被列出和打开的次数（部门向上级报告用）。"))
    if agency:
        rows = [[m, labels.measure(m), n, opened.get(m, 0)] for m, n in d["shown"] if agency in labels.measure_leads(m)]
        page.tables.append(Table(f"agency_{agency}", f"{labels.agency(agency)}牵头的措施",
                                 ["措施编号", "措施", "列出给（对话数）", "打开详情（对话数）"], rows))
    if not d["shown"]:
        page.extra["notice"] = "尚无 shown/focus/referred 事件：这些槽位由机器人在列出措施、打开详情、介绍部门时写入。"
    return page


def feedback(conn, period: q.Period, labels) -> Page:
    page = Page("feedback", "反馈")
    days = q.feedback_by_day(conn, period)
    page.figures = [("👍", str(sum(u for _, u, _ in days))), ("👎", str(sum(n for _, _, n in days)))]
    page.tables.append(Table("feedback_days", "每天的 👍 / 👎", ["日期", "👍", "👎"],
                             [[day_label(d), u, n] for d, u, n in days],
                             chart=charts.columns([day_label(d) for d, _, _ in days],
                                                  [("👍", [u for _, u, _ in days]), ("👎", [n for _, _, n in days])])))
    page.tables.append(Table("feedback_measures", "每项措施的 👍 / 👎", ["措施编号", "措施", "👍", "👎"],
                             [[m, labels.measure(m), u, n] for m, u, n in q.feedback_by_measure(conn, period)]))
    page.tables.append(Table("feedback_missing", "“还缺什么”", ["时间", "对话", "评价", "缺少的内容"],
                             [[when(ts), _conv_link(s), "👍" if r == "up" else "👎" if r == "down" else r, text]
                              for ts, s, r, text in q.feedback_missing(conn, period)]))
    return page


def conversation_list(conn, period: q.Period, labels, sender_like: str | None = None) -> Page:
    page = Page("conversations", "对话")
    rows = fig.conversations(conn, period, sender_like)
    page.tables.append(Table("conversations", "对话（最近的在前，最多 200 个）", ["对话", "开始", "最后一条消息", "用户消息数"],
                             [[_conv_link(s), when(a), when(b), n] for s, a, b, n in rows]))
    return page


def conversation(conn, sender: str, labels) -> Page:
    """The turns in order; each with the user's message, the bot's replies and the slots after it."""
    page = Page("conversation", f"对话 {sender}")
    turns, current, history = [], None, []
    for r in q.conversation_events(conn, sender):
        history.append(r)
        data = json.loads(r.data or "{}")
        if r.type_name == "user":
            current = dict(time=when(r.timestamp), text=data.get("text"), intent=r.intent_name,
                           confidence=(data.get("parse_data") or {}).get("intent", {}).get("confidence"),
                           replies=[], changes=[])
            turns.append(current)
        elif current is None:
            continue
        elif r.type_name == "bot":
            current["replies"].append(data.get("text") or "")
        elif r.type_name == "slot":
            current["changes"].append(r.action_name)
        if current is not None:
            current["slots"] = describe_slots(q.fold_slots(history), labels)
    page.extra["turns"] = turns
    page.tables.append(Table(
        "turns", "每一轮", ["时间", "用户消息", "意图", "机器人回复", "本轮改变的槽位", "本轮之后的槽位"],
        [[t["time"], t["text"], t["intent"], " / ".join(t["replies"]), "、".join(dict.fromkeys(t["changes"])),
          t.get("slots", "")] for t in turns]))
    return page


PAGES = {"overview": overview, "misunderstood": misunderstood, "coverage": coverage, "demand": demand,
         "feedback": feedback, "conversations": conversation_list}
