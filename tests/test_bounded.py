"""Bounded output and memory: a long span is shown by its two ends in every format, the
findings of one rule in one file are capped (and the rest counted), and what a finding
costs does not grow with the text around it."""
import json
import tracemalloc

import pytest

from reportlint import Finding, Rule
from reportlint.document import Document, display_width
from reportlint.formats import render
from reportlint.plugins import default_registry
from reportlint.report import FileResult, Report, excerpt
from tests.helpers import run_cli

pytestmark = pytest.mark.usefixtures("isolated_repo")

TITLE = "关于依法行政工作的情况说明\n"     # 14 code points with its line break
MARKS = TITLE + "“" * 1500 + "\n"          # an unmatched-pair finding at each mark
# A paragraph of 401 code points, repeated: a duplicate-block finding over all of it.
LONG = "依法行政" * 100 + "。"
COPIED = TITLE + LONG + "\n中间另有一段文字。\n" + LONG + "\n"
SHORTENED = LONG[:40] + " … " + LONG[-40:]


def write(name, text):
    with open(name, "w", encoding="utf-8") as f:
        f.write(text)


def lint(args, capsys):
    return run_cli(["--lang", "en", *args], capsys)


# -- excerpts -------------------------------------------------------------------------------


def test_an_excerpt_shows_a_long_span_by_its_ends():
    text = "".join(chr(0x4E00 + i) for i in range(200))
    assert excerpt(text, 0, 83) == text[:83]                 # no longer than the span
    assert excerpt(text, 0, 84) == text[:40] + " … " + text[44:84]
    assert excerpt(text, 10, 200) == text[10:50] + " … " + text[160:200]


def test_a_long_duplicate_is_shown_by_its_ends_in_every_format(capsys):
    write("a.txt", COPIED)
    start = COPIED.rindex(LONG)
    args = ["--select", "duplicate-block", "a.txt"]
    (f,) = json.loads(lint(["--format", "json", *args], capsys)[1])["files"][0]["findings"]
    assert f["excerpt"] == SHORTENED
    # the span itself is exact
    assert (f["start"], f["end"], f["line"], f["column"], f["end_line"], f["end_column"]) == \
        (start, start + 401, 4, 1, 4, 402)

    (result,) = json.loads(lint(["--format", "sarif", *args], capsys)[1])["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"] == {"text": SHORTENED}
    assert (region["charOffset"], region["charLength"], region["endColumn"]) == (start, 401, 402)

    out = lint(["--format", "text", *args], capsys)[1].splitlines()
    assert out[2] == "4 | " + SHORTENED
    assert out[3] == "  | " + "^" * display_width(SHORTENED)

    lint(["--write-baseline", "base.json", *args], capsys)
    with open("base.json", encoding="utf-8") as fh:
        assert [e["excerpt"] for e in json.load(fh)["findings"]] == [SHORTENED]


class Reads(str):
    """A text that records the longest slice taken of it."""
    longest = 0

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            Reads.longest = max(Reads.longest, stop - start)
        return str.__getitem__(self, key)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_finding_costs_the_same_in_a_line_of_any_length(fmt):
    # 10^6 marks on one line took minutes: each finding's snippet copied the line.
    line = "“" * 200_000
    doc = Document(Reads(TITLE + line + "\n"), path="a.txt")
    start, end = len(TITLE), len(TITLE) + len(line)
    found = [Finding("unmatched-pair", "pairs", "error", s, e, zh="不成对", en="unmatched")
             for s, e in [(start, end), (start + 100_000, start + 100_001), (end - 1, end)]]
    Reads.longest = 0
    render(fmt, Report(results=[FileResult("a.txt", doc, found)]), default_registry(), "en")
    assert Reads.longest < 100


# -- the cap on findings per rule ----------------------------------------------------------


def test_the_findings_of_one_rule_in_one_file_are_capped(capsys):
    write("a.txt", MARKS)
    code, out, _ = lint(["--format", "json", "--select", "unmatched-pair", "a.txt"], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 1 and len(findings) == 1001
    # the first thousand in text order, then one at the next mark that counts the rest
    assert [f["start"] for f in findings] == list(range(14, 14 + 1001))
    more = findings[-1]
    assert more["message"] == \
        "500 more findings of unmatched-pair in this file not listed (max-findings-per-rule: 1000)"
    assert (more["rule"], more["severity"], more["line"], more["column"]) == \
        ("unmatched-pair", "error", 2, 1001)
    code, out, _ = run_cli(["--format", "concise", "--select", "unmatched-pair", "a.txt"], capsys)
    assert out.splitlines()[-1] == ("a.txt:2:1001: error unmatched-pair 本文件另有 500 个 "
                                    "unmatched-pair 问题未列出（max-findings-per-rule：1000）")


def test_the_cap_is_configured_and_the_command_line_goes_first(capsys):
    write("a.txt", MARKS)
    write(".reportlint.yaml", "max-findings-per-rule: 10\n")
    args = ["--format", "concise", "--select", "unmatched-pair", "a.txt"]
    out = lint(args, capsys)[1].splitlines()
    assert len(out) == 11 and out[-1].startswith("a.txt:2:11: error unmatched-pair 1490 more")
    out = lint(["--max-findings-per-rule", "1", *args], capsys)[1].splitlines()
    assert out[-1] == ("a.txt:2:2: error unmatched-pair 1499 more findings of unmatched-pair "
                       "in this file not listed (max-findings-per-rule: 1)")
    assert len(lint(["--max-findings-per-rule", "0", *args], capsys)[1].splitlines()) == 1500


class Rising(Rule):
    """Two info findings, then a warning and an error."""
    name = "rising"
    category = "custom"
    severity = "error"
    summary = {"zh": "逐渐严重", "en": "rising"}

    def check(self, doc, options):
        for i, severity in enumerate(["info", "info", "warning", "error"]):
            yield self.finding(i, i + 1, zh="问题", en="a problem", severity=severity)


def test_the_counting_finding_takes_the_highest_severity_it_counts(monkeypatch, capsys):
    monkeypatch.setitem(default_registry().rules, "rising", Rising())
    write("a.txt", MARKS)
    code, out, _ = lint(["--format", "concise", "--max-findings-per-rule", "2", "--select",
                         "rising", "a.txt"], capsys)
    # the exit code is the one the uncapped findings give
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()] == ["info", "info", "error"]


def test_fixes_the_baseline_and_statistics_see_every_finding(capsys):
    write("a.txt", MARKS)
    args = ["--select", "unmatched-pair", "a.txt"]
    code, out, _ = lint(["--statistics", "--format", "json", *args], capsys)
    assert [(row["rule"], row["count"]) for row in json.loads(out)] == [("unmatched-pair", 1500)]
    code, _, err = lint(["--write-baseline", "base.json", *args], capsys)
    assert err == "reportlint: wrote 1500 findings to the baseline base.json\n"
    assert lint(["--baseline", "base.json", "--format", "concise", *args], capsys)[:2] == (0, "")
    # 1200 reversed pairs: --fix writes all of them at once, not a thousand
    write("b.txt", TITLE + "所获”枫桥式“称号。\n" * 1200)
    code, out, _ = lint(["--fix", "--select", "reversed-quotes", "b.txt"], capsys)
    assert out.splitlines()[-2:] == ["Fixed 1200 problems, 0 remaining.",
                                     "Found 0 problems (0 error, 0 warning, 0 info) in 1 file."]


class Many(Rule):
    """A hundred thousand findings over one character: the cost of findings alone."""
    name = "many"
    category = "custom"
    severity = "error"
    summary = {"zh": "很多", "en": "many"}

    def check(self, doc, options):
        for _ in range(100_000):
            yield self.finding(0, 1, zh="问题", en="a problem")


def test_a_hundred_thousand_findings_take_little_memory(monkeypatch, capsys):
    monkeypatch.setitem(default_registry().rules, "many", Many())
    write("a.txt", MARKS)
    tracemalloc.start()
    try:
        code, out, _ = lint(["--format", "json", "--select", "many", "a.txt"], capsys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 1 and len(json.loads(out)["files"][0]["findings"]) == 1001
    assert peak / 100_000 < 1000   # bytes per finding, at the worst moment; it was 4,300
