"""The filter stage: what the rules found, less what the user has silenced.

In order: suppression comments in the file, the configuration's ``ignore:`` entries,
then the baseline.  With ``--report-unused-suppressions`` it also reports what silenced
nothing: a comment as a finding in its file, an ``ignore:`` entry as a Note on the
configuration (only the whole run can tell that an entry matched no file).
"""
from __future__ import annotations

from typing import Optional

from .engine import rule_matches
from .messages import msg
from .report import Note
from .rule import UNUSED


class Filters:
    def __init__(self, registry, report_unused: bool = False, baseline=None,
                 select: Optional[list] = None, ignore: Optional[list] = None):
        self.registry = registry
        self.report_unused = report_unused
        self.baseline = baseline           # a baseline.Baseline, or None
        self.select, self.ignore = select, ignore

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
                                  key=lambda f: (f.start, f.end, f.rule))
        if config and config.ignore:
            entries = suppress.entries_for(config, config.relative(doc.path))
            findings, used = suppress.apply_ignores(doc, findings, entries)
        return findings, used

    def after_fixes(self, result) -> None:
        """The baseline, applied to the findings a file is left with."""
        if self.baseline is not None:
            result.findings = self.baseline.filter(result)

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
