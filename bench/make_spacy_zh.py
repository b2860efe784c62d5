"""Build the blank spaCy Chinese pipeline used by config-spacy.yml.

    .venv/bin/python bench/make_spacy_zh.py [--out .cache/spacy-zh-jieba] [--check]

Writes a blank `zh` Language whose word segmenter is jieba to `.cache/spacy-zh-jieba/`
(under the repo). Nothing is downloaded: a blank pipeline has no trained components
and no word vectors, so in Rasa SpacyFeaturizer adds no dense features at all (it
skips docs whose vocab has `vectors_length == 0`); the pipeline differs from
config.yml only in SpacyNLP + SpacyTokenizer (+ the inert SpacyFeaturizer).

The jieba user dictionary (data/jieba/userdict.txt: 退役军人, 图们市, 创业担保贷款 …)
cannot be stored in this model. spaCy's ChineseTokenizer serialises only pkuseg state
(`pkuseg_model`, `pkuseg_user_dict`); with `segmenter = "jieba"` it just imports the
global `jieba` module and calls `jieba.cut` (spacy/lang/zh/__init__.py). Loading the
dictionary here, before `to_disk`, would change this process only — `--check`
demonstrates it by loading the saved model in a fresh interpreter. So the dictionary is
loaded at run time by the Rasa component `bench.spacy_zh_components.JiebaUserDictionary`,
placed before SpacyNLP in config-spacy.yml: it calls `jieba.load_userdict` on the same
global jieba instance spaCy's segmenter uses, in training and at inference alike.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / ".cache" / "spacy-zh-jieba"
PROBE = "我是退伍军人，在图们，想申请创业担保贷款"


def build(out: Path) -> Path:
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.meta["name"] = "zh_jieba_blank"
    nlp.meta["description"] = ("Blank Chinese pipeline, jieba segmenter, no vectors; "
                               "built by bench/make_spacy_zh.py for config-spacy.yml")
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return out


def _segment_in_fresh_process(model: Path, with_userdict: bool) -> list[str]:
    code = (
        "import json, logging, sys, spacy, jieba\n"
        "jieba.setLogLevel(logging.WARNING)\n"
        f"nlp = spacy.load({str(model)!r})\n"
        f"if {with_userdict}: jieba.load_userdict({str(ROOT / 'data' / 'jieba' / 'userdict.txt')!r})\n"
        f"print(json.dumps([t.text for t in nlp({PROBE!r})], ensure_ascii=False))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="show that the saved model does not keep the jieba user dictionary")
    args = ap.parse_args()
    if args.check:
        # Load the user dictionary into this process's jieba before building/saving, to
        # show that it does not travel with the saved model.
        import logging

        import jieba
        import spacy

        jieba.setLogLevel(logging.WARNING)
        jieba.load_userdict(str(ROOT / "data" / "jieba" / "userdict.txt"))
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        print("this process, userdict loaded  :", [t.text for t in nlp(PROBE)])
    out = build(args.out)
    print(f"saved blank zh (jieba) pipeline to {out}")
    if args.check:
        print("fresh process, model only      :", _segment_in_fresh_process(out, False))
        print("fresh process, + load_userdict :", _segment_in_fresh_process(out, True))


if __name__ == "__main__":
    main()
