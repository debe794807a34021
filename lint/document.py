"""Document: the decoded text and its structure, each part computed lazily, once.

Rules match on ``folded`` (full-width ASCII forms folded to ASCII, a
length-preserving translation) and report offsets that are valid for ``text``.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from .context import NO_CONTEXT, Context
from .numbers import CN_NUMERAL_CHARS, cn_to_int, ordinal_value
from .record import Record

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional
    from .location import Location, SourceMap

# U+FF01..U+FF5E -> U+0021..U+007E (the ideographic space is replaced apart, by _fold_piece).
_FOLD_MAP = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
# The full-width forms but the ideographic space: a class of one range is searched
# quicker than one with a character besides; the space, a literal, quicker still, apart.
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LF = re.compile("\n")
_match_start, _match_end = re.Match.start, re.Match.end
_NOT_A_BREAK = re.compile(r"[^\r\n]")
# A line break with white space (not a break) right after or right before it.
_LF_BY_SPACE = re.compile(r"\n(?:[^\S\n]|(?<=[^\S\n]\n))")
# A sentence: from a non-space character to its 。!?… and closing quote, or to the
# end of its paragraph.
SENTENCE_ENDS = "。!?…"
SENTENCE_CLOSERS = "”’」』)"
_SENTENCE = re.compile(rf"\S[^{SENTENCE_ENDS}]*(?:[{SENTENCE_ENDS}]+[{SENTENCE_CLOSERS}]*|$)")
# A Markdown line that starts a block of its own: heading, list item, quote, fence, table.
_MD_BLOCK_START = re.compile(r"\s*(?:$|#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|```|~~~|\|)")
# A line that ends with one of these ends its paragraph even when hard-wrapped.
_PARAGRAPH_END = tuple("。!?:;…”’」』)")
# On a PDF's page a closing mark ends the paragraph only after a sentence's end
# (作为“一把手”/工程 goes on); a line may stop short of the width (in half-em columns) by
# a character that went down with a closing mark (程”) or a number kept whole on the
# next line (33757.93亿元), and proportional digits make it shorter still.
_PAGE_SENTENCE_END = re.compile(r"[。!?:;…][”’」』)]*$")
_PAGE_SHORTFALL = 6
# A page's list item starts a paragraph of its own.
_PAGE_LIST_ITEM = re.compile(r"\s*[①-⑳•●○■□◆◇▪▶➢]")
_PARAGRAPH_END_CHARS = frozenset(_PARAGRAPH_END)
# The line break after a line of 20 characters or more that ends in something else.
_OPEN_LINE_END = re.compile(rf"\n(?<=[^\n]{{19}}[^\n{re.escape(''.join(_PARAGRAPH_END))}]\n)")

_CN = f"[{CN_NUMERAL_CHARS}]+"
# (style, level, pattern over the folded line); the group "n" is the ordinal.  Not
# compiled one by one: they are matched as one pattern.
HEADING_STYLES = (
    ("md", 0, r"(?P<n>#{1,6})[ \t]+\S"),
    ("cn", 1, rf"[ \t]*(?P<n>{_CN})、"),
    ("cn-paren", 2, rf"[ \t]*\((?P<n>{_CN})\)"),
    # 1. 1、 — also 20.2026年… (a year after the point), and 21.5+2… (group "frac": an
    # item or a decimal such as 3.5%…, which ``headings`` tells apart); not 6.1 or 2.5.
    ("num", 3, r"[ \t]*(?P<n>\d{1,3})(?:\.|、)(?:(?![\d.])|(?<=\.)"
               r"(?=(?:19|20)\d\d年|(?P<frac>\d+(?![\d.、\s]|$))))"),
    ("num-paren", 4, r"[ \t]*\((?P<n>\d{1,3})\)"),
)
# The styles in one pattern, tried in their order: the group s<k> is the style k, n<k> its
# ordinal (one match per line, not one per style).
_HEADING = re.compile("|".join(
    f"(?P<s{k}>{pattern.replace('(?P<n>', f'(?P<n{k}>')})"
    for k, (_, _, pattern) in enumerate(HEADING_STYLES)))
# By the number of a style's group s<k> (a match's ``lastindex``: it closes last): the
# style, its level, the number of its group n<k>, and what its marker opens with before the
# ordinal (the bracket of a -paren style); the group frac by number (quicker than by name).
_STYLE_OF_GROUP: dict = {
    _HEADING.groupindex[f"s{k}"]: (style, level, _HEADING.groupindex[f"n{k}"], int("paren" in style))
    for k, (style, level, _) in enumerate(HEADING_STYLES)}
_FRAC_GROUP = _HEADING.groupindex["frac"]
# YAML front matter a converter writes at the top (--- … ---): metadata, not text.
FRONT_MATTER = re.compile(
    r"\ufeff?---[ \t]*\r?\n(?=[ \t]*[^\s:#][^\s:]*[ \t]*:)(?:[^\r\n]*\r?\n){0,100}?"
    r"(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_FRONT_MATTER_OPENS = ("---", "\ufeff---")
# A Markdown pipe table: rows with cells between |, and the |---|---| under its header.
TABLE_ROW = re.compile(r"[^|\n]*\|[^|\n]*\|")
TABLE_SEPARATOR = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*")
# Lines looked at to tell the wrap width, and up to how many are counted without a Counter.
_WRAP_SAMPLE = 400
_FEW_WIDTHS = 24
# The first character of a heading of any style, after the indent.
_HEADING_FIRST = frozenset("#(0123456789" + CN_NUMERAL_CHARS)
# Headings use few numbers (一 … 十, 1 … 20): each is read once.
_ordinal_value = lru_cache(maxsize=1024)(ordinal_value)
_LINE_OF = attrgetter("line")
# A heading line longer than this that holds a full stop is a run-in heading:
# "(一)组织领导进一步加强。一是…" — the heading is the part before the 。
_STANDALONE_MAX = 60


# In-paragraph enumerations.  What may stand right before an enumerator: white space or one of these marks
# (full-width ASCII forms are folded to ASCII before matching).
_BEFORE = frozenset("。;,:、!?.…—-“”‘’\"'()[]【】《》〈〉「」『』〔〕｡､")
_ENUM_DIGIT = "一二三四五六七八九十"
# 一是 … 十是, and 第一, 第一、 第一: — but not 统一是 / 第一次 / 第一、二产业 / 十一是.
# Both patterns open with a literal, which the regex engine skips to quickly (one that
# opens with a character class is tried at every character); SHI matches the 是, its
# numeral is the character before.  What stands before the enumerator is checked in code.
SHI = re.compile(rf"是(?<=[{_ENUM_DIGIT}]是)")
_ENUM_VALUE = {digit: cn_to_int(digit) for digit in _ENUM_DIGIT}
DI = re.compile(rf"第(?P<n>[{_ENUM_DIGIT}])(?:[,:]|[、､](?![{CN_NUMERAL_CHARS}第]))")


def enumerators(text: str, start: int, end: int) -> list:
    """(kind, value, start, end) of each enumerator in ``text[start:end]``, in order."""
    # (start, kind, where the numeral is) of every candidate
    candidates = [(m.start() - 1, "shi", m.start() - 1)
                  for m in SHI.finditer(text, start + 1, end)]
    candidates += [(m.start(), "di", m.start() + 1) for m in DI.finditer(text, start, end)]
    found = []
    for at, kind, numeral in sorted(candidates):
        before = text[at - 1] if at > start else ""
        if before == "" or before in _BEFORE or before.isspace():
            found.append((kind, _ENUM_VALUE[text[numeral]], at, at + 2))
    return found


def fold(text: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII forms.

    Replacing only the forms present is faster on CJK text than ``str.translate``,
    which looks every character up in the table.  The text is folded in pieces that
    stay in the processor's cache, each form found in a piece replaced in it at once.
    """
    if len(text) <= _FOLD_PIECE:
        return _fold_piece(text)
    return "".join([_fold_piece(text[i:i + _FOLD_PIECE])
                    for i in range(0, len(text), _FOLD_PIECE)])


# Characters folded at a time (a per-character mapping: any cut is fine).
_FOLD_PIECE = 1 << 14


def _fold_piece(text: str) -> str:
    # Each form found is replaced everywhere at once and the search goes on from
    # there, so the piece is read once (not once per form: most forms never occur).
    text = text.replace("\u3000", " ")
    found = _FULL_WIDTH.search(text)
    while found:
        ch = found.group()
        text = text.replace(ch, _FOLD_MAP[ch])
        found = _FULL_WIDTH.search(text, found.start())
    return text


_WIDE = frozenset(("W", "F"))  # the East Asian widths that take two columns
# A page is set in a CJK font, where the marks a terminal shows narrow (“ ” — …) are
# full width too.
_PRINT_WIDE = _WIDE | {"A"}


def display_width(s: str, wide: frozenset = _WIDE) -> int:
    """Terminal columns: wide and full-width characters take two (``wide``: the East
    Asian widths that do)."""
    # map() keeps the loop over the characters in C.
    return len(s) + sum(map(wide.__contains__, map(unicodedata.east_asian_width, s)))


def print_width(s: str) -> int:
    """Half-em columns of a line printed in a CJK font."""
    return display_width(s, _PRINT_WIDE)


if TYPE_CHECKING:   # the type checker knows what it is: a cached property
    from functools import cached_property as _once
else:
    class _once:
        """``functools.cached_property`` without its lock: before Python 3.12 every first
        read takes a lock that all instances share, a few microseconds each, and a small
        document reads a dozen of these once."""

        def __init__(self, make):
            self.make = make
            self.__doc__ = make.__doc__

        def __set_name__(self, owner, name):
            self.name = name

        def __get__(self, doc, owner=None):
            if doc is None:
                return self
            # Stored under the same name: the next read finds it and never comes here.
            value = doc.__dict__[self.name] = self.make(doc)
            return value


# Records (reportlint.record), not dataclasses: a document has tens of thousands of spans
# (slots, not frozen: quicker to create), and making a dataclass costs every start-up a
# millisecond.  Equality and repr are a dataclass's: by class and fields, Span(start=…).
class Span(Record):
    """A stretch of the text: ``text[start:end]``."""

    __slots__ = ("start", "end")
    _fields: tuple = __slots__

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class Paragraph(Span):
    """A paragraph and its lines."""

    __slots__ = ("first_line", "last_line")
    _fields = Span._fields + __slots__

    def __init__(self, start: int, end: int, first_line: int, last_line: int):
        self.start, self.end = start, end
        self.first_line = first_line  # 1-based
        self.last_line = last_line


class Heading(Span):
    """A numbered or Markdown heading; ``start``/``end`` cover its title."""

    __slots__ = ("line", "style", "level", "ordinal", "marker", "standalone", "ambiguous")
    _fields = Span._fields + __slots__

    def __init__(self, start: int, end: int, line: int, style: str, level: int,
                 ordinal: Optional[int], marker: Span, standalone: bool, ambiguous: bool = False):
        self.start, self.end = start, end
        self.line = line              # 1-based
        self.style = style            # cn | cn-paren | num | num-paren | md
        self.level = level            # 1 for 一、 … 4 for (1); Markdown: the number of #
        self.ordinal = ordinal
        self.marker = marker          # the 一、 / (一) / 1. / ## itself
        self.standalone = standalone  # the whole line, not a run-in heading before body text
        self.ambiguous = ambiguous    # 21.5+2…: a digit follows the point, it might be a decimal


class LineSpans(Sequence):
    """The lines as Spans, each made when it is read from two integer arrays: a document
    of a hundred thousand lines holds no object per line."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts: array, ends: array):
        self.starts, self.ends = starts, ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(Span, self.starts[i], self.ends[i]))
        return Span(self.starts[i], self.ends[i])

    def __iter__(self):
        return map(Span, self.starts, self.ends)


_UNMADE = object()  # what ``Document.shared`` has not made yet


def trim(text: str, start: int, end: int) -> tuple:
    """(start, end) of ``text[start:end]`` without its surrounding white space; (end, end)
    when it is white space only."""
    if start == end or not (text[start].isspace() or text[end - 1].isspace()):
        return start, end  # most lines: nothing to trim
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    if lead == len(piece):
        return end, end
    return start + lead, start + len(piece.rstrip())


class Document:
    def __init__(self, text: str, path: str = "<text>", markdown: Optional[bool] = None,
                 context: Context = NO_CONTEXT, source_map: Optional["SourceMap"] = None,
                 tables: Optional[tuple] = None):
        self.text = text
        # An extracted text (.html, .docx, .pdf): where its offsets are in the file, and
        # the tables its reader found.
        self.source_map = source_map
        self._reader_tables = tables
        self.path = path
        # In Markdown a paragraph is a block of lines; in plain text, one line.
        self.markdown = path.lower().endswith((".md", ".markdown")) if markdown is None else markdown
        self.context = context
        # Work that several rules share (one scan of the pairs …): see ``shared``; its
        # keys by the module of the function that made them, for ``drop_shared``.
        self._shared: dict = {}
        self._made_in: dict = {}

    def shared(self, make):
        """``make(self)``, computed once per document for every rule that asks for it.
        Keyed by the function itself, so that two rule families (or plugins) can never
        collide on a name."""
        # (looked up with a default, not caught as a KeyError: a document makes a dozen of
        # these, and raising costs more than the look-up)
        value = self._shared.get(make, _UNMADE)
        if value is _UNMADE:
            value = self._shared[make] = make(self)
            self._made_in.setdefault(getattr(make, "__module__", None), []).append(make)
        return value

    def drop_shared(self, module: str) -> None:
        """Forget the shared work made by the functions (or classes) of ``module``: the
        engine drops a rule family's own once its last rule has run, for the rules after
        it to run in less memory (a pair scan of a big text holds a tuple per mark).
        Asked for again, it is made again."""
        for make in self._made_in.pop(module, ()):  # (not a look at every key, per family)
            del self._shared[make]

    @_once
    def front_matter(self) -> Optional[Span]:
        """The YAML front matter at the top, if any: no rule reads it."""
        # (its opening told first: most texts are spared the pattern)
        m = FRONT_MATTER.match(self.text) if self.text.startswith(_FRONT_MATTER_OPENS) else None
        return Span(0, m.end()) if m else None

    @property
    def body_start(self) -> int:
        """Where the text after the front matter starts (0 without any): a rule that reads
        ``text`` as written, where the front matter is not blanked, begins there."""
        front = self.front_matter
        return 0 if front is None else front.end

    @_once
    def folded(self) -> str:
        folded = fold(self.text)
        if self.front_matter is not None:
            # Blanked, line breaks kept: lines and offsets stay, the rules see blank lines.
            end = self.front_matter.end
            folded = _NOT_A_BREAK.sub(" ", folded[:end]) + folded[end:]
        return folded

    # -- lines ---------------------------------------------------------------

    @_once
    def line_starts(self) -> array:
        """Where each line starts: an integer array, not an object per line."""
        text = self.text
        if "\r" in text:
            return array("q", [0, *map(_match_end, _LINE_BREAK.finditer(text))])
        # The usual case: a line ends at its LF and the next starts after it; the line
        # ends, read with the starts by every document, are kept from the same search.
        breaks = [*map(_match_start, _LF.finditer(text))]  # (an array is quicker made from a list)
        ends = self.__dict__["line_ends"] = array("q", breaks)
        ends.append(len(text))
        return array("q", [0, *map((1).__add__, breaks)])

    @_once
    def line_ends(self) -> array:
        """Where each line ends, without its terminator (CRLF, CR and LF all end a line)."""
        text = self.text
        if "\r" not in text:
            self.line_starts  # which keeps the ends, told by the same search
            return self.__dict__["line_ends"]
        ends = array("q", [*map(_match_start, _LINE_BREAK.finditer(text))])
        ends.append(len(text))
        return ends

    @_once
    def line_spans(self) -> "LineSpans":
        """Each line without its terminator, as a Span (made when it is read)."""
        return LineSpans(self.line_starts, self.line_ends)

    @_once
    def trimmed_lines(self) -> tuple:
        """(starts, ends) of each line of ``folded`` without its surrounding white space,
        as integer arrays (read only: they may be ``line_starts`` and ``line_ends``
        themselves); a blank line's start is its end."""
        folded = self.folded
        starts, ends = self.line_starts, self.line_ends
        if "\r" in folded:
            return self._trim_every_line()
        # Where only LF ends a line, the lines with white space at an edge are told by one
        # search for their line breaks (a literal, which the engine skips to): most texts
        # have none, and their lines are ``line_starts``/``line_ends`` themselves; a text
        # with many (indented paragraphs) has each of its lines looked at.
        edged: list = []
        most = 4 + len(starts) // 32
        for m in _LF_BY_SPACE.finditer(folded):
            i = bisect_right(starts, m.start())  # the line after the break (1 + the one before)
            edged += (i - 1, i)
            if len(edged) > most:
                return self._trim_every_line()
        if folded[:1].isspace() and folded[0] != "\n":
            edged.append(0)
        if folded[-1:].isspace() and folded[-1] != "\n":
            edged.append(len(starts) - 1)
        if not edged:
            return starts, ends
        lo, hi = array("q", starts), array("q", ends)
        for i in edged:  # (a line twice: trimmed already, the second time changes nothing)
            lo[i], hi[i] = trim(folded, lo[i], hi[i])
        return lo, hi

    def _trim_every_line(self) -> tuple:
        """``trimmed_lines`` by a look at each line."""
        folded = self.folded
        lo, hi = [], []
        for start, end in zip(self.line_starts, self.line_ends):
            start, end = trim(folded, start, end)
            lo.append(start)
            hi.append(end)
        return array("q", lo), array("q", hi)

    def line_index(self, offset: int) -> int:
        """The 0-based index of the line that holds ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """0-based offset -> 1-based (line, column), both in code points."""
        i = self.line_index(offset)
        start = self.line_starts[i]
        # An offset inside a CRLF terminator counts as the end of the line.
        return i + 1, min(offset, self.line_ends[i]) - start + 1

    def offset(self, line: int, column: int) -> int:
        return self.line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        return self.text[self.line_starts[line - 1]:self.line_ends[line - 1]]

    # -- paragraphs and sentences --------------------------------------------

    @property
    def paged(self) -> bool:
        """Whether the text is a PDF's: lines of pages set in a proportional CJK font."""
        return self.source_map is not None and self.source_map.format == "pdf"

    @property
    def wrapped(self) -> bool:
        """Whether the text was hard-wrapped (a PDF's text, a mail): its lines end mid-sentence."""
        return self._wrap is not None

    @_once
    def _wrap(self):
        """How the text was hard-wrapped, if it was: (measure, width).

        A wrapped text has many long lines of (nearly) one width, counted in
        code points or in display columns, depending on the tool that wrapped it,
        and most of them stop mid-sentence.
        """
        text = self.text
        if "\r" not in text:
            # Most texts have fewer than three open lines: told by two searches, without the
            # lines (one open line break, and the last line, are two at most).
            first = _OPEN_LINE_END.search(text)
            if first is None or _OPEN_LINE_END.search(text, first.end()) is None:
                return None
        lines = []
        for line in self._open_lines():
            line = line.rstrip()
            if len(line) >= 20 and not line.endswith(_PARAGRAPH_END):
                lines.append(line)
                if len(lines) == _WRAP_SAMPLE:
                    break
        if len(lines) < 3:
            return None  # the common case: lines end their sentences, nothing is wrapped
        # A page's proportional digits make a full line run a little past the commonest width too.
        below, above = (_PAGE_SHORTFALL, _PAGE_SHORTFALL) if self.paged else (3, 0)
        for measure in (print_width,) if self.paged else (len, display_width):
            widths = list(map(measure, lines))
            # The commonest width (the first seen of equals): a short sample's, by counts
            # in place, quicker than a Counter (which the sample of a long text needs).
            if len(widths) <= _FEW_WIDTHS:
                width = max(widths, key=widths.count)
                count = widths.count(width)
            else:
                width, count = Counter(widths).most_common(1)[0]
            if count >= 3 and sum(width - below <= w <= width + above
                                  for w in widths) >= 0.5 * len(widths):
                return measure, width
        return None

    def _open_lines(self):
        """The lines of 20 characters or more that do not end in a paragraph's end: the
        lines a wrap may have cut, in order.  Where only LF ends a line, told by one search
        for their line breaks (a literal, which the engine skips to), not by a look at the
        end of every line."""
        text = self.text
        if "\r" in text:
            for start, end in zip(self.line_starts, self.line_ends):
                if end - start >= 20 and text[end - 1] not in _PARAGRAPH_END_CHARS:
                    yield text[start:end]
            return
        for m in _OPEN_LINE_END.finditer(text):
            end = m.start()
            yield text[text.rfind("\n", 0, end) + 1:end]
        last = text[text.rfind("\n") + 1:]
        if len(last) >= 20 and last[-1] not in _PARAGRAPH_END_CHARS:
            yield last

    @_once
    def paragraphs(self) -> list[Paragraph]:
        """Blocks of text: one per line, except that hard-wrapped lines join up.

        Blank lines always separate paragraphs.  A line joins the next one only
        when the document is hard-wrapped, the line reaches the wrap width and
        does not end a sentence, and the next line is not a heading.
        """
        wrap = self._wrap
        text = self.folded
        if wrap is None and not self.markdown:
            # The usual case, plain text not hard-wrapped: each line that is not blank.
            lo, hi = self.trimmed_lines
            return [Paragraph(start, end, i, i)
                    for i, start, end in zip(range(1, len(lo) + 1), lo, hi) if start < end]
        heading_lines = self.heading_lines
        tables = self.table_lines
        paged = self.paged
        out: list[Paragraph] = []
        open_start: Optional[int] = None  # where the paragraph being read starts, if one is
        open_line = 0  # and its first line (read only while open_start is set)
        prev_end = 0
        starts, ends = self.line_starts, self.line_ends
        for i, span in enumerate(self.line_spans, start=1):
            content = text[span.start:span.end]
            if not content or content.isspace():  # blank (told without a stripped copy)
                if open_start is not None:
                    out.append(self._paragraph(open_start, prev_end, open_line, i - 1))
                    open_start = None
                continue
            if open_start is not None and (i in heading_lines or i in tables):
                out.append(self._paragraph(open_start, prev_end, open_line, i - 1))
                open_start = None
            if i in tables:
                out.append(self._paragraph(span.start, span.end, i, i))  # a row is its own
                continue
            if open_start is None:
                open_start, open_line = span.start, i
            prev_end = span.end
            if self.markdown:
                following = text[starts[i]:ends[i]] if i < len(starts) else ""
                joins = i not in heading_lines and not _MD_BLOCK_START.match(following)
            elif paged:  # a page's line goes on when it fills the width mid-sentence
                # (measured unfolded, as printed: ，is full width, its folded , is not)
                joins = not _PAGE_SENTENCE_END.search(content.rstrip()) \
                    and wrap[0](self.text[span.start:span.end].rstrip()) >= wrap[1] - _PAGE_SHORTFALL \
                    and i < len(starts) and not _PAGE_LIST_ITEM.match(text, starts[i])
            else:  # hard-wrapped plain text
                line = content.rstrip()
                joins = not line.endswith(_PARAGRAPH_END) and wrap[0](line) >= wrap[1] - 3
            if not joins:
                out.append(self._paragraph(open_start, span.end, open_line, i))
                open_start = None
        if open_start is not None:
            out.append(self._paragraph(open_start, prev_end, open_line, len(starts)))
        return out

    @_once
    def heading_lines(self) -> frozenset:
        """The 1-based lines that hold a heading."""
        return frozenset(map(_LINE_OF, self.headings))

    @_once
    def table_lines(self) -> frozenset:
        """The 1-based lines of pipe tables (Markdown, or a converter's rows joined by " | "):
        a run of two or more lines with cells between |, each with two | or more, or
        with the |---| line under a header.
        A row is a paragraph of its own, never joined to the next line; it is never a
        heading or a duplicated block (every table of a converter repeats its header)."""
        text = self.folded
        if "|" not in text:
            return frozenset()
        out: set = set()
        run: list = []
        # The lines holding a | in text order, then a line past the end that closes the last run.
        for i in [*self.lines_holding("|"), -1]:
            if run and i == run[-1][0] + 1:
                run.append((i, text[self.line_starts[i - 1]:self.line_ends[i - 1]]))
                continue
            if len(run) >= 2 and (any(TABLE_SEPARATOR.fullmatch(row) for _, row in run)
                                  or all(TABLE_ROW.match(row) for _, row in run)):
                out.update(n for n, _ in run)
            run = [(i, text[self.line_starts[i - 1]:self.line_ends[i - 1]])] if i > 0 else []
        return frozenset(out)

    def lines_holding(self, what) -> list:
        """The 1-based lines of ``folded`` that hold ``what`` (a character, or a compiled
        pattern's match), in order: one pass over the whole text with a line look-up per
        line found, not a search per line or a copy of every line."""
        text, starts, ends = self.folded, self.line_starts, self.line_ends
        out: list = []
        if isinstance(what, str):
            at = text.find(what)
            while at >= 0:
                i = bisect_right(starts, at)
                out.append(i)
                at = text.find(what, ends[i - 1])
            return out
        line_end = -1
        for m in what.finditer(text):  # in text order: one look-up per line
            if m.start() >= line_end:
                i = bisect_right(starts, m.start())
                out.append(i)
                line_end = ends[i - 1]
        return out

    @_once
    def tables(self) -> list:
        """The tables (``tables.Table``): a reader's, or the text's pipe tables and rows
        of figures laid out as text."""
        from .tables import pipe_tables, plain_tables

        if self._reader_tables is not None:
            return list(self._reader_tables)
        found = pipe_tables(self.folded, self.line_spans, self.table_lines)
        rows = self.table_lines
        lines = [(start, self.folded[start:end]) if i not in rows else (start, "")
                 for i, start, end in zip(range(1, len(self.line_starts) + 1),
                                          self.line_starts, self.line_ends)]
        found += plain_tables(lines)
        for table in found:     # read on the folded text, the cells say what the text says
            for cell in table.cells:
                cell.text = self.text[cell.start:cell.end]
        return sorted(found, key=lambda t: t.start)

    def locate(self, offset: int) -> Optional["Location"]:
        """Where ``offset`` is in the source file of an extracted text; None for a text file."""
        return self.source_map.locate(offset) if self.source_map is not None else None

    def _paragraph(self, start: int, end: int, first: int, last: int) -> Paragraph:
        # Trim surrounding white space so that spans cover only the text.
        start, end = trim(self.text, start, end)
        return Paragraph(start, end, first, last)

    @_once
    def sentences(self) -> list[Span]:
        """Sentences inside paragraphs, each ending after its 。!? and closing quote."""
        return [Span(*m.span()) for p in self.paragraphs for m in self.sentence_matches(p)]

    def sentence_matches(self, paragraph: Paragraph):
        """The sentences of one paragraph as regex matches: the cheap form of ``sentences``."""
        return _SENTENCE.finditer(self.folded, paragraph.start, paragraph.end)

    def sentence_texts(self, paragraph: Paragraph) -> list[str]:
        """The sentences of one paragraph as strings (of ``folded``): the cheapest form."""
        return _SENTENCE.findall(self.folded, paragraph.start, paragraph.end)

    @_once
    def enumerations(self) -> list:
        """Per paragraph, its enumerators 一是 / 第一, as (kind, value, start, end)."""
        found = enumerators(self.folded, 0, len(self.text))
        paragraphs = self.paragraphs
        out: list = [[] for _ in paragraphs]
        if found:
            starts = [p.start for p in paragraphs]
            for item in found:
                i = bisect_right(starts, item[2]) - 1
                if i >= 0 and item[2] < paragraphs[i].end:
                    out[i].append(item)
        return out

    # -- headings --------------------------------------------------------------

    @_once
    def headings(self) -> list[Heading]:
        out = []
        text = self.folded
        tables = self.table_lines
        starts, ends = self.line_starts, self.line_ends
        lo, hi = self.trimmed_lines
        # Most lines: no heading style can match, told by the first character that is not
        # white space (a blank line's is past it); a table row is no heading.
        candidates = [i for i, start, end in zip(range(len(lo)), lo, hi)
                      if start < end and text[start] in _HEADING_FIRST]
        any_ambiguous = False   # (told in the loop: no second look at every heading)
        for i in candidates:
            if i + 1 in tables:
                continue
            # (matched in the text, up to the line's end: no copy of the line)
            m = _HEADING.match(text, starts[i], ends[i])
            if not m:
                continue
            style, level, group, lead = _STYLE_OF_GROUP[m.lastindex]
            n = m.group(group)
            if style == "md":
                level, ordinal = len(n), None
                title_start = m.end() - 1
            else:
                ordinal = _ordinal_value(n)
                title_start = m.end()
            body_end = max(hi[i], title_start)  # (the title without the white space after it)
            stop = text.find("。", title_start, body_end)
            standalone = stop < 0 or (stop == body_end - 1
                                      and body_end - title_start <= _STANDALONE_MAX)
            ambiguous = style == "num" and m.group(_FRAC_GROUP) is not None
            any_ambiguous = any_ambiguous or ambiguous
            out.append(Heading(  # positional (start, end, line … ambiguous): quicker
                title_start, body_end if standalone else stop, i + 1, style, level, ordinal,
                Span(m.start(group) - lead, title_start), standalone, ambiguous))
        if any_ambiguous:
            # 3.5%… may be a decimal: it is the item 3. only where it goes on with the list
            # of its level (2. before it since the last 一、 or (一); or 1. that starts a
            # list followed by 2.) and the next clear item does not take its number.
            following: Optional[int] = None
            nxt: list[Optional[int]] = [None] * len(out)
            for k in range(len(out) - 1, -1, -1):
                nxt[k] = following
                if out[k].style == "num" and not out[k].ambiguous:
                    following = out[k].ordinal
            kept, last = [], None
            for h, after in zip(out, nxt):
                if h.style in ("cn", "cn-paren"):
                    last = None
                elif h.style == "num":
                    n = h.ordinal
                    goes_on = n == last + 1 if last is not None else n == 1 and after == 2
                    if h.ambiguous and (not goes_on or after == n):
                        continue
                    last = n
                kept.append(h)
            out = kept
        return out
