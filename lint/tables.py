"""The table model: rows and cells with their spans in the linear text, read the same
way whether the table came from a .docx, an .html page, a .pdf or a pipe table in text.

A merged cell is one Cell that covers ``rowspan`` × ``colspan`` places of the grid; it
is never repeated.  Rows and columns are 0-based grid indices; a rule reads a cell by
the labels of its row (the text in the leading columns) and its column (the text of
the header rows above it).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

_SPACE = re.compile(r"\s+")


def _norm(s: str) -> str:
    """Labels compare without white space, full-width forms folded."""
    return _SPACE.sub("", s).translate(_FULL_WIDTH)


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


@dataclass
class Cell:
    text: str
    start: int              # span of the cell's text in the linear text
    end: int
    row: int                # 0-based grid row and column of its top-left place
    col: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False    # in a header row (<th>, or the rows above |---|)


@dataclass
class Table:
    cells: list             # Cell, row by row, left to right
    n_rows: int
    n_cols: int
    header_rows: int = 0
    source: str = "text"    # docx | html | pdf | markdown | text
    start: int = 0          # span of the whole table in the linear text
    end: int = 0
    _grid: Optional[dict] = field(default=None, repr=False, compare=False)

    def cell(self, row: int, col: int) -> Optional[Cell]:
        """The cell that covers grid place (row, col), merged cells included."""
        if self._grid is None:
            grid = {}
            for c in self.cells:
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        grid[r, k] = c
            self._grid = grid
        return self._grid.get((row, col))

    @property
    def rows(self) -> list:
        """Each row's cells that start in it, left to right."""
        out: list = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        return out

    def row_of(self, label: str) -> Optional[int]:
        """The first body row whose leading cell (any cell before the first number) says ``label``."""
        want = _norm(label)
        for r in range(self.header_rows, self.n_rows):
            for k in range(self.n_cols):
                c = self.cell(r, k)
                if c is None:
                    continue
                if _norm(c.text) == want:
                    return r
                if _norm(c.text)[:1].isdigit():
                    break
        return None

    def col_of(self, label: str) -> Optional[int]:
        """The first column whose header (any header row above it) says ``label``."""
        want = _norm(label)
        for k in range(self.n_cols):
            for r in range(max(self.header_rows, 1)):
                c = self.cell(r, k)
                if c is not None and _norm(c.text) == want:
                    return k
        return None

    def at(self, row_label: str, col_label: str) -> Optional[Cell]:
        r, k = self.row_of(row_label), self.col_of(col_label)
        return None if r is None or k is None else self.cell(r, k)


class TableBuilder:
    """Collects the cells of one table as a reader meets them, row by row, placing each
    on the grid past the places that merged cells above already take."""

    def __init__(self, source: str):
        self.source = source
        self.cells: list = []
        self.taken: set = set()
        self.row = -1
        self.col = 0

    def new_row(self) -> None:
        self.row += 1
        self.col = 0

    def add(self, text: str, start: int, end: int, rowspan: int = 1, colspan: int = 1,
            header: bool = False) -> Cell:
        while (self.row, self.col) in self.taken:
            self.col += 1
        cell = Cell(text, start, end, self.row, self.col, max(1, rowspan), max(1, colspan), header)
        for r in range(self.row, self.row + cell.rowspan):
            for k in range(self.col, self.col + cell.colspan):
                self.taken.add((r, k))
        self.cells.append(cell)
        self.col += cell.colspan
        return cell

    def extend_down(self, cell: Cell) -> None:
        """A vertically merged cell (Word's vMerge) goes on into the current row."""
        cell.rowspan = self.row - cell.row + 1
        for k in range(cell.col, cell.col + cell.colspan):
            self.taken.add((self.row, k))

    def build(self) -> Optional[Table]:
        if not self.cells:
            return None
        for c in self.cells:     # a rowspan past the last row ends there, as in a browser
            c.rowspan = min(c.rowspan, self.row - c.row + 1)
        n_rows = max(c.row + c.rowspan for c in self.cells)
        n_cols = max(c.col + c.colspan for c in self.cells)
        table = Table(self.cells, n_rows, n_cols, 0, self.source,
                      min(c.start for c in self.cells), max(c.end for c in self.cells))
        # The header rows: the leading rows of header cells only (a table of headers
        # only has none).
        heads = 0
        for row in table.rows:
            if not row or not all(c.header for c in row):
                break
            heads += 1
        table.header_rows = heads if heads < n_rows else 0
        return table


# A pipe table's separator cell: ---, :--, --:, :-:
_SEPARATOR_CELL = re.compile(r"\s*:?-{3,}:?\s*")


def pipe_tables(text: str, line_spans: Sequence, table_lines: frozenset, source: str = "markdown") -> list:
    """The pipe tables of a text (Markdown's, or a converter's rows joined by " | "), from
    the lines that ``Document.table_lines`` marks.  The |---| line ends the header rows;
    an empty cell between two pipes is a place of the grid (a merged cell's residue
    is kept as an empty cell: the text cannot tell them apart)."""
    tables = []
    builder: Optional[TableBuilder] = None
    previous = -2
    for n in sorted(table_lines):
        if n != previous + 1 and builder is not None:
            tables.append(builder.build())
            builder = None
        previous = n
        span = line_spans[n - 1]
        line = text[span.start:span.end]
        parts = _pipe_cells(line, span.start)
        if all(_SEPARATOR_CELL.fullmatch(t) for t, _, _ in parts if t.strip()) and \
                any(t.strip() for t, _, _ in parts):
            if builder is not None:
                for c in builder.cells:
                    c.header = True
            continue
        if builder is None:
            builder = TableBuilder(source)
        builder.new_row()
        for cell_text, start, end in parts:
            builder.add(cell_text, start, end)
    if builder is not None:
        tables.append(builder.build())
    return [t for t in tables if t is not None]


def _pipe_cells(line: str, offset: int) -> list:
    """(text, start, end) of each cell of a pipe row, trimmed; a leading and a trailing
    pipe open and close the row."""
    bounds = [i for i, ch in enumerate(line) if ch == "|"]
    edges = [-1] + bounds + [len(line)]
    cells = []
    for a, b in zip(edges, edges[1:]):
        raw = line[a + 1:b]
        if (a == -1 and not raw.strip()) or (b == len(line) and not raw.strip()):
            continue   # before a leading or after a trailing pipe
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        start = offset + a + 1 + lead
        cells.append((stripped, start, start + len(stripped)))
    return cells


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")
_CELL_GAP = re.compile(r"\S+")


def _plain_cells(line: str, offset: int) -> list:
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _CELL_GAP.finditer(line)]


def _is_row(cells: list) -> bool:
    """A row of figures: a label or more, then at least two numbers, the last two included."""
    return len(cells) >= 3 and all(_NUMBER.fullmatch(t) for t, _, _ in cells[-2:])


def plain_tables(lines: list, source: str = "text") -> list:
    """Tables laid out as text, one row per line, cells apart (a PDF's text layer, a
    plain-text export): a run of two rows of figures or more, with the line above as
    its header when that line has no figure.  ``lines``: (offset, text) of each line.
    A row with fewer cells than the widest lacks its leading labels (a merged label
    cell printed once): its cells are placed from the right."""
    tables = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_row(_plain_cells(lines[j][1], lines[j][0])):
            j += 1
        if j - i < 2:
            i += 1
            continue
        rows = [_plain_cells(text, offset) for offset, text in lines[i:j]]
        header = None
        if i > 0:
            above = _plain_cells(lines[i - 1][1], lines[i - 1][0])
            if 2 <= len(above) <= max(len(r) for r in rows) and \
                    not any(_NUMBER.fullmatch(t) for t, _, _ in above):
                header = above
        width = max(len(r) for r in rows + ([header] if header else []))
        builder = TableBuilder(source)
        for k, row in enumerate(([header] if header else []) + rows):
            builder.new_row()
            builder.col = width - len(row)
            for text, start, end in row:
                builder.add(text, start, end, header=header is not None and k == 0)
        table = builder.build()
        if table is not None:
            tables.append(table)
        i = j
    return tables
