"""Baselines: record today's findings so that a gate fails only on new ones.

A finding is known by its rule, its file (relative to the baseline's folder) and a
fingerprint of its excerpt with a little text on each side, never by its line:
an edit elsewhere in the file leaves it matched.  The same excerpt in the same
surroundings may occur several times; the baseline counts them, and a run reports
only the occurrences beyond the count.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter

VERSION = 1
# Code points of surrounding text in the fingerprint, on each side, within the line.
CONTEXT = 16
EXCERPT_SHOWN = 60
_LINE_BREAKS = re.compile(r"\r\n|\r")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message is for the user."""


def fingerprint(doc, f) -> str:
    text = doc.text
    first = doc.line_spans[doc.position(f.start)[0] - 1]
    last = doc.line_spans[doc.position(f.end)[0] - 1]
    before = text[max(first.start, f.start - CONTEXT):f.start]
    after = text[f.end:min(max(last.end, f.end), f.end + CONTEXT)]
    # CRLF and LF files are the same text.
    parts = [_LINE_BREAKS.sub("\n", p) for p in (before, text[f.start:f.end], after)]
    digest = hashlib.sha256("\0".join([f.rule] + parts).encode("utf-8"))
    return digest.hexdigest()[:20]


def _key_path(path: str, base_dir: str) -> str:
    if path == "-":
        return path
    rel = os.path.relpath(os.path.abspath(path), base_dir)
    return rel.replace(os.sep, "/")


def _keys(report, base_dir: str):
    """(key, finding, excerpt) for every finding, in report order."""
    for r in report.results:
        path = _key_path(r.path, base_dir)
        for f in r.findings:
            yield (path, f.rule, fingerprint(r.doc, f)), f, r.doc.text[f.start:f.end]


def write(report, path: str) -> int:
    """Write the baseline of ``report`` to ``path``; returns how many findings it holds."""
    base_dir = os.path.dirname(os.path.abspath(path))
    counts: Counter[tuple[str, str, str]] = Counter()  # by (path, rule, fingerprint)
    excerpts: dict[tuple[str, str, str], str] = {}
    for key, _, excerpt in _keys(report, base_dir):
        counts[key] += 1
        excerpts.setdefault(key, excerpt)
    entries = [{"path": p, "rule": rule, "fingerprint": fp, "count": counts[(p, rule, fp)],
                "excerpt": _shorten(excerpts[(p, rule, fp)])}
               for p, rule, fp in sorted(counts)]
    data = json.dumps({"version": VERSION, "tool": "reportlint", "findings": entries},
                      ensure_ascii=False, indent=2) + "\n"
    from .fixes import write_atomic

    try:
        write_atomic(path, data.encode("utf-8"))
    except OSError as e:
        raise BaselineError(f"cannot write the baseline {path}: {e.strerror or e}") from None
    return sum(counts.values())


def _shorten(s: str) -> str:
    s = _LINE_BREAKS.sub("\n", s)
    if len(s) <= EXCERPT_SHOWN:
        return s
    half = EXCERPT_SHOWN // 2
    return s[:half] + "…" + s[-half:]


def load(path: str) -> Counter:
    """The counts of a baseline file, by (path, rule, fingerprint); raises BaselineError."""
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file") from None
    except OSError as e:
        raise BaselineError(f"baseline {path}: cannot read it: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"baseline {path}: not UTF-8") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"baseline {path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != VERSION:
        raise BaselineError(f"baseline {path}: not a reportlint baseline (version {VERSION}, "
                            "written by --write-baseline)")
    counts: Counter[tuple[str, str, str]] = Counter()
    for i, entry in enumerate(entries):
        try:
            key = (entry["path"], entry["rule"], entry["fingerprint"])
            count = entry.get("count", 1)
            if not all(isinstance(k, str) for k in key) or not isinstance(count, int) \
                    or isinstance(count, bool) or count < 1:
                raise TypeError
        except (TypeError, KeyError, AttributeError):
            raise BaselineError(f"baseline {path}: entry {i + 1} needs a path, rule and "
                                "fingerprint (strings) and a positive count") from None
        counts[key] += count
    return counts


def apply(report, counts: Counter, baseline_path: str) -> int:
    """Drop the findings the baseline knows (the first ones of each key); returns how many."""
    base_dir = os.path.dirname(os.path.abspath(baseline_path))
    left = Counter(counts)
    dropped = set()
    for key, f, _ in _keys(report, base_dir):
        if left[key] > 0:
            left[key] -= 1
            dropped.add(id(f))
    for r in report.results:
        r.findings = [f for f in r.findings if id(f) not in dropped]
    return len(dropped)
