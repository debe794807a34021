"""Reading files: bytes -> text, with a clear error for anything that is not text."""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import Optional

from .messages import UserError, msg
from .reading import FileState, NotRegularFile, TooLarge, read_regular

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"}


class SourceError(UserError):
    """A file that cannot be linted; the message is for the user."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str      # the codec that decoded it, "utf-8-sig" when there was a BOM
    raw: bytes
    state: Optional[FileState] = None   # the file as read; None for standard input


def decode(raw: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes: a BOM first, then UTF-8, then GB18030; or the given encoding."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise SourceError(msg("unknown encoding: {encoding}", encoding=encoding)) from None
        except UnicodeDecodeError as e:
            raise SourceError(msg("cannot decode as {encoding} at byte {byte}", encoding=encoding,
                                  byte=e.start)) from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as e:
                raise SourceError(msg("invalid {codec} after its byte-order mark, at byte {byte}",
                                      codec=codec, byte=e.start)) from None
    if b"\x00" in raw[:8192]:
        raise SourceError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise SourceError(msg("cannot decode: not UTF-8 (byte {byte}) nor GB18030; name "
                                  "the encoding with --encoding", byte=utf8_error.start)) from None
        return text, "gb18030"


def check_text_like(text: str) -> None:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if controls > max(8, len(sample) // 100):
        raise SourceError("binary file (control characters), not text")
    if not text.strip():
        raise SourceError("empty file: nothing to lint")


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES,
              follow_links: bool = True) -> tuple:
    """(content, FileState): the state is what a fix checks before it writes."""
    try:
        if os.path.isdir(path):
            raise SourceError("is a directory")
        return read_regular(path, max_bytes, follow_links)
    except NotRegularFile as e:
        raise SourceError(msg("not a regular file ({kind}): not read", kind=e.kind)) from None
    except TooLarge as e:
        if e.size is None:
            raise SourceError(msg("file too large: over the {limit} MiB limit (--max-file-size)",
                                  limit=f"{max_bytes / 1048576:.0f}")) from None
        raise SourceError(msg("file too large: {size} MiB over the {limit} MiB limit "
                              "(--max-file-size)", size=f"{e.size / 1048576:.1f}",
                              limit=f"{max_bytes / 1048576:.0f}")) from None
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as e:
        raise SourceError(msg("cannot read it: {reason}", reason=e.strerror or str(e))) from None


def load(path: str, raw: Optional[bytes] = None, encoding: Optional[str] = None,
         max_bytes: int = DEFAULT_MAX_BYTES, follow_links: bool = True) -> Source:
    """Read and decode one file (or the given bytes, for standard input); a folder
    sweep's files are read with ``follow_links`` false."""
    state = None
    if raw is None:
        raw, state = read_file(path, max_bytes, follow_links)
    elif len(raw) > max_bytes:
        raise SourceError(msg("input too large: over the {limit} MiB limit",
                              limit=f"{max_bytes / 1048576:.0f}"))
    text, codec = decode(raw, encoding)
    check_text_like(text)
    return Source(path, text, codec, raw, state)
