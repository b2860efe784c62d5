"""Human-readable rendering of match results (the CLI's --explain)."""
from __future__ import annotations

from .. import texts


def explain_measure(m: dict, index: int | None = None) -> list[str]:
    head = f"{index}. " if index is not None else ""
    lines = [f"{head}{m['title']} —— {m['citation']}"]
    lines.append(f"   {m['summary']}")
    if m.get("no_responsible_unit"):
        lines.append("   责任部门：" + texts.NO_UNIT.format(publisher=m["publisher"]))
    else:
        lead = "、".join(m["agencies"]["lead"])
        if m.get("lead_reason"):
            lead += texts.LEAD_REASON.format(reason=m["lead_reason"])
        lines.append(f"   牵头部门：{lead}")
    if m["agencies"]["support"]:
        lines.append(f"   配合部门：{'、'.join(m['agencies']['support'])}")
    lines.append(f"   原文：“{m['quote']}”")
    lines.append(f"   适用理由：{'；'.join(m['why'])}")
    if m.get("open"):
        lines.append(f"   待确认：{'、'.join(m['open_labels'])}")
    if m.get("confirm"):
        lines.append(f"   待确认：{'；'.join(m['confirm'])}")
    if m.get("no_responsible_unit"):
        lines.append(f"   {texts.CRITERIA_NO_UNIT}")
    else:
        lines.append(f"   “符合条件”的具体标准以{m['criteria_by']}的解释为准。")
    if m.get("expiry_note"):
        lines.append(f"   ⚠ {m['expiry_note']}")
    return lines


def explain(result: dict) -> str:
    region = result["region"]
    lines = []
    if region["input"]:
        where = " → ".join(reversed(region["resolved"])) if region["resolved"] else "（未识别）"
        lines.append(f"地区：{region['input']}（{where}）")
    if result.get("message"):
        lines.append(result["message"])
    lines.append(f"\n符合条件的措施（{len(result['eligible'])}项）：")
    for i, m in enumerate(result["eligible"], 1):
        lines.extend(explain_measure(m, i))
    if result["possible"]:
        lines.append(f"\n可能适用、还需确认的措施（{len(result['possible'])}项）：")
        for i, m in enumerate(result["possible"], 1):
            lines.extend(explain_measure(m, i))
    q = result.get("next_question")
    if q:
        lines.append(f"\n下一个问题：{q['text']}")
    return "\n".join(lines)
