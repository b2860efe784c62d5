"""Print README's coverage table: measures per group and document, computed
from rules/ (a measure with several groups counts for each; "(+N)" = measures
shown as `possible` to that group by the neighbouring-group rule).

    .venv/bin/python scripts/kb_coverage.py
"""
from __future__ import annotations

import sys
from pathlib import Path


from bot.kb import default_kb  # noqa: E402

SHORT = {"jilin-shuangchuang": "吉林双创", "tumen-2018": "图们", "jilin-tech-2022": "吉林科技",
         "urumqi-2019": "乌鲁木齐", "guangxi-2021": "广西"}


def table(kb) -> str:
    docs = list(kb.sources)
    lines = ["| group | " + " | ".join(SHORT.get(d, d) for d in docs) + " |",
             "|---|" + "---|" * len(docs)]
    for value, fv in kb.facts["groups"].values.items():
        cells = []
        for d in docs:
            own = sum(1 for m in kb.measures_of(d) if value in m.conditions.get("groups", ()))
            near = sum(1 for m in kb.measures_of(d) if value in m.neighbour_groups)
            cells.append((str(own) if own else "–") + (f" (+{near})" if near else ""))
        lines.append(f"| {value} {fv.short_label()} | " + " | ".join(cells) + " |")
    women = [sum(1 for m in kb.measures_of(d) if m.conditions.get("gender") == "female") for d in docs]
    lines.append("| women (gender: female) | " + " | ".join(str(n) if n else "–" for n in women) + " |")
    return "\n".join(lines)


def main() -> None:
    kb = default_kb()
    print(table(kb))
    print()
    print(f"{len(kb.measures)} measures: " + ", ".join(f"{d} {len(kb.measures_of(d))}" for d in kb.sources))
    print(f"general {sum(1 for m in kb.measures if not m.conditions)}, "
          f"tech_business only {sum(1 for m in kb.measures if m.conditions.get('tech_business') is True)}")


if __name__ == "__main__":
    main()
