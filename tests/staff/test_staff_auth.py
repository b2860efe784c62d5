"""Who may open the staff console: the token rules (staff/auth.py)
and a real console process answering 401 without the token."""
import os
import subprocess
import sys

import pytest
import requests

from localrun.servers import free_port, start, stop, wait_for
from staff import auth, sample

TOKEN = "staff-test-token-0123456789"


def test_bearer_header_or_session_cookie():
    assert auth.authorized(TOKEN, f"Bearer {TOKEN}", None)
    assert auth.authorized(TOKEN, f"bearer {TOKEN}", None)
    assert not auth.authorized(TOKEN, "Bearer wrong", None)
    assert not auth.authorized(TOKEN, f"Basic {TOKEN}", None)
    assert not auth.authorized(TOKEN, None, None)
    assert auth.authorized(TOKEN, None, auth.session_value(TOKEN))
    assert not auth.authorized(TOKEN, None, TOKEN)                  # the cookie never holds the token itself
    assert not auth.authorized(TOKEN, None, auth.session_value("other"))
    assert not auth.authorized("", "Bearer ", None)


def test_every_comparison_is_constant_time(monkeypatch):
    calls = []
    real = auth.hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    auth.authorized(TOKEN, "Bearer guess", None)
    auth.authorized(TOKEN, None, "guess")
    assert auth.token_matches("guess", TOKEN) is False
    assert len(calls) == 3


def test_no_console_without_a_token_and_none_beyond_loopback_with_a_weak_one():
    with pytest.raises(auth.BindRefused, match="STAFF_TOKEN"):
        auth.check_bind("127.0.0.1", "")
    with pytest.raises(auth.BindRefused, match="STAFF_TOKEN"):
        auth.check_bind("0.0.0.0", None)
    with pytest.raises(auth.BindRefused, match="not loopback"):
        auth.check_bind("0.0.0.0", "short")
    auth.check_bind("127.0.0.1", "short")
    auth.check_bind("::1", "short")
    auth.check_bind("0.0.0.0", TOKEN)


def test_serve_refuses_a_public_bind_without_a_token(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "STAFF_TOKEN"}
    done = subprocess.run([sys.executable, "-m", "staff", "--url", f"sqlite:///{tmp_path / 'x.db'}",
                           "serve", "--host", "0.0.0.0", "--port", str(free_port())],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and "STAFF_TOKEN" in done.stderr


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("console")
    url = f"sqlite:///{tmp / 'tracker.db'}"
    sample.record(url)
    port = free_port()
    log = tmp / "console.log"
    proc = start([sys.executable, "-m", "staff", "--url", url, "serve", "--port", str(port)], log,
                 env=dict(os.environ, STAFF_TOKEN=TOKEN))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/login", proc, log, timeout=120)
        yield base
    finally:
        stop(proc)


def test_401_without_the_token_on_every_page_and_export(console):
    for path in ("/overview", "/misunderstood", "/coverage", "/demand", "/feedback", "/conversations",
                 "/conversation?sender=alice", "/overview?table=per_day"):
        r = requests.get(console + path, allow_redirects=False, timeout=30)
        assert r.status_code == 401, path
        assert "alice" not in r.text and "令牌" in r.text
        assert requests.get(console + path, headers={"Authorization": "Bearer nope"}, timeout=30).status_code == 401
    r = requests.post(console + "/misunderstood/review", data={"key": "怎么申请"}, allow_redirects=False, timeout=30)
    assert r.status_code == 401


def test_bearer_token_and_login_form(console):
    r = requests.get(console + "/conversation?sender=alice", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 200 and "第1条" in r.text
    s = requests.Session()
    assert s.post(console + "/login", data={"token": "wrong"}, allow_redirects=False, timeout=30).status_code == 401
    r = s.post(console + "/login", data={"token": TOKEN}, allow_redirects=False, timeout=30)
    assert r.status_code == 302
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    r = s.get(console + "/overview?from=2026-11-20&to=2026-11-21", timeout=30)
    assert r.status_code == 200 and "script-src" not in r.headers["content-security-policy"]
    assert "default-src 'none'" in r.headers["content-security-policy"]
    csv = s.get(console + "/overview?from=2026-11-20&to=2026-11-21&table=per_day", timeout=30)
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").splitlines() == ["日期,对话数,用户消息数", "2026-11-20,3,9", "2026-11-21,3,8"]


def test_markup_people_wrote_is_shown_as_text(console):
    r = requests.get(console + "/misunderstood?from=2026-11-20&to=2026-11-21",
                     headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert sample.XSS not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text
