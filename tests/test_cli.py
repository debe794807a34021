"""The command line, in-process and as a real subprocess: exit codes, formats, options."""
import json
import os
import subprocess
import sys

import pytest

import reportlint
from reportlint.cli import main
from tests.helpers import FakeStdin, FakeStdout

# Every document starts with a title line: a document without one is a finding
# (missing-title) of its own.
TITLE = "关于依法行政工作的情况说明\n"
# 郑0 宅1 司2 法3 所4 荣5 获6 省7 级8 ”9 枫10 桥11 式12 “13: reversed quotes at column 10
BODY = "郑宅司法所荣获省级”枫桥式“司法所。\n"
REVERSED = TITLE + BODY          # the finding is at 2:10
CLEAN = TITLE + "本年度依法行政工作稳步推进。\n"
# 本0 报1 告2 （3 草4 案5 ）6 经7 审8 议9 （10 通11 过12 ）13 ，14 文15 件16 （17 秘18 密19 )20
# Full-width brackets are the usual ones: the half-width ) at column 21 is a warning.
MIXED = TITLE + "本报告（草案）经审议（通过），文件（秘密)已归档。\n"
PARA = "我们坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政工作，取得了明显成效。"
# a repeated paragraph (duplicates) and reversed quotes (pairs)
BOTH = TITLE + PARA + "\n其他内容。\n" + PARA + "\n所获”枫桥式“称号。\n"

MSG_ZH = "引号方向颠倒：”枫桥式“，应为“枫桥式”"
MSG_EN = "quotation marks in reverse order: ”枫桥式“, meant “枫桥式”"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test runs in its own folder, under a .git so no outer config is found."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


# -- exit codes ---------------------------------------------------------------------


def test_clean_file_exits_0(tmp_path, capsys):
    write(tmp_path / "ok.txt", CLEAN)
    code, out, err = run(["ok.txt"], capsys)
    assert code == 0
    assert err == ""
    assert out == "共检查 1 个文件，发现 0 个问题（错误 0，警告 0，提示 0）。\n"


def test_error_finding_exits_1(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, _ = run(["bad.txt"], capsys)
    assert code == 1
    assert "bad.txt:2:10: error reversed-quotes" in out


def test_fail_on_never(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, _ = run(["--fail-on", "never", "bad.txt"], capsys)
    assert code == 0
    assert "reversed-quotes" in out


def test_warning_only(tmp_path, capsys):
    write(tmp_path / "mixed.txt", MIXED)
    code, out, _ = run(["--format", "concise", "mixed.txt"], capsys)
    assert out.startswith("mixed.txt:2:18: warning mixed-width-pair ")
    assert code == 0          # the default threshold is error
    assert run(["--fail-on", "warning", "mixed.txt"], capsys)[0] == 1
    assert run(["--fail-on", "info", "mixed.txt"], capsys)[0] == 1
    assert run(["--fail-on", "error", "mixed.txt"], capsys)[0] == 0


def test_missing_path_exits_2_and_other_files_are_reported(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, err = run(["--format", "concise", "nope.txt", "bad.txt"], capsys)
    assert code == 2
    assert out.splitlines() == [f"bad.txt:2:10: error reversed-quotes {MSG_ZH}",
                                "nope.txt: error: 没有这个文件或目录"]


def test_undecodable_file_exits_2(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    write(tmp_path / "junk.txt", b"abc\xff\xff\xff\n")
    code, out, _ = run(["--format", "concise", "junk.txt", "bad.txt"], capsys)
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"bad.txt:2:10: error reversed-quotes {MSG_ZH}"
    assert lines[1].startswith("junk.txt: error: 无法解码")
    assert len(lines) == 2


def test_binary_file_exits_2_and_an_empty_one_is_clean(tmp_path, capsys):
    write(tmp_path / "pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "empty.txt", b"")
    code, out, _ = run(["--lang", "en", "--format", "concise", "pic.txt", "empty.txt"], capsys)
    assert code == 2
    assert out.splitlines() == ["pic.txt: error: binary file (NUL bytes), not text"]


def test_wrong_encoding_option(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, _ = run(["--lang", "en", "--format", "concise", "--encoding", "ascii", "bad.txt"],
                       capsys)
    assert code == 2
    assert out == "bad.txt: error: cannot decode as ascii at byte 0\n"
    code, out, _ = run(["--lang", "en", "--format", "concise", "--encoding", "nonesuch",
                        "bad.txt"], capsys)
    assert (code, out) == (2, "bad.txt: error: unknown encoding: nonesuch\n")


def test_unknown_select_name_exits_2(tmp_path, capsys):
    write(tmp_path / "ok.txt", CLEAN)
    code, out, err = run(["--lang", "en", "--select", "pairs,nonesuch", "ok.txt"], capsys)
    assert code == 2
    assert out == ""
    assert "unknown rule or category: nonesuch" in err
    code, _, err = run(["--ignore", "bogus-rule", "ok.txt"], capsys)
    assert code == 2 and "bogus-rule" in err


def test_usage_errors_exit_2(tmp_path, capsys):
    assert run([], capsys)[0] == 2
    code, _, err = run(["--format", "xml", "x.txt"], capsys)
    assert code == 2 and "invalid choice" in err


def test_file_too_large(tmp_path, capsys):
    write(tmp_path / "big.txt", CLEAN * 100000)   # 4.3 MB
    code, out, _ = run(["--lang", "en", "--format", "concise", "--max-file-size", "1", "big.txt"],
                       capsys)
    assert code == 2
    assert out.startswith("big.txt: error: file too large")


@pytest.mark.parametrize("size", ["nan", "inf", "-1", "0", "abc"])
def test_max_file_size_must_be_a_positive_finite_number(tmp_path, capsys, size):
    write(tmp_path / "ok.txt", CLEAN)
    code, out, err = run(["--max-file-size", size, "ok.txt"], capsys)
    assert (code, out) == (2, "")
    assert err.endswith("reportlint: error: argument --max-file-size: "
                        f"must be a positive number of MiB, not '{size}'\n")


# -- formats ------------------------------------------------------------------------


def test_text_format(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, _ = run(["--format", "text", "--color", "never", "bad.txt"], capsys)
    lines = out.splitlines()
    assert lines[0] == f"bad.txt:2:10: error reversed-quotes {MSG_ZH}"
    assert lines[1] == "  |"
    assert lines[2] == "2 | 郑宅司法所荣获省级”枫桥式“司法所。"
    # nine wide characters before the span (18 columns); ” and “ are one column
    # each, 枫桥式 six: eight carets
    assert lines[3] == "  | " + " " * 18 + "^" * 8
    assert lines[-1] == "共检查 1 个文件，发现 1 个问题（错误 1，警告 0，提示 0）。"
    assert code == 1


def test_text_format_english_summary_with_errors(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    write(tmp_path / "ok.txt", CLEAN)
    code, out, _ = run(["--lang", "en", "bad.txt", "ok.txt", "missing.txt"], capsys)
    lines = out.splitlines()
    assert lines[0] == f"bad.txt:2:10: error reversed-quotes {MSG_EN}"
    assert "missing.txt: error: no such file or directory" in lines
    assert lines[-1] == ("Found 1 problem (1 error, 0 warning, 0 info) in 2 files; "
                         "1 error (listed above).")
    assert code == 2


def test_text_format_color(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    _, out, _ = run(["--color", "always", "bad.txt"], capsys)
    assert "\033[31merror\033[0m" in out
    _, out, _ = run(["--color", "never", "bad.txt"], capsys)
    assert "\033[" not in out


def test_text_format_color_leaves_the_path_alone(tmp_path, capsys):
    # " error " and the spaces inside the path are the path's own, not the severity.
    write(tmp_path / "my error notes.txt", REVERSED)
    _, out, _ = run(["--color", "always", "my error notes.txt"], capsys)
    assert out.splitlines()[0] == ("\033[1mmy error notes.txt:2:10:\033[0m \033[31merror\033[0m "
                                   f"reversed-quotes {MSG_ZH}")


def test_concise_is_one_line_per_finding(tmp_path, capsys):
    write(tmp_path / "two.txt", "所获”枫桥式“称号。\n又获”示范点“称号。\n")
    write(tmp_path / "ok.txt", CLEAN)
    code, out, _ = run(["--format", "concise", "--select", "pairs", "two.txt", "ok.txt"], capsys)
    assert out.splitlines() == [
        "two.txt:1:3: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”",
        "two.txt:2:3: error reversed-quotes 引号方向颠倒：”示范点“，应为“示范点”",
    ]
    assert code == 1


FINDING_KEYS = {"rule", "category", "severity", "message", "line", "column", "end_line",
                "end_column", "start", "end", "excerpt", "related", "fix"}


def test_json_contract(tmp_path, capsys):
    # 前0 言1 。2 \r3 \n4 𠮷5 说6 ”7 枫8 桥9 式10 “11 。12: the 𠮷 outside the BMP
    # is one code point, so ” is at 2:3 and the span is [7, 12)
    text = "前言。\r\n𠮷说”枫桥式“。\r\n"
    write(tmp_path / "a.txt", text)
    write(tmp_path / "ok.txt", CLEAN)
    code, out, err = run(["--format", "json", "--select", "pairs", "a.txt", "ok.txt",
                          "missing.txt"], capsys)
    data = json.loads(out)
    assert set(data) == {"version", "tool", "files", "errors", "notices", "summary"}
    assert data["version"] == 1
    assert data["tool"] == {"name": "reportlint", "version": reportlint.__version__}
    assert [f["path"] for f in data["files"]] == ["a.txt", "ok.txt"]
    assert data["files"][1]["findings"] == []
    (finding,) = data["files"][0]["findings"]
    assert set(finding) == FINDING_KEYS
    assert finding["rule"] == "reversed-quotes"
    assert finding["category"] == "pairs"
    assert finding["severity"] == "error"
    assert finding["message"] == MSG_ZH
    assert (finding["start"], finding["end"]) == (7, 12)
    assert (finding["line"], finding["column"]) == (2, 3)
    assert (finding["end_line"], finding["end_column"]) == (2, 8)
    assert finding["excerpt"] == text[7:12] == "”枫桥式“"
    assert finding["related"] == []
    assert finding["fix"] == {"start": 7, "end": 12, "replacement": "“枫桥式”", "safe": True}
    assert data["errors"] == [{"path": "missing.txt", "message": "没有这个文件或目录"}]
    assert data["summary"]["files"] == 2
    assert data["summary"]["findings"] == 1
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 0, "info": 0}
    assert data["summary"]["by_rule"] == {"reversed-quotes": 1}
    assert code == 2


@pytest.mark.parametrize("fmt", ["concise", "github", "sarif"])
def test_a_format_that_shows_no_document_type_does_not_recognise_it(tmp_path, capsys,
                                                                   monkeypatch, fmt):
    # Recognising the type reads the page's residue and headings: under --select pairs
    # it would cost more than the rule, for nothing these formats print.
    import reportlint.profiles

    def not_asked(doc):
        raise AssertionError("profile_of called")

    monkeypatch.setattr(reportlint.profiles, "profile_of", not_asked)
    write(tmp_path / "a.txt", REVERSED)
    code, out, err = run(["--format", fmt, "--select", "pairs", "--jobs", "1", "a.txt"], capsys)
    assert "reversed-quotes" in out and code == 1


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "html"])
def test_the_document_type_is_shown_exactly_by_the_formats_that_show_it(tmp_path, capsys, fmt):
    from reportlint.formats import FORMATS, PROFILE_SHOWN

    assert fmt in FORMATS
    write(tmp_path / "a.txt", REVERSED)
    write(tmp_path / "b.txt", REVERSED)
    # two files: text prints its table of files (and their types) only for more than one
    code, out, _ = run(["--format", fmt, "--select", "pairs", "--jobs", "1", "a.txt", "b.txt"],
                       capsys)
    assert ("generic" in out) == (fmt in PROFILE_SHOWN)
    assert code == 1


def test_json_names_the_document_type_under_select(tmp_path, capsys):
    write(tmp_path / "a.txt", REVERSED)
    code, out, _ = run(["--format", "json", "--select", "pairs", "--jobs", "1", "a.txt"],
                       capsys)
    assert json.loads(out)["files"][0]["profile"] == "generic"


def test_json_null_fix_and_related(tmp_path, capsys):
    # 《0 浙1 江2 省3 法4 治5 政6 府7 建8 设9 实10 施11 纲12 要13 (14 2021—2025年 15-24 》25
    text = "《浙江省法治政府建设实施纲要(2021—2025年》\n推动干部依法行政群众依法办事”入围。\n"
    write(tmp_path / "a.txt", text)
    _, out, _ = run(["--format", "json", "--lang", "en", "--select", "pairs", "a.txt"], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["bad-nesting", "unmatched-pair"]
    nesting, unmatched = findings
    assert (nesting["start"], nesting["end"], nesting["line"], nesting["column"]) == (14, 15, 1, 15)
    assert nesting["fix"] is None
    assert nesting["related"] == [{"line": 1, "column": 26, "start": 25, "end": 26,
                                   "message": "the enclosing pair closes here"}]
    # line 2 starts at 27; ” is the 15th character of the line
    assert (unmatched["start"], unmatched["line"], unmatched["column"]) == (41, 2, 15)
    assert unmatched["fix"] is None and unmatched["related"] == []
    for f in findings:
        assert set(f) == FINDING_KEYS
        assert f["excerpt"] == text[f["start"]:f["end"]]


def test_json_excerpt_is_from_the_decoded_text(tmp_path, capsys):
    text = "第一行。\n所获”枫桥式“称号。\n"
    write(tmp_path / "gb.txt", text, encoding="gb18030")
    _, out, _ = run(["--format", "json", "--select", "reversed-quotes", "gb.txt"], capsys)
    (f,) = json.loads(out)["files"][0]["findings"]
    # offsets are code points of the decoded text, not bytes
    assert (f["start"], f["end"], f["line"], f["column"]) == (7, 12, 2, 3)
    assert f["excerpt"] == text[7:12] == "”枫桥式“"


def test_json_warning_with_full_width_excerpt(tmp_path, capsys):
    write(tmp_path / "mixed.txt", MIXED)
    code, out, _ = run(["--format", "json", "--select", "pairs", "mixed.txt"], capsys)
    (f,) = json.loads(out)["files"][0]["findings"]
    assert (f["rule"], f["severity"]) == ("mixed-width-pair", "warning")
    # the title line is 14 code points with its line break; （秘密) spans [14+17, 14+21)
    assert (f["start"], f["end"], f["line"], f["column"], f["end_column"]) == (31, 35, 2, 18, 22)
    # the excerpt keeps the full-width （ of the original text
    assert f["excerpt"] == "（秘密)"
    assert f["fix"] == {"start": 34, "end": 35, "replacement": "）", "safe": True}
    assert code == 0


# -- input --------------------------------------------------------------------------


def test_stdin_with_a_filename(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(REVERSED.encode()))
    code, out, _ = run(["--format", "concise", "-", "--stdin-filename", "sub/report.txt"], capsys)
    assert out == f"sub/report.txt:2:10: error reversed-quotes {MSG_ZH}\n"
    assert code == 1


def test_stdin_without_a_filename(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(REVERSED.encode("gb18030")))
    code, out, _ = run(["--format", "concise", "-"], capsys)
    assert out == f"-:2:10: error reversed-quotes {MSG_ZH}\n"
    assert code == 1


def test_stdin_filename_matches_config_globs(tmp_path, capsys, monkeypatch):
    write(tmp_path / ".reportlint.yaml",
          "per-file:\n  - files: 'quiet/**'\n    rules: {reversed-quotes: 'off'}\n")
    monkeypatch.setattr(sys, "stdin", FakeStdin(REVERSED.encode()))
    code, out, _ = run(["--format", "concise", "-", "--stdin-filename", "quiet/a.txt"], capsys)
    assert (code, out) == (0, "")


def test_empty_stdin_is_clean(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    code, out, _ = run(["--lang", "en", "--format", "concise", "-"], capsys)
    assert (code, out) == (0, "")


@pytest.mark.parametrize("raw, error", [
    (b"\x00\x01binary", "-: error: binary file (NUL bytes), not text"),
    (b"abc\xff\xff\xff\n", "-: error: cannot decode: not UTF-8 (byte 3) nor GB18030; "
                             "name the encoding with --encoding"),
    (CLEAN.encode() * 30000, "-: error: input too large: over the 1 MiB limit"),
], ids=["binary", "undecodable", "too-large"])
def test_stdin_fix_echoes_an_input_it_cannot_lint(raw, error, capsys, monkeypatch):
    # As an editor filter, --fix - must give back the buffer, never the error in its place.
    monkeypatch.setattr(sys, "stdin", FakeStdin(raw))
    fake = FakeStdout()
    monkeypatch.setattr(sys, "stdout", fake)
    code = main(["--lang", "en", "--fix", "--format", "concise", "--max-file-size", "1", "-"])
    fake.flush()
    assert fake.buffer.getvalue() == raw
    assert capsys.readouterr().err.splitlines()[0] == error
    assert code == 2


def test_directory_is_walked_for_txt_and_md(tmp_path, capsys):
    write(tmp_path / "docs" / "a.txt", REVERSED)
    write(tmp_path / "docs" / "sub" / "b.md", "# 标题\n\n前言。\n\n" + BODY)
    write(tmp_path / "docs" / "c.odt", REVERSED)
    write(tmp_path / "docs" / ".hidden" / "d.txt", REVERSED)
    code, out, _ = run(["--format", "concise", "--select", "pairs", "docs"], capsys)
    assert out.splitlines() == [
        f"{os.path.join('docs', 'a.txt')}:2:10: error reversed-quotes {MSG_ZH}",
        f"{os.path.join('docs', 'sub', 'b.md')}:5:10: error reversed-quotes {MSG_ZH}",
    ]
    assert code == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_sweep_goes_folder_by_folder_in_order_and_never_into_a_linked_folder(tmp_path, capsys):
    write(tmp_path / "docs" / "b" / "b.txt", REVERSED)
    write(tmp_path / "docs" / "a" / "z" / "a.txt", REVERSED)
    write(tmp_path / "docs" / "a" / "y.txt", REVERSED)
    write(tmp_path / "docs" / "c.txt", REVERSED)
    write(tmp_path / "docs" / "folder.txt" / "d.txt", REVERSED)   # a folder, not a report
    write(tmp_path / "elsewhere" / "e.txt", REVERSED)
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    code, out, _ = run(["--format", "concise", "--select", "pairs", "docs"], capsys)
    # a folder's own files first, then its folders, each in name order, depth first
    assert [line.split(":")[0] for line in out.splitlines()] == [
        os.path.join("docs", *parts) for parts in
        (["c.txt"], ["a", "y.txt"], ["a", "z", "a.txt"], ["b", "b.txt"],
         ["folder.txt", "d.txt"])]
    assert code == 1


def test_a_sweep_of_a_deep_tree(tmp_path, capsys):
    deep = str(tmp_path / "docs")
    os.mkdir(deep)
    for _ in range(1200):   # deeper than the interpreter's recursion limit (made one by one:
        deep = os.path.join(deep, "d")   # pathlib's mkdir(parents=True) recurses)
        os.mkdir(deep)
    report = os.path.join(deep, "a.txt")
    with open(report, "w", encoding="utf-8") as f:
        f.write(REVERSED)
    try:
        code, out, _ = run(["--format", "concise", "--select", "pairs", "docs"], capsys)
        assert out.count("reversed-quotes") == 1 and code == 1
    finally:   # taken down here, from the bottom: pytest's own clean-up would recurse
        os.remove(report)
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)


# A sweep that lints nothing fails: a CI gate must not pass having checked nothing.


def test_sweep_of_unlinted_extensions_exits_2(tmp_path, capsys):
    for name in ("a.odt", "b.odt", "c.wps", ".gitignore"):
        write(tmp_path / "reports" / name, REVERSED)
    code, _, err = run(["reports"], capsys)
    assert code == 2
    assert err == ("reportlint: 错误：reports 中没有可检查的文件：跳过 3 个文件（.odt ×2、.wps ×1）；"
                   "如需检查，请逐个指定这些文件，或在 .reportlint.yaml 的 `extensions:` "
                   "中加入它们的扩展名。\n")
    code, _, err = run(["--lang", "en", "--format", "json", "reports"], capsys)
    assert code == 2
    assert err == ("reportlint: error: no file to lint in reports: skipped 3 files "
                   "(.odt ×2, .wps ×1); lint them by naming them, or add their extensions "
                   "to `extensions:` in .reportlint.yaml\n")
    # named one by one, they are linted whatever their extension
    code, out, err = run(["--format", "concise", "reports/a.odt"], capsys)
    assert (code, err) == (1, "") and "reversed-quotes" in out


def test_sweep_of_an_empty_folder_exits_2(tmp_path, capsys):
    (tmp_path / "reports").mkdir()
    code, _, err = run(["reports"], capsys)
    assert (code, err) == (2, "reportlint: 错误：reports 中没有找到任何文件，无可检查。\n")
    code, _, err = run(["--lang", "en", "reports"], capsys)
    assert (code, err) == (2, "reportlint: error: nothing to lint in reports: no files found\n")


def test_a_sweep_that_lints_nothing_keeps_the_baseline(tmp_path, capsys):
    (tmp_path / "reports").mkdir()
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[]\n", encoding="utf-8")
    before = baseline.stat().st_mtime_ns
    code, _, _ = run(["--write-baseline", str(baseline), "reports"], capsys)
    assert code == 2 and baseline.stat().st_mtime_ns == before
    assert baseline.read_text(encoding="utf-8") == "[]\n"
    code, _, _ = run(["--write-baseline", str(tmp_path / "new.json"), "reports"], capsys)
    assert code == 2 and not (tmp_path / "new.json").exists()


def test_sweep_where_every_file_is_excluded_exits_2(tmp_path, capsys):
    write(tmp_path / ".reportlint.yaml", "exclude: [drafts/]\n")
    write(tmp_path / "drafts" / "a.txt", REVERSED)
    write(tmp_path / "drafts" / "b.md", REVERSED)
    config = str(tmp_path / ".reportlint.yaml")
    code, _, err = run(["--lang", "en", "drafts"], capsys)
    assert code == 2
    assert err == (f"reportlint: error: no file to lint in drafts: 2 files excluded by "
                   f"`exclude:` in {config}\n")
    code, _, err = run(["drafts"], capsys)
    assert (code, err) == (2, f"reportlint: 错误：drafts 中没有可检查的文件："
                              f"2 个文件被 {config} 的 `exclude:` 排除。\n")
    # files named one by one (pre-commit's) that are all excluded still pass, as before
    code, _, err = run(["drafts/a.txt", "drafts/b.md"], capsys)
    assert (code, err) == (0, "")


def test_sweep_that_lints_something_is_unchanged(tmp_path, capsys):
    write(tmp_path / "reports" / "a.odt", REVERSED)
    write(tmp_path / "reports" / "b.txt", CLEAN)
    (tmp_path / "empty").mkdir()
    code, out, err = run(["reports", "empty"], capsys)
    assert (code, err) == (0, "") and "共检查 1 个文件" in out
    # one named file beside a folder with nothing to lint: that file was linted
    code, out, err = run(["empty", "reports/b.txt"], capsys)
    assert (code, err) == (0, "") and "共检查 1 个文件" in out


def test_stdin_beside_an_empty_folder_is_unchanged(tmp_path, capsys, monkeypatch):
    write(tmp_path / ".reportlint.yaml", "exclude: [drafts/]\n")
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(sys, "stdin", FakeStdin(REVERSED.encode()))
    code, out, err = run(["--format", "concise", "-", "empty", "--stdin-filename",
                          "drafts/a.txt"], capsys)
    assert (code, out, err) == (0, "", "")


# -- options ------------------------------------------------------------------------


def test_lang_en(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    _, out, _ = run(["--format", "concise", "--lang", "en", "bad.txt"], capsys)
    assert out == f"bad.txt:2:10: error reversed-quotes {MSG_EN}\n"


def test_rules_command(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    table = {line.split()[0]: line.split()[1:3] for line in out.splitlines()}
    assert table["duplicate-block"] == ["duplicates", "error"]
    assert table["unmatched-pair"] == ["pairs", "error"]
    assert table["reversed-quotes"] == ["pairs", "error"]
    assert table["bad-nesting"] == ["pairs", "error"]
    assert table["mixed-width-pair"] == ["pairs", "warning"]
    assert "引号方向颠倒" in out
    _, out_en, _ = run(["rules", "--lang", "en"], capsys)
    assert "quotation marks in reverse order" in out_en


def test_rules_command_json(capsys):
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rules = {r["name"]: r for r in json.loads(out)}
    assert rules["duplicate-block"]["options"] == {"min-chars": 30, "min-sentence-chars": 15}
    assert rules["mixed-width-pair"]["severity"] == "warning"
    assert code == 0


def test_explain_command(capsys):
    code, out, _ = run(["explain", "reversed-quotes", "--lang", "en"], capsys)
    assert code == 0
    assert out.startswith("reversed-quotes (pairs, error)")
    code, _, err = run(["explain", "no-such-rule"], capsys)
    assert code == 2 and "no-such-rule" in err


def _rules_in(out):
    return sorted({line.split()[2] for line in out.splitlines() if line.strip()})


def test_select_and_ignore(tmp_path, capsys):
    write(tmp_path / "both.txt", BOTH)
    _, out, _ = run(["--format", "concise", "--select", "duplicates,pairs", "both.txt"], capsys)
    assert _rules_in(out) == ["duplicate-block", "reversed-quotes"]
    # the copy is the paragraph on line 4 (title, paragraph, 其他内容。, copy)
    assert out.splitlines()[0].startswith("both.txt:4:1: error duplicate-block ")
    _, out, _ = run(["--format", "concise", "--select", "pairs", "both.txt"], capsys)
    assert _rules_in(out) == ["reversed-quotes"]
    _, out, _ = run(["--format", "concise", "--select", "duplicates,pairs",
                     "--ignore", "reversed-quotes", "both.txt"], capsys)
    assert _rules_in(out) == ["duplicate-block"]
    _, out, _ = run(["--format", "concise", "--select", "reversed-quotes", "both.txt"], capsys)
    assert out == f"both.txt:5:3: error reversed-quotes {MSG_ZH}\n"
    _, out, _ = run(["--format", "concise", "--ignore", "ALL", "both.txt"], capsys)
    assert out == ""


def test_ignore_without_select(tmp_path, capsys):
    write(tmp_path / "bad.txt", REVERSED)
    code, out, _ = run(["--format", "concise", "--ignore", "reversed-quotes", "bad.txt"], capsys)
    assert "reversed-quotes" not in out
    assert code == 0
    code, out, _ = run(["--format", "concise", "--ignore", "pairs", "bad.txt"], capsys)
    pair_rules = {"unmatched-pair", "reversed-quotes", "bad-nesting", "mixed-width-pair"}
    assert not set(_rules_in(out)) & pair_rules
    assert code == 0


def test_version(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.strip() == f"reportlint {reportlint.__version__}"


def test_crlf_file_matches_its_lf_twin(tmp_path, capsys):
    text = "第一段。\n\n（一）组织领导。\n郑宅”枫桥式“，（秘密)。\n"
    write(tmp_path / "lf.txt", text)
    write(tmp_path / "crlf.txt", text.replace("\n", "\r\n"))
    _, lf, _ = run(["--format", "concise", "--select", "pairs", "lf.txt"], capsys)
    _, crlf, _ = run(["--format", "concise", "--select", "pairs", "crlf.txt"], capsys)
    assert lf.startswith("lf.txt:4:3: error reversed-quotes ")
    assert crlf.replace("crlf.txt", "lf.txt") == lf
    _, lf_json, _ = run(["--format", "json", "--select", "pairs", "lf.txt"], capsys)
    _, crlf_json, _ = run(["--format", "json", "--select", "pairs", "crlf.txt"], capsys)
    pos = lambda out: [(f["line"], f["column"], f["end_line"], f["end_column"])
                       for f in json.loads(out)["files"][0]["findings"]]
    assert pos(lf_json) == pos(crlf_json) == [(4, 3, 4, 8), (4, 9, 4, 13)]


def test_gb18030_file_reports_the_right_position(tmp_path, capsys):
    write(tmp_path / "gb.txt", TITLE + "所获”枫桥式“称号。\n", encoding="gb18030")
    code, out, _ = run(["--format", "concise", "gb.txt"], capsys)
    assert out == f"gb.txt:2:3: error reversed-quotes {MSG_ZH}\n"
    assert code == 1


def test_utf16_file(tmp_path, capsys):
    write(tmp_path / "u16.txt", "\ufeff" + REVERSED, encoding="utf-16-le")
    _, out, _ = run(["--format", "concise", "--select", "pairs", "u16.txt"], capsys)
    assert out == f"u16.txt:2:10: error reversed-quotes {MSG_ZH}\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_file_without_a_bom(tmp_path, capsys, encoding):
    write(tmp_path / "u16.txt", REVERSED, encoding=encoding)
    code, out, _ = run(["--format", "concise", "--select", "pairs", "u16.txt"], capsys)
    assert out == f"u16.txt:2:10: error reversed-quotes {MSG_ZH}\n"
    assert code == 1


# The reversed quotes at 2:10, in traditional characters.
BIG5 = "關於依法行政工作的情況說明\n鄭宅司法所榮獲省級”楓橋式“司法所。\n"


def test_big5_file_reports_its_findings_and_is_fixed_in_big5(tmp_path, capsys):
    write(tmp_path / "big5.txt", BIG5, encoding="big5")
    code, out, _ = run(["--format", "concise", "big5.txt"], capsys)
    assert out == "big5.txt:2:10: error reversed-quotes 引号方向颠倒：”楓橋式“，应为“楓橋式”\n"
    assert code == 1
    assert run(["--fix", "big5.txt"], capsys)[0] == 0
    fixed = BIG5.replace("”楓橋式“", "“楓橋式”")
    assert (tmp_path / "big5.txt").read_bytes() == fixed.encode("big5")


# -- a real process -------------------------------------------------------------------


def _subprocess(args, cwd, stdin=None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=env, timeout=120)


def test_subprocess_exit_codes_and_output(tmp_path):
    write(tmp_path / "bad.txt", REVERSED)
    write(tmp_path / "ok.txt", CLEAN)
    p = _subprocess(["--format", "concise", "bad.txt", "ok.txt"], tmp_path)
    assert p.returncode == 1
    assert p.stdout.decode("utf-8") == f"bad.txt:2:10: error reversed-quotes {MSG_ZH}\n"
    assert p.stderr == b""
    p = _subprocess(["ok.txt"], tmp_path)
    assert p.returncode == 0
    p = _subprocess(["missing.txt", "--select", "nope"], tmp_path)
    assert p.returncode == 2
    assert b"Traceback" not in p.stdout + p.stderr


def test_subprocess_text_output_is_not_coloured_in_a_pipe(tmp_path):
    write(tmp_path / "bad.txt", REVERSED)
    p = _subprocess(["bad.txt"], tmp_path)
    out = p.stdout.decode("utf-8")
    assert "\033[" not in out
    assert out.splitlines()[0] == f"bad.txt:2:10: error reversed-quotes {MSG_ZH}"


def test_subprocess_stdin_and_json(tmp_path):
    p = _subprocess(["--format", "json", "-", "--stdin-filename", "in.txt"], tmp_path,
                    stdin=REVERSED.encode("utf-8"))
    data = json.loads(p.stdout.decode("utf-8"))
    assert data["files"][0]["path"] == "in.txt"
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["reversed-quotes"]
    assert p.returncode == 1


def test_subprocess_broken_pipe_has_no_traceback(tmp_path):
    write(tmp_path / "bad.txt", TITLE + BODY * 3000)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    cmd = f'"{sys.executable}" -m reportlint bad.txt | head -n 1'
    p = subprocess.run(cmd, shell=True, cwd=tmp_path, capture_output=True, env=env, timeout=120)
    assert b"Traceback" not in p.stderr
    assert p.stdout.decode("utf-8").startswith("bad.txt:2:10:")


@pytest.mark.parametrize("enabled", [True, False])
def test_start_up_runs_without_the_cyclic_collector_and_main_restores_it(
        tmp_path, monkeypatch, enabled):
    """Start-up builds what lasts the whole run: the collector would only traverse it.  The
    files are linted with the collector on (if it was), with start-up's objects set aside,
    and main() leaves the collector as it found it."""
    import gc

    import reportlint.cli as cli
    from reportlint.runner import Linter

    seen = {}
    load = cli.load_compiled
    monkeypatch.setattr(cli, "load_compiled", lambda: (seen.setdefault("start", gc.isenabled()),
                                                       load()))
    run = Linter.run

    def recording_run(self, *args, **kwargs):
        seen["run"] = (gc.isenabled(), gc.get_freeze_count() > 0)
        return run(self, *args, **kwargs)

    monkeypatch.setattr(Linter, "run", recording_run)
    (tmp_path / "a.txt").write_text("关于依法行政工作的情况说明\n正文。\n", encoding="utf-8")
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        code = main(["--no-config", "--lang", "en", str(tmp_path / "a.txt")])
        after = (gc.isenabled(), gc.get_freeze_count())
    finally:
        (gc.enable if was else gc.disable)()
    assert code in (0, 1)
    assert seen == {"start": False, "run": (enabled, enabled)}
    assert after == (enabled, 0)
