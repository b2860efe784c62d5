"""The layer line: `bot` is the Rasa-free core, `runtime` the Rasa side.

The core is what the CLI, the tests of the dialogue policy and a future channel
use without Rasa; an import of a runtime library there would make it load Rasa
(and TensorFlow) again, so it fails here rather than in review."""
import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_LIBRARIES = {"rasa", "rasa_sdk", "sanic", "sanic_cors", "telegram", "socketio", "redis", "runtime"}


def imported_modules(path: Path) -> set:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_a_runtime_library():
    """Nor does the drafter (drafting/), which the command line runs without Rasa."""
    offenders = []
    for path in sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "drafting").rglob("*.py")]):
        for name in imported_modules(path):
            if name.split(".")[0] in RUNTIME_LIBRARIES:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, "the core (bot/) must stay Rasa-free:\n" + "\n".join(offenders)


def test_the_boundary_check_sees_an_offending_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\ndef f():\n    from rasa.core import agent\n    import redis.asyncio\n")
    assert {"rasa.core", "redis.asyncio"} <= imported_modules(module)


def test_the_packages_import_from_anywhere_without_path_tricks(tmp_path):
    """pyproject.toml, installed by `make install`, is what makes them importable."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = "import bot.engine, actions.actions, runtime.channels.telegram; print(bot.engine.__file__)"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert Path(done.stdout.strip()).resolve().is_relative_to(ROOT.resolve())


def test_no_sys_path_insert_in_project_code():
    offenders = [str(p.relative_to(ROOT)) for d in ("bot", "runtime", "tests", "bench")
                 for p in (ROOT / d).rglob("*.py")
                 if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name != "test_layers.py"]
    assert not offenders, offenders


# ---- drafting/: outside the core, on its public API -----------------------------------

def private_uses(path: Path) -> list[str]:
    """`_name`s of bot a module uses: imported from bot (from bot.kb import _x) or read
    as an attribute of a bot module it imported (kbmod._load_measures)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    bot_aliases, found = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "bot":
            for alias in node.names:
                if alias.name.startswith("_"):
                    found.append(f"from {node.module} import {alias.name}")
                else:
                    bot_aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "bot":
                    bot_aliases.add((alias.asname or alias.name).split(".")[0])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                and isinstance(node.value, ast.Name) and node.value.id in bot_aliases:
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_drafting_uses_only_the_public_api_of_bot():
    offenders = [f"{p.relative_to(ROOT)}: {use}" for p in sorted((ROOT / "drafting").rglob("*.py"))
                 for use in private_uses(p)]
    assert not offenders, "drafting/ must use bot's public API only:\n" + "\n".join(offenders)


def test_the_private_use_check_sees_one(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from bot import kb as kbmod\nfrom bot.kb import _Collector, load\n"
                      "def f():\n    return kbmod._load_measures, kbmod.load, load\n")
    assert private_uses(module) == ["from bot.kb import _Collector", "kbmod._load_measures"]


def test_the_core_reaches_drafting_only_to_delegate_its_commands():
    users = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "bot").rglob("*.py")
                   if any(n.split(".")[0] == "drafting" for n in imported_modules(p)))
    assert users == ["bot/cli.py"]
