"""The built-in YAML data (profiles, vocabulary), parsed once per machine.

ruamel.yaml is a pure-Python parser: the few hundred lines of built-in data cost
more to parse than linting a report does (configyaml reads most of them in a tenth of
the time).  The parsed data is kept in the user's cache folder, so a cold start reads it
back; so is what is derived from such a file (the word list's index).  It is kept as the
interpreter's own .pyc files are: keyed by the file's path, size and modification time
(hashing the content cost every start 2.5 ms), and in marshal's format, read back quicker
than JSON and without importing json (a few milliseconds of every start), and as it was
built (tuples stay tuples).  A file's name says what it holds (a stem of what is derived
from which paths) and from which state of the files: writing a new one removes the older
ones of its stem, and the files of this cache's earlier namings, so that upgrades and edits
do not pile up files.  A cache that cannot be read, written or cleaned is simply not used.
"""
from __future__ import annotations

import marshal
import os
import sys

try:
    # The interpreter's own SHA-256, the same digest as hashlib's: importing hashlib loads
    # OpenSSL, about 4 ms of every start.  Named _sha2 since 3.12, _sha256 before.
    if sys.version_info >= (3, 12):
        from _sha2 import sha256   # type: ignore[import-not-found]
    else:
        from _sha256 import sha256   # type: ignore[import-not-found,no-redef]
except ImportError:   # a build without it
    from hashlib import sha256   # type: ignore[no-redef]


def builtin_data_files(folder: str) -> list:
    """The YAML files of a data folder beside the rule modules (installed or not)."""
    import reportlint.rules

    base = os.path.join(os.path.dirname(os.path.abspath(reportlint.rules.__file__)), folder)
    return [os.path.join(base, n) for n in sorted(os.listdir(base)) if n.endswith(".yaml")]


def cache_dir() -> str:
    explicit = os.environ.get("REPORTLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reportlint")


def load_yaml_data(path: str):
    """The plain data (dicts, lists, strings, numbers) of a trusted YAML file."""

    def parse():
        from .configyaml import Unsupported, load

        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
        try:
            return load(text)    # a fraction of ruamel.yaml's time, where the file allows
        except Unsupported:
            from ruamel.yaml import YAML

            return YAML(typ="safe", pure=True).load(text)

    return _cached(_key([path], "yaml"), parse)


def load_derived(paths: list, name: str, build):
    """What ``build()`` derives from the files ``paths`` (plain data), kept like the parsed
    YAML: keyed by the files and ``name`` (what is derived, in which format), so a change
    to any of them derives it again."""
    return _cached(_key(paths, name), build)


def _key(paths: list, name: str) -> tuple:
    """(stem, key) of what ``name`` makes from the files ``paths``: the stem stands for
    ``name`` and the paths, the same across the files' versions; the key, for the files as
    they are now too."""
    digest = sha256(name.encode("utf-8"))
    for path in paths:
        digest.update(f"\0{os.path.abspath(path)}".encode("utf-8", "surrogateescape"))
    stem = digest.hexdigest()[:16]
    for path in paths:
        st = os.stat(path)
        digest.update(f"\0{st.st_size}\0{st.st_mtime_ns}".encode("ascii"))
    return stem, digest.hexdigest()[:16]


def _cached(stem_key: tuple, build):
    stem, key = stem_key
    folder = cache_dir()
    # Another interpreter version may write marshal's format differently: a file each.
    end = f".{sys.implementation.cache_tag}.marshal"
    name = f"data-{stem}-{key}{end}"
    cached = os.path.join(folder, name)
    try:
        with open(cached, "rb") as f:
            return marshal.loads(f.read())   # load(f) reads the file piece by piece
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build()
    try:
        written = store(cached, marshal.dumps(_plain(data)))
    except ValueError:
        written = False  # not plain data: the next run builds it again
    if written:
        _remove_stale(folder, f"data-{stem}-", end, name)
    return data


# The names this cache gave its files before: a key of 32 hex digits, then .json or the
# interpreter's tag and .marshal.
_EARLIER_NAMING = r"[0-9a-f]{32}\.(?:json|[^.]+\.marshal)"
# A file being written (see store); one older than this was left by a process that died
# while writing it, not one that another run is writing now.
_WRITING = (".reportlint-", ".tmp")   # prefix, suffix
_ABANDONED_AFTER_S = 3600


def _remove_stale(folder: str, start: str, end: str, kept: str) -> None:
    """Remove the files named ``start…end`` but ``kept`` (the older states of what it
    holds, for this interpreter), those of the earlier namings and the temporary files of
    writes abandoned long ago.  Only when a file is written: a run that reads its data back
    never lists the folder."""
    import re
    import time

    try:
        names = os.listdir(folder)
    except OSError:
        return
    abandoned_before = time.time() - _ABANDONED_AFTER_S
    for name in names:
        path = os.path.join(folder, name)
        try:
            if (name != kept and (name.startswith(start) and name.endswith(end)
                                  or re.fullmatch(_EARLIER_NAMING, name))
                    or name.startswith(_WRITING[0]) and name.endswith(_WRITING[1])
                    and os.stat(path).st_mtime < abandoned_before):
                os.unlink(path)
        except OSError:
            pass   # gone already, or not ours to remove: left


def _plain(value):
    """``value`` with the built-in types marshal writes: the YAML reader's mappings and
    lists are subclasses that carry their positions (its strings, and all of ruamel.yaml's
    safe loader's values, are plain)."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def store(path: str, content: bytes) -> bool:
    """Write ``content`` to ``path`` in the cache folder, whole or not at all; whether it
    was written."""
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=_WRITING[0],
                                   suffix=_WRITING[1])
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False  # no cache: the next run does the work again
    finally:
        if tmp is not None:  # a half-written file must not pile up in the cache folder
            try:
                os.unlink(tmp)
            except OSError:
                pass
