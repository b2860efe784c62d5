"""Where consultation summaries (bot/replies/consultation.py) are kept and how their link reads.

The action server makes a summary; the Rasa server serves it (GET /summary/<id>,
runtime/channels/summary_page.py) and the Telegram channel sends it as a document.
They share a store, chosen by environment:

- SUMMARY_STORE_URL, a SQLAlchemy URL (the tracker store's PostgreSQL in
  Kubernetes, where the action and Rasa pods share no disk): one small table,
  consultation_summaries, created on first use;
- else the directory SUMMARY_DIR (default .summaries/ in the project; the
  replicas of localrun/cluster.py run on one machine and compose mounts one
  volume into both services).

A summary is written once: the same id (same profile, same rules version)
keeps its first rendering, so a link always shows what the person was given.

Summaries expire with the conversations (RETENTION_DAYS, 90 days when unset):
one that nobody was given for that long answers 404 and is deleted (on reading
it, and from the whole store at most once an hour when a summary is saved).
Its ids are keyed hashes (bot/replies/consultation.py, the server's secret).
"""
from __future__ import annotations

import json
import logging
import os
import re
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID_ID = re.compile(r"^[0-9a-f]{16}$")
TABLE = "consultation_summaries"
DEFAULT_DAYS = 90
PURGE_EVERY = 3600      # seconds between two purges of the store by one process
logger = logging.getLogger(__name__)
_purged = {"at": 0.0}


def lifetime() -> float:
    """Seconds a summary lives after it was last given to someone (RETENTION_DAYS)."""
    try:
        days = float(os.environ.get("RETENTION_DAYS") or DEFAULT_DAYS)
    except ValueError:
        days = DEFAULT_DAYS
    return (days if days > 0 else DEFAULT_DAYS) * 86400


def directory() -> Path:
    return Path(os.environ.get("SUMMARY_DIR") or ROOT / ".summaries")


def url(summary_id: str) -> str:
    """The link a person gets: SUMMARY_BASE_URL (the bot's public address) + /summary/<id>."""
    base = os.environ.get("SUMMARY_BASE_URL", "").rstrip("/")
    return f"{base}/summary/{summary_id}"


def where() -> str:
    """For log lines: the table's database or the directory (no password)."""
    url = os.environ.get("SUMMARY_STORE_URL")
    if url:
        from sqlalchemy.engine import make_url

        return f"table {TABLE} in {make_url(url).render_as_string(hide_password=True)}"
    return str(directory())


@lru_cache(maxsize=4)
def _table(url: str):
    import sqlalchemy as sa

    from runtime.tracker_events import engine_for

    engine = engine_for(url)
    table = sa.Table(TABLE, sa.MetaData(),
                     sa.Column("id", sa.String(16), primary_key=True),
                     sa.Column("record", sa.Text, nullable=False),
                     sa.Column("created_at", sa.DateTime, server_default=sa.func.now()))
    table.create(engine, checkfirst=True)
    return engine, table


def save(record: dict) -> str:
    """Keeps the record unless one with its id exists; returns where it is."""
    url = os.environ.get("SUMMARY_STORE_URL")
    if url:
        import sqlalchemy as sa

        engine, table = _table(url)
        try:
            with engine.begin() as db:
                db.execute(table.insert().values(id=record["id"],
                                                 record=json.dumps(record, ensure_ascii=False)))
        except sa.exc.IntegrityError:
            # written before (or by another replica this instant): the first rendering
            # stays, and its lifetime starts again (created_at: when it was last given)
            with engine.begin() as db:
                db.execute(table.update().where(table.c.id == record["id"]).values(created_at=sa.func.now()))
        _purge_now_and_then()
        return where()
    path = _save_file(record)
    _purge_now_and_then()
    return str(path)


def load(summary_id: str) -> dict | None:
    if not VALID_ID.match(summary_id or ""):
        return None
    url = os.environ.get("SUMMARY_STORE_URL")
    if url:
        import sqlalchemy as sa

        try:
            engine, table = _table(url)
            with engine.connect() as db:
                row = db.execute(sa.select(table.c.record, table.c.created_at).where(table.c.id == summary_id)).first()
                expired = row is not None and row[1] is not None and row[1] < _cutoff(db)
            if row is None:
                return None
            if expired:
                expire()
                return None
            return json.loads(row[0])
        except (sa.exc.SQLAlchemyError, ValueError):
            logger.exception("summary %s could not be read from %s", summary_id, where())
            return None
    return _load_file(summary_id)


def expire(now: float | None = None) -> int:
    """Delete every summary not given to anyone for lifetime() seconds; how many."""
    now = time.time() if now is None else now
    url = os.environ.get("SUMMARY_STORE_URL")
    if url:
        engine, table = _table(url)
        with engine.begin() as db:
            return db.execute(table.delete().where(table.c.created_at < _cutoff(db))).rowcount
    done = 0
    for path in directory().glob("*.json"):
        try:
            if now - path.stat().st_mtime > lifetime():
                path.unlink()
                done += 1
        except OSError:
            pass
    return done


def _purge_now_and_then() -> None:
    if time.monotonic() - _purged["at"] < PURGE_EVERY and _purged["at"]:
        return
    _purged["at"] = time.monotonic()
    try:
        gone = expire()
    except Exception as exc:  # noqa: BLE001 - a failed purge must not lose the summary just saved
        logger.warning("expired summaries not deleted from %s: %s", where(), exc)
        return
    if gone:
        logger.info("%d expired summaries deleted from %s", gone, where())


def _cutoff(db):
    """The database's time, lifetime() ago, as created_at holds it (the database's clock and zone)."""
    import datetime as dt

    import sqlalchemy as sa

    # created_at's default: now() in the session's zone on PostgreSQL, CURRENT_TIMESTAMP (UTC) on SQLite
    clock = sa.func.localtimestamp() if db.dialect.name == "postgresql" else sa.func.current_timestamp()
    now = db.execute(sa.select(clock)).scalar()
    if isinstance(now, str):
        now = dt.datetime.fromisoformat(now)
    return now - dt.timedelta(seconds=lifetime())


def _save_file(record: dict) -> Path:
    path = directory() / f"{record['id']}.json"
    if path.exists():
        os.utime(path)      # its lifetime starts again; the first rendering stays
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)   # readers never see half a file
    return path


def _load_file(summary_id: str) -> dict | None:
    path = directory() / f"{summary_id}.json"
    try:
        if time.time() - path.stat().st_mtime > lifetime():
            path.unlink()
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
