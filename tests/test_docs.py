"""README stays a front page, and the documentation's links lead somewhere.

README is what a newcomer reads first: short, naming the commands to run, with
everything else one link away in docs/. History belongs to git log, so neither
README nor docs/ cites issue numbers; links stay inside the repository, so a
fresh clone has every page they point to."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
MAX_README_LINES = 250

ISSUE_NUMBER = re.compile(r"\bissues?[\s_#-]*\d", re.I)
# [text](target) and ![alt](target); <scheme://…> autolinks; bare URLs
MD_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://", re.I)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)     # code is shown, not followed: [柳州](region)


def links(text: str) -> list[str]:
    return MD_LINK.findall(CODE.sub("", text))


def leaves_the_repository(target: str, page: Path) -> bool:
    if URL.match(target) or target.startswith(("mailto:", "/", "~")):
        return True
    path = target.split("#", 1)[0]
    if not path:
        return False
    resolved = (page.parent / path).resolve()
    return ROOT not in (resolved, *resolved.parents)


def test_the_readme_is_a_front_page():
    text = README.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines; move detail into docs/"
    for command in ("make run", "make test", "make unit"):
        assert command in text, f"README does not name `{command}`"
    head = "\n".join(lines[:60])
    assert "make run" in head and "make test" in head, "the two commands belong near the top"


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_issue_numbers(page):
    hits = [f"{i}: {line.strip()}" for i, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
            if ISSUE_NUMBER.search(line)]
    assert not hits, "history belongs to git log, not the documentation:\n" + "\n".join(hits)


def test_the_readme_links_nowhere_outside_the_repository():
    text = README.read_text(encoding="utf-8")
    outside = [t for t in links(text) if leaves_the_repository(t, README)]
    outside += URL.findall(text)
    outside += re.findall(r"\.\./\S*", text)      # a path beside the checkout, linked or quoted
    assert not outside, f"README links outside the repository: {outside}"


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_to_a_file_of_the_repository_resolves(page):
    text = page.read_text(encoding="utf-8")
    missing = []
    for target in links(text):
        if URL.match(target) or target.startswith("#"):
            continue
        path = target.split("#", 1)[0]
        if not (page.parent / path).exists():
            missing.append(target)
    assert not missing, f"{page.name} links to files that do not exist: {missing}"


def test_the_readme_links_into_docs():
    targets = {t.split("#", 1)[0] for t in links(README.read_text(encoding="utf-8"))}
    docs = {t for t in targets if t.startswith("docs/")}
    assert docs, "README links no page of docs/"
    assert all((ROOT / t).is_file() for t in docs)


def test_the_checks_catch_what_they_are_for(tmp_path):
    """The patterns above find an issue number, an outside link and a missing page."""
    assert ISSUE_NUMBER.search("fixed in issue 12") and ISSUE_NUMBER.search("(Issue #7)")
    assert not ISSUE_NUMBER.search("the issues people raise")
    page = ROOT / "docs" / "x.md"
    assert leaves_the_repository("https://example.org/", page)
    assert leaves_the_repository("../../shared/reviews/a.md", page)
    assert not leaves_the_repository("staff.md#access", page)
    assert links("see [a](docs/a.md) and ![b](b.png \"t\")") == ["docs/a.md", "b.png"]
    assert links("annotate `[柳州](region)`, not [a](a.md)") == ["a.md"]
