"""SARIF 2.1.0, for code scanning (github/codeql-action/upload-sarif) and other viewers.

Columns and character offsets count Unicode code points (``columnKind``), as
every other reportlint position does; end columns are exclusive, as SARIF wants.
"""
from __future__ import annotations

import os
from urllib.parse import quote

from .. import __version__
from ..messages import msg, say
from . import line_column
from .jsontext import json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative URI for a relative path (code scanning resolves it against the
    repository), a file: URI for an absolute one; both percent-encode the name's bytes,
    a name that is not UTF-8 (GBK from a Windows archive) included."""
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(os.fsencode(os.path.normpath(path).replace(os.sep, "/")))   # ./a.txt -> a.txt


def region(doc, start: int, end: int) -> dict:
    """The span in the file: lines and columns, and character offsets in a text file;
    the page's lines and columns in an .html file (its offsets are the extracted text's)."""
    where = doc.locate(start)
    if where is not None:
        line, column = line_column(doc, start, in_source=True)
        end_line, end_column = line_column(doc, end, in_source=True)
        return {"startLine": line, "startColumn": column, "endLine": end_line,
                "endColumn": end_column}
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line,
            "endColumn": end_column, "charOffset": start, "charLength": end - start}


def physical(doc, uri: str, start: int, end: int) -> dict:
    """A physicalLocation; in a .docx or a .pdf, which have no lines, the file alone."""
    where = doc.locate(start)
    if where is not None and where.kind != "html":
        return {"artifactLocation": {"uri": uri}}
    return {"artifactLocation": {"uri": uri}, "region": region(doc, start, end)}


def logical(doc, start: int) -> list:
    """The paragraph, table cell or page of a .docx or .pdf, as a logical location."""
    where = doc.locate(start)
    if where is None or where.kind == "html":
        return []
    return [{"name": where.label().text("zh"), "fullyQualifiedName": where.label().text("en"),
             "kind": "element", "properties": where.as_dict()}]


def rule_descriptor(rule, lang: str) -> dict:
    from ..ruledoc import help_markdown, help_text

    return {
        "id": rule.name,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.get(lang) or rule.name},
        "fullDescription": {"text": rule.rationale.get(lang) or rule.summary.get(lang)
                            or rule.name},
        "help": {"text": help_text(rule, lang), "markdown": help_markdown(rule, lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _rules(report, registry) -> list:
    rules = dict(registry.rules)
    for f in report.findings:
        if f.rule not in rules and registry.describe(f.rule):
            rules[f.rule] = registry.describe(f.rule)
    return [rules[name] for name in sorted(rules)]


def result(doc, path: str, f, index: dict, lang: str) -> dict:
    from ..report import excerpt, fingerprint

    uri = artifact_uri(path)
    place = physical(doc, uri, f.start, f.end)
    if "region" in place:
        place["region"]["snippet"] = {"text": excerpt(doc.text, f.start, f.end)}
    location: dict = {"physicalLocation": place}
    if logical(doc, f.start):
        location["logicalLocations"] = logical(doc, f.start)
    out = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message(lang)},
        "locations": [location],
        "partialFingerprints": {"reportlint/v1": fingerprint(doc, f)},
        "properties": {"category": f.category},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "message": {"text": r.message(lang) or f.rule},
             "physicalLocation": _related_place(doc, r, uri)}
            for i, r in enumerate(f.related)]
    if f.fix is not None and (doc.source_map is None or doc.source_map.format == "html"):
        out["fixes"] = [{
            "description": {"text": msg("replace with {text}" if f.fix.safe else
                                        "replace with {text} (unsafe)",
                                        text=f.fix.replacement).text(lang)},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                "deletedRegion": region(doc, f.fix.start, f.fix.end),
                "insertedContent": {"text": f.fix.replacement}}]}],
        }]
    return out


def _related_place(doc, r, uri: str) -> dict:
    """A related span in the finding's file, or in the other file it names."""
    if r.path is None:
        return physical(doc, uri, r.start, r.end)
    line, column, end_line, end_column = r.where
    return {"artifactLocation": {"uri": artifact_uri(r.path)},
            "region": {"startLine": line, "startColumn": column, "endLine": end_line,
                       "endColumn": end_column, "charOffset": r.start,
                       "charLength": r.end - r.start}}


def _notifications(report, lang: str) -> list:
    out = [{"level": "error", "message": {"text": say(message, lang)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]}
           for path, message in report.errors]
    out += [{"level": "note", "message": {"text": say(message, lang)},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]}
            for path, message in report.notices]
    for note in report.notes:
        out.append({"level": LEVELS[note.severity], "message": {"text": note.message(lang)}, "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(note.path)},
                                 "region": {"startLine": note.line, "startColumn": note.col}}}]})
    return out


def as_dict(report, registry, lang: str) -> dict:
    rules = _rules(report, registry)
    index = {r.name: i for i, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "reportlint", "version": __version__, "semanticVersion": __version__,
                "rules": [rule_descriptor(r, lang) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "results": [result(r.doc, r.path, f, index, lang)
                        for r in report.results for f in r.findings],
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": _notifications(report, lang)}],
        }],
    }


def render(report, registry, lang: str = "zh", **kw) -> str:
    return json_text(as_dict(report, registry, lang)) + "\n"
