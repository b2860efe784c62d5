"""The people a sentence's subject names when a manner stands before its modal (…的残疾人职工按照有关规定
可以…) and when a first clause ending in a group is followed by a condition (…的台胞，在外地就业的，享受…),
on phrasings written for these tests."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_a_manner_before_the_modal_is_no_part_of_the_subject(vocab):
    r = read("子女已经成年的残疾人职工按照有关规定可以申请生活补贴。", vocab)
    assert r.measure and r.beneficiary == "子女已经成年的残疾人职工" and "disabled" in r.groups, r.why()


def test_a_first_clause_ending_in_a_group_names_whom_before_a_condition(vocab):
    r = read("依法参加失业保险的台胞，在外地就业的，按照有关规定享受失业保险待遇。", vocab)
    assert r.measure and r.beneficiary == "依法参加失业保险的台胞" and "hk_macao_taiwan" in r.groups, r.why()

