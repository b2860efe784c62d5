"""config/embedded.env: the embedded defaults endpoints.yml needs, for Python
callers (tests, benchmarks, localrun/cluster.py). `make` and scripts/env.sh
read the same file."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

EMBEDDED = Path(__file__).resolve().parents[1] / "config" / "embedded.env"
_LINE = re.compile(r"^([A-Z_][A-Z0-9_]*)=(.*)$")


def read(path: Path = EMBEDDED) -> dict[str, str]:
    """KEY=value lines of an env file (comments and blank lines skipped)."""
    values = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise ValueError(f"{path}:{n}: expected KEY=value, got {line!r}")
        values[match.group(1)] = match.group(2)
    return values


def with_defaults(env: Mapping[str, str], path: Path = EMBEDDED) -> dict[str, str]:
    """`env` plus every default it does not set."""
    return {**read(path), **env}
