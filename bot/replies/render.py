"""Replies as channel-neutral messages (text + buttons), the questions the bot asks, the
profile line, and the Traditional rendering. Lists of measures: bot/replies/lists.py;
answers about one measure: bot/replies/answers.py. Channels only format these."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from .. import texts
from ..matching.engine import MatchResult
from ..rules import KnowledgeBase
from ..script import to_traditional


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class Reply:
    text: str
    buttons: list = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {"text": self.text}
        if self.buttons:
            out["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        return out


def intent_payload(intent: str, **entities) -> str:
    return "/" + intent + (json.dumps(entities, ensure_ascii=False) if entities else "")


_QUOTED = re.compile(r"“([^“”]{4,})”")


def localize(replies: list[Reply], script: str | None, kb: KnowledgeBase | None = None) -> list[Reply]:
    """Answer in Traditional to a person who writes Traditional (payloads untouched). A
    quotation of a document (“…” holding text of one of `kb`'s sources) stays as written."""
    if script != "traditional":
        return replies
    return [Reply(_traditional(r.text, kb), [Button(to_traditional(b.title), b.payload) for b in r.buttons])
            for r in replies]


def _traditional(text: str, kb: KnowledgeBase | None) -> str:
    if kb is None:
        return to_traditional(text)
    out, last = [], 0
    titles = kb.__dict__.setdefault("_titles", frozenset(m.title for m in kb.measures))
    for m in _QUOTED.finditer(text):
        # a measure's title is the bot's name for it, though a text may hold the same words
        if m.group(1) not in titles and any(m.group(1) in source.text for source in kb.sources.values()):
            out += [to_traditional(text[last:m.start(1)]), m.group(1)]
            last = m.end(1)
    out.append(to_traditional(text[last:]))
    return "".join(out)


# ---- questions -------------------------------------------------------------

def question(kb: KnowledgeBase, fact: str) -> Reply:
    """A question with its answers as buttons: a place's examples; a fact's values (those
    of `buttons` and 其他 when it declares some), 都不是 for a condition list, 跳过."""
    spec = kb.facts[fact]
    buttons: list[Button] = []
    if spec.kind == "place":
        buttons = [Button(b, intent_payload("inform", **{spec.entity: b})) for b in spec.buttons]
    else:
        chosen = spec.buttons or tuple(spec.values)
        buttons = [Button(spec.values[v].title, intent_payload("inform", **{spec.entity: v})) for v in chosen]
        if spec.buttons:
            buttons.append(Button(texts.OTHER_BUTTON, "/help"))
    if spec.kind == "list" and spec.condition:
        buttons.append(Button(texts.NONE_BUTTON, "/none_of_these"))
    else:
        buttons.append(Button(texts.SKIP_BUTTON, "/skip"))
    return Reply(spec.question, buttons)


# ---- results ---------------------------------------------------------------

def profile_line(kb: KnowledgeBase, result: MatchResult, slots: dict) -> str:
    parts = []
    if result.resolved:
        parts.append(texts.PROFILE_REGION.format(place=result.resolved[0]))
    for fact, spec in kb.facts.items():
        value = slots.get(fact)
        if spec.kind == "list":
            titles = [spec.values[v].title for v in value or () if v in spec.values]
            if titles:
                parts.append(f"{spec.label}：" + "、".join(titles))
        elif spec.kind == "one" and value in spec.values:
            parts.append(f"{spec.label}：" + spec.values[value].label)
    return "；".join(parts)
