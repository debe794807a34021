"""HTML pages (.html, .htm) with the standard library's ``html.parser``.

Block tags end a line; a table row is one line, ``| cell | cell |``; script, style,
head and template are skipped; entities are decoded.  Every piece of text keeps its
line and column in the .html file: a run of text the page spells out as it reads
(no entity, no white space folded) maps character for character, so a fix inside it
can be written back into the page.  Suppression comments (``<!-- reportlint-… -->``)
stay in the text, on their own line, as in a Markdown file.
"""
from __future__ import annotations

import codecs
import re
from html import unescape
from html.parser import HTMLParser

from ..messages import msg
from ..tables import TableBuilder
from .base import ReadError, Reading, TextBuilder

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

# The first bytes looked at for <meta charset>, as browsers do (the HTML standard: 1024).
_SNIFF = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# What browsers read a declared legacy Chinese charset as: GB18030 is a superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}

BLOCKS = frozenset("""address article aside blockquote body br caption center dd details div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre
section summary table tbody thead tfoot title tr ul""".split())
SKIPPED = frozenset({"script", "style", "head", "template", "noscript"})
CELLS = frozenset({"td", "th"})
# White space that a browser folds: runs of it, and any one character other than a space.
_FOLDED = re.compile(r"[ \t\n\r\f\xa0]{2,}|[\t\n\r\f\xa0]")


def decode(raw: bytes, encoding: Optional[str]) -> tuple:
    """(text, codec): the given encoding; a BOM; the page's <meta> charset; UTF-8; GB18030."""
    if encoding:
        candidates = [encoding]
    else:
        bom = next((codec for mark, codec in _BOMS if raw.startswith(mark)), None)
        m = _META_CHARSET.search(raw[:_SNIFF])
        declared = m.group(1).decode("ascii").lower() if m else None
        if declared:
            declared = _SUPERSETS.get(declared, declared)
        candidates = [c for c in (bom, declared, "utf-8", "gb18030") if c]
    for codec in candidates:
        try:
            return raw.decode(codec), codec
        except LookupError:
            if codec == encoding:
                raise ReadError(msg("unknown encoding: {encoding}", encoding=encoding)) from None
        except UnicodeDecodeError as e:
            if codec == encoding:
                raise ReadError(msg("cannot decode as {encoding} at byte {byte}",
                                    encoding=encoding, byte=e.start)) from None
    raise ReadError(msg("cannot decode the page: not its declared charset, UTF-8 nor GB18030; "
                        "name the encoding with --encoding"))


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.out = TextBuilder()
        self.skip = 0
        self.pre = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.pending_space: Optional[tuple] = None   # where folded white space was
        self.tables: list = []
        # One entry per open <table>: [builder, cell open?, cell start, attrs, in a row?]
        self.stack: list = []

    # -- positions -------------------------------------------------------------

    def _here(self) -> tuple:
        line, col = self.getpos()
        return line, col + 1

    def _offset(self, line: int, col: int) -> int:
        return self.line_starts[line - 1] + col - 1

    # -- text ------------------------------------------------------------------

    def _in_cell(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _break(self) -> None:
        """A block boundary: a new line, or a space inside a table cell."""
        if self._in_cell():
            self.pending_space = self.pending_space or self._here()
        else:
            self.out.newline("html", self._here())
            self.pending_space = None

    def _text(self, text: str, line: int, col: int, exact: bool) -> None:
        if self.pending_space is not None:
            if not self.out.at_line_start and not self.out.parts[-1].endswith((" ", "| ")):
                self.out.emit(" ", "html", self.pending_space)
            self.pending_space = None
        self.out.emit(text, "html", (line, col), exact, self._offset(line, col) if exact else -1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        line, col = self._here()
        if self.pre:
            for i, piece in enumerate(data.split("\n")):
                if i:
                    self.out.emit("\n", "html", (line, col))
                    line, col = line + 1, 1
                if piece:
                    self._text(piece, line, col, True)
                    col += len(piece)
            return
        pos = 0
        for m in _FOLDED.finditer(data):
            self._run(data[pos:m.start()], line, col)
            gap = data[pos:m.end()]
            breaks = gap.count("\n")
            line, col = (line + breaks, len(gap) - gap.rfind("\n")) if breaks else \
                (line, col + len(gap))
            if not self.out.at_line_start:
                self.pending_space = self.pending_space or (line, col)
            pos = m.end()
        self._run(data[pos:], line, col)

    def _run(self, run: str, line: int, col: int) -> None:
        """Text with no folded white space inside: as the page spells it (a single space
        at either end is folded like any other)."""
        lead = len(run) - len(run.lstrip(" "))
        body = run.strip(" ")
        if lead and not self.out.at_line_start:
            self.pending_space = self.pending_space or (line, col)
        if body:
            self._text(body, line, col + lead, True)
        if body and run.endswith(" "):
            self.pending_space = (line, col + lead + len(body))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, ref: str) -> None:
        if self.skip:
            return
        text = unescape(ref)
        line, col = self._here()
        if text.strip(" \t\n\r\f\xa0"):
            self._text(text, line, col, False)
        elif not self.out.at_line_start:
            self.pending_space = self.pending_space or (line, col)

    def handle_comment(self, data: str) -> None:
        if self.skip or not data.strip().startswith("reportlint-"):
            return
        self._break()
        line, col = self._here()
        self._text(f"<!--{data}-->", line, col, True)
        self._break()

    # -- structure ------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIPPED:
            self.skip += 1
            return
        if tag == "body":
            self.skip = 0      # a page that never closes its <head>
        if self.skip:
            return
        if tag == "pre":
            self.pre += 1
        if tag == "table":
            self._break()
            self.stack.append([TableBuilder("html"), False, 0, {}, False])
        elif tag == "tr" and self.stack:
            self._end_row()
            entry = self.stack[-1]
            entry[0].new_row()
            entry[4] = True
            self.out.newline("html", self._here())
            self.pending_space = None
        elif tag in CELLS and self.stack:
            self._start_cell(tag, dict(attrs))
        elif tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag == "table" and self.stack:
            self._end_row()
            builder = self.stack.pop()[0]
            table = builder.build()
            if table is not None:
                self.tables.append(table)
            self._break()
        elif tag == "tr" and self.stack:
            self._end_row()
        elif tag in CELLS and self.stack:
            self._end_cell()
        elif tag in BLOCKS:
            self._break()

    def _start_cell(self, tag: str, attrs: dict) -> None:
        entry = self.stack[-1]
        if not entry[4]:                  # a cell with no <tr>: a row of its own
            entry[0].new_row()
            entry[4] = True
            self.out.newline("html", self._here())
        self._end_cell()
        here = self._here()
        self.out.emit("| " if self.out.at_line_start else " | ", "html", here)
        self.pending_space = None
        entry[1], entry[2], entry[3] = True, (self.out.pos, len(self.out.parts)), \
            {**attrs, "_th": tag == "th"}

    def _end_cell(self) -> None:
        entry = self.stack[-1]
        if not entry[1]:
            return
        entry[1] = False
        self.pending_space = None
        (start, first_part), end = entry[2], self.out.pos
        text = "".join(self.out.parts[first_part:])
        attrs = entry[3]
        entry[0].add(text, start, end, _span(attrs.get("rowspan")), _span(attrs.get("colspan")),
                     header=attrs["_th"])

    def _end_row(self) -> None:
        entry = self.stack[-1]
        if entry[4]:
            self._end_cell()
            if not self.out.at_line_start:
                self.out.emit(" |", "html", self._here())
            entry[4] = False


def _span(value) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def read(raw: bytes, encoding: Optional[str] = None) -> Reading:
    return read_decoded(*decode(raw, encoding))


def read_decoded(source: str, codec: str) -> Reading:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    while reader.stack:          # tables the page never closes
        reader._end_row()
        table = reader.stack.pop()[0].build()
        if table is not None:
            reader.tables.append(table)
    reader.tables.sort(key=lambda t: t.start)
    return reader.out.result("html", codec, reader.tables)
