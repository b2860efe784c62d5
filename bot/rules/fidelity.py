"""Fidelity of a measure's own words to its quote: a title or summary must not
promise more than the text (tests/bot/rules/test_kb_fidelity.py checks every measure;
the review of a new document checks each measure before accepting it).

A title or summary that promises (STRONG) where the quote only hedges (HEDGES)
must carry the same hedge. Word lists, not a parser."""
from __future__ import annotations

from ..script import to_simplified

HEDGES = ("探索", "鼓励", "努力", "逐步", "适时", "循序渐进", "争取", "推动")
STRONG = ("可获得", "获得", "享受", "实现", "一站式", "零成本", "纳入", "确保")
# Hedges about timing must survive in the summary whatever it says
# (tm-12: "適時循序漸進地推行創新券製度" read as a scheme running now).
TIME_HEDGES = ("适时", "逐步", "循序渐进")
# Accepted exceptions: (measure id, field, strong word) with the reason.
ACCEPTED = {
    # "支持和鼓励更多港澳青年…来乌创业,纳入市级创业政策扶持范围": 鼓励 governs 来乌创业;
    # 纳入扶持范围 is stated outright.
    ("wl-13-hk-macao-taiwan-startup", "title", "纳入"),
    ("wl-13-overseas-chinese-startup", "title", "纳入"),
}


def hedge_offences(kb):
    """Offences of the knowledge base's measures (anything with `.measures`)."""
    return measure_offences(kb.measures)


def measure_offences(measures) -> list[str]:
    """`<id> <field>: …` for each title or summary that drops its quote's hedge."""
    found = []
    for m in measures:
        quote = to_simplified(m.quote)
        hedges = [h for h in HEDGES if h in quote]
        for field in ("title", "summary"):
            text = getattr(m, field)
            for word in STRONG:
                missing = [h for h in hedges if h not in text]
                if word in text and missing and (m.id, field, word) not in ACCEPTED:
                    found.append(f"{m.id} {field}: “{word}” but the quote says {missing}: {text}")
        for h in TIME_HEDGES:
            if h in quote and h not in m.summary:
                found.append(f"{m.id} summary drops “{h}”: {m.summary}")
    return found
