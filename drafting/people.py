"""Who the beneficiary is, from its words (its head and kind are read in beneficiary.py): the
groups (closed vocabularies, collective words, family nouns, 残疾 before a
group word), gender, 科技型企业 and audiences; words that look like people
but are no group become review items. Places narrower than the document's
region, too."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.script import to_simplified

from .phrases import ORGANISATION_HEADS, PEOPLE_WORDS, find_terms
from .defined_terms import DefinedIn
from .vocab import PartOf
from .work_people import group_of_work

if TYPE_CHECKING:      # a Reading is passed in; reading.py imports this module
    from .reading import Reading


def read_people(r: Reading, s: str, vocab) -> None:
    """Groups, gender, 科技型企业 and audience from the beneficiary's head only (the
    whole object when no frame names a beneficiary)."""
    head = r.head or ""
    text = s if r.frame == "service" else (head or r.beneficiary or "")
    collective = {f"{COLLECTIVE}{w}": (w,) for w in vocab.collective}
    hits = find_terms(text, {**vocab.groups, **collective})
    # a beneficiary that is a kind of organisation (港澳青年创新创业孵化载体): its audience, no group
    org_head = r.frame != "service" and any(head.endswith(w) for w in ORGANISATION_HEADS)
    group_hits = _group_hits(r, text, hits, org_head, vocab)
    _groups_beside_the_head(r, head, group_hits, vocab)
    _family_and_disabled(r, text, head, group_hits, org_head, vocab)
    _gender_and_tech(r, text, group_hits, org_head, vocab)
    _family_of_the_topic(r, s, org_head, vocab)
    _left_active_service(r, s, vocab)
    _party_to_the_reward(r, s, vocab)
    named = s[:s.find(r.offer)] if r.headless and r.offer in s else (r.beneficiary or text)
    work = None if r.groups or org_head else group_of_work(named, vocab.groups)
    if work:        # 对完成、转化职务科技成果做出重要贡献的人员: named by their work
        r.groups[work[0]] = work[1]
    r.audiences = _audiences_of(r, text, head, org_head, vocab)
    # what looks like people but no group word covers: put to the reviewer as a possible new group
    covered = [False] * len(text)
    for _, word, pos in hits:
        for i in range(pos, pos + len(word)):
            covered[i] = True
    for phrase_ in new_group_phrases(text, covered):
        r.review.append(f"新身份？“{phrase_}”不在 rules/facts.yml 的身份中")


def _group_hits(r: Reading, text: str, hits: list, org_head: bool, vocab) -> list:
    """The group words (and collective words) that name the beneficiary as people, into r.groups;
    the others are noted (r.not_people) or, for a collective word, put to the reviewer."""
    group_hits = []
    for value, word, pos in hits:
        if org_head or not names_a_person(text, word, pos):
            family = family_group(text, word, pos, vocab)
            if family and not org_head:
                # 退役军人随调配偶, 军人子女: the family of a group is the group the vocabulary has for it
                r.groups.setdefault(family[0], family[1])
                group_hits.append((family[0], family[1], pos))
                continue
            r.not_people.append(word)
            continue
        if value.startswith(COLLECTIVE) and not collective_is_the_head(text, word, pos, group_hits):
            r.review.append(f"统称“{word}”此处不读作身份：它被身份词限定，或修饰其他人群名词，请核对所指")
            continue
        if value.startswith(COLLECTIVE) and isinstance(vocab.collective[word], PartOf):
            # 青年 names every young person: no group unless a group word of the text narrows it
            r.review.append(f"统称“{word}”泛指，不读作身份（rules/collective-words.yml covers: part）；若此处专指"
                            + "、".join(vocab.group_labels.get(g, g) for g in vocab.collective[word]) + "，请选择")
            continue
        group_hits.append((value, word, pos))
        if value.startswith(COLLECTIVE):
            for g in vocab.collective[word]:
                r.groups.setdefault(g, word)
            where = "本文件的定义" if isinstance(vocab.collective[word], DefinedIn) else "rules/collective-words.yml"
            r.review.append(f"身份由统称“{word}”读出（{where}）："
                            + "、".join(vocab.group_labels.get(g, g) for g in vocab.collective[word]) + "，请核对")
        else:
            r.groups.setdefault(value, word)
    return group_hits


def _groups_beside_the_head(r: Reading, head: str, group_hits: list, vocab) -> None:
    """Groups the beneficiary phrase names besides its head: in a modifier of it (both at once) or
    first in a coordination; the other group words in it are not the beneficiary."""
    if r.frame != "service" and r.beneficiary and r.beneficiary != head:
        for value, word, _ in find_terms(r.beneficiary, vocab.groups):
            if value not in r.groups and word not in r.not_people:
                r.not_people.append(word)
    modifier = re.search(r"([^，,、的]{2,20})的" + re.escape(head) + "$", r.beneficiary or "") if head and \
        r.frame != "service" and group_hits else None
    if modifier:         # 因公致残的退役军人, 失业的高校毕业生: a group word modifying a group names people in both
        qualifies = re.search(r"(?:符合|具备|属于)[^，,的]{0,16}条件$", modifier.group(1))
        for value, word, pos in find_terms(modifier.group(1), vocab.groups):
            # …的Y where the modifier ends with the group word, or says Y meets its conditions
            # (符合当地就业困难人员认定条件的退役军人)
            if (pos + len(word) == len(modifier.group(1)) or qualifies) and value not in r.groups:
                r.groups[value] = word
                r.all_groups = modifier.group(0)
    among = re.search(r"([^，,的]{2,20}?)中的", r.beneficiary or "") if r.frame != "service" else None
    found = find_terms(among.group(1), vocab.groups) if among else []
    if len({v for v, _, _ in found}) == 1:     # 华侨中的高层次人才: Y among X are people of X too (both at once)
        for value, word, pos in found[-1:]:    # (among several groups, 退役军人、残疾人中的…, either would do: none)
            if value not in r.groups and among.group(1).endswith(word):
                r.all_groups = among.group(0) + next(iter(r.groups.values())) if r.groups else None
                r.groups[value] = word
    if r.beneficiary and r.frame != "service" and (group_hits or head.endswith(PEOPLE_WORDS)) and \
            not r.beneficiary.startswith(HIRING_WORDS) and "中的" not in r.beneficiary:
        # (not 吸纳…毕业生和…的单位: the employer is whom it is for; not 退役军人、残疾人中的技术人员: some among them)
        # 军人家属和烈士…的遗属, 接受义务教育的残疾儿童、…和贫困残疾人的子女: a group named first in a coordination
        # (after what qualifies them all) is a beneficiary too
        first = re.match(r"^(?:[^，,、和及与]{0,20}?的)?([^，,、和及与的]{2,12}?)(?:和|及|以及|、)", r.beneficiary)
        if first:
            conjunct = first.group(1)
            for value, word, pos in find_terms(conjunct, vocab.groups):
                if pos + len(word) == len(conjunct) and value not in r.groups:
                    r.groups[value] = word
            disabled = DISABLED_PERSON.search(conjunct)
            if disabled and disabled.end() == len(conjunct) and "disabled" in vocab.groups:
                r.groups.setdefault("disabled", disabled.group(0))


def _family_and_disabled(r: Reading, text: str, head: str, group_hits: list, org_head: bool, vocab) -> None:
    """Groups read from a family noun after a group's stem, and 残疾 before a group word."""
    if not org_head:
        # 军人子女, 军人的配偶: a family noun after the stem of a group's own family word (军人家属, 军人配偶)
        searched = text if text != head or not r.beneficiary else r.beneficiary
        for value, stem, noun, at in family_words(searched, vocab):
            if value not in r.groups:
                r.groups[value] = searched[at - len(stem) - (1 if searched[at - 1:at] == "的" else 0):at + len(noun)]
    if "disabled" in vocab.groups:       # 残疾 before a group word: 残疾退役军人, 残疾妇女
        m = DISABLED_PERSON.search(text)
        if m and not org_head and not re.match(r"[、等和及与]", text[m.end():]) and \
                (r.frame == "service" or m.end() == len(text.rstrip())):
            # 贫困残疾学生: the head is disabled people of a kind (not one kind in a list: 残疾妇女等困难妇女)
            r.groups.setdefault("disabled", m.group(0))
        for value, word, pos in group_hits:
            if text[max(0, pos - 2):pos] == "残疾" and value != "disabled":
                r.groups.setdefault("disabled", "残疾" + word)
                # one person with both: 残疾退役军人 is disabled *and* a veteran (all_groups)
                r.all_groups = "残疾" + word


# 残疾 before a noun naming people that is no group word (残疾学生, 残疾儿童, 残疾职工)
DISABLED_PERSON = re.compile(r"残疾(?:适龄)?(?:儿童|少年|" + "|".join(PEOPLE_WORDS) + ")")
OWN_FAMILY = re.compile(r"其(?:随调|随迁|随军)*(配偶|子女|家属|遗属|家庭|父母)")


def _family_of_the_topic(r: Reading, s: str, org_head: bool, vocab) -> None:
    """其家庭/其遗属… after people named first (义务兵服现役期间，其家庭由…发给优待金; …残疾军人因病死亡的，对其遗属
    继续发放…): the family is offered, so its group is the one the vocabulary has for that family."""
    m = OWN_FAMILY.search(s)
    b = r.beneficiary or ""
    if m is not None and b.startswith(m.group(0)):
        b = s[:m.start()]          # 军官和符合规定条件的军士，其配偶…可以办理随军落户: whose family
    elif m is None or org_head or not b or FAMILY_AFTER.search(b) or s.find(b) > m.start():
        return
    words = [(w, p) for _, w, p in find_terms(b, vocab.groups)] + \
        [(k, b.find(k)) for k in SERVICE_MEMBERS + ("军人",) if k in b]
    for word, _ in sorted(words, key=lambda x: -x[1]):       # the head of the phrase first
        found = family_words(word + m.group(1), vocab) or []
        value = found[0][0] if found else (family_group(word + m.group(1), word, 0, vocab) or (None,))[0]
        if value:
            r.groups = {value: m.group(0)}
            r.review.append(f"身份取自“{m.group(0)}”（{word}的家属）：受益者是家属，请核对")
            return


def _left_active_service(r: Reading, s: str, vocab) -> None:
    """退出现役 is what 退役 says in full: a 军人 (or those who…) who has left active service before the
    offer is a veteran too (退出现役后，在…工作的残疾军人，享受…: disabled and a veteran)."""
    before = s[:s.find(r.offer)] if r.offer and r.offer in s else s
    b = r.beneficiary or ""
    if "veteran" in vocab.groups and "退出现役" in before and "military_family" not in r.groups and \
            (r.headless or any(w in b for w in SERVICE_MEMBERS + ("军人",))):
        r.groups.setdefault("veteran", "退出现役")


def _party_to_the_reward(r: Reading, s: str, vocab) -> None:
    """The people a reward is agreed with (…规定或者与科技人员约定奖励和报酬) are whom it is for, when the beneficiary
    names no group (对…做出重要贡献的人员给予奖励)."""
    m = re.search(r"与([^，,。；;与]{2,12}?)(?:的)?约定[^。；;]{0,40}?(?:奖励|报酬)", s)
    if m and not r.groups:
        r.groups.update({v: w for v, w, _ in find_terms(m.group(1), vocab.groups)})


def _gender_and_tech(r: Reading, text: str, group_hits: list, org_head: bool, vocab) -> None:
    """Women (a gender word, or 女 before a group word) and a 科技型 business word."""
    female = find_terms(text, vocab.gender)
    if female and not org_head:
        r.gender = (female[0][0], female[0][1])
    else:
        for value, word, pos in group_hits:
            if pos > 0 and text[pos - 1] == "女" and "female" in vocab.gender:
                r.gender = ("female", "女" + word)
                break
    for value, word, pos in find_terms(text, {"tech": vocab.tech_words}):
        if not text.startswith(TECH_NOT_BUSINESS, pos + len(word)):
            r.tech = word
            break


def _audiences_of(r: Reading, text: str, head: str, org_head: bool, vocab) -> list:
    """(audience, word): an organisation's own, else the founder first when people are named."""
    aud = [(v, w) for v, w, _ in find_terms(text, vocab.audiences)] if vocab.audiences else []
    if org_head:
        org = [(v, w) for v, w, _ in find_terms(head, vocab.audiences)]
        aud = org or ([("operator", head)] if "operator" in vocab.audiences and head.endswith(
            ("孵化载体", "孵化器", "孵化基地", "众创空间", "载体", "基地", "园区")) else aud)
    elif r.groups or r.gender:
        aud = [("founder", next(iter(r.groups.values()), r.gender[1] if r.gender else ""))] + \
            [a for a in aud if a[0] != "founder"]
    return aud


# ---- group words (kept from the first drafter: closed vocabularies, checked uses) ----------

COLLECTIVE = "collective:"
INSTITUTION_ENDINGS = ("院所", "院校", "机构", "高校", "单位")
PERSON_SUFFIXES = ("人员", "人才", "青年", "群体", "学生", "毕业生", "居民", "妇女", "同胞", "士兵", "农民", "民众")
GENERIC_PEOPLE = ("人员", "人才", "群体", "学生")
STOP_CHARS = set("的和与及等对为向在把将了、,，。；;：:“”\"()（）《》支持鼓励引导吸引推动加强各类一批更多 ")
TECH_NOT_BUSINESS = ("孵化", "园", "服务", "家")
NOT_PERSON_HEAD = re.compile(r"(?:[及和与][^\W\d_到在向进赴来去为给参入]{1,3}?)?[^\W\d_到在向进赴来去为给参入]{0,4}?"
                             r"(?:团体|组织|机构|协会|商会|委员会|智库|库|合作社|联合社|服务业|产业|事业)")
PERSON_NOUNS = PERSON_SUFFIXES + ("科学家", "企业家", "才俊", "学者", "专家")
# (the employer may follow the people it hires directly: 超比例安置残疾人用人单位, 招用退役军人企业)
HIRING_WORDS = ("吸纳", "招用", "招收", "聘用", "雇用", "录用", "安置", "安排", "集中使用", "吸收")
EMPLOYER_AFTER = re.compile(r"^(?:[^。；;：:]*?的)?(?:用人单位|单位|企业|机构|用人主体|中小企业|小微企业|个体工商户)")
ORIGIN_GAPS = ("", "地区", "籍")


# the kinds of 军人 a law names (a martyr counts with them: 烈士遗属 are a 军人's family in the laws on 抚恤优待)
SERVICE_MEMBERS = ("军官", "军士", "义务兵", "士兵", "烈士", "军队转业干部", "转业干部")
FAMILY_NOUNS = ("配偶", "子女", "家属", "遗属", "父母", "家庭", "随迁子女", "随迁家属", "随调配偶", "随调随迁")
# a family noun right after a group word (退役军人随调随迁配偶, 高校毕业生的父母): the family, not the group
FAMILY_AFTER = re.compile(r"的?(?:随调|随迁|随军)*(?:配偶|子女|家属|遗属|父母|家庭)")
QUALIFIERS = {"毕业生": ("初高中", "初中", "高中", "中职", "中专", "技校", "中等职业学校"),
              "学生": ("初中", "高中", "中小学", "中职", "中专")}


def names_a_person(s: str, word: str, pos: int) -> bool:
    """Whether a group word names people: not an institution (科研院所), not the
    modifier of a pool or a body (专家智库, 港澳台科技团体), not the people an
    employer takes on (吸纳…毕业生…的单位), not whose family is meant (退役军人随迁
    子女), not a qualified other kind (初高中毕业生)."""
    if word.endswith(INSTITUTION_ENDINGS):
        return False
    end = pos + len(word)
    if FAMILY_AFTER.match(s, end):
        return False
    if s[:pos].endswith("从事") and s.startswith("工作", end) and not s.startswith("工作者", end):
        return False          # 从事残疾人工作的手语翻译: a field of work, not the people served
    for noun, qualifiers in QUALIFIERS.items():
        if word.endswith(noun) and s[:pos].endswith(qualifiers) and not s[:pos].endswith(("大中专", "大中专院校")):
            return False      # (大中专毕业生 are college graduates too)
    head = NOT_PERSON_HEAD.match(s, end)
    if head and not any(n in head.group(0) for n in PERSON_NOUNS):
        return False
    clause_start = max(s.rfind(c, 0, pos) for c in ",，。；;") + 1
    if any(h in s[clause_start:pos] for h in HIRING_WORDS) and (
            EMPLOYER_AFTER.match(s[end:]) or re.match(r"^[^，,。；;]*?的(?:[，,。；;]|$)", s[end:])):
        return False          # …安置残疾人达到规定比例的，享受…: the employer that hires them benefits
    return True


def family_words(s: str, vocab) -> list:
    """(group, stem, family noun, position of the noun) for family nouns right after the stem of a
    group's family word: the vocabulary's 军人家属/军人配偶 make 军人 a stem, so 军人子女 and 军人的配偶
    name that group."""
    stems = {}
    for value, words in vocab.groups.items():
        for w in words:
            for noun in FAMILY_NOUNS:
                if w.endswith(noun) and len(w) > len(noun) + 1:
                    stems.setdefault(w[:-len(noun)], value)
    if "军人" in stems:      # the kinds of 军人 (烈士遗属, 军官家属, 义务兵家庭) have the family 军人 has
        for kind in SERVICE_MEMBERS:
            stems.setdefault(kind, stems["军人"])
    out = []
    for stem, value in stems.items():
        at = s.find(stem)
        while at >= 0:
            rest_at = at + len(stem) + (1 if s[at + len(stem):at + len(stem) + 1] == "的" else 0)
            noun = next((f for f in sorted(FAMILY_NOUNS, key=len, reverse=True) if s.startswith(f, rest_at)), None)
            if noun:
                out.append((value, stem, noun, rest_at))
            at = s.find(stem, at + 1)
    return out


def family_group(s: str, word: str, pos: int, vocab) -> tuple[str, str] | None:
    """A group word followed by a family noun (退役军人随调配偶, 军人的子女): the group whose own words
    name that family (军人配偶, 军人家属 -> military_family), by the vocabulary alone."""
    end = pos + len(word)
    m = FAMILY_AFTER.match(s, end)
    if m is None:
        return None
    rest, noun = s[end:], m.group(0).lstrip("的")
    rest = rest[rest.find(noun):]
    for k in range(len(word) - 1):
        stem = word[k:]
        for tail in dict.fromkeys((noun, noun[-2:], "家属")):
            for value, words in vocab.groups.items():
                if stem + tail in words:
                    return value, s[pos:end + (len(s[end:]) - len(rest)) + len(noun)]
    own = next((v for v, words in vocab.groups.items() if word in words), None)
    if own and not any(w.endswith(FAMILY_NOUNS) for w in vocab.groups[own]):
        # 华侨子女, 台湾同胞的子女: a group with no family word of its own reaches its members' families
        return own, s[pos:end + (len(s[end:]) - len(rest)) + len(noun)]
    return None


def collective_is_the_head(s: str, word: str, pos: int, group_hits: list) -> bool:
    if s.startswith(PERSON_NOUNS, pos + len(word)):
        return False
    return not any(s[p + len(w):pos] in ORIGIN_GAPS and not v.startswith(COLLECTIVE) for v, w, p in group_hits)


def new_group_phrases(s: str, covered: list) -> list[str]:
    out = []
    for suffix in PERSON_SUFFIXES:
        for m in re.finditer(suffix, s):
            end = m.end()
            if any(covered[m.start():end]):
                continue
            start = m.start()
            if start > 0 and covered[start - 1]:
                continue          # the head of a known group's word (登记失业 + 人员)
            while start > 0 and m.start() - start < 4 and s[start - 1] not in STOP_CHARS:
                start -= 1
            phrase = s[start:end]
            if phrase not in GENERIC_PEOPLE and phrase not in out:
                out.append(phrase)
    return out


def places_in(text: str, vocab, region_chain: list[str]) -> list[str]:
    """Places inside the document's region but narrower than it that a sentence names
    (柳州市小微企业创新创业基地): a measure has no place narrower than its document."""
    s = to_simplified(text)
    out = []
    for term in _place_terms(vocab):
        if term in s:
            for place in vocab.gazetteer.find(term):
                if region_chain[0] in place.chain[1:] and place.name not in out:
                    out.append(place.name)
    return out


def _place_terms(vocab) -> list[str]:
    cached = getattr(vocab, "_place_terms", None)
    if cached is None:
        cached = [t for t in vocab.gazetteer.lookup_terms() if len(t) >= 3]
        vocab._place_terms = cached
    return cached
