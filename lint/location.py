"""Where a piece of the linted text is in its source file, for the sources whose text is
extracted (an .html page, a .docx, a .pdf): plain data, read by the formats.

A reader cuts its text into segments and gives each the place it came from; a
``SourceMap`` finds the segment of an offset.  Offsets, lines and columns into the
extracted text stay what they are; a Location is what the user looks for in the file.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .messages import Message, msg

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

# Location kinds and their numbers:
#   "html"      (line, column) in the .html file, 1-based, in code points
#   "paragraph" (n,)           the n-th non-empty body paragraph of a .docx
#   "cell"      (t, r, c)      table t, row r, column c (1-based; of the grid)
#   "header" / "footer" (n,)   the n-th header or footer part of a .docx
#   "page"      (page, line)   a .pdf page and the line on it


@dataclass(frozen=True)
class Location:
    kind: str
    numbers: tuple

    def label(self) -> Message:
        n = self.numbers
        if self.kind == "html":
            return msg("{line}:{col}", line=n[0], col=n[1])
        if self.kind == "paragraph":
            return msg("paragraph {n}", n=n[0])
        if self.kind == "cell":
            return msg("table {table} row {row} column {col}", table=n[0], row=n[1], col=n[2])
        if self.kind in ("header", "footer"):
            return msg("header {n}" if self.kind == "header" else "footer {n}", n=n[0])
        return msg("page {page} line {line}", page=n[0], line=n[1])

    def as_dict(self) -> dict:
        names = {"html": ("line", "column"), "paragraph": ("paragraph",),
                 "cell": ("table", "row", "column"), "header": ("header",),
                 "footer": ("footer",), "page": ("page", "line")}[self.kind]
        return {"kind": self.kind, **dict(zip(names, self.numbers))}


@dataclass(frozen=True)
class Segment:
    """Text from ``start`` on came from ``kind``/``numbers``.  An ``exact`` segment
    (HTML) is the source character for character on one line: its offsets map to
    columns, and ``source_offset`` is where it starts in the decoded source."""

    start: int
    kind: str
    numbers: tuple
    exact: bool = False
    source_offset: int = -1


@dataclass(frozen=True)
class SourceMap:
    format: str                 # "html", "docx" or "pdf"
    segments: tuple             # Segment, by start

    def _index(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def _segment(self, offset: int) -> Optional[Segment]:
        i = self._index(offset)
        return self.segments[i] if i >= 0 else None

    @property
    def _starts(self) -> list:
        # Computed on demand: a SourceMap crosses process boundaries as plain data.
        starts = self.__dict__.get("_starts_cache")
        if starts is None:
            starts = [s.start for s in self.segments]
            object.__setattr__(self, "_starts_cache", starts)
        return starts

    def locate(self, offset: int) -> Optional[Location]:
        seg = self._segment(offset)
        if seg is None:
            return None
        if seg.exact:
            line, col = seg.numbers
            return Location(seg.kind, (line, col + offset - seg.start))
        return Location(seg.kind, seg.numbers)

    def source_span(self, start: int, end: int) -> Optional[tuple]:
        """(start, end) in the decoded source of the text ``[start, end)`` when one exact
        segment holds it all (the source says the same characters there), else None."""
        i = self._index(start)
        seg = self.segments[i] if i >= 0 else None
        if seg is None or not seg.exact:
            return None
        following = self.segments[i + 1].start if i + 1 < len(self.segments) else None
        if following is not None and end > following:
            return None
        return seg.source_offset + start - seg.start, seg.source_offset + end - seg.start

    def __getstate__(self):
        return {"format": self.format, "segments": self.segments}

    def __setstate__(self, state):
        object.__setattr__(self, "format", state["format"])
        object.__setattr__(self, "segments", state["segments"])
