"""The command line: ``reportlint [PATH ...]``, ``reportlint rules``, ``reportlint explain RULE``.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, configuration or read errors (the other files are still linted).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "explain")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: exit 2 with one line, as argparse does
        self.print_usage(sys.stderr)
        sys.stderr.write(f"reportlint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _names(value: str) -> list:
    return [v.strip() for v in value.split(",") if v.strip()]


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
    p.add_argument("--format", choices=("text", "concise", "json"), default="text",
                   help="output format (default: text)")
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
    p.add_argument("--max-file-size", type=float, default=20, metavar="MIB",
                   help="skip files larger than this, with an error (default: 20)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in the text format (default: auto)")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    return p


def _rules_command(argv: list, out) -> int:
    p = _Parser(prog="reportlint rules", description="List every rule.")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    from .plugins import default_registry

    reg = default_registry()
    _print_plugin_errors(reg)
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
    from .plugins import default_registry
    from .ruledoc import explain

    reg = default_registry()
    _print_plugin_errors(reg)
    rule = reg.rules.get(args.rule)
    if rule is None:
        sys.stderr.write(f"reportlint: error: unknown rule '{args.rule}' "
                         "(see 'reportlint rules')\n")
        return EXIT_ERROR
    out.write(explain(rule, args.lang))
    return EXIT_OK


def _print_plugin_errors(reg) -> None:
    for message in reg.errors:
        sys.stderr.write(f"reportlint: error: {message}\n")


def main(argv: Optional[list] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    out = sys.stdout
    try:
        if argv and argv[0] == "rules":
            return _rules_command(argv[1:], out)
        if argv and argv[0] == "explain":
            return _explain_command(argv[1:], out)
        return _lint_command(argv, out)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("reportlint: interrupted\n")
        return 130
    except Exception as e:  # a bug of ours: one clear line, never a traceback
        sys.stderr.write(f"reportlint: internal error: {type(e).__name__}: {e} "
                         "(please report it; set REPORTLINT_DEBUG=1 for details)\n")
        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (… | head): stop quietly.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_ERROR


def _lint_command(argv: list, out) -> int:
    args = build_parser().parse_args(argv)
    if not args.paths:
        sys.stderr.write("reportlint: error: no path given (try 'reportlint .' or "
                         "'reportlint --help')\n")
        return EXIT_ERROR
    from .config import ConfigError, level_at_least
    from .formats import render
    from .plugins import default_registry
    from .runner import Linter

    registry = default_registry()
    _print_plugin_errors(registry)
    unknown = [n for n in (args.select or []) + (args.ignore or [])
               if n != "ALL" and n not in registry.rules and n not in registry.categories()]
    if unknown:
        sys.stderr.write(f"reportlint: error: unknown rule or category: {', '.join(unknown)} "
                         "(see 'reportlint rules')\n")
        return EXIT_ERROR
    if args.config and not os.path.isfile(args.config):
        sys.stderr.write(f"reportlint: error: {args.config}: no such configuration file\n")
        return EXIT_ERROR
    linter = Linter(registry=registry, select=args.select, ignore=args.ignore,
                    encoding=args.encoding, config_path=args.config,
                    use_config=not args.no_config,
                    max_bytes=int(args.max_file_size * 1024 * 1024), profile=args.profile)
    if args.profile:
        from .profiles import builtin_profiles

        known = builtin_profiles()
        if args.profile not in known:
            # A profile a configuration defines is checked when that configuration loads.
            linter.profile = _config_profile(linter, args.paths, args.profile)
            if linter.profile is None:
                sys.stderr.write(f"reportlint: error: unknown profile '{args.profile}' "
                                 f"(known: {', '.join(sorted(known))})\n")
                return EXIT_ERROR
    stdin = sys.stdin.buffer.read() if "-" in args.paths else None
    try:
        report = linter.run(args.paths, stdin=stdin, stdin_filename=args.stdin_filename)
        lang = args.lang or _config_language(linter, args.paths) or "zh"
    except ConfigError as e:
        sys.stderr.write(f"{e}\n")
        return EXIT_ERROR
    color = args.color == "always" or (
        args.color == "auto" and out.isatty() and not os.environ.get("NO_COLOR"))
    out.write(render(args.format, report, registry, lang, color=color))
    out.flush()
    if report.errors or registry.errors:
        return EXIT_ERROR
    if args.fail_on != "never" and any(level_at_least(f.severity, args.fail_on)
                                       for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _first_config(linter, paths):
    """The configuration that governs the first path."""
    first = next((p for p in paths if p != "-"), None)
    probe = os.path.join(first, "_") if first and os.path.isdir(first) else (first or "_")
    return linter.config_for(probe)


def _config_language(linter, paths) -> Optional[str]:
    return _first_config(linter, paths).language


def _config_profile(linter, paths, name: str) -> Optional[str]:
    from .config import ConfigError

    try:
        profiles = _first_config(linter, paths).profiles or {}
    except ConfigError:
        return name  # the run reports the broken configuration itself
    return name if name in profiles else None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
