"""One line per finding: ``path:line:col: severity rule message``."""
from __future__ import annotations

from ..messages import say
from . import place, shown_path


def finding_line(path, doc, f, lang: str) -> str:
    return f"{place(path, doc, f.start, lang)}: {f.severity} {f.rule} {f.message(lang)}"


def error_line(path: str, message, lang: str) -> str:
    return f"{shown_path(path)}: error: {say(message, lang)}"


def render(report, registry, lang: str = "zh", **kw) -> str:
    out = [finding_line(r.path, r.doc, f, lang) for r in report.results for f in r.findings]
    out += [error_line(p, m, lang) for p, m in report.errors]
    return "".join(line + "\n" for line in out)
