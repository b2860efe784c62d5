"""Offers inside a law's long sentence: 对 B 采取…措施, 将 B 纳入低保, 对 B 进行安置, screening organised for
people, a sentence whose first clauses build a system and whose later clauses each offer something (one
measure per offer), and a condition topic before the subject (有条件的地方，…部门应当…)."""
import pytest

from drafting.subjects import subject_of
from drafting.reading import read
from drafting.vocab import load_vocabulary
from drafting.writer import Drafter


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def _drafts(text, vocab):
    return Drafter(text, "offer-clauses-test", "郑州", vocab).draft()["measures"]


def _law(sentence):
    return "第一条 " + sentence + "\n\n第二条 本条例自2021年1月1日起施行。\n"


# ---- the frames -------------------------------------------------------------------------------

def test_measures_taken_for_people_end_the_dui_phrase(vocab):
    r = read("对符合条件的救助对象采取临时救助、就业帮扶等措施。", vocab)
    assert r.measure and r.frame == "对" and r.beneficiary == "符合条件的救助对象", r


def test_people_watched_for_relapse_into_poverty_are_people(vocab):
    r = read("对符合条件的监测对象采取就业帮扶等措施。", vocab)
    assert r.measure and r.beneficiary == "符合条件的监测对象", r


def test_taken_into_the_minimum_living_allowance(vocab):
    r = read("按照有关规定将生活困难的老年人单独纳入低保。", vocab)
    assert r.measure and r.frame == "对" and r.beneficiary == "生活困难的老年人", r


def test_a_placement_carried_out_through_a_means(vocab):
    r = read("对就业困难的残疾人通过公益性岗位进行安置。", vocab)
    assert r.measure and r.beneficiary == "就业困难的残疾人", r


def test_ways_of_placing_listed_by_the_state_offer_nothing(vocab):
    r = read("对退出现役的士兵，国家采取自主就业、安排工作等方式妥善安置。", vocab)
    assert not r.measure, r


def test_screening_organised_for_people(vocab):
    r = read("卫生部门应当对农村老年人定期组织健康体检。", vocab)
    assert r.measure and r.beneficiary == "农村老年人", r


# ---- one measure per offer in a sentence that first builds a system ---------------------------------

def test_each_offer_after_a_system_built_is_a_measure(vocab):
    ms = _drafts(_law("县级人民政府应当健全困难群众救助制度，将符合条件的残疾人纳入低保，"
                      "对就业困难的老年人通过公益性岗位进行安置。"), vocab)
    assert [m["quote"] for m in ms] == ["将符合条件的残疾人纳入低保", "对就业困难的老年人通过公益性岗位进行安置。"]
    assert all(m["why"]["actor"] == "县级人民政府" for m in ms), ms


def test_a_subject_and_its_manner_stay_with_the_offer(vocab):
    [m] = _drafts(_law("市人民政府应当根据实际情况，为小型微型企业提供融资担保服务。"), vocab)
    assert m["quote"].startswith("市人民政府"), m


def test_an_offer_to_those_just_taken_in_stays_one_measure(vocab):
    [m] = _drafts(_law("县级人民政府应当制定扶持政策，将引进的高层次人才纳入人才政策体系，为其提供住房等方面支持。"), vocab)
    assert m["quote"].startswith("县级人民政府"), m


# ---- who acts after a condition topic -----------------------------------------------------------------

def test_a_condition_topic_is_not_the_subject():
    assert subject_of("有条件的地方，卫生部门应当对农村老年人定期组织健康体检。") == "卫生部门"


# ---- what is no offer: rates listed under a reward, a basis, an effect, the growth of those supported ---------

RATES = ("第一条 高等院校按照下列标准对做出突出成绩的研究人员给予奖励：\n\n"
         "（一）独立完成的，按照净收入的百分之五十计算；\n\n"
         "（二）合作完成的，按照净收入的百分之三十计算。\n\n"
         "第二条 本条例自2021年1月1日起施行。\n")


def test_rates_by_case_under_a_reward_are_one_measure(vocab):
    [m] = _drafts(RATES, vocab)
    assert m["quote"].startswith("高等院校按照下列标准"), m


def test_support_named_as_an_important_basis_is_no_offer(vocab):
    r = read("评估结果应当作为对高等学校科研项目给予支持的重要依据。", vocab)
    assert not r.measure and r.not_measure.startswith("扶持的依据"), r


def test_an_effect_on_something_is_no_dui_frame(vocab):
    r = read("老年人随子女生活对健康无不利影响的，应当予以支持。", vocab)
    assert r.frame != "对", r


def test_an_offer_word_inside_the_names_of_those_supported_offers_nothing(vocab):
    r = read("支持家庭农场、农民专业合作社服务中心发展。", vocab, declaratory=True)
    assert not r.measure, r


def test_a_service_given_after_a_network_built_is_an_offer(vocab):
    r = read("县级人民政府应当健全县乡村三级养老服务网络，加强养老服务设施建设，在乡镇提供医疗保险经办服务。", vocab,
             declaratory=True)
    assert r.measure and r.offer == "提供", r


def test_a_network_built_alone_is_no_offer(vocab):
    r = read("县级人民政府应当健全县乡村三级养老服务网络，加强养老服务设施建设。", vocab, declaratory=True)
    assert not r.measure, r
