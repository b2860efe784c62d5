"""Who the beneficiary is: the head of a frame's beneficiary phrase (the noun after the last 的 of a
对/为/向 phrase, the leading noun phrase of a subject, the object of an encouragement; 其 is the
sentence's topic) and what kind it is (people, a business, an organisation, a government, a fund);
drafting/people.py reads its groups and audiences."""
from __future__ import annotations

import re

from .phrases import (BUSINESS_WORDS, FUND_HEADS, ORGANISATION_HEADS, PEOPLE_WORDS, PERSON_HEAD_ENDINGS, find_terms,
                      head_of, is_government, leading_np, strip_activity)


def beneficiary_head(frame: str, phrase: str, vocab=None, topic: str = "") -> str:
    """The words naming the beneficiary: the head of a 对/为/向 phrase, the leading
    noun phrase of a subject, the object of an encouragement; 其 is the sentence's topic."""
    if phrase.strip() in ("其", "其中") and topic:
        phrase = topic
    if frame in ("对", "为", "向"):
        life = OWN_LIFE.search(phrase)
        if life and life.start() >= 1:
            phrase = phrase[:life.start()]       # 为返乡人员的生产生活提供便利: whose life and work it is
            if phrase.strip() == "其" and topic:
                phrase = topic
        hardship = HARDSHIP.search(phrase)
        if hardship and hardship.start() >= 2:
            phrase = phrase[:hardship.start()]     # 对…残疾人在生活…方面遇到的困难: the one who has them
        return head_of(phrase, vocab)
    if frame == "subject":
        if "的" in phrase.rstrip("的"):
            tail = head_of(phrase, vocab)
            if vocab is not None and phrase.endswith("的" + tail) and find_terms(tail, vocab.groups) and \
                    not re.search(r"[、和及与]", phrase.rsplit("的", 1)[0]):
                return tail      # 父母已经去世的归侨职工: the group after the last 的 (no list before it) is the head
            # 企业在新增加的就业岗位中…: the noun phrase it opens with (教师和从事…的翻译: without the 和 before the verb)
            np = re.sub(r"(?:和|及|与|、|或者)$", "", leading_np(phrase, vocab))
            if np and "的" not in np and beneficiary_kind(np, vocab) in ("people", "business", "group"):
                return np
            return head_of(phrase, vocab)
        return leading_np(phrase[:-1] if phrase.endswith("的") else phrase, vocab)
    return strip_activity(phrase.strip())


# someone's own life, study or work as what a service is for (…人员的生产生活, 其学习、生活、康复)
OWN_LIFE = re.compile(r"的?(?:(?:生产|生活|学习|康复|就业|创业|工作)[、和及与]?)+$")
# someone's difficulties as what help is given to (…在生活方面遇到的困难, …面临的实际困难)
HARDSHIP = re.compile(r"(?:在[^，,。；;]{1,30}?)?(?:遇到|面临|存在)的(?:实际|特殊)?(?:困难|问题)$")


def beneficiary_kind(head: str, vocab) -> str:
    """government | fund | organisation | people | business | group | none, for a beneficiary head."""
    if not head:
        return "none"
    if find_terms(head, vocab.groups) or find_terms(head, vocab.gender) or \
            any(head.endswith(w) for w in getattr(vocab, "collective", {})):     # (优抚对象 as the document defines it)
        return "group"
    if is_government(head):
        return "government"
    if head.endswith(FUND_HEADS):
        return "fund"
    if head.endswith("经济组织"):
        return "business"          # 民营经济组织, 农村集体经济组织: economic entities, businesses
    if any(head.endswith(w) for w in ORGANISATION_HEADS):
        return "organisation"
    if any(w in head for w in PEOPLE_WORDS) or len(head) >= 2 and head.endswith(PERSON_HEAD_ENDINGS):
        return "people"
    if any(w in head for w in BUSINESS_WORDS) or find_terms(head, {"t": vocab.tech_words}):
        return "business"
    if find_terms(head, vocab.audiences):
        return "organisation"
    return "none"
