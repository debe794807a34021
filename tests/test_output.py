"""--output FILE: the report in the file, the summary on the terminal; write errors."""
import json

import pytest

from tests.helpers import run_cli as run

TITLE = "关于依法行政工作的情况说明\n"
A = "所获”枫桥式“称号。\n"


@pytest.fixture(autouse=True)
def report_file(isolated_repo):
    (isolated_repo / "a.txt").write_text(TITLE + A, encoding="utf-8")


def test_json_to_a_file_and_the_summary_to_the_terminal(tmp_path, capsys):
    code, out, err = run(["--format", "json", "--output", "r.json", "a.txt"], capsys)
    assert out == "共检查 1 个文件，发现 1 个问题（错误 1，警告 0，提示 0）。\n"
    assert err == ""
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["reversed-quotes"]
    assert code == 1


def test_text_to_a_file_is_never_coloured(tmp_path, capsys):
    run(["--color", "always", "--output", "r.txt", "a.txt"], capsys)
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert text.startswith("a.txt:2:3: error reversed-quotes ")
    assert "\033[" not in text


def test_fix_with_output_says_what_it_fixed_on_the_terminal(tmp_path, capsys):
    code, out, _ = run(["--fix", "--format", "sarif", "--output", "r.sarif", "--lang", "en",
                        "a.txt"], capsys)
    assert out == ("Fixed 1 problem, 0 remaining.\n"
                   "Found 0 problems (0 error, 0 warning, 0 info) in 1 file.\n")
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    assert code == 0


@pytest.mark.parametrize("target", ["no/such/folder/r.json", "."])
def test_an_unwritable_output_is_a_clear_error(tmp_path, capsys, target):
    code, out, err = run(["--lang", "en", "--format", "json", "--output", target, "a.txt"],
                         capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(f"reportlint: error: cannot write the report to {target}: ")
    assert len(err.splitlines()) == 1
