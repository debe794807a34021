"""The filter stage: what the rules found, less what the user has silenced.

In order: suppression comments in the file, the configuration's ``ignore:`` entries,
then the baseline; last, the findings of one rule in one file beyond
``max-findings-per-rule`` are counted in one finding rather than listed.  With ``--report-unused-suppressions`` it also reports what silenced
nothing: a comment as a finding in its file, an ``ignore:`` entry as a Note on the
configuration (only the whole run can tell that an entry matched no file).
"""
from __future__ import annotations

from collections import Counter

from .config import DEFAULT_MAX_FINDINGS
from .engine import rule_matches
from .messages import msg
from .report import Note
from .rule import SEVERITY_RANK, TEXT_ORDER, UNUSED

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional


class Filters:
    def __init__(self, registry, report_unused: bool = False, baseline=None,
                 select: Optional[list] = None, ignore: Optional[list] = None,
                 max_findings: Optional[int] = None):
        self.registry = registry
        self.report_unused = report_unused
        self.baseline = baseline           # a baseline.Baseline, or None
        self.select, self.ignore = select, ignore
        self.max_findings = max_findings   # --max-findings-per-rule; None: the config's

    def suppress(self, doc, config, findings: list, ran: list) -> tuple:
        """(findings kept, indices of the config's ignore: entries that silenced one).
        ``ran``: the ActiveRules that ran to the end on this document."""
        used: set = set()
        comments = "reportlint-" in doc.text
        if not findings and not (comments and self.report_unused):
            return findings, used
        if not comments and not (config and config.ignore):
            return findings, used
        from . import suppress

        if comments and suppress.has_comments(doc.path):
            directives = suppress.parse(doc)
            findings = suppress.apply_comments(doc, findings, directives)
            if self.report_unused:
                known = set(self.registry.rules) | self.registry.categories()
                running = {a.rule.name for a in ran} | {a.rule.category for a in ran}
                findings = sorted(findings + suppress.unused_comments(directives, known, running),
                                  key=TEXT_ORDER)
        if config and config.ignore:
            entries = suppress.entries_for(config, config.relative(doc.path))
            findings, used = suppress.apply_ignores(doc, findings, entries)
        return findings, used

    def after_fixes(self, result, config=None) -> None:
        """The baseline, then the cap on each rule's findings, applied to the findings a
        file is left with (--fix and the baseline see every finding)."""
        if self.baseline is not None:
            result.findings = self.baseline.filter(result)
        limit = self.max_findings
        if limit is None:
            limit = config.max_findings_per_rule if config else DEFAULT_MAX_FINDINGS
        result.findings = capped(result.findings, limit)

    def unused_ignores(self, configs: list, used_by_config: dict) -> list:
        """Notes for the ``ignore:`` entries of ``configs`` (those that governed the run)
        that silenced nothing anywhere; entries for rules --select/--ignore turned off
        are left out, since they could not have been used."""
        if not self.report_unused:
            return []
        notes, seen = [], set()
        for config in configs:
            if not config.ignore or config.path in seen:
                continue
            seen.add(config.path)
            used = used_by_config.get(config.path, set())
            for i, e in enumerate(config.ignore):
                if i in used or not self._runs(e["rule"]):
                    continue
                text = msg("ignore entry suppresses nothing (rule: {rule}, text: {text})",
                           rule=e["rule"], text=e["text"])
                notes.append(Note(config.path, e["line"], e["col"], UNUSED.severity, UNUSED.name,
                                  zh=text.text("zh"), en=text.text("en")))
        return notes

    def _runs(self, name: str) -> bool:
        """Whether --select/--ignore let a rule (or a category) named ``name`` run."""
        return any((not self.select or rule_matches(r, self.select))
                   and not (self.ignore and rule_matches(r, self.ignore))
                   and rule_matches(r, [name]) for r in self.registry.rules.values())


def capped(findings: list, limit: int) -> list:
    """At most ``limit`` findings of each rule (0: no limit), in text order; the rule's
    next finding becomes one that counts those left out, at the same place, with the
    highest severity among them (so that the exit code is the same as without the cap)."""
    if not limit or len(findings) <= limit:
        return findings
    counts = Counter(f.rule for f in findings)
    if max(counts.values()) <= limit:
        return findings
    out: list = []
    seen: Counter[str] = Counter()
    first: dict = {}       # rule -> (index in out, the first finding left out)
    worst: dict = {}       # rule -> the highest severity left out
    for f in findings:
        seen[f.rule] += 1
        if seen[f.rule] <= limit:
            out.append(f)
            continue
        if f.rule not in first:
            first[f.rule] = (len(out), f)
            out.append(f)
        worst[f.rule] = max(worst.get(f.rule, f.severity), f.severity,
                            key=SEVERITY_RANK.__getitem__)
    for rule, (i, f) in first.items():
        more = counts[rule] - limit
        text = msg("{n} more finding{s} of {rule} in this file not listed "
                   "(max-findings-per-rule: {limit})", n=more, s="" if more == 1 else "s",
                   rule=rule, limit=limit)
        out[i] = f.replace(severity=worst[rule], zh=text.text("zh"),
                           en=text.text("en"), related=(), fix=None)
    return out
