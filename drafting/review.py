"""The terminal review of a draft (`python -m drafting review DRAFT`), for
scripts and for a reviewer without a browser; the staff console's review page
(staff/review.py) does the same through the same Session.

For a new document it first asks for the metadata the cover does not print
(title, short title, issuer; the publisher when no unit is named). Then, per
draft measure: the article with the quote marked 【…】, the measure, the words
that decided it, the review items and what would stop it being accepted now;
then  a accept · e edit · r reject · m merge with the previous · x split ·
+ add a measure from a passage · s skip · q quit. Everything it does is said.
"""
from __future__ import annotations

from pathlib import Path

from .session import ReviewError, Session

HELP = "a 接受  e 修改  r 不要  m 与上一条合并  x 拆分  + 补充一条  s 跳过  q 退出"
SOURCE_REQUIRED = ("title", "short_title", "issuer")
EDITABLE = ("id", "title", "summary", "category", "groups", "gender", "tech", "audience", "all_groups", "lead",
            "support", "lead_function", "functions", "lead_reason", "strict_groups", "note", "quote")


class TerminalIO:
    def ask(self, prompt: str) -> str:
        try:
            return input(prompt)
        except EOFError:
            return "q"

    def say(self, text: str = "") -> None:
        print(text, flush=True)


class ScriptedIO:
    """Answers from a list of lines; 'q' when they run out. Everything said is kept in
    `out` and, with `echo`, printed too (`--script`)."""

    def __init__(self, lines, echo: bool = False):
        self.lines = list(lines)
        self.out: list[str] = []
        self.echo = echo

    def ask(self, prompt: str) -> str:
        answer = self.lines.pop(0) if self.lines else "q"
        self.say(prompt + answer)
        return answer

    def say(self, text: str = "") -> None:
        self.out.append(text)
        if self.echo:
            print(text, flush=True)

    @property
    def text(self) -> str:
        return "\n".join(self.out)


class Review:
    def __init__(self, path: Path, rules: Path, repo: Path, io):
        self.session = Session(path, rules, repo)
        self.io = io

    def run(self) -> int:
        s, io = self.session, self.io
        p = s.progress()
        io.say(f"审阅草稿 {s.path}（{s.doc}）：{p['remaining']} 条待审，已接受 {p['accepted']} 条，不要 {p['rejected']} 条")
        for item in s.draft.get("source_review") or []:
            io.say(f"  ? 来源：{item}")
        left = [a for a in s.draft.get("articles", []) if not a.get("actionable")]
        if left:
            io.say(f"未收录的条款（政府内部事项，草拟判断，请核对）：{len(left)} 条")
            for a in left:
                io.say(f"  {a['label']} {a.get('title') or ''} — {a.get('reason')}")
        for span in s.draft.get("left_out") or []:
            io.say(f"  略去的文字 {span['chars'][0]}–{span['chars'][1]}：{span['reason']}（{span['text']}）")
        if s.doc not in s.kb.sources and not self._complete_source():
            return 1
        i = 0
        while i < len(s.measures):
            m = s.measures[i]
            self._show(m)
            answer = io.ask(f"[{HELP}] > ").strip().lower()
            try:
                if answer in ("q", "quit"):
                    break
                if answer in ("a", "accept"):
                    problems = s.accept(m["id"])
                    if problems:
                        io.say("接受后规则不再有效或情形用例不通过，已撤回（措施留在草稿中，请修改后再接受）：")
                        for x in problems:
                            io.say(f"  {x}")
                    else:
                        io.say(f"已接受 {s.draft['accepted'][-1]['id']} → rules/measures/{s.doc}.yml，"
                               f"情形用例 → tests/eligibility/{s.doc}.yml")
                    continue
                if answer in ("r", "reject"):
                    s.reject(m["id"])
                    io.say(f"不要 {m['id']}（记在草稿的 rejected 中）")
                    continue
                if answer in ("e", "edit"):
                    self._edit(m)
                    continue
                if answer in ("m", "merge"):
                    j = next((j for j in range(i - 1, -1, -1) if s.measures[j]["article"] == m["article"]), None)
                    if j is None:
                        io.say("同一条款前面没有可合并的草拟措施。")
                    else:
                        merged = s.merge(s.measures[j]["id"], m["id"])
                        io.say(f"已合并为 {merged['id']}：{merged['quote']}")
                        i = j
                    continue
                if answer in ("x", "split"):
                    part = io.ask("从哪几个字之前拆开（照抄原文中的几个字）> ").strip()
                    at = s.text.find(part, m["chars"][0], m["chars"][1]) if part else -1
                    if at <= m["chars"][0]:
                        io.say("这几个字不在这条措施的引文中（或在开头），未拆分。")
                    else:
                        first, second = s.split(m["id"], at)
                        io.say(f"已拆分为 {first['id']} 与 {second['id']}")
                    continue
                if answer in ("+", "add"):
                    passage = io.ask("要补充的原文（照抄，须逐字一致）> ").strip()
                    at = s.text.find(passage) if passage else -1
                    if at < 0:
                        io.say("这段文字不在原文中（须逐字一致），未补充。")
                    else:
                        new = s.add(at, at + len(passage))
                        io.say(f"已补充 {new['id']}（第{new['article']}条），请逐项核对")
                        i = s.measures.index(new)
                    continue
                if answer in ("s", "skip", ""):
                    i += 1
                    continue
                io.say("请输入 a、e、r、m、x、+、s 或 q。")
            except ReviewError as exc:
                io.say(str(exc))
        p = s.progress()
        io.say(f"完成：已接受 {p['accepted']} 条，不要 {p['rejected']} 条，草稿中还剩 {p['remaining']} 条（{s.path}）。")
        return 0

    def _show(self, m: dict) -> None:
        s, io = self.session, self.io
        art = s.article(m["article"])
        io.say("")
        io.say("=" * 60)
        if art:
            a, b = art["chars"]
            qa, qb = m["chars"]
            io.say(f"{m.get('label') or art['label']} {art.get('title') or ''}（第{m['article']}条）")
            io.say(s.text[a:qa] + "【" + s.text[qa:qb] + "】" + s.text[qb:b])
        io.say("-" * 60)
        io.say(f"id: {m['id']}    类别: {m['category']}    标题: {m['title']}")
        cond = m.get("conditions") or {}
        io.say(f"条件: {cond if cond else '（无：面向所有人）'}    对象: {m.get('audience')}")
        ag = m.get("agencies")
        if ag:
            io.say("牵头: " + "、".join(f"{s.agency_name(x)}({x})" for x in ag.get("lead", [])))
            if ag.get("support"):
                io.say("配合: " + "、".join(f"{s.agency_name(x)}({x})" for x in ag["support"]))
        if m.get("lead_function"):
            io.say(f"按职能牵头: {m['lead_function']}")
        if m.get("functions"):
            io.say("职能（第一个牵头）: " + "、".join(f"{s.kb.functions[f].name}({f})" if f in s.kb.functions else f
                                               for f in m["functions"]))
        for k, v in (m.get("why") or {}).items():
            io.say(f"  依据 {k}: {v}")
        for item in m.get("review") or []:
            io.say(f"  ? {item}")
        for problem in s.check(m["id"]):
            io.say(f"  ! 接受前须解决：{problem}")

    def _complete_source(self) -> bool:
        s = self.session
        entry = s.draft["source"]
        wanted = list(SOURCE_REQUIRED)
        if entry.get("responsibility") == "none" and not entry.get("publisher"):
            wanted.append("publisher")
        for key in wanted:
            while not entry.get(key):
                value = self.io.ask(f"新文件 {s.doc} 的 source.{key}（文件未写明，请填写；q 退出）> ").strip()
                if value == "q":
                    s.save()
                    return False
                if key == "publisher" and value and value not in s.kb.agencies:
                    value = s.add_agency(value, value, "county")["id"]
                for problem in s.set_source({key: value}):
                    self.io.say(problem)
        return True

    def _edit(self, m: dict) -> None:
        s, io = self.session, self.io
        io.say("逐行输入 字段=值，空行结束。字段：" + "、".join(EDITABLE) +
               "（groups/audience/lead/support/functions 用逗号分隔，值为空则删除）")
        fields = {}
        while True:
            line = io.ask("edit> ").strip()
            if not line or line == "q":
                break
            if "=" not in line:
                io.say("格式：字段=值")
                continue
            key, value = (x.strip() for x in line.split("=", 1))
            if key not in EDITABLE:
                io.say(f"未知字段 {key}")
                continue
            fields[key] = value
        if not fields:
            return
        try:
            s.edit(m["id"], fields)
            io.say("已修改：" + "、".join(fields))
        except ReviewError as exc:
            io.say(str(exc) + "（未修改）")
