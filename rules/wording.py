"""Wording: typos, variant forms and fixed phrases from a curated list, words and marks
typed twice, half-width marks in full-width text (or the reverse), dashes in spans of years.

The list (rules/vocab/words.yaml, extended under ``vocab: words:``) is matched by one
search of the folded text for its keys' anchors (lint/words.py), shared by its three
rules; the other rules are a few pattern searches each.  Everything is linear in the
text.
"""
from __future__ import annotations

import codecs
import re
from bisect import bisect_left, bisect_right

from reportlint import Fix, Rule, hookimpl
from reportlint.document import fold
from reportlint.patterns import Lazy
from reportlint.words import word_list_of

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import ClassVar

# -- the word list -------------------------------------------------------------------------

# A document's date: the first full date near its top (the dateline of a speech, a
# published-on line), else the first year there (a report on 2023年度).
_HEAD = 600
_FULL_DATE = re.compile(r"((?:19|20)\d\d)(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2}))")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def document_date(doc):
    """(year, month, day) the document is from, as its head says, or None.  A year alone
    counts as its first day: a phrase that began later that year may postdate it."""
    head = doc.folded[:_HEAD]
    m = _FULL_DATE.search(head)
    if m:
        y, m1, d1, m2, d2 = m.groups()
        return int(y), int(m1 or m2), int(d1 or d2)
    m = _YEAR.search(head)
    return (int(m.group(1)), 1, 1) if m else None


def list_hits(doc) -> list:
    """The word list's hits in the document; a phrase with a ``since`` date is not
    looked for in a document dated before it."""
    hits = word_list_of(doc).find(doc.folded)
    if any(h.entry.since for h in hits):
        date = doc.shared(document_date)
        if date is not None:
            hits = [h for h in hits if h.entry.since is None or date >= h.entry.since]
    return hits


_KIND_WORDS = {"typo": ("错别字", "a typo"), "variant": ("异形词", "a non-recommended form"),
               "phrase": ("固定提法有误", "a fixed phrase miswritten")}


def _replacement(doc, start: int, end: int, right: str) -> str:
    """The right form in the widths the passage uses: a half-width passage gets
    half-width marks (纲要(2021—2025年)), a full-width one the form as listed."""
    original = doc.text[start:end]
    if original == doc.folded[start:end] and any(not c.isalnum() and c.isascii()
                                                 for c in original):
        return fold(right)
    return right


class _ListRule(Rule):
    kind = ""
    fixable = "safe"

    # The checks of this family give lists, not generators: most texts hold nothing to
    # report, and a generator costs a short text more than its search.
    def check(self, doc, options):
        return [self._finding(doc, h) for h in doc.shared(list_hits) if h.entry.kind == self.kind]

    def _finding(self, doc, h):
        wrong = doc.text[h.start:h.end]
        right = _replacement(doc, h.start, h.end, h.entry.right)
        what_zh, what_en = _KIND_WORDS[self.kind]
        source = h.entry.source
        return self.finding(
            h.start, h.end,
            zh=f"{what_zh}：“{wrong}”应为“{right}”" + (f"（{source}）" if source else ""),
            en=f"{what_en}: {wrong} should be {right}" + (f" ({source})" if source else ""),
            fix=Fix(h.start, h.end, right))


_LIST_RATIONALE_EN = (" The list is data, rules/vocab/words.yaml: every entry names its kind, "
                      "its right form, its wrong forms, its source and the contexts that "
                      "hold a wrong form and are right (guards); extend or disable entries in "
                      ".reportlint.yaml under vocab: words:.")
_LIST_RATIONALE_ZH = ("词表是数据文件 rules/vocab/words.yaml：每个条目写明类别、正确写法、错误写法、"
                      "出处，以及含有错误写法却是正确用法的语境（guard）；可在 .reportlint.yaml 的 "
                      "vocab: words: 下增加或停用条目。")


class ConfusableWord(_ListRule):
    name = "confusable-word"
    category = "wording"
    severity = "error"
    kind = "typo"
    summary = {"zh": "错别字或易混淆词", "en": "a typo or a confusable word"}
    rationale = {
        "zh": "公文中常见的错别字和易混淆词，例如截止年底应为截至年底、再接再励应为再接再厉、"
              "做为应为作为。只收从不成词的错误写法，容易误报的写法要么附有语境限制，要么不收；"
              "截止日期、截止到等正确用法不会被报告。" + _LIST_RATIONALE_ZH,
        "en": "Typos and confusable words of official writing: 截止年底 for 截至年底, 再接再励 for "
              "再接再厉, 做为 for 作为. Only forms that are never a right word are listed, or they "
              "carry the context that makes them wrong; 截止日期 and 截止到 are right and stay "
              "silent." + _LIST_RATIONALE_EN,
    }
    examples = {"bad": "截止年底，全区共受理行政复议申请56件。",
                "good": "截至年底，全区共受理行政复议申请56件，申报截止日期为3月31日。"}


class VariantForm(_ListRule):
    name = "variant-form"
    category = "wording"
    severity = "warning"
    kind = "variant"
    summary = {"zh": "非推荐的异形词", "en": "a non-recommended variant form"}
    rationale = {
        "zh": "《第一批异形词整理表》（GF 1001—2001）为一组异形词规定了推荐写法，例如交代（不作交待）、"
              "成分（不作成份）、笔画（不作笔划）。非推荐写法并非错字，报告为警告。"
              + _LIST_RATIONALE_ZH,
        "en": "The First Batch of Variant Words (GF 1001-2001) names the recommended form of "
              "each group: 交代 not 交待, 成分 not 成份, 笔画 not 笔划. The other forms are no "
              "typos, so they are warnings." + _LIST_RATIONALE_EN,
    }
    examples = {"bad": "向群众交待清楚政策。", "good": "向群众交代清楚政策。"}


class PhraseForm(_ListRule):
    name = "phrase-form"
    category = "wording"
    severity = "error"
    kind = "phrase"
    summary = {"zh": "固定提法写法有误", "en": "a fixed political phrase miswritten"}
    rationale = {
        "zh": "党和国家的固定提法须与原文一字不差，例如“以习近平同志为核心的党中央”"
              "“习近平法治思想”，“两个确立”中是习近平同志，“两个维护”中是习近平总书记。"
              "有起始日期（since）的提法只在该日期之后的文件中检查。" + _LIST_RATIONALE_ZH,
        "en": "Fixed phrases of the Party and the state are quoted word for word: "
              "以习近平同志为核心的党中央, 习近平法治思想; the 两个确立 name 习近平同志, the "
              "两个维护 习近平总书记. A phrase with a start date (since) is checked only in "
              "documents dated after it." + _LIST_RATIONALE_EN,
    }
    examples = {"bad": "2023年，在以习近平总书记为核心的党中央坚强领导下，全区经济稳中有进。",
                "good": "2023年，在以习近平同志为核心的党中央坚强领导下，全区经济稳中有进。"}


# -- doubled words ---------------------------------------------------------------------------

# Verbs and adjectives that double as ABAB (研究研究, 商量商量): colloquial, not a slip.
ABAB = frozenset("""
研究 讨论 商量 学习 了解 考虑 休息 锻炼 打扫 整理 收拾 检查 交流 沟通 琢磨 思考 比较 分析
总结 调查 活动 准备 打听 介绍 试验 尝试 体验 感受 享受 放松 清理 梳理 盘算 合计 估计 计算
核对 对照 比划 溜达 表扬 批评 教育 帮助 指点 指导 关心 照顾 提醒 安慰 鼓励 请教 练习 复习
宣传 动员 考察 打算 议论 品尝 欣赏 观察 感谢 认识 熟悉 适应 说明 解释 明白 高兴 热闹 凉快
暖和 轻松 舒服 痛快 乐呵 开心 清醒 清楚 干净 漂亮 热乎
""".split())
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
# 的的 is a slip, except in 目的的 / 标的的 / 众矢之的的 and the AABB 的的确确 or 有的的确.
_DE_BEFORE = frozenset("目标靶之")
_DE_AFTER = frozenset("确")
# (A pattern: str.find stops at every 的, the most common character, and is slower.)
_DOUBLED_DE = Lazy("的的")


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def repeats(text: str, lengths=(2, 3, 4)):
    """(start, length) of every place where ``text[start:start+L]`` is followed by itself.

    A repeat of length L makes the code points at distance L equal.  Their low bytes,
    taken as one big integer and XOR-ed with itself shifted by L bytes, give a zero byte
    at each such position: bytes.find picks out runs of L zeros at C speed, and each is
    then compared exactly.  Linear in the text for each length.  Read in pieces (each with
    the characters after it that a repeat starting in it reaches): the whole text made
    four bytes a character would be twice as large as the text itself.
    """
    reach = 2 * max(lengths, default=0) - 1
    for base in range(0, len(text), _REPEAT_PIECE):
        piece = text[base:base + _REPEAT_PIECE + reach]
        low = _UTF32_LE(piece)[0][::4]
        n = len(low)
        whole = int.from_bytes(low, "little")
        for size in lengths:
            diff = (whole ^ (whole >> (8 * size))).to_bytes(n, "little")
            zeros = b"\0" * size
            stop = _REPEAT_PIECE + size - 1   # the repeats that start in this piece
            i = diff.find(zeros, 0, stop)
            while i >= 0:
                if i + 2 * size <= n and piece[i:i + size] == piece[i + size:i + 2 * size]:
                    yield base + i, size
                i = diff.find(zeros, i + 1, stop)


# Characters looked for repeats at a time.
_REPEAT_PIECE = 1 << 16
# The codec's own function: str.encode looks the codec up by name at every call, which
# costs a short text more than the encoding.
_UTF32_LE = codecs.utf_32_le_encode


def _attested(text: str, found: list) -> list:
    """The repeats whose word is as well attested in the document as what straddles the
    join: 产业创业创新 repeats 业创, but 创业 is the word there (it is written elsewhere
    more often than 业创).  A few strings are counted one by one, more in one pass of an
    automaton of them all."""
    if not found:
        return []
    # Each repeat judged once by what it spans (a word and its copy), however often the
    # text holds it (a page of toolbars repeats one label at every fourth character), and
    # with the copies of that span, counted as str.count would, none overlapping: told by
    # the repeats themselves (every copy is one), not by a search of the text for each.
    spans: dict = {}   # span -> [size, copies, where the last copy counted ends]
    placed = sorted((i, size, text[i:i + 2 * size]) for i, size in found)
    for i, size, span in placed:
        seen = spans.get(span)
        if seen is None:
            spans[span] = [size, 1, i + 2 * size]
        elif i >= seen[2]:
            seen[1] += 1
            seen[2] = i + 2 * size
    wanted: dict = {}
    for span, (size, _, _) in spans.items():
        for k in range(size):
            wanted.setdefault(span[k:k + size], 0)
    if len(wanted) <= _COUNTED_ONE_BY_ONE:
        for s in wanted:
            wanted[s] = _occurrences(text, s)
    else:
        _count_all(text, wanted)
    kept = {span for span, (size, copies, _) in spans.items()
            if _word_attested(span, size, wanted, copies)}
    return [(i, size) for i, size, span in placed if span in kept]


def _word_attested(span: str, size: int, counts: dict, copies: int) -> bool:
    """Whether the word that ``span`` repeats (its first ``size`` characters) occurs
    outside the span's ``copies`` as often as each string that straddles the join
    (``counts``: the occurrences in the whole text).  Outside every copy, not only the
    one judged: a phrase written five times (产业创业创新) is not five times the evidence
    that 业创 is its word."""
    def outside(s: str) -> int:
        return counts[s] - copies * sum(span.startswith(s, k) for k in range(size + 1))
    word = outside(span[:size])
    return all(word >= outside(span[k:k + size]) for k in range(1, size))


# Strings counted by a search each (at C speed, but a read of the text each) when there
# are no more than this many: most documents with a repeat give two or three.
_COUNTED_ONE_BY_ONE = 4


def _occurrences(text: str, s: str) -> int:
    """How often ``s`` occurs in ``text``, occurrences that overlap counted too."""
    if not any(s[:k] == s[-k:] for k in range(1, len(s))):
        return text.count(s)   # no two occurrences can overlap
    n, i = 0, text.find(s)
    while i >= 0:
        n += 1
        i = text.find(s, i + 1)
    return n


def _count_all(text: str, wanted: dict) -> None:
    """Count the occurrences of each key of ``wanted`` in ``text`` into it (overlapping
    ones too), in one pass of an automaton of them all."""
    import ahocorasick

    a = ahocorasick.Automaton()
    for s in wanted:
        a.add_word(s, s)
    a.make_automaton()
    # In pieces (each with the characters a word starting in it reaches): the automaton
    # copies the string it is given, four bytes a character.
    reach = max(map(len, wanted)) - 1
    for base in range(0, len(text), _REPEAT_PIECE):
        for last, s in a.iter(text[base:base + _REPEAT_PIECE + reach]):
            if last + 1 - len(s) < _REPEAT_PIECE:
                wanted[s] += 1


class DoubledWord(Rule):
    name = "doubled-word"
    category = "wording"
    severity = "error"
    fixable = "safe"
    summary = {"zh": "词语或字重复", "en": "a word typed twice"}
    rationale = {
        "zh": "编辑时误把一个词打了两遍，例如工作工作部署、进一步进一步、的的。两到四个汉字连续重复两次，"
              "或“的的”，即被报告，修正为一遍。汉语本身的重叠不报告：常常、天天（单字重叠）、"
              "研究研究（动词重叠，内置常用词表，allow 可补充）、一个一个、数字（二零二零）、"
              "目的的、的的确确；跨行的重复（列表）也不报告。",
        "en": "A word typed twice while editing: 工作工作部署, 进一步进一步, 的的. Two to four "
              "Chinese characters said twice in a row, or 的的, are reported and the fix keeps "
              "one. What the language doubles is left alone: 常常 and 天天 (one character "
              "doubled), 研究研究 (a verb doubled; a built-in list, extended by the allow "
              "option), 一个一个, numerals (二零二零), 目的的, 的的确确; a repeat across a line "
              "break (a list) is not one.",
    }
    options: ClassVar[dict] = {"allow": []}
    examples = {"bad": "全面落实工作工作部署，进一步提升依法行政水平。",
                "good": "天天学法，常常研究研究案例，一个一个落实到位。"}

    def check(self, doc, options):
        text = doc.folded
        allowed = (ABAB | set(options["allow"])) if options["allow"] else ABAB
        slips: dict = {}   # word -> whether its repeat is a slip, told once per word
        found = []
        for i, size in repeats(text):
            word = text[i:i + size]
            slip = slips.get(word)
            if slip is None:
                slip = slips[word] = self._slip(word, allowed)
            if slip:
                found.append((i, size))
        found = _attested(text, found) + self._de(text)
        if not found:
            return []
        found.sort(key=lambda f: (f[0], -f[1]))
        out = []
        reached = -1
        for i, size in found:
            if i < reached:
                continue  # one finding for 工作工作工作
            end = i + 2 * size
            reached = end
            word = doc.text[i:i + size]
            out.append(self.finding(
                i, end,
                zh=f"词语重复：“{doc.text[i:end]}”应为“{word}”",
                en=f"a word typed twice: {doc.text[i:end]}, meant {word}",
                fix=Fix(i + size, end, "")))
        return out

    @staticmethod
    def _slip(word: str, allowed) -> bool:
        if not all(_is_han(c) for c in word) or len(set(word)) == 1:
            return False  # not Chinese text, or one character doubled (常常, 天天)
        if word in allowed or all(c in _NUMERALS for c in word):
            return False
        return not (len(word) == 2 and word[0] == "一")   # 一个一个, 一步一步

    @staticmethod
    def _de(text: str) -> list:
        out = []
        m = _DOUBLED_DE.search(text)   # (most texts hold none: no iterator)
        while m:
            i = m.start()
            if not (i and text[i - 1] in _DE_BEFORE) and text[i + 2:i + 3] not in _DE_AFTER:
                out.append((i, 1))
            m = _DOUBLED_DE.search(text, i + 2)
        return out


# -- doubled punctuation --------------------------------------------------------------------

# On the folded text: ，， and ,, alike.  …… and —— are single marks and never match.
# One pattern a mark, each starting with the mark twice: a search skips to that pair at C
# speed, where one pattern for all of them would stop at every single 。.  Each is
# searched for only where its mark occurs at all: ; : ! ? are absent from most texts, and
# looking for one character is several times quicker than for a pattern.
_DOUBLED_MARKS = [(c, Lazy(re.escape(c) * 2 + re.escape(c) + "*")) for c in "。,;、:!?"]


class DoubledPunctuation(Rule):
    name = "doubled-punctuation"
    category = "wording"
    severity = "error"
    fixable = "safe"
    summary = {"zh": "标点符号重复", "en": "a punctuation mark typed twice"}
    rationale = {
        "zh": "。。 ，， ；； 、、 ！！ ？？ ：：这样连续重复的标点是输入时的失误，修正为一个。"
              "省略号……和破折号——本身就是两个字符，不报告；半角标点只在紧挨汉字时报告，"
              "代码和网址中的不算。",
        "en": "A mark typed twice (。。 ，， ；； 、、 ！！ ？？ ：：) is a slip; the fix keeps one. "
              "…… and —— are single marks of two characters and are fine; half-width marks "
              "count only next to Chinese characters, not in code or addresses.",
    }
    examples = {"bad": "全面推进依法行政，，加快建设法治政府。。",
                "good": "全面推进依法行政，加快建设法治政府……"}

    def check(self, doc, options):
        text, folded = doc.text, doc.folded
        spans = []
        for mark, pattern in _DOUBLED_MARKS:
            if mark not in folded:
                continue
            # Most texts hold none: one search, no iterator (from the first on, a text
            # that holds one is still read once).
            first = pattern.search(folded)
            if first is not None:
                spans.append(first.span())
                spans += [m.span() for m in pattern.finditer(folded, first.end())]
        out = []
        for start, end in sorted(spans):
            run = text[start:end]
            if run.isascii() and not (start and _is_han(folded[start - 1])
                                      or end < len(folded) and _is_han(folded[end])):
                continue  # ASCII marks away from Chinese text: code, an address
            out.append(self.finding(
                start, end,
                zh=f"标点重复：“{run}”应为“{run[0]}”",
                en=f"a mark typed {len(run)} times: {run}, meant {run[0]}",
                fix=Fix(start, end, run[0])))
        return out


# -- width consistency ---------------------------------------------------------------------

FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
# Marks that stand next to Chinese text: what a half-width , ; : before it is meant to
# separate, and the opening marks a clause may start with.
_CJK_OPENERS = "“‘《「『【〔（"
# A half-width , ; : that follows text (and comes before a Chinese character or an opening
# mark, asked where one is found: a class of the Chinese characters takes milliseconds to
# compile); a half-width ( whose ) closes it on its line, with no other ( between.  One
# pattern a mark: a search skips to a character many times faster than to a class.
_HALF_SEPARATORS = {c: Lazy(re.escape(c) + r"(?<=\S.)") for c in ",;:"}
_HALF_PAIR = Lazy(r"\([^()（\n]*\)")
# The title marks, whose contents (the document's own quoted names) stay as written.
_TITLE_MARK = Lazy("[《》]")
# A kind of mark written at least this often in the minority's width, and more often so
# than in the majority's, is the document's choice for that kind: (一) headings in a text
# of full-width commas.
CLASS_CHOICE = 4


def _opens_chinese(c: str) -> bool:
    return _is_han(c) or bool(c) and c in _CJK_OPENERS


def _half_width_marks(doc) -> list:
    """(start, end, class) of the half-width marks used as Chinese punctuation: , ; :
    before a Chinese character, and ( ) pairs on one line around Chinese text; never
    inside 《…》, in numbers (2.50:1), addresses (http://) or English (a, b), nor in the
    front matter.  Each kind is found by one pattern over the text, and only on a line
    where one is found is it asked where that line's titles stand."""
    text = doc.text
    found = []
    for kind, pattern in _HALF_SEPARATORS.items():
        at = [m.start() + 1 for m in pattern.finditer(text)]   # the character after it
        found += [(p - 1, p, kind) for p in at   # most: before a 汉字, no call
                  if "\u4e00" <= text[p:p + 1] <= "\u9fff" or _opens_chinese(text[p:p + 1])]
    found += [(m.start(), m.end(), "()") for m in _HALF_PAIR.finditer(text)
              if any(_is_han(c) for c in m.group()[1:-1])]
    found.sort()
    if doc.body_start:   # the front matter: blanked in the folded text, no rule reads it
        del found[:bisect_left(found, (doc.body_start,))]
    out = []
    line_end = -1
    titles: list = []   # the line's titles: opening 《 and closing 》 offsets, in turn
    for mark in found:
        start = mark[0]
        if start > line_end:   # the first mark of a line
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            if line_end < 0:
                line_end = len(text)
            titles = _titles(text, line_start, line_end)
        if not titles or not bisect_right(titles, start) & 1:
            out.append(mark)   # (else a title's own marks: between a 《 and its 》)
    return out


def _titles(text: str, start: int, end: int) -> list:
    """The offsets of the opening 《 and the closing 》 of each title in
    ``text[start:end]``, a line, in turn: a mark between two stands inside 《…》 (nested
    ones counted; one left open runs to the end of the line)."""
    if text.find("《", start, end) < 0:
        return []   # most lines
    spans: list = []
    depth = 0
    for m in _TITLE_MARK.finditer(text, start, end):
        if m.group() == "《":
            depth += 1
            if depth == 1:
                opened = m.start()
        elif depth:
            depth -= 1
            if not depth:
                spans += (opened, m.start())
    if depth:
        spans += (opened, end)
    return spans


# The class of a full-width mark.
_FULL_CLASS = {FULL[c]: c for c in ",;:"}
_FULL_MARK = Lazy("[，；：（]")


def _full_width_marks(doc) -> list:
    """(start, end, class) of the full-width marks after the front matter: , ; : one by
    one, （ ） as pairs."""
    text = doc.text
    out = []
    for m in _FULL_MARK.finditer(text, doc.body_start):
        p = m.start()
        c = text[p]
        if c != "（":
            out.append((p, p + 1, _FULL_CLASS[c]))
            continue
        line_end = text.find("\n", p)
        close = text.find("）", p + 1, len(text) if line_end < 0 else line_end)
        if close >= 0 and "（" not in text[p + 1:close] and "(" not in text[p + 1:close]:
            out.append((p, close + 1, "()"))
    return out


class WidthConsistency(Rule):
    name = "width-consistency"
    category = "wording"
    severity = "warning"
    fixable = "safe"
    summary = {"zh": "全角与半角标点混用", "en": "half-width marks in full-width text, or the reverse"}
    rationale = {
        "zh": "中文标点用全角（GB/T 15834—2011）。一篇通篇使用全角标点的文件中夹杂的半角逗号、分号、冒号"
              "和括号（如“精细化,开展”），或通篇半角的文件中夹杂的全角标点，即少数一方，会被报告并修正为"
              "多数一方的写法。通篇统一使用半角的文件是一致的，不报告。数字（2.50:1）、网址、英文、代码"
              "以及书名号内的原有名称不算；某类标点（如括号）本身以少数写法为主时也不报告。"
              "majority 是多数一方至少要占的比例。",
        "en": "Chinese takes full-width marks (GB/T 15834-2011). Half-width commas, semicolons, "
              "colons and brackets between Chinese characters in a document that otherwise "
              "uses full width (精细化,开展), or full-width marks in a document that otherwise "
              "uses half width, are the minority: each is reported with a fix to the "
              "majority's form. A document normalised to half width throughout is consistent "
              "and gives nothing. Numbers (2.50:1), addresses, English, code and names quoted "
              "in 《…》 stay as written, and so does a kind of mark (brackets, say) that the "
              "document itself mostly writes in the minority's width. majority is the share "
              "the majority must have.",
    }
    options = {"majority": 0.8}
    option_bounds = {"majority": (0.5, 1.0)}
    examples = {
        "bad": "坚持依法行政，推进严格规范公正文明执法，深化政务公开，完善监督体系，"
               "健全依法决策机制，推进精细化,开展专项行动。",
        "good": "坚持依法行政,推进严格规范公正文明执法,深化政务公开,完善监督体系,"
                "健全依法决策机制,推进精细化,开展专项行动。",
    }

    def check(self, doc, options):
        text = doc.text
        # (Each mark asked for in turn: a generator costs a short text more than the search.)
        if not ("，" in text or "；" in text or "：" in text or "（" in text):
            return []  # no full-width mark: consistent, or nothing to compare (the seeds)
        if not ("," in text or ";" in text or ":" in text or "(" in text):
            return []  # no half-width mark (most reports): the full-width ones are the rule
        half = _half_width_marks(doc)
        if not half:
            return []  # none used as Chinese punctuation: the same
        body = doc.body_start   # (the front matter's marks count for nothing)
        full_counts = {k: sum(text.count(FULL[c], body) for c in k) for k in (",", ";", ":", "()")}
        counts = {"h": _count(half), "f": full_counts}
        n_half, n_full = sum(counts["h"].values()), sum(full_counts.values())
        total = n_half + n_full   # (both at least one: checked above)
        if n_full >= options["majority"] * total:
            minority, majority, to_full = half, "f", True
        elif n_half >= options["majority"] * total:
            # Listed one by one only here: in the usual full-width text they are thousands.
            minority, majority, to_full = _full_width_marks(doc), "h", False
        else:
            return []  # mixed throughout: neither width is the document's
        theirs = "h" if majority == "f" else "f"
        # A kind of mark mostly written in the minority's width is the document's choice.
        chosen = {kind for kind, n in counts[theirs].items()
                  if CLASS_CHOICE <= n > counts[majority][kind]}
        marks = [mark for mark in minority if mark[2] not in chosen]
        if not marks:
            return []
        # What a mark's finding says, by the mark (most are one of five): the minority may
        # be thousands of marks.
        said: dict = {}
        found = []
        for start, end in _NotWording(doc).own(marks):
            original = text[start:end]
            words = said.get(original)
            if words is None:
                words = said[original] = _said(original, to_full)
            fixed, zh, en = words
            found.append(self.finding(start, end, zh=zh, en=en, fix=Fix(start, end, fixed)))
        return found


def _said(original: str, to_full: bool) -> tuple:
    """(the fixed marks, the Chinese message, the English one) of a mark in the minority's
    width: its first and last characters in the majority's."""
    last = len(original) - 1
    fixed = "".join((FULL[c] if to_full else fold(c)) if k in (0, last) else c
                    for k, c in enumerate(original))
    if to_full:
        zh, en = "本文通篇使用全角标点，此处应为全角", "the document uses full-width marks"
    else:
        zh, en = "本文通篇使用半角标点，此处应为半角", "the document uses half-width marks"
    return fixed, f"{zh}：“{original}”应为“{fixed}”", f"{en}: {original} should be {fixed}"


def _merged(spans) -> tuple:
    """(starts, ends) of ``spans`` sorted and made disjoint (those that overlap or touch
    merged)."""
    starts: list = []
    ends: list = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


# A line that is a label and its value (主办：某某办公室, 发布日期: 2023-01-05): a form's or a
# site's, written by the CMS, not in the wording of the text.
_NOT_ON_A_LABEL_LINE = "，,；;"
_LABEL_LINE = Lazy(r"[ \t]*[\u4e00-\u9fff]{1,8}[ \t]*[:：][^\n。" + _NOT_ON_A_LABEL_LINE + "]*$")
# A line that holds one of these is no label line: the marks themselves need no asking.
_NEVER_ON_A_LABEL_LINE = frozenset(_NOT_ON_A_LABEL_LINE)


class _NotWording:
    """What is not the document's own punctuation: page chrome (a toolbar, a footer),
    label lines (主办：…) and heading numbers (Word renders its automatic （一） in full
    width whatever the text uses; the heading rules judge numbering).  A line is asked
    whether it is a label only where a mark stands on it."""

    def __init__(self, doc):
        from reportlint.residue import residue_blocks

        self.doc = doc
        self.starts, self.ends = _merged([(b.start, b.end) for b in residue_blocks(doc)]
                                         + [(h.marker.start, h.marker.end) for h in doc.headings])

    def own(self, marks: list) -> list:
        """(start, end) of the marks (start, end, kind), sorted, that are the document's
        own punctuation; one walk along the marks and the spans together."""
        starts, ends = self.starts, self.ends
        doc = self.doc
        text = doc.text
        labels: dict = {}   # line index -> whether it is a label line
        out = []
        k = 0
        for start, end, _ in marks:
            while k < len(ends) and ends[k] <= start:
                k += 1
            if k < len(ends) and starts[k] <= start:
                continue  # inside page chrome or a heading number
            if text[start] not in _NEVER_ON_A_LABEL_LINE:
                i = bisect_right(doc.line_starts, start) - 1
                label = labels.get(i)
                if label is None:
                    label = labels[i] = bool(_LABEL_LINE.fullmatch(text, doc.line_starts[i],
                                                                   doc.line_ends[i]))
                if label:
                    continue
            out.append((start, end))
        return out


def _count(marks: list) -> dict:
    """Marks per class; a pair of brackets counts as two marks."""
    out = {",": 0, ";": 0, ":": 0, "()": 0}
    for _, _, kind in marks:
        out[kind] += 2 if kind == "()" else 1
    return out


# -- dashes in spans of years --------------------------------------------------------------

# 2021-2025年, 2021年~2025年 on the folded text (a full-width － is folded to -, and is
# accepted: GB/T 15834 allows it in a span).  Literal first digits keep the search fast.
# One pattern a century, each starting with its two digits: a search skips to them at C
# speed, where (?:19|20) stops at every 1 and 2.
_SPAN_DASHES = "-~–〜‐−"
_YEAR_SPANS = [Lazy(century + r"\d\d(年?)[ \t]*([" + _SPAN_DASHES + r"])[ \t]*((?:19|20)\d\d)年")
               for century in ("19", "20")]


def _year_spans(text: str):
    """The matches of either pattern, leftmost first and never overlapping, as one
    pattern for both centuries would give them: where one pattern's next match starts
    inside the last match, it is looked for again after it."""
    found = [pattern.search(text) for pattern in _YEAR_SPANS]
    while True:
        live = [m for m in found if m is not None]
        if not live:
            return
        m = min(live, key=lambda m: m.start())
        yield m
        found = [n if n is None or n.start() >= m.end() else pattern.search(text, m.end())
                 for pattern, n in zip(_YEAR_SPANS, found)]


class YearSpanDash(Rule):
    name = "year-span-dash"
    category = "wording"
    severity = "warning"
    fixable = "safe"
    summary = {"zh": "年份起止应使用一字线", "en": "a span of years takes the dash —"}
    rationale = {
        "zh": "GB/T 15834—2011规定时间的起止用一字线“—”（2021—2025年），浪纹线“～”用于数值范围。"
              "年份之间的短横线、波浪线和短破折号会被报告并修正为“—”，例如"
              "《法治政府建设实施纲要（2021-2025年）》。数值范围（5～10公斤）不报告。",
        "en": "GB/T 15834-2011 marks a span of time with the dash — (2021—2025年); the "
              "tilde ～ is for ranges of numbers. A hyphen, tilde or en dash between two "
              "years is reported and fixed to —, as in 《法治政府建设实施纲要（2021-2025年）》. "
              "Ranges of numbers (5～10公斤) stay as written.",
    }
    examples = {"bad": "贯彻落实《法治政府建设实施纲要（2021-2025年）》。",
                "good": "贯彻落实《法治政府建设实施纲要（2021—2025年）》，每亩增产5～10公斤。"}

    def check(self, doc, options):
        text, folded = doc.text, doc.folded
        # Every span holds a dash and starts with a year: most texts hold no such dash (a
        # character is looked for many times quicker than a pattern), short ones no year.
        if not any(dash in folded for dash in _SPAN_DASHES):
            return []
        if "20" not in folded and "19" not in folded:
            return []
        out = []
        for m in _year_spans(folded):
            start = m.start()
            if start and folded[start - 1].isdigit():
                continue  # the end of a longer number
            dash = m.start(2)
            if text[dash] == "－" or int(m.group(3)) <= int(folded[start:start + 4]):
                continue  # the full-width hyphen is accepted; 2025-2021 is no span
            out.append(self.finding(
                start, m.end(3),
                zh=f"年份起止应使用一字线：“{text[start:m.end()]}”中的“{text[dash]}”应为“—”",
                en=f"a span of years takes the dash —, not {text[dash]}: {text[start:m.end()]}",
                fix=Fix(dash, dash + 1, "—")))
        return out


@hookimpl
def reportlint_rules():
    return [ConfusableWord(), VariantForm(), PhraseForm(), DoubledWord(), DoubledPunctuation(),
            WidthConsistency(), YearSpanDash()]
