"""The matching engine: a profile in, three-valued verdicts per measure out.

eligible  every condition holds
possible  no condition fails, some facts are still unknown; or the text names
          a group next to one of the person's (rules/facts.yml `neighbours`):
          then a plain-words note says what to confirm, and with whom
(dropped) some condition fails

The region condition is implied by the measure's document: a document covers
its region and every place inside it; a national document (region 全国) every
place in China but those its `not_in` names (香港, 澳门, 台湾). A place in China
with no local document gets the national measures and `local_note` saying local
measures are not in the knowledge base yet; only a place outside (or unknown)
gets the coverage `message`. `needs` only ranks, it never excludes.
National measures name functions: `measure_dict` says each at the person's
place (bot/matching/offices.py; the measure as shown: bot/matching/shown.py). A measure of an ended plan that a law in force states too
(`superseded_by`) ranks after that law's measure and points to it.
A measure whose every audience is an organisation a person may run (facts.yml
`runs`: incubator operators, universities, banks, large enterprises) is dropped
unless the person runs one of them; it stays reachable by id (details, search).

One relevance order (`Engine.relevance`) sorts every result: own group, then
stated needs, then audience fit, then local documents before provincial ones,
then document order. Renderers and the dialogue show it as it is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import offices
from .. import texts
from ..rules import FOUNDER, RUNS_FACT, KnowledgeBase, Measure
from .profile import Profile
from .shown import FALSE, TRUE, UNKNOWN, Shown, ShownMeasures

SMALL_BUSINESS = "small_business"   # facts.yml `audiences`: any small business (a person's own firm is one)


_LEVEL_DEPTH = {"country": -1, "province": 0, "prefecture": 1, "county": 2}


@dataclass
class Verdict:
    measure: Measure
    status: int              # TRUE eligible / UNKNOWN possible
    why: list
    open: list               # facts still unknown
    own_group: bool          # meant for one of the person's groups
    sort_key: tuple
    confirm: list = None     # plain-words notes: what to confirm (neighbouring groups)
    place: object = None     # the person's place (a gazetteer Place): where functions are named


@dataclass
class MatchResult:
    region_input: str | None
    resolved: list
    eligible: list
    possible: list
    next_question: dict | None
    message: str | None
    local_note: str | None = None   # a place in China without local documents: say so (and 12345)

    @property
    def ranked(self) -> list:
        """Eligible and possible together, in the one relevance order: what a person sees."""
        return sorted(self.eligible + self.possible, key=lambda v: v.sort_key)

    def as_dict(self, engine: "Engine") -> dict:
        rank = {v.measure.id: n for n, v in enumerate(self.ranked, 1)}

        def ranked_dict(v):
            return dict(engine.measure_dict(v), rank=rank[v.measure.id])

        out = {
            "region": {"input": self.region_input, "resolved": self.resolved},
            "eligible": [ranked_dict(v) for v in self.eligible],
            "possible": [ranked_dict(v) for v in self.possible],
            "next_question": self.next_question,
        }
        if self.message:
            out["message"] = self.message
        if self.local_note:
            out["local_note"] = self.local_note
        return out


def _today() -> dt.date:
    return dt.date.today()


class Engine(ShownMeasures):
    def __init__(self, kb: KnowledgeBase, today: dt.date | None = None):
        self.kb = kb
        self._fixed_today = today   # tests pin a date; a server reads the clock per match
        self._place = kb.facts.place
        self._doc_depth = {}
        self._national = set()     # documents for the whole country cover every place
        for sid, source in kb.sources.items():
            places = kb.gazetteer.find(source.region)
            self._doc_depth[sid] = _LEVEL_DEPTH[places[0].level] if places else 0
            if places and places[0].level == "country":
                self._national.add(sid)
        self._static = {m.id: self._static_dict(m) for m in kb.measures}
        self._share = {}                     # (doc, group) -> share of the doc's measures for the group
        for sid in kb.sources:
            ms = kb.measures_of(sid)
            for m in ms:
                for g in m.conditions.get("groups") or ():
                    self._share[(sid, g)] = self._share.get((sid, g), 0) + 1 / len(ms)
        self._order = {m.id: i for i, m in enumerate(kb.measures)}

    @property
    def today(self) -> dt.date:
        return self._fixed_today or _today()

    def measure_by_id(self, mid: str, profile: Profile) -> Shown | None:
        """One measure judged for `profile` (a measure the person named that is not in
        their list: `status` "not" when a condition fails)."""
        m = self.kb.measure(mid)
        if m is None:
            return None
        result_region = self._region_state(m, profile)
        v = self._judge(m, profile, result_region, self._place_of(profile), {})
        if v is None:
            out = dict(self._static[mid], why=[], status="not", own_group=False,
                       expired=self.expired(m.doc), expiry_note=self.expiry_note(m.doc))
            place = self._place_of(profile)
            if place is not None:     # not the person's measure, but its office is still at their place
                out.update(self.offices_at(m, place))
            return Shown.of(out)
        return self.shown(v)

    def check(self, mid: str, profile: Profile) -> list[tuple[str, str]]:
        """Each condition of a measure against what the person said: (label, ✓ | ？ | ✗)."""
        m = self.kb.measure(mid)
        facts = self.kb.facts
        source = self.kb.sources[m.doc]
        state = self._region_state(m, profile)
        out = [(texts.CHECK_REGION.format(region=source.region), {TRUE: "✓", UNKNOWN: "？", FALSE: "✗"}[state])]
        for fact in facts.conditions:
            want, known = m.conditions.get(fact), profile.get(fact)
            if want is None:
                continue
            spec = facts[fact]
            if spec.kind == "list":
                both = m.all_groups and fact == "groups"      # 外籍高层次人才: every one of them
                label = f"{spec.label}：" + texts.AND.join(spec.values[v].label for v in sorted(want)) \
                    if both else f"{spec.label}：" + texts.OR.join(spec.values[v].short_label() for v in sorted(want))
                hit = want <= set(known or ()) if both else want & set(known or ())
                partly = both and want & set(known or ())     # one of them said, the other to confirm
                mark = "？" if not known or partly and not hit else "✓" if hit \
                    else "？" if m.neighbour_groups & set(known) else "✗"
            else:
                label = self._why_single(spec, want)[:-2]
                mark = "？" if known is None else "✓" if known == want else "✗"
            out.append((label, mark))
        return out

    def _place_of(self, profile: Profile):
        region = profile.get(self._place)
        return self.kb.gazetteer.resolve(region) if region is not None else None

    def _region_state(self, m: Measure, profile: Profile) -> int:
        region = profile.get(self._place)
        return self.region_state(self.kb.sources[m.doc], region, self._place_of(profile))

    # ---- evaluation -------------------------------------------------------
    def match(self, profile: Profile, skip=()) -> MatchResult:
        """Judge every measure; `skip` lists facts never to ask about (the person declined)."""
        kb = self.kb
        region = profile.get(self._place)
        place = None
        resolved: list = []
        message = None
        if region is not None:
            place = kb.gazetteer.resolve(region)
            resolved = place.chain if place else []
        doc_region = {sid: self.region_state(source, region, place) for sid, source in kb.sources.items()}
        local_note = None
        if region is not None and not any(s == TRUE for s in doc_region.values()):
            message = self.coverage_message(region, place)
        elif place is not None and not any(doc_region[sid] == TRUE for sid, s in kb.sources.items() if not s.national):
            local_note = texts.NO_LOCAL_DOCUMENTS.format(place=offices.place_label(place))

        needs_rank = {n: i for i, n in enumerate(profile.get("needs") or ())}
        eligible, possible = [], []
        for m in kb.measures:
            v = self._judge(m, profile, doc_region[m.doc], place, needs_rank)
            if v is None:
                continue
            (eligible if v.status == TRUE else possible).append(v)
        eligible.sort(key=lambda v: v.sort_key)
        possible.sort(key=lambda v: v.sort_key)
        return MatchResult(region, resolved, eligible, possible,
                           self.next_question(possible, skip), message, local_note)

    def region_state(self, source, region, place) -> int:
        """Does the document cover the person's place? UNKNOWN while no place is given."""
        if region is None:
            return UNKNOWN
        if place is None:
            return FALSE
        chain = place.ancestors_and_self()
        if any(p.name in source.not_in for p in chain):
            return FALSE
        return TRUE if any(p.name == source.region for p in chain) else FALSE

    def coverage_message(self, region: str, place) -> str:
        """Where nothing applies: a place outside the knowledge base's reach."""
        covered = "、".join(self.kb.covered_regions())
        if place is not None:   # in China, but where the national texts are not applied (香港 …)
            return texts.NOT_COVERED_EXCEPTED.format(where=f"“{place.name}”", covered=covered)
        return texts.NOT_COVERED.format(where=texts.UNKNOWN_PLACE.format(region=region), covered=covered)

    def _judge(self, m: Measure, p: Profile, region_state: int, place, needs_rank) -> Verdict | None:
        if region_state == FALSE:
            return None
        facts = self.kb.facts
        audience = frozenset(m.audience)
        runs = audience & set(p.get(RUNS_FACT) or ())
        if audience and audience <= self.kb.run_audiences and not runs:
            return None   # only for organisations the person does not run
        why, open_facts = [], []
        if region_state == TRUE:
            why.append(texts.WHY_REGION.format(place=place.name, region=self.kb.sources[m.doc].region))
        else:
            open_facts.append(self._place)
        cond = m.conditions
        own_group = False       # a list condition the person meets: meant for them
        confirm = []
        for fact in facts.conditions:
            spec, want, known = facts[fact], cond.get(fact), p.get(fact)
            if want is None:
                if spec.kind == "list":
                    why.append(texts.WHY_ANY.format(label=spec.label))
                continue
            if known is None:
                open_facts.append(fact)
            elif spec.kind == "list":
                hit = want & set(known)
                if m.all_groups and hit != want:
                    return None   # 残疾退役军人: both groups, not one of them
                near = m.neighbour_groups & set(known) if fact == facts.neighboured else frozenset()
                if hit:
                    own_group = True
                    why.append(f"{spec.label}：" + "、".join(spec.values[v].label for v in sorted(hit)) + " ✓")
                elif near:
                    confirm.append(self.neighbour_note(m, near, place))
                else:
                    return None
            elif known != want:
                return None
            else:
                why.append(self._why_single(spec, want))
        if runs:
            spec = facts[RUNS_FACT]
            why.append(f"{spec.label}：" + "、".join(spec.values[a].label for a in sorted(runs)) + " ✓")
        status = UNKNOWN if open_facts or confirm else TRUE
        if own_group or confirm or any(facts[f].kind == "one" and p.get(f) == w for f, w in cond.items()):
            tier = 0      # the person's own group (or a neighbouring one to confirm), or e.g. their gender
        elif any(facts[f].kind in ("list", "one") for f in cond):
            tier = 2      # for a group or gender the person has not stated (yet)
        else:
            tier = 1      # for everyone
        return Verdict(m, status, why, open_facts, own_group, self.relevance(m, p, tier, needs_rank), confirm,
                       place)

    def relevance(self, m: Measure, p: Profile, tier: int, needs_rank: dict) -> tuple:
        """The one relevance order (smaller first), used for every listing:
        1. the person's own group (or a neighbouring one to confirm, or their
           gender), then measures for everyone, then those for a group or
           gender the person has not stated;
        2. the needs they stated, in the order stated;
        3. audience fit (`audience_fit`);
        4. an ended plan's measure that a law in force now states (`superseded_by`) after
           the rest, so the law comes first;
        5. a local document before a provincial one, a provincial one before a national one;
        6. a document about the person's group before one that names it among others (残疾人
           就业条例 before 就业促进法 for a disabled person): the share of the document's
           measures that are for that group;
        7. document order."""
        return (
            tier,
            needs_rank.get(m.category, len(needs_rank)),
            self.audience_fit(m, p),
            1 if m.superseded_by else 0,
            -self._doc_depth[m.doc],
            -self.devoted(m, p),
            self._order[m.id],
        )

    DEVOTED = 0.3   # a document with at least this share of its measures for a group is about it

    def devoted(self, m: Measure, p: Profile) -> float:
        """1 when the measure's document is about one of the person's groups it names (退役军人
        保障法 for a veteran, 残疾人就业条例 for a disabled person), else 0."""
        groups = set(m.conditions.get("groups") or ()) & set(p.get("groups") or ())
        return 1.0 if any(self._share.get((m.doc, g), 0.0) >= self.DEVOTED for g in groups) else 0.0

    def audience_fit(self, m: Measure, p: Profile) -> int:
        """0: the text names the person as they are (a person starting a
        business; what they run; a yes-fact that is an audience, e.g. a
        科技型企业 when they said so); 1: any small business; 2: others (e.g.
        科技型企业 for a person who did not say so)."""
        said = {FOUNDER, *(p.get(RUNS_FACT) or ())}
        said.update(a for a in m.audience if a in self.kb.facts and p.get(a) is True)
        if said & set(m.audience):
            return 0
        return 1 if SMALL_BUSINESS in m.audience else 2

    @staticmethod
    def _why_single(spec, value) -> str:
        label = spec.value_label(value)
        return f"{label} ✓" if spec.kind == "bool" else f"{spec.label}：{label} ✓"

    def next_question(self, possible: list, skip=()) -> dict | None:
        """The unknown fact that would settle the most possible measures."""
        counts: dict = {}
        for v in possible:
            for fact in v.open:
                if fact not in skip:
                    counts[fact] = counts.get(fact, 0) + 1
        if not counts:
            return None
        order = self.kb.facts.asked
        counts = {f: n for f, n in counts.items() if f in order}
        if not counts:
            return None
        fact = max(counts, key=lambda f: (counts[f], -order.index(f)))
        spec = self.kb.facts[fact]
        return {
            "fact": fact,
            "text": spec.question,
            "settles": counts[fact],
            "options": [{"value": v, "label": fv.label} for v, fv in spec.values.items()]
            if spec.values else [{"value": b, "label": b} for b in spec.buttons],
        }

