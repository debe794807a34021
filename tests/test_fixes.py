"""--fix, --diff and --unsafe-fixes: bytes outside the fixed spans, atomic writes,
idempotence, overlapping fixes, standard input."""
import os
import sys

import pytest

from reportlint import Fix, Rule, hookimpl
from reportlint.cli import main
from tests.helpers import FakeStdin, FakeStdout, run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")
from reportlint.fixes import FixError, choose, splice
from reportlint.writing import write_atomic
from reportlint.plugins import build_registry
from reportlint.rule import Finding
from reportlint.runner import Linter

TITLE = "关于依法行政工作的情况说明"
# reversed quotes (a safe fix) and a half-width ) among full-width brackets (a safe fix)
BAD = ["郑宅司法所荣获省级”枫桥式“司法所。", "本报告（草案）经审议（通过），文件（秘密)已归档。"]
GOOD = ["郑宅司法所荣获省级“枫桥式”司法所。", "本报告（草案）经审议（通过），文件（秘密）已归档。"]


def stat_of(path):
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


# -- bytes outside the fixes stay as they were ------------------------------------------


def test_gb18030_crlf_file_changes_only_the_fixed_bytes(tmp_path, capsys):
    # CRLF line breaks, a lone LF, trailing blanks and no final line break: a writer
    # that re-encodes or normalises the text would change some of these bytes.
    text = TITLE + "  \r\n" + BAD[0] + "\n" + BAD[1] + "\r\n结束 "
    raw = text.encode("gb18030")
    path = tmp_path / "gb.txt"
    path.write_bytes(raw)
    code, out, _ = run(["--fix", "--format", "concise", "gb.txt"], capsys)
    new = path.read_bytes()
    # In GB18030 ” is A1 B1 and “ is A1 B0; ) is 29 and ） is A3 A9.
    q = raw.index(b"\xa1\xb1")
    assert raw[q + 8:q + 10] == b"\xa1\xb0"          # 枫桥式 is six bytes
    p = raw.index(b")")
    expected = (raw[:q] + b"\xa1\xb0" + raw[q + 2:q + 8] + b"\xa1\xb1" + raw[q + 10:p]
                + b"\xa3\xa9" + raw[p + 1:])
    assert new == expected
    assert len(new) == len(raw) + 1
    assert new.decode("gb18030") == TITLE + "  \r\n" + GOOD[0] + "\n" + GOOD[1] + "\r\n结束 "
    assert out == ""                                  # nothing remains
    assert code == 0


def test_utf8_bom_crlf_file_keeps_bom_and_line_endings(tmp_path, capsys):
    text = "\ufeff" + TITLE + "\r\n" + BAD[0] + "\r\n"
    raw = text.encode("utf-8")
    (tmp_path / "bom.txt").write_bytes(raw)
    code, _, _ = run(["--fix", "bom.txt"], capsys)
    new = (tmp_path / "bom.txt").read_bytes()
    # ” is E2 80 9D and “ is E2 80 9C in UTF-8
    q = raw.index("”".encode())
    expected = raw[:q] + "“".encode() + raw[q + 3:q + 12] + "”".encode() + raw[q + 15:]
    assert new == expected
    assert new.startswith(b"\xef\xbb\xbf") and new.count(b"\r\n") == 2
    assert code == 0


def test_utf16_file_is_written_in_utf16(tmp_path, capsys):
    raw = ("\ufeff" + TITLE + "\n" + BAD[0] + "\n").encode("utf-16-le")
    (tmp_path / "u16.txt").write_bytes(raw)
    run(["--fix", "u16.txt"], capsys)
    new = (tmp_path / "u16.txt").read_bytes()
    assert new[:2] == b"\xff\xfe"
    assert new == ("\ufeff" + TITLE + "\n" + GOOD[0] + "\n").encode("utf-16-le")


def test_second_fix_changes_nothing(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes((TITLE + "\r\n" + BAD[0] + "\r\n" + BAD[1] + "\r\n").encode("gb18030"))
    code, out, _ = run(["--fix", "a.txt"], capsys)
    assert "已修复 2 个问题，剩余 0 个。" in out
    fixed, before = path.read_bytes(), stat_of(path)
    code, out, _ = run(["--fix", "a.txt"], capsys)
    assert path.read_bytes() == fixed
    assert stat_of(path) == before          # not even rewritten: same inode and time
    assert "已修复 0 个问题，剩余 0 个。" in out
    assert code == 0


def test_fix_reports_fixed_and_remaining(tmp_path, capsys):
    # the unmatched ” on line 3 has no fix: it remains, re-linted after the fixes
    text = TITLE + "\n" + BAD[0] + "\n" + "推动依法办事”入围。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(["--fix", "--lang", "en", "--color", "never", "a.txt"], capsys)
    lines = out.splitlines()
    assert lines[0].startswith("a.txt:3:7: error unmatched-pair ")
    assert lines[-2] == "Fixed 1 problem, 1 remaining."
    assert lines[-1] == "Found 1 problem (1 error, 0 warning, 0 info) in 1 file."
    assert code == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text.replace(BAD[0], GOOD[0])


def test_fix_with_json_reports_remaining_and_counts_on_stderr(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TITLE + "\n" + BAD[0] + "\n", encoding="utf-8")
    code, out, err = run(["--fix", "--format", "json", "a.txt"], capsys)
    import json

    assert json.loads(out)["files"][0]["findings"] == []
    assert err == "已修复 1 个问题，剩余 0 个。\n"
    assert code == 0


def test_no_write_without_fix(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TITLE + "\n" + BAD[0] + "\n", encoding="utf-8")
    before = stat_of(path)
    for argv in (["a.txt"], ["--unsafe-fixes", "a.txt"], ["--format", "sarif", "a.txt"],
                 ["--diff", "a.txt"], ["--diff", "--fix", "a.txt"]):
        run(argv, capsys)
        assert stat_of(path) == before, argv


def test_diff_prints_a_unified_diff(tmp_path, capsys):
    text = TITLE + "\n" + BAD[0] + "\n结束。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(TITLE + "\n结束。\n", encoding="utf-8")
    code, out, err = run(["--diff", "--lang", "en", "a.txt", "ok.txt"], capsys)
    assert out == ("--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n"
                   f" {TITLE}\n-{BAD[0]}\n+{GOOD[0]}\n 结束。\n")
    assert err == "Would fix 1 problem in 1 file (nothing written).\n"
    assert code == 1
    assert run(["--diff", "ok.txt"], capsys)[:2] == (0, "")


def test_diff_marks_a_missing_final_line_break(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TITLE + "\n" + BAD[0], encoding="utf-8")
    _, out, _ = run(["--diff", "a.txt"], capsys)
    assert out.endswith(f"-{BAD[0]}\n\\ No newline at end of file\n"
                        f"+{GOOD[0]}\n\\ No newline at end of file\n")


def test_stdin_fix_prints_the_fixed_text(monkeypatch, capsys):
    raw = (TITLE + "\r\n" + BAD[0] + "\r\n").encode("gb18030")
    monkeypatch.setattr(sys, "stdin", FakeStdin(raw))
    fake = FakeStdout()
    monkeypatch.setattr(sys, "stdout", fake)
    code = main(["--fix", "--format", "concise", "-"])
    fake.flush()
    assert fake.buffer.getvalue() == (TITLE + "\r\n" + GOOD[0] + "\r\n").encode("gb18030")
    err = capsys.readouterr().err
    assert err == "已修复 1 个问题，剩余 0 个。\n"
    assert code == 0


def test_stdin_fix_prints_an_unchanged_text_too(monkeypatch, capsys):
    raw = (TITLE + "\n推动依法办事”入围。\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", FakeStdin(raw))
    fake = FakeStdout()
    monkeypatch.setattr(sys, "stdout", fake)
    code = main(["--fix", "--format", "concise", "-", "--stdin-filename", "in.txt"])
    fake.flush()
    assert fake.buffer.getvalue() == raw
    err = capsys.readouterr().err
    assert err.startswith("in.txt:2:7: error unmatched-pair ")
    assert code == 1


def test_write_failure_is_a_clear_error(tmp_path, capsys, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(TITLE + "\n" + BAD[0] + "\n", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reportlint.writing.os.replace", refuse)
    code, out, err = run(["--fix", "--format", "concise", "a.txt"], capsys)
    assert code == 2
    assert out.splitlines() == [
        "a.txt:2:10: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”",
        "a.txt: error: 无法写入修复：Permission denied"]
    assert path.read_text(encoding="utf-8") == TITLE + "\n" + BAD[0] + "\n"
    assert sorted(os.listdir(tmp_path)) == [".git", "a.txt"]   # the temporary file is gone


def test_write_atomic_keeps_the_mode_and_follows_symlinks(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(str(link), b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == [".git", "link.txt", "real.txt"]


# -- choosing fixes -------------------------------------------------------------------


def finding(start, end, replacement, safe=True, rule="r"):
    return Finding(rule, "c", "error", start, end, "", "", fix=Fix(start, end, replacement, safe))


def test_overlapping_fixes_are_never_both_chosen():
    a, b, c = finding(0, 5, "A"), finding(3, 8, "B"), finding(8, 9, "C")
    assert [fix for fix, _ in choose([b, c, a])] == [a.fix, c.fix]


def test_two_insertions_at_one_offset_overlap_and_one_edit_fixes_two_findings():
    i1, i2 = finding(4, 4, "x"), finding(4, 4, "y")
    assert [fix for fix, _ in choose([i1, i2])] == [i1.fix]
    same1, same2 = finding(2, 3, "Z", rule="r1"), finding(2, 3, "Z", rule="r2")
    (chosen,) = choose([same1, same2])
    assert chosen == (same1.fix, [same1, same2])


def test_unsafe_fixes_only_when_asked():
    safe, unsafe = finding(0, 1, "a"), finding(2, 3, "b", safe=False)
    assert [f for f, _ in choose([safe, unsafe])] == [safe.fix]
    assert [f for f, _ in choose([safe, unsafe], unsafe=True)] == [safe.fix, unsafe.fix]


def test_splice_refuses_what_the_encoding_cannot_hold():
    text = "a)b"
    with pytest.raises(FixError, match="cannot be written in ascii"):
        splice(text.encode("ascii"), text, "ascii", [Fix(1, 2, "）")])


# -- end to end with rules of our own ----------------------------------------------------


class Upper(Rule):
    """abc -> ABC (safe); bcd -> BCD (safe); TODO -> '' (unsafe)."""

    name, category, severity = "upper", "custom", "error"
    summary = {"zh": "小写", "en": "lower case"}

    def check(self, doc, options):
        for word, safe in (("abc", True), ("bcd", True), ("TODO", False)):
            pos = doc.text.find(word)
            while pos >= 0:
                new = word.upper() if safe else ""
                yield self.finding(pos, pos + len(word), zh=word, en=word,
                                   fix=Fix(pos, pos + len(word), new, safe))
                pos = doc.text.find(word, pos + 1)


class Plugin:
    @hookimpl
    def reportlint_rules(self):
        return [Upper()]


@pytest.fixture
def custom(monkeypatch):
    registry = build_registry(builtin=(), entry_points=False, extra=[Plugin()])
    monkeypatch.setattr("reportlint.plugins.default_registry", lambda: registry)
    return registry


def test_overlap_end_to_end(tmp_path, custom):
    (tmp_path / "a.txt").write_text("abcd TODO\n", encoding="utf-8")
    report = Linter(registry=custom, fix="write").run(["a.txt"])
    assert report.errors == []
    # abc and bcd overlap: abc (first in the text) is fixed; the re-lint finds no bcd
    # any more; TODO's fix is unsafe and stays a finding
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "ABCd TODO\n"
    assert report.fixed == 1
    assert [(f.start, f.end) for f in report.findings] == [(5, 9)]


def test_unsafe_fixes_through_the_cli(tmp_path, capsys, custom):
    (tmp_path / "a.txt").write_text("x TODO y\n", encoding="utf-8")
    code, out, _ = run(["--lang", "en", "--fix", "--format", "concise", "a.txt"], capsys)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "x TODO y\n"
    assert (code, out) == (1, "a.txt:1:3: error upper TODO\n")
    code, out, _ = run(["--fix", "--unsafe-fixes", "--format", "concise", "a.txt"], capsys)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "x  y\n"
    assert (code, out) == (0, "")


class FlipFlop(Rule):
    """ab -> ba and ba -> ab: two fixes that undo each other."""

    name, category, severity = "flip-flop", "custom", "error"
    summary = {"zh": "来回", "en": "back and forth"}

    def check(self, doc, options):
        for word in ("ab", "ba"):
            pos = doc.text.find(word)
            if pos >= 0:
                yield self.finding(pos, pos + 2, zh=word, en=word,
                                   fix=Fix(pos, pos + 2, word[::-1]))


class FlipFlopPlugin:
    @hookimpl
    def reportlint_rules(self):
        return [FlipFlop()]


def test_fixes_that_never_settle_leave_the_file_alone(tmp_path, capsys, monkeypatch):
    registry = build_registry(builtin=(), entry_points=False, extra=[FlipFlopPlugin()])
    monkeypatch.setattr("reportlint.plugins.default_registry", lambda: registry)
    (tmp_path / "a.txt").write_text("xab\n", encoding="utf-8")
    before = stat_of(tmp_path / "a.txt")
    code, out, _ = run(["--lang", "en", "--fix", "--format", "concise", "a.txt"], capsys)
    assert stat_of(tmp_path / "a.txt") == before
    assert out.splitlines() == ["a.txt:1:2: error flip-flop ab",
                                "a.txt: error: not fixed: the fixes of flip-flop undo each other"]
    assert code == 2
