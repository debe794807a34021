"""Web page and file residue: the seeds, the corpus, each kind, and the look-alikes that
must stay silent.  Expectations come from the issue, checked by hand against the files."""
import glob
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import check_text
from reportlint.document import Document
from reportlint.residue import content_start_line, residue_blocks, title_of
from reportlint.runner import Linter
from tests.helpers import findings, linted

ROOT = os.path.join(os.path.dirname(__file__), "..")
SEEDS = os.path.join(ROOT, "seeds")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
RULE = "web-residue"
TITLE = "某县2023年度法治政府建设情况报告"


def residue(text, path="<text>"):
    """The text of each web-residue finding, in order."""
    return [text[f.start:f.end] for f in findings(text, RULE, path)]


def seed(name):
    r = linted(Linter(use_config=False, select=["residue"]), os.path.join(SEEDS, name + ".txt"))
    return r.doc, [f for f in r.findings if f.rule == RULE]


def lines_of(doc, f):
    return doc.position(f.start)[0], doc.position(f.end - 1)[0]


# -- the seeds ------------------------------------------------------------------------------


def test_nanhu_only_the_pdf_name_on_the_last_line():
    doc, got = seed("nanhu-2023")
    (f,) = got
    last = len(doc.line_spans)
    assert lines_of(doc, f) == (last, last)
    assert doc.text[f.start:f.end] == doc.line_text(last)
    assert doc.text[f.start:f.end].startswith("南委〔2024〕12号中共南湖区委")
    assert doc.text[f.start:f.end].endswith("的报告.pdf")
    assert f.severity == "warning" and f.category == "residue"
    # Issue 8: deleting the block is an unsafe fix; on the last line it takes the
    # line break before it, so no blank line is left behind.
    assert f.fix is not None and not f.fix.safe and f.fix.replacement == ""
    fixed = doc.text[:f.fix.start] + doc.text[f.fix.end:]
    assert fixed == doc.text[:doc.line_spans[last - 2].end] + doc.text[doc.line_spans[last - 1].end:]
    assert ".pdf" in f.zh and "文件名" in f.zh
    assert content_start_line(doc) == 1


def test_pujiang_breadcrumb_and_the_empty_counter():
    doc, got = seed("pujiang-2023")
    crumb, counter = got
    # One finding for the two lines of the breadcrumb.
    assert lines_of(doc, crumb) == (1, 2)
    assert doc.text[crumb.start:crumb.end] == "当前位置: 首页\n>政务公开 >公开年报"
    assert "导航" in crumb.zh and "当前位置" in crumb.zh
    # Only 浏览次数: on the date line: 发布日期 and 来源 are the document's own.
    assert lines_of(doc, counter) == (4, 4)
    assert doc.text[counter.start:counter.end] == "浏览次数:"
    assert doc.position(counter.start) == (4, doc.line_text(4).index("浏览次数") + 1)
    assert "计数器" in counter.zh and "浏览次数" in counter.zh
    # The title comes after the breadcrumb.
    assert content_start_line(doc) == 3
    assert doc.line_text(3) == "浦江县司法局2023年度法治政府建设情况的报告"


def test_shengsi_metadata_widgets_and_pdf():
    doc, got = seed("shengsi-2022")
    title_line = next(i for i in range(1, len(doc.line_spans) + 1)
                      if doc.line_text(i) == "嵊泗县人民政府办公室关于印发嵊泗县纵深推进法治政府建设升级版的实施意见的通知")
    assert title_line == 34
    meta, widgets, pdf = got
    # The metadata block: from line 1 up to the title, not into it.
    first, last = lines_of(doc, meta)
    assert first == 1 and doc.position(meta.start) == (1, 1)
    assert last < title_line and doc.text[meta.start:meta.end].endswith("有效")
    assert "嵊政办发〔2022〕70号" in doc.text[meta.start:meta.end]
    assert "元数据" in meta.zh and "索引号" in meta.zh
    # 访问次数: and 字体大小:, separated by a blank line, are one finding.
    assert doc.text[widgets.start:widgets.end] == "访问次数:\n\n字体大小:"
    # The file name at the end.
    assert doc.text[pdf.start:pdf.end] == "嵊政办发〔2022〕70号.pdf"
    assert lines_of(doc, pdf)[0] == len(doc.line_spans)
    # The date and source lines under the title are not residue.
    for line in ("发布时间:2022-12-30 15:29", "信息来源:县政府办公室"):
        i = next(i for i in range(1, 60) if doc.line_text(i) == line)
        assert not any(lines_of(doc, f)[0] <= i <= lines_of(doc, f)[1] for f in got), line
    assert content_start_line(doc) == title_line


def test_qinzhou_trailing_download_box_is_one_finding():
    doc, got = seed("qinzhou-2023")
    (f,) = got
    assert doc.text[f.start:f.end] == "文件下载:\n关联文件:"
    assert lines_of(doc, f) == (15, 16)
    assert "下载栏" in f.zh
    assert content_start_line(doc) == 1


def test_hongqi_has_no_residue():
    doc, got = seed("hongqi-2021")
    assert got == []
    assert content_start_line(doc) == 1 and residue_blocks(doc) == []


def test_blocks_of_pujiang():
    doc, _ = seed("pujiang-2023")
    crumb, counter = residue_blocks(doc)
    assert (crumb.kind, crumb.first_line, crumb.last_line) == ("breadcrumb", 1, 2)
    assert (counter.kind, counter.first_line, counter.last_line) == ("widget", 4, 4)
    assert counter.labels == ("浏览次数",)


# -- the corpus of proofread national reports -----------------------------------------------

FOOTER = ("本作品是中华人民共和国的法律", "注:中文维基文库社群认为", "Public domain")


def test_corpus_has_no_false_alarm():
    files = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    if not files:
        pytest.skip("the shared corpus is not beside this checkout")
    linter = Linter(use_config=False, select=["residue"])
    for path in files:
        r = linted(linter, path)
        # The Wikisource licence footer may rightly be flagged; nothing else may.
        for f in r.findings:
            first, last = lines_of(r.doc, f)
            for i in range(first, last + 1):
                line = r.doc.folded[r.doc.line_spans[i - 1].start:r.doc.line_spans[i - 1].end]
                assert not line.strip() or line.startswith(FOOTER), (path, i, f.zh)
        assert content_start_line(r.doc) == 1, path


# -- breadcrumbs -------------------------------------------------------------------------------


@pytest.mark.parametrize("crumb", [
    "当前位置:首页 > 政务公开 > 公开年报",
    "当前位置：首页 ＞ 政务公开 ＞ 公开年报",
    "您的位置: 首页 » 新闻中心",
    "您现在的位置:首页>>通知公告",
    "你的位置：首页 › 政府信息公开",
    "您当前的位置：首页",
    "首页 > 政务公开 > 法治政府建设",
    "网站首页>>信息公开",
    # a site's menu above a saved page: without it, it would be the page's title
    "首页 | 政务公开 | 互动交流",
    "首页丨新闻中心丨政务公开",
])
def test_breadcrumb_line(crumb):
    text = f"{crumb}\n{TITLE}\n全年办结案件12件。\n"
    assert residue(text) == [crumb]
    assert content_start_line(Document(text)) == 2


def test_breadcrumb_trail_over_lines_and_blank_lines_is_one_finding():
    text = f"当前位置: 首页\n\n>政务公开\n  » 公开年报\n{TITLE}\n正文。\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == "当前位置: 首页\n\n>政务公开\n  » 公开年报"
    assert content_start_line(Document(text)) == 5


def test_trail_left_open_continues_but_never_takes_the_title():
    text = f"当前位置:首页 >\n政务公开 > 公开年报\n{TITLE}\n"
    assert residue(text) == ["当前位置:首页 >\n政务公开 > 公开年报"]
    text = f"您的位置: 首页 > 政务公开 >\n{TITLE}\n正文。\n"
    assert residue(text) == ["您的位置: 首页 > 政务公开 >"]
    assert content_start_line(Document(text)) == 2


# -- widgets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("widget", [
    "浏览次数:123", "浏览次数：", "访问次数: 45次", "点击次数:", "阅读次数：7", "点击数:7", "浏览量:",
    "字体大小:", "字体大小：大 中 小", "字号:大 中 小", "字号：【大】【中】【小】",
    "打印本页", "关闭窗口", "分享到:", "分享到： 微信 微博 QQ空间", "扫一扫在手机打开当前页",
    "【打印】【关闭】", "【字体:大 中 小】", "【字体：大 中 小】", "【打印本页】 【关闭窗口】",
    "打印本页 | 关闭窗口", "[打印] [关闭]", "【大】【中】【小】", "[ 打印本页 ] [ 关闭窗口 ]",
    "【字体：大 中 小】【打印本页】【关闭窗口】【我要纠错】", "字号：【大 中 小】",
])
def test_widget_on_a_line_of_its_own(widget):
    text = f"{TITLE}\n全年办结案件12件。\n{widget}\n其余正文。\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == widget


@pytest.mark.parametrize("line,widget", [
    ("发布日期:2024-02-29 09:02 浏览次数: 来源:法规监督科", "浏览次数:"),
    ("发布日期：2024-02-29 09:02 浏览次数：356 来源：法规监督科", "浏览次数：356"),
    ("发布时间:2024-01-02 点击数:12次 信息来源:县司法局", "点击数:12次"),
    ("发布时间:2024-01-02 信息来源:县司法局 【打印】【关闭】", "【打印】【关闭】"),
    ("发布日期:2024-02-29 浏览次数:来源:法规监督科", "浏览次数:"),
    ("发布时间:2024-01-02 字号:大 中 小 | 打印本页", "字号:大 中 小 | 打印本页"),
    ("发布时间：2024-03-28 10:00:00  来源：县司法局  浏览次数：1234", "浏览次数：1234"),
])
def test_widget_inside_the_date_line_spans_only_the_widget(line, widget):
    text = f"{TITLE}\n{line}\n全年办结案件12件。\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == widget
    assert f.start == text.index(widget)
    assert content_start_line(Document(text)) == 1


def test_widget_lines_separated_by_blank_lines_are_one_finding():
    text = f"{TITLE}\n\n访问次数:\n\n\n字体大小:\n\n打印本页  关闭窗口\n\n正文。\n"
    assert residue(text) == ["访问次数:\n\n\n字体大小:\n\n打印本页  关闭窗口"]
    # Text between them makes two blocks.
    text = f"{TITLE}\n访问次数:\n正文。\n打印本页\n"
    assert residue(text) == ["访问次数:", "打印本页"]


# -- download boxes -----------------------------------------------------------------------------


@pytest.mark.parametrize("box", ["文件下载:", "附件下载：", "关联文件:", "相关附件：", "相关文件:",
                                 "下载附件", "文件下载"])
def test_empty_download_box(box):
    text = f"{TITLE}\n全年办结案件12件。\n{box}\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == box and "下载栏" in f.zh


def test_download_lines_are_one_block_with_blank_lines():
    text = f"{TITLE}\n正文。\n\n文件下载：\n\n关联文件：\n"
    assert residue(text) == ["文件下载：\n\n关联文件："]


# -- file names --------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", ["pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "zip", "rar",
                                 "PDF", "Docx"])
def test_file_name_line(ext):
    name = f"南委〔2024〕12号关于2023年度法治政府建设工作的报告.{ext}"
    text = f"{TITLE}\n全年办结案件12件。\n\n{name}"
    assert residue(text) == [name]


def test_full_width_dot_before_the_extension():
    text = f"{TITLE}\n正文。\n嵊政办发〔2022〕70号．pdf\n"
    assert residue(text) == ["嵊政办发〔2022〕70号．pdf"]


def test_file_name_stuck_to_the_end_of_a_paragraph():
    text = f"{TITLE}\n为高质量发展提供坚强有力的法治保障。南委〔2024〕12号.pdf\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == "南委〔2024〕12号.pdf"
    # The paragraph itself is the document's own: it is the first line of content after the title.
    assert content_start_line(Document(text)) == 1


@pytest.mark.parametrize("line", [
    "请下载《申请表.docx》填写后提交。",
    "申请人可下载《申请表.docx》,填写后提交至窗口",
    "报告全文(报告.pdf)已在门户网站公开。",
    "请下载申请表.docx",
    "详见附件.pdf",
    "附件:1.某某办法.pdf",
    "1.某某实施细则.pdf",
    "电子材料统一为PDF格式。",
    "支持上传.pdf、.ofd格式文件",
])
def test_file_mentions_in_the_body_stay_silent(line):
    text = f"{TITLE}\n{line}\n全年办结案件12件。\n打印本页\n"
    assert residue(text) == ["打印本页"]


# -- metadata before the title ------------------------------------------------------------------

SHENGSI_HEAD = """索引号 11330922090963010M/2022-29756
 组配分类 政府文件  发布机构 县政府办公室
 生成日期 2022-12-30  公开方式 主动公开
  • 信息索引号:

    11330922090963010M/2022-29756

  • 文号:

    嵊政办发〔2022〕70号

  • 文件登记号:

  • 有效性:

    有效

"""


def test_metadata_block_before_the_title():
    title = "嵊泗县人民政府办公室关于印发嵊泗县纵深推进法治政府建设升级版的实施意见的通知"
    text = SHENGSI_HEAD + title + "\n\n发布时间:2022-12-30 15:29\n\n信息来源:县政府办公室\n\n正文。\n"
    (f,) = findings(text, RULE)
    assert f.start == 0 and text[f.start:f.end] == SHENGSI_HEAD.rstrip()
    assert "文号" in f.en or "…" in f.en
    doc = Document(text)
    assert doc.line_text(content_start_line(doc)) == title
    (b,) = residue_blocks(doc)
    assert b.kind == "metadata" and "文号" in b.labels and "发布时间" not in b.labels


def test_metadata_with_full_width_colons_and_values_on_the_line():
    text = "索引号：000014349/2024-00012\n发布机构：县人民政府办公室\n成文日期：2024-01-05\n" \
           f"{TITLE}\n正文。\n"
    assert residue(text) == ["索引号：000014349/2024-00012\n发布机构：县人民政府办公室\n成文日期：2024-01-05"]
    assert content_start_line(Document(text)) == 4


@pytest.mark.parametrize("first", [
    "某县人民政府关于印发某某办法的通知",
    "某县2023年度法治政府建设情况报告",
    "各乡镇人民政府,县政府直属各单位:",
    "一、总体要求",
    "(一)加强组织领导",
])
def test_empty_last_key_does_not_swallow_the_text_after_it(first):
    text = f"索引号:123/2022-1\n有效性:\n\n{first}\n正文。\n"
    assert residue(text) == ["索引号:123/2022-1\n有效性:"]
    doc = Document(text)
    assert doc.line_text(content_start_line(doc)) == first


def test_widget_line_inside_the_metadata_block():
    text = f"索引号:123/2022-1\n【打印】【关闭】\n发布机构:县政府办公室\n{TITLE}\n正文。\n"
    assert residue(text) == ["索引号:123/2022-1\n【打印】【关闭】\n发布机构:县政府办公室"]
    assert content_start_line(Document(text)) == 4


def test_breadcrumb_then_metadata_is_one_block():
    text = f"当前位置:首页>政务公开\n\n主题分类：政务公开\n发文机关：县人民政府\n{TITLE}\n正文。\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == "当前位置:首页>政务公开\n\n主题分类：政务公开\n发文机关：县人民政府"
    (b,) = residue_blocks(Document(text))
    assert b.kinds == ("breadcrumb", "metadata") and b.kind == "breadcrumb"
    assert content_start_line(Document(text)) == 5


def test_breadcrumb_then_counter_names_no_buttons():
    # The breadcrumb's label 当前位置 is not a widget's: the block has a counter, no button.
    text = f"当前位置:首页 > 政务公开\n浏览次数: 12\n{TITLE}\n正文。\n"
    (f,) = findings(text, RULE)
    assert f.zh == ("网页导航残留、页面计数器「当前位置:首页 > 政务公开 浏览次数: 12」："
                    "从网页或 PDF 粘贴时带入，不属于报告正文，应删除")
    assert f.en.startswith("web page breadcrumb, page counter «")
    (b,) = residue_blocks(Document(text))
    assert b.labels_of("widget") == ("浏览次数",)


@pytest.mark.parametrize("text", [
    # Keys after the title are the document's own.
    f"{TITLE}\n文号:嵊政办发〔2022〕70号\n发布机构:县政府办公室\n正文。\n",
    # The date and source lines under a title, or opening a document, are not metadata.
    f"{TITLE}\n发布日期:2024-02-29 信息来源:县政府办公室\n正文。\n",
    f"发布日期:2024-02-29 09:02 来源:法规监督科\n{TITLE}\n正文。\n",
    "信息来源:县政府办公室\n正文。\n",
    # A key word opening body text.
    "有效性评估工作全面开展,全年评估规范性文件12件。\n正文。\n",
    "主题分类工作已完成。\n正文。\n",
])
def test_keys_that_are_not_a_metadata_block(text):
    text += "打印本页\n"
    assert residue(text) == ["打印本页"]


# -- look-alikes in the body ---------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "关闭非法矿点12处,整治违规企业5家。",
    "当前位置偏远的乡镇要加强便民服务。",
    "让人民群众分享到了发展成果。",
    "分享到了改革发展的红利",
    "打印本页时请注意保密。",
    "申报系统已实现一键打印本页",
    "网站累计访问次数:",
    "办件结束后系统自动关闭窗口",
    "关闭窗口期内的违规项目3个。",
    "全年网站浏览量:120万次,同比增长8%。",
    "浏览量:120万次,同比增长8%。",
    "浏览量: 120万次,同比增长8%。",
    "访问次数： 3.5万人次",
    "网站总访问量: 356万次",
    "阅读量：1.2万",
    "字号:某某商行",
    "培育老字号企业12家。",
    "扫一扫二维码即可在线办理。",
    "下载附件填写后报送。",
    "相关文件已印发。",
    "附件:1. 某某办法",
    "附件：嵊泗县法治政府建设任务分工表",
    "信息来源:县政府办公室",
    "发布时间:2022-12-30 15:29",
    "《嵊泗县人民政府办公室关于印发某某的通知》(嵊政办发〔2022〕70号)已印发。",
    "嵊政办发〔2022〕70号",
    "您的位置在这里。",
    "首页设置“办事指南”专栏。",
    "网站首页改版上线",
    "【典型案例】某县创新调解机制",
    "(一)打印、复印材料统一由办公室负责。",
])
def test_body_look_alikes_stay_silent(line):
    text = f"{TITLE}\n{line}\n全年办结案件12件。\n打印本页\n"
    assert residue(text) == ["打印本页"]


def test_download_label_heading_a_numbered_list_is_the_documents_own():
    text = f"{TITLE}\n正文。\n相关文件:\n1.《某某办法》\n2.《某某细则》\n文件下载:\n"
    assert residue(text) == ["文件下载:"]


def test_signature_block_at_the_end_is_not_residue():
    text = f"{TITLE}\n正文。\n\n中共嘉兴市南湖区委\n\n嘉兴市南湖区人民政府\n\n2024年2月29日\n\n某报告.pdf\n"
    assert residue(text) == ["某报告.pdf"]


# -- offsets: CRLF, full width -----------------------------------------------------------------


def test_crlf_spans_are_exact():
    text = ("当前位置: 首页\r\n>政务公开 >公开年报\r\n浦江县司法局2023年度法治政府建设情况的报告\r\n"
            "发布日期:2024-02-29 09:02 浏览次数: 来源:法规监督科\r\n\r\n正文。\r\n\r\n"
            "文件下载:\r\n\r\n关联文件:\r\n嵊政办发〔2022〕70号.pdf\r\n")
    assert residue(text) == ["当前位置: 首页\r\n>政务公开 >公开年报", "浏览次数:",
                             "文件下载:\r\n\r\n关联文件:\r\n嵊政办发〔2022〕70号.pdf"]
    doc = Document(text)
    assert content_start_line(doc) == 3
    crumb, counter, tail = residue_blocks(doc)
    assert (crumb.first_line, crumb.last_line) == (1, 2)
    assert (counter.first_line, counter.last_line) == (4, 4)
    assert (tail.first_line, tail.last_line) == (8, 11)
    assert tail.kinds == ("download", "filename")
    (f,) = findings(text, RULE)[2:]
    assert "下载栏" in f.zh and "空的" not in f.zh and "文件名" in f.zh


def test_crlf_metadata_block():
    head = SHENGSI_HEAD.replace("\n", "\r\n")
    text = head + "嵊泗县人民政府办公室关于印发某某的通知\r\n正文。\r\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == head.rstrip()
    assert content_start_line(Document(text)) == SHENGSI_HEAD.count("\n") + 1


def test_ideographic_space_and_full_width_forms():
    text = f"当前位置：首页　＞　政务公开\n{TITLE}\n发布日期：2024-02-29　浏览次数：　来源：某局\n正文。\n"
    assert residue(text) == ["当前位置：首页　＞　政务公开", "浏览次数："]


# -- the shared cache and the API ------------------------------------------------------------------


def test_blocks_are_computed_once_and_cached():
    doc = Document(f"{TITLE}\n正文。\n文件下载:\n")
    blocks = residue_blocks(doc)
    assert residue_blocks(doc) is blocks
    (b,) = blocks
    assert (b.kind, b.first_line, b.last_line) == ("download", 3, 3)
    assert doc.text[b.start:b.end] == "文件下载:"


def test_content_start_line_of_a_document_that_is_all_residue():
    assert content_start_line(Document("当前位置:首页\n\n打印本页\n")) is None
    assert content_start_line(Document("")) is None
    assert content_start_line(Document("\n\n  正文。\n")) == 3


def test_documented_examples():
    from reportlint.rules.residue import WebResidue
    rule = WebResidue()
    assert (rule.name, rule.category, rule.severity) == ("web-residue", "residue", "warning")
    bad = rule.examples["bad"]
    assert residue(bad) == ["浏览次数:"]
    assert residue(rule.examples["good"]) == []


def test_messages_in_both_languages():
    text = f"{TITLE}\n正文。\n文件下载:\n"
    (f,) = findings(text, RULE)
    assert "文件下载" in f.zh and "download" in f.en and "文件下载" in f.en


def test_near_misses_on_every_line_are_no_residue():
    # (Their cost is measured by bench/bench.py, as growth on adversarial inputs.)
    unit = "浏览次数:" + " " * 200 + "1万 当前位置 打印本页时 .pdf  x\n" + "索引号" + "　" * 100 + "\n"
    text = TITLE + "\n" + unit * 2000
    assert residue_blocks(Document(text)) == []


# -- properties over generated pages ---------------------------------------------------------
PAGE_LINES = [
    "当前位置: 首页", ">政务公开 >公开年报", "首页 > 信息公开", "您的位置：首页 »", "政务公开 › 年报",
    "索引号 11330922090963010M/2022-29756", "  • 文号:", "    嵊政办发〔2022〕70号", "有效性：",
    "发布日期:2024-02-29 09:02 浏览次数: 来源:法规监督科", "访问次数：12", "【打印】【关闭】",
    "字体大小:", "文件下载:", "关联文件：", "某报告.pdf", "正文。南委〔2024〕12号.pdf",
    TITLE, "全年办结案件12件。", "一、总体要求", "附件:1. 某某办法", "关闭非法矿点12处。",
    "", "  ", "\u3000",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PAGE_LINES), max_size=14))
def test_blocks_are_trimmed_ordered_separated_and_crlf_proof(lines):
    text = "\n".join(lines)
    doc = Document(text)
    blocks = residue_blocks(doc)
    previous_end = 0
    for b in blocks:
        assert previous_end <= b.start < b.end <= len(text)
        assert not text[b.start].isspace() and not text[b.end - 1].isspace()
        # Touching residue would have been one block.
        assert b is blocks[0] or text[previous_end:b.start].strip()
        assert b.kind == b.kinds[0] and set(b.kinds) <= {
            "breadcrumb", "widget", "download", "filename", "metadata", "pageinfo", "caption",
            "links", "hash", "page", "label", "repeat", "footer", "site"}
        assert (b.first_line, b.last_line) == (doc.position(b.start)[0], doc.position(b.end - 1)[0])
        previous_end = b.end
    first = content_start_line(doc)
    if first is not None:
        line = doc.line_text(first)
        lo = doc.line_spans[first - 1].start + len(line) - len(line.lstrip())
        hi = lo + len(line.strip())
        assert line.strip()
        assert not any(b.start <= lo and hi <= b.end for b in blocks)
        # Every line before it is blank, residue or a quoted note (> …).
        for i in range(1, first):
            s = doc.line_spans[i - 1]
            assert not text[s.start:s.end].strip() or text[s.start:s.end].lstrip()[0] == ">" or any(
                b.start <= s.start + len(doc.line_text(i)) - len(doc.line_text(i).lstrip()) < b.end
                for b in blocks)
    # CRLF: the same residue, with the same line numbers.
    crlf = text.replace("\n", "\r\n")
    crlf_blocks = residue_blocks(Document(crlf))
    assert [crlf[b.start:b.end].replace("\r\n", "\n") for b in crlf_blocks] == \
        [text[b.start:b.end] for b in blocks]
    assert [(b.first_line, b.last_line) for b in crlf_blocks] == \
        [(b.first_line, b.last_line) for b in blocks]
    assert content_start_line(Document(crlf)) == first


# -- chrome of scraped pages and PDF extractions, anywhere in the document (issue 8) ----------

BODY = "全年办理行政复议案件12件,均已办结。"


@pytest.mark.parametrize("chrome, words", [
    # Toolbars, one label per line or several on a line, bracketed or not.
    ("下载\n打印\n全屏\n收藏", "网页按钮"),
    ("下载 打印 全屏 收藏", "网页按钮"),
    ("【字号：\n加大\n还原\n减小\n】", "字号切换"),
    ("【字体：大 中 小】", "字号切换"),
    ("【打印本页】【关闭窗口】", "网页按钮"),
    ("分享:", "网页按钮"),
    ("收藏 |", "网页按钮"),
    ("扫一扫在手机打开当前页", "网页按钮"),
    # A site's information lines, with the value on the line or on the next one.
    ("来源：河北日报\n时间：2026-02-02", "发布信息"),
    ("来源：\n河北日报", "发布信息"),
    ("发表时间：2026-01-31 07:00:44  编辑：王某", "发布信息"),
    ("责任编辑：李某某", "发布信息"),
    ("作者：张三　阅读量：1024", "发布信息"),
    ("2026-01-31 07:00:44", "发布信息"),
    ("浏览次数：\n128", "计数器"),
    ("发表时间：\n2026-01-31 07:00:44", "发布信息"),
    # Breadcrumbs anywhere, also one item per line.
    ("首页 > 新闻中心 > 政府工作报告", "导航"),
    ("首页\n>\n新闻中心\n>\n政府工作报告", "导航"),
    # Photo captions, link blocks, IDs, page numbers, labels.
    ("会议现场。本报记者 张三 摄", "图片说明"),
    ("代表审议政府工作报告。(李四 摄)", "图片说明"),
    ("相关报道：", "相关链接"),
    ("相关附件>>", "下载栏"),
    ("相关链接>>", "相关链接"),
    ("点击图片进入专题", "相关链接"),
    ("e4c29f31a7b04d2c9e11f0a3b5d7c6e2:", "标识码"),
    ("— 3 —", "页码"),
    ("- 3 -", "页码"),
    ("第3页 共7页", "页码"),
    ("正文", "栏目标签"),
    # Other sites' chrome, not seen in the scraped sample.
    ("2024-03-12 18:09　来源： 新华社", "发布信息"),
    ("字号：默认 大 超大\n|\n打印 |\n收藏 |\n留言 |", "字号切换"),
    ("2024年03月13日08:29 | 来源：人民网－人民日报\n分享到：", "发布信息"),
    ("本文来源：某某日报", "发布信息"),
    ("（责任编辑：王某）", "发布信息"),
    ("【字体：大 中 小】 【打印】 【关闭】", "字号切换"),
    ("（新华社记者 李学仁 摄）", "图片说明"),
])
def test_chrome_in_the_middle_of_a_report_is_one_finding(chrome, words):
    text = f"{TITLE}\n{BODY}\n{chrome}\n{BODY[:-1]},另有3件正在办理。\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == chrome
    assert words in f.zh
    # Its fix deletes the block with its line break, and only when asked for.
    assert not f.fix.safe
    assert text[:f.fix.start] + text[f.fix.end:] == text.replace(chrome + "\n", "")


def test_buttons_glued_to_the_last_sentence():
    text = f"{TITLE}\n{BODY}特此报告。【打印本页】【关闭窗口】\n"
    assert residue(text) == ["【打印本页】【关闭窗口】"]
    # Prose that names a button after a sentence goes on after it: no widget.
    assert residue(f"{TITLE}\n{BODY}【打印本页】按钮位于页面底部。\n") == []
    assert residue(f"{TITLE}\n{BODY}打印本页时请选择横向。\n") == []


def test_a_nine_line_toolbar_at_the_bottom_is_one_finding_spanning_it():
    toolbar = "【字号：\n加大\n还原\n减小\n】\n【打印本页】【关闭窗口】"
    text = f"{TITLE}\n{BODY}\n\n{toolbar}\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == toolbar


def test_page_numbers_and_the_running_title_beside_them():
    page = "某县人民政府文件"
    text = (f"{TITLE}\n{BODY}\n— 1 —\n{page}\n{BODY[:-1]}并已公开。\n— 2 —\n{page}\n"
            f"{BODY[:-1]}无一被纠错。\n— 3 —\n")
    got = residue(text)
    assert got == [f"— 1 —\n{page}", f"— 2 —\n{page}", "— 3 —"]


def test_the_title_repeated_by_the_page_template():
    sub = "——2026年1月25日在某市第十六届人民代表大会第四次会议上"
    text = f"{TITLE}\n{sub}\n{TITLE}\n{BODY}\n"
    (f,) = findings(text, RULE)
    assert (f.start, f.end) == (len(TITLE) + len(sub) + 2, 2 * len(TITLE) + len(sub) + 2)
    assert "重复的标题" in f.zh
    title = title_of(Document(text))  # the first copy stays the title
    assert (title.start, title.end) == (0, len(TITLE))
    assert content_start_line(Document(text)) == 1


@pytest.mark.parametrize("line", [
    "来源于群众的意见建议全部办结。",                  # 来源 in a sentence
    "时间紧任务重,全体干部放弃休假。",
    "点击页面上的【打印本页】按钮即可打印申请表。",      # the report quotes a button in prose
    "下载量达到12万次。",
    "数据来源：市统计局",                              # a table's source note
    "来源:县政府办公室",                               # the report's own source line
    "发布时间:2022-12-30 15:29",                       # a government site's own date line
    "时间：全天",                                       # no time stamp
    "组织记者深入基层采访拍摄",                         # 拍摄 is no photo credit
    "相关报道显示,全市办结率为99%。",
    "相关部门:市司法局",
    "第3页至第7页为附表。",
    "3.5",
    "2024年3月1日",                                    # the date of a signature block
    "各位代表！",
    "政府工作报告",
])
def test_chrome_look_alikes_stay_silent(line):
    text = f"{TITLE}\n{BODY}\n{line}\n{BODY}\n"
    assert residue(text) == []


def test_a_salutation_repeated_in_the_speech_is_not_a_repeated_title():
    text = f"{TITLE}\n各位代表：\n{BODY}\n各位代表！\n{BODY[:-1]}。\n各位代表！\n"
    assert residue(text) == []


def test_link_titles_after_the_label_at_the_end_of_the_page():
    text = f"{TITLE}\n{BODY}\n相关报道：\n某省政府工作报告解读\n图解某省政府工作报告\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == "相关报道：\n某省政府工作报告解读\n图解某省政府工作报告"


def test_the_label_of_related_links_in_the_middle_stands_alone():
    text = f"{TITLE}\n相关报道：\n二、主要举措\n{BODY}\n"
    assert residue(text) == ["相关报道："]


@pytest.mark.parametrize("chrome, words", [
    ("版权所有：某市人民政府办公室　网站标识码：3301000001", "页脚"),
    ("版权所有：某市人民政府办公室\n主办单位：某市人民政府办公室", "页脚"),
    ("© 2026 某市人民政府 版权所有", "页脚"),
    ("网站地图 | 联系我们", "网页按钮"),
    ("浙ICP备05001234号", "页脚"),
    ("上一篇：关于做好2023年度法治政府建设年度报告公开工作的通知", "相关链接"),
])
def test_site_footers_and_article_links(chrome, words):
    text = f"{TITLE}\n{BODY}\n{chrome}\n"
    (f,) = findings(text, RULE)
    assert text[f.start:f.end] == chrome and words in f.zh


@pytest.mark.parametrize("numbers", [("2", "3", "4"), ("2/7", "3/7", "4/7")])
def test_bare_page_numbers_that_count_on_between_prose(numbers):
    para = "全面推进严格规范公正文明执法,行政执法三项制度全面落实。" * 4

    def page(k):  # a page of text that breaks mid-sentence
        return f"{para}\n{para}\n{para}\n全年办理第{k}类案件12件,比上年增长"

    text = (f"{TITLE}\n{page(1)}\n{numbers[0]}\n{page(2)}\n{numbers[1]}\n{page(3)}\n"
            f"{numbers[2]}\n{page(4)}一成。\n")
    assert residue(text) == list(numbers)


@pytest.mark.parametrize("text", [
    # A numbered list's serial numbers, each before a long item, are no pages.
    f"{TITLE}\n序号\n1\n全面推进严格规范公正文明执法,行政执法三项制度全面落实\n2\n"
    "持续深化行政复议体制改革,发挥行政复议化解行政争议主渠道作用\n3\n"
    "加强行政执法监督,开展行政执法案卷评查工作\n",
    # Fractions alone on their lines that count nothing on.
    f"{TITLE}\n{BODY}全年共办理。\n2/3\n{BODY}均已公开。\n",
    # An activity plan's own fields.
    f"{TITLE}\n主办单位：市委宣传部\n承办单位：市图书馆\n{BODY}\n",
    # Cells of a table one per line: numbers among short lines are data.
    f"{TITLE}\n本年新收申请\n2\n上年结转\n3\n办结\n4\n",
    # A single number between paragraphs counts nothing on.
    f"{TITLE}\n{BODY}全年共办理。\n7\n{BODY}均已公开。\n",
    # Numbers that do not count on.
    f"{TITLE}\n{BODY}全年共办理。\n2\n{BODY}均已公开。\n9\n{BODY}无一纠错。\n",
    # A sentence about the copyright of works.
    f"{TITLE}\n依法保护著作权人的版权所有权益,查处侵权案件3件。\n",
    f"{TITLE}\n联系我们的方式已在网站公开。\n",
])
def test_page_number_and_footer_look_alikes_stay_silent(text):
    assert residue(text) == []


@pytest.mark.parametrize("text", [
    # Headings and an activity plan that name the same things as a site's footer.
    f"{TITLE}\n(三) 技术支持保障\n{BODY}\n",
    f"{TITLE}\n4. 技术支持\n{BODY}\n",
    f"{TITLE}\n一、 主办单位和承办单位\n{BODY}\n",
    f"{TITLE}\n附件2 承办单位名单\n{BODY}\n",
    # A meeting notice's, a research report's and a bulletin's own fields.
    f"{TITLE}\n时间:2026年3月5日(星期四)上午9:00\n地点:市政府第一会议室\n{BODY}\n",
    f"{TITLE}\n时间: 2026年3月至12月\n{BODY}\n",
    f"{TITLE}\n日期:2026年3月5日\n{BODY}\n",
    f"{TITLE}\n作者:某某县政协课题组\n{BODY}\n",
    f"{TITLE}\n{BODY}\n编辑:张三 审核:李四\n",
    # A signature with an ISO date; a table's cells one per line.
    f"{TITLE}\n{BODY}\n某某市发展和改革委员会\n2026-01-31\n",
    f"{TITLE}\n风险等级\n中\n{BODY}\n",
    f"{TITLE}\n评分\n标准\n{BODY}\n",
    # 摄影 and 航摄 in a sentence are no photo credit.
    f"{TITLE}\n完成全市摄影测量和无人机航摄\n{BODY}\n",
])
def test_look_alikes_of_footers_fields_labels_and_credits_stay_silent(text):
    assert residue(text) == []


def test_a_credit_ending_a_long_paragraph_is_only_the_credit():
    # The paragraph quotes a speech; the caption must not cut the quotation in two.
    para = ("他强调:“要坚持以人民为中心的发展思想,把群众满意作为出发点和落脚点。要扎实推进法治政府建设,"
            "在严格规范公正文明执法上取得新突破,在行政复议化解行政争议上取得新成效,"
            "在政务公开和政务服务上取得新进展,在基层治理法治化上取得新突破,"
            "在法治政府建设示范创建上取得新成绩,在依法行政能力提升上迈出新步伐”(张三 摄)")
    assert len(para) > 150
    text = f"{TITLE}\n{para}\n"
    assert residue(text) == ["(张三 摄)"]
    assert check_text(text, select=["pairs"]) == []


def test_a_table_of_contents_is_no_repeated_title():
    text = (f"{TITLE}\n一、工作完成情况\n二、存在的问题\n三、下一步打算\n"
            f"一、工作完成情况\n{BODY}\n")
    assert residue(text) == []


def test_the_headings_are_looked_for_only_when_a_head_line_is_repeated():
    # The table of contents above needs them; a head that repeats nothing does not (the
    # scan of a small text leaves them to the rules that read them).
    doc = Document(f"{TITLE}\n一、工作完成情况\n{BODY}\n")
    assert residue_blocks(doc) == [] and "heading_lines" not in doc.__dict__
    doc = Document(f"{TITLE}\n一、工作完成情况\n一、工作完成情况\n{BODY}\n")
    residue_blocks(doc)
    assert "heading_lines" in doc.__dict__


def test_the_title_and_the_speech_after_a_converter_note():
    note = "> 本文由某某工具转换,仅供参考\n\n"
    doc = Document(f"{note}下载 打印 全屏\n\n关于2023年法治政府建设工作的报告\n{BODY}\n")
    title = title_of(doc)
    assert doc.text[title.start:title.end] == "关于2023年法治政府建设工作的报告"
    speech = f"{note}各位代表:\n现在,我代表市人民政府向大会报告工作。\n"
    assert check_text(speech, select=["missing-title"]) == []


def test_the_sites_header_above_the_report():
    text = f"浙江省人民政府 www.zj.gov.cn\n{TITLE}\n(正文)\n{BODY}\n"
    assert residue(text) == ["浙江省人民政府 www.zj.gov.cn", "(正文)"]
    doc = Document(text)
    assert doc.text[title_of(doc).start:title_of(doc).end] == TITLE


@pytest.mark.parametrize("text, title", [
    ("浙江省人民政府 www.zj.gov.cn\n", None),
    (f"浙江省人民政府 www.zj.gov.cn\n\n{TITLE}\n", TITLE),
])
def test_a_site_header_with_one_line_or_none_after_it(text, title):
    # The header taken off leaves one line of the head or none: no title to be repeated.
    assert residue(text) == ["浙江省人民政府 www.zj.gov.cn"]
    doc = Document(text)
    found = title_of(doc)
    assert (doc.text[found.start:found.end] if found else None) == title


@pytest.mark.parametrize("text", [
    # A report's own contact lines, and an address in its body, are no header.
    f"{TITLE}\n{BODY}\n网址:www.zj.gov.cn\n",
    f"{TITLE}\n详见 www.zj.gov.cn\n{BODY}\n",
    f"网址:www.zj.gov.cn\n{TITLE}\n{BODY}\n",
])
def test_web_addresses_of_the_report_are_no_header(text):
    assert residue(text) == []


@pytest.mark.parametrize("chrome", [
    "浙icp备05001234号", "浙Icp证05001234号", "COPYRIGHT 2026 某市人民政府", "copyright © 某市"])
def test_footer_marks_in_any_case(chrome):
    # The marks are matched ignoring case, as their first letter is spelt out in each case.
    text = f"{TITLE}\n{BODY}\n{chrome}\n"
    assert residue(text) == [chrome]


@pytest.mark.parametrize("header", ["浙江省人民政府 WWW.ZJ.GOV.CN", "浙江省人民政府 Www.Zj.Gov.Cn"])
def test_the_sites_header_in_any_case(header):
    assert residue(f"{header}\n{TITLE}\n{BODY}\n") == [header]


def test_chrome_beside_runs_of_blank_lines_at_either_end():
    # The scan finds a line's non-blank neighbours by bisection: blank lines at the top, the
    # bottom and between the chrome do not part it (下载 alone is chrome only beside chrome).
    text = f"\n\n\n{TITLE}\n{BODY}\n\n\n下载\n\n\n\n打印\n\n\n"
    assert residue(text) == ["下载\n\n\n\n打印"]
    assert content_start_line(Document(text)) == 4


def test_the_first_line_of_a_hard_wrapped_paragraph_is_no_title():
    # A PDF's text: the report opens with body text wrapped at 30 columns; its first line
    # ends mid-clause (a comma in it) and reads like a short line, but it is no title.
    from reportlint.document import Document
    from reportlint.residue import title_of

    body = ("2023年,某市人民政府坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实"
            "党的二十大精神,全面推进依法行政,有序推进法治政府建设各项工作,取得了新的成效。") * 3
    wrapped = "\n".join(body[i:i + 30] for i in range(0, len(body), 30))
    assert title_of(Document(wrapped)) is None
    # The same first line above text that is not wrapped is a title as before, commas or not.
    assert title_of(Document("关于印发方案的通知\n" + body)) is not None


def test_the_short_line_gate_lets_through_every_first_character_a_check_tests():
    # _scan looks at a short line without a sentence only if its first character is in
    # _OPENS_SHORT (or a digit): every set of first characters a line check tests must be
    # in it, or a new kind of chrome would be passed over unseen.  KEY_FIRST is not a line
    # check's: the metadata block is read after the loop, from the lines themselves.
    from reportlint import residue

    sets = {name for name in dir(residue) if name.endswith("_FIRST")} - {"KEY_FIRST"}
    assert {"TOOLBAR_FIRST", "PAGE_MARK_FIRST", "INFO_FIRST"} <= sets
    assert [name for name in sorted(sets)
            if not getattr(residue, name) <= residue._OPENS_SHORT] == []


def test_the_subtitle_repeated_by_the_page_template():
    # the second line printed again below it: a copy of the second original
    assert residue(f"{TITLE}\n某县人民政府\n某县人民政府\n{BODY}\n") == ["某县人民政府"]


@pytest.mark.parametrize("third", [TITLE[:-2], "某县人民政府"[:-1] + "办公室"])
def test_a_head_line_that_opens_as_the_title_or_subtitle_but_is_no_copy(third):
    assert residue(f"{TITLE}\n某县人民政府\n{third}\n{BODY}\n") == []


# -- what the scan tells before it looks line by line ------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["浏览", "次数", "访问", "点击", "数", "量", "阅读", "【", "[", "打印", "关闭", "返回", "顶部",
     "加入", "收藏", "本页", "分享", "到", "扫", "一", "字体", "字号", "共享", "封闭", "文字",
     "依法行政", "。", " ", "\n"]), max_size=12).map("".join))
def test_the_lines_holding_a_widget_word_are_those_a_search_for_the_words_finds(text):
    """The scan looks for widgets only on the lines holding a word they start with, which
    it finds from a rare character of each word."""
    import re

    from reportlint.residue import WIDGET_STARTS, widget_word_lines

    doc = Document(text)
    words = re.compile("|".join(map(re.escape, WIDGET_STARTS)))
    assert widget_word_lines(doc) == {i - 1 for i in doc.lines_holding(words)}


def test_each_widget_word_is_found_and_the_rare_characters_alone_are_not():
    from reportlint.residue import WIDGET_STARTS, widget_word_lines

    for word in WIDGET_STARTS:
        assert widget_word_lines(Document(f"{BODY}\n{BODY}{word}{BODY}\n{BODY}")) == {1}
    assert widget_word_lines(Document(f"{BODY}共享封闭文字印发西藏打击扫黑走访查阅{BODY}")) == set()


def test_a_widget_in_a_text_that_holds_one_word_of_them_is_found():
    assert residue(f"{TITLE}\n{BODY}\n【关闭】\n") == ["【关闭】"]
    assert residue(f"{TITLE}\n{BODY}进一步关闭污染企业。\n") == []


def test_the_head_is_looked_for_copies_once_when_no_head_line_is_a_heading(monkeypatch):
    from reportlint import residue as module

    calls = []
    head_copies = module._head_copies
    monkeypatch.setattr(module, "_head_copies", lambda *a: calls.append(a) or head_copies(*a))
    assert residue(f"{TITLE}\n发布日期:2024-03-13\n{TITLE}\n{BODY}\n") == [TITLE]
    assert len(calls) == 1
    # With a heading among them, again without it: a table of contents is no copy, the
    # title repeated below it is.
    calls.clear()
    text = f"{TITLE}\n一、工作完成情况\n二、存在的问题\n一、工作完成情况\n{TITLE}\n{BODY}\n"
    assert residue(text) == [TITLE]
    assert len(calls) == 2


@pytest.mark.parametrize("line, found", [
    # Opening as a footer field does (not searched for a mark before): its mark makes it one.
    ("主办单位:某市人民政府办公室 版权所有", True),
    # Opening as a breadcrumb does, with a sentence's end: no footer.
    ("网站 版权所有 的声明已经更新。", False),
])
def test_a_footer_mark_on_a_line_the_first_test_let_through(line, found):
    assert residue(f"{TITLE}\n{BODY}\n{line}\n") == ([line] if found else [])
