"""Arithmetic consistency: counts in one statement that contradict each other.

Precision before recall: a relation is checked only between exact numbers of
one unit inside one statement (between 。!?;), whose labels the vocabulary
(rules/vocab/*.yaml) relates.  Anything less certain stays silent.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from itertools import chain, repeat

from reportlint import Related, Rule, hookimpl
from reportlint.numbers import (CLAUSE_LOOKBACK, CN_BIG, CN_NUMERAL_CHARS, Quantity,
                                candidate_class, clause_start, iter_quantities, ordinal_value)
from reportlint.patterns import Lazy
from reportlint.vocab import vocab_of

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

STATEMENT_END = Lazy(r"[。!?;]")


# -- statements ---------------------------------------------------------------------------


class Item:
    """A quantity with its label (a plain class: each dataclass costs a millisecond at
    every start)."""

    __slots__ = ("q", "label", "context", "total", "breakdown")

    def __init__(self, q: object, label: Optional[str], context: str, total: bool = False,
                 breakdown: bool = False):
        self.q = q                    # the Quantity
        self.label = label
        self.context = context        # the words before it in its clause
        self.total = total            # 共/合计 … stands before it: it is a total
        self.breakdown = breakdown    # 其中 stands before it: a breakdown starts


def statements(doc) -> list:
    """Statements (between 。!?; inside a paragraph) with their labelled quantities,
    read once per document; only those where a rule may find something."""
    return doc.shared(_statements)


def _statements(doc) -> list:
    text = doc.folded
    quantities = iter_quantities(text)
    # Most small texts hold no quantity: one search tells, before the paragraphs and the
    # vocabulary are read.
    first = next(quantities, None)
    if first is None:
        return []
    paragraphs = doc.paragraphs
    if not paragraphs:
        return []
    starts = [p.start for p in paragraphs]
    out: list = []
    keep = _keeper(text, vocab_of(doc), out)
    # One pass over the quantities of the whole text; each is placed in its paragraph and
    # statement as it comes, and only statements that may hold a finding are kept.
    current: list = []  # (quantity, where the previous quantity ended) of this statement
    j, stmt_end = 0, -1
    p_start = prev_end = starts[0]
    p_end = paragraphs[0].end
    opening = True  # no quantity of the paragraph seen yet: one before it is passed over
    for q in chain((first,), quantities):
        q_start, q_end = q[0], q[1]
        if opening and q_start < p_start:
            continue  # it begins before the paragraph
        if q_end > p_end:  # past the paragraph: the paragraph the quantity starts in is next
            if current:
                keep(current)
            j = max(j + 1, bisect_right(starts, q_start) - 1)
            if j < len(paragraphs) and starts[j] <= q_start and paragraphs[j].end < q_end:
                j += 1  # it reaches past the end of the paragraph it starts in
            if j >= len(paragraphs):
                break
            current, stmt_end, opening = [], -1, True
            p_start = prev_end = starts[j]
            p_end = paragraphs[j].end
            if q_start < p_start:
                continue
        opening = False
        if stmt_end < q_end:  # past the statement being read: the next one starts
            # One search per statement, not per quantity: a paragraph with no stop
            # would be read to its end once for every quantity in it.
            m = STATEMENT_END.search(text, q_end, p_end)
            if current:
                keep(current)
            current, stmt_end = [], m.start() if m else p_end
        current.append((q, prev_end))
        prev_end = q_end
    if current:
        keep(current)
    return out


def _keeper(text: str, vocab, out: list):
    """A function that appends a statement's labelled items to ``out`` if a rule may find
    anything in it: a percentage above 100, or two counts (a subset and its total) or
    three quantities (a total and its parts, a rate and its counts, an adjustment) with
    a word of the vocabulary among them.  Most statements hold one number: they cost a
    comparison or two."""
    any_word = vocab.pattern("labels", "totals", "breakdown", "adjusted").search
    totals, breakdown = vocab.pattern("totals").search, vocab.pattern("breakdown").search
    label = vocab.labeller()

    def keep(stmt: list) -> None:
        first, prev_end = stmt[0]
        if len(stmt) == 1 and (first[3] != "%" or first[2] <= 100):
            return
        # Every label, total, breakdown or adjustment lies between the clause of the first
        # quantity and the start of the last.
        lo, hi = max(prev_end, first[0] - CLAUSE_LOOKBACK), stmt[-1][0][0]
        if not any(q[3] == "%" and q[2] > 100 for q, _ in stmt):
            if len(stmt) == 2 and "%" in (first[3], stmt[1][0][3]) or not any_word(text, lo, hi):
                return
        # Most statements have no total and no breakdown: their items are not searched.
        some_total = totals(text, lo, hi) is not None
        some_breakdown = breakdown(text, lo, hi) is not None
        items = []
        for q, prev_end in stmt:
            q_start = q[0]
            ctx_start = clause_start(text, q_start, prev_end)
            context = text[ctx_start:q_start]
            items.append(Item(Quantity(*q, ctx_start), label(text, ctx_start, q_start),
                              context, some_total and totals(context) is not None,
                              some_breakdown and breakdown(context) is not None))
        out.append(items)

    return keep


def _fmt(v: float) -> str:
    """A value as a person writes it: 29000000, 0.29, never 2.9e+07."""
    if abs(v - round(v)) < 1e-6:
        return str(int(round(v)))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _more(a: float, b: float) -> bool:
    """a > b beyond floating-point noise (0.01亿 + 0.28亿 is 0.29亿)."""
    return a > b and not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


_FILLER = Lazy(r"^(?:了|的|共|各类|各种|各项|全部|所有|有关|相关)+")


def _counted(it) -> str:
    """What a count counts: the words after its label (化解各类矛盾纠纷 -> 矛盾纠纷)."""
    at = it.context.find(it.label) if it.label else -1
    rest = it.context[at + len(it.label):] if at >= 0 else ""
    return _FILLER.sub("", rest.strip())


def _same_thing(a, b) -> bool:
    """Whether two labelled counts count the same thing: one names no object, or one
    object holds the other (矛盾纠纷 / 各类矛盾纠纷; not 信访事项 / 矛盾纠纷)."""
    x, y = _counted(a), _counted(b)
    return not x or not y or x in y or y in x


def _show(doc, q) -> str:
    return doc.text[q.start:q.end]


class _Arithmetic(Rule):
    """A rule over the statements (``statements``): a document with none starts no check."""

    category = "arithmetic"
    severity = "error"

    def check(self, doc, options):
        stmts = statements(doc)
        return self._check(doc, stmts, vocab_of(doc)) if stmts else ()

    def _check(self, doc, stmts, vocab):  # pragma: no cover
        raise NotImplementedError


# -- subset-exceeds-total -------------------------------------------------------------------


class SubsetExceedsTotal(_Arithmetic):
    name = "subset-exceeds-total"
    summary = {"zh": "部分数大于总数", "en": "a subset count larger than its total"}
    rationale = {
        "zh": "同一句中，化解数不能多于排查数，受理数不能多于收到数，办结数不能多于受理数，"
              "“其中”的某一项不能多于“共”计数。“含上年度结转N件”之类的说明会被计入。",
        "en": "In one statement 化解 cannot exceed 排查, 受理 cannot exceed 收到, 办结 cannot "
              "exceed 受理, and an item after 其中 cannot exceed the 共 total. A qualifier such as "
              "含上年度结转6件 is taken into account.",
    }
    examples = {"bad": "全区共排查各类矛盾纠纷2887件,化解2936件。",
                "good": "全区共排查各类矛盾纠纷2887件,化解2836件。"}

    def _check(self, doc, stmts, vocab):
        supersets = vocab.supersets()
        for stmt in stmts:
            total = None  # the 共 … count a 其中 breakdown refers to
            in_breakdown = False
            allowance = self._carry_over(doc.folded, stmt, vocab)
            # (unit, label) -> where the latest count so far with that label stands: the
            # nearest superset is looked up, not searched for among every earlier count.
            latest: dict = {}
            labelled = None  # (label, unit) -> how many counts have it, counted when asked
            for i, it in enumerate(stmt):
                q = it.q
                if it.breakdown:
                    in_breakdown = True
                if q.exact and not q.is_percent:
                    sup = self._superset(stmt, it, latest, supersets.get(it.label, ()))
                    if sup is not None:
                        if labelled is None:
                            labelled = Counter((x.label, x.q.unit) for x in stmt)
                        # 市本级受理10件,县区受理50件: parts of a total, not the total itself.
                        if labelled[sup.label, q.unit] > 1:
                            sup = None
                    if sup is not None and _more(q.value - allowance, sup.q.value):
                        yield self._finding(doc, it, sup, allowance, "label")
                    else:
                        if in_breakdown and total is not None and total.q.unit == q.unit \
                                and _more(q.value - allowance, total.q.value):
                            yield self._finding(doc, it, total, allowance, "total")
                        if total is None and it.total:
                            total = it
                if it.label is not None:
                    latest[q.unit, it.label] = i

    @staticmethod
    def _superset(stmt, it, latest, superset_labels) -> Optional[Item]:
        """The nearest earlier count in the statement whose label contains this one's,
        if it is exact and counts the same thing."""
        nearest = -1
        for label in superset_labels:
            at = latest.get((it.q.unit, label), -1)
            if at > nearest:
                nearest = at
        if nearest < 0:
            return None
        prev = stmt[nearest]
        return prev if prev.q.exact and _same_thing(prev, it) else None

    @staticmethod
    def _carry_over(text, stmt, vocab) -> float:
        """含上年度结转6件 anywhere in the statement: that much of a count may come from
        outside this year's total."""
        # Most statements carry nothing over: their counts' contexts, which lie between the
        # first one's start and the last count, are searched once, not one by one.
        if vocab.pattern("carry_over").search(text, stmt[0].q.context_start,
                                              stmt[-1].q.start) is None:
            return 0.0
        carried = [x.q.value for x in stmt if vocab.has(x.context, "carry_over")]
        return max(carried, default=0.0)

    def _finding(self, doc, it, sup, allowance, kind):
        q, s = it.q, sup.q
        extra_zh = f"（已计入结转{_fmt(allowance)}{q.unit}）" if allowance else ""
        extra_en = f" (counting the {_fmt(allowance)} carried over)" if allowance else ""
        sub_label = it.label or "其中一项"
        sup_label = (sup.label or "共计") if kind == "label" else "共计"
        return self.finding(
            q.start, q.end,
            zh=f"部分数大于总数：{sub_label}{_show(doc, q)} > {sup_label}{_show(doc, s)}{extra_zh}",
            en=f"subset larger than its total: {sub_label} {_show(doc, q)} > "
               f"{sup_label} {_show(doc, s)}{extra_en}",
            related=[Related(s.start, s.end, zh="总数", en="the total")])


# -- parts-sum-mismatch ------------------------------------------------------------------------


class PartsSumMismatch(_Arithmetic):
    name = "parts-sum-mismatch"
    summary = {"zh": "各分项之和与总数不符", "en": "parts that do not add up to their total"}
    rationale = {
        "zh": "“共N件，其中a件、b件、c件”：用顿号列出的同一单位的分项之和大于总数是错误；"
              "小于总数只在分项明显构成全部（如继续有效/废止/宣布失效/修改）时报警告。",
        "en": "共 N, 其中 a、b、c: parts of one unit listed with 、 that sum to more than the "
              "total are an error; a sum below the total is a warning only when the parts are "
              "clearly the whole breakdown (继续有效/废止/宣布失效/修改).",
    }
    examples = {"bad": "共梳理文件252件,其中继续有效187件、废止41件、宣布失效33件、修改1件。",
                "good": "共梳理文件252件,其中继续有效187件、废止41件、宣布失效23件、修改1件。"}

    def _check(self, doc, stmts, vocab):
        text = doc.folded
        for stmt in stmts:
            for i, it in enumerate(stmt):
                if not it.total or it.q.is_percent:
                    continue
                parts = self._parts(text, stmt, i, vocab)
                if len(parts) < 2 or not it.q.exact or not all(p.q.exact for p in parts):
                    continue
                total = it.q.value
                got = sum(p.q.value for p in parts)
                shown = "+".join(_show(doc, p.q) for p in parts)
                related = [Related(it.q.start, it.q.end, zh="总数", en="the total")]
                if _more(got, total):
                    yield self.finding(
                        parts[0].q.start, parts[-1].q.end,
                        zh=f"分项之和大于总数：{shown} = {_fmt(got)} > {_show(doc, it.q)}",
                        en=f"the parts add up to more than the total: {shown} = {_fmt(got)} > "
                           f"{_show(doc, it.q)}",
                        related=related)
                elif _more(total, got) and self._whole(parts, vocab):
                    yield self.finding(
                        parts[0].q.start, parts[-1].q.end, severity="warning",
                        zh=f"分项之和小于总数：{shown} = {_fmt(got)} < {_show(doc, it.q)}，"
                           "缺少一项或某个数有误",
                        en=f"the parts add up to less than the total: {shown} = {_fmt(got)} < "
                           f"{_show(doc, it.q)}; a part is missing or a number is wrong",
                        related=related)

    @staticmethod
    def _parts(text, stmt, i, vocab) -> list:
        """The 、-list of counts right after 其中 (or 分别) that follows the total."""
        total = stmt[i]
        if i + 1 >= len(stmt):
            return []
        first = stmt[i + 1]
        opening = vocab.breakdown | {"分别"}
        between = text[total.q.end:first.q.start]
        if not any(w in between for w in opening) or first.q.unit != total.q.unit:
            return []
        parts = [first]
        for j in range(i + 2, len(stmt)):  # no slice: that would copy the rest each time
            nxt, last = stmt[j], parts[-1]
            gap = text[last.q.end:nxt.q.start]
            if nxt.q.unit != total.q.unit or not (gap.startswith("、") or gap.startswith(("和", "及"))):
                break
            if last.total and any(w in gap for w in opening):
                break  # a part that opens a breakdown of its own: what follows are its parts
            parts.append(nxt)
        return parts

    @staticmethod
    def _whole(parts, vocab) -> bool:
        labels = [p.label for p in parts]
        return all(labels) and any(set(labels) <= part for part in vocab.partitions)


# -- rates -------------------------------------------------------------------------------------


def _rate_name(vocab, context: str, names) -> Optional[str]:
    """The rate named in ``context``: the longest name, and of names as long the one
    nearest the number (the context ends at it), so that the choice never depends on the
    order of a set."""
    found = [n for n in names if n in context]
    return max(found, key=lambda n: (len(n), context.rfind(n))) if found else None


def _rate_matches(stated: float, decimals: int, num: float, den: float) -> bool:
    """Whether a stated percentage is num/den, rounded or truncated at its precision."""
    if den <= 0:
        return False
    exact = num / den * 100
    step = 10 ** -decimals
    if abs(exact - stated) <= step / 2 + 1e-9:
        return True
    return math.floor(exact / step + 1e-9) * step == stated or \
        math.ceil(exact / step - 1e-9) * step == stated


# A rate is checked against the counts nearest before it in its statement: the latest
# RATE_WINDOW denominators, each with the latest RATE_WINDOW numerators after it.  Pairing
# every earlier count would cost the square of the statement's counts for every rate.
RATE_WINDOW = 8


class RateMismatch(_Arithmetic):
    name = "rate-mismatch"
    summary = {"zh": "比率与其计算依据的数字不符", "en": "a rate that does not match its counts"}
    rationale = {
        "zh": "调解成功率、办结率、化解率、纠错率等须等于同一句中相应的两个数之比，允许按所写精度四舍五入"
              "或截断（2836/2887=98.23%，写98%正确）。同一句有多组数字时，与任何一组相符即可。",
        "en": "A stated 调解成功率, 办结率, 化解率, 纠错率 … must equal the ratio of the counts it "
              "is computed from in the same statement, rounded or truncated at the stated "
              "precision (2836/2887 = 98.23% written 98% is right). With several candidate "
              "pairs, matching any one is enough.",
    }
    examples = {"bad": "共受理5931件,成功调解5929件,调解成功率98.97%。",
                "good": "共受理5931件,成功调解5929件,调解成功率99.97%。"}

    def _check(self, doc, stmts, vocab):
        for stmt in stmts:
            for it in stmt:
                if it.q.is_percent and self._rate(it, vocab) is not None:
                    break
            else:
                continue  # most statements: no rate to check
            # Per rate of the vocabulary, the counts it may be computed from, as
            # (position, item): the latest denominators, and per unit the latest numerators.
            dens_seen = [deque(maxlen=RATE_WINDOW) for _ in vocab.rates]
            nums_seen: list = [{} for _ in vocab.rates]
            for i, it in enumerate(stmt):
                q = it.q
                if not q.is_percent:
                    if q.exact and it.label is not None:
                        for seen_d, seen_n, (_, nums, dens) in zip(dens_seen, nums_seen, vocab.rates):
                            if it.label in dens:
                                seen_d.append((i, it))
                            if it.label in nums:
                                if q.unit not in seen_n:
                                    seen_n[q.unit] = deque(maxlen=RATE_WINDOW)
                                seen_n[q.unit].append((i, it))
                    continue
                r = self._rate(it, vocab)
                if r is None:
                    continue
                # (numerator, denominator): a numerator after its denominator, of one unit;
                # a rate of nothing (0件 received) is any rate, so it contradicts nothing.
                pairs = [(n, d) for j, d in dens_seen[r] for k, n in nums_seen[r].get(d.q.unit, ())
                         if k > j and d.q.value > 0]
                if pairs and not any(_rate_matches(q.value, q.decimals, n.q.value, d.q.value)
                                     for n, d in pairs):
                    n, d = pairs[-1]
                    actual = n.q.value / d.q.value * 100
                    yield self.finding(
                        q.start, q.end,
                        zh=f"比率与数字不符：{_show(doc, n.q)}/{_show(doc, d.q)} = {actual:.2f}%，"
                           f"而文中为{_show(doc, q)}",
                        en=f"rate does not match its counts: {_show(doc, n.q)}/{_show(doc, d.q)} "
                           f"= {actual:.2f}%, but the text says {_show(doc, q)}",
                        related=[Related(n.q.start, n.q.end, zh="分子", en="numerator"),
                                 Related(d.q.start, d.q.end, zh="分母", en="denominator")])

    @staticmethod
    def _rate(it, vocab) -> Optional[int]:
        """Which rate of the vocabulary a percentage states, if any."""
        if not it.q.exact or not vocab.has(it.context, "rate_names") \
                or vocab.has(it.context, "growth"):
            return None  # no rate named; 办结率同比提高5% is a change of the rate, not the rate
        for r, (names, _, _) in enumerate(vocab.rates):
            if _rate_name(vocab, it.context, names) is not None:
                return r
        return None


class RateOutOfRange(_Arithmetic):
    name = "rate-out-of-range"
    summary = {"zh": "比率超出100%", "en": "a rate above 100%"}
    rationale = {
        "zh": "成功率、办结率、覆盖率、满意率、出庭率等不可能超过100%；同比增长之类的变化率不受此限。",
        "en": "A success, completion, coverage, satisfaction or appearance rate cannot exceed "
              "100%; a growth rate (同比上升, 增长) can.",
    }
    examples = {"bad": "调解成功8140件,成功率为109%。", "good": "调解成功8140件,成功率为99%。"}

    def _check(self, doc, stmts, vocab):
        for stmt in stmts:
            name = None
            for it in stmt:
                q = it.q
                if not q.is_percent:
                    name = None
                    continue
                # Most percentages name no rate: one search tells, before the names are tried.
                found = _rate_name(vocab, it.context, vocab.bounded) \
                    if vocab.has(it.context, "bounded") else None
                if found or not it.context.strip("、和及 "):
                    name = found or name  # 满意率分别为100%、98%: the name carries on
                else:
                    name = None
                if name is None or vocab.has(it.context, "growth"):
                    continue
                if q.value > 100:
                    yield self.finding(
                        q.start, q.end,
                        zh=f"{name}不可能超过100%：文中为{_show(doc, q)}",
                        en=f"{name} cannot exceed 100%: the text says {_show(doc, q)}")


# -- balance-mismatch ------------------------------------------------------------------------


class BalanceMismatch(_Arithmetic):
    name = "balance-mismatch"
    summary = {"zh": "调整前后的数目与增减不符", "en": "before, after and changes that do not balance"}
    rationale = {
        "zh": "“由X项调整为Y项，其中新增a项，取消b项”：须有X+a−b=Y。",
        "en": "由 X 调整为 Y, 其中新增 a, 取消 b: X + a − b must equal Y.",
    }
    examples = {"bad": "清单401项调整为400项,其中新增3项,取消5项。",
                "good": "清单401项调整为400项,其中新增3项,取消4项。"}

    def _check(self, doc, stmts, vocab):
        adjusted = vocab.pattern("adjusted").search
        text = doc.folded
        for stmt in stmts:
            read = None  # what each count says, read once the statement holds an adjustment
            done = set()  # units adjusted already: a later adjustment's counts are changes of it
            for i in range(len(stmt) - 1):
                before, after = stmt[i], stmt[i + 1]
                unit = before.q.unit
                if unit != after.q.unit or unit in done:
                    continue
                if adjusted(text, before.q.end, after.q.start) is None:
                    continue
                if read is None:
                    read = self._read(stmt, vocab)
                kinds, last, last_unread = read
                # The changes are every later count of the unit: there must be one, and each
                # must be exact and read as an addition or a removal.
                if last[unit] < i + 2 or last_unread.get(unit, -1) >= i + 2 \
                        or not (before.q.exact and after.q.exact):
                    continue
                done.add(unit)
                at = [j for j in range(i + 2, len(stmt)) if stmt[j].q.unit == unit]
                changes, signs = [stmt[j] for j in at], [kinds[j] for j in at]
                delta = sum(c.q.value if k == "+" else -c.q.value for c, k in zip(changes, signs))
                expected = before.q.value + delta
                if _more(expected, after.q.value) or _more(after.q.value, expected):
                    terms = "".join(f"{k}{_fmt(c.q.value)}" for c, k in zip(changes, signs))
                    yield self.finding(
                        after.q.start, after.q.end,
                        zh=f"增减不平衡：{_fmt(before.q.value)}{terms} = {_fmt(expected)}，"
                           f"而文中调整后为{_show(doc, after.q)}",
                        en=f"changes do not balance: {_fmt(before.q.value)}{terms} = "
                           f"{_fmt(expected)}, but the text says {_show(doc, after.q)}",
                        related=[Related(before.q.start, before.q.end, zh="调整前", en="before")]
                        + [Related(c.q.start, c.q.end, zh="增减", en="change") for c in changes])

    @classmethod
    def _read(cls, stmt, vocab) -> tuple:
        """Each count's kind (+, - or None), and per unit where its last count stands and
        where its last count that is no exact change stands."""
        kinds = [cls._kind(x, vocab) for x in stmt]
        last: dict = {}
        last_unread: dict = {}
        for j, (x, kind) in enumerate(zip(stmt, kinds)):
            last[x.q.unit] = j
            if kind is None or not x.q.exact:
                last_unread[x.q.unit] = j
        return kinds, last, last_unread

    @staticmethod
    def _kind(item, vocab) -> Optional[str]:
        ctx = item.context
        added, removed = vocab.has(ctx, "added"), vocab.has(ctx, "removed")
        if added == removed:
            return None  # neither, or both: not a change we can read
        return "+" if added else "-"


# -- count-mismatch ------------------------------------------------------------------------
#
# A stated count is checked only when it clearly counts the 、-list right before it:
# a Chinese numeral 二…十/两 with a classifier (三大, 四项, 两类), or an Arabic number
# after 等 (A、B、C等4项); an Arabic count right after an item counts things
# (市、区两级709个政策项目, 下沉项目785个).  The items are counted only when that is
# certain: parallel noun phrases sharing a suffix, or short names.  Anything else,
# and any item holding a count, a conjunction, a bare numeral or only verbs, stays
# silent.  Quoted text (“…”, 《…》) is one piece of an item: a 、 or a count inside it
# belongs to the item.

# A count: a Chinese numeral 二…十 (checked by hand: not part of a larger number or of
# 第三) or an Arabic number (checked by hand: right after 等), then a classifier.
# (The count opens with one character class without \d, which the regex engine skips to
# quickly, then a lookbehind checks the character it took (numbers.candidate_class); a
# second digit only after a first.)
_COUNT_FIRST = candidate_class("0123456789二两三四五六七八九十")
LIST_COUNT = Lazy(rf"(?P<n>{_COUNT_FIRST}(?<=[\d二两三四五六七八九十])"
                  r"(?:(?<=\d)\d)?)(?P<m>方面|[项个大类种条家支批])")
_NUMERAL = CN_NUMERAL_CHARS + "".join(CN_BIG)
NOT_BEFORE_COUNT = frozenset("0123456789第几" + _NUMERAL)
MAX_CN, MAX_ARABIC = 10, 20
# Counts that are part of a fixed name: 践行三个代表重要思想 counts no list.
FIXED_NAMES = ("三个代表", "四个全面", "两个确立", "两个维护", "四个意识", "四个自信",
               "两个毫不动摇", "两个结合", "三个务必", "两个大局", "两个一百年", "三个没有变",
               "四个革命", "两个先行")
MAX_FIXED_NAME = max(map(len, FIXED_NAMES))
# Quoted text, closed within its sentence, is one piece of an item.  Only quotes
# holding a 、, a clause stop or a numeral need masking (“放管服、一网通办”, “两个确立”);
# the pattern cannot backtrack far, so finding them is linear.
_CLAUSE_STOPS = ",;:。!?()\n"
_QUOTE_END = "\n。!?;"
# The clause stops a quote may hold: every one but those that end it.
_STOPS_IN_QUOTE = "".join(c for c in _CLAUSE_STOPS if c not in _QUOTE_END)
_INERT = rf"、{_STOPS_IN_QUOTE}\d{_NUMERAL}"
# One pattern per kind: a pattern opening with one literal is searched for fast.
QUOTE_MARKS = (("“", "”"), ("《", "》"))
QUOTED = tuple((o, Lazy(rf"{o}[^{o}{c}{_QUOTE_END}{_INERT}]*[{_INERT}][^{o}{c}{_QUOTE_END}]*{c}"))
               for o, c in QUOTE_MARKS)  # (the opening mark, the pattern)
STOP_IN_QUOTE = Lazy(f"[{_STOPS_IN_QUOTE}]")
INSIDE = "\ue000"
WHOLLY_QUOTED = Lazy("“[^“”]*”|《[^《》]*》")
CLAUSE_STOP = Lazy(f"[{_CLAUSE_STOPS}]")
LAST_CLAUSE_STOP = Lazy(f"(?s:.*)[{_CLAUSE_STOPS}]")
# A count after a 、 of its clause, with no 、 between: from each 、 the segment up to the
# next one is read once, so the search is linear in the clause.
COUNT_AFTER_MARK = Lazy(r"、[^,;:。!?()\n、]*?" + LIST_COUNT.pattern)
# What makes the items uncertain.  A count an item holds is looked for only where a run
# of digits starts: inside the run the pattern would fail again, after backtracking over
# the rest of the run.
HELD_COUNT = Lazy(rf"[\d{_NUMERAL}](?<![\d{_NUMERAL}]{{2}})[\d{_NUMERAL}]*"
                  "(?:方面|[个项大类种条级家所座名件批支部])")  # 扩消费六大工程
HAS_NUMERAL = Lazy(rf"[\d{_NUMERAL}]")
BARE_NUMERAL = Lazy(rf"[\d{_NUMERAL}]+")                                         # 三、 a heading
JOINED = Lazy("和|及|与|或|并|暨|等")                                            # 纤维及复合材料
REPORT_VERBS = ("新建 改建 扩建 改扩建 续建 重建 重组 整合 合并 撤并 新增 改造 提升 升级 优化 调整 "
                "完善 建设 修订 制定 废止 修改 清理 取消 下放 承接 保留 撤销 设立 组建 创建 培育 "
                "引进 扩容 下沉 提质 增效 加密 实施 推进 开展 落实 出台 印发").split()
ONLY_VERBS = Lazy("(?:" + "|".join(sorted(REPORT_VERBS, key=len, reverse=True)) + ")+")
# The last item ends in a verb or a scope word: the count counts what follows
# (效率提出五项指标, 医疗领域三项改革, 效率的五项指标).
NOT_THE_ITEMS = Lazy("(?:提出|实施|推进|开展|建成|打造|形成|实现|完成|落实|出台|制定|启动|"
                     "新建|新增|培育|引进|设立|成立|组建|创建|获批|入选|认定|发布|印发|举办|"
                     "达到|突破|超过|的|方面|领域|层面|范围|之间|之中|之内)$")
MIN_SUFFIX = 2
MAX_NAME = 4


class _Masked:
    """The folded text as if quoted text were masked: a 、, a stop or a number inside
    “…” or 《…》 belongs to one item.  Read through the spans of the masks, without a
    masked copy of the whole text."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        at = 0
        # The quotes' spans, read in C (a text holds thousands): the marks are left out below.
        # Each kind is searched from its first opening mark, if the text holds one.
        opened = [(p, first) for o, p in QUOTED if (first := text.find(o)) >= 0]
        quoted = sorted(chain.from_iterable(map(re.Match.span, p.finditer(text, first))
                                            for p, first in opened))
        for start, end in quoted:
            start, end = start + 1, end - 1
            if end > at:  # “…《…》…”: the outer quote holds the inner one
                self.starts.append(max(start, at))
                self.ends.append(end)
                at = end

    def find(self, char: str, pos: int, end: int) -> int:
        """Where ``char`` stands first in text[pos:end] outside the masks, or -1."""
        at = self.text.find(char, pos, end)
        while at >= 0:
            k = bisect_right(self.starts, at) - 1
            if k < 0 or at >= self.ends[k]:
                return at
            at = self.text.find(char, self.ends[k], end)
        return at

    def search(self, pattern, pos: int, end: int):
        """The first match of ``pattern`` in text[pos:end] that starts outside the masks
        (none that starts outside reaches into one: quote marks bound them)."""
        m = pattern.search(self.text, pos, end)
        while m is not None:
            k = bisect_right(self.starts, m.start()) - 1
            if k < 0 or m.start() >= self.ends[k]:
                return m
            m = pattern.search(self.text, self.ends[k], end)
        return m

    def last_stop_end(self, pos: int, end: int) -> int:
        """Just after the last clause stop in text[pos:end] outside the masks, or -1."""
        m = LAST_CLAUSE_STOP.match(self.text, pos, end)
        while m is not None:
            k = bisect_right(self.starts, m.end() - 1) - 1
            if k < 0 or m.end() - 1 >= self.ends[k]:
                return m.end()
            m = LAST_CLAUSE_STOP.match(self.text, pos, self.starts[k])
        return -1

    def __getitem__(self, part: slice) -> str:
        """text[a:b] with the masks in it masked (same length)."""
        a, b = max(part.start, 0), min(part.stop, len(self.text))
        pieces: list[str] = []
        k = bisect_right(self.ends, a)  # the first mask that ends after a
        while k < len(self.starts) and self.starts[k] < b:
            start, end = max(self.starts[k], a), min(self.ends[k], b)
            pieces += (self.text[a:start], INSIDE * (end - start))
            a = end
            k += 1
        pieces.append(self.text[a:b])
        return "".join(pieces)


def _shared_suffix(segments: list) -> str:
    """The longest suffix all segments share, in one pass over them."""
    suffix = segments[0]
    for seg in segments[1:]:
        n, limit = 0, min(len(suffix), len(seg))
        while n < limit and suffix[-1 - n] == seg[-1 - n]:
            n += 1
        suffix = suffix[len(suffix) - n:]
        if not suffix:
            break
    return suffix


def _count_items(segments: list, masked: list) -> Optional[int]:
    """How many items a 、-list holds, or None when that is not certain.

    ``segments`` are the text between the 、 (the first starts at the clause, so it
    carries the verb: 打造文旅), ``masked`` the same with quoted text masked.  Each
    segment must be one item: the later ones share a suffix of 2 or more characters
    with the end of the first (parallel noun phrases: A专项监督、B专项监督), or are
    short names or wholly quoted (文旅、海洋; “一网通办”).
    """
    first, later = masked[0], masked[1:]
    if HELD_COUNT.search(first) or BARE_NUMERAL.fullmatch(first.strip()):
        return None  # 扩消费六大工程、城建六大攻坚行动; 三、全力抓好七项重点工作
    for seg in masked:
        if JOINED.search(seg):
            return None  # 纤维及复合材料: one item or two
    for seg in later:
        if HAS_NUMERAL.search(seg) or ONLY_VERBS.fullmatch(seg):
            return None  # 准东3个煤制气; 新建、改建、扩建
    if NOT_THE_ITEMS.search(later[-1]):
        return None
    suffix = _shared_suffix(segments[1:])
    if len(suffix) >= MIN_SUFFIX and segments[0].endswith(suffix):
        return len(segments)
    if all(len(seg) <= MAX_NAME or WHOLLY_QUOTED.fullmatch(seg) for seg in segments[1:]):
        return len(segments)
    return None


class CountMismatch(_Arithmetic):
    name = "count-mismatch"
    severity = "warning"
    summary = {"zh": "列举的项数与所称数目不符", "en": "a stated count that does not match its list"}
    rationale = {
        "zh": "“A、B、C三大特色产业”须正好列出三项；“A、B、C等4项”列出的不能多于4项（“等”可以省略其余）。"
              "只核对紧跟列举的“三大”“四项”之类的中文数目，或“等”之后的阿拉伯数字；各项须是共用后缀的"
              "并列名词或简短名称，引号、书名号内的文字算作一项。分项含数目、“和”“及”、动词或标题序号时，"
              "拿不准，不报。",
        "en": "“A、B、C三大特色产业” must list exactly three; “A、B、C等4项” may list fewer than "
              "four (等 leaves the rest out) but not more. Only a Chinese count (三大, 四项) right "
              "after the list, or an Arabic one after 等, is checked; the items must be parallel "
              "noun phrases sharing a suffix or short names, quoted text being part of one item. "
              "Items holding a count, 和/及, verbs or a heading number are uncertain: nothing is "
              "reported.",
    }
    examples = {"bad": "打造文旅、海洋、渔业、港航三大特色产业。",
                "good": "打造文旅、海洋、渔业三大特色产业。"}

    def check(self, doc, options):
        text = doc.folded
        if "、" not in text:
            return  # no list: the quotes and the lists are not read
        counts = _counts_after_lists(text)
        # With no count after a 、 of its clause, a list and its count can share a clause
        # only across a quote holding a clause stop (文旅、“海洋,渔业”三大), which the masks
        # pass over: most texts have none, and their quotes are not read.
        if not counts and (not _quote_holds_stop(text) or LIST_COUNT.search(text) is None):
            return
        masked = _Masked(text)
        for start, m in _list_counts(masked, counts):
            n = m.group("n")
            if masked[m.start() - 1:m.start()] in NOT_BEFORE_COUNT:
                continue  # 第三个, 十三项, 709个: part of another number
            end = m.start()
            while end > start and masked[end - 1:end] == "等" and m.start() - end < 2:
                end -= 1  # 等 or 等等
            etc = end < m.start()
            if n.isdigit():
                if not etc:
                    continue  # 准东3个煤制气: an Arabic count after an item counts things
                stated, most = int(n), MAX_ARABIC
            else:
                if masked[m.start():m.start() + MAX_FIXED_NAME].startswith(FIXED_NAMES):
                    continue  # 践行三个代表重要思想
                stated, most = ordinal_value(n), MAX_CN
            if stated is None or not 2 <= stated <= most:
                continue
            cuts = [start]
            at = masked.find("、", start, end)
            while at >= 0:
                cuts.append(at + 1)
                at = masked.find("、", at + 1, end)
            if len(cuts) < 2:
                continue
            bounds = list(zip(cuts, [c - 1 for c in cuts[1:]] + [end]))
            segments = [text[a:b] for a, b in bounds]
            if not all(segments):
                continue
            items = _count_items(segments, [masked[a:b] for a, b in bounds])
            if items is None:
                continue
            if items > stated or (items < stated and not etc):
                said = n + m.group("m")
                yield self.finding(
                    m.start("n"), m.end("m"),
                    zh=f"列举了{items}项，却称{said}",
                    en=f"the list has {items} items but the text says {said}",
                    related=[Related(start, end, zh="列举的各项", en="the list")])


def _quote_holds_stop(text: str) -> bool:
    """Whether a clause stop a quote may hold (STOP_IN_QUOTE) stands between an opening
    quote mark and the next closing one: every quote QUOTED masks is such a span."""
    for opening, closing in QUOTE_MARKS:
        at = text.find(opening)
        while at >= 0:
            end = text.find(closing, at + 1)
            if end < 0:
                break
            if STOP_IN_QUOTE.search(text, at + 1, end):
                return True
            at = text.find(opening, end + 1)  # a quote opened before the close ends there too
    return False


def _list_counts(masked: _Masked, counts: list):
    """(where the list starts, the count's match) for each count after a 、-list, given
    where the first count after each 、 stands (_counts_after_lists).

    Only clauses holding 、 are searched: numerals such as 一个 are everywhere,
    lists are not.  A second count in a clause starts the next list, so that list's
    first segment holds a count and stays silent.
    """
    text, mask_starts = masked.text, masked.starts
    size = len(text)
    i = masked.find("、", 0, size)
    clause_end = 0
    while i >= 0:
        # Up to the next count after a 、 or the next quote, no clause holds a count: the
        # walk goes on after the last clause stop before it.
        h, k = bisect_left(counts, i), bisect_right(mask_starts, i)
        ahead = min(counts[h] if h < len(counts) else size,
                    mask_starts[k] if k < len(mask_starts) else size)
        passed = LAST_CLAUSE_STOP.match(text, i, ahead)
        if passed is not None:
            clause_end = passed.end() - 1
            i = masked.find("、", clause_end, size)
            continue
        stop = CLAUSE_STOP.search(text, i)
        looked_at, clause_end = clause_end, stop.start() if stop else size
        quoted = k < len(mask_starts) and mask_starts[k] < clause_end
        if quoted:  # a quote in the clause: what is inside it is passed over
            stop = masked.search(CLAUSE_STOP, i, size)
            clause_end = stop.start() if stop else size
        m = masked.search(LIST_COUNT, i, clause_end) if quoted else \
            LIST_COUNT.search(text, i, clause_end)
        if m is not None:  # few clauses: where the clause starts is looked for only then
            # The clause starts after the last stop since the previous clause looked at.
            start = max(masked.last_stop_end(looked_at, i), looked_at)
            while m is not None:
                yield start, m
                start = m.start()  # the next list's first segment holds this count
                m = masked.search(LIST_COUNT, m.end(), clause_end)
        i = masked.find("、", clause_end, size)


def _counts_after_lists(text: str) -> list:
    """Where a count stands after a 、 of its clause (quotes not masked), in order: the
    first count after each 、 (COUNT_AFTER_MARK), which is all the walk of _list_counts
    looks ahead to: a count later in the clause is found with the first one."""
    return list(map(re.Match.start, COUNT_AFTER_MARK.finditer(text), repeat("n")))


@hookimpl
def reportlint_rules():
    return [SubsetExceedsTotal(), PartsSumMismatch(), RateMismatch(), RateOutOfRange(),
            BalanceMismatch(), CountMismatch()]
