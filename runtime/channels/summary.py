"""GET /summary/<id>: the printable consultation summary (runtime/summaries.py).

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

from runtime import summaries


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
        async def page(_: Request, summary_id: Text) -> HTTPResponse:
            plain = summary_id.endswith(".txt")
            record = summaries.load(summary_id[:-4] if plain else summary_id)
            if record is None:
                return response.text("没有找到这份咨询清单（链接可能有误）。", status=404)
            if plain:
                return response.text(record["text"])
            return response.html(record["html"], headers={"Cache-Control": "no-store"})

        return bp
