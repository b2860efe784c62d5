"""A state said with 在 (在校, 在职) is part of the person noun, not a locative verb: 残疾考生和在校残疾学生 are
the people who may be exempted, and 在校学生 opens a subject. Phrasings written for these tests."""
import pytest

from drafting.phrases import leading_np
from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_in_school_students_after_a_conjunction_are_part_of_the_subject(vocab):
    r = read("残疾考生和在校残疾学生可以免试体育项目。", vocab)
    assert r.measure and "disabled" in r.groups


def test_in_school_opens_a_noun_phrase(vocab):
    assert leading_np("在职职工参加技能培训的", vocab).startswith("在职职工")
