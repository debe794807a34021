"""Numerals and quantities: Arabic and Chinese numbers, 万/亿, units, percentages.

``parse_quantities(text)`` finds every quantity with its exact span (offsets into the
text), its value in base units, its unit, whether it is exact (余, 多, 近, 约,
超过, 以上, 左右, ranges such as 97至105项 make it inexact) and the words before
it in its clause, from which the rules read its label.
"""
from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from .patterns import Lazy

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)
# The longest numeral read (九千九百九十九亿九千九百九十九万九千九百九十九 has 23 characters).
# A longer run is no numeral a report writes; left unread, it costs no time that grows
# with its square (digit by digit, or one recursion per 亿) and no value beyond a float.
NUMERAL_MAX = 40


def cn_to_int(s: str) -> int | None:
    """二十一 -> 21, 十三 -> 13, 一百零五 -> 105, 三万五千 -> 35000, 二〇二三 -> 2023;
    None if ``s`` is not a well-formed numeral (十十, 二三十, 千百) or longer than NUMERAL_MAX."""
    if not s or len(s) > NUMERAL_MAX:
        return None
    for big in ("亿", "万"):  # split on the largest multiplier first
        if big in s:
            head, _, tail = s.partition(big)
            high = cn_to_int(head)
            low = cn_to_int(tail) if tail else 0
            if high is None or low is None or low >= CN_BIG[big] or len(tail) == 1 and low:
                return None  # 三万五 is said for 35000 but reads as 30005: not a numeral here
            return high * CN_BIG[big] + low
    if any(c not in CN_DIGITS and c not in CN_UNITS for c in s):
        return None
    if not any(c in CN_UNITS for c in s):  # digit by digit: 二〇二三
        if len(s) > 1 and len(s) != 4 and "〇" not in s and "零" not in s:
            return None  # 两三名, 三四个: an estimate, not a number
        n = 0
        for c in s:
            n = n * 10 + CN_DIGITS[c]
        return n
    total, digit, last_unit = 0, None, 10_000
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and CN_DIGITS[c] != 0:
                return None  # 二三十
            digit = CN_DIGITS[c] if CN_DIGITS[c] else None
        else:
            unit = CN_UNITS[c]
            if unit >= last_unit or digit is None and not (c == "十" and total == 0):
                return None  # 十十, 千百 are not numerals; only a leading 十 stands alone
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)


_CN_DIGIT_NAMES = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一 (up to 99; larger numbers in Arabic digits)."""
    if n < 0 or n >= 100:
        return str(n)
    if n < 10:
        return _CN_DIGIT_NAMES[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGIT_NAMES[tens]) + "十" + (_CN_DIGIT_NAMES[ones] if ones else "")


def ordinal_value(s: str) -> int | None:
    """The value of a heading ordinal written in Arabic or Chinese digits."""
    if s.isascii() and s.isdigit():
        return int(s)
    return cn_to_int(s)


# -- quantities ----------------------------------------------------------------------

# Measure words and units, longest first so that 人次 wins over 人.
UNITS = sorted("""件 个 项 次 名 人 家 份 条 户 篇 场 批 批次 人次 件次 家次 户次 场次 元 万元 亿元
平方米 平方公里 亩 公里 千米 米 所 座 处 起 宗 例 台 辆 部 册 本 期 轮 类 支 套 张 笔 课时 学时
小时 天 个月 吨 千克 公斤 位 只 栋 间 节 门 封 单 首 集 组 队 届""".split(), key=len,
               reverse=True)
_UNIT = "|".join(map(re.escape, UNITS))
_CN_NUM = f"[{CN_NUMERAL_CHARS}万亿]+"
_NUMBER_FIRST = rf"\d{CN_NUMERAL_CHARS}万亿"  # what a number starts with
_NUMBER_CHAR = _NUMBER_FIRST + "."           # what it goes on with
# Every decimal digit but 0-9 lies in these blocks (other scripts' digits, the full-width
# ones, the planes beyond the first), which Chinese text hardly uses.  A class of them
# and 0-9 (candidate_class) is tested by one table lookup, where \d costs a Unicode
# look-up at every character (a fifth of a scan): a scan tries it first, and a lookbehind
# then checks the one character it took against the class with \d.
_DIGIT_RANGES = ((0x0660, 0x1fff), (0xa620, 0xabff), (0xff10, 0xff19), (0x10000, 0x10ffff))


def candidate_class(chars: str) -> str:
    """A character class of ``chars`` and the digit blocks (_DIGIT_RANGES), written as
    ``[^…]``: the rest of the first plane.  A class that names the planes beyond the
    first costs the scan a second test at every character; its complement within the
    first plane is one table lookup, and leaves those planes in the class without naming
    them."""
    inside = sorted([(ord(c), ord(c)) for c in chars]
                    + [(lo, hi) for lo, hi in _DIGIT_RANGES if hi <= 0xffff])
    gaps, at = [], 0
    for lo, hi in inside:
        if lo > at:
            gaps.append(rf"\u{at:04x}" if lo - 1 == at else rf"\u{at:04x}-\u{lo - 1:04x}")
        at = max(at, hi + 1)
    if at <= 0xffff:
        gaps.append(rf"\u{at:04x}-\uffff")
    return "[^" + "".join(gaps) + "]"


# What a number may start with.
_NUMBER_CANDIDATE = candidate_class("0123456789." + CN_NUMERAL_CHARS + "万亿")
# A quantity: a number (Arabic with decimals, or Chinese; then 万/亿), 余/多, a unit
# or %, then 以上 ….  The pattern opens with a single character class, which the
# regex engine skips to quickly; the number is read apart in code.  It is tried only
# where a run of number characters starts (the lookbehind after its first character),
# points before the first digit included (..5件, which the parser then skips): inside
# a run it would only fail again, after backtracking over the rest of the run, so a
# run of a thousand digits would cost half a million steps.
_UNIT_FIRST = re.escape("".join(sorted({u[0] for u in UNITS})))
QUANTITY = Lazy(
    # What follows the first character (more of the number, 余/多, a unit or %) is looked
    # at first: most numerals stand in words (进一步, 统一), and are turned away at once.
    rf"(?P<num>{_NUMBER_CANDIDATE}(?=[{_NUMBER_CHAR}余多%{_UNIT_FIRST}])"
    rf"(?<=[{_NUMBER_CHAR}])(?<![{_NUMBER_CHAR}]{{2}})"
    rf"(?:(?<=\.)\.*[{_NUMBER_FIRST}]|(?<=[{_NUMBER_FIRST}]))[{_NUMBER_CHAR}]*)"
    rf"(?P<approx1>余|多)?"
    # The lookahead turns a number followed by no unit (进一步) away in one step, before
    # the units are tried one by one.
    rf"(?=[%{_UNIT_FIRST}])"
    rf"(?:(?P<pct>%)|(?P<unit>{_UNIT}))"
    rf"(?P<approx2>余|多|以上|左右|上下|以内|以下)?")
ARABIC = Lazy(r"(\d+(?:\.\d+)?)([万亿]?)")
NUMBER_CHARS = set("0123456789.第" + CN_NUMERAL_CHARS + "万亿")
# Before the number: a marker that makes it inexact, or the low end of a range.
APPROX_BEFORE = Lazy(r"(?:近|约|超过|逾|不足|不到|将近|大约|上百|上千)$")
RANGE_BEFORE = Lazy(r"\d+(?:\.\d+)?\s*(?:至|到|-|—|~)\s*$")
_BEFORE_LAST = set("近约过逾足到百千至-—~ \t")  # the last character of either
PERCENT_WORDS = Lazy(rf"百分之(?P<cn>{_CN_NUM}|\d+(?:\.\d+)?)")
# What ends a clause: the label of a quantity is found after the last of these.
CLAUSE_CHARS = ",;:。!?、()[]“”《》\n"
CLAUSE_LOOKBACK = 40
_LAST_CLAUSE_CHAR = Lazy(f"(?s:.*)[{re.escape(CLAUSE_CHARS)}]")


class Quantity:
    """A quantity as written (a plain class: each dataclass costs a millisecond at every
    start)."""

    __slots__ = ("start", "end", "value", "unit", "exact", "decimals", "context_start")

    def __init__(self, start: int, end: int, value: float, unit: str, exact: bool,
                 decimals: int, context_start: int):
        self.start = start                  # the quantity as written, markers included
        self.end = end
        self.value = value                  # in base units: 4.05亿元 -> 405000000.0 (unit 元)
        self.unit = unit                    # 件, 元, 平方米 … or % for a percentage
        self.exact = exact                  # False for 余, 多, 近, 约, 超过, ranges …
        self.decimals = decimals            # digits after the point (the precision of a rate)
        # Where its clause starts: the label is in text[context_start:start].
        self.context_start = context_start

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


@lru_cache(maxsize=4096)  # a report writes the same few numbers over and over: 一, 两, 100
def read_number(num: str) -> tuple[float, int] | None:
    """A number as written -> (value, digits after the point): 4.05亿 -> (405000000.0, 2)."""
    if num[0].isdigit():
        m = ARABIC.fullmatch(num)
        if m is None:
            return None  # 1.2.3, 3万2
        raw, mult = m.groups()
        value = float(raw) * (CN_BIG[mult] if mult else 1)
        return value, len(raw.partition(".")[2])
    whole = cn_to_int(num)
    return None if whole is None else (float(whole), 0)


def parse_quantities(text: str, start: int = 0, end: int | None = None) -> list:
    """Every quantity in ``text[start:end]`` (folded text), in order."""
    if start or end is not None:
        # The part is read as a text of its own: QUANTITY looks at the character before a
        # number, which in the whole text may be the head of a number cut at ``start``.
        return [Quantity(q.start + start, q.end + start, q.value, q.unit, q.exact, q.decimals,
                         q.context_start + start)
                for q in parse_quantities(text[start:end])]
    return [Quantity(*q, clause_start(text, q[0])) for q in iter_quantities(text)]


# A quantity as iter_quantities gives it: (start, end, value, unit, exact, decimals).
QuantityTuple = tuple[int, int, float, str, bool, int]


def iter_quantities(text: str) -> Iterator[QuantityTuple]:
    """(start, end, value, unit, exact, decimals) of every quantity in ``text``, in
    order, one at a time: a caller that keeps few of them never holds them all."""
    found = _written_quantities(text)
    if "百分之" not in text:
        return found
    # Both streams are in order of their starts: merged, they are too (on a tie, the
    # quantity written with a digit or a unit first).
    return heapq.merge(found, _percent_words(text), key=itemgetter(0))


def _written_quantities(text: str) -> Iterator[QuantityTuple]:
    for m in QUANTITY.finditer(text):
        q_start = m.start()
        num, approx1, pct, unit, approx2 = m.groups()
        before = text[q_start - 1] if q_start else ""
        if num[0] == "." or before in NUMBER_CHARS:
            continue  # the tail of a number (..5件), or 第14次
        number = read_number(num)
        if number is None:
            continue
        value, decimals = number
        exact = not (approx1 or approx2)
        if before in _BEFORE_LAST:
            head = text[max(0, q_start - 12):q_start]
            found = RANGE_BEFORE.search(head) or APPROX_BEFORE.search(head)
            if found:
                exact = False
                q_start -= len(head) - found.start()
        yield q_start, m.end(), value, "%" if pct else unit, exact, decimals


def _percent_words(text: str) -> Iterator[QuantityTuple]:
    for m in PERCENT_WORDS.finditer(text):
        number = read_number(m.group("cn"))
        if number is not None:
            yield m.start(), m.end(), number[0], "%", True, number[1]


def clause_start(text: str, pos: int, since: int = 0) -> int:
    """Where the clause holding ``pos`` starts, looking back at most CLAUSE_LOOKBACK and
    not before ``since``."""
    start = max(since, pos - CLAUSE_LOOKBACK)
    if start >= pos:
        return start
    # A greedy run over the lookback that backs off to its last stop: no reversed copy of
    # the lookback to search (a third quicker).
    last = _LAST_CLAUSE_CHAR.match(text, start, pos)
    return last.end() if last else start
