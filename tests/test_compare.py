"""--compare and copied-passage: copied runs of sentences across reports, with their
sources, through an index of masked sentence keys."""
import os
import re
import shutil

import pytest

from reportlint.compare import sentences_of
from reportlint.document import Document
from reportlint.runner import Linter

SEEDS = os.path.join(os.path.dirname(__file__), "..", "seeds")
# The qinzhou paragraph inserted into the made-up report: line 4 of the seed, a run-in
# heading (二) and eleven sentences.
INSERTED_LINE = 4


def derived_from_nanhu() -> str:
    """A third report made from nanhu-2023: every number changed (plus one), and after its
    line 21 the paragraph on line 4 of qinzhou-2023 inserted."""
    with open(os.path.join(SEEDS, "nanhu-2023.txt"), encoding="utf-8") as f:
        nanhu = f.read().split("\n")
    with open(os.path.join(SEEDS, "qinzhou-2023.txt"), encoding="utf-8") as f:
        inserted = f.read().split("\n")[INSERTED_LINE - 1]
    lines = [re.sub(r"\d+", lambda m: str(int(m.group()) + 1), line) for line in nanhu]
    return "\n".join(lines[:21] + [inserted] + lines[21:])


@pytest.fixture
def folder(tmp_path):
    for name in ("nanhu-2023.txt", "qinzhou-2023.txt"):
        shutil.copy(os.path.join(SEEDS, name), tmp_path / name)
    (tmp_path / "derived-2024.txt").write_text(derived_from_nanhu(), encoding="utf-8")
    return tmp_path


def copies(report) -> dict:
    """path -> [(start line:col, end line:col, source path, source line:col)]."""
    out = {}
    for r in report.results:
        for f in r.findings:
            if f.rule != "copied-passage":
                continue
            (rel,) = f.related
            out.setdefault(os.path.basename(r.path), []).append(
                (r.doc.position(f.start), r.doc.position(f.end), os.path.basename(rel.path),
                 rel.where[:2]))
    return out


def run(paths, compare, **settings):
    linter = Linter(use_config=False, select=["copied-passage"], compare=compare, **settings)
    return linter.run([str(p) for p in paths], jobs=1)


def test_a_report_made_from_two_seeds_names_each_copied_run_and_its_source(folder):
    report = run([folder], compare=[])
    found = copies(report)
    # Lines 1-21 are nanhu's 1-21; line 22 is qinzhou's line 4; lines 23-67 are nanhu's
    # 22-66.  The third run starts at 24:15: line 23 is blank, and 24 opens with
    # (三)不断优化法律服务供给。, 13 characters, below the 15 a keyed sentence needs.
    assert found["derived-2024.txt"] == [
        ((1, 1), (21, 359), "nanhu-2023.txt", (1, 1)),
        ((22, 1), (22, 605), "qinzhou-2023.txt", (INSERTED_LINE, 1)),
        ((24, 15), (67, 51), "nanhu-2023.txt", (23, 15)),
    ]
    # Within one run every file is compared with every other: the sources see the copy too.
    assert found["nanhu-2023.txt"] == [((1, 1), (66, 51), "derived-2024.txt", (1, 1))]
    assert found["qinzhou-2023.txt"] == [((INSERTED_LINE, 1), (INSERTED_LINE, 605),
                                          "derived-2024.txt", (22, 1))]


def test_the_message_says_how_much_of_the_report_comes_from_the_source(folder):
    report = run([folder / "derived-2024.txt"], compare=[str(folder / "nanhu-2023.txt")])
    messages = [f.message("en") for r in report.results for f in r.findings]
    assert len(messages) == 2
    # 25 + 52 sentences of 88: the containment of the report in nanhu, not a symmetric score.
    assert messages[0].startswith("25 sentences also in ")
    assert messages[1].startswith("52 sentences also in ")
    share = {int(re.search(r"(\d+)% of this report", m).group(1)) for m in messages}
    assert share == {89}


def test_compare_with_earlier_reports_lints_only_the_named_files(folder):
    report = run([folder / "derived-2024.txt"],
                 compare=[str(folder / "nanhu-2023.txt"), str(folder / "qinzhou-2023.txt")])
    assert [r.path for r in report.results] == [str(folder / "derived-2024.txt")]
    assert [c[2] for c in copies(report)["derived-2024.txt"]] == [
        "nanhu-2023.txt", "qinzhou-2023.txt", "nanhu-2023.txt"]


def test_the_seeds_copy_nothing_from_each_other():
    assert copies(run([SEEDS], compare=[])) == {}


def test_stock_phrases_and_part_headings_are_not_copies(tmp_path):
    # Two reports of the same type: the same opening formula, the same part headings,
    # different content.
    head = "某县2023年法治政府建设年度报告\n各位代表:\n现将本县2023年法治政府建设工作情况报告如下。\n"
    parts = ["一、2023年推进法治政府建设的主要举措和成效\n",
             "二、2023年推进法治政府建设存在的不足和原因\n",
             "三、2024年推进法治政府建设的主要安排\n"]
    (tmp_path / "a.txt").write_text(
        head + parts[0] + "全年共受理行政复议案件12件，均在法定期限内办结。新建村级法律服务站点20个。\n"
        + parts[1] + "执法人员培训覆盖面仍然不够，基层执法力量依然薄弱。\n"
        + parts[2] + "继续推进综合行政执法改革，提升执法规范化水平。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        head.replace("某县", "某区") + parts[0]
        + "全区开展法治宣传活动80余场，覆盖群众两万余人。行政应诉案件败诉率同比下降。\n"
        + parts[1] + "部分单位对合法性审查重视不够，审查质量有待提高。\n"
        + parts[2] + "加强行政规范性文件备案审查，推进政务公开标准化。\n", encoding="utf-8")
    assert copies(run([tmp_path], compare=[])) == {}


def test_a_sentence_in_more_reports_than_max_sources_is_stock_text(tmp_path):
    shared = "坚持把法治政府建设摆在全局工作的突出位置，统筹推进各项任务落实。" \
             "严格落实重大行政决策程序规定，提升依法决策水平。"
    for i in range(7):
        (tmp_path / f"r{i}.txt").write_text(f"第{i}号报告\n{shared}\n本报告第{i}部分的独有内容写在这里。\n",
                                          encoding="utf-8")
    assert copies(run([tmp_path], compare=[])) == {}           # in 6 others: stock
    for i in range(4, 7):
        os.remove(tmp_path / f"r{i}.txt")
    assert len(copies(run([tmp_path], compare=[]))) == 4       # in 3 others: copied


def test_without_compare_the_rule_reports_nothing(folder):
    assert copies(run([folder], compare=None)) == {}


def test_the_rule_follows_the_configuration(folder):
    (folder / ".reportlint.yaml").write_text(
        "rules:\n  copied-passage: {severity: error, min-sentences: 30}\n", encoding="utf-8")
    report = Linter(select=["copied-passage"], compare=[]).run([str(folder)], jobs=1)
    severities = {(os.path.basename(r.path), f.severity) for r in report.results for f in r.findings}
    # min-sentences 30 keeps only the runs of 52 and 77 sentences; error as configured.
    assert severities == {("derived-2024.txt", "error"), ("nanhu-2023.txt", "error")}
    assert len(copies(report)["derived-2024.txt"]) == 1


def test_masks_make_a_body_name_change_no_different(tmp_path):
    body = ("{}全年办理行政复议案件{}件，全部在法定期限内依法办结，无一被上级机关纠错。"
            "{}新建村级法律服务站点{}个，实现公共法律服务网络对全部村居的覆盖。\n")
    (tmp_path / "a.txt").write_text("甲县报告\n" + body.format("甲县", "十二", "甲县", "二十"),
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙县报告\n" + body.format("乙县", "十五", "乙县", "三十"),
                                    encoding="utf-8")
    assert copies(run([tmp_path], compare=[])) == {}
    (tmp_path / ".reportlint.yaml").write_text(
        "rules:\n  copied-passage: {mask: [甲县, 乙县]}\n", encoding="utf-8")
    report = Linter(select=["copied-passage"], compare=[]).run([str(tmp_path)], jobs=1)
    assert sorted(copies(report)) == ["a.txt", "b.txt"]


def test_sentence_keys_mask_numbers_and_skip_headings_and_short_sentences():
    doc = Document("一、主要成效\n全年受理案件12件，办结率达到99.5%。好。\n| a | b |\n| c | d |\n")
    keys = list(sentences_of(doc, 5).keys)
    # Keys are made of the folded text: a full-width comma and a half-width one are alike.
    assert keys == [hash("全年受理案件件,办结率达到%。")]


def test_copied_passages_through_the_command_line(folder, capsys, monkeypatch):
    from reportlint.cli import main

    monkeypatch.chdir(folder)
    code = main(["--lang", "en", "--format", "concise", "--select", "copied-passage",
                 "derived-2024.txt", "--compare", "nanhu-2023.txt"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0   # a warning does not fail the default gate
    assert out[0].startswith("derived-2024.txt:1:1: warning copied-passage 25 sentences also in "
                             "nanhu-2023.txt")
    assert len(out) == 2


def test_statistics_show_the_copied_share_per_file(folder, capsys, monkeypatch):
    from reportlint.cli import main

    monkeypatch.chdir(folder)
    main(["--lang", "en", "--statistics", "--select", "copied-passage", ".", "--compare"])
    out = capsys.readouterr().out
    table = out[out.index("Copied from other reports"):].splitlines()[1:]
    # derived is copied almost whole (from nanhu and qinzhou), and so is nanhu (all of it
    # is in derived); qinzhou only in part (its line 4): most copied first.
    shares = {line.split()[1]: int(line.split("%")[0]) for line in table}
    assert list(shares)[2] == "./qinzhou-2023.txt"
    assert shares["./derived-2024.txt"] > 80 and shares["./nanhu-2023.txt"] > 80
    assert 0 < shares["./qinzhou-2023.txt"] < 40
