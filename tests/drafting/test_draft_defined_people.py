"""A term for people that the document defines (本条例所称优抚对象包括：…; …（以下统称受助人员）) names the groups
of its definition wherever the document uses it, and the reviewer is told where they came from; a group
word that only qualifies another person noun (残疾军人) gives no group of its own. Texts written for
these tests."""
from drafting.defined_terms import defined_people
from drafting.vocab import load_vocabulary
from drafting.writer import Drafter

TEXT = """第一条 为了做好优抚工作，制定本办法。

第二条 本办法所称优抚对象包括：

（一）服现役和退出现役的残疾军人；

（二）军人家属；

（三）退役军人。

第三条 县人民政府对生活困难的优抚对象给予临时救助。
"""


def test_the_defined_term_names_the_groups_of_its_definition():
    assert set(defined_people(TEXT, load_vocabulary())["优抚对象"]) == {"military_family", "veteran"}


def test_a_measure_for_the_defined_people_has_their_groups_and_says_why():
    draft = Drafter(TEXT, "defined-test", "昆山市", load_vocabulary()).draft()
    groups = {g for m in draft["measures"] for g in m.get("conditions", {}).get("groups", [])}
    assert groups == {"military_family", "veteran"}
    assert any("本文件的定义" in str(item) for m in draft["measures"] for item in m.get("review", []))


def test_a_term_named_as_a_short_form_of_people():
    text = "第五条 退役军人和军人家属（以下统称服务对象）可以享受免费职业培训。"
    assert set(defined_people(text, load_vocabulary())["服务对象"]) == {"veteran", "military_family"}


def test_a_defined_thing_is_no_people():
    text = "第五条 本办法所称帮扶资金，是指用于退役军人创业的财政资金。"
    assert defined_people(text, load_vocabulary()) == {}
