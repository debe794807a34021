"""reportlint: a data-quality linter for published Chinese government reports.

Public API::

    from reportlint import check_text, check_file, lint_paths, Finding, Rule, RuleError, hookimpl
"""
from __future__ import annotations


if __name__ != "reportlint":
    # The folder lint/ is the package reportlint only once installed (pyproject.toml maps
    # it): imported as `lint` from the checkout, its rules would load a second copy and
    # every one of them would be rejected.
    import sys as _sys

    _message = (f"reportlint: the folder lint/ is the package 'reportlint': install it "
                f"(pip install -e .) and run `python -m reportlint` or import reportlint, "
                f"not {__name__!r}")
    if _sys.argv[:1] == ["-m"]:  # python -m lint: a message, not a traceback
        _sys.stderr.write(_message + "\n")
        raise SystemExit(2)
    raise ImportError(_message)

from .rule import Finding, Fix, Related, Rule, hookimpl

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

__version__ = "0.1.0"
__all__ = ["check_text", "check_file", "lint_paths", "Finding", "Fix", "Related", "Rule",
           "RuleError", "hookimpl", "__version__"]


class RuleError(Exception):
    """A rule raised while checking a text (raised by check_text and check_file).

    ``failures``: (rule name, exception) for each rule that raised, the first one
    also chained as ``__cause__``; ``findings``: those of the rules that finished
    (a rule that raised contributes none).
    """

    def __init__(self, message: str, failures: list, findings: list):
        super().__init__(message)
        self.failures = failures
        self.findings = findings


def _findings(path: str, findings: list, errors: list, failures: list) -> list:
    """``findings``, or RuleError when a rule raised, so that a crash never passes for a
    text with nothing to report."""
    if failures:
        raise RuleError("; ".join(f"{path}: {e}" for e in errors), failures, findings) \
            from failures[0][1]
    return findings


def _result_findings(result) -> list:
    return _findings(result.path, result.findings, result.errors, result.failures)


def check_text(text: str, select: Optional[list] = None, ignore: Optional[list] = None,
               path: str = "<text>") -> list:
    """Lint a text with the default settings (no configuration file); returns Findings.

    Raises ``RuleError`` when a rule raised (the other rules' findings are on it).
    """
    from .runner import Linter

    linter = Linter(select=select, ignore=ignore, use_config=False)
    return _result_findings(linter.lint_text(text, path))


def check_file(path: str, select: Optional[list] = None, ignore: Optional[list] = None,
               encoding: Optional[str] = None, use_config: bool = True) -> list:
    """Lint one file, with the configuration that governs it; returns Findings.

    Raises ``reportlint.sources.SourceError`` for a file that cannot be read,
    ``reportlint.config.ConfigError`` for a broken configuration and ``RuleError``
    when a rule raised (the other rules' findings are on it).
    """
    from .runner import Linter

    linter = Linter(select=select, ignore=ignore, encoding=encoding, use_config=use_config)
    return _result_findings(linter.lint_file(path))


def lint_paths(paths: list, select: Optional[list] = None, ignore: Optional[list] = None,
               config: Optional[str] = None, use_config: bool = True,
               baseline: Optional[str] = None, jobs: Optional[int] = 1):
    """Lint files and folders as the command line does and return its report: for each
    file a FileResult in ``report.results`` (``path``, ``profile``, ``findings``, and
    ``doc`` for positions), and the files that could not be read or linted (a rule that
    raised included) as (path, message) in ``report.errors``.

    ``config`` names a configuration file (else each file's is found, unless
    ``use_config`` is false); with ``baseline`` (the path of a file written by
    ``--write-baseline``) only the findings it does not record are kept.  Raises
    ``ConfigError`` for a broken configuration, ``BaselineError`` for a broken baseline.
    """
    from .runner import Linter

    known = None
    if baseline:
        from .baseline import load

        known = (load(baseline), baseline)  # a broken baseline ends the run before any work
    linter = Linter(select=select, ignore=ignore, config_path=config, use_config=use_config,
                    baseline=known)
    return linter.run(list(paths), jobs=jobs)
