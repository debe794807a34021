"""Suppressions: comments in Markdown and HTML, the configuration's ignore: list, and
--report-unused-suppressions."""
import pytest

from tests.helpers import run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")

A = "所获”枫桥式“称号。"     # reversed quotes at column 3
B = "又获”示范点“称号。"     # reversed quotes at column 3
MSG_A = "reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”"
MSG_B = "reversed-quotes 引号方向颠倒：”示范点“，应为“示范点”"
TITLE = "关于依法行政工作的情况说明"


def lint(name, capsys, *extra):
    return run(["--format", "concise", "--select", "pairs", *extra, name], capsys)


def md(tmp_path, *lines, name="a.md"):
    (tmp_path / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return name


# -- comments ---------------------------------------------------------------------------
# Paragraphs are separated by blank lines: the n-th item given to md() is on line 2n-1.


def test_disable_until_enable(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE, "<!-- reportlint-disable reversed-quotes -->", A,
              "<!-- reportlint-enable -->", B)
    code, out, _ = lint(name, capsys)
    assert out == f"a.md:9:3: error {MSG_B}\n"
    assert code == 1


def test_disable_without_names_is_every_rule_and_lasts_to_the_end(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE, A, "<!--reportlint-disable-->", B, "推动依法办事”入围。")
    code, out, _ = lint(name, capsys)
    assert out == f"a.md:3:3: error {MSG_A}\n"


def test_disable_by_category_and_a_list_of_names(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE, "<!-- reportlint-disable duplicate-block, pairs -->", A)
    assert lint(name, capsys)[:2] == (0, "")
    name = md(tmp_path, "# " + TITLE, "<!-- reportlint-disable bad-nesting,unmatched-pair -->", A)
    assert lint(name, capsys)[1] == f"a.md:5:3: error {MSG_A}\n"


def test_enable_one_rule_under_a_disable_all(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE, "<!-- reportlint-disable -->", "推动依法办事”入围。",
              "<!-- reportlint-enable reversed-quotes -->", "推动依法办事”入围。", B)
    code, out, _ = lint(name, capsys)
    assert out == f"a.md:11:3: error {MSG_B}\n"


def test_disable_next_line_is_only_the_next_line(tmp_path, capsys):
    text = f"# {TITLE}\n\n<!-- reportlint-disable-next-line reversed-quotes -->\n{A}\n{B}\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    code, out, _ = lint("a.md", capsys)
    assert out == f"a.md:5:3: error {MSG_B}\n"
    # a name that does not match leaves the next line alone
    (tmp_path / "a.md").write_text(text.replace("reversed-quotes -->", "bad-nesting -->"),
                                   encoding="utf-8")
    assert lint("a.md", capsys)[1] == f"a.md:4:3: error {MSG_A}\na.md:5:3: error {MSG_B}\n"


def test_html_sources_take_comments_too(tmp_path, capsys):
    (tmp_path / "a.html").write_text(
        f"<p>{TITLE}</p>\n<!-- reportlint-disable-next-line -->\n<p>{A}</p>\n<p>{B}</p>\n",
        encoding="utf-8")
    assert lint("a.html", capsys)[1] == f"a.html:4:6: error {MSG_B}\n"


def test_plain_text_has_no_comments(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        f"{TITLE}\n<!-- reportlint-disable-next-line -->\n{A}\n", encoding="utf-8")
    assert lint("a.txt", capsys)[1] == f"a.txt:3:3: error {MSG_A}\n"


def test_stdin_filename_decides_whether_comments_count(tmp_path, capsys, monkeypatch):
    import io
    import sys

    class FakeStdin:
        def __init__(self, data):
            self.buffer = io.BytesIO(data)

    data = f"# {TITLE}\n\n<!-- reportlint-disable -->\n{A}\n".encode()
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert lint("-", capsys, "--stdin-filename", "x.md")[:2] == (0, "")
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert lint("-", capsys, "--stdin-filename", "x.txt")[1] == f"x.txt:4:3: error {MSG_A}\n"


# -- unused comments ----------------------------------------------------------------------


def test_unused_comments_are_reported_when_asked(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE,
              "<!-- reportlint-disable-next-line reversed-quotes -->\n" + A,   # used
              "<!-- reportlint-disable-next-line reversed-quotes -->\n正文。",  # unused
              "<!-- reportlint-disable-next-line no-such-rule, bad-nesting -->\n正文。",
              "<!-- reportlint-disable -->", "正文。")
    code, out, _ = lint(name, capsys, "--lang", "en")
    assert (code, out) == (0, "")                     # not reported unless asked
    code, out, _ = lint(name, capsys, "--lang", "en", "--report-unused-suppressions")
    assert out.splitlines() == [
        "a.md:6:1: warning unused-suppression unused suppression comment "
        "(suppresses nothing: reversed-quotes)",
        "a.md:9:1: warning unused-suppression unused suppression comment "
        "(unknown rule in the comment: no-such-rule)",
        "a.md:9:1: warning unused-suppression unused suppression comment "
        "(suppresses nothing: bad-nesting)",
        "a.md:12:1: warning unused-suppression unused suppression comment "
        "(suppresses nothing)",
    ]
    assert code == 0
    assert lint(name, capsys, "--report-unused-suppressions", "--fail-on", "warning")[0] == 1
    # In Chinese, the wording takes full-width marks (GB/T 15834); the rule names do not.
    code, out, _ = lint(name, capsys, "--report-unused-suppressions")
    assert out.splitlines() == [
        "a.md:6:1: warning unused-suppression 抑制注释没有用处（没有抑制任何问题：reversed-quotes）",
        "a.md:9:1: warning unused-suppression 抑制注释没有用处（注释中的规则名未知：no-such-rule）",
        "a.md:9:1: warning unused-suppression 抑制注释没有用处（没有抑制任何问题：bad-nesting）",
        "a.md:12:1: warning unused-suppression 抑制注释没有用处（没有抑制任何问题）",
    ]


def test_a_rule_that_did_not_run_is_not_called_unused(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE, "<!-- reportlint-disable duplicate-block -->", "正文。")
    # --select pairs: duplicate-block did not run here, so nothing can be said about it
    assert lint(name, capsys, "--report-unused-suppressions")[1] == ""
    code, out, _ = run(["--format", "concise", "--report-unused-suppressions", name], capsys)
    assert out.startswith("a.md:3:1: warning unused-suppression ")


# -- the configuration's ignore: list ---------------------------------------------------------


def config(tmp_path, text):
    (tmp_path / ".reportlint.yaml").write_text(text, encoding="utf-8")


def test_ignore_entries_match_the_excerpt_or_its_surroundings(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(f"{TITLE}\n{A}\n{B}\n推动依法办事”入围。\n推动依法办事”出圈。\n",
                                    encoding="utf-8")
    config(tmp_path, "ignore:\n"
                     "  - {rule: reversed-quotes, text: ”枫桥式“}\n"      # the excerpt itself
                     "  - {rule: pairs, text: 依法办事”入围}\n"           # around the excerpt
                     "  - {rule: reversed-quotes, text: 又获}\n")         # neither: no match
    code, out, _ = lint("a.txt", capsys)
    assert out.splitlines() == [
        f"a.txt:3:3: error {MSG_B}",
        "a.txt:5:7: error unmatched-pair 右引号”没有对应的左引号“：前面缺少“",
    ]


def test_ignore_text_inside_a_long_excerpt(tmp_path, capsys):
    para = "我们坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政工作，取得了明显成效。"
    (tmp_path / "a.txt").write_text(f"{TITLE}\n{para}\n其他内容。\n{para}\n", encoding="utf-8")
    assert run(["--format", "concise", "a.txt"], capsys)[1].startswith(
        "a.txt:4:1: error duplicate-block ")
    config(tmp_path, "ignore:\n  - rule: duplicate-block\n    text: 全面推进依法行政工作\n")
    assert run(["--format", "concise", "a.txt"], capsys)[:2] == (0, "")


def test_ignore_entries_can_name_files(tmp_path, capsys):
    (tmp_path / "old").mkdir()
    for name in ("a.txt", "old/a.txt"):
        (tmp_path / name).write_text(f"{TITLE}\n{A}\n", encoding="utf-8")
    config(tmp_path, "ignore:\n  - rule: reversed-quotes\n    text: 枫桥式\n    files: old/**\n")
    _, out, _ = run(["--format", "concise", "a.txt", "old/a.txt"], capsys)
    assert out == f"a.txt:2:3: error {MSG_A}\n"


def test_unused_ignore_entries_are_warnings_about_the_config(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(f"{TITLE}\n{A}\n", encoding="utf-8")
    config(tmp_path, "ignore:\n"
                     "  - {rule: reversed-quotes, text: 枫桥式}\n"
                     "  - {rule: reversed-quotes, text: 示范点}\n"
                     "  - {rule: duplicate-block, text: 不存在}\n")
    code, out, err = lint("a.txt", capsys, "--report-unused-suppressions", "--lang", "en")
    assert out == ""
    # duplicate-block did not run (--select pairs): its entry is not judged
    assert err == (f"{tmp_path / '.reportlint.yaml'}:3:5: warning unused-suppression ignore entry suppresses "
                   "nothing (rule: reversed-quotes, text: 示范点)\n")
    assert code == 0
    code, _, _ = lint("a.txt", capsys, "--report-unused-suppressions", "--fail-on", "warning")
    assert code == 1
    assert lint("a.txt", capsys)[2] == ""              # only when asked


@pytest.mark.parametrize("text, line, col, words", [
    ("ignore: {rule: x}\n", 1, 9, ["'ignore' must be a list"]),
    ("ignore:\n  - just text\n", 2, 5, ["must be a mapping"]),
    ("ignore:\n  - {rule: nope, text: x}\n", 2, 12, ["unknown rule 'nope'"]),
    ("ignore:\n  - {rule: pairs}\n", 2, 5, ["needs 'text'"]),
    ("ignore:\n  - {text: 枫桥式}\n", 2, 5, ["needs 'rule'"]),
    ("ignore:\n  - {rule: pairs, text: ''}\n", 2, 25, ["'text'", "not empty"]),
    ("ignore:\n  - {rule: pairs, text: a, file: x}\n", 2, 28, ["unknown key 'file'"]),
    ("ignore:\n  - {rule: pairs, text: a, files: 3}\n", 2, 35, ["'files' must be a list"]),
])
def test_ignore_config_errors(tmp_path, capsys, text, line, col, words):
    config(tmp_path, text)
    (tmp_path / "a.txt").write_text(f"{TITLE}\n{A}\n", encoding="utf-8")
    code, out, err = run(["--lang", "en", "a.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"{tmp_path / '.reportlint.yaml'}:{line}:{col}: "), err
    for w in words:
        assert w in err


def test_fix_leaves_suppressed_findings_alone(tmp_path, capsys):
    name = md(tmp_path, "# " + TITLE, "<!-- reportlint-disable-next-line reversed-quotes -->\n" + A,
              B)
    code, out, _ = lint(name, capsys, "--fix")
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert A in text                                   # silenced: left as written
    assert B.replace("”示范点“", "“示范点”") in text     # fixed
    assert (code, out) == (0, "")
