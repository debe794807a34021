"""Quotation marks and brackets: positive cases and the look-alikes that must stay silent."""
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import findings


def pairs(text, path="<text>"):
    from reportlint import check_text
    return [(f.rule, text[f.start:f.end]) for f in check_text(text, select=["pairs"], path=path)]


# -- unmatched-pair ------------------------------------------------------------------


def test_closing_quote_without_opening():
    text = "推动干部依法行政群众依法办事”入围全国法治政府示范创建单项示范项目候选名单。"
    (f,) = findings(text, "unmatched-pair")
    assert text[f.start:f.end] == "”" and f.start == text.index("”")
    assert "“" in f.zh


def test_opening_title_mark_never_closed():
    text = "根据《法治政府建设实施纲要(2021—2025年),结合实际。"
    (f,) = findings(text, "unmatched-pair")
    assert f.start == text.index("《") and f.end == f.start + 1
    assert "》" in f.zh


def test_each_width_of_parenthesis_is_checked():
    assert pairs("意见（试行。") == [("unmatched-pair", "（")]
    assert pairs("意见(试行。") == [("unmatched-pair", "(")]
    assert pairs("意见试行)。以上") == [("unmatched-pair", ")")]


@pytest.mark.parametrize("opener,closer", [("【", "】"), ("〔", "〕"), ("「", "」"), ("『", "』"),
                                           ("〈", "〉"), ("[", "]"), ("［", "］"), ("‘", "’")])
def test_every_kind_of_pair(opener, closer):
    assert pairs(f"甲{opener}乙{closer}丙。") == []
    assert pairs(f"甲{opener}乙丙。") == [("unmatched-pair", opener)]


def test_odd_number_of_straight_quotes():
    text = 'He said "yes" and "no.'
    (f,) = findings(text, "unmatched-pair")
    assert f.start == text.rindex('"') and "3" in f.zh
    assert pairs('称为"放管服"改革。') == []
    assert pairs('称为＂放管服＂改革。') == []


def test_mismatched_halves_are_one_finding():
    text = "一是建设社会主义新农村。“纲要（草案）》把解决“三农”问题放在首位。"
    (f,) = findings(text, "unmatched-pair")
    assert text[f.start:f.end] == "“纲要（草案）》"
    assert f.related[0].start == text.index("》")


def test_scope_is_the_paragraph():
    # The “ of line 1 cannot be closed by the ” of line 2.
    text = "第一段“开头。\n第二段结尾”。\n"
    assert [r for r, _ in pairs(text)] == ["unmatched-pair", "unmatched-pair"]


# -- reversed-quotes ---------------------------------------------------------------


def test_reversed_quotes_with_fix():
    text = "郑宅司法所荣获省级”枫桥式“司法所。"
    (f,) = findings(text, "reversed-quotes")
    assert text[f.start:f.end] == "”枫桥式“"
    assert f.fix.replacement == "“枫桥式”" and (f.fix.start, f.fix.end) == (f.start, f.end)
    assert findings(text, "unmatched-pair") == []


def test_reversed_single_quotes():
    text = "他说:“这是’试点‘工作。”"
    (f,) = findings(text, "reversed-quotes")
    assert f.fix.replacement == "‘试点’"


def test_reversed_then_opening_written_as_closing():
    # The second ” is an opening mark: the message names the quoted term.
    text = "郑宅司法所荣获省级”枫桥式“司法所,郑家坞司法所荣获市级”枫桥式司法所。"
    got = pairs(text)
    assert got == [("reversed-quotes", "”枫桥式“"), ("unmatched-pair", "”")]
    (f,) = findings(text, "unmatched-pair")
    assert f.start == text.rindex("”") and "“枫桥式”" in f.zh


def test_a_lost_opening_then_a_real_pair_is_not_reversed():
    # 依法办事” lost its “; “微改革” is a real pair, not ”…“ reversed.
    text = "依法办事”入选第二批“微改革”项目。"
    assert pairs(text) == [("unmatched-pair", "”")]


# -- bad-nesting ------------------------------------------------------------------------


def test_paren_not_closed_before_title_mark_closes():
    text = "根据《浙江省法治政府建设实施纲要(2021—2025年》《法治舟山建设规划(2021—2025年)》等文件。"
    (f,) = findings(text, "bad-nesting")
    assert f.start == text.index("(") and f.end == f.start + 1
    assert f.related[0].start == text.index("》")
    # The crossing is one finding: nothing else is reported for it.
    assert pairs(text) == [("bad-nesting", "(")]


def test_crossed_pair_closed_after_is_reported_once():
    text = "《纲要(2021—2025年》)提出。"
    assert pairs(text) == [("bad-nesting", "(")]


# -- mixed-width-pair ----------------------------------------------------------------


def test_mixed_width_pair_fixed_to_the_document_width():
    text = "（一）总体要求。（二）主要任务。本文件（秘密)不公开。"
    (f,) = findings(text, "mixed-width-pair")
    assert text[f.start:f.end] == "（秘密)"
    assert f.severity == "warning"
    assert f.fix.start == text.index(")") and f.fix.replacement == "）"


def test_mixed_width_pair_in_a_half_width_document():
    text = "(一)总体要求。(二)主要任务。本文件（秘密)不公开。"
    (f,) = findings(text, "mixed-width-pair")
    assert f.fix.start == text.index("（") and f.fix.replacement == "("


# -- look-alikes that must stay silent ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "主要任务:1) 完善制度;2) 加强监督;3) 强化考核。",
    "主要任务:1）完善制度;2）加强监督。",
    "选项 a) 同意 b) 反对",
    "一) 完善制度\n二) 加强监督\n",
    "收到反馈 :) 效果很好",
    "取值范围为[0,1)和(0,1]。",
    "(一)加强组织领导。（二）完善制度。",
    "“‘枫桥经验’是基层治理的样板”,他说。",
    "《〈中华人民共和国行政复议法〉释义》出版。",
    "“打造‘浙里办’品牌,推进‘一网通办’”。",
    "严格落实《法治政府建设实施纲要(2021—2025年)》。",
    "She said “it’s done” and left.",
    "屏幕尺寸为15\"的显示器。",
    # after a digit, but closing an open quote: not inches
    "畅通\"12345\"政务服务便民热线。",
    "开展\"3·15\"消费者权益日活动。",
    "中共嘉兴市委、嘉兴市人民政府:",
])
def test_look_alikes_stay_silent(text):
    assert pairs(text) == []


def test_quotation_running_over_several_paragraphs():
    # Each paragraph of a long quotation opens with “; only the last one closes it.
    text = "“第一段引文。\n“第二段引文。\n“第三段引文结束。”\n"
    assert pairs(text) == []


def test_hard_wrapped_paragraph_keeps_its_pair():
    para = ("深入推进法治政府建设,严格落实《法治政府建设实施纲要(2021—2025年)》,"
            "完善依法行政制度体系,推进严格规范公正文明执法,强化对行政权力的制约和监督,"
            "健全突发事件应对体系,依法预防处置重大突发事件,全面提升政府工作法治化水平。")
    wrapped = "\n".join(para[i:i + 30] for i in range(0, len(para), 30)) + "\n"
    opening, closing = wrapped.index("("), wrapped.index(")")
    assert wrapped.count("\n", opening, closing) == 1  # the pair straddles a line break
    assert pairs(wrapped) == []
    # The same lines separated by blank lines are separate paragraphs.
    assert pairs(wrapped.replace("\n", "\n\n")) != []


def test_markdown_paragraph_spans_lines():
    text = "# 标题\n\n这一段的括号(从第一行开始,\n在第二行闭合)。\n"
    assert pairs(text, path="report.md") == []
    assert [r for r, _ in pairs(text, path="report.txt")] == ["unmatched-pair", "unmatched-pair"]


def test_spans_are_code_points_in_the_original_text():
    text = "全角（括号　内容”结束。"
    (f1, f2) = findings(text, "unmatched-pair")
    assert text[f1.start] == "（" and text[f2.start] == "”"


# -- page chrome and hard wraps (issue 8) ----------------------------------------------------

TOOLBAR = "【字号：\n加大\n还原\n减小\n】"


def test_brackets_of_a_toolbar_are_chrome_not_pairs():
    # Real scrapes spread 【字号: 加大 还原 减小 】 one word per line: web-residue
    # reports the toolbar; its brackets are no lost halves.
    text = f"下载\n打印\n{TOOLBAR}\n2026年某省政府工作报告\n全省生产总值增长5%。\n"
    assert pairs(text) == []
    (f,) = findings(text, "web-residue")
    assert text[f.start:f.end] == f"下载\n打印\n{TOOLBAR}"


def test_a_pair_split_by_chrome_is_a_pair():
    text = "深入实施《某省优化营商环境条例\n下载 打印 全屏 收藏\n(修订)》,全年新增经营主体12万户。\n"
    assert pairs(text) == []
    assert len(findings(text, "web-residue")) == 1


def test_a_lost_bracket_next_to_chrome_is_still_reported():
    text = "深入实施《某省优化营商环境条例,全年新增经营主体12万户。\n下载 打印 全屏 收藏\n各位代表!\n"
    assert pairs(text) == [("unmatched-pair", "《")]


def test_a_lost_bracket_before_chrome_is_not_closed_by_another_paragraphs_bracket():
    # The paragraph ends its sentence: what follows the chrome is another paragraph.
    text = "推进“两重建设。\n下载 打印\n完成“两新”工作”。\n"
    assert sorted(pairs(text)) == [("unmatched-pair", "“"), ("unmatched-pair", "”")]


def test_a_heading_hard_wrapped_over_two_lines_keeps_its_brackets():
    # A PDF extraction wraps a long heading; the pair spans the break.
    text = ("(一)深入贯彻落实《法治政府建设实施纲要(2021—\n"
            "2025年)》,推进政府治理体系和治理能力现代化\n"
            "全年制定规范性文件12件。\n")
    assert pairs(text) == []


def test_a_real_pair_across_a_hard_wrapped_line_in_one_block_only():
    # Only this block is wrapped: the rest of the text has one paragraph per line.
    text = ("全年办理行政复议案件12件。\n"
            "深入推进“放管服”改革和“最多跑一次\n"
            "改革”,政务服务事项全部实现网上可办。\n"
            "全年办结信访事项30件。\n")
    assert pairs(text) == []


def test_a_short_line_is_no_wrapped_line():
    # A label without punctuation does not go on in the next line.
    text = "主要成效“\n全年办结信访事项30件”。\n"
    assert sorted(pairs(text)) == [("unmatched-pair", "“"), ("unmatched-pair", "”")]


def test_a_wrapped_line_does_not_go_on_into_a_heading():
    text = "深入推进“放管服改革,进一步优化营商环境和政务服务\n二、主要任务”\n"
    assert sorted(pairs(text)) == [("unmatched-pair", "“"), ("unmatched-pair", "”")]


# -- page numbers (a PDF's text) -------------------------------------------------------------
# Hard-wrapped lines of 25 characters: the last full line of a page takes the page's
# number into its paragraph.
PAGE_TOP = ["甲" * 25, "乙" * 25, "丙" * 25]


def test_a_pair_split_by_a_page_number_is_a_pair():
    text = "\n".join(PAGE_TOP + ["着力培育区城建局创建省级服务型示范单位“2021", "— 3 —",
                               "年度省级服务型行政执法示范点”,先后4次进行现场指导。"]) + "\n"
    assert pairs(text) == []
    assert [text[f.start:f.end] for f in findings(text, "web-residue")] == ["— 3 —"]


def test_a_lost_quote_before_a_page_number_is_still_reported():
    text = "\n".join(PAGE_TOP + ["着力培育区城建局创建省级服务型示范单位“2021", "— 3 —",
                               "年度省级服务型行政执法示范点,先后4次进行现场指导。"]) + "\n"
    assert pairs(text) == [("unmatched-pair", "“")]


def test_a_page_number_after_a_sentence_joins_no_halves():
    text = "\n".join(PAGE_TOP + ["着力培育区城建局创建“示范单位项目建设。", "— 3 —",
                               "省级服务型行政执法示范点”,先后4次进行现场指导。"]) + "\n"
    assert sorted(pairs(text)) == [("unmatched-pair", "“"), ("unmatched-pair", "”")]


def test_a_lost_quote_after_a_heading_and_a_page_number_is_still_reported():
    text = "\n".join(PAGE_TOP + ["(三)深入开展示范创建", "— 3 —",
                               "全年创建省级示范点”4个,先后4次进行现场指导。"]) + "\n"
    assert pairs(text) == [("unmatched-pair", "”")]


# -- the shared scan: well-nested paragraphs read at once (issue 11) -------------------------

_PIECES = (list("“”‘’《》〈〉()[]【】〔〕「」『』\"（）［］＂") + list("的法治政府一二三abcXYZ019")
           + ["\n", "\n\n", " ", ",", "，", "%", ".", "-", "~", ":", ";", "=", "。", "、", "'"]
           + ["(0,1)", "（0，1）", "[0, 1]", "don’t", "1)", "a)", ":)", "(-:", "“枫桥式”", "”枫桥式“",
              "（2021—2025年）", "《纲要》", "“a“b”c”", "\n下载\n打印\n", "\n— 3 —\n", f"\n{TOOLBAR}\n"])


def _seed_paragraphs():
    import glob
    import os
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    marked = []
    for path in sorted(glob.glob(os.path.join(root, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            marked += [line for line in f.read().splitlines() if any(c in line for c in "“”《》()（）")]
    return marked[:400]


_SEED_PARAGRAPHS = _seed_paragraphs()


@st.composite
def _texts_with_marks(draw):
    if draw(st.booleans()):
        return "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=60)))
    # real paragraphs with marks deleted, swapped or retyped
    text = list("\n".join(draw(st.lists(st.sampled_from(_SEED_PARAGRAPHS), min_size=1, max_size=4))))
    for _ in range(draw(st.integers(0, 3))):
        at = [i for i, c in enumerate(text) if c in "“”‘’《》()（）[]【】"]
        if not at:
            break
        i, j = draw(st.sampled_from(at)), draw(st.sampled_from(at))
        change = draw(st.sampled_from(["delete", "swap", "retype"]))
        if change == "delete":
            del text[i]
        elif change == "swap":
            text[i], text[j] = text[j], text[i]
        else:
            text[i] = draw(st.sampled_from("“”‘’《》()（）[]\""))
    return "".join(text)


def _scan(text):
    from reportlint.document import Document
    from reportlint.rules.pairs import PairScan
    scan = PairScan(Document(text))
    return ([(p.kind, p.start, p.end, p.mark, p.other, p.count) for p in scan.problems],
            scan.mixed_width_pairs(), scan.terms)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts_with_marks())
@example("‘a’b“c”")            # an apostrophe in well-nested marks
@example("区间（0,1）与(0,1）")  # an interval in a document of mixed widths
@example("“a“b”c”，又见c”。")   # a term quoted inside its own kind, then a lost opener
def test_well_nested_paragraphs_read_at_once_as_the_full_scan_reads_them(text):
    from reportlint.rules import pairs as pair_rules
    fast = _scan(text)
    full_scan_only = pytest.MonkeyPatch()
    full_scan_only.setattr(pair_rules, "NESTING_PASSES", 0)  # no paragraph read at once
    try:
        assert _scan(text) == fast
    finally:
        full_scan_only.undo()


def _asked_for_chrome(doc) -> bool:
    return any(getattr(make, "__module__", "") == "reportlint.residue" for make in doc._shared)


def test_a_text_without_marks_is_not_scanned_for_chrome():
    from reportlint.document import Document
    from reportlint.rules.pairs import PairScan
    plain = Document("全年办结案件12件\n责任编辑: 张三\n")
    scan = PairScan(plain)
    assert scan.problems == [] and scan.mixed_width_pairs() == [] and scan.terms == set()
    assert not _asked_for_chrome(plain)
    with_marks = Document("【字号: 大 中 小】\n全年办结案件12件\n")
    assert PairScan(with_marks).problems == []  # the toolbar's marks are chrome's
    assert _asked_for_chrome(with_marks)


def test_a_text_without_marks_in_either_width_is_not_folded_for_the_pairs():
    from reportlint.document import Document
    from reportlint.rules.pairs import PairScan

    doc = Document("一、总体情况\n今年以来，我们坚持依法行政。\n")
    assert PairScan.of(doc).problems == [] and PairScan.of(doc).mixed_width_pairs() == []
    assert "folded" not in doc.__dict__
    # A full-width bracket is a mark before it is folded.
    doc = Document("（秘密)\n")
    assert PairScan.of(doc).mixed_width_pairs() == [(0, 4)]


def test_marks_of_a_front_matter_are_no_pairs():
    # The front matter is blank in the folded text the rules read, not in the text as
    # written, where the scan finds the marks.
    text = "---\ntitle: “草稿（一\nlayout: post\n---\n\n# 报告\n\n推进“一网通办”（全程网办）。\n"
    assert pairs(text, path="report.md") == []
    assert pairs(text.replace("推进“一网通办”", "推进“一网通办"), path="report.md") == [
        ("unmatched-pair", "“")]


def test_the_marks_found_kind_by_kind_are_those_one_search_for_any_mark_finds():
    import re

    from reportlint.rules import pairs as pair_rules

    text = "推进“一网通办”（全程网办）,见[1]与《纲要》「甲」『乙』【丙】〔丁〕〈戊〉‘己’\"庚\"＂辛＂［壬］。\n" * 200
    any_mark = re.compile("[" + re.escape(pair_rules._ANY_WIDTH_MARKS) + "]")
    by_kind = pair_rules._marks_of(text)
    assert by_kind == [m.start() for m in any_mark.finditer(text)] and len(by_kind) == 26 * 200


def test_a_mark_of_a_rare_kind_alone_and_a_full_width_one_alone_are_found():
    # Each kind is looked for only where it occurs: one of a rare kind, or a full-width
    # form that folds to a mark, is still found when no other mark is there.
    assert pairs("见『附件甲。\n") == [("unmatched-pair", "『")]
    assert pairs("见附件［甲。\n") == [("unmatched-pair", "［")]
    assert pairs("见附件＂甲。\n") == [("unmatched-pair", "＂")]


def test_pairs_of_mixed_width_looked_for_only_where_a_bracket_is():
    from reportlint.document import Document
    from reportlint.rules.pairs import PairScan

    assert PairScan(Document("“甲”与《乙》\n")).mixed_width_pairs() == []  # no bracket at all
    assert PairScan(Document("“甲”与［乙]\n")).mixed_width_pairs() == [(4, 7)]
