"""Finding the rules: built-in rule modules and installed packages alike are pluggy plugins."""
from __future__ import annotations

import importlib
import os
import sys
import types
from functools import lru_cache

from .messages import msg
from .rule import Rule, rule_problem

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any, Optional

ENTRY_POINT_GROUP = "reportlint"
# The built-in rule families (each a module with the ``reportlint_rules`` hook, as a
# third-party one has) and their rules' names, in registration order; a rule's category
# is its family's last name.  A run knows every rule without importing a family, and
# imports a family when one of its rules is first used (tests/test_plugins.py holds this
# table to the families).
BUILTIN_RULES = {
    "reportlint.rules.duplicates": ("duplicate-block", "copied-passage"),
    "reportlint.rules.pairs": ("unmatched-pair", "reversed-quotes", "bad-nesting",
                               "mixed-width-pair"),
    "reportlint.rules.sections": ("missing-title", "missing-section", "section-order"),
    "reportlint.rules.headings": ("heading-sequence", "enumeration-sequence"),
    "reportlint.rules.residue": ("web-residue",),
    "reportlint.rules.arithmetic": ("subset-exceeds-total", "parts-sum-mismatch",
                                    "rate-mismatch", "rate-out-of-range", "balance-mismatch",
                                    "count-mismatch"),
    "reportlint.rules.wording": ("confusable-word", "variant-form", "phrase-form",
                                 "doubled-word", "doubled-punctuation", "width-consistency",
                                 "year-span-dash"),
    "reportlint.rules.gioa": ("gioa-balance", "gioa-row-total", "gioa-result-total",
                              "gioa-review-total", "gioa-blank-total", "gioa-table-unreadable",
                              "gioa-text-table", "gioa-part-count"),
}


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


class DeferredRule:
    """A built-in rule known by its name and category before its family is imported.
    Anything else (its severity and options when a run selects it, ``check`` when it runs,
    its documentation) comes from the family's rule, the family imported on first use."""

    __slots__ = ("name", "category", "family", "_rule")

    def __init__(self, name: str, category: str, family: str):
        self.name, self.category, self.family = name, category, family
        self._rule: Optional[Rule] = None

    def loaded(self) -> Rule:
        """The family's rule (the family imported now if it was not)."""
        if self._rule is None:
            self._rule = _family_rules(self.family)[self.name]
        return self._rule

    def __getattr__(self, attr: str):
        if attr.startswith("_"):   # copy, pickle and the like: not a reason to import
            raise AttributeError(attr)
        return getattr(self.loaded(), attr)

    def __repr__(self) -> str:
        return f"<rule {self.name}>"


@lru_cache(maxsize=None)
def _family_rules(family: str) -> dict:
    """A built-in family's rules by name, from its own ``reportlint_rules`` hook."""
    return {rule.name: rule for rule in importlib.import_module(family).reportlint_rules()}


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


def _plugin_manager():
    """pluggy's plugin manager with the hook specifications, quicker to register a module;
    pluggy is imported only when there is a plugin to register."""
    import pluggy

    from . import hookspecs

    class PluginManager(pluggy.PluginManager):
        def parse_hookimpl_opts(self, plugin, name: str):
            # pluggy looks at every name of a plugin, descriptors and all, and that took
            # milliseconds at each start for the rule modules' imports and constants.  A
            # name of a module that holds no function or method is no hook implementation.
            if isinstance(plugin, types.ModuleType) and not isinstance(
                    vars(plugin).get(name), (types.FunctionType, types.MethodType,
                                             staticmethod, classmethod)):
                return None
            return super().parse_hookimpl_opts(plugin, name)

    pm = PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _problem(exc: BaseException):
    """A validation error says what is wrong (a plugin's data has no lines to point at)."""
    return getattr(exc, "message", None) or _describe(exc)


def build_registry(builtin=None, entry_points=True, extra=()) -> Registry:
    """Load every plugin; a plugin that fails is an error message, never a traceback.

    ``builtin``: the modules to import now; None, the built-in families, each imported
    when one of its rules is first used (``DeferredRule``).
    """
    reg = Registry()
    if builtin is None:
        for family, names in BUILTIN_RULES.items():
            category = family.rpartition(".")[2]
            for name in names:
                reg.rules[name] = DeferredRule(name, category, family)
        builtin = ()
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
    if not plugins:
        return reg   # the usual run: the built-in families only, nothing to register
    pm = _plugin_manager()
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
