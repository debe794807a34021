"""Reports as they are really published: scraped pages with their chrome.

Every expectation below was judged by hand, reading the passage (issue 8).  The
excerpts in tests/data/realworld/ (sources in its README) run on a clean clone; the
eighteen whole pages in ../shared/realworld run when they are beside the checkout.
"""
import glob
import os

import pytest

from reportlint.residue import title_of
from reportlint.runner import Linter
from tests.helpers import linted

HERE = os.path.dirname(__file__)
EXCERPTS = os.path.join(HERE, "data", "realworld")
PAGES = os.path.join(HERE, "..", "..", "shared", "realworld")

TOOLBAR = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】"
# Pages whose photo caption (…记者 X 摄) stands on line 15, under the author line.
CAPTIONED = {"beijing", "hunan", "jiangxi", "neimenggu", "shanxi", "xinjiang"}


def lint(path):
    # The wording rules' findings on these pages (real slips: half-width commas in
    # full-width text) are held by tests/test_wording.py.
    return linted(Linter(use_config=False, ignore=["wording"]), path)


def gated(result):
    """(first line, last line, rule) of every finding at warning or error."""
    doc = result.doc
    return [(doc.position(f.start)[0], doc.position(f.end - 1)[0], f.rule)
            for f in result.findings if f.severity in ("warning", "error")]


def expected_chrome(province, last_line):
    """The chrome of one page of this site, counted by hand: the toolbar, the 来源/时间
    lines, the photo caption on some pages, the 相关报道 label closing the page."""
    blocks = [(1, 9, "web-residue"), (12, 13, "web-residue")]
    if province in CAPTIONED:
        blocks.append((15, 15, "web-residue"))
    blocks.append((last_line, last_line, "web-residue"))
    return blocks


@pytest.mark.parametrize("province", ["anhui", "beijing", "hunan", "jiangxi", "xinjiang"])
def test_excerpt_reports_each_block_of_chrome_once_and_nothing_else(province):
    r = lint(os.path.join(EXCERPTS, f"{province}-page.txt"))
    assert r.errors == []
    last = len(r.doc.text.rstrip("\n").split("\n"))
    assert gated(r) == expected_chrome(province, last)
    text = r.doc.text
    toolbar, info = r.findings[0], r.findings[1]
    # The toolbar is one finding spanning its nine lines, brackets included; its
    # 【 and 】 are chrome, never an unmatched pair.
    assert text[toolbar.start:toolbar.end] == TOOLBAR
    assert "网页按钮" in toolbar.zh and "字号" in toolbar.zh
    assert text[info.start:info.end].startswith("来源：") and "发布信息" in info.zh
    assert text[r.findings[-1].start:r.findings[-1].end] == "相关报道："
    assert "相关链接" in r.findings[-1].zh
    # The title comes after the toolbar.
    title = title_of(r.doc)
    assert title is not None and text[title.start:title.end].endswith("政府工作报告")
    # Deleting the chrome is offered, never applied without --unsafe-fixes.
    assert all(f.fix is not None and not f.fix.safe for f in r.findings if f.rule == "web-residue")


def test_caption_spans_the_whole_caption_line():
    r = lint(os.path.join(EXCERPTS, "beijing-page.txt"))
    (caption,) = [f for f in r.findings if "图片说明" in f.zh]
    assert r.doc.text[caption.start:caption.end] == "殷勇同志作政府工作报告。本报记者 戴冰摄"


def test_the_page_without_chrome_stays_silent():
    # The 广东 page was scraped from the report's own text: title, subtitle, speech.
    r = lint(os.path.join(EXCERPTS, "guangdong-page.txt"))
    assert gated(r) == []


def test_fixing_an_excerpt_removes_exactly_the_chrome(tmp_path):
    from reportlint.cli import main

    src = os.path.join(EXCERPTS, "anhui-page.txt")
    path = tmp_path / "page.txt"
    path.write_bytes(open(src, "rb").read())
    assert main(["--no-config", "--fix", "--unsafe-fixes", "--fail-on", "never", str(path)]) == 0
    fixed = path.read_text(encoding="utf-8").split("\n")
    original = open(src, encoding="utf-8").read().split("\n")
    # Lines 1–9, 12–13 and the last one are gone; every other line is kept as it was.
    kept = [line for i, line in enumerate(original, start=1)
            if not (1 <= i <= 9 or 12 <= i <= 13 or line == "相关报道：")]
    assert fixed == kept


@pytest.mark.skipif(not os.path.isdir(PAGES), reason="../shared/realworld is not beside this checkout")
def test_all_eighteen_pages_report_their_chrome_and_no_false_alarm():
    files = sorted(glob.glob(os.path.join(PAGES, "gwr26-*.txt")))
    assert len(files) == 18
    for path in files:
        province = os.path.basename(path)[len("gwr26-"):-len(".txt")]
        r = lint(path)
        assert r.errors == [], path
        if province == "guangdong":
            assert gated(r) == [], path  # the report's own text, no chrome
            continue
        last = len(r.doc.text.rstrip("\n").split("\n"))
        assert gated(r) == expected_chrome(province, last), path
