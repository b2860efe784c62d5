"""`python -m drafting draft | review | check` (and `python -m bot draft | review`, which delegate here)."""
from __future__ import annotations

import sys
from pathlib import Path

from bot import rules as kbmod

from . import check


def add_commands(sub, names=("draft", "review", "check")) -> dict:
    d = sub.add_parser("draft", help="draft the measures of a new policy document for review")
    d.add_argument("source", help="the document's text (UTF-8 .txt or .md)")
    d.add_argument("--doc", required=True, help="doc id, e.g. nanning-2024")
    d.add_argument("--region", required=True,
                   help="the region the document covers: a regions.yml place (全国, 广西, 南宁, 天河区 …)")
    d.add_argument("--out", help="draft file (default: rules/drafts/<doc>.yml)")
    d.add_argument("--prefix", help="measure id prefix (default: the initials of the doc id)")
    r = sub.add_parser("review", help="review a draft in the terminal: accept / edit / reject / merge / split / add")
    r.add_argument("file", help="the draft file")
    r.add_argument("--script", help="read the answers from this file, one per line (printed as they are used)")
    r.add_argument("--repo", help="repository root (default: the parent of --rules)")
    if "check" in names:
        sub.add_parser("check", help="check every draft in rules/drafts/ (also part of `python -m bot validate`)")
    return {k: v for k, v in {"draft": cmd_draft, "review": cmd_review, "check": cmd_check}.items() if k in names}


def _repo_relative(path: Path, repo: Path) -> str:
    try:
        return str(path.resolve().relative_to(repo.resolve()))
    except ValueError:
        return str(path.resolve())


def cmd_draft(args) -> int:
    from .vocab import load_vocabulary
    from .writer import Drafter, dump
    rules = Path(args.rules)
    source = Path(args.source)
    if not source.is_file():
        print(f"error: {source}: no such file", file=sys.stderr)
        return 2
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        print(f"error: {source}: not UTF-8 text (byte {exc.start})", file=sys.stderr)
        return 2
    try:
        vocab = load_vocabulary(rules)
    except kbmod.RulesInvalid as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        drafter = Drafter(text, args.doc, args.region, vocab, prefix=args.prefix,
                          text_path=_repo_relative(source, rules.parent))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    draft = drafter.draft()
    if not draft["articles"]:
        print(f"error: {source}: found no numbered articles (第N条 一、 （一） 1. （1）) nor paragraphs under headings",
              file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else rules / check.DRAFTS_DIR / f"{args.doc}.yml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump(draft, str(source)), encoding="utf-8")
    left = [a for a in draft["articles"] if not a["actionable"]]
    review = sum(1 for m in draft["measures"] if m.get("review"))
    print(f"wrote {out}: {len(draft['articles'])} articles ({len(left)} left out as government-internal), "
          f"{len(draft['measures'])} draft measures ({review} with review items), "
          f"{len(draft['new_agencies'])} proposed agencies, {len(draft['left_out'])} spans left out "
          "(cover, preamble, signature …: listed with their reason)")
    problems = check.check_draft(out, rules, vocab.kb)     # the rules were loaded (and validated) once, above
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) to settle in review (the draft's source entry or measures)")
    print(f"next: the staff console's 新文件 page (/drafts), or python -m drafting review {out}")
    return 0


def cmd_review(args) -> int:
    from .review import Review, ScriptedIO, TerminalIO
    from .session import ReviewError
    rules = Path(args.rules)
    repo = Path(args.repo) if args.repo else rules.parent
    if args.script:
        io = ScriptedIO(Path(args.script).read_text(encoding="utf-8").splitlines(), echo=True)
    else:
        io = TerminalIO()
    try:
        review = Review(Path(args.file), rules, repo, io)
    except (ReviewError, kbmod.RulesInvalid) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return review.run()


def cmd_check(args) -> int:
    kb, problems = kbmod.validate(args.rules)
    if problems:
        for p in problems:
            print(p)
        return 1
    return validate_drafts(args, kb)


def validate_drafts(args, kb) -> int:
    """Part of `python -m bot validate`: the draft files and the warnings on sources."""
    for w in kbmod.source_warnings(kb):
        print(f"warning: {w}")
    problems = check.check_all(Path(args.rules), kb)
    for p in problems:
        print(p)
    drafts = check.draft_files(Path(args.rules))
    if drafts:
        print(f"drafts: {len(drafts)} file(s) in {Path(args.rules) / check.DRAFTS_DIR}, "
              f"{len(problems)} problem(s) (drafts never load into the bot)")
    return 1 if problems else 0


def main(argv=None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m drafting",
                                     description="draft and review the rules of a new policy document")
    parser.add_argument("--rules", default=str(kbmod.DEFAULT_RULES_DIR), help="rules directory")
    sub = parser.add_subparsers(dest="command", required=True)
    commands = add_commands(sub)
    args = parser.parse_args(argv)
    return commands[args.command](args)
