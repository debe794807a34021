"""Reading files: bytes -> text, with a clear error for anything that is not text."""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from typing import Optional

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# The C0 control characters but the white-space ones (\t \n \v \f \r).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


class SourceError(Exception):
    """A file that cannot be linted; the message is for the user."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str      # the codec that decoded it, "utf-8-sig" when there was a BOM
    raw: bytes


def decode(raw: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes: a BOM first, then UTF-8, then GB18030; or the given encoding."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise SourceError(f"unknown encoding: {encoding}") from None
        except UnicodeDecodeError as e:
            raise SourceError(f"cannot decode as {encoding} at byte {e.start}") from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as e:
                raise SourceError(f"invalid {codec} after its byte-order mark, at byte {e.start}") from None
    if b"\x00" in raw[:8192]:
        raise SourceError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise SourceError(
                f"cannot decode: not UTF-8 (byte {utf8_error.start}) nor GB18030; "
                "name the encoding with --encoding") from None
        return text, "gb18030"


def check_text_like(text: str) -> None:
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))  # the regex engine counts far faster than a loop
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
            raise SourceError(f"file too large: {size / 1048576:.1f} MiB over the "
                              f"{max_bytes / 1048576:.0f} MiB limit (--max-file-size)")
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as e:
        raise SourceError(e.strerror or str(e)) from None


def load(path: str, raw: Optional[bytes] = None, encoding: Optional[str] = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file (or the given bytes, for standard input)."""
    if raw is None:
        raw = read_bytes(path, max_bytes)
    elif len(raw) > max_bytes:
        raise SourceError(f"input too large: over the {max_bytes / 1048576:.0f} MiB limit")
    text, codec = decode(raw, encoding)
    check_text_like(text)
    return Source(path, text, codec, raw)
