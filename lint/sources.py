"""Reading files: bytes -> text, with a clear error for anything that is not text."""
from __future__ import annotations

import codecs
import functools
import os
import re

from . import readers
from .messages import UserError, msg
from .patterns import Lazy
from .reading import FileState, NotRegularFile, TooLarge, read_regular

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Iterable, Optional
    from .location import SourceMap

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# The C0 control characters but the white-space ones (\t \n \v \f \r).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
# Characters a Chinese report hardly holds but Big5 bytes read as GB18030 give in
# numbers: kana, bopomofo, Greek, Cyrillic, private use.
_UNLIKELY = Lazy("[\u3040-\u312f\u0370-\u04ff\ue000-\uf8ff]")
_NON_ASCII = Lazy("[^\x00-\x7f]")
# The characters of a report: ASCII text, Latin-1 signs (× ° ·), punctuation, symbols
# and numbers (① ℃ ■), CJK punctuation and ideographs, full-width forms.
_REPORT_CHARS = Lazy("[\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2000-\u27bf"
                           "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_SAMPLE = 100_000   # characters looked at to recognise an encoding


class SourceError(UserError):
    """A file that cannot be linted; the message is for the user."""


class Source:
    """A file as read and decoded (a plain class: each dataclass costs a millisecond at
    every start)."""

    __slots__ = ("path", "text", "encoding", "raw", "source_map", "tables", "state")

    def __init__(self, path: str, text: str, encoding: str, raw: bytes,
                 source_map: Optional[SourceMap] = None, tables: Optional[tuple] = None,
                 state: Optional[FileState] = None):
        self.path = path
        self.text = text
        self.encoding = encoding   # the codec that decoded it, "utf-8-sig" when there was a BOM
        self.raw = raw
        # For an extracted text (.html, .docx, .pdf): where each offset is in the file, and
        # the tables the reader found; None for a text file.
        self.source_map = source_map
        self.tables = tables
        self.state = state         # the file as read; None for standard input


def decode(raw: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes: a BOM first, then UTF-16 without one, UTF-8, then GB18030 or Big5;
    or the given encoding.  An encoding is recognised only when the bytes leave no doubt;
    otherwise the error names the --encoding to try."""
    if encoding:
        try:
            return _decode(raw, encoding), encoding
        except LookupError:
            raise SourceError(msg("unknown encoding: {encoding}", encoding=encoding)) from None
        except UnicodeDecodeError as e:
            raise SourceError(msg("cannot decode as {encoding} at byte {byte}", encoding=encoding,
                                  byte=e.start)) from None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return _decode(raw, codec), codec
            except UnicodeDecodeError as e:
                raise SourceError(msg("invalid {codec} after its byte-order mark, at byte {byte}",
                                      codec=codec, byte=e.start)) from None
    if raw.find(b"\x00", 0, 8192) >= 0:
        return _utf16_without_bom(raw)
    try:
        return _decode(raw, "utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = _decode(raw, "gb18030")
        except UnicodeDecodeError:
            raise SourceError(msg("cannot decode: not UTF-8 (byte {byte}) nor GB18030; name "
                                  "the encoding with --encoding", byte=utf8_error.start)) from None
        return _gb18030_or_big5(raw, text)


def _decode(raw: bytes, codec: str) -> str:
    """``raw.decode(codec)``, a big input in pieces: decoded at once, a text of CJK
    characters is first written one byte a character, then copied wider, and the bytes,
    both buffers and the text would be held together (four times the bytes).  Raises
    as ``raw.decode`` does, at the same byte."""
    if len(raw) <= _DECODE_PIECE or codecs.lookup(codec).name not in _IN_PIECES:
        return raw.decode(codec)
    decoder = codecs.getincrementaldecoder(codec)()
    view = memoryview(raw)
    try:
        pieces = [decoder.decode(view[i:i + _DECODE_PIECE], i + _DECODE_PIECE >= len(raw))
                  for i in range(0, len(raw), _DECODE_PIECE)]
    except UnicodeDecodeError:
        return raw.decode(codec)   # raises, with the byte counted from the start
    return "".join(pieces)


# Bytes decoded at a time, and the codecs (as codecs.lookup names them) decoded so: those
# of reports, whose incremental decoders give what decoding at once gives.
_DECODE_PIECE = 1 << 20
_IN_PIECES = frozenset(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                        "utf-32-le", "utf-32-be", "gb18030", "gbk", "gb2312", "big5", "cp950",
                        "big5hkscs"))


def _utf16_without_bom(raw: bytes) -> tuple[str, str]:
    """UTF-16 written without a byte-order mark: it decodes, in one byte order, to the
    characters of a report.  Anything else with NUL bytes is binary; the error names the
    byte order to try when the NULs fall mostly at odd offsets (the high byte of ASCII
    and line breaks in little-endian) or mostly at even ones."""
    sample = raw[:8192]
    at_even, at_odd = sample[0::2].count(0), sample[1::2].count(0)
    likely = ("utf-16-le", "utf-16-be") if at_odd >= at_even else ("utf-16-be", "utf-16-le")
    if len(raw) % 2 == 0:
        for codec in likely:
            try:
                text = _decode(raw, codec)
            except UnicodeDecodeError:
                continue
            head = text[:_SAMPLE]
            if len(_REPORT_CHARS.findall(head)) >= 0.9 * len(head):
                return text, codec
    if max(at_even, at_odd) >= max(8, 3 * min(at_even, at_odd)):   # mostly on one side
        raise SourceError(msg("binary file (NUL bytes), or UTF-16 without a byte-order mark "
                              "that does not decode cleanly; if it is text, name the encoding "
                              "with --encoding {codec}", codec=likely[0]))
    raise SourceError("binary file (NUL bytes), not text")


def _gb18030_or_big5(raw: bytes, text: str) -> tuple[str, str]:
    """GB18030 as a rule.  Big5 when one character in ten of the GB18030 reading is one
    a report hardly holds (outside GB2312's punctuation and ideographs) and the bytes
    read as Big5's common characters.  When neither fits and the GB18030 reading is one
    tenth kana, Cyrillic or private use, an error rather than a guess; otherwise still
    GB18030 (GBK's traditional characters are outside GB2312 too)."""
    chars = _NON_ASCII.findall(text[:_SAMPLE])
    ordinary = _gb2312_ordinary()
    if sum(ch not in ordinary for ch in chars) * 10 < len(chars):
        return text, "gb18030"
    for codec in ("big5", "cp950"):   # cp950: Big5 as Windows writes it
        try:
            big5 = _decode(raw, codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_big5(big5, codec):
            return big5, codec
    if len(_UNLIKELY.findall(text[:_SAMPLE])) * 10 >= len(chars):
        raise SourceError("cannot tell the encoding: not UTF-8, and read as GB18030 or Big5 "
                          "it gives unlikely characters; name the encoding with --encoding "
                          "(gb18030, big5 …)")
    return text, "gb18030"    # rarer characters, GBK's traditional ones among them


def _reads_as_big5(text: str, codec: str) -> bool:
    """Nine in ten characters among Big5's common ones, and some of them with a second
    byte below 0x80, as two in five of Big5's are: text in GB2312, EUC-JP or EUC-KR,
    whose second bytes are all above 0xA0, also reads as common Big5 characters."""
    chars = _NON_ASCII.findall(text[:_SAMPLE])
    common = _big5_common()
    low = sum(ch.encode(codec)[-1] < 0x80 for ch in chars)
    return sum(ch in common for ch in chars) >= 0.9 * len(chars) and low * 10 >= len(chars)


def _two_byte_characters(codec: str, leads: Iterable[int], trails: Iterable[int]) -> set:
    """The characters ``codec`` gives for each lead byte followed by each trail byte."""
    trails = list(trails)
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                pass
    return out


@functools.cache
def _gb2312_ordinary() -> frozenset:
    """GB2312's punctuation, numbers and full-width forms (rows A1–A3), box drawing (A9)
    and its 6,763 ideographs (B0–F7): what a report in simplified characters is made of;
    not its kana, Greek, Cyrillic and pinyin rows."""
    trails = range(0xA1, 0xFF)
    return frozenset(_two_byte_characters("gb2312", [0xA1, 0xA2, 0xA3, 0xA9], trails)
                     | _two_byte_characters("gb2312", range(0xB0, 0xF8), trails))


@functools.cache
def _big5_common() -> frozenset:
    """Big5's punctuation and symbols (A140–A3BF) and its 5,401 frequent characters
    (A440–C67E): what a text in traditional characters is made of."""
    low, high = range(0x40, 0x7F), range(0xA1, 0xFF)
    return frozenset(_two_byte_characters("big5", range(0xA1, 0xC6), [*low, *high])
                     | _two_byte_characters("big5", range(0xC6, 0xC7), low))


def check_text_like(text: str, utf8: bytes = b"") -> None:
    """SourceError for a text of control characters (a binary file that decoded).
    ``utf8``: the bytes ``text`` was decoded from as UTF-8, if it was."""
    sample = text[:_CONTROL_SAMPLE]
    if utf8 and len(text) <= _CONTROL_SAMPLE:
        # Each control character is one byte of its own in UTF-8 (the bytes of every other
        # character are 0x80 and up, or printable): counted in the bytes, in a third of the time.
        controls = len(utf8.translate(None, _NOT_CONTROL_BYTES))
    else:
        controls = len(_CONTROL.findall(sample))  # the regex engine counts faster than a loop
    if controls > max(8, len(sample) // 100):
        raise SourceError("binary file (control characters), not text")


_CONTROL_SAMPLE = 8192   # characters looked at
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES,
              follow_links: bool = True, for_writing: bool = True) -> tuple:
    """(content, FileState): the state is what a fix checks before it writes (None
    unless ``for_writing``)."""
    try:
        return read_regular(path, max_bytes, follow_links, for_writing)
    except NotRegularFile as e:
        if os.path.isdir(path):   # (asked only now: a look at the file that most never need)
            raise SourceError("is a directory") from None
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
         max_bytes: int = DEFAULT_MAX_BYTES, name: Optional[str] = None,
         follow_links: bool = True, for_writing: bool = True) -> Source:
    """Read and decode one file (or the given bytes, for standard input, whose ``name``
    tells its format); a folder sweep's files are read with ``follow_links`` false; the
    file's state, which a fix checks before it writes, is kept when ``for_writing``."""
    state = None
    if raw is None:
        raw, state = read_file(path, max_bytes, follow_links, for_writing)
    elif len(raw) > max_bytes:
        raise SourceError(msg("input too large: over the {limit} MiB limit",
                              limit=f"{max_bytes / 1048576:.0f}"))
    fmt = readers.format_of(name or path)
    if fmt is not None:
        return _extracted(path, raw, fmt, encoding, max_bytes, state)
    text, codec = decode(raw, encoding)
    check_text_like(text, raw if codec in ("utf-8", "utf-8-sig") else b"")
    return Source(path, text, codec, raw, state=state)


def _extracted(path: str, raw: bytes, fmt: str, encoding: Optional[str], max_bytes: int,
               state: Optional[FileState]) -> Source:
    from .readers.base import ReadError

    try:
        reading = readers.read(fmt, raw, encoding, max_bytes)
    except ReadError as e:
        raise SourceError(e.as_message()) from None
    check_text_like(reading.text)
    return Source(path, reading.text, reading.encoding, raw, reading.source_map, reading.tables,
                  state)


def reread(page: Source, text: str) -> Source:
    """The Source of an HTML page whose decoded text is now ``text`` (after fixes)."""
    reading = readers.read_page(text, page.encoding)
    return Source(page.path, reading.text, reading.encoding, page.raw, reading.source_map,
                  reading.tables, page.state)
