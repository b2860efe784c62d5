"""A draft measure's fields as a reviewer edits them (Session.edit): each value,
from the console's form or a terminal line, set in the rules format; an emptied
field is removed rather than kept blank, so the measure validates like a hand-made one."""
from __future__ import annotations

YES = (True, "true", "yes", "1", "是", "on")
TEXT_FIELDS = ("title", "summary", "lead_reason", "strict_groups", "note", "category")


class ReviewError(ValueError):
    """A request the draft cannot take (unknown measure, a span outside the text …); the message says why."""


def list_of(value) -> list[str]:
    """A list as given, or a text of items separated by commas (，、 too)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).replace("，", ",").replace("、", ",").split(",") if v.strip()]


def set_field(m: dict, conditions: dict, key: str, value, functions) -> None:
    """Set one field of m, its conditions in `conditions`; `functions` are rules/functions.yml's.
    The id and the quote are not here: they depend on the rest of the draft and the text."""
    if key in TEXT_FIELDS:
        _set_or_drop(m, key, str(value or "").strip())
    elif key == "groups":
        conditions["groups"] = list_of(value)
    elif key == "gender":
        conditions["gender"] = value or None
    elif key == "tech":
        conditions["tech_business"] = True if value in YES else None
    elif key == "audience":
        items = list_of(value)
        m["audience"] = items[0] if len(items) == 1 else items
    elif key in ("lead", "support"):
        _set_agencies(m, key, list_of(value))
    elif key == "functions":
        chosen = list(dict.fromkeys(list_of(value)))
        _known_functions(chosen, functions)
        _set_or_drop(m, "functions", chosen)
    elif key == "lead_function":
        value = str(value or "").strip()
        _known_functions([value] if value else [], functions)
        _set_or_drop(m, "lead_function", value)
    elif key == "all_groups":
        _set_or_drop(m, "all_groups", True if value in YES else None)
    else:
        raise ReviewError(f"没有这个字段：{key}")


def _set_or_drop(m: dict, key: str, value) -> None:
    if value:
        m[key] = value
    else:
        m.pop(key, None)


def _known_functions(chosen: list, functions) -> None:
    unknown = [f for f in chosen if f not in functions]
    if unknown:
        raise ReviewError(f"没有这个职能：{unknown[0]}（rules/functions.yml）")


def _set_agencies(m: dict, key: str, ids: list) -> None:
    """Lead or support; an empty support is dropped, and agencies with neither."""
    agencies = dict(m.get("agencies") or {})
    agencies[key] = ids
    if not agencies.get("support"):
        agencies.pop("support", None)
    if agencies.get("lead") or agencies.get("support"):
        m["agencies"] = agencies
    else:
        m.pop("agencies", None)
