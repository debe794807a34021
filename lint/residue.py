"""Page chrome and file residue: what a report pasted from a web page or PDF brings along.

``residue_blocks(doc)`` finds it once per document (cached in ``doc.cache["residue"]``)
and ``content_start_line(doc)`` tells where the document's own text begins; the
``web-residue`` rule reports the blocks and the title detection skips them.

Five kinds, all matched line by line on ``doc.folded`` (so ： and : are the same):

- ``breadcrumb``: 当前位置: 首页 > … and the lines that continue the trail (>政务公开 …);
- ``widget``: page counters (浏览次数: 123), font-size switches (字体大小: 大 中 小),
  buttons (打印本页, 关闭窗口, 分享到, 【打印】【关闭】, 扫一扫在手机打开当前页), on a
  line of their own or as a token inside a line that is otherwise the document's own
  (发布日期:… 浏览次数: 来源:…, where only 浏览次数: is residue);
- ``download``: an empty download box, a line that is only 文件下载: / 关联文件: …;
- ``filename``: a file name (….pdf, ….docx …) pasted as the end of a line;
- ``metadata``: the CMS metadata (索引号, 发布机构, 文号 …) standing before the title.

Residue that touches other residue (only white space between) is one block.  Each
line is matched a bounded number of times, so the scan is linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# -- breadcrumbs ------------------------------------------------------------------------

_TRAIL_SEP = "[>»›→]|&gt;"
BREADCRUMB = re.compile(
    r"\s*(?P<label>当前位置|当前的位置|(?:您|你)(?:现在|当前|所在)?的?位置)\s*(?::|\s+(?=首页))"
    # A trail without its label: 首页 > 政务公开 > 公开年报
    rf"|\s*(?P<home>(?:网站)?首页)\s*(?:{_TRAIL_SEP})")
# A line continues the trail when it begins with a separator (>政务公开 >公开年报), or
# when the line before left the trail open (首页 > or 当前位置: alone) and it holds a
# separator or starts at 首页: a title never does.
TRAIL_CONTINUES = re.compile(rf"\s*(?:{_TRAIL_SEP})")
TRAIL_OPEN = re.compile(rf"(?:{_TRAIL_SEP}|:)\s*$")
TRAIL_PART = re.compile(rf"\s*首页|.*?(?:{_TRAIL_SEP})")
TRAIL_MAX = 60

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
# of the next field, when the page lost the space) on both sides.
_NEXT_FIELD = "(?:信息)?来源|发布|字体|字号|打印|关闭|分享|浏览|访问|点击|阅读|作者|责任编辑"
WIDGET = re.compile(
    r"(?<![^\s|丨】\]])"
    rf"(?P<w>(?P<counter>(?:{_COUNTERS})\s*:(?:\s*\d+(?:\s*次)?)?(?!\s*\d))"
    rf"|{_BRACKETED}|{_BUTTONS}|{_FONT})"
    rf"(?=$|[\s|丨【\[]|{_NEXT_FIELD})"
)
WIDGET_HINT = re.compile(r"[浏访点阅打关返加收分扫字【\[]")
_COUNTER_KEY = re.compile(_COUNTERS)
_LABEL_NOISE = re.compile(r"[\s\[\]【】:]+")
# What may stand between two widgets of one group: 打印本页 | 关闭窗口
WIDGET_GAP = re.compile(r"[\s|丨/·•]*")

# -- download boxes ---------------------------------------------------------------------

DOWNLOAD = re.compile(
    r"\s*(?P<label>(?:文件下载|附件下载|下载附件|相关下载)(?:\s*:)?"
    r"|(?:关联文件|相关附件|相关文件|附件列表|关联附件)\s*:)\s*$")
# A numbered item after the label makes it the document's own list, not an empty box.
LIST_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[.、]|\(\d{1,2}\)|附件\s*\d|[一二三四五六七八九十]{1,2}、|《)")

# -- file names ---------------------------------------------------------------------------

FILE_END = re.compile(r"(?<=[^\s.,、:;。!?])\.(?P<ext>pdf|docx?|wps|ofd|xlsx?|zip|rar)\s*$",
                      re.IGNORECASE)
# The file name starts after the last sentence end before it.
_SENTENCE_STOP = re.compile(r"[。!?;]")
# A file name at the end of an item of the document's own attachment list, or a
# sentence about a file, is not residue.
NOT_A_PASTED_NAME = re.compile(
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
KEY_LINE = re.compile(rf"{_BULLETS}(?P<key>{_PRIMARY_KEYS})(?=\s*:|\s|$)")
SECONDARY_KEY_LINE = re.compile(rf"{_BULLETS}(?P<key>{_SECONDARY_KEYS})(?=\s*:|\s|$)")
# Every key of a line: at the start, or after white space, a bullet or a colon.
ANY_KEY = re.compile(rf"(?<![^\s•·●◆■▪:])(?P<key>{_PRIMARY_KEYS}|{_SECONDARY_KEYS})(?=\s*:|\s|$)")
# A key line whose last key has no value: the value is on the next line.
EMPTY_LAST_KEY = re.compile(rf"(?<![^\s•·●◆■▪:])(?:{_PRIMARY_KEYS}|{_SECONDARY_KEYS})\s*:?\s*$")
# A value on a line of its own is short and never reads like a title.
VALUE_MAX = 40
# (A heading 一、… or a salutation …各单位: is the document's own text, never a value.)
NOT_A_VALUE = re.compile(
    r"关于|。|(?:报告|通知|意见|办法|方案|规定|决定|细则|规划|纲要|公告|通告|批复|函|:)$"
    r"|^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,3}、|#)")


@dataclass(frozen=True)
class Block:
    """One contiguous piece of residue: offsets into ``doc.text``, end exclusive,
    trimmed of surrounding white space; lines are 1-based."""

    start: int
    end: int
    kind: str            # of its first part: breadcrumb | widget | download | filename | metadata
    first_line: int
    last_line: int
    kinds: tuple = ()    # every kind in it, in order: a block of touching residue may mix kinds
    labels: tuple = ()   # what identifies it: 当前位置, 浏览次数, 文件下载, pdf, 索引号 …
    kind_labels: tuple = ()  # (kind, label) pairs: which part of the block each label is of

    def labels_of(self, kind: str) -> tuple:
        """The labels of the parts of one kind (a breadcrumb's 当前位置 is no widget's)."""
        return tuple(dict.fromkeys(label for k, label in self.kind_labels if k == kind))


@dataclass
class _Part:
    start: int
    end: int
    kind: str
    labels: list


def residue_blocks(doc) -> list:
    """Every residue block of the document, in text order (computed once, cached)."""
    blocks = doc.cache.get("residue")
    if blocks is None:
        blocks = doc.cache["residue"] = _merge(doc, _scan(doc))
    return blocks


def content_start_line(doc) -> Optional[int]:
    """The 1-based line of the first non-blank line that is not residue, or None."""
    blocks = residue_blocks(doc)
    text = doc.folded
    b = 0
    for i, span in enumerate(doc.line_spans, start=1):
        lo, hi = _trim(text, span.start, span.end)
        if lo == hi:
            continue
        while b < len(blocks) and blocks[b].end < hi:
            b += 1
        if not (b < len(blocks) and blocks[b].start <= lo):
            return i
    return None


def _trim(text: str, start: int, end: int) -> tuple:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan(doc) -> list:
    text = doc.folded
    lines = [_trim(text, s.start, s.end) for s in doc.line_spans]
    parts: list = []
    whole = [False] * len(lines)  # the line is residue from end to end
    prev_crumb = None             # index of the last line of an open breadcrumb trail

    for i, (lo, hi) in enumerate(lines):
        if lo == hi:
            continue
        # Breadcrumbs and the lines that continue them.
        if prev_crumb is not None and (
                TRAIL_CONTINUES.match(text, lo, hi)
                or (TRAIL_OPEN.search(text, *lines[prev_crumb]) and hi - lo <= TRAIL_MAX
                    and TRAIL_PART.match(text, lo, hi))):
            parts.append(_Part(lo, hi, "breadcrumb", []))
            whole[i] = True
            prev_crumb = i
            continue
        prev_crumb = None
        m = BREADCRUMB.match(text, lo, hi)
        if m:
            parts.append(_Part(lo, hi, "breadcrumb", [m.group("label") or m.group("home")]))
            whole[i] = True
            prev_crumb = i
            continue
        # An empty download box.
        m = DOWNLOAD.match(text, lo, hi)
        if m and not _list_follows(text, lines, i):
            parts.append(_Part(lo, hi, "download", [_label(m.group("label"))]))
            whole[i] = True
            continue
        # Widgets: tokens of their own, grouped when only separators stand between.
        group = None
        # WIDGET opens with a look-behind, which the engine tries at every place;
        # a line without any character a widget starts with is skipped first.
        widgets = WIDGET.finditer(text, lo, hi) if WIDGET_HINT.search(text, lo, hi) else ()
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
            continue
        # A file name at the end of the line.
        m = FILE_END.search(text, lo, hi) if "." in text[max(lo, hi - 6):hi] else None
        if m:
            name_start = lo
            for stop in _SENTENCE_STOP.finditer(text, lo, m.start()):
                name_start = stop.end()
            name_start, _ = _trim(text, name_start, hi)
            if (0 < m.start() - name_start <= FILE_NAME_MAX
                    and not NOT_A_PASTED_NAME.match(text, name_start, hi)):
                parts.append(_Part(name_start, hi, "filename", [m.group("ext").lower()]))
                whole[i] = name_start == lo

    meta = _metadata(text, lines, whole)
    if meta is not None:
        parts.append(meta)
    parts.sort(key=lambda p: p.start)
    return parts


def _label(s: str) -> str:
    """A widget's name without its count, colon or brackets: 浏览次数, 打印, 字体大小."""
    m = _COUNTER_KEY.match(s)
    return m.group() if m else _LABEL_NOISE.sub("", s)


def _list_follows(text: str, lines: list, i: int) -> bool:
    """Whether the next non-blank line is a numbered item (the label heads a real list)."""
    for lo, hi in lines[i + 1:i + 4]:
        if lo != hi:
            return bool(LIST_ITEM.match(text, lo, hi))
    return False


def _metadata(text: str, lines: list, whole: list) -> Optional[_Part]:
    """The metadata block before the title: from the first line of content (after blank
    lines and other residue) over key lines and the values of empty keys."""
    n = len(lines)
    k = 0
    while k < n and (lines[k][0] == lines[k][1] or whole[k]):
        k += 1
    if k == n or not KEY_LINE.match(text, *lines[k]):
        return None
    start, last = lines[k][0], k
    expect_value = bool(EMPTY_LAST_KEY.search(text, *lines[k]))
    keys = [m.group("key") for m in ANY_KEY.finditer(text, *lines[k])]
    for j in range(k + 1, n):
        lo, hi = lines[j]
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
    return _Part(start, lines[last][1], "metadata", keys)


def _merge(doc, parts: list) -> list:
    """Touching parts (white space between, or overlapping) become one block."""
    text = doc.folded
    blocks: list = []
    cur = None
    for p in parts:
        if cur is not None and (p.start <= cur[1] or not text[cur[1]:p.start].strip()):
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
