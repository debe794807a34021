"""Discovery: from the paths on the command line to the files to lint.

Folders are walked in a stable (sorted) order, skipping hidden folders and the usual
environments and caches; a file is linted when its configuration's ``extensions:``
name it and its ``exclude:`` does not.  A sweep reads only regular files: it never
follows a symbolic link (os.walk does not enter linked folders; linked files, FIFOs,
devices and sockets are passed over with a notice); a path named on the command line is
followed.  Standard input is the path ``-``, known by ``--stdin-filename`` for the
configuration's globs and the report.
"""
from __future__ import annotations

import os
import stat
from typing import Optional

from .messages import msg
from .reading import kind_of

# Folders a sweep never enters: version control, environments, caches.
SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}
# A link may lead out of the folder, or to a file the sweep lints under its own name.
LINK_NOT_FOLLOWED = msg("a symbolic link: a folder sweep does not follow links (name it to "
                        "lint its target)")


class Discovery:
    """What a sweep found (a plain class: a dataclass costs a millisecond at start-up)."""

    def __init__(self) -> None:
        self.files: list = []      # (path, name to report), to lint
        self.errors: list = []     # (path, message)
        self.skipped: list = []    # swept files of other extensions
        self.excluded: list = []   # files the configuration excludes
        self.notices: list = []    # (path, message): special files passed over
        self.swept: set = set()    # files found in a folder: links not followed


def discover(paths: list, config_for, stdin_filename: Optional[str] = None) -> Discovery:
    """The files under ``paths``, each once, in order; ``config_for(path)`` gives the
    Config that governs a path (and raises ConfigError for a broken one)."""
    found = Discovery()
    seen: set = set()
    candidates = []

    def add(path, swept=False):
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            candidates.append(path)
            if swept:
                found.swept.add(path)

    for path in paths:
        if path == "-":
            add(path)
        elif os.path.isdir(path):
            for f in _walk(path, config_for, found):
                add(f, swept=True)
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
        config, extensions = None, ()
        for name in sorted(names):
            path = os.path.join(root, name)
            if config is None:   # the folder's configuration, the same for all its files
                config = config_for(path)
                extensions = tuple(e.lower() for e in config.extensions)
            if name.lower().endswith(extensions):
                passed_over = _special(path)
                if passed_over is None:
                    yield path
                elif not config.is_excluded(path):
                    found.notices.append((path, passed_over))
            elif not name.startswith("."):   # .gitignore, .reportlint.yaml: not reports
                found.skipped.append(path)


def _special(path: str):
    """Why a sweep does not read a file (a link, a FIFO, a device …), or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None   # gone: reading it says so
    if stat.S_ISLNK(mode):
        return LINK_NOT_FOLLOWED
    kind = kind_of(mode)
    return None if kind is None else msg("not a regular file ({kind}): passed over", kind=kind)
