"""Suppressions: comments in Markdown and HTML, ``ignore:`` entries in the configuration.

Comments (markdownlint's shape)::

    <!-- reportlint-disable reversed-quotes, pairs -->   … until an enable, or the end
    <!-- reportlint-enable -->                          no names: every rule again
    <!-- reportlint-disable-next-line unmatched-pair --> only the line below

Names are rule names or categories; no names means every rule.  A plain-text
report has no comments, so the configuration's ``ignore:`` list names the text
instead: ``{rule, text, files?}`` silences a finding of that rule whose excerpt
holds the text, or is held in the text where it stands.

Every suppression records what it silenced, so that ``--report-unused-suppressions``
can name those that silence nothing: an unused comment is a finding of the
pseudo-rule ``unused-suppression`` (its file tells everything about it), an unused
``ignore:`` entry a warning line about the configuration file, since only a run
over every file it may apply to can tell (see the README).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .config import GlobMemo
from .rule import UNUSED, Finding

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

COMMENT_EXTENSIONS = (".md", ".markdown", ".html", ".htm", ".xhtml")
DIRECTIVE = re.compile(
    r"<!--[ \t]*reportlint-(?P<kind>disable-next-line|disable|enable)\b(?P<names>[^>]*?)[ \t]*-->")
ALL = "*"
NAME_SEPARATOR = re.compile(r"[\s,]+")




@dataclass
class Directive:
    kind: str                 # disable | enable | disable-next-line
    names: tuple              # () means every rule
    start: int
    end: int
    line: int                 # 1-based line of the comment's end
    used: set = field(default_factory=set)   # names that silenced something; ALL for ()


def has_comments(path: str) -> bool:
    return path.lower().endswith(COMMENT_EXTENSIONS)


def parse(doc) -> list:
    """The directives of a Markdown or HTML document, in text order."""
    if "reportlint-" not in doc.text:
        return []
    out = []
    for m in DIRECTIVE.finditer(doc.text):
        names = tuple(n for n in NAME_SEPARATOR.split(m.group("names")) if n)
        out.append(Directive(m.group("kind"), names, m.start(), m.end(),
                             doc.position(m.end())[0]))
    return out


class _Ranges:
    """Which disable directive (if any) covers an offset, rule by rule."""

    def __init__(self, directives: list):
        self.starts: list[int] = [0]
        # From each start on: (names, every, enabled) as below.
        self.states: list[tuple[dict, Optional[Directive], frozenset]] = [({}, None, frozenset())]
        names: dict = {}          # name -> the directive that disabled it
        every: Optional[Directive] = None
        enabled: frozenset = frozenset()   # names enabled again under a disable-all
        for d in directives:
            if d.kind == "disable":
                if d.names:
                    names = {**names, **{n: d for n in d.names}}
                    enabled = enabled - set(d.names)
                else:
                    every, names, enabled = d, {}, frozenset()
            elif d.kind == "enable":
                if d.names:
                    names = {k: v for k, v in names.items() if k not in d.names}
                    if every is not None:
                        enabled = enabled | set(d.names)
                else:
                    every, names, enabled = None, {}, frozenset()
            else:
                continue
            self.starts.append(d.end)
            self.states.append((names, every, enabled))

    def covering(self, offset: int, keys: tuple):
        """(directive, the name it matched) that silences a finding at ``offset``."""
        names, every, enabled = self.states[bisect_right(self.starts, offset) - 1]
        for key in keys:
            if key in names:
                return names[key], key
        if every is not None and not enabled.intersection(keys):
            return every, ALL
        return None, None


def apply_comments(doc, findings: list, directives: list) -> list:
    """The findings that no comment silences; each directive records what it used."""
    if not directives:
        return findings
    ranges = _Ranges(directives)
    next_line: dict = {}
    for d in directives:
        if d.kind == "disable-next-line":
            next_line.setdefault(d.line + 1, []).append(d)
    kept = []
    for f in findings:
        keys = (f.rule, f.category)
        hit = None
        for d in next_line.get(doc.position(f.start)[0], ()):
            matched = next((k for k in keys if k in d.names), None) if d.names else ALL
            if matched:
                hit = d, matched
                break
        if hit is None:
            d, matched = ranges.covering(f.start, keys)
            hit = (d, matched) if d is not None else None
        if hit is None:
            kept.append(f)
        else:
            hit[0].used.add(hit[1])
    return kept


def unused_comments(directives: list, known: set, active: set) -> list:
    """Findings of ``unused-suppression`` for comments that silenced nothing.

    ``known`` are all rule names and categories, ``active`` those of the rules that
    ran on this file: a name of a rule that did not run may be needed elsewhere.
    """
    out = []
    for d in directives:
        if d.kind == "enable":
            continue
        if not d.names:
            if ALL not in d.used:
                out.append(_unused(d, "", ""))
            continue
        unknown = [n for n in d.names if n not in known]
        idle = [n for n in d.names if n in active and n not in d.used]
        if unknown:
            out.append(_unused(d, f"注释中的规则名未知：{'、'.join(unknown)}",
                               f"unknown rule in the comment: {', '.join(unknown)}"))
        if idle:
            out.append(_unused(d, f"没有抑制任何问题：{'、'.join(idle)}",
                               f"suppresses nothing: {', '.join(idle)}"))
    return out


def _unused(d: Directive, zh: str, en: str) -> Finding:
    return UNUSED.finding(d.start, d.end,
                          zh=f"抑制注释没有用处（{zh or '没有抑制任何问题'}）",
                          en=f"unused suppression comment ({en or 'suppresses nothing'})")


# -- the configuration's ignore: list ----------------------------------------------------


def entries_for(config, rel_path: str) -> list:
    """(index, entry) of the ``ignore:`` entries that apply to a file."""
    matched = GlobMemo(rel_path)
    return [(i, e) for i, e in enumerate(getattr(config, "ignore", ()) or ())
            if not e["files"] or matched.any(e["files"])]


def text_matches(doc, f: Finding, text: str) -> bool:
    """Whether ``text`` stands in the document around or inside the finding's excerpt."""
    if f.start < f.end and text in doc.text[f.start:f.end]:
        return True
    lo = max(0, f.end - len(text))
    pos = doc.text.find(text, lo, f.start + len(text))
    while 0 <= pos <= f.start:
        if pos + len(text) >= f.end:
            return True
        pos = doc.text.find(text, pos + 1, f.start + len(text))
    return False


def apply_ignores(doc, findings: list, entries: list) -> tuple:
    """(findings kept, indices of the entries that silenced something)."""
    if not entries:
        return findings, set()
    kept, used = [], set()
    for f in findings:
        hit = next((i for i, e in entries
                    if e["rule"] in (f.rule, f.category, "ALL") and text_matches(doc, f, e["text"])),
                   None)
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
    return kept, used
