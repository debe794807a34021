"""The JSON report: a stable contract other tools parse (version 1)."""
from __future__ import annotations

from .. import __version__
from ..messages import say
from ..report import excerpt
from . import finding_location, related_location, shown_path, summary
from .jsontext import json_text


def finding_record(doc, f, lang: str) -> dict:
    record = {"rule": f.rule, "category": f.category, "severity": f.severity,
              "message": f.message(lang)}
    record.update(finding_location(doc, f))
    loc = doc.locate(f.start)
    if loc is not None:   # where it is in the .html, .docx or .pdf file
        record["location"] = loc.as_dict()
    record.update({
        "start": f.start, "end": f.end, "excerpt": excerpt(doc.text, f.start, f.end),
        "related": [related_record(doc, r, lang) for r in f.related],
        "fix": None if f.fix is None else {
            "start": f.fix.start, "end": f.fix.end, "replacement": f.fix.replacement,
            "safe": f.fix.safe},
    })
    return record


def related_record(doc, r, lang: str) -> dict:
    path, line, column = related_location(doc, r)
    record = {"line": line, "column": column, "start": r.start, "end": r.end,
              "message": r.message(lang)}
    if path is not None:
        record["path"] = path
    return record


def as_dict(report, registry, lang: str) -> dict:
    return {
        "version": 1,
        "tool": {"name": "reportlint", "version": __version__},
        "files": [{"path": shown_path(r.path), "profile": r.profile,
                   "findings": [finding_record(r.doc, f, lang) for f in r.findings]}
                  for r in report.results],
        "errors": [{"path": shown_path(path), "message": say(message, lang)}
                   for path, message in report.errors],
        # What the run did otherwise or not at all, without an error: a link passed over,
        # a link fixed at its target, fixes not written to a .docx.
        "notices": [{"path": shown_path(path), "message": say(message, lang)}
                    for path, message in report.notices],
        "summary": summary(report),
    }


def render(report, registry, lang: str = "zh", **kw) -> str:
    return json_text(as_dict(report, registry, lang)) + "\n"
