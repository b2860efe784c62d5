"""The staff console in a real browser (Debian's Chromium driven by Playwright,
`make browser-deps`) against a real console process reading a tracker store
filled through Rasa's SQLTrackerStore (staff/sample.py): log in, open
every page, check the numbers against the recorded conversations, mark a
message reviewed, export CSV and NLU candidates. The overview's screenshot goes
to results/staff/staff-console.png, and to docs/staff-console.png when that is
missing or UPDATE_DOCS_SCREENSHOT=1."""
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from localrun.servers import ROOT, free_port, start, stop, wait_for
from staff import sample

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "browser-test-token-0123456789"
RANGE = f"from={sample.DAY1}&to={sample.DAY2}"


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    if not CHROMIUM.is_file():
        pytest.fail("no /usr/bin/chromium: run `make browser-deps`")
    tmp = tmp_path_factory.mktemp("staff")
    url = f"sqlite:///{tmp / 'tracker.db'}"
    sample.record(url)
    port = free_port()
    log = tmp / "console.log"
    env = dict(os.environ, STAFF_TOKEN=TOKEN, TRACKER_STORE_URL=url)
    assert start([sys.executable, "-m", "staff", "migrate"], tmp / "migrate.log", env=env).wait() == 0
    proc = start([sys.executable, "-m", "staff", "serve", "--port", str(port)], log, env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}/login", proc, log, timeout=120)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def page(console):
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="zh-CN",
                                      accept_downloads=True)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: (page.errors.append("dialog: " + dialog.message), dialog.dismiss()))
        yield page
        context.close()
        browser.close()


def figure(page, label: str) -> str:
    return page.locator(f'.figure[data-figure="{label}"] .v').inner_text()


def rows(page, table: str) -> list[list[str]]:
    return [[c.strip() for c in r.locator("td").all_inner_texts()]
            for r in page.locator(f'table[data-table="{table}"] tbody tr').all()]


def test_login_then_every_page(console, page):
    page.goto(f"{console}/overview")
    expect(page.locator("h1")).to_have_text("工作人员后台")      # the 401 login page
    page.locator('input[name="token"]').fill("wrong")
    page.locator('button[type="submit"]').click()
    expect(page.locator(".error")).to_have_text("令牌不对。")
    page.locator('input[name="token"]').fill(TOKEN)
    page.locator('button[type="submit"]').click()
    expect(page.locator("h1")).to_have_text("总览")

    # the date range through the form
    page.locator('input[name="from"]').fill(sample.DAY1)
    page.locator('input[name="to"]').fill(sample.DAY2)
    page.get_by_role("button", name="查看").click()
    expect(page.locator('.figure[data-figure="对话数"] .v')).to_have_text("6")
    assert figure(page, "用户消息数") == "17"
    assert figure(page, "每个对话的轮数（中位数）") == "2.5"
    assert figure(page, "以困惑结束的对话") == "3（50.0%）"
    assert rows(page, "per_day") == [[sample.DAY1, "3", "9"], [sample.DAY2, "3", "8"]]
    assert [r[1] for r in rows(page, "funnel")] == ["6", "4", "3", "2", "2"]
    assert page.locator("svg.chart").count() == 2
    screenshot(page)

    page.get_by_role("link", name="覆盖缺口").click()
    expect(page.locator("h1")).to_have_text("覆盖缺口")
    assert rows(page, "outside") == [["江苏省", "1", "江苏省苏州市（1）"]]
    assert rows(page, "unread_answers") == [["身份/人群", "我是搞直播的", "1"]]

    page.get_by_role("link", name="需求").click()
    assert figure(page, "得到答复的对话") == "3"
    page.get_by_role("link", name="gx-kjt").click()
    assert [r[0] for r in rows(page, "agency_gx-kjt")] == ["gx-3-rd-deduction", "gx-3-rd-subsidy"]

    page.get_by_role("link", name="反馈").click()
    assert (figure(page, "👍"), figure(page, "👎")) == ("1", "1")
    assert rows(page, "feedback_missing")[0][1:] == ["dave", "👎", sample.MISSING]

    page.get_by_role("link", name="对话", exact=True).click()
    assert [r[0] for r in rows(page, "conversations")] == ["frank", "erin", "dave", "carol", "bob", "alice"]
    page.get_by_role("link", name="alice").click()
    turns = rows(page, "turns")
    assert [t[2] for t in turns] == ["我是退役军人，在柳州，想贷款开个汽修店", "第1条", "去哪里办", "👍"]
    assert "region=广西壮族自治区柳州市" in turns[0][5] and "groups=退役军人" in turns[0][5]
    assert "focus=gx-3-rd-subsidy" in turns[1][5]
    assert page.errors == []


def test_misunderstood_review_and_exports(console, page):
    page.goto(f"{console}/login")
    page.locator('input[name="token"]').fill(TOKEN)
    page.locator('button[type="submit"]').click()
    page.goto(f"{console}/misunderstood?{RANGE}")
    groups = rows(page, "misunderstood")
    assert groups[0][1:5] == ["怎么申请\n怎么申请？", "nlu_fallback", "2", "2"]
    # what a person wrote is text, never markup
    assert page.locator('table[data-table="misunderstood"] img').count() == 0
    assert any(sample.XSS in g[1] for g in groups)
    assert any("region=江苏省苏州市" in g[5] for g in groups)

    page.locator('input[name="key"][value="怎么申请"]').check()
    page.get_by_role("button", name="标为已审阅").click()
    expect(page.locator('.figure[data-figure="已审阅"] .v')).to_have_text("1")
    assert rows(page, "misunderstood")[0][6] == "已审阅"

    page.locator('input[name="key"][value="怎么申请"]').check()
    page.locator('select[name="intent"]').select_option("help")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出所选为 NLU 候选（YAML）").click()
    data = yaml.safe_load(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["nlu"] == [{"intent": "help", "examples": "- 怎么申请\n- 怎么申请？\n"}]

    page.goto(f"{console}/overview?{RANGE}")
    with page.expect_download() as download:
        page.locator("#funnel a.csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "阶段,对话数,占全部对话" and text.splitlines()[1].endswith(",6,100.0%")
    assert page.errors == []


def screenshot(page) -> None:
    shot = ROOT / "results" / "staff" / "staff-console.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size < 400_000
    docs_shot = ROOT / "docs" / "staff-console.png"
    if not docs_shot.exists() or os.environ.get("UPDATE_DOCS_SCREENSHOT") == "1":
        shutil.copy(shot, docs_shot)
