"""The tracker store as the console reads it: Rasa's `events` table
(runtime/tracker_events.py), JSON fields of its `data` column read in SQL on both
SQLite and PostgreSQL, the console's own small table, and the indexes (the
summary's tables: summary_tables.py)."""
from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal

from runtime import tracker_events
from runtime.tracker_events import events

__all__ = ["events", "engine_for", "reviewed", "jtext", "jnum", "elements", "day_of", "migrate", "INDEXES"]

# The staff console's own table in the same database: the texts (masked, in
# staff/queries.text_key form) of misunderstood messages a staff member
# marked reviewed. Retention deletes marks as old as the conversations it deletes.
reviewed = sa.Table(
    "staff_reviewed", tracker_events.metadata,
    sa.Column("text_key", sa.String(512), primary_key=True),
    sa.Column("reviewed_at", sa.Float, nullable=False),
)


# Each index serves a page: user messages and slot values in a date range, the
# misunderstood messages by intent, and one conversation's events in order.
# PostgreSQL builds them CONCURRENTLY: the bot keeps writing while they are built.
_ONLINE = dict(postgresql_concurrently=True)
INDEXES = [
    sa.Index("staff_events_type_ts", events.c.type_name, events.c.timestamp, **_ONLINE),
    sa.Index("staff_events_slot_ts", events.c.action_name, events.c.timestamp, **_ONLINE),
    sa.Index("staff_events_intent_ts", events.c.intent_name, events.c.timestamp, **_ONLINE),
    sa.Index("staff_events_sender_id", events.c.sender_id, events.c.id, **_ONLINE),
]


def migrate(engine) -> list[str]:
    """Create the console's tables and the indexes it needs, and bring its
    summary up to date (idempotent); names of the created indexes. The events
    table itself is Rasa's: it is never created or altered here."""
    if not sa.inspect(engine).has_table("events"):
        return []   # nothing stored yet: Rasa creates the table with its first conversation
    existing = {ix["name"] for ix in sa.inspect(engine).get_indexes("events")}
    created = []
    reviewed.create(engine, checkfirst=True)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for index in INDEXES:
            if index.name not in existing:
                index.create(conn)
                created.append(index.name)
        conn.execute(sa.text("ANALYZE events" if engine.dialect.name == "postgresql" else "ANALYZE"))
    from . import summary
    from .summary_tables import SUMMARY_COUNTS, SUMMARY_TABLES

    with engine.connect() as conn:
        summary.refresh(conn)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in (*SUMMARY_TABLES, *SUMMARY_COUNTS):   # fresh statistics (and, on PostgreSQL, index-only scans)
            conn.execute(sa.text(f"VACUUM ANALYZE {table.name}" if engine.dialect.name == "postgresql"
                                 else f"ANALYZE {table.name}"))
    return created


# PostgreSQL settings for the console's own sessions (the bot's are untouched):
# its queries are a few large aggregations, for which JIT compilation costs
# more than it saves, and sorts and hashes of a month of events fit in memory.
PG_SESSION = ("SET jit = off", "SET work_mem = '64MB'")


def engine_for(url: str):
    engine = tracker_events.engine_for(url)
    if engine.dialect.name == "sqlite":
        def lenient(dbapi_connection, record):
            # SQLite's JSON functions turn a lone surrogate escape into bytes that are
            # not UTF-8; Python's sqlite3 would raise on the whole page
            dbapi_connection.text_factory = lambda b: b.decode("utf-8", "replace")
        sa.event.listen(engine, "connect", lenient)
    if engine.dialect.name == "postgresql":
        def session(dbapi_connection, record):
            cursor = dbapi_connection.cursor()
            for statement in PG_SESSION:
                cursor.execute(statement)
            cursor.close()
            dbapi_connection.commit()   # a SET inside a transaction that is rolled back is undone
        sa.event.listen(engine, "connect", session)
    return engine


# ----------------------------------------------------------- JSON in SQL
class _AtJsonPath(FunctionElement):
    """A SQL expression for a path inside a JSON column. The path is part of
    SQLAlchemy's statement cache key: without it, two statements differing only
    in the path compiled to the first one's SQL (…"rating" read for …"missing")."""
    inherit_cache = True
    _traverse_internals = FunctionElement._traverse_internals + [("path", InternalTraversal.dp_plain_obj)]

    def __init__(self, column, *path: str):
        self.path = path
        super().__init__(column)


class _JsonPath(_AtJsonPath):
    """The text at a path inside the JSON `data` column ("value", "rating")."""
    type = sa.Text()
    name = "json_path"
    inherit_cache = True


def _sqlite_json(column: str) -> str:
    """SQLite's json_extract ends a text at \u0000 ("我在\u0000柳州" read as "我在"): such rows
    are read with U+FFFD instead (SQLite literals have no escapes: this is the six characters)."""
    return f"CASE WHEN instr({column}, '\\u0000') > 0 THEN replace({column}, '\\u0000', '\\ufffd') ELSE {column} END"


@compiles(_JsonPath, "sqlite")
def _sqlite_path(element, compiler, **kw):
    path = "$" + "".join(f'."{p}"' for p in element.path)
    return f"json_extract({_sqlite_json(compiler.process(element.clauses, **kw))}, '{path}')"


# PostgreSQL's json type stores any escape, but reading a text out of it fails for
# \u0000 and for a lone surrogate escape (\ud800 without its pair), and with it the
# whole page. Rasa writes such messages as they came (the message guard removes
# those characters now, older rows stay until retention). A row that holds either
# is read with them replaced by U+FFFD; the others (strpos finds neither: Rasa's
# json.dumps writes lowercase escapes) as they are.
_LONE_HIGH = r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
_LONE_LOW = r"(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"


def _pg_json(column: str) -> str:
    cleaned = (f"regexp_replace(regexp_replace(replace({column}, '\\u0000', '\\ufffd'), "
               f"'{_LONE_HIGH}', '\\ufffd', 'g'), '{_LONE_LOW}', '\\ufffd', 'g')")
    suspect = f"strpos({column}, '\\u0000') > 0 OR strpos({column}, '\\ud') > 0"
    return f"CAST(CASE WHEN {suspect} THEN {cleaned} ELSE {column} END AS JSON)"


@compiles(_JsonPath, "postgresql")
def _pg_path(element, compiler, **kw):
    path = "{" + ",".join(element.path) + "}"
    return f"({_pg_json(compiler.process(element.clauses, **kw))} #>> '{path}')"


def jtext(column, *path: str):
    return _JsonPath(column, *path)


def jnum(column, *path: str):
    return sa.cast(_JsonPath(column, *path), sa.Float)


class _JsonArray(_AtJsonPath):
    """The JSON array at a path (an empty array when it is not one)."""
    name = "json_array"
    inherit_cache = True


@compiles(_JsonArray, "postgresql")
def _pg_array(element, compiler, **kw):
    path = "{" + ",".join(element.path) + "}"
    j = f"({_pg_json(compiler.process(element.clauses, **kw))} #> '{path}')"
    return f"CASE WHEN json_typeof({j}) = 'array' THEN {j} ELSE CAST('[]' AS JSON) END"


def elements(dialect: str, column, *path: str):
    """A table-valued function listing the elements of a JSON list in `data`
    (the `shown`, `groups` … slots) with one column `value`; join it to
    `events` ON `condition`. SQLite's json_each and PostgreSQL's
    json_array_elements_text both see the row they are joined to.
    Returns (function, its value column, condition)."""
    if dialect == "sqlite":
        p = "$" + "".join(f'."{x}"' for x in path)
        fn = sa.func.json_each(column, p).table_valued("value")
        return fn, fn.c.value, sa.func.json_type(column, p) == "array"
    fn = sa.func.json_array_elements_text(_JsonArray(column, *path)).table_valued("value").render_derived()
    return fn, fn.c.value, sa.true()


# ----------------------------------------------------------- days
TZ_OFFSET = 8 * 3600   # the bot's people are in China (UTC+8): a day is a Beijing day


class _DayNumber(FunctionElement):
    """Days since 1970-01-01 (Beijing time) of a timestamp column."""
    type = sa.Integer()
    name = "day_number"
    inherit_cache = True


@compiles(_DayNumber, "sqlite")
def _sqlite_day(element, compiler, **kw):
    return f"CAST(({compiler.process(element.clauses, **kw)} + {TZ_OFFSET}) / 86400 AS INTEGER)"


@compiles(_DayNumber, "postgresql")
def _pg_day(element, compiler, **kw):
    return f"CAST(FLOOR(({compiler.process(element.clauses, **kw)} + {TZ_OFFSET}) / 86400) AS INTEGER)"


def day_of(column):
    return _DayNumber(column)


def day_label(day: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(day * 86400))


def day_start(day: int) -> float:
    return day * 86400 - TZ_OFFSET


def day_number(ts: float) -> int:
    """The Beijing day of a timestamp, as day_of counts it in SQL."""
    return int((ts + TZ_OFFSET) // 86400)
