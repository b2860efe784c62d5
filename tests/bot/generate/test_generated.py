"""Files derived from rules/ must be regenerated when rules/ changes."""
from bot.generate import nlu_export


def test_generated_nlu_files_are_fresh(kb):
    stale = [str(p.relative_to(nlu_export.ROOT)) for p in nlu_export.stale(kb)]
    assert not stale, f"stale generated files {stale}: run `python -m bot gen`"


def test_jieba_dictionary_keeps_key_terms_whole(kb):
    import jieba
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(nlu_export.ROOT / "data" / "jieba" / "userdict.txt"))
    tokens = tokenizer.lcut("我是退役军人在图们市想申请创业担保贷款")
    for term in ("退役军人", "图们市", "创业担保贷款"):
        assert term in tokens, tokens


def test_region_lookup_holds_names_and_short_forms_not_everyday_words(kb):
    text = (nlu_export.ROOT / "data" / "lookups" / "region.yml").read_text(encoding="utf-8")
    entries = {line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")}
    assert {"图们市", "图们", "乌市", "延边", "东兴市", "柳州"} <= entries
    assert "资源" not in entries and "吉" not in entries


def test_coverage_table_is_fresh(kb):
    """docs/kb-coverage.md is scripts/kb_coverage.py's output for today's rules/."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("kb_coverage", nlu_export.ROOT / "scripts" / "kb_coverage.py")
    coverage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(coverage)
    assert coverage.OUT.read_text(encoding="utf-8") == coverage.document(kb), \
        "stale docs/kb-coverage.md: run `.venv/bin/python scripts/kb_coverage.py --write`"
