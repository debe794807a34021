"""Web page chrome and file residue: toolbars, breadcrumbs, page counters and buttons,
a site's publication details, photo captions, related links, footers, PDF page numbers and
running titles, empty download boxes, file names and CMS metadata left in a report pasted
from a web page or PDF.

The detection lives in ``reportlint.residue`` (the title detection and the pairs need it
too); this rule reports each contiguous block of chrome once, whatever its number of
lines, with an unsafe fix that deletes it.
"""
from __future__ import annotations

import re

from reportlint import Fix, Rule, hookimpl
from reportlint.rule import line_range
from reportlint.residue import COUNTER_WORDS, residue_blocks

_SPACE = re.compile(r"\s+")
# Longer residue is quoted by its start (by its end for a file name) and an ellipsis.
EXCERPT_MAX = 24
METADATA_KEYS_SHOWN = 3

_COUNTERS = frozenset(COUNTER_WORDS)
_FONT = re.compile(r"字体|字号|大中小")

KIND_NAMES = {
    "breadcrumb": ("网页导航残留", "web page breadcrumb"),
    "download": ("空的下载栏", "empty download box"),
    "filename": ("粘贴进正文的文件名", "file name pasted into the text"),
    "metadata": ("标题前的网页元数据", "CMS metadata before the title"),
    "pageinfo": ("网页的发布信息", "the web page's publication details"),
    "caption": ("图片说明", "photo caption"),
    "links": ("相关链接栏", "related-links block"),
    "hash": ("网页标识码", "page ID or hash"),
    "page": ("页码或页眉", "page number or running title"),
    "label": ("网页栏目标签", "web page label"),
    "repeat": ("页面模板重复的标题", "title repeated by the page template"),
    "footer": ("网页页脚", "web page footer"),
    "site": ("网站页眉", "the site's header"),
}


def _excerpt(text: str, from_end: bool = False) -> str:
    s = _SPACE.sub(" ", text).strip()
    if len(s) <= EXCERPT_MAX:
        return s
    return "…" + s[-(EXCERPT_MAX - 4):] if from_end else s[:EXCERPT_MAX - 4] + "…"


def _widget_name(labels) -> tuple:
    """页面计数器 / 字号切换 / 网页按钮, or several of them."""
    zh, en = [], []
    if any(label in _COUNTERS for label in labels):
        zh.append("页面计数器")
        en.append("page counter")
    if any(_FONT.search(label) for label in labels):
        zh.append("字号切换")
        en.append("font-size switch")
    if any(label not in _COUNTERS and not _FONT.search(label) for label in labels):
        zh.append("网页按钮")
        en.append("web page buttons")
    return "和".join(zh) or "网页部件", " and ".join(en) or "web page widget"


def describe(doc, block) -> tuple:
    """(zh, en) messages for one residue block."""
    text = doc.text[block.start:block.end]
    if block.kinds == ("metadata",):
        keys = list(block.labels[:METADATA_KEYS_SHOWN])
        more = len(block.labels) > METADATA_KEYS_SHOWN
        lines_zh = line_range(block.first_line, block.last_line)
        return (f"标题前的网页元数据（{'、'.join(keys)}{'…' if more else ''}），{lines_zh}："
                "是网站的信息公开栏目，不属于报告正文，应删除",
                f"CMS metadata before the title ({', '.join(keys)}{', …' if more else ''}): "
                "the web site's disclosure fields, not part of the report; delete them")
    names_zh, names_en = [], []
    for kind in block.kinds:
        if kind == "widget":
            zh, en = _widget_name(block.labels_of("widget"))
        elif kind == "download" and "filename" in block.kinds:
            zh, en = "下载栏", "download box"  # not empty: a file name follows
        else:
            zh, en = KIND_NAMES[kind]
        names_zh.append(zh)
        names_en.append(en)
    quoted = _excerpt(text, from_end=block.kinds == ("filename",))
    return (f"{'、'.join(names_zh)}「{quoted}」：从网页或 PDF 粘贴时带入，不属于报告正文，应删除",
            f"{', '.join(names_en)} «{quoted}»: brought along when pasting from a web page "
            "or PDF, not part of the report; delete it")


class WebResidue(Rule):
    name = "web-residue"
    category = "residue"
    severity = "warning"
    summary = {"zh": "网页或文件残留", "en": "web page chrome or file residue in the text"}
    fixable = "unsafe"
    rationale = {
        "zh": "从网页或 PDF 复制的报告常带入页面上的其他内容，可能在开头、结尾或正文中间，"
              "可能在一行内，也可能一词一行：工具栏（下载 打印 全屏 收藏、【字号: 加大 还原 减小】、"
              "【打印本页】【关闭窗口】、分享、扫一扫在手机打开当前页）、计数器（浏览次数:）、"
              "导航（当前位置: 首页 > …）、网站的发布信息（来源: 某某日报、时间: 2026-02-02、"
              "编辑、作者、单独一行的时间戳）、图片说明（…本报记者 某某 摄）、相关链接栏（相关报道、"
              "相关链接>>、上一篇:）、网页标识码、报告上方的网站名和网址、页脚（版权所有、主办单位）、PDF 页码和页眉"
              "（— 3 —、第3页 共7页，以及每页重复的页眉）、单独的“正文”标签、页面模板重复的标题、"
              "空的“文件下载:”栏、粘贴在末尾的文件名（….pdf），以及标题前的信息公开元数据"
              "（索引号、发布机构、文号…）。每一处连续的残留报告一次，可删除（不安全的修复，"
              "须 --unsafe-fixes）。政府网站标题下的发布日期、信息来源行（来源为发文单位），"
              "正文中的发文字号，带内容的“附件:”行，以及“来源于”“时间紧”之类的正文都不报告。",
        "en": "A report copied from a web page or PDF often brings the page along, at the top, "
              "at the bottom or in the middle, on one line or one word per line: toolbars "
              "(下载 打印 全屏 收藏, 【字号: 加大 还原 减小】, 【打印本页】【关闭窗口】, 分享, "
              "扫一扫在手机打开当前页), counters (浏览次数:), breadcrumbs (当前位置: 首页 > …), the "
              "site's publication details (来源: a newspaper, 时间: 2026-02-02, 编辑, 作者, a bare "
              "time stamp), photo captions (…本报记者 X 摄), related-links blocks (相关报道, "
              "相关链接>>, 上一篇:), page IDs, the site's name and address above the report, footers "
              "(版权所有, 主办单位), PDF page numbers and "
              "running titles (— 3 —, 第3页 共7页), a bare 正文 label, the title repeated by the "
              "page template, an empty download box (文件下载:), a file name pasted at the end "
              "(….pdf) and the CMS metadata before the title (索引号, 发布机构, 文号 …). Each "
              "contiguous block is one finding; deleting it is an unsafe fix (--unsafe-fixes). A "
              "government site's own date and source line under the title (the source being the "
              "issuing office), a document number in the body, an 附件: line with content and body "
              "text such as 来源于 or 时间紧 are not reported.",
    }
    examples = {"bad": "发布日期:2024-02-29 09:02 浏览次数: 来源:法规监督科",
                "good": "发布日期:2024-02-29 09:02 来源:法规监督科"}

    def check(self, doc, options):
        blocks = residue_blocks(doc)
        return self._reported(doc, blocks) if blocks else ()   # most texts: no generator made

    def _reported(self, doc, blocks):
        for block in blocks:
            zh, en = describe(doc, block)
            yield self.finding(block.start, block.end, zh=zh, en=en, fix=deletion(doc, block))


def deletion(doc, block) -> Fix:
    """Delete the block: whole lines with their line break, else the span and the
    spaces after it.  Unsafe: a reader should see what goes."""
    text, spans = doc.text, doc.line_spans
    first, last = spans[block.first_line - 1], spans[block.last_line - 1]
    if text[first.start:block.start].strip() or text[block.end:last.end].strip():
        end = block.end
        while end < last.end and text[end] in " \t\u3000":
            end += 1
        return Fix(block.start, end, "", safe=False)
    if block.last_line < len(spans):
        return Fix(first.start, spans[block.last_line].start, "", safe=False)
    # The last lines of the file: the line break before them goes instead.
    start = spans[block.first_line - 2].end if block.first_line > 1 else first.start
    return Fix(start, last.end, "", safe=False)


@hookimpl
def reportlint_rules():
    return [WebResidue()]
