"""The cover: title, issuers, number and dates wherever the text prints them."""
import datetime as dt

from drafting.cover import read_cover
from drafting.segment import segment


def cover(text):
    return read_cover(segment(text))


def test_a_law_in_markdown_form():
    c = cover("# 中华人民共和国示例促进法\n\n2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过\n\n"
              "2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议修订\n\n<!-- INFO END -->\n\n"
              "## 第一章 总则\n\n第一条 为了促进创业，制定本法。\n\n第二条 本法自2018年1月1日起施行。\n")
    assert c.title == "中华人民共和国示例促进法"
    assert c.issuers == ["全国人民代表大会常务委员会"]
    assert c.adopted == dt.date(2017, 9, 1)         # the latest revision
    assert c.issued is None                         # a law prints no date of issue
    assert c.in_force == dt.date(2018, 1, 1)        # read in the last article
    assert c.review == []


def test_a_state_council_order_and_its_dates():
    c = cover("# 示例条例\n\n2007年2月14日 国务院第169次常务会议通过\n\n2007年2月25日 中华人民共和国国务院令第488号公布\n\n"
              "2007年5月1日 施行\n\n<!-- INFO END -->\n\n第一条 为了……，制定本条例。\n\n第二条 略。\n")
    assert (c.number, c.issuers, c.issued, c.in_force) == ("国务院令第488号", ["国务院"], dt.date(2007, 2, 25),
                                                           dt.date(2007, 5, 1))


def test_a_title_over_two_lines_an_issuer_in_the_title_and_a_signature():
    c = cover("国务院办公厅关于进一步支持\n重点群体创业的意见\n国办发〔2025〕9号\n各省、自治区、直辖市人民政府：\n"
              "为……，现提出以下意见。\n一、总体要求\n（一）支持创业。给予补贴。\n（二）提供场地。\n国务院办公厅\n2025年3月1日\n")
    assert c.title == "国务院办公厅关于进一步支持重点群体创业的意见"
    assert c.issuers == ["国务院办公厅"]
    assert c.number == "国办发〔2025〕9号"
    assert c.issued == dt.date(2025, 3, 1)


def test_a_wrapping_notice_label_lines_and_a_validity_period():
    c = cover("发布单位：某市人民政府办公室\n成文日期：2024年3月1日\n"
              "某市人民政府办公室关于印发某市创业扶持办法的通知\n各区人民政府：\n现将《某市创业扶持办法（试行）》印发给你们，请认真执行。\n"
              "某市创业扶持办法（试行）\n第一条 为了……，制定本办法。\n第二条 本办法自2024年4月1日起施行，有效期3年。\n")
    assert c.title == "某市创业扶持办法（试行）"
    assert c.issuers == ["某市人民政府办公室"]
    assert c.issued == dt.date(2024, 3, 1) and c.in_force == dt.date(2024, 4, 1)
    assert c.valid_until == dt.date(2027, 3, 31)
    assert c.evidence["issuer"] == "发布单位：某市人民政府办公室"


def test_a_plan_period_in_the_title_and_what_is_not_printed():
    c = cover("广西大众创业万众创新三年行动计划\n(2021—2023年)\n为贯彻……，制定本计划。\n一、总体要求\n1.支持创业。给予补贴。\n2.提供场地。\n")
    assert c.title == "广西大众创业万众创新三年行动计划(2021—2023年)"
    assert c.period_label == "2021—2023年" and c.valid_until == dt.date(2023, 12, 31)
    assert any(r.startswith("发文机关：") for r in c.review) and any(r.startswith("成文日期：") for r in c.review)


def test_a_number_cited_in_the_preamble_is_not_the_documents():
    c = cover("为贯彻落实《国务院关于推动创新创业高质量发展的意见》(国发[2018]32号),现制定实施意见如下:\n一、总体\n1.支持创业。\n2.提供场地。\n")
    assert c.number is None and c.title is None
