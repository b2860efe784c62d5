"""The parts every query of the console shares: a Period of time, and conditions
on Rasa's `events` table (a user message, a slot set, its value) in SQLAlchemy Core."""
from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa

from .db import day_number, day_start, events, jtext

FALLBACK_INTENTS = ("nlu_fallback", "out_of_scope")
EMPTY_LIST = "[]"
E = events.c


@dataclass(frozen=True)
class Period:
    """[start, end) in seconds since the epoch."""
    start: float
    end: float

    @classmethod
    def days(cls, first_day: int, last_day: int) -> "Period":
        """Whole Beijing days, both included (day numbers as db.day_of counts them)."""
        return cls(day_start(first_day), day_start(last_day + 1))

    @classmethod
    def everything(cls) -> "Period":
        return cls(0.0, time.time() + 86400 * 3650)


def in_days(p: Period, column):
    """A day-number column within the period's Beijing days (the console's summary counts whole days)."""
    first, last = day_number(p.start), day_number(p.end - 1e-6)
    return sa.and_(column >= first, column <= last)


def in_period(p: Period):
    return sa.and_(E.timestamp >= p.start, E.timestamp < p.end)


def user_in(p: Period):
    return sa.and_(E.type_name == "user", in_period(p))


def slot_in(name: str, p: Period):
    return sa.and_(E.action_name == name, E.type_name == "slot", in_period(p))


def slot_value():
    return jtext(E.data, "value")


def nonempty(value):
    return sa.and_(value.isnot(None), value != EMPTY_LIST)


def dialect(conn) -> str:
    return conn.dialect.name


def flag(cond):
    return sa.func.max(sa.case((cond, 1), else_=0))
