"""Who acts for a measure: the agencies a text that names offices gives it (a
responsibility bracket, the sentence's subject, the office whose function
serves its people; a new agency proposed when agencies.yml lacks it; the
issuer or the publisher when none is named), or the functions of
rules/functions.yml a text that names functions gives it (a national law:
the bracket's units, the acting unit, the text's responsibility article, the
function its matter names) — with the words that decided it."""
from __future__ import annotations

import re

from bot.script import to_simplified

from . import agencies as ag
from . import functions as fn
from .phrases import is_government
from .reading import Reading
from .segment import segment

NO_UNIT = "原文未指定部门"


# lenders that act on their own account (not 人民银行, an office)
LENDERS = ("金融机构", "银行", "保险机构")
# schools and care institutions that serve people from their own work (普通教育机构, 社区康复机构, 特殊教育学校)
PROVIDERS = ("学校", "教育机构", "康复机构", "医疗机构", "医院")


class WhoActs:
    """Mixed into Drafter: its text, place, vocabulary, functions, and the agencies it proposes."""

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
        if r.actor and not is_government(r.actor) and (r.actor.endswith(LENDERS + ("基金",)) or
                                                       r.actor.endswith(("单位",) + PROVIDERS) and r.frame in ("对", "为", "向")):
            # 金融机构应当…提高对中小企业的贷款比例, …基金可以为…提供资金支持, …单位应当对…人员给予奖励, 社区康复机构
            # 应当对…患者进行康复训练: a lender, a fund, one's own unit, a school or a care institution gives from its
            # own business; no office leads (a unit that hires, 优先招用…, carries out a placement and is named)
            return {}, [f"办理者“{r.actor}”不是政府部门：没有牵头部门，请核对"], f"句子的主语：“{r.actor}”（不是政府部门）"
        if r.actor:
            # a subject listing units (教育、科技等部门以及工会…): every one of them acts, in its order
            units = ag.subject_units(r.actor, self.national)
            ids = list(dict.fromkeys(self.agency_id(u) for u in units))
            names = [ag.written_name(u, self.vocab.gazetteer) for u in units]
            review = [self.agency_review[n] for n in names if n in self.agency_review]
            return {"lead": ids}, review, f"句子的主语：“{r.actor}”"
        if self.named:
            return {}, ["本条及其上级标题都没有责任分工括号：请选择牵头部门"], None
        return {}, [], None
