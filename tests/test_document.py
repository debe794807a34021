"""The document model: folding, positions, paragraphs, headings, sentences."""
import pytest

from reportlint.document import Document, fold
from reportlint.numbers import cn_to_int, ordinal_value


def para_texts(doc):
    return [doc.text[p.start:p.end] for p in doc.paragraphs]


def para_lines(doc):
    return [(p.first_line, p.last_line) for p in doc.paragraphs]


def sentence_texts(doc):
    return [doc.text[s.start:s.end] for s in doc.sentences]


# -- folding -----------------------------------------------------------------------


def test_folded_maps_full_width_forms_to_ascii():
    doc = Document("，（：；！ＡＢ１\u3000")
    assert doc.folded == ",(:;!AB1 "
    assert len(doc.folded) == len(doc.text)


def test_folded_keeps_other_characters_and_length():
    text = "我们（一）说：“好！”。《纲要》ｘ\u3000\r\n末"
    doc = Document(text)
    assert len(doc.folded) == len(text)
    assert doc.folded == "我们(一)说:“好!”。《纲要》x \r\n末"
    # CJK punctuation with no ASCII form is not touched
    for i, ch in enumerate(text):
        if ch in "我们一说“好”。《纲要》末\r\n":
            assert doc.folded[i] == ch


def test_fold_function_matches_property():
    assert fold("Ｈｅｌｌｏ～") == "Hello~"
    assert fold("\uff01\uff5e") == "!~"  # both ends of the full-width block
    assert fold("\uff00\uff5f") == "\uff00\uff5f"  # just outside it


# -- positions ---------------------------------------------------------------------

LF = "ab\ncd\n\nef"
CRLF = "ab\r\ncd\r\n\r\nef"
CR = "ab\rcd\r\ref"


@pytest.mark.parametrize("offset, expected", [
    (0, (1, 1)), (1, (1, 2)), (2, (1, 3)),   # a, b, the line break
    (3, (2, 1)), (4, (2, 2)),                # c, d
    (6, (3, 1)),                             # the empty line
    (7, (4, 1)), (8, (4, 2)), (9, (4, 3)),   # e, f, end of text
])
def test_position_lf(offset, expected):
    assert Document(LF).position(offset) == expected


@pytest.mark.parametrize("offset, expected", [
    (0, (1, 1)), (1, (1, 2)), (2, (1, 3)),   # a, b, \r
    (4, (2, 1)), (5, (2, 2)),                # c, d
    (8, (3, 1)),                             # \r of the empty line
    (10, (4, 1)), (11, (4, 2)), (12, (4, 3)),
])
def test_position_crlf(offset, expected):
    assert Document(CRLF).position(offset) == expected


@pytest.mark.parametrize("offset, expected", [
    (0, (1, 1)), (3, (2, 1)), (4, (2, 2)), (6, (3, 1)), (7, (4, 1)), (8, (4, 2)),
])
def test_position_cr(offset, expected):
    assert Document(CR).position(offset) == expected


def _crlf_index(lf_text):
    """For each offset of an LF text, the offset of the same character in its CRLF twin."""
    out, shift = [], 0
    for i, ch in enumerate(lf_text):
        out.append(i + shift)
        if ch == "\n":
            shift += 1
    out.append(len(lf_text) + shift)
    return out


def test_crlf_positions_equal_lf_positions():
    lf = "第一行，有“引号”。\n\n（二）第三行\n𠮷末尾"
    crlf = lf.replace("\n", "\r\n")
    d_lf, d_crlf = Document(lf), Document(crlf)
    index = _crlf_index(lf)
    for i in range(len(lf) + 1):
        if i < len(lf) and lf[i] == "\n":
            continue
        assert d_crlf.position(index[i]) == d_lf.position(i), i
        assert d_crlf.text[index[i]:index[i] + 1] == lf[i:i + 1]


def test_offset_inside_crlf_counts_as_end_of_line():
    doc = Document("ab\r\ncd")
    assert doc.position(2) == (1, 3)
    assert doc.position(3) == (1, 3)
    assert doc.position(4) == (2, 1)


def test_columns_count_code_points_not_utf16_units():
    # 𠮷 is outside the BMP (two UTF-16 units) but one code point
    doc = Document("𠮷𠮷a\nb𠮷c")
    assert doc.position(2) == (1, 3)   # a
    assert doc.position(4) == (2, 1)   # b
    assert doc.position(6) == (2, 3)   # c


@pytest.mark.parametrize("text", [LF, CRLF, CR, "单行", "", "\n\n", "a\r\n\rb\n\r\nc"])
def test_offset_round_trips_position(text):
    doc = Document(text)
    for o in range(len(text) + 1):
        if 0 < o < len(text) and text[o - 1] == "\r" and text[o] == "\n":
            continue  # inside a CRLF: not the start of anything
        assert doc.offset(*doc.position(o)) == o


def test_line_text_strips_terminators():
    doc = Document("甲乙\r\n丙\r丁\n")
    assert [doc.line_text(n) for n in (1, 2, 3, 4)] == ["甲乙", "丙", "丁", ""]
    assert len(doc.line_spans) == 4


# -- paragraphs --------------------------------------------------------------------


def test_plain_text_has_one_paragraph_per_non_blank_line():
    doc = Document("第一段。\n\n第二段。\n第三段。\n   \n第四段", path="r.txt")
    assert para_texts(doc) == ["第一段。", "第二段。", "第三段。", "第四段"]
    assert para_lines(doc) == [(1, 1), (3, 3), (4, 4), (6, 6)]


def test_paragraph_spans_exclude_indentation():
    doc = Document("\u3000\u3000正文一段。  \n  正文二段。")
    assert para_texts(doc) == ["正文一段。", "正文二段。"]
    assert doc.paragraphs[0].start == 2
    assert doc.paragraphs[1].start == 12


MD = "第一行文字\n第二行文字\n\n## 标题\n正文一\n正文二\n- 列表一\n- 列表二"


def test_markdown_joins_lines_until_blank_line_heading_or_list_item():
    doc = Document(MD, path="report.md")
    assert doc.markdown
    assert para_texts(doc) == ["第一行文字\n第二行文字", "## 标题", "正文一\n正文二",
                               "- 列表一", "- 列表二"]
    assert para_lines(doc) == [(1, 2), (4, 4), (5, 6), (7, 7), (8, 8)]


def test_the_same_text_as_plain_text_is_one_paragraph_per_line():
    doc = Document(MD, path="report.txt")
    assert not doc.markdown
    assert len(doc.paragraphs) == 7


def test_markdown_suffix_is_case_insensitive_and_overridable():
    assert Document("x", path="A.MD").markdown
    assert Document("x", path="a.markdown").markdown
    assert not Document("x", path="a.md.txt").markdown
    assert Document(MD, path="a.txt", markdown=True).paragraphs[0].last_line == 2


def test_markdown_numbered_heading_starts_a_paragraph():
    doc = Document("正文甲\n一、标题\n正文乙\n正文丙", path="x.md")
    assert para_texts(doc) == ["正文甲", "一、标题", "正文乙\n正文丙"]


def test_hard_wrapped_plain_text_joins_wrapped_lines():
    lines = [
        "甲" * 25,            # 1  wrapped
        "乙" * 25,            # 2  wrapped
        "丙" * 24 + "。",     # 3  full width, but ends a sentence
        "丁" * 25,            # 4  full width, but the next line is a heading
        "二、工作安排",        # 5  heading
        "戊" * 25,            # 6  wrapped
        "己" * 5 + "。",      # 7
    ]
    doc = Document("\n".join(lines), path="r.txt")
    assert para_lines(doc) == [(1, 3), (4, 4), (5, 5), (6, 7)]
    assert para_texts(doc)[0] == "\n".join(lines[:3])


def test_lines_of_varied_width_are_not_joined():
    lines = ["甲" * n for n in (21, 30, 40, 50, 22)]
    doc = Document("\n".join(lines), path="r.txt")
    assert para_lines(doc) == [(n, n) for n in range(1, 6)]


# -- headings ----------------------------------------------------------------------


@pytest.mark.parametrize("line, style, level, ordinal, marker, title", [
    ("一、总体要求", "cn", 1, 1, "一、", "总体要求"),
    ("十二、其他", "cn", 1, 12, "十二、", "其他"),
    ("二十一、附则", "cn", 1, 21, "二十一、", "附则"),
    ("(一)组织领导", "cn-paren", 2, 1, "(一)", "组织领导"),
    ("（三）组织领导", "cn-paren", 2, 3, "（三）", "组织领导"),
    ("1.第一项", "num", 3, 1, "1.", "第一项"),
    ("2、第二项", "num", 3, 2, "2、", "第二项"),
    ("3．第三项", "num", 3, 3, "3．", "第三项"),
    ("(1)甲", "num-paren", 4, 1, "(1)", "甲"),
    ("（12）乙", "num-paren", 4, 12, "（12）", "乙"),
    ("## 工作举措", "md", 2, None, "## ", "工作举措"),
])
def test_heading_styles(line, style, level, ordinal, marker, title):
    doc = Document("前言。\n" + line)
    assert len(doc.headings) == 1
    h = doc.headings[0]
    assert (h.line, h.style, h.level, h.ordinal) == (2, style, level, ordinal)
    assert doc.text[h.marker.start:h.marker.end] == marker
    assert doc.text[h.start:h.end] == title
    assert h.standalone


@pytest.mark.parametrize("line", [
    "1.5亿元用于基础设施建设。",
    "1．5亿元",
    "2023年全面推进依法行政。",
    "正文一、二、三。",
    "十分重要。",
    "#标签",
])
def test_not_headings(line):
    assert Document(line).headings == []


def test_run_in_heading():
    doc = Document("(一)组织领导进一步加强。一是切实加强党对法治政府建设的领导。")
    (h,) = doc.headings
    assert doc.text[h.start:h.end] == "组织领导进一步加强"
    assert h.standalone is False
    assert h.level == 2 and h.ordinal == 1


def test_short_heading_ending_in_full_stop_is_standalone():
    (h,) = Document("（二）强化监督。").headings
    assert h.standalone is True


# -- sentences ---------------------------------------------------------------------


def test_sentences_split_after_end_marks_and_closing_quote():
    doc = Document("他说：“好。”然后走了！真的吗？是的。尾")
    assert sentence_texts(doc) == ["他说：“好。”", "然后走了！", "真的吗？", "是的。", "尾"]


def test_sentences_skip_space_and_stay_in_their_paragraph():
    doc = Document("甲。 乙!\n丙")
    assert sentence_texts(doc) == ["甲。", "乙!", "丙"]


# -- numerals ----------------------------------------------------------------------


@pytest.mark.parametrize("s, n", [
    ("一", 1), ("十", 10), ("十三", 13), ("二十", 20), ("二十一", 21), ("一百零五", 105),
    ("一百一十", 110), ("三千零二", 3002), ("二〇二三", 2023), ("两", 2), ("两百", 200),
    ("零", 0),
])
def test_cn_to_int(s, n):
    assert cn_to_int(s) == n


@pytest.mark.parametrize("s", ["", "abc", "十a", "二三十", "1", "第一"])
def test_cn_to_int_invalid(s):
    assert cn_to_int(s) is None


def test_ordinal_value_accepts_arabic_and_chinese():
    assert ordinal_value("12") == 12
    assert ordinal_value("十二") == 12
    assert ordinal_value("x") is None


def test_shared_work_is_computed_once_and_keyed_by_its_function():
    doc = Document("正文。")
    calls = []

    def count(d):
        calls.append(d)
        return len(calls)

    def make_other():
        def count(d):  # the same name, another function: its own entry
            return "other"
        return count

    assert doc.shared(count) == 1 and doc.shared(count) == 1 and calls == [doc]
    assert doc.shared(make_other()) == "other" and doc.shared(count) == 1


def test_dropped_shared_work_is_the_modules_own_and_made_again_when_asked():
    doc = Document("正文。")
    made = []

    def mine(d):
        made.append("mine")
        return len(made)

    def theirs(d):
        return "theirs"

    mine.__module__, theirs.__module__ = "plugin.mine", "plugin.theirs"
    assert doc.shared(mine) == 1 and doc.shared(theirs) == "theirs"
    doc.drop_shared("plugin.mine")
    doc.drop_shared("plugin.none")  # a module that made nothing: nothing to drop
    assert list(doc._shared) == [theirs]
    assert doc.shared(mine) == 2  # made again, and dropped again with its module
    doc.drop_shared("plugin.mine")
    assert list(doc._shared) == [theirs] and doc.shared(theirs) == "theirs"


# -- a PDF's lines ------------------------------------------------------------------------

def pdf_document(lines: list) -> Document:
    from reportlint.location import SourceMap

    return Document("\n".join(lines), path="r.pdf", source_map=SourceMap("pdf", ()))


# A page's full line is 86 half-em columns: CJK characters and the proportional digits of
# the PDF's font, so the lines' lengths in characters differ.
FULL = ["甲" * 40 + "123456", "乙" * 41 + "1234", "丙" * 42 + "12", "丁" * 43]


def test_a_pdf_line_that_ends_short_mid_sentence_goes_on():
    lines = [
        "某县2023年度法治政府建设情况的报告",   # 1  a title: short, not glued to the next
        FULL[0], FULL[1],                       # 2, 3
        # 4: its last character went down with the closing mark (程”), and its quotation
        # marks, narrow in a terminal, are full width on the page
        "戊" * 29 + "构建“四位一体”模式三个“",
        "程”典型案例" + "己" * 30 + "。",        # 5
        FULL[2], FULL[3] + "。",                 # 6, 7
    ]
    doc = pdf_document(lines)
    assert para_lines(doc) == [(1, 1), (2, 5), (6, 7)]


def test_a_pdf_line_closing_a_quotation_mid_sentence_goes_on():
    lines = [FULL[0], FULL[1], "庚" * 37 + "作为“一把手”", "工程,全年召开会议12次。",
             FULL[2], "辛" * 40 + "达到“满意”。”", FULL[3] + "。"]
    assert para_lines(pdf_document(lines)) == [(1, 4), (5, 6), (7, 7)]


def test_pdf_lines_that_end_their_paragraph_are_not_glued_to_the_next():
    lines = [
        FULL[0], FULL[1],
        "壬" * 42 + "。",                 # 3  a full line that ends its sentence
        "二、存在的不足",                  # 4  a heading
        FULL[2],                           # 5  full, but a list item follows
        "①加强合法性审查工作。",           # 6
        "推动合法性审查率达到100%",         # 7  a short last line without a stop
        FULL[3], "癸" * 10 + "。",         # 8, 9
    ]
    assert para_lines(pdf_document(lines)) == [(1, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 9)]


def test_a_pdf_line_is_measured_as_printed_not_folded():
    # ，is full width on the page; folded to , it would make the line look short.
    lines = [FULL[0], FULL[1], "甲，" * 21 + "甲", "乙乙" + "123" * 20 + "。", FULL[2] + "。"]
    assert para_lines(pdf_document(lines)) == [(1, 4), (5, 5)]


# -- lines as integer arrays -------------------------------------------------------


@pytest.mark.parametrize("text", [LF, CRLF, CR, "", "\n\n", "a\r\n\rb\n\r\nc", "甲\n"])
def test_line_arrays_agree_with_the_line_spans(text):
    doc = Document(text)
    spans = [(s.start, s.end) for s in doc.line_spans]
    assert spans == list(zip(doc.line_starts, doc.line_ends))
    assert [doc.text[a:b] for a, b in spans] == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert (doc.line_spans[-1].start, doc.line_spans[-1].end) == spans[-1]
    assert [(s.start, s.end) for s in doc.line_spans[1:]] == spans[1:]


def test_trimmed_lines_leave_out_surrounding_white_space_of_the_folded_text():
    doc = Document("  甲乙 \n\n\u3000\u3000\n\t丙\u3000丁\t\n戊")
    lo, hi = doc.trimmed_lines
    assert [doc.text[a:b] for a, b in zip(lo, hi)] == ["甲乙", "", "", "丙\u3000丁", "戊"]
    assert lo[1] == hi[1] == doc.line_ends[1] and lo[2] == hi[2] == doc.line_ends[2]


@pytest.mark.parametrize("text", [
    "甲\n乙 \n丙", "甲\n\x0c乙\n丙", "\t甲\n乙", "甲\n乙\xa0", "甲\n\n乙\n", "\n \n", " ", "",
    "甲 \r\n 乙\r丙", "甲\n\n\n乙\n \n",
    "标题\n" + "\u3000\u3000正文。\n" * 12 + "\t",  # indented paragraphs: every line looked at
])
def test_trimmed_lines_are_each_line_stripped_wherever_the_white_space_is(text):
    doc = Document(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lo, hi = doc.trimmed_lines
    assert [doc.text[a:b] for a, b in zip(lo, hi)] == [line.strip() for line in lines]
    assert all(a == b == end for a, b, end in zip(lo, hi, doc.line_ends) if not doc.text[a:end].strip())


def test_lines_holding_a_character_are_found_once_each_in_order():
    doc = Document("a|b|c\n无\n|\n\n左|右")
    assert doc.lines_holding("|") == [1, 3, 5]
    assert doc.lines_holding("#") == []


def test_lines_holding_a_pattern_are_found_once_each_in_order():
    import re

    doc = Document("下载 打印\n正文\n打印打印\n\n收藏")
    assert doc.lines_holding(re.compile("下载|打印|收藏")) == [1, 3, 5]
    assert doc.lines_holding(re.compile("字号")) == []


def test_each_part_of_the_structure_is_made_once_and_kept_on_the_document():
    doc = Document("一、总体情况\n  全年办结12件。\n")
    assert doc.paragraphs is doc.paragraphs and doc.headings is doc.headings
    assert "paragraphs" in vars(doc) and "headings" in vars(doc)  # read from the instance next time
    # Read on the class, the property is itself, with its documentation (for help() and docs).
    assert "white space" in Document.trimmed_lines.__doc__
    other = Document("二、存在问题\n")
    assert [h.ordinal for h in other.headings] == [2] and [h.ordinal for h in doc.headings] == [1]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("ending", ["", "end"])
def test_a_hard_wrap_is_told_whatever_ends_the_lines(newline, ending):
    # The lines a wrap cut are found by a search for their line breaks where LF alone ends
    # lines, by a look at each line's end where CR does too; the last line needs no break.
    para = "全面推进严格规范公正文明执法工作取得新成效" * 8
    lines = [para[i:i + 30] for i in range(0, len(para), 30)]
    text = newline.join(lines) + (newline if ending else "")
    doc = Document(text)
    assert doc.wrapped and doc._wrap[1] == 30
    assert len(doc.paragraphs) == 1
    assert not Document(newline.join(["短句。"] * 8)).wrapped
    # Three cut lines make a wrap: the third counts when nothing follows it too.
    three = newline.join(["甲" * 25, "乙" * 25, "丙" * 25]) + (newline if ending else "")
    assert Document(three)._wrap[1] == 25


@pytest.mark.parametrize("pairs", [3, 13])   # a few lines (counted in place), many (a Counter)
@pytest.mark.parametrize("first, second", [(30, 40), (40, 30)])
def test_the_wrap_width_is_the_first_seen_of_equally_common_widths(pairs, first, second):
    lines = ["甲" * first, "乙" * second] * pairs
    assert Document("\n".join(lines))._wrap == (len, first)
