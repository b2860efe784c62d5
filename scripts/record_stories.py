"""Record e2e test stories from real conversations.

    make train && scripts/record_stories.py > tests/test_stories.yml

Starts `rasa run --enable-api` and the action server on loopback, holds each
scenario below (user texts only), checks what a person would see (a citation
of the right document, the expected notices), and writes each conversation's
events as a Rasa test story with the user's text, predicted intent, actions,
the one action it ran. `rasa test core --fail-on-prediction-errors`
then fails whenever the model stops reproducing these dialogues.
"""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import requests

from localrun.servers import action_server_args, free_port, start, start_bot, stop, wait_for
from bot.rules import default_kb

ROOT = Path(__file__).resolve().parent.parent


# (story name, user messages, text that must appear in the bot's replies, text not in its last reply)
PLACE_OF_DOC = {"jilin-shuangchuang": "长春", "tumen-2018": "图们", "jilin-tech-2022": "四平",
                "urumqi-2019": "乌鲁木齐", "guangxi-2021": "柳州"}
PHRASE = {
    "returning_migrant_worker": "我是返乡农民工", "rural_entrepreneur": "我是农民，想在村里创业",
    "veteran": "我是退役军人", "university_student": "我是在校大学生",
    "college_graduate": "我是高校毕业生", "overseas_returnee": "我是海归",
    "foreign_talent": "我是外籍人才", "hk_macao_taiwan": "我是港澳台青年",
    "overseas_chinese": "我是华侨", "researcher": "我是科研人员",
    "border_resident": "我是边民", "rural_youth": "我是农村青年",
    "rural_low_income": "我是农村低收入人群", "high_level_talent": "我是高层次人才",
}
ANSWERS = {"gender": "男", "tech_business": "不是科技型企业", "groups": "都不是", "region": "南宁", "needs": "贷款"}


def group_scenarios(kb):
    for doc, place in PLACE_OF_DOC.items():
        short = kb.sources[doc].short_title
        groups = sorted({g for m in kb.measures_of(doc) for g in m.conditions.get("groups", ())})
        for g in groups:
            yield (f"{g} in {place} ({doc})", [f"{PHRASE[g]}，在{place}"], f"《{short}》", None)


FIXED = [
    ("veteran in Liuzhou wants a loan, all in one message",
     ["你好", "我是退伍军人，在柳州，想贷款开个汽修店"], "该计划执行期（2021—2023年）已结束", None),
    ("woman in Changchun, several facts, then details and more",
     ["我是女大学生，在长春，想找个创业场地", "第2条详细说说", "更多", "哪个部门负责"], "牵头", None),
    ("correction of the region re-matches",
     ["我是退役军人，在柳州", "不对，我其实在图们"], "《吉林省", "广西双创"),
    ("adding a group re-matches",
     ["我是海归，在长春", "我还是科研人员"], "《吉林省", None),
    ("skipping a question", ["我在南宁", "跳过", "跳过"], "《广西", None),
    ("none of the groups", ["我在乌鲁木齐", "都不是"], "《乌鲁木齐", None),
    ("outside the covered regions", ["我是大学生，在北京，想创业"], "广西壮族自治区", "《"),
    ("traditional characters", ["我是退伍軍人，在圖們，想貸款"], "《", None),
    ("place nickname", ["我是返乡农民工，在乌市"], "《乌鲁木齐", None),
    ("bot challenge in the middle", ["我在桂林", "你是机器人吗"], "机器人", None),
    ("out of scope then a situation", ["今天天气怎么样", "我是华侨，在南宁"], "《广西", None),
    ("restart forgets everything", ["我是退役军人，在柳州", "重新开始"], "重新开始", None),
    # the overview, a category, follow-up questions, feedback, the summary
    ("overview first, then a category", ["我是返乡农民工，在图们", "场地"], "场地/孵化（共", None),
    ("follow-up questions after the details of a loan",
     ["我是返乡农民工，在图们", "贷款", "第1项详细说说", "能贷多少", "怎么申请", "需要什么材料", "电话多少",
      "还有效吗"], "文件未规定具体额度", None),
    ("a follow-up with no measure in focus", ["我是退役军人，在南宁", "跳过", "能贷多少"], "哪一项", None),
    ("thumbs down, what was missing, then the summary",
     ["我是退役军人，在柳州，想贷款", "不是科技型企业", "👎", "没说去哪办", "生成清单"], "咨询清单", None),
    ("print the summary", ["我是华侨，在南宁", "贷款", "打印"], "/summary/", None),
]


def converse(client, messages: list[str]) -> tuple[str, list[dict]]:
    sender = f"rec-{uuid.uuid4().hex[:10]}"
    tracker_url = f"{client.url}/conversations/{client.conversation_id(sender)}/tracker"
    seen: list[dict] = []
    last: list[dict] = []
    for text in messages:
        last = client.say(sender, text)
        seen += last
    # answer the bot's remaining questions with ordinary replies until it lists measures
    for _ in range(5):
        tracker = requests.get(tracker_url, timeout=30).json()
        asked = tracker["slots"].get("question")
        if not asked:
            break
        last = client.say(sender, ANSWERS[asked])
        seen += last
    tracker = requests.get(tracker_url, timeout=30).json()
    text = lambda ms: "\n".join(m.get("text", "") for m in ms)  # noqa: E731
    return text(seen), text(last), tracker["events"]


def story_steps(events: list[dict]) -> list[str]:
    out = []
    for e in events:
        kind = e["event"]
        if kind == "user":
            text = e["text"].replace("\n", " ")
            out.append(f"      - user: |\n          {text}\n        intent: {e['parse_data']['intent']['name']}")
        elif kind == "action" and e["name"] not in ("action_listen", "action_session_start",
                                                     "action_extract_slots"):
            out.append(f"      - action: {e['name']}")
    return out


def main() -> None:
    kb = default_kb()
    import tempfile
    tmp = Path(tempfile.mkdtemp())
    port = free_port()
    log = tmp / "actions.log"
    actions = start(action_server_args(port), log)
    wait_for(f"http://127.0.0.1:{port}/health", actions, log)
    proc, client = start_bot(tmp, port, extra=["--enable-api"])
    failures, stories = [], []
    try:
        for name, messages, must, must_not in FIXED + list(group_scenarios(kb)):
            reply, last, events = converse(client, messages)
            if must not in reply or (must_not and must_not in last):
                failures.append(f"{name}: expected {must!r}{f' and not {must_not!r}' if must_not else ''}"
                                f" in the replies:\n{reply[:600]}")
                continue
            stories.append(f"  - story: {name}\n    steps:\n" + "\n".join(story_steps(events)))
    finally:
        stop(proc)
        stop(actions)
    print("# GENERATED by scripts/record_stories.py from real conversations (see its docstring).")
    print("# Re-record after changing the dialogue; review the diff like code.")
    print('version: "3.1"\nstories:')
    print("\n\n".join(stories))
    for f in failures:
        print(f"FAILED {f}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
