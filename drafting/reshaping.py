"""Reject, merge, split and add: the review operations that change which passages
of the text are draft measures. Session mixes them in; they use its draft, its
text and its rule for a quote's span (Session._set_span: inside one article,
blanks trimmed), and save the draft file after each."""
from __future__ import annotations

from bot.script import to_simplified

from .fields import ReviewError
from .reading import read


class Reshaping:
    def reject(self, mid: str, why: str = "") -> None:
        m = self.measure(mid)
        self.draft["rejected"].append({"id": m["id"], "quote": m["quote"], **({"why": why} if why else {})})
        self.draft["measures"] = [x for x in self.measures if x is not m]
        self.save()

    def merge(self, first_id: str, second_id: str) -> dict:
        """One measure over the contiguous passage from the first to the second (verbatim by construction)."""
        first, second = self.measure(first_id), self.measure(second_id)
        if first["article"] != second["article"]:
            raise ReviewError("只能合并同一条款的措施")
        a = min(first["chars"][0], second["chars"][0])
        b = max(first["chars"][1], second["chars"][1])
        merged = dict(first)
        self._set_span(merged, a, b)
        merged["summary"] = to_simplified(merged["quote"])
        c1, c2 = first.get("conditions") or {}, second.get("conditions") or {}
        groups = list(dict.fromkeys(c1.get("groups", []) + c2.get("groups", [])))
        cond = dict(c1)
        if groups:
            cond["groups"] = groups
        if cond:
            merged["conditions"] = cond
        merged["review"] = list(dict.fromkeys((first.get("review") or []) + (second.get("review") or [])))
        merged.setdefault("why", {})["edited"] = f"由 {first_id} 与 {second_id} 合并"
        self.draft["measures"] = [merged if x is first else x for x in self.measures if x is not second]
        self.save()
        return merged

    def split(self, mid: str, at: int) -> tuple[dict, dict]:
        """Two measures from one, at character `at` of the text (inside its quote)."""
        m = self.measure(mid)
        a, b = m["chars"]
        if not a < at < b:
            raise ReviewError(f"拆分处 {at} 不在引文（{a}–{b}）之内")
        first, second = dict(m), dict(m)
        art = self.article(m["article"]) or {}
        cut = at
        for p in art.get("parts", []):       # a cut just after an item's marker: the marker goes with neither
            if p["chars"][0] < at and not self.text[p["chars"][0]:at].strip("（）()一二三四五六七八九十0123456789.、．"):
                cut = p["chars"][0]
        self._set_span(first, a, _trim(self.text, a, cut))
        second_start = at
        while second_start < b and self.text[second_start] in "，,；; \t\u3000\n":
            second_start += 1
        self._set_span(second, second_start, b)
        second["id"] = self._free_id(m["id"] + "-b")
        for x in (first, second):
            x["summary"] = to_simplified(x["quote"])
            x.setdefault("why", {})["edited"] = f"由 {mid} 拆分"
        i = self.measures.index(m)
        self.draft["measures"][i:i + 1] = [first, second]
        self.save()
        return first, second

    def add(self, start: int, end: int) -> dict:
        """A new draft measure over text[start:end] (inside one article), read like the drafter's."""
        probe = {}
        self._set_span(probe, start, end)
        art = self.article(probe["article"])
        r = read(probe["quote"], self._vocab())
        prefix = self.draft["measures"][0]["id"].split("-")[0] if self.measures else \
            (self.draft["accepted"][0]["id"].split("-")[0] if self.draft["accepted"] else self.doc.split("-")[0])
        m = {"id": self._free_id(f"{prefix}-{probe['article']}-added"), "status": "draft",
             "article": probe["article"], "label": probe["label"],
             "title": (art.get("title") if art and art.get("title") else to_simplified(probe["quote"])[:18]),
             "summary": to_simplified(probe["quote"]),
             "category": (r.category or ("mentoring",))[0]}
        m["audience"] = "founder"
        cond = {}
        if r.groups:
            cond["groups"] = list(r.groups)
        if r.gender:
            cond["gender"] = r.gender[0]
        if r.tech:
            cond["tech_business"] = True
        if cond:
            m["conditions"] = cond
        near = [x for x in self.measures if x["article"] == probe["article"] and x.get("agencies")]
        if self.by_function:
            (ids, words), _, why = self._drafter().functions_for(r, probe["quote"])
            if ids:
                m["functions"] = ids
            if words:
                m["lead_reason"] = words
        elif near:
            m["agencies"] = near[0]["agencies"]
        elif self.draft["accepted"]:
            kbm = next((x for x in self.kb.measures if x.id == self.draft["accepted"][-1]["id"]), None)
            if kbm is not None and kbm.lead:
                m["agencies"] = {"lead": list(kbm.lead)}
        m.update({k: probe[k] for k in ("quote", "chars", "bytes")})
        m["why"] = {"added": "审阅人从所选原文补充", "decision": r.why()}
        if self.by_function:
            m["why"]["lead"] = why
        m["review"] = ["审阅人补充的措施：请逐项核对"]
        after = [i for i, x in enumerate(self.measures) if x["chars"][0] <= start]
        self.draft["measures"].insert(after[-1] + 1 if after else 0, m)
        self.save()
        return m

    def _free_id(self, base: str) -> str:
        taken = {x["id"] for x in self.measures} | {x.id for x in self.kb.measures} | \
            {x["id"] for x in self.draft["accepted"]}
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        return ident

    def _drafter(self):
        """The drafter of this text (who acts by function: the text's responsibility article)."""
        from .writer import Drafter
        if getattr(self, "_drafter_cache", None) is None:
            d = Drafter(self.text, self.doc, self.draft["source"].get("region") or "全国", self._vocab())
            d.prepare(self.draft["source"])
            self._drafter_cache = d
        return self._drafter_cache

    def _vocab(self):
        from .vocab import load_vocabulary
        if getattr(self, "_vocab_cache", None) is None:
            self._vocab_cache = load_vocabulary(self.rules, kb=self.kb)
        return self._vocab_cache


def _trim(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in "，,；; \t\u3000\n":
        b -= 1
    return b
