"""Small helpers shared by the tests."""
import io

from reportlint import check_text


def findings(text, rule, path="<text>"):
    """Findings of one rule (by name) on ``text``."""
    return [f for f in check_text(text, select=[rule], path=path) if f.rule == rule]


def spans(text, rule, path="<text>"):
    return [(f.start, f.end) for f in findings(text, rule, path)]


def linted(linter, path):
    """``linter.lint_file(path)``; fails when a rule raised, whose findings would be
    missing (check_text raises RuleError itself, lint_file only records the error)."""
    result = linter.lint_file(path)
    assert result.errors == [], result.errors
    return result


def run_cli(argv, capsys):
    """Run the CLI in-process: (exit code, stdout, stderr); never a traceback."""
    from reportlint.cli import main

    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


class FakeStdin:
    """Standard input holding ``data``, as the CLI reads it (sys.stdin.buffer)."""

    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


class FakeStdout(io.TextIOWrapper):
    """Standard output whose bytes can be read back from ``.buffer``."""

    def __init__(self):
        super().__init__(io.BytesIO(), encoding="utf-8")
