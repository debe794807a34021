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
from operator import attrgetter

from .messages import msg
from .reading import kind_of

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

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
    candidates = []   # (path, whether a folder sweep found it, whether the sweep excludes it)

    def add(path, key, swept=False, excluded=False):
        if key not in seen:
            seen.add(key)
            candidates.append((path, swept, excluded))
            if swept:
                found.swept.add(path)

    for path in paths:
        if path == "-":
            add(path, os.path.abspath(path))   # (as a file named - would be)
        elif os.path.isdir(path):
            for f, key, excluded in _walk(path, config_for, found):
                add(f, key, swept=True, excluded=excluded)
        elif os.path.exists(path):
            add(path, os.path.abspath(path))
        else:
            found.errors.append((path, msg("no such file or directory")))
    for path, swept, excluded in candidates:
        name = (stdin_filename or "-") if path == "-" else path
        if not swept:   # named on the command line (or -): its configuration decides
            excluded = config_for(name).is_excluded(name)
        if excluded:
            found.excluded.append(path)
        else:
            found.files.append((path, name))
    return found


def _walk(top: str, config_for, found: Discovery):
    """(path, absolute path, excluded) of the files of the configured extensions under
    ``top``, as os.walk goes: a folder's files in order, then its folders, never into a
    linked folder.  A folder's entries tell what each is without a look at every file.
    Folders waiting are kept on a stack, not in recursive calls: a tree may be deep."""
    waiting = [top]
    while waiting:
        folder = waiting.pop()
        try:
            entries = sorted(os.scandir(folder), key=attrgetter("name"))
        except OSError as e:
            found.errors.append((e.filename or folder, msg("cannot read it: {reason}",
                                                           reason=e.strerror or str(e))))
            continue
        folders = []
        config, extensions, absolute = None, (), ""
        for entry in entries:
            name = entry.name
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not name.startswith(".") and name not in SKIP_DIRS and not _linked(entry):
                    folders.append(entry.path)
                continue
            if config is None:   # the folder's configuration, the same for all its files
                config = config_for(entry.path)
                extensions = tuple(e.lower() for e in config.extensions)
                absolute = os.path.abspath(folder)
            if name.lower().endswith(extensions):
                passed_over = _special(entry)
                path = entry.path
                if passed_over is None:
                    yield path, os.path.join(absolute, name), config.is_excluded(path)
                elif not config.is_excluded(path):
                    found.notices.append((path, passed_over))
            elif not name.startswith("."):   # .gitignore, .reportlint.yaml: not reports
                found.skipped.append(entry.path)
        waiting += reversed(folders)   # the first on top: walked next, in order


def _linked(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return True


def _special(entry: os.DirEntry):
    """Why a sweep does not read a file (a link, a FIFO, a device …), or None."""
    try:
        if entry.is_file(follow_symlinks=False):   # (the folder's listing tells, mostly)
            return None
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return None   # gone: reading it says so
    if stat.S_ISLNK(mode):
        return LINK_NOT_FOLLOWED
    kind = kind_of(mode)
    return None if kind is None else msg("not a regular file ({kind}): passed over", kind=kind)
