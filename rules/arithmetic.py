"""Arithmetic consistency: counts in one statement that contradict each other.

Precision before recall: a relation is checked only between exact numbers of
one unit inside one statement (between 。!?;), whose labels the vocabulary
(rules/vocab/*.yaml) relates.  Anything less certain stays silent.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

from reportlint import Related, Rule, hookimpl
from reportlint.numbers import ordinal_value, parse_quantities
from reportlint.vocab import vocab_of

STATEMENT_END = re.compile(r"[。!?;]")


# -- statements ---------------------------------------------------------------------------


@dataclass(slots=True)
class Item:
    q: object             # the Quantity
    label: Optional[str]
    context: str          # the words before it in its clause
    total: bool = False       # 共/合计 … stands before it: it is a total
    breakdown: bool = False   # 其中 stands before it: a breakdown starts


def statements(doc) -> list:
    """Statements (between 。!?; inside a paragraph) with their labelled quantities."""
    cached = doc.cache.get("arithmetic")
    if cached is not None:
        return cached
    text = doc.folded
    vocab = vocab_of(doc)
    out = []
    # One pass over the whole text, then the quantities of each paragraph in turn.
    found = parse_quantities(text)
    k = 0
    for p in doc.paragraphs:
        current, stmt_end, prev_end = [], -1, p.start
        while k < len(found) and found[k].start < p.start:
            k += 1
        while k < len(found) and found[k].end <= p.end:
            q = found[k]
            k += 1
            m = STATEMENT_END.search(text, q.end, p.end)
            end = m.start() if m else p.end
            if end != stmt_end:
                if current:
                    out.append(current)
                current, stmt_end = [], end
            ctx_start = max(q.context_start, prev_end)
            context = text[ctx_start:q.start]
            current.append(Item(q, vocab.label(text, ctx_start, q.start), context,
                                total=vocab.has(context, "totals"),
                                breakdown=vocab.has(context, "breakdown")))
            prev_end = q.end
        if current:
            out.append(current)
    doc.cache["arithmetic"] = out
    return out


def _fmt(v: float) -> str:
    """A value as a person writes it: 29000000, 0.29, never 2.9e+07."""
    if abs(v - round(v)) < 1e-6:
        return str(int(round(v)))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _more(a: float, b: float) -> bool:
    """a > b beyond floating-point noise (0.01亿 + 0.28亿 is 0.29亿)."""
    return a > b and not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


_FILLER = re.compile(r"^(?:了|的|共|各类|各种|各项|全部|所有|有关|相关)+")


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
    category = "arithmetic"
    severity = "error"


# -- subset-exceeds-total -------------------------------------------------------------------


class SubsetExceedsTotal(_Arithmetic):
    name = "subset-exceeds-total"
    summary = {"zh": "部分数大于总数", "en": "a subset count larger than its total"}
    rationale = {
        "zh": "同一句中,化解数不能多于排查数,受理数不能多于收到数,办结数不能多于受理数,"
              "“其中”的某一项不能多于“共”计数。“含上年度结转N件”之类的说明会被计入。",
        "en": "In one statement 化解 cannot exceed 排查, 受理 cannot exceed 收到, 办结 cannot "
              "exceed 受理, and an item after 其中 cannot exceed the 共 total. A qualifier such as "
              "含上年度结转6件 is taken into account.",
    }
    examples = {"bad": "全区共排查各类矛盾纠纷2887件,化解2936件。",
                "good": "全区共排查各类矛盾纠纷2887件,化解2836件。"}

    def check(self, doc, options):
        vocab = vocab_of(doc)
        for stmt in statements(doc):
            total = None  # the 共 … count a 其中 breakdown refers to
            in_breakdown = False
            allowance = self._carry_over(stmt, vocab)
            for i, it in enumerate(stmt):
                q = it.q
                if it.breakdown:
                    in_breakdown = True
                if not q.exact or q.is_percent:
                    continue
                sup = self._superset(stmt, i, vocab)
                if sup is not None and _more(q.value - allowance, sup.q.value):
                    yield self._finding(doc, it, sup, allowance, "label")
                    continue
                if in_breakdown and total is not None and total.q.unit == q.unit \
                        and _more(q.value - allowance, total.q.value):
                    yield self._finding(doc, it, total, allowance, "total")
                if total is None and it.total:
                    total = it

    @staticmethod
    def _superset(stmt, i, vocab) -> Optional[Item]:
        """The nearest earlier count in the statement whose label contains this one's,
        counting the same thing; None when that is not certain."""
        it = stmt[i]
        if it.label is None:
            return None
        for prev in reversed(stmt[:i]):
            if prev.q.unit != it.q.unit or prev.q.is_percent:
                continue
            if prev.label is not None and vocab.is_subset(it.label, prev.label):
                if not prev.q.exact or not _same_thing(prev, it):
                    return None
                # 市本级受理10件,县区受理50件: parts of a total, not the total itself.
                if sum(1 for x in stmt if x.label == prev.label and x.q.unit == it.q.unit) > 1:
                    return None
                return prev
        return None

    @staticmethod
    def _carry_over(stmt, vocab) -> float:
        """含上年度结转6件 anywhere in the statement: that much of a count may come from
        outside this year's total."""
        carried = [x.q.value for x in stmt if vocab.has(x.context, "carry_over")]
        return max(carried, default=0.0)

    def _finding(self, doc, it, sup, allowance, kind):
        q, s = it.q, sup.q
        extra_zh = f"(已计入结转{_fmt(allowance)}{q.unit})" if allowance else ""
        extra_en = f" (counting the {_fmt(allowance)} carried over)" if allowance else ""
        sub_label = it.label or "其中一项"
        sup_label = (sup.label or "共计") if kind == "label" else "共计"
        return self.finding(
            q.start, q.end,
            zh=f"部分数大于总数:{sub_label}{_show(doc, q)} > {sup_label}{_show(doc, s)}{extra_zh}",
            en=f"subset larger than its total: {sub_label} {_show(doc, q)} > "
               f"{sup_label} {_show(doc, s)}{extra_en}",
            related=[Related(s.start, s.end, zh="总数", en="the total")])


# -- parts-sum-mismatch ------------------------------------------------------------------------


class PartsSumMismatch(_Arithmetic):
    name = "parts-sum-mismatch"
    summary = {"zh": "各分项之和与总数不符", "en": "parts that do not add up to their total"}
    rationale = {
        "zh": "“共N件,其中a件、b件、c件”:用顿号列出的同一单位的分项之和大于总数是错误;"
              "小于总数只在分项明显构成全部(如继续有效/废止/宣布失效/修改)时报警告。",
        "en": "共 N, 其中 a、b、c: parts of one unit listed with 、 that sum to more than the "
              "total are an error; a sum below the total is a warning only when the parts are "
              "clearly the whole breakdown (继续有效/废止/宣布失效/修改).",
    }
    examples = {"bad": "共梳理文件252件,其中继续有效187件、废止41件、宣布失效33件、修改1件。",
                "good": "共梳理文件252件,其中继续有效187件、废止41件、宣布失效23件、修改1件。"}

    def check(self, doc, options):
        vocab = vocab_of(doc)
        text = doc.folded
        for stmt in statements(doc):
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
                        zh=f"分项之和大于总数:{shown} = {_fmt(got)} > {_show(doc, it.q)}",
                        en=f"the parts add up to more than the total: {shown} = {_fmt(got)} > "
                           f"{_show(doc, it.q)}",
                        related=related)
                elif _more(total, got) and self._whole(parts, vocab):
                    yield self.finding(
                        parts[0].q.start, parts[-1].q.end, severity="warning",
                        zh=f"分项之和小于总数:{shown} = {_fmt(got)} < {_show(doc, it.q)},"
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
        between = text[total.q.end:first.q.start]
        if not any(w in between for w in vocab.breakdown | {"分别"}) or first.q.unit != total.q.unit:
            return []
        parts = [first]
        for nxt in stmt[i + 2:]:
            gap = text[parts[-1].q.end:nxt.q.start]
            if nxt.q.unit != total.q.unit or not (gap.startswith("、") or gap.startswith(("和", "及"))):
                break
            parts.append(nxt)
        return parts

    @staticmethod
    def _whole(parts, vocab) -> bool:
        labels = [p.label for p in parts]
        return all(labels) and any(set(labels) <= part for part in vocab.partitions)


# -- rates -------------------------------------------------------------------------------------


def _rate_name(vocab, context: str, names) -> Optional[str]:
    found = [n for n in names if n in context]
    return max(found, key=len) if found else None


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


class RateMismatch(_Arithmetic):
    name = "rate-mismatch"
    summary = {"zh": "比率与其计算依据的数字不符", "en": "a rate that does not match its counts"}
    rationale = {
        "zh": "调解成功率、办结率、化解率、纠错率等须等于同一句中相应的两个数之比,允许按所写精度四舍五入"
              "或截断(2836/2887=98.23%,写98%正确)。同一句有多组数字时,与任何一组相符即可。",
        "en": "A stated 调解成功率, 办结率, 化解率, 纠错率 … must equal the ratio of the counts it "
              "is computed from in the same statement, rounded or truncated at the stated "
              "precision (2836/2887 = 98.23% written 98% is right). With several candidate "
              "pairs, matching any one is enough.",
    }
    examples = {"bad": "共受理5931件,成功调解5929件,调解成功率98.97%。",
                "good": "共受理5931件,成功调解5929件,调解成功率99.97%。"}

    def check(self, doc, options):
        vocab = vocab_of(doc)
        for stmt in statements(doc):
            for i, it in enumerate(stmt):
                if not it.q.is_percent or not it.q.exact or vocab.has(it.context, "growth"):
                    continue  # 办结率同比提高5% is a change of the rate, not the rate
                for names, nums, dens in vocab.rates:
                    if _rate_name(vocab, it.context, names) is None:
                        continue
                    pairs = self._candidates(stmt[:i], nums, dens)
                    if pairs and not any(_rate_matches(it.q.value, it.q.decimals, n.q.value, d.q.value)
                                         for n, d in pairs):
                        n, d = pairs[-1]
                        actual = n.q.value / d.q.value * 100
                        yield self.finding(
                            it.q.start, it.q.end,
                            zh=f"比率与数字不符:{_show(doc, n.q)}/{_show(doc, d.q)} = {actual:.2f}%,"
                               f"而文中为{_show(doc, it.q)}",
                            en=f"rate does not match its counts: {_show(doc, n.q)}/{_show(doc, d.q)} "
                               f"= {actual:.2f}%, but the text says {_show(doc, it.q)}",
                            related=[Related(n.q.start, n.q.end, zh="分子", en="numerator"),
                                     Related(d.q.start, d.q.end, zh="分母", en="denominator")])
                    break

    @staticmethod
    def _candidates(before, nums, dens) -> list:
        """(numerator, denominator) pairs: a denominator-labelled count, then a
        numerator-labelled count after it, both exact and of one unit."""
        out = []
        for j, d in enumerate(before):
            if d.label not in dens or not d.q.exact or d.q.is_percent:
                continue
            for n in before[j + 1:]:
                if n.label in nums and n.q.exact and n.q.unit == d.q.unit:
                    out.append((n, d))
        return out


class RateOutOfRange(_Arithmetic):
    name = "rate-out-of-range"
    summary = {"zh": "比率超出100%", "en": "a rate above 100%"}
    rationale = {
        "zh": "成功率、办结率、覆盖率、满意率、出庭率等不可能超过100%;同比增长之类的变化率不受此限。",
        "en": "A success, completion, coverage, satisfaction or appearance rate cannot exceed "
              "100%; a growth rate (同比上升, 增长) can.",
    }
    examples = {"bad": "调解成功8140件,成功率为109%。", "good": "调解成功8140件,成功率为99%。"}

    def check(self, doc, options):
        vocab = vocab_of(doc)
        for stmt in statements(doc):
            name = None
            for it in stmt:
                q = it.q
                if not q.is_percent:
                    name = None
                    continue
                found = _rate_name(vocab, it.context, vocab.bounded)
                if found or not it.context.strip("、和及 "):
                    name = found or name  # 满意率分别为100%、98%: the name carries on
                else:
                    name = None
                if name is None or vocab.has(it.context, "growth"):
                    continue
                if q.value > 100:
                    yield self.finding(
                        q.start, q.end,
                        zh=f"{name}不可能超过100%:文中为{_show(doc, q)}",
                        en=f"{name} cannot exceed 100%: the text says {_show(doc, q)}")


# -- balance-mismatch ------------------------------------------------------------------------


class BalanceMismatch(_Arithmetic):
    name = "balance-mismatch"
    summary = {"zh": "调整前后的数目与增减不符", "en": "before, after and changes that do not balance"}
    rationale = {
        "zh": "“由X项调整为Y项,其中新增a项,取消b项”:须有X+a−b=Y。",
        "en": "由 X 调整为 Y, 其中新增 a, 取消 b: X + a − b must equal Y.",
    }
    examples = {"bad": "清单401项调整为400项,其中新增3项,取消5项。",
                "good": "清单401项调整为400项,其中新增3项,取消4项。"}

    def check(self, doc, options):
        vocab = vocab_of(doc)
        text = doc.folded
        for stmt in statements(doc):
            for i in range(len(stmt) - 1):
                before, after = stmt[i], stmt[i + 1]
                between = text[before.q.end:after.q.start]
                if not any(w in between for w in vocab.adjusted) or before.q.unit != after.q.unit:
                    continue
                changes = [c for c in stmt[i + 2:] if c.q.unit == before.q.unit]
                kinds = [self._kind(c, vocab) for c in changes]
                if not changes or None in kinds or not all(c.q.exact for c in (before, after, *changes)):
                    continue
                delta = sum(c.q.value if k == "+" else -c.q.value for c, k in zip(changes, kinds))
                expected = before.q.value + delta
                if _more(expected, after.q.value) or _more(after.q.value, expected):
                    terms = "".join(f"{k}{_fmt(c.q.value)}" for c, k in zip(changes, kinds))
                    yield self.finding(
                        after.q.start, after.q.end,
                        zh=f"增减不平衡:{_fmt(before.q.value)}{terms} = {_fmt(expected)},"
                           f"而文中调整后为{_show(doc, after.q)}",
                        en=f"changes do not balance: {_fmt(before.q.value)}{terms} = "
                           f"{_fmt(expected)}, but the text says {_show(doc, after.q)}",
                        related=[Related(before.q.start, before.q.end, zh="调整前", en="before")]
                        + [Related(c.q.start, c.q.end, zh="增减", en="change") for c in changes])

    @staticmethod
    def _kind(item, vocab) -> Optional[str]:
        ctx = item.context
        added = any(w in ctx for w in vocab.added)
        removed = any(w in ctx for w in vocab.removed)
        if added == removed:
            return None  # neither, or both: not a change we can read
        return "+" if added else "-"


# -- count-mismatch ------------------------------------------------------------------------

# A stated count right after a 、-list: 等4项专项监督工作, 三大特色产业.
LIST_COUNT = re.compile(r"(?P<n>[\d一二两三四五六七八九十]{1,3})(?P<m>项|个|大|类|种|条|方面|家|支|批)")
ITEM_JOIN = re.compile("和|及|与")
CLAUSE_STOP = re.compile(r"[,;:。!?()“”《》\n]")
LAST_CLAUSE_STOP = re.compile(r"(?s:.*)[,;:。!?()“”《》\n]")
MIN_SUFFIX = 2


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:]


def _count_items(segments: list) -> Optional[int]:
    """How many items a 、-list holds, or None when that is not certain.

    An item may hold 、 itself (涉企执法多头检查、重复检查专项监督 is one item):
    when most segments share a suffix, a segment without it joins the next one.
    """
    best = ""
    for i, a in enumerate(segments):
        for b in segments[i + 1:]:
            suffix = _common_suffix(a, b)
            if len(suffix) > len(best):
                best = suffix
    if len(best) < MIN_SUFFIX:
        # No shared suffix: only a list of short names (文旅、海洋、渔业) is countable.
        return len(segments) if all(len(seg) <= 4 for seg in segments[1:]) else None
    ending = [seg.endswith(best) for seg in segments]
    if not ending[-1] or sum(ending) * 2 <= len(segments):
        return None
    # 限制开发和禁止开发: the last segment holds two items joined by 和.
    last = ITEM_JOIN.split(segments[-1])
    joined = len(last) == 2 and last[0].endswith(best)
    return sum(ending) + joined


class CountMismatch(_Arithmetic):
    name = "count-mismatch"
    severity = "warning"
    summary = {"zh": "列举的项数与所称数目不符", "en": "a stated count that does not match its list"}
    rationale = {
        "zh": "“A、B、C三大特色产业”须正好列出三项;“A、B、C等4项”列出的不能多于4项(“等”可以省略其余)。"
              "分项本身含顿号时按共同的后缀计数;拿不准时不报。",
        "en": "“A、B、C三大特色产业” must list exactly three; “A、B、C等4项” may list fewer than "
              "four (等 leaves the rest out) but not more. Items may contain 、 themselves: they "
              "are counted by their shared suffix; when unsure, nothing is reported.",
    }
    examples = {"bad": "打造文旅、海洋、渔业、港航四大特色产业之外的三大特色产业:文旅、海洋三大特色产业",
                "good": "打造文旅、海洋、渔业三大特色产业"}

    def check(self, doc, options):
        text = doc.folded
        for start, m in _list_counts(text):
            before = text[m.start() - 1:m.start()]
            listed = text[start:m.start() - (before == "等")]
            segments = listed.split("、")
            if len(segments) < 2 or not all(segments) or parse_quantities(listed):
                continue  # 新建公园2个、广场3个: the count belongs to the last item
            stated = ordinal_value(m.group("n"))
            if stated is None or stated < 2 or before == "第":
                continue  # 一批, 一个 and 第一个 count nothing
            items = _count_items(segments)
            if items is None:
                continue
            if items > stated or (items < stated and before != "等"):
                yield self.finding(
                    m.start("n"), m.end("m"),
                    zh=f"列举了{items}项,却称{m.group('n')}{m.group('m')}",
                    en=f"the list has {items} items but the text says {m.group('n')}{m.group('m')}",
                    related=[Related(start, m.start(), zh="列举的各项", en="the list")])


def _list_counts(text: str):
    """(where the list starts, the count's match) for each count after a 、-list.

    Only clauses holding 、 are searched: numerals such as 一个 are everywhere,
    lists are not.
    """
    i = text.find("、")
    clause_end = 0
    while i >= 0:
        # The clause starts after the last stop since the previous clause looked at.
        last = LAST_CLAUSE_STOP.match(text, clause_end, i)
        start = last.end() if last else clause_end
        stop = CLAUSE_STOP.search(text, i)
        clause_end = stop.start() if stop else len(text)
        for m in LIST_COUNT.finditer(text, i, clause_end):
            yield start, m
            start = m.end()  # a second list in the clause starts after this count
        i = text.find("、", clause_end)


@hookimpl
def reportlint_rules():
    return [SubsetExceedsTotal(), PartsSumMismatch(), RateMismatch(), RateOutOfRange(),
            BalanceMismatch(), CountMismatch()]
