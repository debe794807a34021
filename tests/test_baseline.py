"""--write-baseline and --baseline: fingerprints that survive edits elsewhere, counts."""
import hashlib
import json
import os

import pytest

from tests.helpers import run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")

TITLE = "关于依法行政工作的情况说明\n"
A = "所获”枫桥式“称号。\n"
B = "又获”示范点“称号。\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def fp(rule, before, excerpt, after):
    return hashlib.sha256("\0".join([rule, before, excerpt, after]).encode()).hexdigest()[:20]


def test_write_baseline_records_sorted_counted_entries(tmp_path, capsys):
    write(tmp_path / "reports" / "b.txt", TITLE + A + A)
    write(tmp_path / "reports" / "a.txt", TITLE + B)
    code, out, err = run(["--write-baseline", "base.json", "--lang", "en", "reports"], capsys)
    assert (code, out) == (0, "")
    assert err == "reportlint: wrote 3 findings to the baseline base.json\n"
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data == {"version": 1, "tool": "reportlint", "findings": [
        {"path": "reports/a.txt", "rule": "reversed-quotes",
         "fingerprint": fp("reversed-quotes", "又获", "”示范点“", "称号。"), "count": 1,
         "excerpt": "”示范点“"},
        {"path": "reports/b.txt", "rule": "reversed-quotes",
         "fingerprint": fp("reversed-quotes", "所获", "”枫桥式“", "称号。"), "count": 2,
         "excerpt": "”枫桥式“"},
    ]}
    first = (tmp_path / "base.json").read_bytes()
    run(["--write-baseline", "base.json", "reports"], capsys)
    assert (tmp_path / "base.json").read_bytes() == first       # stable output


def test_baseline_hides_known_findings_and_survives_an_edit_above(tmp_path, capsys):
    report = tmp_path / "r.txt"
    write(report, TITLE + "第一段。\n" + A)
    run(["--write-baseline", "base.json", "r.txt"], capsys)
    assert run(["--baseline", "base.json", "r.txt"], capsys)[:2] == (0, "共检查 1 个文件，发现 0 个问题（错误 0，警告 0，提示 0）。\n")
    # lines added above move the finding from line 3 to line 6: still known
    write(report, TITLE + "新增一段。\n再增一段。\n又增一段。\n第一段。\n" + A)
    code, out, _ = run(["--format", "concise", "--baseline", "base.json", "r.txt"], capsys)
    assert (code, out) == (0, "")
    # CRLF line breaks do not change what the finding is
    report.write_bytes((TITLE + "第一段。\n" + A).replace("\n", "\r\n").encode())
    assert run(["--format", "concise", "--baseline", "base.json", "r.txt"], capsys)[:2] == (0, "")
    # a new finding is reported, the known one is not
    write(report, TITLE + B + "第一段。\n" + A)
    code, out, _ = run(["--format", "concise", "--baseline", "base.json", "r.txt"], capsys)
    assert out == "r.txt:2:3: error reversed-quotes 引号方向颠倒：”示范点“，应为“示范点”\n"
    assert code == 1


def test_an_edit_of_the_finding_itself_makes_it_new(tmp_path, capsys):
    write(tmp_path / "r.txt", TITLE + A)
    run(["--write-baseline", "base.json", "r.txt"], capsys)
    write(tmp_path / "r.txt", TITLE + A.replace("称号", "荣誉"))
    code, out, _ = run(["--format", "concise", "--baseline", "base.json", "r.txt"], capsys)
    assert out.startswith("r.txt:2:3: error reversed-quotes ")


def test_the_same_excerpt_more_often_than_recorded(tmp_path, capsys):
    write(tmp_path / "r.txt", TITLE + A + A)
    run(["--write-baseline", "base.json", "r.txt"], capsys)
    write(tmp_path / "r.txt", TITLE + A + A + A)
    code, out, _ = run(["--format", "concise", "--baseline", "base.json", "r.txt"], capsys)
    # two are known; the occurrence beyond the count (the last one) is new
    assert out == "r.txt:4:3: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 1
    write(tmp_path / "r.txt", TITLE + A)             # fewer than recorded: all known
    assert run(["--format", "concise", "--baseline", "base.json", "r.txt"], capsys)[:2] == (0, "")


def test_paths_are_relative_to_the_baseline_not_the_working_folder(tmp_path, capsys,
                                                                   monkeypatch):
    write(tmp_path / "docs" / "r.txt", TITLE + A)
    run(["--write-baseline", "base.json", "docs/r.txt"], capsys)
    monkeypatch.chdir(tmp_path / "docs")
    code, out, _ = run(["--format", "concise", "--baseline", "../base.json", "r.txt"], capsys)
    assert (code, out) == (0, "")
    # the same text in another file is not known
    write(tmp_path / "docs" / "s.txt", TITLE + A)
    _, out, _ = run(["--format", "concise", "--baseline", "../base.json", "r.txt", "s.txt"],
                    capsys)
    assert out.startswith("s.txt:2:3: error reversed-quotes ")


@pytest.mark.parametrize("content, words", [
    (None, "no such file"),
    ("{not json", "base.json:1:2: not valid JSON"),
    ("[]", "not a reportlint baseline"),
    ('{"version": 2, "findings": []}', "not a reportlint baseline"),
    ('{"version": 1, "findings": [{"path": "a.txt"}]}', "entry 1 needs a path, rule and"),
    ('{"version": 1, "findings": [{"path": "a", "rule": "r", "fingerprint": "f", "count": 0}]}',
     "positive count"),
])
def test_a_bad_baseline_is_a_clear_error(tmp_path, capsys, content, words):
    write(tmp_path / "r.txt", TITLE + A)
    if content is not None:
        write(tmp_path / "base.json", content)
    code, out, err = run(["--lang", "en", "--baseline", "base.json", "r.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("reportlint: error: baseline base.json")
    assert words in err
    assert len(err.splitlines()) == 1


def test_baseline_that_cannot_be_written(tmp_path, capsys):
    write(tmp_path / "r.txt", TITLE + A)
    code, out, err = run(["--lang", "en", "--write-baseline", "no/such/dir/base.json", "r.txt"],
                         capsys)
    assert code == 2
    assert err == ("reportlint: error: cannot write the baseline no/such/dir/base.json: "
                   "No such file or directory\n")


def test_baseline_and_write_baseline_together(tmp_path, capsys):
    code, _, err = run(["--lang", "en", "--baseline", "a.json", "--write-baseline", "b.json",
                       "x.txt"], capsys)
    assert code == 2 and "cannot be used together" in err
    assert not os.path.exists(tmp_path / "b.json")
