"""People taken into a scheme are offered it: 将 B 纳入 free or ordinary schooling, B 应当纳入…保障范围 with the
people as subject, 优先招收 B; a state of affairs or a lesson taken in is no offer. Phrasings written for
these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_pupils_taken_into_free_schooling_are_offered_it(vocab):
    r = read("县人民政府应当将民办学校中就读的残疾学生纳入免费义务教育体系。", vocab)
    assert r.measure and r.head == "残疾学生"


def test_children_taken_into_ordinary_schools_are_offered_it(vocab):
    r = read("县教育部门应当将能够随班就读的残疾儿童纳入普通学校实施义务教育。", vocab)
    assert r.measure and "disabled" in r.groups


def test_people_as_the_subject_taken_into_a_scheme(vocab):
    r = read("符合条件的农村低收入残疾人家庭应当纳入住房救助范围。", vocab)
    assert r.measure and "disabled" in r.groups


def test_students_admitted_first_are_offered_the_place(vocab):
    r = read("职业学校可以安排一定名额，优先招收残疾学生。", vocab)
    assert r.measure and "disabled" in r.groups


def test_a_state_of_affairs_taken_into_inspection_offers_nothing(vocab):
    assert not read("劳动部门应当将用人单位安排残疾人就业情况纳入劳动保障监察范围。", vocab).measure


def test_a_lesson_taken_into_the_curriculum_offers_nothing(vocab):
    assert not read("各类学校应当将培养学生动手能力纳入素质教育的内容。", vocab).measure


def test_schooling_ensured_for_named_people_is_offered(vocab):
    r = read("县人民政府应当将随迁子女教育纳入教育规划，保证随迁的适龄女性儿童就近入学。", vocab)
    assert r.measure and r.gender
