"""The layers of the tree, one way each:

- `bot/` is the Rasa-free core. Its packages import only the ones before them in
  CORE_ORDER (rules ← matching ← reading ← replies ← dialogue); `generate/` reads
  only the rules; `texts.py` and `script.py` are leaves any layer may use. The core
  imports no runtime library and none of the packages around it (actions, runtime,
  staff, drafting), but for the command line delegating to the drafter.
- `drafting/` uses only bot's public names.
- No module uses another module's private (`_name`) names.

An import across a line would make the core load Rasa (and TensorFlow) again or tie
two modules by their insides, so it fails here rather than in review."""
import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_LIBRARIES = {"rasa", "rasa_sdk", "sanic", "sanic_cors", "telegram", "socketio", "redis"}
OUTER_PACKAGES = {"actions", "runtime", "staff", "drafting", "localrun"}
PROJECT_PACKAGES = {"bot", *OUTER_PACKAGES}
CORE_ORDER = ("rules", "matching", "reading", "replies", "dialogue")
CORE_TOOLS = {"generate": {"rules"}}
CORE_LEAVES = {"texts", "script"}
PRODUCTION = ("actions", "bot", "drafting", "localrun", "runtime", "staff")


def python_files(*dirs: str) -> list[Path]:
    return sorted(p for d in dirs for p in (ROOT / d).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list((path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path(path.name)).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, own: str = "") -> list[tuple[str, list[str]]]:
    """(absolute module, names imported from it) for each import of the file (module `own`,
    by default the one its path names), relative ones resolved."""
    own = own or module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([module] if module else []))
            found.append((module, [alias.name for alias in node.names]))
    return found


def imported_modules(path: Path) -> set:
    """Every module the file imports, with `from p import m` counted as p.m too."""
    names = set()
    for module, items in imports(path):
        names.add(module)
        names.update(f"{module}.{item}" for item in items)
    return names


def core_part(module: str) -> str | None:
    """bot.rules.kb -> rules; bot.texts -> texts; bot -> None."""
    parts = module.split(".")
    return parts[1] if parts[0] == "bot" and len(parts) > 1 else None


def test_no_core_module_imports_a_runtime_library_or_an_outer_package():
    """Nor does the drafter (drafting/), which the command line runs without Rasa."""
    offenders = []
    for path in python_files("bot", "drafting"):
        for name in imported_modules(path):
            top = name.split(".")[0]
            delegated = top == "drafting" and module_name(path) == "bot.cli"
            if top in RUNTIME_LIBRARIES or (top in OUTER_PACKAGES - {"drafting"} and path.is_relative_to(ROOT / "bot")) \
                    or (top == "drafting" and path.is_relative_to(ROOT / "bot") and not delegated):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, "the core (bot/) and the drafter stay Rasa-free:\n" + "\n".join(offenders)


def layer_offences(path: Path, own: str = "") -> list[str]:
    """The imports of a core module that go against the order of the layers."""
    own = own or module_name(path)
    mine = core_part(own)
    if mine is None or mine in {"cli", "__main__"}:
        return []
    allowed = (set(CORE_ORDER[:CORE_ORDER.index(mine) + 1]) if mine in CORE_ORDER
               else CORE_TOOLS.get(mine, set()) | {mine}) | CORE_LEAVES
    if mine in CORE_LEAVES:
        allowed = {mine}
    out = []
    for module, items in imports(path, own):
        if module.split(".")[0] != "bot":
            continue
        used = [core_part(module)] if core_part(module) else [core_part(f"bot.{i}") for i in items]
        out += [f"{own} ({mine}) imports bot.{u}" for u in used if u not in allowed]
    return out


def test_the_core_layers_import_one_way():
    offenders = [o for path in python_files("bot") for o in layer_offences(path)]
    assert not offenders, f"bot/ layers, in order {' <- '.join(CORE_ORDER)}:\n" + "\n".join(offenders)


def test_every_core_package_has_its_place_in_the_order():
    parts = {p.name if p.is_dir() else p.stem for p in (ROOT / "bot").iterdir()
             if p.name not in {"__pycache__", "__init__.py"} and (p.is_dir() or p.suffix == ".py")}
    assert parts <= set(CORE_ORDER) | set(CORE_TOOLS) | CORE_LEAVES | {"cli", "__main__"}, parts


def test_the_layer_check_sees_an_import_against_the_order(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text("from ..replies import render\nfrom .. import texts\nfrom ..matching.engine import Engine\n")
    assert layer_offences(module, "bot.rules.probe") == ["bot.rules.probe (rules) imports bot.replies",
                                                         "bot.rules.probe (rules) imports bot.matching"]


def test_the_boundary_check_sees_an_offending_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\ndef f():\n    from rasa.core import agent\n    import redis.asyncio\n")
    assert {"rasa.core", "redis.asyncio"} <= {m for m, _ in imports(module)}


def test_the_packages_import_from_anywhere_without_path_tricks(tmp_path):
    """pyproject.toml, installed by `make install`, is what makes them importable."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = ("import bot.matching.engine, actions.actions, runtime.channels.telegram; "
            "print(bot.matching.engine.__file__)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert Path(done.stdout.strip()).resolve().is_relative_to(ROOT.resolve())


def test_no_sys_path_insert_in_project_code():
    offenders = [str(p.relative_to(ROOT)) for p in python_files(*PRODUCTION, "tests", "bench")
                 if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name != "test_layers.py"]
    assert not offenders, offenders


# ---- private names stay in their module -----------------------------------------------

def private_uses(path: Path) -> list[str]:
    """`_name`s of another project module that a module uses: imported (from bot.rules.kb
    import _x) or read as an attribute of a project module it imported (kbmod._load_measures)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    aliases, found = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if not node.level and module.split(".")[0] not in PROJECT_PACKAGES:
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"from {'.' * node.level}{module} import {alias.name}")
                else:
                    aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            aliases.update((a.asname or a.name).split(".")[0] for a in node.names
                           if a.name.split(".")[0] in PROJECT_PACKAGES)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                and isinstance(node.value, ast.Name) and node.value.id in aliases:
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_no_module_uses_another_modules_private_names():
    """drafting/ included: it uses the rules loader's public API (bot/rules/__init__.py)."""
    offenders = [f"{p.relative_to(ROOT)}: {use}" for p in python_files(*PRODUCTION) for use in private_uses(p)]
    assert not offenders, "private names stay in their module:\n" + "\n".join(offenders)


def test_the_private_use_check_sees_one(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from bot import rules as kbmod\nfrom bot.rules.kb import _Collector, load\n"
                      "from . import lists\nimport os\n"
                      "def f():\n    return kbmod._load_measures, kbmod.load, load, lists._numbers, os._exit\n")
    assert private_uses(module) == ["from bot.rules.kb import _Collector", "kbmod._load_measures", "lists._numbers"]


def test_drafting_reaches_bot_only_through_public_names():
    offenders = [f"{p.relative_to(ROOT)} imports {m}.{n}" for p in python_files("drafting")
                 for m, names in imports(p) if m.split(".")[0] == "bot" for n in names if n.startswith("_")]
    assert not offenders, offenders


def test_the_core_reaches_drafting_only_to_delegate_its_commands():
    users = sorted(str(p.relative_to(ROOT)) for p in python_files("bot")
                   if any(n.split(".")[0] == "drafting" for n in imported_modules(p)))
    assert users == ["bot/cli.py"]
