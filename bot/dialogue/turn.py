"""One turn's state: the slots before and after, the replies, and the person's results.

The dialogue's own slots (domain.yml declares the same):
  question   the fact the bot is asking about now, if any
  asked      facts asked so far; skipped: facts the person declined (never asked again)
  missed     answers to the open question that answered nothing (1: asked again; 2: skipped)
  script     simplified | traditional: the bot answers in the person's script
  view, page what the last listing showed: None (overview), "all" or a need; its page
  listed     ids of the last numbered list exactly as shown: 第N项 means listed[N-1]
  focused    the last answer was about one measure (the focus): 能贴多少 is about it
  pending    "missing": the optional "what was missing?" after a 👎 is open;
             "which": listed holds the candidates of "您是说哪一项？"
  said       short hashes of the previous turn's texts: no text is sent twice in a row
  last_text  the person's previous message (as stored: masked), to notice a repetition
  chosen     ids of the measures whose details were opened (the summary lists them)
Read by the staff console, set in the turn they describe even when unchanged:
  shown      ids of the measures listed in that turn
  focus      id of the measure in focus (details shown, or a question answered about it)
  referred   ids of the agencies the bot named in that turn
  feedback   {"rating": "up"|"down", "measures": [ids], "missing": text or None}
  summary    id of the consultation summary produced
  misread    {"message": the person's previous message, "then": this one}: they corrected,
             repeated or rephrased, so the previous answer was possibly misread
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .. import texts
from ..matching.engine import Engine
from ..matching.shown import Shown
from ..matching.profile import Profile, parse_profile
from ..replies.render import Reply


class ConsoleSlot:
    """The slots the staff console reads (staff/queries.py, staff/pages.py), by name: the
    facts it counts (rules/facts.yml's: REGION is its place) and the slots above."""
    REGION, GROUPS, NEEDS = "region", "groups", "needs"
    QUESTION, MISSED = "question", "missed"
    SHOWN, FOCUS, REFERRED, FEEDBACK, SUMMARY, MISREAD = "shown", "focus", "referred", "feedback", "summary", "misread"


CONSOLE_SLOTS = (ConsoleSlot.SHOWN, ConsoleSlot.FOCUS, ConsoleSlot.REFERRED, ConsoleSlot.FEEDBACK,
                 ConsoleSlot.SUMMARY, ConsoleSlot.MISREAD)
DIALOGUE_SLOTS = ("skipped", "asked", ConsoleSlot.QUESTION, ConsoleSlot.MISSED, "script", "page",
                  "view", "pending", "chosen", "listed", "focused", "said", "last_text", "asked_for", "told_of") + CONSOLE_SLOTS
MAX_TEXT = 1000     # the one length cap: NLU reads this much, the dialogue says when it cut


@dataclass
class Incoming:
    """One user message as NLU saw it."""
    text: str
    intent: str | None = None
    entities: list = field(default_factory=list)
    script: str | None = None       # set by NLU, which already converted `text` to Simplified:
                                    # traditional | simplified | either (reads the same in both)
    truncated: bool = False         # longer than the NLU cap: only its start was read

    @property
    def is_payload(self) -> bool:
        return self.text.startswith("/")


@dataclass
class Outcome:
    replies: list
    slots: dict                     # slot name -> new value
    reset: bool = False             # forget every slot first (restart)
    summary: object = None          # a bot.replies.consultation.Summary the channel stores and delivers

    def script(self, before: str | None) -> str | None:
        return self.slots.get("script", before)


def slot_names(kb) -> tuple:
    """Every slot the dialogue reads or writes (domain.yml declares the same)."""
    return tuple(kb.facts) + DIALOGUE_SLOTS


def profile_from_slots(kb, slots: dict) -> Profile:
    """Tolerant: values that are not in the contract are ignored, not fatal."""
    return parse_profile({f: slots.get(f) for f in kb.facts}, kb, strict=False)


def listing(engine: Engine, result) -> list[Shown]:
    """What the person sees: eligible and possible in the engine's one relevance order."""
    return [engine.shown(v) for v in result.ranked]


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


class Turn:
    def __init__(self, engine: Engine, slots: dict, message: Incoming):
        self.engine = engine
        self.kb = engine.kb
        self.place = self.kb.facts.place
        self.before = {name: slots.get(name) for name in slot_names(self.kb)}
        self.slots = dict(self.before)
        self.msg = message
        self.replies: list[Reply] = []
        self.reset = False
        self.forced: set = set()    # console slots set this turn even if the value is the same
        self.summary_doc = None
        self.act = None             # bot.reading.Act, once read
        self._current = None

    # ---- plumbing ------------------------------------------------------------------
    def set(self, **values) -> None:
        self.slots.update(values)
        if any(f in self.kb.facts for f in values) or "skipped" in values:
            self._current = None

    def mark(self, **values) -> None:
        """Set console slots: emitted this turn even when unchanged (they describe the turn)."""
        self.set(**values)
        self.forced.update(values)

    def say(self, text: str, buttons=()) -> None:
        self.replies.append(Reply(text, list(buttons)))

    def said_before(self, text: str) -> bool:
        """Was this text part of the previous turn's answer?"""
        return _hash(text) in set(self.before.get("said") or ())

    def outcome(self) -> Outcome:
        replies = _distinct(self.replies)
        said = set(self.before.get("said") or ())
        fresh = [r for r in replies if _hash(r.text) not in said]
        if fresh:       # never the same text twice in a row
            replies = fresh
        elif replies:   # the person asked the same again: the same answer, said to be the same
            replies = [Reply(texts.SAID_BEFORE + replies[0].text, replies[0].buttons)] + replies[1:]
        self.slots["said"] = [_hash(r.text) for r in replies]
        if self.reset:
            changes = {k: v for k, v in self.slots.items() if v is not None}
        else:
            changes = {k: v for k, v in self.slots.items() if v != self.before.get(k) or k in self.forced}
        return Outcome(replies, changes, self.reset, self.summary_doc)

    # ---- the person ------------------------------------------------------------------
    @property
    def question(self) -> str | None:
        return self.slots.get("question")

    def facts(self) -> dict:
        return {f: self.slots.get(f) for f in self.kb.facts}

    def profile(self) -> Profile:
        return profile_from_slots(self.kb, self.facts())

    def has_profile(self) -> bool:
        return self.slots.get(self.place) is not None

    def current(self):
        """(result, items): the person's match and what they see, in relevance order."""
        if self._current is None:
            if not self.has_profile() and self.place not in (self.slots.get("skipped") or ()):
                self._current = (None, [])
            else:
                result = self.engine.match(self.profile(), skip=tuple(self.slots.get("skipped") or ()))
                self._current = (result, listing(self.engine, result))
        return self._current

    def match_for(self, facts: dict):
        """(result, items) for these facts instead of the person's (a question about others)."""
        result = self.engine.match(profile_from_slots(self.kb, facts))
        return result, listing(self.engine, result)

    def listed_items(self) -> list[Shown]:
        """The last numbered list as it was shown (never re-ranked under the person); before
        any list, the first screen the person's results would show."""
        ids = self.slots.get("listed") or []
        if not ids:
            from .ordering import view_items
            return view_items(self, self.current()[1], self.slots.get("view"))
        by_id = {m.id: m for m in self.current()[1]}
        return [by_id.get(i) or self.measure(i) for i in ids if by_id.get(i) or self.measure(i)]

    def measure(self, mid: str) -> Shown | None:
        """A measure by id, judged for the person when it is theirs, else as it stands."""
        for m in self.current()[1]:
            if m.id == mid:
                return m
        return self.engine.measure_by_id(mid, self.profile())

    def show_list(self, ms: list[Shown], numbered_from: int = 1, prefix: list | None = None) -> None:
        """Remember a numbered list as shown: `prefix` ids come before (earlier pages)."""
        self.set(listed=list(prefix or []) + [m.id for m in ms], focused=False)
        self.mark(shown=[m.id for m in ms])
        self.refer(ms, support=False)

    def refer(self, ms: list[Shown], support: bool = True) -> None:
        ids: list = []
        for m in ms:
            km = self.kb.measure(m.id)
            if km is None:
                continue
            for a in km.lead + (km.support if support else ()):
                if a not in ids:
                    ids.append(a)
        self.mark(referred=ids)

    def focus_on(self, m: Shown) -> None:
        self.mark(focus=m.id)
        self.set(focused=True)

    def label(self, fact: str, value) -> str:
        return self.kb.facts[fact].value_label(value) if fact != self.place else ""

    def place_name(self, value) -> str:
        """The gazetteer's name of a place slot value (图们 -> 图们市), else the value."""
        place = self.kb.gazetteer.resolve(str(value))
        return place.name if place else str(value)


def _distinct(replies: list) -> list:
    """Never the same text twice in one answer."""
    seen, out = set(), []
    for r in replies:
        if r.text in seen:
            continue
        seen.add(r.text)
        out.append(r)
    return out
