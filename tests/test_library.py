"""The library gives the report the command line prints: lint_paths."""
import json
import os

import pytest

from reportlint import lint_paths
from reportlint.cli import main

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")


def facts(results):
    return [(r.path, r.profile, f.rule, f.severity, f.start, f.end) for r in results
            for f in r.findings]


def test_lint_paths_reports_what_the_cli_prints(capsys):
    report = lint_paths([SEEDS], use_config=False)
    assert report.errors == [] and len(report.results) == 5
    assert main(["--no-config", "--format", "json", SEEDS]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert facts(report.results) == [(f["path"], f["profile"], x["rule"], x["severity"],
                                      x["start"], x["end"])
                                     for f in printed["files"] for x in f["findings"]]
    assert ("reversed-quotes" in {f.rule for r in report.results for f in r.findings})


def test_lint_paths_with_a_baseline_keeps_only_new_findings(tmp_path):
    report_file = tmp_path / "r.txt"
    report_file.write_text("关于依法行政工作的情况说明\n郑宅司法所荣获省级”枫桥式“司法所。\n",
                           encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert main(["--no-config", "--write-baseline", str(baseline), str(report_file)]) == 0
    assert facts(lint_paths([str(report_file)], use_config=False, baseline=str(baseline)).results) == []
    report_file.write_text(report_file.read_text(encoding="utf-8") + "另一处”两个确立“。\n",
                           encoding="utf-8")
    (new,) = [f for r in lint_paths([str(report_file)], use_config=False,
                                    baseline=str(baseline)).results for f in r.findings]
    assert new.rule == "reversed-quotes" and report_file.read_text(encoding="utf-8")[new.start:new.end] == "”两个确立“"


def test_a_broken_baseline_is_an_error(tmp_path):
    from reportlint.baseline import BaselineError

    (tmp_path / "b.json").write_text("not json", encoding="utf-8")
    with pytest.raises(BaselineError):
        lint_paths([SEEDS], use_config=False, baseline=str(tmp_path / "b.json"))
