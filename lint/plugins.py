"""Finding the rules: built-in rule modules and installed packages alike are pluggy plugins."""
from __future__ import annotations

import importlib
import os
import sys
import types
from functools import lru_cache
from typing import Any, Optional

import pluggy

from . import hookspecs
from .messages import msg
from .rule import rule_problem

ENTRY_POINT_GROUP = "reportlint"
# The built-in rule families, registered exactly as a third-party module is.
BUILTIN_PLUGINS = (
    "reportlint.rules.duplicates",
    "reportlint.rules.pairs",
    "reportlint.rules.sections",
    "reportlint.rules.headings",
    "reportlint.rules.residue",
    "reportlint.rules.arithmetic",
    "reportlint.rules.wording",
    "reportlint.rules.gioa",
)


class Registry:
    """The rules, document types and vocabulary that the plugins offer (a plain class: a
    dataclass costs a millisecond at every start)."""

    def __init__(self) -> None:
        self.rules: dict = {}     # name -> Rule, in registration order
        self.errors: list = []    # messages about plugins that failed
        # The document types the built-in ones and the plugins offer; None: the built-in ones.
        self.profiles: Optional[dict] = None
        # What the plugins add to the vocabulary (the ``vocab:`` schema); None: nothing.
        self.vocab: Optional[dict] = None

    def categories(self) -> set:
        return {r.category for r in self.rules.values()}

    def describe(self, name: str):
        """The rule named ``name``, a pseudo-rule (reported, never run) included, or None."""
        from .rule import PSEUDO_RULES

        return self.rules.get(name) or PSEUDO_RULES.get(name)

    def known_profiles(self) -> dict:
        """The document types: the built-in ones and the plugins'."""
        from .profiles import builtin_profiles

        return self.profiles or builtin_profiles()


def _may_have_plugins() -> bool:
    """Whether any installed distribution declares a ``reportlint`` entry point.

    importlib.metadata costs tens of milliseconds to import and scan; reading the
    entry_points.txt files on sys.path first keeps a plain run's start-up short.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as f:
                        if marker in f.read():
                            return True
                except OSError:
                    continue
    return False


def _entry_points():
    if not _may_have_plugins():
        return []
    from importlib.metadata import entry_points
    try:
        return list(entry_points(group=ENTRY_POINT_GROUP))
    except TypeError:  # Python < 3.10
        return list(entry_points().get(ENTRY_POINT_GROUP, ()))


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, quicker to register a module."""

    def parse_hookimpl_opts(self, plugin, name: str):
        # pluggy looks at every name of a plugin, descriptors and all, and that took
        # milliseconds at each start for the rule modules' imports and constants.  A name
        # of a module that holds no function or method is no hook implementation.
        if isinstance(plugin, types.ModuleType) and not isinstance(
                vars(plugin).get(name), (types.FunctionType, types.MethodType,
                                         staticmethod, classmethod)):
            return None
        return super().parse_hookimpl_opts(plugin, name)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _problem(exc: BaseException):
    """A validation error says what is wrong (a plugin's data has no lines to point at)."""
    return getattr(exc, "message", None) or _describe(exc)


def build_registry(builtin=BUILTIN_PLUGINS, entry_points=True, extra=()) -> Registry:
    """Load every plugin; a plugin that fails is an error message, never a traceback."""
    pm = _PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    reg = Registry()
    plugins = []
    for name in builtin:
        try:
            plugins.append((name, importlib.import_module(name)))
        except Exception as e:
            reg.errors.append(msg("built-in rules {name} failed to load: {error}", name=name,
                                  error=_describe(e)))
    if entry_points:
        for ep in _entry_points():
            try:
                plugins.append((f"entry point {ep.name} ({ep.value})", ep.load()))
            except Exception as e:
                reg.errors.append(msg("plugin {name} failed to load: {error}",
                                      name=f"{ep.name} ({ep.value})", error=_describe(e)))
    plugins.extend((getattr(p, "__name__", repr(p)), p) for p in extra)
    for label, plugin in plugins:
        try:
            pm.register(plugin, name=label)
        except Exception as e:
            reg.errors.append(msg("plugin {name} failed to register: {error}", name=label,
                                  error=_describe(e)))
    # Call each implementation on its own so that a failing one is named and skipped.
    for impl in pm.hook.reportlint_rules.get_hookimpls():
        try:
            # Any: what a plugin returns is checked here (list() of a non-iterable raises,
            # rule_problem looks at each item).
            returned: Any = impl.function()
            results = list(returned or ())
        except Exception as e:
            reg.errors.append(msg("plugin {name} failed: {error}", name=impl.plugin_name,
                                  error=_describe(e)))
            continue
        for rule in results:
            problem = rule_problem(rule)
            if problem:
                reg.errors.append(msg("plugin {name}: {problem}", name=impl.plugin_name,
                                      problem=problem))
            elif rule.name in reg.rules:
                reg.errors.append(msg("plugin {name}: rule {rule} is already defined",
                                      name=impl.plugin_name, rule=rule.name))
            else:
                reg.rules[rule.name] = rule
    _add_profiles(pm, reg)
    _add_vocab(pm, reg)
    return reg


def _add_profiles(pm, reg: Registry) -> None:
    """The plugins' document types, each plugin's validated on top of the others'."""
    impls = pm.hook.reportlint_profiles.get_hookimpls()
    if not impls:
        return  # the usual case: the built-in data stays unread until a document needs it
    from .profiles import builtin_profiles, extend_profiles

    known = builtin_profiles()
    for impl in impls:
        try:
            known = extend_profiles(known, list(impl.function() or ()), f"plugin {impl.plugin_name}")
        except Exception as e:  # the plugin's profiles are not used
            reg.errors.append(msg("plugin {name}: profiles: {problem}", name=impl.plugin_name,
                                  problem=_problem(e)))
    reg.profiles = known


def _add_vocab(pm, reg: Registry) -> None:
    """The plugins' vocabulary, validated, in one ``vocab:`` mapping."""
    impls = pm.hook.reportlint_vocab.get_hookimpls()
    if not impls:
        return
    from .vocab import combined, validate

    parts = []
    for impl in impls:
        try:
            parts.append(validate(impl.function() or {}, f"plugin {impl.plugin_name}"))
        except Exception as e:
            reg.errors.append(msg("plugin {name}: vocab: {problem}", name=impl.plugin_name,
                                  problem=_problem(e)))
    reg.vocab = combined(*parts) or None


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return build_registry()
