"""SARIF 2.1.0, for code scanning (github/codeql-action/upload-sarif) and other viewers.

Columns and character offsets count Unicode code points (``columnKind``), as
every other reportlint position does; end columns are exclusive, as SARIF wants.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from ..messages import msg, say

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative URI for a relative path (code scanning resolves it against the
    repository), a file: URI for an absolute one."""
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(os.path.normpath(path).replace(os.sep, "/"))   # ./a.txt -> a.txt


def region(doc, start: int, end: int) -> dict:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line,
            "endColumn": end_column, "charOffset": start, "charLength": end - start}


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
    where = region(doc, f.start, f.end)
    where["snippet"] = {"text": excerpt(doc.text, f.start, f.end)}
    out = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message(lang)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": where}}],
        "partialFingerprints": {"reportlint/v1": fingerprint(doc, f)},
        "properties": {"category": f.category},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "message": {"text": r.message(lang) or f.rule},
             "physicalLocation": {"artifactLocation": {"uri": uri},
                                  "region": region(doc, r.start, r.end)}}
            for i, r in enumerate(f.related)]
    if f.fix is not None:
        out["fixes"] = [{
            "description": {"text": msg("replace with {text}" if f.fix.safe else
                                        "replace with {text} (unsafe)",
                                        text=f.fix.replacement).text(lang)},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                "deletedRegion": region(doc, f.fix.start, f.fix.end),
                "insertedContent": {"text": f.fix.replacement}}]}],
        }]
    return out


def _notifications(report, lang: str) -> list:
    out = [{"level": "error", "message": {"text": say(message, lang)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]}
           for path, message in report.errors]
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
    return json.dumps(as_dict(report, registry, lang), ensure_ascii=False, indent=2) + "\n"
