"""rules/everyday.yml: each word it maps to is a word some measure's text holds (else it
finds nothing), and a phrase that is not a list is reported with its file and line."""
from bot import rules as kbmod


def problems(root):
    return [str(p) for p in kbmod.validate(root)[1]]


def test_every_mapped_word_is_in_some_measures_text(kb):
    texts = [m.title + (m.quote or "") for m in kb.measures]
    words = set(kb.everyday_words.values())
    assert words and not {w for w in words if not any(w in t for t in texts)}


def test_everyday_phrases_that_are_not_a_list(mini_rules):
    mini_rules.write("everyday.yml", "text_words:\n  电商: [网店]\n  乡村旅游: 民宿\n")
    assert problems(mini_rules) == [
        "rules/everyday.yml:3: 乡村旅游: must map a word of the texts to a list of everyday phrases"]
