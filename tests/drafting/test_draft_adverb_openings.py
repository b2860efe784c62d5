"""A sentence after ；that opens with an adverb and its predicate (…；逐步将…纳入…) goes on with the subject
before it, as one that opens with the predicate does. Phrasing written for this test."""
from drafting.vocab import load_vocabulary
from drafting.writer import Drafter

TEXT = """第一条 为了保障残疾人权益，制定本办法。

第二条 县人民政府应当建立残疾人康复救助制度，对贫困残疾儿童免费提供康复训练；逐步将残疾人康复医疗项目纳入基本医疗保险支付范围。
"""


def test_an_adverb_before_the_predicate_keeps_the_subject_before_it():
    draft = Drafter(TEXT, "adverb-test", "昆山市", load_vocabulary()).draft()
    second = [m for m in draft["measures"] if "逐步将" in TEXT[m["chars"][0]:m["chars"][1]]]
    assert second and second[0]["why"].get("actor") == "县人民政府"
