"""Where consultation summaries (bot/summary.py) are kept and how their link reads.

The action server makes a summary; the Rasa server serves it (GET /summary/<id>,
runtime/channels/summary.py) and the Telegram channel sends it as a document.
They share a store, chosen by environment:

- SUMMARY_STORE_URL, a SQLAlchemy URL (the tracker store's PostgreSQL in
  Kubernetes, where the action and Rasa pods share no disk): one small table,
  consultation_summaries, created on first use;
- else the directory SUMMARY_DIR (default .summaries/ in the project; the
  replicas of runtime/cluster.py run on one machine and compose mounts one
  volume into both services).

A summary is written once: the same id (same profile, same rules version)
keeps its first rendering, so a link always shows what the person was given.
"""
from __future__ import annotations

import json
import logging
import os
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID_ID = re.compile(r"^[0-9a-f]{16}$")
TABLE = "consultation_summaries"
logger = logging.getLogger(__name__)


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

    from bot.tracker_events import engine_for

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
            pass   # written before (or by another replica this instant): the first rendering stays
        return where()
    return str(_save_file(record))


def load(summary_id: str) -> dict | None:
    if not VALID_ID.match(summary_id or ""):
        return None
    url = os.environ.get("SUMMARY_STORE_URL")
    if url:
        import sqlalchemy as sa

        try:
            engine, table = _table(url)
            with engine.connect() as db:
                text = db.execute(sa.select(table.c.record).where(table.c.id == summary_id)).scalar()
            return json.loads(text) if text else None
        except (sa.exc.SQLAlchemyError, ValueError):
            logger.exception("summary %s could not be read from %s", summary_id, where())
            return None
    return _load_file(summary_id)


def _save_file(record: dict) -> Path:
    path = directory() / f"{record['id']}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)   # readers never see half a file
    return path


def _load_file(summary_id: str) -> dict | None:
    path = directory() / f"{summary_id}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
