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
    offenders = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
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
    code = "import bot.engine, runtime.actions, runtime.channels.telegram; print(bot.engine.__file__)"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert Path(done.stdout.strip()).resolve().is_relative_to(ROOT.resolve())


def test_no_sys_path_insert_in_project_code():
    offenders = [str(p.relative_to(ROOT)) for d in ("bot", "runtime", "tests", "bench")
                 for p in (ROOT / d).rglob("*.py")
                 if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name != "test_layers.py"]
    assert not offenders, offenders
