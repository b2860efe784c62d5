"""How a patch replaces one attribute of Rasa (or Sanic): once, marked, with the
original kept as `__wrapped__` (so a second install is a no-op and tests can
tell the patched attribute from Rasa's)."""
from __future__ import annotations

from typing import Any

MARK = "__runtime_patch__"


def replace(owner: Any, name: str, new: Any, patch: str) -> bool:
    """Set owner.<name> = new unless this patch is already there; True if it was set now."""
    current = getattr(owner, name)
    if getattr(current, MARK, None) == patch:
        return False
    setattr(new, MARK, patch)
    if not hasattr(new, "__wrapped__"):
        setattr(new, "__wrapped__", current)
    setattr(owner, name, new)
    return True


def patch_of(value: Any) -> str | None:
    """The name of the patch that installed `value`, or None for Rasa's own."""
    return getattr(value, MARK, None)
