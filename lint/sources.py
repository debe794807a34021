"""Reading files: bytes -> text, with a clear error for anything that is not text."""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import Optional

from typing import TYPE_CHECKING

from . import readers
from .messages import UserError, msg

if TYPE_CHECKING:
    from .location import SourceMap

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
    # For an extracted text (.html, .docx, .pdf): where each offset is in the file, and
    # the tables the reader found; None for a text file.
    source_map: Optional["SourceMap"] = None
    tables: Optional[tuple] = None


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


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        if os.path.isdir(path):
            raise SourceError("is a directory")
        size = os.path.getsize(path)
        if size > max_bytes:
            raise SourceError(msg("file too large: {size} MiB over the {limit} MiB limit "
                                  "(--max-file-size)", size=f"{size / 1048576:.1f}",
                                  limit=f"{max_bytes / 1048576:.0f}"))
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as e:
        raise SourceError(msg("cannot read it: {reason}", reason=e.strerror or str(e))) from None


def load(path: str, raw: Optional[bytes] = None, encoding: Optional[str] = None,
         max_bytes: int = DEFAULT_MAX_BYTES, name: Optional[str] = None) -> Source:
    """Read and decode one file (or the given bytes, for standard input, whose ``name``
    tells its format)."""
    if raw is None:
        raw = read_bytes(path, max_bytes)
    elif len(raw) > max_bytes:
        raise SourceError(msg("input too large: over the {limit} MiB limit",
                              limit=f"{max_bytes / 1048576:.0f}"))
    fmt = readers.format_of(name or path)
    if fmt is not None:
        return _extracted(path, raw, fmt, encoding, max_bytes)
    text, codec = decode(raw, encoding)
    check_text_like(text)
    return Source(path, text, codec, raw)


def _extracted(path: str, raw: bytes, fmt: str, encoding: Optional[str], max_bytes: int) -> Source:
    from .readers.base import ReadError

    try:
        reading = readers.read(fmt, raw, encoding, max_bytes)
    except ReadError as e:
        raise SourceError(e.as_message()) from None
    check_text_like(reading.text)
    return Source(path, reading.text, reading.encoding, raw, reading.source_map, reading.tables)


def reread(page: Source, text: str) -> Source:
    """The Source of an HTML page whose decoded text is now ``text`` (after fixes)."""
    reading = readers.read_page(text, page.encoding)
    return Source(page.path, reading.text, reading.encoding, page.raw, reading.source_map,
                  reading.tables)
