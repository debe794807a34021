"""Copied text across reports (``--compare``): the run-level stage behind ``copied-passage``.

Each report is cut into sentences; a sentence's key is its text without white space and
without what changes from year to year (digits and Chinese numerals; the names a
configuration lists under the rule's ``mask`` are replaced), so that last year's report
with new numbers still matches.  One index maps every key to the reports that hold it: a report
is compared with every other through the index, never pair by pair, so the cost grows
with the text, not with the square of the number of reports.  A run of consecutive
sentences found in one source is one finding; a sentence found in more than
``max-sources`` other reports is stock text of the document type (a formula every report
uses), never a copy; part headings and table rows are never keyed.
"""
from __future__ import annotations

import re
from array import array
from .engine import with_severity
from .messages import msg
from .rule import TEXT_ORDER, Related, lines_message

RULE = "copied-passage"
# A sentence: up to its end mark, or to the end of the line (a line never joins the next).
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
# Dropped from a key: what a copy changes (numbers, in ASCII after folding, with their
# decimal points, and Chinese numerals) and white space.  One C-level translate per
# sentence, and 12件 and 123件 alike.
_DROP = str.maketrans("", "", "0123456789.〇零一二三四五六七八九十百千万亿两 \t\r\u00a0")


class Sentences:
    """A report's keyed sentences, as columns of integers: a corpus holds millions of
    sentences, and an object each would take five times the memory."""

    __slots__ = ("keys", "starts", "ends", "lines", "line_starts")

    def __init__(self):
        # key: the hash of the masked text; line: 1-based; line_start: where it begins.
        self.keys, self.starts, self.ends, self.lines, self.line_starts = (
            array("q"), array("q"), array("q"), array("q"), array("q"))

    def add(self, key: int, start: int, end: int, line: int, line_start: int) -> None:
        self.keys.append(key)
        self.starts.append(start)
        self.ends.append(end)
        self.lines.append(line)
        self.line_starts.append(line_start)

    def __len__(self) -> int:
        return len(self.keys)

    def where(self, first: int, last: int) -> tuple:
        """(line, column, end line, end column), 1-based, of sentences first to last."""
        return (self.lines[first], self.starts[first] - self.line_starts[first] + 1,
                self.lines[last], self.ends[last] - self.line_starts[last] + 1)


class Text:
    """One report as the comparison sees it: its keyed sentences, in order.  (A plain
    class: a dataclass imports inspect, ast, dis and tokenize on the way.)"""

    __slots__ = ("path", "sentences", "options", "source", "_at")

    def __init__(self, path: str, sentences: Sentences, options: dict | None = None,
                 source: bool = True):
        self.path = path
        self.sentences = sentences
        self.options = options     # the rule's options; None: not linted
        self.source = source       # whether other texts are compared with it
        self._at: dict | None = None   # key -> indices of its sentences, built on demand

    def positions(self, key: int) -> list:
        if self._at is None:
            self._at = {}
            for i, k in enumerate(self.sentences.keys):
                self._at.setdefault(k, []).append(i)
        return self._at.get(key, [])


def sentences_of(doc, min_chars: int, masks: tuple = ()) -> Sentences:
    """The keyed sentences of a Document of at least ``min_chars`` characters; lines that
    are a heading alone or a table row are left out (the part headings of a document
    type are the same in every report of that type)."""
    text = doc.folded
    skip = doc.table_lines | {h.line for h in doc.headings if h.standalone}
    out = Sentences()
    for number, span in enumerate(doc.line_spans, start=1):
        if number in skip or span.end - span.start < min_chars:
            continue
        for m in _SENTENCE.finditer(text, span.start, span.end):
            if m.end() - m.start() < min_chars:
                continue
            piece = m.group()
            for name in masks:
                piece = piece.replace(name, "@")
            out.add(hash(piece.translate(_DROP)), m.start(), m.end(), number, span.start)
    return out


def copied_passages(texts: list, rule) -> dict:
    """{index of a linted Text: its findings}: the runs of its sentences found in another
    Text, each as a Finding of ``rule`` with the source as a Related in that file."""
    index: dict[int, list] = {}            # key -> ids of the Texts that hold it, ascending
    for tid, t in enumerate(texts):
        if not t.source:
            continue
        for key in t.sentences.keys:
            holders = index.setdefault(key, [])
            if not holders or holders[-1] != tid:
                holders.append(tid)
    found = {}
    for tid, t in enumerate(texts):
        if t.options is None:
            continue
        s = t.sentences
        least = t.options["min-sentence-chars"]
        mine = [i for i in range(len(s)) if s.ends[i] - s.starts[i] >= least]
        runs = _runs(tid, s, mine, index, t.options)
        if runs:
            found[tid] = _findings(rule, s, mine, runs, texts)
    return found


def _runs(tid: int, s: Sentences, mine: list, index: dict, options: dict) -> list:
    """(source, first, last) of each run of sentences (positions in ``mine``) found in one
    source, the longest first taken, none overlapping another; in text order."""
    open_runs: dict[int, list] = {}        # source -> [first, last] of its current run
    candidates = []
    for p, i in enumerate(mine):
        holders = [h for h in index.get(s.keys[i], ()) if h != tid]
        if len(holders) > options["max-sources"]:
            holders = []                   # stock text: in too many reports to be a copy
        for source in [src for src in open_runs if src not in holders]:
            candidates.append((source, *open_runs.pop(source)))
        for source in holders:
            open_runs.setdefault(source, [p, p])[1] = p
    candidates += [(source, a, b) for source, (a, b) in open_runs.items()]
    taken = [False] * len(mine)
    keep = []
    for source, a, b in sorted(candidates, key=lambda c: (c[1] - c[2], c[1], c[0])):
        if b - a + 1 < options["min-sentences"] or any(taken[a:b + 1]):
            continue
        if sum(s.ends[i] - s.starts[i] for i in mine[a:b + 1]) < options["min-chars"]:
            continue
        taken[a:b + 1] = [True] * (b - a + 1)
        keep.append((source, a, b))
    return sorted(keep, key=lambda c: c[1])


def _source_span(source: Text, keys: list) -> tuple:
    """The first and last sentence (indices) of the longest stretch of ``source`` that
    starts with the run's first key and follows its keys."""
    best = (0, 0)
    theirs = source.sentences.keys
    for i in source.positions(keys[0]):
        j = 1
        while j < len(keys) and i + j < len(theirs) and theirs[i + j] == keys[j]:
            j += 1
        if j > best[1]:
            best = (i, j)
            if j == len(keys):
                break
    i, j = best
    return i, i + j - 1


def _findings(rule, s: Sentences, mine: list, runs: list, texts: list) -> list:
    def chars(a: int, b: int) -> int:
        return sum(s.ends[i] - s.starts[i] for i in mine[a:b + 1])

    total = chars(0, len(mine) - 1)
    copied: dict[int, int] = {}
    for source, a, b in runs:
        copied[source] = copied.get(source, 0) + chars(a, b)
    out = []
    for source, a, b in runs:
        src = texts[source]
        first, last = _source_span(src, [s.keys[i] for i in mine[a:b + 1]])
        theirs = src.sentences
        where = theirs.where(first, last)
        note = msg("the same text in {path}, {lines}", path=src.path,
                   lines=lines_message(where[0], where[2]))
        text = msg("{n} sentences also in {path} (numbers masked); {share}% of this report "
                   "is found there", n=b - a + 1, path=src.path,
                   share=round(100 * copied[source] / max(1, total)))
        out.append(rule.finding(
            s.starts[mine[a]], s.ends[mine[b]], zh=text.text("zh"), en=text.text("en"),
            related=[Related(theirs.starts[first], theirs.ends[last], zh=note.text("zh"),
                             en=note.text("en"), path=src.path, where=where)]))
    return out


def add_copied_passages(report, rule, active_for, compared: list, suppress) -> None:
    """Add the ``copied-passage`` findings to the results of ``report``.

    ``active_for(result)`` is the rule's ActiveRule on a linted file, or None where it
    does not run; ``compared`` holds (path, Document) of the reports to compare with
    (empty: every linted file with every other); ``suppress(result, findings, active)``
    gives the findings the file's suppressions and the baseline leave."""
    actives = [active_for(r) for r in report.results]
    chosen = [a for a in actives if a is not None]
    if not chosen:
        return
    # Keys must be made alike on every side: the longest masks first, the shortest minimum.
    masks = tuple(sorted({m for a in chosen for m in a.options["mask"]}, key=len, reverse=True))
    least = min(a.options["min-sentence-chars"] for a in chosen)
    texts = [Text(r.path, sentences_of(r.doc, least, masks), a.options if a else None,
                  source=not compared) for r, a in zip(report.results, actives)]
    texts += [Text(path, sentences_of(doc, least, masks)) for path, doc in compared]
    for tid, findings in copied_passages(texts, rule).items():
        result, active = report.results[tid], actives[tid]
        findings = suppress(result, [with_severity(f, active) for f in findings], active)
        result.findings = sorted(result.findings + findings, key=TEXT_ORDER)
