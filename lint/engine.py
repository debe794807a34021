"""Running rules over a Document: selection, options, severities, and rule failures
(exceptions, invalid findings, a rule that runs past its time limit)."""
from __future__ import annotations

from reprlib import repr as _repr  # a bad value, shortened: it may be a whole text

from .config import DEFAULT_RULE_TIMEOUT, RuleSetting
from .document import Document
from .messages import Message, UserError, msg
from .rule import SEVERITIES, SEVERITY_RANK, TEXT_ORDER, Finding, Fix, Related, Rule
from .timelimit import TimeLimitExceeded, TimeLimits

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Iterable, Optional


class ActiveRule:
    """A rule as a run applies it: its configured severity and options.  A plain class:
    a dataclass costs a millisecond at every start."""

    __slots__ = ("rule", "severity", "options", "module", "checker")

    def __init__(self, rule: Rule, severity: str, options: dict):
        self.rule, self.severity, self.options = rule, severity, options
        # The rule that checks: a built-in rule's family's, looked up once for the run
        # rather than through the deferred rule at every file (the family is imported by
        # now: the run read the rule's severity and options).
        self.checker: Rule = rule.loaded()
        # The module it is written in: a family's shared work is dropped after its last rule.
        self.module: str = type(self.checker).__module__


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
        # Names and categories first: a built-in rule's family is imported only when the
        # rule may run (its severity and options come from the family).
        if select and not rule_matches(rule, select):
            continue
        if ignore and rule_matches(rule, ignore):
            continue
        setting = settings.get(rule.name) or RuleSetting()
        severity = setting.severity or rule.severity
        if select and severity == "off":
            severity = rule.severity
        if severity == "off":
            continue
        options = {**rule.options, **setting.options}
        active.append(ActiveRule(rule, severity, options))
    return active


def run_rules(doc: Document, active: list[ActiveRule], failures: Optional[list] = None,
              timeout: float = DEFAULT_RULE_TIMEOUT, limits: Optional[TimeLimits] = None
              ) -> tuple[list[Finding], list[Message]]:
    """All findings of the active rules, in text order.  A rule that raises (SystemExit
    included), gives an invalid finding or runs past ``timeout`` seconds (0: no limit)
    is an error and contributes none of its findings; KeyboardInterrupt still stops the
    run.  ``failures``, when given, also receives (rule name, exception) for each.
    ``limits``: the time limits of a series of files, entered by the caller; without it
    the handler is installed for this document alone."""
    if limits is None or not limits.entered:
        with TimeLimits(timeout) as limits:
            return _run(doc, active, failures, timeout, limits)
    return _run(doc, active, failures, timeout, limits)


def _run(doc: Document, active: list[ActiveRule], failures: Optional[list], timeout: float,
         limits: TimeLimits) -> tuple[list[Finding], list[Message]]:
    findings, errors = [], []
    # A family's own shared work (Document.shared, keyed by a function of the module its
    # rules are written in) is dropped after its last rule.
    last = {a.module: a for a in active}
    size = len(doc.text)
    limited = limits.limited(timeout)
    # Each rule is called here, with no call in between and its time limit kept in place
    # (as TimeLimits.call keeps a call's): a small document's rules take a few
    # microseconds each, and every layer around them would cost a third of that.
    for a in active:
        rule = a.checker
        try:
            if limited:
                limits.begin(timeout)
            try:
                # All of a rule's findings or none: what it yielded before it failed is
                # an unfinished check, not a result.
                found = [*rule.check(doc, a.options)]
            finally:
                limits.deadline = None
            if limited and limits.expired:   # it caught TimeLimitExceeded and went on
                raise TimeLimitExceeded
            if found:
                default, severity = rule.severity, a.severity
                for i, f in enumerate(found):
                    _check_finding(f, rule, size)
                    # Most findings keep the rule's default severity, as the config does.
                    if not f.severity == default == severity:
                        found[i] = with_severity(f, a)
                findings += found
        except KeyboardInterrupt:
            raise
        except BaseException as e:  # a failing plugin must not take the run down, nor end it
            errors.append(_failure(a.rule.name, e, timeout))
            if failures is not None:
                failures.append((a.rule.name, e))
        finally:
            if last[a.module] is a:
                doc.drop_shared(a.module)
    findings.sort(key=TEXT_ORDER)
    return findings, errors


def _failure(rule: str, e: BaseException, timeout: float) -> Message:
    if isinstance(e, TimeLimitExceeded):
        return msg("rule {rule} did not finish within {seconds} s on this file "
                   "(rule-timeout)", rule=rule, seconds=f"{timeout:g}")
    if isinstance(e, InvalidFinding):
        return msg("rule {rule} gave an invalid finding: {problem}", rule=rule,
                   problem=e.as_message())
    return msg("rule {rule} failed: {error}", rule=rule, error=f"{type(e).__name__}: {e}")


class InvalidFinding(UserError):
    """A finding the engine cannot print or fix: the rule that gave it is broken."""


def _check_finding(f, rule: Rule, size: int) -> None:
    """Raise InvalidFinding unless ``f`` is a Finding of ``rule`` that the formats and
    --fix can use: integer offsets inside the text, start before end (its related
    spans and its fix too), a known severity, strings for its messages."""
    # The usual finding passes one quick test: a rule may give a million of them, each
    # with its fix.
    fix = f.fix if type(f) is Finding else None
    if (type(f) is Finding and type(f.start) is int and type(f.end) is int
            and 0 <= f.start <= f.end <= size and f.rule == rule.name
            and f.severity in SEVERITIES and type(f.zh) is str and type(f.en) is str
            and type(f.category) is str and type(f.related) is tuple
            and (not f.related or all(type(r) is Related and r.path is None and type(r.start) is int
                    and type(r.end) is int and 0 <= r.start <= r.end <= size
                    and type(r.zh) is str and type(r.en) is str for r in f.related))
            and (fix is None or type(fix) is Fix and type(fix.start) is int
                 and type(fix.end) is int and 0 <= fix.start <= fix.end <= size
                 and type(fix.replacement) is str and type(fix.safe) is bool)):
        return
    problem = _problem(f, rule, size)
    if problem is not None:
        raise InvalidFinding(problem)


def _problem(f, rule: Rule, size: int) -> Optional[Message]:
    if not isinstance(f, Finding):
        return msg("{value} is not a Finding", value=_repr(f))
    if f.rule != rule.name:
        return msg("its rule is {value}, not {rule}", value=_repr(f.rule), rule=rule.name)
    if f.severity not in SEVERITIES:
        return msg("its severity is {value}, not one of {known}", value=_repr(f.severity),
                   known=list(SEVERITIES))
    problem = _strings(f, "", ("category", "zh", "en")) or _span(f, "", size)
    if problem is not None:
        return problem
    if not isinstance(f.related, (tuple, list)):
        return msg("related is {value}, not a tuple of Related", value=_repr(f.related))
    for i, r in enumerate(f.related):
        where = f"related[{i}]"
        if not isinstance(r, Related):
            return msg("{field} is {value}, not a Related", field=where, value=_repr(r))
        # A span in another file (a copied passage's source) is checked there, not here.
        within = size if r.path is None else float("inf")
        problem = _span(r, where + ".", within) or _strings(r, where + ".", ("zh", "en"))
        if problem is not None:
            return problem
    if f.fix is None:
        return None
    if not isinstance(f.fix, Fix):
        return msg("fix is {value}, not a Fix or None", value=_repr(f.fix))
    if not isinstance(f.fix.safe, bool):
        return msg("{field} is {value}, not true or false", field="fix.safe",
                   value=_repr(f.fix.safe))
    return _span(f.fix, "fix.", size) or _strings(f.fix, "fix.", ("replacement",))


def _span(x, prefix: str, size: float) -> Optional[Message]:
    for field in ("start", "end"):
        value = getattr(x, field)
        if not isinstance(value, int) or isinstance(value, bool):
            return msg("{field} is {value}, not an integer", field=prefix + field,
                       value=_repr(value))
    if 0 <= x.start <= x.end <= size:
        return None
    if not prefix:
        return msg("the finding spans {start}–{end}: outside the text (0–{size}) or backwards",
                   start=x.start, end=x.end, size=size)
    return msg("{field} spans {start}–{end}: outside the text (0–{size}) or backwards",
               field=prefix.rstrip("."), start=x.start, end=x.end, size=size)


def _strings(x, prefix: str, fields: tuple) -> Optional[Message]:
    for field in fields:
        value = getattr(x, field)
        if not isinstance(value, str):
            return msg("{field} is {value}, not a string", field=prefix + field,
                       value=_repr(value))
    return None


def with_severity(f: Finding, a: ActiveRule) -> Finding:
    """The rule's default severity becomes the configured one; a finding the rule
    itself marked lower (a guess reported as info) never rises above it."""
    if f.severity == a.checker.severity:
        sev = a.severity
    else:
        sev = min(f.severity, a.severity, key=SEVERITY_RANK.__getitem__)
    return f if sev == f.severity else f.replace(severity=sev)
