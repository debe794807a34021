"""What every reader shares: the result, its error, and the builder of the linear text
and its source map."""
from __future__ import annotations

from dataclasses import dataclass

from ..location import Segment, SourceMap
from ..messages import UserError


class ReadError(UserError):
    """A file its reader cannot read; the message is for the user."""


@dataclass(frozen=True)
class Reading:
    text: str
    encoding: str              # the codec of an .html page; "" for .docx and .pdf
    source_map: SourceMap
    tables: tuple              # tables.Table, in text order


class TextBuilder:
    """The linear text, piece by piece, each piece with the place it came from.
    Consecutive pieces from one place share a segment."""

    def __init__(self):
        self.parts: list = []
        self.segments: list = []
        self.pos = 0

    @property
    def at_line_start(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")

    def emit(self, text: str, kind: str, numbers: tuple, exact: bool = False,
             source_offset: int = -1) -> None:
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        if exact or last is None or last.exact or (last.kind, last.numbers) != (kind, numbers):
            self.segments.append(Segment(self.pos, kind, numbers, exact, source_offset))
        self.parts.append(text)
        self.pos += len(text)

    def newline(self, kind: str, numbers: tuple) -> None:
        """End the current line, unless there is none."""
        if not self.at_line_start:
            self.emit("\n", kind, numbers)

    def result(self, fmt: str, encoding: str, tables: list) -> Reading:
        text = "".join(self.parts)
        return Reading(text, encoding, SourceMap(fmt, tuple(self.segments)), tuple(tables))
