"""The review of a new document in the staff console, in a real browser
(Debian's Chromium driven by Playwright, `make browser-deps`) against a real
console process writing into a copy of rules/ and tests/eligibility/: draft a
county-level document (昆山市) by uploading its text, complete its metadata,
see a problem live and fix it, accept two measures in a row, add a measure the
drafter missed from a selected span, see a failed accept rolled back with its
reason on the page, and review the whole document. Then the rules validate,
every situation case (the old ones and the new) passes, and the draft is empty.

Screenshots of the walkthrough go to results/staff/ and, when missing or with
UPDATE_DOCS_SCREENSHOT=1, to docs/review-*.png (docs/adding-a-document.md
shows them); the clicks and time of the run go to
results/staff/review-walkthrough.json."""
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
import yaml

from bot import rules as kbmod
from bot.matching.engine import Engine
from bot.rules.fidelity import hedge_offences
from bot.matching.profile import parse_profile
from bot.rules.situations import case_failures
from localrun.servers import ROOT, free_port, start, stop, wait_for

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "review-browser-token-0123456789"
FIXTURE = ROOT / "tests" / "fixtures" / "draft" / "kunshan-youth.txt"
DOC = "kunshan-youth-2025"
TODAY = __import__("datetime").date(2026, 11, 22)      # as tests/conftest.py


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review-repo")
    shutil.copytree(ROOT / "rules", tmp / "rules", ignore=shutil.ignore_patterns("drafts"))
    (tmp / "tests").mkdir()
    shutil.copytree(ROOT / "tests" / "eligibility", tmp / "tests" / "eligibility")
    return tmp


@pytest.fixture(scope="module")
def console(repo):
    if not CHROMIUM.is_file():
        pytest.fail("no /usr/bin/chromium: run `make browser-deps`")
    port = free_port()
    log = repo / "console.log"
    env = dict(os.environ, STAFF_TOKEN=TOKEN, TRACKER_STORE_URL=f"sqlite:///{repo / 'tracker.db'}")
    proc = start([sys.executable, "-m", "staff", "serve", "--port", str(port),
                  "--rules", str(repo / "rules")], log, env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}/login", proc, log, timeout=120)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


class Counting:
    """The page, counting what a person would do: clicks, fields typed or chosen, selections."""

    def __init__(self, page):
        self.page, self.actions, self.start = page, 0, time.monotonic()

    def click(self, selector, **kw):
        self.actions += 1
        self.page.locator(selector).first.click(**kw)

    def fill(self, selector, value):
        self.actions += 1
        self.page.locator(selector).first.fill(value)

    def check(self, selector, on=True):
        self.actions += 1
        loc = self.page.locator(selector).first
        loc.check() if on else loc.uncheck()

    def select_text(self, text):
        """Select `text` in the document pane as a person would (one drag)."""
        self.actions += 1
        self.page.evaluate("""(want) => {
          const box = document.getElementById('rv-text');
          const full = box.textContent;
          const at = full.indexOf(want);
          if (at < 0) throw new Error('not in the text: ' + want);
          const spans = [...box.children];
          const find = (pos) => { for (const s of spans) { const o = +s.dataset.o, n = s.textContent.length;
              if (pos >= o && pos <= o + n) return [s.firstChild, pos - o]; } };
          const [n1, o1] = find(at), [n2, o2] = find(at + want.length);
          const r = document.createRange(); r.setStart(n1, o1); r.setEnd(n2, o2);
          const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
        }""", text)


@pytest.fixture(scope="module")
def browser_page(console):
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="zh-CN")
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: (page.errors.append("dialog: " + dialog.message), dialog.dismiss()))
        yield page
        context.close()
        browser.close()


def progress(page) -> str:
    return page.locator("#rv-progress").inner_text()


expect.set_options(timeout=15_000)


def current_id(page) -> str:
    return page.locator("#rv-list button.cur").inner_text().split()[-1]


def wait_checked(page):
    expect(page.locator("body:not([data-pending])")).to_have_count(1, timeout=20_000)
    expect(page.locator("#rv-problems")).not_to_have_text("正在检查…", timeout=20_000)


def test_review_a_whole_document_in_the_browser(console, repo, browser_page):
    page = browser_page
    you = Counting(page)
    page.goto(f"{console}/drafts")
    you.fill('input[name="token"]', TOKEN)
    you.click('button[type="submit"]')
    you.click('header a:has-text("新文件")')
    expect(page.locator("h1")).to_have_text("新文件")

    # 1. draft: upload the text, a county-level region
    you.fill('input[name="doc"]', DOC)
    you.fill('input[name="region"]', "昆山市")
    you.fill('input[name="prefix"]', "ks")
    you.actions += 1
    page.set_input_files('input[name="file"]', str(FIXTURE))
    you.click('form.newdraft button[type="submit"]')
    expect(page.locator("#rv-progress")).to_have_text("已审阅 0 / 10（接受 0，不要 0）")
    assert (repo / "rules" / "drafts" / f"{DOC}.yml").is_file()
    # the text beside the draft, the current quote highlighted
    expect(page.locator("#rv-text .q.cur")).to_have_text("对首次创办小微企业或者从事个体经营的高校毕业生，给予一次性创业补贴。")
    assert page.locator("#rv-text .out").first.get_attribute("title").startswith("封面")
    shot(page, "review-page")

    # 2. the document's metadata: a short title for citations
    you.click("#rv-meta-toggle")
    expect(page.locator("#rv-src-issuer")).to_have_value("昆山市人民政府办公室")
    expect(page.locator("#rv-src-in_force")).to_have_value("2025-03-01")
    you.fill("#rv-src-short_title", "昆山市支持青年创新创业若干措施")
    you.click("#rv-save-meta")
    expect(page.locator("#rv-msg")).to_have_text("已保存文件信息。")
    shot(page, "review-metadata")
    you.click("#rv-meta-toggle")

    # 3. live validation: no lead agency is a problem shown before accepting; fixing it clears it
    wait_checked(page)
    lead = page.locator('[data-field="lead"] input:checked')
    chosen = lead.first.get_attribute("value")
    you.check(f'[data-field="lead"] input[value="{chosen}"]', on=False)
    expect(page.locator("#rv-msg")).to_contain_text("lead")
    expect(page.locator("#rv-problems")).to_contain_text("agencies")
    expect(page.locator("#rv-accept")).to_be_disabled()
    page.locator("#rv-problems").scroll_into_view_if_needed()
    shot(page, "review-problem")
    you.check(f'[data-field="lead"] input[value="{chosen}"]')
    expect(page.locator("#rv-problems")).to_have_text("检查通过：可以接受。")

    # 4. edit the title, then two accepts in a row
    you.fill('#rv-current input[name="title"]', "首次创业一次性创业补贴（高校毕业生）")
    page.locator('#rv-current input[name="title"]').dispatch_event("change")
    expect(page.locator("#rv-msg")).to_have_text("已保存修改（title）。")
    wait_checked(page)
    first = current_id(page)
    you.click("#rv-accept")
    expect(page.locator("#rv-progress")).to_have_text("已审阅 1 / 10（接受 1，不要 0）")
    wait_checked(page)
    second = current_id(page)
    you.click("#rv-accept")
    expect(page.locator("#rv-progress")).to_have_text("已审阅 2 / 10（接受 2，不要 0）")
    kb = kbmod.load(repo / "rules")
    assert [m.id for m in kb.measures_of(DOC)] == [first, second]
    assert kb.measures_of(DOC)[0].title == "首次创业一次性创业补贴（高校毕业生）"
    assert kb.sources[DOC].short_title == "昆山市支持青年创新创业若干措施"
    assert kb.sources[DOC].region == "昆山市"
    cases = yaml.safe_load((repo / "tests" / "eligibility" / f"{DOC}.yml").read_text(encoding="utf-8"))
    assert {c["eligible_ids"][0] for c in cases if c.get("eligible_ids")} == {first, second}

    # 5. a failed accept is rolled back, with the reason on the page
    cases_file = repo / "tests" / "eligibility" / f"{DOC}.yml"
    saved = cases_file.read_bytes()
    cases_file.unlink()
    cases_file.mkdir()                      # the cases cannot be written now
    wait_checked(page)
    you.click("#rv-accept")
    expect(page.locator("#rv-msg")).to_contain_text("未接受，已撤回")
    expect(page.locator("#rv-progress")).to_have_text("已审阅 2 / 10（接受 2，不要 0）")
    assert len(kbmod.load(repo / "rules").measures_of(DOC)) == 2
    shot(page, "review-rolled-back")
    cases_file.rmdir()
    cases_file.write_bytes(saved)

    # 6. a measure the drafter missed, added from a selected span
    missed = "初创企业员工参加岗位技能培训的，培训费用由市财政全额承担。"
    assert missed not in [m for m in page.locator("#rv-text .q").all_inner_texts()]
    you.select_text(missed)
    you.click("#rv-add-selection")
    expect(page.locator("#rv-quote")).to_have_text(missed)
    you.fill('#rv-current input[name="title"]', "初创企业员工岗位技能培训费用由财政承担")
    page.locator('#rv-current input[name="title"]').dispatch_event("change")
    expect(page.locator("#rv-msg")).to_have_text("已保存修改（title）。")
    you.check('[data-field="audience"] input[value="small_business"]')
    expect(page.locator("#rv-msg")).to_contain_text("audience")
    page.locator('#rv-current select[name="category"]').select_option("training")
    you.actions += 1
    expect(page.locator("#rv-msg")).to_contain_text("category")
    wait_checked(page)
    expect(page.locator("#rv-problems")).to_have_text("检查通过：可以接受。")
    page.locator("#rv-text .q.cur").scroll_into_view_if_needed()
    shot(page, "review-added")
    added = current_id(page)
    you.click("#rv-accept")
    expect(page.locator("#rv-progress")).to_have_text("已审阅 3 / 11（接受 3，不要 0）")

    # 7. the rest: reject what the reviewer reads as a loan condition, accept the others
    rejected = 0
    while page.locator("#rv-list button").count() and "已审阅完毕" not in page.locator("#rv-list").inner_text():
        wait_checked(page)
        if "吸纳就业人数较多的小微企业" in page.locator("#rv-quote").inner_text():
            before = progress(page)
            you.click("#rv-reject")
            expect(page.locator("#rv-progress")).not_to_have_text(before)
            rejected += 1
            continue
        if page.locator("#rv-accept").is_disabled():
            pytest.fail(f"{current_id(page)} cannot be accepted: {page.locator('#rv-problems').inner_text()}")
        before = progress(page)
        you.click("#rv-accept")
        expect(page.locator("#rv-progress")).not_to_have_text(before)
    assert rejected >= 1
    expect(page.locator("#rv-progress")).to_have_text(f"已审阅 11 / 11（接受 {11 - rejected}，不要 {rejected}）")
    shot(page, "review-done")
    assert page.errors == []
    elapsed = time.monotonic() - you.start

    # the rules validate, every case passes (the old and the new), the draft is empty
    kb, problems = kbmod.validate(repo / "rules")
    assert problems == []
    assert len(kb.measures_of(DOC)) == 11 - rejected and added in {m.id for m in kb.measures_of(DOC)}
    assert not hedge_offences(kb)
    engine = Engine(kb, today=TODAY)
    failures = []
    for path in sorted((repo / "tests" / "eligibility").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            result = engine.match(parse_profile(case["profile"], kb)).as_dict(engine)
            failures += [f"{path.name}: {case['name']}: {f}" for f in case_failures(case, result)]
    assert failures == []
    draft = yaml.safe_load((repo / "rules" / "drafts" / f"{DOC}.yml").read_text(encoding="utf-8"))
    assert draft["measures"] == [] and len(draft["accepted"]) == 11 - rejected and len(draft["rejected"]) == rejected
    out = ROOT / "results" / "staff" / "review-walkthrough.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"document": DOC, "articles": 15, "draft_measures": 10, "added": 1,
                               "accepted": 11 - rejected, "rejected": rejected, "actions": you.actions,
                               "seconds_automated": round(elapsed, 1)}, ensure_ascii=False, indent=2),
                   encoding="utf-8")


def test_a_national_document_is_drafted_by_function_its_units_named_as_printed(console, repo, browser_page):
    """--region 全国 from the page: the units a bracket names (人力资源社会保障部、财政部) become the
    functions that act at the person's place, no agency is invented, the national names stay in
    the words shown; the page offers functions, not offices, and an accepted measure validates."""
    page = browser_page
    text = ("国务院办公厅关于支持重点群体创业的意见\n国办发〔2025〕9号\n"
            "一、加大创业扶持\n"
            "（一）落实创业担保贷款。对高校毕业生创业的，给予创业担保贷款贴息。"
            "（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）\n"
            "（二）优化创业服务。为退役军人提供创业指导服务。（退役军人事务部、人力资源社会保障部等有关部门和单位按职责分工负责）\n"
            "二、加强组织领导\n（三）各地区各部门要加强统筹协调，定期开展评估。（国家发展改革委负责）\n"
            "国务院办公厅\n2025年3月1日\n")
    page.goto(f"{console}/drafts")
    if page.locator('input[name="token"]').count():
        page.locator('input[name="token"]').fill(TOKEN)
        page.locator('button[type="submit"]').click()
        page.goto(f"{console}/drafts")
    page.locator('input[name="doc"]').fill("national-startup-2025")
    page.locator('input[name="region"]').fill("全国")
    page.locator('textarea[name="text"]').fill(text)
    page.locator('form.newdraft button[type="submit"]').click()
    expect(page.locator("#rv-progress")).to_have_text("已审阅 0 / 2（接受 0，不要 0）")
    assert page.locator('[data-field="lead"]').count() == 0          # no offices to choose
    expect(page.locator("#rv-function-lead")).to_have_value("hrss")
    others = page.locator('[data-field="functions"] input:checked').evaluate_all("els => els.map(e => e.value)")
    assert others == ["finance"]
    expect(page.locator(".rv-why")).to_contain_text("人力资源社会保障部")   # the national name, as printed
    draft = yaml.safe_load((repo / "rules" / "drafts" / "national-startup-2025.yml").read_text(encoding="utf-8"))
    assert draft["new_agencies"] == [] and draft["source"]["responsibility"] == "functions"
    assert [m["functions"] for m in draft["measures"]] == [["hrss", "finance"], ["veterans_affairs", "hrss"]]
    assert [a["actionable"] for a in draft["articles"]] == [True, True, False]
    assert draft["source"]["issuer"] == "国务院办公厅" and draft["source"]["number"] == "国办发〔2025〕9号"
    # the lead function is changed on the page and written, then the measure accepted: it validates
    # like the hand-made national measures (functions, the text's words as lead_reason)
    if page.locator("#rv-meta").is_hidden():
        page.locator("#rv-meta-toggle").click()
    page.locator("#rv-src-short_title").fill("关于支持重点群体创业的意见")
    page.locator("#rv-save-meta").click()
    expect(page.locator("#rv-msg")).to_have_text("已保存文件信息。")
    page.locator("#rv-function-lead").select_option("finance")
    expect(page.locator("#rv-msg")).to_contain_text("functions")
    expect(page.locator("#rv-problems")).to_have_text("检查通过：可以接受。")
    page.locator("#rv-accept").click()
    expect(page.locator("#rv-progress")).to_have_text("已审阅 1 / 2（接受 1，不要 0）")
    kb = kbmod.load(repo / "rules")
    accepted = kb.measures_of("national-startup-2025")
    assert [m.functions for m in accepted] == [("finance", "hrss")] and kb.sources["national-startup-2025"].national
    assert accepted[0].lead_reason == "人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同"
    assert page.errors == []


def shot(page, name: str) -> None:
    path = ROOT / "results" / "staff" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=False)
    docs_shot = ROOT / "docs" / f"{name}.png"
    if not docs_shot.exists() or os.environ.get("UPDATE_DOCS_SCREENSHOT") == "1":
        shutil.copy(path, docs_shot)
