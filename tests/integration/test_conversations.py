"""Conversations written as people write, by authors who had not seen the code
(tests/conversations/, format in FORMAT.md), played against the trained NLU and the
dialogue as the action server calls it (bench/conversations.py).

first/  written before the understanding work and used to develop it: every
        conversation must end with the right measures and office, and every turn be
        understood.
fresh/  written after it by another author, never tuned on: its figures are reported
        (docs/conversation.md); here only what must hold everywhere is asserted.
"""
from pathlib import Path

import pytest

from bench import conversations as conv

HERE = Path(__file__).resolve().parents[1] / "conversations"


@pytest.fixture(scope="module")
def player():
    return conv.InProcess(conv.ROOT / "models" / "current.tar.gz")


@pytest.fixture(scope="module")
def judge():
    from bot.kb import default_kb
    return conv.Judge(default_kb())


@pytest.mark.parametrize("path", conv.conversation_files(HERE / "first"), ids=lambda p: p.stem)
def test_a_development_conversation_ends_right_and_every_turn_is_understood(player, judge, path):
    result = conv.play(player, judge, conv.load(path), path)
    misread = [(t.say, what) for t in result.turns for kind, what in t.failures if kind == "understood"]
    assert not misread, misread
    assert result.ok, result.outcome_failures


@pytest.mark.parametrize("path", conv.conversation_files(HERE / "fresh"), ids=lambda p: p.stem)
def test_a_held_out_conversation_gets_a_reply_to_every_turn_and_no_question_changes_the_profile(
        player, judge, path):
    result = conv.play(player, judge, conv.load(path), path)
    for t in result.turns:
        assert t.text.strip() and "CRASH" not in t.text, t.say
        assert not any("profile changed" in what for _, what in t.failures), (t.say, t.failures)
