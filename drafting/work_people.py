"""People named by the work they did rather than by a group word (科技成果完成人, 对完成、转化职务科技成果做出
重要贡献的人员): the group whose work that is. Read only where the beneficiary names no group of its own."""
from __future__ import annotations

import re

# (the work, the group it is the work of): completing or transforming research results is researchers' work
WORK_GROUPS = (
    (re.compile(r"科技成果的?(?:主要)?完成人|(?:完成|转化)[^，,。；;]{0,12}?科技成果[^，,。；;]{0,20}?(?:人员|完成人)"),
     "researcher"),
)


def group_of_work(phrase: str, groups) -> tuple[str, str] | None:
    """(group, the words) when the phrase names people by work that is one group's, else None."""
    for pattern, value in WORK_GROUPS:
        m = pattern.search(phrase or "")
        if m and value in groups:
            return value, m.group(0)
    return None
