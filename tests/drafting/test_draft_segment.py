"""The segmenter: the document's own hierarchy at any depth, the contract's article
numbers, verbatim spans, and no text dropped without a reported reason."""
from pathlib import Path

import pytest

from drafting.hierarchy import cn_number
from drafting.segment import byte_span, coverage_gaps, segment

NATIONAL = Path(__file__).resolve().parents[2].parent / "shared" / "national"
NATIONAL = NATIONAL if NATIONAL.is_dir() else Path(__file__).resolve().parents[4] / "shared" / "national"


def test_chinese_numbers():
    assert [cn_number(s) for s in ("一", "十", "十二", "二十五", "三十三", "一百零三", "27", "③")] == \
        [1, 10, 12, 25, 33, 103, 27, 3]


def test_items_are_articles_and_sections_are_headings():
    text = "一、总体要求\n(一)指导思想。坚持创新。\n二、重点任务\n(一)主体培育。\n1.支持退役军人创业。给予贴息。(省退役军人厅、省财政厅等按职责分工负责)\n2.强化培训。开展培训。\n"
    seg = segment(text)
    assert seg.style == "num" and seg.numbering == "printed"
    assert [a.number for a in seg.articles] == [1, 2]
    first = seg.articles[0]
    assert first.title == "支持退役军人创业"
    assert text[first.bracket[0]:first.bracket[1]] == "省退役军人厅、省财政厅等按职责分工负责"
    assert [text[s.start:s.end] for s in first.sentences] == ["给予贴息。"]
    assert "二、重点任务" in first.heading
    assert coverage_gaps(seg) == []
    # the (一)指导思想 above the items is reported, not lost
    assert any("(一)" in text[s.start:s.end] and "条款之上" in s.reason for s in seg.left_out)


def test_traditional_sections_numbered_through_the_text_as_1_to_n():
    """图们's style: （一）…（三） through the chapters, Traditional script, full-width brackets too."""
    text = "一、總體要求\n\n（一）鼓勵大學生創業,落實補貼。(市人社局負責)\n\n二、保障\n\n(二)加強統計。\n\n（三）提供場地。\n"
    seg = segment(text)
    assert seg.style == "pcn"
    assert [a.number for a in seg.articles] == [1, 2, 3]
    assert [a.printed for a in seg.articles] == ["（一）", "(二)", "（三）"]


def test_articles_in_di_n_tiao_form_keep_their_paragraphs():
    text = "第一条 为了支持创业,制定本办法。\n第二條 對返鄉農民工給予補貼。\n補貼標準另行規定。\n第三条 本办法自发布之日起施行。\n"
    seg = segment(text)
    assert seg.style == "tiao"
    assert [a.number for a in seg.articles] == [1, 2, 3]
    second = seg.articles[1]
    assert text[second.start:second.end] == "第二條 對返鄉農民工給予補貼。\n補貼標準另行規定。"
    assert second.title is None         # a law's 第N条 has no title sentence


def test_items_under_an_article_are_its_parts_at_any_depth():
    """第五条 › （一） › 1. › （1）: the items are parts of the article (cited 第五条（二）),
    never headings, and an unnumbered paragraph stays in the item before it."""
    text = ("第一条 为了支持青年创业，制定本办法。\n"
            "第二条 对港澳青年给予以下支持：\n"
            "（一）场地支持。\n1.免收租金；\n（1）第一年全免；\n（2）第二年减半。\n2.提供办公设备。\n"
            "（二）给予一次性补贴。\n补贴标准另行公布。\n"
            "（三）提供创业辅导。\n"
            "第三条 本办法自公布之日起施行。\n")
    seg = segment(text)
    assert seg.style == "tiao" and [a.number for a in seg.articles] == [1, 2, 3]
    second = seg.articles[1]
    labels = [label for label, _, _ in second.parts]
    assert labels == ["第二条（一）", "第二条（一）1.", "第二条（一）1.（1）", "第二条（一）1.（2）", "第二条（一）2.",
                      "第二条（二）", "第二条（三）"]
    assert "补贴标准另行公布。" in text[second.start:second.end]
    at = text.index("补贴标准")
    assert second.part_label(at) == "第二条（二）"
    assert coverage_gaps(seg) == []


def test_restarting_numbers_are_numbered_in_order_of_print():
    text = "一、甲\n1.支持创业。\n2.提供场地。\n二、乙\n1.给予补贴。\n"
    seg = segment(text)
    assert seg.numbering == "ordinal"
    assert [a.number for a in seg.articles] == [1, 2, 3]


def test_a_number_out_of_its_run_is_a_paragraph_not_an_article():
    text = "1.支持创业。\n2.提供场地。\n2020年补贴标准：\n5.给予补贴。\n3.开展培训。\n"
    seg = segment(text)
    assert [a.printed for a in seg.articles] == ["1.", "2.", "3."]
    assert "5.给予补贴。" in text[seg.articles[1].start:seg.articles[1].end]


def test_paragraphs_under_headings_when_nothing_is_numbered():
    """乌鲁木齐's report: 任务之一 … with one provision per paragraph."""
    text = "导语。\n任务之一\n着力促进环境提升\n简政放权释放活力。提升便利度。\n优化服务。建立窗口。\n任务之二\n加大财税支持。落实政策。\n"
    seg = segment(text)
    assert seg.style == "paragraph"
    assert [a.number for a in seg.articles] == [1, 2, 3]
    assert seg.articles[0].title == "简政放权释放活力"
    assert coverage_gaps(seg) == []


def test_markdown_law_cover_chapters_and_articles():
    text = ("# 示例促进法\n\n2020年1月1日 第十三届全国人民代表大会常务委员会第一次会议通过\n\n<!-- INFO END -->\n\n"
            "## 第一章 总则\n\n第一条 为了促进创业，制定本法。\n\n第二条 国家支持创业。\n\n"
            "县级以上人民政府应当为创业者提供服务。\n\n## 第二章 附则\n\n第三条 本法自2020年3月1日起施行。\n")
    seg = segment(text)
    assert [a.printed for a in seg.articles] == ["第一条", "第二条", "第三条"]
    assert [h.reason for h in seg.headings] == ["## 第一章 总则", "## 第二章 附则"]
    assert seg.left_out[0].reason.startswith("封面") and "示例促进法" in text[:seg.left_out[0].end]
    assert "县级以上人民政府" in text[seg.articles[1].start:seg.articles[1].end]
    assert coverage_gaps(seg) == []


def test_signature_and_closing_paragraph_are_left_out_with_their_reason():
    text = ("关于支持创业的意见\n\n一、总体\n(一)支持创业。给予补贴。(市人社局负责)\n"
            "各部门要认真落实本意见。\n(二)提供场地。(市财政局负责)\n\n市人民政府办公室\n2024年3月1日\n")
    seg = segment(text)
    reasons = [s.reason for s in seg.left_out]
    assert any(r.startswith("(一) 责任分工括号之后的结语段落") for r in reasons)
    assert any(r.startswith("最后一条之后") for r in reasons)
    assert coverage_gaps(seg) == []


def test_spans_are_verbatim_in_characters_and_bytes():
    text = "1.支持“双创”企业(含个体工商户)发展。給予補貼;提供場地。\n2.其他。\n"
    seg = segment(text)
    raw = text.encode("utf-8")
    first = seg.articles[0]
    for s in first.sentences:
        a, b = byte_span(text, (s.start, s.end))
        assert raw[a:b].decode("utf-8") == text[s.start:s.end]
    # the short lead sentence is the article's title (a heading, not a measure)
    assert first.title == "支持“双创”企业(含个体工商户)发展"
    assert text[first.title_span[0]:first.title_span[1]] == "支持“双创”企业(含个体工商户)发展。"
    assert [text[s.start:s.end] for s in first.sentences] == ["給予補貼;", "提供場地。"]


def test_the_five_documents_get_the_contracts_article_counts_and_drop_nothing(kb):
    for doc, source in kb.sources.items():
        seg = segment(source.text)
        assert [a.number for a in seg.articles] == list(range(1, source.articles + 1)), doc
        assert coverage_gaps(seg) == [], doc


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="../shared/national/ is not beside this checkout")
@pytest.mark.parametrize("name", sorted(p.name for p in NATIONAL.glob("*-*.md")) if NATIONAL.is_dir() else [])
def test_the_national_texts_segment_by_article_and_drop_nothing(name):
    text = (NATIONAL / name).read_text(encoding="utf-8")
    seg = segment(text)
    assert seg.style == "tiao" and seg.numbering == "printed"
    assert [a.number for a in seg.articles] == list(range(1, len(seg.articles) + 1))
    assert len(seg.articles) >= 30
    assert coverage_gaps(seg) == []
