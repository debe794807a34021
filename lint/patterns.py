"""Regular expressions at start-up: compiled on first use, and kept compiled between runs."""
from __future__ import annotations

import marshal
import os
import re
import sys

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional


class Lazy:
    """A regular expression compiled when first used.  The residue scan has dozens that
    prose never meets, and a character class over large Unicode ranges takes milliseconds
    to compile: compiling them all at import took about a sixth of the start-up of a plain
    run."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        # Called only while ``name`` is missing: compile, and put the compiled pattern's
        # methods on this object, so that later calls go straight to them.
        if name not in _PATTERN_METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _PATTERN_METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


_PATTERN_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "split", "sub")


# -- compiled patterns kept between runs ---------------------------------------------------
#
# A run needs about a hundred patterns (numbers, the Document's structure, the residue
# scan, the rules, the word list's anchors) and the stdlib compiles each in Python: about
# 45 ms, a fifth of a cold start.  What the compiler produces is a list of integers (the
# "sre code") that CPython's _sre turns into a Pattern in microseconds.  The command line
# keeps that code in the user's cache folder and puts the patterns back into re's own cache
# at the next start, so that every ``re.compile`` (module level, Lazy, built from a word
# list) finds its pattern already compiled.
#
# Private interfaces, guarded: the code is stored only when the Pattern rebuilt from it
# compares equal to what ``re.compile`` gave (Pattern equality compares the flags, the
# pattern and the code), and read back only by the very interpreter build that wrote it
# (its version string and _sre's magic number and code size); _sre validates the code it
# is given.  Anything unexpected (another implementation, a re without its dict cache, a
# broken file) leaves the store unused: patterns are then compiled as usual.

STORE_LIMIT = 400   # below re's own cache size (512), so that priming never evicts
_store: Optional[dict] = None    # (pattern, flags) -> entry, read this run; None: unused
# (pattern, flags) -> the code re's compiler made for it in this process, kept so that
# save_compiled need not compile a new pattern a second time to learn its code (that took
# as long as the first compile: about 45 ms of a run with an empty cache folder).
_made: dict = {}
_recording = False


def _compiler():
    """re's compiler and parser modules (named sre_compile, sre_parse before 3.11)."""
    if sys.version_info >= (3, 11):
        return re._compiler, re._parser   # type: ignore[attr-defined]
    import sre_compile
    import sre_parse

    return sre_compile, sre_parse


def _identity() -> list:
    """The store's format (1) and the interpreter build whose _sre its code is for."""
    import _sre

    return [1, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
            _sre.MAXREPEAT, _sre.MAXGROUPS]


def _usable() -> bool:
    return (sys.implementation.name == "cpython"
            and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(_compiler()[0], "_code"))


def _store_path() -> str:
    from .datacache import cache_dir

    return os.path.join(cache_dir(), f"patterns-{sys.implementation.cache_tag}.marshal")


def load_compiled() -> None:
    """Put the patterns the last runs compiled into re's cache (once per process)."""
    global _store
    if _store is not None or not _usable():
        return
    import _sre

    _store = {}
    _record_compiles()
    try:
        with open(_store_path(), "rb") as f:
            identity, entries = marshal.loads(f.read())
    except (OSError, ValueError, TypeError, EOFError):
        return
    if identity != _identity():
        return
    cache = re._cache   # type: ignore[attr-defined]
    for entry in entries:
        try:
            pattern, flags, final_flags, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex,
                                    tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError):
            continue   # not what this interpreter's _sre accepts: compiled when needed
        cache.setdefault((str, pattern, flags), compiled)
        _store[pattern, flags] = entry


def _record_compiles() -> None:
    """From now on, keep the code of each pattern that re compiles from a string.  The
    compiler calls its ``_code`` once per ``compile``; both are wrapped, once a process."""
    global _recording
    if _recording:
        return
    _recording = True
    compiler, _ = _compiler()
    compile_, code_ = compiler.compile, compiler._code
    made: list = []

    def code(p, flags):
        made.append(code_(p, flags))
        return made[-1]

    def compile(p, flags=0):
        made.clear()
        compiled = compile_(p, flags)
        if isinstance(p, str) and len(made) == 1:
            _made[p, flags] = made[0]
        return compiled

    compiler._code, compiler.compile = code, compile


def stored(pattern: str, flags: int = 0) -> bool:
    """Whether the store put ``pattern`` into re's cache at the start of this run: compiling
    it costs nothing."""
    return _store is not None and (pattern, flags) in _store


def save_compiled() -> None:
    """Keep the patterns this run compiled that the store does not hold yet."""
    if _store is None:
        return
    new = []
    for (kind, pattern, flags), compiled in list(re._cache.items()):  # type: ignore[attr-defined]
        if kind is str and (pattern, flags) not in _store and not flags & re.DEBUG:
            entry = _entry(pattern, flags, compiled)
            if entry is not None:
                new.append(entry)
    if not new:
        return
    kept = list(_store.values())
    entries = kept + new if len(kept) + len(new) <= STORE_LIMIT else new[-STORE_LIMIT:]
    from .datacache import store

    store(_store_path(), marshal.dumps((_identity(), entries)))
    _store.update(((e[0], e[1]), e) for e in new)


def _entry(pattern: str, flags: int, compiled) -> Optional[list]:
    """What rebuilds ``compiled``, or None when the rebuilt pattern would differ."""
    import _sre

    compiler, parser = _compiler()
    try:
        made = _made.pop((pattern, flags), None)
        if made is None:   # compiled before the recording began
            made = compiler._code(parser.parse(pattern, flags), flags)
        # Plain ints: the opcodes are int subclasses, which marshal does not write.
        code = [int(c) for c in made]
        indexgroup: list = [None] * (compiled.groups + 1)
        for name, i in compiled.groupindex.items():
            indexgroup[i] = name
        rebuilt = _sre.compile(pattern, compiled.flags, code, compiled.groups,
                               dict(compiled.groupindex), tuple(indexgroup))
    except Exception:   # noqa: BLE001 - a private interface that changed: not stored
        return None
    if rebuilt != compiled:
        return None
    return [pattern, flags, compiled.flags, code, compiled.groups, dict(compiled.groupindex),
            indexgroup]
