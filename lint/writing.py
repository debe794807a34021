"""Writing a file so that a reader never sees half of it: fixes, reports, baselines."""
from __future__ import annotations

import os
import tempfile
from typing import Optional


def write_atomic(path: str, data: bytes, mode: Optional[int] = None) -> None:
    """Write through a temporary file in the same folder and ``os.replace``: a reader
    sees the old file or the new one, never half of one.  Raises OSError."""
    target = os.path.realpath(path)       # replace the file a symlink points to
    if mode is None:
        mode = os.stat(target).st_mode & 0o7777 if os.path.exists(target) else _new_file_mode()
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target) or ".",
                               prefix="." + os.path.basename(target) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)     # mkstemp makes 0600; keep the file's own mode
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
