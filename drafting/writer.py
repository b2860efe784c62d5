"""Draft a measures file from a policy text (`python -m drafting draft`).

The draft is the rules format (docs/rules-format.md) plus what a reviewer
needs: every measure `status: draft` with its character and byte span, its
citation label (第五条（二）) and the words that decided each finding (`why`),
review items for what the vocabularies do not cover; every article with the
actionable / government-internal decision and its reason; the headings and
the spans left out (cover, preamble, signature…) with their reasons, so that
no text is dropped unreported; the drafted sources.yml entry read from the
cover; agencies the text names that agencies.yml does not have.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from bot.script import to_simplified

from . import functions as fn
from .article_reader import ArticleReader
from .cover import read_cover
from .defined_terms import with_defined_people
from .people import places_in
from .reading import Reading
from .segment import Segmentation, byte_span, segment
from .vocab import Vocabulary
from .who_acts import WhoActs


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_prefix(doc: str) -> str:
    """guangxi-2021 -> g2, new-policy -> np: the first character of each part (edit freely)."""
    return "".join(p[0] for p in doc.split("-") if p) or doc


def resolve_region(gazetteer, region: str):
    """A place by its full name (全国, 天河区), or as a person would name it (南宁)."""
    found = gazetteer.find(region) or gazetteer.find(to_simplified(region))
    return found[0] if found else gazetteer.resolve(region)


def _mostly_traditional(text: str) -> bool:
    sample = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")[:5000]
    changed = sum(1 for a, b in zip(sample, to_simplified(sample)) if a != b)
    return changed > len(sample) * 0.03


class Drafter(ArticleReader, WhoActs):
    """A policy text drafted into measures for review: the document's entry, its articles (which
    sentences are measures: ArticleReader), who acts in each (WhoActs), the spans left out."""

    def __init__(self, text: str, doc: str, region: str, vocab: Vocabulary, *,
                 text_path: str | None = None, prefix: str | None = None):
        self.text, self.doc = text, doc
        self.vocab = with_defined_people(vocab, to_simplified(text))   # 本条例所称抚恤优待对象包括…: its groups
        place = resolve_region(vocab.gazetteer, region)
        if place is None:
            raise ValueError(f"unknown region `{region}` (not in rules/regions.yml)")
        self.place = place
        self.region_chain = place.chain
        self.national = place.level == "country"
        self.prefix = prefix or doc_prefix(doc)
        self.text_path = text_path or f"rules/sources/{doc}.txt"
        self.new_agencies: dict = {}      # written name -> entry
        self.agency_review: dict = {}     # written name -> review item
        self.issuer_ids: list = []
        self.functions = dict(getattr(vocab.kb, "functions", None) or {})
        # a national text names functions, not offices (sources.yml `responsibility: functions`)
        self.by_function = self.national and bool(self.functions)
        self.default: fn.Acting | None = None
        self.declaratory = False

    # -- the sources.yml entry
    def source_entry(self, seg: Segmentation) -> tuple[dict, list, dict]:
        cover = read_cover(seg)
        review = list(cover.review) + list(seg.review)
        title = cover.title
        entry = {
            "id": self.doc, "title": title, "short_title": title, "issuer": "、".join(cover.issuers) or None,
            "number": cover.number, "issued": cover.issued, "in_force": cover.in_force,
            "valid_until": cover.valid_until, "period_label": cover.period_label, "region": self.place.name,
            "script": "traditional" if _mostly_traditional(self.text) else "simplified",
            "article_style": "chinese" if seg.style == "pcn" else "law" if _law_style(seg) else "number",
            "articles": len(seg.articles), "sha256": sha256_text(self.text), "text": self.text_path,
        }
        if cover.adopted:
            entry["adopted"] = cover.adopted
        if self.national:
            # where the country's other documents do not apply (rules: the national sources' `not_in`)
            not_in = next((list(x.not_in) for x in getattr(self.vocab.kb, "sources", {}).values()
                           if x.national and x.not_in), None)
            if not_in:
                entry["not_in"] = not_in
                review.append("不适用地区：按规则中其他全国性文件写为 " + "、".join(not_in) + "，请核对")
        for key in ("period_label", "in_force"):
            if entry[key] is None:
                entry.pop(key)
        if title:
            review.append("简称：暂用全称，请缩短以便引用")
        return entry, review, dict(cover.evidence)

    # -- the whole draft
    def draft(self) -> dict:
        text = self.text
        seg = segment(text)
        source, source_review, evidence = self.source_entry(seg)
        self.issuer_names = [n for n in re.split("、", source.get("issuer") or "") if n]
        if self.by_function:
            self.default = fn.default_function(seg, self.functions)
            source["responsibility"] = "functions"
            source_review.append("责任：全国性文件写的是职能（如“县级以上地方人民政府…主管部门”），措施写 functions"
                                 + (f"；全文由{self.default.where}“{self.default.words}”负责" if self.default
                                    else "；原文没有写明负责全文的部门，请为每条措施选择职能"))
        named = any(a.bracket for a in seg.articles)
        self.named = named
        # a law or regulation (第四十六条) declares; a plan (1. / 一、 / 第4条 with brackets) assigns tasks
        self.declaratory = source.get("article_style") == "law"
        articles, measures = [], []
        for art in seg.articles:
            art_measures, decision = self._article_measures(seg, art)
            articles.append(decision)
            measures.extend(art_measures)
        if self.by_function:
            pass
        elif not named and not any(m.get("agencies") for m in measures):
            source["responsibility"] = "none"
            publisher = self._publisher()
            source["publisher"] = publisher
            source_review.append("责任部门：没有哪一条写明负责的部门；"
                                 + (f"发布部门取自原文（“{self._publisher_words}”）"
                                    if publisher else "请填写发布部门（介绍这些措施的部门）"))
        else:
            for m in measures:
                if not m.get("agencies"):
                    m["agencies"] = self._issuer_agencies(m)
        out = {"doc": self.doc, "status": "draft", "source": source, "source_review": source_review,
               "source_evidence": evidence, "new_agencies": list(self.new_agencies.values()),
               "articles": articles,
               "headings": [{"chars": [h.start, h.end], "text": h.reason} for h in seg.headings],
               "left_out": [{"chars": [s.start, s.end], "reason": s.reason,
                             "text": text[s.start:s.end].strip()[:40]} for s in seg.left_out],
               "measures": measures}
        return out

    def _measures_of(self, seg, art, label, k, span, r: Reading, title_reading) -> list:
        """The draft measures of one run of a sentence: one per group it names (or one for all)."""
        a, b = span
        quote = self.text[a:b]
        review = list(r.review)     # shared by the run's measures: a finding on one is on all
        category = _category(r, title_reading, review)
        for place in places_in(quote, self.vocab, self.region_chain):
            review.append(f"地点？提到{place}，比文件适用地区{self.region_chain[0]}更小：措施不另设地点")
        people = _people_of(r, title_reading, review)
        if self.by_function:
            acting, agency_review, lead_why = self._measure_functions(r, quote, art, a)
            agencies = {}
        else:
            acting = None
            agencies, agency_review, lead_why = self._measure_agencies(art, a, r)
        if r.all_groups and len(people) > 1:
            people = [(tuple(g for g, _ in people), r.all_groups)]
        people = people or [(None, None)]
        part = art.part_label(a) if seg.style != "paragraph" else label
        out = []
        for g, word in people:
            conditions, why = _conditions(r, g, word, lead_why)
            m = self._measure_head(art, k, part, quote, g, category[0])
            audience = _audience(r, conditions, self.vocab)
            m["audience"] = audience[0] if len(audience) == 1 else audience
            why["audience"] = "、".join(w for _, w in r.audiences[:3]) or "按条件"
            if len({v for v, _ in r.audiences}) > 1:
                review.append("对象：原文提到多个（" + "、".join(dict.fromkeys(w for _, w in r.audiences)) + "），请核对")
            if conditions:
                m["conditions"] = conditions
            if isinstance(g, tuple):
                m["all_groups"] = True
            chosen = self._lead_by_function(art, a, agencies, g, r.gender, quote) if agencies else None
            self._set_who_acts(m, why, art, a, chosen, agencies, acting)
            m["quote"] = quote
            m["chars"] = [a, b]
            m["bytes"] = list(byte_span(self.text, (a, b)))
            why["category"] = "、".join(category[1])
            m["why"] = {k2: v for k2, v in why.items() if v}
            items = list(dict.fromkeys(review + agency_review))
            if items:
                m["review"] = items
            out.append(m)
        return out

    def _measure_head(self, art, k: int, part: str, quote: str, g, category: str) -> dict:
        """A measure's id, citation, title and summary: the article's title, or the quote's opening,
        with the groups it is for."""
        simplified = to_simplified(quote)
        title = to_simplified(art.title) if art.title else simplified.rstrip("。；;，,")[:18]
        if g:
            title = f"{title}（{'、'.join(self.vocab.group_labels[x] for x in (g if isinstance(g, tuple) else (g,)))}）"
        mid = f"{self.prefix}-{art.number}-d{k}" + (f"-{'-'.join(g) if isinstance(g, tuple) else g}" if g else "")
        return {"id": mid, "status": "draft", "article": art.number, "label": part, "title": title,
                "summary": simplified, "category": category}


def _law_style(seg: Segmentation) -> bool:
    """Articles printed 第四十六条 (a law or regulation: cited so), not 第46条."""
    return seg.style == "tiao" and sum(1 for a in seg.articles if re.match(r"第[零〇一二三四五六七八九十百]+条",
                                                                            a.printed or "")) > len(seg.articles) // 2


def _category(r: Reading, title_reading: Reading | None, review: list) -> tuple:
    """The sentence's need, else the article title's, else mentoring for the reviewer to choose."""
    category = r.category or (title_reading.category if title_reading else None)
    if r.category is None and category is not None:
        review.append(f"类别 {category[0]}：取自条款标题中的词（{'、'.join(category[1])}）")
    if category is None:
        category = ("mentoring", ())
        review.append("类别：句中和标题中都没有需求词，暂填 mentoring，请选择")
    return category


# a head ending so is an institution that serves people (鼓励高校实行双创导师制), not the people themselves
SERVING_INSTITUTIONS = ("高校", "院校", "学校", "科研院所", "机构", "基地", "园区", "平台")


def _people_of(r: Reading, title_reading: Reading | None, review: list) -> list:
    """(group, words) the sentence names; when it names nobody itself, the article title's."""
    people = list(r.groups.items())
    # the article's title says whom the article is for (强化大学生创新创业教育培训) when the sentence
    # names nobody itself: a provision in the plan's voice, or one whose beneficiary is an institution
    # that serves them (鼓励高校实行双创导师制)
    names_others = (r.tech or r.groups or r.gender
                    or any(x.startswith(("new group?", "collective word")) for x in r.review)
                    or r.frame != "service" and r.head and not r.head.endswith(SERVING_INSTITUTIONS))
    if not people and title_reading and title_reading.groups and not names_others:
        people = list(title_reading.groups.items())
        review.append("身份取自条款标题（“" + "”“".join(title_reading.groups.values())
                      + "”）：本句本身没有提到人群")
    return people


def _conditions(r: Reading, g, word, lead_why) -> tuple[dict, dict]:
    """A measure's conditions (its group or groups, gender, tech business) and the words behind
    each finding so far."""
    conditions, why = {}, {}
    why["decision"] = r.why()
    if r.actor:
        why["actor"] = r.actor
    if lead_why:
        why["lead"] = lead_why
    if isinstance(g, tuple):
        conditions["groups"] = list(g)
        why["groups"] = word
        why["all_groups"] = f"“{word}”同时具备这些身份"
    elif g:
        conditions["groups"] = [g]
        why["groups"] = word
    if r.gender:
        conditions["gender"] = r.gender[0]
        why["gender"] = r.gender[1]
    if r.tech:
        conditions["tech_business"] = True
        why["tech_business"] = r.tech
    return conditions, why


def _audience(r: Reading, conditions: dict, vocab) -> list:
    ids = list(dict.fromkeys(v for v, _ in r.audiences))
    if conditions.get("groups") or conditions.get("gender"):
        ids = ["founder"] + [i for i in ids if i != "founder"]
    if conditions.get("tech_business") and "tech_business" not in ids:
        ids.append("tech_business")
    ids = [i for i in ids if i in vocab.audiences] or ["founder"]
    return ids[:2] if len(ids) > 1 else ids


# ---- writing ------------------------------------------------------------------

def header(draft: dict, source_file: str) -> str:
    src = draft["source"]
    lines = [f"# DRAFT of {src.get('title') or draft['doc']} — written by `python -m drafting draft` from {source_file}.",
             "# Nothing here loads into the bot. Review it in the staff console (/drafts) or with",
             "#   python -m drafting review <this file>",
             "# (accepting a measure moves it into rules/measures/<doc>.yml as active).",
             "# 未收录（政府内部事项，草拟判断，请逐条核对）:"]
    left = [a for a in draft["articles"] if not a["actionable"]]
    for a in left:
        lines.append(f"#   {a['label']} {a['title'] or ''} — {a['reason']}".rstrip())
    if not left:
        lines.append("#   (none)")
    return "\n".join(lines) + "\n"


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def dump_yaml(data) -> str:
    """YAML without anchors or aliases (a file appended to twice stays loadable)."""
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=None)


def dump(draft: dict, source_file: str = "") -> str:
    return header(draft, source_file or draft["source"].get("text", "")) + dump_yaml(draft)


def draft_file(source: Path, doc: str, region: str, vocab: Vocabulary, *, text_path: str | None = None,
               prefix: str | None = None) -> dict:
    text = source.read_text(encoding="utf-8")
    return Drafter(text, doc, region, vocab, text_path=text_path, prefix=prefix).draft()
