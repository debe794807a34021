"""Chinese messages are punctuated with full-width marks (GB/T 15834).

A rule's zh message may quote or name the document's own marks (a pair rule names the
half-width ``(`` it flags, web-residue quotes a counter ``浏览次数:``); those stay as the
document has them.  Everything else in the message is the rule's own Chinese wording and
takes ，：；（）？！, never the ASCII marks.
"""
import re

import pytest
from reportlint.plugins import default_registry
from reportlint.rule import UNUSED
from reportlint.testing import example_findings

ASCII_MARKS = ",:;?!()"
PARTNERS = {"(": ")", ")": "("}
_SPACE = re.compile(r"\s+")

RULES = sorted(default_registry().rules.items())


def own_wording(text: str, finding) -> str:
    """The zh message of ``finding`` without what it quotes or names from ``text``."""
    message = finding.zh
    spans = [(finding.start, finding.end)] + [(r.start, r.end) for r in finding.related]
    excerpts = {text[s:e] for s, e in spans if e > s}
    # A message may show an excerpt with its runs of white space folded to one space.
    excerpts |= {_SPACE.sub(" ", x).strip() for x in excerpts}
    for excerpt in sorted(excerpts, key=len, reverse=True):
        if excerpt:
            message = message.replace(excerpt, "")
    # Only brackets are stripped beyond the excerpts themselves: an excerpt such as
    # missing-title's first line holds , and : of its own, and stripping every mark an
    # excerpt contains would hide the wording's 缺少标题: as well.
    # A pair rule names the bracket it flags and the partner to add or to match it
    # (左括号( … 之前补上), 应将（改为( ): those marks are the document's, not wording.
    named = set()
    for excerpt in excerpts:
        for mark in excerpt:
            if mark in PARTNERS:
                named |= {mark, PARTNERS[mark]}
    for mark in named:
        message = message.replace(mark, "")
    return message


@pytest.mark.parametrize("name,rule", RULES, ids=[name for name, _ in RULES])
def test_zh_messages_use_full_width_punctuation(name, rule):
    text = rule.examples["bad"]
    findings = example_findings(rule, "bad")
    assert findings, f"{name}: its bad example flags nothing"
    for f in findings:
        rest = own_wording(text, f)
        # No allowance is needed for the arithmetic rules: their expressions
        # (187件+41件 = 262 > 252件, 5929件/5931件 = 99.97%) use + - / = > < and %,
        # none of which is among the marks checked here.
        bad = sorted({c for c in rest if c in ASCII_MARKS})
        assert not bad, f"{name}: ASCII {''.join(bad)} in the wording of {f.zh!r}"


# A rule's zh rationale (``reportlint explain``, SARIF help) follows the same marks.  What it
# quotes is the document's or the page's text and stays as written: spans in “…” 「…」 《…》
# or backticks, and the rule's own example texts.  A quote is matched without crossing
# another opening mark, so reversed-quotes' ”枫桥式“ does not swallow the wording up to
# the next ”.  A suppression comment <!-- … --> is code (its ! is not wording) and goes too.
QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|《[^《》]*》|`[^`]*`|<!--.*?-->")
# ,;?! never belong to the wording.  : ( ) are allowed where they touch an ASCII letter or
# digit: the item markers 1) 2) a) and the heading number (1) a rationale names, code or
# numbers.
STRAY = re.compile(r"[,;?!]|(?<![A-Za-z0-9])[:()](?![A-Za-z0-9])")
# The document's or the page's own text that a rationale names without quoting it: a
# heading number (一), the ) that 《…纲要(2021—2025年》 lacks, and the page labels
# web-residue lists as they appear.
NAMED = {
    "heading-sequence": ("(一)",),
    "bad-nesting": ("缺少)",),
    "web-residue": ("【字号: 加大 还原 减小】", "浏览次数:", "当前位置: ", "来源: ", "时间: ",
                    "上一篇:"),
}
WITH_RATIONALE = RULES + [(UNUSED.name, UNUSED)]


def rationale_wording(rule) -> str:
    """The zh rationale of ``rule`` without what it quotes or names from documents."""
    text = rule.rationale["zh"]
    for example in sorted(rule.examples.values(), key=len, reverse=True):
        text = text.replace(example, "")
    for named in NAMED.get(rule.name, ()):
        assert named in text, f"{rule.name}: NAMED lists {named!r}, no longer in its rationale"
        text = text.replace(named, "")
    return QUOTED.sub("", text)


@pytest.mark.parametrize("name,rule", WITH_RATIONALE, ids=[name for name, _ in WITH_RATIONALE])
def test_zh_rationale_uses_full_width_punctuation(name, rule):
    rest = rationale_wording(rule)
    stray = [m.group() + " in …" + rest[max(m.start() - 8, 0):m.end() + 8] + "…"
             for m in STRAY.finditer(rest)]
    assert not stray, f"{name}: ASCII marks in the zh rationale: {stray}"
