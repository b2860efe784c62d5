"""The review of one draft: every operation a reviewer has, in one place (the
staff console's review page and the terminal flow both call it).

  set_source    the document's metadata (title, short title, issuer, publisher, number, dates)
  edit          a measure's fields, from the closed vocabularies (drafting/fields.py); a new quote only
                as a span of the text
  check         the problems a measure would have if accepted now (live validation)
  accept        write it into rules/ and its situation cases into tests/eligibility/, re-validate,
                run the cases, and roll everything back (with the reason) when anything fails
  reject        set it aside (`rejected:` keeps its id and quote)        (these four: drafting/reshaping.py)
  merge         two measures of one article into one over the passage from the first to the second
  split         one measure into two at a position of its quote
  add           a measure from any span of an article the drafter did not offer
  add_agency / add_group   a new agency or group, proposed in the draft, written when a measure using it is accepted

Every operation saves the draft file, so a review can stop and resume.
Accepting writes (drafting/rules_writer.py), for a new document, its
sources.yml entry, its text into rules/sources/ and its measures file (with the
left-out articles in the header comment); the proposed agencies and groups the measure uses; the measure (the
rules format only: no span, no review items); and the cases (rewritten as one
YAML list, no anchors).
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import yaml

from bot import rules as kbmod
from bot.rules.fidelity import measure_offences
from bot.rules import LEVELS

from . import cases as casesmod
from . import check
from .fields import ReviewError, list_of, set_field
from .segment import byte_span
from .reshaping import Reshaping
from .rules_writer import (replace_list_item, restore, saved_files, source_entry, write_cases,
                           write_measure, write_proposals, write_source)
from .writer import dump

SOURCE_FIELDS = ("title", "short_title", "issuer", "publisher", "number", "issued", "adopted", "in_force",
                 "valid_until", "period_label")
DATE_FIELDS = ("issued", "adopted", "in_force", "valid_until")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GROUP_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Session(Reshaping):
    def __init__(self, path: Path, rules: Path, repo: Path | None = None, kb=None):
        self.path, self.rules = Path(path), Path(rules)
        self.repo = Path(repo) if repo else self.rules.parent
        if not self.path.is_file():
            raise ReviewError(f"{self.path}: no such draft file")
        self.draft = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if not isinstance(self.draft, dict) or "measures" not in self.draft:
            raise ReviewError(f"{self.path}: not a draft file (no `measures:`)")
        self.doc = str(self.draft["doc"])
        self.kb = kb or kbmod.load(self.rules)
        entry = self.draft.get("source") or {}
        if self.doc in self.kb.sources:
            self.text = self.kb.sources[self.doc].text
        else:
            self.text = check.source_text_path(self.rules, self.path, entry).read_text(encoding="utf-8")
        self.draft.setdefault("accepted", [])
        self.draft.setdefault("rejected", [])
        self.draft.setdefault("new_agencies", [])
        self.draft.setdefault("new_groups", [])

    # ---- reading --------------------------------------------------------------------
    @property
    def measures(self) -> list:
        return self.draft["measures"]

    def measure(self, mid: str) -> dict:
        m = next((m for m in self.measures if m["id"] == mid), None)
        if m is None:
            raise ReviewError(f"草稿中没有措施 {mid}（已接受、已不要或已改名？）")
        return m

    def progress(self) -> dict:
        done = len(self.draft["accepted"]) + len(self.draft["rejected"])
        return {"accepted": len(self.draft["accepted"]), "rejected": len(self.draft["rejected"]),
                "remaining": len(self.measures), "reviewed": done, "total": done + len(self.measures)}

    def article(self, number: int) -> dict | None:
        return next((a for a in self.draft.get("articles", []) if a["article"] == number), None)

    def agency_name(self, aid: str) -> str:
        if aid in self.kb.agencies:
            return self.kb.agencies[aid].name
        new = next((a for a in self.draft["new_agencies"] if a["id"] == aid), None)
        return new["name"] if new else aid

    def agencies_for_choice(self) -> list[dict]:
        """Agencies a measure of this document may name: those of its region and above, and the proposed ones."""
        region = self.draft["source"].get("region") or ""
        place = (self.kb.gazetteer.find(region) or [None])[0]
        chain = set(place.chain) if place else set()
        known = [{"id": a.id, "name": a.name, "full_name": a.full_name, "new": False}
                 for a in self.kb.agencies.values() if a.region in chain]
        new = [{"id": a["id"], "name": a["name"], "full_name": a["full_name"], "new": True}
               for a in self.draft["new_agencies"]]
        return new + known

    def functions_for_choice(self) -> list[dict]:
        return [{"id": f.id, "label": f.name + (f"（{f.plain}）" if f.plain else ""), "duty": f.duty}
                for f in self.kb.functions.values()]

    def save(self) -> None:
        self.path.write_text(dump(self.draft), encoding="utf-8")

    # ---- the document's metadata -------------------------------------------------------------
    def set_source(self, fields: dict) -> list[str]:
        """Write metadata fields; returns what was refused (a bad date), the rest is kept."""
        refused = []
        entry = self.draft["source"]
        for key, value in fields.items():
            if key not in SOURCE_FIELDS:
                refused.append(f"{key}：不是文件信息的字段（{', '.join(SOURCE_FIELDS)}）")
                continue
            value = (value or "").strip() if isinstance(value, str) else value
            if key in DATE_FIELDS and value:
                try:
                    value = dt.date.fromisoformat(str(value))
                except ValueError:
                    refused.append(f"{key}：“{value}”不是日期（应为 YYYY-MM-DD）")
                    continue
            if key == "publisher" and value and value not in self.kb.agencies and \
                    value not in {a["id"] for a in self.draft["new_agencies"]}:
                refused.append(f"publisher：没有这个部门 {value}")
                continue
            if value in ("", None):
                entry.pop(key, None)
            else:
                entry[key] = value
        if entry.get("publisher") and not any(m.get("agencies") for m in self.measures):
            entry["responsibility"] = "none"
        self.draft["source_review"] = [r for r in self.draft.get("source_review", [])
                                       if not any(r.startswith(f"{k}:") and entry.get(k) for k in SOURCE_FIELDS)]
        self.save()
        if self.doc in self.kb.sources:
            problems = self._rewrite_source_entry()
            refused += problems
        return refused

    # ---- a measure's fields ------------------------------------------------------------------
    @property
    def by_function(self) -> bool:
        """The text names functions, not offices (sources.yml `responsibility: functions`)."""
        return (self.draft.get("source") or {}).get("responsibility") == "functions"

    def edit(self, mid: str, fields: dict) -> dict:
        """Apply edits: id title summary category groups gender tech audience lead support
        lead_function functions (the first leads) all_groups lead_reason strict_groups note, and a
        new quote as `chars` [start, end] of the text."""
        original = self.measure(mid)
        m = copy.deepcopy(original)         # the draft changes only when every field is valid
        cond = dict(m.get("conditions") or {})
        for key, value in fields.items():
            if key == "id":
                m["id"] = self._free_new_id(mid, value)
            elif key in ("chars", "quote"):
                self._set_span(m, *self._span_of(key, value))
            else:
                set_field(m, cond, key, value, self.kb.functions)
        cond = {k: v for k, v in cond.items() if v not in ([], "", None)}
        if cond:
            m["conditions"] = cond
        else:
            m.pop("conditions", None)
        m.setdefault("why", {})["edited"] = "审阅人修改：" + "、".join(sorted(fields))
        self.draft["measures"] = [m if x is original else x for x in self.measures]
        self.save()
        return m

    def _free_new_id(self, mid: str, value) -> str:
        """The id a reviewer gives measure mid: well-formed and used by no other measure."""
        value = str(value).strip()
        if not ID_PATTERN.match(value):
            raise ReviewError(f"措施编号“{value}”只能用小写字母、数字和连字符")
        if value != mid and (any(x["id"] == value for x in self.measures) or
                             any(x.id == value for x in self.kb.measures)):
            raise ReviewError(f"措施编号“{value}”已被占用")
        return value

    def _span_of(self, key: str, value) -> tuple[int, int]:
        """A new quote's span: `chars` as given, or where a verbatim `quote` first occurs in the text."""
        if key == "chars":
            a, b = (int(x) for x in value)
            return a, b
        value = str(value)
        start = self.text.find(value)
        if start < 0 or not value:
            raise ReviewError("这段文字不在原文中（须逐字一致），未修改。")
        return start, start + len(value)

    def _set_span(self, m: dict, a: int, b: int) -> None:
        if not (0 <= a < b <= len(self.text)) or not self.text[a:b].strip():
            raise ReviewError(f"{a}–{b} 不是原文中的一段文字")
        while a < b and self.text[a] in " \t\u3000\n":
            a += 1
        while b > a and self.text[b - 1] in " \t\u3000\n":
            b -= 1
        art = self._article_at(a)
        if art is None or b > art["chars"][1]:
            raise ReviewError("引文须在同一条款之内（请在一个条款内选择）")
        m["quote"], m["chars"] = self.text[a:b], [a, b]
        m["bytes"] = list(byte_span(self.text, (a, b)))
        m["article"] = art["article"]
        m["label"] = _part_label(art, a)

    def _article_at(self, position: int) -> dict | None:
        return next((a for a in self.draft.get("articles", []) if a["chars"][0] <= position < a["chars"][1]), None)

    # ---- live validation --------------------------------------------------------------------
    def check(self, mid: str) -> list[str]:
        """What accepting the measure now would run into: the draft's own checks for it and
        the document's metadata, the hedge check, and its situation cases."""
        m = self.measure(mid)
        probe = dict(self.draft, measures=[m])
        tmp = self.path.with_name(f".check-{self.path.name}")
        tmp.write_text(dump(probe), encoding="utf-8")
        try:
            problems = [p.message if p.ident in (m["id"], self.doc) else f"{p.ident}: {p.message}"
                        for p in check.check_draft(tmp, self.rules, self.kb)
                        if "is in no article" not in p.message]
        finally:
            tmp.unlink()
        problems += [o.split(" ", 1)[1] for o in measure_offences([_Measure(m)])]
        proposed = {g["id"] for g in self.draft["new_groups"]}
        problems = [p for p in problems if not any(p.startswith(f"unknown value `{g}` for groups") for g in proposed)]
        return list(dict.fromkeys(problems))

    # ---- accepting -----------------------------------------------------------------------------
    def accept(self, mid: str) -> list[str]:
        """Write the measure into rules/ (and what it needs), then validate and run its cases.
        Returns the problems: empty when it was accepted, else everything was rolled back."""
        m = self.measure(mid)
        problems = self.check(mid)
        if problems:
            return problems
        saved = saved_files(self.rules, self.doc, self._cases_path())
        try:
            write_source(self.rules, self.doc, self.text, self.draft["source"], listed=self.doc in self.kb.sources)
            write_proposals(self.rules, m, self.draft, self.kb)
            active = write_measure(self.rules, self.doc, m, self.draft.get("articles", []))
            kb, found = kbmod.validate(self.rules)
            problems = [str(p) for p in found]
            cases = []
            if kb is not None:
                problems += measure_offences([kb_m for kb_m in kb.measures if kb_m.id == active["id"]])
                cases = casesmod.cases_for(active, self.doc, kb)
                problems += casesmod.failures(cases, kb)
            if not problems:
                write_cases(self._cases_path(), self.doc, self.draft["source"].get("short_title") or self.doc, cases)
        except OSError as exc:
            problems = [f"写入失败：{exc}"]
        if problems:
            restore(saved)
            return problems
        self.kb = kb
        # what is now in rules/ is no longer a proposal of the draft
        self.draft["new_agencies"] = [a for a in self.draft["new_agencies"] if a["id"] not in kb.agencies]
        self.draft["new_groups"] = [g for g in self.draft["new_groups"] if g["id"] not in kb.facts["groups"].values]
        self.draft["measures"] = [x for x in self.measures if x is not m]
        self.draft["accepted"].append({"id": active["id"], "quote": active["quote"], "article": active["article"],
                                       "chars": m["chars"]})
        self.save()
        return []

    def _cases_path(self) -> Path:
        return self.repo / "tests" / "eligibility" / f"{self.doc}.yml"

    def _rewrite_source_entry(self) -> list[str]:
        """Metadata edited after the first accept: replace the document's sources.yml entry, re-validate."""
        path = self.rules / "sources.yml"
        before = path.read_bytes()
        replace_list_item(path, "id", self.doc, source_entry(self.draft["source"]))
        kb, found = kbmod.validate(self.rules)
        if found:
            path.write_bytes(before)
            return [str(p) for p in found]
        self.kb = kb
        return []

    # ---- new agencies and groups ------------------------------------------------------------------
    def add_agency(self, name: str, full_name: str, level: str, region: str | None = None) -> dict:
        name, full_name = name.strip(), (full_name or name).strip()
        if not name:
            raise ReviewError("新部门需要名称")
        if level not in LEVELS:
            raise ReviewError(f"层级“{level}”应为 {', '.join(LEVELS)} 之一")
        region = region or self.draft["source"].get("region")
        if not self.kb.gazetteer.find(region or ""):
            raise ReviewError(f"没有这个地区：{region}")
        prefix = (self.measures[0]["id"] if self.measures else self.doc).split("-")[0]
        taken = set(self.kb.agencies) | {a["id"] for a in self.draft["new_agencies"]}
        n = len(self.draft["new_agencies"]) + 1
        while f"{prefix}-new{n}" in taken:
            n += 1
        entry = {"id": f"{prefix}-new{n}", "name": name, "full_name": full_name, "level": level, "region": region}
        self.draft["new_agencies"].append(entry)
        self.save()
        return entry

    def add_group(self, ident: str, label: str, synonyms) -> dict:
        ident = ident.strip()
        if not GROUP_ID.match(ident):
            raise ReviewError(f"身份编号“{ident}”只能用小写字母、数字和下划线")
        if ident in self.kb.facts["groups"].values or any(g["id"] == ident for g in self.draft["new_groups"]):
            raise ReviewError(f"身份 {ident} 已经存在")
        if not label.strip():
            raise ReviewError("新身份需要名称")
        entry = {"id": ident, "label": label.strip(), "synonyms": list_of(synonyms)}
        self.draft["new_groups"].append(entry)
        self.save()
        return entry

    def groups_for_choice(self) -> list[dict]:
        out = [{"id": v, "label": fv.label, "new": False} for v, fv in self.kb.facts["groups"].values.items()]
        return out + [{"id": g["id"], "label": g["label"], "new": True} for g in self.draft["new_groups"]]


class _Measure:
    """A draft measure as bot.fidelity reads measures (id, quote, title, summary)."""

    def __init__(self, m: dict):
        self.id, self.quote = m["id"], m.get("quote") or ""
        self.title, self.summary = m.get("title") or "", m.get("summary") or ""


def _part_label(article: dict, position: int) -> str:
    best = article["label"]
    for p in article.get("parts", []):
        if p["chars"][0] <= position < p["chars"][1]:
            best = p["label"]
    return best
