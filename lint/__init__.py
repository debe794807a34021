"""reportlint: a data-quality linter for published Chinese government reports.

Public API::

    from reportlint import check_text, check_file, Finding, Rule, hookimpl
"""
from __future__ import annotations

from typing import Optional

from .rule import Finding, Fix, Related, Rule

__version__ = "0.1.0"
__all__ = ["check_text", "check_file", "Finding", "Fix", "Related", "Rule", "hookimpl",
           "__version__"]


def __getattr__(name: str):
    # pluggy is imported only when a plugin needs the marker, not for --version or --help.
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")


def check_text(text: str, select: Optional[list] = None, ignore: Optional[list] = None,
               path: str = "<text>") -> list:
    """Lint a text with the default settings (no configuration file); returns Findings."""
    from .document import Document
    from .runner import Linter

    linter = Linter(select=select, ignore=ignore, use_config=False)
    return linter.lint_document(Document(text, path=path)).findings


def check_file(path: str, select: Optional[list] = None, ignore: Optional[list] = None,
               encoding: Optional[str] = None, use_config: bool = True) -> list:
    """Lint one file, with the configuration that governs it; returns Findings.

    Raises ``reportlint.sources.SourceError`` for a file that cannot be read and
    ``reportlint.config.ConfigError`` for a broken configuration.
    """
    from .runner import Linter

    linter = Linter(select=select, ignore=ignore, encoding=encoding, use_config=use_config)
    return linter.lint_file(path).findings
