"""Output formats: one module per format, each with ``render(report, registry, lang) -> str``."""
from __future__ import annotations

import importlib
from collections import Counter

from ..report import shown_path  # noqa: F401 (the formats' name for it)

FORMATS = ("text", "concise", "json", "sarif", "github", "html")
# The formats that show each file's document type (text in its table of files).
PROFILE_SHOWN = ("text", "json", "html")
SEVERITY_ORDER = ("error", "warning", "info")


def render(name: str, report, registry, lang: str = "zh", **kw) -> str:
    module = importlib.import_module(f"reportlint.formats.{name}")
    return module.render(report, registry, lang, **kw)


def finding_location(doc, f, in_source: bool = False) -> dict:
    """Line and column (1-based, code points) of a finding's start and end in the linted
    text; ``in_source``: in the page itself, for an .html file."""
    line, column = line_column(doc, f.start, in_source)
    # The end is exclusive: report the column just after the last character.
    end_line, end_column = line_column(doc, f.end, in_source)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def related_location(doc, r) -> tuple:
    """(path or None, line, column) where a related span starts: in the finding's own
    document, or in the other file it names (a copied passage's source)."""
    if r.path is not None:
        return r.path, r.where[0], r.where[1]
    line, column = doc.position(r.start)
    return None, line, column


def line_column(doc, offset: int, in_source: bool = False) -> tuple:
    loc = doc.locate(offset) if in_source else None
    return loc.numbers if loc is not None and loc.kind == "html" else doc.position(offset)


def place(path: str, doc, offset: int, lang: str) -> str:
    """Where a finding is, as the text formats print it: ``path:line:col`` in a text
    file or an .html page (the page's own line and column), ``path: 第12段`` in a .docx,
    ``path: 第3页第7行`` in a .pdf."""
    path = shown_path(path)
    loc = doc.locate(offset)
    if loc is None:
        line, column = doc.position(offset)
        return f"{path}:{line}:{column}"
    label = loc.label().text(lang)
    return f"{path}:{label}" if loc.kind == "html" else f"{path}: {label}"


def related_place(doc, r, lang: str) -> str:
    """A related span's place: without the path in the finding's own file, with it in
    another (a copied passage's source)."""
    if r.path is not None:
        return f"{shown_path(r.path)}:{r.where[0]}:{r.where[1]}"
    offset = r.start
    loc = doc.locate(offset)
    if loc is None:
        line, column = doc.position(offset)
        return f"{line}:{column}"
    return loc.label().text(lang)


def summary(report) -> dict:
    by_sev = Counter(f.severity for f in report.findings)
    by_rule = Counter(f.rule for f in report.findings)
    return {
        "files": len(report.results),
        "findings": sum(by_sev.values()),
        "by_severity": {s: by_sev.get(s, 0) for s in SEVERITY_ORDER},
        "by_rule": dict(sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def copied_share(result) -> float:
    """The share of a file's text (0 to 1) that its ``copied-passage`` findings cover,
    overlaps counted once: how much of the report is copied."""
    if result.doc is None or not result.doc.text:
        return 0.0
    covered = reach = 0
    for start, end in sorted((f.start, f.end) for f in result.findings
                             if f.rule == "copied-passage"):
        covered += max(end - max(start, reach), 0)
        reach = max(reach, end)
    return covered / len(result.doc.text)
