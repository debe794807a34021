"""The run: the stages put together, from paths to a Report.

discovery (``discovery``) → configuration (``resolve``) → per-file pipeline
(``pipeline``: source, Document, rules, filters, fixes) → executor (``executor``:
serial or processes) → the Report, with the notes only the whole run can give.
``Linter`` holds the settings of a run (the command line's options) and the stages
built from them; the command line and ``reportlint.lint_paths`` both call ``run``.
"""
from __future__ import annotations

import os

from . import sources
from .config import Config
from .discovery import discover
from .document import Document
from .executor import outcomes
from .filters import Filters
from .pipeline import Pipeline
from .plugins import Registry, default_registry
from .report import FileResult, Report
from .resolve import Resolver

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional


class Linter:
    """A run's settings and the stages built from them (a plain class: each dataclass
    costs a millisecond at every start)."""

    def __init__(self, registry: Optional[Registry] = None, select: Optional[list] = None,
                 ignore: Optional[list] = None, encoding: Optional[str] = None,
                 config_path: Optional[str] = None, use_config: bool = True,
                 max_bytes: int = sources.DEFAULT_MAX_BYTES, profile: Optional[str] = None,
                 report_unused: bool = False, fix: Optional[str] = None,
                 unsafe_fixes: bool = False, baseline: Optional[tuple] = None,
                 compare: Optional[list] = None, rule_timeout: Optional[float] = None,
                 max_findings: Optional[int] = None, show_profiles: bool = True):
        self.registry = default_registry() if registry is None else registry
        self.select = select
        self.ignore = ignore
        self.encoding = encoding
        self.config_path = config_path        # --config
        self.use_config = use_config          # --no-config turns discovery off
        self.max_bytes = max_bytes
        self.profile = profile                # --profile: force this document type
        self.report_unused = report_unused    # --report-unused-suppressions
        self.fix = fix                        # "write" (--fix) or "diff" (--diff)
        self.unsafe_fixes = unsafe_fixes      # --unsafe-fixes
        # --baseline: (the recorded counts, the baseline's path); the findings it records
        # are dropped from what each file is left with.
        self.baseline = baseline
        # --compare: None, off; [], every linted file with every other; else the paths of
        # the earlier reports to compare the linted files with.
        self.compare = compare
        # --rule-timeout (seconds) and --max-findings-per-rule; None: each file's
        # configuration's
        self.rule_timeout = rule_timeout
        self.max_findings = max_findings
        # Whether each result names its document type: only some formats show it, and
        # recognising it may cost more than the selected rules (a CI gate's --select).
        self.show_profiles = show_profiles
        known = None
        if baseline:   # imported for --baseline only, not on a plain run's start-up
            from .baseline import Baseline

            known = Baseline(*baseline)
        self.resolver = Resolver(self.registry, config_path, use_config, profile)
        self.filters = Filters(self.registry, report_unused, known, select, ignore,
                               max_findings)
        self.pipeline = Pipeline(self.resolver, self.filters, select, ignore, encoding,
                                 max_bytes, fix, unsafe_fixes, rule_timeout, show_profiles)

    def settings(self) -> dict:
        """What a worker process needs to build the same Linter."""
        return {k: getattr(self, k) for k in (
            "select", "ignore", "encoding", "config_path", "use_config", "max_bytes",
            "profile", "report_unused", "fix", "unsafe_fixes", "baseline", "compare",
            "rule_timeout", "max_findings", "show_profiles")}

    def config_for(self, path: str) -> Config:
        """The configuration that governs ``path``; raises ConfigError."""
        return self.resolver.config_for(path)

    def lint_file(self, path: str) -> FileResult:
        """Lint one file; raises SourceError or ConfigError."""
        config = self.config_for(path)
        source = sources.load(path, encoding=self.encoding, max_bytes=self.max_bytes)
        return self.lint_document(self.pipeline.document(source.text, path, config, source),
                                  config)

    def lint_text(self, text: str, path: str = "<text>") -> FileResult:
        """Lint a text as if it were the file ``path``."""
        return self.lint_document(self.pipeline.document(text, path, self.config_for(path)),
                                  self.config_for(path))

    def lint_document(self, doc: Document, config: Optional[Config] = None) -> FileResult:
        result = self.pipeline.check(doc, config)[0]
        self.filters.after_fixes(result, config)
        return result

    def run(self, paths: list, stdin: Optional[bytes] = None,
            stdin_filename: Optional[str] = None, jobs: Optional[int] = None,
            progress=None) -> Report:
        """Lint every file under ``paths``; a broken configuration raises ConfigError
        before any file is linted, since it ends the run.

        ``jobs``: processes to lint in (None: one per CPU for a long list of files);
        ``progress(done, total)`` is called after each file.  Results keep input order.
        """
        found = discover(paths, self.config_for, stdin_filename)
        report = Report(fix_mode=self.fix, errors=found.errors, skipped=found.skipped,
                        excluded=found.excluded, notices=found.notices,
                        files=[name for _, name in found.files])
        tasks = [(path, name, stdin if path == "-" else None, path not in found.swept)
                 for path, name in found.files]
        # Workers build their own Linter from the settings; a registry built by hand
        # (tests, a library caller's) cannot be sent to them.
        in_workers = (_worker_pipeline, self.settings()) \
            if self.registry is default_registry() else None
        used_by_config: dict = {}
        context_for = self._context_for
        files = outcomes(self.pipeline.process, tasks, jobs, in_workers)
        with self.pipeline.limits:
            for done, outcome in enumerate(files, start=1):
                if progress:
                    progress(done, len(tasks))
                if outcome.fixed_raw is not None:
                    report.fixed_stdin = outcome.fixed_raw
                if outcome.failed is not None:
                    report.errors.append((outcome.name, outcome.failed))
                    continue
                report.results.append(outcome.result(context_for))
                report.errors.extend((outcome.name, msg) for msg in outcome.errors)
                report.notices.extend((outcome.name, msg) for msg in outcome.notices)
                report.fixed += outcome.fixed
                if outcome.diff:
                    report.diffs.append(outcome.diff)
                for config_path, index in outcome.used_ignores:
                    used_by_config.setdefault(config_path, set()).add(index)
        if self.compare is not None:
            self._copied_passages(report)
        configs = [self.config_for(name) for name in sorted(set(report.files))]
        report.notes = self.filters.unused_ignores(configs, used_by_config)
        return report

    def _copied_passages(self, report: Report) -> None:
        """The run-level stage of ``copied-passage`` (reportlint.compare)."""
        from .compare import RULE, add_copied_passages

        rule = self.registry.rules.get(RULE)
        if rule is None:
            return

        def active_for(result):
            config = self.config_for(result.path)
            return next((a for a in self.pipeline.active_rules(config, result.path)
                         if a.rule is rule), None)

        def suppress(result, findings, active):
            config = self.config_for(result.path)
            findings, _ = self.filters.suppress(result.doc, config, findings, [active])
            kept = FileResult(result.path, result.doc, findings)
            self.filters.after_fixes(kept, config)
            return kept.findings

        add_copied_passages(report, rule, active_for, self._compared(report), suppress)

    def _compared(self, report: Report) -> list:
        """(path, Document) of each earlier report named by --compare; a file that
        cannot be read is an error of the run, as a linted file's is."""
        if not self.compare:
            return []
        found = discover(self.compare, self.config_for)
        report.errors.extend(found.errors)
        linted = {os.path.abspath(r.path) for r in report.results}
        out = []
        for path, _ in found.files:
            if os.path.abspath(path) in linted:
                continue
            try:
                source = sources.load(path, encoding=self.encoding, max_bytes=self.max_bytes)
            except sources.SourceError as e:
                report.errors.append((path, e.as_message()))
                continue
            out.append((path, Document(source.text, path=path)))
        return out

    def _context_for(self, name: str):
        return self.resolver.context_for(self.config_for(name), name)


def _worker_pipeline(**settings) -> Pipeline:
    pipeline = Linter(**settings).pipeline
    # A worker lints files until it ends: its time limits' handler stays installed.
    pipeline.limits.__enter__()
    return pipeline
