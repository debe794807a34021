"""Regular expressions compiled on first use, to keep the start-up short."""
from __future__ import annotations

import re


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
