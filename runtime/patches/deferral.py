"""Modules imported on first use: an import hook (`sys.meta_path`) that gives a
listed module a module object whose code runs the first time one of its names
is read. Importing it, binding it (`import a.b`, `from a import b`) and asking
for its spec, file or path cost nothing; `from a.b import name`, `a.b.name`
or `getattr` run it, exactly as a normal import would have, only later.

A listed package's own code (its __init__) is deferred the same way, while its
submodules are imported as usual. A name the package only re-exports from one
of its submodules (`SURFACE`) is read from that submodule without running the
package. Used by training_on_demand.py and channels_on_demand.py.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
import types

_lock = threading.RLock()
_pending: dict = {}        # module name -> its real loader, until its code has run
_wanted: set = set()       # names the hook defers
_surface: dict = {}        # package -> the submodule whose names it re-exports
_ahead: dict = {}          # module -> {name: function giving the value before the module runs}


class DeferredModule(types.ModuleType):
    """A module whose code has not run yet: reading a name it lacks runs it."""

    def __getattr__(self, name: str):
        if name != "__path__":      # asked of a plain module by the import system: not there
            _resolve(self, name)
        try:
            return self.__dict__[name]
        except KeyError:   # also while its code runs (a circular import), as with any module
            raise AttributeError(f"module {self.__spec__.name!r} has no attribute {name!r}") from None


def _resolve(module: types.ModuleType, name: str) -> None:
    package = module.__spec__.name
    if module.__spec__.submodule_search_locations is not None and not name.startswith("__"):
        if importlib.util.find_spec(f"{package}.{name}") is not None:
            importlib.import_module(f"{package}.{name}")   # sets the package's attribute
            return
        surface = _surface.get(package)
        if surface and hasattr(importlib.import_module(f"{package}.{surface}"), name):
            setattr(module, name, getattr(sys.modules[f"{package}.{surface}"], name))
            return
    run(module)


def run(module: types.ModuleType) -> None:
    """Run a deferred module's code now (once; nothing for a module whose code has run)."""
    with _lock:
        name = module.__spec__.name
        loader = _pending.pop(name, None)
        if loader is None:
            return
        module.__spec__.loader = module.__loader__ = loader
        try:
            loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
        finally:
            module.__class__ = types.ModuleType


def deferred(name: str) -> bool:
    """True while the module `name` is imported but its code has not run."""
    return name in _pending


class _Loader(importlib.abc.Loader):
    def __init__(self, real):
        self.real = real

    def create_module(self, spec):
        return DeferredModule(spec.name)

    def exec_module(self, module):
        name = module.__spec__.name
        _pending[name] = self.real
        for attribute, make in _ahead.get(name, {}).items():
            setattr(module, attribute, make(module.__spec__))


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in _wanted:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def defer(modules, surface: dict | None = None, ahead: dict | None = None) -> list[str]:
    """Defer `modules` (imported after this call); returns those already imported,
    which it cannot defer. `surface`: package -> submodule it re-exports;
    `ahead`: module -> {name: callable(spec) giving that name before the module runs}."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    _wanted.update(modules)
    _surface.update(surface or {})
    for module, names in (ahead or {}).items():
        _ahead.setdefault(module, {}).update(names)
    return sorted(m for m in modules if m in sys.modules)
