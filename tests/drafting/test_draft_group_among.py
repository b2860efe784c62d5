"""People named as some among a group (退役军人中的高层次人才) are of that group too, on phrasings
written for these tests."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_some_among_a_group_are_of_both_groups_at_once(vocab):
    r = read("对退役军人中的高层次人才，市人民政府应当给予安家补贴。", vocab)
    assert r.measure and set(r.groups) == {"veteran", "high_level_talent"} and r.all_groups, r.why()


def test_some_among_a_group_with_no_group_of_their_own(vocab):
    r = read("对引进的残疾人中的技术人员，区人民政府应当给予岗位补贴。", vocab)
    assert r.measure and set(r.groups) == {"disabled"}, r.why()


def test_some_among_several_groups_belong_to_none_in_particular(vocab):
    r = read("对退役军人、残疾人中的技术人员，区人民政府应当给予岗位补贴。", vocab)
    assert r.measure and not r.groups, r.why()
