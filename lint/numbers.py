"""Numerals: Chinese and Arabic digits to integers.

Only what the document model needs for heading ordinals lives here for now;
quantities with units and spans build on the same tables.
"""
from __future__ import annotations

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)


def cn_to_int(s: str) -> int | None:
    """二十一 -> 21, 十三 -> 13, 一百零五 -> 105, 二〇二三 -> 2023; None if not a numeral."""
    if not s or any(c not in CN_DIGITS and c not in CN_UNITS for c in s):
        return None
    if not any(c in CN_UNITS for c in s):  # digit by digit: 二〇二三
        n = 0
        for c in s:
            n = n * 10 + CN_DIGITS[c]
        return n
    total, digit = 0, None
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and CN_DIGITS[c] != 0:
                return None  # 二三十 is not a numeral
            digit = CN_DIGITS[c] if CN_DIGITS[c] else None
        else:
            unit = CN_UNITS[c]
            total += (1 if digit is None else digit) * unit
            digit = None
    return total + (digit or 0)


def ordinal_value(s: str) -> int | None:
    """The value of a heading ordinal written in Arabic or Chinese digits."""
    if s.isascii() and s.isdigit():
        return int(s)
    return cn_to_int(s)
