"""Writing a file so that a reader never sees half of it: fixes, reports, baselines.

A fix replaces a file the run read, and never loses what is in it: only the regular
file that was read, only if it is unchanged since, and only when the new file can be
what the old one was (its mode, owner and group, its single name).
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile

from .messages import UserError, msg
from .reading import READ_FLAGS, CHUNK, FileState

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Callable, Optional


class Refused(UserError):
    """A file a fix will not replace; the message says why."""


def write_atomic(path: str, data: bytes, mode: Optional[int] = None) -> None:
    """Write through a temporary file in the same folder and ``os.replace``: a reader
    sees the old file or the new one, never half of one.  Raises OSError."""
    target = os.path.realpath(path)       # replace the file a symlink points to
    if mode is None:
        mode = os.stat(target).st_mode & 0o7777 if os.path.exists(target) else _new_file_mode()
    _replace(target, data, mode)


def replace_unchanged(state: FileState, original: bytes, data: bytes) -> None:
    """Replace the file read as ``state`` (``original`` is what was read) by ``data``.

    Refused, with nothing written, when the file is not the one that was read any more
    or changed since (its size, time, mode, owner or content, checked again right before
    the rename), when it is read-only, when it has other hard links (a new file would
    split them) or when its owner and group cannot be kept.  Raises Refused or OSError.
    """
    digest = hashlib.sha256(original).digest()
    _unchanged(state, digest)
    if state.nlink > 1:
        raise Refused(msg("it has {n} hard links: a new file would split them", n=state.nlink))
    if not state.mode & 0o222 or not os.access(state.real, os.W_OK):
        raise Refused(msg("it is read-only"))
    _replace(state.real, data, stat.S_IMODE(state.mode), owner=(state.uid, state.gid),
             before_rename=lambda: _unchanged(state, digest))


def _unchanged(state: FileState, digest: bytes) -> None:
    """Raises Refused unless the file is still the one that was read, as it was read."""
    try:
        now = os.lstat(state.real)
    except FileNotFoundError:
        raise Refused(msg("it was removed since it was read")) from None
    if (now.st_dev, now.st_ino) != (state.dev, state.ino) or not stat.S_ISREG(now.st_mode):
        raise Refused(msg("it was replaced since it was read"))
    # The hash too: an edit may keep the size and, within the clock's step, the time.
    if not state.same_as(now) or _digest(state) != digest:
        raise Refused(msg("it changed since it was read"))


def _digest(state: FileState) -> Optional[bytes]:
    """The SHA-256 of the file's content now (None: not the file that was read)."""
    fd = os.open(state.real, READ_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (state.dev, state.ino):
            return None
        h, left = hashlib.sha256(), state.size + 1   # one byte more: a file that grew
        while left > 0:
            chunk = os.read(fd, min(CHUNK, left))
            if not chunk:
                break
            h.update(chunk)
            left -= len(chunk)
        return h.digest()
    finally:
        os.close(fd)


def _replace(target: str, data: bytes, mode: int, owner: Optional[tuple] = None,
             before_rename: Optional[Callable] = None) -> None:
    """Write ``data`` to a temporary file beside ``target`` with ``mode`` (and ``owner``,
    (uid, gid)), then rename it over ``target``; ``before_rename()`` may still stop it."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target) or ".",
                               prefix="." + os.path.basename(target) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if owner is not None:
            _chown(tmp, owner)
        os.chmod(tmp, mode)     # mkstemp makes 0600; after chown, which may clear set-id bits
        if before_rename is not None:
            before_rename()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _chown(path: str, owner: tuple) -> None:
    """Give the file ``owner`` (uid, gid); the file is made by whoever runs the fix."""
    if not hasattr(os, "chown"):   # Windows: no owner to keep
        return
    st = os.stat(path)
    if (st.st_uid, st.st_gid) == owner:
        return
    try:
        os.chown(path, *owner)
    except OSError as e:
        raise Refused(msg("cannot keep its owner and group: {reason}",
                          reason=e.strerror or str(e))) from None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
