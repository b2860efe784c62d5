"""The action server: rasa-sdk's app for the `actions` package (actions/), locked down.

    python -m runtime.action_server [--port 5055] [--host 127.0.0.1]

- Binds ACTION_SERVER_HOST (default 127.0.0.1, loopback only), not rasa-sdk's 0.0.0.0.
- When ACTION_SERVER_TOKEN is set, every call except GET /health must carry it
  in the X-Action-Token header (endpoints.yml makes Rasa send it); others get 403.
- Refuses to listen beyond loopback without a token: anyone who can reach
  /webhook could otherwise run our actions with a forged tracker.
- No CORS: only the Rasa server calls it, never a browser.
"""
from __future__ import annotations

import argparse
import hmac
import ipaddress
import logging
import os
import sys

HEADER = "X-Action-Token"
OPEN_PATHS = {"/health"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(token: str, package: str = "actions"):
    from rasa_sdk.endpoint import create_app as sdk_app
    from sanic import response

    app = sdk_app(package, cors_origins=None)

    @app.on_request
    async def require_token(request):
        if not token or request.path in OPEN_PATHS:
            return None
        given = request.headers.get(HEADER, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            logging.getLogger(__name__).warning("action call without a valid %s from %s",
                                                HEADER, request.ip)
            return response.json({"error": "forbidden"}, status=403)
        return None

    return app


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_SERVER_PORT", 5055)))
    parser.add_argument("--host", default=os.environ.get("ACTION_SERVER_HOST") or "127.0.0.1")
    args = parser.parse_args(argv)
    token = os.environ.get("ACTION_SERVER_TOKEN", "")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not token and not is_loopback(args.host):
        print(f"refusing to listen on {args.host} without ACTION_SERVER_TOKEN: set a shared "
              "secret (see .env.example) or bind 127.0.0.1", file=sys.stderr)
        return 2
    app = create_app(token)
    logging.getLogger(__name__).info("action server on http://%s:%d (%s)", args.host, args.port,
                                     "token required" if token else "loopback, no token")
    app.run(host=args.host, port=args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
