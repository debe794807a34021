"""``--format html``: one page for a person to read, opened from disk: the summary (a bar
per rule), the files worst first, every finding with its lines and the span highlighted,
its fix as a diff, the spans it points at beside it, and filters by severity, rule and
file.  Self-contained: the styles and the one small script are inline, a content
security policy lets nothing else load or run, and without the script everything shows.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter

from .. import __version__
from ..document import Document
from ..messages import msg, say
from . import SEVERITY_ORDER, copied_share, summary

# Bounds of an excerpt, so that a long finding costs no more than a short one.
CONTEXT = 30                    # characters of unmarked text kept beside a mark, in its line
HEAD = TAIL = 60                # characters of a long mark kept from its start and its end
HEAD_LINES, TAIL_LINES = 3, 2   # lines of a long mark kept from its start and its end
MAX_RELATED = 3                 # related spans drawn per finding

# What HTML does not allow as text (controls other than whitespace, noncharacters).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")

_STYLE = """
body{font:15px/1.55 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;
max-width:1200px;padding:0 1em 3em;color:#1d1d1f;background:#fff}
h1{font-size:1.5em;margin:.8em 0 .2em}h2{font-size:1.2em;margin:1.4em 0 .4em}
h3{font-size:1em;margin:1.2em 0 .4em;padding:.3em .5em;background:#f1f3f5;word-break:break-all}
table{border-collapse:collapse;margin:.4em 0}td,th{padding:.15em .6em;text-align:left;
vertical-align:top}th{border-bottom:1px solid #ccc}td.n{text-align:right;
font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.8em;background:#5b7db1;min-width:1px}
.error{--c:#c62828}.warning{--c:#b26a00}.info{--c:#1565c0}
.sev{color:#fff;background:var(--c);border-radius:3px;padding:0 .4em;font-size:.85em}
.finding{border-left:4px solid var(--c);margin:.8em 0;padding:.2em 0 .2em .7em}
.finding h4{font-size:1em;font-weight:normal;margin:0 0 .3em}.finding code{font-weight:600}
.loc{color:#555;font-variant-numeric:tabular-nums}
.src{font:14px/1.5 ui-monospace,"Noto Sans Mono CJK SC",monospace;background:#fafafa;
border:1px solid #e3e3e3;padding:.3em 0;white-space:pre-wrap;word-break:break-all;margin:.2em 0}
.l{padding:0 .6em 0 4.2em;text-indent:-3.6em}
.l::before{content:attr(data-n);display:inline-block;width:3em;margin-right:.6em;
text-align:right;color:#999;text-indent:0}
.gap{color:#777;padding-left:4.2em;font-style:italic}.cut{color:#999}
mark{background:#ffe58f;color:inherit}.at::before{content:"\\2038";color:#c62828}
mark.rel{background:#cfe3ff}
.old .l{background:#fff0f0}.new .l{background:#effbef}
.old .l::before{content:"-" attr(data-n)}.new .l::before{content:"+" attr(data-n)}
del{background:#ffc9c9}ins{background:#b7ebb7;text-decoration:none}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8em}
@media (max-width:800px){.pair{grid-template-columns:1fr}}
.note{color:#555;font-size:.9em}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.4em 0;
z-index:1}#filters fieldset{display:inline-block;border:0;margin:0 1em 0 0;padding:0}
#filters legend{float:left;margin-right:.5em;font-weight:600}
#filters label{margin-right:.7em;white-space:nowrap}
"""

# Filters: a finding shows when its severity and rule are ticked and its file chosen.
# Without the script the form stays hidden and every finding shows.  The form stays at the
# top of the window: a link to a file scrolls that far less.
_SCRIPT = """
(function(){
var form=document.getElementById("filters"),out=form.querySelector("output");
var files=document.querySelectorAll("section.file");
function ticked(name){var on=Object.create(null);
form.querySelectorAll("input[name="+name+"]:checked")
.forEach(function(i){on[i.value]=true});return on}
function apply(){var sev=ticked("severity"),rule=ticked("rule"),file=form.elements.file.value,
shown=0;files.forEach(function(s){var any=false,here=!file||s.dataset.file===file;
s.querySelectorAll(".finding").forEach(function(f){var v=here&&sev[f.dataset.severity]&&
rule[f.dataset.rule];f.hidden=!v;if(v){shown++;any=true}});s.hidden=!any});
out.textContent=shown}
function pad(){document.documentElement.style.scrollPaddingTop=form.offsetHeight+"px"}
form.addEventListener("change",apply);
form.querySelector("button").addEventListener("click",function(){form.reset();apply()});
window.addEventListener("resize",pad);
form.hidden=false;pad();apply()})();
"""
# Only this script may run, even if some text escaped its escaping.
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()
_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; "
           f"script-src 'sha256-{_SCRIPT_HASH}'")


def esc(text: str) -> str:
    """Text as HTML text or a quoted attribute value: markup stays text."""
    return html.escape(_NOT_TEXT.sub("\ufffd", text), quote=True)


def render(report, registry, lang: str = "zh", **kw) -> str:
    ordered = worst_first(report.results)
    docs = {r.path: r.doc for r in report.results if r.doc is not None}
    body = [f"<h1>{esc(msg('reportlint report').text(lang))}</h1>",
            _summary(report, registry, lang), _file_table(report, ordered, lang),
            _problems(report, lang)]
    with_findings = [r for r in ordered if r.findings]
    if with_findings:
        body += [f"<h2>{esc(msg('Findings').text(lang))}</h2>",
                 _filters(report, with_findings, lang)]
        body += [_file_section(r, i, docs, lang) for i, r in enumerate(ordered)
                 if r.findings]
    made = msg("made by reportlint {version}", version=__version__).text(lang)
    body.append(f'<p class="note">{esc(made)}</p>')
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(msg('reportlint report').text(lang))}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])


def worst_first(results) -> list:
    """The files by errors, then warnings, then infos, most first; ties in linted order
    (the text format's file table)."""
    def counts(r):
        c = Counter(f.severity for f in r.findings)
        return (-c["error"], -c["warning"], -c["info"])

    return sorted(results, key=counts)


# -- the summary -------------------------------------------------------------------------

def _summary(report, registry, lang: str) -> str:
    from .text import summary_line

    s = summary(report)
    out = [f"<p>{esc(summary_line(report, lang))}</p>"]
    if s["by_rule"]:
        most = max(s["by_rule"].values())
        rows = []
        for name, count in s["by_rule"].items():
            rule = registry.describe(name)
            about = rule.summary.get(lang, "") if rule else ""
            width = f"{100 * count / most:.1f}".rstrip("0").rstrip(".")
            rows.append(f'<tr><td><code>{esc(name)}</code></td><td class="n">{count}</td>'
                        f'<td style="width:30%"><span class="bar" style="width:{width}%">'
                        f'</span></td><td>{esc(about)}</td></tr>')
        heads = (f"<th>{esc(msg('rule').text(lang))}</th>"
                 f"<th>{esc(msg('findings').text(lang))}</th><th></th>"
                 f"<th>{esc(msg('summary').text(lang))}</th>")
        out.append(f'<table id="rules"><tr>{heads}</tr>{"".join(rows)}</table>')
    return f'<section id="summary"><h2>{esc(msg("Summary").text(lang))}</h2>' \
           f'{"".join(out)}</section>'


def _file_table(report, ordered: list, lang: str) -> str:
    # The copied share appears once there is something copied to measure.
    copied = any(f.rule == "copied-passage" for f in report.findings)
    heads = ["errors", "warnings", "info"] + (["copied"] if copied else []) + ["profile", "file"]
    rows = []
    for i, r in enumerate(ordered):
        c = Counter(f.severity for f in r.findings)
        cells = [f'<td class="n">{c[s]}</td>' for s in SEVERITY_ORDER]
        if copied:
            cells.append(f'<td class="n">{copied_share(r):.0%}</td>')
        name = esc(r.path)
        link = f'<a href="#file-{i}">{name}</a>' if r.findings else name
        cells += [f"<td>{esc(r.profile or '-')}</td>", f"<td>{link}</td>"]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{esc(msg(h).text(lang))}</th>" for h in heads)
    return (f'<section id="files"><h2>{esc(msg("Files, worst first").text(lang))}</h2>'
            f"<table><tr>{head}</tr>{''.join(rows)}</table></section>")


def _problems(report, lang: str) -> str:
    """Files that could not be linted, and configuration notes."""
    items = [f"<li>{esc(path)}: {esc(say(message, lang))}</li>" for path, message in report.errors]
    items += [f"<li>{esc(f'{n.path}:{n.line}:{n.col}')}: {esc(n.rule)} {esc(n.message(lang))}</li>"
              for n in report.notes]
    if not items:
        return ""
    return (f'<section id="problems"><h2>{esc(msg("Not linted, and notes").text(lang))}</h2>'
            f"<ul>{''.join(items)}</ul></section>")


def _filters(report, results: list, lang: str) -> str:
    s = summary(report)
    severities = "".join(
        f'<label class="{sev}"><input type="checkbox" name="severity" value="{sev}" checked> '
        f'<span class="sev">{esc(msg(sev).text(lang))}</span> {n}</label>'
        for sev, n in s["by_severity"].items() if n)
    rules = "".join(f'<label><input type="checkbox" name="rule" value="{esc(name)}" checked> '
                    f"<code>{esc(name)}</code> {n}</label>" for name, n in s["by_rule"].items())
    files = "".join(f'<option value="{esc(r.path)}">{esc(r.path)} ({len(r.findings)})</option>'
                    for r in results)
    before, after = msg("Showing {shown} of {total} findings", shown="\0",
                        total=s["findings"]).text(lang).split("\0")
    return (
        '<form id="filters" hidden>'
        f"<fieldset><legend>{esc(msg('severity').text(lang))}</legend>{severities}</fieldset>"
        f"<fieldset><legend>{esc(msg('rule').text(lang))}</legend>{rules}</fieldset>"
        f"<label>{esc(msg('file').text(lang))} <select name=\"file\">"
        f'<option value="">{esc(msg("all files").text(lang))}</option>{files}</select></label> '
        f'<button type="button">{esc(msg("Show all").text(lang))}</button> '
        f'<span>{esc(before)}<output>{s["findings"]}</output>{esc(after)}</span></form>')


# -- findings ----------------------------------------------------------------------------

def _file_section(result, index: int, docs: dict, lang: str) -> str:
    profile = f' <span class="note">{esc(result.profile)}</span>' if result.profile else ""
    findings = "".join(_finding(result, f, f"f{index}-{k}", docs, lang)
                       for k, f in enumerate(result.findings))
    return (f'<section class="file" id="file-{index}" data-file="{esc(result.path)}">'
            f"<h3>{esc(result.path)}{profile}</h3>{findings}</section>")


def _finding(result, f, ident: str, docs: dict, lang: str) -> str:
    doc = result.doc
    line, column = doc.position(f.start)
    head = (f'<h4><span class="sev">{esc(msg(f.severity).text(lang))}</span> '
            f'<code>{esc(f.rule)}</code> <a class="loc" href="#{ident}">{line}:{column}</a> '
            f"{esc(f.message(lang))}</h4>")
    excerpt = excerpt_html(doc, f.start, f.end, "", lang)
    if f.related:
        shown = [related_html(r, result, docs, lang) for r in f.related[:MAX_RELATED]]
        more = len(f.related) - MAX_RELATED
        if more > 0:
            shown.append(f'<p class="note">{esc(msg("and {n} more", n=more).text(lang))}</p>')
        excerpt = f'<div class="pair"><div>{excerpt}</div><div>{"".join(shown)}</div></div>'
    fix = _fix_html(doc, f.fix, lang) if f.fix is not None else ""
    return (f'<article class="finding {esc(f.severity)}" id="{ident}" '
            f'data-severity="{esc(f.severity)}" data-rule="{esc(f.rule)}" data-line="{line}">'
            f"{head}{excerpt}{fix}</article>")


def related_html(rel, result, docs: dict, lang: str) -> str:
    """One span a finding points at, with its lines: the one place related spans are
    drawn, beside the finding.  A span in another file (a copied passage's source, once
    Related carries its path) is looked up among the linted documents; a file that was
    not linted shows its name alone."""
    path = getattr(rel, "path", None) or result.path
    doc = result.doc if path == result.path else docs.get(path)
    where = "" if path == result.path else f"{esc(path)}:"
    if doc is None:
        return f'<div class="related"><p class="note">{where} {esc(rel.message(lang))}</p></div>'
    line, column = doc.position(rel.start)
    lines = excerpt_html(doc, rel.start, rel.end, "rel", lang)
    return (f'<div class="related"><p class="note">{where}{line}:{column} '
            f"{esc(rel.message(lang))}</p>{lines}</div>")


def _fix_html(doc, fix, lang: str) -> str:
    """The fix as a diff of the lines it changes: the old ones with what goes struck, the
    new ones with what comes in."""
    first, last = doc.line_index(fix.start), doc.line_index(fix.end)
    start, end = doc.line_spans[first].start, doc.line_spans[last].end
    old = Document(doc.text[start:end])
    new = Document(doc.text[start:fix.start] + fix.replacement + doc.text[fix.end:end])
    old_last, new_last = len(old.line_spans) - 1, len(new.line_spans) - 1
    # A fix that ends where a line starts (a line deleted with its break) leaves that
    # line as it was: it is not part of the change.
    if (last > first and fix.end == doc.line_spans[last].start
            and old.line_text(old_last + 1) == new.line_text(new_last + 1)):
        old_last, new_last = old_last - 1, new_last - 1
    at = fix.start - start
    gone = _rows(old, 0, old_last, at, fix.end - start, lang, tag="del", base=first)
    comes = _rows(new, 0, new_last, at, at + len(fix.replacement), lang, tag="ins", base=first)
    caption = msg("fixable with --fix" if fix.safe else "fixable with --unsafe-fixes")
    sides = f'<div class="src old">{"".join(gone)}</div>' + (
        f'<div class="src new">{"".join(comes)}</div>' if comes else "")   # nothing left
    return f'<div class="fix"><p class="note">{esc(caption.text(lang))}</p>{sides}</div>'


# -- excerpts ----------------------------------------------------------------------------

def excerpt_html(doc, start: int, end: int, cls: str, lang: str) -> str:
    """The lines of ``doc.text[start:end]`` and one line on each side, the span in a
    ``<mark>`` of class ``cls``."""
    first, last = _lines_of(doc, start, end)
    lo, hi = max(first - 1, 0), min(last + 1, len(doc.line_spans) - 1)
    return f'<div class="src">{"".join(_rows(doc, lo, hi, start, end, lang, cls=cls))}</div>'


def _lines_of(doc, start: int, end: int) -> tuple:
    """0-based indexes of the first and the last line that ``[start, end)`` touches."""
    return doc.line_index(start), doc.line_index(max(start, end - 1))


def _cut(doc, start: int, end: int) -> tuple | None:
    """What of a long mark is left out, (from, to), or None when it all shows: a mark is
    long past HEAD + TAIL characters or HEAD_LINES + TAIL_LINES lines."""
    first, last = _lines_of(doc, start, end)
    if end - start <= HEAD + TAIL and last - first < HEAD_LINES + TAIL_LINES:
        return None
    spans = doc.line_spans
    return (min(start + HEAD, spans[min(first + HEAD_LINES - 1, last)].end),
            max(end - TAIL, spans[max(last - TAIL_LINES + 1, first)].start))


def _rows(doc, lo: int, hi: int, start: int, end: int, lang: str, tag: str = "mark",
          cls: str = "", base: int = 0) -> list:
    """Lines ``lo``..``hi`` (0-based) as rows numbered from ``base`` + 1, with
    ``doc.text[start:end]`` in ``<tag class=cls>``: unmarked text kept to CONTEXT
    characters beside the mark, a long mark shown by its start and its end with a gap row
    between."""
    text, spans = doc.text, doc.line_spans
    if start == end:   # a point between two characters: drawn as a caret
        cls = f"{cls} at".strip()
    first, last = _lines_of(doc, start, end)
    cut = _cut(doc, start, end)
    rows = []
    for i in range(lo, hi + 1):
        s, e, n = spans[i].start, spans[i].end, base + i + 1
        if i < first or i > last:   # context: the side nearer the mark
            rows.append(_row(n, text[s:e], None, None) if i < first else
                        _row(n, None, None, text[s:e]))
            continue
        pre = text[s:start] if i == first else None
        post = text[end:e] if i == last else None
        m_start, m_end = max(start, s), min(end, e)
        if cut is None:
            rows.append(_row(n, pre, text[m_start:m_end], post, tag, cls))
            continue
        head, tail = cut
        if m_start < head:
            rows.append(_row(n, pre, text[m_start:min(m_end, head)], None, tag, cls))
            if m_end >= head:   # the last line shown of the mark's start
                gap = msg("{n} characters omitted", n=tail - head).text(lang)
                rows.append(f'<div class="gap">⋯ {esc(gap)} ⋯</div>')
        if m_end > tail:
            rows.append(_row(n, None, text[max(m_start, tail):m_end], post, tag, cls))
    return rows


def _row(n: int, pre: str | None, marked: str | None, post: str | None,
         tag: str = "mark", cls: str = "") -> str:
    """One line: ``pre`` (kept to its last CONTEXT characters), ``marked`` in
    ``<tag class=cls>`` (no mark when None), ``post`` (kept to its first CONTEXT
    characters)."""
    out = [f'<div class="l" data-n="{n}">']
    if pre:
        if len(pre) > CONTEXT:
            out.append('<span class="cut">…</span>')
            pre = pre[-CONTEXT:]
        out.append(esc(pre))
    if marked is not None:
        attribute = f' class="{cls}"' if cls else ""
        out.append(f"<{tag}{attribute}>{esc(marked)}</{tag}>")
    if post:
        out.append(esc(post[:CONTEXT]))
        if len(post) > CONTEXT:
            out.append('<span class="cut">…</span>')
    out.append("</div>")
    return "".join(out)
