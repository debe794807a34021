"""From paths to results: file discovery, per-file configuration, reading, rules."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from . import sources
from .config import Config, find_config, load_config
from .document import Document
from .engine import FileResult, run_rules, select_rules
from .plugins import Registry, default_registry

# Folders a sweep never enters: version control, environments, caches.
SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


@dataclass
class Report:
    results: list = field(default_factory=list)   # FileResult, in the order linted
    errors: list = field(default_factory=list)    # (path, message)

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]


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
    _configs: dict = field(default_factory=dict)

    # -- configuration ----------------------------------------------------------

    def config_for(self, path: str) -> Config:
        """The configuration that governs ``path``; raises ConfigError."""
        if not self.use_config:
            return self._cached(None, lambda: Config(root=os.getcwd()))
        if self.config_path:
            return self._cached(self.config_path,
                                lambda: load_config(self.config_path, self.registry.rules))
        directory = os.path.dirname(os.path.abspath(path))
        found = self._configs.get(("dir", directory))
        if found is None:
            found = find_config(directory) or ""
            self._configs[("dir", directory)] = found
        if not found:
            return self._cached(None, lambda: Config(root=os.getcwd()))
        return self._cached(found, lambda: load_config(found, self.registry.rules))

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
        settings = config.settings_for(doc.path) if config else {}
        doc.profile = self.choose_profile(doc, config)
        if config is not None and config.vocab:
            doc.vocab = self._vocab(config)
        active = select_rules(self.registry.rules, settings, self.select, self.ignore)
        findings, errors = run_rules(doc, active)
        return FileResult(path=doc.path, doc=doc, findings=findings, errors=errors,
                          profile=doc.profile.name)

    def _vocab(self, config: Config):
        """The arithmetic vocabulary extended by ``config``, built once per configuration."""
        key = ("vocab", id(config))
        if key not in self._configs:
            from .vocab import extended

            self._configs[key] = extended(config.vocab)
        return self._configs[key]

    def choose_profile(self, doc: Document, config: Optional[Config]):
        """--profile, else the configuration's choice for the file, else recognition."""
        from .profiles import builtin_profiles, recognise

        profiles = (config.profiles if config else None) or builtin_profiles()
        name = self.profile or (config.profile_for(doc.path) if config else None)
        if name and name in profiles:
            return profiles[name]
        return recognise(doc, profiles, doc.title)

    def run(self, paths: list, stdin: Optional[bytes] = None,
            stdin_filename: Optional[str] = None) -> Report:
        """Lint every file under ``paths``; a broken configuration raises ConfigError
        before any file is linted, since it ends the run."""
        report = Report()
        files = self.collect(paths, report)
        names = {p: (stdin_filename or "-") if p == "-" else p for p in files}
        files = [p for p in files if not self.config_for(names[p]).is_excluded(names[p])]
        for path in files:
            name = names[path]
            try:
                result = self.lint_file(path, raw=stdin if path == "-" else None, display_path=name)
            except sources.SourceError as e:
                report.errors.append((name, str(e)))
                continue
            report.results.append(result)
            report.errors.extend((name, msg) for msg in result.errors)
        return report
