"""An association's role and a facility's construction are no offers to anyone: whom a federation
speaks for (…联合会代表残疾人的共同利益) and 对…设施建设给予支持. Phrasings written for these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_whom_a_federation_speaks_for_is_its_role(vocab):
    r = read("县残疾人联合会代表残疾人的共同利益，依照章程为残疾人开展服务活动。", vocab)
    assert not r.measure and "团体的职能" in r.not_measure


def test_a_federation_that_gives_something_still_offers(vocab):
    assert read("县残疾人联合会为生活困难的残疾人提供辅助器具。", vocab).measure


def test_support_for_building_a_facility_offers_nobody(vocab):
    r = read("县人民政府应当对残疾人康复服务设施建设给予资金支持。", vocab)
    assert not r.measure and "一项工作" in r.not_measure


def test_the_same_insurance_as_other_workers_is_equality_not_an_offer(vocab):
    r = read("残疾职工享受与其他职工同等的医疗保险待遇。", vocab)
    assert not r.measure and "权利的宣示" in r.not_measure


def test_a_record_carried_by_yuyi_gives_nothing(vocab):
    assert not read("受让方是本单位职工的，应当予以公示。", vocab).measure


def test_a_reward_carried_by_yuyi_still_offers(vocab):
    assert read("在本县创业满三年的，应当予以奖励。", vocab).measure


def test_a_verb_in_the_modifier_of_the_subject_is_no_service(vocab):
    r = read("政府设立的研究开发机构对其持有的科技成果，可以自主决定转让或者作价投资。", vocab)
    assert not r.measure
