"""`python -m bot draft` and `python -m bot review` (registered by bot/cli.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from .. import kb as kbmod
from . import check


def add_commands(sub) -> dict:
    d = sub.add_parser("draft", help="draft the measures of a new policy document for review")
    d.add_argument("source", help="the document's text (UTF-8 .txt)")
    d.add_argument("--doc", required=True, help="doc id, e.g. nanning-2024")
    d.add_argument("--region", required=True, help="the region the document covers (a regions.yml place)")
    d.add_argument("--out", help="draft file (default: rules/drafts/<doc>.yml)")
    d.add_argument("--prefix", help="measure id prefix (default: the initials of the doc id)")
    r = sub.add_parser("review", help="review a draft: accept / edit / reject / merge per measure")
    r.add_argument("file", help="the draft file")
    r.add_argument("--script", help="read the answers from this file, one per line (for tests and replays)")
    r.add_argument("--repo", help="repository root (default: the parent of --rules)")
    return {"draft": cmd_draft, "review": cmd_review}


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
        print(f"error: {source}: found no numbered articles (一、 (一) 1. （1） 第N条) nor paragraphs under headings",
              file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else rules / check.DRAFTS_DIR / f"{args.doc}.yml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump(draft, str(source)), encoding="utf-8")
    left = [a for a in draft["articles"] if not a["actionable"]]
    review = sum(1 for m in draft["measures"] if m.get("review"))
    print(f"wrote {out}: {len(draft['articles'])} articles ({len(left)} left out as government-internal), "
          f"{len(draft['measures'])} draft measures ({review} with review items), "
          f"{len(draft['new_agencies'])} proposed agencies")
    problems = check.check_draft(out, rules)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) to settle in review (the draft's source entry or measures)")
    print(f"next: python -m bot review {out}")
    return 0


def cmd_review(args) -> int:
    from .review import Review, ScriptedIO, TerminalIO
    rules = Path(args.rules)
    repo = Path(args.repo) if args.repo else rules.parent
    io = ScriptedIO(Path(args.script).read_text(encoding="utf-8").splitlines()) if args.script else TerminalIO()
    try:
        review = Review(Path(args.file), rules, repo, io)
    except (ValueError, kbmod.RulesInvalid) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return review.run()


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
