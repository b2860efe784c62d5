"""The segmenter: the document's own numbering, the contract's article numbers, verbatim spans."""
from bot.draft.segment import byte_span, cn_number, segment


def test_chinese_numbers():
    assert [cn_number(s) for s in ("一", "十", "十二", "二十五", "三十三", "一百零三", "27")] == [1, 10, 12, 25, 33, 103, 27]


def test_items_are_articles_and_sections_are_headings():
    text = "一、总体要求\n(一)指导思想。坚持创新。\n二、重点任务\n(一)主体培育。\n1.支持退役军人创业。给予贴息。(省退役军人厅、省财政厅等按职责分工负责)\n2.强化培训。开展培训。\n"
    seg = segment(text)
    assert seg.style == "item" and seg.numbering == "printed"
    assert [a.number for a in seg.articles] == [1, 2]
    first = seg.articles[0]
    assert first.title == "支持退役军人创业"
    assert text[first.bracket[0]:first.bracket[1]] == "省退役军人厅、省财政厅等按职责分工负责"
    assert [text[s.start:s.end] for s in first.sentences] == ["支持退役军人创业。", "给予贴息。"]
    assert "二、重点任务" in first.heading


def test_traditional_sections_numbered_through_the_text_as_1_to_n():
    """图们's style: （一）…（三） through the chapters, Traditional script, full-width brackets too."""
    text = "一、總體要求\n\n（一）鼓勵大學生創業,落實補貼。(市人社局負責)\n\n二、保障\n\n(二)加強統計。\n\n（三）提供場地。\n"
    seg = segment(text)
    assert seg.style == "section"
    assert [a.number for a in seg.articles] == [1, 2, 3]
    assert [a.printed for a in seg.articles] == ["（一）", "(二)", "（三）"]


def test_articles_in_di_n_tiao_form_keep_their_paragraphs():
    text = "第一条 为了支持创业,制定本办法。\n第二條 對返鄉農民工給予補貼。\n補貼標準另行規定。\n第三条 本办法自发布之日起施行。\n"
    seg = segment(text)
    assert seg.style == "article"
    assert [a.number for a in seg.articles] == [1, 2, 3]
    second = seg.articles[1]
    assert text[second.start:second.end] == "第二條 對返鄉農民工給予補貼。\n補貼標準另行規定。"


def test_restarting_numbers_are_numbered_in_order_of_print():
    text = "一、甲\n1.支持创业。\n2.提供场地。\n二、乙\n1.给予补贴。\n"
    seg = segment(text)
    assert seg.numbering == "ordinal"
    assert [a.number for a in seg.articles] == [1, 2, 3]


def test_paragraphs_under_headings_when_nothing_is_numbered():
    """乌鲁木齐's report: 任务之一 … with one provision per paragraph."""
    text = "导语。\n任务之一\n着力促进环境提升\n简政放权释放活力。提升便利度。\n优化服务。建立窗口。\n任务之二\n加大财税支持。落实政策。\n"
    seg = segment(text)
    assert seg.style == "paragraph"
    assert [a.number for a in seg.articles] == [1, 2, 3]
    assert seg.articles[0].title == "简政放权释放活力"


def test_spans_are_verbatim_in_characters_and_bytes():
    text = "1.支持“双创”企业(含个体工商户)发展。給予補貼;提供場地。\n2.其他。\n"
    seg = segment(text)
    raw = text.encode("utf-8")
    for s in seg.articles[0].sentences:
        a, b = byte_span(text, (s.start, s.end))
        assert raw[a:b].decode("utf-8") == text[s.start:s.end]
    assert [text[s.start:s.end] for s in seg.articles[0].sentences] == \
        ["支持“双创”企业(含个体工商户)发展。", "給予補貼;", "提供場地。"]


def test_the_five_documents_get_the_contracts_article_counts(kb):
    for doc, source in kb.sources.items():
        seg = segment(source.text)
        assert [a.number for a in seg.articles] == list(range(1, source.articles + 1)), doc
