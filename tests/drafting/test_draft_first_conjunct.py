"""The people named first in a coordination are beneficiaries too, also after a modifier that qualifies
them all (接受义务教育的残疾儿童和贫困家庭的子女) and when they are 残疾 + a person noun; not the people an
employer takes on (吸纳…毕业生和…的单位). Phrasings written for these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_disabled_children_named_first_after_a_shared_modifier(vocab):
    r = read("县人民政府对接受义务教育的残疾儿童和低保家庭的子女，补助寄宿生活费。", vocab)
    assert "disabled" in r.groups


def test_a_group_word_named_first_after_a_shared_modifier(vocab):
    r = read("对符合条件的退役军人和烈士的子女，给予职业培训补贴。", vocab)
    assert "veteran" in r.groups


def test_the_people_an_employer_takes_on_are_not_whom_it_is_for(vocab):
    r = read("对吸纳符合条件的高校毕业生和中职毕业生参加见习的单位，给予见习补贴。", vocab)
    assert "college_graduate" not in r.groups
