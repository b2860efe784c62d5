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

from . import agencies as ag
from .cover import read_cover
from .reading import LEAD_IN, NO_OFFER, Reading, clause_spans, find_terms, places_in, read
from .segment import Segmentation, byte_span, segment
from .vocab import Vocabulary

CLAUSE_END = ",，;；"
INTERNAL = "政府内部事项"
NO_UNIT = "原文未指定部门"
LIST_LEAD = re.compile(r"(?:下列|以下|如下)")


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


class Drafter:
    def __init__(self, text: str, doc: str, region: str, vocab: Vocabulary, *,
                 text_path: str | None = None, prefix: str | None = None):
        self.text, self.doc, self.vocab = text, doc, vocab
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

    # -- agencies
    def agency_id(self, name: tuple) -> str:
        match = ag.match_agency(name, self.vocab.agencies_in(self.region_chain))
        if match:
            return match.id
        written = ag.written_name(name, self.vocab.gazetteer)
        if written not in self.new_agencies:
            level = ag.agency_level(written, self.place)
            own = None if self.national else ag.level_prefix(written)
            core = written[len(own):] if own else written
            if self.national or core.startswith(tuple(self.region_chain)) or \
                    core.startswith(("县级以上", "各级", "地方", "安置地", "当地", "国家", "国务院", "中国")):
                full = core
            else:
                full = self.place.name + core
            ident = f"{self.prefix}-new{len(self.new_agencies) + 1}"
            self.new_agencies[written] = {"id": ident, "name": written, "full_name": full,
                                          "level": level, "region": self.place.name}
            self.agency_review[written] = (f"新部门？“{written}”不在 rules/agencies.yml 中"
                                           f"（暂定编号 {ident}，全称“{full}”，请核对名称和层级）")
        return self.new_agencies[written]["id"]

    def agencies_of(self, bracket: ag.Bracket) -> tuple[dict, list]:
        lead = [self.agency_id(n) for n in bracket.lead]
        support = [self.agency_id(n) for n in bracket.support]
        support = [a for a in dict.fromkeys(support) if a not in lead]
        names = [ag.written_name(n, self.vocab.gazetteer) for n in bracket.lead + bracket.support]
        review = [self.agency_review[n] for n in names if n in self.agency_review]
        out = {"lead": list(dict.fromkeys(lead))}
        if support:
            out["support"] = support
        return out, review

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
            "article_style": "chinese" if seg.style == "pcn" else "number",
            "articles": len(seg.articles), "sha256": sha256_text(self.text), "text": self.text_path,
        }
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
        named = any(a.bracket for a in seg.articles)
        self.named = named
        articles, measures = [], []
        for art in seg.articles:
            art_measures, decision = self._article_measures(seg, art)
            articles.append(decision)
            measures.extend(art_measures)
        if not named and not any(m.get("agencies") for m in measures):
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

    def _issuer_agencies(self, m: dict) -> dict:
        """No unit named for this measure: the document's issuing government (rules format), marked so."""
        if not self.issuer_names:
            m.setdefault("review", []).append("原文未指定部门，也没有读到发文机关：请选择牵头部门")
            return {}
        ids = [self.agency_id((n, None)) for n in self.issuer_names[:1]]
        m.setdefault("why", {})["lead"] = f"{NO_UNIT}：按发文机关 {self.issuer_names[0]}"
        items = [self.agency_review[n] for n in self.issuer_names[:1] if n in self.agency_review]
        m["review"] = list(dict.fromkeys(m.get("review", []) + [
            "牵头部门：原文未指定，暂按发文机关（规则格式：由发文的政府负责），请核对"] + items))
        return {"lead": ids}

    _publisher_words = ""

    def _publisher(self) -> str | None:
        m = re.search(r"([\u4e00-\u9fff“”\"]{2,14}?[办局委厅])(?:副?主任|局长|主任委员|负责人)[\u4e00-\u9fff]{0,4}(?:介绍|解读)",
                      to_simplified(self.text))
        if not m:
            return None
        self._publisher_words = m.group(0)
        return self.agency_id((m.group(1), None))

    # -- one article
    def _article_measures(self, seg: Segmentation, art) -> tuple[list, dict]:
        text, vocab = self.text, self.vocab
        label = art.label if seg.style != "paragraph" else f"第{art.number}条"
        decision = {"article": art.number, "label": art.label, "printed": art.printed,
                    "title": to_simplified(art.title or ""),
                    "chars": [art.start, art.end], "bytes": list(byte_span(text, (art.start, art.end)))}
        if art.parts:
            decision["parts"] = [{"label": lbl, "chars": [a, b]} for lbl, a, b in art.parts]
        if art.brackets:
            decision["bracket"] = text[art.brackets[-1][0]:art.brackets[-1][1]]
        elif art.inherited_bracket:
            decision["bracket"] = text[art.inherited_bracket[0]:art.inherited_bracket[1]]
            decision["bracket_from"] = "the enclosing heading"
        title_reading = read(art.title, vocab) if art.title else None
        measures, offers, reasons, skipped, k = [], [], [], [], 0
        context: Reading | None = None
        for sent in art.sentences:
            s_text = text[sent.start:sent.end]
            in_part = self._in_part(art, sent.start)
            r = read(s_text, vocab, context=context if in_part else None, item=in_part)
            lead_in = s_text.rstrip().endswith(("：", ":")) or bool(LIST_LEAD.search(to_simplified(s_text)))
            if lead_in:
                context = r if r.measure else (r if r.actor else context)
                if r.measure and r.beneficiary and LIST_LEAD.search(r.beneficiary):
                    skipped.append({"chars": [sent.start, sent.end], "why": "列举的引导语：受益者见各项（"
                                    + r.why() + "）"})
                    continue
                if s_text.rstrip().endswith(("：", ":")) and r.measure:
                    skipped.append({"chars": [sent.start, sent.end], "why": "列举的引导语：" + r.why()})
                    continue
            if not r.measure:
                reasons.append(r.not_measure or NO_OFFER)
                skipped.append({"chars": [sent.start, sent.end], "why": r.not_measure or NO_OFFER})
                continue
            if context is not None and LIST_LEAD.search(context.beneficiary or "") and \
                    r.review and r.review[-1].startswith(LEAD_IN):
                r = _item_as_beneficiary(r, s_text, vocab)
            for a, b, run in self._runs(sent.start, sent.end, r):
                k += 1
                offers.append(run.offer or run.frame)
                measures += self._measures_of(seg, art, label, k, (a, b), run, title_reading)
        decision["actionable"] = bool(measures)
        if measures:
            decision["reason"] = "提供扶持：" + "、".join(dict.fromkeys(str(o) for o in offers if o))
        else:
            words = list(dict.fromkeys(reasons))
            decision["reason"] = (INTERNAL + "：" + "；".join(words[:3])) if words else INTERNAL + "：" + NO_OFFER
        if skipped and measures:
            decision["not_drafted"] = skipped
        return measures, decision

    @staticmethod
    def _in_part(art, position: int) -> bool:
        return any(a <= position < b for _, a, b in art.parts)

    def _runs(self, start: int, end: int, r: Reading):
        """The sentence, or its runs of clauses when clauses name different people
        (开展女大学生人才生根计划,搭建女性双创服务平台 -> two runs) or open frames of their own;
        clauses naming nobody join the run before them."""
        text, vocab = self.text, self.vocab
        quote = text[start:end]
        spans = clause_spans(quote)
        if len(spans) <= 1:
            yield start, _trim_end(text, start, end), r
            return
        runs, current, sig = [], None, None
        for a, b in spans:
            clause = to_simplified(quote[a:b])
            g = tuple(sorted(v for v, _, _ in find_terms(clause, vocab.groups)))
            female = bool(find_terms(clause, vocab.gender))
            s = (g, female)
            if current is None:
                current, sig = [a, b], s
            elif s != ((), False) and sig != ((), False) and s != sig:
                runs.append(tuple(current))
                current, sig = [a, b], s
            else:
                current[1] = b
                if sig == ((), False):
                    sig = s
        runs.append(tuple(current))
        if len(runs) == 1:
            yield start, _trim_end(text, start, end), r
            return
        for a, b in runs:
            sub = read(quote[a:b], vocab, context=r)
            if sub.measure:
                yield start + a, _trim_end(text, start + a, start + b), sub

    def _measures_of(self, seg, art, label, k, span, r: Reading, title_reading) -> list:
        text, vocab = self.text, self.vocab
        a, b = span
        quote = text[a:b]
        review = list(r.review)
        category = r.category or (title_reading.category if title_reading else None)
        if r.category is None and category is not None:
            review.append(f"类别 {category[0]}：取自条款标题中的词（{'、'.join(category[1])}）")
        if category is None:
            category = ("mentoring", ())
            review.append("类别：句中和标题中都没有需求词，暂填 mentoring，请选择")
        for place in places_in(quote, vocab, self.region_chain):
            review.append(f"地点？提到{place}，比文件适用地区{self.region_chain[0]}更小：措施不另设地点")
        people = list(r.groups.items())
        # the article's title says whom the article is for (强化大学生创新创业教育培训) when the sentence
        # names nobody itself: a provision in the plan's voice, or one whose beneficiary is an institution
        # that serves them (鼓励高校实行双创导师制)
        names_others = (r.tech or r.groups or r.gender
                        or any(x.startswith(("new group?", "collective word")) for x in r.review)
                        or r.frame != "service" and r.head and not r.head.endswith(("高校", "院校", "学校", "科研院所",
                                                                                   "机构", "基地", "园区", "平台")))
        if not people and title_reading and title_reading.groups and not names_others:
            people = list(title_reading.groups.items())
            review.append("身份取自条款标题（“" + "”“".join(title_reading.groups.values())
                          + "”）：本句本身没有提到人群")
        agencies, agency_review, lead_why = self._measure_agencies(art, a, r)
        people = people or [(None, None)]
        part = art.part_label(a) if seg.style != "paragraph" else label
        out = []
        for g, word in people:
            conditions, why = {}, {}
            why["decision"] = r.why()
            if r.actor:
                why["actor"] = r.actor
            if lead_why:
                why["lead"] = lead_why
            if g:
                conditions["groups"] = [g]
                why["groups"] = word
            if r.gender:
                conditions["gender"] = r.gender[0]
                why["gender"] = r.gender[1]
            if r.tech:
                conditions["tech_business"] = True
                why["tech_business"] = r.tech
            simplified = to_simplified(quote)
            title = to_simplified(art.title) if art.title else simplified.rstrip("。；;，,")[:18]
            if g:
                title = f"{title}（{vocab.group_labels[g]}）"
            mid = f"{self.prefix}-{art.number}-d{k}" + (f"-{g}" if g else "")
            m = {"id": mid, "status": "draft", "article": art.number, "label": part, "title": title,
                 "summary": simplified, "category": category[0]}
            audience = _audience(r, conditions, vocab)
            m["audience"] = audience[0] if len(audience) == 1 else audience
            why["audience"] = "、".join(w for _, w in r.audiences[:3]) or "按条件"
            if len({v for v, _ in r.audiences}) > 1:
                review.append("对象：原文提到多个（" + "、".join(dict.fromkeys(w for _, w in r.audiences)) + "），请核对")
            if conditions:
                m["conditions"] = conditions
            if agencies:
                m["agencies"] = agencies
            m["quote"] = quote
            m["chars"] = [a, b]
            m["bytes"] = list(byte_span(text, (a, b)))
            why["category"] = "、".join(category[1])
            m["why"] = {k2: v for k2, v in why.items() if v}
            items = list(dict.fromkeys(review + agency_review))
            if items:
                m["review"] = items
            out.append(m)
        return out

    def _measure_agencies(self, art, position: int, r: Reading) -> tuple[dict, list, str | None]:
        bracket = art.bracket_for(position)
        if bracket:
            parsed = ag.parse_bracket(self.text[bracket[0]:bracket[1]], national=self.national)
            if parsed.lead:
                agencies, review = self.agencies_of(parsed)
                how = "责任分工括号" + ("写明牵头单位" if parsed.style == "lead-named" else "中列第一位")
                if parsed.convention:
                    how += f"（{parsed.convention}）"
                return agencies, review, how
        if r.actor:
            aid = self.agency_id((r.actor, None))
            review = [self.agency_review[r.actor]] if r.actor in self.agency_review else []
            return {"lead": [aid]}, review, f"句子的主语：“{r.actor}”"
        if self.named:
            return {}, ["本条及其上级标题都没有责任分工括号：请选择牵头部门"], None
        return {}, [], None


def _item_as_beneficiary(r: Reading, item: str, vocab) -> Reading:
    """An item of a list whose lead-in offers something to 下列…: the item names the beneficiary."""
    sub = read("对" + item.rstrip("；;。") + "给予", vocab)
    r.beneficiary, r.head = sub.beneficiary or item, sub.head
    r.groups, r.gender, r.tech, r.audiences = sub.groups, sub.gender, sub.tech, sub.audiences
    r.not_people = sub.not_people
    return r


def _audience(r: Reading, conditions: dict, vocab) -> list:
    ids = list(dict.fromkeys(v for v, _ in r.audiences))
    if conditions.get("groups") or conditions.get("gender"):
        ids = ["founder"] + [i for i in ids if i != "founder"]
    if conditions.get("tech_business") and "tech_business" not in ids:
        ids.append("tech_business")
    ids = [i for i in ids if i in vocab.audiences] or ["founder"]
    return ids[:2] if len(ids) > 1 else ids


def _trim_end(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in CLAUSE_END + " \t\u3000\n":
        b -= 1
    return b


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
