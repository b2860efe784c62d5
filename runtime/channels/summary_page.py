"""GET /summary/<id>: the printable consultation summary (runtime/summary_store.py).

A summary is one person's page: it is never indexed or cached (X-Robots-Tag,
the page's robots meta, Cache-Control), sends no Referer to the links it holds,
answers 404 once expired, and each client address is counted with the other
public channels (CLIENT_LIMIT_PER_MINUTE), so ids cannot be tried in bulk.

Rasa mounts each input channel's blueprint under /webhooks/ + url_prefix();
an absolute url_prefix replaces that, so this "channel" serves /summary/<id>
(HTML with print CSS) and /summary/<id>.txt next to the REST and socket.io
channels. It receives no messages. Listed in credentials*.yml.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from runtime import rate_limit, summary_store

HEADERS = {"X-Robots-Tag": "noindex, nofollow, noarchive", "Cache-Control": "no-store",
           "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"}
NOT_FOUND = "没有找到这份咨询清单（链接可能有误，或已过期）。"


class SummaryPage(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "summary"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls()

    def url_prefix(self) -> Text:
        return "/summary"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("summary_page", __name__)

        @bp.route("/<summary_id:str>", methods=["GET"])
        async def page(request: Request, summary_id: Text) -> HTTPResponse:
            if not rate_limit.client_allowed(rate_limit.client_address(request)):
                return response.text("请求太多，请稍等一分钟再打开。", status=429, headers=HEADERS)
            plain = summary_id.endswith(".txt")
            record = summary_store.load(summary_id[:-4] if plain else summary_id)
            if record is None:
                return response.text(NOT_FOUND, status=404, headers=HEADERS)
            if plain:
                return response.text(record["text"], headers=HEADERS)
            return response.html(record["html"], headers=HEADERS)

        return bp
