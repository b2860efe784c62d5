"""Grammar rules read on regulations that support private businesses, researchers and disabled
people, on phrasings written for these tests: 组织 as a noun, support given in named fields,
equal treatment, and the shapes of offers these regulations use."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary

IN_FORCE = "\n\n第二条 本条例所称企业，是指依法设立的企业。\n\n第三条 本条例自2021年1月1日起施行。\n"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def _drafts(text, vocab):
    from drafting.writer import Drafter
    return Drafter(text, "support-test", "杭州", vocab).draft()["measures"]


# ---- 组织 as the head of a noun -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, beneficiary", [
    ("县人民政府应当为农村集体经济组织提供融资担保。", "农村集体经济组织"),
    ("县人民政府对农村集体经济组织兴办的加工企业给予贷款贴息。", "农村集体经济组织兴办的加工企业"),
])
def test_an_organisation_noun_is_no_verb_ending_the_beneficiary(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary, r.why()


# ---- support in named fields ----------------------------------------------------------------------

def test_support_in_named_fields_is_an_offer(vocab):
    r = read("市人民政府应当在用地、融资等方面为小微企业提供支持。", vocab)
    assert r.measure and r.frame == "为" and r.beneficiary == "小微企业", r.why()


def test_support_with_nothing_named_stays_no_offer(vocab):
    assert not read("市人民政府应当为小微企业提供支持。", vocab).measure


# ---- equal treatment --------------------------------------------------------------------------------

def test_terms_kept_equal_to_others_are_no_offer(vocab):
    r = read("金融机构对中小企业的贷款条件应当与其他企业保持一致。", vocab)
    assert not r.measure and "权利" in (r.not_measure or ""), r.why()
