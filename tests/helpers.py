"""Small helpers shared by the rule tests."""
from reportlint import check_text


def findings(text, rule, path="<text>"):
    """Findings of one rule (by name) on ``text``."""
    return [f for f in check_text(text, select=[rule], path=path) if f.rule == rule]


def spans(text, rule, path="<text>"):
    return [(f.start, f.end) for f in findings(text, rule, path)]


def run_cli(argv, capsys):
    """Run the CLI in-process: (exit code, stdout, stderr); never a traceback."""
    from reportlint.cli import main

    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err
