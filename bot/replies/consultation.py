"""A consultation summary to take to the agency, Rasa-free.

One summary holds the profile, the chosen measures (those whose details the
person opened; else the own-group ones and the top of each category), each
with its citation, quote, agencies, validity and the questions to ask the
agency (what the document leaves unstated), plus the rules version and the date.

Its id is stable: a keyed hash (HMAC) of the profile, the chosen measures and
the rules version, so the same consultation under the same rules has the same
id (and the same text, the date aside: the channel keeps the first rendering).
The key is the server's secret (`use_id_key`, called by actions/actions.py), so
nobody who knows or guesses a person's profile can compute the link to their
summary; without it each process draws a random key. It holds no text the
person typed, only the knowledge base's text and the profile's labels, so
there is nothing to mask.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import html
import json
import secrets
from dataclasses import dataclass, field

from . import followup
from .. import texts
from ..matching.engine import Engine
from ..rules import KnowledgeBase
from .render import profile_line
from ..matching.shown import Shown

MAX_OWN = 10
ID_LENGTH = 16
_id_key = secrets.token_bytes(32)    # replaced by the server's secret (use_id_key)
TITLE = texts.SUMMARY_TITLE
DISCLAIMER = texts.SUMMARY_DISCLAIMER


def rules_version(kb: KnowledgeBase) -> str:
    """A short hash of every file under rules/: the knowledge base the summary was made from."""
    cached = kb.__dict__.get("_rules_version")
    if cached is None:
        h = hashlib.sha256()
        for path in kb.rule_files():
            h.update(str(path.relative_to(kb.root)).encode("utf-8") + b"\0")
            h.update(path.read_bytes() + b"\0")
        cached = kb.__dict__["_rules_version"] = h.hexdigest()[:12]
    return cached


def questions(m: Shown) -> list[str]:
    """What to ask the agency about this measure: what its document leaves open."""
    out = [texts.ASK_ELIGIBLE]
    out += [texts.ASK_CONFIRM.format(note=note) for note in m.confirm or ()]
    if m.open_labels:
        out.append(texts.ASK_OPEN + "、".join(m.open_labels))
    missing = followup.gaps(m)
    if followup.Gap.AMOUNT in missing:
        out.append(texts.ASK_AMOUNT)
    out.append(texts.ASK_PROCEDURE)
    if followup.Gap.MATERIALS in missing:
        out.append(texts.ASK_MATERIALS)
    if m.expired:
        out.append(texts.ASK_ENDED)
    elif followup.Gap.DEADLINE in missing:
        out.append(texts.ASK_DEADLINE)
    return out


def pick(items: list[Shown], chosen: list[str]) -> list[Shown]:
    """The measures of the summary, in the engine's order."""
    if chosen:
        by_id = {m.id: m for m in items}
        picked = [by_id[i] for i in chosen if i in by_id]
        if picked:
            return picked
    out = [m for m in items if m.own_group][:MAX_OWN]
    seen_categories = set()
    for m in items:
        if m.category not in seen_categories:
            seen_categories.add(m.category)
            if m not in out:
                out.append(m)
    return out


@dataclass
class Summary:
    id: str
    version: str
    date: str
    profile: str
    measures: list
    guides: dict = field(default_factory=dict)   # measure id -> the 申办指引 lines

    def text(self) -> str:
        lines = [TITLE, texts.SUMMARY_PROFILE.format(profile=self.profile), self._meta(), ""]
        for i, m in enumerate(self.measures, 1):
            lines.append(f"{i}. {m.title}（{m.citation}）")
            lines.extend(f"   {line}" for line in self.guides[m.id][1:])
            lines.append("   " + texts.SUMMARY_QUESTIONS + "：")
            lines.extend(f"   · {q}" for q in questions(m))
            lines.append("")
        lines.append(DISCLAIMER)
        return "\n".join(lines)

    def html(self) -> str:
        e = html.escape
        parts = [
            "<!doctype html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
            f"<title>{e(TITLE)} {e(self.id)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="robots" content="noindex, nofollow">',   # a person's own page
            f"<style>{_CSS}</style></head><body>",
            f"<header><h1>{e(TITLE)}</h1>",
            f'<p class="profile">{e(texts.SUMMARY_PROFILE.format(profile=self.profile))}</p>',
            f'<p class="meta">{e(self._meta())}</p>',
            f'<button class="print" onclick="window.print()">{e(texts.SUMMARY_PRINT)}</button></header><main>',
        ]
        for i, m in enumerate(self.measures, 1):
            parts.append(f'<section class="measure"><h2>{i}. {e(m.title)}</h2>')
            parts.append(f'<p class="citation">{e(texts.SUMMARY_BASIS.format(citation=m.citation))}</p><dl>')
            for line in self.guides[m.id][1:]:
                key, _, value = line.partition("：")
                parts.append(f"<dt>{e(key)}</dt><dd>{e(value)}</dd>")
            parts.append(f"</dl><h3>{e(texts.SUMMARY_QUESTIONS)}</h3><ul>")
            parts += [f"<li>{e(q)}</li>" for q in questions(m)]
            parts.append("</ul></section>")
        parts.append(f'</main><footer><p>{e(DISCLAIMER)}</p></footer></body></html>')
        return "\n".join(parts)

    def _meta(self) -> str:
        return texts.SUMMARY_META.format(date=self.date, version=self.version, id=self.id)

    def record(self) -> dict:
        """What a channel stores: the renderings, made once."""
        return {"id": self.id, "version": self.version, "date": self.date, "html": self.html(), "text": self.text(),
                "measures": [m.id for m in self.measures]}


def use_id_key(key: bytes) -> None:
    """The key summary ids are made with (every action server of a deployment the same)."""
    global _id_key
    _id_key = key


def summary_id(facts: dict, chosen: list[str], version: str) -> str:
    key = json.dumps({"facts": _canonical(facts), "chosen": list(chosen), "version": version},
                     ensure_ascii=False, sort_keys=True)
    return hmac.new(_id_key, key.encode("utf-8"), hashlib.sha256).hexdigest()[:ID_LENGTH]


def _canonical(facts: dict) -> dict:
    out = {}
    for k, v in facts.items():
        if v is None:
            continue
        out[k] = sorted(v) if k == "groups" else v
    return out


def build(engine: Engine, result, items: list[Shown], facts: dict, chosen: list[str],
          today: dt.date | None = None) -> Summary:
    kb = engine.kb
    version = rules_version(kb)
    measures = pick(items, chosen)
    date = (today or engine.today).isoformat()
    return Summary(summary_id(facts, [m.id for m in measures] if chosen else [], version), version, date,
                   profile_line(kb, result, facts) or "（未提供）", measures,
                   {m.id: followup.guide(kb, m) for m in measures})


_CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; max-width: 48em;
       margin: 1.5em auto; padding: 0 1em; color: #111; line-height: 1.55; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.15em; margin: 0 0 .3em; }
h3 { font-size: 1em; margin: .6em 0 .2em; }
.profile { font-weight: bold; }
.meta, .citation { color: #444; font-size: .9em; }
.measure { border-top: 1px solid #999; padding: .8em 0; }
dl { display: grid; grid-template-columns: 6.5em 1fr; gap: .2em .6em; margin: .3em 0; }
dt { font-weight: bold; }
dd { margin: 0; }
footer { border-top: 2px solid #333; margin-top: 1em; padding-top: .5em; font-size: .9em; }
button.print { margin: .5em 0; padding: .4em 1em; font-size: 1em; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  button.print { display: none; }
  .measure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""
