"""The report model: what a run gives the output formats and the library's callers.

Plain data, no behaviour beyond reading itself: the formats import this module and
the rule metadata (``rule``), nothing of the stages that produced it.
"""
from __future__ import annotations

import os
import re

from .record import FrozenRecord, Record

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional
    from .document import Document

# Code points of surrounding text in a finding's fingerprint, on each side, within the line.
FINGERPRINT_CONTEXT = 16
# Code points shown from each end of a long span's excerpt, and what stands for the middle.
EXCERPT_EDGE = 40
EXCERPT_GAP = " … "
_LINE_BREAKS = re.compile(r"\r\n|\r")


class FileResult(Record):
    """What linting one file found: ``path``; ``doc``, the linted Document, for positions;
    ``findings``; ``errors``, messages (a rule that crashed …); ``profile``, the document
    type (None when the run's output does not show it); ``failures``, (rule name, exception)
    of each rule that raised, kept in this process only and left out of equality and repr."""

    _fields = ("path", "doc", "findings", "errors", "profile", "failures")
    _compared = ("path", "doc", "findings", "errors", "profile")

    def __init__(self, path: str, doc: Optional[Document] = None,
                 findings: Optional[list] = None, errors: Optional[list] = None,
                 profile: Optional[str] = None, failures: Optional[list] = None):
        self.path = path
        self.doc = doc
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.profile = profile
        self.failures = [] if failures is None else failures


class Note(FrozenRecord):
    """A finding about a configuration rather than a linted file: an ``ignore:`` entry
    that silenced nothing, at its ``path:line:col``."""

    __slots__ = _fields = ("path", "line", "col", "severity", "rule", "zh", "en")
    path: str
    line: int
    col: int
    severity: str
    rule: str
    zh: str
    en: str

    def __init__(self, path: str, line: int, col: int, severity: str, rule: str, zh: str,
                 en: str):
        self._assign(path, line, col, severity, rule, zh, en)

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Report(Record):
    """What a run found: each file's result, and what the whole run has to say.

    ``results``: FileResult, in the order linted; ``errors``: (path, message);
    ``fix_mode``: "write" (--fix) or "diff" (--diff); ``fixed``: findings fixed (or that a
    diff fixes); ``diffs``: unified diffs, in the order linted; ``fixed_stdin``: standard
    input, fixed; ``notes``: Note, unused ``ignore:`` entries; ``files``: names of the files
    linted (or tried); ``skipped``: files a folder sweep passed over for their extension;
    ``excluded``: files the configuration's ``exclude:`` left out; ``notices``: (path,
    message), what was done otherwise or not at all, without an error (files a sweep passed
    over for what they are: links, FIFOs, devices; links fixed at their target; fixes not
    written to a .docx or .pdf).
    """

    _fields = ("results", "errors", "fix_mode", "fixed", "diffs", "fixed_stdin", "notes",
               "files", "skipped", "excluded", "notices")

    def __init__(self, results: Optional[list] = None, errors: Optional[list] = None,
                 fix_mode: Optional[str] = None, fixed: int = 0, diffs: Optional[list] = None,
                 fixed_stdin: Optional[bytes] = None, notes: Optional[list] = None,
                 files: Optional[list] = None, skipped: Optional[list] = None,
                 excluded: Optional[list] = None, notices: Optional[list] = None):
        self.results = [] if results is None else results
        self.errors = [] if errors is None else errors
        self.fix_mode = fix_mode
        self.fixed = fixed
        self.diffs = [] if diffs is None else diffs
        self.fixed_stdin = fixed_stdin
        self.notes = [] if notes is None else notes
        self.files = [] if files is None else files
        self.skipped = [] if skipped is None else skipped
        self.excluded = [] if excluded is None else excluded
        self.notices = [] if notices is None else notices

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]


def excerpt(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as a report shows it: a long span by its first and last
    EXCERPT_EDGE code points, so that a finding over a whole block stays one line's worth
    (and the middle is never copied)."""
    if end - start <= 2 * EXCERPT_EDGE + len(EXCERPT_GAP):
        return text[start:end]
    return text[start:start + EXCERPT_EDGE] + EXCERPT_GAP + text[end - EXCERPT_EDGE:end]


def shown_path(path: str) -> str:
    """A file name as it can be printed or stored: bytes that are not UTF-8 (a GBK name
    from a Windows archive, which Python reads as surrogate escapes) shown as ``\\xb1``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def fingerprint(doc, f) -> str:
    """A finding's identity that survives edits elsewhere in the file: its rule, its
    excerpt and a little text on each side within its lines, never its line number."""
    text = doc.text
    first = doc.line_spans[doc.position(f.start)[0] - 1]
    last = doc.line_spans[doc.position(f.end)[0] - 1]
    before = text[max(first.start, f.start - FINGERPRINT_CONTEXT):f.start]
    after = text[f.end:min(max(last.end, f.end), f.end + FINGERPRINT_CONTEXT)]
    # CRLF and LF files are the same text.
    parts = [_LINE_BREAKS.sub("\n", p) for p in (before, text[f.start:f.end], after)]
    import hashlib   # here: SARIF and baselines only, and it loads OpenSSL (ms at start-up)

    digest = hashlib.sha256("\0".join([f.rule] + parts).encode("utf-8"))
    return digest.hexdigest()[:20]
