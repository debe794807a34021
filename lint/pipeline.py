"""The per-file pipeline: source → Document (with its Context) → the selected rules →
filters → findings; with ``fix`` set, fixed and re-linted until nothing is left to fix.

``Pipeline.process`` never raises for a bad file: what went wrong is in the Outcome,
plain data that crosses process boundaries.
"""
from __future__ import annotations


from . import sources
from .config import DEFAULT_RULE_TIMEOUT, Config, ConfigError
from .document import Document
from .engine import run_rules, select_rules
from .filters import Filters
from .messages import Message, msg
from .report import FileResult, shown_path
from .resolve import Resolver
from .timelimit import TimeLimits

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional
    from .location import SourceMap


class Outcome:
    """What linting one file gives back (a Document holds caches that may not pickle:
    a worker drops it and the parent rebuilds it from ``text``).  A plain class: each
    dataclass costs a millisecond at every start."""

    __slots__ = ("name", "text", "findings", "errors", "profile", "fixed", "diff", "fixed_raw",
                 "used_ignores", "failed", "notices", "source_map", "tables", "doc")

    def __init__(self, name: str, text: str = "", findings: Optional[list] = None,
                 errors: Optional[list] = None, profile: Optional[str] = None, fixed: int = 0,
                 diff: str = "", fixed_raw: Optional[bytes] = None, used_ignores: tuple = (),
                 failed: Optional[Message] = None, notices: Optional[list] = None,
                 source_map: Optional[SourceMap] = None, tables: Optional[tuple] = None,
                 doc: Optional[Document] = None):
        self.name = name
        self.text = text
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.profile = profile
        self.fixed = fixed
        self.diff = diff
        self.fixed_raw = fixed_raw                 # standard input with --fix
        self.used_ignores = used_ignores           # (config path, index of the entry)
        self.failed = failed                       # why the file could not be linted
        # Messages: what the run did not do or did otherwise (a link fixed at its target,
        # fixes not written to a .docx)
        self.notices = [] if notices is None else notices
        self.source_map = source_map               # an extracted text's, with its tables
        self.tables = tables
        self.doc = doc

    def result(self, context_for) -> FileResult:
        doc = self.doc
        if doc is None:
            doc = Document(self.text, path=self.name, context=context_for(self.name),
                           source_map=self.source_map, tables=self.tables)
        return FileResult(path=self.name, doc=doc, findings=self.findings, errors=self.errors,
                          profile=self.profile)


class Pipeline:
    """The per-file stages with a run's settings (a plain class, see Outcome)."""

    def __init__(self, resolver: Resolver, filters: Filters, select: Optional[list] = None,
                 ignore: Optional[list] = None, encoding: Optional[str] = None,
                 max_bytes: int = sources.DEFAULT_MAX_BYTES, fix: Optional[str] = None,
                 unsafe_fixes: bool = False, rule_timeout: Optional[float] = None,
                 show_profiles: bool = True):
        self.resolver = resolver
        self.filters = filters
        self.select = select
        self.ignore = ignore
        self.encoding = encoding
        self.max_bytes = max_bytes
        self.fix = fix                      # "write" (--fix) or "diff" (--diff)
        self.unsafe_fixes = unsafe_fixes
        self.rule_timeout = rule_timeout    # --rule-timeout; None: the configuration's
        self.show_profiles = show_profiles  # whether a result names its document type
        # Entered by whoever lints a series of files with this pipeline (a run, a worker):
        # the alarm's handler is then installed once for them all, not once per file.
        self.limits = TimeLimits()
        # (id of the Config, the per-file: entries that match) -> the ActiveRules; the
        # Configs live as long as the Resolver that loaded them, so their ids stay theirs.
        self._selected: dict = {}

    @property
    def registry(self):
        return self.resolver.registry

    def document(self, text: str, name: str, config: Config,
                  source: Optional[sources.Source] = None) -> Document:
        return Document(text, path=name, context=self.resolver.context_for(config, name),
                        source_map=source.source_map if source else None,
                        tables=source.tables if source else None)

    def check(self, doc: Document, config: Optional[Config]) -> tuple:
        """(FileResult, indices of the config's ignore: entries used): rules, then filters."""
        from .profiles import profile_of

        active = self.active_rules(config, doc.path)
        # An empty file is clean: no part of it is wrong or missing (told without a copy).
        if not doc.text or doc.text.isspace():
            active = []
        failures: list = []
        timeout = self.rule_timeout
        if timeout is None:
            timeout = config.rule_timeout if config else DEFAULT_RULE_TIMEOUT
        findings, errors = run_rules(doc, active, failures, timeout, self.limits)
        # A rule that raised reported nothing: its suppressions are not "unused".
        failed = {name for name, _ in failures}
        ran = [a for a in active if a.rule.name not in failed] if failed else active
        findings, used = self.filters.suppress(doc, config, findings, ran)
        return FileResult(path=doc.path, doc=doc, findings=findings, errors=errors,
                          profile=profile_of(doc).name if self.show_profiles else None,
                          failures=failures), used

    def active_rules(self, config: Optional[Config], path: str) -> list:
        """The rules to run on ``path`` and how; the same for every file that the same
        configuration entries govern, so chosen once for them."""
        key = (id(config), config.per_file_for(path)) if config else None
        active = self._selected.get(key)
        if active is None:
            settings = config.settings_for(path) if config else {}
            active = self._selected[key] = select_rules(self.registry.rules, settings,
                                                        self.select, self.ignore)
        return active

    def process(self, path: str, name: str, raw: Optional[bytes] = None,
                follow_links: bool = True) -> Outcome:
        """Lint (and with ``fix`` set, fix) one file; a folder sweep's files are read
        with ``follow_links`` false."""
        try:
            config = self.resolver.config_for(name if path == "-" else path)
            source = sources.load(path, raw=raw, encoding=self.encoding, max_bytes=self.max_bytes,
                                  name=name, follow_links=follow_links,
                                  for_writing=self.fix == "write")
        except (sources.SourceError, ConfigError) as e:
            outcome = Outcome(name, failed=e.as_message())
            if path == "-" and self.fix == "write" and raw is not None:
                outcome.fixed_raw = raw   # a filter gives back what it cannot lint, unchanged
            return outcome
        fmt = source.source_map.format if source.source_map is not None else None
        if not self.fix or fmt in ("docx", "pdf"):
            text = source.text
            document = self.document(text, name, config, source)
            del source   # its bytes: only --fix needs them, and a big file is not held twice
            result, used = self.check(document, config)
            outcome = self._outcome(result, used, text, config)
            if self.fix:
                outcome.notices.append(msg("fixes are not written to .{format} files: linted "
                                           "only", format=fmt))
            return outcome
        from .fixes import FixError, fix_document, unified_diff
        from .writing import Refused, replace_unchanged

        try:
            if fmt == "html":
                fixed = self._fix_html(source, name, config)
            else:
                fixed = fix_document(
                    lambda text: self.check(self.document(text, name, config), config),
                    source, self.unsafe_fixes)
        except FixError as e:
            return self._unfixed(source, name, config,
                                 msg("not fixed: {reason}", reason=e.as_message()))
        outcome = self._outcome(fixed.result, fixed.used_ignores, fixed.result.doc.text, config)
        outcome.fixed = fixed.count
        if path == "-":
            if self.fix == "write":
                outcome.fixed_raw = fixed.raw   # printed even when unchanged, as a filter
        elif fixed.count and self.fix == "write":
            assert source.state is not None   # read from a file, not given
            try:
                replace_unchanged(source.state, source.raw, fixed.raw)
            except Refused as e:
                return self._unfixed(source, name, config,
                                     msg("not fixed: {reason}", reason=e.as_message()))
            except OSError as e:
                return self._unfixed(source, name, config,
                                     msg("cannot write the fixes: {reason}",
                                         reason=e.strerror or str(e)))
            if source.state.link:
                outcome.notices.append(msg("a symbolic link: fixed at its target {target}",
                                           target=source.state.real))
        if fixed.count and self.fix == "diff":
            outcome.diff = unified_diff(shown_path(name), fixed.original_text, fixed.text)
        return outcome

    def _fix_html(self, source: sources.Source, name: str, config: Config):
        """Fixes written into the page itself: only those whose span the page spells out
        character for character (no entity, no tag, no folded white space inside)."""
        from .fixes import fix_document

        page = sources.Source(source.path, source.raw.decode(source.encoding), source.encoding,
                              source.raw, source.source_map, source.tables, source.state)

        def lint_page(text: str) -> tuple:
            reread = sources.reread(page, text)
            return self.check(self.document(reread.text, name, config, reread), config)

        def in_page(doc: Document, fix):
            span = doc.source_map.source_span(fix.start, fix.end) if doc.source_map else None
            return None if span is None else fix.replace(start=span[0], end=span[1])

        return fix_document(lint_page, page, self.unsafe_fixes, in_page)

    def _unfixed(self, source, name: str, config, error: Message) -> Outcome:
        """The findings of a file left as it was, and why it was."""
        result, used = self.check(self.document(source.text, name, config, source), config)
        outcome = self._outcome(result, used, source.text, config)
        outcome.errors.append(error)
        if source.path == "-" and self.fix == "write":
            outcome.fixed_raw = source.raw
        return outcome

    def _outcome(self, result: FileResult, used: set, text: str, config: Config) -> Outcome:
        self.filters.after_fixes(result, config)
        assert result.doc is not None  # check() gives every result its document
        return Outcome(result.path, text, result.findings, list(result.errors), result.profile,
                       used_ignores=tuple((config.path, i) for i in sorted(used)),
                       source_map=result.doc.source_map, tables=result.doc._reader_tables,
                       doc=result.doc if result.doc.text == text else None)
