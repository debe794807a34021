"""Quantities: every numeral form, exact spans, inexact markers."""
import pytest
from hypothesis import given, settings, strategies as st

from reportlint.document import fold
from reportlint.numbers import cn_to_int, parse_quantities


def qs(text):
    folded = fold(text)
    return [(text[q.start:q.end], q.value, q.unit, q.exact) for q in parse_quantities(folded)]


@pytest.mark.parametrize("s,value", [
    ("十", 10), ("十三", 13), ("二十一", 21), ("一百零五", 105), ("一百二十五", 125),
    ("两", 2), ("二〇二三", 2023), ("三万五千", 35000), ("四亿", 400_000_000), ("〇", 0)])
def test_chinese_numerals(s, value):
    assert cn_to_int(s) == value


@pytest.mark.parametrize("s", ["十十", "千百", "二三十", "一百百", "", "abc", "万"])
def test_malformed_chinese_numerals(s):
    assert cn_to_int(s) is None


def test_arabic_counts_with_units_and_spans():
    assert qs("排查矛盾纠纷2887件,化解2836件") == [("2887件", 2887, "件", True),
                                            ("2836件", 2836, "件", True)]


def test_decimals_percent_and_full_width_digits():
    assert qs("调解成功率99.97%,受理１２３件") == [("99.97%", 99.97, "%", True),
                                           ("１２３件", 123, "件", True)]


def test_multipliers_give_base_units():
    got = qs("投入资金4.05亿元,改造15.645万平方米")
    assert got[0][:3] == ("4.05亿元", 405_000_000, "元")
    assert got[1][0] == "15.645万平方米" and got[1][2] == "平方米"
    assert got[1][1] == pytest.approx(156_450)


def test_chinese_counts_and_percent_words():
    assert qs("听取专题汇报两次,召开推进会十三次,共一百二十五件,百分之三十") == [
        ("两次", 2, "次", True), ("十三次", 13, "次", True), ("一百二十五件", 125, "件", True),
        ("百分之三十", 30, "%", True)]


@pytest.mark.parametrize("text,span", [
    ("组织100余名法治干部", "100余名"), ("近3000件", "近3000件"), ("5000件以上", "5000件以上"),
    ("约20个", "约20个"), ("超过50家", "超过50家"), ("97至105项", "97至105项"),
    ("3万余人", "3万余人"), ("10个左右", "10个左右"), ("不足10人", "不足10人")])
def test_inexact_markers(text, span):
    (got,) = qs(text)
    assert got[0] == span and got[3] is False


@pytest.mark.parametrize("text", ["2023年", "2024年2月29日", "第14次常务会议", "嵊政办发〔2022〕70号",
                                  "一体推进", "第五次会议", "十四五规划"])
def test_things_that_are_not_counts(text):
    assert qs(text) == []


def test_percentage_points_are_not_a_plain_unit():
    # 个百分点 is a change, read as 个 of 百分点: it never becomes a percentage.
    assert all(u != "%" for _, _, u, _ in qs("提高3个百分点"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%件项个万亿余多近约至一二三四五六七八九十百千两〇第年月、,。 ５％")),
               max_size=60) | st.text(max_size=60))
def test_parser_never_raises_and_spans_stay_inside(text):
    folded = fold(text)
    for q in parse_quantities(folded):
        assert 0 <= q.context_start <= q.start < q.end <= len(text)
        assert q.value >= 0


def test_every_decimal_digit_may_start_a_number():
    # The scan tries a class without the \d category first: it must hold every digit.
    import re
    import sys

    from reportlint.numbers import candidate_class

    digits = re.findall(r"\d", "".join(map(chr, range(sys.maxunicode + 1))))
    candidate = re.compile(candidate_class("0123456789"))
    assert len(digits) > 600
    assert [d for d in digits if not candidate.fullmatch(d)] == []


def test_candidate_class_holds_its_characters_and_the_digit_blocks():
    # Written as the complement of the rest of the first plane: it must hold the same
    # characters as the class that names them.
    import re
    import sys

    from reportlint.numbers import _DIGIT_RANGES, candidate_class

    blocks = "".join(rf"\U{lo:08x}-\U{hi:08x}" for lo, hi in _DIGIT_RANGES)
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for chars in ("0123456789.一二万亿", "二两十", "]^-\\"):
        named = re.compile(f"[{re.escape(chars)}{blocks}]")
        assert re.findall(candidate_class(chars), every) == named.findall(every)


@pytest.mark.parametrize("text,value", [("٣٤件", 34), ("𝟑件", 3), ("१२%", 12), ("7件", 7)])
def test_digits_of_other_scripts_are_read(text, value):
    assert [(q.start, q.end, q.value) for q in parse_quantities(text)] == [(0, len(text), value)]


@pytest.mark.parametrize("pos,start", [(0, 0), (3, 0), (9, 7), (11, 10), (12, 12), (13, 12), (60, 20)])
def test_clause_start_is_after_the_last_stop_within_the_lookback(pos, start):
    from reportlint.numbers import clause_start

    text = "受理信访事项,办结“二”件" + "字" * 60
    assert clause_start(text, pos) == start
    # Not before ``since``: the end of the number before it.
    assert clause_start(text, pos, 8) == max(start, 8)
    assert clause_start(text, 5, 9) == 9
