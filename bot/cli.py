"""Command line: `python -m bot validate | match | demo | gen`, and `draft | review`
(delegated to the drafting package, `python -m drafting`)."""
from __future__ import annotations

import argparse
import json
import sys

from . import rules as kbmod
from .matching.engine import Engine
from .replies.explain import explain
from .matching.profile import ProfileError, parse_profile


def _fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def cmd_validate(args) -> int:
    kb, problems = kbmod.validate(args.rules)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {args.rules}", file=sys.stderr)
        return 1
    print(f"ok: {len(kb.sources)} documents, {len(kb.measures)} measures, "
          f"{len(kb.agencies)} agencies, {len(kb.gazetteer.places)} places")
    try:
        from drafting.commands import validate_drafts   # the drafter's files (rules/drafts/), outside the core
    except ImportError:
        return 0
    return validate_drafts(args, kb)


def _load(args):
    try:
        return kbmod.load(args.rules)
    except kbmod.RulesInvalid as exc:
        print(exc, file=sys.stderr)
        print("the rules do not validate; run `python -m bot validate`", file=sys.stderr)
        return None


def cmd_match(args) -> int:
    try:
        data = json.loads(args.profile)
    except json.JSONDecodeError as exc:
        return _fail(f"--profile is not valid JSON ({exc.msg} at column {exc.colno})")
    kb = _load(args)
    if kb is None:
        return 1
    try:
        profile = parse_profile(data, kb)
    except ProfileError as exc:
        return _fail(str(exc))
    engine = Engine(kb)
    result = engine.match(profile).as_dict(engine)
    if args.explain:
        print(explain(result))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2 if args.pretty else None))
    return 0


def cmd_gen(args) -> int:
    from .generate import nlu_export
    kb = _load(args)
    if kb is None:
        return 1
    if args.check:
        stale = nlu_export.stale(kb)
        for path in stale:
            print(f"stale: {path.relative_to(nlu_export.ROOT)} (run `python -m bot gen`)")
        return 1 if stale else 0
    for path in nlu_export.write(kb):
        print(f"wrote {path.relative_to(nlu_export.ROOT)}")
    return 0


def cmd_demo(args) -> int:
    """A small interactive loop: asks the engine's next question until settled."""
    kb = _load(args)
    if kb is None:
        return 1
    engine = Engine(kb)
    facts: dict = {}
    print("创业扶持政策查询（输入 q 退出）")
    while True:
        profile = parse_profile(facts, kb)
        result = engine.match(profile)
        q = result.next_question
        if q is None:
            print(explain(result.as_dict(engine)))
            return 0
        print(f"\n{q['text']}")
        for i, opt in enumerate(q["options"], 1):
            print(f"  {i}. {opt['label']}")
        answer = input("> ").strip()
        if answer in ("q", "quit", "exit"):
            return 0
        fact = q["fact"]
        picks = [q["options"][int(x) - 1]["value"] for x in answer.replace("，", ",").split(",")
                 if x.strip().isdigit() and 0 < int(x) <= len(q["options"])]
        kind = kb.facts[fact].kind
        if kind == "place":
            facts[fact] = picks[0] if picks else answer
        elif kind == "list":
            facts[fact] = picks
        elif picks:
            facts[fact] = picks[0]     # one value, or "true"/"false"
        else:
            print("请输入选项编号。")


def _drafting_commands(sub) -> dict:
    """`draft` and `review` delegate to the drafting package (`python -m drafting`), when installed."""
    try:
        from drafting.commands import add_commands
    except ImportError:
        return {}
    return add_commands(sub, names=("draft", "review"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="创业扶持政策知识库与匹配")
    parser.add_argument("--rules", default=str(kbmod.DEFAULT_RULES_DIR), help="rules directory")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every rules file")
    p = sub.add_parser("match", help="match a profile against the knowledge base")
    p.add_argument("--profile", required=True, help="JSON object of facts")
    p.add_argument("--explain", action="store_true", help="print for a person to read")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    sub.add_parser("demo", help="interactive question-and-answer demo")
    g = sub.add_parser("gen", help="generate NLU lookups, synonyms and the jieba dictionary from rules/")
    g.add_argument("--check", action="store_true", help="exit 1 when the generated files are stale")
    drafting = _drafting_commands(sub)
    args = parser.parse_args(argv)
    return {"validate": cmd_validate, "match": cmd_match, "demo": cmd_demo,
            "gen": cmd_gen, **drafting}[args.command](args)
