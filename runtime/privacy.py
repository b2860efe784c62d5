"""Personal data masked out of a message before Rasa stores or logs it.

People paste their 身份证号, mobile number or e-mail address into a chat
("我叫…，电话138 1234 5678"); the bot never needs them, so they are replaced by a
label before the message reaches NLU, the tracker store or any log line.

    label       what is masked (docs/security.md has the table with examples)
    [邮箱]      e-mail addresses (ASCII local part, ＠ or @)
    [身份证号]  18-digit (last digit or X) and 15-digit resident ID numbers whose
                birth date is a date; spaces or dashes anywhere
    [银行卡号]  16-19 digit card numbers starting 3-6 that pass the Luhn check
    [手机号]    mainland mobile numbers 1[3-9]x (+86 / 0086 optional), with any
                separators, in full-width digits or in Chinese numerals (一三八…, 幺, 〇/零)
    [电话]      landlines with their area code (010/02x + 8 digits, 0xxx + 7-8)
    [护照号]    Chinese passports: E/G/D/S/P + 8 digits, E + letter + 7 digits

Amounts, dates, years, article numbers (第十二条) and document numbers
(国发〔2018〕32号) are never masked: a number is masked only when its digits,
taken whole, have one of the shapes above.

Linear time. Every pattern has bounded quantifiers only: a run of digits (with
up to three separator characters between two digits) is read at most 64 digits
at a time, and Python splits it into identifiers (`_runs`). A 64 KB message of
letters, digits or separators is masked in milliseconds; the old e-mail pattern
backtracked quadratically. tests/runtime/test_privacy.py checks every pattern for
unbounded repeats, and runs the generated corpus of bench/pii_corpus.py.
"""
from __future__ import annotations

import re

LABELS = {"email": "[邮箱]", "id": "[身份证号]", "card": "[银行卡号]", "mobile": "[手机号]",
          "landline": "[电话]", "passport": "[护照号]"}

# Digits people type: ASCII, full-width, Chinese numerals as read out (幺 for 1).
_DIGITS = "0123456789０１２３４５６７８９〇零一二三四五六七八九幺"
_VALUE = dict(zip(_DIGITS, "0123456789" * 2 + "00123456789" + "1"))
# Between digit groups: spaces, dashes, dots, brackets, slashes.
_SEPARATORS = " \u00a0\u3000\t-－‐‑‒–.．·・()（）/"
_D = "[" + re.escape(_DIGITS) + "]"
_S = "[" + re.escape(_SEPARATORS) + "]"
_X = "[XxＸｘ]"
MAX_RUN_DIGITS = 64

# A run of digits: at most 64 digits, at most 3 separators between two of them,
# optionally a + or ( before (+86, (0771)) and an X at the end (the 身份证号's check digit).
RUN = re.compile(rf"[+＋(（]?{_D}(?:{_S}{{0,3}}{_D}){{0,{MAX_RUN_DIGITS - 1}}}{_X}?")
# Anchored at the start of a run of address characters, so a long run of
# letters is tried once, not from every position (the old pattern's quadratic time).
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}[@＠]"
                   r"[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])")
PASSPORT = re.compile(r"(?<![A-Za-z0-9０-９])(?:[EeGgDdSsPp]" + _S + r"?[0-9０-９]{8}"
                      r"|[Ee][A-HJ-NP-Za-hj-np-z]" + _S + r"?[0-9０-９]{7})(?![A-Za-z0-9０-９])")
PATTERNS = (RUN, EMAIL, PASSPORT)    # every pattern that sees user text here

_SHORTEST = 11   # digits of the shortest identifier (mobile, landline)
_LONGEST = 19    # and of the longest (a card; 0086 + a mobile is 15)
_GROUP = re.compile(rf"{_D}{{1,{MAX_RUN_DIGITS}}}{_X}?")   # the digit groups of one run


def mask(text: str | None) -> str | None:
    """`text` with personal identifiers replaced by labels (see the module docstring)."""
    if not text:
        return text
    if "@" in text or "＠" in text:
        text = EMAIL.sub(LABELS["email"], text)
    text = RUN.sub(_mask_run, text)
    return PASSPORT.sub(LABELS["passport"], text)


def mask_value(value, depth: int = 0):
    """Strings inside a JSON-like value (channel metadata) masked; structure kept."""
    if isinstance(value, str):
        return mask(value)
    if depth > 8:
        return None
    if isinstance(value, dict):
        return {mask(str(k)): mask_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_value(v, depth + 1) for v in value]
    return value


# ------------------------------------------------------------------ digit runs
def _mask_run(match: re.Match) -> str:
    run = match.group()
    if sum(c in _VALUE for c in run) < _SHORTEST:
        return run
    groups = [(m.start(), m.end(), _digits(m.group())) for m in _GROUP.finditer(run)]
    out, done, i = [], 0, 0
    while i < len(groups):
        found, candidates, digits = None, [], ""
        for j in range(i, len(groups)):              # groups i..j, at most 19 digits
            digits += groups[j][2]
            if len(digits) > _LONGEST:
                break
            if len(digits) >= _SHORTEST:
                candidates.append((j + 1, digits))
        for j, digits in reversed(candidates):       # the longest identifier starting at group i
            kind = classify(digits)
            if kind:
                found = (j, kind)
                break
        if found is None:
            i += 1
            continue
        j, kind = found
        start, end = groups[i][0], groups[j - 1][1]
        if kind != "id" and run[end - 1] in "XxＸｘ":
            end -= 1                                  # an X after a phone number is not part of it
        if start == 1 and (run[0] in "+＋" or run[0] in "(（" and (")" in run[:end] or "）" in run[:end])):
            start = 0                                 # +86 … and (0771) …: the sign goes with the number
        out.append(run[done:start] + LABELS[kind])
        done, i = end, j
    if not out:
        return run
    return "".join(out) + run[done:]


def _digits(group: str) -> str:
    return "".join(_VALUE.get(c, "X") for c in group)


def classify(digits: str) -> str | None:
    """Which identifier `digits` (ASCII digits, maybe a final X) is, or None."""
    if digits[-1] == "X":   # only a 身份证号 ends in X; else the X is a letter after the number
        if _resident_id(digits):
            return "id"
        return classify(digits[:-1]) if len(digits) > _SHORTEST else None
    if _resident_id(digits):
        return "id"
    if 16 <= len(digits) <= 19 and digits[0] in "3456" and _luhn(digits):
        return "card"
    national = _national(digits)
    if national is None:
        return None
    if len(national) == 11 and national[0] == "1" and national[1] in "3456789":
        return "mobile"
    if _landline(national):
        return "landline"
    return None


def _national(digits: str) -> str | None:
    """The number without a +86 / 0086 country code (a landline's area code gets its 0 back)."""
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 10:
            rest = digits[len(prefix):]
            if rest[0] == "0" or rest[0] == "1" and len(rest) == 11:
                return rest                      # a mobile, or a landline written with its 0
            return "0" + rest                    # +86 10 …, +86 771 …: the area code without its 0
    return digits


def _landline(d: str) -> bool:
    """0 + area code + a local number that does not start with 0 or 1."""
    if len(d) not in (11, 12) or d[0] != "0" or not d.isdigit():
        return False
    if d.startswith("010") or d[1] == "2":     # Beijing, 02x: 3-digit code, 8-digit number
        return len(d) == 11 and d[3] not in "01"
    return d[1] in "3456789" and d[4] not in "01"   # 0xxx: 7- or 8-digit number


def _resident_id(d: str) -> bool:
    if len(d) == 18:
        if not d[:17].isdigit() or d[0] == "0":
            return False
        year, month, day = int(d[6:10]), int(d[10:12]), int(d[12:14])
        return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31
    if len(d) == 15:
        if not d.isdigit() or d[0] == "0":
            return False
        month, day = int(d[8:10]), int(d[10:12])
        return 1 <= month <= 12 and 1 <= day <= 31
    return False


def _luhn(d: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0
