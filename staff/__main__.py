"""`python -m staff serve | migrate | retention` (make staff runs migrate and serve).

serve    the console on STAFF_HOST:STAFF_PORT (127.0.0.1:5077), token STAFF_TOKEN; its 新文件 pages
         draft and review new documents into --rules (default rules/)
migrate  create the indexes the console's queries need and its own small table
retention  delete conversations idle for more than --days N (or RETENTION_DAYS) from the
         tracker store (TRACKER_STORE_URL or --url; run daily in deploy/)
"""
from __future__ import annotations

import argparse
import logging
import os
import sys

from . import auth

DEFAULT_PORT = 5077


def _url(args) -> str:
    """--url, else TRACKER_STORE_URL when it is not the embedded default, else the
    local cluster's PostgreSQL when it runs (make cluster), else the embedded
    SQLite file (make run). STAFF_STORE=embedded|cluster forces one of the last two."""
    from localrun import envfile

    default = envfile.read().get("TRACKER_STORE_URL")
    url = args.url or os.environ.get("TRACKER_STORE_URL") or default
    choice = os.environ.get("STAFF_STORE", "")
    if args.url or (url != default and not choice):
        return url
    if choice == "cluster" or (choice != "embedded" and _cluster_running()):
        from localrun import cluster
        print("reading the local cluster's PostgreSQL (make cluster); STAFF_STORE=embedded reads "
              f"{default} instead", file=sys.stderr)
        return cluster.env()["TRACKER_STORE_URL"]
    return default


def _cluster_running() -> bool:
    from localrun import cluster
    return cluster.SECRETS.exists() and cluster.pg_running()


def cmd_migrate(args) -> int:
    import sqlalchemy as sa

    from .db import engine_for, migrate
    engine = engine_for(_url(args))
    if not sa.inspect(engine).has_table("events"):
        print("no conversation stored yet (no `events` table): run `make staff` again once the bot has some")
        return 0
    created = migrate(engine)
    print(f"created: {', '.join(created)}" if created else "the indexes exist already")
    with engine.connect() as conn:
        names = {ix["name"] for ix in sa.inspect(conn).get_indexes("events")}
    print("indexes on events:", ", ".join(sorted(n for n in names if n)))
    return 0


def cmd_serve(args) -> int:
    token = os.environ.get("STAFF_TOKEN", "")
    try:
        auth.check_bind(args.host, token)
    except auth.BindRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    url = _url(args)
    import sqlalchemy as sa

    from .app import create_app
    from .db import INDEXES, engine_for
    engine = engine_for(url)
    try:
        if sa.inspect(engine).has_table("events"):
            have = {ix["name"] for ix in sa.inspect(engine).get_indexes("events")}
            if any(ix.name not in have for ix in INDEXES):
                logging.warning("the console's indexes are missing: run `python -m staff migrate` "
                                "(pages are slow on a large store without them)")
    finally:
        engine.dispose()
    app = create_app(url, token, rules=args.rules, repo=args.repo)
    print(f"staff console on http://{args.host}:{args.port}/ (token: STAFF_TOKEN)", flush=True)
    app.run(host=args.host, port=args.port, workers=1, access_log=False, motd=False)
    return 0


def cmd_retention(args) -> int:
    from . import retention

    days = args.days if args.days is not None else os.environ.get("RETENTION_DAYS")
    try:
        days = float(days) if days not in (None, "") else None
    except ValueError:
        return fail(f"RETENTION_DAYS is not a number: {days!r}")
    if days is None or days <= 0:
        return fail("give --days N (N > 0) or set RETENTION_DAYS")
    url = args.url or os.environ.get("TRACKER_STORE_URL")
    if not url:
        return fail("no tracker store: set TRACKER_STORE_URL or give --url")
    done = retention.run(url, days, args.batch)
    print(f"deleted {done.events} events of conversations idle for more than {days:g} days")
    return 0


def fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m staff", description="工作人员后台 (staff console)")
    parser.add_argument("--url", help="tracker store URL (default: TRACKER_STORE_URL)")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="start the console")
    s.add_argument("--host", default=os.environ.get("STAFF_HOST", "127.0.0.1"))
    s.add_argument("--port", type=int, default=int(os.environ.get("STAFF_PORT", DEFAULT_PORT)))
    s.add_argument("--rules", help="the rules directory the review of new documents writes (default: rules/)")
    s.add_argument("--repo", help="the repository whose tests/eligibility/ gets the cases (default: the rules' parent)")
    sub.add_parser("migrate", help="create the indexes the console needs")
    r = sub.add_parser("retention", help="delete conversations idle for more than N days from the tracker store")
    r.add_argument("--days", type=float, help="N (default: the RETENTION_DAYS environment variable)")
    r.add_argument("--url", default=argparse.SUPPRESS, help="SQLAlchemy URL (default: TRACKER_STORE_URL)")
    r.add_argument("--batch", type=int, default=500, help="conversations per transaction")
    args = parser.parse_args(argv)
    return {"serve": cmd_serve, "migrate": cmd_migrate, "retention": cmd_retention}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
