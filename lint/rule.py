"""The rule API: what a rule is and what it yields.

A rule is a small object with metadata at the top and a ``check(doc, options)``
generator below (the yamllint shape).  It never reads files, prints or looks at
the configuration file: it gets a Document and its own options.
"""
from __future__ import annotations

from operator import attrgetter

from .messages import Message, msg
from .record import FrozenRecord

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import ClassVar, Iterator, Optional, Union

SEVERITIES = ("info", "warning", "error")
# What a rule's fixes are: none, safe ones (--fix) or likely guesses (--unsafe-fixes).
FIXABLE = ("", "safe", "unsafe")
SEVERITY_RANK = {"off": -1, "info": 0, "warning": 1, "error": 2}
# The order findings are reported in: by place, then by rule.
TEXT_ORDER = attrgetter("start", "end", "rule")


def lines_message(first: int, last: int) -> Message:
    """第3行 / 第3—14行, line 3 / lines 3-14: how messages name a stretch of lines."""
    return msg("line {n}", n=first) if first == last else \
        msg("lines {first}-{last}", first=first, last=last)


def line_range(first: int, last: int, lang: str = "zh") -> str:
    return lines_message(first, last).text(lang)


def level_at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


class HookimplMarker:
    """``@hookimpl`` marks a plugin's hook functions exactly as
    ``pluggy.HookimplMarker("reportlint")`` does (tests/test_plugins.py holds them alike),
    without importing pluggy: the built-in rule families use it, and pluggy with what it
    imports costs milliseconds of every start while a run without a third-party plugin
    never registers one."""

    def __init__(self, project_name: str):
        self.project_name = project_name

    def __call__(self, function=None, hookwrapper: bool = False, optionalhook: bool = False,
                 tryfirst: bool = False, trylast: bool = False, specname: Optional[str] = None,
                 wrapper: bool = False):
        def mark(func):
            setattr(func, self.project_name + "_impl", {
                "wrapper": wrapper, "hookwrapper": hookwrapper, "optionalhook": optionalhook,
                "tryfirst": tryfirst, "trylast": trylast, "specname": specname})
            return func

        return mark if function is None else mark(function)


hookimpl = HookimplMarker("reportlint")


# Slots: a file may hold a hundred thousand findings, each with its fix and related spans.
class Fix(FrozenRecord):
    """Replace ``text[start:end]`` with ``replacement``.

    ``safe`` fixes say exactly what was meant; unsafe ones are a likely guess.
    """

    __slots__ = _fields = ("start", "end", "replacement", "safe")
    start: int
    end: int
    replacement: str
    safe: bool

    def __init__(self, start: int, end: int, replacement: str, safe: bool = True):
        # One call per field, not FrozenRecord._assign's loop: a rule may give a million.
        set_start, set_end, set_replacement, set_safe = Fix._setters   # (a subclass's has more)
        set_start(self, start)
        set_end(self, end)
        set_replacement(self, replacement)
        set_safe(self, safe)


class Related(FrozenRecord):
    """Another span that explains a finding: the original of a copy, a total …

    In another file (a copied passage's source): ``path``, and ``where`` its (line, column,
    end line, end column) there, 1-based; ``start``/``end`` are offsets into that file's text.
    """

    __slots__ = _fields = ("start", "end", "zh", "en", "path", "where")
    start: int
    end: int
    zh: str
    en: str
    path: Optional[str]
    where: Optional[tuple]

    def __init__(self, start: int, end: int, zh: str = "", en: str = "",
                 path: Optional[str] = None, where: Optional[tuple] = None):
        set_start, set_end, set_zh, set_en, set_path, set_where = Related._setters
        set_start(self, start)
        set_end(self, end)
        set_zh(self, zh)
        set_en(self, en)
        set_path(self, path)
        set_where(self, where)

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Finding(FrozenRecord):
    """One problem: 0-based code-point offsets into the decoded text, end exclusive."""

    __slots__ = _fields = ("rule", "category", "severity", "start", "end", "zh", "en",
                           "related", "fix")
    rule: str
    category: str
    severity: str
    start: int
    end: int
    zh: str
    en: str
    related: tuple
    fix: Optional[Fix]

    def __init__(self, rule: str, category: str, severity: str, start: int, end: int,
                 zh: str, en: str, related: tuple = (), fix: Optional[Fix] = None):
        (set_rule, set_category, set_severity, set_start, set_end, set_zh, set_en, set_related,
         set_fix) = Finding._setters
        set_rule(self, rule)
        set_category(self, category)
        set_severity(self, severity)
        set_start(self, start)
        set_end(self, end)
        set_zh(self, zh)
        set_en(self, en)
        set_related(self, related)
        set_fix(self, fix)

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Rule:
    """Base class of every rule; subclasses set the metadata and write ``check``."""

    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "error"
    summary: ClassVar[dict] = {"zh": "", "en": ""}
    # Why the rule exists, shown by `reportlint explain`.
    rationale: ClassVar[dict] = {"zh": "", "en": ""}
    # name -> default value; the config is validated against the defaults' types.
    options: ClassVar[dict] = {}
    # name -> (least, most) for a number option, either None for no bound; the config
    # is validated against them too (min-chars: -1 is an error at its line:col).
    option_bounds: ClassVar[dict] = {}
    # One text the rule flags and one it accepts, for the docs.
    examples: ClassVar[dict] = {"bad": "", "good": ""}
    # What its findings' fixes are, one of FIXABLE; a test holds every rule to it on its
    # bad example.
    fixable: ClassVar[str] = ""
    # "file": ``check`` judges one document; "run": the run reports it across files
    # (copied-passage, with --compare), and its examples name a "source" text too.
    scope: ClassVar[str] = "file"

    def loaded(self) -> "Rule":
        """The rule itself (a built-in rule known before its family is imported,
        plugins.DeferredRule, gives its family's)."""
        return self

    def check(self, doc, options: dict) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    def finding(
        self,
        start: int,
        end: int,
        *,
        zh: str,
        en: str,
        related=(),
        fix: Optional[Fix] = None,
        severity: Optional[str] = None,
    ) -> Finding:
        """Build a finding of this rule.

        ``severity`` is for a rule that reports some findings below its default
        (a guess is ``info``); the engine maps the default to the configured one.
        """
        # (positional: a rule may give a million findings; tuple() gives a tuple back as it is)
        return Finding(self.name, self.category, severity or self.severity, start, end, zh, en,
                       tuple(related), fix)

    def __repr__(self) -> str:
        return f"<rule {self.name}>"


def applicable(f: Finding, unsafe: bool) -> bool:
    """Whether --fix applies the finding's fix (unsafe ones only with --unsafe-fixes)."""
    return f.fix is not None and (f.fix.safe or unsafe)


class UnusedSuppression(Rule):
    """Not run as a rule: the filter stage reports it when asked to (``suppress``)."""

    name = "unused-suppression"
    category = "suppressions"
    severity = "warning"
    enabled_by = "--report-unused-suppressions"   # not configured under rules:
    summary = {"zh": "没有抑制任何问题的抑制注释",
               "en": "a suppression comment that suppresses nothing"}
    rationale = {
        "zh": "<!-- reportlint-disable … --> 之类的注释在问题修正后往往被遗忘，日后会悄悄掩盖"
              "新的问题。加上 --report-unused-suppressions 时，没有抑制任何问题的注释"
              "（以及注释中未知的规则名）会被报告。",
        "en": "Comments such as <!-- reportlint-disable … --> outlive the problem they were "
              "written for and later hide new ones silently. With "
              "--report-unused-suppressions, a comment that suppresses nothing (and an "
              "unknown rule name in a comment) is reported.",
    }
    examples = {"bad": "<!-- reportlint-disable-next-line reversed-quotes -->\n没有问题的一行。",
                "good": "<!-- reportlint-disable-next-line reversed-quotes -->\n所获”枫桥式“称号。"}

    def check(self, doc, options):  # pragma: no cover - never selected
        return iter(())


UNUSED = UnusedSuppression()
# Rules that are reported but never run: named by findings, documented like rules.
PSEUDO_RULES = {UNUSED.name: UNUSED}


def rule_problem(rule) -> Union[Message, str]:
    """What makes ``rule`` unfit to register, or "": it must be a Rule with a name, a
    category, a known default severity and a known fixability."""
    if not isinstance(rule, Rule):
        return msg("{object} is not a reportlint Rule", object=repr(rule))
    if not rule.name or not rule.category:
        return msg("{cls} has no name or category", cls=type(rule).__name__)
    if rule.severity not in SEVERITIES:
        return msg("rule {rule} has an unknown default severity {severity}", rule=rule.name,
                   severity=repr(rule.severity))
    if rule.fixable not in FIXABLE:
        return msg("rule {rule}: fixable must be '', 'safe' or 'unsafe', not {fixable}",
                   rule=rule.name, fixable=repr(rule.fixable))
    return ""
