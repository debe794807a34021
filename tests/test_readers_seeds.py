"""Every seed as a Word draft, a saved web page and a PDF (tests/data/make_fixtures.py): the
reader's text is the seed's where the content is the same, every golden finding of the
.txt (tests/test_seeds.py) comes out of each with the same rule and excerpt at its place
in the file, and suppression comments in a page work line by line."""
import os
import re
import zipfile
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

import pytest

from reportlint import sources
from reportlint.document import fold
from reportlint.runner import Linter
from tests.helpers import linted

ROOT = os.path.join(os.path.dirname(__file__), "..")
SEEDS = os.path.join(ROOT, "seeds")
DATA = os.path.join(os.path.dirname(__file__), "data", "formats")
NAMES = ["hongqi-2021", "nanhu-2023", "pujiang-2023", "qinzhou-2023", "shengsi-2022"]
CASES = [(name, fmt) for name in NAMES for fmt in ("docx", "html")]
# pujiang-2023's fixtures also hold a table (and, in the .docx, a header and a footer)
# after the seed's text; tests/test_readers.py reads them.
FEATURED = "pujiang-2023"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The number of a heading, which the .docx holds in numbering.xml, not in the paragraph.
HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")

# The page's chrome, which the .txt does not have: the site's menu above the article
# and its footer below.  It is all that differs (in a .docx nothing does):
MENU = "首页 | 政务公开 | 互动交流"
# - web-residue findings on the chrome alone (pujiang's footer holds the site's
#   identifier code, 网站标识码, which makes it chrome by itself; the other footers are
#   chrome only beside other chrome);
CHROME_FINDINGS = {
    "hongqi-2021": [MENU], "nanhu-2023": [MENU], "qinzhou-2023": [MENU], "shengsi-2022": [],
    "pujiang-2023": ["主办:浦江县人民政府办公室 网站标识码:3307260000"],
}
# - the seed's own residue at the top or the bottom touches the chrome and is one block
#   with it: the page's excerpt is the .txt's (named by its first line) with the menu
#   above it or the footer below it.
JOINED = {
    ("pujiang-2023", "当前位置: 首页"): "menu",
    ("shengsi-2022", "索引号 11330922090963010M/2022-29756"): "menu",
    ("nanhu-2023", ("南委〔2024〕12号中共南湖区委南湖区人民政府关于2023年度南湖区法治政府建设工作的"
                    "报告.pdf")): "footer",
    ("qinzhou-2023", "文件下载:"): "footer",
    ("shengsi-2022", "嵊政办发〔2022〕70号.pdf"): "footer",
}


def path_of(name: str, fmt: str) -> str:
    return os.path.join(DATA, f"{name}.{fmt}")


def seed_text(name: str) -> str:
    with open(os.path.join(SEEDS, name + ".txt"), encoding="utf-8") as f:
        return f.read()


def content_lines(text: str, fmt: str) -> list:
    """The non-blank lines of ``text`` as the two sides compare: trimmed (a Word paragraph
    and a page's block lose the spaces around them), full-width forms folded (Word shows
    the numbering （一） in full width) and, in a page, each run of white space one space,
    as a browser shows it."""
    out = []
    for line in text.splitlines():
        line = fold(line).strip()
        if fmt == "html":
            line = " ".join(line.split())
        if line:
            out.append(line)
    return out


@pytest.fixture(scope="module")
def linter():
    return Linter(use_config=False)


@pytest.fixture(scope="module")
def seeds(linter):
    return {name: linted(linter, os.path.join(SEEDS, name + ".txt")) for name in NAMES}


# -- the text ---------------------------------------------------------------------------

@pytest.mark.parametrize("name,fmt", CASES)
def test_the_readers_text_is_the_seeds(name, fmt):
    lines = content_lines(sources.load(path_of(name, fmt)).text, fmt)
    seed = content_lines(seed_text(name), fmt)
    if fmt == "html":
        assert lines[0] == MENU and lines[-1].startswith("主办:")
        lines = lines[1:-1]
    if name == FEATURED:
        lines = lines[:len(seed)]
    assert lines == seed


def test_a_heading_word_would_not_number_next_restarts_its_list():
    # hongqi-2021 pastes its first part again: Word shows the second 一、 only when its
    # list restarts there, which the fixture does, so heading-sequence still sees it.
    lines = content_lines(sources.load(path_of("hongqi-2021", "docx")).text, "docx")
    assert [line[:2] for line in lines if line[1] == "、"] == ["一、", "二、", "一、", "二、"]
    with zipfile.ZipFile(path_of("hongqi-2021", "docx")) as z:
        assert b"<w:startOverride" in z.read("word/numbering.xml")


# -- the findings, at their place in the file ----------------------------------------------

def docx_paragraphs(path: str) -> list:
    """The text of the body's non-empty paragraphs as document.xml holds it, counted as
    the reader counts them (第N段), without Word's numbering."""
    with zipfile.ZipFile(path) as z:
        body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    texts = ("".join(t.text or "" for t in p.iter(W + "t")) for p in body.findall(W + "p"))
    return [t for t in texts if t.strip()]


class Places:
    """Where a place of the seed (line, column) is in its .docx or page, found in the file
    itself: the paragraph that holds the seed's line, or the page's line and column."""

    def __init__(self, name: str, fmt: str):
        self.fmt, path = fmt, path_of(name, fmt)
        self.seed = seed_text(name).splitlines()
        if fmt == "docx":
            self.paragraphs = docx_paragraphs(path)
            return
        with open(path, "rb") as f:
            self.page = f.read().decode(sources.load(path).encoding).split("\n")
        # Each non-blank line of the seed is a block of its own in the article, in order
        # (a line the seed repeats is found again further down; the title in the page's
        # head is not the article's).
        self.page_line = {}
        at = next(i for i, line in enumerate(self.page) if 'class="article"' in line)
        for number, line in enumerate(self.seed, 1):
            if line.strip():
                at = next(i for i in range(at, len(self.page))
                          if f">{escape(line)}</" in self.page[i]) + 1
                self.page_line[number] = at

    def __call__(self, line: int, col: int) -> dict:
        text = self.seed[line - 1]
        if self.fmt == "docx":
            n = sum(1 for s in self.seed[:line] if s.strip())
            assert self.paragraphs[n - 1].strip() == HEADING_NUMBER.sub("", text.strip())
            return {"kind": "paragraph", "paragraph": n}
        page_line = self.page_line[line]
        block = self.page[page_line - 1].index(f">{escape(text)}</") + 1
        return {"kind": "html", "line": page_line,
                "column": block + len(escape(text[:col - 1])) + 1}


def excerpt_lines(result, start: int, end: int, fmt: str) -> list:
    return content_lines(result.doc.text[start:end], fmt)


def first(result, finding, skip) -> int:
    """Where the .txt's first character is in ``finding``: its start, or past the menu's
    line when the menu joined it (``skip`` is the .txt excerpt's first word)."""
    return finding.start if skip is None else result.doc.folded.index(skip, finding.start)


@pytest.mark.parametrize("name,fmt", CASES)
def test_every_finding_of_the_seed_is_at_its_place_in_the_file(seeds, linter, name, fmt):
    txt, r = seeds[name], linted(linter, path_of(name, fmt))
    places = Places(name, fmt)
    left = list(r.findings)
    assert len(txt.findings) >= 3
    for f in txt.findings:
        line, col = txt.doc.position(f.start)
        want = excerpt_lines(txt, f.start, f.end, fmt)
        joined = JOINED.get((name, txt.doc.line_text(line).strip())) if fmt == "html" else None
        if joined == "menu":
            want = [MENU] + want
        elif joined == "footer":
            want = want + content_lines(r.doc.text, fmt)[-1:]
        place = places(line, col)
        skip = want[1].split()[0] if joined == "menu" else None
        found = [g for g in left if g.rule == f.rule and excerpt_lines(r, g.start, g.end, fmt)
                 == want and r.doc.locate(first(r, g, skip)).as_dict() == place]
        assert found, (f.rule, line, col, want[:2], place)
        g = found[0]
        left.remove(g)
        assert fold(r.doc.text[first(r, g, skip)]) == fold(txt.doc.text[f.start])
        if fmt == "html":    # the page holds the finding's first character where it says
            for at in (g.start, first(r, g, skip)):
                page_line, column = r.doc.locate(at).numbers
                assert places.page[page_line - 1][column - 1] == r.doc.text[at]
        # the spans that explain it (the original of a copy …): the same, at their place
        assert len(g.related) == len(f.related)
        for a, b in zip(f.related, g.related):
            assert excerpt_lines(r, b.start, b.end, fmt) == excerpt_lines(txt, a.start, a.end, fmt)
            assert r.doc.locate(b.start).as_dict() == places(*txt.doc.position(a.start))
    # What the format adds: findings of the page's chrome only.
    extra = [(g.rule, excerpt_lines(r, g.start, g.end, fmt)) for g in left]
    want_extra = CHROME_FINDINGS[name] if fmt == "html" else []
    assert sorted(extra) == sorted(("web-residue", [e]) for e in want_extra)


# -- suppression comments in a page ---------------------------------------------------------

def findings_of_page(linter, tmp_path, lines: list) -> list:
    page = tmp_path / "page.html"
    page.write_text("\n".join(lines), encoding="utf-8")
    r = linted(linter, str(page))
    return sorted((g.rule, *r.doc.locate(g.start).numbers) for g in r.findings
                  if g.category == "pairs")


def test_a_comment_silences_the_next_line_of_the_page_only(linter, tmp_path):
    with open(path_of(FEATURED, "html"), encoding="utf-8") as f:
        page = f.read().split("\n")
    # Page line 23 holds the seed's line 20: ”枫桥式“ reversed, and a stray ” after it.
    at = next(i for i, line in enumerate(page) if "”枫桥式“" in line)
    before = findings_of_page(linter, tmp_path, page)
    assert [(rule, line) for rule, line, _ in before if line == at + 1] == [
        ("reversed-quotes", at + 1), ("unmatched-pair", at + 1)]

    def with_comment(where: int, names: str) -> list:
        lines = page[:where] + [f"<!-- reportlint-disable-next-line {names}-->"] + page[where:]
        # the page's lines from the comment on move one down; count them as before
        return sorted((rule, line - (line > where + 1), col) for rule, line, col in
                      findings_of_page(linter, tmp_path, lines))

    assert with_comment(at, "reversed-quotes ") == [
        f for f in before if f[0] != "reversed-quotes"]
    assert with_comment(at, "") == [f for f in before if f[1] != at + 1]
    # another rule's name, or a comment a line further up, silences nothing
    assert with_comment(at, "web-residue ") == before
    assert with_comment(at - 1, "") == before


# -- the seeds as PDF files ------------------------------------------------------------------
# Each seed's paragraphs are wrapped at the page's width, and each page has its number at
# the foot (— 1 —): one line of the .txt is several lines of the PDF.  The two sides
# compare without white space, so a wrap does not count, and the page numbers are left
# out of the text; web-residue reports every one of them as page chrome.

PAGE_NUMBER = re.compile(r"— \d+ —")
# The findings that differ between the .txt and the .pdf, named by (the side that has
# it, the rule, the excerpt's first 20 characters without white space).  None is the
# reader's: its text is the seed's (test_the_pdf_readers_text_is_the_seeds).
# - The seed's residue at the foot of a page touches the page number and is one block
#   with it (as a page's footer is, JOINED above): the same finding, with — N — added.
# - A paragraph that runs across a page has the page number among its lines: it is
#   chrome, so a copied block or a pair across it compares without it (excerpt_text).
# - A missing title covers the first line, and a PDF's first line is the first 42
#   characters of the .txt's: the same finding over a shorter excerpt.
FOOT, FIRST_LINE = "foot", "first line"
PDF_DIFFERENCES = {
    "hongqi-2021": [],
    "nanhu-2023": [
        ("txt", "web-residue", "南委〔2024〕12号中共南湖区委南湖区", FOOT),
        ("pdf", "web-residue", "南委〔2024〕12号中共南湖区委南湖区", FOOT),
    ],
    "pujiang-2023": [],
    "qinzhou-2023": [
        ("txt", "missing-title", "2023年,钦州市委、市人民政府坚持以习", FIRST_LINE),
        ("pdf", "missing-title", "2023年,钦州市委、市人民政府坚持以习", FIRST_LINE),
        ("txt", "web-residue", "文件下载:关联文件:", FOOT),
        ("pdf", "web-residue", "文件下载:关联文件:—2—", FOOT),
    ],
    "shengsi-2022": [
        ("txt", "web-residue", "访问次数:字体大小:", FOOT),
        ("pdf", "web-residue", "访问次数:字体大小:—1—", FOOT),
        ("txt", "web-residue", "嵊政办发〔2022〕70号.pdf", FOOT),
        ("pdf", "web-residue", "嵊政办发〔2022〕70号.pdf—7—", FOOT),
    ],
}


def squeezed(text: str) -> str:
    return "".join(text.split())


def excerpt_text(text: str, rule: str) -> str:
    """An excerpt as the two sides compare: squeezed, and without the page numbers that a
    copied block or a paragraph running across a page holds (chrome, web-residue's)."""
    return squeezed(text if rule == "web-residue" else PAGE_NUMBER.sub("", text))


def pdf_pages(path: str) -> list:
    """pypdfium2's own text of each page: its non-blank lines, trimmed, as the reader
    counts them (第P页第L行)."""
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(path)
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            lines = textpage.get_text_range().replace("\r\n", "\n").split("\n")
            pages.append([line.strip() for line in lines if line.strip()])
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


class PdfPlaces:
    """Where the k-th non-white character of the seed is in the PDF: (page, line), found
    in pypdfium2's text of the pages, past the page numbers."""

    def __init__(self, name: str):
        self.pages = pdf_pages(path_of(name, "pdf"))
        self.places = [(p, n) for p, lines in enumerate(self.pages, 1)
                       for n, line in enumerate(lines, 1) if not PAGE_NUMBER.fullmatch(line)
                       for _ in squeezed(line)]

    def __call__(self, seed: str, offset: int) -> dict:
        k = len(squeezed(seed[:offset]))
        page, line = self.places[k]
        assert seed[offset] in self.pages[page - 1][line - 1]
        return {"kind": "page", "page": page, "line": line}


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_readers_text_is_the_seeds(name):
    lines = content_lines(sources.load(path_of(name, "pdf")).text, "pdf")
    numbers = [line for line in lines if PAGE_NUMBER.fullmatch(line)]
    assert numbers == [f"— {n} —" for n in range(1, len(pdf_pages(path_of(name, "pdf"))) + 1)]
    assert squeezed("".join(line for line in lines if line not in numbers)) == \
        squeezed(seed_text(name))


@pytest.mark.parametrize("name", NAMES)
def test_every_finding_of_the_seed_is_at_its_place_in_the_pdf(seeds, linter, name):
    txt, r = seeds[name], linted(linter, path_of(name, "pdf"))
    seed, places = txt.doc.text, PdfPlaces(name)
    left = list(r.findings)
    differ = []
    for f in txt.findings:
        start = f.start + len(seed[f.start:f.end]) - len(seed[f.start:f.end].lstrip())
        place = places(seed, start)
        found = [g for g in left if g.rule == f.rule
                 and excerpt_text(r.doc.text[g.start:g.end], g.rule) == squeezed(seed[f.start:f.end])
                 and r.doc.locate(g.start).as_dict() == place]
        if not found:
            differ.append(("txt", f.rule, squeezed(seed[f.start:f.end])[:20]))
            continue
        left.remove(found[0])
        assert r.doc.text[found[0].start] == seed[start]
        for a, b in zip(f.related, found[0].related, strict=True):
            assert excerpt_text(r.doc.text[b.start:b.end], f.rule) == squeezed(seed[a.start:a.end])
            assert r.doc.locate(b.start).as_dict() == places(seed, a.start)
    # What the format adds: each page's number, page chrome, alone or with the residue
    # just above it (FOOT).
    numbers = [PAGE_NUMBER.search(r.doc.text, g.start, g.end) for g in r.findings
               if g.rule == "web-residue"]
    assert [m.group() for m in numbers if m] == [
        f"— {n} —" for n in range(1, len(places.pages) + 1)]
    for g in left:
        excerpt = excerpt_text(r.doc.text[g.start:g.end], g.rule)
        if g.rule == "web-residue" and PAGE_NUMBER.fullmatch(r.doc.text[g.start:g.end]):
            continue
        differ.append(("pdf", g.rule, excerpt[:20]))
    assert sorted(differ) == sorted(d[:3] for d in PDF_DIFFERENCES[name])
