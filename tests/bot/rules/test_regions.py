import pytest


@pytest.mark.parametrize("text, chain", [
    ("图们", ["图们市", "延边朝鲜族自治州", "吉林省"]),
    ("圖們市", ["图们市", "延边朝鲜族自治州", "吉林省"]),
    ("延边图们", ["图们市", "延边朝鲜族自治州", "吉林省"]),
    ("吉林省延边州图们市", ["图们市", "延边朝鲜族自治州", "吉林省"]),
    ("乌市", ["乌鲁木齐市", "新疆维吾尔自治区"]),
    ("烏魯木齊", ["乌鲁木齐市", "新疆维吾尔自治区"]),
    ("米东区", ["米东区", "乌鲁木齐市", "新疆维吾尔自治区"]),
    ("廣西", ["广西壮族自治区"]),
    ("桂", ["广西壮族自治区"]),
    ("柳州", ["柳州市", "广西壮族自治区"]),
    ("东兴", ["东兴市", "防城港市", "广西壮族自治区"]),
    ("凭祥市", ["凭祥市", "崇左市", "广西壮族自治区"]),
    ("吉林", ["吉林省"]),
    ("吉林市", ["吉林市", "吉林省"]),
    ("吉", ["吉林省"]),
    ("珲春", ["珲春市", "延边朝鲜族自治州", "吉林省"]),
    ("深圳", ["深圳市", "广东省"]),
    ("北京", ["北京市"]),
])
def test_resolve(kb, text, chain):
    place = kb.gazetteer.resolve(text)
    assert place is not None, text
    assert place.chain == chain


def test_unknown_place(kb):
    assert kb.gazetteer.resolve("火星基地") is None
    assert kb.gazetteer.resolve("") is None


def test_all_guangxi_cities_and_jilin_units_present(kb):
    gx = kb.gazetteer.find("广西壮族自治区")[0]
    assert len(gx.children) == 14
    assert sum(len(c.children) for c in gx.children) >= 100
    jl = kb.gazetteer.find("吉林省")[0]
    assert len(jl.children) == 9
    assert sum(len(c.children) for c in jl.children) >= 55
