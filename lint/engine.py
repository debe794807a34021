"""Running rules over a Document: selection, options, severities, and rule failures."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional

from .config import RuleSetting
from .document import Document
from .messages import Message, msg
from .rule import SEVERITY_RANK, Finding, Rule


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: str
    options: dict


def rule_matches(rule: Rule, names: Iterable[str]) -> bool:
    """Whether a rule is named by its name, its category, or ALL."""
    return any(n in (rule.name, rule.category, "ALL") for n in names)


def select_rules(rules: dict, settings: dict, select=None, ignore=None) -> list[ActiveRule]:
    """The rules to run and how: configured settings, then --select / --ignore.

    ``select`` replaces the set of rules that run (a rule the config turned off
    runs when it is selected by name or category); ``ignore`` removes rules.
    """
    active = []
    for rule in rules.values():
        setting = settings.get(rule.name) or RuleSetting()
        severity = setting.severity or rule.severity
        if select:
            if not rule_matches(rule, select):
                continue
            if severity == "off":
                severity = rule.severity
        if ignore and rule_matches(rule, ignore):
            continue
        if severity == "off":
            continue
        options = {**rule.options, **setting.options}
        active.append(ActiveRule(rule, severity, options))
    return active


def run_rules(doc: Document, active: list[ActiveRule],
              failures: Optional[list] = None) -> tuple[list[Finding], list[Message]]:
    """All findings of the active rules, in text order; a rule that raises is an error
    and contributes none of its findings.  ``failures``, when given, also receives
    (rule name, exception) for each rule that raised."""
    findings, errors = [], []
    for a in active:
        try:
            # All of a rule's findings or none: what it yielded before it raised is
            # an unfinished check, not a result.
            found = [with_severity(f, a) for f in a.rule.check(doc, a.options)]
            _check_spans(found, len(doc.text))
        except Exception as e:  # a failing plugin must not take the run down
            errors.append(msg("rule {rule} failed: {error}", rule=a.rule.name,
                              error=f"{type(e).__name__}: {e}"))
            if failures is not None:
                failures.append((a.rule.name, e))
            continue
        findings.extend(found)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings, errors


def _check_spans(findings: list, size: int) -> None:
    """A finding, its related spans and its fix must lie inside the text, start before
    end: a rule that says otherwise is broken, and is reported as a failing rule."""
    for f in findings:
        spans = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
        if f.fix is not None:
            spans.append((f.fix.start, f.fix.end))
        for start, end in spans:
            if not 0 <= start <= end <= size:
                raise ValueError(f"a finding spans {start}–{end}, outside the text (0–{size}) "
                                 "or backwards")


def with_severity(f: Finding, a: ActiveRule) -> Finding:
    """The rule's default severity becomes the configured one; a finding the rule
    itself marked lower (a guess reported as info) never rises above it."""
    if f.severity == a.rule.severity:
        sev = a.severity
    else:
        sev = min(f.severity, a.severity, key=SEVERITY_RANK.__getitem__)
    return f if sev == f.severity else replace(f, severity=sev)
