"""Where consultation summaries (bot/summary.py) are kept and how their link reads.

The action server makes a summary; the Rasa server serves it (GET /summary/<id>,
runtime/channels/summary.py) and the Telegram channel sends it as a document.
They share one directory, SUMMARY_DIR (default .summaries/ in the project; the
replicas of runtime/cluster.py run on one machine and share it). A summary is
written once: the same id (same profile, same rules version) keeps its first
rendering, so a link always shows what the person was given.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID_ID = re.compile(r"^[0-9a-f]{16}$")


def directory() -> Path:
    return Path(os.environ.get("SUMMARY_DIR") or ROOT / ".summaries")


def url(summary_id: str) -> str:
    """The link a person gets: SUMMARY_BASE_URL (the bot's public address) + /summary/<id>."""
    base = os.environ.get("SUMMARY_BASE_URL", "").rstrip("/")
    return f"{base}/summary/{summary_id}"


def save(record: dict) -> Path:
    path = directory() / f"{record['id']}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)   # readers never see half a file
    return path


def load(summary_id: str) -> dict | None:
    if not VALID_ID.match(summary_id or ""):
        return None
    path = directory() / f"{summary_id}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
