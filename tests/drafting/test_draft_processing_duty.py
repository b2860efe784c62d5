"""A case processed by the rules and no more (…的，按照有关规定办理; …应当依法办理有关手续) gives nothing besides;
processing something for named people at once, or with a need named, still offers. Phrasings written for
these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


@pytest.mark.parametrize("sentence", [
    "华侨房屋需要出租的，按照有关规定办理。",
    "归侨申请出境探亲的，公安机关应当依法办理有关手续。",
])
def test_processing_by_the_rules_offers_nothing(vocab, sentence):
    r = read(sentence, vocab)
    assert not r.measure and r.not_measure.startswith("办理手续")


def test_processing_at_once_for_named_people_still_offers(vocab):
    assert read("退役军人随迁子女需要转学的，教育部门应当及时办理。", vocab).measure


def test_processing_a_need_still_offers(vocab):
    assert read("引进的高层次人才申请落户的，公安机关应当按照规定办理落户手续。", vocab).measure
