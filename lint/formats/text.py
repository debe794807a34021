"""Human output, as ruff prints it: the finding, the source line with the span
underlined, and one summary line."""
from __future__ import annotations

from collections import Counter

from ..document import display_width
from ..messages import msg, plural, say
from ..report import excerpt
from . import place, related_place, shown_path, summary
from .concise import error_line, finding_line

# Columns of context kept on each side of a span in a long line.
CONTEXT = 40
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def _clip_left(s: str, width: int) -> str:
    out: list[str] = []
    w = 0
    for ch in reversed(s):
        w += display_width(ch)
        if w > width:
            return "…" + "".join(reversed(out))
        out.append(ch)
    return "".join(reversed(out))


def _clip_right(s: str, width: int) -> str:
    out: list[str] = []
    w = 0
    for ch in s:
        w += display_width(ch)
        if w > width:
            return "".join(out) + "…"
        out.append(ch)
    return "".join(out)


def snippet(doc, start: int, end: int) -> tuple[int, str, str]:
    """(line number, the line clipped around the span, a caret line under the span).

    Only the CONTEXT + 1 code points on each side are read (each takes a column or
    more): a line of a million marks costs no more per finding than a short one."""
    line, _ = doc.position(start)
    span = doc.line_spans[line - 1]
    end = min(max(end, start), span.end)
    before = _clip_left(doc.text[max(span.start, start - CONTEXT - 1):start], CONTEXT)
    marked = excerpt(doc.text, start, end)
    after = _clip_right(doc.text[end:min(span.end, end + CONTEXT + 1)], CONTEXT)
    text = (before + marked + after).replace("\t", " ")
    carets = " " * display_width(before) + "^" * max(1, display_width(marked))
    return line, text, carets


def _head(path: str, doc, f, lang: str) -> str:
    """finding_line in colour, built from its parts: replacing words in the whole
    line would colour a path that holds " error " or a space."""
    return (f"{_BOLD}{place(path, doc, f.start, lang)}:{_RESET} "
            f"{_COLORS[f.severity]}{f.severity}{_RESET} "
            f"{f.rule} {f.message(lang)}")


def render(report, registry, lang: str = "zh", color: bool = False, **kw) -> str:
    out = []
    for r in report.results:
        for f in r.findings:
            out.append(_head(r.path, r.doc, f, lang) if color else
                       finding_line(r.path, r.doc, f, lang))
            n, text, carets = snippet(r.doc, f.start, f.end)
            # An extracted text's line numbers are not the file's: the gutter shows none.
            number = str(n) if r.doc.source_map is None else ""
            gutter = " " * len(number)
            out.append(f"{gutter} |")
            out.append(f"{number} | {text}")
            out.append(f"{gutter} | {carets}")
            for rel in f.related:
                out.append(f"{gutter} = {related_place(r.doc, rel, lang)}: {rel.message(lang)}")
            out.append("")
    for path, message in report.errors:
        out.append(error_line(path, message, lang))
    if len(report.results) > 1:
        if out and out[-1]:
            out.append("")
        out += [*file_table(report, lang), ""]
    out += terminal_summary(report, lang)
    return "\n".join(out) + "\n"


def terminal_summary(report, lang: str) -> list:
    """The closing lines: the notices (files passed over, links fixed at their target),
    what --fix did, then the counts."""
    lines = [f"{path}: note: {say(message, lang)}" for path, message in report.notices]
    if report.fix_mode == "write":
        remaining = len(report.findings)
        lines.append(msg("Fixed {n} problem{s}, {remaining} remaining.", n=report.fixed,
                         s=plural(report.fixed), remaining=remaining).text(lang))
    return lines + [summary_line(report, lang)]


def file_table(report, lang: str) -> list:
    """One row per file, worst first: findings per severity and the document type."""
    heads = [msg(h).text(lang) for h in ("errors", "warnings", "info", "profile", "file")]
    rows = []
    for r in report.results:
        counts = Counter(f.severity for f in r.findings)
        rows.append((counts["error"], counts["warning"], counts["info"], r.profile or "-",
                     shown_path(r.path)))
    rows.sort(key=lambda row: (-row[0], -row[1], -row[2]))   # stable: input order on ties
    widths = [max(display_width(str(x)) for x in [h] + [row[i] for row in rows])
              for i, h in enumerate(heads)]

    def line(cells) -> str:
        numbers = [" " * (widths[i] - display_width(str(c))) + str(c)
                   for i, c in enumerate(cells[:3])]
        profile = str(cells[3]) + " " * (widths[3] - display_width(str(cells[3])))
        return "  ".join(numbers + [profile, str(cells[4])])

    return [line(heads)] + [line(row) for row in rows]


def summary_line(report, lang: str) -> str:
    s = summary(report)
    sev = s["by_severity"]
    errors = len(report.errors)
    found = msg("Found {n} problem{s} ({error} error, {warning} warning, {info} info) in "
                "{files} file{fs}", n=s["findings"], s=plural(s["findings"]), files=s["files"],
                fs=plural(s["files"]), **sev).text(lang)
    if errors:
        found += msg("; {n} error{s} (listed above)", n=errors, s=plural(errors)).text(lang)
    return found + msg(".").text(lang)
