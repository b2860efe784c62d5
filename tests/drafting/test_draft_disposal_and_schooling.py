"""Words read for what they mean here, on phrasings written for these tests: 处分财产 is disposing of
property, not a sanction; 可以…就读 is an entitlement to attend school; units joined by 或者 each act;
a sentence opening with 依法/保障 goes on with the subject of the sentence before it."""
import pytest

from drafting.agencies import subject_units
from drafting.reading import read
from drafting.vocab import load_vocabulary
from drafting.writer import Drafter


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_disposing_of_property_is_no_sanction(vocab):
    r = read("台胞回乡处分房产的，区人民政府有关部门可以根据其请求提供必要协助。", vocab)
    assert not (r.not_measure or "").startswith("法律责任"), r.why()
    assert not read("对违反本条例规定的，依法给予处分。", vocab).measure


def test_may_attend_school_is_an_entitlement(vocab):
    r = read("退役军人子女可以在其父母户籍所在地就读义务教育学校。", vocab)
    assert r.measure and r.frame == "subject" and r.groups, r.why()


def test_units_joined_by_or_each_act():
    assert [n for n, _ in subject_units("街道办事处或者乡镇人民政府")] == ["街道办事处", "乡镇人民政府"]


def test_a_sentence_opening_with_its_adverb_keeps_the_subject_before(vocab):
    text = ("第一条 区人民政府应当对生活困难的残疾人给予救助。依法保障无劳动能力的残疾人的基本生活。"
            "\n\n第二条 本规定自2021年1月1日起施行。\n")
    drafts = Drafter(text, "adverb-test", "杭州", vocab).draft()["measures"]
    second = [d for d in drafts if d["quote"].startswith("依法保障")]
    assert second and (second[0].get("why") or {}).get("actor") == "区人民政府", drafts
