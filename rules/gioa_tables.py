"""Reading tables 三 and 四 of a 政府信息公开工作年度报告 from its linear text.

One reading for every source: the .docx and .html readers and Markdown write a table as
``| a | b |`` rows, and converted pages and PDF text layers give one cell per line (with
or without ``|``), one cell per paragraph, or one row per line.  The format fixes the
row labels (rules/gioa.yaml): each is found in order in the text with white space
removed (labels wrap mid-word, headers come one character per line), and the cells that
follow it are read in the layout they come in.  A row is read only when exactly as many
cells as the table has columns follow it; otherwise (digits glued together, blank cells
lost in a PDF, two tables side by side) the table is marked unreadable there and nothing
after it is guessed.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from reportlint.rules.gioa_format import SPACE, Format, gioa_format, may_hold

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

DIGIT = re.compile(r"\d")
RADICAL = re.compile(r"[\u2e80-\u2fdf]")
HAN = re.compile(r"[\u4e00-\u9fff\u2e80-\u2fdf]")
TOKEN = re.compile(r"\S+")
ITEM_NUMBER = re.compile(r"\d+\.$")    # the 1. before an item's label
# A cell's count: 1047 or 1,047; a dash or slash says "not applicable".
COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
NO_COUNT = {"/", "-", "—", "–", "——", "\\"}
# How far past the table-四 anchor its headers and data row may run (lines).
T4_LINES = 40
T4_HEADER_CHARS = 40
# No row or cell of these tables is this long: a longer line is prose or glued text, and
# no line is looked at further than this (each look stays bounded, the reading linear).
LONG_LINE = 400


@dataclass
class Value:
    """A cell of a table."""

    text: str
    start: int              # the cell's span in the text (an empty cell: where it stands)
    end: int
    number: Optional[int]   # None: blank, or a slash where a number is due
    slash: bool = False

    @property
    def blank(self) -> bool:
        return self.number is None and not self.slash

    @property
    def count(self) -> int:
        """The cell as a count: a blank cell counts nothing."""
        return self.number or 0


@dataclass
class Row:
    """A row of table 3: its label and cells."""

    key: str
    start: int              # the label's span
    end: int
    cells: list


@dataclass
class Table3:
    """A table 3 as read."""

    start: int
    rows: dict = field(default_factory=dict)     # key -> Row, in the table's order
    # The label of the row that could not be read, if one could not: (start, end).
    unreadable: Optional[tuple] = None

    @property
    def format(self) -> str:
        """"2019" when （六）其他处理 is one row (19 result items), else "2021"."""
        return "2019" if "other" in self.rows else "2021"


@dataclass
class Table4:
    """A table 4 as read."""

    start: int
    end: int
    cells: Optional[list]   # the 15 cells, or None: the data row could not be read


@dataclass
class Tables:
    """Every table 3 and 4 of a document."""

    t3: list
    t4: list


def gioa_tables(doc) -> Tables:
    """Tables 三 and 四 of ``doc``, read once per document."""
    return doc.shared(_read)


def _read(doc) -> Tables:
    if not may_hold(doc):
        return Tables([], [])
    text = doc.folded
    fmt = gioa_format()
    # The text without white space (Kangxi radicals mapped), and where each of its
    # characters stands in the text.
    compact, offsets = _compact(text)
    if RADICAL.search(compact):        # translate() is slow: only a PDF's text needs it
        compact = compact.translate(fmt.kangxi)
    reader = _Reader(text, compact, offsets, fmt)
    return Tables(reader.tables3(), reader.tables4())


# Characters of the text split into tokens at a time: the copies stay small.
COMPACT_PIECE = 1 << 20


def _compact(text: str) -> tuple:
    """The text without white space, and where its characters stand in the text."""
    parts, lengths, starts = [], array("q"), array("q")
    for base in range(0, len(text), COMPACT_PIECE):
        piece = text[base:base + COMPACT_PIECE]
        tokens = piece.split()  # the runs TOKEN finds (one cut in two at a piece's end)
        at = 0
        for token in tokens:  # only white space stands before the next one: found there
            at = piece.find(token, at)
            starts.append(base + at)
            at += len(token)
        lengths.extend(map(len, tokens))
        parts.append("".join(tokens))
    return "".join(parts), _Offsets(lengths, starts)


class _Offsets:
    """Where each character of the compact text stands in the text: looked up in the
    starts of the tokens (runs without white space), not held for every character."""

    def __init__(self, lengths: array, text_starts: array):
        self.compact = array("q", accumulate(lengths, initial=0))  # one more: the end
        self.text = text_starts

    def __getitem__(self, i: int) -> int:
        k = bisect_right(self.compact, i) - 1
        return self.text[k] + i - self.compact[k]

    def index_at(self, offset: int) -> int:
        """The first character of the compact text at or after ``offset`` of the text."""
        k = bisect_right(self.text, offset) - 1
        if k >= 0 and offset < self.text[k] + self.compact[k + 1] - self.compact[k]:
            return self.compact[k] + offset - self.text[k]
        return self.compact[k + 1]


class _Reader:
    def __init__(self, text: str, compact: str, offsets: _Offsets, fmt: Format):
        self.text, self.compact, self.offsets, self.fmt = text, compact, offsets, fmt

    def _span(self, i: int, j: int) -> tuple:
        """The text span of compact[i:j]."""
        return self.offsets[i], self.offsets[j - 1] + 1

    # -- table 三 --------------------------------------------------------------------

    def tables3(self) -> list:
        out = []
        fmt, compact = self.fmt, self.compact
        # The next place of each word that ends a table, searched again only once passed,
        # so that the whole text is searched once per word.
        ahead = {e: compact.find(e) for e in fmt.ends_at}
        at = compact.find(fmt.anchor)
        while at >= 0:
            after = at + len(fmt.anchor)
            for e, p in ahead.items():
                if 0 <= p < after:
                    ahead[e] = compact.find(e, after)
            # The table ends where the next one starts (its corner cell, its headers).
            limit = min([p for p in ahead.values() if p >= 0] + [len(compact)])
            out.append(self._table3(at, limit))
            at = compact.find(fmt.anchor, after)
        return out

    def _table3(self, at: int, limit: int) -> Table3:
        fmt, compact = self.fmt, self.compact
        table = Table3(start=self.offsets[at])
        pos = at
        n = len(fmt.columns)
        text_limit = self.offsets[limit - 1] + 1 if limit < len(compact) else len(self.text)
        specs = fmt.rows
        for k, spec in enumerate(specs):
            if spec.group == "other" and "other" in table.rows:
                continue                   # 2019: （六）其他处理 was one row, no items
            i = compact.find(spec.label, pos, limit)
            if i < 0:
                continue                   # not in this excerpt of the table
            j = i + len(spec.label)
            if spec.tail and compact.startswith(spec.tail, j):
                j += len(spec.tail)
            if spec.or_group and k + 1 < len(specs):
                # 2021: a group heading, its first item follows before any number.
                following = compact.find(specs[k + 1].label, j, limit)
                if following >= 0 and not DIGIT.search(ITEM_NUMBER.sub("", compact[j:following])):
                    pos = j
                    continue
            start, end = self._span(i, j)
            cells = row_cells(self.text, end, n, text_limit)
            if cells is None:
                table.unreadable = (start, end)
                break
            table.rows[spec.key] = Row(spec.key, start, end, cells)
            # then past the row's cells
            pos = max(j, min(limit, self.offsets.index_at(cells[-1].end)))
        return table

    # -- table 四 --------------------------------------------------------------------

    def tables4(self) -> list:
        out = []
        compact, anchor = self.compact, self.fmt.t4_anchor
        at = compact.find(anchor)
        while at >= 0:
            start, end = self._span(at, at + len(anchor))
            table = self._table4(start, end)
            if table is not None:
                out.append(table)
            at = compact.find(anchor, at + len(anchor))
        return out

    def _table4(self, start: int, end: int) -> Optional[Table4]:
        text = self.text
        line_start = text.rfind("\n", max(0, start - LONG_LINE), start) + 1
        line_end = text.find("\n", end, end + LONG_LINE)
        if line_end < 0 and end + LONG_LINE < len(text) or \
                line_start == 0 and start > LONG_LINE:
            return None                    # a long line: prose, not a header
        line_end = len(text) if line_end < 0 else line_end
        if len(SPACE.sub("", text[line_start:line_end])) > T4_HEADER_CHARS:
            return None                    # a sentence that names 复议后起诉, no header
        # The header lines run on until the first line with a figure.
        pos, data, header_end, trailing, saw_total = line_end + 1, None, line_end + 1, \
            text[line_start:line_end].rstrip().endswith("|"), False
        for _ in range(T4_LINES):
            if pos >= len(text):
                break
            eol = text.find("\n", pos, pos + LONG_LINE)
            if eol < 0 and pos + LONG_LINE < len(text):
                return None                # a long line: prose, not a header
            eol = len(text) if eol < 0 else eol
            line = text[pos:eol]
            if self.fmt.t4_anchor in line:
                return None                # the next table's header: this one had no data
            if HAN.search(line):
                if len(SPACE.sub("", line)) > T4_HEADER_CHARS * 3:
                    return None            # prose, not headers
                saw_total = saw_total or "总" in line
                header_end = eol + 1
            elif DIGIT.search(line) or line.strip().strip("|").strip() in NO_COUNT:
                data = pos
                break
            pos = eol + 1
        if data is None or not saw_total:
            return None
        eol = _eol(text, data)
        first = text[data:eol]
        if "|" in first.strip().strip("|"):                   # | a | b | on one line
            bar = data + first.index("|") if first.lstrip().startswith("|") else data - 1
            cells = _first(_pipe_values(text, bar, eol), 15)
        elif len(TOKEN.findall(first)) > 1:
            cells = row_cells(text, data, 15, len(text))      # a b c on one line
        else:
            cells = _cells_per_line(text, header_end, 15, len(text), trailing)
        return Table4(start, end, cells)


def _eol(text: str, pos: int) -> int:
    eol = text.find("\n", pos)
    return len(text) if eol < 0 else eol


def _value(cell: str, start: int, end: int) -> Optional[Value]:
    """A cell that holds a count, a slash or nothing; None for any other text."""
    if not cell:
        return Value("", start, end, None)
    if cell in NO_COUNT:
        return Value(cell, start, end, None, slash=True)
    if COUNT.fullmatch(cell):
        return Value(cell, start, end, int(cell.replace(",", "")))
    return None


def row_cells(text: str, end: int, n: int, limit: int, trailing: bool = False) -> Optional[list]:
    """The ``n`` cells after a label that ends at ``end``, or None when they cannot be
    read unambiguously."""
    line_end = text.find("\n", end, end + LONG_LINE)
    if line_end < 0:
        if end + LONG_LINE < len(text):
            return None        # a row this long is glued text (two tables, a whole page)
        line_end = len(text)
    rest = text[end:line_end]
    bar = rest.find("|")
    if bar >= 0 and rest[bar + 1:].strip():
        # One row per line, cells between |: the first | closes the label's cell.
        if DIGIT.search(rest, 0, bar):
            return None
        return _first(_pipe_values(text, end + bar, line_end), n)
    if bar < 0 and rest.strip():
        # One row per line, cells apart: blank cells cannot be told from missing ones,
        # so exactly n counts must follow.
        tokens = [(m.group(), end + m.start(), end + m.end()) for m in TOKEN.finditer(rest)]
        values = [_value(*t) for t in tokens]
        if len(values) != n or any(v is None for v in values):
            return None
        return values
    if bar < 0:
        # A wrapped label (…禁止公 / 开) ends its line; its row may follow on the next.
        nxt = TOKEN.search(text, line_end, min(limit, line_end + LONG_LINE))
        if nxt is not None and "|" not in nxt.group():
            row_end = text.find("\n", nxt.start(), nxt.start() + LONG_LINE)
            if row_end < 0 or len(TOKEN.findall(text, nxt.start(), row_end)) > 1:
                return row_cells(text, nxt.start(), n, limit)
    return _cells_per_line(text, line_end + 1, n, limit, trailing or bar >= 0)


def _first(cells: Optional[list], n: int) -> Optional[list]:
    """The first ``n`` cells of a row; empty cells past them are a merged cell's residue."""
    if cells is None or len(cells) < n or any(not c.blank for c in cells[n:]):
        return None
    return cells[:n]


def _pipe_values(text: str, first_bar: int, line_end: int) -> Optional[list]:
    """The cells between the | of text[first_bar:line_end] (a trailing | closes the row)."""
    bars = [first_bar] + [first_bar + 1 + m.start() for m in re.finditer(r"\|", text[first_bar + 1:line_end])]
    edges = bars + ([line_end] if text[bars[-1] + 1:line_end].strip() else [])
    out = []
    for a, b in zip(edges, edges[1:]):
        raw = text[a + 1:b]
        cell = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = a + 1 + (lead if cell else min(1, len(raw)))
        v = _value(cell, start, start + len(cell))
        if v is None:
            return None
        out.append(v)
    return out


def _cells_per_line(text: str, pos: int, n: int, limit: int, trailing: bool) -> Optional[list]:
    """One cell per line or per paragraph.  ``trailing``: every cell ends with | and a
    bare | is an empty cell; otherwise a bare | separates two cells."""
    cells: list = []
    while len(cells) < n and pos < limit:
        eol = text.find("\n", pos, pos + LONG_LINE)
        if eol < 0:
            if pos + LONG_LINE < len(text):
                return None    # a long line is no cell
            eol = len(text)
        line = text[pos:eol]
        cell = line.strip()
        at = pos + len(line) - len(line.lstrip())
        pos = eol + 1
        if not cell:
            continue
        if cell == "|":
            if not trailing:
                continue
            v = _value("", at, at + 1)
        elif trailing and cell.endswith("|") and "|" not in cell[:-1]:
            inner = cell[:-1].rstrip()
            v = _value(inner, at, at + len(inner))
        elif "|" in cell:
            return None                    # colspan residue: the cells are uncertain
        else:
            v = _value(cell, at, at + len(cell))
        if v is None:
            return None                    # a label where a count was due: cells are lost
        cells.append(v)
    return cells if len(cells) == n else None
