"""A generated corpus for runtime/privacy.py (fixed seed, so every run sees the same
texts): personal identifiers in the forms people type them, each in a sentence,
and texts with numbers that must stay as they are (amounts, dates, years,
article and document numbers, hotlines, postcodes).

    python -m bench.pii_corpus            # prints the counts and a sample

tests/runtime/test_privacy.py masks all of it; tests/integration/test_security.py sends
the examples through a real Rasa server and reads the tracker store;
bench/security.py measures the speed on it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 20261206
PER_FORMAT = 400          # examples of each identifier kind
NON_EXAMPLES = 2400

FULL = str.maketrans("0123456789-()Xx ", "０１２３４５６７８９－（）Ｘｘ　")
CHINESE = [dict(zip("0123456789", "零一二三四五六七八九")), dict(zip("0123456789", "〇幺二三四五六七八九")),
           dict(zip("0123456789", "〇一二三四五六七八九"))]
REGIONS = ["110101", "110108", "120104", "130102", "220102", "220104", "222401", "450102", "450203",
           "450521", "310115", "440305", "510107", "650102", "230103", "370202"]
AREA3 = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029"]
AREA4 = ["0771", "0772", "0431", "0432", "0433", "0571", "0755", "0991", "0451", "0531", "0898"]
MOBILE_PREFIXES = ["130", "131", "135", "136", "138", "139", "147", "150", "152", "158", "166", "177",
                   "180", "186", "188", "191", "198", "199"]
DOMAINS = ["qq.com", "163.com", "126.com", "gmail.com", "example.com.cn", "sina.cn", "hotmail.com",
           "mail.gxzf.gov.cn", "foxmail.com", "yeah.net"]
NAMES = ["wangli", "zhang.san", "li_ming", "chen-jie", "liu.yang88", "zhaomin2021", "sun.wei+biz", "hy.zhou"]
LABELS = {"id": "[身份证号]", "mobile": "[手机号]", "card": "[银行卡号]", "landline": "[电话]",
          "passport": "[护照号]", "email": "[邮箱]"}

TEMPLATES = {
    "id": ["我的身份证号是{x}", "身份证：{x}，请帮我查一下", "身份证号码 {x} 我是退役军人", "{x}",
           "我叫王某，身份证{x}，在柳州", "证件号{x}。想贷款"],
    "mobile": ["电话{x}", "我的手机号是{x}，想贷款", "联系方式：{x}。", "{x}", "手机 {x}，微信同号",
               "有事打我电话{x}谢谢", "我在图们，电话是{x}"],
    "card": ["我的银行卡号是{x}", "卡号：{x}，补贴打到这张卡吗", "{x}", "工资卡 {x} 可以用吗"],
    "landline": ["单位电话{x}", "座机：{x}", "{x}", "请打{x}找我", "我家电话是{x}，白天有人"],
    "passport": ["护照号{x}", "我的护照是{x}，海归", "{x}", "护照号码：{x}。"],
    "email": ["邮箱{x}", "发到 {x} 就行", "{x}", "我的邮箱是{x}，谢谢", "联系：{x}。"],
}


@dataclass(frozen=True)
class Example:
    kind: str       # id, mobile, card, landline, passport, email
    raw: str        # the identifier as typed
    digits: str     # what identifies the person (ASCII, separators removed); "" for e-mail
    text: str       # the sentence it is in


def _id18(r: random.Random) -> str:
    birth = f"{r.randint(1950, 2006)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    body = r.choice(REGIONS) + birth + f"{r.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


def _id15(r: random.Random) -> str:
    return r.choice(REGIONS) + f"{r.randint(50, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}" \
        + f"{r.randint(0, 999):03d}"


def _luhn_complete(partial: str) -> str:
    total = 0
    for i, c in enumerate(reversed(partial)):
        n = int(c)
        if i % 2 == 0:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return partial + str((10 - total % 10) % 10)


def _card(r: random.Random) -> str:
    prefix, length = r.choice([("62", 19), ("62", 16), ("4", 16), ("5", 16), ("622", 19), ("35", 16)])
    return _luhn_complete(prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1)))


def _groups(digits: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(digits[i:i + size])
        i += size
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(p for p in out if p)


def _variant_id(r, d):
    style = r.randrange(7)
    if style == 0:
        return d
    if style == 1:
        return _groups(d, [6, 8, 4] if len(d) == 18 else [6, 6, 3], " ")
    if style == 2:
        return _groups(d, [6, 8, 4] if len(d) == 18 else [6, 6, 3], "-")
    if style == 3:
        return _groups(d, [4] * 5, " ")
    if style == 4:
        return d.translate(FULL)
    if style == 5:
        return d.replace("X", "x")
    return _groups(d, [3] * 6, " ")


def _variant_mobile(r, d):
    style = r.randrange(11)
    if style == 0:
        return d
    if style in (1, 2, 3):
        return _groups(d, [3, 4, 4], [" ", "-", "."][style - 1])
    if style == 4:
        return "+86 " + _groups(d, [3, 4, 4], " ")
    if style == 5:
        return r.choice(["+86", "0086", "+86-", "＋86 "]) + d
    if style == 6:
        return d.translate(FULL)
    if style == 7:
        return _groups(d, [3, 4, 4], "－").translate(FULL)
    if style == 8:
        return "".join(r.choice(CHINESE)[c] for c in d)
    if style == 9:
        table = r.choice(CHINESE)
        return _groups("".join(table[c] for c in d), [3, 4, 4], " ")
    return _groups(d, [3, 3, 5], " - ")


def _variant_card(r, d):
    style = r.randrange(4)
    if style == 0:
        return d
    return _groups(d, [4] * 5, [" ", "-", "　"][style - 1])


def _landline(r: random.Random) -> tuple[str, str]:
    """(digits with the area code's 0, as typed)"""
    if r.random() < 0.4:
        area, local = r.choice(AREA3), str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(7))
    else:
        n = r.choice([7, 8])
        area, local = r.choice(AREA4), str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))
    style = r.randrange(7)
    typed = [f"{area}-{local}", f"({area}){local}", f"{area} {local}", f"{area}{local}",
             f"+86 {area[1:]} {local}", f"（{area}）{local}".translate(FULL), f"{area}－{local}"][style]
    return area + local, typed


def _passport(r: random.Random) -> str:
    if r.random() < 0.5:
        return r.choice("EGDSP") + "".join(str(r.randint(0, 9)) for _ in range(8))
    return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(str(r.randint(0, 9)) for _ in range(7))


def _email(r: random.Random) -> str:
    local = r.choice(NAMES + [str(r.randint(10000, 9999999999)), "1" + r.choice("3589") + "".join(
        str(r.randint(0, 9)) for _ in range(9))])
    return local + r.choice(["@", "@", "@", "＠"]) + r.choice(DOMAINS)


def examples(per_format: int = PER_FORMAT, seed: int = SEED) -> list[Example]:
    r = random.Random(seed)
    out = []
    for _ in range(per_format):
        d = _id18(r) if r.random() < 0.85 else _id15(r)
        out.append(("id", _variant_id(r, d), d))
        d = r.choice(MOBILE_PREFIXES) + "".join(str(r.randint(0, 9)) for _ in range(8))
        out.append(("mobile", _variant_mobile(r, d), d))
        d = _card(r)
        out.append(("card", _variant_card(r, d), d))
        d, typed = _landline(r)
        out.append(("landline", typed, d[1:]))          # the number without the trunk 0 identifies it
        p = _passport(r)
        letters = 1 if p[1].isdigit() else 2
        typed = p if r.random() < 0.8 else p[:letters] + " " + p[letters:]
        out.append(("passport", typed, p[letters:]))
        e = _email(r)
        out.append(("email", e, ""))
    return [Example(kind, raw, digits, r.choice(TEMPLATES[kind]).format(x=raw)) for kind, raw, digits in out]


def _amount(r):
    n = r.choice([r.randint(1, 999), r.randint(1000, 99999), r.randint(100000, 99999999)])
    return r.choice([f"{n}元", f"{n}万元", f"{n}万", f"{n:,}元", f"{n / 10:.1f}万元", f"{n}元/月"])


def _date(r):
    y, m, d = r.randint(1950, 2030), r.randint(1, 12), r.randint(1, 28)
    return r.choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}{m:02d}{d:02d}",
                     f"{y}.{m:02d}.{d:02d}", f"{y}年{m}月", f"{y}—{y + r.randint(1, 5)}年", f"{y}-{y + 2}年",
                     f"{y}年至{y + 3}年", f"{y}年{m}月出生"])


def _chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else _chinese_number(rest))
    return digits[n // 100] + "百" + tail


def _article(r):
    n = r.randint(1, 150)
    return r.choice([f"第{_chinese_number(n)}条", f"第{n}条", f"第{_chinese_number(n)}条第{_chinese_number(r.randint(1, 5))}款",
                     f"第{n}条第{r.randint(1, 5)}款", f"第{n}、{n + 1}、{n + 2}条", f"第{n}项详情"])


def _document(r):
    y, n = r.randint(2010, 2025), r.randint(1, 120)
    head = r.choice(["国发", "国办发", "桂政办发", "吉政发", "人社部发", "财税", "银发", "桂人社发", "吉人社联"])
    return r.choice([f"{head}〔{y}〕{n}号", f"{head}[{y}]{n}号", f"{head}（{y}）{n}号", f"{y}年第{n}号"])


def _other(r):
    return r.choice([f"带动就业{r.randint(1, 200)}人", f"年龄{r.randint(16, 60)}周岁以下", f"比例不超过{r.randint(1, 99)}%",
                     f"{r.randint(1, 10)}年内", "12345", "12366", "12333", "95588", "400-" + str(r.randint(100, 999))
                     + "-" + str(r.randint(1000, 9999)), f"邮编{r.choice(['530022', '130000', '545000', '133000'])}",
                     f"订单号20{r.randint(10, 25)}{r.randint(10 ** 11, 10 ** 12 - 1)}",
                     f"营业执照注册号{r.randint(10 ** 14, 10 ** 15 - 1)}"[:-1],
                     f"{r.randint(2015, 2020)} {r.randint(2021, 2025)} {r.randint(2026, 2030)}",
                     "一二三四五六七八九十", "三四五线城市", f"QQ群{r.randint(100000, 999999)}",
                     f"{r.randint(10, 99)}.{r.randint(10, 99)}%", "IP 192.168.1.1", "v2.3.1"])


NON_TEMPLATES = ["我想贷款{x}", "{x}", "政策说{x}，我符合吗", "依据{x}的规定", "我{x}，在柳州", "{x}和{y}都看了",
                 "注册资本{x}", "{x}，{y}。"]


def non_examples(n: int = NON_EXAMPLES, seed: int = SEED) -> list[str]:
    r = random.Random(seed + 1)
    makers = [_amount, _date, _article, _document, _other]
    out = []
    for i in range(n):
        x, y = makers[i % len(makers)](r), r.choice(makers)(r)
        out.append(r.choice(NON_TEMPLATES).format(x=x, y=y))
    return out


if __name__ == "__main__":
    ex, non = examples(), non_examples()
    print(f"{len(ex)} examples, {len(non)} non-examples")
    for e in ex[:24]:
        print(f"  {e.kind:9} {e.text}")
    for t in non[:15]:
        print(f"  keep      {t}")
