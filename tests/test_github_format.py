"""--format github: workflow commands with GitHub's escaping and severities."""
import pytest

from reportlint import Rule, hookimpl
from tests.helpers import run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")
from reportlint.formats.github import command, escape_data, escape_property
from reportlint.plugins import build_registry

TITLE = "关于依法行政工作的情况说明\n"


def test_escaping_of_messages_and_properties():
    s = "50% done\r\nnext: a,b"
    assert escape_data(s) == "50%25 done%0D%0Anext: a,b"
    assert escape_property(s) == "50%25 done%0D%0Anext%3A a%2Cb"
    # % first: an escape already in the text is not mistaken for one
    assert escape_data("%0A") == "%250A"
    assert command("notice", "m:1,2", file="a,b:c.txt", line=3) == \
        "::notice file=a%2Cb%3Ac.txt,line=3::m:1,2"


def test_github_lines_for_each_severity(tmp_path, capsys):
    (tmp_path / ".reportlint.yaml").write_text("rules:\n  unmatched-pair: info\n",
                                               encoding="utf-8")
    # line 2: reversed quotes (error) at 3..8; line 3: （秘密) a warning at 18..22;
    # line 4: an unmatched ” (info, by the configuration) at column 7
    text = TITLE + "所获”枫桥式“称号。\n本报告（草案）经审议（通过），文件（秘密)已归档。\n推动依法办事”入围。\n"
    (tmp_path / "r,1.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(["--format", "github", "--select", "pairs", "r,1.txt"], capsys)
    assert out.splitlines() == [
        "::error file=r%2C1.txt,line=2,col=3,endLine=2,endColumn=8,title=reversed-quotes::"
        "引号方向颠倒：”枫桥式“，应为“枫桥式”",
        "::warning file=r%2C1.txt,line=3,col=18,endLine=3,endColumn=22,title=mixed-width-pair::"
        "括号宽度不一致：（秘密)，本文多用全角，应将)改为）",
        "::notice file=r%2C1.txt,line=4,col=7,endLine=4,endColumn=8,title=unmatched-pair::"
        "右引号”没有对应的左引号“：前面缺少“",
    ]
    assert code == 1


def test_read_errors_are_error_commands(tmp_path, capsys):
    code, out, _ = run(["--lang", "en", "--format", "github", "missing:1.txt"], capsys)
    assert out == "::error file=missing%3A1.txt,title=reportlint::no such file or directory\n"
    assert code == 2


class Percent(Rule):
    name, category, severity = "percent", "custom", "warning"
    summary = {"zh": "百分号", "en": "percent"}

    def check(self, doc, options):
        pos = doc.text.find("%")
        if pos >= 0:
            yield self.finding(pos, pos + 1, zh="100% 不对\n第二行", en="100% wrong\nline two")


class Plugin:
    @hookimpl
    def reportlint_rules(self):
        return [Percent()]


def test_a_message_with_percent_and_a_line_break(tmp_path, capsys, monkeypatch):
    registry = build_registry(builtin=(), entry_points=False, extra=[Plugin()])
    monkeypatch.setattr("reportlint.plugins.default_registry", lambda: registry)
    (tmp_path / "a.txt").write_text("占比50%\n", encoding="utf-8")
    code, out, _ = run(["--format", "github", "--lang", "en", "a.txt"], capsys)
    assert out == ("::warning file=a.txt,line=1,col=5,endLine=1,endColumn=6,title=percent::"
                   "100%25 wrong%0Aline two\n")
    assert code == 0


class Across(Rule):
    """A finding from the end of the first line into the second."""
    name, category, severity = "across", "custom", "warning"
    summary = {"zh": "跨行", "en": "across lines"}

    def check(self, doc, options):
        yield self.finding(2, 5, zh="跨行", en="across lines")


class AcrossPlugin:
    @hookimpl
    def reportlint_rules(self):
        return [Across(), Percent()]


def test_a_finding_over_several_lines_has_no_columns(tmp_path, capsys, monkeypatch):
    # The Actions toolkit refuses col and endColumn when line and endLine differ.
    registry = build_registry(builtin=(), entry_points=False, extra=[AcrossPlugin()])
    monkeypatch.setattr("reportlint.plugins.default_registry", lambda: registry)
    (tmp_path / "a.txt").write_text("甲乙丙\n丁戊%\n", encoding="utf-8")
    code, out, _ = run(["--format", "github", "--lang", "en", "a.txt"], capsys)
    assert out.splitlines() == [
        "::warning file=a.txt,line=1,endLine=2,title=across::across lines",
        "::warning file=a.txt,line=2,col=3,endLine=2,endColumn=4,title=percent::"
        "100%25 wrong%0Aline two",
    ]
    assert code == 0


def test_paths_from_a_folder_sweep_are_normalised(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TITLE + "所获”枫桥式“称号。\n", encoding="utf-8")
    _, out, _ = run(["--format", "github", "."], capsys)
    assert out.startswith("::error file=sub/a.txt,line=2,col=3,")
