"""The web widget (runtime/web/) in a real browser against real servers.

Debian's Chromium (make browser-deps) driven by Playwright; the action server,
`rasa run` with the socket.io channel (CORS for the test pages' origins only)
and static servers for runtime/web and for "another site" that embeds the widget,
all on free loopback ports. The screenshot of the finished conversation goes
to results/web/web-widget.png, and to docs/web-widget.png when that is missing
or UPDATE_DOCS_SCREENSHOT=1.
"""
import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from localrun.servers import (MODEL, RASA_CLI, ROOT, action_server_args, endpoint_env, free_port, start, stop,
                             wait_for)

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

WEB = ROOT / "runtime" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CITATION = "《广西双创三年行动计划（2021—2023年）》"
XSS = "<img src=x onerror=alert(1)>"
WAIT = 90_000  # ms for a bot reply (a busy 2-core machine)


def npm_ci() -> None:
    """`npm ci` in runtime/web unless node_modules matches package-lock.json (as scripts/web.sh)."""
    stamp = WEB / "node_modules" / ".ci-lock"
    if stamp.is_file() and filecmp.cmp(WEB / "package-lock.json", stamp, shallow=False):
        return
    if not shutil.which("npm"):
        pytest.fail("npm (Node.js) is needed to install runtime/web's socket.io-client")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB, check=True)
    shutil.copy(WEB / "package-lock.json", stamp)


def static_server(directory: Path, tmp: Path, name: str):
    port = free_port()
    log = tmp / f"{name}.log"
    proc = start([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                  "--directory", str(directory)], log)
    return proc, port, log


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """URLs of the demo page, of another site embedding the widget, and of Rasa."""
    if not CHROMIUM.is_file():
        pytest.fail("no /usr/bin/chromium: run `make browser-deps`")
    assert MODEL.is_file(), "no trained model: run `make train` first"
    npm_ci()
    tmp = tmp_path_factory.mktemp("web")
    procs = []
    try:
        web, web_port, web_log = static_server(WEB, tmp, "web")
        procs.append(web)
        site_dir = tmp / "site"
        site_dir.mkdir()
        site, site_port, site_log = static_server(site_dir, tmp, "site")
        procs.append(site)

        # our own action server, started while Rasa loads (the shared fixture would start first)
        action_port = free_port()
        actions_log = tmp / "actions.log"
        actions = start(action_server_args(action_port), actions_log)
        procs.append(actions)

        rasa_port = free_port()
        demo = f"http://127.0.0.1:{web_port}"
        other = f"http://127.0.0.1:{site_port}"
        rasa_url = f"http://127.0.0.1:{rasa_port}"
        (site_dir / "host.html").write_text(HOST_PAGE.format(web=demo, rasa=rasa_url), encoding="utf-8")

        creds = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
        creds["runtime.channels.socketio.SocketIOInput"]["cors_allowed_origins"] = [demo, other]
        (tmp / "credentials.yml").write_text(yaml.safe_dump(creds), encoding="utf-8")
        rasa_log = tmp / "rasa.log"
        rasa = start([*RASA_CLI, "run", "--model", str(MODEL), "--endpoints", str(ROOT / "endpoints.yml"),
                      "--credentials", str(tmp / "credentials.yml"), "--port", str(rasa_port),
                      "--interface", "127.0.0.1", "--cors", demo, other], rasa_log,
                     env=endpoint_env(tmp, action_port))
        procs.append(rasa)
        wait_for(f"{demo}/widget.js", web, web_log, timeout=30)
        wait_for(f"{other}/host.html", site, site_log, timeout=30)
        wait_for(f"http://127.0.0.1:{action_port}/health", actions, actions_log)
        wait_for(f"{rasa_url}/webhooks/socketio/", rasa, rasa_log)
        yield {"demo": f"{demo}/index.html?server={rasa_url}", "site": f"{other}/host.html",
               # same files, an origin not in cors_allowed_origins
               "stranger": f"http://localhost:{site_port}/host.html"}
    finally:
        for proc in procs:
            stop(proc)


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<style>* {{ color: lime !important; font-size: 40px; }} button {{ display: none; }}
div {{ position: static !important; }}</style>
<script>window.io = "the host page's io";</script>
</head><body>
<h1>Some other web site</h1>
<script src="{web}/widget.js" data-server="{rasa}" defer></script>
</body></html>
"""


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 900, "height": 760}, locale="zh-CN")
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.websocket_frames = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: page.websocket_frames.append(frame)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def screenshot(page) -> None:
    """The whole conversation so far, in a tall panel, for docs/web-widget.png."""
    shot = ROOT / "results" / "web" / "web-widget.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 900, "height": 1180})
    page.locator(".panel").evaluate("e => { e.style.height = '1140px'; }")
    page.locator(".messages").evaluate("e => { e.scrollTop = 0; }")
    page.wait_for_timeout(300)
    page.locator(".panel").screenshot(path=str(shot))
    page.locator(".panel").evaluate("e => { e.style.height = ''; }")
    page.set_viewport_size({"width": 900, "height": 760})
    assert shot.stat().st_size < 300_000
    docs_shot = ROOT / "docs" / "web-widget.png"
    if not docs_shot.exists() or os.environ.get("UPDATE_DOCS_SCREENSHOT") == "1":
        shutil.copy(shot, docs_shot)


STORED = "() => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('cyzc-chat:'))[1])"


def say(page, text: str) -> None:
    page.locator(".input").fill(text)
    page.locator(".send").click()


def bot_bubbles(page):
    return page.locator(".message.bot .bubble")


def replies_after(page, n: int, needle: str) -> str:
    """The bot's messages after its n-th, once they contain `needle`."""
    page.wait_for_function(
        """([n, needle]) => {
             const root = document.getElementById('cyzc-chat-widget').shadowRoot;
             const texts = [...root.querySelectorAll('.message.bot .bubble')].slice(n).map(e => e.textContent);
             return texts.join('\\n').includes(needle);
           }""", arg=[n, needle], timeout=WAIT)
    return "\n".join(b.text_content() for b in bot_bubbles(page).all()[n:])


def test_conversation_reload_and_escaping(servers, page):
    page.goto(servers["demo"])
    expect(page.locator(".title")).to_have_text("创业扶持政策助手")
    expect(page.locator(".input")).to_have_attribute("placeholder", "说说您的身份、所在地和需求…")
    expect(page.locator(".send")).to_have_text("发送")
    expect(page.locator(".status")).to_have_text("在线", timeout=30_000)
    expect(bot_bubbles(page).first).to_contain_text("创业扶持政策助手", timeout=WAIT)  # the greeting
    greeting = bot_bubbles(page).first.text_content()
    assert "\n" in greeting, "the greeting has a line break"
    assert bot_bubbles(page).first.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"

    say(page, "我是退伍军人，在柳州，想贷款")
    expect(page.locator(".message.user .bubble").last).to_have_text("我是退伍军人，在柳州，想贷款")
    # measures at once, or a question with quick replies first
    answer = page.locator(".message.bot .bubble", has_text=CITATION).or_(page.locator(".quick-reply").first)
    expect(answer.first).to_be_visible(timeout=WAIT)
    if not page.locator(".message.bot .bubble", has_text=CITATION).count():
        button = page.locator(".quick-reply").first
        title = button.text_content()
        button.click()
        expect(page.locator(".message.user .bubble").last).to_have_text(title)
    measures = page.locator(".message.bot .bubble", has_text=CITATION + "第").first
    expect(measures).to_be_visible(timeout=WAIT)
    expect(measures).to_contain_text(CITATION + "第")

    expect(page.locator(".quick-reply").first).to_be_visible(timeout=WAIT)
    screenshot(page)

    # a quick reply: its title is the person's bubble, its payload goes to the bot
    details = page.locator(".quick-reply", has_text="第1项详情")
    expect(details).to_be_visible()
    details.click()
    expect(page.locator(".message.user .bubble").last).to_have_text("第1项详情")
    expect(page.locator(".message.bot .bubble", has_text="原文：“").first).to_be_visible(timeout=WAIT)
    stored = page.evaluate(STORED)

    # a reload keeps the conversation (drawn from localStorage) and the session
    page.reload()
    expect(page.locator(".status")).to_have_text("在线", timeout=30_000)
    again = page.evaluate(STORED)
    assert again["sessionId"] == stored["sessionId"]
    assert len(again["messages"]) >= len(stored["messages"])
    expect(page.locator(".message:not(.typing)")).to_have_count(len(again["messages"]))
    expect(page.locator(".message.user .bubble").first).to_have_text("我是退伍军人，在柳州，想贷款")
    expect(page.locator(".message.bot .bubble", has_text=CITATION).first).to_be_attached()
    expect(page.locator(".message.bot .bubble", has_text="原文：“").first).to_be_attached()
    n = bot_bubbles(page).count()
    say(page, "哪个部门负责")   # the bot still knows the person's profile and the measure in focus
    assert "柳州" in replies_after(page, n, "牵头")

    # the socket was upgraded to a WebSocket and the bot's messages came over it
    assert any("bot_uttered" in str(frame) for frame in page.websocket_frames)

    # markup typed by the person is shown as text, never run
    replies = bot_bubbles(page).count()
    say(page, XSS)
    expect(page.locator(".message.user .bubble").last).to_have_text(XSS)
    expect(bot_bubbles(page)).not_to_have_count(replies, timeout=WAIT)
    page.wait_for_timeout(500)
    assert page.locator(".messages img").count() == 0
    assert page.dialogs == [] and page.errors == []


def test_embedded_in_another_site(servers, page):
    page.goto(servers["site"])
    launcher = page.locator(".launcher")
    expect(launcher).to_be_visible()         # the host page's `button {display: none}` stays outside
    launcher.click()
    expect(page.locator(".panel")).to_be_visible()
    expect(bot_bubbles(page).first).to_contain_text("创业扶持政策助手", timeout=WAIT)
    style = bot_bubbles(page).first.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).fontSize]")
    assert style == ["rgb(31, 35, 40)", "15px"], "the host page's CSS stays outside"
    assert page.evaluate("getComputedStyle(document.getElementById('cyzc-chat-widget')).position") == "fixed"
    n = bot_bubbles(page).count()
    say(page, "你是机器人吗")
    replies_after(page, n, "机器人")
    assert page.evaluate("() => window.io") == "the host page's io"
    assert page.dialogs == [] and page.errors == []


def test_site_not_allowed_cannot_connect(servers, page):
    page.goto(servers["stranger"])
    page.locator(".launcher").click()
    page.wait_for_timeout(3000)
    expect(page.locator(".status")).not_to_have_text("在线")
    assert bot_bubbles(page).count() == 0


def test_the_summary_opens_as_a_printable_page(servers, page, browser):
    """生成咨询清单 in the widget gives a link to the bot's
    /summary/<id> page; printed to PDF (print CSS) it holds the consultation.
    The page's screenshot goes to results/web/summary.png (and docs/summary.png
    when missing or UPDATE_DOCS_SCREENSHOT=1)."""
    page.goto(servers["demo"])
    expect(page.locator(".status")).to_have_text("在线", timeout=30_000)
    expect(bot_bubbles(page).first).to_contain_text("创业扶持政策助手", timeout=WAIT)
    say(page, "我是华侨，在南宁")
    summary_button = page.locator(".quick-reply", has_text="生成咨询清单")
    for _ in range(3):   # a question may come first: answer it with its first button
        expect(page.locator(".quick-reply").first).to_be_visible(timeout=WAIT)
        if summary_button.count():
            break
        page.locator(".quick-reply").first.click()
        page.wait_for_timeout(1500)
    summary_button.click()
    link = page.locator(".summary-link")
    expect(link).to_be_visible(timeout=WAIT)
    href = link.get_attribute("href")
    assert "/summary/" in href and href.startswith("http://127.0.0.1:")

    sheet = browser.new_context(viewport={"width": 900, "height": 1200}, locale="zh-CN").new_page()
    sheet.goto(href)
    expect(sheet.locator("h1")).to_have_text("创业扶持政策咨询清单")
    expect(sheet.locator(".profile")).to_contain_text("南宁")
    out = ROOT / "results" / "web"
    out.mkdir(parents=True, exist_ok=True)
    shot = out / "summary.png"
    sheet.screenshot(path=str(shot))
    docs_shot = ROOT / "docs" / "summary.png"
    if not docs_shot.exists() or os.environ.get("UPDATE_DOCS_SCREENSHOT") == "1":
        shutil.copy(shot, docs_shot)
    pdf = out / "summary.pdf"
    sheet.pdf(path=str(pdf), format="A4")
    sheet.context.close()
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed to read the printed summary: run `make browser-deps`")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    squeezed = "".join(text.split())
    for needle in ("创业扶持政策咨询清单", "南宁", "要问负责部门的问题", "规则版本", "12345", "《广西双创三年行动计划"):
        assert needle in squeezed, needle
    assert "打印/保存为PDF" not in squeezed, "the print button is hidden in print"
