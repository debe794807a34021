"""Reading a file without hanging or running out of memory: reports, configurations,
baselines and standard input.

Only regular files are opened (a FIFO blocks until a writer comes, a device never ends,
a socket cannot be opened at all), and never more than a limit is read, whatever the
file's size says (``/dev/zero`` and ``/proc`` files say 0; a file may grow while read).
"""
from __future__ import annotations

import os
import stat

from .messages import Message, msg

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

CHUNK = 1 << 16
# Opening never waits (a FIFO swapped in after the check), never takes a terminal, and
# never translates line endings (Windows).
READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
              | getattr(os, "O_BINARY", 0))
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISLNK, "a symbolic link"),
          (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class NotRegularFile(Exception):
    def __init__(self, kind: Message):
        super().__init__(str(kind))
        self.kind = kind


class TooLarge(Exception):
    def __init__(self, size: Optional[int]):
        super().__init__(size)
        self.size = size          # what the file said its size was; None: less than it held


class FileState:
    """A file as it was read, for a writer to check that it is still the same file,
    unchanged, before it replaces it (and to give the new file its mode and owner).
    A plain class: a dataclass costs a millisecond at every start."""

    __slots__ = ("real", "link", "dev", "ino", "size", "mtime_ns", "mode", "uid", "gid",
                 "nlink")

    def __init__(self, real: str, link: bool, dev: int, ino: int, size: int, mtime_ns: int,
                 mode: int, uid: int, gid: int, nlink: int):
        self.real = real    # the file the path named when it was read (a link's target)
        self.link = link    # the path itself was a symbolic link
        self.dev, self.ino, self.size, self.mtime_ns = dev, ino, size, mtime_ns
        self.mode, self.uid, self.gid, self.nlink = mode, uid, gid, nlink

    def same_as(self, st: os.stat_result) -> bool:
        """Whether ``st`` is of this file with this size, time, mode, owner and links."""
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_mode, st.st_uid,
                st.st_gid, st.st_nlink) == (self.dev, self.ino, self.size, self.mtime_ns,
                                            self.mode, self.uid, self.gid, self.nlink)


def kind_of(mode: int) -> Optional[Message]:
    """What a file that is not a regular file is; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((msg(kind) for test, kind in _KINDS if test(mode)),
                msg("an unknown kind of file"))


def read_regular(path: str, limit: int, follow_links: bool = True,
                 for_writing: bool = True) -> tuple:
    """(content, FileState) of the regular file at ``path``; (content, None) unless
    ``for_writing``: only a writer checks the state, whose real path costs a look at
    every folder on the way.

    Raises NotRegularFile (checked before opening it, and again on what was opened),
    TooLarge past ``limit`` bytes (read no further), and OSError.  With ``follow_links``
    false a symbolic link is not followed but refused.
    """
    before = os.stat(path) if follow_links else os.lstat(path)
    kind = kind_of(before.st_mode)
    if kind is not None:
        raise NotRegularFile(kind)
    if before.st_size > limit:
        raise TooLarge(before.st_size)
    flags = READ_FLAGS | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind is not None:
            raise NotRegularFile(kind)
        data = _read_capped(fd, limit, st.st_size)
    finally:
        os.close(fd)
    if not for_writing:
        return data, None
    state = FileState(real=os.path.realpath(path), link=os.path.islink(path), dev=st.st_dev,
                      ino=st.st_ino, size=st.st_size, mtime_ns=st.st_mtime_ns, mode=st.st_mode,
                      uid=st.st_uid, gid=st.st_gid, nlink=st.st_nlink)
    return data, state


def read_stream(stream, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a binary stream (standard input): one byte more
    than the limit tells the caller the stream holds more."""
    chunks: list = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_capped(fd: int, limit: int, size: int) -> bytes:
    """At most ``limit`` bytes, else TooLarge.  The ``size`` the file says, and one byte
    more to see that it grew, is asked for at once: a big file's bytes are then held once,
    not twice as chunks and their join (which gives back a single chunk itself).  When
    exactly ``size`` bytes come back, that is all the file held when it was read: no
    second read to meet its end (most files, one read)."""
    chunks: list = []
    total = 0
    want = min(size, limit) + 1 if size else CHUNK   # (0: a /proc file, which says 0)
    while True:
        chunk = os.read(fd, want)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise TooLarge(None)
        chunks.append(chunk)
        if total == size and len(chunks) == 1:
            return chunk
        want = CHUNK
