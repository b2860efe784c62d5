"""Draft a measures file from a policy text (`python -m bot draft`).

The draft is the rules format (docs/rules-format.md) plus what a reviewer
needs: every measure `status: draft` with its character and byte span, the
words that decided each finding, review items for what the vocabularies do not
cover, proposed situation cases; the article list with the actionable /
government-internal decision; the drafted sources.yml entry with the text's
sha256; agencies the brackets name that agencies.yml does not have.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import yaml

from ..script import is_traditional, to_simplified
from .extract import (Bracket, level_prefix, match_agency, parse_bracket, places_in, read_sentence,
                      written_name)
from .segment import Segmentation, byte_span, marks_outside_brackets, segment
from .vocab import Vocabulary

DOC_TYPES = ("意见", "方案", "计划", "办法", "规定", "细则", "措施", "通知", "决定", "政策")
CLAUSE_END = ",，"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_prefix(doc: str) -> str:
    """guangxi-2021 -> g2, new-policy -> np: the first character of each part (edit freely)."""
    return "".join(p[0] for p in doc.split("-") if p) or doc


# ---- the sources.yml entry ----------------------------------------------------

def _preface(text: str, seg: Segmentation) -> str:
    return text[:seg.articles[0].start] if seg.articles else text


def draft_source(text: str, seg: Segmentation, doc: str, region: str, text_path: str) -> tuple[dict, list]:
    """The sources.yml entry as far as the text prints it; review items for the rest."""
    review = []
    pre = _preface(text, seg)
    lines = [ln.strip(" \t\u3000") for ln in pre.split("\n")]
    title = None
    for i, ln in enumerate(lines):
        s = to_simplified(ln)
        if s and "。" not in s and len(s) <= 80 and s.rstrip("：:").endswith(DOC_TYPES) and not s.endswith("的通知"):
            title = s
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if re.fullmatch(r"[(（]\d{4}[—–-]+\d{4}年[)）]", nxt):
                title += nxt
            break
    if title is None:
        m = re.search(r"《([^《》]{6,80}?(?:" + "|".join(DOC_TYPES) + r")(?:[(（]\d{4}[—–-]+\d{4}年[)）])?)》",
                      to_simplified(pre))
        if m and "国务院" not in m.group(1) and "中共" not in m.group(1):
            title = m.group(1)
    if title is None:
        review.append("title: not printed as a line of its own; write it")
    issuer = None
    m = re.search(r"(?:颁布单位|发布单位|印发单位)[:：]\s*(\S+)", to_simplified(pre))
    if m:
        issuer = m.group(1)
    else:
        m = re.search(r"([\u4e00-\u9fff]{2,12}?(?:人民政府办公厅|人民政府办公室|人民政府))(?:特制定|印发|制定)",
                      to_simplified(pre))
        issuer = m.group(1) if m else None
    if issuer is None:
        review.append("issuer: not printed; write it")
    number = next((to_simplified(ln) for ln in lines
                   if re.fullmatch(r"[\u4e00-\u9fff]{1,8}[发發字][〔\[［(（]\d{4}.{0,8}", ln)), None)
    if number and not re.fullmatch(r".+[〔\[］(（]\d{4}[〕\]］)）]\d+号", number):
        review.append(f"number: printed as “{number}” (incomplete in the text?); check it")
    issued = None
    m = re.search(r"(?:颁布时间|成文日期|印发日期|发文日期)[:：]\s*(\d{4})年(\d{1,2})月(\d{1,2})日", to_simplified(pre))
    dates = [m] if m else [re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", ln) for ln in lines]
    found = next((d for d in dates if d), None)
    if found:
        issued = dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    else:
        review.append("issued: no date of issue printed (a posting date is not one); leave null or write it")
    period, until = None, None
    m = re.search(r"[(（](\d{4})[—–-]+(\d{4})年[)）]", title or "")
    if m:
        period, until = f"{m.group(1)}—{m.group(2)}年", dt.date(int(m.group(2)), 12, 31)
    entry = {
        "id": doc, "title": title, "short_title": title, "issuer": issuer, "number": number,
        "issued": issued, "valid_until": until, "period_label": period, "region": region,
        "script": "traditional" if _mostly_traditional(text) else "simplified",
        "article_style": "chinese" if seg.style == "section" else "number",
        "articles": len(seg.articles), "sha256": sha256_text(text), "text": text_path,
    }
    if period is None:
        entry.pop("period_label")
    if title:
        review.append("short_title: the full title was copied; shorten it for citations")
    if seg.numbering == "ordinal":
        review.append(f"articles: the text numbers its provisions as {seg.style}s without a 1..N run; "
                      "they are numbered in order of print (check the contract's numbering)")
    return entry, review


def _mostly_traditional(text: str) -> bool:
    sample = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")[:5000]
    changed = sum(1 for a, b in zip(sample, to_simplified(sample)) if a != b)
    return changed > len(sample) * 0.03


# ---- clauses and measures ------------------------------------------------------

def clause_units(text: str, start: int, end: int, vocab: Vocabulary) -> list[tuple[int, int]]:
    """A sentence, or its runs of clauses when its clauses name different people
    (开展女大学生人才生根计划,搭建女性双创服务平台 -> two units); clauses naming
    nobody join the run before them."""
    cuts, a = [], start
    for i in marks_outside_brackets(text, start, end, CLAUSE_END):
        cuts.append((a, i))
        a = i + 1
    cuts.append((a, end))
    runs, current, sig = [], None, None
    for a, b in cuts:
        f = read_sentence(text[a:b], vocab)
        s = (tuple(sorted(f.groups)), f.gender[0] if f.gender else None)
        if current is None:
            current, sig = [a, b], s
        elif s != ((), None) and sig != ((), None) and s != sig:
            runs.append(tuple(current))
            current, sig = [a, b], s
        else:
            current[1] = b
            if sig == ((), None):
                sig = s
    runs.append(tuple(current))
    return runs


class Drafter:
    def __init__(self, text: str, doc: str, region: str, vocab: Vocabulary, *,
                 text_path: str | None = None, prefix: str | None = None):
        self.text, self.doc, self.vocab = text, doc, vocab
        # a region by its full name first: the country (全国) is found, never resolved
        place = next(iter(vocab.gazetteer.find(region)), None) or vocab.gazetteer.resolve(region)
        if place is None:
            raise ValueError(f"unknown region `{region}` (not in rules/regions.yml)")
        self.place = place
        self.region_chain = place.chain
        self.prefix = prefix or doc_prefix(doc)
        self.text_path = text_path or f"rules/sources/{doc}.txt"
        self.new_agencies: dict = {}      # written name -> entry
        self.agency_review: dict = {}     # written name -> review item

    # -- agencies
    def _agency_id(self, name: tuple) -> str:
        match = match_agency(name, self.vocab.agencies_in(self.region_chain))
        if match:
            return match.id
        written = written_name(name, self.vocab.gazetteer)
        if written not in self.new_agencies:
            level = {"province": "province", "prefecture": "prefecture"}.get(self.place.level, "county")
            if written.startswith(("省", "自治区")):
                level = "province"
            own = level_prefix(written)
            core = written[len(own):] if own else written
            full = core if core.startswith(tuple(self.region_chain)) else self.place.name + core
            ident = f"{self.prefix}-new{len(self.new_agencies) + 1}"
            self.new_agencies[written] = {"id": ident, "name": written, "full_name": full,
                                          "level": level, "region": self.place.name}
            self.agency_review[written] = (f"new agency? “{written}” is not in rules/agencies.yml "
                                           f"(drafted as {ident}, full_name “{full}”: check the name and level)")
        return self.new_agencies[written]["id"]

    def agencies_of(self, bracket: Bracket) -> tuple[dict, list]:
        lead = [self._agency_id(n) for n in bracket.lead]
        support = [self._agency_id(n) for n in bracket.support]
        support = [a for a in dict.fromkeys(support) if a not in lead]
        names = [written_name(n, self.vocab.gazetteer) for n in bracket.lead + bracket.support]
        review = [self.agency_review[n] for n in names if n in self.agency_review]
        out = {"lead": list(dict.fromkeys(lead))}
        if support:
            out["support"] = support
        return out, review

    # -- the whole draft
    def draft(self) -> dict:
        text, vocab = self.text, self.vocab
        seg = segment(text)
        source, source_review = draft_source(text, seg, self.doc, self.place.name, self.text_path)
        named = any(a.bracket for a in seg.articles)
        if not named:
            source["responsibility"] = "none"
            publisher = self._publisher()
            source["publisher"] = publisher
            source_review.append("responsibility: none — no article names a responsible unit; "
                                 + (f"publisher drafted from the text (“{self._publisher_words}”)"
                                    if publisher else "write `publisher:` (who presented the measures)"))
        articles, measures = [], []
        for art in seg.articles:
            art_measures, decision = self._article_measures(seg, art, named)
            articles.append(decision)
            measures.extend(art_measures)
        out = {"doc": self.doc, "status": "draft", "source": source, "source_review": source_review,
               "new_agencies": list(self.new_agencies.values()), "articles": articles, "measures": measures}
        return out

    _publisher_words = ""

    def _publisher(self) -> str | None:
        m = re.search(r"([\u4e00-\u9fff“”\"]{2,14}?[办局委厅])(?:副?主任|局长|主任委员|负责人)[\u4e00-\u9fff]{0,4}(?:介绍|解读)",
                      to_simplified(self.text))
        if not m:
            return None
        self._publisher_words = m.group(0)
        return self._agency_id((m.group(1), None))

    def _article_measures(self, seg: Segmentation, art, named: bool) -> tuple[list, dict]:
        text, vocab = self.text, self.vocab
        label = f"第{art.number}条" if seg.style != "section" else art.printed
        decision = {"article": art.number, "printed": art.printed, "title": to_simplified(art.title or ""),
                    "chars": [art.start, art.end], "bytes": list(byte_span(text, (art.start, art.end)))}
        agencies, agency_review = ({}, [])
        if art.bracket:
            agencies, agency_review = self.agencies_of(parse_bracket(text[art.bracket[0]:art.bracket[1]]))
            decision["bracket"] = text[art.bracket[0]:art.bracket[1]]
            if art.inherited_bracket:
                decision["bracket_from"] = "the enclosing section"
        elif named:
            agency_review = ["no responsibility bracket in this article or its section: write `agencies`"]
        title_facts = read_sentence(art.title, vocab) if art.title else None
        measures, offers, internal, k = [], [], [], 0
        for sent in art.sentences:
            for a, b in clause_units(text, sent.start, sent.end, vocab):
                quote = text[a:b].rstrip(CLAUSE_END)
                b = a + len(quote)
                f = read_sentence(quote, vocab)
                internal += f.internal
                if not f.is_measure:
                    continue
                offers += f.offers
                k += 1
                measures += self._measures_of(art, label, k, quote, (a, b), f, title_facts, agencies,
                                              agency_review, named)
        decision["actionable"] = bool(measures)
        if measures:
            decision["reason"] = "offers to someone: " + "、".join(dict.fromkeys(offers))
        else:
            words = list(dict.fromkeys(internal))
            decision["reason"] = ("government-internal: " + "、".join(words)) if words else \
                "no sentence offers anything to a person or business"
        return measures, decision

    def _measures_of(self, art, label, k, quote, span, f, title_facts, agencies, agency_review, named) -> list:
        text, vocab = self.text, self.vocab
        review = list(f.review)
        category = f.category or (title_facts.category if title_facts else None)
        if f.category is None and category is not None:
            review.append(f"category {category[0]}: from the article title's words ({'、'.join(category[1])})")
        if category is None:
            category = ("mentoring", ())
            review.append("category: no need word in the sentence or title; `mentoring` is a placeholder — choose")
        for place in places_in(quote, vocab, self.region_chain):
            review.append(f"place? names {place}, narrower than the document's region "
                          f"{self.region_chain[0]}: a measure has no narrower place")
        if f.tech is None and f.beneficiaries == ["企业"] and not f.groups:
            pass
        people = list(f.groups.items())
        names_others = (f.tech or f.audiences or f.not_people
                        or any(r.startswith(("new group?", "collective word")) for r in f.review))
        if not people and title_facts and title_facts.groups and not names_others:
            # the article's title says whom the article is for (强化大学生创新创业教育培训),
            # unless the sentence names someone else (青年创业者, 科技型中小企业)
            people = list(title_facts.groups.items())
            review.append("groups from the article title (“" + "”“".join(title_facts.groups.values())
                          + "”): the sentence itself names nobody")
        people = people or [(None, None)]
        out = []
        for g, word in people:
            conditions = {}
            why = {}
            if g:
                conditions["groups"] = [g]
                why["groups"] = word
            if f.gender:
                conditions["gender"] = f.gender[0]
                why["gender"] = f.gender[1]
            if f.tech:
                conditions["tech_business"] = True
                why["tech_business"] = f.tech
            simplified = to_simplified(quote)
            title = to_simplified(art.title) if art.title else simplified.rstrip("。；;")[:18]
            if g:
                title = f"{title}（{vocab.group_labels[g]}）"
            mid = f"{self.prefix}-{art.number}-d{k}" + (f"-{g}" if g else "")
            m = {"id": mid, "status": "draft", "article": art.number, "title": title, "summary": simplified,
                 "category": category[0]}
            if f.audiences:
                m["audience"] = f.audiences[0][0]
                why["audience"] = f.audiences[0][1]
                if len({v for v, _ in f.audiences}) > 1:
                    review.append("audience: the text names several (" +
                                  "、".join(dict.fromkeys(w for _, w in f.audiences)) + "); check")
            if conditions:
                m["conditions"] = conditions
            if named:
                if agencies:
                    m["agencies"] = agencies
            m["quote"] = quote
            m["chars"] = list(span)
            m["bytes"] = list(byte_span(text, span))
            why["category"] = "、".join(category[1])
            m["why"] = {k2: v for k2, v in why.items() if v}
            items = list(dict.fromkeys(review + agency_review))
            if items:
                m["review"] = items
            m["cases"] = self.cases(m, label)
            out.append(m)
        return out

    def cases(self, m: dict, label: str) -> list:
        """Situation cases (tests/eligibility format) written from the extracted conditions:
        a person the measure is for must get it; one it is not for must not."""
        c = m.get("conditions", {})
        region = self.place.name
        base = {"groups": list(c.get("groups", [])), "gender": c.get("gender", "male"), "region": region,
                "needs": [m["category"]], "tech_business": bool(c.get("tech_business", False))}
        cases = [{"name": f"草稿 {m['id']}：符合者应得到（{label}）", "profile": base, "eligible_ids": [m["id"]]}]
        groups = c.get("groups")
        if groups:
            near = {n for g in groups for n in self.vocab.neighbours.get(g, ())}
            other = next((g for g in self.vocab.groups if g not in groups and g not in near), None)
            if other:
                cases.append({"name": f"草稿 {m['id']}：其他身份不应得到", "profile": dict(base, groups=[other]),
                              "hidden_ids": [m["id"]]})
        elif c.get("gender") == "female":
            cases.append({"name": f"草稿 {m['id']}：男性不应得到", "profile": dict(base, gender="male"),
                          "hidden_ids": [m["id"]]})
        elif c.get("tech_business"):
            cases.append({"name": f"草稿 {m['id']}：非科技型企业不应得到", "profile": dict(base, tech_business=False),
                          "hidden_ids": [m["id"]]})
        return cases


# ---- writing ------------------------------------------------------------------

def header(draft: dict, source_file: str) -> str:
    src = draft["source"]
    lines = [f"# DRAFT of {src.get('title') or draft['doc']} — written by `python -m bot draft` from {source_file}.",
             "# Nothing here loads into the bot. Review it with", f"#   python -m bot review <this file>",
             "# (accepting a measure moves it into rules/measures/<doc>.yml as active).",
             "# Left out (government-internal, drafted: check each):"]
    left = [a for a in draft["articles"] if not a["actionable"]]
    for a in left:
        lines.append(f"#   {a['printed']} {a['title'] or ''} — {a['reason']}".rstrip())
    if not left:
        lines.append("#   (none)")
    return "\n".join(lines) + "\n"


def dump(draft: dict, source_file: str = "") -> str:
    body = yaml.safe_dump(draft, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=None)
    return header(draft, source_file or draft["source"].get("text", "")) + body


def draft_file(source: Path, doc: str, region: str, vocab: Vocabulary, *, text_path: str | None = None,
               prefix: str | None = None) -> dict:
    text = source.read_text(encoding="utf-8")
    return Drafter(text, doc, region, vocab, text_path=text_path, prefix=prefix).draft()
