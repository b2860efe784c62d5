"""Rasa's own command line, with the project's patches installed first:

    python -m runtime run --model models/current.tar.gz --endpoints endpoints.yml ...
    python -m runtime shell --model models/current.tar.gz --endpoints endpoints.yml
    python -m runtime test core ...

The arguments are exactly `rasa`'s. Commands that handle no conversation
(train, data, init, ...) do not need the patches and run unpatched, as with
`rasa`. See runtime/patches/__init__.py for what is installed and why.

`shell` listens on loopback unless told otherwise (`--interface`): Rasa's shell
talks to its own server over an unauthenticated REST channel, which is the
staff's trusted local mode (make run), never a public one.
"""
from __future__ import annotations

import logging
import os
import sys

# Commands that load no agent: no patches needed (and none would apply).
UNPATCHED = {"train", "data", "init", "visualize", "export", "telemetry", "-h", "--help", "--version"}


def rasa_arguments(argv: list) -> list:
    """`rasa`'s arguments for our command line: the same, with `shell` on loopback by default."""
    argv = list(argv)
    if argv and argv[0] == "shell" and not any(a == "-i" or a.startswith("--interface") for a in argv):
        argv += ["--interface", "127.0.0.1"]
    return argv


def main(argv: list | None = None) -> None:
    argv = rasa_arguments(sys.argv[1:] if argv is None else argv)
    # Sanic imports distutils (for strtobool); setuptools' shim would import all of
    # setuptools for it (0.3 s and 18 MB of every start). Python's own distutils does.
    os.environ.setdefault("SETUPTOOLS_USE_DISTUTILS", "stdlib")
    if argv and argv[0] not in UNPATCHED:
        from runtime import patches

        # Rasa configures logging later (and replaces this handler); until then
        # the patches' one log line would be dropped.
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-8s %(name)s  - %(message)s")
        try:
            patches.install()
        except patches.UnexpectedVersion as exc:
            raise SystemExit(f"refusing to start: {exc}")
        from runtime import secret

        secret.check()     # the widget's sessions are signed with it
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *argv]
    rasa_main()


if __name__ == "__main__":
    main()
