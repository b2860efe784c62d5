"""The staff console with a store written before the message guard cleaned texts:
messages holding U+0000, lone surrogates and other control characters, texts
and sender ids Excel would run as formulas. Every page builds, every CSV cell
is text, the NLU export loads, dates and sessions are checked. On SQLite here;
tests/integration/test_staff_postgres.py collects the store tests again on PostgreSQL
(where one U+0000 made 没有理解的消息 and 覆盖缺口 answer 500 for the whole period)."""
import csv
import io
import time

import pytest
import yaml

from staff import app as console
from staff import auth, export, pages, sample
from staff import queries as Q
from staff.db import engine_for
from staff.labels import Labels

D = sample.DAY1
HOSTILE_TEXTS = [
    "我在\x00柳州",                          # PostgreSQL: "\u0000 cannot be converted to text"
    "想贷款\ud800",                          # a lone surrogate: neither PostgreSQL nor SQLite reads it as text
    "坏\x1b[31m字\x07符\x0b",                 # YAML cannot hold these
    "行\u2028分\u0085隔",                     # YAML reads these as line breaks
    '=HYPERLINK("http://evil.example","点我")',
    "+1+1", "-2+3", "@SUM(1,1)", "\t=1", "\r=1", "＝1+1",
]
HOSTILE_SENDERS = ["=cmd|' /C calc'!A0", "-1+1", "@x", "+x"]
CONVERSATIONS = [(sender, [(D, 12, i, text, "nlu_fallback", {"region": text}, "没看懂")
                           for i, text in enumerate(HOSTILE_TEXTS)])
                 for sender in HOSTILE_SENDERS]
FORMULA = tuple("=+-@\t\r＝＋－＠")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'tracker.db'}"
    sample.record(url, CONVERSATIONS)
    return url


@pytest.fixture(scope="module")
def hostile(hostile_url):
    engine = engine_for(hostile_url)
    with engine.connect() as conn:
        yield conn
    engine.dispose()


def every_page(conn):
    period, labels = Q.Period.everything(), Labels()
    built = [pages.PAGES[key](conn, period, labels) for key in pages.PAGES]
    built.append(pages.conversation(conn, HOSTILE_SENDERS[0], labels))
    return built


def test_every_page_builds_from_a_store_with_control_characters(hostile):
    built = every_page(hostile)
    misunderstood = next(p for p in built if p.key == "misunderstood")
    texts = [str(cell) for t in misunderstood.tables for row in t.rows for cell in row]
    assert any("柳州" in t for t in texts) and any("HYPERLINK" in t for t in texts)


def test_every_csv_cell_is_text_for_excel(hostile):
    cells = 0
    for page in every_page(hostile):
        for table in page.tables:
            body = table.csv()
            assert not any(c in body for c in "\x00\x07\x1b\x0b"), table.name
            for row in csv.reader(io.StringIO(body.lstrip("\ufeff"))):
                for cell in row:
                    cells += 1
                    assert not cell.startswith(FORMULA), (table.name, cell)
    assert cells > 50


def test_csv_cells():
    assert pages.csv_cell("=1+1") == "'=1+1" and pages.csv_cell("＠x") == "'＠x"
    assert pages.csv_cell(-3) == "-3" and pages.csv_cell(2.5) == "2.5", "numbers stay numbers"
    assert pages.csv_cell("柳州\x00市") == "柳州市" and pages.csv_cell(None) == ""


def test_the_nlu_export_always_loads(hostile):
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    texts = [t for g in Q.misunderstood_groups(hostile, Q.Period.everything()) for t in g["texts"]]
    body = export.nlu_yaml(texts + ["   ", "\x00\x01"])
    assert yaml.safe_load(body)["nlu"][0]["intent"] == export.UNLABELLED
    examples = RasaYAMLReader().reads(body).training_examples
    assert len(examples) == len({export._example(t) for t in texts if export._example(t)})
    assert all("\n" not in e.get("text") for e in examples)


# ------------------------------------------------------------------ dates and sessions
@pytest.mark.parametrize("args", [{"to": "0001-01-01"}, {"from": "9999-12-31"}, {"to": "2024-02-30"},
                                  {"from": "昨天"}, {"to": "2024-01-01T00:00"[:40] + "x"}])
def test_a_date_the_console_cannot_use_is_refused_with_a_message(args):
    with pytest.raises(console.BadDate) as refused:
        console.parse_range(args)
    assert "YYYY-MM-DD" in str(refused.value) or "超出范围" in str(refused.value)


def test_dates_in_range_and_defaults():
    start, end = console.parse_range({"from": "2024-03-01", "to": "2024-02-01"})
    assert (start.isoformat(), end.isoformat()) == ("2024-02-01", "2024-03-01")
    start, end = console.parse_range({})
    assert (end - start).days == console.DEFAULT_DAYS - 1


TOKEN = "staff-hardening-token-0123456789"


def test_a_session_expires_and_its_expiry_cannot_be_changed():
    now = time.time()
    cookie = auth.session_value(TOKEN, now=now)
    assert auth.authorized(TOKEN, None, cookie)
    assert not auth.session_valid(TOKEN, cookie, now=now + auth.SESSION_SECONDS + 1)
    expires, mac = cookie.split(".")
    longer = f"{int(expires) + 10 * auth.SESSION_SECONDS}.{mac}"
    assert not auth.authorized(TOKEN, None, longer)
    assert not auth.authorized("another-token-0123456789", None, cookie)
    assert not auth.authorized(TOKEN, None, "garbage")
