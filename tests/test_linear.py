"""Linear cost on every input (issue 10).

Each adversarial shape of bench/bench.py is linted once, in a process of its own, at a
size the quadratic code took minutes on, under a limit that only a superlinear regression
can reach (speed itself is measured by the benchmark, not here).  Then what the rules
still find on a small version of the shapes, and the reading of numbers that the linear
pattern must keep.
"""
import importlib.util
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from reportlint import check_text
from reportlint import numbers
from reportlint.numbers import NUMBER_CHARS, QUANTITY, cn_to_int, parse_quantities
from tests.helpers import findings

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SIZE = 240_000        # characters: the quadratic code took minutes on most shapes
LIMIT_SECONDS = 30    # linear code takes a few seconds at most, even on a busy machine
# check_text raises when a rule raises: a crash on a shape fails the test too.
LINT = "import sys; from reportlint import check_text; check_text(open(sys.argv[1], encoding='utf-8').read())"


def _adversarial() -> dict:
    spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "bench", "bench.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench.ADVERSARIAL


ADVERSARIAL = _adversarial()


@pytest.mark.parametrize("shape", list(ADVERSARIAL))
def test_each_shape_is_linted_within_a_generous_limit(shape, tmp_path):
    path = tmp_path / "shape.txt"
    path.write_text(ADVERSARIAL[shape](SIZE), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-c", LINT, str(path)], capture_output=True,
                              text=True, timeout=LIMIT_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shape}: {SIZE:,} characters not linted in {LIMIT_SECONDS} s")
    assert done.returncode == 0, done.stderr[-2000:]


# -- what the rules still find on small versions of the shapes ----------------------------


def found(text, family):
    return [(f.rule, text[f.start:f.end]) for f in check_text(text, select=[family])]


def test_a_line_without_a_stop_is_one_statement():
    assert found("全区共排查纠纷100件，化解120件", "arithmetic") == [
        ("subset-exceeds-total", "120件")]


def test_the_nearest_superset_among_many_counts():
    assert found("全区共排查纠纷100件，化解10件，化解20件，化解120件", "arithmetic") == [
        ("subset-exceeds-total", "120件")]
    # Two counts of the superset's label: parts of a total, not the total.
    assert found("市本级受理10件，县区受理50件，办结55件", "arithmetic") == []


def test_a_list_of_counts_adds_up():
    assert found("共受理5件，其中1件、2件、3件。", "arithmetic") == [
        ("parts-sum-mismatch", "1件、2件、3件")]


def test_a_breakdown_among_the_parts_takes_the_counts_after_it():
    # 共6件 opens a breakdown of its own: 4件、3件 are its parts, not parts of 共10件.
    assert found("共10件，其中共6件、其中4件、3件。", "arithmetic") == [
        ("parts-sum-mismatch", "4件、3件")]


def test_rates_in_one_statement_each_take_their_own_counts():
    text = "共受理10件，其中办结8件，办结率90%，共受理10件，其中办结8件，办结率80%，"
    assert found(text, "arithmetic") == [("rate-mismatch", "90%")]
    assert found("共受理10件，办结8件，办结率80%，办结率90%。", "arithmetic") == [
        ("rate-mismatch", "90%")]


def test_a_rate_is_read_against_the_nearest_counts():
    nearest = "受理10件，" + "受理50件，" * 7 + "办结8件，办结率80%。"
    assert found(nearest, "arithmetic") == []  # 8/10: the furthest count still pairs
    # One more denominator and 受理10件 falls out of reach: 8/50 is no 80%.
    beyond = "受理10件，" + "受理50件，" * 8 + "办结8件，办结率80%。"
    assert found(beyond, "arithmetic") == [("rate-mismatch", "80%")]


def test_an_adjustment_is_read_once():
    assert found("清单401项调整为400项，其中新增3项，取消5项。", "arithmetic") == [
        ("balance-mismatch", "400项")]
    # The counts of the later adjustments are changes of the first one.
    assert found("新增由1项调整为新增2项，" * 3, "arithmetic") == [("balance-mismatch", "2项")]


def test_a_list_before_its_count():
    assert found("打造文旅、海洋、渔业、港航三大特色产业。", "arithmetic") == [("count-mismatch", "三大")]


def test_runs_of_marks_that_close_nothing():
    assert [f.rule for f in check_text("““））", select=["pairs"])] == ["unmatched-pair"] * 2
    assert [f.rule for f in check_text("《《))", select=["pairs"])] == ["unmatched-pair"] * 2
    assert check_text("(((())))", select=["pairs"]) == []


def test_a_closing_quote_before_a_term_quoted_elsewhere():
    (f,) = findings("他提出“枫桥式”经验。要推广”枫桥式经验。", "unmatched-pair")
    assert "枫桥式" in f.zh


# -- numbers --------------------------------------------------------------------------------

# The pattern before issue 10: tried at every character, also inside a run of digits.
TRIED_EVERYWHERE = re.compile(
    rf"(?P<num>[\d{numbers.CN_NUMERAL_CHARS}万亿][\d.{numbers.CN_NUMERAL_CHARS}万亿]*)"
    rf"(?P<approx1>余|多)?(?:(?P<pct>%)|(?P<unit>{numbers._UNIT}))"
    rf"(?P<approx2>余|多|以上|左右|上下|以内|以下)?")


def _read(pattern, text):
    """The matches a quantity is read from: not the tail of a number (..5件, 第14次)."""
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)
            if m["num"][0] != "." and not (m.start() and text[m.start() - 1] in NUMBER_CHARS)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789.%件项个米元万亿余多近一二三四五六七八九十百千两〇零第、, ")
                                + ["千米", "千克", "万元", "亿元", "以上"]), max_size=30).map("".join))
def test_quantities_are_read_where_they_were(text):
    assert _read(QUANTITY, text) == _read(TRIED_EVERYWHERE, text)


def test_a_run_of_digits_is_no_quantity_and_the_next_count_is():
    text = "1" * 1000 + "，受理12件，" + "1." * 500 + "，办结13.5件"
    assert [(text[q.start:q.end], q.value) for q in parse_quantities(text)] == [
        ("12件", 12), ("13.5件", 13.5)]


def test_a_part_of_the_text_is_read_as_a_text_of_its_own():
    text = "共12件，其中5件"
    assert [(q.start, q.end, q.value) for q in parse_quantities(text, 2, 5)] == [(2, 4, 2)]
    assert [(q.start, q.end) for q in parse_quantities(text, 5)] == [(7, 9)]


def test_overlong_chinese_numerals_are_not_read():
    assert cn_to_int("九千九百九十九亿九千九百九十九万九千九百九十九") == 999_999_999_999
    assert cn_to_int("一〇" * 30) is None
    assert cn_to_int("一亿" * 1000) is None  # was a RecursionError
    assert parse_quantities("一〇" * 300 + "件") == []  # was an OverflowError
