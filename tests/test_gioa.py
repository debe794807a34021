"""政府信息公开工作年度报告: its tables read from every layout, the identities of the format,
the text against the tables, the count of parts.  Fixtures: tests/data/gioa/
(make_gioa_fixtures.py) and the real excerpts in tests/data/gioa/samples/."""
import os

import pytest

from reportlint import check_file, check_text, sources
from reportlint.document import Document
from reportlint.engine import ActiveRule, run_rules
from reportlint.rules import gioa
from reportlint.rules.gioa_tables import gioa_tables

DATA = os.path.join(os.path.dirname(__file__), "data", "gioa")
SAMPLES = os.path.join(DATA, "samples")
ROOT = os.path.join(os.path.dirname(__file__), "..")
LAYOUTS = ["suqian-2023.docx", "suqian-2023.html", "suqian-2023.md", "suqian-2023.cells.txt",
           "suqian-2023.rows.txt"]
RULES = gioa.reportlint_rules()


def sample(name):
    return os.path.join(SAMPLES, name)


def gioa_findings(path):
    return [f for f in check_file(path) if f.category == "gioa"]


def document(path):
    s = sources.load(path)
    return Document(s.text, path, source_map=s.source_map, tables=s.tables)


def run_gioa(text, path="<text>"):
    doc = Document(text, path)
    findings, errors = run_rules(doc, [ActiveRule(r, r.severity, dict(r.options)) for r in RULES], [])
    assert not errors
    return findings


# -- the samples: the known errors, and silence on every balanced table ---------------------

def test_shanghai_2019_excerpt_leaves_the_total_blank():
    (f,) = gioa_findings(sample("01-html-source_shanghai-2019.html"))
    assert f.rule == "gioa-blank-total"
    assert "272" in f.zh and "（一）予以公开·总计为空白" in f.zh


def test_the_district_bureau_says_six_parts_and_names_five():
    (f,) = gioa_findings(sample("03-cell-per-line-trailing-pipe_tongjiju-2023.txt"))
    assert f.rule == "gioa-part-count" and f.severity == "warning"
    assert f.zh.startswith("称由六部分组成，却列出5部分：总体情况、")


@pytest.mark.parametrize("name", [
    "02-cell-per-line-with-pipe_xjnlk-2023.txt", "04-cell-per-line-blank-lines_ningshan-2024.txt",
    "05-row-per-line-pipes_longgang-2024.txt", "06-row-per-line-pipes-blank-cells_xuwen-2023.txt",
    "08-pdf-text-vertical-headers_2020-shenji-page9.txt",
    "09-pdf-text-split-headers_2022-wendeng-xinfang-page8.txt",
    "10-pdf-pymupdf-one-cell-per-line_suqian-2023.txt", "11-pdf-pypdfium2-row-per-line_suqian-2023.txt"])
def test_balanced_samples_give_no_gioa_finding_and_are_read(name):
    assert gioa_findings(sample(name)) == []
    tables = gioa_tables(document(sample(name)))
    assert tables.t3 or tables.t4
    assert all(t.unreadable is None for t in tables.t3)
    assert all(t.cells is not None for t in tables.t4)


def test_each_layout_reads_the_same_numbers():
    rows = {
        "05-row-per-line-pipes_longgang-2024.txt": ("new", [58, 7, 0, 0, 1, 0, 66]),
        "06-row-per-line-pipes-blank-cells_xuwen-2023.txt": ("new", [0, None, None, None, None, None, 0]),
        "10-pdf-pymupdf-one-cell-per-line_suqian-2023.txt": ("deny2", [27, 0, 0, 0, 0, 0, 27]),
        "11-pdf-pypdfium2-row-per-line_suqian-2023.txt": ("deny2", [27, 0, 0, 0, 0, 0, 27]),
        "03-cell-per-line-trailing-pipe_tongjiju-2023.txt": ("carry_in", [None] * 6 + [0]),
    }
    for name, (key, want) in rows.items():
        (t,) = gioa_tables(document(sample(name))).t3[:1]
        assert [c.number for c in t.rows[key].cells] == want, name
    # PyMuPDF and pypdfium2 give both years of 宿迁: two tables, twelve rows each
    for name in ("10-pdf-pymupdf-one-cell-per-line_suqian-2023.txt",
                 "11-pdf-pypdfium2-row-per-line_suqian-2023.txt"):
        t23, t24 = gioa_tables(document(sample(name))).t3
        assert len(t23.rows) == len(t24.rows) == 12
        assert t24.rows["new"].cells[-1].number == 3525


@pytest.mark.parametrize("name", ["12-pdf-pdfminer-two-columns-merged-kangxi_suqian-2023.txt",
                                  "13-pdf-pdfplumber-row-per-line-kangxi_suqian-2023-2024.txt"])
def test_glued_digits_and_merged_tables_are_reported_unreadable_never_guessed(name):
    found = gioa_findings(sample(name))
    assert found and {f.rule for f in found} == {"gioa-table-unreadable"}
    assert {f.severity for f in found} == {"info"}


def test_the_city_bureau_says_two_requests_where_its_table_says_three():
    with open(sample("07-markdown-like_changchun-2023.txt"), encoding="utf-8") as f:
        table = "".join(line for line in f if not line.startswith("#"))
    text = "某局2023年政府信息公开工作年度报告\n本年度，共受理政府信息公开申请2件。\n" + table
    (f,) = [f for f in check_text(text) if f.category == "gioa"]
    assert f.rule == "gioa-text-table" and f.severity == "warning"
    assert f.zh == "正文称“共受理政府信息公开申请2件”，而表三一、本年新收（或加上二、上年结转）为3件"
    assert text[f.start:f.end] == "本年度，共受理政府信息公开申请2件"


def test_shanghai_2019_blank_totals_and_text_against_its_table():
    found = gioa_findings(os.path.join(DATA, "shanghai-2019.html"))
    blanks = [f for f in found if f.rule == "gioa-blank-total"]
    assert len(blanks) == 11 and all(f.severity == "error" for f in blanks)
    texts = [f.zh for f in found if f.rule == "gioa-text-table"]
    assert texts == ["正文称“予以公开及部分公开258件”，而表三予以公开与部分公开之和为275件",
                     "正文称占33.9%，而表三予以公开与部分公开之和275件占（七）总计805件的34.2%",
                     "正文称“无法提供265件”，而表三（四）无法提供之和为337件"]
    # T3-a, T3-c (in the columns with no blank total) and T4-a hold
    assert {f.rule for f in found} == {"gioa-blank-total", "gioa-text-table"}


# -- the balanced report in every layout ----------------------------------------------------

@pytest.mark.parametrize("name", LAYOUTS)
def test_a_balanced_report_is_read_whole_and_silent_in_every_layout(name):
    path = os.path.join(DATA, name)
    doc = document(path)
    (t3,) = gioa_tables(doc).t3
    (t4,) = gioa_tables(doc).t4
    assert len(t3.rows) == 25 and t3.format == "2021" and t3.unreadable is None
    assert [c.number for c in t4.cells] == [309, 17, 88, 26, 440, 1, 1, 16, 6, 24, 13, 0, 67, 9, 89]
    assert gioa_findings(path) == []


@pytest.mark.parametrize("name", LAYOUTS)
def test_changing_any_number_is_found_at_a_cell_of_the_broken_identity(name):
    doc = document(os.path.join(DATA, name))
    text = doc.text
    tables = gioa_tables(doc)
    cells = [c for row in tables.t3[0].rows.values() for c in row.cells] + tables.t4[0].cells
    assert len(cells) == 25 * 7 + 15
    for cell in cells:
        assert cell.number is not None
        last = cell.end - 1
        changed = text[:last] + str((int(text[last]) + 1) % 10) + text[last + 1:]
        found = run_gioa(changed)
        spans = {(f.start, f.end) for f in found} | {(r.start, r.end) for f in found for r in f.related}
        assert (cell.start, cell.end) in spans, (name, cell)
        assert all(f.rule != "gioa-table-unreadable" for f in found)


def test_a_docx_finding_names_its_table_row_and_column(tmp_path, capsys):
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "data"))
    import make_gioa_fixtures as m
    t3 = dict(m.SUQIAN_T3, new=[3402, 99, 0, 4, 5, 1, 3512])
    monkey_out = str(tmp_path)
    old = m.OUT
    m.OUT = monkey_out
    try:
        m.write_docx("broken.docx", m.ROWS_2021, t3, m.SUQIAN_T4, m.SUQIAN_INTRO, m.SUQIAN_MIDDLE,
                     m.SUQIAN_END)
    finally:
        m.OUT = old
    from reportlint.cli import main
    main(["--select", "gioa", "--lang", "en", os.path.join(monkey_out, "broken.docx")])
    out = capsys.readouterr().out
    assert "broken.docx: table 1 row 4 column 10: error gioa-row-total" in out


# -- rules on small texts ---------------------------------------------------------------------

HEAD = "某局2023年政府信息公开工作年度报告\n"


def test_a_slash_where_a_count_is_due_is_a_warning():
    text = HEAD + "| 一、本年新收政府信息公开申请数量 | 3 | / | 0 | 0 | 0 | 0 | 3 |\n" \
                  "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    (f,) = run_gioa(text)
    assert f.rule == "gioa-blank-total" and f.severity == "warning" and text[f.start:f.end] == "/"


def test_a_share_is_compared_at_its_own_precision():
    table = ("一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n（一）予以公开 1 0 0 0 0 0 1\n"
             "（七）总计 3 0 0 0 0 0 3\n")
    assert run_gioa(HEAD + "予以公开1件，占33.3%。\n" + table) == []
    assert run_gioa(HEAD + "予以公开1件，占33%。\n" + table) == []
    (f,) = run_gioa(HEAD + "予以公开1件，占35%。\n" + table)
    assert f.zh == "正文称占35%，而表三（一）予以公开1件占（七）总计3件的33%"


def test_two_tables_side_by_side_are_not_compared_with_the_text():
    doc_text = open(sample("11-pdf-pypdfium2-row-per-line_suqian-2023.txt"), encoding="utf-8").read()
    assert run_gioa("本年新收政府信息公开申请1件。\n" + doc_text) == []


def test_a_sentence_naming_the_review_columns_is_no_table():
    text = HEAD + "未出现被申请行政复议、未经复议直接起诉或复议后起诉的情况，全年共办理各类事项120件。\n2 3 4\n"
    assert run_gioa(text) == []


def test_the_part_count_is_checked_only_in_a_gioa_paragraph():
    assert run_gioa("本方案由目标、任务等三部分组成。") == []


def test_the_profile_requires_the_six_parts():
    text = HEAD + "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n"
    found = [f for f in check_text(text, select=["missing-section"])]
    assert len(found) == 4
    assert any("收到和处理政府信息公开申请情况" in f.zh for f in found)


def test_seeds_give_no_gioa_finding():
    seeds = os.path.join(ROOT, "seeds")
    for name in sorted(os.listdir(seeds)):
        path = os.path.join(seeds, name)
        if os.path.isfile(path):
            assert [f for f in check_file(path) if f.category == "gioa"] == [], name


@pytest.mark.parametrize("piece", [3, 7, 1 << 20])
def test_compact_text_maps_each_character_back_to_the_text(monkeypatch, piece):
    """The compact text and its offsets, also where a piece ends inside a token."""
    from reportlint.rules import gioa_tables as gt

    monkeypatch.setattr(gt, "COMPACT_PIECE", piece)
    text = "  一、本年新收\n政府 信息\u3000公开申请数量  58 7\n\n0  "
    compact, offsets = gt._compact(text)
    every = [i for i, ch in enumerate(text) if not ch.isspace()]
    assert compact == "".join(text.split())
    assert [offsets[i] for i in range(len(compact))] == every
    for at in range(len(text) + 1):  # the first character of the compact text at or after
        assert offsets.index_at(at) == next((k for k, o in enumerate(every) if o >= at), len(every))


def test_a_report_that_never_says_the_cue_costs_the_gioa_rules_one_look(monkeypatch):
    """Most documents hold no GIOA table: the rules say nothing about them without
    reading the format or naming a single identity."""
    def unread():
        raise AssertionError("the GIOA format was read")

    monkeypatch.setattr(gioa, "gioa_format", unread)
    doc = Document("某县2023年法治政府建设年度报告\n全年共受理行政复议案件12件，均在法定期限内办结。\n",
                   path="x.txt")
    active = [ActiveRule(rule, rule.severity, dict(rule.options)) for rule in RULES]
    assert run_rules(doc, active, timeout=0) == ([], [])


def test_the_cue_state_is_told_once_per_document_from_the_whole_text():
    """What the eight rules may find: nothing without 政府信息 (信息 alone is not it, nor
    a cut 政府信), the part count with it, the tables only where one is named."""
    from reportlint.rules.gioa_format import CUE_ONLY, MAY_HOLD, NO_CUE, cue_state

    for text, state in [("今年以来,我们坚持依法行政。", NO_CUE), ("推进信息公开,政府信。", NO_CUE),
                        ("政府信息公开工作有序推进。", CUE_ONLY),
                        ("收到申请。\n本机关政府信息", CUE_ONLY),
                        (gioa.EXAMPLE_HEAD + "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n", MAY_HOLD)]:
        assert cue_state(Document(text)) == state, text
