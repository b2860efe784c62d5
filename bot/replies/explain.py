"""Human-readable rendering of match results (the CLI's --explain)."""
from __future__ import annotations

from .. import texts


def explain_measure(m: dict, index: int | None = None) -> list[str]:
    head = f"{index}. " if index is not None else ""
    lines = [f"{head}{m['title']} —— {m['citation']}"]
    lines.append(f"   {m['summary']}")
    if m.get("no_responsible_unit"):
        lines.append("   " + texts.GUIDE_RESPONSIBLE + texts.NO_UNIT.format(publisher=m["publisher"]))
    else:
        lead = "、".join(m["agencies"]["lead"])
        if m.get("lead_reason"):
            lead += texts.LEAD_REASON.format(reason=m["lead_reason"])
        lines.append("   " + texts.GUIDE_LEAD + lead)
    if m["agencies"]["support"]:
        lines.append("   " + texts.GUIDE_SUPPORT + "、".join(m["agencies"]["support"]))
    lines.append("   " + texts.ORIGINAL.format(quote=m["quote"]))
    lines.append("   " + texts.EXPLAIN_WHY.format(why="；".join(m["why"])))
    if m.get("open"):
        lines.append("   " + texts.EXPLAIN_OPEN.format(what="、".join(m["open_labels"])))
    if m.get("confirm"):
        lines.append("   " + texts.EXPLAIN_OPEN.format(what="；".join(m["confirm"])))
    if m.get("no_responsible_unit"):
        lines.append(f"   {texts.CRITERIA_NO_UNIT}")
    else:
        lines.append("   " + texts.CRITERIA_BY.format(whom=m["criteria_by"]))
    if m.get("expiry_note"):
        lines.append(f"   ⚠ {m['expiry_note']}")
    return lines


def explain(result: dict) -> str:
    region = result["region"]
    lines = []
    if region["input"]:
        where = " → ".join(reversed(region["resolved"])) if region["resolved"] else texts.EXPLAIN_UNRESOLVED
        lines.append(texts.EXPLAIN_REGION.format(region=region["input"], where=where))
    if result.get("message"):
        lines.append(result["message"])
    lines.append("\n" + texts.EXPLAIN_ELIGIBLE.format(n=len(result["eligible"])))
    for i, m in enumerate(result["eligible"], 1):
        lines.extend(explain_measure(m, i))
    if result["possible"]:
        lines.append("\n" + texts.EXPLAIN_POSSIBLE.format(n=len(result["possible"])))
        for i, m in enumerate(result["possible"], 1):
            lines.extend(explain_measure(m, i))
    q = result.get("next_question")
    if q:
        lines.append("\n" + texts.EXPLAIN_NEXT.format(question=q["text"]))
    return "\n".join(lines)
