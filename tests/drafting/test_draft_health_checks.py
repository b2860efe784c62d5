"""A check of a person's health (免费孕前健康检查, 新生儿听力筛查) is care given, not the government's oversight;
an inspection of providers stays the government's own work. Phrasings written for these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_free_health_checks_organised_are_offered(vocab):
    r = read("县卫生健康部门应当组织医疗机构开展免费婚前健康检查。", vocab)
    assert r.measure and r.actor == "县卫生健康部门"


def test_an_inspection_of_providers_is_the_governments_own_work(vocab):
    r = read("县卫生健康部门应当加强对医疗机构的监督检查。", vocab)
    assert not r.measure and "政府自身的工作" in r.not_measure
