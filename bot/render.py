"""One renderer: the bot's replies as channel-neutral messages (text + buttons).
Channels only format these; no measure text is formatted anywhere else."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from . import offices, texts
from .engine import Engine, MatchResult
from .kb import KnowledgeBase
from .script import to_traditional

PAGE_SIZE = 5


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class Reply:
    text: str
    buttons: list = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {"text": self.text}
        if self.buttons:
            out["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        return out


def intent_payload(intent: str, **entities) -> str:
    return "/" + intent + (json.dumps(entities, ensure_ascii=False) if entities else "")


def localize(replies: list[Reply], script: str | None) -> list[Reply]:
    """Answer in Traditional to a person who writes Traditional (payloads untouched)."""
    if script != "traditional":
        return replies
    return [Reply(to_traditional(r.text), [Button(to_traditional(b.title), b.payload) for b in r.buttons])
            for r in replies]


# ---- questions -------------------------------------------------------------

def question(kb: KnowledgeBase, fact: str) -> Reply:
    spec = kb.facts[fact]
    buttons: list[Button] = []
    if spec.kind == "place":
        buttons = [Button(b, intent_payload("inform", **{spec.entity: b})) for b in spec.buttons]
    else:
        for value, fv in spec.values.items():
            buttons.append(Button(fv.title, intent_payload("inform", **{spec.entity: value})))
    if spec.kind == "list" and spec.condition:
        buttons.append(Button(texts.NONE_BUTTON, "/none_of_these"))
    buttons.append(Button(texts.SKIP_BUTTON, "/skip"))
    return Reply(spec.question, buttons)


# ---- results ---------------------------------------------------------------

def profile_line(kb: KnowledgeBase, result: MatchResult, slots: dict) -> str:
    parts = []
    if result.resolved:
        parts.append(f"地区：{result.resolved[0]}")
    for fact, spec in kb.facts.items():
        value = slots.get(fact)
        if spec.kind == "list":
            titles = [spec.values[v].title for v in value or () if v in spec.values]
            if titles:
                parts.append(f"{spec.label}：" + "、".join(titles))
        elif spec.kind == "one" and value in spec.values:
            parts.append(f"{spec.label}：" + spec.values[value].label)
    return "；".join(parts)


def lead_text(m: dict) -> str:
    """Who leads, as the listing says it: the lead agencies, or that the document names none."""
    if m.get("no_responsible_unit"):
        return texts.NO_UNIT.format(publisher=m["publisher"])
    return "、".join(m["agencies"]["lead"])


def lead_line(m: dict) -> str:
    if m.get("no_responsible_unit"):
        return "责任部门：" + lead_text(m)
    return "牵头部门：" + lead_text(m)


def possible_lines(m: dict) -> list[str]:
    if m.get("status") != "possible":
        return []
    if m.get("confirm"):
        return [texts.POSSIBLE_CONFIRM.format(note=note) for note in m["confirm"]]
    return [texts.POSSIBLE_OPEN]


def notices(items: list[dict]) -> list[str]:
    """The ended-plan notices of these measures, each once (not under every item)."""
    out = []
    for m in items:
        note = m.get("expiry_note")
        if note:
            line = f"《{m['citation'].split('》')[0].lstrip('《')}》：{note}"
            if line not in out:
                out.append(line)
    return out


def measure_line(n: int, m: dict, with_notice: bool = True) -> str:
    lines = [f"{n}. {m['title']}"]
    lines.append(f"   {m['summary']}")
    lines.append(f"   {lead_line(m)}")
    lines.append(f"   依据：{m['citation']}")
    lines.extend(f"   {note}" for note in m.get("notes", ()))   # 现行有效 …; where an ended plan's rule now is
    lines.extend(f"   {line}" for line in possible_lines(m))
    if m.get("expiry_note"):
        lines.append(f"   ⚠ {m['expiry_note']}" if with_notice else f"   {texts.ENDED_MARK}")
    return "\n".join(lines)


def page(kb: KnowledgeBase, result: MatchResult, items: list[dict], slots: dict, page_no: int) -> list[Reply]:
    """Page `page_no` (0-based) of the listing, at most PAGE_SIZE measures."""
    if not items:
        if result.message:
            return [Reply(result.message + "\n" + texts.WHERE_IN_CHINA,
                          [Button(texts.RESTART_BUTTON, "/start_over")])]
        where = profile_line(kb, result, slots) or "目前的信息下"
        return [Reply(texts.NOTHING_FOUND.format(where=where), [Button(texts.RESTART_BUTTON, "/start_over")])]
    start = page_no * PAGE_SIZE
    chunk = items[start:start + PAGE_SIZE]
    if not chunk:
        return [Reply(texts.NO_MORE, [Button(texts.RESTART_BUTTON, "/start_over")])]
    head = ""
    if page_no == 0:
        who = profile_line(kb, result, slots)
        n_el = sum(1 for m in items if m.get("status") == "eligible")
        head = (f"根据您的情况（{who}），" if who else "") + f"找到 {n_el} 项适用措施"
        n_pos = len(items) - n_el
        head += f"，另有 {n_pos} 项可能适用。\n" if n_pos else "。\n"
        head += f"{result.local_note}\n" if result.local_note else ""   # no local documents for this place
    else:
        head = f"第 {start + 1}—{start + len(chunk)} 项（共 {len(items)} 项）：\n"
    head += "".join(f"⚠ {note}\n" for note in notices(chunk)) + "\n"
    body = "\n\n".join(measure_line(start + i + 1, m, with_notice=False) for i, m in enumerate(chunk))
    buttons = [Button(texts.DETAILS_BUTTON.format(n=start + i + 1), intent_payload("details", item=start + i + 1))
               for i in range(len(chunk))]
    if start + PAGE_SIZE < len(items):
        buttons.append(Button(texts.MORE_BUTTON, "/more"))
    buttons.append(Button(texts.AGENCIES_BUTTON, "/ask_agency"))
    buttons.append(Button(texts.RESTART_BUTTON, "/start_over"))
    tail = ""
    if start + PAGE_SIZE < len(items):
        tail = f"\n\n还有 {len(items) - start - PAGE_SIZE} 项，说“更多”继续查看。"
    return [Reply(head + body + tail, buttons)]


def details(n: int, m: dict, kb: KnowledgeBase | None = None) -> Reply:
    """The details of measure `m` (numbered `n`), with its 申办指引 (`kb`: the
    knowledge base it came from; the default rules when not given)."""
    from .followup import guide
    from .kb import default_kb
    kb = kb or default_kb()
    lines = [f"{n}. {m['title']}（{m['citation']}）", "", "为什么适用您：" + "；".join(m["why"])]
    if m.get("open"):
        lines.append("还需确认：" + "、".join(m["open_labels"]))
    if m.get("confirm"):
        lines.append("还需确认：" + "；".join(m["confirm"]))
    lines.append("")
    lines += offices.annotate_lead(guide(kb, m), m)
    if m.get("no_responsible_unit"):
        lines.append(texts.CRITERIA_NO_UNIT)
    else:
        lines.append(texts.CRITERIA.format(agency=m["criteria_by"]))
    return Reply("\n".join(lines), [Button(b, p) for b, p in texts.FOLLOWUP_BUTTONS]
                 + [Button(texts.AGENCIES_BUTTON, "/ask_agency"), Button(texts.RESTART_BUTTON, "/start_over")])


def agencies(items: list[dict], start: int, only: int | None = None) -> Reply:
    chosen = [(only, items[only - 1])] if only else list(enumerate(items[start:start + PAGE_SIZE], start + 1))
    lines = ["各项措施的负责部门："]
    for n, m in chosen:
        if m.get("no_responsible_unit"):
            line = f"{n}. {m['title']}：{lead_text(m)}"
        else:
            line = f"{n}. {m['title']}：牵头 {lead_text(m)}"
        if m["agencies"]["support"]:
            line += f"；配合 {'、'.join(m['agencies']['support'])}"
        lines.append(line)
    whom = texts.ASK_LOCAL_OFFICE if all(m.get("no_responsible_unit") for _, m in chosen) else "牵头部门"
    lines.append(f"文件没有写明具体的办理窗口和电话，请向{whom}咨询。")
    return Reply("\n".join(lines))
