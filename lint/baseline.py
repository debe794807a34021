"""Baselines: record today's findings so that a gate fails only on new ones.

A finding is known by its rule, its file (relative to the baseline's folder) and a
fingerprint of its excerpt with a little text on each side, never by its line:
an edit elsewhere in the file leaves it matched.  The same excerpt in the same
surroundings may occur several times; the baseline counts them, and a run reports
only the occurrences beyond the count.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter

from .messages import UserError, msg
from .report import excerpt, fingerprint, shown_path

VERSION = 1
# The most a baseline may hold: some 250,000 entries (about 240 bytes each), read
# in a few seconds; more is not a baseline but a file to refuse (/dev/zero never ends).
MAX_BYTES = 64 * 1024 * 1024
_LINE_BREAKS = re.compile(r"\r\n|\r")


class BaselineError(UserError):
    """A baseline file that cannot be read or written; the message is for the user."""


def _key_path(path: str, base_dir: str) -> str:
    if path == "-":
        return path
    rel = os.path.relpath(os.path.abspath(path), base_dir)
    return shown_path(rel.replace(os.sep, "/"))   # a JSON key is text: a GBK name escaped


def _keys(report, base_dir: str):
    """(key, finding, excerpt) for every finding, in report order."""
    for r in report.results:
        path = _key_path(r.path, base_dir)
        for f in r.findings:
            yield (path, f.rule, fingerprint(r.doc, f)), f, excerpt(r.doc.text, f.start, f.end)


def write(report, path: str) -> int:
    """Write the baseline of ``report`` to ``path``; returns how many findings it holds."""
    base_dir = os.path.dirname(os.path.abspath(path))
    counts: Counter[tuple[str, str, str]] = Counter()  # by (path, rule, fingerprint)
    excerpts: dict[tuple[str, str, str], str] = {}
    for key, _, shown in _keys(report, base_dir):
        counts[key] += 1
        excerpts.setdefault(key, shown)
    entries = [{"path": p, "rule": rule, "fingerprint": fp, "count": counts[(p, rule, fp)],
                "excerpt": _LINE_BREAKS.sub("\n", excerpts[(p, rule, fp)])}
               for p, rule, fp in sorted(counts)]
    data = json.dumps({"version": VERSION, "tool": "reportlint", "findings": entries},
                      ensure_ascii=False, indent=2) + "\n"
    from .writing import write_atomic

    raw = data.encode("utf-8")
    if len(raw) > MAX_BYTES:   # it could not be read back
        raise BaselineError(msg("cannot write the baseline {path}: {reason}", path=path,
                                reason=msg("larger than {limit} MiB, the most a baseline may "
                                           "hold", limit=MAX_BYTES >> 20)))
    try:
        write_atomic(path, raw)
    except OSError as e:
        raise BaselineError(msg("cannot write the baseline {path}: {reason}", path=path,
                                reason=e.strerror or str(e))) from None
    return sum(counts.values())


def load(path: str) -> Counter:
    """The counts of a baseline file, by (path, rule, fingerprint); raises BaselineError."""
    from .reading import NotRegularFile, TooLarge, read_regular

    try:
        data = json.loads(read_regular(path, MAX_BYTES)[0].decode("utf-8"))
    except NotRegularFile as e:
        raise BaselineError(msg("baseline {path}: not a regular file ({kind})", path=path,
                                kind=e.kind)) from None
    except TooLarge:
        raise BaselineError(msg("baseline {path}: {reason}", path=path,
                                reason=msg("larger than {limit} MiB, the most a baseline may "
                                           "hold", limit=MAX_BYTES >> 20))) from None
    except FileNotFoundError:
        raise BaselineError(msg("baseline {path}: no such file", path=path)) from None
    except OSError as e:
        raise BaselineError(msg("baseline {path}: cannot read it: {reason}", path=path,
                                reason=e.strerror or str(e))) from None
    except UnicodeDecodeError:
        raise BaselineError(msg("baseline {path}: not UTF-8", path=path)) from None
    except json.JSONDecodeError as e:
        raise BaselineError(msg("baseline {path}:{line}:{col}: not valid JSON: {problem}",
                                path=path, line=e.lineno, col=e.colno, problem=e.msg)) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != VERSION:
        raise BaselineError(msg("baseline {path}: not a reportlint baseline (version {version}, "
                                "written by --write-baseline)", path=path, version=VERSION))
    counts: Counter[tuple[str, str, str]] = Counter()
    for i, entry in enumerate(entries):
        try:
            key = (entry["path"], entry["rule"], entry["fingerprint"])
            count = entry.get("count", 1)
            if not all(isinstance(k, str) for k in key) or not isinstance(count, int) \
                    or isinstance(count, bool) or count < 1:
                raise TypeError
        except (TypeError, KeyError, AttributeError):
            raise BaselineError(msg("baseline {path}: entry {n} needs a path, rule and "
                                    "fingerprint (strings) and a positive count", path=path,
                                    n=i + 1)) from None
        counts[key] += count
    return counts


class Baseline:
    """The findings a baseline records, dropped file by file (the first occurrences of
    each key); a file's keys hold its path, so files can be filtered in any process."""

    def __init__(self, counts: Counter, path: str):
        self.counts = counts
        self.path = path
        self.base_dir = os.path.dirname(os.path.abspath(path))

    def filter(self, result) -> list:
        """The findings of one FileResult that the baseline does not record."""
        if not self.counts:
            return result.findings
        path = _key_path(result.path, self.base_dir)
        left: Counter = Counter()
        kept = []
        for f in result.findings:
            key = (path, f.rule, fingerprint(result.doc, f))
            if left[key] < self.counts.get(key, 0):
                left[key] += 1
            else:
                kept.append(f)
        return kept
