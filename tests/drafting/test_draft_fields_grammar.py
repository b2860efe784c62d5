"""Grammar rules read on regulations for private businesses, overseas Chinese and disabled people,
on phrasings written for these tests: what a topic enjoys, offers named in fields with no verb
of giving, and who acts."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- what a topic enjoys ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, group", [
    ("高校毕业生从事个体经营的，享受资金扶持和创业培训。", "college_graduate"),
    ("退役士兵自主创业的，享受资金支持和贷款贴息。", "veteran"),
])
def test_funds_a_topic_enjoys_are_no_use_of_a_fund(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "subject" and group in r.groups, r.why()
