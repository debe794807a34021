"""Builds the published-format fixtures in tests/data/formats/ from the seeds in seeds/:

- <seed>.docx for every seed: Word's automatic numbering for the 一、 and （一） headings
  (（一） restarting under each 一、; a heading whose number Word would not count next,
  such as the second 一、 of hongqi-2021, restarts its list there, as Word's "Restart at"
  does);
- <seed>.html for every seed: the seed in a UTF-8 page with its site chrome;
- pujiang-2023 carries the formats' other features: in its .docx a table with merged
  cells (gridSpan, vMerge), a header, a footer, a footnote and a comment (neither of
  which is body text); in its page a table with colspan/rowspan, and a second copy,
  pujiang-2023.gb2312.html, in GB2312 declared only by <meta http-equiv>;
- <seed>.pdf for every seed: A4 pages in STSong-Light, each line of the seed a
  paragraph wrapped at the page's width as a word processor wraps it (see
  ``wrap``), a blank line of the seed a blank line, and the page number (— 1 —) at the
  foot of each page;
- encrypted.pdf: tables.pdf (below), with a password;
- tables.pdf: two pages with a table and page numbers (— 1 —), in the Adobe-GB1 font
  STSong-Light that every PDF reader knows (no font file is embedded: this machine has
  no CJK font, and none is needed).

The .docx is written with zipfile by hand (Word's own XML, nothing else needed); the
.pdf needs reportlab (test-only: ``pip install reportlab``).  Run from the repository:
``python tests/data/make_fixtures.py``; the files are committed.
"""
from __future__ import annotations

import os
import re
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
OUT = os.path.join(HERE, "formats")
SEEDS = os.path.join(ROOT, "seeds")
# The seed whose fixtures also carry a table, Word's furniture and a GB2312 copy.
FEATURED = "pujiang-2023"
# Each seed's page: its <title> and the site's footer line.
PAGES = {
    "hongqi-2021": ("红旗区人民政府2021年度法治政府建设工作报告", "主办：新乡市红旗区人民政府办公室"),
    "nanhu-2023": ("中共南湖区委南湖区人民政府关于2023年度南湖区法治政府建设工作的报告",
                   "主办：嘉兴市南湖区人民政府办公室"),
    "pujiang-2023": ("浦江县司法局2023年度法治政府建设情况的报告",
                     "主办：浦江县人民政府办公室&nbsp;&nbsp;网站标识码：3307260000"),
    "qinzhou-2023": ("钦州市2023年法治政府建设年度报告", "主办：钦州市人民政府办公室"),
    "shengsi-2022": ("嵊泗县人民政府办公室关于印发嵊泗县纵深推进法治政府建设升级版的实施意见的通知",
                     "主办：嵊泗县人民政府办公室"),
}

CN_HEADING = re.compile(r"^([一二三四五六七八九十]+)、")
PAREN_HEADING = re.compile(r"^\(([一二三四五六七八九十]+)\)")
# The table of pujiang's fixtures: 项目 spans two header rows, 审查 two columns, and
# 行政复议 two body rows.
TABLE = [
    [("项目", 2, 1), ("审查", 1, 2), ("增长", 2, 1)],
    [("2022年", 1, 1), ("2023年", 1, 1)],
    [("行政复议", 2, 1), ("120", 1, 1), ("135", 1, 1), ("12.5%", 1, 1)],
    [("96", 1, 1), ("104", 1, 1), ("8.3%", 1, 1)],
    [("合法性审查", 1, 1), ("310", 1, 1), ("352", 1, 1), ("13.5%", 1, 1)],
]


def seed_lines(name: str) -> list:
    with open(os.path.join(SEEDS, name + ".txt"), encoding="utf-8") as f:
        return f.read().splitlines()


def cn_value(numeral: str) -> int:
    """The value of a Chinese numeral, 一 … 九十九."""
    digits = "一二三四五六七八九"
    tens, _, ones = numeral.rpartition("十")
    value = digits.index(ones) + 1 if ones else 0
    if "十" in numeral:
        value += 10 * (digits.index(tens) + 1 if tens else 1)
    return value


# -- .docx --------------------------------------------------------------------------

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(text: str, level=None, num_id: int = 1) -> str:
    num = ("" if level is None else
           f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
           '</w:pPr>')
    return f"<w:p>{num}{_run(text)}</w:p>"


def _docx_table() -> str:
    rows = []
    # Grid: 项目 | 2022年 | 2023年 | 增长; vertical merges are written as Word does, a
    # vMerge="restart" cell and an empty vMerge cell under it.
    grid = [
        [("项目", 1, "restart"), ("审查", 2, None), ("增长", 1, "restart")],
        [("", 1, "continue"), ("2022年", 1, None), ("2023年", 1, None), ("", 1, "continue")],
        [("行政复议", 1, "restart"), ("120", 1, None), ("135", 1, None), ("12.5%", 1, None)],
        [("", 1, "continue"), ("96", 1, None), ("104", 1, None), ("8.3%", 1, None)],
        [("合法性审查", 1, None), ("310", 1, None), ("352", 1, None), ("13.5%", 1, None)],
    ]
    for i, row in enumerate(grid):
        cells = []
        for text, span, merge in row:
            props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
                "" if merge is None else
                '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
            cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{_run(text) if text else ''}"
                         f"</w:p></w:tc>")
        head = "<w:trPr><w:tblHeader/></w:trPr>" if i < 2 else ""   # repeated header rows
        rows.append("<w:tr>" + head + "".join(cells) + "</w:tr>")
    return ('<w:tbl><w:tblGrid>' + '<w:gridCol w:w="2000"/>' * 4 + '</w:tblGrid>'
            + "".join(rows) + "</w:tbl>")


def _numbered_body(lines: list) -> tuple:
    """The body's paragraphs, and the restarts (numId, level, start) its numbering needs:
    a heading whose number is not the one Word counts next is put on a new w:num whose
    startOverride restarts that level at the seed's number."""
    body, restarts, counters, num_id = [], [], [0, 0], 1
    for line in lines:
        if not line.strip():
            body.append("<w:p/>")       # Word's empty paragraphs between the seed's
            continue
        heading = next(((level, m) for level, m in enumerate(
            (CN_HEADING.match(line), PAREN_HEADING.match(line))) if m), None)
        if heading is None:
            body.append(_paragraph(line))
            continue
        level, m = heading
        value = cn_value(m.group(1))
        if value != counters[level] + 1:
            num_id = len(restarts) + 2
            restarts.append((num_id, level, value))
        counters[level] = value
        if level == 0:
            counters[1] = 0             # （一） restarts under each 一、
        body.append(_paragraph(line[m.end():], level, num_id))
    return body, restarts


def make_docx(name: str, path: str) -> None:
    body, restarts = _numbered_body(seed_lines(name))
    featured = name == FEATURED
    if featured:
        # A footnote and a comment on the first body paragraph: neither is body text.
        body[5] = body[5].replace(
            "</w:p>", '<w:r><w:footnoteReference w:id="1"/></w:r>'
                      '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
                      '</w:p>')
        body.append(_paragraph("表1 行政复议与合法性审查"))
        body.append(_docx_table())
        body.append('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
                    '<w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}>'
                f'<w:body>{"".join(body)}</w:body></w:document>')
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NS}>'
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + "".join(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/>'
                  f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/>'
                  "</w:lvlOverride></w:num>" for num_id, level, start in restarts)
        + '</w:numbering>')
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    part = head + f'<w:{{0}} {NS}><w:p>{{1}}</w:p></w:{{0}}>'
    # The featured seed's parts beyond the body: (relationship, member, content, type).
    extras = [] if not featured else [
        ("Header", "header1.xml", part.format("hdr", _run("浦江县司法局")), "header"),
        ("Footer", "footer1.xml", part.format("ftr", _run("浦江县人民政府办公室印发")), "footer"),
        ("Footnotes", "footnotes.xml",
         (f'{head}<w:footnotes {NS}><w:footnote w:id="1"><w:p>{_run("脚注：不是正文。")}'
          "</w:p></w:footnote></w:footnotes>"), "footnotes"),
        ("Comments", "comments.xml",
         (f'{head}<w:comments {NS}><w:comment w:id="0" w:author="审稿人"><w:p>'
          f'{_run("批注：不是正文。")}</w:p></w:comment></w:comments>'), "comments"),
    ]
    rels = (head + '<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>')
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    document_rels = rels.format(
        f'<Relationship Id="rIdNumbering" Type="{kind}numbering" Target="numbering.xml"/>'
        + "".join(f'<Relationship Id="rId{rel}" Type="{kind}{rel.lower()}" Target="{member}"/>'
                  for rel, member, _, _ in extras))
    package_rels = rels.format(
        f'<Relationship Id="rId1" Type="{kind}officeDocument" Target="word/document.xml"/>')
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    types = (
        head + '<Types '
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}document.main+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{main}numbering+xml"/>'
        + "".join(f'<Override PartName="/word/{member}" ContentType="{main}{content_type}+xml"/>'
                  for _, member, _, content_type in extras)
        + '</Types>')
    members = {
        "[Content_Types].xml": types, "_rels/.rels": package_rels,
        "word/document.xml": document, "word/numbering.xml": numbering,
        "word/_rels/document.xml.rels": document_rels,
        **{"word/" + member: xml for _, member, xml, _ in extras},
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, xml in members.items():
            info = zipfile.ZipInfo(member, date_time=(2024, 2, 29, 9, 2, 0))   # reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml.encode("utf-8"))


# -- .html --------------------------------------------------------------------------

def _html_table() -> str:
    rows = []
    for i, row in enumerate(TABLE):
        tag = "th" if i < 2 else "td"
        cells = "".join(
            f'<{tag}{f" rowspan={r}" if r > 1 else ""}{f" colspan={c}" if c > 1 else ""}>'
            f"{escape(text)}</{tag}>" for text, r, c in row)
        rows.append(f"    <tr>{cells}</tr>")
    return "<table border=\"1\">\n" + "\n".join(rows) + "\n</table>"


def make_html(name: str, charset: str = "utf-8") -> str:
    meta = ('<meta charset="utf-8">' if charset == "utf-8" else
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    title, footer = PAGES[name]
    body = []
    for line in seed_lines(name):
        if line.strip():
            tag = "h2" if CN_HEADING.match(line) else "p"
            body.append(f"<{tag}>{escape(line)}</{tag}>")
    if name == FEATURED:
        body += ["<p>表1 行政复议与合法性审查</p>", _html_table()]
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{meta}
<title>{title}</title>
<style>p {{ text-indent: 2em; }}</style>
<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="article">
{chr(10).join(body)}
</div>
<div class="footer">
<p>{footer}</p>
</div>
</body>
</html>
"""


# -- .pdf ---------------------------------------------------------------------------

# The seeds' pages: A4 with 2.54 cm margins and 10.5 pt (五号) type, 1.5 lines apart,
# about 42 characters a line; a seed's paragraph of 300 characters takes seven.
PDF_FONT, PDF_SIZE, PDF_MARGIN, PDF_LEADING = "STSong-Light", 10.5, 72, 16
# Characters a line may not begin with (closing punctuation) or end with (opening
# punctuation), as a Chinese word processor's line-breaking rules have it.
NO_START = set("，。、；：？！）》」』】〕”’,.;:?!)%℃")
NO_END = set("（《「『【〔“‘(")
# A run of Latin letters and digits is one word, kept whole on a line.
WORD = re.compile(r"[A-Za-z0-9.%]+|.", re.DOTALL)


def wrap(line: str, fits) -> list:
    """``line`` in lines that ``fits`` (a function of the text), broken between words as
    a word processor does: a closing mark is not moved to the next line alone (the
    character before it goes with it), nor an opening mark left at the end of one."""
    words, out, current = WORD.findall(line), [], ""
    for word in words:
        if fits(current + word) or not current:
            current += word
            continue
        # back up while the break would put a closing mark first or an opening mark last
        moved = word
        while len(current) > 1 and (moved[0] in NO_START or current[-1] in NO_END):
            moved, current = current[-1] + moved, current[:-1]
        out.append(current)
        current = moved
    return out + [current]


def make_seed_pdf(name: str, path: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    width, height = A4
    measure = width - 2 * PDF_MARGIN
    page, y = 1, height - PDF_MARGIN

    def fits(text: str) -> bool:
        return pdfmetrics.stringWidth(text, PDF_FONT, PDF_SIZE) <= measure

    def foot() -> None:
        c.setFont(PDF_FONT, 10)
        c.drawCentredString(width / 2, PDF_MARGIN / 2, f"— {page} —")

    for line in seed_lines(name):
        for part in wrap(line, fits) if line.strip() else [""]:
            if y < PDF_MARGIN:
                foot()
                c.showPage()
                page, y = page + 1, height - PDF_MARGIN
            if part:
                c.setFont(PDF_FONT, PDF_SIZE)
                c.drawString(PDF_MARGIN, y, part)
            y -= PDF_LEADING
    foot()
    c.showPage()
    c.save()


def make_pdf(path: str, password: str = "") -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(path, pagesize=A4, invariant=1, encrypt=password or None)
    width, height = A4

    def page_number(n: int) -> None:
        c.setFont("STSong-Light", 10)
        c.drawCentredString(width / 2, 30, f"— {n} —")

    c.setFont("STSong-Light", 16)
    c.drawCentredString(width / 2, height - 72, "浦江县司法局2023年度法治政府建设情况的报告")
    c.setFont("STSong-Light", 11)
    y = height - 110
    for line in ("一、2023年推进法治政府建设的主要举措和成效",
                 "(一)保持法治先行态势,实现依法治县新突破",
                 "2023年对21家单位开展法治巡察,推动法治巡察与纪检监察协作配合机制纵深发展。"):
        c.drawString(72, y, line)
        y -= 22
    page_number(1)
    c.showPage()
    c.setFont("STSong-Light", 11)
    c.drawString(72, height - 72, "表1 行政复议与合法性审查")
    columns = (72, 200, 290, 380)
    rows = [("项目", "2022年", "2023年", "增长"), ("行政复议", "120", "135", "12.5%"),
            ("合法性审查", "310", "352", "13.5%"), ("规范性文件", "18", "21", "16.7%")]
    y = height - 110
    for row in rows:
        for x, text in zip(columns, row):
            c.drawString(x, y, text)
        c.line(66, y - 6, 450, y - 6)
        y -= 24
    c.drawString(72, y - 10, "二、推进法治政府建设存在的不足")
    page_number(2)
    c.showPage()
    c.save()


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    for name in PAGES:
        make_docx(name, os.path.join(OUT, name + ".docx"))
        with open(os.path.join(OUT, name + ".html"), "wb") as f:
            f.write(make_html(name).encode("utf-8"))
        make_seed_pdf(name, os.path.join(OUT, name + ".pdf"))
    with open(os.path.join(OUT, FEATURED + ".gb2312.html"), "wb") as f:
        # A character GB2312 lacks is written as a character reference, as editors do.
        f.write(make_html(FEATURED, "gb2312").encode("gb2312", errors="xmlcharrefreplace"))
    make_pdf(os.path.join(OUT, "tables.pdf"))
    make_pdf(os.path.join(OUT, "encrypted.pdf"), password="secret")


if __name__ == "__main__":
    main()
