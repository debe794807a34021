"""Document structure: the parts a document type requires, their order, the title.

The profile (document type) is chosen before the rules run; its parts are data
(rules/profiles/*.yaml).  A part is present as a section when a heading of any
level — 一、 (一) 1. or an in-paragraph 一是 — names it, covered when a sentence
of the body does, and missing otherwise.
"""
from __future__ import annotations

from heapq import heapify, heapreplace

from reportlint import Related, Rule, hookimpl
from reportlint.patterns import Lazy
from reportlint.profiles import profile_of
from reportlint.record import FrozenRecord
from reportlint.residue import content_start_line, title_of

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

# An addressee alone on its line (中共某市委、某市人民政府:) or a speech's opening;
# compiled on first use: only a document without a title needs it.
SALUTATION = Lazy(r"\s*(?:各位[^\s,:。]{1,8}|同志们|女士们、先生们)[,:]|\s*[^\s,:;。!?]{2,40}:\s*$")
# 一是… as a heading of the lowest level: the item up to its full stop.
ITEM_END = Lazy(r"[。;]")
CONJUNCTION = Lazy(r"以及|和|及|与")
ITEM_MAX = 60


# A record (reportlint.record says why not a NamedTuple).
class Coverage(FrozenRecord):
    __slots__ = _fields = ("how", "start", "end", "top_level")
    how: str                    # heading | enumeration | body
    start: int
    end: int
    top_level: bool             # a section of the document's top heading level

    def __init__(self, how: str, start: int, end: int, top_level: bool = False):
        self._assign(how, start, end, top_level)


def _heading_spans(doc):
    """(start, end, kind, level) of every heading title and every 一是 item, in order
    (an item before a heading at the same place: "enumeration" < "heading"), each made
    when it is read."""
    items = _item_spans(doc)
    item = next(items, None)
    for h in doc.headings:
        heading = (h.start, h.end, "heading", h.level)
        while item is not None and item < heading:
            yield item
            item = next(items, None)
        yield heading
    if item is not None:
        yield item
        yield from items


def _item_spans(doc):
    text = doc.folded
    for p, items in zip(doc.paragraphs, doc.enumerations):
        for _, _, start, end in items:
            # The item up to its full stop reads as a heading of the lowest level.
            stop = ITEM_END.search(text, end, min(p.end, end + ITEM_MAX))
            yield end, stop.start() if stop else min(p.end, end + ITEM_MAX), "enumeration", 99


def coverage(doc) -> list:
    """For each part of the document's profile: its first Coverage, or None (found
    once per document)."""
    return doc.shared(_coverage)


def _coverage(doc) -> list:
    profile = profile_of(doc)
    found: list = [None] * len(profile.parts)   # (its callers ask only for a type with parts)
    text = doc.folded
    top = min((h.level for h in doc.headings), default=None)
    namer = _Namer(profile, text)
    wanted = namer.wordings_wanted(found)
    for start, end, kind, level in _heading_spans(doc):
        if wanted is not None:
            soonest = namer.soonest_end(wanted, start)
            if soonest > len(text):
                break  # no wording of a part still unnamed is left: the rest names none
            if soonest > end:
                continue  # this heading holds none of them
        named = [i for i in namer.parts_named(start, end) if found[i] is None]
        for i in named:
            found[i] = Coverage(kind, start, end, top_level=(level == top))
        if named:
            wanted = namer.wordings_wanted(found)
    # The body counts only for the parts that no heading names: most reports name them
    # all, and then the body is not read.
    unnamed = {i for i, cov in enumerate(found) if cov is None}
    for i, start, end in _body_hits(profile, text, unnamed):
        if found[i] is None or start < found[i].start:
            found[i] = Coverage("body", start, end)
    return found


class _Namer:
    """The parts the headings of one text name, with the profile's heading wordings and
    patterns looked up once, not at every heading."""

    def __init__(self, profile, text: str):
        self.text, self.profile, self.parts = text, profile, profile.parts
        self.patterns = [(i, [p.search for p in heads]) for i, heads in profile.heading_patterns]
        self.next_at: dict = {}     # wording -> where it next occurs (len(text): nowhere)
        self._words: Optional[tuple] = None   # the wordings the heap holds
        self._heap: list = []

    def wordings_wanted(self, found: list) -> Optional[tuple]:
        """The heading wordings of the parts not found yet, when only a wording can name
        them (None when a pattern of theirs can): a heading without one of them is
        skipped, and once none is left in the text the search ends."""
        unnamed = [self.parts[i] for i, cov in enumerate(found) if cov is None]
        if any(part.heading_patterns for part in unnamed):
            return None
        return tuple({w: None for part in unnamed for w in part.headings})

    def soonest_end(self, words: tuple, start: int) -> int:
        """Where the first occurrence of one of ``words`` at or after ``start`` ends
        (len(text) + 1 if there is none).  Each wording's search only moves forward,
        since headings come in text order: one pass of the text per wording in all.  The
        wordings wait in a heap by where their occurrence last found ends, a bound below
        where their next one does: a heading costs the wordings it has passed, not all."""
        text, next_at = self.text, self.next_at
        if words is not self._words:   # parts were named: fewer wordings wanted
            self._words = words
            self._heap = [(next_at.get(w, -1) + len(w), next_at.get(w, -1), w) for w in words]
            heapify(self._heap)
        heap = self._heap
        while heap and heap[0][1] < start:
            w = heap[0][2]
            at = text.find(w, start)
            next_at[w] = at = len(text) if at < 0 else at
            heapreplace(heap, (at + len(w), at, w))
        return heap[0][0] if heap else len(text) + 1

    def parts_named(self, start: int, end: int):
        """The parts a heading names: one per side of 和/及/与 (三、存在的问题和下一步工作打算
        names two), else one."""
        conjunctions = list(CONJUNCTION.finditer(self.text, start, end))
        if not conjunctions:  # most headings
            i = self.part_named(start, end)
            return () if i is None else (i,)
        parts, seg_start = set(), start
        for m in [*conjunctions, None]:
            seg_end = m.start() if m else end
            i = self.part_named(seg_start, seg_end)
            if i is not None:
                parts.add(i)
            seg_start = m.end() if m else end
        return parts

    def part_named(self, start: int, end: int) -> Optional[int]:
        """The one part a heading names: 一、重点工作推进情况 holds a wording of the
        measures (推进情况) and of next year (重点工作) but is one section.  The part
        whose matched wording is longest wins; on a tie, the earlier part."""
        longest: dict = {}
        for hit_start, hit_end, i in self.profile.hits(self.text, "heading", start, end):
            if hit_end - hit_start > longest.get(i, 0):
                longest[i] = hit_end - hit_start
        for i, searches in self.patterns:
            for search in searches:
                m = search(self.text, start, end)
                if m:
                    longest[i] = max(longest.get(i, 0), m.end() - m.start())
        return min(longest, key=lambda i: (-longest[i], i)) if longest else None


def _body_hits(profile, text, parts: set):
    """(part, start, end) of the body wordings and patterns of ``parts`` (indices)."""
    if any(profile.parts[i].body for i in parts):
        for start, end, i in profile.hits(text, "body"):
            if i in parts:
                yield i, start, end
    for i in sorted(parts):
        for p in profile.compiled[i][1]:
            m = p.search(text)
            if m:
                yield i, m.start(), m.end()


def _anchor(doc) -> Optional[tuple]:
    """Where a finding about the whole document points: the title, else the first line
    of real content (page residue above it is not the document's), trimmed; None if
    there is none.  Two look-ups of shared work and an array's: not worth sharing."""
    title = title_of(doc)
    if title is not None:
        return title.start, title.end
    first = content_start_line(doc)
    if first is None:
        return None
    starts, ends = doc.trimmed_lines
    return starts[first - 1], ends[first - 1]


class MissingSection(Rule):
    name = "missing-section"
    category = "sections"
    severity = "error"
    summary = {"zh": "缺少必备部分", "en": "a part the document type requires is missing"}
    rationale = {
        "zh": "法治政府建设年度报告须包括：年度主要举措和成效、存在的不足和原因、党政主要负责人履行"
              "第一责任人职责的情况、下一年度主要安排（《法治政府建设与责任落实督察工作规定》）。"
              "既没有相应标题、正文也没有写到的部分报错误；只在正文中写到、没有单独成节的部分报提示。",
        "en": "An annual rule-of-law report must cover the year's measures and results, the "
              "shortfalls and their causes, how the principal leaders performed their duty as "
              "第一责任人, and next year's plans. A part neither named by a heading nor covered "
              "in the body is an error; one covered only in the body is reported as info.",
    }
    examples = {"bad": "某县2021年度法治政府建设情况报告\n一、主要举措和成效\n二、2022年度工作安排",
                "good": "某县2021年度法治政府建设情况报告\n一、主要举措和成效\n二、存在的不足和原因\n"
                        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、下一年度工作安排"}

    def check(self, doc, options):
        profile = profile_of(doc)
        # A type without parts (generic) requires nothing: no generator is made.
        return self._missing(doc, profile) if profile.parts else ()

    def _missing(self, doc, profile):
        anchor = None   # where a missing part is reported: found for the first one
        for part, cov in zip(profile.parts, coverage(doc)):
            if not part.required:
                continue
            if cov is None:
                if anchor is None:
                    anchor = _anchor(doc) or (0, 0)
                yield self.finding(
                    *anchor,
                    zh=f"缺少必备部分：{part.name['zh']}（文件类型 {profile.name} 应包括此项，"
                       "但没有相应的标题，正文中也没有写到）",
                    en=f"missing part: {part.name['en']} (a document of type {profile.name} "
                       "must include it; no heading names it and the body does not cover it)")
            elif cov.how == "body":
                line, _ = doc.position(cov.start)
                yield self.finding(
                    cov.start, cov.end, severity="info",
                    zh=f"必备部分“{part.name['zh']}”没有单独成节，只在第{line}行的正文中写到",
                    en=f"the part '{part.name['en']}' has no section of its own; it is covered "
                       f"only in the body at line {line}")


class SectionOrder(Rule):
    name = "section-order"
    category = "sections"
    severity = "warning"
    summary = {"zh": "必备部分的顺序与规定不符", "en": "required parts out of the prescribed order"}
    rationale = {
        "zh": "各部分应按规定的顺序排列，例如“存在的不足和原因”应在“下一年度主要安排”之前。"
              "只比较文档最高一级标题所对应的部分。",
        "en": "The parts come in the prescribed order: the shortfalls before next year's plans, "
              "for example. Only parts that are sections at the document's top heading level "
              "are compared.",
    }
    examples = {"bad": "某县2021年度法治政府建设情况报告\n一、主要举措和成效\n二、下一年度工作安排\n"
                       "三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、存在的不足和原因",
                "good": "某县2021年度法治政府建设情况报告\n一、主要举措和成效\n二、存在的不足和原因\n"
                        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、下一年度工作安排"}

    def check(self, doc, options):
        profile = profile_of(doc)
        # A type without parts (generic) has no order to keep: no generator is made.
        return self._misplaced(doc, profile) if profile.parts else ()

    def _misplaced(self, doc, profile):
        present = [(part, cov) for part, cov in zip(profile.parts, coverage(doc))
                   if cov is not None and cov.top_level]
        in_order = _longest_in_order([cov.start for _, cov in present])
        for i, (part, cov) in enumerate(present):
            if i in in_order:
                continue
            # It should follow the last part before it in the regulation's order
            # that stands where it should.
            before = [j for j in in_order if j < i]
            if before:
                other, at = present[before[-1]]
                zh = f"“{part.name['zh']}”应在“{other.name['zh']}”之后"
                en = f"'{part.name['en']}' should come after '{other.name['en']}'"
            else:
                other, at = present[min(in_order)]
                zh = f"“{part.name['zh']}”应在“{other.name['zh']}”之前"
                en = f"'{part.name['en']}' should come before '{other.name['en']}'"
            line, _ = doc.position(at.start)
            yield self.finding(
                cov.start, cov.end, zh=f"{zh}（第{line}行）", en=f"{en} (line {line})",
                related=[Related(at.start, at.end, zh="顺序正确的相邻部分",
                                 en="the neighbouring part in its right place")])


def _longest_in_order(positions: list) -> set:
    """Indices of a longest increasing run (not necessarily contiguous) of positions:
    the parts in their right place; the others are the misplaced ones."""
    best: list[list[int]] = []
    for i, p in enumerate(positions):
        # <=: two parts named by one heading (存在的问题和下一步工作打算) are in order.
        chain = max((best[j] for j in range(i) if positions[j] <= p), key=len, default=[])
        best.append(chain + [i])
    longest: list[int] = max(best, key=len, default=[])
    return set(longest)


class MissingTitle(Rule):
    name = "missing-title"
    category = "sections"
    severity = "error"
    summary = {"zh": "缺少标题", "en": "the document has no title"}
    rationale = {
        "zh": "公开的报告须有标题。去掉网页残留后，第一行实际内容已是正文（以句号结束、以冒号结束或过长），"
              "说明标题在粘贴时丢失。",
        "en": "A published report needs a title. When the first line of real content (after any "
              "page residue) is already body text, the title was lost in pasting.",
    }
    examples = {"bad": "2023年,钦州市委、市人民政府坚持……现将有关情况报告如下:",
                "good": "钦州市2023年法治政府建设年度报告\n2023年,钦州市委、市人民政府坚持……"}

    def check(self, doc, options):
        return () if title_of(doc) is not None else self._untitled(doc)   # most: no generator

    def _untitled(self, doc):
        anchor = _anchor(doc)
        if anchor is None:
            return  # only page residue: no text of its own to want a title
        start, end = anchor
        if SALUTATION.match(doc.folded, start, end):
            return  # 各位代表: — a speech or a letter opens with its addressee, not body text
        yield self.finding(
            start, end,
            zh="缺少标题：第一行实际内容已是正文",
            en="no title: the first line of real content is already body text")


@hookimpl
def reportlint_rules():
    return [MissingTitle(), MissingSection(), SectionOrder()]
