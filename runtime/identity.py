"""Whose conversation a message belongs to: conversation ids bound to a channel.

A conversation id is `<channel prefix>:<id the channel vouches for>`:

    telegram:<chat id>            telegram:<chat id>:<user id> in a group (Telegram vouches)
    web:<session>                 a session the server issued and signed (the widget's socket)
    rest:<sender>                 a trusted caller's own id (the REST channel needs a token)
    shell:<id>                    `rasa shell` on loopback (make run)

Every message passes `bind` in the message guard, so no channel can address
another channel's conversations, whatever sender id a client sends; a message
without a sender gets a new conversation of its own. A sender that is not a
short plain token (or that holds a phone number, an e-mail address, …) is
stored as a keyed hash, never raw.

The web widget's session is `<nonce>.<signature>`: the server draws the nonce,
signs it with SERVER_SECRET (runtime/secret.py) and binds the socket to
`web:<nonce>`; the conversation id shown to staff never holds the signature, so
it cannot be used to take the conversation over.

Stores written before conversation ids had a channel are migrated once
(`migrate`, run by the tracker store at start and by
`python -m runtime.identity migrate`): each conversation gets the prefix of the
channel its first message came through, so a Telegram chat keeps its profile.
"""
from __future__ import annotations

import argparse
import hmac
import json
import logging
import re
import secrets as _random
import sys
import time
import uuid
from dataclasses import dataclass, field

from . import privacy, secret

logger = logging.getLogger(__name__)

# Rasa's channel name -> the prefix of the conversations it creates
PREFIXES = {"telegram": "telegram", "socketio": "web", "rest": "rest", "cmdline": "shell"}
NO_CHANNEL = "local"          # UserMessage without an input channel (tests, scripts)
# What a prefixed id may look like after the prefix, for channels that make their own ids
FORMATS = {
    "telegram": re.compile(r"-?[0-9]{1,20}(?::-?[0-9]{1,20})?"),
    "web": re.compile(r"[A-Za-z0-9_-]{16,64}"),
}
PLAIN = re.compile(r"[A-Za-z0-9_.:@+\-]{1,64}")   # a sender kept as it is (if it holds no identifier)
HASHED = "h-"
# Channels whose ids only their own output channel class may claim (`vouches_for`):
# Rasa's REST-based channels (the shell's cmdline) take `input_channel` from the
# request body, so a message that says "telegram" has to prove it.
UNVERIFIED = "unverified"


def prefix_of(channel: str | None) -> str:
    if not channel:
        return NO_CHANNEL
    return PREFIXES.get(channel, re.sub(r"[^a-z0-9_]", "", channel.lower())[:32] or NO_CHANNEL)


def verified(channel: str | None, output_channel) -> str | None:
    """The message's channel, or UNVERIFIED when it claims a channel whose ids only
    that channel's output may carry (runtime/channels: `vouches_for`)."""
    if PREFIXES.get(channel) in FORMATS and getattr(output_channel, "vouches_for", None) != channel:
        return UNVERIFIED
    return channel


def bind(channel: str | None, sender) -> str:
    """The conversation id of `sender` on `channel` (see the module docstring)."""
    prefix = prefix_of(channel)
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip():
        return f"{prefix}:{uuid.uuid4().hex}"
    own = sender[len(prefix) + 1:] if sender.startswith(prefix + ":") else sender
    fmt = FORMATS.get(prefix)
    if fmt is not None:
        ok = fmt.fullmatch(own) is not None
    else:
        ok = PLAIN.fullmatch(own) is not None and privacy.mask(own) == own
    return f"{prefix}:{own}" if ok else f"{prefix}:{HASHED}{secret.sign('sender', own, 32)}"


# ------------------------------------------------------------------ web sessions
LEGACY_WEB = re.compile(r"[0-9a-f]{32}")     # the session ids the widget was given before signing
_NONCE = re.compile(r"[A-Za-z0-9_-]{22}")


def new_web_session() -> tuple[str, str]:
    """(token for the widget, conversation id)."""
    return web_token(_random.token_urlsafe(16))


def web_token(nonce: str) -> tuple[str, str]:
    return f"{nonce}.{secret.sign('web-session', nonce)}", f"web:{nonce}"


def web_conversation(token) -> str | None:
    """The conversation a widget's session token opens, if this server (or one with
    the same SERVER_SECRET) issued it."""
    if not isinstance(token, str) or len(token) > 100 or "." not in token:
        return None
    nonce, _, mac = token.partition(".")
    if not (_NONCE.fullmatch(nonce) or LEGACY_WEB.fullmatch(nonce)):
        return None
    if not hmac.compare_digest(mac.encode(), secret.sign("web-session", nonce).encode()):
        return None
    return f"web:{nonce}"


# ------------------------------------------------------------------ migration
MARKER = "conversation_id_migration"
VERSION = 1


@dataclass
class Migrated:
    renamed: dict = field(default_factory=dict)    # old id -> new id
    kept: list = field(default_factory=list)       # (old id, reason)
    skipped: bool = False                          # done before (the marker table)


def migrate(engine, force: bool = False, dry_run: bool = False, batch: int = 500) -> Migrated:
    """Give every conversation of a store written before channel-bound ids the
    prefix of the channel of its first user message (idempotent; one query when done)."""
    import sqlalchemy as sa

    from runtime.tracker_events import events

    marker = sa.Table(MARKER, sa.MetaData(), sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
                      sa.Column("done_at", sa.Float, nullable=False))
    out = Migrated()
    inspector = sa.inspect(engine)
    if not inspector.has_table("events"):
        return out
    if not force and inspector.has_table(MARKER):
        with engine.connect() as conn:
            if conn.execute(sa.select(marker.c.version).where(marker.c.version >= VERSION)).first():
                out.skipped = True
                return out
    plan = _renames(engine, out)
    for i in range(0, len(plan), batch):
        chunk = plan[i:i + batch]
        if not dry_run:
            with engine.begin() as conn:
                for old, new in chunk:
                    conn.execute(events.update().where(events.c.sender_id == old).values(sender_id=new))
        out.renamed.update(chunk)
    if not dry_run:
        _mark_done(engine, marker, renamed=bool(out.renamed))
    if out.renamed or out.kept:
        logger.info("conversation ids bound to their channel: %d renamed, %d kept as they were",
                    len(out.renamed), len(out.kept))
    return out


def _renames(engine, out: Migrated) -> list:
    """(old id, new id) for each conversation to rename; those kept as they were go to `out.kept`."""
    import sqlalchemy as sa

    from runtime.tracker_events import events

    first_user = (sa.select(sa.func.min(events.c.id)).where(events.c.type_name == "user")
                  .group_by(events.c.sender_id))
    with engine.connect() as conn:
        rows = conn.execute(sa.select(events.c.sender_id, events.c.data)
                            .where(events.c.id.in_(first_user))).all()
        existing = {r[0] for r in conn.execute(sa.select(events.c.sender_id).distinct())}
    plan = []
    for sender, data in rows:
        try:
            channel = (json.loads(data or "{}") or {}).get("input_channel")
        except ValueError:
            channel = None
        if not channel:
            out.kept.append((sender, "no input channel recorded"))
            continue
        prefix = prefix_of(channel)
        if sender.startswith(prefix + ":"):
            continue                       # made by this version, or migrated before
        new = f"{prefix}:{sender}"
        if new in existing:
            out.kept.append((sender, f"{new} exists already"))
            continue
        plan.append((sender, new))
    return plan


def _mark_done(engine, marker, renamed: bool) -> None:
    """The marker table says the migration ran, and when it last renamed conversations (what
    the staff console's summary, keyed by conversation, rebuilds after). Replicas starting
    together migrate together: the renames of one find nothing left to rename for the other,
    and the marker is made once."""
    import sqlalchemy as sa

    try:
        marker.create(engine, checkfirst=True)
    except sa.exc.SQLAlchemyError:
        if not sa.inspect(engine).has_table(MARKER):
            raise
    try:
        with engine.begin() as conn:
            if not conn.execute(sa.select(marker.c.version).where(marker.c.version == VERSION)).first():
                conn.execute(marker.insert().values(version=VERSION, done_at=time.time()))
            elif renamed:   # forced again
                conn.execute(marker.update().where(marker.c.version == VERSION).values(done_at=time.time()))
    except sa.exc.IntegrityError:
        pass


def main(argv=None) -> int:
    import os

    from runtime.tracker_events import engine_for

    ap = argparse.ArgumentParser(prog="python -m runtime.identity",
                                 description="Bind a tracker store's conversation ids to their channel.")
    ap.add_argument("command", choices=["migrate"])
    ap.add_argument("--url", help="SQLAlchemy URL (default: TRACKER_STORE_URL)")
    ap.add_argument("--force", action="store_true", help="run again even if the store says it was done")
    ap.add_argument("--dry-run", action="store_true", help="print what would change")
    args = ap.parse_args(argv)
    url = args.url or os.environ.get("TRACKER_STORE_URL")
    if not url:
        print("no tracker store: set TRACKER_STORE_URL or give --url", file=sys.stderr)
        return 2
    done = migrate(engine_for(url), force=args.force, dry_run=args.dry_run)
    if done.skipped:
        print("already migrated (use --force to look again)")
        return 0
    for old, new in done.renamed.items():
        print(f"{'would rename' if args.dry_run else 'renamed'} {old} -> {new}")
    for old, why in done.kept:
        print(f"kept {old}: {why}")
    print(f"{len(done.renamed)} renamed, {len(done.kept)} kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
