"""Rasa's HTTP API token (`rasa run --enable-api --auth-token T`) is read from the
query string only (`?token=T`) and compared with `==`: the token ends up in
nginx's and Sanic's access logs, in browser history and in Referer headers.
Here it is read from the `Authorization: Bearer T` header, compared in constant
time, and a request that puts it in the URL is refused (401, saying where it
goes). JWT (`--jwt-secret`) and an API without a token behave as in Rasa.

Replaces rasa.server.requires_auth, the decorator create_app applies to every
API route when it builds the app (so it must be installed before, as the
launcher does)."""
from __future__ import annotations

import hmac
from functools import wraps
from http import HTTPStatus

from .base import replace

NAME = "api_auth"
IN_URL = ("Send the API token in the Authorization header (Authorization: Bearer <token>), "
          "not in the URL.")


def install() -> bool:
    import rasa.server

    original = rasa.server.requires_auth

    def requires_auth(app, token=None):
        def decorator(f):
            rasa_checked = original(app, token)(f)     # JWT, or no authentication at all

            @wraps(f)
            async def decorated(request, *args, **kwargs):
                if token is not None:
                    if "token" in request.args:
                        raise rasa.server.ErrorResponse(HTTPStatus.UNAUTHORIZED, "NotAuthenticated", IN_URL)
                    if bearer_matches(request.headers.get("authorization"), token):
                        result = f(request, *args, **kwargs)
                        return await result if hasattr(result, "__await__") else result
                return await rasa_checked(request, *args, **kwargs)
            return decorated
        return decorator

    return replace(rasa.server, "requires_auth", requires_auth, NAME)


def bearer_matches(header, token: str) -> bool:
    if not header or header[:7].lower() != "bearer ":
        return False
    return hmac.compare_digest(header[7:].strip().encode(), token.encode())
