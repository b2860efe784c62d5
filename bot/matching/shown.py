"""A measure as a list or an answer shows it: the fields that never change,
built once per measure, and those of one match (its verdict, validity today,
the offices at the person's place, the notes under it). A part of the Engine
(bot/matching/engine.py)."""
from __future__ import annotations

from dataclasses import dataclass

from . import offices
from .. import texts
from ..rules import Measure

TRUE, UNKNOWN, FALSE = 1, 0, -1   # a verdict's status: eligible, possible, dropped


@dataclass(frozen=True)
class Shown:
    """A measure as the dialogue and the replies show it: what the knowledge base says of
    it, and what this match adds (its status, why, what is open, the offices at the
    person's place, its validity today). `bot match` prints the same as JSON
    (ShownMeasures.measure_dict)."""
    id: str
    title: str
    summary: str
    doc: str
    article: int
    category: str
    lead: tuple                      # the acting offices' names (a national measure: at the person's place)
    support: tuple
    quote: str
    citation: str
    status: str                      # eligible | possible | not (a condition fails: named, not listed)
    valid_until: str | None = None
    audience: tuple = ()
    audience_labels: tuple = ()
    criteria_by: str | None = None   # who decides what "符合条件" means
    expired: bool = False
    expiry_note: str | None = None
    why: tuple = ()
    own_group: bool = False
    open: tuple = ()                 # facts still unknown
    open_labels: tuple = ()
    confirm: tuple = ()              # plain-words notes: what to confirm (neighbouring groups)
    lead_reason: str | None = None
    lead_reason_article: str | None = None
    lead_function: dict | None = None   # {"id", "duty"}: the function that makes the lead act
    functions: tuple = ()
    by_function: bool = False
    office_exact: bool = False
    no_responsible_unit: bool = False
    publisher: str | None = None
    notes: tuple = ()
    in_force: str | None = None

    @classmethod
    def of(cls, shown: dict) -> "Shown":
        """From measure_dict's dict (the one description of the fields)."""
        fields = {k: v for k, v in shown.items() if k in cls.__dataclass_fields__}
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
        return cls(lead=tuple(shown["agencies"]["lead"]), support=tuple(shown["agencies"]["support"]), **fields)


class ShownMeasures:
    """The Engine's views of its measures (self.kb, self.today, self._static)."""

    def expired(self, doc: str) -> bool:
        until = self.kb.sources[doc].valid_until
        return until is not None and self.today > until

    def expiry_note(self, doc: str) -> str | None:
        """The ended-plan notice, or that a newer document replaces this one (sources.yml `superseded_by`)."""
        source = self.kb.sources[doc]
        if source.superseded_by:
            return texts.SUPERSEDED_NOTE.format(new=self.superseded_title(source.superseded_by))
        if not self.expired(doc):
            return None
        period = source.period_label or texts.UNTIL.format(date=f"{source.valid_until:%Y年%-m月%-d日}")
        return texts.PLAN_ENDED.format(period=period)

    def in_force(self, doc: str) -> str | None:
        """"现行有效" for a law or regulation in force today (sources.yml `in_force`)."""
        source = self.kb.sources[doc]
        if source.in_force is None or self.today < source.in_force or self.expired(doc) or source.superseded_by:
            return None
        return texts.IN_FORCE.format(date=f"{source.in_force:%Y年%-m月%-d日}")

    def notes(self, m: Measure) -> list[str]:
        """Lines under a measure in a listing: a law in force; the law in force that now says
        what an ended plan's measure said."""
        out = []
        note = self.in_force(m.doc)
        if note:
            out.append(note)
        newer = self.kb.measure(m.superseded_by) if m.superseded_by else None
        if newer is not None and self.in_force(newer.doc):
            out.append(texts.NOW_IN_LAW.format(citation=self.kb.sources[newer.doc].citation(newer.article)))
        return out

    def superseded_title(self, superseded_by: str) -> str:
        new = self.kb.sources.get(superseded_by)
        title = new.short_title if new else superseded_by.strip("《》")
        return f"《{title}》"

    def _static_dict(self, m: Measure) -> dict:
        source = self.kb.sources[m.doc]
        agencies = self.kb.agencies
        out = {
            "id": m.id,
            "title": m.title,
            "summary": m.summary,
            "doc": m.doc,
            "article": m.article,
            "category": m.category,
            "agencies": {"lead": [agencies[a].full_name for a in m.lead],
                         "support": [agencies[a].full_name for a in m.support]},
            "quote": m.quote,
            "valid_until": source.valid_until.isoformat() if source.valid_until else None,
            "citation": source.citation(m.article),
            "audience": list(m.audience),
            "audience_labels": [self.kb.audiences[a].label for a in m.audience],
            "criteria_by": "、".join(agencies[a].full_name for a in m.lead) or None,
        }
        if m.lead_reason:
            out["lead_reason"] = m.lead_reason
        if m.lead_function:
            fn = self.kb.functions[m.lead_function]
            out["lead_function"] = {"id": fn.id, "duty": fn.duty}
        if m.functions:   # named at the person's place in measure_dict
            out["functions"] = list(m.functions)
            out["by_function"] = True
            if m.lead_reason:
                where = source.article_of(m.lead_reason)
                if where is not None and where != m.article:
                    out["lead_reason_article"] = source.article_label(where)
        if source.responsibility == "none":
            out["no_responsible_unit"] = True
            out["publisher"] = agencies[source.publisher].full_name
        return out

    def ask_whom(self, m: Measure, place=None) -> str:
        """Whom the person should ask (the lead; a national text: its functions at the
        person's place; a document naming no unit: nobody in particular)."""
        if m.functions:
            return texts.OR.join(o.text for o in offices.offices(self.kb, m.functions, place))
        if not m.lead:
            return texts.ASK_LOCAL_OFFICE
        return texts.OR.join(self.kb.agencies[a].full_name for a in m.lead)

    def neighbour_note(self, m: Measure, near: frozenset, place=None) -> str:
        values = self.kb.facts[self.kb.facts.neighboured].values
        person = "、".join(values[g].short_label() for g in sorted(near))
        named = [(g, w) for g, w in m.group_words if set(values[g].neighbours) & near]
        words = [w for _, w in named if w]
        if words:
            return texts.NEIGHBOUR_NOTE.format(word="”“".join(dict.fromkeys(words)), person=person,
                                               agency=self.ask_whom(m, place))
        return texts.NEIGHBOUR_NOTE_LABEL.format(named="、".join(values[g].short_label() for g, _ in named),
                                                 person=person, agency=self.ask_whom(m, place))

    def offices_at(self, m, place) -> dict:
        """The offices of a measure that names them by function (a law), at the person's place."""
        if not m.functions:
            return {}
        named = offices.offices(self.kb, m.functions, place)
        return {"agencies": {"lead": [o.text for o in named], "support": []},
                "criteria_by": "、".join(o.text for o in named), "office_exact": all(o.exact for o in named)}

    def shown(self, v) -> Shown:
        """The measure of a Verdict as shown."""
        return Shown.of(self.measure_dict(v))

    def measure_dict(self, v) -> dict:
        """The measure of a Verdict as shown, as `bot match` prints it: its static part and this match's."""
        out = dict(self._static[v.measure.id])
        # validity depends on the day of the match, not on when the server started
        out["expired"] = self.expired(v.measure.doc)
        out["expiry_note"] = self.expiry_note(v.measure.doc)
        out["why"] = list(v.why)
        out["status"] = "eligible" if v.status == TRUE else "possible"
        if v.open:
            out["open"] = list(v.open)
            out["open_labels"] = [self.kb.facts[f].label for f in v.open]
        out["own_group"] = v.own_group
        if v.confirm:
            out["confirm"] = list(v.confirm)
        out.update(self.offices_at(v.measure, v.place))
        notes = self.notes(v.measure)
        if notes:
            out["notes"] = notes
            in_force = self.in_force(v.measure.doc)
            if in_force:
                out["in_force"] = in_force
        return out
