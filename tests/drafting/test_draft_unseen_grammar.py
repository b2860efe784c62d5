"""Grammar rules added from documents first read at first sight, on phrasings written
for these tests: a collective word that names more people than its groups, lists of
offices that share one 部门, and articles that only set the government's own duties."""
import pytest

from drafting.reading import read
from drafting.vocab import PartOf, load_vocabulary, read_collective_words


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- a collective word that names more people than its groups ----------------------------------

def test_youth_alone_names_no_group(vocab):
    assert isinstance(vocab.collective["青年"], PartOf)
    r = read("对在本市创办企业的青年，给予一次性创业补贴。", vocab)
    assert r.measure and not r.groups
    assert any("统称“青年”泛指" in x and "高校毕业生" in x for x in r.review)


def test_youth_narrowed_by_a_group_word_gives_that_group_only(vocab):
    r = read("对高校毕业生等青年创办小微企业的，给予一次性创业补贴。", vocab)
    assert set(r.groups) == {"college_graduate"}


def test_covers_must_be_all_or_part(tmp_path):
    groups_ = load_vocabulary().groups
    f = tmp_path / "collective-words.yml"
    f.write_text("collective_words:\n  青年: {groups: [rural_youth], convention: x, covers: some}\n", encoding="utf-8")
    with pytest.raises(Exception) as e:
        read_collective_words(f, groups_)
    assert "`covers`" in str(e.value)
    f.write_text("collective_words:\n  青年: {groups: [rural_youth], convention: x, covers: part}\n", encoding="utf-8")
    assert isinstance(read_collective_words(f, groups_)["青年"], PartOf)
