"""pytest with Rasa and the other runtime libraries unimportable, to show that the
core's tests (tests/bot, tests/drafting) need none of them:

    python -m tests.run_without_rasa -q tests/bot tests/drafting

`make unit` runs the core's tests this way, and the others as usual."""
import sys

BLOCKED = {"rasa", "rasa_sdk", "sanic", "sanic_cors", "sanic_routing", "telegram", "socketio", "engineio",
           "redis", "tensorflow", "actions", "runtime", "staff", "localrun"}


class Unimportable:
    """A finder that refuses the blocked packages before any other finder is asked."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked: the core runs without it)", name=name)
        return None


def main(argv: list) -> int:
    sys.meta_path.insert(0, Unimportable())
    import pytest

    return pytest.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
