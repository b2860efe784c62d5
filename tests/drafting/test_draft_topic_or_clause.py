"""A 对-topic that goes on over a comma with 或者 (对年满六十周岁的，或者重度残疾的退役军人，…) is skipped whole
when looking for who acts, on a phrasing written for this test."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_the_subject_after_a_topic_continued_by_or_acts(vocab):
    r = read("对年满六十周岁且无固定收入，或者患有重大疾病的退役军人，县人民政府应当给予生活补助。", vocab)
    assert r.measure and r.actor == "县人民政府" and "veteran" in r.groups, r.why()
