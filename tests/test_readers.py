"""The published formats: .docx, .html and .pdf read into the seed's text, the seed's
findings at the right place in each file, the same table model from every source, and
bad inputs turned into clear errors.  Fixtures: tests/data/make_fixtures.py."""
import io
import json
import os
import subprocess
import sys
import time
import zipfile

import pytest

from reportlint import sources
from reportlint.document import Document, fold
from reportlint.readers import docx as docx_reader
from reportlint.readers import pdf as pdf_reader
from reportlint.readers import read
from reportlint.runner import Linter
from tests.helpers import linted

ROOT = os.path.join(os.path.dirname(__file__), "..")
DATA = os.path.join(os.path.dirname(__file__), "data", "formats")
SEED = os.path.join(ROOT, "seeds", "pujiang-2023.txt")
DOCX = os.path.join(DATA, "pujiang-2023.docx")
HTML = os.path.join(DATA, "pujiang-2023.html")
HTML_GB = os.path.join(DATA, "pujiang-2023.gb2312.html")
PDF = os.path.join(DATA, "tables.pdf")
# The seed's golden pairs findings (tests/test_seeds.py): (line, column) in the .txt.
PAIRS = [((12, 85), "unmatched-pair"), ((16, 343), "unmatched-pair"),
         ((16, 419), "unmatched-pair"), ((20, 157), "reversed-quotes"),
         ((20, 176), "unmatched-pair")]


def seed_lines() -> list:
    with open(SEED, encoding="utf-8") as f:
        return [line for line in f.read().splitlines() if line.strip()]


def load(path):
    return sources.load(path)


def lines_of(text: str) -> list:
    return [line for line in text.splitlines() if line.strip()]


# -- the text of each reader is the seed's ------------------------------------------

def test_docx_text_is_the_seed_with_words_numbering_rendered():
    source = load(DOCX)
    lines = lines_of(source.text)
    seed = seed_lines()
    # Word's 一、 and （一） come from numbering.xml; （一） restarts under each 一、.
    assert [fold(line) for line in lines[:len(seed)]] == seed
    assert lines[5] == "一、2023年推进法治政府建设的主要举措和成效"
    assert lines[6] == "（一）保持法治先行态势,实现依法治县新突破"
    assert "二、推进法治政府建设存在的不足" in lines
    assert lines[lines.index("二、推进法治政府建设存在的不足") + 1].startswith("（一）行政决策")
    # footnotes and comments are not text; the header and footer follow the body
    assert "脚注" not in source.text and "批注" not in source.text
    assert lines[-2:] == ["浦江县司法局", "浦江县人民政府办公室印发"]
    doc = Document(source.text, DOCX, source_map=source.source_map)
    assert doc.locate(source.text.index("浦江县司法局\n")).as_dict() == {"kind": "header",
                                                                     "header": 1}
    assert doc.locate(source.text.rindex("浦江县人民政府办公室印发")).kind == "footer"


@pytest.mark.parametrize("path", [HTML, HTML_GB])
def test_html_text_holds_the_seed_line_for_line(path):
    source = load(path)
    lines = lines_of(source.text)
    seed = seed_lines()
    first = lines.index(seed[0])
    assert lines[first:first + len(seed)] == seed
    # the chrome around it, no script, style or head
    assert lines[0] == "首页 | 政务公开 | 互动交流"
    assert "统计代码" not in source.text and "text-indent" not in source.text
    assert lines[-1] == "主办：浦江县人民政府办公室 网站标识码：3307260000"


def test_the_gb2312_page_is_read_by_its_meta_charset():
    with open(HTML_GB, "rb") as f:
        raw = f.read()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert load(HTML_GB).text == load(HTML).text
    assert load(HTML_GB).encoding == "gb18030"


def test_pdf_text_per_page_with_its_page_numbers():
    source = load(PDF)
    lines = lines_of(source.text)
    assert lines[0] == "浦江县司法局2023年度法治政府建设情况的报告"
    assert "— 1 —" in lines and lines[-1] == "— 2 —"
    doc = Document(source.text, PDF, source_map=source.source_map)
    assert doc.locate(source.text.index("— 2 —")).as_dict() == {"kind": "page", "page": 2,
                                                                "line": 7}


def test_kangxi_radicals_and_compatibility_ideographs_are_mapped_back():
    table = pdf_reader.ideograph_table()
    assert "⼀⺠⽇︰".translate(table) == "一民日︰"   # not a radical: left alone
    assert "\uf900".translate(table) == "豈"


# -- the seed's findings, at their place in each file ---------------------------------

@pytest.fixture(scope="module")
def linter():
    return Linter(use_config=False, select=["pairs"])


def test_golden_findings_on_the_docx_are_in_their_paragraphs(linter):
    r = linted(linter, DOCX)
    seed = seed_lines()
    with open(SEED, encoding="utf-8") as f:
        all_lines = f.read().splitlines()
    got = sorted((r.doc.locate(f.start).numbers, f.rule, r.doc.text[f.start]) for f in r.findings)
    want = sorted(((seed.index(all_lines[line - 1]) + 1,), rule, all_lines[line - 1][col - 1])
                  for (line, col), rule in PAIRS)
    assert got == want
    assert [n for (n,), _, _ in got] == [8, 10, 10, 12, 12]


@pytest.mark.parametrize("path", [HTML, HTML_GB])
def test_golden_findings_on_the_html_are_at_the_pages_line_and_column(linter, path):
    r = linted(linter, path)
    page = load(path)
    with open(path, "rb") as f:
        source_lines = f.read().decode(page.encoding).split("\n")
    with open(SEED, encoding="utf-8") as f:
        all_lines = f.read().splitlines()
    got = []
    for f in r.findings:
        loc = r.doc.locate(f.start)
        assert loc.kind == "html"
        line, col = loc.numbers
        got.append((line, f.rule))
        # the page has the finding's character at that line and column …
        assert source_lines[line - 1][col - 1] == r.doc.text[f.start]
    # … on the line of the seed's paragraph that holds it
    want = [(next(i for i, s in enumerate(source_lines, 1) if all_lines[line - 1][:20] in s), rule)
            for (line, _), rule in PAIRS]
    assert sorted(got) == sorted(want)


def test_text_formats_print_the_source_location(tmp_path, capsys):
    from reportlint.cli import main

    code = main(["--no-config", "--select", "reversed-quotes", "--format", "concise", DOCX, HTML,
                 PDF, SEED])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [f"{DOCX}: 第12段: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”",
                   f"{HTML}:23:160: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”",
                   f"{SEED}:20:157: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”"]
    main(["--no-config", "--select", "web-residue", "--format", "concise", "--lang", "en", PDF])
    out = capsys.readouterr().out
    assert f"{PDF}: page 1 line 5: warning web-residue" in out
    assert f"{PDF}: page 2 line 7: warning web-residue" in out


def test_json_adds_the_location_and_sarif_a_logical_location(capsys):
    from reportlint.cli import main

    main(["--no-config", "--select", "reversed-quotes", "--format", "json", DOCX, HTML])
    files = json.loads(capsys.readouterr().out)["files"]
    docx_finding, html_finding = files[0]["findings"][0], files[1]["findings"][0]
    assert docx_finding["location"] == {"kind": "paragraph", "paragraph": 12}
    assert html_finding["location"] == {"kind": "html", "line": 23, "column": 160}
    # line and column into the extracted text stay as they are
    assert (html_finding["line"], docx_finding["line"]) == (13, 12)
    main(["--no-config", "--select", "reversed-quotes", "--format", "sarif", DOCX, HTML])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert results[0]["locations"][0]["logicalLocations"][0]["name"] == "第12段"
    assert "region" not in results[0]["locations"][0]["physicalLocation"]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (23, 160)


def test_sarif_with_source_locations_is_valid(capsys):
    import jsonschema

    from reportlint.cli import main

    main(["--no-config", "--format", "sarif", DOCX, HTML, PDF])
    with open(os.path.join(ROOT, "tests", "data", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_stdin_filename_selects_the_reader(monkeypatch, capsys):
    from reportlint.cli import main

    with open(DOCX, "rb") as f:
        raw = f.read()
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(raw)})())
    code = main(["--no-config", "--select", "reversed-quotes", "--format", "concise",
                 "--stdin-filename", "draft.docx", "-"])
    assert code == 1
    assert capsys.readouterr().out.startswith("draft.docx: 第12段: error reversed-quotes")


# -- tables ---------------------------------------------------------------------------

def cells(table) -> list:
    return [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in table.cells]


MERGED = [("项目", 0, 0, 2, 1), ("审查", 0, 1, 1, 2), ("增长", 0, 3, 2, 1),
          ("2022年", 1, 1, 1, 1), ("2023年", 1, 2, 1, 1),
          ("行政复议", 2, 0, 2, 1), ("120", 2, 1, 1, 1), ("135", 2, 2, 1, 1), ("12.5%", 2, 3, 1, 1),
          ("96", 3, 1, 1, 1), ("104", 3, 2, 1, 1), ("8.3%", 3, 3, 1, 1),
          ("合法性审查", 4, 0, 1, 1), ("310", 4, 1, 1, 1), ("352", 4, 2, 1, 1), ("13.5%", 4, 3, 1, 1)]


@pytest.mark.parametrize("path", [DOCX, HTML, HTML_GB])
def test_merged_cells_come_out_once_cell_by_cell(path):
    source = load(path)
    doc = Document(source.text, path, source_map=source.source_map, tables=source.tables)
    (table,) = doc.tables
    assert cells(table) == MERGED
    assert (table.n_rows, table.n_cols, table.header_rows) == (5, 4, 2)
    for c in table.cells:     # each cell's span is its text in the linear text
        assert doc.text[c.start:c.end] == c.text
    # read by labels: the merged 行政复议 covers both of its rows
    assert table.at("行政复议", "2023年").text == "135"
    assert table.cell(3, 0).text == "行政复议"
    assert table.at("合法性审查", "增长").text == "13.5%"
    if path == DOCX:
        assert doc.locate(table.cell(4, 2).start).as_dict() == {
            "kind": "cell", "table": 1, "row": 5, "column": 3}


def test_markdown_pipe_tables_come_out_as_the_same_model():
    text = ("前言。\n\n| 项目 | 2022年 | 2023年 | 增长 |\n|---|---|---|---|\n"
            "| 行政复议 | 120 | 135 | 12.5% |\n| 合法性审查 | 310 | 352 | 13.5% |\n\n结语。\n")
    doc = Document(text, "a.md")
    (table,) = doc.tables
    assert cells(table) == [("项目", 0, 0, 1, 1), ("2022年", 0, 1, 1, 1), ("2023年", 0, 2, 1, 1),
                            ("增长", 0, 3, 1, 1), ("行政复议", 1, 0, 1, 1), ("120", 1, 1, 1, 1),
                            ("135", 1, 2, 1, 1), ("12.5%", 1, 3, 1, 1), ("合法性审查", 2, 0, 1, 1),
                            ("310", 2, 1, 1, 1), ("352", 2, 2, 1, 1), ("13.5%", 2, 3, 1, 1)]
    assert table.header_rows == 1 and table.source == "markdown"
    assert table.at("合法性审查", "2022年").text == "310"
    assert all(text[c.start:c.end] == c.text for c in table.cells)


def test_pdf_and_plain_text_tables_come_out_as_the_same_model():
    source = load(PDF)
    doc = Document(source.text, PDF, source_map=source.source_map, tables=source.tables)
    (table,) = doc.tables
    assert cells(table)[:8] == [("项目", 0, 0, 1, 1), ("2022年", 0, 1, 1, 1),
                                ("2023年", 0, 2, 1, 1), ("增长", 0, 3, 1, 1),
                                ("行政复议", 1, 0, 1, 1), ("120", 1, 1, 1, 1),
                                ("135", 1, 2, 1, 1), ("12.5%", 1, 3, 1, 1)]
    assert table.at("规范性文件", "2023年").text == "21" and table.header_rows == 1
    assert doc.locate(table.at("规范性文件", "增长").start).as_dict() == {
        "kind": "page", "page": 2, "line": 5}
    # the same rows in a text file
    text = "表1\n项目 2022年 2023年 增长\n行政复议 120 135 12.5%\n合法性审查 310 352 13.5%\n"
    (plain,) = Document(text, "a.txt").tables
    assert cells(plain) == cells(table)[:12]


def test_prose_with_numbers_is_no_table():
    assert Document("全年收案 120 件,结案 110 件。\n同比增长 12 个百分点。\n", "a.txt").tables == []


# -- fixes ---------------------------------------------------------------------------

PAGE = ('<html><head><meta charset="utf-8"><title>t</title></head><body>\n'
        "<p>坚持发展”枫桥式“经验。</p>\n<p>坚持&ldquo;枫桥经验&rdquo;与”枫&#26725;式“做法。</p>\n"
        "</body></html>\n")


def test_fix_writes_into_the_page_only_what_it_spells_out(tmp_path, capsys):
    from reportlint.cli import main

    page = tmp_path / "a.html"
    page.write_bytes(PAGE.encode("utf-8"))
    main(["--no-config", "--fix", "--select", "reversed-quotes", str(page)])
    fixed = page.read_bytes().decode("utf-8")
    # the first is spelled out in the page: fixed there, the markup around it untouched
    assert fixed == PAGE.replace("”枫桥式“经验", "“枫桥式”经验")
    # the second holds a character reference: left for the writer, still reported
    out = capsys.readouterr().out
    assert "a.html:3:" in out and "reversed-quotes" in out


def test_fix_on_a_docx_lints_and_says_it_writes_nothing(tmp_path, capsys):
    from reportlint.cli import main

    copy = tmp_path / "a.docx"
    with open(DOCX, "rb") as f:
        raw = f.read()
    copy.write_bytes(raw)
    code = main(["--no-config", "--fix", "--lang", "en", "--select", "reversed-quotes",
                 str(copy)])
    captured = capsys.readouterr()
    assert code == 1 and copy.read_bytes() == raw
    # A notice closes the text report, as every notice of the run does.
    assert f"{copy}: note: fixes are not written to .docx files: linted only" in captured.out
    assert "paragraph 12" in captured.out


# -- bad input ----------------------------------------------------------------------

def error_of(path, raw: bytes, max_bytes: int = sources.DEFAULT_MAX_BYTES) -> str:
    with pytest.raises(sources.SourceError) as e:
        sources.load(path, raw=raw, max_bytes=max_bytes)
    return str(e.value)


def test_corrupt_docx_doc_renamed_and_encrypted_docx():
    with open(DOCX, "rb") as f:
        raw = f.read()
    assert "not a zip archive" in error_of("a.docx", raw[:len(raw) // 2])
    assert "not a zip archive" in error_of("a.docx", b"just text, not a docx")
    ole = docx_reader.OLE_MAGIC + b"\0" * 600
    assert ".doc, not a .docx" in error_of("a.docx", ole)
    assert "encrypted .docx" in error_of("a.docx", ole + "EncryptionInfo".encode("utf-16-le"))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    assert "not well-formed XML" in error_of("a.docx", broken.getvalue())
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("other.xml", "<x/>")
    assert "word/document.xml is missing" in error_of("a.docx", empty.getvalue())


def test_a_docx_that_declares_entities_is_refused():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    assert "DOCTYPE" in error_of("a.docx", bomb.getvalue())


def test_a_zip_bomb_stops_at_the_bound():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (64 * 1024 * 1024) + b"/>")
    raw = bomb.getvalue()
    assert len(raw) < 200 * 1024
    start = time.perf_counter()
    assert "zip bomb" in error_of("a.docx", raw, max_bytes=1024 * 1024)
    assert time.perf_counter() - start < 5


def test_corrupt_and_encrypted_pdf():
    with open(PDF, "rb") as f:
        raw = f.read()
    assert "damaged PDF" in error_of("a.pdf", raw[:len(raw) // 3])
    assert "not a PDF" in error_of("a.pdf", b"<html>not a pdf</html>")
    with open(os.path.join(DATA, "encrypted.pdf"), "rb") as f:
        assert "encrypted PDF" in error_of("a.pdf", f.read())


def test_without_the_extra_a_pdf_says_how_to_install_it(monkeypatch, capsys):
    from reportlint.cli import main

    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    code = main(["--no-config", "--lang", "en", PDF])
    assert code == 2
    out = capsys.readouterr().out
    assert f"{PDF}: error: reading .pdf files needs the pdf extra: pip install 'reportlint[pdf]'" \
        in out


def test_a_pdf_of_500_pages_is_read_in_bounded_time():
    import pypdfium2 as pdfium

    with open(PDF, "rb") as f:
        src = pdfium.PdfDocument(f.read())
    big = pdfium.PdfDocument.new()
    big.import_pages(src, list(range(len(src))) * 250)
    out = io.BytesIO()
    big.save(out)
    start = time.perf_counter()
    reading = read("pdf", out.getvalue(), None, sources.DEFAULT_MAX_BYTES)
    assert time.perf_counter() - start < 30
    assert reading.source_map.locate(len(reading.text) - 1).numbers[0] == 500
    assert len(reading.tables) == 250


def test_a_pdf_whose_text_is_over_the_limit_is_an_error():
    from reportlint.readers.base import ReadError

    with open(PDF, "rb") as f, pytest.raises(ReadError, match="larger than"):
        read("pdf", f.read(), None, 100)


def test_an_html_page_over_the_size_limit_is_refused_and_a_big_one_read_in_time():
    paragraph = "<p>2023年,浦江县司法局深入贯彻落实习近平法治思想&nbsp;以县委县政府中心工作为重点。</p>\n"
    big = ("<html><body>" + paragraph * (21_000_000 // len(paragraph.encode()))).encode("utf-8")
    start = time.perf_counter()
    assert "too large" in error_of("a.html", big)       # the 20 MiB default
    assert time.perf_counter() - start < 1
    # The reader is linear: a quarter of the limit (the whole limit takes a minute on a slow
    # machine, too long for the suite) is read in bounded time.
    raw = big[:5_000_000]
    start = time.perf_counter()
    reading = read("html", raw, None, sources.DEFAULT_MAX_BYTES)
    assert time.perf_counter() - start < 30
    assert reading.text.count("\n") > 35_000


def test_cold_start_on_a_text_file_imports_no_reader():
    code = ("import sys\nfrom reportlint.cli import main\n"
            "main(['--no-config', '--format', 'concise', sys.argv[1]])\n"
            "print(sorted(m for m in sys.modules if m.startswith('reportlint.readers.')"
            " or m in ('reportlint.location', 'zipfile', 'html.parser', 'pypdfium2')))")
    done = subprocess.run([sys.executable, "-c", code, SEED], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.stdout.splitlines()[-1] == "[]"
