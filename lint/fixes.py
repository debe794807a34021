"""Applying fixes: choose the ones that do not overlap, splice them into the bytes,
write atomically, re-lint until nothing fixable is left.

Only the replaced spans are encoded: every other byte of the file (its BOM, its
line endings, its encoding) is copied from the original, and the result is
decoded again to prove it says what the fixed text says.
"""
from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass

from .messages import UserError, msg
from .report import FileResult
from .rule import Finding, Fix, applicable

# Re-lint and fix again at most this often (a fix may uncover another, as in ruff).
MAX_PASSES = 100
# BOM -> the stateless codec for the bytes after it, for the codecs that read a BOM.
_BOM_CODECS = {
    "utf-8-sig": ((codecs.BOM_UTF8, "utf-8"),),
    "utf-16": ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")),
    "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")),
}


class FixError(UserError):
    """Fixes that cannot be written; the message is for the user."""


@dataclass
class Fixed:
    """What fixing one file did."""

    result: FileResult      # of the final text (remaining findings)
    used_ignores: set
    text: str
    raw: bytes
    count: int              # findings fixed
    original_text: str


def choose(findings: list, unsafe: bool = False) -> list:
    """(fix, findings it fixes) in text order, none overlapping another.

    Of two fixes that overlap the first in text order wins; the other finding is
    looked at again after the re-lint.  Two insertions at one offset overlap.
    """
    chosen: list[tuple[Fix, list[Finding]]] = []
    last_start, last_end = -1, -1
    for f in sorted((f for f in findings if applicable(f, unsafe)),
                    key=lambda f: (f.fix.start, f.fix.end)):
        fix = f.fix
        if chosen and fix == chosen[-1][0]:
            chosen[-1][1].append(f)     # one edit fixes both findings
            continue
        if fix.start < last_end or fix.start == last_start:
            continue
        chosen.append((fix, [f]))
        last_start, last_end = fix.start, fix.end
    return chosen


def apply_text(text: str, fixes: list) -> str:
    out, pos = [], 0
    for fix in fixes:
        out += [text[pos:fix.start], fix.replacement]
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


def _layout(raw: bytes, encoding: str) -> tuple:
    """(length of the BOM, the codec of the bytes after it)."""
    name = codecs.lookup(encoding).name
    for bom, codec in _BOM_CODECS.get(name, ()):
        if raw.startswith(bom):
            return len(bom), codec
    if name in ("utf-16", "utf-32"):
        return 0, name + "-le"     # no BOM: Python reads these as little-endian
    return 0, "utf-8" if name == "utf-8-sig" else name


def splice(raw: bytes, text: str, encoding: str, fixes: list) -> tuple:
    """(new bytes, new text): the fixes spliced into ``raw``, decoded as ``text``.

    Raises FixError when a replacement cannot be encoded, or when the encoding is
    one whose bytes cannot be cut apart (a stateful one): the file is then left alone.
    """
    new_text = apply_text(text, fixes)
    prefix, codec = _layout(raw, encoding)
    out, pos_b, pos_t = [raw[:prefix]], prefix, 0
    try:
        for fix in fixes:
            kept = len(text[pos_t:fix.start].encode(codec))
            out.append(raw[pos_b:pos_b + kept])
            pos_b += kept + len(text[fix.start:fix.end].encode(codec))
            out.append(fix.replacement.encode(codec))
            pos_t = fix.end
    except UnicodeEncodeError as e:
        raise FixError(msg("the fix {fix} cannot be written in {encoding}",
                           fix=repr(e.object[e.start:e.end]), encoding=encoding)) from None
    out.append(raw[pos_b:])
    new_raw = b"".join(out)
    try:
        same = new_raw.decode(encoding) == new_text
    except UnicodeDecodeError:
        same = False
    if not same:
        raise FixError(msg("cannot splice fixes into a file in {encoding}: left unchanged",
                           encoding=encoding))
    return new_raw, new_text


def fix_document(lint_text, source, unsafe: bool, to_source=None) -> Fixed:
    """Fix, re-lint and fix again until nothing applicable is left.

    ``lint_text(text)`` lints a text and returns (FileResult, used ignores).
    ``to_source(doc, fix)``, for a text extracted from ``source.text`` (an HTML page):
    the fix moved to the source's offsets, or None when it cannot be written there.
    """
    text, raw, count = source.text, source.raw, 0
    seen = {hash(text)}   # hashes: a big file is not kept a hundred times
    result, used = lint_text(text)
    for _ in range(MAX_PASSES):
        chosen = choose(result.findings, unsafe)
        if to_source is not None:
            moved = ((to_source(result.doc, fix), fs) for fix, fs in chosen)
            chosen = [(fix, fs) for fix, fs in moved if fix is not None]
        if not chosen:
            return Fixed(result, used, text, raw, count, source.text)
        raw, text = splice(raw, text, source.encoding, [fix for fix, _ in chosen])
        if hash(text) in seen:   # two rules undo each other's fixes: writing either is wrong
            rules = sorted({f.rule for _, fs in chosen for f in fs})
            raise FixError(msg("the fixes of {rules} undo each other", rules=rules))
        seen.add(hash(text))
        count += sum(len(fs) for _, fs in chosen)
        result, used = lint_text(text)
    # Writing a state that a next --fix would change again would not be idempotent.
    raise FixError(msg("the fixes did not settle after {rounds} rounds", rounds=MAX_PASSES))


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff of two texts, as ``diff -u`` prints it."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(a, b, fromfile=name, tofile=name):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
