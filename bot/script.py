"""Traditional/Simplified Chinese conversion (OpenCC, pure-Python build)."""
from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC

_T2S = OpenCC("t2s")
_S2T = OpenCC("s2tw")  # Taiwan standard forms (為, not 爲)


# Kept as written: 乾 is Simplified too in names (乾安县, 乾隆), and 干安 names no place;
# Cantonese 嗰 and 喎 are written so in both scripts (OpenCC turns them into rare forms,
# which would also take a Simplified writer for a Traditional one)
_KEPT = "乾嗰喎"
_HELD = "\ue000\ue001\ue002"
_HOLD = str.maketrans(_KEPT, _HELD)
_RELEASE = str.maketrans(_HELD, _KEPT)


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    return _T2S.convert(text.translate(_HOLD)).translate(_RELEASE)


def to_traditional(text: str) -> str:
    return _S2T.convert(text)


def read_script(text: str) -> tuple[str, str]:
    """One conversion per message: (the text in Simplified, how it was written).
    The script is "traditional", "simplified", or "either" for text that reads
    the same in both (更多, 是), which says nothing about the writer's script."""
    simplified = to_simplified(text)
    if simplified != text:
        return simplified, "traditional"
    return simplified, ("simplified" if to_traditional(text) != text else "either")


def is_traditional(text: str) -> bool:
    """True when the text holds characters that only the Traditional script uses."""
    return to_simplified(text) != text
