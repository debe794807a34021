"""Rule documentation from the rules' metadata: explain, the README table, SARIF help."""
import os

import pytest

from tests.helpers import run_cli as run
from reportlint.plugins import build_registry
from reportlint.ruledoc import TABLE_END, TABLE_START, explain, main as ruledoc_main, rules_table

README = os.path.join(os.path.dirname(__file__), "..", "README.md")


def test_readme_rule_table_is_up_to_date():
    with open(README, encoding="utf-8") as fh:
        readme = fh.read()
    start, end = readme.index(TABLE_START) + len(TABLE_START), readme.index(TABLE_END)
    assert readme[start:end] == "\n" + rules_table(), (
        "README.md's rule table is out of date: run python -m reportlint.ruledoc --readme README.md")


def test_the_table_has_a_row_per_rule_with_its_metadata():
    table = rules_table()
    rows = {line.split("|")[1].strip(" `"): [c.strip() for c in line.split("|")[2:-1]]
            for line in table.splitlines()[2:]}
    assert set(rows) == set(build_registry(entry_points=False).rules) | {"unused-suppression"}
    assert rows["reversed-quotes"] == ["pairs", "error", "safe", "",
                                       "quotation marks in reverse order", "引号方向颠倒"]
    assert rows["duplicate-block"][3] == "`min-chars: 30`, `min-sentence-chars: 15`"
    assert rows["bad-nesting"][2] == ""            # no fix


def test_ruledoc_check_and_rewrite(tmp_path, capsys):
    stale = tmp_path / "README.md"
    stale.write_text(f"# x\n\n{TABLE_START}\n| old |\n{TABLE_END}\n\nafter\n", encoding="utf-8")
    assert ruledoc_main(["--check", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert ruledoc_main(["--readme", str(stale)]) == 0
    text = stale.read_text(encoding="utf-8")
    assert text == f"# x\n\n{TABLE_START}\n{rules_table()}{TABLE_END}\n\nafter\n"
    assert ruledoc_main(["--check", str(stale)]) == 0
    no_markers = tmp_path / "plain.md"
    no_markers.write_text("# nothing\n", encoding="utf-8")
    assert ruledoc_main(["--check", str(no_markers)]) == 2
    assert "markers" in capsys.readouterr().err


def test_explain_in_english(capsys):
    code, out, _ = run(["explain", "reversed-quotes", "--lang", "en"], capsys)
    assert out.splitlines() == [
        "reversed-quotes (pairs, error)",
        "",
        "quotation marks in reverse order",
        "",
        "A pair written the wrong way round, such as ”枫桥式“, comes from an input method or a "
        "paste; the fix writes “枫桥式”.",
        "",
        "Set in .reportlint.yaml:",
        "  rules:",
        "    reversed-quotes:",
        "      severity: error",
        "",
        "Flagged:",
        "  郑宅司法所荣获省级”枫桥式“司法所",
        "  → 1:10: quotation marks in reverse order: ”枫桥式“, meant “枫桥式” [fixable with --fix]",
        "",
        "Accepted:",
        "  郑宅司法所荣获省级“枫桥式”司法所",
    ]
    assert code == 0


def test_explain_in_chinese_with_options(capsys):
    code, out, _ = run(["explain", "duplicate-block"], capsys)
    lines = out.splitlines()
    assert lines[:3] == ["duplicate-block (duplicates, error)", "", "重复的段落或句子"]
    i = lines.index("选项（默认值）：")
    assert lines[i + 1:i + 3] == ["  min-chars: 30", "  min-sentence-chars: 15"]
    j = lines.index("在 .reportlint.yaml 中设置：")
    assert lines[j + 1:j + 6] == ["  rules:", "    duplicate-block:", "      severity: error",
                                  "      min-chars: 30", "      min-sentence-chars: 15"]
    assert "有问题的例子：" in lines and "没有问题的例子：" in lines


def test_explain_the_pseudo_rule(capsys):
    code, out, _ = run(["explain", "unused-suppression", "--lang", "en"], capsys)
    assert code == 0
    assert out.startswith("unused-suppression (suppressions, warning)\n\n"
                          "a suppression comment that suppresses nothing\n")
    assert "Reported with --report-unused-suppressions." in out
    assert "Set in .reportlint.yaml" not in out      # it is not configured under rules:


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_builtin_rule_documents_itself(lang):
    for rule in build_registry(entry_points=False).rules.values():
        assert rule.summary.get(lang), rule.name
        assert rule.rationale.get(lang), rule.name
        assert rule.examples.get("bad") and rule.examples.get("good"), rule.name
        text = explain(rule, lang)
        assert rule.examples["bad"].splitlines()[0] in text
