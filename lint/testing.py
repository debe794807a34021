"""A test harness for rule authors: run one rule object on a text, no registry involved.

    from reportlint.testing import assert_findings, findings_of

    def test_no_todo():
        assert_findings(NoTodo(), "标题\\n还有一个TODO。\\n", ["TODO"])
        assert_findings(NoTodo(), "标题\\n全部办结。\\n", [])

The rule runs as the engine runs it (its default options merged with ``options``, its
findings checked to lie inside the text); a rule that raises makes the harness raise
``reportlint.RuleError``, so a test that expects silence cannot pass on a crash.
"""
from __future__ import annotations

import re

from . import _findings
from .document import Document
from .engine import ActiveRule, run_rules
from .rule import Rule, rule_problem

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

_KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def check_rule_metadata(rule: Rule) -> None:
    """The metadata every rule needs: what registration asks (a name, a category, a known
    severity and fixability), a kebab-case name and a summary in both languages.  Raises
    AssertionError naming what is wrong."""
    if hasattr(rule, "loaded"):   # (anything else is named as no Rule by rule_problem)
        rule = rule.loaded()      # a built-in rule from the registry: its family's
    problem = rule_problem(rule)
    assert not problem, problem
    assert _KEBAB.fullmatch(rule.name), f"rule name {rule.name!r} is not kebab-case"
    assert rule.summary.get("zh") and rule.summary.get("en"), \
        f"rule {rule.name} needs a summary in zh and en"


def findings_of(rule: Rule, text: str, options: Optional[dict] = None,
                path: str = "<text>", sources: tuple = ()) -> list:
    """The findings of ``rule`` alone on ``text``, in text order; a rule of the run
    (``scope = "run"``) compares ``text`` with the ``sources`` texts."""
    check_rule_metadata(rule)
    doc = Document(text, path=path)
    failures: list = []
    active = ActiveRule(rule, rule.severity, {**rule.options, **(options or {})})
    if rule.scope == "run":
        return _compared(doc, active, sources)
    findings, errors = run_rules(doc, [active], failures)
    return _findings(path, findings, errors, failures)


def example_findings(rule: Rule, which: str) -> list:
    """The findings of ``rule`` on its own ``examples[which]`` ("bad" or "good"); a rule
    of the run compares it with its "source" example."""
    sources = (rule.examples["source"],) if rule.scope == "run" else ()
    return findings_of(rule, rule.examples[which], sources=sources)


def _compared(doc, active: ActiveRule, sources: tuple) -> list:
    from .compare import add_copied_passages
    from .report import FileResult, Report

    report = Report(results=[FileResult(doc.path, doc)])
    compared = [(f"<source {i + 1}>", Document(s, path=f"<source {i + 1}>"))
                for i, s in enumerate(sources)]
    add_copied_passages(report, active.rule, lambda result: active, compared,
                        lambda result, findings, a: findings)
    return report.results[0].findings


def assert_findings(rule: Rule, text: str, expected: list, options: Optional[dict] = None,
                    path: str = "<text>") -> list:
    """Assert that ``rule`` flags exactly the passages ``expected`` (the text each finding
    covers, in order; [] for silence) and return the findings for further checks."""
    found = findings_of(rule, text, options, path)
    got = [text[f.start:f.end] for f in found]
    assert got == list(expected), f"{rule.name} flagged {got}, expected {list(expected)}"
    return found
