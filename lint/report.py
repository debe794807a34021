"""The report model: what a run gives the output formats and the library's callers.

Plain data, no behaviour beyond reading itself: the formats import this module and
the rule metadata (``rule``), nothing of the stages that produced it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .document import Document

# Code points of surrounding text in a finding's fingerprint, on each side, within the line.
FINGERPRINT_CONTEXT = 16
# Code points shown from each end of a long span's excerpt, and what stands for the middle.
EXCERPT_EDGE = 40
EXCERPT_GAP = " … "
_LINE_BREAKS = re.compile(r"\r\n|\r")


@dataclass
class FileResult:
    """What linting one file found.  (A docstring spares ``dataclass`` making one from the
    signature, which costs a start a fraction of a millisecond.)"""

    path: str
    doc: Optional[Document] = None                 # the linted Document, for positions
    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)     # messages: a rule that crashed …
    profile: Optional[str] = None
    # (rule name, exception) of each rule that raised; kept in this process only
    failures: list = field(default_factory=list, repr=False, compare=False)


@dataclass(frozen=True)
class Note:
    """A finding about a configuration rather than a linted file: an ``ignore:`` entry
    that silenced nothing, at its ``path:line:col``."""

    path: str
    line: int
    col: int
    severity: str
    rule: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Report:
    """What a run found: each file's result, and what the whole run has to say."""

    results: list = field(default_factory=list)   # FileResult, in the order linted
    errors: list = field(default_factory=list)    # (path, message)
    fix_mode: Optional[str] = None                # "write" (--fix) or "diff" (--diff)
    fixed: int = 0                                # findings fixed (or that a diff fixes)
    diffs: list = field(default_factory=list)     # unified diffs, in the order linted
    fixed_stdin: Optional[bytes] = None           # standard input, fixed
    notes: list = field(default_factory=list)     # Note: unused ignore: entries
    files: list = field(default_factory=list)     # names of the files linted (or tried)
    skipped: list = field(default_factory=list)   # files a folder sweep passed over: extension
    excluded: list = field(default_factory=list)  # files the configuration's exclude: left out
    # (path, message): what was done otherwise or not at all, without an error: files a
    # sweep passed over for what they are (links, FIFOs, devices), links fixed at their
    # target, fixes not written to a .docx or .pdf
    notices: list = field(default_factory=list)

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
