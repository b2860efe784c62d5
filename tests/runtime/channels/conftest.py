"""Every channel test runs with the fake Telegram's token and Sanic in test mode."""
import pytest
from sanic import Sanic


@pytest.fixture(autouse=True)
def token(monkeypatch):
    from .fake_telegram import TOKEN
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    # several Sanic servers in one process, as sanic-testing does it
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.delenv("TELEGRAM_WEBHOOK_SECRET", raising=False)
