"""Quotation marks and brackets: unmatched, reversed, badly nested, of mixed width.

One pass per paragraph with a stack, on the folded text, so （ and ( are the same
mark for matching; the original text tells the widths apart.  The scope of a pair
is one paragraph (hard-wrapped lines are joined by the Document).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, chain, compress
from operator import itemgetter, not_

from reportlint import Fix, Related, Rule, hookimpl
from reportlint.document import Paragraph, fold
from reportlint.residue import SENTENCE_END, chrome_tail, residue_blocks

OPENERS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "(": ")", "[": "]",
           "【": "】", "〔": "〕", "「": "」", "『": "』"}
CLOSERS = {v: k for k, v in OPENERS.items()}
QUOTES = {"“": "”", "‘": "’"}
CLOSING_QUOTES = set(QUOTES.values())
_QUOTE_KINDS = [re.compile(f"([{opener}{closer}])") for opener, closer in QUOTES.items()]
_MARK_CHARS = "".join(OPENERS) + "".join(CLOSERS) + '"'
MARKS = re.compile("[" + re.escape(_MARK_CHARS) + "]")
FULL_WIDTH = {"(": "（", ")": "）", "[": "［", "]": "］", '"': "＂"}
# The marks as written, before folding: （ ） ［ ］ ＂ fold to marks.
_ANY_WIDTH_MARKS = _MARK_CHARS + "".join(FULL_WIDTH.values())
# A pair with nothing between its marks; deleting these pass after pass leaves nothing
# of a paragraph whose marks are well nested and each closed by its own kind.
EMPTY_PAIRS = tuple(o + c for o, c in OPENERS.items())
# Nesting deeper than this takes the full scan: a few passes keep the check linear.
NESTING_PASSES = 4
NAMES = {
    "“": ("左引号", "opening quotation mark"), "”": ("右引号", "closing quotation mark"),
    "‘": ("左单引号", "opening single quotation mark"),
    "’": ("右单引号", "closing single quotation mark"),
    "《": ("左书名号", "opening title mark"), "》": ("右书名号", "closing title mark"),
    "〈": ("左书名号", "opening title mark"), "〉": ("右书名号", "closing title mark"),
    "(": ("左括号", "opening parenthesis"), ")": ("右括号", "closing parenthesis"),
    "[": ("左方括号", "opening bracket"), "]": ("右方括号", "closing bracket"),
    "【": ("左方头括号", "opening lenticular bracket"), "】": ("右方头括号", "closing lenticular bracket"),
    "〔": ("左六角括号", "opening tortoise-shell bracket"),
    "〕": ("右六角括号", "closing tortoise-shell bracket"),
    "「": ("左直角引号", "opening corner bracket"), "」": ("右直角引号", "closing corner bracket"),
    "『": ("左双直角引号", "opening double corner bracket"),
    "』": ("右双直角引号", "closing double corner bracket"),
}
# The marks of the pairs that a width tells apart: a pair of mixed width holds one of each.
_HALF_WIDTH = frozenset("()[]")
_FULL_WIDTH_PAIRED = frozenset(FULL_WIDTH[m] for m in _HALF_WIDTH)
# A pair of one width with nothing between its marks, as written: deleting these pass
# after pass leaves something of well-nested marks only where a pair is of mixed width.
EMPTY_PAIRS_AS_WRITTEN = EMPTY_PAIRS + tuple(
    FULL_WIDTH[o] + FULL_WIDTH[c] for o, c in OPENERS.items() if o in FULL_WIDTH)

# Look-alikes that are not pairs at all.
# An item marker with only a closing bracket: 1) 2） a) 一) at the start of a
# paragraph or after white space or punctuation.
ITEM_MARKER = re.compile(r"(?:^|(?<=[\s,;:。、!?]))(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,2}|[ivxIVX]{1,4})[)\]]")
EMOTICON = re.compile(r"[:;=8][-^']?[()\[\]]|[()][-^']?[:;=]")
# A half-open interval: [0,1) (0,1]
INTERVAL = re.compile(r"[\[(]\s*-?[\d.]+%?\s*[,~]\s*-?[\d.]+%?\s*[)\]]")
INTERVAL_MIN = len("(0,1)")
# An apostrophe, don’t, which the scan skips (the paragraph's bounds aside).
APOSTROPHE = re.compile("’(?<=[A-Za-z]’)(?=[A-Za-z])")
CLAUSE_PUNCT = set(",;:。!?、")
NEXT_CHAR = re.compile(r"\s*(.)")
# A reversed pair encloses a short term: ”枫桥式“.
REVERSED_MAX = 15
# A term quoted elsewhere that an opening mark written as a closing one precedes.
TERM_MAX = 12
TERM_LONGEST = max(TERM_MAX, REVERSED_MAX)  # of the terms: quoted ones and reversed ones


def _name(mark: str, lang: str) -> str:
    zh, en = NAMES.get(mark, ("直引号", "straight quotation mark"))
    return en if lang == "en" else zh


class Problem:
    """A pair problem (plain classes here: each dataclass costs a millisecond at every
    start)."""

    __slots__ = ("kind", "start", "end", "mark", "other", "count")

    def __init__(self, kind: str, start: int, end: int, mark: str = "", other: int = -1,
                 count: int = 0):
        # pair | unmatched-open | unmatched-close | mismatch | reversed | nesting | straight
        self.kind = kind
        self.start = start
        self.end = end
        self.mark = mark
        self.other = other    # the enclosing closer (nesting), or the matching closer (mixed)
        self.count = count


class _Paragraph:
    __slots__ = ("problems", "terms")

    def __init__(self) -> None:
        self.problems: list = []
        self.terms: set = set()


def scan_paragraph(text: str, start: int, end: int, marks: list) -> _Paragraph:
    """All pair problems in ``text[start:end]`` (folded text), and the short quoted terms;
    ``marks`` are the (position, mark) pairs of MARKS in the paragraph."""
    out = _Paragraph()
    if not marks:
        return out
    ignored: set[int] = set()
    for m in INTERVAL.finditer(text, start, end):
        ignored.update((m.start(), m.end() - 1))
    reversed_at = _reversed_quotes(text, marks, ignored)
    for p, q in reversed_at:
        out.problems.append(Problem("reversed", p, q + 1, text[p]))
        out.terms.add(text[p + 1:q])
    skip = ignored | {p for pq in reversed_at for p in pq}
    stack: list = []          # (position, mark)
    # mark -> where in the stack it is open, innermost last: a closer finds its opener
    # without a look at every mark open above it.
    open_at: dict = {}
    crossed: Counter = Counter()  # openers reported as badly nested, still to be closed
    after = _MarksAfter(text, start, end)
    straight: list = []
    for pos, mark in marks:
        if pos in skip:
            continue
        if mark == '"':
            if pos > start and text[pos - 1].isdigit() and not len(straight) % 2:
                continue  # 12" is inches, unless it can close a quote: "12345"
            straight.append(pos)
        elif mark in OPENERS:
            open_at.setdefault(mark, []).append(len(stack))
            stack.append((pos, mark))
        elif mark == "’" and 0 < pos - start and text[pos - 1].isascii() and \
                text[pos - 1].isalpha() and pos + 1 < end and text[pos + 1].isascii() and \
                text[pos + 1].isalpha():
            continue  # an apostrophe: don’t
        else:
            opener = CLOSERS[mark]
            if not open_at.get(opener):
                if crossed[opener]:
                    crossed[opener] -= 1  # closes an opener already reported
                elif _looks_like_marker(text, start, pos):
                    pass
                elif stack and mark not in CLOSING_QUOTES and after.stays_open(pos, stack[-1][1]):
                    # “纲要》: the innermost open mark is never closed and this closer
                    # opens nothing: two halves of different pairs, one mistyped.
                    top_pos, top = stack.pop()
                    open_at[top].pop()
                    out.problems.append(Problem("mismatch", top_pos, pos + 1, top, other=pos))
                else:
                    out.problems.append(Problem("unmatched-close", pos, pos + 1, mark))
                continue
            depth = open_at[opener].pop()
            for inner_pos, inner in stack[depth + 1:]:
                open_at[inner].pop()
                if not _emoticon_at(text, start, end, inner_pos):
                    out.problems.append(Problem("nesting", inner_pos, inner_pos + 1, inner, other=pos))
                    crossed[inner] += 1
            open_pos, _ = stack[depth]
            del stack[depth:]
            out.problems.append(Problem("pair", open_pos, pos + 1, opener))
            if opener in QUOTES and pos - open_pos - 1 <= TERM_MAX:
                out.terms.add(text[open_pos + 1:pos])
    for pos, mark in stack:
        if _emoticon_at(text, start, end, pos):
            continue
        if mark in QUOTES and pos == start and _continued_quotation(text, end):
            continue  # a quotation that runs on into the next paragraph
        out.problems.append(Problem("unmatched-open", pos, pos + 1, mark))
    if len(straight) % 2:
        last = straight[-1]
        out.problems.append(Problem("straight", last, last + 1, '"', count=len(straight)))
    return out


def _reversed_quotes(text: str, marks: list, ignored: set) -> list:
    """Pairs written the wrong way round, ”枫桥式“: a closing mark that closes
    nothing, then soon the opening mark, around a short term."""
    found = []
    for opener, closer in QUOTES.items():
        seq = [(p, m) for p, m in marks if m in (opener, closer) and p not in ignored]
        depth = 0
        i = 0
        while i < len(seq):
            p, m = seq[i]
            if m == opener:
                depth += 1
            elif depth:
                depth -= 1
            elif i + 1 < len(seq) and seq[i + 1][1] == opener:
                q = seq[i + 1][0]
                term = text[p + 1:q]
                if 0 < len(term) <= REVERSED_MAX and not (set(term) & CLAUSE_PUNCT) \
                        and not MARKS.search(term) and "\n" not in term:
                    # “ could instead open a real pair closed by the next ”; prefer
                    # that reading unless what it would enclose reads like a clause.
                    if i + 2 < len(seq) and seq[i + 2][1] == closer:
                        alt = text[q + 1:seq[i + 2][0]]
                        if not (set(alt) & CLAUSE_PUNCT) and len(alt) <= 2 * REVERSED_MAX:
                            i += 1
                            continue
                    found.append((p, q))
                    i += 2
                    continue
            i += 1
    return found


class _MarksAfter:
    """Where each mark stands in ``text[start:end]``, found when first asked: how many of a
    mark follow a position is then a bisection, not a count over the rest of the text."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.at: dict | None = None

    def count(self, mark: str, pos: int) -> int:
        if self.at is None:
            self.at = {}
            for m in MARKS.finditer(self.text, self.start, self.end):
                self.at.setdefault(m.group(), []).append(m.start())
        at = self.at.get(mark, ())
        return len(at) - bisect_left(at, pos)

    def stays_open(self, pos: int, opener: str) -> bool:
        """Whether an open mark finds no closer from ``pos`` on: no more closers than openers follow."""
        return self.count(OPENERS[opener], pos) <= self.count(opener, pos)


def _looks_like_marker(text: str, start: int, pos: int) -> bool:
    """1) a) 一) as an item marker, :) as an emoticon."""
    window_start = max(start, pos - 5)
    head = text[window_start:pos + 1]
    m = ITEM_MARKER.search(head)
    if m and m.end() == len(head) and (m.start() > 0 or window_start == start
                                       or not text[window_start - 1].isalnum()):
        return True
    return _emoticon_at(text, start, pos + 1, pos)


def _emoticon_at(text: str, start: int, end: int, pos: int) -> bool:
    lo, hi = max(start, pos - 2), min(end, pos + 3)
    return any(m.start() <= pos < m.end() for m in EMOTICON.finditer(text, lo, hi))


def _continued_quotation(text: str, end: int) -> bool:
    """Whether the next paragraph opens with “ too (the convention for a quotation
    of several paragraphs: every paragraph opens it, only the last closes it)."""
    m = NEXT_CHAR.match(text, end)
    return bool(m and m.group(1) in QUOTES)


# A paragraph goes on across at most this many breaks (a hard-wrapped heading, a
# toolbar pasted into the middle of a sentence); more would be a different text.
MAX_JOINED = 8
# A hard-wrapped line fills the width; a short line ending without punctuation is a
# heading or a label, not the first half of a wrapped sentence.
WRAPPED_MIN = 15


def _marks_of(text: str) -> list:
    """The positions of the marks of ``text`` as written, in either width, in order.
    Each kind is looked for on its own: a text holds few of them (a scan for any mark
    at once tests every character against all of them, about twice the work)."""
    positions: list = []
    find = text.find
    for mark in _ANY_WIDTH_MARKS:
        if mark in text:  # (most kinds never occur: 'in' tells so for less than a find)
            at = find(mark)
            while at >= 0:
                positions.append(at)
                at = find(mark, at + 1)
    positions.sort()
    return positions


def _chars_at(text: str, positions: list) -> str:
    return "".join(itemgetter(*positions)(text)) if positions else ""


def _outside(positions: list, spans: list) -> list:
    """The positions that fall in none of the sorted, disjoint spans: the runs between
    the spans, found by bisection."""
    if not spans:
        return positions
    kept: list = []
    at = 0
    for start, end in spans:
        first = bisect_left(positions, start, at)
        kept += positions[at:first]
        at = max(first, bisect_left(positions, end, first))
    kept += positions[at:]
    return kept


def _well_nested(marks: str, bounds: list, empty_pairs: tuple = EMPTY_PAIRS) -> list:
    """For each (first, end) slice of ``marks``, whether its marks are well nested and
    each closed by its own kind: then a paragraph has no problem but its pairs.  All the
    slices are reduced at once, kept apart by a character that is no mark (deleting
    empty pairs in any order leaves the same)."""
    joined = "\n".join([marks[first:end] for first, end in bounds])
    for _ in range(NESTING_PASSES):
        reduced = joined
        for pair in empty_pairs:
            reduced = reduced.replace(pair, "")
        if len(reduced) == len(joined):
            break
        joined = reduced
        if len(joined) == len(bounds) - 1:  # the separators alone: no pass more to confirm it
            return [True] * len(bounds)
    return [not rest for rest in joined.split("\n")]


def _nested_pairs(positions: list, marks: str, first: int, end: int):
    """(opening position, closing position, closer) of each pair of well-nested marks,
    in the order of their closers."""
    stack: list = []
    for pos, mark in zip(positions[first:end], marks[first:end]):
        if mark in OPENERS:
            stack.append(pos)
        else:
            yield stack.pop(), pos, mark


def _unmatched(result: _Paragraph) -> int:
    return sum(p.kind in ("unmatched-open", "unmatched-close", "mismatch") for p in result.problems)


def _closes(before: _Paragraph, after: _Paragraph) -> bool:
    """Whether ``after`` closes a mark that ``before`` left open."""
    opened = {p.mark for p in before.problems if p.kind == "unmatched-open"}
    return any(p.kind == "unmatched-close" and CLOSERS[p.mark] in opened for p in after.problems)


def _continues(doc, text: str, before, after, chrome: list) -> bool:
    """Whether paragraph ``after`` goes on with the sentence ``before`` left open:
    ``before`` stops mid-sentence, ``after`` starts no heading, and between them stands
    only chrome, or a line break of a hard-wrapped line.  Chrome may end ``before`` too:
    a page's number after its last full line."""
    own_end, at = chrome_tail(text, chrome, before.start, before.end)
    if text[own_end - 1] in SENTENCE_END or after.first_line in doc.heading_lines:
        return False
    k, gap = bisect_left(chrome, (before.end,)), own_end < before.end
    while k < len(chrome) and chrome[k][0] < after.start:  # only the blocks in between
        if text[at:chrome[k][0]].strip():
            return False
        at, k, gap = chrome[k][1], k + 1, True
    if text[at:after.start].strip():
        return False
    if gap:
        return True
    last_start = doc.line_starts[before.last_line - 1]
    return after.first_line == before.last_line + 1 and \
        before.end - max(last_start, before.start) >= WRAPPED_MIN


class _Run:
    """Paragraphs scanned as one: a sentence that goes on across chrome or a hard wrap."""

    __slots__ = ("start", "marks", "result", "last", "index", "parts")

    def __init__(self, start: int, marks: list, result: _Paragraph, last: Paragraph,
                 index: int, parts: int = 1):
        self.start = start
        self.marks = marks
        self.result = result
        self.last = last      # the last of them
        self.index = index    # and its index among the paragraphs
        self.parts = parts


class PairScan:
    """The problems of a whole document, scanned once and shared by the rules.

    Marks that belong to page chrome (【字号: … 】 of a toolbar) are chrome's, not pairs:
    ``web-residue`` reports them.  A paragraph that stops mid-sentence with a mark open
    goes on in the next one when only chrome, or a hard wrap, stands between and the
    next one closes the mark: the two are scanned as one.

    Most paragraphs with marks have them well nested, each closed by its own kind: they
    are told apart at once (``_well_nested``), hold no problem, and their pairs are walked
    only when a rule asks for them: the pairs of mixed width, the quoted terms.
    """

    def __init__(self, doc):
        self.problems: list = []  # every problem but the pairs, in the order of the text
        self._scanned: list = []  # (start, _Paragraph) of each paragraph or run scanned
        self._terms: set | None = None
        self._text = doc.text
        # The marks found in the text as written (folding keeps every offset); only
        # paragraphs holding marks are looked at.
        positions = _marks_of(doc.text)
        if positions and doc.body_start:  # (the front matter: blank in the folded text)
            positions = positions[bisect_left(positions, doc.body_start):]
        if not positions:
            # No mark (a short text): nothing to scan, nor any chrome to keep apart, and
            # the text is not even folded (the folded copy is read only at and between marks).
            self._folded, self._positions, self._plain = doc.text, [], []
            self._marks = self._as_written = ""
            return
        self._folded = text = doc.folded
        chrome = [(b.start, b.end) for b in residue_blocks(doc)]
        positions = _outside(positions, chrome)
        # The marks are read once, as written (their widths tell pairs of mixed width
        # apart), and folded as the text is: each character on its own.
        as_written = _chars_at(doc.text, positions)
        marks = fold(as_written)
        self._positions, self._marks, self._as_written = positions, marks, as_written
        paragraphs = doc.paragraphs
        held = _holding_marks(paragraphs, positions)
        plain = _well_nested(marks, [(first, k) for _, first, k in held])
        for j in _skipping_marks(text, paragraphs, held, positions, marks, chrome):
            plain[j] = False
        # (start, end, first mark, end of the marks) of each paragraph whose marks are
        # well nested and read as they stand: no problem, only pairs
        self._plain = [(paragraphs[i].start, paragraphs[i].end, first, k)
                       for i, first, k in compress(held, plain)]
        chrome_ends = [end for _, end in chrome]
        run = None  # the paragraphs scanned so far that a later one may go on from
        for i, first, k in compress(held, map(not_, plain)):
            para = paragraphs[i]
            if run is not None and not all(
                    _covered(chrome, chrome_ends, between)
                    for between in paragraphs[run.index + 1:i]):
                self._add(run)  # a paragraph other than chrome stands between
                run = None
            own = list(zip(positions[first:k], marks[first:k]))
            result = scan_paragraph(text, para.start, para.end, own)
            if run is not None and run.parts < MAX_JOINED and _closes(run.result, result) \
                    and _continues(doc, text, run.last, para, chrome):
                joined = scan_paragraph(text, run.start, para.end, run.marks + own)
                if _unmatched(joined) < _unmatched(run.result) + _unmatched(result):
                    run = _Run(run.start, run.marks + own, joined, para, i, run.parts + 1)
                    continue
            if run is not None:
                self._add(run)
            run = _Run(para.start, own, result, para, i)
            if not any(p.kind == "unmatched-open" for p in result.problems):
                self._add(run)  # nothing left open for a later paragraph to close
                run = None
        if run is not None:
            self._add(run)

    def _add(self, run: _Run) -> None:
        self.problems += [p for p in run.result.problems if p.kind != "pair"]
        self._scanned.append((run.start, run.result))

    @classmethod
    def of(cls, doc) -> "PairScan":
        return doc.shared(cls)

    def mixed_width_pairs(self) -> list:
        """(start, end) of each pair whose two marks differ in width, in the order of the
        text.  A well-nested paragraph holds one only if its marks as written, each pair
        of one width deleted pass after pass, leave something."""
        text, folded, positions = self._text, self._folded, self._positions
        as_written = self._as_written
        if _HALF_WIDTH.isdisjoint(as_written) or _FULL_WIDTH_PAIRED.isdisjoint(as_written):
            return []  # most texts: all their brackets of one width
        one_width = _well_nested(as_written, [(first, k) for _, _, first, k in self._plain],
                                 EMPTY_PAIRS_AS_WRITTEN)
        parts = [(start, [(p.start, p.end) for p in result.problems if p.kind == "pair"])
                 for start, result in self._scanned]
        parts += [(start, [(p, q + 1) for p, q, _ in _nested_pairs(positions, self._marks, first, k)])
                  for start, _, first, k in compress(self._plain, map(not_, one_width))]
        parts.sort(key=itemgetter(0))
        return [(p, q) for _, pairs in parts for p, q in pairs
                if (text[p] != folded[p]) != (text[q - 1] != folded[q - 1])]

    @property
    def terms(self) -> set:
        """The short quoted terms of the document: of its pairs of quotation marks, and
        of the pairs written the wrong way round."""
        if self._terms is None:
            self._terms = set().union(*(result.terms for _, result in self._scanned))
            self._terms.update(self._plain_terms())
        return self._terms

    def _plain_terms(self):
        """The short quoted terms of the well-nested paragraphs.  Their marks, put one after
        another, are well nested too and pair up as in each; where quotation marks of a
        kind alternate (none inside another of its kind) each pairs with the next."""
        text, positions, marks = self._folded, self._positions, self._marks
        plain_positions = list(chain.from_iterable(positions[first:k] for _, _, first, k in self._plain))
        plain_marks = "".join([marks[first:k] for _, _, first, k in self._plain])
        terms: list = []
        for (opener, closer), kind in zip(QUOTES.items(), _QUOTE_KINDS):
            if opener not in plain_marks and closer not in plain_marks:
                continue  # (‘ ’ in most texts)
            parts = kind.split(plain_marks)  # marks, quotation mark, marks, …
            at = list(accumulate(map(len, parts)))[0:-1:2]
            if "".join(parts[1::2]) == (opener + closer) * (len(at) // 2):
                pairs = zip(map(plain_positions.__getitem__, at[0::2]),
                            map(plain_positions.__getitem__, at[1::2]))
            else:
                pairs = ((p, q) for _, _, first, k in self._plain
                         for p, q, mark in _nested_pairs(positions, marks, first, k) if mark == closer)
            terms += [text[p + 1:q] for p, q in pairs if q - p - 1 <= TERM_MAX]
        return terms

    def term_after(self, text: str, pos: int) -> str:
        """The longest quoted term that the text right after ``pos`` begins with: the
        few beginnings a term can have are looked up, not every term of the document."""
        terms = self.terms
        for n in range(TERM_LONGEST, 0, -1):
            head = text[pos + 1:pos + 1 + n]
            if head in terms:
                return head
        return ""


def _holding_marks(paragraphs: list, positions: list) -> list:
    """(index, first mark, end of the marks) of each paragraph that holds marks."""
    held = []
    k, n_marks = 0, len(positions)
    for i, para in enumerate(paragraphs):
        if k == n_marks:
            break
        if positions[k] >= para.end:
            continue  # most paragraphs: no mark
        first = k if positions[k] >= para.start else bisect_left(positions, para.start, k)
        k = bisect_left(positions, para.end, first)
        if k > first:
            held.append((i, first, k))
    return held


def _skipping_marks(text: str, paragraphs: list, held: list, positions: list, marks: str,
                    chrome: list) -> set:
    """The indices in ``held`` of the paragraphs where the scan may skip a mark: an
    apostrophe, a pair around an interval [0,1] (whose marks stand side by side among
    the marks, or one of them in chrome).  Where they are not, marks read as they stand."""
    found: set = set()
    # an interval holds no mark: its two marks stand side by side, and apart (not the
    # many of items' numbers, (一))
    firsts: list = []
    for empty in ("()", "[]"):
        at = marks.find(empty)
        while at >= 0:
            opening, closing = positions[at], positions[at + 1]
            if closing - opening >= INTERVAL_MIN - 1 and INTERVAL.match(text, opening, closing + 1):
                firsts = firsts or [first for _, first, _ in held]
                j = bisect_right(firsts, at) - 1
                if j >= 0:
                    found.add(j)
            at = marks.find(empty, at + 2)
    if "’" not in marks and not chrome:
        return found  # most texts: no apostrophe, no chrome
    starts = [paragraphs[i].start for i, _, _ in held]
    ends = [paragraphs[i].end for i, _, _ in held]
    if "’" in marks:
        for m in APOSTROPHE.finditer(text):
            j = bisect_right(starts, m.start()) - 1
            if j >= 0 and m.start() < ends[j]:
                found.add(j)
    for start, end in chrome:
        for j in range(bisect_right(ends, start), bisect_left(starts, end)):
            if INTERVAL.search(text, starts[j], ends[j]):
                found.add(j)
    return found


def _covered(chrome: list, chrome_ends: list, para) -> bool:
    """Whether chrome covers a paragraph from end to end: a sentence may go on after it."""
    c = bisect_left(chrome_ends, para.end)
    return c < len(chrome) and chrome[c][0] <= para.start


class UnmatchedPair(Rule):
    name = "unmatched-pair"
    category = "pairs"
    severity = "error"
    summary = {"zh": "引号或括号不成对", "en": "a quotation mark or bracket without its partner"}
    rationale = {
        "zh": "左右引号、书名号和括号须在同一段内成对出现。丢失的一半常见于从 Word 粘贴时。"
              "只有右括号的序号（1) 2) a)）和表情符号不算。直引号\"没有方向，段内个数为奇数即不成对。",
        "en": "Quotation marks, title marks and brackets must pair up within a paragraph; the "
              "missing half is usually lost in pasting. Item markers with only a closing "
              "bracket (1) 2) a)) and emoticons are not pairs. Straight quotes have no "
              "direction: an odd number of them in a paragraph is unmatched.",
    }
    examples = {"bad": "推动干部依法行政群众依法办事”入围全国法治政府示范创建项目",
                "good": "“推动干部依法行政群众依法办事”入围全国法治政府示范创建项目"}

    def check(self, doc, options):
        scan = PairScan.of(doc)
        for p in scan.problems:
            text = doc.folded   # (not made for a text without marks)
            if p.kind == "unmatched-close":
                term = scan.term_after(text, p.start) if p.mark in CLOSING_QUOTES else ""
                if term:
                    opener = CLOSERS[p.mark]
                    yield self.finding(
                        p.start, p.end,
                        zh=f"{_name(p.mark, 'zh')}{p.mark}没有对应的{_name(opener, 'zh')}："
                           f"此处似应为{opener}（即{opener}{term}{p.mark}），{term}之后缺少{p.mark}",
                        en=f"{p.mark} has no opening {opener}: it is probably an opening "
                           f"{opener} written as {p.mark} (meant {opener}{term}{p.mark}), "
                           f"and the closing {p.mark} after {term} is missing")
                else:
                    opener = CLOSERS[p.mark]
                    yield self.finding(
                        p.start, p.end,
                        zh=f"{_name(p.mark, 'zh')}{p.mark}没有对应的{_name(opener, 'zh')}{opener}："
                           f"前面缺少{opener}",
                        en=f"{_name(p.mark, 'en')} {p.mark} has no opening {opener} before it")
            elif p.kind == "unmatched-open":
                closer = OPENERS[p.mark]
                yield self.finding(
                    p.start, p.end,
                    zh=f"{_name(p.mark, 'zh')}{p.mark}在本段内没有对应的{_name(closer, 'zh')}{closer}："
                       f"后面缺少{closer}",
                    en=f"{_name(p.mark, 'en')} {p.mark} is never closed in its paragraph: "
                       f"{closer} is missing after it")
            elif p.kind == "mismatch":
                opener, closer = p.mark, text[p.other]
                yield self.finding(
                    p.start, p.end,
                    zh=f"{_name(opener, 'zh')}{opener}与{_name(closer, 'zh')}{closer}不配对："
                       f"应为{opener}…{OPENERS[opener]}或{CLOSERS[closer]}…{closer}",
                    en=f"{opener} is closed by {closer}: meant {opener}…{OPENERS[opener]} "
                       f"or {CLOSERS[closer]}…{closer}",
                    related=[Related(p.other, p.other + 1, zh="不配对的另一半",
                                     en="the other half")])
            elif p.kind == "straight":
                yield self.finding(
                    p.start, p.end,
                    zh=f"本段直引号\"共{p.count}个，为奇数：有一个没有配对",
                    en=f"{p.count} straight quotation marks in the paragraph, an odd number: "
                       "one has no partner")


class ReversedQuotes(Rule):
    name = "reversed-quotes"
    category = "pairs"
    severity = "error"
    summary = {"zh": "引号方向颠倒", "en": "quotation marks in reverse order"}
    fixable = "safe"
    rationale = {
        "zh": "”枫桥式“这样左右颠倒的引号是输入法或粘贴造成的；修正为“枫桥式”。",
        "en": "A pair written the wrong way round, such as ”枫桥式“, comes from an input "
              "method or a paste; the fix writes “枫桥式”.",
    }
    examples = {"bad": "郑宅司法所荣获省级”枫桥式“司法所", "good": "郑宅司法所荣获省级“枫桥式”司法所"}

    def check(self, doc, options):
        for p in PairScan.of(doc).problems:
            if p.kind != "reversed":
                continue
            closer = p.mark
            opener = CLOSERS[closer]
            inner = doc.text[p.start + 1:p.end - 1]
            good = f"{opener}{inner}{closer}"
            yield self.finding(
                p.start, p.end,
                zh=f"引号方向颠倒：{doc.text[p.start:p.end]}，应为{good}",
                en=f"quotation marks in reverse order: {doc.text[p.start:p.end]}, "
                   f"meant {good}",
                fix=Fix(p.start, p.end, good))


class BadNesting(Rule):
    name = "bad-nesting"
    category = "pairs"
    severity = "error"
    summary = {"zh": "括号或引号交叉嵌套", "en": "a mark opened inside a pair and not closed in it"}
    rationale = {
        "zh": "在一对书名号或括号内打开的括号，须在外层闭合之前闭合，例如"
              "《…纲要(2021—2025年》缺少)。引号可以嵌套（“…‘…’…”）。",
        "en": "A bracket opened inside a pair must close before the pair does, as in "
              "《…纲要(2021—2025年》, which lacks its ). Quotes nest (“…‘…’…”) and are fine.",
    }
    examples = {"bad": "《浙江省法治政府建设实施纲要(2021—2025年》",
                "good": "《浙江省法治政府建设实施纲要(2021—2025年)》"}

    def check(self, doc, options):
        for p in PairScan.of(doc).problems:
            if p.kind != "nesting":
                continue
            text = doc.folded
            closer = OPENERS[p.mark]
            outer = text[p.other]
            line, col = doc.position(p.other)
            yield self.finding(
                p.start, p.end,
                zh=f"{_name(p.mark, 'zh')}{p.mark}在{CLOSERS[outer]}…{outer}内没有闭合："
                   f"应在第{line}行第{col}列的{outer}之前补上{closer}",
                en=f"{p.mark} opened inside {CLOSERS[outer]}…{outer} is not closed: add "
                   f"{closer} before the {outer} at {line}:{col}",
                related=[Related(p.other, p.other + 1,
                                 zh="外层在此闭合", en="the enclosing pair closes here")])


class MixedWidthPair(Rule):
    name = "mixed-width-pair"
    category = "pairs"
    severity = "warning"
    summary = {"zh": "成对的括号一半全角一半半角", "en": "a pair with one full-width and one half-width mark"}
    fixable = "safe"
    rationale = {
        "zh": "（秘密)这样左右宽度不同的括号是输入时切换了全角/半角；修正为文档中更常用的宽度。",
        "en": "A pair whose marks differ in width, such as （秘密), was typed across a "
              "full-width/half-width switch; the fix uses the width the document mostly uses.",
    }
    examples = {"bad": "（秘密)", "good": "（秘密）"}

    def check(self, doc, options):
        usual: dict = {}  # bracket -> whether the document mostly writes it full-width
        for start, end in PairScan.of(doc).mixed_width_pairs():
            text, folded = doc.text, doc.folded
            open_full = text[start] != folded[start]
            kind = folded[start]
            if kind not in usual:
                usual[kind] = _mostly_full_width(doc, kind)  # counted once per kind of bracket
            full = usual[kind]
            # The mark whose width differs from the document's usual one is wrong.
            fix_at = start if open_full != full else end - 1
            mark = folded[fix_at]
            replacement = FULL_WIDTH[mark] if full else mark
            yield self.finding(
                start, end,
                zh=f"括号宽度不一致：{_short(text[start:end])}，本文多用{'全角' if full else '半角'}，"
                   f"应将{text[fix_at]}改为{replacement}",
                en=f"a pair of mixed width: {_short(text[start:end])}; the document mostly "
                   f"uses {'full' if full else 'half'}-width marks, so {text[fix_at]} "
                   f"should be {replacement}",
                fix=Fix(fix_at, fix_at + 1, replacement))


def _short(s: str, limit: int = 20) -> str:
    return s if len(s) <= limit else s[:limit // 2] + "…" + s[-(limit // 2):]


def _mostly_full_width(doc, half: str) -> bool:
    """Whether the document writes this kind of bracket mostly in full width."""
    partner = OPENERS[half]
    text = doc.text
    n_full = text.count(FULL_WIDTH[half]) + text.count(FULL_WIDTH[partner])
    n_half = text.count(half) + text.count(partner)
    return n_full > n_half


@hookimpl
def reportlint_rules():
    return [UnmatchedPair(), ReversedQuotes(), BadNesting(), MixedWidthPair()]
