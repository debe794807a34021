"""From paths to results: file discovery, per-file configuration, reading, rules."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from . import sources
from .config import Config, ConfigError, find_config, load_config
from .document import Document
from .engine import FileResult, rule_matches, run_rules, select_rules
from .plugins import Registry, default_registry

# Folders a sweep never enters: version control, environments, caches.
SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


@dataclass
class Report:
    results: list = field(default_factory=list)   # FileResult, in the order linted
    errors: list = field(default_factory=list)    # (path, message)
    fix_mode: Optional[str] = None                # "write" (--fix) or "diff" (--diff)
    fixed: int = 0                                # findings fixed (or that a diff fixes)
    diffs: list = field(default_factory=list)     # unified diffs, in the order linted
    fixed_stdin: Optional[bytes] = None           # standard input, fixed
    unused_ignores: list = field(default_factory=list)  # (Config, indices of unused entries)
    files: list = field(default_factory=list)     # names of the files linted (or tried)
    skipped: list = field(default_factory=list)   # files a folder sweep passed over: extension
    excluded: list = field(default_factory=list)  # files the configuration's exclude: left out

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]


@dataclass
class Outcome:
    """What linting one file gives back; plain data, so it crosses process boundaries
    (a Document holds caches that may not pickle: the parent rebuilds it from ``text``)."""

    name: str
    text: str = ""
    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    profile: Optional[str] = None
    fixed: int = 0
    diff: str = ""
    fixed_raw: Optional[bytes] = None             # standard input with --fix
    used_ignores: tuple = ()                      # (config path, index of the entry)
    failed: Optional[str] = None                  # the file could not be read
    # The linted Document, kept when linting ran in this process; a worker drops it
    # and the parent rebuilds it from ``text``.
    doc: Optional[Document] = field(default=None, repr=False, compare=False)

    def result(self) -> FileResult:
        doc = self.doc if self.doc is not None else Document(self.text, path=self.name)
        return FileResult(path=self.name, doc=doc, findings=self.findings, errors=self.errors,
                          profile=self.profile)


@dataclass
class Linter:
    registry: Registry = field(default_factory=default_registry)
    select: Optional[list] = None
    ignore: Optional[list] = None
    encoding: Optional[str] = None
    config_path: Optional[str] = None        # --config
    use_config: bool = True                  # --no-config turns discovery off
    max_bytes: int = sources.DEFAULT_MAX_BYTES
    profile: Optional[str] = None            # --profile: force this document type
    report_unused: bool = False              # --report-unused-suppressions
    fix: Optional[str] = None                # "write" (--fix) or "diff" (--diff)
    unsafe_fixes: bool = False               # --unsafe-fixes
    # --baseline: (the recorded counts, the baseline's path); the findings it records are
    # dropped at the end of the run, with the other filters, in the parent process.
    baseline: Optional[tuple] = None
    _configs: dict = field(default_factory=dict)

    def settings(self) -> dict:
        """What a worker process needs to build the same Linter."""
        return {k: getattr(self, k) for k in (
            "select", "ignore", "encoding", "config_path", "use_config", "max_bytes",
            "profile", "report_unused", "fix", "unsafe_fixes")}

    # -- configuration ----------------------------------------------------------

    def config_for(self, path: str) -> Config:
        """The configuration that governs ``path``; raises ConfigError."""
        if not self.use_config:
            return self._cached(None, lambda: Config(root=os.getcwd()))
        if self.config_path:
            return self._cached(self.config_path,
                                lambda: load_config(self.config_path, self.registry.rules,
                                                            self.registry.profiles))
        directory = os.path.dirname(os.path.abspath(path))
        found = self._configs.get(("dir", directory))
        if found is None:
            found = find_config(directory) or ""
            self._configs[("dir", directory)] = found
        if not found:
            return self._cached(None, lambda: Config(root=os.getcwd()))
        return self._cached(found, lambda: load_config(found, self.registry.rules,
                                                       self.registry.profiles))

    def _cached(self, key, make) -> Config:
        if key not in self._configs:
            self._configs[key] = make()
        return self._configs[key]

    # -- discovery ----------------------------------------------------------------

    def collect(self, paths: list, report: Report) -> list:
        """Files to lint, in a stable order; problems go to ``report.errors``."""
        files, seen = [], set()

        def add(path):
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                files.append(path)

        for path in paths:
            if path == "-":
                add(path)
            elif os.path.isdir(path):
                for f in self._walk(path, report):
                    add(f)
            elif os.path.exists(path):
                add(path)
            else:
                report.errors.append((path, "no such file or directory"))
        return files

    def _walk(self, top: str, report: Report):
        def onerror(e: OSError):
            report.errors.append((e.filename or top, e.strerror or str(e)))

        for root, dirs, names in os.walk(top, onerror=onerror):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
            for name in sorted(names):
                path = os.path.join(root, name)
                if name.lower().endswith(self.config_for(path).extensions):
                    yield path
                elif not name.startswith("."):   # .gitignore, .reportlint.yaml: not reports
                    report.skipped.append(path)

    # -- linting ------------------------------------------------------------------

    def lint_file(self, path: str, raw: Optional[bytes] = None,
                  display_path: Optional[str] = None) -> FileResult:
        """Lint one file (or the bytes of standard input); raises SourceError or ConfigError."""
        name = display_path or path
        config = self.config_for(name if path == "-" else path)
        source = sources.load(path, raw=raw, encoding=self.encoding, max_bytes=self.max_bytes)
        doc = Document(source.text, path=name)
        return self.lint_document(doc, config)

    def lint_document(self, doc: Document, config: Optional[Config] = None) -> FileResult:
        return self.check(doc, config)[0]

    def check(self, doc: Document, config: Optional[Config] = None) -> tuple:
        """(FileResult, indices of the config's ignore entries used): rules, then suppressions."""
        settings = config.settings_for(doc.path) if config else {}
        doc.profile = profile = self.choose_profile(doc, config)
        if (config is not None and config.vocab) or self.registry.vocab:
            doc.vocab = self._vocab(config)
        active = select_rules(self.registry.rules, settings, self.select, self.ignore)
        failures: list = []
        findings, errors = run_rules(doc, active, failures)
        # A rule that raised reported nothing: its suppressions are not "unused".
        failed = {name for name, _ in failures}
        ran = [a for a in active if a.rule.name not in failed]
        findings, used = self._suppress(doc, config, findings, ran)
        return FileResult(path=doc.path, doc=doc, findings=findings, errors=errors,
                          profile=profile.name, failures=failures), used

    def _suppress(self, doc: Document, config: Optional[Config], findings: list, active):
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
                running = {a.rule.name for a in active} | {a.rule.category for a in active}
                findings = sorted(findings + suppress.unused_comments(directives, known, running),
                                  key=lambda f: (f.start, f.end, f.rule))
        if config and config.ignore:
            entries = suppress.entries_for(config, config.relative(doc.path))
            findings, used = suppress.apply_ignores(doc, findings, entries)
        return findings, used

    def _vocab(self, config: Optional[Config]):
        """The arithmetic vocabulary extended by the plugins and ``config``, built once
        per configuration."""
        key = ("vocab", id(config))
        if key not in self._configs:
            from .vocab import combined, extended

            self._configs[key] = extended(combined(self.registry.vocab,
                                                   config.vocab if config else None))
        return self._configs[key]

    def choose_profile(self, doc: Document, config: Optional[Config]):
        """--profile, else the configuration's choice for the file, else recognition."""
        from .profiles import recognise
        from .residue import title_of

        profiles = (config.profiles if config else None) or self.registry.known_profiles()
        name = self.profile or (config.profile_for(doc.path) if config else None)
        if name and name in profiles:
            return profiles[name]
        return recognise(doc, profiles, title_of(doc))

    def process(self, path: str, name: str, raw: Optional[bytes] = None) -> Outcome:
        """Lint (and with ``fix`` set, fix) one file; never raises for a bad file."""
        try:
            config = self.config_for(name if path == "-" else path)
            source = sources.load(path, raw=raw, encoding=self.encoding, max_bytes=self.max_bytes)
        except (sources.SourceError, ConfigError) as e:
            outcome = Outcome(name, failed=str(e))
            if path == "-" and self.fix == "write" and raw is not None:
                outcome.fixed_raw = raw   # a filter gives back what it cannot lint, unchanged
            return outcome
        if not self.fix:
            result, used = self.check(Document(source.text, path=name), config)
            return _outcome(result, source.text, used, config)
        from .fixes import FixError, fix_document, unified_diff, write_atomic

        try:
            fixed = fix_document(self.check, source, name, config, self.unsafe_fixes)
        except FixError as e:
            return self._unfixed(source, name, config, f"not fixed: {e}")
        outcome = _outcome(fixed.result, fixed.text, fixed.used_ignores, config)
        outcome.fixed = fixed.count
        if path == "-":
            if self.fix == "write":
                outcome.fixed_raw = fixed.raw   # printed even when unchanged, as a filter
        elif fixed.count and self.fix == "write":
            try:
                write_atomic(path, fixed.raw)
            except OSError as e:
                return self._unfixed(source, name, config,
                                     f"cannot write the fixes: {e.strerror or e}")
        if fixed.count and self.fix == "diff":
            outcome.diff = unified_diff(name, fixed.original_text, fixed.text)
        return outcome

    def _unfixed(self, source, name: str, config, error: str) -> Outcome:
        """The findings of a file left as it was, and why it was."""
        result, used = self.check(Document(source.text, path=name), config)
        outcome = _outcome(result, source.text, used, config)
        outcome.errors.append(error)
        if source.path == "-" and self.fix == "write":
            outcome.fixed_raw = source.raw
        return outcome

    def run(self, paths: list, stdin: Optional[bytes] = None,
            stdin_filename: Optional[str] = None, jobs: Optional[int] = None,
            progress=None) -> Report:
        """Lint every file under ``paths``; a broken configuration raises ConfigError
        before any file is linted, since it ends the run.

        ``jobs``: processes to lint in (None: one per CPU for a long list of files);
        ``progress(done, total)`` is called after each file.  Results keep input order.
        """
        report = Report(fix_mode=self.fix)
        files = self.collect(paths, report)
        names = {p: (stdin_filename or "-") if p == "-" else p for p in files}
        excluded = {p for p in files if self.config_for(names[p]).is_excluded(names[p])}
        report.excluded = [p for p in files if p in excluded]
        files = [p for p in files if p not in excluded]
        report.files = [names[p] for p in files]
        tasks = [(p, names[p], stdin if p == "-" else None) for p in files]
        used_by_config: dict = {}
        for done, outcome in enumerate(self._outcomes(tasks, jobs), start=1):
            if progress:
                progress(done, len(tasks))
            if outcome.fixed_raw is not None:
                report.fixed_stdin = outcome.fixed_raw
            if outcome.failed is not None:
                report.errors.append((outcome.name, outcome.failed))
                continue
            report.results.append(outcome.result())
            report.errors.extend((outcome.name, msg) for msg in outcome.errors)
            report.fixed += outcome.fixed
            if outcome.diff:
                report.diffs.append(outcome.diff)
            for key in outcome.used_ignores:
                used_by_config.setdefault(key[0], set()).add(key[1])
        if self.report_unused:
            report.unused_ignores = self._unused_ignores(
                {names[p] for p in files}, used_by_config)
        if self.baseline is not None:
            from .baseline import apply

            apply(report, *self.baseline)
        return report

    def _unused_ignores(self, names: set, used_by_config: dict) -> list:
        """(Config, unused entry indices) for the configurations that governed the run;
        entries for rules that --select/--ignore turned off are left out."""
        out, seen = [], set()
        for name in sorted(names):
            config = self.config_for(name)
            if not config.ignore or config.path in seen:
                continue
            seen.add(config.path)
            used = used_by_config.get(config.path, set())
            unused = [i for i, e in enumerate(config.ignore)
                      if i not in used and self._rule_runs(e["rule"])]
            if unused:
                out.append((config, unused))
        return out

    def _rule_runs(self, name: str) -> bool:
        """Whether --select/--ignore let a rule (or a category) named ``name`` run."""
        return any((not self.select or rule_matches(r, self.select))
                   and not (self.ignore and rule_matches(r, self.ignore))
                   and rule_matches(r, [name]) for r in self.registry.rules.values())

    def _outcomes(self, tasks: list, jobs: Optional[int]):
        """Each task's Outcome, in task order: in this process or in a pool."""
        if jobs is None:
            jobs = default_jobs(len(tasks))
        if jobs <= 1 or len(tasks) <= 1 or self.registry is not default_registry():
            for task in tasks:
                yield self.process(*task)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork shares the parent's loaded modules; elsewhere workers import afresh.
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        workers = min(jobs, len(tasks))
        chunk = max(1, min(8, len(tasks) // (workers * 4)))
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=_init_worker, initargs=(self.settings(),))
        try:
            yield from pool.map(_work, tasks, chunksize=chunk)
        except BaseException:   # Ctrl-C, or the reader stopped: drop the queued files
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()


# More files than this are linted in parallel by default: below it, starting the
# processes costs more than it saves.
PARALLEL_MIN_FILES = 8


def default_jobs(n_files: int) -> int:
    return (os.cpu_count() or 1) if n_files > PARALLEL_MIN_FILES else 1


def _outcome(result: FileResult, text: str, used: set, config: Optional[Config]) -> Outcome:
    path = config.path if config else None
    assert result.doc is not None  # check() gives every result its document
    return Outcome(result.path, text, result.findings, list(result.errors), result.profile,
                   used_ignores=tuple((path, i) for i in sorted(used)),
                   doc=result.doc if result.doc.text == text else None)


_worker_linter: Optional[Linter] = None


def _init_worker(settings: dict) -> None:
    """Each worker builds its own Linter, rules and automatons."""
    import signal

    # Ctrl-C is the parent's to handle: a worker would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_linter
    _worker_linter = Linter(**settings)


def _work(task: tuple) -> Outcome:
    assert _worker_linter is not None  # _init_worker ran in this process
    outcome = _worker_linter.process(*task)
    outcome.doc = None  # its caches need not pickle: the parent rebuilds it
    return outcome
