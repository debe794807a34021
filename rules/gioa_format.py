"""The labels that the GIOA report format fixes (rules/gioa.yaml), and whether a text may
hold its tables at all: asked before the table reader (``gioa_tables``) is imported, so
that a report which only mentions 政府信息 never loads it.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from reportlint.document import fold
from reportlint.patterns import Lazy

SPACE = Lazy(r"\s+")
# Only a document that says 政府信息 can hold these tables: the others are not read.
CUE = "政府信息"


class Spec:
    """A row of table 3 (a plain class: a dataclass costs a millisecond at every start)."""

    __slots__ = ("key", "label", "tail", "group", "or_group", "zh")

    def __init__(self, key: str, label: str, tail: str, group: str, or_group: bool, zh: str):
        self.key, self.label, self.tail, self.group = key, label, tail, group
        self.or_group, self.zh = or_group, zh


class Format:
    """The format's labels, white space removed (read once per process)."""

    __slots__ = ("anchor", "ends_at", "columns", "rows", "t4_anchor", "t4_parts",
                 "t4_columns", "text_counts", "kangxi")

    def __init__(self, anchor: str, ends_at: tuple, columns: tuple, rows: tuple,
                 t4_anchor: str, t4_parts: tuple, t4_columns: tuple, text_counts: tuple,
                 kangxi: dict):
        self.anchor, self.ends_at = anchor, ends_at
        self.columns = columns          # ({zh, en}, …)
        self.rows = rows                # Spec
        self.t4_anchor, self.t4_parts, self.t4_columns = t4_anchor, t4_parts, t4_columns
        self.text_counts, self.kangxi = text_counts, kangxi


@lru_cache(maxsize=1)
def gioa_format() -> Format:
    """The format's labels (rules/gioa.yaml), read once per process."""
    from reportlint.datacache import load_yaml_data

    data = load_yaml_data(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gioa.yaml"))
    kangxi = _kangxi_table(data.get("kangxi-extra", {}))
    t3, t4 = data["table3"], data["table4"]

    def norm(label: str) -> str:
        return compact_label(label, kangxi)

    rows = tuple(Spec(r["key"], norm(r["label"]), norm(r.get("tail", "")), r.get("group", ""),
                      bool(r.get("or-group")), r["zh"]) for r in t3["rows"])
    return Format(norm(t3["anchor"]), tuple(norm(s) for s in t3["ends-at"]), tuple(t3["columns"]),
                  rows, norm(t4["anchor"]), tuple(t4["parts"]),
                  tuple(t4["columns"]), tuple(data["text-counts"]), kangxi)


def _kangxi_table(extra: dict) -> dict:
    """Kangxi radicals and CJK radical forms → the characters they print as (⼀ → 一)."""
    table = {}
    for code in range(0x2E80, 0x2FE0):
        mapped = unicodedata.normalize("NFKC", chr(code))
        if len(mapped) == 1 and mapped != chr(code):
            table[code] = mapped
    table.update({ord(k): v for k, v in extra.items()})
    return table


def compact_label(label: str, kangxi: dict) -> str:
    return SPACE.sub("", fold(label)).translate(kangxi)


# What a document may hold of a GIOA report (``cue_state``).
NO_CUE, CUE_ONLY, MAY_HOLD = 0, 1, 2


def cue_state(doc) -> int:
    """NO_CUE when ``doc`` never says 政府信息 (most documents), MAY_HOLD when it also
    names table 三 or 四 as the format spells it, else CUE_ONLY.  Once per document: the
    one whole-text test that every gioa rule asks first, a look-up for the rules after."""
    return doc.shared(_cue_state)


def _cue_state(doc) -> int:
    # The text holds the cue wherever its folded copy does (folding leaves CJK alone).
    if not _holds_cue(doc.text):
        return NO_CUE
    # Table 三 or 四 named as the format spells it: a text that only names 政府信息公开
    # holds no compact copy of either.
    folded = doc.folded
    return MAY_HOLD if any(anchor.search(folded) for anchor in _spelled_anchors()) else CUE_ONLY


def _holds_cue(text: str) -> bool:
    """Whether ``text`` says 政府信息: its last and rarest character, 息, looked for first
    (one character is found many times quicker than a word, in a text without it), then
    the word itself (quicker than a look at each 息 of a report full of 信息)."""
    return CUE[-1] in text and CUE in text


def may_hold(doc) -> bool:
    """Whether ``doc`` may hold table 三 or 四 (see ``cue_state``)."""
    return doc.shared(_cue_state) == MAY_HOLD   # (not through cue_state: a call less per rule)


@lru_cache(maxsize=1)
def _spelled_anchors() -> tuple:
    """Each table's anchor as the text may spell what the compact text holds: white space
    between its characters, any of them a Kangxi radical."""
    fmt = gioa_format()
    forms: dict = {}
    for code, char in fmt.kangxi.items():
        forms[char] = forms.get(char, "") + chr(code)
    return tuple(re.compile(r"\s*".join(f"[{re.escape(c + forms.get(c, ''))}]" for c in anchor))
                 for anchor in (fmt.anchor, fmt.t4_anchor))
