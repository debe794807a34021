"""Text written by converters: YAML front matter, a quoted note above the title, a
`# 标题` line in plain text, Markdown pipe tables (issue 8)."""
import pytest

from reportlint import check_text
from reportlint.document import Document
from reportlint.residue import title_of

TITLE = "某县2023年度法治政府建设情况报告"
FRONT = "---\ntitle: 某县2023年度法治政府建设情况报告\nsource: report.pdf\npages: 7\n---\n"
BODY = ("一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足和原因\n执法队伍力量不足。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责的情况\n主要负责人带头学法。\n"
        "四、2024年主要安排\n继续推进依法行政。\n")


def rules_of(text, path="<text>"):
    return [(f.rule, text[f.start:f.end]) for f in check_text(text, path=path)
            if f.severity != "info"]


@pytest.mark.parametrize("path", ["report.md", "report.txt"])
def test_front_matter_is_neither_title_nor_body(path):
    text = f"{FRONT}\n# {TITLE}\n\n{BODY}"
    doc = Document(text, path=path)
    assert doc.front_matter is not None and text[:doc.front_matter.end] == FRONT
    title = title_of(doc)
    assert text[title.start:title.end] == TITLE
    # Offsets and lines stay those of the file; the rules see blank lines.
    assert len(doc.folded) == len(text) and doc.folded[:len(FRONT)].strip() == ""
    assert doc.folded.count("\n") == text.count("\n")
    # The document type is recognised from the title below it: nothing is missing.
    assert rules_of(text, path) == []


def test_without_front_matter_the_same_file_is_missing_its_parts():
    # The control of the test above: remove the title and the parts are looked for.
    text = f"{FRONT}\n# {TITLE}\n\n一、主要举措和成效\n全年办理行政复议案件12件。\n"
    got = {rule for rule, _ in rules_of(text, "report.md")}
    assert got == {"missing-section"}


def test_a_horizontal_rule_is_no_front_matter():
    text = f"---\n{TITLE}\n---\n正文。\n"
    assert Document(text).front_matter is None


def test_front_matter_after_a_byte_order_mark_and_none_below_the_first_line():
    # The opening told before the pattern: a BOM before it still opens front matter,
    # a line above it does not.
    with_bom = "\ufeff" + FRONT + BODY
    assert Document(with_bom).front_matter.end == len("\ufeff" + FRONT)
    assert Document("\n" + FRONT + BODY).front_matter is None
    assert Document(" " + FRONT + BODY).front_matter is None


def test_a_title_written_as_a_markdown_heading_in_plain_text():
    doc = Document(f"# {TITLE}\n\n{BODY}", path="report.txt")
    assert doc.text[title_of(doc).start:title_of(doc).end] == TITLE
    assert rules_of(doc.text, "report.txt") == []


def test_a_quoted_note_above_the_title_is_read_past():
    text = f"> 本文由PDF自动转换,版式可能与原文不同。\n\n# {TITLE}\n\n{BODY}"
    doc = Document(text, path="report.md")
    assert doc.text[title_of(doc).start:title_of(doc).end] == TITLE
    assert rules_of(text, "report.md") == []


TABLE = ("| 项目 | 数量(件) | 说明 |\n"
         "| --- | --- | --- |\n"
         "| 一、收到行政复议申请数量 | 12 | 含上年结转 |\n"
         "| 二、办结数量 | 10 | 均在法定期限内办结,无一被纠错,群众满意 |\n")


@pytest.mark.parametrize("path", ["report.md", "report.txt"])
def test_a_table_header_repeated_for_every_table_is_normal(path):
    text = f"{TITLE}\n\n{BODY}\n{TABLE}\n全年情况见上表。\n\n{TABLE}\n"
    doc = Document(text, path=path)
    rows = {i for i, line in enumerate(text.split("\n"), start=1) if line.startswith("|")}
    assert doc.table_lines == rows
    # Rows are paragraphs of their own, never headings, never duplicated blocks.
    assert not any(h.line in rows for h in doc.headings)
    assert rules_of(text, path) == []


def test_the_same_table_row_is_no_duplicate_but_a_repeated_paragraph_still_is():
    para = "全年共办理行政复议案件12件,其中维持8件,撤销2件,确认违法1件,终止1件,均在法定期限内办结。"
    text = f"{TITLE}\n\n{para}\n\n{TABLE}\n{para}\n\n{TABLE}"
    (f,) = check_text(text, select=["duplicates"], path="report.md")
    assert f.rule == "duplicate-block" and text[f.start:f.end] == para
    assert f.start == text.rindex(para)


def test_pipes_in_one_line_are_no_table():
    text = "打印本页 | 关闭窗口\n全年办理案件12件。\n"
    assert Document(text).table_lines == frozenset()


def test_rows_joined_by_pipes_are_no_headings():
    # An HTML table converted to text: one row per line, cells joined by " | ".
    rows = ("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
            "一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 66 |\n"
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 2 |\n")
    text = f"一、总体情况\n全年主动公开信息120条。\n二、主动公开政府信息情况\n{rows}三、收到和处理政府信息公开申请情况\n"
    doc = Document(text)
    assert doc.table_lines == {4, 5, 6}
    assert [h.line for h in doc.headings] == [1, 3, 7]
    assert check_text(text, select=["headings"]) == []


def _as_pdf_text(text: str, width: int = 30, page_lines: int = 20) -> tuple:
    """The text as a PDF extraction gives it: every other paragraph hard-wrapped at
    ``width`` (a PDF wraps some blocks, not others), a page footer — N — and the running
    title after every ``page_lines`` lines.  Returns (text, the footers' excerpts)."""
    out, footers, page = [], [], 1
    for k, line in enumerate(text.split("\n")):
        pieces = [line[i:i + width] for i in range(0, len(line), width)] if k % 2 == 0 and line else [line]
        for piece in pieces:
            out.append(piece)
            if len(out) % (page_lines + 2) == page_lines:
                out += [f"— {page} —", "某县法治政府建设情况的报告"]
                footers.append(f"— {page} —\n某县法治政府建设情况的报告")
                page += 1
    return "\n".join(out), footers


def test_a_seed_extracted_from_a_pdf_gives_the_same_pair_findings_and_its_page_chrome():
    import os

    path = os.path.join(os.path.dirname(__file__), "..", "seeds", "pujiang-2023.txt")
    src = open(path, encoding="utf-8").read()
    text, footers = _as_pdf_text(src)
    assert len(footers) >= 2

    def pairs(t):
        return [(f.rule, t[f.start:f.end]) for f in check_text(t, select=["pairs"])]

    assert pairs(text) == pairs(src) and len(pairs(src)) == 5
    chrome = [text[f.start:f.end] for f in check_text(text, select=["web-residue"])]
    assert [c for c in chrome if c.startswith("— ")] == footers


def test_a_converted_pdf_with_tables_on_each_page():
    # Page numbers between the pages, a table on each page with the same header: the
    # numbers are chrome, the table's header is no running title.
    table = "| 项目 | 数量(件) |\n|---|---|\n"
    text = (f"# {TITLE}\n\n全年审查规范性文件32件,其中提出修改意见15件。\n\n- 2 -\n\n"
            f"{table}| 受理行政复议 | 45 |\n\n全年办理行政诉讼案件12件,无一败诉。\n\n- 3 -\n\n"
            f"{table}| 受理行政诉讼 | 12 |\n")
    got = [text[f.start:f.end] for f in check_text(text, select=["web-residue"], path="r.md")]
    assert got == ["- 2 -", "- 3 -"]
