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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.script import to_simplified

from . import agencies as ag
from . import functions as fn
from .cover import read_cover
from .reading import LEAD_IN, NO_OFFER, Reading, clause_spans, find_terms, places_in, read
from .segment import Segmentation, byte_span, segment
from .vocab import Vocabulary

CLAUSE_END = ",，;；"
INTERNAL = "政府内部事项"
NO_UNIT = "原文未指定部门"
LIST_LEAD = re.compile(r"(?:下列|以下|如下)")
CONDITIONS_LEAD = re.compile(r"(?:下列|以下|如下)[^，,。；;：:]{0,6}(?:条件|情形|情况)|(?:范围|对象)包括[：:]?$|是指[：:]?$")
PROHIBITED_LEAD = re.compile(r"(?:不得|禁止|严禁)[^，,。；;]{0,8}(?:下列|以下)|(?:履行|负责)(?:下列|以下)[^，,。；;]{0,4}职责")


def _is_condition(item: str) -> bool:
    """An item that states a condition (…的；) rather than naming someone or an offer."""
    return to_simplified(item).strip().rstrip("。；;，, ").endswith("的") or \
        to_simplified(item).strip().startswith(("是", "被", "受过", "曾", "因", "有", "属于"))


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


@dataclass
class _ArticleWalk:
    """What reading an article's sentences in order carries from one to the next, and what it found."""
    context: Reading | None = None      # the last lead-in, for the items of its list
    before: dict = field(default_factory=dict)  # the groups the article named last (for "those who…" after them)
    conditions_list: bool = False       # the last lead-in introduced conditions (下列条件/情形), not beneficiaries
    last_actor: str | None = None       # who acts in the sentence before (a sentence after ；may leave it out)
    prohibited_list: bool = False       # the last lead-in prohibits what its items list (不得有下列行为)
    k: int = 0                          # the runs drafted so far (a measure id's d<k>)
    measures: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    reasons: list = field(default_factory=list)     # why sentences offer nothing
    skipped: list = field(default_factory=list)     # sentences not drafted, with why


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
        self.functions = dict(getattr(vocab.kb, "functions", None) or {})
        # a national text names functions, not offices (sources.yml `responsibility: functions`)
        self.by_function = self.national and bool(self.functions)
        self.default: fn.Acting | None = None
        self.declaratory = False

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
            does = fn.function_of(written, self.functions) or fn.function_of(full, self.functions)
            if does and does[0] != fn.GOVERNMENT:
                # what the office does, from its name (省妇联 -> 妇女联合会): it may lead by function
                self.new_agencies[written]["functions"] = [does[0]]
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
        label = art.label if seg.style != "paragraph" else f"第{art.number}条"
        title_reading = read(art.title, self.vocab) if art.title else None
        walk = _ArticleWalk()
        for sent in art.sentences:
            self._sentence_measures(seg, art, label, sent, title_reading, walk)
        return walk.measures, self._article_decision(art, walk)

    def _article_decision(self, art, walk: _ArticleWalk) -> dict:
        """The article as the draft lists it: its span, parts and bracket, and whether it offers anything (why)."""
        text = self.text
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
        decision["actionable"] = bool(walk.measures)
        if walk.measures:
            decision["reason"] = "提供扶持：" + "、".join(dict.fromkeys(str(o) for o in walk.offers if o))
        else:
            words = list(dict.fromkeys(walk.reasons))
            decision["reason"] = (INTERNAL + "：" + "；".join(words[:3])) if words else INTERNAL + "：" + NO_OFFER
        if walk.skipped and walk.measures:
            decision["not_drafted"] = walk.skipped
        return decision

    def _sentence_measures(self, seg, art, label, sent, title_reading, walk: _ArticleWalk) -> None:
        """One sentence of the article: its measures, or the reason it has none, into `walk`."""
        s_text = self.text[sent.start:sent.end]
        in_part = self._in_part(art, sent.start)
        r = self._read_in_article(art, sent.start, s_text, in_part, walk)
        why_not = self._why_not_drafted(s_text, in_part, r, walk)
        if why_not:
            walk.skipped.append({"chars": [sent.start, sent.end], "why": why_not})
            return
        if walk.context is not None and LIST_LEAD.search(walk.context.beneficiary or "") and \
                r.review and r.review[-1].startswith(LEAD_IN):
            r = _item_as_beneficiary(r, s_text, self.vocab, walk.context)
        for a, b, run in self._runs(sent.start, sent.end, r):
            walk.k += 1
            walk.offers.append(run.offer or run.frame)
            walk.measures += self._measures_of(seg, art, label, walk.k, (a, b), run, title_reading)

    def _read_in_article(self, art, start: int, s_text: str, in_part: bool, walk: _ArticleWalk) -> Reading:
        """The sentence read with what the article said before it: the lead-in of its list, the
        subject of the sentence it goes on from, the people named last."""
        r = read(s_text, self.vocab, context=walk.context if in_part else None, item=in_part,
                 declaratory=self.declaratory and not art.bracket)
        if r.actor is None and walk.last_actor and _continues(self.text, start) and \
                to_simplified(s_text).lstrip().startswith(PREDICATE_OPENINGS):
            # …应当…；为劳动密集型小企业提供…: the subject of the sentence before goes on
            r.actor = walk.last_actor
        if r.actor and not in_part:
            walk.last_actor = r.actor
        if r.measure and r.headless and not r.groups and not r.gender and walk.before:
            # 被安排在公益性岗位工作的，…: those who… are the people the article has just named
            r.groups = dict(walk.before)
            r.review.append("身份取自上文（“" + "”“".join(walk.before.values()) + "”）：本句的受益者没有写出是谁，请核对")
        named = r.groups if r.measure else _groups_named(s_text, self.vocab)
        if named:
            walk.before = dict(named)
        return r

    def _why_not_drafted(self, s_text: str, in_part: bool, r: Reading, walk: _ArticleWalk) -> str | None:
        """Why the sentence gives no measure (an item of a list that is not offers, a lead-in whose
        items are the measures, no offer: counted among the article's reasons), or None."""
        if in_part and walk.prohibited_list:
            # an item under 不得有下列行为： (or 履行下列职责：) is a prohibited act or a government's duty
            return "列举的禁止行为或职责（见引导语）"
        if in_part and walk.conditions_list and _is_condition(s_text):
            # an item of a list of conditions (服现役满十二年的；受过刑事处罚的): it qualifies the
            # lead-in, which decides; never a measure of its own
            return "列举的条件（见引导语）"
        if s_text.rstrip().endswith(("：", ":")) or LIST_LEAD.search(to_simplified(s_text)):
            why_not = self._lead_in(s_text, r, walk)
            if why_not:
                return why_not
        if not r.measure:
            walk.reasons.append(r.not_measure or NO_OFFER)
            return r.not_measure or NO_OFFER
        return None

    @staticmethod
    def _lead_in(s_text: str, r: Reading, walk: _ArticleWalk) -> str | None:
        """A sentence that introduces a list: what its items are (the context they are read in,
        conditions, prohibited acts); why the lead-in itself is no measure, or None when it is one."""
        simplified = to_simplified(s_text)
        walk.context = r if r.measure else (r if r.actor else walk.context)
        walk.conditions_list = bool(CONDITIONS_LEAD.search(simplified))
        walk.prohibited_list = bool(PROHIBITED_LEAD.search(simplified))
        if not r.measure or walk.conditions_list:
            return None     # 符合下列条件之一的，可以…: the lead-in is the measure, its items its conditions
        if r.beneficiary and LIST_LEAD.search(r.beneficiary):
            return "列举的引导语：受益者见各项（" + r.why() + "）"
        if s_text.rstrip().endswith(("：", ":")):
            return "列举的引导语：" + r.why()
        return None

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
        subs = [(a, b, read(quote[a:b], vocab, context=r, declaratory=self.declaratory)) for a, b in runs]
        if not all(sub.measure for _, _, sub in subs):
            # a run that offers nothing by itself (…的残疾退役军人，有劳动能力的，│优先享受…残疾人就业优惠政策)
            # holds the beneficiary of the others: the sentence is one measure
            yield start, _trim_end(text, start, end), r
            return
        for a, b, sub in subs:
            yield start + a, _trim_end(text, start + a, start + b), sub

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

    def _set_who_acts(self, m: dict, why: dict, art, position: int, chosen, agencies: dict, acting) -> None:
        """Agencies (or the one leading by function), or the functions that act and the words naming them."""
        if chosen:
            m["agencies"], m["lead_function"], why["lead"] = chosen
        elif agencies:
            m["agencies"] = agencies
        if acting:
            m["functions"] = acting[0]
            if acting[1]:
                m["lead_reason"] = acting[1]
            named = self._bracket_lead_names(art, position)
            if named:
                why["named"] = named

    def _functions_of_agency(self, aid: str) -> tuple:
        known = next((a for a in self.vocab.agencies if a.id == aid), None)
        if known is not None:
            return tuple(known.functions)
        new = next((e for e in self.new_agencies.values() if e["id"] == aid), None)
        return tuple(new.get("functions", ())) if new else ()

    def _lead_by_function(self, art, position: int, agencies: dict, group, gender, quote: str):
        """A bracket listing offices "按职责分工负责" without saying who acts: the office whose
        function serves the measure's people leads (妇联 for women, 侨办 for 华侨), else the one
        whose function the measure's matter names; (agencies, lead_function, the words) or None."""
        bracket = art.bracket_for(position)
        if not bracket or "按职责分工" not in to_simplified(self.text[bracket[0]:bracket[1]]):
            return None
        listed = list(agencies.get("lead", [])) + list(agencies.get("support", []))
        serving, by_matter = [], []
        matter = [f for f, _ in fn.matter_functions(quote, self.functions)]
        for aid in listed:
            for f in self._functions_of_agency(aid):
                function = self.functions.get(f)
                if function is None:
                    continue
                if group and group in function.serves_groups or gender and gender[0] == function.serves_gender:
                    serving.append((aid, f, "服务" + (self.vocab.group_labels.get(group, group) if group and group
                                                      in function.serves_groups else "女性")))
                elif f in matter:
                    by_matter.append((aid, f, "引文写到“" + dict(fn.matter_functions(quote, self.functions))[f] + "”"))
                elif fn.duty_term(function, quote):
                    by_matter.append((aid, f, "引文写到“" + fn.duty_term(function, quote) + "”"))
        found = serving or by_matter
        if not found:
            return None
        aid, f, because = found[0]
        if agencies.get("lead") == [aid]:
            lead_only = True
        else:
            lead_only = False
        support = [x for x in listed if x != aid]
        out = {"lead": [aid]}
        if support:
            out["support"] = support
        words = (f"文件列出的部门按职责分工负责：此项由负责{self.functions[f].duty}的部门牵头（{because}）"
                 + ("" if lead_only else "，而不是列第一位的部门"))
        return out, f, words

    def prepare(self, source: dict) -> None:
        """For a measure added in review: who acts by function, as in draft()."""
        self.by_function = source.get("responsibility") == "functions" and bool(self.functions)
        if self.by_function:
            self.default = fn.default_function(segment(self.text), self.functions)

    def functions_for(self, r: Reading, quote: str):
        return self._measure_functions(r, quote)

    def _bracket_lead_names(self, art, position: int) -> str | None:
        """The units a national document's bracket makes lead, as the text names them (人力资源社会保障部)."""
        bracket = art.bracket_for(position) if art is not None else None
        if not bracket:
            return None
        parsed = ag.parse_bracket(self.text[bracket[0]:bracket[1]], national=True)
        return "、".join(n for n, _ in parsed.lead) or None

    def _bracket_functions(self, art, position: int):
        """A national document's responsibility bracket (人力资源社会保障部、财政部负责): the functions of
        the units it names, in its order (first-named leads), and the units no function covers — by
        their national names."""
        bracket = art.bracket_for(position) if art is not None else None
        if not bracket:
            return None
        words = self.text[bracket[0]:bracket[1]]
        parsed = ag.parse_bracket(words, national=True)
        ids, unmatched = [], []
        for name, _ in parsed.lead + parsed.support:
            got = fn.function_of(name, self.functions)
            if got and got[0] not in ids:
                ids.append(got[0])
            elif not got:
                unmatched.append(name)
        return ids, words, unmatched

    def _measure_functions(self, r: Reading, quote: str, art=None, position: int = 0) -> tuple[tuple, list, str]:
        """A text that names functions: ([function ids], lead_reason) read from the words of
        rules/functions.yml — the units a responsibility bracket names (national names kept: 人力资源
        社会保障部 is the 人力资源和社会保障部门 at the person's place); the unit that acts in the
        sentence; the government at large, a unit with no function, or none named: the function
        the text makes responsible for all of it; then the functions the measure's own matter
        names (税收优惠 -> tax)."""
        review = []
        bracket = self._bracket_functions(art, position)
        if bracket and (bracket[0] or bracket[2]):
            ids, bwords, unmatched = bracket
            for name in unmatched:
                review.append(f"职能：括号中的“{name}”在 rules/functions.yml 中没有对应的职能（名称照原文保留），请核对")
            if ids:
                why = f"责任分工括号：“{to_simplified(bwords)}”（列第一位者为牵头）"
                return (ids, bwords.strip("（）() 。")), review, why
        return self._acting_functions(r, quote, review)

    def _acting_functions(self, r: Reading, quote: str, review: list) -> tuple[tuple, list, str]:
        first, words = None, None
        acting = fn.function_of(r.actor, self.functions) if r.actor else None
        default = self.default
        if acting and acting[0] != fn.GOVERNMENT:
            first, words = acting[0], fn.verbatim(quote, r.actor) or fn.verbatim(self.text, r.actor)
            why = f"句子中办理的部门：“{r.actor}”（职能 {self.functions[first].name}，取自“{acting[1]}”）"
        elif default is not None:
            first, words = default.function, fn.verbatim(self.text, default.words)
            if r.actor and acting:
                why = f"{NO_UNIT}（“{r.actor}”是人民政府本身）：按{default.where}“{default.words}”"
            elif r.actor:
                why = f"{NO_UNIT}（“{r.actor}”没有对应的职能）：按{default.where}“{default.words}”"
                review.append(f"职能：原文写明由“{r.actor}”办理，rules/functions.yml 没有对应的职能，"
                              f"暂按{default.where}的{self.functions[first].name}，请核对")
            else:
                why = f"{NO_UNIT}：按{default.where}“{default.words}”"
        elif acting:
            first, words = acting[0], fn.verbatim(quote, r.actor) or fn.verbatim(self.text, r.actor)
            why = f"句子中办理的部门：“{r.actor}”（{self.functions[first].name}）"
        else:
            why = NO_UNIT
        matter = fn.matter_functions(quote, self.functions, exclude=(first,) if first else ())
        named = bool(acting and acting[0] != fn.GOVERNMENT)
        if matter and not named:
            # no unit of its own in the sentence: the function its matter names acts (税收优惠 -> 税务部门)
            mwords = fn.verbatim(quote, matter[0][1])
            ids = [f for f, _ in matter] + ([first] if first else [])
            why = (f"本句没有写明办理的部门，按引文中的“{matter[0][1]}”（{self.functions[matter[0][0]].name}）"
                   + (f"；另{why.split('：', 1)[-1]}" if first else ""))
            words = mwords
        else:
            ids = ([first] if first else []) + [f for f, _ in matter]
            if matter:
                why += "；另按引文中的“" + "”“".join(w for _, w in matter) + "”"
        if not ids:
            ids = [fn.GOVERNMENT] if fn.GOVERNMENT in self.functions else []
            review.append("职能：原文没有写明由谁办理，全文也没有写明负责的部门，暂按人民政府，请选择")
        if words and not any(w in to_simplified(words) for f in ids[:1] for w in self.functions[f].words):
            words = None
        return (ids, words), review, why

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


# a sentence that opens with its predicate has left its subject out (为…提供, 对…给予, 并…)
PREDICATE_OPENINGS = ("为", "对", "向", "并", "同时", "还", "鼓励", "支持", "引导", "组织", "提供", "给予", "开展",
                      "落实", "帮助", "安排", "免费", "优先")


def _continues(text: str, start: int) -> bool:
    """Whether the sentence at `start` goes on from the one before it (after ；in the same paragraph)."""
    before = text[:start].rstrip(" \t\u3000")
    return before.endswith(("；", ";"))


def _groups_named(sentence: str, vocab) -> dict:
    """Groups a sentence that offers nothing names as people (its subject or topic), for the
    sentences after it in the article."""
    from .reading import names_a_person
    s = to_simplified(sentence)
    return {v: w for v, w, pos in find_terms(s, vocab.groups) if names_a_person(s, w, pos)}


def _law_style(seg: Segmentation) -> bool:
    """Articles printed 第四十六条 (a law or regulation: cited so), not 第46条."""
    return seg.style == "tiao" and sum(1 for a in seg.articles if re.match(r"第[零〇一二三四五六七八九十百]+条",
                                                                            a.printed or "")) > len(seg.articles) // 2


def _item_as_beneficiary(r: Reading, item: str, vocab, lead_in: Reading | None = None) -> Reading:
    """An item of a list whose lead-in offers something to 下列…: the item names the beneficiary; one
    that names no group is one of the lead-in's (对下列退役军人…：…的转业军官)."""
    sub = read("对" + item.rstrip("；;。") + "给予", vocab)
    r.beneficiary, r.head = sub.beneficiary or item, sub.head
    r.groups, r.gender, r.tech, r.audiences = sub.groups, sub.gender, sub.tech, sub.audiences
    r.not_people = sub.not_people
    if not r.groups and lead_in is not None and lead_in.groups:
        r.groups = dict(lead_in.groups)
        r.review.append("身份取自引导语（“" + "”“".join(lead_in.groups.values()) + "”）：本项本身没有写出身份，请核对")
    return r


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
