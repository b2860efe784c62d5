"""Who acts when the sentence names the office only as the agent of a check or an approval
(由民政部门批准其享受…, 经…公安机关审核，…予以办理), on phrasings written for these tests."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


@pytest.mark.parametrize("sentence, actor", [
    ("对符合条件的残疾人，由县民政部门批准其享受生活补贴。", "县民政部门"),
    ("退役军人申请创业贷款，经县人力资源社会保障部门审核，符合条件的，予以贴息。", "县人力资源社会保障部门"),
    ("留学回国人员申请免税购车，经海关审核，符合规定的，予以免征车辆购置税。", "海关"),
])
def test_the_office_that_approves_or_checks_acts(vocab, sentence, actor):
    r = read(sentence, vocab)
    assert r.measure and r.actor == actor, r.why()


def test_ones_own_unit_agreeing_is_no_office(vocab):
    r = read("科技人员经所在单位同意，可以申请离岗创业。", vocab)
    assert r.actor != "所在单位"
