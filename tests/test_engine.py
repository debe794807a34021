"""A rule that raises: never silent, and none of its findings (in the library and the CLI)."""
import pytest

import reportlint
from reportlint import RuleError, check_file, check_text
from reportlint.plugins import default_registry
from reportlint.runner import Linter
from tests.helpers import findings, run_cli
from tests.test_plugins import CRASHY

# 郑0 宅1 司2 法3 所4 荣5 获6 省7 级8 ”9: reversed-quotes at 2:10, offset 23
TITLE = "关于依法行政工作的情况说明\n"
REVERSED = TITLE + "郑宅司法所荣获省级”枫桥式“司法所。\n"


# The crashing rule of the plugin tests, defined once: it yields a finding, then raises,
# and the finding must not survive.
_plugin: dict = {}
exec(CRASHY, _plugin)
Crashy = _plugin["Crashy"]


@pytest.fixture
def crashy(monkeypatch):
    """Crashy in the default registry (check_text and the CLI use it), for this test only."""
    monkeypatch.setitem(default_registry().rules, "crashy", Crashy())


def test_check_text_raises_rule_error(crashy):
    with pytest.raises(RuleError) as info:
        check_text(REVERSED, select=["crashy", "pairs"])
    e = info.value
    assert str(e) == "<text>: rule crashy failed: RuntimeError: boom in check"
    assert isinstance(e.__cause__, RuntimeError) and str(e.__cause__) == "boom in check"
    assert [(name, type(exc)) for name, exc in e.failures] == [("crashy", RuntimeError)]
    # the rules that finished are still usable; the crashed one contributes nothing
    assert [f.rule for f in e.findings] == ["reversed-quotes"]
    assert "RuleError" in reportlint.__all__


def test_check_file_raises_rule_error(crashy, isolated_repo):
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    with pytest.raises(RuleError, match="a.txt: rule crashy failed: RuntimeError: boom"):
        check_file("a.txt", select=["crashy"])


def test_test_helpers_fail_on_a_crash(crashy):
    # "the rule stays silent" must not pass because the rule crashed
    with pytest.raises(RuleError):
        findings("正文。\n", "crashy")


def test_partial_findings_do_not_leak(crashy):
    result = Linter(select=["crashy", "pairs"], use_config=False).lint_document(
        reportlint.document.Document(REVERSED, path="a.txt"))
    assert [f.rule for f in result.findings] == ["reversed-quotes"]
    assert [str(e) for e in result.errors] == ["rule crashy failed: RuntimeError: boom in check"]


def test_crash_through_the_cli(crashy, isolated_repo, capsys):
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    code, out, _ = run_cli(["--format", "concise", "--select", "crashy,pairs", "a.txt"], capsys)
    assert code == 2
    assert out.splitlines() == [
        "a.txt:2:10: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”",
        "a.txt: error: 规则 crashy 运行出错：RuntimeError: boom in check",
    ]
    # with --fix too: the crashed rule's findings are neither fixed nor reported
    code, out, _ = run_cli(["--fix", "--format", "concise", "--select", "crashy", "a.txt"],
                           capsys)
    assert code == 2 and "error crashy" not in out


def test_suppression_of_a_crashed_rule_is_not_called_unused(crashy, isolated_repo, capsys):
    (isolated_repo / "a.md").write_text(
        "<!-- reportlint-disable crashy -->\n" + REVERSED, encoding="utf-8")
    code, out, err = run_cli(["--lang", "en", "--format", "concise", "--select", "crashy",
                              "--report-unused-suppressions", "a.md"], capsys)
    assert code == 2
    assert "unused" not in out + err and "rule crashy failed" in out


class Backwards(Crashy):
    """Yields a finding whose span runs backwards, or past the end of the text."""
    name = "backwards"

    def check(self, doc, options):
        yield self.finding(5, 3, zh="倒置", en="backwards")


class PastTheEnd(Backwards):
    name = "past-the-end"

    def check(self, doc, options):
        yield self.finding(0, len(doc.text) + 1, zh="越界", en="past the end")


@pytest.mark.parametrize("rule", [Backwards(), PastTheEnd()])
def test_a_finding_outside_the_text_is_a_failing_rule_not_a_finding(rule, monkeypatch):
    monkeypatch.setitem(default_registry().rules, rule.name, rule)
    with pytest.raises(RuleError) as info:
        check_text(REVERSED, select=[rule.name, "pairs"])
    assert f"rule {rule.name} gave an invalid finding: the finding spans" in str(info.value)
    assert [f.rule for f in info.value.findings] == ["reversed-quotes"]


# -- a family's shared work ---------------------------------------------------------------

def _lines_seen(doc):
    _lines_seen.calls += 1
    return doc.text.count("\n")


class _SharesLines(reportlint.Rule):
    name = "shares-lines"
    category = "test"

    def check(self, doc, options):
        doc.shared(_lines_seen)
        return iter(())


class _AlsoSharesLines(_SharesLines):
    name = "also-shares-lines"


def test_a_familys_shared_work_is_made_once_and_dropped_after_its_last_rule():
    from reportlint.document import Document
    from reportlint.engine import run_rules, select_rules

    doc = Document(REVERSED)
    _lines_seen.calls = 0
    rules = {r.name: r for r in (_SharesLines(), _AlsoSharesLines())}
    run_rules(doc, select_rules(rules, {}))
    assert _lines_seen.calls == 1       # both rules of this module shared one computation
    doc.shared(_lines_seen)             # then it was dropped: asked again, made again
    assert _lines_seen.calls == 2


def test_a_rule_of_another_family_between_two_does_not_drop_their_shared_work():
    from reportlint.document import Document
    from reportlint.engine import run_rules, select_rules
    from reportlint.plugins import default_registry

    doc = Document(REVERSED)
    _lines_seen.calls = 0
    other = default_registry().rules["reversed-quotes"]   # of reportlint.rules.pairs
    rules = {r.name: r for r in (_SharesLines(), other, _AlsoSharesLines())}
    findings, errors = run_rules(doc, select_rules(rules, {}))
    assert errors == [] and [f.rule for f in findings] == ["reversed-quotes"]
    assert _lines_seen.calls == 1   # kept while a rule of its module was still to run
