"""The dialogue policy, Rasa-free: slots + the latest message -> replies + slot changes.

One function, `respond`, decides every turn. Rasa's part is to classify the
message (intent, entities) and to store the slots; one custom action
(action_respond) calls this module once per user message. Because every
message goes through the same code, each gets exactly one answer: there is no
form that can reject a message and no second prediction that can loop.

What a turn does, in order:
1. 重新开始 / the restart button / Telegram's /restart forget everything.
2. A message that is too long, or has no Chinese (English, emoji, digits),
   gets a short reply and the open question again.
3. The facts the message states (bot/understanding.py) are merged into the
   profile; a near-miss place name gets "您是说柳州吗？" first.
4. Something new was learnt: ask the one question that settles the most
   measures (the engine's next_question), or list the measures.
5. Otherwise the intent decides (details, more, agencies, help …), and an
   answer that answers nothing gets "抱歉，我没太明白" with the question once;
   a second miss on the same question skips it (the region excepted), so no
   conversation can go round in circles.
Also, before 3: 👍/👎 (and the optional "what was missing" after a
👎), the consultation summary, follow-up questions about the measure in focus
(bot/followup.py) and the whole list; and a need stated after the results
lists its category. A long listing opens on an overview (bot/overview.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import clarify, followup, overview, render, summary, texts, understanding
from .dialogue import item_number, listing, profile_from_slots
from .engine import Engine
from .render import Button, Reply
from .script import read_script

# The dialogue's own slots; the fact slots are the facts of rules/facts.yml.
# Facts that `refine` (facts.yml) settle a few measures only: at most one of
# them is asked; the rest stay "possible" and are flagged as such. `needs`
# refines too when the listing is long: it decides what the overview opens on.
# What the staff console reads (keep the names; domain.yml):
#   shown     ids of the measures listed in that turn
#   focus     id of the measure whose details were shown (a follow-up is about it)
#   referred  ids of the agencies the bot named in that turn
#   feedback  {"rating": "up"|"down", "measures": [ids], "missing": text or None}
#   summary   id of the consultation summary produced
CONSOLE_SLOTS = ("shown", "focus", "referred", "feedback", "summary")
DIALOGUE_SLOTS = ("skipped", "asked", "question", "missed", "suggested_region", "script", "page",
                  "view", "pending", "chosen") + CONSOLE_SLOTS
MAX_TEXT = 1000
RESTART_WORDS = {"重新开始", "重来", "从头开始", "从头来", "重新来", "重新查", "清空", "restart", "/restart"}
YES_WORDS = {"是", "是的", "对", "对的", "对啊", "嗯", "嗯嗯", "没错", "是啊", "好", "好的", "yes", "y", "ok"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_OTHER_LETTER = re.compile(r"[^\W\d_\u3400-\u9fff\uf900-\ufaff]")  # letters of any other script
_FILLER = re.compile(r"^(?:e+m+|h?m+|ok|okay|hi|hey|ha+|lol)$", re.I)
_MARKUP = re.compile(r"<[^>]*>|[{}\[\]]|https?://")
# Words that must be in the message for NLU's intent to be taken at its word:
# short social intents have closed vocabularies, and a number or a filler
# classified as goodbye must not end the conversation.
YES_MARKERS = ("是", "对", "算", "有", "没错", "当然", "肯定", "确实", "yes")
NO_MARKERS = ("不", "没", "否", "非", "no")
INTENT_MARKERS = {
    "goodbye": ("再见", "拜拜", "拜", "bye", "88", "走了", "结束", "下次", "回头", "没事了", "不聊了", "晚安"),
    "thanks": ("谢", "感谢", "多谢", "thank", "辛苦"),
    "greet": ("你好", "您好", "嗨", "哈喽", "哈啰", "hello", "hi", "在吗", "在不在", "早上好", "下午好", "晚上好",
              "早安", "有人吗", "喂"),
    # a 👍/👎, a summary or the whole list only when the words say so
    "feedback_up": ("有帮助", "有用", "👍", "赞", "帮大忙", "好用", "好评"),
    "feedback_down": ("没帮助", "没用", "👎", "没啥用", "没什么用", "不满意", "没找到", "答非所问", "用处不大",
                      "不太有用", "没啥帮助", "没什么帮助", "帮不上", "差评", "没有用", "没多大用", "用都没"),
    "summary": ("打印", "清单", "发给我", "发我", "导出", "保存", "下载", "汇总", "整理"),
    "show_all": ("全部", "所有", "都列", "都看", "全都"),
}
ANSWER_INTENTS = ("inform", "nlu_fallback", "affirm", "deny", "none_of_these", "skip")
# Messages that are a new request, not the optional "what was missing" after a 👎.
REQUEST_INTENTS = ("more", "details", "ask_agency", "show_all", "summary", "start_over", "restart",
                   "feedback_up", "feedback_down", "help", "bot_challenge") + followup.KINDS
# Asking for the summary in words NLU may not know yet ("想开打印店" is not one).
SUMMARY_WORDS = ("生成清单", "把结果发给我", "结果发给我", "咨询清单", "打印出来", "打印清单", "打印结果",
                 "下载结果", "导出结果")
THUMBS = {"👍": "up", "👎": "down"}
# Words of a complaint: after a 👎 such a message says what was missing, whatever NLU made of it.
MISSING_CUES = ("没说", "没有说", "没写", "没有写", "没告诉", "没提", "缺", "少了", "希望", "应该有", "不够",
                "没找到", "没有找到", "找不到", "不清楚", "看不懂")


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
    summary: object = None          # a bot.summary.Summary the channel stores and delivers

    def script(self, before: str | None) -> str | None:
        return self.slots.get("script", before)


def slot_names(kb) -> tuple:
    """Every slot this module reads or writes (domain.yml declares the same)."""
    return tuple(kb.facts) + DIALOGUE_SLOTS


def respond(engine: Engine, slots: dict, message: Incoming) -> Outcome:
    return _Turn(engine, slots, message).run()


class _Turn:
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

    # ---- plumbing ------------------------------------------------------------
    def set(self, **values) -> None:
        self.slots.update(values)

    def say(self, text: str, buttons=()) -> None:
        self.replies.append(Reply(text, list(buttons)))

    def outcome(self) -> Outcome:
        if self.reset:
            changes = {k: v for k, v in self.slots.items() if v is not None}
        else:
            changes = {k: v for k, v in self.slots.items() if v != self.before.get(k) or k in self.forced}
        return Outcome(_distinct(self.replies), changes, self.reset, self.summary_doc)

    def mark(self, **values) -> None:
        """Set console slots: emitted this turn even when unchanged (they describe the turn)."""
        self.set(**values)
        self.forced.update(values)

    def listed(self, ms: list[dict], support: bool = False) -> None:
        """The measures shown this turn and the agencies named with them."""
        self.mark(shown=[m["id"] for m in ms])
        self.referred(ms, support)

    def referred(self, ms: list[dict], support: bool = True) -> None:
        ids: list = []
        for m in ms:
            km = followup._kb_measure(self.kb, m["id"])
            if km is None:
                continue
            for a in km.lead + (km.support if support else ()):
                if a not in ids:
                    ids.append(a)
        self.mark(referred=ids)

    @property
    def question(self) -> str | None:
        return self.slots.get("question")

    def profile(self):
        return profile_from_slots(self.kb, self.facts())

    # ---- the turn --------------------------------------------------------------
    def run(self) -> Outcome:
        msg = self.msg
        text = msg.text or ""
        intent = msg.intent
        if msg.is_payload:
            simple = ""
        else:
            # NLU converted the text already; without NLU (the core's own callers) convert once here
            converted, script = (text, msg.script) if msg.script else read_script(text)
            simple = converted.strip()
            self.note_script(script)
        self.simple = simple

        if intent in ("start_over", "restart") or simple.lower() in RESTART_WORDS \
                or text.strip().lower() in RESTART_WORDS:
            return self.restart()
        if msg.truncated or len(text) > MAX_TEXT:
            self.say(texts.TOO_LONG)
            return self.ask_again()
        thumbs = simple.replace(" ", "")
        if not msg.is_payload and thumbs and set(thumbs) <= set(THUMBS) | {"\ufe0f"}:
            intent = "feedback_" + THUMBS.get(thumbs[0], "up")
            return self.feedback(intent)
        if not msg.is_payload and _foreign(simple):
            self.say(texts.OTHER_LANGUAGE)
            return self.ask_again()
        if not msg.is_payload and not _CJK.search(simple) and simple.lower() not in YES_WORDS \
                and not _FILLER.match(simple.strip(" .!?！？。,，")):
            self.say(texts.ODD_INPUT)
            return self.ask_again()

        if intent in INTENT_MARKERS and not msg.is_payload and not _says(simple, INTENT_MARKERS[intent]):
            intent = "nlu_fallback"
        reading = understanding.read(self.kb, simple, msg.entities, self.question, msg.is_payload)
        if clarify.is_pending(self.slots.get("pending")):   # the answer to "您是高校毕业吗？" (bot/clarify.py)
            if clarify.answer(self.kb, self.slots["pending"], intent, simple, reading):
                intent = "inform"
            self.set(pending=None)
        if self.slots.get("pending") == "missing":
            self.set(pending=None)
            if intent == "skip":
                self.say(texts.DONE)
                return self.ask_again()
            complaint = _says(simple, MISSING_CUES)   # "没说去哪里办" reads like a question, is an answer
            if complaint and not msg.is_payload or not (
                    msg.is_payload or intent in REQUEST_INTENTS or reading.facts or reading.negated
                    or _says(simple, SUMMARY_WORDS)):
                return self.note_missing(text)
        if intent in ("feedback_up", "feedback_down"):
            return self.feedback(intent)
        if intent == "summary" or (not msg.is_payload and not reading.facts and (
                _says(simple, SUMMARY_WORDS) or simple.strip("。！!？? ") == "打印")):
            return self.make_summary()
        if intent in followup.KINDS:
            # a title names groups and needs (返乡创业担保贷款…还有效吗): still a follow-up,
            # unless the message changes who or where the person is
            changed = understanding.merge_facts(self.kb, self.slots, reading.facts, reading.negated)
            if not set(changed) - {"needs"}:
                self.set(**changed)
                return self.follow_up(intent, simple)
        if intent == "show_all":
            return self.show_view("all")
        self.answer_by_intent(reading, intent, simple)

        suggested = self.slots.get("suggested_region")
        if suggested:
            self.set(suggested_region=None)
            if self.place not in reading.facts:
                if intent == "affirm" or simple.lower() in YES_WORDS:
                    reading.facts[self.place] = suggested
                elif intent in ("deny", "none_of_these") and not reading.facts:
                    self.say(texts.REGION_AGAIN)
                    return self.ask(self.place)

        changed = understanding.merge_facts(self.kb, self.slots, reading.facts, reading.negated)
        if set(reading.facts) == {"needs"} and not reading.negated and self.has_profile() \
                and self.question in (None, "needs"):
            # a need stated after the results (or a category button): list that category
            self.set(**changed, missed=0, question=None)
            return self.show_category(reading.facts["needs"][0])
        if reading.suggestion is not None and self.place not in reading.facts:
            self.set(**changed)
            name = reading.suggestion.name
            # the bot now asks about the region: a yes, a no or another place answers it
            self.set(suggested_region=reading.suggestion.qualified_name, question=self.place, missed=0)
            self.say(texts.DID_YOU_MEAN.format(place=name),
                     [Button(texts.YES_BUTTON, "/affirm"), Button(texts.NO_BUTTON, "/deny")])
            return self.outcome()
        asking = clarify.ask(self.kb, reading, {**self.slots, **changed})   # an ambiguous word: ask, never guess
        if asking is not None:
            self.set(**changed, pending=asking.pending, page=0, missed=0)
            self.replies.append(asking.reply)
            return self.outcome()
        if changed:
            self.set(**changed, page=0, missed=0)
            return self.advance()
        if reading.facts and intent in ANSWER_INTENTS:
            return self.repeated(reading)
        if reading.negated and intent in ANSWER_INTENTS:
            labels = [self.label(f, v) for f, vs in reading.negated.items() for v in vs]
            self.say(texts.NOTED_NOT.format(what="、".join(l for l in labels if l)))
            return self.ask_again() if self.question else self.advance(listing_again=False)
        return self.by_intent(intent, reading)

    def answer_by_intent(self, reading, intent: str | None, simple: str) -> None:
        """Yes/no and "none of these" as answers to the open question."""
        q = self.question
        spec = self.kb.facts.get(q)
        kind = spec.kind if spec is not None else None
        if kind == "bool" and q not in reading.facts:
            # "好的" / "嗯" are not a yes to "is it a tech business?"
            if intent == "affirm" and _says(simple, YES_MARKERS):
                reading.facts[q] = True
            elif intent == "deny" and _says(simple, NO_MARKERS):
                reading.facts[q] = False
        if kind == "list" and spec.condition and intent in ("none_of_these", "deny") \
                and q not in reading.facts and not reading.negated.get(q):
            reading.facts[q] = []   # "都不是": none of these groups (a need is not a condition: no "none")

    def by_intent(self, intent: str | None, reading) -> Outcome:
        q = self.question
        if intent == "skip":
            if q:
                self.skip(q)
            if q == "needs":
                return self.show_view("all")
            return self.advance(listing_again=False)
        if intent in ("more", "details", "ask_agency"):
            return self.listing_request(intent)
        fixed = {"help": texts.HELP, "bot_challenge": texts.BOT_CHALLENGE, "out_of_scope": texts.OUT_OF_SCOPE,
                 "thanks": texts.THANKS}
        if intent in fixed:
            self.say(fixed[intent])
            return self.ask_again()
        if intent == "greet":
            if not q and not self.has_profile():
                self.say(texts.GREET)
                return self.outcome()
            self.say(texts.GREET_AGAIN + ("" if q else texts.AFTER_RESULTS_HINT))
            return self.ask_again()
        if intent == "goodbye":
            self.say(texts.GOODBYE)
            return self.outcome()
        spec = self.kb.facts.get(q)
        if spec is not None and intent == "none_of_these" and (spec.kind == "bool" or not spec.condition):
            # "就这些" / "没有了" to a yes/no question, or "都不是" to "which need?": nothing to add, move on
            self.skip(q)
            return self.advance()
        if not q and intent in ("affirm", "deny", "none_of_these"):
            # "好的" / "没有了" with no question open
            self.say(texts.DONE if self.has_profile() else texts.HELP)
            return self.outcome()
        return self.not_understood(reading)

    # ---- steps ---------------------------------------------------------------
    def restart(self) -> Outcome:
        script = self.slots.get("script")
        self.slots = {name: None for name in slot_names(self.kb)}
        self.slots["script"] = script
        self.slots["page"] = 0
        self.reset = True
        self.say(texts.RESTARTED)
        return self.outcome()

    def skip(self, fact: str) -> None:
        skipped = list(self.slots.get("skipped") or [])
        if fact not in skipped:
            self.set(skipped=skipped + [fact])
        self.set(question=None, missed=0)

    def next_fact(self) -> str | None:
        asked = self.slots.get("asked") or []
        refining = self.kb.facts.refining
        skip = set(self.slots.get("skipped") or ()) | {f for f in asked if f in refining}
        question = self.engine.match(self.profile(), skip=tuple(skip)).next_question
        fact = question["fact"] if question else None
        if (fact is None or fact in refining) and self.wants_needs():
            return "needs"  # the need changes what is shown more than any other refining fact
        if fact is None:
            return None
        if fact in refining and any(f in refining for f in asked):
            return None  # one refining question per conversation is enough
        return fact

    def wants_needs(self) -> bool:
        if self.slots.get("needs") is not None or not self.has_profile():
            return False
        done = set(self.slots.get("skipped") or ()) | set(self.slots.get("asked") or ())
        if "needs" in done or done & set(self.kb.facts.refining):
            return False
        return overview.worth_asking_needs(self.current()[2])

    def advance(self, listing_again: bool = True) -> Outcome:
        """Ask the question that settles the most, or list the measures."""
        fact = self.next_fact()
        if fact == "needs":
            self.set(question=None, missed=0, page=0)
            return self.show_view(None, ask_needs=True)
        if fact is not None:
            return self.ask(fact)
        if not listing_again and self.before.get("question") is None and self.has_profile():
            self.say(texts.DONE)
            return self.outcome()
        self.set(question=None, missed=0, page=0)
        return self.show_view(None)

    # ---- showing measures: overview, categories, pages ---------------------------
    def show_view(self, view: str | None, page_no: int = 0, ask_needs: bool = False) -> Outcome:
        eng, result, items = self.current()
        if not items:
            if result is None:
                self.say(texts.NO_RESULTS_YET)
                return self.ask(self.question or self.place)
            self.replies += render.page(self.kb, result, items, self.facts(), 0)
            return self.outcome()
        start = page_no * render.PAGE_SIZE
        if view is None and overview.is_long(items) and page_no == 0:
            reply = overview.overview(self.kb, result, items, self.facts(), ask_needs)
            shown = overview.view_items(items, None)[:overview.NAMED]
        elif view is None and not overview.is_long(items):
            reply = render.page(self.kb, result, items, self.facts(), page_no)[0]
            shown = items[start:start + render.PAGE_SIZE]
        else:
            reply = overview.category_page(self.kb, items, view, page_no, self.facts())
            shown = overview.view_items(items, view)[start:start + render.PAGE_SIZE]
        if shown:
            reply = Reply(reply.text, reply.buttons + self.end_buttons())
            self.listed(shown)
        self.replies.append(reply)
        self.set(view=view, page=float(page_no))
        if ask_needs:
            self.note_asked("needs")
        return self.outcome()

    def end_buttons(self) -> list:
        return [Button(texts.FEEDBACK_UP_BUTTON, "/feedback_up"), Button(texts.FEEDBACK_DOWN_BUTTON, "/feedback_down"),
                Button(texts.SUMMARY_BUTTON, "/summary")]

    def show_category(self, need: str) -> Outcome:
        items = self.current()[2]
        if not any(m.get("category") == need for m in items):
            self.say(texts.NO_CATEGORY.format(name=overview.category_label(self.kb, need)))
            return self.show_view(None)
        return self.show_view(need)

    def note_asked(self, fact: str) -> None:
        asked = list(self.slots.get("asked") or [])
        if fact not in asked:
            asked.append(fact)
        if self.slots.get("question") != fact:
            self.set(missed=0)
        self.set(question=fact, asked=asked)

    def question_reply(self, fact: str) -> Reply:
        if fact == "needs":
            return overview.needs_question(self.kb, self.current()[2])
        return render.question(self.kb, fact)

    def ask(self, fact: str, prefix: str | None = None) -> Outcome:
        q = self.question_reply(fact)
        if prefix:
            q = Reply(prefix + "\n" + q.text, q.buttons)
        self.replies.append(q)
        self.note_asked(fact)
        return self.outcome()

    def ask_again(self) -> Outcome:
        """After a side remark: the open question once more, with its buttons."""
        if self.question:
            self.replies.append(self.question_reply(self.question))
        return self.outcome()

    def repeated(self, reading) -> Outcome:
        """The person said again what we know ("长春" when asked about groups)."""
        what = self.describe(reading.facts)
        self.say(texts.NOTED.format(what=what) if what else texts.NOT_UNDERSTOOD)
        if self.question:
            return self.miss_again()
        self.say(texts.AFTER_RESULTS_HINT if self.has_profile() else texts.HELP)
        return self.outcome()

    def not_understood(self, reading) -> Outcome:
        q = self.question
        if reading.vague_place and (q == self.place or self.slots.get(self.place) is None):
            self.say(texts.VAGUE_PLACE.format(word=reading.vague_place))
            return self.ask(self.place)
        if reading.vague_place:
            # the place is known and another question may be open: keep both, say how to change it
            name = self.place_name(self.slots[self.place])
            examples = [w for w in texts.PLACE_EXAMPLES if not name.startswith(w)][:2]
            self.say(texts.VAGUE_PLACE.format(word=reading.vague_place) + "\n" + texts.VAGUE_PLACE_KEPT.format(
                place=name, examples="".join(f"“{w}”" for w in examples)))
            return self.ask_again()
        if q:
            if not self.slots.get("missed"):
                self.set(missed=1)
                return self.ask(q, prefix=texts.NOT_UNDERSTOOD)
            return self.miss_again(understood_nothing=True)
        if self.has_profile():
            self.say(texts.NOT_UNDERSTOOD_AFTER_RESULTS)
        else:
            self.say(texts.FALLBACK)
        return self.outcome()

    def miss_again(self, understood_nothing: bool = False) -> Outcome:
        """The open question got no answer: once it is asked again, then skipped
        (the region, without which nothing can be found, gets a hint instead)."""
        q = self.question
        missed = int(self.slots.get("missed") or 0)
        if missed == 0:
            self.set(missed=1)
            return self.ask(q)
        if q == self.place:
            self.set(missed=missed + 1)
            covered = "、".join(self.kb.covered_regions())
            return self.ask(self.place, prefix=texts.STILL_NO_PLACE.format(covered=covered)
                            if understood_nothing else None)
        self.say(texts.SKIPPED_AFTER_MISS)
        self.skip(q)
        return self.advance()

    def listing_request(self, intent: str) -> Outcome:
        eng, result, items = self.current()
        if not items:
            if result is not None and result.message:
                self.replies += render.page(self.kb, result, items, self.facts(), 0)
                return self.outcome()
            self.say(texts.NO_RESULTS_YET)
            return self.ask(self.question or self.place)
        view = self.slots.get("view")
        shown = overview.view_items(items, view)
        if intent == "more":
            page_no = int(self.slots.get("page") or 0) + 1
            last = (len(shown) - 1) // render.PAGE_SIZE
            if page_no > last:
                if view is None and overview.is_long(items):
                    # past the overview's own-group measures: the whole listing
                    self.show_view("all", 0)
                    return self.ask_again()
                self.say(texts.NO_MORE)
                return self.ask_again()
            self.show_view(view, page_no)
        else:
            n = self.item()
            if intent == "details":
                if n is None and len(shown) == 1:
                    n = 1
                if n is None or not 1 <= n <= len(shown):
                    self.say(texts.BAD_ITEM.format(n=len(shown)))
                else:
                    m = shown[n - 1]
                    self.replies.append(render.details(n, m, self.kb))
                    chosen = list(self.slots.get("chosen") or [])
                    self.set(chosen=chosen + [m["id"]] if m["id"] not in chosen else chosen)
                    self.mark(focus=m["id"])
                    self.referred([m])
            else:
                only = n if n is not None and 1 <= n <= len(shown) else None
                start = int(self.slots.get("page") or 0) * render.PAGE_SIZE
                self.replies.append(render.agencies(shown, start, only))
                self.referred([shown[only - 1]] if only else shown[start:start + render.PAGE_SIZE])
        return self.ask_again()

    # ---- follow-up questions, feedback, summary ----------------------------------------
    def follow_up(self, kind: str, simple: str) -> Outcome:
        eng, result, items = self.current()
        if not items:
            self.say(followup.general(kind))
            self.say(texts.NO_RESULTS_YET)
            return self.ask(self.question or self.place)
        shown = overview.view_items(items, self.slots.get("view"))
        number = {m["id"]: i for i, m in enumerate(shown, 1)}
        n = self.item(explicit=True)
        focus = self.slots.get("focus")
        targets: list = []
        if n is not None and 1 <= n <= len(shown):
            targets = [shown[n - 1]]
        else:
            matched = followup.by_title(simple, items)
            in_focus = [m for m in matched if m["id"] == focus]
            if in_focus or len(matched) == 1:
                targets = in_focus or matched
            elif matched:
                self.say(texts.SEVERAL_MEASURES.format(n=len(matched)))
                targets = matched[:4]
            elif focus:
                targets = [m for m in items if m["id"] == focus]
            elif len(shown) == 1:
                targets = shown
        if not targets:
            self.say(followup.general(kind) + "\n" + texts.WHICH_MEASURE)
            return self.ask_again()
        for m in targets:
            self.say(followup.answer(kind, m, number.get(m["id"])))
        if len(targets) == 1:
            self.mark(focus=targets[0]["id"])
        self.referred(targets, support=kind in ("ask_how_to_apply", "ask_contact"))
        return self.ask_again()

    def feedback(self, intent: str) -> Outcome:
        rating = "up" if intent == "feedback_up" else "down"
        shown = self.slots.get("shown") or []
        if not shown:
            self.say(texts.FEEDBACK_NOTHING_SHOWN)
            return self.ask_again()
        self.mark(feedback={"rating": rating, "measures": list(shown), "missing": None})
        if rating == "up":
            self.say(texts.FEEDBACK_THANKS + ("" if self.question else texts.AFTER_RESULTS_HINT))
            return self.ask_again()
        self.set(pending="missing")
        self.say(texts.FEEDBACK_ASK_MISSING, [Button(texts.SKIP_BUTTON, "/skip")])
        return self.outcome()

    def note_missing(self, text: str) -> Outcome:
        """The optional answer after a 👎: stored as it came (masked before NLU)."""
        fb = dict(self.slots.get("feedback") or {})
        fb["missing"] = text.strip()[:500]
        self.mark(feedback=fb)
        self.say(texts.FEEDBACK_MISSING_NOTED)
        return self.ask_again()

    def make_summary(self) -> Outcome:
        eng, result, items = self.current()
        if not items:
            self.say(texts.NO_RESULTS_YET)
            return self.ask(self.question or self.place)
        doc = summary.build(self.engine, result, items, self.facts(), self.slots.get("chosen") or [])
        self.summary_doc = doc
        self.mark(summary=doc.id)
        self.referred(doc.measures)
        self.say(texts.SUMMARY_MADE.format(n=len(doc.measures)))
        return self.ask_again()

    # ---- helpers -------------------------------------------------------------
    def note_script(self, script: str) -> None:
        """Answer in the script the person writes; text that reads the same in
        both scripts (更多, 是) keeps the script we had."""
        if script in ("traditional", "simplified"):
            self.set(script=script)

    def facts(self) -> dict:
        return {f: self.slots.get(f) for f in self.kb.facts}

    def has_profile(self) -> bool:
        return self.slots.get(self.place) is not None

    def current(self):
        if not self.has_profile() and self.place not in (self.slots.get("skipped") or ()):
            return self.engine, None, []
        result = self.engine.match(self.profile(), skip=tuple(self.slots.get("skipped") or ()))
        return self.engine, result, listing(self.engine, result)

    def item(self, explicit: bool = False) -> int | None:
        """The item number the message names; `explicit`: only 第N / N项 (not 5万)."""
        for ent in self.msg.entities or []:
            if ent.get("entity") == "item":
                try:
                    return int(ent.get("value"))
                except (TypeError, ValueError):
                    pass
        if self.msg.is_payload:
            return None
        text = self.simple
        if explicit:
            m = _EXPLICIT_ITEM.search(text)
            return item_number(m.group(0)) if m else None
        return item_number(text)

    def label(self, fact: str, value) -> str:
        return self.kb.facts[fact].value_label(value) if fact != self.place else ""

    def place_name(self, value) -> str:
        """The gazetteer's name of a place slot value (图们 → 图们市), else the value."""
        place = self.kb.gazetteer.resolve(str(value))
        return place.name if place else str(value)

    def describe(self, facts: dict) -> str:
        parts = []
        for fact, value in facts.items():
            if fact == self.place:
                parts.append(f"地区：{self.place_name(value)}")
            elif isinstance(value, list):
                labels = [self.label(fact, v) for v in value]
                if labels:
                    parts.append(f"{self.kb.facts[fact].label}：" + "、".join(labels))
            else:
                parts.append(self.label(fact, value))
        return "；".join(p for p in parts if p)


_EXPLICIT_ITEM = re.compile(r"第\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})|\d{1,3}\s*(?:条|项|号)")


def _says(text: str, markers) -> bool:
    low = text.lower()
    return any(m in low for m in markers)


def _foreign(text: str) -> bool:
    """Written in another language: letters of another script outnumber the
    Chinese characters (嗯，I am a veteran … / 안녕하세요 / Bonjour)."""
    if _MARKUP.search(text) or _FILLER.match(text.strip(" .!?！？。,，")):
        return False
    other = len(_OTHER_LETTER.findall(text))
    if other < 3 or text.strip().lower() in YES_WORDS:
        return False
    return other > 2 * len(_CJK.findall(text))


def _distinct(replies: list) -> list:
    """Never the same text twice in one answer."""
    seen, out = set(), []
    for r in replies:
        if r.text in seen:
            continue
        seen.add(r.text)
        out.append(r)
    return out
