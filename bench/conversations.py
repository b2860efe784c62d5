"""Conversations written as people write, scored turn by turn (tests/conversations/).

Each file is one conversation (format: tests/conversations/FORMAT.md): the lines a
person says and, per turn, what a correct reply does. This module plays them
against the bot and scores:
  understood  the reply is not a fallback and the facts, `unchanged`, `about` and
              `clarify` expectations of the turn hold
  correct     the citations, offices and phrases the turn expects are there
  phone       the reply fits a phone: at most MAX_CHARS characters (unless the person
              asked for details or the original text) and MAX_BUTTONS buttons
  repeated    a reply text identical to one of the previous turn
  outcome     by the end the person was told the expected measures and office, and the
              bot holds the expected facts

    .venv/bin/python bench/conversations.py tests/conversations/first [--rest URL] [-v]

Without --rest the NLU model (models/current.tar.gz) is loaded in this process and the
dialogue core is called as the action server calls it; with --rest the conversations go
to a running server (see localrun/servers.py for the client).
"""
from __future__ import annotations

import argparse
import asyncio
import re
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MAX_CHARS = 600
MAX_BUTTONS = 8
PROFILE = ("region", "groups", "gender", "needs", "tech_business")
# Replies that say the bot did not understand (bot/texts.py: NOT_UNDERSTOOD, OUT_OF_SCOPE, FALLBACK)
FALLBACK_MARKS = ("没太明白", "回答不了", "没能认出", "CRASH ")
# A request for the long form: details and the original text may exceed MAX_CHARS
LONG_OK = re.compile(r"详细|详情|原文|具体说|介绍一下|全文|全部|所有")
_LISTED = re.compile(r"^\s*(\d{1,2})\.\s*(.+?)\s*$", re.M)


@dataclass
class Turn:
    say: str
    expect: dict
    text: str = ""              # the reply, Simplified
    buttons: int = 0
    slots: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)    # (kind, what)

    @property
    def understood(self) -> bool:
        return not any(kind == "understood" for kind, _ in self.failures)

    @property
    def correct(self) -> bool:
        return not self.failures


@dataclass
class Result:
    path: Path
    turns: list
    outcome_failures: list

    @property
    def ok(self) -> bool:
        return not self.outcome_failures


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for t in data.get("turns") or []:
        t.setdefault("expect", {})
    return data


def conversation_files(where: Path) -> list[Path]:
    return sorted(p for p in Path(where).glob("*.yml"))


# ---- players --------------------------------------------------------------------------

class InProcess:
    """The NLU model in this process, the dialogue core called as the action server does."""

    def __init__(self, model: Path):
        import logging

        import structlog
        from rasa.core.agent import Agent
        logging.disable(logging.WARNING)
        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))

        from actions import actions
        self.actions = actions
        self.agent = Agent.load(str(model))
        self.loop = asyncio.new_event_loop()

    def start(self):
        from bot import dialogue as conversation
        slots = {name: None for name in conversation.slot_names(self.actions.engine().kb)}
        slots["page"] = 0
        return slots

    def turn(self, state: dict, text: str) -> tuple[dict, list[dict]]:
        from bot import dialogue as conversation
        from bot.replies import render
        parsed = self.loop.run_until_complete(self.agent.parse_message(text))
        msg = conversation.Incoming(
            text=parsed.get("text") or "", intent=(parsed.get("intent") or {}).get("name"),
            entities=list(parsed.get("entities") or []), script=parsed.get("script"),
            truncated=bool(parsed.get("truncated")))
        if text.startswith("/"):
            msg = conversation.Incoming(text=text, intent=parsed.get("intent", {}).get("name"),
                                        entities=list(parsed.get("entities") or []))
        out = conversation.respond(self.actions.engine(), dict(state), msg)
        if out.reset:
            state = {k: None for k in state}
        state = dict(state, **out.slots)
        replies = render.localize(out.replies, state.get("script"), self.actions.engine().kb)
        return state, [r.as_dict() for r in replies]


class OverRest:
    """A running server: REST for the messages, the tracker for the slots."""

    def __init__(self, client):
        self.client = client

    def start(self):
        return {"sender": f"conv-{uuid.uuid4().hex[:10]}"}

    def turn(self, state: dict, text: str):
        replies = self.client.say(state["sender"], text)
        return dict(state, **self.client.slots(state["sender"])), replies


# ---- scoring ---------------------------------------------------------------------------

class Judge:
    def __init__(self, kb):
        from bot.script import to_simplified
        self.kb = kb
        self.simplified = to_simplified

    def place(self, value):
        if not value:
            return None
        p = self.kb.gazetteer.resolve(str(value))
        return p.qualified_name if p else str(value)

    def same_name(self, have, want) -> bool:
        """The bot's place bears the name as written (昌吉 for 昌吉市, where 昌吉 alone
        resolves to the prefecture of the same name), or lies inside the place expected."""
        from bot.rules import short_form
        p = self.kb.gazetteer.resolve(str(have)) if have else None
        w = self.kb.gazetteer.resolve(str(want))
        # or a place inside it that the person named (去阳朔搞民宿 for 桂林)
        return p is not None and (str(want) in (p.name, short_form(p.name)) or w is not None and w.name in p.chain)

    def citation(self, key: str) -> str | None:
        doc, _, article = key.partition("#")
        source = self.kb.sources.get(doc)
        if source is None or not article.isdigit():
            return None
        return source.citation(int(article))

    def profile(self, slots: dict) -> dict:
        out = {}
        for f in PROFILE:
            v = slots.get(f)
            if f == "region":
                v = self.place(v)
            elif isinstance(v, list):
                v = sorted(v)
            out[f] = v
        return out

    def holds(self, slots: dict, facts: dict) -> list[str]:
        """What of `facts` does not hold in `slots` (lists must include the values)."""
        missing = []
        for f, want in (facts or {}).items():
            have = slots.get(f)
            if f == "region":
                if self.place(have) != self.place(want) and not self.same_name(have, want):
                    missing.append(f"region {want} (bot: {have})")
            elif isinstance(want, list):
                lacking = [w for w in want if w not in (have or [])]
                if lacking:
                    missing.append(f"{f} {lacking} (bot: {have})")
            elif have != want:
                missing.append(f"{f} {want} (bot: {have})")
        return missing

    def violates(self, slots: dict, facts: dict) -> list[str]:
        """What of `facts` (that must NOT hold) holds."""
        bad = []
        for f, no in (facts or {}).items():
            have = slots.get(f)
            if f == "region":
                if have and self.place(have) == self.place(no):
                    bad.append(f"region {no}")
            elif isinstance(no, list):
                hit = [v for v in no if v in (have or [])]
                if hit:
                    bad.append(f"{f} {hit}")
            elif have == no:
                bad.append(f"{f} {no}")
        return bad

    def cited(self, text: str, key: str) -> bool:
        c = self.citation(key)
        return bool(c) and c in text

    def check_turn(self, turn: Turn, before: dict, listing: dict, previous: str) -> None:
        e, text, fail = turn.expect, turn.text, turn.failures
        if not text.strip():
            fail.append(("understood", "no reply"))
        if any(m in text for m in FALLBACK_MARKS) and not e.get("clarify"):
            fail.append(("understood", "fallback"))
        for what in self.holds(turn.slots, e.get("facts")):
            fail.append(("understood", "fact " + what))
        for what in self.violates(turn.slots, e.get("not")):
            fail.append(("understood", "wrong fact " + what))
        if (e.get("unchanged") or e.get("clarify")) and self.profile(before) != self.profile(turn.slots):
            # a question that changed the profile, or an ambiguous statement taken one way
            what = "profile changed" if e.get("unchanged") else "guessed while ambiguous"
            fail.append(("understood", f"{what} {self.profile(before)} -> {self.profile(turn.slots)}"))
        if e.get("clarify") and not re.search(r"[？?]", text):
            fail.append(("understood", "no question back"))
        about = e.get("about")
        if about is not None:
            if isinstance(about, int):
                title = listing.get(about)
                if title is None:
                    fail.append(("understood", f"about item {about}: no such item was shown"))
                elif _title_key(title) not in text:
                    fail.append(("understood", f"about item {about} ({title})"))
            elif str(about) not in text:
                fail.append(("understood", f"about {about}"))
        for key in e.get("cites") or ():
            if not self.cited(text, key):
                fail.append(("correct", f"cites {key}"))
        if e.get("cites_any") and not any(self.cited(text, k) for k in e["cites_any"]):
            fail.append(("correct", f"cites one of {e['cites_any']}"))
        for key in e.get("not_cites") or ():
            if self.cited(text, key):
                fail.append(("correct", f"must not cite {key}"))
        if e.get("office") and not any(w in text for w in e["office"]):
            fail.append(("correct", f"office {e['office']}"))
        if e.get("says_any") and not any(str(w) in text for w in e["says_any"]):
            fail.append(("correct", f"says one of {e['says_any']}"))
        for w in map(str, e.get("not_says") or ()):
            if w in text:
                fail.append(("correct", f"must not say {w}"))
        if text and previous and any(part and part in previous.split("\n\n")
                                     for part in text.split("\n\n") if len(part) > 20):
            fail.append(("phone", "repeats the previous reply"))
        if (len(text) > MAX_CHARS and not LONG_OK.search(turn.say)) or turn.buttons > MAX_BUTTONS:
            fail.append(("phone", f"{len(text)} characters, {turn.buttons} buttons"))


def _title_key(title: str) -> str:
    """The title as a list line shows it, without what follows it (（可能适用）, citation)."""
    return re.split(r"（|\s—|——", title)[0].strip()


def listed_items(text: str) -> dict:
    return {int(n): t for n, t in _LISTED.findall(text)}


def play(player, judge: Judge, data: dict, path: Path) -> Result:
    state = player.start()
    turns, seen_text = [], ""
    listing: dict = {}
    previous = ""
    for t in data.get("turns") or []:
        before = dict(state)
        try:
            state, replies = player.turn(state, str(t["say"]))
        except Exception as exc:   # a crash is a failed turn, and the conversation goes on
            import traceback
            traceback.print_exc()
            replies = [{"text": f"CRASH {type(exc).__name__}: {exc}"}]
        text = judge.simplified("\n\n".join(r.get("text") or "" for r in replies))
        turn = Turn(str(t["say"]), t.get("expect") or {}, text, sum(len(r.get("buttons") or []) for r in replies),
                    dict(state))
        judge.check_turn(turn, before, listing, previous)
        turns.append(turn)
        shown = listed_items(text)
        if shown:
            listing = shown
        seen_text += "\n" + text
        previous = text
    outcome = data.get("outcome") or {}
    fails = []
    for key in outcome.get("measures") or ():
        if not judge.cited(seen_text, key):
            fails.append(f"never cited {key}")
    if outcome.get("office") and not any(w in seen_text for w in outcome["office"]):
        fails.append(f"never named an office of {outcome['office']}")
    fails += [f"final fact {w}" for w in judge.holds(state, outcome.get("facts"))]
    return Result(path, turns, fails)


def report(results: list[Result], verbose: bool = False) -> dict:
    turns = [t for r in results for t in r.turns]
    figures = {
        "conversations": len(results),
        "outcome_ok": sum(r.ok for r in results),
        "turns": len(turns),
        "not_understood": sum(not t.understood for t in turns),
        "incorrect": sum(any(k == "correct" for k, _ in t.failures) for t in turns),
        "not_phone_sized": sum(any(k == "phone" for k, _ in t.failures) for t in turns),
        "profile_changed_by_question": sum(any("profile changed" in w for _, w in t.failures) for t in turns),
    }
    for r in results:
        bad = [t for t in r.turns if t.failures]
        if r.ok and not bad and not verbose:
            continue
        print(f"\n== {r.path.name}: {'OK' if r.ok else 'OUTCOME FAILED: ' + '; '.join(r.outcome_failures)}")
        for i, t in enumerate(r.turns, 1):
            if t.failures or verbose:
                print(f"  [{i}] {t.say}")
                for kind, what in t.failures:
                    print(f"      ✗ {kind}: {what}")
                if verbose or t.failures:
                    print("      → " + t.text[:300].replace("\n", " ⏎ "))
    n = max(1, figures["turns"])
    print(f"\n{figures['outcome_ok']}/{figures['conversations']} conversations end with the right measures and office; "
          f"{figures['not_understood']}/{figures['turns']} turns not understood ({100 * figures['not_understood'] / n:.1f}%), "
          f"{figures['incorrect']} incorrect, {figures['not_phone_sized']} not phone-sized, "
          f"{figures['profile_changed_by_question']} profile changes by a question")
    return figures


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("where", type=Path, nargs="+")
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("-k", help="only files whose name contains this")
    args = ap.parse_args()
    from bot.rules import default_kb
    judge = Judge(default_kb())
    player = InProcess(args.model)
    files = [f for w in args.where for f in (conversation_files(w) if w.is_dir() else [w])]
    if args.k:
        files = [f for f in files if args.k in f.name]
    results = [play(player, judge, load(f), f) for f in files]
    figures = report(results, args.verbose)
    return 0 if figures["outcome_ok"] == figures["conversations"] else 1


if __name__ == "__main__":
    sys.exit(main())
