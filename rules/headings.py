"""Numbering: numbered headings and in-paragraph enumerations that skip, repeat or restart.

``heading-sequence`` walks ``doc.headings`` once with a stack of open headings.  The
parent of a heading is the nearest preceding heading of a lower level number; the
siblings of a heading are the headings of its style under the same parent, so a
new 一、 starts the counting of its (一) afresh.  Markdown headings have no ordinal
and take no part (not even as parents).

What is accepted without a finding (precision first — a false alarm gets the
linter switched off):

* The first heading of a style in the whole document may have any number: the
  text may be an excerpt, or the earlier items may be run in on one line.
* The first sibling under a new parent may start at 1 or continue the numbering
  of the previous heading of its style (tasks 1–21 across (一)–(七)); other starts
  are reported, unless the number before it is written inline in between.
* Arabic items (1. 1、 (1)) may start again at 1 anywhere: a second list in the
  same section is common and not a numbering defect.  1. and 1、 are one style,
  but a change of punctuation between two siblings is often a change of level
  (1、 over 1.), so nothing is reported across one.
* A heading line whose title begins with a numeral of its own script (三、四季度,
  二、三产业, 1、2月份) may be a sentence that only looks like a heading: it is not
  counted, and nothing is reported across it at its level or below.
* A gap is not reported when the missing number is written inline in between
  ("1.…。2.…" on one line, then 3. on the next).
* An attachment (a line that is only 附件, 附件1, 附件一, 附件: …) is a document of
  its own: the counting starts afresh below it.
* A list of attachments that starts on the 附件 line (附件:1.关于…的通知, then 2.…
  3.… below) is a list of its own: the Arabic items count afresh below that line
  (no "goes back" after the body's 1.–4.), while 一、 and (一) go on — the line names
  the attachments, it does not open one.
* A line that starts with digits, a point and a digit (3.5%的增速…, 21.5+2就业之家…)
  may be a decimal or an item whose text starts with a digit.  ``Document.headings``
  keeps it as the item N. only where it goes on with the list of its level (the item
  before it since the last 一、 or (一) is N-1, or it is 1. followed by 2.) and the next
  plain item does not take the number N (1. 2. 3.5%… 3.); the rule counts it only when
  N is its previous sibling + 1 (or 1 for a first sibling), else it skips it.  Such a
  line that is not counted is not a heading: it neither continues nor breaks the
  counting, and it is never reported.  So 19. 21.5+2… 22. reports 22. after 19.
  (“20.”和“21.” missing: 20. is missing whatever 21.5 is).  After the point a year
  (20.2026年…) cannot be a decimal's fraction: such a line is always the item N.
  Sub-numbers are not counted either: 6-1., 6.1 followed by a space or a point, and a
  bare 2.5 are never headings, and 6.1甲 after 6. does not go on with the list; so
  6. 6-1. 6-2. 7. (or 6. 6.1 6.2 7.) counts 6. then 7.

``enumeration-sequence`` checks 一是…二是… and 第一,…第二,… inside each paragraph
(on the folded text).  A paragraph may start at 二是 (it continues the previous
paragraph's list), a 一是 starts a new (possibly nested) list, and an item that
continues an enclosing list closes the nested one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter

from reportlint import Related, Rule, hookimpl
from reportlint.document import DI, SHI
from reportlint.numbers import CN_NUMERAL_CHARS, cn_to_int, int_to_cn
from reportlint.patterns import Lazy

ARABIC_STYLES = ("num", "num-paren")
# Ordinals above this in a Chinese-numeral heading are years or codes, not headings.
MAX_CN_ORDINAL = 99


# The patterns below are compiled where they are used (re keeps them compiled): most
# documents need none of them (no gap in their numbering, no attachment), and compiling
# them at import was part of every start-up.

# A heading's predecessor written inline, anywhere between two headings.
_INLINE_MARKERS = {
    "cn": rf"(?<![{CN_NUMERAL_CHARS}])([{CN_NUMERAL_CHARS}]+)、",
    "cn-paren": rf"\(([{CN_NUMERAL_CHARS}]+)\)",
    "num": r"(?<![\d.])(\d{1,3})(?:\.|、)(?![\d.])",
    "num-paren": r"\((\d{1,3})\)",
}

# A line that is only 附件, 附件1, 附件一, 附件: or 附件 2: an attachment begins, a
# document of its own whose headings count from 一、 again.
_SP = r"[^\S\n]*"   # white space inside one line
ATTACHMENT_LINE = Lazy(rf"(?m)^{_SP}附件{_SP}:?{_SP}(?:\d{{1,2}}|[{CN_NUMERAL_CHARS}]{{1,3}})?{_SP}:?{_SP}$")
# 附件:1.关于…的通知 (then 2.… 3.… below): the list of the attachments, a list of its
# own — its items count afresh, the headings above them (一、 (一)) go on.
ATTACHMENT_LIST = Lazy(rf"(?m)^{_SP}附件{_SP}:{_SP}(?:\d{{1,2}}[.、]|\(\d{{1,2}}\))")


def _attachment_lines(doc) -> list:
    """(1-based line, whether it opens an attachment rather than a list of them), in order."""
    text = doc.folded
    found: list = []
    # Both patterns start a line (after \n) and hold 附件 in it: each is tried only at the
    # start of a line that does, once.
    at = text.find("附件")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        line = doc.position(start)[0]
        if ATTACHMENT_LINE.match(text, start):
            found.append((line, True))
        if ATTACHMENT_LIST.match(text, start):
            found.append((line, False))
        end = text.find("\n", at)
        at = text.find("附件", end) if end >= 0 else -1
    return sorted(found)


# -- heading-sequence ---------------------------------------------------------------


def _marker_text(doc, h) -> str:
    return doc.text[h.marker.start:h.marker.end]


def _marker_for(doc, h, n: int) -> str:
    """The marker of ordinal ``n`` written the way ``h`` writes its own."""
    mark = _marker_text(doc, h)
    number = int_to_cn(n) if h.style in ("cn", "cn-paren") else str(n)
    if h.style in ("cn-paren", "num-paren"):
        return mark[0] + number + mark[-1]
    return number + mark[-1]


def _punctuation(doc, h) -> str:
    return doc.folded[h.marker.end - 1]


def _doubtful(text: str, h) -> bool:
    """A line that may be a sentence beginning with numbers, not a heading: 三、四季度…"""
    if h.ordinal is None or h.ordinal < 1:
        return True
    if h.style in ("cn", "cn-paren"):
        if h.ordinal > MAX_CN_ORDINAL:
            return True
        return h.start < len(text) and text[h.start] in CN_NUMERAL_CHARS
    if h.style == "num":
        return False  # 20.2026年, 21.5+2…: Document.headings keeps only the items
    return h.start < len(text) and text[h.start].isdigit()


def _inline(doc, style: str, wanted, start: int, end: int) -> bool:
    """Whether a marker of ``style`` numbered one of ``wanted`` is written in text[start:end]."""
    if start >= end:
        return False
    for m in re.compile(_INLINE_MARKERS[style]).finditer(doc.folded, start, end):
        n = m.group(1)
        value = int(n) if n.isdigit() else cn_to_int(n)
        if value in wanted:
            return True
    return False


def _missing(doc, h, first: int, last: int, lang: str) -> str:
    """first..last (inclusive) as markers: “三、” / “三、”和“四、” / “三、”至“五、”."""
    a, b = _marker_for(doc, h, first), _marker_for(doc, h, last)
    if lang == "en":
        if first == last:
            return f"{a} is missing"
        joiner = " and " if last == first + 1 else " to "
        return f"{a}{joiner}{b} are missing"
    if first == last:
        return f"缺少“{a}”"
    joiner = "和" if last == first + 1 else "至"
    return f"缺少“{a}”{joiner}“{b}”"


class HeadingSequence(Rule):
    name = "heading-sequence"
    category = "headings"
    severity = "error"
    summary = {"zh": "标题序号不连续、重复或重新开始",
               "en": "a heading number skipped, repeated or started again"}
    rationale = {
        "zh": "同一上级标题下的同级标题（一、 (一) 1. (1)）须依次编号，不得跳号、重号，"
              "也不得在“二、”之后又从“一、”开始（常见于整段重复粘贴）。上级标题变化后，"
              "下级编号重新从(一)开始；阿拉伯数字序号既可在每节内从1开始，也可跨节连续编号。"
              "文中第一个某种序号的标题不从1开始时不报告（可能是节选）；看起来像标题、"
              "实为以数字开头的句子（三、四季度……）不计入。以“数字.数字”开头的行"
              "（3.5%的增速……、21.5+2就业之家……）只有接续本级编号（前一个同级为N-1）时才算"
              "标题“N.”，否则视为小数，不计入也不报告；“20.2026年……”后接年份，总是标题。"
              "6-1.、6.1之类的子序号不计入；附件及“附件:1.……”开头的附件清单单独编号。",
        "en": "Sibling headings (一、 (一) 1. (1) under the same parent) must count on without "
              "gaps or repeats, and must not start again at 一、 after 二、 (a typical sign of a "
              "block pasted twice). A new parent starts the numbering of its children afresh; "
              "Arabic items may restart in each section or continue across sections. The first "
              "heading of a style in a document may start anywhere (it may be an excerpt), and "
              "lines that only look like headings (三、四季度…) are not counted. A line that "
              "starts with digits, a point and a digit (3.5%…, 21.5+2…) is the item N. only "
              "where it continues its list (N after N-1), else it is a decimal and neither "
              "counted nor reported; 20.2026年… (a year after the point) is always an item. "
              "Sub-numbers (6-1., 6.1) are not counted; an attachment, and a list of "
              "attachments starting on the 附件: line, are numbered on their own.",
    }
    examples = {"bad": "一、总体要求\n二、主要任务\n四、保障措施",
                "good": "一、总体要求\n二、主要任务\n三、保障措施"}

    def check(self, doc, options):
        headings = doc.headings
        # Nothing to count against without two: no look for attachments, no generator made.
        return self._counted(doc, headings) if len(headings) >= 2 else ()

    def _counted(self, doc, headings):
        text = doc.folded
        stack: list = []            # indices of the open headings, shallowest first
        last_in_parent: dict = {}   # (parent index, style) -> index of the last sibling
        last_of_style: dict = {}    # style -> index of the last counted heading
        # [level] -> index of the last doubtful heading of that level or a shallower one
        doubt = [-1] * 5
        attachments, a = _attachment_lines(doc), 0
        for i, h in enumerate(headings):
            if h.style == "md":
                continue
            if a < len(attachments) and attachments[a][0] < h.line:
                whole = False
                while a < len(attachments) and attachments[a][0] < h.line:
                    whole = whole or attachments[a][1]
                    a += 1
                if whole:
                    # An attachment is a document of its own: its numbering starts afresh.
                    stack, last_in_parent, last_of_style = [], {}, {}
                    doubt = [-1] * 5
                else:
                    # A list of attachments is a list of its own: Arabic items count afresh.
                    stack = [k for k in stack if headings[k].style not in ARABIC_STYLES]
                    last_in_parent = {key: k for key, k in last_in_parent.items()
                                      if key[1] not in ARABIC_STYLES}
                    last_of_style = {s: k for s, k in last_of_style.items() if s not in ARABIC_STYLES}
            if _doubtful(text, h):
                for level in range(h.level, 5):
                    doubt[level] = i
                continue
            depth = len(stack)
            while depth and headings[stack[depth - 1]].level >= h.level:
                depth -= 1
            parent = stack[depth - 1] if depth else -1
            key = (parent, h.style)
            prev = last_in_parent.get(key)
            expected = 1 if prev is None else headings[prev].ordinal + 1
            if h.ambiguous and h.ordinal != expected:
                continue  # 3.5%…: a decimal unless it goes on with its list; it counts for nothing
            del stack[depth:]
            advance = True
            if prev is None:
                finding = self._first_sibling(doc, headings, i, parent,
                                              last_of_style.get(h.style), doubt)
            elif h.ordinal == expected:
                finding = None  # the usual case: the next number
            else:
                finding, advance = self._next_sibling(doc, headings, i, prev, doubt)
            if finding is not None:
                yield finding
            if advance:
                last_in_parent[key] = i
                last_of_style[h.style] = i
            stack.append(i)

    def _first_sibling(self, doc, headings, i, parent, previous, doubt):
        """The first heading of its style under its parent: 1, or continuing the last one."""
        h = headings[i]
        n = h.ordinal
        if previous is None or parent < 0 or n == 1 or doubt[h.level] > previous:
            return None
        p = headings[previous]
        if n == p.ordinal + 1:
            return None  # numbering that continues across sections
        if h.style in ARABIC_STYLES and _punctuation(doc, h) != _punctuation(doc, p):
            return None  # 1、 and 1. as two levels
        if _inline(doc, h.style, {n - 1}, headings[parent].marker.end, h.marker.start):
            return None
        one, here, up = _marker_for(doc, h, 1), _marker_text(doc, h), _marker_text(doc, headings[parent])
        if h.style in ARABIC_STYLES:
            cont = _marker_for(doc, h, p.ordinal + 1)
            zh = (f"标题序号起始有误：“{here}”是“{up}”下的第一个同级标题，"
                  f"应从“{one}”开始，或接续上一个同级标题“{_marker_text(doc, p)}”编为“{cont}”")
            en = (f"heading number starts wrong: {here} is the first of its level under {up}; "
                  f"expected {one}, or {cont} to continue {_marker_text(doc, p)}")
        else:
            zh = (f"标题序号起始有误：“{here}”是“{up}”下的第一个同级标题，应从“{one}”开始")
            en = f"heading number starts wrong: {here} is the first of its level under {up}; expected {one}"
        return self.finding(
            h.marker.start, h.marker.end, zh=zh, en=en,
            related=[Related(p.marker.start, p.marker.end,
                             zh="上一个同级标题", en="previous heading of this level"),
                     Related(headings[parent].marker.start, headings[parent].marker.end,
                             zh="上级标题", en="parent heading")])

    def _next_sibling(self, doc, headings, i, prev, doubt):
        """(finding or None, whether the counting moves on to this heading), for a heading
        whose number is not the next one after its previous sibling's."""
        h, p = headings[i], headings[prev]
        n, m = h.ordinal, p.ordinal
        if doubt[h.level] > prev:
            return None, True
        arabic = h.style in ARABIC_STYLES
        if arabic and (n == 1 or _punctuation(doc, h) != _punctuation(doc, p)):
            return None, True  # a new list, or another level written with other punctuation
        here, before, want = _marker_text(doc, h), _marker_text(doc, p), _marker_for(doc, h, m + 1)
        related = [Related(p.marker.start, p.marker.end,
                           zh="前一个同级标题", en="previous sibling heading")]
        if n == 1:
            zh = f"标题序号在“{before}”之后又从“{here}”开始，应为“{want}”"
            en = f"heading numbering starts again at {here} after {before} (expected {want})"
        elif n == m:
            zh = f"标题序号重复：“{here}”前一个同级标题也是“{before}”，应为“{want}”"
            en = f"heading number repeated: {here} follows {before} (expected {want})"
        elif n > m + 1:
            if _inline(doc, h.style, {m + 1, n - 1}, p.marker.end, h.marker.start):
                return None, True
            zh = f"标题序号不连续：“{here}”前一个同级标题是“{before}”，{_missing(doc, h, m + 1, n - 1, 'zh')}"
            en = f"heading number skips: {here} follows {before} ({_missing(doc, h, m + 1, n - 1, 'en')})"
        else:
            # Out of order: the counting stays with the higher number, so that
            # 一、三、二、四、 reports 三、 and 二、 but not 四、.
            zh = f"标题序号倒退：“{here}”排在“{before}”之后，应为“{want}”"
            en = f"heading number goes back: {here} follows {before} (expected {want})"
            return self.finding(h.marker.start, h.marker.end, zh=zh, en=en, related=related), False
        return self.finding(h.marker.start, h.marker.end, zh=zh, en=en, related=related), True


# -- enumeration-sequence ----------------------------------------------------------


_START = attrgetter("start")


def _two_in_a_paragraph(doc) -> bool:
    """Whether a paragraph may hold two enumerators of one kind (a list to check): two
    candidates of 一是 or of 第一 in one paragraph, before what precedes them is checked.
    Most texts are told no by a search stopping at the second candidate or by two
    searches finding none, the others mostly by the paragraphs their candidates stand
    in (one 一是 per line): neither needs the per-paragraph enumerators."""
    text = doc.folded
    for candidate in (SHI, DI):
        first = candidate.search(text)
        if first is None or candidate.search(text, first.end()) is None:
            continue
        # k: how many paragraphs start at or before the candidate (where 是 stands for
        # SHI, its numeral just before it: one line, one paragraph).
        paragraphs = doc.paragraphs
        k, last = 0, -1
        for m in candidate.finditer(text, first.start()):
            k = bisect_right(paragraphs, m.start(), k, key=_START)
            if k == last:
                return True
            last = k
    return False


def _enum_text(kind: str, n: int) -> str:
    return f"{int_to_cn(n)}是" if kind == "shi" else f"第{int_to_cn(n)}"


class EnumerationSequence(Rule):
    name = "enumeration-sequence"
    category = "headings"
    severity = "error"
    summary = {"zh": "段内列举“一是、二是”或“第一，第二”不连续或重复",
               "en": "an in-paragraph enumeration (一是 二是 / 第一, 第二,) skips or repeats"}
    rationale = {
        "zh": "段落内的列举（一是……二是……三是……，第一，……第二，……）须依次编号。"
              "“统一是”“唯一是”“第一责任人”“第一次”“第二季度”之类不是列举；段落以“二是”开头"
              "是接续上一段的列举，不报告；段内再次出现“一是”是新的（或嵌套的）列举。"
              "只检查一至十。",
        "en": "Enumerations inside a paragraph (一是…二是…三是…, 第一,…第二,…) must count on. "
              "Words such as 统一是, 唯一是, 第一责任人, 第一次 or 第二季度 are not enumerators; a "
              "paragraph that starts at 二是 continues the list of the previous one; a new 一是 "
              "starts a new (or nested) list. Only 一 to 十 are checked.",
    }
    examples = {"bad": "主要做法:一是加强领导;二是完善制度;四是强化考核。",
                "good": "主要做法:一是加强领导;二是完善制度;三是强化考核。"}

    def check(self, doc, options):
        # No list to check: the paragraphs' enumerators are not looked for, no generator made.
        return self._counted(doc) if _two_in_a_paragraph(doc) else ()

    def _counted(self, doc):
        for items in filter(None, doc.enumerations):  # most paragraphs have none
            # kind -> stack of open lists, each [value, start, end] of its last item
            lists: dict = {"shi": [], "di": []}
            for kind, n, start, end in items:
                stack = lists[kind]
                item = [n, start, end]
                if not stack:
                    stack.append(item)  # 二是 first: continues the previous paragraph
                    continue
                top = stack[-1]
                if n == top[0] + 1:
                    stack[-1] = item
                    continue
                if n == 1:
                    stack.append(item)  # a new list, or one nested in the current item
                    continue
                outer = next((k for k in range(len(stack) - 2, -1, -1)
                              if stack[k][0] + 1 == n), None)
                if outer is not None:
                    del stack[outer + 1:]  # the nested list ended; the outer one goes on
                    stack[-1] = item
                    continue
                yield self._finding(doc, kind, n, top, start, end)
                if n > top[0]:
                    stack[-1] = item  # gap or repeat: count on from here
                # out of order: the counting stays with the higher number

    def _finding(self, doc, kind, n, top, start, end):
        m = top[0]
        here, before = doc.text[start:end], doc.text[top[1]:top[2]]
        want = _enum_text(kind, m + 1)
        if n == m:
            zh = f"列举序号重复：“{here}”前一项也是“{before}”，应为“{want}”"
            en = f"enumeration repeats: {here} follows {before} (expected {want})"
        elif n > m:
            lost = [_enum_text(kind, k) for k in range(m + 1, n)]
            if len(lost) == 1:
                zh_lost, en_lost = f"缺少“{lost[0]}”", f"{lost[0]} is missing"
            else:
                joiner = ("和", " and ") if len(lost) == 2 else ("至", " to ")
                zh_lost = f"缺少“{lost[0]}”{joiner[0]}“{lost[-1]}”"
                en_lost = f"{lost[0]}{joiner[1]}{lost[-1]} are missing"
            zh = f"列举序号不连续：“{here}”前一项是“{before}”，{zh_lost}"
            en = f"enumeration skips: {here} follows {before} ({en_lost})"
        else:
            zh = f"列举序号倒退：“{here}”排在“{before}”之后，应为“{want}”"
            en = f"enumeration goes back: {here} follows {before} (expected {want})"
        return self.finding(start, end, zh=zh, en=en,
                            related=[Related(top[1], top[2], zh="前一项", en="previous item")])


@hookimpl
def reportlint_rules():
    return [HeadingSequence(), EnumerationSequence()]
