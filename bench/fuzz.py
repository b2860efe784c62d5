"""Dialogue fuzz: off-script messages at every state the bot can be in.

    .venv/bin/python bench/fuzz.py --probes 10000 --seed 7

Loads the trained model in-process through Rasa's Agent, with the project's
endpoints.yml (SQLite tracker store in a temporary folder) and a real action
server (runtime.action_server) on a free loopback port. For each state (a
question the bot asks, the listing, details, agencies, paging, the
out-of-coverage answer, a near-miss place, after a restart) it records the
conversation's events once; each probe copies them to a new conversation,
sends one off-script message from a seeded generated corpus, then one
ordinary message ("我是退役军人，在南宁" …). Counted per probe:

    dead      the ordinary message after the probe got no normal answer
    looped    more than one bot action ran for one message (or the circuit breaker)
    silent    the probe got no reply at all
    repeated  one reply held the same text twice, or a text of the turn before it
    crashed   the probe got the apology for a failed action (an exception in the dialogue)

tests/integration/test_dialogue_fuzz.py runs 1,000 probes in `make test`.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.texts import ACTION_SERVER_DOWN

ROOT = Path(__file__).resolve().parent.parent

# ---- states: how to reach each one from a new conversation ---------------------------

STATES = {
    "start": [],
    "region question": ["我是退役军人"],
    "groups question": ["我在长春想创业"],
    "overview and narrowing question": ["我是退役军人，在柳州"],
    "tech question": ["我是退役军人，在柳州，想贷款"],
    "gender question": ["我是大学生，在长春，不是科技型企业"],
    "listing": ["我是退役军人，在柳州，想贷款", "不是科技型企业"],
    "category": ["我是返乡农民工，在图们", "贷款"],
    "details": ["我是退役军人，在柳州，想贷款", "不是科技型企业", "第1条详细说说"],
    "follow-up": ["我是返乡农民工，在图们", "贷款", "第1条详细说说", "能贷多少"],
    "agencies": ["我是退役军人，在柳州，想贷款", "不是科技型企业", "哪个部门负责"],
    "paging": ["我是退役军人，在柳州，想贷款", "不是科技型企业", "更多"],
    "thumbs down": ["我是返乡农民工，在图们", "贷款", "/feedback_down"],
    "summary": ["我是返乡农民工，在图们", "贷款", "生成清单"],
    "out of coverage": ["我是大学生，在北京"],
    "near-miss place": ["我是退役军人，在柳洲"],
    "after restart": ["我是退役军人，在柳州", "不是科技型企业", "重新开始"],
}

# What an ordinary next message must lead to: a question with buttons or measures.
FOLLOW_UPS = ["我是退役军人，在南宁", "我是返乡农民工，在图们", "我是科研人员，在四平", "海归，在乌鲁木齐",
              "我是农民，在柳州，想贷款"]

# ---- the off-script corpus --------------------------------------------------------------

FILLERS = ["嗯", "好的", "随便", "算了", "就这些", "没有了", "没有了，就这些", "都没有", "哦", "行吧", "啊？",
           "额", "好吧", "不知道", "无所谓", "emmm", "。。。", "？？", "嗯嗯好的", "这个嘛"]
OTHER_ANSWERS = ["长春", "柳州", "南宁", "图们", "乌鲁木齐", "退役军人", "大学生", "返乡农民工", "女", "男",
                 "是科技型企业", "不是科技型企业", "想贷款", "要场地", "培训", "我在吉林", "我是海归",
                 "我是华侨，在南宁", "我在延吉开店", "我还是科研人员", "我是女的"]
OTHER_INTENTS = ["你好", "谢谢", "再见", "你是机器人吗", "帮助", "怎么用", "更多", "第3条详细说说", "第2条",
                 "哪个部门负责", "跳过", "都不是", "今天天气怎么样", "给我讲个笑话", "能贷多少", "怎么申请",
                 "需要什么材料", "电话多少", "现在还有效吗", "重新开始", "生成清单", "打印", "全部", "👍", "👎",
                 "第1项能贷多少", "创业担保贷款最多能贷多少钱？", "怎么申请？需要什么材料", "how much can I get"]
YES_NO = ["是", "不是", "是的", "对", "不对", "算是吧", "应该不是", "不太清楚", "没有", "有", "可能吧",
          "不确定", "也许", "当然", "肯定不是"]
NUMBERS = ["1", "3", "100", "0", "-1", "1.5", "一百万", "5万", "2023", "第一个", "10000000000"]
EMOJI = ["😀", "👍👍", "🙏", "❤️", "🤔🤔🤔", "😂😂", "👌"]
MARKUP = ["<b>hi</b>", "<script>alert(1)</script>", "&nbsp;", "<img src=x onerror=alert(1)>",
          "{\"a\": 1}", "[链接](http://example.com)", "http://example.com", "' OR 1=1 --"]
ENGLISH = ["hello", "I am a veteran in Nanning", "what loans are there", "help me", "yes", "no",
           "Do you speak English?", "I want to start a business in Changchun", "ok"]
OTHER_LANGUAGES = ["Bonjour", "Hola, ¿cómo estás?", "こんにちは", "안녕하세요", "Привет", "مرحبا"]
PII = ["我的身份证是110101199003071234", "电话13812345678", "我的邮箱是a@b.com", "13812345678",
       "身份证号 11010119900307123X"]
PLACE_TYPOS = ["柳洲", "南寕", "图门", "乌鲁木其", "长椿", "我在柳洲", "人在南寕", "在图门"]
OUTSIDE = ["北京", "昆山", "义乌", "顺德", "深圳", "我在上海", "我在昆山开厂", "火星市"]
VAGUE = ["东北那边", "老家在村里", "南方", "西部", "在农村", "县城", "国外"]
NEGATIONS = ["我不是大学生", "不是农民工", "没当过兵", "不是科技型企业", "我们不搞技术", "我不是女的",
             "我不是大学生，我是退伍军人", "都不是", "不是"]
COMMANDS = ["/restart", "/start", "/foo", "/help", "/inform{\"region\": \"火星\"}", "/details{\"item\": 99}",
            "/skip", "/more", "/", "//"]
ODD = [" ", "？", "…", "!!!", "a", "。", "\t", "😀" * 50]
LONG = ["创" * 10_000, "我想创业" * 600]
CATEGORIES = {
    "filler": FILLERS, "other answer": OTHER_ANSWERS, "other intent": OTHER_INTENTS, "yes/no": YES_NO,
    "number": NUMBERS, "emoji": EMOJI, "markup": MARKUP, "english": ENGLISH, "other language": OTHER_LANGUAGES,
    "pii": PII, "place typo": PLACE_TYPOS, "outside coverage": OUTSIDE, "vague place": VAGUE,
    "negation": NEGATIONS, "command": COMMANDS, "odd": ODD,
}
PREFIXES = ["", "", "", "那个", "呃，", "请问", "哈哈 ", "嗯，"]
SUFFIXES = ["", "", "", "吧", "啊", "呢", "。", "！", "？", "..."]


def corpus(n: int, seed: int) -> list[tuple[str, str]]:
    """n (category, message) pairs: every base message once, then seeded variations."""
    rng = random.Random(seed)
    base = [(cat, text) for cat, texts in CATEGORIES.items() for text in texts]
    out = list(base)
    while len(out) < n:
        cat, text = rng.choice(base)
        if cat in ("command", "markup", "odd", "emoji", "pii"):
            out.append((cat, text))
            continue
        variant = rng.choice(PREFIXES) + text + rng.choice(SUFFIXES)
        if rng.random() < 0.15:
            from bot.script import to_traditional
            variant = to_traditional(variant)
        out.append((cat, variant))
    rng.shuffle(out)
    # the 10,000-character messages are slow to classify: a few per run
    out = out[:n]
    for i, text in enumerate(LONG):
        if n > 20:
            out[(i * 7919) % n] = ("long", text)
    return out


# ---- running ---------------------------------------------------------------------------

@dataclass
class Report:
    probes: int = 0
    dead: list = field(default_factory=list)
    looped: list = field(default_factory=list)
    silent: list = field(default_factory=list)
    repeated: list = field(default_factory=list)
    crashed: list = field(default_factory=list)
    per_state: Counter = field(default_factory=Counter)
    transcript: list = field(default_factory=list)   # (state, message, reply texts) per probe
    seconds: float = 0.0

    def counts(self) -> dict:
        return {"probes": self.probes, "dead": len(self.dead), "looped": len(self.looped),
                "silent": len(self.silent), "repeated": len(self.repeated), "crashed": len(self.crashed)}

    def summary(self) -> str:
        c = self.counts()
        lines = [f"{c['probes']} probes at {len(self.per_state)} states in {self.seconds:.0f} s: "
                 f"dead {c['dead']}, looped {c['looped']}, silent {c['silent']}, repeated {c['repeated']}, "
                 f"crashed {c['crashed']}"]
        for kind in ("dead", "looped", "silent", "repeated", "crashed"):
            for item in getattr(self, kind)[:10]:
                lines.append(f"  {kind}: {item}")
        return "\n".join(lines)


class Harness:
    """The model in-process, the real action server, the project's endpoints."""

    def __init__(self, model: Path, action_url: str, tracker_url: str):
        self.model, self.action_url, self.tracker_url = model, action_url, tracker_url
        self.agent = None

    async def start(self) -> None:
        import logging

        from localrun import envfile
        from rasa.utils.log_utils import configure_structlog

        logging.getLogger().setLevel(logging.WARNING)
        logging.getLogger("rasa").setLevel(logging.WARNING)
        configure_structlog(logging.WARNING)

        os.environ.update(envfile.with_defaults(dict(os.environ)))
        os.environ["ACTION_ENDPOINT_URL"] = self.action_url
        os.environ["TRACKER_STORE_URL"] = self.tracker_url
        os.environ["RATE_LIMIT_PER_MINUTE"] = "1000000"
        from rasa.core.agent import load_agent
        from rasa.core.utils import AvailableEndpoints

        from runtime import patches

        patches.install()   # as `python -m runtime run` does: the server's behaviour, in-process

        endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
        self.agent = await load_agent(model_path=str(self.model), endpoints=endpoints)

    @staticmethod
    def conversation(sender: str) -> str:
        """The store's id of `sender`: a message without a channel is bound to `local:` (runtime/identity.py)."""
        from runtime import identity

        return identity.bind(None, sender)

    async def say(self, sender: str, text: str) -> tuple[list[dict], list[str]]:
        """The replies to one message and the bot actions it ran (before listening again)."""
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
        from rasa.shared.core.events import ActionExecuted, UserUttered

        out = CollectingOutputChannel()
        await self.agent.handle_message(UserMessage(text, out, sender))
        tracker = await self.agent.tracker_store.retrieve(self.conversation(sender))
        actions: list[str] = []
        if tracker is not None:
            events = list(tracker.events)
            last_user = max((i for i, e in enumerate(events) if isinstance(e, UserUttered)), default=-1)
            actions = [e.action_name for e in events[last_user + 1:]
                       if isinstance(e, ActionExecuted) and e.action_name != "action_listen"]
        return out.messages, actions

    @staticmethod
    def last_texts(events: list) -> set:
        """The bot's texts of the last turn in these events."""
        from rasa.shared.core.events import BotUttered, UserUttered
        last_user = max((i for i, e in enumerate(events) if isinstance(e, UserUttered)), default=-1)
        return {e.text for e in events[last_user + 1:] if isinstance(e, BotUttered) and e.text}

    async def events_of(self, sender: str) -> list:
        tracker = await self.agent.tracker_store.retrieve(self.conversation(sender))
        return list(tracker.events)

    async def copy(self, events: list, sender: str) -> None:
        from rasa.shared.core.trackers import DialogueStateTracker

        tracker = DialogueStateTracker.from_events(self.conversation(sender), events, self.agent.domain.slots)
        await self.agent.tracker_store.save(tracker)


def normal_answer(replies: list[dict]) -> bool:
    text = "\n".join(r.get("text") or "" for r in replies)
    asked = any(r.get("buttons") for r in replies)
    understood = "《" in text or asked or "不在本知识库覆盖的地区内" in text or "已经记下" in text
    return bool(text.strip()) and understood and "抱歉，我没太明白" not in text and "系统" not in text


async def run(harness: Harness, probes: int, seed: int, progress: bool = False) -> Report:
    report = Report()
    started = time.time()
    rng = random.Random(seed)
    recorded = {}
    for state, messages in STATES.items():
        sender = f"state-{state.replace(' ', '-')}-{seed}"
        for text in messages:
            await harness.say(sender, text)
        recorded[state] = await harness.events_of(sender) if messages else []
    names = list(STATES)
    for i, (category, text) in enumerate(corpus(probes, seed)):
        state = names[i % len(names)]
        sender = f"probe-{seed}-{i}"
        if recorded[state]:
            await harness.copy(recorded[state], sender)
        where = f"[{state}] {category}: {text[:40]!r}"
        replies, actions = await harness.say(sender, text)
        texts = [r.get("text") or "" for r in replies]
        report.transcript.append((state, text[:80], [t[:160] for t in texts]))
        if not any(t.strip() for t in texts):
            report.silent.append(where)
        if len(actions) != 1:
            report.looped.append(f"{where} -> {actions}")
        said = [t for t in texts if t]
        if len(set(said)) != len(said) or set(said) & harness.last_texts(recorded[state]):
            report.repeated.append(where)
        if any(ACTION_SERVER_DOWN in t for t in texts):
            report.crashed.append(where)
        follow = FOLLOW_UPS[rng.randrange(len(FOLLOW_UPS))]
        replies, actions = await harness.say(sender, follow)
        if set(said) & {r.get("text") for r in replies if r.get("text")}:
            report.repeated.append(f"{where} then {follow!r}")
        if not normal_answer(replies) or len(actions) != 1:
            shown = " / ".join(r.get("text", "")[:60] for r in replies)
            report.dead.append(f"{where} then {follow!r} -> {shown!r} {actions}")
        report.probes += 1
        report.per_state[state] += 1
        if progress and (i + 1) % 500 == 0:
            print(f"  {i + 1} probes, {time.time() - started:.0f} s", file=sys.stderr)
    report.seconds = time.time() - started
    return report


def start_action_server(tmp: Path):
    from localrun.servers import action_server_args, free_port, start, wait_for

    port = free_port()
    log = tmp / "actions.log"
    proc = start(action_server_args(port), log)
    wait_for(f"http://127.0.0.1:{port}/health", proc, log)
    return proc, f"http://127.0.0.1:{port}/webhook"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--probes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--json", help="write the counts and failures to this file")
    parser.add_argument("--transcript", help="write every probe and the start of its replies to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        proc, action_url = start_action_server(Path(tmp))
        try:
            harness = Harness(Path(args.model), action_url, f"sqlite:///{tmp}/tracker.db")

            async def go():
                await harness.start()
                return await run(harness, args.probes, args.seed, progress=True)

            report = asyncio.run(go())
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(report.summary())
    if args.json:
        Path(args.json).write_text(json.dumps(dict(report.counts(), dead=report.dead, looped=report.looped,
                                                   silent=report.silent, repeated=report.repeated,
                                                   crashed=report.crashed),
                                              ensure_ascii=False, indent=2), encoding="utf-8")
    if args.transcript:
        with open(args.transcript, "w", encoding="utf-8") as f:
            for state, text, texts in report.transcript:
                f.write(f"[{state}] {text!r}\n" + "".join(f"    -> {t!r}\n" for t in texts))
    c = report.counts()
    return 0 if not (c["dead"] or c["looped"] or c["silent"] or c["repeated"] or c["crashed"]) else 1


if __name__ == "__main__":
    sys.exit(main())
