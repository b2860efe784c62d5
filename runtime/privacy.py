"""Personal data masked out of a message before Rasa stores or logs it.

People paste their 身份证号, mobile number or e-mail address into a chat
("我叫…，电话13812345678"); the bot never needs them, so they are replaced by a
label before the message reaches NLU, the tracker store or any log line.
"""
from __future__ import annotations

import re

_D = "[0-9０-９]"          # ASCII and full-width digits
_SEP = "[ \\-－]?"          # "138 1234 5678", "138-1234-5678"

_PATTERNS = [
    # e-mail first: its local part may contain digits that look like a phone number
    ("[邮箱]", re.compile(r"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")),
    # 身份证号: 18 characters (17 digits + digit or X) or the old 15-digit form
    ("[身份证号]", re.compile(rf"(?<![0-9０-９])(?:{_D}{{17}}[0-9０-９XxＸｘ]|{_D}{{15}})(?![0-9０-９A-Za-z])")),
    # mainland mobile numbers, optionally with +86 and separators
    ("[手机号]", re.compile(rf"(?<![0-9０-９])(?:(?:\+|＋)?86{_SEP})?[1１][3-9３-９]{_D}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}(?![0-9０-９])")),
]


def mask(text: str | None) -> str | None:
    """`text` with 身份证号, mobile numbers and e-mail addresses replaced by labels."""
    if not text:
        return text
    for label, pattern in _PATTERNS:
        text = pattern.sub(label, text)
    return text
