"""The review of a new policy document in the staff console (新文件 in the
menu): draft a text, then review it measure by measure in the browser — the
text beside the draft with the quote highlighted, the fields as controls of the
closed vocabularies, problems shown live, accept / reject / merge / split / add
a measure from a selected span, the document's metadata. Every operation is a
drafting.session.Session call; accepting writes rules/ and the situation cases
and rolls back with the reason on the page when anything fails.

The page's script is a file of the console (/static/review.js, CSP `script-src
'self'`); it talks JSON to the routes below, which require the console's token
(the session cookie) like every page, and a JSON body with the header
`X-Review: 1` (a cross-site form can send neither).
"""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from sanic import response

from bot import rules as kbmod
from drafting import check as draft_check
from drafting.session import ReviewError, Session
from drafting.vocab import load_vocabulary
from drafting.writer import Drafter, dump

STATIC = Path(__file__).with_name("static")
DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,60}$")
PAGE_HEADERS = {
    # the review page runs its one script file; everything else stays as strict as the console's
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; connect-src 'self'; "
                               "style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
GENDERS = [("", "不限"), ("female", "女性"), ("male", "男性")]
LEVEL_LABELS = {"country": "全国", "province": "省级", "prefecture": "地市级", "county": "县级"}


class Drafts:
    """The drafts of new documents (rules/drafts/) and the rules they are reviewed against."""

    def __init__(self, rules: Path, repo: Path, headers: dict):
        self.rules, self.repo, self.headers = Path(rules), Path(repo), headers
        self.dir = self.rules / draft_check.DRAFTS_DIR
        self.loaded: dict = {}

    @staticmethod
    async def in_thread(fn, *args):
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def json_out(self, data, status=200):
        return response.json(data, status=status, headers=self.headers, ensure_ascii=False,
                             dumps=lambda d, **kw: json.dumps(d, ensure_ascii=False, default=str))

    def draft_path(self, doc: str) -> Path | None:
        if not DOC_ID.match(doc or ""):
            return None
        path = self.dir / f"{doc}.yml"
        return path if path.is_file() else None

    def current_kb(self):
        """The rules, loaded again only when a file of them changed (an accept, an edit by hand)."""
        rules = self.rules
        stamp = max((p.stat().st_mtime_ns for p in rules.rglob("*")
                     if p.is_file() and draft_check.DRAFTS_DIR not in p.relative_to(rules).parts), default=0)
        if self.loaded.get("stamp") != stamp:
            self.loaded.update(stamp=stamp, kb=kbmod.load(rules))
        return self.loaded["kb"]

    def session(self, doc: str) -> Session:
        path = self.draft_path(doc)
        if path is None:
            raise ReviewError(f"没有这个草稿：{doc}")
        return Session(path, self.rules, self.repo, kb=self.current_kb())

    def action(self, name):
        """A JSON route calling one session operation; the page gets the new state back."""
        async def handler(request, doc: str, mid: str | None = None):
            if request.headers.get("x-review") != "1" or "json" not in (request.headers.get("content-type") or ""):
                return self.json_out({"error": "需要 JSON 请求（X-Review: 1）"}, 400)
            body = request.json if isinstance(request.json, dict) else {}

            def run():
                s = self.session(doc)
                result = OPERATIONS[name](s, mid, body)
                out = state_of(s)
                out.update(result or {})
                return out
            try:
                return self.json_out(await self.in_thread(run))
            except ReviewError as exc:
                return self.json_out({"error": str(exc)}, 400)
            except (ValueError, TypeError, KeyError) as exc:
                return self.json_out({"error": f"请求不完整：{exc}"}, 400)
            except (OSError, kbmod.RulesInvalid) as exc:
                return self.json_out({"error": f"无法完成：{exc}"}, 500)
        handler.__name__ = f"review_{name}"
        return handler


def add_review_routes(app, render, rules: Path, repo: Path, headers: dict) -> None:
    drafts = Drafts(rules, repo, headers)
    _add_draft_pages(app, render, drafts)

    @app.get("/drafts/<doc>/state")
    async def state(request, doc: str):
        try:
            return drafts.json_out(await drafts.in_thread(lambda: state_of(drafts.session(doc))))
        except ReviewError as exc:
            return drafts.json_out({"error": str(exc)}, 404)

    for name in ("edit", "accept", "reject", "merge", "split"):
        app.add_route(drafts.action(name), f"/drafts/<doc>/measure/<mid>/{name}", methods=["POST"],
                      name=f"review_{name}")
    for name in ("add", "source", "agency", "group"):
        app.add_route(drafts.action(name), f"/drafts/<doc>/{name}", methods=["POST"], name=f"review_{name}")


def _add_draft_pages(app, render, d: Drafts) -> None:
    """The list of drafts, a new draft, the review page and its script."""
    rules, repo, headers = d.rules, d.repo, d.headers

    @app.get("/drafts")
    async def drafts(request):
        items = await d.in_thread(_draft_list, d.dir, rules, repo)
        return render("drafts.html", drafts=items, error=None, form={})

    @app.post("/drafts/new")
    async def new_draft(request):
        form = {k: (request.form.get(k) or "").strip() for k in ("doc", "region", "prefix", "text")}
        upload = request.files.get("file") if request.files else None
        text = form["text"]
        if upload is not None and upload.body:
            try:
                text = upload.body.decode("utf-8")
            except UnicodeDecodeError:
                text = None
        error = _new_draft_error(form, text, d.dir)
        if error is None:
            error = await d.in_thread(_write_new_draft, rules, repo, d.dir, form, text)
        if error:
            items = await d.in_thread(_draft_list, d.dir, rules, repo)
            return render("drafts.html", status=400, drafts=items, error=error, form=form)
        return response.redirect(f"/drafts/{form['doc']}", headers=headers)

    @app.get("/drafts/<doc>")
    async def review_page(request, doc: str):
        if d.draft_path(doc) is None:
            return response.text("没有这个草稿", status=404, headers=headers)
        page = render("review.html", doc=doc)
        page.headers.update(PAGE_HEADERS)
        return page

    @app.get("/static/review.js")
    async def review_js(request):
        return response.text((STATIC / "review.js").read_text(encoding="utf-8"),
                             headers=dict(headers, **{"Content-Type": "text/javascript; charset=utf-8"}))


# ---- the operations (one Session each) ------------------------------------------------------------

def _edit(s: Session, mid, body):
    m = s.edit(mid, body.get("fields") or {})
    return {"current": m["id"], "problems": {m["id"]: s.check(m["id"])}}


def _accept(s: Session, mid, body):
    problems = s.accept(mid)
    if problems:
        return {"current": mid, "problems": {mid: problems}, "rolled_back": True}
    return {"accepted": s.draft["accepted"][-1]["id"], "current": s.measures[0]["id"] if s.measures else None}


def _reject(s: Session, mid, body):
    s.reject(mid, str(body.get("why") or ""))
    return {"current": s.measures[0]["id"] if s.measures else None}


def _merge(s: Session, mid, body):
    merged = s.merge(str(body["with"]), mid)
    return {"current": merged["id"], "problems": {merged["id"]: s.check(merged["id"])}}


def _split(s: Session, mid, body):
    first, second = s.split(mid, int(body["at"]))
    return {"current": first["id"], "problems": {first["id"]: s.check(first["id"])}}


def _add(s: Session, mid, body):
    m = s.add(int(body["start"]), int(body["end"]))
    return {"current": m["id"], "problems": {m["id"]: s.check(m["id"])}}


def _source(s: Session, mid, body):
    return {"refused": s.set_source(body.get("fields") or {})}


def _agency(s: Session, mid, body):
    entry = s.add_agency(str(body.get("name") or ""), str(body.get("full_name") or ""), str(body.get("level") or ""))
    return {"added_agency": entry["id"]}


def _group(s: Session, mid, body):
    entry = s.add_group(str(body.get("id") or ""), str(body.get("label") or ""), body.get("synonyms") or "")
    return {"added_group": entry["id"]}


OPERATIONS = {"edit": _edit, "accept": _accept, "reject": _reject, "merge": _merge, "split": _split, "add": _add,
              "source": _source, "agency": _agency, "group": _group}


def state_of(s: Session) -> dict:
    """Everything the page shows: the text, the draft, progress and the closed vocabularies."""
    d = s.draft
    facts = s.kb.facts
    source_problems = [p.message for p in _source_problems(s)]
    return {
        "doc": s.doc, "text": s.text, "source": _plain(d.get("source") or {}),
        "source_review": d.get("source_review") or [], "source_problems": source_problems,
        "source_evidence": d.get("source_evidence") or {},
        "in_rules": s.doc in s.kb.sources, "by_function": s.by_function,
        "articles": d.get("articles") or [], "headings": d.get("headings") or [], "left_out": d.get("left_out") or [],
        "measures": [_plain(m) for m in s.measures], "accepted": d["accepted"], "rejected": d["rejected"],
        "progress": s.progress(), "new_agencies": d["new_agencies"], "new_groups": d["new_groups"],
        "choices": {
            "groups": s.groups_for_choice(),
            "genders": [{"id": k, "label": v} for k, v in GENDERS],
            "audiences": [{"id": k, "label": fv.label} for k, fv in s.kb.audiences.items()],
            "categories": [{"id": k, "label": fv.label} for k, fv in facts["needs"].values.items()],
            "agencies": s.agencies_for_choice(),
            "functions": s.functions_for_choice(),
            "levels": [{"id": k, "label": v} for k, v in LEVEL_LABELS.items()],
        },
    }


def _source_problems(s: Session) -> list:
    """What the document's metadata still lacks (checked as the draft is)."""
    if s.doc in s.kb.sources:
        return []
    return [p for p in draft_check.check_draft(s.path, s.rules, s.kb)
            if p.ident == s.doc and ("source" in p.message or "sha256" in p.message)]


def _plain(d: dict) -> dict:
    return json.loads(json.dumps(d, ensure_ascii=False, default=str))


# ---- drafting a new document from the browser -----------------------------------------------------

def _draft_list(drafts_dir: Path, rules: Path, repo: Path) -> list[dict]:
    out = []
    for path in sorted(drafts_dir.glob("*.yml")) if drafts_dir.is_dir() else []:
        try:
            s = Session(path, rules, repo)
        except (ReviewError, kbmod.RulesInvalid, OSError) as exc:
            out.append({"doc": path.stem, "title": f"（无法读取：{exc}）", "progress": None})
            continue
        out.append({"doc": s.doc, "title": s.draft["source"].get("title") or s.doc,
                    "region": s.draft["source"].get("region"), "progress": s.progress()})
    return out


def _new_draft_error(form: dict, text, drafts_dir: Path) -> str | None:
    if not DOC_ID.match(form["doc"]):
        return "文件编号只能用小写字母、数字和连字符（如 kunshan-youth-2025）。"
    if (drafts_dir / f"{form['doc']}.yml").exists():
        return f"草稿 {form['doc']} 已经存在：请打开它继续审阅。"
    if text is None:
        return "上传的文件不是 UTF-8 文本。"
    if not (text or "").strip():
        return "请上传文件或粘贴全文。"
    if not form["region"]:
        return "请填写文件适用的地区（如 全国、广西、昆山市）。"
    return None


def _write_new_draft(rules: Path, repo: Path, drafts_dir: Path, form: dict, text: str) -> str | None:
    try:
        vocab = load_vocabulary(rules, kb=kbmod.load(rules))
    except kbmod.RulesInvalid as exc:
        return f"规则目前不能通过校验，无法起草：{exc}"
    doc = form["doc"]
    # a browser sends a textarea's lines ending in CRLF; the rules read texts with universal newlines:
    # the text is kept with LF line ends so that its sha256 and the quotes' spans stay what was drafted
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if doc in vocab.kb.sources:
        return f"{doc} 已经是规则中的文件。"
    drafts_dir.mkdir(parents=True, exist_ok=True)
    text_path = drafts_dir / f"{doc}.txt"
    rel = str(text_path.relative_to(repo)) if text_path.is_relative_to(repo) else str(text_path)
    try:
        draft = Drafter(text, doc, form["region"], vocab, text_path=rel, prefix=form["prefix"] or None).draft()
    except ValueError as exc:
        return f"{exc}"
    if not draft["articles"]:
        return "没有找到编号的条款（第N条、一、（一）、1.）或标题下的段落。"
    text_path.write_text(text, encoding="utf-8")
    (drafts_dir / f"{doc}.yml").write_text(dump(draft, rel), encoding="utf-8")
    return None
