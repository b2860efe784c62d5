"""Offers read from the grammar of a regulation's sentences, on phrasings written for these tests:
who benefits in a list that runs past a relative clause, a scheme people are taken into, a cost
paid for them, and duties, principles and definitions that offer nothing."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- 对 B1的…、B2 + 按照规定 + 给予: the list after a relative clause is whom it is for ----------------

def test_a_list_after_a_relative_clause_is_the_beneficiary(vocab):
    r = read("对享受最低生活保障待遇的老年人家庭、重度残疾人家庭按照规定给予生活补助。", vocab)
    assert r.measure and r.frame == "对"
    assert "重度残疾人家庭" in r.beneficiary and "disabled" in r.groups


def test_a_verb_inside_the_relative_clause_does_not_end_the_beneficiary(vocab):
    r = read("对领取最低生活保障金的残疾人、年满六十周岁的老年人依法给予护理补贴。", vocab)
    assert r.measure and r.beneficiary.endswith("年满六十周岁的老年人")
