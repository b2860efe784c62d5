"""One Telegram conversation end to end: `rasa run` with the Telegram channel
in webhook mode, python-telegram-bot talking to a fake Bot API on loopback,
the real action server and the trained model."""
import secrets

import requests

from tests.runtime.channels.fake_telegram import TOKEN, FakeTelegram, callback_update, text_update

from localrun import servers
from localrun.servers import start_bot, stop

GUANGXI = "《广西双创三年行动计划（2021—2023年）》"


def keyboard(sent: dict) -> list:
    return [b for row in (sent.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def test_telegram_conversation(tmp_path, action_server, monkeypatch):
    fake = FakeTelegram().start_in_thread()
    secret = secrets.token_urlsafe(24)
    credentials = tmp_path / "credentials.telegram.yml"
    credentials.write_text(
        "runtime.channels.telegram.TelegramInput:\n"
        "  mode: webhook\n"
        "  webhook_url: https://bot.example.org/webhooks/telegram/webhook\n"
        f"  secret_token: {secret}\n"
        f"  base_url: {fake.base_url}\n", encoding="utf-8")
    monkeypatch.setitem(servers.ENV, "TELEGRAM_BOT_TOKEN", TOKEN)
    proc, client = start_bot(tmp_path, action_server, extra=["--credentials", str(credentials)])
    url = f"{client.url}/webhooks/telegram/webhook"
    try:
        fake.wait_for_sync("setWebhook", 1, timeout=30)
        assert fake.webhook["secret_token"] == secret

        def post(update, key=secret):
            headers = {"X-Telegram-Bot-Api-Secret-Token": key} if key else {}
            return requests.post(url, json=update, headers=headers, timeout=60)

        assert post(text_update(1, "你好"), key="wrong").status_code == 403
        assert fake.sent() == []

        r = post(text_update(2, "我是退伍军人，在柳州，想贷款", chat_id=777, user_id=777))
        assert r.status_code == 200, r.text
        replies = fake.wait_for_sync("sendMessage", 1, timeout=60)
        assert all(s["parse_mode"] == "HTML" and s["chat_id"] == "777" for s in replies)
        text = "\n".join(s["text"] for s in replies)
        if GUANGXI not in text:
            asked = [s for s in replies if keyboard(s)]
            assert asked, f"neither measures nor a question with buttons: {text}"
            button = keyboard(asked[-1])[0]
            before = len(replies)
            r = post(callback_update(3, button["callback_data"], chat_id=777, user_id=777))
            assert r.status_code == 200, r.text
            assert fake.called("answerCallbackQuery")
            replies = fake.wait_for_sync("sendMessage", before + 1, timeout=60)[before:]
            text = "\n".join(s["text"] for s in replies)
        assert GUANGXI in text
    finally:
        stop(proc)
        fake.stop_thread()
