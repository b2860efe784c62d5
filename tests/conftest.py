import datetime as dt
import os
import shutil
import textwrap
from pathlib import Path

import pytest

from bot import rules as kbmod
from bot.matching.engine import Engine
from bot.matching.profile import parse_profile

ROOT = Path(__file__).resolve().parent.parent


# The day the tests pretend it is: after guangxi-2021's plan period ended.
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def kb():
    return kbmod.default_kb()


@pytest.fixture(scope="session")
def engine(kb):
    return Engine(kb, today=TODAY)


@pytest.fixture(scope="session")
def match(kb, engine):
    def run(**facts):
        return engine.match(parse_profile(facts, kb)).as_dict(engine)
    return run


MINI_AGENCIES = """\
agencies:
  - id: gx-rst
    name: 自治区人力资源社会保障厅
    full_name: 广西壮族自治区人力资源和社会保障厅
    level: province
    region: 广西壮族自治区
"""

MINI_MEASURES = """\
doc: guangxi-2021
measures:
  - id: gx-test-1
    article: 13
    title: 测试措施
    summary: 测试摘要
    category: financing
    conditions:
      groups: [veteran]
    agencies:
      lead: [gx-rst]
    quote: "广西大众创业万众创新三年行动计划"
    audience: founder
"""


@pytest.fixture
def mini_rules(tmp_path):
    """A copy of the real rules with one small, known measures file: tests
    break it on purpose and check the message."""
    root = tmp_path / "rules"
    # every rules file (a document added later, with a county-level region or agencies of
    # its own, must not break these tests), then the measures and agencies replaced
    shutil.copytree(ROOT / "rules", root, ignore=shutil.ignore_patterns("measures", "drafts"))
    (root / "measures").mkdir()
    (root / "agencies.yml").write_text(MINI_AGENCIES, encoding="utf-8")
    (root / "measures" / "guangxi-2021.yml").write_text(MINI_MEASURES, encoding="utf-8")

    return RulesCopy(root)


class RulesCopy(os.PathLike):
    """A rules directory in tmp_path that a test can rewrite file by file."""

    def __init__(self, root: Path):
        self.root = root

    def __fspath__(self) -> str:
        return str(self.root)

    __str__ = __fspath__

    def __truediv__(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, text: str) -> None:
        (self.root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
