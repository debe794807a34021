"""Page chrome and file residue: what a report pasted from a web page or PDF brings along.

``residue_blocks(doc)`` finds it once per document (shared through ``doc.shared``),
``content_start_line(doc)`` tells where the document's own text begins and
``title_of(doc)`` what its title is; the ``web-residue`` rule reports the blocks.

The kinds, all matched line by line on ``doc.folded`` (so ： and : are the same):

- ``breadcrumb``: 当前位置: 首页 > … and the lines that continue the trail (>政务公开 …),
  and a site's menu (首页 | 政务公开 | …);
- ``widget``: page counters (浏览次数: 123), font-size switches (字体大小: 大 中 小),
  buttons (打印本页, 关闭窗口, 分享到, 【打印】【关闭】, 扫一扫在手机打开当前页), on a
  line of their own or as a token inside a line that is otherwise the document's own
  (发布日期:… 浏览次数: 来源:…, where only 浏览次数: is residue);
- ``download``: an empty download box, a line that is only 文件下载: / 关联文件: …;
- ``filename``: a file name (….pdf, ….docx …) pasted as the end of a line;
- ``metadata``: the CMS metadata (索引号, 发布机构, 文号 …) standing before the title;
- ``widget`` too: toolbar lines made only of short UI labels (下载 打印 全屏 收藏,
  【字号: 加大 还原 减小 】, one label per line or several), with the lone brackets they
  leave on lines of their own;
- ``pageinfo``: a news site's or CMS's lines of 来源/时间/编辑/作者/阅读量 (a value on the line
  or on the next one) and bare time stamps (2026-01-31 07:00:44);
- ``caption``: a photo caption ending in its credit (…作报告。本报记者 戴冰摄);
- ``links``: a related-links block (相关报道:, 相关链接>>, 点击图片进入专题 …);
- ``hash``: an ID or hash line left by the scraper (e4c29f31…:);
- ``page``: a PDF page footer or header (— 3 —, 第3页 共7页, numbers alone that count on
  a page apart) and the running title beside it;
- ``footer``: a site's footer (版权所有, ICP备…, and 主办单位: beside them);
- ``label``: a bare 正文 label;
- ``repeat``: the title or subtitle repeated by the page template;
- ``site``: the site's name and address above the report (某省人民政府 www.….gov.cn).

Everything is matched from what chrome is — short UI labels, metadata, links, captions,
page numbers — never from one site's exact strings.

Some lines are chrome only beside other chrome (a lone 下载 or 中 may be a table's cell,
编辑: 张三 a bulletin's own line): they are kept when they touch it.  Residue that touches
other residue (only white space between) is one block.  Each line is matched a bounded
number of times and looks only at its non-blank neighbours (found by bisection), so the
scan is linear but for a logarithm.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from itertools import compress, count
from operator import ne

from .document import Span, trim
from .patterns import Lazy as _Lazy
from .record import FrozenRecord

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional



# -- breadcrumbs ------------------------------------------------------------------------

_TRAIL_SEP = "[>»›→]|&gt;"
BREADCRUMB = _Lazy(
    r"\s*(?P<label>当前位置|当前的位置|(?:您|你)(?:现在|当前|所在)?的?位置)\s*(?::|\s+(?=首页))"
    # A trail without its label: 首页 > 政务公开 > 公开年报; a site's menu: 首页 | 政务公开
    rf"|\s*(?P<home>(?:网站)?首页)\s*(?:{_TRAIL_SEP}|[|丨])")
# A line continues the trail when it begins with a separator (>政务公开 >公开年报), or
# when the line before left the trail open (首页 > or 当前位置: alone) and it holds a
# separator or starts at 首页: a title never does.
TRAIL_CONTINUES = _Lazy(rf"\s*(?:{_TRAIL_SEP})")
TRAIL_OPEN = _Lazy(rf"(?:{_TRAIL_SEP}|:)\s*$")
TRAIL_PART = _Lazy(rf"\s*首页|.*?(?:{_TRAIL_SEP})")
TRAIL_MAX = 60
# A trail spread one item per line: 首页 / > / 新闻中心 / > / …
HOME_LINE = _Lazy(r"(?:网站)?首页")
# The characters BREADCRUMB and HOME_LINE can open a (trimmed) line with, kept in step
# with them: a line opening with another is not tried.  Here and below, such a first
# character spares most lines (prose) the regular expressions, and a plain run their
# compiling.
CRUMB_FIRST = frozenset("当您你网首")
SEPARATOR_LINE = _Lazy(rf"(?:\s*(?:{_TRAIL_SEP}))+\s*")

# -- widgets ------------------------------------------------------------------------------

COUNTER_WORDS = ("浏览次数", "访问次数", "点击次数", "阅读次数", "浏览量", "访问量", "阅读量", "点击量",
                 "点击数", "阅读数", "浏览数")
_COUNTERS = "|".join(COUNTER_WORDS)
_SIZES = r"[\[【]?大[\]】]?\s*[\[【]?中[\]】]?\s*[\[【]?小[\]】]?"
_PLATFORMS = "微信朋友圈|微信|新浪微博|腾讯微博|微博|QQ空间|QQ好友|QQ|人人网|豆瓣网|豆瓣"
_BUTTONS = (
    "打印本页|打印此页|打印页面|打印文章|关闭窗口|关闭本页|关闭页面|返回顶部|加入收藏|收藏本页"
    rf"|分享到(?:\s*:)?(?:\s*(?:{_PLATFORMS}))*"
    r"|扫一扫在手机(?:上)?打开(?:当前页|本页|此页)?"
)
_FONT = (rf"字体大小(?:\s*:)?(?:\s*{_SIZES})?"
         rf"|(?:字体|字号)(?:\s*:(?:\s*{_SIZES})?|\s*{_SIZES})")
# A bracketed button: 【打印】 【关闭】 [收藏] 【字体:大 中 小】 【大】【中】【小】
_BRACKETED = (r"[【\[]大[】\]]\s*[【\[]中[】\]]\s*[【\[]小[】\]]"
              rf"|[【\[]\s*(?:{_BUTTONS}|{_FONT}|打印|关闭|收藏|返回|纠错|我要纠错)\s*[】\]]")
# A widget is a token of its own: white space, a separator or a bracket (or the label
# of the next field, when the page lost the space) on both sides; before it also the end
# of a sentence the page glued it to (…特此报告。【打印本页】【关闭窗口】).
_NEXT_FIELD = "(?:信息)?来源|发布|字体|字号|打印|关闭|分享|浏览|访问|点击|阅读|作者|责任编辑"
WIDGET = _Lazy(
    r"(?<![^\s|丨】\]。!?;])"
    rf"(?P<w>(?P<counter>(?:{_COUNTERS})\s*:(?:\s*\d+(?:\s*次)?)?(?!\s*\d))"
    rf"|{_BRACKETED}|{_BUTTONS}|{_FONT})"
    rf"(?=$|[\s|丨【\[]|{_NEXT_FIELD})"
)
# What a WIDGET token can begin with (its alternatives' first words, kept in step with
# them): the lines holding none are never searched.
WIDGET_STARTS = COUNTER_WORDS + ("【", "[", "打印", "关闭", "返回顶部", "加入收藏", "收藏本页",
                                 "分享到", "扫一扫", "字体", "字号")
# Where any of them stands is found from a character of each word that reports seldom
# hold (览 of 浏览次数, 闭 of 关闭 …): 'in' and find skip along to it (to a byte of it), where
# a search for the words themselves tests every character; most texts hold none of them,
# and a long one a few hundred a megabyte.  (Of two rare characters, the one found faster:
# 浏's low byte is the high byte of many a common character, 览's of few.)
_WIDGET_RARE = "览访击阅【[印闭返藏享扫字"


def _words_by_rare(words) -> tuple:
    """((rare character, (the words holding it, …)), …)"""
    by_rare: dict = {}
    for word in words:
        rare = next((c for c in word if c in _WIDGET_RARE), word[0])
        by_rare.setdefault(rare, []).append(word)
    return tuple((rare, tuple(held)) for rare, held in by_rare.items())


WIDGET_WORDS_BY_RARE = _words_by_rare(WIDGET_STARTS)


def widget_word_lines(doc) -> set:
    """The (0-based) lines of ``doc.folded`` that hold a word of WIDGET_STARTS: of the
    lines holding a word's rare character, those where one of its words stands."""
    text, starts, ends = doc.folded, doc.line_starts, doc.line_ends
    lines: set = set()
    for rare, words in WIDGET_WORDS_BY_RARE:
        if rare not in text:
            continue  # (most: told by 'in', cheaper than a call of lines_holding)
        for n in doc.lines_holding(rare):
            lo, hi = starts[n - 1], ends[n - 1]
            if any(text.find(word, lo, hi) >= 0 for word in words):
                lines.add(n - 1)
    return lines


_COUNTER_KEY = _Lazy(_COUNTERS)
_LABEL_NOISE = _Lazy(r"[\s\[\]【】:]+")
# What may stand between two widgets of one group: 打印本页 | 关闭窗口
WIDGET_GAP = _Lazy(r"[\s|丨/·•]*")

# -- download boxes ---------------------------------------------------------------------

DOWNLOAD = _Lazy(
    r"\s*(?P<label>(?:文件下载|附件下载|下载附件|相关下载)(?:\s*:)?"
    r"|(?:关联文件|相关附件|相关文件|附件列表|关联附件)\s*(?::|>>|》》))\s*$")
DOWNLOAD_FIRST = frozenset("文附下相关")
# A numbered item after the label makes it the document's own list, not an empty box.
LIST_ITEM = _Lazy(r"\s*(?:\d{1,2}\s*[.、]|\(\d{1,2}\)|附件\s*\d|[一二三四五六七八九十]{1,2}、|《)")

# -- file names ---------------------------------------------------------------------------

FILE_END = _Lazy(r"(?<=[^\s.,、:;。!?])\.(?P<ext>pdf|docx?|wps|ofd|xlsx?|zip|rar)\s*$",
                 re.IGNORECASE)
# A sentence ends here: a file name starts after the last one before it; a caption,
# a value or a link title holds none.
SENTENCE_STOP = _Lazy(r"[。!?;]")
# A file name at the end of an item of the document's own attachment list, or a
# sentence about a file, is not residue.
NOT_A_PASTED_NAME = _Lazy(
    r"(?:\d{1,2}\s*[.、]|\(\d{1,2}\)|附件\s*\d*\s*[:.、]"
    r"|请|详见|参见|见附件|点击|下载|登录|访问)")
FILE_NAME_MAX = 120

# -- metadata before the title ------------------------------------------------------------

_PRIMARY_KEYS = (
    "信息索引号|索引号|组配分类|主题分类|体裁分类|体裂分类|服务对象分类|信息分类|内容分类"
    "|发布机构|发文机构|发文机关|生成日期|成文日期|公开方式|公开范围|公开时限|有效性|效力状况"
    "|发文字号|文件编号|文件登记号|登记号|统一编号|文号|主题词"
)
# Keys that are the document's own date line under a title; inside a metadata block
# that began with a primary key they belong to it.
_SECONDARY_KEYS = "发布日期|发布时间|信息来源|来源|发布单位"
_BULLETS = r"[\s•·●◆■▪◦‧*\-]*"
KEY_LINE = _Lazy(rf"{_BULLETS}(?P<key>{_PRIMARY_KEYS})(?=\s*:|\s|$)")
KEY_FIRST = frozenset("•·●◆■▪◦‧*-" + "".join(key[0] for key in _PRIMARY_KEYS.split("|")))
SECONDARY_KEY_LINE = _Lazy(rf"{_BULLETS}(?P<key>{_SECONDARY_KEYS})(?=\s*:|\s|$)")
# Every key of a line: at the start, or after white space, a bullet or a colon.
ANY_KEY = _Lazy(rf"(?<![^\s•·●◆■▪:])(?P<key>{_PRIMARY_KEYS}|{_SECONDARY_KEYS})(?=\s*:|\s|$)")
# A key line whose last key has no value: the value is on the next line.
EMPTY_LAST_KEY = _Lazy(rf"(?<![^\s•·●◆■▪:])(?:{_PRIMARY_KEYS}|{_SECONDARY_KEYS})\s*:?\s*$")
# A value on a line of its own is short and never reads like a title.
VALUE_MAX = 40
# (A heading 一、… or a salutation …各单位: is the document's own text, never a value.)
NOT_A_VALUE = _Lazy(
    r"关于|。|(?:报告|通知|意见|办法|方案|规定|决定|细则|规划|纲要|公告|通告|批复|函|:)$"
    r"|^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,3}、|#)")


# -- toolbars: lines made only of short UI labels --------------------------------------------

# The labels of page tools, longest first so that 打印本页 is one label, not 打印 + 本页.
UI_LABELS = sorted((
    "下载", "打印", "打印本页", "打印此页", "打印页面", "打印文章", "全屏", "退出全屏",
    "收藏", "加入收藏", "收藏本页", "取消收藏", "已收藏", "分享", "分享到", "转发", "评论",
    "点赞", "复制链接", "返回", "返回顶部", "返回首页", "返回列表", "顶部", "关闭", "关闭窗口",
    "关闭本页", "关闭页面", "字号", "字体", "字体大小", "加大", "减小", "还原", "默认", "放大",
    "缩小", "大", "中", "小", "纠错", "我要纠错", "朗读", "语音播报", "播报", "保存", "扫一扫",
    "二维码", "微信", "微博", "QQ空间", "QQ", "无障碍", "长者模式", "关怀版", "繁体", "简体",
    "超大", "特大", "标准", "留言", "我要留言", "打印本文", "关闭本文", "网站地图", "联系我们",
    "关于我们", "网站声明", "隐私声明",
    "上一篇", "下一篇", "扫一扫在手机打开当前页", "扫一扫在手机上打开当前页",
), key=len, reverse=True)
UI_LABEL_SET = frozenset(UI_LABELS)
# The first two characters of every label (a label of one character: itself).
LABEL_HEADS = frozenset(label[:2] for label in UI_LABELS)


def _sizes_by_head(labels) -> dict:
    sizes: dict = {}
    for label in labels:
        if len(label) >= 2:
            sizes.setdefault(label[:2], set()).add(len(label))
    return {head: sorted(lengths, reverse=True) for head, lengths in sizes.items()}


# The lengths of the labels of two characters or more, longest first, by their first two.
LABEL_SIZES = _sizes_by_head(UI_LABELS)
# What a toolbar line can open with: a label's first character or a separator.
TOOLBAR_FIRST = frozenset(label[0] for label in UI_LABELS) | frozenset("|丨/·•【】[]")
# A label alone on its line shorter than this (下载, 中) is a toolbar's only beside
# another label or other chrome: alone, it may be a table's cell.
LONE_LABEL_MIN = 4
TOOLBAR_MAX = 80
# Between the labels of a toolbar line: what names them one by one for the message.
_UI_GAPS = _Lazy(r"[\s|丨/·•【】\[\]:]+")
GAP_FIRST = frozenset("|丨/·•【】[]:")  # the characters of _UI_GAPS but white space
# A line holding only brackets or separators: the halves of a bracketed toolbar
# (【字号: … 】 spread one word per line) — chrome only beside other chrome.
GLUE_LINE = _Lazy(r"[【】\[\]|丨:>»›→\s]+")
GLUE_FIRST = frozenset("【】[]|丨:>»›→")

# -- page information: 来源/时间/编辑 lines ------------------------------------------------------

# Keys of a page's information fields; a field is the key, a colon and a short value.
_DATE_KEYS = "发布时间|发表时间|发稿时间|更新时间|发布日期|时间|日期"
_SOURCE_KEYS = "信息来源|文章来源|本文来源|稿件来源|新闻来源|来源|稿源"
_PERSON_KEYS = "责任编辑|编辑|作者|记者|审核|校对|供稿"
# A time stamp alone on its line: 2026-01-31 07:00:44, 2026/1/31, 2026年1月31日 07:00.
DATETIME_LINE = _Lazy(
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日(?=\s*\d))"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
INFO_KEY = _Lazy(rf"(?<![^\s|丨•·\[\]【】(])(?P<key>{_DATE_KEYS}|{_SOURCE_KEYS}|{_PERSON_KEYS}"
                 rf"|{_COUNTERS})\s*:")
# A line of fields opens with a key (after bullets or brackets), or with a time stamp
# followed by keys (2024-03-12 18:09 来源: 新华社).
INFO_LINE = _Lazy(rf"[\s|丨•·\[\]【】(]*(?:(?P<stamp>{DATETIME_LINE.pattern})[\s|丨]*)?"
                  rf"(?:{_DATE_KEYS}|{_SOURCE_KEYS}|{_PERSON_KEYS}|{_COUNTERS})\s*:")
# The characters a line of fields can open with: a bullet, a bracket, a digit or a key's first.
INFO_FIRST = frozenset("|丨•·[]【】(0123456789" + "".join(
    k[0] for k in f"{_DATE_KEYS}|{_SOURCE_KEYS}|{_PERSON_KEYS}|{_COUNTERS}".split("|")))
INFO_VALUE_MAX = 30
DATE_KEYS = frozenset(_DATE_KEYS.split("|"))
SOURCE_KEYS = frozenset(_SOURCE_KEYS.split("|"))
# A date or time key holds a date or a time.
HAS_DIGIT = _Lazy(r"\d")
COUNT_VALUE = _Lazy(r"\d*\s*次?")
# What a CMS writes under a report's title on a government site (发布日期: 来源: the
# issuing office) is the document's own date line; a news site's reprint names a
# newspaper, a site or an app as its source, and that is the page's, not the report's.
OWN_DATE_LINE_KEYS = frozenset(("发布日期", "发布时间", "信息来源", "来源"))
MEDIA_SOURCE = _Lazy(
    r"(?:报|报社|新闻网|网|新闻|新华社|中新社|通讯社|电视台|广播电台|融媒体中心|客户端|杂志|传媒|头条|APP|app)$")

# -- captions, link blocks, hashes, page numbers, labels -----------------------------------------

# A character of a name: not ASCII (the text is folded), no Chinese punctuation.  A
# negated class: a class of the CJK ranges takes milliseconds to compile at start-up.
_NAME = "[^\x00-\x7f。、“”‘’《》【】〔〕]"
# A photo credit at the end of a line: 本报记者 戴冰摄, 记者 韩卿立 摄, (张三 摄) — a role,
# then a name of a few characters (林 君 with a space), then 摄.
_PERSON = rf"\s*{_NAME}{{1,4}}(?:\s+{_NAME}{{1,3}})?\s*"
_ROLE = "记者|通讯员|摄影师|摄影记者"
CREDIT = _Lazy(rf"(?:(?:{_ROLE}){_PERSON}(?<!拍)摄|\((?:{_NAME}{{0,8}}(?:{_ROLE}))?{_PERSON}(?<!拍)摄\)"
               rf"|\s{_NAME}{{2,4}}\s+摄)$")
CREDIT_WINDOW = 40
CAPTION_END = "摄)"
# A caption longer than this is a paragraph of text with a credit: only the credit is chrome.
CAPTION_MAX = 150
LINKS_LABEL = _Lazy(
    r"(?:相关报道|相关新闻|相关链接|相关文档|相关阅读|相关稿件|相关专题|延伸阅读|推荐阅读|热点推荐"
    r"|点击图片进入专题|点击进入专题)\s*(?::|>>|》》|>)?")
LINKS_FIRST = frozenset("相延推热点")
# Link titles after the label at the end of a page: short lines, no sentence.
LINK_TITLE_MAX = 60
LINK_TITLES_MAX = 30
HASH_LINE = _Lazy(r"(?=[0-9a-fA-F-]*[a-fA-F])(?=[0-9a-fA-F-]*\d)[0-9a-fA-F]{8,}(?:-[0-9a-fA-F]{4,})*\s*:?")
HASH_FIRST = frozenset("0123456789abcdefABCDEF")
HASH_MIN = 16
_DASHES = "-—–―~"
# A page number that says it is one: — 3 —, - 3 -, 第3页 共7页, Page 3.
PAGE_MARK = _Lazy(
    rf"[{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,/]?\s*第\s*\d{1,4}\s*页"
    r"|(?i:page)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?")
PAGE_MARK_FIRST = frozenset(_DASHES + "第共pP")
# A page number alone (3, or 3/7): only where they count on, a page of text apart,
# between lines of prose.
PAGE_COUNT = _Lazy(r"(?P<n>\d{1,3})(?:\s*/\s*(?P<m>\d{1,3}))?")
PAGE_COUNT_MAX = 9
PAGE_MIN = 300
PROSE_MIN = 15
RUNNING_TITLE_MAX = 50
# A site's footer: marks no report uses (ICP备, 公网安备, ©, 版权所有 …), and the fields
# beside them (主办单位: …, which an activity plan has too: only beside other chrome).
# Every alternative opens with a plain character, so that the engine skips along to those
# (with the whole pattern ignoring case, or a look-behind first, it tries every place):
# the case of ICP and Copyright is ignored after their first letter, which is spelt out
# in each case that matches it.
FOOTER_MARK = _Lazy(
    "|".join(f"{first}(?i:cp)[备证]" for first in "Iiİı")
    + r"|C(?i:opyright)|c(?i:opyright)|公网安备|网站标识码|©"
    + r"|版权所有(?<![^\s|丨•·\[\]【】]版权所有)")
FOOTER_FIELD = _Lazy(r"[\s|丨•·\[\]【】]*(?P<key>主办单位|承办单位|协办单位|技术支持|主办|承办)\s*:")
FOOTER_FIELD_FIRST = frozenset("|丨•·[]【】主承协技")
FOOTER_MAX = 120
# The previous or next article: 上一篇: 关于…的通知.
NEIGHBOUR_LINK = _Lazy(r"(?:上一篇|下一篇|上一条|下一条)\s*:")
NEIGHBOUR_FIRST = frozenset("上下")
BODY_LABEL = _Lazy(r"【正文】|\(正文\)|正文\s*:?")
BODY_LABEL_FIRST = frozenset("【(正")
# A site's name and address above everything else: 浙江省人民政府 www.zj.gov.cn.
# (Each alternative opens with a plain letter, as FOOTER_MARK's do, and ignores case after it.)
SITE_ADDRESS = _Lazy(r"(?:h(?i:ttps?://)|H(?i:ttps?://)|w(?i:ww\.)|W(?i:ww\.))[\w.-]+")
SITE_HEADER_MAX = 60
# What ends a gap of white space between two parts (found without copying the gap).
NON_SPACE = _Lazy(r"\S")
# The head of a page, where a template may print the title again.
HEAD_LINES = 8
TITLE_MIN = 4
REPEAT_MAX = 80


# The characters a line of any length must open with to be looked at further, kept in
# step with the checks of ``_scan`` (a line of fields, INFO_FIRST, holds a colon).
_OPENS_ANY = CRUMB_FIRST | DOWNLOAD_FIRST
# And a short line without a sentence, digits aside, to be chrome other than a footer
# (whose mark may stand anywhere on it): kept in step with ``_scan`` and ``_chrome_line``.
_OPENS_SHORT = (_OPENS_ANY | TOOLBAR_FIRST | PAGE_MARK_FIRST | HASH_FIRST | BODY_LABEL_FIRST
                | LINKS_FIRST | FOOTER_FIELD_FIRST | NEIGHBOUR_FIRST | INFO_FIRST | GLUE_FIRST)


# A record and plain classes (reportlint.record says why not NamedTuples).
class Block(FrozenRecord):
    """One contiguous piece of residue: offsets into ``doc.text``, end exclusive,
    trimmed of surrounding white space; lines are 1-based."""

    __slots__ = _fields = ("start", "end", "kind", "first_line", "last_line", "kinds", "labels",
                           "kind_labels")
    start: int
    end: int
    kind: str            # of its first part: breadcrumb | widget | download | filename | metadata
    #                      | pageinfo | caption | links | hash | page | footer | label | repeat
    #                      | site
    first_line: int
    last_line: int
    kinds: tuple         # every kind in it, in order: a block of touching residue may mix kinds
    labels: tuple        # what identifies it: 当前位置, 浏览次数, 文件下载, pdf, 索引号 …
    kind_labels: tuple   # (kind, label) pairs: which part of the block each label is of

    def __init__(self, start: int, end: int, kind: str, first_line: int, last_line: int,
                 kinds: tuple = (), labels: tuple = (), kind_labels: tuple = ()):
        self._assign(start, end, kind, first_line, last_line, kinds, labels, kind_labels)

    def labels_of(self, kind: str) -> tuple:
        """The labels of the parts of one kind (a breadcrumb's 当前位置 is no widget's)."""
        return tuple(dict.fromkeys(label for k, label in self.kind_labels if k == kind))


class _Part:
    __slots__ = ("start", "end", "kind", "labels")

    def __init__(self, start: int, end: int, kind: str, labels: list):
        self.start, self.end, self.kind, self.labels = start, end, kind, labels


def residue_blocks(doc) -> list:
    """Every residue block of the document, in text order (computed once per document)."""
    return doc.shared(_blocks)


def _blocks(doc) -> list:
    return _merge(doc, _scan(doc))


def page_chrome(doc) -> list:
    """The (start, end) of the blocks that are only a page's number or running title: a
    page break, which a paragraph's sentence goes on across."""
    return doc.shared(_page_chrome)


def _page_chrome(doc) -> list:
    return [(b.start, b.end) for b in residue_blocks(doc) if b.kinds == ("page",)]


# What ends a sentence: a paragraph whose own text stops without one before page chrome
# goes on after it (duplicate-block, the pair scan).
SENTENCE_END = tuple("。!?;…")


def chrome_tail(text: str, chrome: list, start: int, end: int) -> tuple:
    """(where the own text of the paragraph ``start:end`` ends, where the chrome at its
    end ends): a page's number that the hard-wrap joining took in after a full line is
    not the paragraph's.  ``chrome``: sorted (start, end) of residue blocks, looked up
    by bisection.  (end, end) when the paragraph ends in its own text."""
    k = bisect_left(chrome, (end,))
    if not (k and start < chrome[k - 1][0] and chrome[k - 1][1] >= end):
        return end, end
    own = chrome[k - 1][0]
    while text[own - 1].isspace():
        own -= 1
    return own, chrome[k - 1][1]


# A first line longer than this, or ending so, is body text rather than a title.
TITLE_MAX = 80
_NOT_TITLE_END = (":", ",", ";", "、")
# `# 标题` is the title in a plain-text file too (converters write Markdown as .txt).
_MD_TITLE = _Lazy(r"#\s+")


def title_of(doc):
    """The title (a Span of the text), or None: the first line of the document's own
    text (after page residue), unless that line is already body text, a heading or a
    salutation.  Found once per document."""
    return doc.shared(_title)


def _title(doc):
    first = content_start_line(doc)
    if first is None:
        return None
    text = doc.folded
    starts, ends = doc.trimmed_lines
    start, end = starts[first - 1], ends[first - 1]
    # (the mark and the white space after it, up to the end of the line)
    marked = _MD_TITLE.match(text, start, doc.line_ends[first - 1]) if text[start] == "#" else None
    if marked:
        start = marked.end()
    elif first in doc.heading_lines:
        return None
    body = text[start:end]  # (empty when the mark is all the line holds)
    if not body or len(body) > TITLE_MAX or "。" in body or body.endswith(_NOT_TITLE_END):
        return None
    if "," in body and doc.wrapped:
        return None   # a clause of a hard-wrapped paragraph (a PDF's first line), not a title
    return Span(start, end)


def content_start_line(doc) -> Optional[int]:
    """The 1-based line where the document's own text begins, or None: the first
    non-blank line that is not residue, past a note a converter quoted above everything
    (> 本文由…转换), which a reader reads past too.  Found once per document."""
    return doc.shared(_content_start)


def _content_start(doc) -> Optional[int]:
    blocks = residue_blocks(doc)
    text = doc.folded
    b = 0
    for i, lo, hi in zip(count(1), *doc.trimmed_lines):
        if lo == hi:
            continue
        while b < len(blocks) and blocks[b].end < hi:
            b += 1
        if not (b < len(blocks) and blocks[b].start <= lo) and text[lo] != ">":
            return i
    return None


class _Lines:
    """The lines of the folded text, trimmed: ``ls[i]`` is (start, end), equal for a
    blank line; ``prev(i)`` and ``next(i)`` are the nearest non-blank lines around it,
    found by bisection in ``filled``, the non-blank lines in order.  Made without a
    Python loop over the lines: a text of a hundred thousand lines holds no tuple per
    line, and a small one pays little for the lines the scan never looks at."""

    __slots__ = ("starts", "ends", "filled", "last")

    def __init__(self, doc):
        self.starts, self.ends = starts, ends = doc.trimmed_lines
        self.filled = filled = array("q", [*compress(range(len(starts)), map(ne, starts, ends))])
        # The last non-blank line, or None.
        self.last: Optional[int] = filled[-1] if filled else None

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> tuple:
        return self.starts[i], self.ends[i]

    def prev(self, i: int) -> Optional[int]:
        """The nearest non-blank line before line ``i``, or None."""
        k = bisect_left(self.filled, i)
        return self.filled[k - 1] if k else None

    def next(self, i: int) -> Optional[int]:
        """The nearest non-blank line after line ``i``, or None."""
        k = bisect_right(self.filled, i)
        return self.filled[k] if k < len(self.filled) else None

    def length(self, i: Optional[int]) -> int:
        return 0 if i is None else self.ends[i] - self.starts[i]


class _Weak:
    """A line that is chrome only beside other chrome: a lone label 下载 (a toolbar when
    another label stands next to it, a table's cell 中 when not), an editor line
    编辑: 张三 (a bulletin's own when no page information stands next to it) …
    ``toolbar``: two weak toolbar lines side by side make a toolbar."""

    __slots__ = ("part", "first", "last", "toolbar")

    def __init__(self, part: _Part, first: int, last: int, toolbar: bool):
        self.part, self.first, self.last, self.toolbar = part, first, last, toolbar


def _scan(doc) -> list:
    text = doc.folded
    ls = _Lines(doc)
    parts: list = []
    weak: list = []
    whole = [False] * len(ls)     # the line is residue from end to end
    prev_crumb = None             # index of the last line of an open breadcrumb trail
    skip_to = 0                   # lines before this were taken with a line above them
    page_lines = []               # page numbers: the running title stands beside them
    hinted = widget_word_lines(doc)  # the lines holding a widget's word (most texts: none)
    links_tail = None             # where the short lines closing the page begin
    numbers = []                  # short lines left unclassified that open with a digit
    glue = []                     # and those that open with a bracket or a separator

    starts, ends, find = ls.starts, ls.ends, text.find
    for i in ls.filled:
        if i < skip_to:
            continue
        lo, hi = starts[i], ends[i]
        # Most lines (prose, headings) are told cheaply to be none of what follows (a
        # caption ends in its credit, a file name in .pdf …).
        first = text[lo]
        # What _chrome_line does not look for again: whether a line short enough to be a
        # footer holds a sentence's end (。 is found quickest), and the footer mark this
        # test finds (None: not looked for; a line where none is found goes no further).
        long = hi - lo > FOOTER_MAX
        stop = not long and (find("。", lo, hi) >= 0
                             or SENTENCE_STOP.search(text, lo, hi) is not None)
        footer = None
        if (prev_crumb is None and i not in hinted and text[hi - 1] not in CAPTION_END
                and find(".", max(lo, hi - 6), hi) < 0):
            if long or stop:
                # A longer line, or one with a sentence in it, is no footer and none of
                # the short chrome (a toolbar, a page mark or number, a time stamp, a
                # label, glue); a line of fields holds a colon.
                if first not in _OPENS_ANY and (first not in INFO_FIRST or find(":", lo, hi) < 0):
                    continue
            elif first not in _OPENS_SHORT and not first.isdigit() \
                    and (footer := FOOTER_MARK.search(text, lo, hi)) is None:
                continue  # a short line that opens as no chrome does and holds no footer mark
        # Breadcrumbs and the lines that continue them.
        if prev_crumb is not None and (
                TRAIL_CONTINUES.match(text, lo, hi)
                or (TRAIL_OPEN.search(text, *ls[prev_crumb]) and hi - lo <= TRAIL_MAX
                    and (TRAIL_PART.match(text, lo, hi)
                         or SEPARATOR_LINE.fullmatch(text, *ls[prev_crumb])))):
            parts.append(_Part(lo, hi, "breadcrumb", []))
            whole[i] = True
            prev_crumb = i
            continue
        prev_crumb = None
        if text[lo] in CRUMB_FIRST:
            m = BREADCRUMB.match(text, lo, hi)
            if m or (HOME_LINE.fullmatch(text, lo, hi) and (after := ls.next(i)) is not None
                     and TRAIL_CONTINUES.match(text, *ls[after])):
                parts.append(_Part(lo, hi, "breadcrumb", [(m.group("label") or m.group("home"))
                                                          if m else "首页"]))
                whole[i] = True
                prev_crumb = i
                continue
        # An empty download box.
        m = DOWNLOAD.match(text, lo, hi) if text[lo] in DOWNLOAD_FIRST else None
        if m and not _list_follows(text, ls, i):
            parts.append(_Part(lo, hi, "download", [_label(m.group("label"))]))
            whole[i] = True
            continue
        # Lines that are chrome from end to end.
        found = _chrome_line(text, ls, i, stop, footer)
        if found is not None:
            kind, labels, last, strong = found
            if kind == "links" and last is None:
                if links_tail is None:
                    links_tail = _links_tail(text, ls)
                last = _links_end(ls, i, links_tail)
            part = _Part(lo, ls.ends[last], kind, labels)
            if strong:
                parts.append(part)
                if kind == "page":
                    page_lines.append(i)
                for j in range(i, last + 1):
                    whole[j] = True
            else:
                weak.append(_Weak(part, i, last, kind == "widget"))
            skip_to = last + 1
            continue
        # A photo caption: the line, or the credit ending a paragraph.
        start = _caption(text, lo, hi)
        if start is not None:
            parts.append(_Part(start, hi, "caption", ["摄"]))
            whole[i] = start == lo
            continue
        # Widgets: tokens of their own, grouped when only separators stand between.
        group = None
        # WIDGET opens with a look-behind, which the engine tries at every place:
        # only lines holding a word a widget starts with are searched.
        widgets = WIDGET.finditer(text, lo, hi) if i in hinted else ()
        for w in widgets:
            label = _label(w.group("w"))
            if group is not None and WIDGET_GAP.fullmatch(text, group.end, w.start()):
                group.end = w.end()
                group.labels.append(label)
                continue
            group = _Part(w.start(), w.end(), "widget", [label])
            parts.append(group)
        if group is not None and parts[-1].start == lo and parts[-1].end == hi:
            whole[i] = True
            after = ls.next(i)
            if text[hi - 1] == ":" and group.labels[-1] in COUNTER_WORDS and after is not None \
                    and COUNT_VALUE.fullmatch(text, *ls[after]):
                group.end = ls.ends[after]  # 浏览次数: with its count on the next line
                whole[after] = True
                skip_to = after + 1
            continue
        # A file name at the end of the line.
        m = FILE_END.search(text, lo, hi) if text.find(".", max(lo, hi - 6), hi) >= 0 else None
        if m:
            name_start = lo
            for sentence_end in SENTENCE_STOP.finditer(text, lo, m.start()):
                name_start = sentence_end.end()
            name_start, _ = trim(text, name_start, hi)
            if (0 < m.start() - name_start <= FILE_NAME_MAX
                    and not NOT_A_PASTED_NAME.match(text, name_start, hi)):
                parts.append(_Part(name_start, hi, "filename", [m.group("ext").lower()]))
                whole[i] = name_start == lo
                continue
        if hi - lo <= TOOLBAR_MAX:
            if first in GLUE_FIRST:
                glue.append(i)
            elif hi - lo <= PAGE_COUNT_MAX and first.isdigit():
                numbers.append(i)

    # What depends on the lines around it, once every line is classified (each pass only
    # when there is something it looks for).
    if numbers:
        parts.extend(_counted_page_numbers(text, ls, numbers, whole, page_lines))
    if weak:
        parts.extend(_beside_chrome(weak, ls, whole))
    if glue:
        parts.extend(_glue(text, ls, glue, whole))
    if len(page_lines) >= 2:
        parts.extend(_running_titles(text, ls, whole, page_lines, doc))
    head = _head(ls, whole)
    if head:
        parts.extend(_site_header(text, ls, whole, head))
    if len(head) >= 2:  # (a copy has its original above it)
        parts.extend(_repeated_head(text, ls, whole, head, doc))
    if head:  # (its first line is the first of content, a site header taken off)
        meta = _metadata(text, ls, whole, head[0])
        if meta is not None:
            parts.append(meta)
    if len(parts) > 1:
        parts.sort(key=lambda p: p.start)
    return parts


def _chrome_line(text: str, ls: _Lines, i: int, stop: bool, footer):
    """(kind, labels, last line index, strong) when line ``i`` (and maybe lines after
    it) is chrome; a weak one is chrome only beside other chrome.  For a link label the
    last line is None: the caller finds where its link titles end.  ``stop``: whether
    the line, if no longer than FOOTER_MAX, holds a sentence's end; ``footer``: its
    FOOTER_MARK match, if looked for."""
    lo, hi = ls[i]
    n = hi - lo
    first = text[lo]
    if n > FOOTER_MAX:  # a long line: only a line of fields may be chrome from end to end
        return _page_info(text, ls, i) if first in INFO_FIRST else None
    if n <= TOOLBAR_MAX:
        labels = _toolbar_labels(text[lo:hi]) if first in TOOLBAR_FIRST else None
        if labels:
            # 下载 alone may be a toolbar's or a table cell's; 下载 打印, 分享:, 【打印】 are tools.
            lone = len(labels) == 1 and len(labels[0]) < LONE_LABEL_MIN and labels[0] == text[lo:hi]
            return "widget", labels, i, not lone
        if first in PAGE_MARK_FIRST and PAGE_MARK.fullmatch(text, lo, hi):
            return "page", ["页码"], i, True
        if n >= HASH_MIN and first in HASH_FIRST and HASH_LINE.fullmatch(text, lo, hi):
            return "hash", ["ID"], i, True
        if first in BODY_LABEL_FIRST and BODY_LABEL.fullmatch(text, lo, hi):
            return "label", ["正文"], i, True
        m = DATETIME_LINE.fullmatch(text, lo, hi) if first.isdecimal() else None
        if m and not _value_of_key_above(text, ls, i):
            # A time stamp with its clock time is a page's; a date alone may sign a letter.
            return "pageinfo", ["时间"], i, ":" in m.group()
        if first in LINKS_FIRST and LINKS_LABEL.fullmatch(text, lo, hi):
            return "links", [_LABEL_NOISE.sub("", text[lo:hi]).rstrip(">》")], None, True
    if not stop:
        m = footer or FOOTER_MARK.search(text, lo, hi)
        if m:
            return "footer", [m.group()], i, True
        m = FOOTER_FIELD.match(text, lo, hi) if first in FOOTER_FIELD_FIRST else None
        if m:
            return "footer", [m.group("key")], i, False  # 主办单位: of an activity plan too
        if first in NEIGHBOUR_FIRST and NEIGHBOUR_LINK.match(text, lo, hi):
            return "links", [text[lo:lo + 3]], i, True
    return _page_info(text, ls, i) if first in INFO_FIRST else None


def _toolbar_labels(line: str) -> Optional[list]:
    """The UI labels a line is made of (大中小 is three), or None when anything else
    stands on it.  Longest label first, without backtracking: linear in the line."""
    if line[:2] not in LABEL_HEADS and line[:1] not in LABEL_HEADS \
            and line[:1] not in GAP_FIRST and not line[:1].isspace():
        return None  # most lines: no label opens them (told without splitting the line)
    labels = []
    for token in _UI_GAPS.split(line):
        at = 0
        while at < len(token):
            label = _label_at(token, at)
            if not label:
                return None
            labels.append(label)
            at += len(label)
    return labels or None


def _label_at(token: str, at: int) -> str:
    """The longest UI label at ``token[at:]``, or "" (only labels that open with the two
    characters there are tried)."""
    for size in LABEL_SIZES.get(token[at:at + 2], ()):
        if token[at:at + size] in UI_LABEL_SET:
            return token[at:at + size]
    return token[at] if token[at] in UI_LABEL_SET else ""


def _value_of_key_above(text: str, ls: _Lines, i: int) -> bool:
    """Whether the line above is a key waiting for its value (成文日期: / 2022-12-27)."""
    j = ls.prev(i)
    return j is not None and bool(EMPTY_LAST_KEY.search(text, *ls[j]))


def _links_tail(text: str, ls: _Lines) -> int:
    """The first line of the short lines without a sentence that close the page (at
    most LINK_TITLES_MAX of them): after a link label there, they are its links."""
    tail, count, j = len(ls), 0, ls.last
    while j is not None and count < LINK_TITLES_MAX:
        lo, hi = ls[j]
        if hi - lo > LINK_TITLE_MAX or SENTENCE_STOP.search(text, lo, hi):
            break
        tail, count, j = j, count + 1, ls.prev(j)
    return tail


def _links_end(ls: _Lines, i: int, tail: int) -> int:
    """The last line of the link block whose label is on line ``i``."""
    after = ls.next(i)
    if after is None or after < tail:
        return i  # anywhere but at the end of the page, the label stands alone
    return ls.last if ls.last is not None else i  # (a line follows: there is a last one)


def _page_info(text: str, ls: _Lines, i: int):
    """A line of 来源/时间/编辑 fields (with a value on the next line when the last key
    has none), unless it is a government site's own date line under the title.  Strong
    when it names a newspaper or a site as the source, holds a machine time stamp, a
    CMS editor (责任编辑) or a read count; else only beside other chrome (作者: of a
    research report, 编辑: of a bulletin)."""
    lo, hi = ls[i]
    opening = INFO_LINE.match(text, lo, hi) if text.find(":", lo, hi) >= 0 else None
    if not opening:
        return None  # most lines: no key (and its colon) opens them
    keys = list(INFO_KEY.finditer(text, lo, hi))
    fields = [["时间", opening.group("stamp")]] if opening.group("stamp") else []
    for k, after in zip(keys, keys[1:] + [None]):
        value = text[k.end():after.start() if after else hi]
        fields.append([k.group("key"), value.strip(" \t|丨)】]")])
    last = i
    if not fields[-1][1] and fields[-1][0] not in COUNTER_WORDS:
        j = ls.next(i)
        if j is not None and _is_value(text, *ls[j]):
            fields[-1][1] = text[ls[j][0]:ls[j][1]]
            last = j
    for key, value in fields:
        if len(value) > INFO_VALUE_MAX or SENTENCE_STOP.search(value):
            return None
        if value and key in DATE_KEYS and not HAS_DIGIT.search(value):
            return None  # 时间: 全天 is no time stamp
        if key in COUNTER_WORDS and not COUNT_VALUE.fullmatch(value):
            return None  # 访问次数: 3.5万人次 is a statistic of the report
    names = [key for key, _ in fields if key not in COUNTER_WORDS]
    if not names:
        return None  # counters alone are widgets
    media = any(key in SOURCE_KEYS and MEDIA_SOURCE.search(value) for key, value in fields)
    if set(names) <= OWN_DATE_LINE_KEYS and not media:
        return None  # the report's own date and source line (its counters are widgets)
    strong = media or "责任编辑" in names or any(
        (key in DATE_KEYS and key not in OWN_DATE_LINE_KEYS and DATETIME_LINE.fullmatch(value))
        or (key in COUNTER_WORDS and value) for key, value in fields)
    return "pageinfo", names, last, strong


def _is_value(text: str, lo: int, hi: int) -> bool:
    return (hi - lo <= INFO_VALUE_MAX and not SENTENCE_STOP.search(text, lo, hi)
            and not INFO_KEY.match(text, lo, hi) and not NOT_A_VALUE.search(text[lo:hi]))


def _caption(text: str, lo: int, hi: int) -> Optional[int]:
    """Where a photo caption that ends line ``lo:hi`` begins, or None: the whole line
    when it is short, else only the credit (the paragraph before it is text)."""
    if text[hi - 1] not in CAPTION_END:
        return None
    m = CREDIT.search(text, max(lo, hi - CREDIT_WINDOW), hi)
    if m is None:
        return None
    return lo if hi - lo <= CAPTION_MAX else trim(text, m.start(), hi)[0]


def _beside_chrome(weak: list, ls: _Lines, whole: list) -> list:
    """The weak lines that stand beside chrome: one sweep down and one up, so that a run
    of them hangs on the chrome at either end; two toolbar labels side by side are a
    toolbar."""
    kept = [False] * len(weak)
    at = {w.first: k for k, w in enumerate(weak)}
    ends = {w.last: k for k, w in enumerate(weak)}

    def beside(w, j, toward) -> bool:
        if j is None:
            return False
        if whole[j]:
            return True
        k = toward.get(j)
        return k is not None and (kept[k] or (w.toolbar and weak[k].toolbar))

    for k, w in enumerate(weak):
        if beside(w, ls.prev(w.first), ends):
            kept[k] = True
            for j in range(w.first, w.last + 1):
                whole[j] = True
    for k in range(len(weak) - 1, -1, -1):
        w = weak[k]
        if not kept[k] and beside(w, ls.next(w.last), at):
            kept[k] = True
            for j in range(w.first, w.last + 1):
                whole[j] = True
    return [w.part for k, w in enumerate(weak) if kept[k]]


def _glue(text: str, ls: _Lines, candidates: list, whole: list) -> list:
    """Lines of lone brackets or separators beside a toolbar: 【字号: / 加大 / … / 】.
    ``candidates``: the short lines left unclassified that open with one."""
    out = []
    for i in candidates:
        lo, hi = ls[i]
        if whole[i] or not GLUE_LINE.fullmatch(text, lo, hi):
            continue
        before, after = ls.prev(i), ls.next(i)
        if (before is not None and whole[before]) or (after is not None and whole[after]):
            out.append(_Part(lo, hi, "widget", []))
            whole[i] = True
    return out


def _counted_page_numbers(text: str, ls: _Lines, candidates: list, whole: list,
                          pages: list) -> list:
    """Page numbers a PDF left on lines of their own (3, or 3/7): numbers that count on
    (3, 4, 5 …; of one total), a page of text apart, each between lines of prose — never
    a table's cells or a numbered list's serial numbers.  ``candidates``: the lines left
    unclassified of at most PAGE_COUNT_MAX characters that open with a digit."""
    found = []  # (line, number, total)
    for i in candidates:
        lo, hi = ls[i]
        m = PAGE_COUNT.fullmatch(text, lo, hi)
        if m and ls.length(ls.prev(i)) >= PROSE_MIN and (
                ls.next(i) is None or ls.length(ls.next(i)) >= PROSE_MIN):
            found.append((i, int(m.group("n")), m.group("m")))
    out = []
    for k, (i, n, total) in enumerate(found):
        if any(0 <= k + d < len(found) and found[k + d][1] == n + d and found[k + d][2] == total
               and abs(ls[found[k + d][0]][0] - ls[i][0]) >= PAGE_MIN
               for d in (-1, 1)):
            out.append(_Part(ls[i][0], ls[i][1], "page", ["页码"]))
            whole[i] = True
            pages.append(i)
    return out


def _running_titles(text: str, ls: _Lines, whole: list, pages: list, doc) -> list:
    """A short line printed beside the page number on several pages: the running title
    (not the header of a table that each page repeats).  ``pages``: two or more."""
    tables = doc.table_lines  # (1-based lines; looked for only in a text with pages)
    seen: dict = {}
    for i in pages:
        for j in (ls.prev(i), ls.next(i)):
            if j is None or whole[j] or j + 1 in tables:
                continue
            lo, hi = ls[j]
            if hi - lo <= RUNNING_TITLE_MAX and not SENTENCE_STOP.search(text, lo, hi):
                seen.setdefault(text[lo:hi], set()).add(j)
    out = []
    for repeated in seen.values():
        if len(repeated) >= 2:
            for j in sorted(repeated):
                out.append(_Part(ls[j][0], ls[j][1], "page", ["页眉"]))
                whole[j] = True
    return out


def _head(ls: _Lines, whole: list) -> list:
    """The first lines of the page that are not chrome: where a template prints the
    site's name, and the title again."""
    head = []
    for i in ls.filled:
        if not whole[i]:
            head.append(i)
            if len(head) == HEAD_LINES:
                break
    return head


def _site_header(text: str, ls: _Lines, whole: list, head: list) -> list:
    """The site's name and address printed above the report: a short line with a web
    address, no sentence and no field, before any line of the report's own.  Taken
    off ``head`` (not empty) when it is one."""
    lo, hi = ls[head[0]]
    if hi - lo <= SITE_HEADER_MAX and (site := SITE_ADDRESS.search(text, lo, hi)) \
            and ":" not in text[lo:hi] and not SENTENCE_STOP.search(text, lo, hi):
        whole[head.pop(0)] = True
        return [_Part(lo, hi, "site", [site.group()])]
    return []


def _repeated_head(text: str, ls: _Lines, whole: list, head: list, doc) -> list:
    """The title or subtitle (the first two lines of content) printed again by the
    page template a few lines further down; headings (a table of contents) are not.
    ``head``: two lines or more."""
    # First without the headings (most texts never need them): does a line repeat one above?
    copies = _head_copies(text, ls, head, _NO_LINES)
    if not copies:
        return []
    headings = doc.heading_lines
    if any(i + 1 in headings for i in head):  # (else leaving them out changes nothing)
        copies = _head_copies(text, ls, head, headings)
    out = []
    for i, key in copies:
        out.append(_Part(ls.starts[i], ls.ends[i], "repeat", [key]))
        whole[i] = True
    return out


_NO_LINES: frozenset = frozenset()


def _head_copies(text: str, ls: _Lines, head: list, headings: frozenset) -> list:
    """(line, key) of each head line that repeats one of the first two, the lines of
    ``headings`` (1-based) left out; a copy is reported once, its original stays."""
    # A copy opens as its original does: in most heads no line opens as one of the first two.
    opens = [*map(text.__getitem__, map(ls.starts.__getitem__, head))]
    if opens[0] not in opens[1:] and opens[1] not in opens[2:]:   # (``head``: two lines or more)
        return []
    originals: set = set()
    out = []
    for n, i in enumerate(head):
        if n >= 2:
            if not originals:
                break  # (past the first two, only a copy of an original is looked for)
            if opens[n] not in opens[:2]:
                continue   # (it opens as neither original: no copy, keyed or not)
        if i + 1 in headings:
            continue
        key = _head_key(text, *ls[i])
        if key is None:
            continue
        if key in originals:
            out.append((i, key))
            originals.discard(key)
        elif n < 2 and TITLE_MIN <= len(key) <= REPEAT_MAX:
            originals.add(key)
    return out


def _head_key(text: str, lo: int, hi: int) -> Optional[str]:
    """A head line without its white space, or None when it holds a colon or a stop:
    neither a title nor its copy."""
    # (a colon or a 。, the usual stops, found by str.find before the pattern is run)
    if text.find(":", lo, hi) >= 0 or text.find("。", lo, hi) >= 0 \
            or SENTENCE_STOP.search(text, lo, hi):
        return None
    return "".join(text[lo:hi].split())


def _label(s: str) -> str:
    """A widget's name without its count, colon or brackets: 浏览次数, 打印, 字体大小."""
    m = _COUNTER_KEY.match(s)
    return m.group() if m else _LABEL_NOISE.sub("", s)


def _list_follows(text: str, ls: _Lines, i: int) -> bool:
    """Whether the next non-blank line is a numbered item (the label heads a real list)."""
    j = ls.next(i)
    return j is not None and bool(LIST_ITEM.match(text, *ls[j]))


def _metadata(text: str, ls: _Lines, whole: list, k: int) -> Optional[_Part]:
    """The metadata block before the title: from ``k``, the first line of content (after
    blank lines and other residue), over key lines and the values of empty keys."""
    lo, hi = ls[k]
    if text[lo] not in KEY_FIRST or not KEY_LINE.match(text, lo, hi):
        return None
    start, last = lo, k
    expect_value = bool(EMPTY_LAST_KEY.search(text, lo, hi))
    keys = [m.group("key") for m in ANY_KEY.finditer(text, lo, hi)]
    for j in range(k + 1, len(ls)):
        lo, hi = ls[j]
        if lo == hi or whole[j]:
            continue
        if KEY_LINE.match(text, lo, hi) or SECONDARY_KEY_LINE.match(text, lo, hi):
            keys.extend(m.group("key") for m in ANY_KEY.finditer(text, lo, hi))
            expect_value = bool(EMPTY_LAST_KEY.search(text, lo, hi))
        elif expect_value and hi - lo <= VALUE_MAX and not NOT_A_VALUE.search(text[lo:hi]):
            expect_value = False
        else:
            break  # the title
        last = j
    return _Part(start, ls.ends[last], "metadata", keys)


def _merge(doc, parts: list) -> list:
    """Touching parts (white space between, or overlapping) become one block."""
    text = doc.folded
    blocks: list = []
    cur = None
    for p in parts:
        if cur is not None and (p.start <= cur[1] or not NON_SPACE.search(text, cur[1], p.start)):
            cur[1] = max(cur[1], p.end)
            cur[2].append(p)
            continue
        if cur is not None:
            blocks.append(_block(doc, *cur))
        cur = [p.start, p.end, [p]]
    if cur is not None:
        blocks.append(_block(doc, *cur))
    return blocks


def _block(doc, start: int, end: int, parts: list) -> Block:
    kinds = tuple(dict.fromkeys(p.kind for p in parts))
    kind_labels = tuple(dict.fromkeys((p.kind, label) for p in parts for label in p.labels))
    labels = tuple(dict.fromkeys(label for _, label in kind_labels))
    return Block(start=start, end=end, kind=kinds[0],
                 first_line=doc.position(start)[0], last_line=doc.position(end - 1)[0],
                 kinds=kinds, labels=labels, kind_labels=kind_labels)
