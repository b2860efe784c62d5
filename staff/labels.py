"""Names for the ids the tracker store holds: measure ids -> titles, agency ids
-> names, group and need values -> labels, region names -> province and
coverage. All from the rules (bot.rules), loaded once."""
from __future__ import annotations

from functools import cached_property

from bot import rules as kbmod


class Labels:
    def __init__(self, kb=None):
        self._kb = kb

    @cached_property
    def kb(self):
        return self._kb or kbmod.default_kb()

    @cached_property
    def _measures(self) -> dict:
        return {m.id: m for m in self.kb.measures}

    def measure(self, mid: str) -> str:
        m = self._measures.get(mid)
        return f"{m.title} {self.kb.sources[m.doc].citation(m.article)}" if m else f"{mid}（规则中已无此措施）"

    def measure_leads(self, mid: str) -> tuple:
        m = self._measures.get(mid)
        return m.lead if m else ()

    def agency(self, aid: str) -> str:
        a = self.kb.agencies.get(aid)
        return a.full_name if a else f"{aid}（规则中已无此部门）"

    def heading(self, fact: str) -> str:
        """The fact's name on the console (facts.yml `console_label`, else its `label`)."""
        return self.kb.facts[fact].heading if fact in self.kb.facts else fact

    def fact_value(self, fact: str, value: str) -> str:
        fv = self.kb.facts[fact].values.get(value) if fact in self.kb.facts else None
        return fv.short_label() if fv else str(value)

    def place(self, name: str):
        return self.kb.gazetteer.resolve(name) if name else None

    def covered(self, name: str) -> bool | None:
        """True/False for a place of the gazetteer, None for a name it does not know."""
        place = self.place(name)
        return None if place is None else self.kb.gazetteer.is_covered(place)

    def province(self, name: str) -> str:
        place = self.place(name)
        return place.chain[-1] if place else name
