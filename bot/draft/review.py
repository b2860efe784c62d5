"""`python -m bot review DRAFT`: a terminal flow through a draft, article by article.

For each draft measure: the article's text with the quote marked 【…】, the
measure as drafted (with the words that decided each finding and the review
items), then  a accept · e edit · r reject · m merge with the previous · s skip · q quit.
Accepting writes the measure into rules/measures/<doc>.yml as active (and, the
first time, the document's entry into sources.yml, its text into
rules/sources/, proposed agencies into agencies.yml; the proposed situation
cases into tests/eligibility/<doc>.yml), then validates the rules: a measure
that would break them is rolled back and stays in the draft. Every answer
saves the draft, so a review can stop and resume.

Input comes from an IO object, so tests (and `--script FILE`) drive it with
scripted lines.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .. import kb as kbmod
from ..script import to_simplified
from . import check
from .writer import dump

ACTIVE_KEYS = ("id", "article", "title", "summary", "category", "audience", "conditions", "agencies",
               "lead_reason", "strict_groups", "note", "quote")
EDITABLE = {"id", "title", "summary", "category", "groups", "gender", "tech", "lead", "support", "audience",
            "lead_reason", "strict_groups", "note", "quote"}
SOURCE_REQUIRED = ("title", "short_title", "issuer")
HELP = "a 接受  e 修改  r 不要  m 与上一条合并  s 跳过  q 退出"


class TerminalIO:
    def ask(self, prompt: str) -> str:
        try:
            return input(prompt)
        except EOFError:
            return "q"

    def say(self, text: str = "") -> None:
        print(text)


class ScriptedIO:
    """Answers from a list of lines; 'q' when they run out. Everything said is kept in `out`."""

    def __init__(self, lines):
        self.lines = list(lines)
        self.out: list[str] = []

    def ask(self, prompt: str) -> str:
        self.out.append(prompt)
        return self.lines.pop(0) if self.lines else "q"

    def say(self, text: str = "") -> None:
        self.out.append(text)

    @property
    def text(self) -> str:
        return "\n".join(self.out)


class Review:
    def __init__(self, path: Path, rules: Path, repo: Path, io):
        self.path, self.rules, self.repo, self.io = Path(path), Path(rules), Path(repo), io
        if not self.path.is_file():
            raise ValueError(f"{self.path}: no such draft file")
        self.draft = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if not isinstance(self.draft, dict) or "measures" not in self.draft:
            raise ValueError(f"{self.path}: not a draft file (no `measures:`)")
        self.doc = self.draft["doc"]
        self.kb = kbmod.load(self.rules)
        entry = self.draft.get("source") or {}
        if self.doc in self.kb.sources:
            self.text = self.kb.sources[self.doc].text
        else:
            self.text = check.source_text_path(self.rules, self.path, entry).read_text(encoding="utf-8")
        self.accepted = self.rejected = 0

    # -- the flow
    def run(self) -> int:
        io = self.io
        io.say(f"审阅草稿 {self.path}（{self.doc}）：{len(self.draft['measures'])} 条草拟措施")
        for item in self.draft.get("source_review") or []:
            io.say(f"  ? 来源：{item}")
        left = [a for a in self.draft.get("articles", []) if not a.get("actionable")]
        if left:
            io.say("未收录的条款（政府内部事项，草拟判断，请核对）：")
            for a in left:
                io.say(f"  {a['printed']} {a.get('title') or ''} — {a.get('reason')}")
        if self.doc not in self.kb.sources and not self._complete_source():
            return 1
        i = 0
        while i < len(self.draft["measures"]):
            m = self.draft["measures"][i]
            self._show(m)
            answer = io.ask(f"[{HELP}] > ").strip().lower()
            if answer in ("q", "quit"):
                break
            if answer in ("a", "accept"):
                if self._accept(m):
                    self.draft["measures"].pop(i)
                    self.accepted += 1
                    self._save()
                    continue
            elif answer in ("r", "reject"):
                self.draft.setdefault("rejected", []).append({"id": m["id"], "quote": m["quote"]})
                self.draft["measures"].pop(i)
                self.rejected += 1
                self._save()
                continue
            elif answer in ("e", "edit"):
                self._edit(m)
                self._save()
                continue
            elif answer in ("m", "merge"):
                j = self._previous_in_article(i)
                if j is None:
                    io.say("同一条款前面没有可合并的草拟措施。")
                else:
                    self.draft["measures"][j] = self._merge(self.draft["measures"][j], m)
                    self.draft["measures"].pop(i)
                    self._save()
                    i = j
                continue
            elif answer in ("s", "skip", ""):
                i += 1
                continue
            else:
                io.say(f"请输入 a、e、r、m、s 或 q。")
                continue
            i += 1
        self._save()
        io.say(f"完成：接受 {self.accepted} 条，不要 {self.rejected} 条，草稿中还剩 "
               f"{len(self.draft['measures'])} 条（{self.path}）。")
        return 0

    def _show(self, m: dict) -> None:
        io = self.io
        art = next((a for a in self.draft.get("articles", []) if a["article"] == m["article"]), None)
        io.say("")
        io.say("=" * 60)
        if art:
            a, b = art["chars"]
            qa, qb = m["chars"]
            io.say(f"{art['printed']} {art.get('title') or ''}（第{m['article']}条）")
            io.say(self.text[a:qa] + "【" + self.text[qa:qb] + "】" + self.text[qb:b])
        io.say("-" * 60)
        io.say(f"id: {m['id']}    类别: {m['category']}    标题: {m['title']}")
        cond = m.get("conditions") or {}
        io.say(f"条件: {cond if cond else '（无：面向所有人）'}")
        if m.get("audience"):
            io.say(f"对象: {m['audience']}")
        ag = m.get("agencies")
        if ag:
            io.say("牵头: " + "、".join(self._agency_name(x) for x in ag.get("lead", [])))
            if ag.get("support"):
                io.say("配合: " + "、".join(self._agency_name(x) for x in ag["support"]))
        for k, v in (m.get("why") or {}).items():
            io.say(f"  依据 {k}: “{v}”")
        for item in m.get("review") or []:
            io.say(f"  ? {item}")

    def _agency_name(self, aid: str) -> str:
        if aid in self.kb.agencies:
            return f"{self.kb.agencies[aid].name}({aid})"
        new = next((a for a in self.draft.get("new_agencies", []) if a["id"] == aid), None)
        return f"{new['name']}({aid}, 新)" if new else f"{aid}(?)"

    def _complete_source(self) -> bool:
        entry = self.draft["source"]
        for key in SOURCE_REQUIRED:
            while not entry.get(key):
                value = self.io.ask(f"新文件 {self.doc} 的 source.{key}（文件未写明，请填写；q 退出）> ").strip()
                if value == "q":
                    self._save()
                    return False
                entry[key] = value or None
        self._save()
        return True

    def _previous_in_article(self, i: int) -> int | None:
        m = self.draft["measures"][i]
        for j in range(i - 1, -1, -1):
            if self.draft["measures"][j]["article"] == m["article"]:
                return j
        return None

    def _merge(self, first: dict, second: dict) -> dict:
        """One measure over both passages: the contiguous span from the first to the last (verbatim)."""
        a = min(first["chars"][0], second["chars"][0])
        b = max(first["chars"][1], second["chars"][1])
        merged = dict(first)
        merged["quote"] = self.text[a:b]
        merged["chars"] = [a, b]
        start = len(self.text[:a].encode("utf-8"))
        merged["bytes"] = [start, start + len(merged["quote"].encode("utf-8"))]
        merged["summary"] = to_simplified(merged["quote"])
        groups = list(dict.fromkeys((first.get("conditions") or {}).get("groups", []) +
                                    (second.get("conditions") or {}).get("groups", [])))
        if groups:
            merged["conditions"] = dict(first.get("conditions") or {}, groups=groups)
        merged["review"] = list(dict.fromkeys((first.get("review") or []) + (second.get("review") or [])))
        merged["cases"] = first.get("cases", [])
        for case in merged["cases"]:
            if "groups" in case["profile"] and groups and case.get("eligible_ids"):
                case["profile"]["groups"] = groups[:1]
        return merged

    def _edit(self, m: dict) -> None:
        io = self.io
        io.say("逐行输入 字段=值，空行结束。字段：" + "、".join(sorted(EDITABLE)) +
               "（groups/lead/support 用逗号分隔，值为空则删除）")
        while True:
            line = io.ask("edit> ").strip()
            if not line or line == "q":
                return
            if "=" not in line:
                io.say("格式：字段=值")
                continue
            key, value = (x.strip() for x in line.split("=", 1))
            if key not in EDITABLE:
                io.say(f"未知字段 {key}")
                continue
            items = [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]
            cond = m.setdefault("conditions", {})
            if key == "groups":
                cond["groups"] = items
            elif key == "gender":
                cond["gender"] = value
            elif key == "tech":
                cond["tech_business"] = value in ("yes", "true", "是", "1")
                if not value:
                    cond.pop("tech_business")
            elif key in ("lead", "support"):
                m.setdefault("agencies", {})[key] = items
            elif key == "quote":
                start = self.text.find(value)
                if start < 0:
                    io.say("这段文字不在原文中（须逐字一致），未修改。")
                    continue
                m["quote"], m["chars"] = value, [start, start + len(value)]
                b0 = len(self.text[:start].encode("utf-8"))
                m["bytes"] = [b0, b0 + len(value.encode("utf-8"))]
            else:
                m[key] = value
            for k in [k for k, v in cond.items() if v in ([], "", None)]:
                cond.pop(k)
            if not cond:
                m.pop("conditions", None)
            for k in [k for k in ("id", "title", "summary", "category", "audience", "lead_reason", "strict_groups",
                                  "note") if k in m and m[k] in ("", None)]:
                m.pop(k)

    # -- accepting: write into rules/, validate, roll back on failure
    def _accept(self, m: dict) -> bool:
        files = [self.rules / "measures" / f"{self.doc}.yml", self.rules / "sources.yml",
                 self.rules / "agencies.yml", self.rules / "sources" / f"{self.doc}.txt",
                 self.repo / "tests" / "eligibility" / f"{self.doc}.yml"]
        saved = {p: p.read_bytes() if p.is_file() else None for p in files}
        try:
            self._write_source()
            self._write_agencies(m)
            self._write_measure(m)
            self._write_cases(m)
        except OSError as exc:
            self._restore(saved)
            self.io.say(f"写入失败：{exc}")
            return False
        kb, problems = kbmod.validate(self.rules)
        if problems:
            self._restore(saved)
            self.io.say("接受后规则不再有效，已撤回（措施留在草稿中，请修改后再接受）：")
            for p in problems:
                self.io.say(f"  {p}")
            return False
        self.kb = kb
        self.io.say(f"已接受 {m['id']} → rules/measures/{self.doc}.yml")
        return True

    @staticmethod
    def _restore(saved: dict) -> None:
        for p, content in saved.items():
            if content is None:
                if p.exists():
                    p.unlink()
            else:
                p.write_bytes(content)

    def _write_source(self) -> None:
        if self.doc in self.kb.sources:
            return
        entry = {k: v for k, v in self.draft["source"].items() if k in kbmod.SOURCE_KEYS and v is not None}
        target = self.rules / "sources" / f"{self.doc}.txt"
        if not target.exists():
            target.write_text(self.text, encoding="utf-8")
        _append_list_item(self.rules / "sources.yml", entry)

    def _write_agencies(self, m: dict) -> None:
        ag = m.get("agencies") or {}
        used = set(ag.get("lead", [])) | set(ag.get("support", []))
        if self.draft["source"].get("publisher"):
            used.add(self.draft["source"]["publisher"])
        for new in self.draft.get("new_agencies", []):
            if new["id"] in used and new["id"] not in self.kb.agencies:
                _append_list_item(self.rules / "agencies.yml", new)

    def _write_measure(self, m: dict) -> None:
        path = self.rules / "measures" / f"{self.doc}.yml"
        keys = [k for k in ACTIVE_KEYS if k != "audience" or "audience" in kbmod.MEASURE_KEYS]
        active = {k: m[k] for k in keys if k in m}
        if not path.exists():
            left = [a for a in self.draft.get("articles", []) if not a.get("actionable")]
            head = [f"doc: {self.doc}", "# Left out (government-internal, nothing a person or small business can apply for):"]
            head += [f"#   {a['printed']} {a.get('title') or ''} — {a.get('reason')}" for a in left] or ["#   (none)"]
            path.write_text("\n".join(head) + "\nmeasures:\n", encoding="utf-8")
        _append_list_item(path, active)

    def _write_cases(self, m: dict) -> None:
        cases = m.get("cases") or []
        if not cases:
            return
        path = self.repo / "tests" / "eligibility" / f"{self.doc}.yml"
        if not path.parent.is_dir():
            return
        for case in cases:
            for key in ("eligible_ids", "hidden_ids"):
                if key in case:
                    case[key] = [m["id"]]
        text = yaml.safe_dump(cases, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=None)
        with path.open("a", encoding="utf-8") as f:
            if path.stat().st_size and not path.read_text(encoding="utf-8").endswith("\n"):
                f.write("\n")
            f.write(text)

    def _save(self) -> None:
        self.path.write_text(dump(self.draft), encoding="utf-8")


def _append_list_item(path: Path, item: dict) -> None:
    """Append one entry to the top-level list that ends a rules file (`  - id: …`), keeping its comments."""
    block = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=4096, default_flow_style=None)
    block = "".join("  " + line if line.strip() else line for line in block.splitlines(True))
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + block, encoding="utf-8")
