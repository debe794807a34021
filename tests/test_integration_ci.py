"""The README's GitHub Actions workflow: its lint step, run for real, gives the SARIF file
that its upload step names, valid against the official schema."""
import json
import os
import shlex
import subprocess
import sys

from ruamel.yaml import YAML

from test_integration_precommit import readme_block
from test_sarif import sarif_validator

TITLE = "关于依法行政工作的情况说明\n"


def workflow() -> dict:
    return YAML(typ="safe").load(readme_block("<!-- example:github-workflow -->"))


def steps() -> list:
    (job,) = workflow()["jobs"].values()
    return job["steps"]


def test_workflow_uploads_the_sarif_file_the_lint_step_writes():
    wf = workflow()
    assert wf["permissions"]["security-events"] == "write"
    lint = next(s for s in steps() if "reportlint " in s.get("run", ""))
    upload = next(s for s in steps() if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@"))
    argv = shlex.split(lint["run"])
    assert argv[argv.index("--format") + 1] == "sarif"
    assert argv[argv.index("--output") + 1] == upload["with"]["sarif_file"]
    # the gate fails the job with exit 1; the findings must be uploaded all the same
    assert upload["if"] == "always()"
    assert steps().index(upload) > steps().index(lint)


def test_the_lint_step_runs_and_writes_valid_sarif(tmp_path):
    (tmp_path / ".git").mkdir()
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(TITLE + "所获”枫桥式“称号。\n", encoding="utf-8")
    (reports / "b.md").write_text("# " + TITLE + "\n本报告（草案）经审议（通过），文件（秘密)已归档。\n",
                                  encoding="utf-8")
    lint = next(s for s in steps() if "reportlint " in s.get("run", ""))
    argv = shlex.split(lint["run"])
    assert argv[0] == "reportlint"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    p = subprocess.run([sys.executable, "-m", "reportlint", *argv[1:]], cwd=tmp_path, env=env,
                       capture_output=True, timeout=120)
    assert p.returncode == 1                       # an error finding: the gate closes
    sarif_path = tmp_path / argv[argv.index("--output") + 1]
    data = json.loads(sarif_path.read_text(encoding="utf-8"))
    assert sarif_validator().is_valid(data)
    results = data["runs"][0]["results"]
    assert sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                  for r in results) == [("mixed-width-pair", "reports/b.md"),
                                        ("reversed-quotes", "reports/a.txt")]
    # the log gets the statistics and the summary, not the SARIF
    assert p.stdout.decode("utf-8").splitlines() == [
        "1  mixed-width-pair  pairs  [*] 成对的括号一半全角一半半角",
        "1  reversed-quotes   pairs  [*] 引号方向颠倒",
        "共检查 2 个文件，发现 2 个问题（错误 1，警告 1，提示 0）。",
    ]
