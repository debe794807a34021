"""Builds the 政府信息公开工作年度报告 fixtures in tests/data/gioa/: one report whose tables
balance (宿迁市 2023's numbers, 2021 format) in every layout the gioa rules read, and
上海市人民政府办公厅 2019 (2019 format) with its published errors.

- suqian-2023.docx: Word's table with vMerge for 三、本年度办理结果 and the groups;
- suqian-2023.html: <table> with rowspan/colspan;
- suqian-2023.md: Markdown pipe tables;
- suqian-2023.cells.txt: one cell per line (a PDF extracted by PyMuPDF);
- suqian-2023.rows.txt: one row per line, cells apart (pypdfium2);
- shanghai-2019.html: 总计 left blank in eleven result rows, and a text that contradicts
  the table (予以公开及部分公开258件，占33.9%; 无法提供265件).

The .docx is written with zipfile by hand, as tests/data/make_fixtures.py does.  Run from
the repository: ``python tests/data/make_gioa_fixtures.py``; the files are committed.
"""
from __future__ import annotations

import os
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gioa")
sys.path.insert(0, HERE)

from make_fixtures import NS  # noqa: E402  (the same Word XML namespaces)

COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# (group label or "", row label, key); a group label spans its rows.
ROWS_2021 = [
    ("", "一、本年新收政府信息公开申请数量", "new"),
    ("", "二、上年结转政府信息公开申请数量", "carry_in"),
    ("三、本年度办理结果|", "（一）予以公开", "open"),
    ("三、本年度办理结果|", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),
] + [("三、本年度办理结果|（三）不予公开", f"{i}.{t}", f"deny{i}") for i, t in enumerate(
    ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
     "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"], 1)] + [
    ("三、本年度办理结果|（四）无法提供", f"{i}.{t}", f"cant{i}") for i, t in enumerate(
        ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"], 1)] + [
    ("三、本年度办理结果|（五）不予处理", f"{i}.{t}", f"noproc{i}") for i, t in enumerate(
        ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
         "要求行政机关确认或重新出具已获取信息"], 1)] + [
    ("三、本年度办理结果|（六）其他处理", f"{i}.{t}", f"other{i}") for i, t in enumerate(
        ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"], 1)] + [
    ("三、本年度办理结果|", "（七）总计", "total"),
    ("", "四、结转下年度继续办理", "carry_out"),
]
ROWS_2019 = [r for r in ROWS_2021 if not r[2].startswith("other")]
ROWS_2019.insert(ROWS_2019.index(next(r for r in ROWS_2019 if r[2] == "total")),
                 ("三、本年度办理结果|", "（六）其他处理", "other"))

SUQIAN_T3 = {
    "new": [3402, 99, 0, 4, 5, 1, 3511], "carry_in": [91, 3, 0, 0, 2, 0, 96],
    "open": [1175, 12, 0, 3, 1, 0, 1191], "partial": [319, 7, 0, 0, 2, 0, 328],
    "deny1": [0, 0, 0, 0, 0, 0, 0], "deny2": [27, 0, 0, 0, 0, 0, 27], "deny3": [6, 0, 0, 0, 0, 0, 6],
    "deny4": [38, 0, 0, 0, 0, 0, 38], "deny5": [20, 0, 0, 0, 0, 0, 20], "deny6": [9, 0, 0, 0, 0, 0, 9],
    "deny7": [21, 0, 0, 0, 0, 0, 21], "deny8": [20, 1, 0, 0, 0, 0, 21],
    "cant1": [968, 74, 0, 1, 3, 1, 1047], "cant2": [26, 2, 0, 0, 0, 0, 28], "cant3": [3, 0, 0, 0, 0, 0, 3],
    "noproc1": [305, 0, 0, 0, 0, 0, 305], "noproc2": [39, 0, 0, 0, 0, 0, 39],
    "noproc3": [0, 0, 0, 0, 0, 0, 0], "noproc4": [58, 0, 0, 0, 0, 0, 58], "noproc5": [4, 0, 0, 0, 0, 0, 4],
    "other1": [40, 0, 0, 0, 0, 0, 40], "other2": [10, 0, 0, 0, 0, 0, 10], "other3": [287, 3, 0, 0, 1, 0, 291],
    "total": [3375, 99, 0, 4, 7, 1, 3486], "carry_out": [118, 3, 0, 0, 0, 0, 121]}
SUQIAN_T4 = [309, 17, 88, 26, 440, 1, 1, 16, 6, 24, 13, 0, 67, 9, 89]

N = None
SHANGHAI_T3 = {
    "new": [821, 35, N, N, 2, 1, 859], "carry_in": [18, N, N, N, N, N, 18],
    "open": [258, 12, N, N, 1, 1, N], "partial": [3, N, N, N, N, N, N],
    "deny1": [14, N, N, N, N, N, N], "deny2": [N] * 7, "deny3": [N] * 7, "deny4": [N] * 7,
    "deny5": [5, N, N, N, N, N, N], "deny6": [3, 1, N, N, N, N, N], "deny7": [N] * 7,
    "deny8": [10, 2, N, N, N, N, N], "cant1": [252, 12, N, N, 1, N, N], "cant2": [44, 3, N, N, N, N, N],
    "cant3": [25, N, N, N, N, N, N], "noproc1": [148, 1, N, N, N, N, N], "noproc2": [5, 4, N, N, N, N, N],
    "noproc3": [N] * 7, "noproc4": [N] * 7, "noproc5": [N] * 7, "other": [N] * 7,
    "total": [767, 35, N, N, 2, 1, 805], "carry_out": [72, N, N, N, N, N, 72]}
SHANGHAI_T4 = [5, N, N, 2, 7, 8, N, N, 1, 9, N, N, N, N, N]

T4_HEAD = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                                     "未经复议直接起诉", "复议后起诉"],
           ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]

SUQIAN_INTRO = [
    "宿迁市2023年政府信息公开工作年度报告",
    "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和"
    "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。",
    "一、总体情况",
    "2023年，全市共收到政府信息公开申请3607件，其中本年新收3511件，上年结转96件。予以公开1191件，"
    "占34.2%；不予公开142件；结转下年度继续办理121件。",
    "二、主动公开政府信息情况",
    "全年主动公开政府信息一万余条。",
    "三、收到和处理政府信息公开申请情况",
]
SUQIAN_MIDDLE = ["四、政府信息公开行政复议、行政诉讼情况"]
SUQIAN_END = ["五、存在的主要问题及改进情况", "个别答复文书说理不够充分，将加强培训。",
              "六、其他需要报告的事项", "本年度未收取信息处理费。"]

SHANGHAI_INTRO = [
    "2019年上海市人民政府办公厅政府信息公开工作年度报告",
    "一、总体情况",
    "2019年，本机关新收政府信息公开申请859件。予以公开及部分公开258件，占33.9%；"
    "因本机关不掌握等原因无法提供265件。",
    "二、主动公开政府信息情况", "全年主动公开政府信息。",
    "三、收到和处理政府信息公开申请情况",
]
SHANGHAI_END = ["五、存在的主要问题及改进情况", "将加强培训。", "六、其他需要报告的事项", "无。"]


def cell_text(v) -> str:
    return "" if v is None else str(v)


# -- layouts as text -------------------------------------------------------------------

def rows_text(rows, t3, t4) -> list:
    """One row per line, cells apart; a group label on a line of its own."""
    out, group = [], None
    out += ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
            "自然人", "法人或其他组织", "总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    for g, label, key in rows:
        if g and g != group:
            out.append(g.split("|")[-1] or g.split("|")[0])
        group = g
        out.append(f"{label} " + " ".join(cell_text(v) for v in t3[key]))
    return out, ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", " ".join(T4_HEAD[2][:5]) + " "
                 + " ".join(T4_HEAD[2]), " ".join(cell_text(v) for v in t4)]


def cells_text(rows, t3, t4) -> tuple:
    """One cell per line; a group label's characters one per line (a vertical cell)."""
    out = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
           "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公益", "组织", "法律服务",
           "机构", "其他"]
    group = None
    for g, label, key in rows:
        if g and g != group:
            first, _, second = g.partition("|")
            if group is None or not group.startswith(first):
                out += list(first)
            if second:
                out.append(second)
        group = g
        out.append(label)
        out += [cell_text(v) for v in t3[key]]
    return out, ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + T4_HEAD[2] + \
        [cell_text(v) for v in t4]


def markdown_text(rows, t3, t4) -> tuple:
    out = ["| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |",
           "| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
           "|---|---|---|---|---|---|---|---|---|"]
    for g, label, key in rows:
        first = g.split("|")[-1] if g else ""
        out.append(f"| {first} | {label} | " + " | ".join(cell_text(v) for v in t3[key]) + " |")
    t4_lines = ["| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
                "| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
                "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | " + " | ".join(T4_HEAD[2]) + " |",
                "|" + "---|" * 15,
                "| " + " | ".join(cell_text(v) for v in t4) + " |"]
    return out, t4_lines


def write_text(name, layout, rows, t3, t4, intro, middle, end) -> None:
    t3_lines, t4_lines = layout(rows, t3, t4)
    sep = "\n\n" if name.endswith(".md") else "\n"
    body = sep.join(intro) + sep + "\n".join(t3_lines) + sep + sep.join(middle) + sep + \
        "\n".join(t4_lines) + sep + sep.join(end) + "\n"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(body)


# -- .html -------------------------------------------------------------------------------

def html_t3(rows, t3) -> str:
    out = ['<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
           '<td colspan="7">申请人情况</td></tr>',
           '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
           "<tr>" + "".join(f"<td>{c}</td>" for c in COLUMNS[1:6]) + "</tr>"]
    seen: set = set()
    for g, label, key in rows:
        cells = ""
        top, _, sub = g.partition("|")
        if not g:
            cells += f'<td colspan="3">{escape(label)}</td>'
        else:
            if top not in seen:
                seen.add(top)
                cells += f'<td rowspan="{sum(1 for r in rows if r[0].startswith(top + "|"))}">{top}</td>'
            if sub:
                if g not in seen:
                    seen.add(g)
                    cells += f'<td rowspan="{sum(1 for r in rows if r[0] == g)}">{sub}</td>'
                cells += f"<td>{escape(label)}</td>"
            else:
                cells += f'<td colspan="2">{escape(label)}</td>'
        cells += "".join(f"<td>{'&nbsp;' if v is None else v}</td>" for v in t3[key])
        out.append(f"<tr>{cells}</tr>")
    return '<table border="1">\n' + "\n".join(out) + "\n</table>"


def html_t4(t4) -> str:
    return ('<table border="1">\n<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>\n'
            '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
            '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
            '<td colspan="5">复议后起诉</td></tr>\n<tr>'
            + "".join(f"<td>{h}</td>" for h in T4_HEAD[2]) + "</tr>\n<tr>"
            + "".join(f"<td>{'&nbsp;' if v is None else v}</td>" for v in t4) + "</tr>\n</table>")


def write_html(name, rows, t3, t4, intro, middle, end) -> None:
    def paras(lines):
        return "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{intro[0]}</title>'
            f"</head>\n<body>\n{paras(intro)}\n{html_t3(rows, t3)}\n{paras(middle)}\n{html_t4(t4)}\n"
            f"{paras(end)}\n</body></html>\n")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(page)


# -- .docx -------------------------------------------------------------------------------

def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _tc(text: str, span: int = 1, merge=None) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "" if merge is None else '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{_run(text) if text else ''}</w:p></w:tc>"


def docx_t3(rows, t3) -> str:
    out = ["<w:tr>" + _tc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart")
           + _tc("申请人情况", 7) + "</w:tr>",
           "<w:tr>" + _tc("", 3, "continue") + _tc("自然人", 1, "restart") + _tc("法人或其他组织", 5)
           + _tc("总计", 1, "restart") + "</w:tr>",
           "<w:tr>" + _tc("", 3, "continue") + _tc("", 1, "continue")
           + "".join(_tc(c) for c in COLUMNS[1:6]) + _tc("", 1, "continue") + "</w:tr>"]
    previous = ""
    for g, label, key in rows:
        top, _, sub = g.partition("|")
        if not g:
            cells = _tc(label, 3)
        else:
            ptop, _, psub = previous.partition("|")
            cells = _tc(top if top != ptop else "", 1, "restart" if top != ptop else "continue")
            if sub:
                cells += _tc(sub if g != previous else "", 1, "restart" if g != previous else "continue")
                cells += _tc(label)
            else:
                cells += _tc(label, 2)
        previous = g
        out.append("<w:tr>" + cells + "".join(_tc(cell_text(v)) for v in t3[key]) + "</w:tr>")
    return '<w:tbl><w:tblGrid>' + '<w:gridCol w:w="800"/>' * 10 + "</w:tblGrid>" + "".join(out) + "</w:tbl>"


def docx_t4(t4) -> str:
    rows = ["<w:tr>" + _tc("行政复议", 5) + _tc("行政诉讼", 10) + "</w:tr>",
            "<w:tr>" + "".join(_tc(h, 1, "restart") for h in T4_HEAD[2][:5]) + _tc("未经复议直接起诉", 5)
            + _tc("复议后起诉", 5) + "</w:tr>",
            "<w:tr>" + "".join(_tc("", 1, "continue") for _ in range(5))
            + "".join(_tc(h) for h in T4_HEAD[2]) + "</w:tr>",
            "<w:tr>" + "".join(_tc(cell_text(v)) for v in t4) + "</w:tr>"]
    return '<w:tbl><w:tblGrid>' + '<w:gridCol w:w="500"/>' * 15 + "</w:tblGrid>" + "".join(rows) + "</w:tbl>"


def write_docx(name, rows, t3, t4, intro, middle, end) -> None:
    import zipfile

    def paras(lines):
        return "".join(f"<w:p>{_run(line)}</w:p>" for line in lines)
    body = paras(intro) + docx_t3(rows, t3) + paras(middle) + docx_t4(t4) + paras(end)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}>'
                f"<w:body>{body}</w:body></w:document>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>')
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types '
             'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/word/document.xml" ContentType="{main}document.main+xml"/></Types>')
    members = {"[Content_Types].xml": types,
               "_rels/.rels": rels.format(f'<Relationship Id="rId1" Type="{kind}officeDocument" '
                                          'Target="word/document.xml"/>'),
               "word/document.xml": document, "word/_rels/document.xml.rels": rels.format("")}
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        for member, xml in members.items():
            info = zipfile.ZipInfo(member, date_time=(2024, 2, 29, 9, 2, 0))   # reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml.encode("utf-8"))


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    suqian = (ROWS_2021, SUQIAN_T3, SUQIAN_T4, SUQIAN_INTRO, SUQIAN_MIDDLE, SUQIAN_END)
    write_text("suqian-2023.rows.txt", rows_text, *suqian)
    write_text("suqian-2023.cells.txt", cells_text, *suqian)
    write_text("suqian-2023.md", markdown_text, *suqian)
    write_html("suqian-2023.html", *suqian)
    write_docx("suqian-2023.docx", *suqian)
    write_html("shanghai-2019.html", ROWS_2019, SHANGHAI_T3, SHANGHAI_T4, SHANGHAI_INTRO,
               ["四、政府信息公开行政复议、行政诉讼情况"], SHANGHAI_END)


if __name__ == "__main__":
    main()
