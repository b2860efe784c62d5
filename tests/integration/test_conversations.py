"""Conversations written as people write, by authors who had not seen the code
(tests/conversations/, format in FORMAT.md), played against the trained NLU and the
dialogue as the action server calls it (bench/conversations.py).

first/  written before the understanding work and used to develop it: every turn of every
        conversation is understood (no fallback, the facts right, no question changing the
        profile, the measure meant), and most conversations end with every measure and office
        the author listed.
fresh/ … fresh17/  each written later by another author, held out until its first
        run (docs/conversation.md reports that run beside later ones); here only what must
        hold everywhere is asserted.
"""
from pathlib import Path

import pytest

from bench import conversations as conv

HERE = Path(__file__).resolve().parents[1] / "conversations"
# The share of development conversations that must end with every measure and office their
# author listed (the figure, with the per-conversation misses, is in docs/conversation.md).
ENDS_RIGHT = 0.40


@pytest.fixture(scope="module")
def player():
    return conv.InProcess(conv.ROOT / "models" / "current.tar.gz")


@pytest.fixture(scope="module")
def judge():
    from bot.rules import default_kb
    return conv.Judge(default_kb())


@pytest.fixture(scope="module")
def first(player, judge):
    return [conv.play(player, judge, conv.load(p), p) for p in conv.conversation_files(HERE / "first")]


def test_every_development_turn_is_understood(first):
    misread = [(r.path.stem, t.say, what) for r in first for t in r.turns for kind, what in t.failures
               if kind == "understood"]
    assert len(first) >= 40
    assert not misread, "\n".join(map(str, misread))


def test_development_conversations_end_with_the_measures_and_office_their_authors_listed(first):
    ended_right = sum(r.ok for r in first) / len(first)
    missed = [(r.path.stem, r.outcome_failures) for r in first if not r.ok]
    assert ended_right >= ENDS_RIGHT, "\n".join(map(str, missed))


def test_no_development_answer_is_sent_twice_in_a_row_or_overflows_a_phone(first):
    too_long = [(r.path.stem, t.say, what) for r in first for t in r.turns for kind, what in t.failures
                if kind == "phone"]
    assert not too_long, "\n".join(map(str, too_long))


@pytest.mark.parametrize("path", [p for d in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17") for p in conv.conversation_files(HERE / d)],
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_held_out_conversation_gets_a_reply_to_every_turn_and_no_question_changes_the_profile(
        player, judge, path):
    result = conv.play(player, judge, conv.load(path), path)
    for t in result.turns:
        assert t.text.strip() and "CRASH" not in t.text, t.say
        assert not any("profile changed" in what for _, what in t.failures), (t.say, t.failures)
