"""Honest exits and messages: errors that reach standard error whatever the output, the
commands among the options, --output to standard output and devices, case-blind
extensions, file names that are not UTF-8, empty files."""
import json
import os
import subprocess
import sys

import pytest

from reportlint.config import Config
from reportlint.discovery import discover
from tests.helpers import FakeStdin, run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")

TITLE = "关于依法行政工作的情况说明\n"
REVERSED = TITLE + "郑宅司法所荣获省级”枫桥式“司法所。\n"     # reversed-quotes at 2:10
CLEAN = TITLE + "本年度依法行政工作稳步推进。\n"
MISSING = "missing.txt: error: no such file or directory"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


# -- every read error reaches standard error ---------------------------------------------


@pytest.mark.parametrize("options", [
    ["--statistics"],
    ["--format", "sarif", "--output", "r.sarif", "--statistics"],   # the README's CI step
    ["--output", "r.txt"],
    ["--format", "json"],
    ["--format", "github"],
    ["--diff"],
    ["--write-baseline", "b.json"],
], ids=["statistics", "sarif-output-statistics", "text-output", "json", "github", "diff",
        "write-baseline"])
def test_a_read_error_is_on_standard_error_whatever_the_output(tmp_path, capsys, options):
    write(tmp_path / "ok.txt", CLEAN)
    code, _, err = run(["--lang", "en", *options, "ok.txt", "missing.txt"], capsys)
    assert code == 2
    assert MISSING in err.splitlines()


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_a_report_on_the_terminal_lists_an_error_once(tmp_path, capsys, fmt):
    write(tmp_path / "ok.txt", CLEAN)
    code, out, err = run(["--lang", "en", "--format", fmt, "ok.txt", "missing.txt"], capsys)
    assert code == 2
    assert out.splitlines().count(MISSING) == 1
    assert err == ""


def test_the_summary_after_output_has_its_errors_above_it(tmp_path, capsys):
    code, out, err = run(["--lang", "en", "--output", "r.txt", "missing.txt"], capsys)
    assert code == 2
    assert "1 error (listed above)" in out
    assert err == MISSING + "\n"


def test_json_on_standard_output_stays_json(tmp_path, capsys):
    _, out, err = run(["--lang", "en", "--format", "json", "missing.txt"], capsys)
    assert json.loads(out)["errors"] == [{"path": "missing.txt",
                                          "message": "no such file or directory"}]
    assert err == MISSING + "\n"


# -- commands and paths with their names ---------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["--lang", "en", "explain", "reversed-quotes"],
    ["explain", "reversed-quotes", "--lang", "en"],
    ["--lang=en", "explain", "reversed-quotes"],
    ["--la", "en", "explain", "reversed-quotes"],          # an abbreviation argparse takes
])
def test_options_go_before_or_after_a_command(capsys, argv):
    code, out, err = run(argv, capsys)
    assert code == 0, err
    assert out.startswith("reversed-quotes")
    assert "quotation marks" in out


def test_rules_command_after_an_option(capsys):
    code, out, _ = run(["--format", "json", "rules"], capsys)
    assert code == 0
    assert any(r["name"] == "reversed-quotes" for r in json.loads(out))


@pytest.mark.parametrize("path", ["./rules", "rules/"])
def test_a_folder_named_rules_is_linted_when_written_as_a_path(tmp_path, capsys, path):
    write(tmp_path / "rules" / "a.txt", REVERSED)
    code, out, _ = run(["--format", "concise", path], capsys)
    assert code == 1
    assert "a.txt:2:10: error reversed-quotes" in out


def test_a_folder_named_rules_is_linted_after_a_double_dash(tmp_path, capsys):
    write(tmp_path / "rules" / "a.txt", REVERSED)
    code, out, _ = run(["--format", "concise", "--", "rules"], capsys)
    assert code == 1
    assert out.startswith(os.path.join("rules", "a.txt") + ":2:10: error reversed-quotes")


def test_rules_with_a_path_is_a_usage_error_that_says_how(tmp_path, capsys):
    write(tmp_path / "rules" / "a.txt", REVERSED)
    code, out, err = run(["--lang", "en", "rules", "reports"], capsys)
    assert code == 2
    assert out == ""
    assert err == ("reportlint: error: 'reportlint rules' takes no path; to lint a file or "
                   "folder named rules, write ./rules\n")


def test_the_rules_command_beside_a_folder_named_rules_says_how_to_lint_it(tmp_path, capsys):
    write(tmp_path / "rules" / "a.txt", REVERSED)
    code, out, err = run(["--lang", "en", "rules"], capsys)
    assert code == 0
    assert "reversed-quotes" in out
    assert err == ("reportlint: 'reportlint rules' runs the command; to lint the file or "
                   "folder named rules, write ./rules\n")


def test_an_option_value_named_like_a_command_is_a_value(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(REVERSED.encode()))
    code, out, _ = run(["--stdin-filename", "rules", "--format", "concise", "-"], capsys)
    assert code == 1
    assert out.startswith("rules:2:10: error reversed-quotes")


# -- --output: standard output, devices and pipes -----------------------------------------


def test_output_dash_is_standard_output(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, _ = run(["--format", "concise", "--output", "-", "bad.txt"], capsys)
    assert code == 1
    assert out.startswith("bad.txt:2:10: error reversed-quotes")
    assert not (tmp_path / "-").exists()


def test_output_to_a_pipe_is_written_in_place(tmp_path, capsys):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    write(tmp_path / "bad.txt", REVERSED)
    # A reader that does not wait for a writer; the report fits in the pipe's buffer.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, _, _ = run(["--format", "concise", "--output", str(fifo), "bad.txt"], capsys)
        data = os.read(reader, 65536)
    finally:
        os.close(reader)
    assert code == 1
    assert data.decode().startswith("bad.txt:2:10: error reversed-quotes")
    assert fifo.is_fifo()


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout")
@pytest.mark.parametrize("device, stream", [("/dev/stdout", "stdout"), ("/dev/stderr", "stderr")])
def test_output_to_dev_stdout_and_stderr(tmp_path, device, stream):
    write(tmp_path / "bad.txt", REVERSED)
    done = subprocess.run([sys.executable, "-m", "reportlint", "--format", "sarif", "--output",
                           device, "bad.txt"], capture_output=True, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    # /dev/stdout: as without --output, the SARIF alone (no summary after it)
    sarif = json.loads(getattr(done, stream))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "reversed-quotes"


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout")
def test_output_to_dev_stdout_redirected_to_a_file_keeps_the_file(tmp_path):
    write(tmp_path / "bad.txt", REVERSED)
    log = tmp_path / "log.txt"
    with open(log, "wb") as fh:
        inode = os.fstat(fh.fileno()).st_ino
        done = subprocess.run([sys.executable, "-m", "reportlint", "--format", "concise",
                               "--output", "/dev/stdout", "bad.txt"], stdout=fh,
                              stderr=subprocess.PIPE, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    # written into the log, not in a new file put in its place
    assert os.stat(log).st_ino == inode
    assert log.read_text(encoding="utf-8").startswith("bad.txt:2:10: error reversed-quotes")


# -- extensions compare case-blind -------------------------------------------------------


def test_extensions_in_capitals_match_any_case(tmp_path, capsys):
    write(tmp_path / "reports" / ".reportlint.yaml", "extensions: [.TXT, MD]\n")
    write(tmp_path / "reports" / "a.txt", REVERSED)
    write(tmp_path / "reports" / "B.TXT", REVERSED)
    write(tmp_path / "reports" / "c.Md", REVERSED)
    code, out, _ = run(["--format", "concise", "reports"], capsys)
    assert code == 1
    linted = sorted(line.split(":")[0] for line in out.splitlines())
    assert linted == [os.path.join("reports", n) for n in ("B.TXT", "a.txt", "c.Md")]


def test_discovery_compares_a_hand_built_configs_extensions_case_blind(tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    found = discover([str(tmp_path)], lambda path: Config(extensions=(".TXT",)))
    assert [path for path, _ in found.files] == [str(tmp_path / "a.txt")]


# -- file names that are not UTF-8 -------------------------------------------------------

# 报告.txt as a Windows archive names it: GBK bytes, which are not UTF-8.
GBK_NAME = "报告".encode("gbk") + b".txt"
ESCAPED = "\\xb1\\xa8\\xb8\\xe6.txt"


@pytest.fixture
def gbk_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.path.join(bytes(folder), GBK_NAME), "wb") as fh:
            fh.write(REVERSED.encode("utf-8"))
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    return "in"


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_a_name_that_is_not_utf8_is_escaped_in_text(gbk_named, capsys, fmt):
    code, out, err = run(["--format", fmt, gbk_named], capsys)
    assert code == 1, err
    assert f"in/{ESCAPED}:2:10: error reversed-quotes" in out


def test_a_name_that_is_not_utf8_is_escaped_in_json(gbk_named, capsys):
    code, out, err = run(["--format", "json", "--output", "r.json", gbk_named], capsys)
    assert code == 1, err
    with open("r.json", "rb") as fh:
        report = json.loads(fh.read().decode("utf-8"))     # valid UTF-8
    assert report["files"][0]["path"] == f"in/{ESCAPED}"


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
def test_a_name_that_is_not_utf8_is_percent_encoded_in_sarif(gbk_named, capsys, absolute):
    folder = os.path.abspath(gbk_named) if absolute else gbk_named
    code, out, err = run(["--format", "sarif", folder], capsys)
    assert code == 1, err
    location = json.loads(out)["runs"][0]["results"][0]["locations"][0]
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("in/%B1%A8%B8%E6.txt")
    assert uri.startswith("file:///") == absolute


def test_a_name_that_is_not_utf8_is_escaped_in_github_annotations(gbk_named, capsys):
    code, out, err = run(["--format", "github", gbk_named], capsys)
    assert code == 1, err
    assert out.startswith(f"::error file=in/{ESCAPED},line=2,col=10,")


def test_a_name_that_is_not_utf8_is_escaped_in_an_error(gbk_named, capsys):
    with open(os.path.join(b"in", GBK_NAME), "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, _ = run(["--lang", "en", "--format", "concise", gbk_named], capsys)
    assert code == 2
    assert out == f"in/{ESCAPED}: error: binary file (NUL bytes), not text\n"


# -- empty files ----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"  \n\t\r\n", "\u3000\n".encode(), "\ufeff".encode()])
def test_an_empty_or_blank_file_is_clean(tmp_path, capsys, raw):
    write(tmp_path / "empty.md", raw)
    code, out, err = run(["--lang", "en", "--select", "ALL", "empty.md"], capsys)
    assert (code, err) == (0, "")
    assert out == "Found 0 problems (0 error, 0 warning, 0 info) in 1 file.\n"


def test_an_empty_file_misses_no_part_of_a_forced_profile(tmp_path, capsys):
    write(tmp_path / "empty.txt", b"")
    code, out, _ = run(["--format", "concise", "--profile", "annual-report", "empty.txt"],
                       capsys)
    assert (code, out) == (0, "")


def test_a_baseline_of_a_name_that_is_not_utf8_is_written_and_read(gbk_named, capsys):
    # The baseline's key is the escaped name, the same when it is written and read.
    code, out, err = run(["--write-baseline", "base.json", gbk_named], capsys)
    assert code == 0, err
    with open("base.json", "rb") as fh:
        assert json.loads(fh.read().decode("utf-8"))["findings"][0]["path"] == f"in/{ESCAPED}"
    code, out, err = run(["--format", "concise", "--baseline", "base.json", gbk_named], capsys)
    assert (code, out) == (0, ""), err


def test_a_diff_of_a_name_that_is_not_utf8_names_it_escaped(gbk_named, capsys):
    code, out, err = run(["--diff", gbk_named], capsys)
    assert code == 1, err
    assert f"--- in/{ESCAPED}" in out and "+郑宅司法所荣获省级“枫桥式”司法所。" in out


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_sweep_goes_on(tmp_path,
                                                                          monkeypatch):
    # (monkeypatched: a test run as root could list a folder whose permissions say no)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a" / "x.txt", "一、总体情况\n")
    write(tmp_path / "b" / "y.txt", "一、总体情况\n")
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "a":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([str(tmp_path)], lambda path: Config())
    assert [os.path.basename(p) for p, _ in found.files] == ["y.txt"]
    assert [(os.path.basename(p), m.text("en")) for p, m in found.errors] == [
        ("a", "cannot read it: Permission denied")]
