"""Golden tests on the seed reports: the expectations come from the issue, checked by hand."""
import os

import pytest

from reportlint.document import Document
from reportlint.runner import Linter
from tests.helpers import linted

SEEDS = os.path.join(os.path.dirname(__file__), "..", "seeds")
NAMES = ["nanhu-2023", "hongqi-2021", "pujiang-2023", "shengsi-2022", "qinzhou-2023"]


@pytest.fixture(scope="module")
def results():
    linter = Linter(use_config=False)
    return {n: linted(linter, os.path.join(SEEDS, n + ".txt")) for n in NAMES}


def where(result, f):
    return result.doc.position(f.start)


def test_hongqi_has_one_duplicate_block_lines_15_to_26(results):
    r = results["hongqi-2021"]
    dups = [f for f in r.findings if f.category == "duplicates"]
    assert len(dups) == 1
    f = dups[0]
    assert f.rule == "duplicate-block"
    assert r.doc.position(f.start) == (15, 1)
    # The copy ends at the end of line 26, the last line of the file.
    end_line, _ = r.doc.position(f.end)
    assert end_line == 26 and f.end == r.doc.line_spans[25].end
    (rel,) = f.related
    assert r.doc.position(rel.start) == (3, 1)
    assert r.doc.position(rel.end)[0] == 14 and rel.end == r.doc.line_spans[13].end
    assert "3" in f.zh and "14" in f.zh
    # The copy is the original, character for character.
    assert r.doc.text[f.start:f.end] == r.doc.text[rel.start:rel.end]


@pytest.mark.parametrize("name", ["nanhu-2023", "pujiang-2023", "shengsi-2022", "qinzhou-2023"])
def test_no_other_seed_has_duplicates(results, name):
    assert [f for f in results[name].findings if f.category == "duplicates"] == []


def test_pujiang_pairs(results):
    r = results["pujiang-2023"]
    got = sorted((where(r, f), f.rule) for f in r.findings if f.category == "pairs")
    assert got == [
        ((12, 85), "unmatched-pair"),
        ((16, 343), "unmatched-pair"),
        ((16, 419), "unmatched-pair"),
        ((20, 157), "reversed-quotes"),
        ((20, 176), "unmatched-pair"),
    ]
    text = r.doc.text
    for f in r.findings:
        if f.category == "pairs" and f.rule == "unmatched-pair":
            assert text[f.start:f.end] == "”"
    (rev,) = [f for f in r.findings if f.rule == "reversed-quotes"]
    assert text[rev.start:rev.end] == "”枫桥式“"
    assert rev.fix.replacement == "“枫桥式”"
    assert (rev.fix.start, rev.fix.end) == (rev.start, rev.end)
    # The ” before 枫桥式司法所 is an opening mark written as a closing one.
    (at176,) = [f for f in r.findings if where(r, f) == (20, 176)]
    assert "枫桥式" in at176.zh and "“" in at176.zh


def test_shengsi_paren_never_closed_before_title_mark(results):
    r = results["shengsi-2022"]
    pairs = [f for f in r.findings if f.category == "pairs"]
    assert len(pairs) == 1
    (f,) = pairs
    assert f.rule == "bad-nesting"
    assert where(r, f) == (61, 68)
    assert r.doc.text[f.start:f.end] == "("
    (rel,) = f.related
    assert r.doc.position(rel.start) == (61, 79)
    assert r.doc.text[rel.start] == "》"


@pytest.mark.parametrize("name", ["nanhu-2023", "hongqi-2021", "qinzhou-2023"])
def test_no_pairs_findings_elsewhere(results, name):
    assert [f for f in results[name].findings if f.category == "pairs"] == []


def test_seed_copies_are_byte_identical_to_the_originals():
    shared = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds")
    if not os.path.isdir(shared):
        pytest.skip("the shared seed folder is not beside this checkout")
    originals = sorted(os.listdir(shared))
    for original, name in zip(originals, NAMES):
        with open(os.path.join(shared, original), "rb") as a, \
                open(os.path.join(SEEDS, name + ".txt"), "rb") as b:
            assert a.read() == b.read(), name


CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")


def test_corpus_pairs_are_the_two_real_defects_in_gwr_2006():
    """Proofread national reports: the only pairs findings are the two real defects."""
    if not os.path.isdir(CORPUS):
        pytest.skip("the shared corpus is not beside this checkout")
    linter = Linter(use_config=False, select=["pairs"])
    got = []
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".txt"):
            r = linted(linter, os.path.join(CORPUS, name))
            got += [(name, r.doc.position(f.start)[0], r.doc.text[f.start:f.end])
                    for f in r.findings]
    # Line 121 opens with 纲要（草案）》 (its 《 is lost); line 122 writes “ where 《 was meant.
    assert [(n, line) for n, line, _ in got] == [("gwr-2006.txt", 121), ("gwr-2006.txt", 122)]
    assert got[0][2] == "》"
    assert got[1][2].startswith("“") and got[1][2].endswith("》")


def test_document_reads_every_seed():
    for n in NAMES:
        with open(os.path.join(SEEDS, n + ".txt"), encoding="utf-8") as f:
            doc = Document(f.read())
        assert doc.paragraphs and doc.line_spans
