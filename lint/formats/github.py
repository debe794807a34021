"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=a.txt,line=2,col=10,endLine=2,endColumn=15,title=reversed-quotes::message

Columns are 1-based code points; the end column is exclusive, as in ruff's output.  A
finding over several lines has no columns: the Actions toolkit allows ``col`` and
``endColumn`` only when ``line`` and ``endLine`` are the same.
"""
from __future__ import annotations

import os

from ..messages import say
from . import finding_location, shown_path

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    """The message: GitHub unescapes %25, %0D and %0A."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """A property value: also ``:`` and ``,``, which end a property."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level} {fields}::{escape_data(message)}"


def _file(path: str) -> str:
    """The path as GitHub matches it against the checkout: ./a.txt is a.txt."""
    return shown_path(os.path.normpath(path).replace(os.sep, "/")) if path != "-" else path


def render(report, registry, lang: str = "zh", **kw) -> str:
    out = []
    for r in report.results:
        for f in r.findings:
            place = r.doc.locate(f.start)
            if place is not None and place.kind != "html":
                # A .docx or .pdf has no lines to annotate: the file, and the place in words.
                out.append(command(LEVELS[f.severity],
                                   f"{place.label().text(lang)}: {f.message(lang)}",
                                   file=_file(r.path), title=f.rule))
                continue
            loc = finding_location(r.doc, f, in_source=True)
            where = {"line": loc["line"], "col": loc["column"], "endLine": loc["end_line"],
                     "endColumn": loc["end_column"]}
            if loc["line"] != loc["end_line"]:   # the Actions toolkit forbids columns then
                del where["col"], where["endColumn"]
            out.append(command(LEVELS[f.severity], f.message(lang), file=_file(r.path),
                               **where, title=f.rule))
    for path, message in report.errors:
        out.append(command("error", say(message, lang), file=_file(path), title="reportlint"))
    return "".join(line + "\n" for line in out)
