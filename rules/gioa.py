"""政府信息公开工作年度报告: the identities its format fixes between the cells of its tables,
and between the tables and the text.

The tables are read by ``gioa_tables`` (labels: rules/gioa.yaml).  Every identity is an
equation between cells; a finding points at the cell that states the total, its related
spans at the other cells.  A blank cell counts as 0, except a blank total whose parts
are not zero: that is reported once, as a blank, and the identities that would count it
stay silent.
"""
from __future__ import annotations

import re
from functools import lru_cache

from reportlint import Related, Rule, hookimpl
from reportlint.patterns import Lazy
from reportlint.rules.gioa_format import NO_CUE, cue_state, gioa_format, may_hold
from reportlint.vocab import trie

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional
    from reportlint.rules.gioa_tables import Value


# A report that cannot hold a GIOA table (one that never says 政府信息, or only names it):
# the table reader is not even imported.
_NO_TABLES = type("NoTables", (), {"t3": (), "t4": ()})()


def gioa_tables(doc):
    """Tables 三 and 四 of ``doc``, read once per document."""
    if not may_hold(doc):
        return _NO_TABLES
    from reportlint.rules.gioa_tables import gioa_tables as read

    return read(doc)


SOURCE_ZH = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号；2019年试行格式为国办公开办函〔2019〕60号）"
SOURCE_EN = ("the GIOA annual report format (国办公开办函〔2021〕30号; the 2019 trial format, "
             "国办公开办函〔2019〕60号)")

RESULT_KEYS: dict = {
    "2021": ("open", "partial", "deny1", "deny2", "deny3", "deny4", "deny5", "deny6", "deny7",
             "deny8", "cant1", "cant2", "cant3", "noproc1", "noproc2", "noproc3", "noproc4",
             "noproc5", "other1", "other2", "other3"),
}
RESULT_KEYS["2019"] = RESULT_KEYS["2021"][:18] + ("other",)


class Term:
    """A cell in an identity (plain classes here: a dataclass costs a millisecond of
    every start-up)."""

    __slots__ = ("cell", "zh", "en", "where_zh", "where_en")

    def __init__(self, cell: Value, zh: str, en: str, where_zh: str = "", where_en: str = ""):
        self.cell = cell
        self.zh, self.en = zh, en                       # its name in the equation
        self.where_zh, self.where_en = where_zh, where_en   # its full name (row and column)

    def related(self) -> Related:
        return Related(self.cell.start, self.cell.end, zh=self.where_zh or self.zh,
                       en=self.where_en or self.en)


class Identity:
    __slots__ = ("kind", "total", "others", "parts", "zh", "en")

    def __init__(self, kind: str, total: Term, others: list, parts: list, zh: str, en: str):
        self.kind = kind        # balance | row-total | result-total | review-total
        self.total = total      # the cell the finding points at
        self.others = others    # Term: the rest of the total's side (four, in balance)
        self.parts = parts      # Term: the side the total must equal
        self.zh, self.en = zh, en   # the identity, in words

    def sides(self) -> tuple:
        return (self.total.cell.count + sum(t.cell.count for t in self.others),
                sum(t.cell.count for t in self.parts))

    def cells(self) -> list:
        return [self.total] + self.others + self.parts


def _show(terms: list) -> str:
    return "＋".join(f"{t.zh}（{_value(t.cell)}）" for t in terms)


def _show_en(terms: list) -> str:
    return " + ".join(f"{t.en} ({_value(t.cell, 'en')})" for t in terms)


def _value(cell, lang: str = "zh") -> str:
    if cell.slash:
        return cell.text
    if cell.number is None:
        return "blank" if lang == "en" else "空白"
    return str(cell.number)


def identities(doc) -> list:
    """Every identity of every table read, once per document."""
    return doc.shared(_identities)


def _identities(doc) -> list:
    tables = gioa_tables(doc)
    if not (tables.t3 or tables.t4):
        return []   # most documents: nothing to name
    fmt = gioa_format()
    out: list = []
    names = {s.key: s.zh for s in fmt.rows}
    cols = fmt.columns
    for t in tables.t3:
        rows = t.rows
        # T3-b: per row, 总计 = 自然人 + the five 法人或其他组织 columns.
        for key, row in rows.items():
            label = names[key]
            out.append(Identity(
                "row-total", Term(row.cells[-1], "总计", "total", f"{label}·总计", f"{key}: total"),
                [], [Term(c, col["zh"], col["en"], f"{label}·{col['zh']}", f"{key}: {col['en']}")
                     for c, col in zip(row.cells[:-1], cols)],
                f"“{label}”行：总计＝自然人＋商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他",
                f"row '{key}': total = natural persons + the five kinds of organisation"))
        for c, col in enumerate(cols):
            def term(key, c=c, col=col, rows=rows):
                return Term(rows[key].cells[c], names[key], key, f"{names[key]}·{col['zh']}",
                            f"{key}: {col['en']}")
            # T3-a: per column, 一 + 二 = 三（七）总计 + 四 (the table's corner cell).
            if all(k in rows for k in ("new", "carry_in", "total", "carry_out")):
                out.append(Identity(
                    "balance", term("total"), [term("carry_out")], [term("new"), term("carry_in")],
                    f"“{col['zh']}”列：第一项加第二项之和，等于第三项加第四项之和",
                    f"column '{col['en']}': items one and two add up to items three and four"))
            # T3-c: per column, （七）总计 = the sum of every result item.
            items = RESULT_KEYS[t.format]
            if "total" in rows and all(k in rows for k in items):
                out.append(Identity(
                    "result-total", term("total"), [], [term(k) for k in items],
                    f"“{col['zh']}”列：（七）总计等于办理结果各项之和（{len(items)}项）",
                    f"column '{col['en']}': (七) total is the sum of the {len(items)} results"))
    for t4 in tables.t4:
        if t4.cells is None:
            continue
        heads = fmt.t4_columns
        for g, part in enumerate(fmt.t4_parts):
            cells = t4.cells[5 * g:5 * g + 5]
            out.append(Identity(
                "review-total", Term(cells[4], "总计", "total", f"{part['zh']}·总计",
                                     f"{part['en']}: total"), [],
                [Term(c, h["zh"], h["en"], f"{part['zh']}·{h['zh']}", f"{part['en']}: {h['en']}")
                 for c, h in zip(cells[:4], heads)],
                f"{part['zh']}：结果维持＋结果纠正＋其他结果＋尚未审结＝总计",
                f"{part['en']}: upheld + corrected + other + pending = total"))
    return out


def blank_totals(doc) -> list:
    """The identities whose total is a blank cell while its parts are not zero."""
    return doc.shared(_blank_totals)


def _blank_totals(doc) -> list:
    return [i for i in identities(doc)
            if i.total.cell.blank and not i.others and i.sides()[1] != 0]


def _checked(doc, kind: str):
    """The identities of ``kind`` that do not hold, leaving out those with a slash in
    them and those that count a blank total already reported."""
    flagged = {id(i.total.cell) for i in blank_totals(doc)}
    for ident in identities(doc):
        if ident.kind != kind:
            continue
        cells = [t.cell for t in ident.cells()]
        if any(c.slash for c in cells) or any(id(c) in flagged for c in cells):
            continue
        left, right = ident.sides()
        if left != right:
            yield ident, left, right


class _Identity(Rule):
    category = "gioa"
    severity = "error"
    kind = ""
    table = "表三"
    table_en = "table 3"

    def check(self, doc, options):
        # A function, not a generator, for the documents without a table (most): they
        # cost one look-up.
        return self._broken(doc) if may_hold(doc) and identities(doc) else ()

    def _broken(self, doc):
        for ident, left, right in _checked(doc, self.kind):
            lhs = [ident.total] + ident.others
            total = ident.total.cell
            yield self.finding(
                total.start, total.end,
                zh=f"{self.table}不平衡：{_show(lhs)}{'＝' + str(left) if ident.others else ''}，"
                   f"而{_show(ident.parts)}＝{right}（{ident.zh}）",
                en=f"{self.table_en} does not balance: {_show_en(lhs)}"
                   f"{' = ' + str(left) if ident.others else ''}, but {_show_en(ident.parts)} = "
                   f"{right} ({ident.en})",
                related=[t.related() for t in ident.others + ident.parts])


EXAMPLE_HEAD = "某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"


def _t3_example(new, carry, total, out) -> str:
    rows = [("一、本年新收政府信息公开申请数量", new), ("二、上年结转政府信息公开申请数量", carry),
            ("（七）总计", total), ("四、结转下年度继续办理", out)]
    return EXAMPLE_HEAD + "".join(f"{label} {' '.join(map(str, v))}\n" for label, v in rows)


class Balance(_Identity):
    name = "gioa-balance"
    kind = "balance"
    summary = {"zh": "表三各列：第一项加第二项之和不等于第三项加第四项之和",
               "en": "table 3: new plus carried-in requests do not equal handled plus carried-out"}
    rationale = {
        "zh": "政府信息公开工作年度报告表三的表头注明“本列数据的勾稽关系为：第一项加第二项之和，等于"
              "第三项加第四项之和”，即每一列：一、本年新收＋二、上年结转＝三、本年度办理结果（七）总计＋"
              "四、结转下年度继续办理。依据：" + SOURCE_ZH + "。空白单元格按0计。",
        "en": "Table 3 of the GIOA annual report prints its own identity in its corner cell: in "
              "every column, (一) new requests + (二) carried in = (三)(七) total handled + (四) "
              "carried to next year. Source: " + SOURCE_EN + ". A blank cell counts as 0.",
    }
    examples = {"bad": _t3_example([3, 0, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1],
                                   [3, 0, 0, 0, 0, 0, 3], [0, 0, 0, 0, 0, 0, 0]),
                "good": _t3_example([3, 0, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1],
                                    [3, 0, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1])}


class RowTotal(_Identity):
    name = "gioa-row-total"
    kind = "row-total"
    summary = {"zh": "表三某行的总计不等于各类申请人之和",
               "en": "table 3: a row's total is not the sum of its applicant columns"}
    rationale = {
        "zh": "表三的“总计”列是自然人与法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、"
              "其他）各列之和：每一行，总计＝自然人＋商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他。"
              "依据：" + SOURCE_ZH + "的列标题。",
        "en": "The 总计 column of table 3 is the sum of the applicant columns: in every row, total "
              "= natural persons + businesses + research institutions + public-interest "
              "organisations + legal service providers + other. Source: the column headers of "
              + SOURCE_EN + ".",
    }
    examples = {"bad": EXAMPLE_HEAD + "一、本年新收政府信息公开申请数量 58 7 0 0 1 0 65\n",
                "good": EXAMPLE_HEAD + "一、本年新收政府信息公开申请数量 58 7 0 0 1 0 66\n"}


def _results_example(open_total: int) -> str:
    labels = ["（一）予以公开", "（二）部分公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
              "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
              "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
              "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
              "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
              "5.要求行政机关确认或重新出具已获取信息",
              "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
    lines = [f"{labels[0]} {open_total} 0 0 0 0 0 {open_total}", f"{labels[1]} 1 0 0 0 0 0 1"]
    lines += [f"{label} 0 0 0 0 0 0 0" for label in labels[2:]]
    return (EXAMPLE_HEAD + "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n三、本年度办理结果\n"
            + "\n".join(lines) + "\n（七）总计 3 0 0 0 0 0 3\n")


class ResultTotal(_Identity):
    name = "gioa-result-total"
    kind = "result-total"
    summary = {"zh": "表三（七）总计不等于办理结果各项之和",
               "en": "table 3: (七) total is not the sum of the results"}
    rationale = {
        "zh": "表三“三、本年度办理结果”的（七）总计是各办理结果之和：（一）予以公开、（二）部分公开（区分处理的"
              "只计这一情形）、（三）不予公开1—8、（四）无法提供1—3、（五）不予处理1—5、（六）其他处理1—3，共21项"
              "（2019年格式中（六）其他处理只有一行，共19项）。表格没有分组小计行，不虚构小计。依据：" + SOURCE_ZH + "。",
        "en": "In table 3, (七) total is the sum of every result: (一) disclosed, (二) partly "
              "disclosed (counted only there), (三) not disclosed 1-8, (四) cannot be provided "
              "1-3, (五) not handled 1-5, (六) otherwise handled 1-3: 21 items (19 in the 2019 "
              "format, where (六) is one row). The form has no group subtotals and none is "
              "invented. Source: " + SOURCE_EN + ".",
    }
    examples = {"bad": _results_example(3), "good": _results_example(2)}


def _t4_example(total: int) -> str:
    return ("某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
            "未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 "
            "尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
            f"1 0 0 1 {total} 0 0 0 0 0 0 0 0 0 0\n")


class ReviewTotal(_Identity):
    name = "gioa-review-total"
    kind = "review-total"
    table, table_en = "表四", "table 4"
    summary = {"zh": "表四行政复议或行政诉讼的总计不等于各结果之和",
               "en": "table 4: a total of reconsiderations or lawsuits is not the sum of outcomes"}
    rationale = {
        "zh": "表四对行政复议、未经复议直接起诉、复议后起诉三组各列出结果维持、结果纠正、其他结果、尚未审结"
              "和总计：每组总计＝结果维持＋结果纠正＋其他结果＋尚未审结。依据：" + SOURCE_ZH + "。",
        "en": "Table 4 gives, for reconsideration, lawsuits without reconsideration and lawsuits "
              "after it, the outcomes upheld, corrected, other and pending and a total: in each "
              "group, total = upheld + corrected + other + pending. Source: " + SOURCE_EN + ".",
    }
    examples = {"bad": _t4_example(1), "good": _t4_example(2)}


class BlankTotal(Rule):
    name = "gioa-blank-total"
    category = "gioa"
    severity = "error"
    summary = {"zh": "表三、表四的总计空白而其各项不为0，或应填数字处填了“/”",
               "en": "a blank total whose parts are not zero, or a slash where a count is due"}
    rationale = {
        "zh": "表三、表四的每个单元格都是件数，没有的填0。总计空白而其各项不为0，读者无从得知合计数；"
              "“/”表示不适用，而这些单元格都适用（报“警告”）。依据：" + SOURCE_ZH + "。",
        "en": "Every cell of tables 3 and 4 is a count, 0 when there is none. A blank total "
              "whose parts are not zero leaves the reader without the sum; a slash says "
              "'not applicable' where every cell applies (a warning). Source: " + SOURCE_EN + ".",
    }
    examples = {"bad": EXAMPLE_HEAD + "| 一、本年新收政府信息公开申请数量 | 821 | 35 |  |  | 2 | 1 |  |\n"
                                      "| 二、上年结转政府信息公开申请数量 | 18 |  |  |  |  |  | 18 |\n",
                "good": EXAMPLE_HEAD + "| 一、本年新收政府信息公开申请数量 | 821 | 35 |  |  | 2 | 1 | 859 |\n"
                                       "| 二、上年结转政府信息公开申请数量 | 18 |  |  |  |  |  | 18 |\n"}

    def check(self, doc, options):
        return self._blanks(doc) if may_hold(doc) and identities(doc) else ()

    def _blanks(self, doc):
        for ident in blank_totals(doc):
            total = ident.total.cell
            right = ident.sides()[1]
            yield self.finding(
                total.start, total.end,
                zh=f"{ident.total.where_zh}为空白，而{_show(ident.parts)}＝{right}（{ident.zh}）",
                en=f"{ident.total.where_en} is blank, but {_show_en(ident.parts)} = {right} "
                   f"({ident.en})",
                related=[t.related() for t in ident.parts])
        seen: set = set()
        for ident in identities(doc):
            for t in ident.cells():
                if t.cell.slash and id(t.cell) not in seen:
                    seen.add(id(t.cell))
                    yield self.finding(
                        t.cell.start, t.cell.end, severity="warning",
                        zh=f"{t.where_zh}填了“{t.cell.text}”，此处应填件数（没有则填0）",
                        en=f"{t.where_en} says '{t.cell.text}' where a count is due (0 if none)")


class Unreadable(Rule):
    name = "gioa-table-unreadable"
    category = "gioa"
    severity = "info"
    summary = {"zh": "无法可靠读出政府信息公开年度报告的表格，未作核对",
               "en": "a table of the GIOA report could not be read unambiguously"}
    rationale = {
        "zh": "表三、表四按格式规定的行标签读取，每行须正好有7个（表四为15个）数字。PDF提取的文本可能把一行的"
              "数字粘在一起（“3402 99 0 4 5 1 3511”成了“34029904513511”），或丢掉空白单元格，或把并排的两张表"
              "逐行拼接；这时不猜测，只报告从哪一行起无法读出，其后的核对都不做。",
        "en": "Tables 3 and 4 are read by the row labels the format fixes, exactly 7 counts per "
              "row (15 in table 4). Text from a PDF may glue a row's digits together, lose blank "
              "cells or merge two tables side by side; then nothing is guessed: the rule says "
              "where reading stopped, and nothing after it is checked.",
    }
    examples = {"bad": EXAMPLE_HEAD + "一、本年新收政府信息公开申请数量34029904513511\n",
                "good": EXAMPLE_HEAD + "一、本年新收政府信息公开申请数量 3402 99 0 4 5 1 3511\n"}

    def check(self, doc, options):
        tables = gioa_tables(doc)   # (most documents: one look-up, no table)
        return self._unread(doc, tables) if tables.t3 or tables.t4 else ()

    def _unread(self, doc, tables):
        for t in tables.t3:
            if t.unreadable is not None:
                start, end = t.unreadable
                yield self.finding(
                    start, end,
                    zh=f"表三从“{doc.text[start:end]}”一行起无法可靠读出（应正好有7个数字；可能数字粘连、"
                       "空白单元格丢失或两表并排），其后未作核对",
                    en=f"table 3 cannot be read from the row '{doc.text[start:end]}' on (it needs "
                       "exactly 7 counts: digits glued, blank cells lost or two tables side by side); "
                       "nothing after it is checked")
        for t4 in tables.t4:
            if t4.cells is None:
                yield self.finding(
                    t4.start, t4.end,
                    zh="表四的数据行无法可靠读出（应正好有15个数字），未作核对",
                    en="the data row of table 4 cannot be read (it needs exactly 15 counts); "
                       "it is not checked")


# -- the text against the tables --------------------------------------------------------

GAP = r"[^。;!?\n|,]"


class _Stated:
    """A count the text states."""

    __slots__ = ("kind", "said", "start", "end", "number", "percent")

    def __init__(self, kind: dict, said: int, start: int, end: int, number: int,
                 percent: Optional[tuple]):
        self.kind = kind
        self.said = said        # where the statement starts (its measure's word)
        self.start, self.end, self.number = start, end, number
        self.percent = percent  # (start, end, value, decimals)


@lru_cache(maxsize=1)
def _text_pattern() -> tuple:
    """The pattern of a count stated in the text, and the text count of each of its words."""
    by_word = {w: k for k in gioa_format().text_counts for w in k["words"]}
    # (the longest word at a place tried first, then the shorter ones it begins with)
    return re.compile(
        "(?P<w>" + trie(by_word) + ")" + GAP + r"{0,20}?(?<![\d.])(?P<n>\d+)件"
        r"(?:[^。;!?\n|]{0,4}?占" + GAP + r"{0,10}?(?P<p>\d+(?:\.\d+)?)%)?"), by_word


def _stated(doc) -> list:
    pattern, by_word = _text_pattern()
    out = []
    for m in pattern.finditer(doc.folded):
        p = m.group("p")
        percent = None if p is None else (m.start("p"), m.end("p") + 1, float(p),
                                          len(p.split(".")[1]) if "." in p else 0)
        out.append(_Stated(by_word[m.group("w")], m.start(), m.start("n"), m.end("n") + 1,
                           int(m.group("n")), percent))
    return out


def _row_total(row) -> int:
    """A row's count: its 总计, or the sum of its parts where 总计 is blank."""
    total = row.cells[-1]
    return total.count if not total.blank else sum(c.count for c in row.cells[:-1])


SENTENCE_MAX = 200


def _sentence(doc, start: int, end: int) -> tuple:
    """The sentence around text[start:end], at most SENTENCE_MAX either side."""
    text = doc.folded
    low = max(0, start - SENTENCE_MAX)
    left = max([text.rfind(c, low, start) + 1 for c in "。;!?\n"] + [low])
    high = min(len(text), end + SENTENCE_MAX)
    stops = [i for i in (text.find(c, end, high) for c in "。;!?\n") if i >= 0]
    return left, min(stops + [high])


class TextTable(Rule):
    name = "gioa-text-table"
    category = "gioa"
    severity = "error"
    summary = {"zh": "正文所述件数或占比与表三不符",
               "en": "a count or share in the text that contradicts table 3"}
    rationale = {
        "zh": "正文常复述表三：本年新收、上年结转、结转下年度的件数，予以公开、不予公开、无法提供等办理结果的"
              "件数及其占（七）总计的百分比。与表格不符的是错误；正文的口径可能不同的（“共受理”“共收到”对照"
              "本年新收，或本年新收加上年结转）只报警告。百分比按正文的小数位数四舍五入比较。只有一张表三时才核对。",
        "en": "The text restates table 3: new, carried-in and carried-out requests, the counts "
              "of each result (disclosed, not disclosed, cannot be provided …) and their share "
              "of the (七) total. A contradiction is an error; where the text's measure may "
              "differ (共受理/共收到 against new requests, or new plus carried-in) it is a "
              "warning. Shares are compared rounded to the text's decimals. Checked only when "
              "the document has one table 3.",
    }
    examples = {"bad": EXAMPLE_HEAD + "本年新收政府信息公开申请2件。\n"
                                      "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n",
                "good": EXAMPLE_HEAD + "本年新收政府信息公开申请3件。\n"
                                       "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"}

    def check(self, doc, options):
        tables = gioa_tables(doc).t3   # (most documents: one look-up, no table)
        # none, or several (two years side by side): which one is meant?
        return self._contradicted(doc, tables[0]) if len(tables) == 1 else ()

    def _contradicted(self, doc, table):
        rows = table.rows
        inside = [(r.start, r.cells[-1].end) for r in rows.values()]
        fmt = gioa_format()
        for s in _stated(doc):
            if any(a <= s.start < b for a, b in inside):
                continue
            table = self._table_count(s.kind, rows, fmt)
            if table is None:
                continue
            counts, cells = table
            sentence = _sentence(doc, s.start, s.end)
            related = [Related(c.start, c.end, zh="表三中的对应单元格", en="the cell in table 3")
                       for c in cells]
            warning = "warning" if s.kind.get("warning") else None
            if s.number not in counts:
                yield self.finding(
                    *sentence, severity=warning, related=related,
                    zh=f"正文称“{doc.text[s.said:s.end]}”，而表三{s.kind['zh']}为{counts[0]}件",
                    en=f"the text says '{doc.text[s.said:s.end]}', but table 3 gives "
                       f"{counts[0]} ({s.kind['zh']})")
            total_row = rows.get("total")
            if s.percent is None or total_row is None or not _row_total(total_row):
                continue
            whole = _row_total(total_row)
            start, end, value, decimals = s.percent
            share = round(counts[0] / whole * 100, decimals)
            if abs(share - value) > 10 ** -decimals / 2:
                shown = f"{share:.{decimals}f}"
                yield self.finding(
                    start, end, severity=warning,
                    related=related + [Related(total_row.cells[-1].start, total_row.cells[-1].end,
                                               zh="表三（七）总计", en="table 3: (七) total")],
                    zh=f"正文称占{doc.text[start:end]}，而表三{s.kind['zh']}{counts[0]}件占（七）总计"
                       f"{whole}件的{shown}%",
                    en=f"the text gives {doc.text[start:end]}, but in table 3 {counts[0]} of the "
                       f"(七) total {whole} is {shown}%")

    @staticmethod
    def _table_count(kind: dict, rows: dict, fmt) -> Optional[tuple]:
        """(the counts the text may mean, the first one the table's; its cells)."""
        if "rows" in kind:
            if not all(k in rows for k in kind["rows"]):
                return None
            counts = [sum(_row_total(rows[k]) for k in kind["rows"])]
            for alt in kind.get("or", []):
                if all(k in rows for k in alt):
                    counts.append(sum(_row_total(rows[k]) for k in alt))
            return counts, [rows[k].cells[-1] for k in kind["rows"]]
        keys = [s.key for s in fmt.rows if s.group in kind["groups"]]
        present = [k for k in keys if k in rows]
        if "other" in rows:
            present = [k for k in present if k not in ("other1", "other2", "other3")]
        expected = [k for k in keys if not ("other" in rows and k in ("other1", "other2", "other3"))
                    and not ("other" not in rows and k == "other")]
        if present != expected:
            return None     # a row of the group is not in the excerpt
        return [sum(_row_total(rows[k]) for k in present)], [rows[k].cells[-1] for k in present]


# -- the introduction's count of parts --------------------------------------------------

CN_COUNT = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
PART_COUNT = Lazy(r"由(?P<list>[^。;!?\n]{2,200}?)(?:等|共)?(?P<n>[二两三四五六七八九十])(?:个)?部分(?:组成|构成)")


class PartCount(Rule):
    name = "gioa-part-count"
    category = "gioa"
    severity = "warning"
    summary = {"zh": "引言所称部分数与列出的部分不符",
               "en": "the introduction's count of parts does not match the parts it names"}
    rationale = {
        "zh": "年度报告的引言常写“本报告由总体情况、主动公开政府信息情况……等六部分组成”。格式规定六个部分"
              "（总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼"
              "情况、存在的主要问题及改进情况、其他需要报告的事项；依据：" + SOURCE_ZH + "）；引言所称数目与其"
              "用顿号列出的部分数不符时，往往是漏了一部分。只核对提到政府信息公开的段落。",
        "en": "The introduction often says the report 由……等六部分组成 and names the parts. The "
              "format fixes six (" + SOURCE_EN + "); when the stated number and the parts listed "
              "between 、 differ, a part was usually left out. Only paragraphs that mention "
              "政府信息公开 are checked.",
    }
    examples = {
        "bad": "根据《中华人民共和国政府信息公开条例》规定，现公布本局2023年政府信息公开工作年度报告。本报告由"
               "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、"
               "其他需要报告的事项等六部分组成。",
        "good": "根据《中华人民共和国政府信息公开条例》规定，现公布本局2023年政府信息公开工作年度报告。本报告由"
                "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼"
                "情况、存在问题及改进情况、其他需要报告的事项等六部分组成。"}

    def check(self, doc, options):
        # 政府信息公开 holds the cue.
        return self._miscounted(doc) if cue_state(doc) != NO_CUE else ()

    def _miscounted(self, doc):
        text = doc.folded
        if "政府信息公开" not in text:
            return
        for p in doc.paragraphs:
            if text.find("政府信息公开", p.start, p.end) < 0:
                continue
            for m in PART_COUNT.finditer(text, p.start, p.end):
                items = [s for s in m.group("list").split("、") if s.strip()]
                stated = CN_COUNT[m.group("n")]
                if len(items) < 2 or len(items) == stated:
                    continue
                yield self.finding(
                    m.start("n"), m.end(),
                    zh=f"称由{m.group('n')}部分组成，却列出{len(items)}部分：{'、'.join(items)}",
                    en=f"says {stated} parts but names {len(items)}: {'、'.join(items)}",
                    related=[Related(m.start("list"), m.end("list"), zh="列出的各部分",
                                     en="the parts named")])


@hookimpl
def reportlint_rules():
    return [Balance(), RowTotal(), ResultTotal(), ReviewTotal(), BlankTotal(), Unreadable(),
            TextTable(), PartCount()]
