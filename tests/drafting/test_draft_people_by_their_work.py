"""People a text names by the work they did (科技成果完成人, 对完成、转化职务科技成果做出重要贡献的人员) are the
group whose work that is; a group word of their own still decides. Phrasings written for these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_those_who_completed_research_results_are_researchers(vocab):
    r = read("高等院校对完成、转化职务科技成果做出重要贡献的人员给予奖励。", vocab)
    assert r.measure and set(r.groups) == {"researcher"}


def test_the_maker_of_a_result_named_as_such_is_a_researcher(vocab):
    r = read("科技成果完成人可以享受本省规定的奖励政策。", vocab)
    assert set(r.groups) == {"researcher"}


def test_headless_makers_are_researchers_too(vocab):
    r = read("单位负责人是职务科技成果主要完成人的，可以按照规定获得奖励。", vocab)
    assert "researcher" in r.groups


def test_a_group_word_of_their_own_decides(vocab):
    r = read("对完成科技成果转化的高校毕业生给予一次性补贴。", vocab)
    assert "researcher" not in r.groups and "college_graduate" in r.groups


def test_other_people_rewarded_are_not_researchers(vocab):
    r = read("对在防汛工作中做出重要贡献的人员给予奖励。", vocab)
    assert "researcher" not in r.groups
