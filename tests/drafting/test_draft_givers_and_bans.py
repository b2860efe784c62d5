"""Who gives and whether it may: everyone asked to give is no offer, a giving verb under 不得 is a
ban, a certificate given by a named unit is an offer and that unit acts, a court that gives aid
offers it, and officials' misconduct is a penalty. Phrasings written for these tests."""
import pytest

from drafting.reading import read


@pytest.fixture(scope="module")
def vocab():
    from drafting.vocab import load_vocabulary
    return load_vocabulary()


def test_everyone_asked_to_give_to_people_offers_nothing(vocab):
    r = read("本省鼓励社会组织和个人对生活困难的残疾人给予帮助。", vocab)
    assert not r.measure and "号召社会各方" in r.not_measure


def test_the_government_giving_to_the_same_people_still_offers(vocab):
    assert read("县级人民政府对生活困难的残疾人给予生活补助。", vocab).measure


def test_a_giving_verb_under_bude_is_a_ban(vocab):
    r = read("依靠残疾职工工资收入维持家庭生活的，用人单位非因破产等正当理由，不得安排该职工下岗。", vocab)
    assert not r.measure and r.not_measure.startswith("禁止性规定")


def test_a_verb_that_also_gives_unnegated_is_still_an_offer(vocab):
    r = read("对生活困难的残疾人，县人民政府应当给予生活补助，不得以任何理由拒绝给予。", vocab)
    assert r.measure


def test_a_certificate_issued_by_a_named_unit_is_offered_and_that_unit_acts(vocab):
    r = read("经鉴定符合标准的视力残疾人员，由县残疾人联合会核发残疾人证。", vocab)
    assert r.measure and r.actor == "县残疾人联合会"


def test_a_permit_issued_is_no_offer(vocab):
    r = read("确需临时建设的，由县规划部门核发临时建设许可证。", vocab)
    assert not r.measure and "行政许可" in r.not_measure


def test_a_court_that_gives_aid_offers_it(vocab):
    r = read("对确需司法救助或者法律援助的残疾人和低收入残疾人家庭，受理案件的人民法院应当依法给予司法救助。", vocab)
    assert r.measure and "disabled" in r.groups


def test_officials_misconduct_is_a_penalty(vocab):
    r = read("有关部门工作人员在扶持工作中玩忽职守的，依法予以处理。", vocab)
    assert not r.measure and "法律责任" in r.not_measure


def test_a_dui_phrase_whose_people_after_de_are_a_long_coordination_stays_whole(vocab):
    r = read("县人民政府应当对带技术、带项目在本县实施科技成果转化的国内外高层次人才及其创新创业团队，给予资金支持。", vocab)
    assert r.measure and "high_level_talent" in r.groups


def test_an_employer_that_shall_pay_and_enjoys_a_subsidy_is_offered_it(vocab):
    r = read("用人单位招用退役军人，应当依法为其缴纳社会保险，并按照规定享受社会保险补贴。", vocab)
    assert r.measure
