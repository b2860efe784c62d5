"""The staff console's web app (Sanic): server-rendered pages in Chinese, SVG
charts, CSV export of every table. Started by `python -m staff serve`
(make staff). Queries run in a worker thread so one slow page does not stall
the others."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from functools import partial
from pathlib import Path
from urllib.parse import quote

import jinja2
import sqlalchemy as sa
from sanic import Sanic, response

from . import auth, export, pages, summary
from . import queries as q
from .db import TZ_OFFSET, engine_for
from .labels import Labels

TEMPLATES = Path(__file__).with_name("templates")
DEFAULT_DAYS = 30
SUMMARY_REFRESH = 60   # s between background refreshes of the summary (staff/summary.py)
NAV = [("overview", "总览"), ("misunderstood", "没有理解的消息"), ("coverage", "覆盖缺口"),
       ("demand", "需求"), ("feedback", "反馈"), ("conversations", "对话"), ("drafts", "新文件")]
HEADERS = {
    # no script at all; inline styles and the inline SVG only
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _today() -> dt.date:
    return dt.datetime.utcfromtimestamp(time.time() + TZ_OFFSET).date()


def _day_number(d: dt.date) -> int:
    return (d - dt.date(1970, 1, 1)).days


FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


class BadDate(ValueError):
    pass


def parse_range(args) -> tuple[dt.date, dt.date]:
    """?from=YYYY-MM-DD&to=YYYY-MM-DD (Beijing days, both included); the last 30 days by default.
    A date that is not one, or outside 2000–2099, raises BadDate (the page answers 400)."""
    def day(name, default):
        value = args.get(name)
        if not value:
            return default
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            raise BadDate(f"“{value[:40]}”不是日期：请用 YYYY-MM-DD，例如 {_today().isoformat()}。")
        if not FIRST_DAY <= parsed <= LAST_DAY:
            raise BadDate(f"日期 {parsed.isoformat()} 超出范围：请在 {FIRST_DAY} 到 {LAST_DAY} 之间选择。")
        return parsed
    end = day("to", min(_today(), LAST_DAY))
    start = day("from", max(end - dt.timedelta(days=DEFAULT_DAYS - 1), FIRST_DAY))
    return (start, end) if start <= end else (end, start)


class Console:
    """What every page handler shares: the store, the labels, the templates and the token."""

    def __init__(self, url: str, token: str, labels: Labels | None):
        self.engine = engine_for(url)
        self.labels = labels or Labels()
        self.token = token
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                                      autoescape=jinja2.select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(nav=NAV, Link=pages.Link, intents=export.intents())

    def render(self, template: str, status: int = 200, **context):
        html = self.env.get_template(template).render(**context)
        return response.html(html, status=status, headers=HEADERS)

    async def in_thread(self, fn, *args, **kw):
        def run():
            with self.engine.connect() as conn:
                return fn(conn, *args, **kw)
        return await asyncio.get_running_loop().run_in_executor(None, run)

    @staticmethod
    def period_of(request):
        start, end = parse_range(request.args)
        return start, end, q.Period.days(_day_number(start), _day_number(end))

    @staticmethod
    def stored(build):
        """A page of an empty store (no `events` table: Rasa has stored nothing yet) has no rows."""
        def run(conn):
            if not sa.inspect(conn).has_table("events"):
                page = pages.Page("empty", "还没有对话")
                page.extra["notice"] = "跟踪存储里还没有任何对话（Rasa 还没有写入 events 表）。"
                return page
            return build(conn)
        return run

    async def show(self, request, key: str, **kw):
        start, end, period = self.period_of(request)
        page = await self.in_thread(self.stored(lambda conn: pages.PAGES[key](conn, period, self.labels, **kw)))
        page.key = key
        want = request.args.get("table")
        if want:
            table = page.table(want)
            if table is None:
                return response.text("没有这个表格", status=404, headers=HEADERS)
            filename = f"{table.name}_{start}_{end}.csv"
            return response.text(table.csv(), headers=dict(HEADERS, **{
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": f"attachment; filename=\"{filename}\""}))
        template = "misunderstood.html" if key == "misunderstood" and page.tables else "page.html"
        return self.render(template, page=page, start=start, end=end, args=dict(request.query_args),
                           csv_href=lambda t: _with(request, table=t.name))


def create_app(url: str, token: str, labels: Labels | None = None, name: str = "staff_console",
               rules: Path | None = None, repo: Path | None = None) -> Sanic:
    """The console on the tracker store at `url`; the review of new documents (新文件)
    writes into `rules` (default: the repository's rules/) and `repo`'s tests/eligibility/."""
    from bot.rules import DEFAULT_RULES_DIR

    from .review import add_review_routes
    app = Sanic(name)
    console = Console(url, token, labels)
    _add_login_routes(app, console)
    _add_page_routes(app, console)
    _add_misunderstood_routes(app, console)
    rules = Path(rules or DEFAULT_RULES_DIR)
    add_review_routes(app, console.render, rules, Path(repo or rules.parent), HEADERS)
    _keep_summary_current(app, console)

    @app.exception(BadDate)
    async def bad_date(request, exc):
        return response.text(str(exc), status=400, headers=dict(HEADERS, **{"Content-Type": "text/plain; charset=utf-8"}))

    @app.listener("after_server_stop")
    async def close(app, loop):
        console.engine.dispose()

    app.ctx.engine = console.engine
    return app


def _add_login_routes(app: Sanic, console: Console) -> None:
    """Every page but the login form needs the token (auth.py)."""
    token, render = console.token, console.render

    @app.middleware("request")
    async def guard(request):
        if request.path == "/login":
            return None
        if not auth.authorized(token, request.headers.get("authorization"), request.cookies.get(auth.COOKIE)):
            return render("login.html", status=401, error=None)
        return None

    @app.get("/login")
    async def login_form(request):
        return render("login.html", error=None)

    @app.post("/login")
    async def login(request):
        if not auth.token_matches(request.form.get("token", ""), token):
            return render("login.html", status=401, error="令牌不对。")
        res = response.redirect("/overview", headers=HEADERS)
        res.cookies[auth.COOKIE] = auth.session_value(token)
        for key, value in (("httponly", True), ("samesite", "Strict"), ("path", "/"),
                           ("max-age", auth.SESSION_SECONDS), ("secure", request.scheme == "https")):
            res.cookies[auth.COOKIE][key] = value
        return res

    @app.post("/logout")
    async def logout(request):
        res = response.redirect("/login", headers=HEADERS)
        del res.cookies[auth.COOKIE]
        return res


def _add_page_routes(app: Sanic, console: Console) -> None:
    """The pages of the navigation, each with its tables as CSV."""
    show = console.show

    @app.get("/")
    async def home(request):
        return response.redirect("/overview", headers=HEADERS)

    for key in ("overview", "coverage", "feedback"):
        app.add_route(partial(show, key=key), f"/{key}", name=key)

    @app.get("/demand")
    async def demand(request):
        return await show(request, "demand", agency=request.args.get("agency") or None)

    @app.get("/conversations")
    async def conversations(request):
        return await show(request, "conversations", sender_like=request.args.get("q") or None)

    @app.get("/conversation")
    async def conversation(request):
        sender = request.args.get("sender") or ""
        page = await console.in_thread(console.stored(lambda conn: pages.conversation(conn, sender, console.labels)))
        if request.args.get("table") == "turns" and page.tables:
            return response.text(page.tables[0].csv(), headers=dict(HEADERS, **{
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"conversation.csv\""}))
        return console.render("conversation.html", page=page, sender=sender,
                              csv_href=f"/conversation?sender={quote(sender, safe='')}&table=turns")


def _add_misunderstood_routes(app: Sanic, console: Console) -> None:
    """The misunderstood messages: the page, marking them reviewed, exporting them as NLU data."""

    @app.get("/misunderstood")
    async def misunderstood(request):
        return await console.show(request, "misunderstood")

    @app.post("/misunderstood/review")
    async def review(request):
        keys = request.form.getlist("key") or []
        undo = request.form.get("action") == "unreview"

        def mark(conn):
            q.mark_reviewed(conn, keys, undo=undo)
            conn.commit()
        await console.in_thread(mark)
        back = request.form.get("back") or "/misunderstood"
        return response.redirect(back if back.startswith("/misunderstood") else "/misunderstood", headers=HEADERS)

    @app.post("/misunderstood/export")
    async def export_candidates(request):
        start, end, period = console.period_of(request)
        keys = set(request.form.getlist("key") or [])
        groups = await console.in_thread(lambda conn: q.misunderstood_groups(conn, period))
        texts = [t for g in groups if g["key"] in keys for t in g["texts"]]
        body = export.nlu_yaml(texts, request.form.get("intent"))
        return response.text(body, headers=dict(HEADERS, **{
            "Content-Type": "application/x-yaml; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"nlu_candidates.yml\""}))


def _keep_summary_current(app: Sanic, console: Console) -> None:
    """The pages bring the summary up to date themselves; refreshing it in the
    background too leaves them only the last minute's conversations to add."""

    @app.listener("after_server_start")
    async def start_refreshing(app, loop):
        async def every_minute():
            while True:
                try:
                    await console.in_thread(summary.refresh)
                except Exception:  # noqa: BLE001 - a page will report a broken store
                    logging.getLogger(__name__).exception("the summary could not be refreshed")
                await asyncio.sleep(SUMMARY_REFRESH)
        app.ctx.refresher = loop.create_task(every_minute())

    @app.listener("before_server_stop")
    async def stop_refreshing(app, loop):
        app.ctx.refresher.cancel()


def _with(request, **extra) -> str:
    from urllib.parse import urlencode
    args = [(k, v) for k, v in request.query_args if k not in extra]
    return request.path + "?" + urlencode(args + list(extra.items()))
