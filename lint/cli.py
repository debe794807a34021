"""The command line: ``reportlint [PATH ...]``, ``reportlint rules``, ``reportlint explain RULE``.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, configuration, read or write errors (the other files are still linted), a rule
that raised, gave an invalid finding or ran past its time limit, or a run over folders
that found no file to lint.
With --diff, 1 means there is something to fix; --write-baseline exits 0 unless
there was an error.  Modules behind a flag (fixes, baseline, sarif …) are imported
only when the flag is given, to keep the start of a plain run short.
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import sys

from . import __version__
from .config import DEFAULT_MAX_FINDINGS, DEFAULT_RULE_TIMEOUT, MAX_RULE_TIMEOUT
from .formats import FORMATS, PROFILE_SHOWN
from .messages import Message, msg, plural, say
from .patterns import load_compiled, save_compiled

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    _adding = False

    def add_argument(self, *args, **kwargs):
        self._adding = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._adding = False

    def _get_formatter(self):
        # add_argument makes a formatter to check the metavar, and a formatter asks shutil
        # for the terminal's width: shutil imports zlib, bz2 and lzma, about 4 ms of every
        # start, for a width the check does not use.  Help and usage get the real width.
        if self._adding:
            return self.formatter_class(prog=self.prog, width=80)
        return super()._get_formatter()

    def error(self, message):  # usage errors: exit 2 with one line, as argparse does
        self.print_usage(sys.stderr)
        sys.stderr.write(f"reportlint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _names(value: str) -> list:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive number of processes, not {value!r}")
    return n


def _mebibytes(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        n = 0.0
    if not (0 < n < math.inf):   # also false for nan, which compares false to everything
        raise argparse.ArgumentTypeError(f"must be a positive number of MiB, not {value!r}")
    return n


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        n = -1.0
    if not 0 <= n <= MAX_RULE_TIMEOUT:   # also false for nan
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds from 0 (no limit) to {MAX_RULE_TIMEOUT}, not {value!r}")
    return n


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more, not {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportlint",
                description="A data-quality linter for published Chinese government reports.",
                epilog="Other commands: 'reportlint rules' lists the rules; "
                       "'reportlint explain RULE' documents one.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or directories to lint ('-' reads standard input)")
    p.add_argument("--select", type=_names, metavar="RULES",
                   help="comma-separated rule names or categories to run (only these)")
    p.add_argument("--ignore", type=_names, metavar="RULES",
                   help="comma-separated rule names or categories not to run")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="output format (default: text)")
    p.add_argument("--output", metavar="FILE",
                   help="write the report to FILE; the summary still goes to the terminal")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--lang", choices=("zh", "en"), default=None,
                   help="language of the messages (default: zh, or the config's language)")
    p.add_argument("--encoding", help="decode files with this encoding instead of detecting it")
    p.add_argument("--config", metavar="FILE", help="use this configuration file")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.add_argument("--profile", metavar="NAME",
                   help="treat every file as this document type (see the README's profiles)")
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="the name to report (and to match config globs) for standard input")
    p.add_argument("--max-file-size", type=_mebibytes, default=20, metavar="MIB",
                   help="skip files larger than this, with an error (default: 20)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in the text format (default: auto)")
    p.add_argument("--rule-timeout", type=_seconds, metavar="SECONDS",
                   help="stop a rule that takes longer than this on one file, with an error "
                        f"(default: the configuration's rule-timeout, else "
                        f"{DEFAULT_RULE_TIMEOUT:g}; 0: no limit)")
    p.add_argument("--max-findings-per-rule", type=_count, metavar="N",
                   help="list at most N findings of one rule in one file, and count the rest "
                        "in one more (default: the configuration's max-findings-per-rule, "
                        f"else {DEFAULT_MAX_FINDINGS}; 0: no limit)")
    fixing = p.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true",
                        help="apply the safe fixes to the files, then report what is left")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff; write nothing")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also apply fixes marked unsafe")
    gate = p.add_argument_group("gates and audits")
    gate.add_argument("--baseline", metavar="FILE",
                      help="report only findings that the baseline FILE does not hold")
    gate.add_argument("--write-baseline", metavar="FILE",
                      help="record the current findings in FILE and exit")
    gate.add_argument("--report-unused-suppressions", action="store_true",
                      help="report suppressions (comments, ignore: entries) that silence nothing")
    gate.add_argument("--compare", nargs="?", action="append", const="", metavar="PATH",
                      help="report passages copied from the earlier reports PATH (files or "
                           "folders; repeatable); without PATH, between the files linted "
                           "(give it after the paths, or as --compare=)")
    gate.add_argument("--statistics", action="store_true",
                      help="print the number of findings per rule instead of the findings")
    gate.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                      help="lint in N processes (default: one per CPU for more than "
                           "a few files; 1: no extra processes)")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    return p


def _rules_command(argv: list, out) -> int:
    p = _Parser(prog="reportlint rules", description="List every rule.")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.paths:   # `reportlint rules reports/`: meant to lint a folder named rules?
        return _fail(msg("'reportlint {command}' takes no path; to lint a file or folder "
                         "named {command}, write ./{command}", command="rules"), args.lang)
    _note_a_path_named("rules", args.lang)
    from .plugins import default_registry

    reg = default_registry()
    _print_plugin_errors(reg, args.lang)
    rules = list(reg.rules.values())
    if args.format == "json":
        import json

        out.write(json.dumps([{"name": r.name, "category": r.category, "severity": r.severity,
                               "summary": r.summary.get(args.lang, ""), "options": r.options}
                              for r in rules], ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(r.name) for r in rules), default=0)
        for r in sorted(rules, key=lambda r: (r.category, r.name)):
            out.write(f"{r.name:<{width}}  {r.category:<10}  {r.severity:<7}  "
                      f"{r.summary.get(args.lang, '')}\n")
    return EXIT_ERROR if reg.errors else EXIT_OK


def _explain_command(argv: list, out) -> int:
    p = _Parser(prog="reportlint explain", description="Document one rule.")
    p.add_argument("rule")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    _note_a_path_named("explain", args.lang)
    from .plugins import default_registry
    from .ruledoc import explain

    reg = default_registry()
    _print_plugin_errors(reg, args.lang)
    rule = reg.describe(args.rule)
    if rule is None:
        return _fail(msg("unknown rule '{name}' (see 'reportlint rules')", name=args.rule),
                     args.lang)
    out.write(explain(rule, args.lang))
    return EXIT_OK


def _note_a_path_named(command: str, lang: str) -> None:
    """A file or folder named like the command is not linted: say how to lint it."""
    if os.path.exists(command):
        sys.stderr.write("reportlint: " + msg(
            "'reportlint {command}' runs the command; to lint the file or folder named "
            "{command}, write ./{command}", command=command).text(lang) + "\n")


def _print_plugin_errors(reg, lang: str) -> None:
    for message in reg.errors:
        _fail(message, lang)


COMMANDS = {"rules": _rules_command, "explain": _explain_command}


# The cyclic garbage collector during start-up: what start-up builds (compiled patterns,
# the parser, the registry, the modules a run imports) lasts as long as the run, and the
# collector would only traverse it over and over, about 10 ms of a plain run.  main()
# pauses it; it resumes when the files are about to be linted (_resume_collector), with
# what exists then set aside (gc.freeze) until main() returns.
_collector = {"paused": False, "froze": False}


def _resume_collector() -> None:
    if _collector["paused"]:
        _collector["paused"] = False
        if not gc.get_freeze_count():   # never touch what a caller froze itself
            gc.freeze()
            _collector["froze"] = True
        gc.enable()


def main(argv: Optional[list] = None) -> int:
    was_enabled = gc.isenabled()   # a caller's disabled collector stays disabled
    gc.disable()
    _collector.update(paused=was_enabled, froze=False)
    load_compiled()   # done already when the console script started here (__main__): a no-op then
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    finally:
        save_compiled()
        if _collector["froze"]:
            gc.unfreeze()
        if was_enabled:
            gc.enable()
        _collector.update(paused=False, froze=False)


def _main(argv: list) -> int:
    out = sys.stdout
    try:
        parser = build_parser()   # built once: it also tells the command word from values
        at = _command_at(argv, parser)
        if at is None:
            return _lint_command(argv, out, parser)
        return COMMANDS[argv[at]](argv[:at] + argv[at + 1:], out)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write(f"reportlint: {msg('interrupted').text(_lang_of(argv))}\n")
        return 130
    except BrokenPipeError:
        # The reader went away (… | head): stop quietly.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_ERROR
    except Exception as e:  # a bug of ours: one clear line, never a traceback
        sys.stderr.write("reportlint: " + msg(
            "internal error: {error} (please report it; set REPORTLINT_DEBUG=1 for details)",
            error=f"{type(e).__name__}: {e}").text(_lang_of(argv)) + "\n")
        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        return EXIT_ERROR


def _command_at(argv: list, parser: argparse.ArgumentParser) -> Optional[int]:
    """Where the command word (rules, explain) stands: the first argument that is neither
    an option nor an option's value, so that options go before or after it.  None for a
    lint run; after ``--`` every argument is a path, and ./rules names the folder."""
    takes_value: set[str] = set()
    options: set[str] = set()
    for action in parser._actions:
        options.update(action.option_strings)
        if action.nargs != 0:
            takes_value.update(action.option_strings)
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return None
        if not arg.startswith("-") or arg == "-":
            return i if arg in COMMANDS else None
        # `--lang en`, or an abbreviation argparse accepts (`--la en`); not `--lang=en`
        named = [arg] if arg in options or not arg.startswith("--") else \
            [o for o in options if o.startswith(arg)]
        value = bool(named) and "=" not in arg and all(o in takes_value for o in named)
        i += 2 if value else 1
    return None


def _fail(message, lang: Optional[str]) -> int:
    """Print an error that ends the run (a Message, or an error carrying one)."""
    sys.stderr.write(msg("reportlint: error: {message}", message=say(message, lang or "zh"))
                     .text(lang or "zh") + "\n")
    return EXIT_ERROR


def _lang_of(argv: list) -> str:
    """The language asked for on the command line, for a message before it is parsed."""
    for i, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and argv[i + 1:i + 2] == ["en"]):
            return "en"
    return "zh"


class _Filter:
    """``--fix -``: an editor pipes its buffer through the fixer and puts back what comes
    out, so standard output carries the text whatever happens (an error, an exclusion, a
    crash): the fixed text, else the input as it came.  Everything else goes to standard
    error."""

    def __init__(self, stream, limit: int):
        from .reading import read_stream

        self.stream = stream
        self.raw = read_stream(stream, limit)
        self.cut = len(self.raw) > limit   # the rest is passed through, never held
        self.given = False

    def give_back(self, fixed: Optional[bytes] = None) -> None:
        if self.given:
            return
        self.given = True
        sys.stdout.flush()
        sys.stdout.buffer.write(self.raw if fixed is None or self.cut else fixed)
        if self.cut:
            import shutil

            shutil.copyfileobj(self.stream, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _lint_command(argv: list, out, parser: argparse.ArgumentParser) -> int:
    args = parser.parse_args(argv)
    if not (args.fix and not args.diff and "-" in args.paths):
        return _lint(args, out, None)
    echo = _Filter(sys.stdin.buffer, _max_bytes(args))
    try:
        return _lint(args, sys.stderr, echo)
    finally:
        echo.give_back()


def _max_bytes(args) -> int:
    return int(args.max_file_size * 1024 * 1024)


def _lint(args, out, echo: Optional[_Filter]) -> int:
    lang = args.lang    # until the configuration's language: is read
    if args.output and (args.output == "-" or _standard_stream(args.output) is sys.stdout):
        args.output = None   # `-`, /dev/stdout: the report on standard output, as without it
    if not args.paths:
        return _fail(msg("no path given (try 'reportlint .' or 'reportlint --help')"), lang)
    if args.baseline and args.write_baseline:
        return _fail(msg("--baseline and --write-baseline cannot be used together"), lang)
    from .config import ConfigError
    from .plugins import default_registry
    from .runner import Linter

    registry = default_registry()
    _print_plugin_errors(registry, lang)
    unknown = [n for n in (args.select or []) + (args.ignore or [])
               if n != "ALL" and n not in registry.rules and n not in registry.categories()]
    if unknown:
        return _fail(msg("unknown rule or category: {names} (see 'reportlint rules')",
                         names=unknown), lang)
    if args.config and not os.path.isfile(args.config):
        return _fail(msg("{path}: no such configuration file", path=args.config), lang)
    if args.profile and args.profile not in registry.known_profiles():
        # A profile a configuration defines is checked when that configuration loads.
        configured = Linter(registry=registry, config_path=args.config,
                            use_config=not args.no_config)
        if not _config_has_profile(configured, args.paths, args.profile):
            return _fail(msg("unknown profile '{name}' (known: {known})", name=args.profile,
                             known=sorted(registry.known_profiles())), lang)
    baseline = None
    if args.baseline:   # read it first: a broken baseline ends the run before any work
        from .baseline import BaselineError, load

        try:
            baseline = (load(args.baseline), args.baseline)
        except BaselineError as e:
            return _fail(e, lang)
    linter = Linter(registry=registry, select=args.select, ignore=args.ignore,
                    encoding=args.encoding, config_path=args.config,
                    use_config=not args.no_config,
                    max_bytes=_max_bytes(args), profile=args.profile,
                    report_unused=args.report_unused_suppressions,
                    fix="diff" if args.diff else ("write" if args.fix else None),
                    unsafe_fixes=args.unsafe_fixes, baseline=baseline,
                    compare=None if args.compare is None else [p for p in args.compare if p],
                    rule_timeout=args.rule_timeout,
                    # Counts per rule and a baseline need every finding, not the listed ones.
                    max_findings=0 if args.statistics or args.write_baseline
                    else args.max_findings_per_rule,
                    # The document type is read only where the report printed shows it.
                    show_profiles=args.format in PROFILE_SHOWN and not (
                        args.diff or args.write_baseline or (args.statistics and not args.output)))
    stdin = None
    if echo is not None:
        stdin = echo.raw
    elif "-" in args.paths:
        from .reading import read_stream

        stdin = read_stream(sys.stdin.buffer, _max_bytes(args))   # more is an error
    progress = _progress_bar()
    _resume_collector()
    try:
        report = linter.run(args.paths, stdin=stdin, stdin_filename=args.stdin_filename,
                            jobs=args.jobs, progress=progress)
        lang = args.lang or _config_language(linter, args.paths) or "zh"
    except ConfigError as e:
        sys.stderr.write(e.text(lang or _config_language_or_none(linter, args.paths) or "zh")
                         + "\n")
        return EXIT_ERROR
    finally:
        if progress:
            progress.close()
    if echo is not None:
        echo.give_back(report.fixed_stdin)
    failed = bool(report.errors or registry.errors)
    if not _report_lists_errors(args):
        _print_errors(report, lang)
    nothing = _nothing_to_lint(linter, report, args.paths)
    if nothing:
        _fail(nothing, lang)
        failed = True
    if args.write_baseline:
        if nothing:
            return EXIT_ERROR  # an empty baseline would wipe out the recorded backlog
        return _write_baseline(report, args.write_baseline, lang, failed)
    notes = _unused_ignore_lines(report, lang)
    if args.diff:
        return _print_diffs(report, args, out, lang, failed)
    return _print_report(report, registry, args, out, lang, failed, notes)


def _report_lists_errors(args) -> bool:
    """Whether the report printed on the terminal lists the read and configuration errors
    itself: the text and concise formats do, unless the report goes to a file or is
    replaced (--statistics, --diff, --write-baseline)."""
    return args.format in ("text", "concise") and not (
        args.output or args.statistics or args.diff or args.write_baseline)


def _print_errors(report, lang: str) -> None:
    """The errors on standard error, one line each: a CI log must say why a run failed
    even when the report is SARIF in a file."""
    from .formats.concise import error_line

    for path, message in report.errors:
        sys.stderr.write(error_line(path, message, lang) + "\n")


def _nothing_to_lint(linter, report, paths: list) -> Optional[Message]:
    """Why a folder sweep linted no file at all, or None: a CI gate that checked nothing
    must not pass.  A run that linted any file, standard input and files named one by
    one (pre-commit's, which may all be excluded) are left as they are."""
    if report.files or "-" in paths or not any(os.path.isdir(p) for p in paths):
        return None
    reasons = []
    if report.excluded:
        n = len(report.excluded)
        configs = sorted({linter.config_for(p).path for p in report.excluded})
        reasons.append(msg("{n} file{s} excluded by `exclude:` in {configs}", n=n,
                           s=plural(n), configs=configs))
    if report.skipped:
        from collections import Counter

        n = len(report.skipped)
        counts = Counter(os.path.splitext(p)[1].lower() for p in report.skipped).most_common()
        kinds: list = [msg("{ext} ×{count}", ext=ext or msg("no extension"), count=k)
                       for ext, k in counts[:6]] + (["…"] if len(counts) > 6 else [])
        reasons.append(msg("skipped {n} file{s} ({kinds}); lint them by naming them, or add "
                           "their extensions to `extensions:` in .reportlint.yaml",
                           n=n, s=plural(n), kinds=kinds))
    if report.notices:
        n = len(report.notices)
        reasons.append(msg("passed over {n} link{s} or special file{s}", n=n, s=plural(n)))
    if not reasons:
        return msg("nothing to lint in {where}: no files found", where=paths)
    joined = reasons[0]
    for reason in reasons[1:]:
        joined = msg("{first}; {second}", first=joined, second=reason)
    return msg("no file to lint in {where}: {reasons}", where=paths, reasons=joined)


def _progress_bar():
    """A progress bar on standard error when it is a terminal (drawn after a second)."""
    try:
        if not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    from .progress import Progress

    return Progress(sys.stderr)


def _write_baseline(report, path: str, lang: str, failed: bool) -> int:
    from .baseline import BaselineError, write

    try:
        n = write(report, path)
    except BaselineError as e:
        return _fail(e, lang)
    sys.stderr.write("reportlint: " + msg("wrote {n} finding{s} to the baseline {path}", n=n,
                                          s=plural(n), path=path).text(lang) + "\n")
    return EXIT_ERROR if failed else EXIT_OK


def _unused_ignore_lines(report, lang: str) -> list:
    for note in report.notes:
        sys.stderr.write(f"{note.path}:{note.line}:{note.col}: {note.severity} {note.rule} "
                         f"{note.message(lang)}\n")
    return report.notes


def _print_diffs(report, args, out, lang: str, failed: bool) -> int:
    """--diff, as ruff does it: the diffs only; exit 1 when there is something to fix."""
    text = "".join(report.diffs)
    if not _emit(text, args.output, out, lang):
        return EXIT_ERROR
    files = len(report.diffs)
    sys.stderr.write(msg("Would fix {n} problem{s} in {files} file{fs} (nothing written).",
                         n=report.fixed, s=plural(report.fixed), files=files, fs=plural(files))
                     .text(lang) + "\n")
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.diffs else EXIT_OK


def _print_report(report, registry, args, out, lang: str, failed: bool, notes: list) -> int:
    from .rule import level_at_least
    from .formats import render

    if args.output:
        if not _emit(render(args.format, report, registry, lang, color=False), args.output, out,
                     lang):
            return EXIT_ERROR
        terminal = _statistics(report, registry, args, lang) if args.statistics else ""
        from .formats.text import terminal_summary

        out.write(terminal + "\n".join(terminal_summary(report, lang)) + "\n")
    else:
        color = args.color == "always" or (
            args.color == "auto" and out.isatty() and not os.environ.get("NO_COLOR"))
        if args.statistics:
            out.write(_statistics(report, registry, args, lang))
        else:
            out.write(render(args.format, report, registry, lang, color=color))
        if args.format != "text" and not args.statistics:
            from .formats.text import terminal_summary

            # The notices, and what --fix did: the summary line itself is the format's.
            closing = terminal_summary(report, lang)[:-1]
            if not args.fix:
                closing = closing[:len(report.notices)]
            sys.stderr.write("".join(line + "\n" for line in closing))
    out.flush()
    if failed:
        return EXIT_ERROR
    if args.fail_on != "never" and (
            any(level_at_least(f.severity, args.fail_on) for f in report.findings)
            or (notes and level_at_least("warning", args.fail_on))):
        return EXIT_FINDINGS
    return EXIT_OK


def _statistics(report, registry, args, lang: str) -> str:
    from .formats.statistics import render

    return render(report, registry, lang, as_json=args.format == "json" and not args.output,
                  unsafe=args.unsafe_fixes)


def _emit(text: str, path: Optional[str], out, lang: str) -> bool:
    """Write the report to ``path`` (atomically) or to ``out``; False after a clear error."""
    if not path:
        out.write(text)
        return True
    stream = _standard_stream(path)
    if stream is not None:    # /dev/stderr: in order with what else is written to it
        stream.write(text)
        return True
    from .writing import write_atomic

    try:
        if os.path.exists(path) and not os.path.isfile(path):
            # A device or a pipe (/dev/stderr, /dev/null): no file to replace.
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            write_atomic(path, text.encode("utf-8"))
    except OSError as e:
        _fail(msg("cannot write the report to {path}: {reason}", path=path,
                  reason=e.strerror or str(e)), lang)
        return False
    return True


def _standard_stream(path: str):
    """sys.stdout or sys.stderr when ``path`` is the file it writes to (/dev/stdout, or the
    file it is redirected to), else None: replacing that file would lose what follows."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if os.path.samestat(os.stat(path), os.fstat(stream.fileno())):
                return stream
        except (OSError, ValueError, AttributeError):   # no such file; a captured stream
            pass
    return None


def _first_config(linter, paths):
    """The configuration that governs the first path."""
    first = next((p for p in paths if p != "-"), None)
    probe = os.path.join(first, "_") if first and os.path.isdir(first) else (first or "_")
    return linter.config_for(probe)


def _config_language(linter, paths) -> Optional[str]:
    return _first_config(linter, paths).language


def _config_language_or_none(linter, paths) -> Optional[str]:
    """The configuration's language, when the configuration can be read at all."""
    from .config import ConfigError

    try:
        return _config_language(linter, paths)
    except ConfigError:
        return None


def _config_has_profile(linter, paths, name: str) -> bool:
    from .config import ConfigError

    try:
        profiles = _first_config(linter, paths).profiles or {}
    except ConfigError:
        return True  # the run reports the broken configuration itself
    return name in profiles


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
