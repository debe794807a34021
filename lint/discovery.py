"""Discovery: from the paths on the command line to the files to lint.

Folders are walked in a stable (sorted) order, skipping hidden folders and the usual
environments and caches; a file is linted when its configuration's ``extensions:``
name it and its ``exclude:`` does not.  Standard input is the path ``-``, known by
``--stdin-filename`` for the configuration's globs and the report.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from .messages import msg

# Folders a sweep never enters: version control, environments, caches.
SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


@dataclass
class Discovery:
    files: list = field(default_factory=list)     # (path, name to report), to lint
    errors: list = field(default_factory=list)    # (path, message)
    skipped: list = field(default_factory=list)   # swept files of other extensions
    excluded: list = field(default_factory=list)  # files the configuration excludes


def discover(paths: list, config_for, stdin_filename: Optional[str] = None) -> Discovery:
    """The files under ``paths``, each once, in order; ``config_for(path)`` gives the
    Config that governs a path (and raises ConfigError for a broken one)."""
    found = Discovery()
    seen: set = set()
    candidates = []

    def add(path):
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            candidates.append(path)

    for path in paths:
        if path == "-":
            add(path)
        elif os.path.isdir(path):
            for f in _walk(path, config_for, found):
                add(f)
        elif os.path.exists(path):
            add(path)
        else:
            found.errors.append((path, msg("no such file or directory")))
    for path in candidates:
        name = (stdin_filename or "-") if path == "-" else path
        if config_for(name).is_excluded(name):
            found.excluded.append(path)
        else:
            found.files.append((path, name))
    return found


def _walk(top: str, config_for, found: Discovery):
    def onerror(e: OSError):
        found.errors.append((e.filename or top, msg("cannot read it: {reason}",
                                                     reason=e.strerror or str(e))))

    for root, dirs, names in os.walk(top, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.lower().endswith(tuple(e.lower() for e in config_for(path).extensions)):
                yield path
            elif not name.startswith("."):   # .gitignore, .reportlint.yaml: not reports
                found.skipped.append(path)
