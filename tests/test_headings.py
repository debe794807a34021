"""Heading and enumeration numbering: golden expectations on the seeds and the corpus,
positive cases, and the look-alikes that must stay silent.

Most tests run the rules directly on a Document (their contract), so that they do
not depend on the engine; a few check the registration and the seeds end to end.
"""
import glob
import os

import pytest

from reportlint.document import Document, enumerators
from reportlint.rules import headings as mod
from reportlint.sources import load

ROOT = os.path.join(os.path.dirname(__file__), "..")
SEEDS = os.path.join(ROOT, "seeds")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
RULES = {r.name: r for r in mod.reportlint_rules()}


def run(text, rule=None, path="<text>"):
    doc = Document(text, path=path)
    names = [rule] if rule else list(RULES)
    return [f for name in names for f in RULES[name].check(doc, {})]


def marked(text, rule=None, path="<text>"):
    """(rule, flagged text, related text) of each finding."""
    return [(f.rule, text[f.start:f.end], tuple(text[r.start:r.end] for r in f.related))
            for f in run(text, rule, path)]


def lines(*ls):
    return "\n".join(ls) + "\n"


# -- the plugin -----------------------------------------------------------------------


def test_plugin_registers_both_rules():
    from reportlint.plugins import build_registry
    reg = build_registry(builtin=("reportlint.rules.headings",), entry_points=False)
    assert reg.errors == []
    assert set(reg.rules) == {"heading-sequence", "enumeration-sequence"}
    for rule in reg.rules.values():
        assert rule.category == "headings" and rule.severity == "error"
        assert rule.summary["zh"] and rule.summary["en"]
        # The documented examples behave as documented.
        assert run(rule.examples["bad"], rule.name) != []
        assert run(rule.examples["good"], rule.name) == []


def test_rules_run_through_the_engine():
    from reportlint import check_text
    text = "一、甲\n二、乙\n四、丙\n一是甲。二是乙。四是丙。\n"
    got = [(f.rule, text[f.start:f.end]) for f in check_text(text, select=["headings"])]
    assert got == [("heading-sequence", "四、"), ("enumeration-sequence", "四是")]


# -- golden: seeds ----------------------------------------------------------------------


def seed(name):
    path = os.path.join(SEEDS, name + ".txt")
    return Document(load(path).text, path=path)


def test_hongqi_restart_at_line_15_is_the_only_heading_finding():
    doc = seed("hongqi-2021")
    found = list(RULES["heading-sequence"].check(doc, {}))
    assert len(found) == 1
    (f,) = found
    assert doc.position(f.start) == (15, 1)
    assert doc.text[f.start:f.end] == "一、"
    (rel,) = f.related
    assert doc.position(rel.start) == (12, 1) and doc.text[rel.start:rel.end] == "二、"
    assert "二、" in f.zh and "一、" in f.zh and "三、" in f.zh
    assert list(RULES["enumeration-sequence"].check(doc, {})) == []


@pytest.mark.parametrize("name", ["nanhu-2023", "pujiang-2023", "shengsi-2022", "qinzhou-2023"])
def test_other_seeds_have_no_numbering_findings(name):
    doc = seed(name)
    assert [f for r in RULES.values() for f in r.check(doc, {})] == []


def test_seeds_end_to_end():
    from reportlint.runner import Linter
    from tests.helpers import linted
    linter = Linter(use_config=False)
    got = {}
    for name in ["hongqi-2021", "nanhu-2023", "pujiang-2023", "shengsi-2022", "qinzhou-2023"]:
        r = linted(linter, os.path.join(SEEDS, name + ".txt"))
        got[name] = [(f.rule, r.doc.position(f.start)[0]) for f in r.findings
                     if f.category == "headings"]
    assert got == {"hongqi-2021": [("heading-sequence", 15)], "nanhu-2023": [],
                   "pujiang-2023": [], "shengsi-2022": [], "qinzhou-2023": []}


def test_shengsi_continuing_task_numbers_are_seen_and_accepted():
    # The silence above must not come from not seeing the tasks: 1.–21. are headings.
    doc = seed("shengsi-2022")
    nums = [h.ordinal for h in doc.headings if h.style == "num"]
    assert nums == list(range(1, 22))
    # Breaking the continuation is reported: without task 5, (二) starts at 6.
    lines_ = doc.text.split("\n")
    (five,) = [i for i, line in enumerate(lines_) if line.startswith("5.")]
    text = "\n".join(lines_[:five] + lines_[five + 1:])
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "6." and "“1.”" in f.zh and "“5.”" in f.zh


# -- golden: corpus ---------------------------------------------------------------------

CORPUS_FILES = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is missing")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=os.path.basename)
def test_corpus_has_no_numbering_findings(path):
    doc = Document(load(path).text, path=path)
    got = [(f.rule, doc.position(f.start)) for r in RULES.values() for f in r.check(doc, {})]
    assert got == []


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is missing")
def test_corpus_numbering_is_actually_checked():
    # The corpus is silent because it counts on, not because nothing is seen.
    headings = items = 0
    for path in CORPUS_FILES:
        doc = Document(load(path).text, path=path)
        headings += sum(1 for h in doc.headings if h.style in ("cn", "cn-paren"))
        items += sum(len(enumerators(doc.folded, p.start, p.end))
                           for p in doc.paragraphs)
    assert headings > 150 and items > 150


# -- heading-sequence: positive cases -------------------------------------------------------


def test_gap():
    # Counting goes on from 四、: 五、 is fine.
    text = lines("一、总体要求", "二、主要任务", "四、保障措施", "五、附则")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "四、"
    assert text[f.related[0].start:f.related[0].end] == "二、"
    assert f.zh == "标题序号不连续：“四、”前一个同级标题是“二、”，缺少“三、”"
    assert f.en == "heading number skips: 四、 follows 二、 (三、 is missing)"
    assert f.severity == "error" and f.category == "headings"


def test_gap_of_several_names_the_range():
    text = lines("一、甲", "五、乙")
    (f,) = run(text, "heading-sequence")
    assert "“二、”至“四、”" in f.zh and "二、 to 四、 are missing" in f.en


@pytest.mark.parametrize("open_,close", [("(", ")"), ("（", "）")])
def test_repeat_in_both_bracket_widths(open_, close):
    text = lines("一、总体要求", f"{open_}一{close}甲", f"{open_}二{close}乙", f"{open_}二{close}丙")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == f"{open_}二{close}"
    assert f.start == text.rindex(f"{open_}二{close}")
    assert text[f.related[0].start:f.related[0].end] == f"{open_}二{close}"
    assert "重复" in f.zh and f"{open_}三{close}" in f.zh


@pytest.mark.parametrize("open_,close", [("(", ")"), ("（", "）")])
def test_paren_gap_in_both_widths(open_, close):
    text = lines(f"{open_}一{close}甲", f"{open_}二{close}乙", f"{open_}四{close}丙")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == f"{open_}四{close}"
    assert f"缺少“{open_}三{close}”" in f.zh


def test_restart_after_two():
    text = lines("一、回顾", "正文。", "二、安排", "正文。", "一、回顾", "二、安排")
    (f,) = run(text, "heading-sequence")
    assert f.start == text.index("一、", 1) and text[f.start:f.end] == "一、"
    assert text[f.related[0].start:f.related[0].end] == "二、"
    assert f.zh == "标题序号在“二、”之后又从“一、”开始，应为“三、”"
    assert "starts again" in f.en


@pytest.mark.parametrize("attachment", ["附件", "附件1", "附件一", "附件:", "附件 2", "附件：2"])
def test_an_attachment_starts_its_own_numbering(attachment):
    text = lines("一、总体要求", "正文。", "二、主要任务", "正文。", "三、保障措施", "正文。", "",
                 attachment, "重点任务分工方案", "一、加强组织领导", "正文。", "二、完善制度", "四、强化考核")
    # The attachment's 一、 restarts nothing; inside it the numbering is checked as ever.
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "四、" and f.start == text.index("四、")
    assert f.zh == "标题序号不连续：“四、”前一个同级标题是“二、”，缺少“三、”"


def test_a_line_that_only_names_an_attachment_is_not_one():
    text = lines("一、回顾", "二、安排", "附件1:重点任务分工方案", "一、回顾")
    (f,) = run(text, "heading-sequence")
    assert "又从“一、”开始" in f.zh


def test_cn_paren_restart_under_the_same_parent():
    text = lines("一、甲", "(一)子", "(二)子", "(一)子")
    (f,) = run(text, "heading-sequence")
    assert f.start == text.rindex("(一)") and "又从“(一)”开始" in f.zh


def test_out_of_order_reports_the_swap_once():
    text = lines("一、甲", "三、乙", "二、丙", "四、丁")
    got = marked(text, "heading-sequence")
    assert got == [("heading-sequence", "三、", ("一、",)),
                   ("heading-sequence", "二、", ("三、",))]
    (_, back) = run(text, "heading-sequence")
    assert "倒退" in back.zh and "goes back" in back.en


@pytest.mark.parametrize("a,b,c", [("1.", "2.", "4."), ("1、", "2、", "4、"),
                                    ("1．", "2．", "4．"), ("(1)", "(2)", "(4)"),
                                    ("（1）", "（2）", "（4）")])
def test_arabic_gap(a, b, c):
    text = lines("一、总体要求", f"{a}甲", f"{b}乙", f"{c}丙")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == c
    assert text[f.related[0].start:f.related[0].end] == b


@pytest.mark.parametrize("a,b", [("1.", "2."), ("1、", "2、"), ("1．", "2．"), ("(1)", "(2)")])
def test_arabic_repeat(a, b):
    text = lines(f"{a}甲", f"{b}乙", f"{b}丙", "3、" if a.endswith("、") else a.replace("1", "3") + "丁")
    got = marked(text, "heading-sequence")
    assert got == [("heading-sequence", b, (b,))]


def test_full_and_half_width_points_are_one_sequence():
    assert run(lines("1.甲", "2．乙", "3.丙"), "heading-sequence") == []


def test_first_sibling_under_a_new_parent_must_start_at_one():
    text = lines("一、甲", "(一)子", "(二)子", "(三)子", "二、乙", "(二)子", "(三)子")
    (f,) = run(text, "heading-sequence")
    assert f.start == text.index("(二)", text.index("二、")) and "应从“(一)”开始" in f.zh
    assert [text[r.start:r.end] for r in f.related] == ["(三)", "二、"]


def test_arabic_first_sibling_neither_restarting_nor_continuing():
    text = lines("(一)甲", "1.子", "2.子", "3.子", "(二)乙", "5.子")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "5." and "“1.”" in f.zh and "“4.”" in f.zh


# -- heading-sequence: look-alikes that stay silent ---------------------------------------


@pytest.mark.parametrize("text", [
    # Arabic items continue across sections …
    lines("(一)甲", "1.子", "2.子", "(二)乙", "3.子", "4.子", "(三)丙", "5.子"),
    # … or restart in each one.
    lines("(一)甲", "1.子", "2.子", "(二)乙", "1.子", "2.子"),
    # A second Arabic list in the same section.
    lines("一、甲", "1.子", "2.子", "3.子", "正文。", "1.子", "2.子"),
    # (一) restarts under a new 二、.
    lines("一、甲", "(一)子", "(二)子", "二、乙", "(一)子", "(二)子", "三、丙"),
    lines("一、甲", "（一）子", "（二）子", "二、乙", "（一）子"),
    # A deeper level restarts after a higher-level heading.
    lines("一、甲", "(一)子", "1.孙", "2.孙", "(二)子", "1.孙", "二、乙", "(一)子", "1.孙"),
    # A document (or excerpt) whose first heading is not 一、.
    lines("二、主要任务", "三、保障措施"),
    lines("一、甲", "(三)子", "(四)子"),
    # Amounts at a line start are not headings.
    lines("1.甲", "2.乙", "1.5亿元用于基础设施。", "3.丙"),
    lines("1.甲", "1.5亿元用于基础设施。", "1.5亿元用于基础设施。", "2.乙"),
    # Sentences that only look like headings.
    lines("一、甲", "二、三产业融合发展。", "二、乙", "三、丙"),
    lines("一、甲", "三、四季度经济回升。", "二、乙"),
    lines("1、甲", "2、乙", "1、2月份完成。", "3、丙"),
    lines("一、一年来工作回顾", "二、主要任务"),
    # … and a real heading that reads like one is not counted, nor is anything
    # reported across it: 三、 after 一、, (一) again under the uncounted 二、.
    lines("一、甲", "二、三年来的主要工作", "三、丙"),
    lines("一、甲", "(一)子", "(二)子", "二、三年来的主要工作", "(一)子", "(二)子"),
    lines("一、甲", "(一)子", "(二)子", "二、乙", "三、四季度工作", "(二)子", "(三)子"),
    # The predecessor is written inline on the line before.
    lines("1.加强领导。2.完善机制。", "3.强化考核。"),
    lines("(一)总体要求。1.坚持党的领导。", "2.坚持依法行政。", "(二)主要任务。1.甲", "2.乙"),
    # 1、 over 1. (another level written with other punctuation).
    lines("1、甲", "1.子", "2.子", "3.子", "2、乙", "1.子"),
    lines("(一)甲", "1、子", "1.孙", "2.孙", "(二)乙", "2、子", "1.孙"),
    # A year written in Chinese numerals is not a heading ordinal.
    lines("一、甲", "二〇二三、全市经济平稳运行。", "二、乙"),
    # Markdown headings have no ordinal.
    lines("# 报告", "## 概况", "## 安排", "一、甲", "二、乙"),
    # Continuing (一)… across chapters is accepted.
    lines("一、甲", "(一)子", "(二)子", "二、乙", "(三)子"),
])
def test_heading_look_alikes_stay_silent(text):
    assert marked(text, "heading-sequence") == []


def test_markdown_heading_between_siblings_changes_nothing():
    text = lines("一、甲", "# 小结", "三、乙")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "三、" and text[f.related[0].start:f.related[0].end] == "一、"


def test_markdown_document_headings_are_skipped():
    text = "# 一号\n\n## 二号\n\n## 二号\n"
    assert run(text, "heading-sequence", path="a.md") == []


# -- heading-sequence: a decimal at a line start, attachment lists, sub-numbers ------------------

# 2026年江西省政府工作报告 as scraped from the web, realworld sample gwr26-jiangxi,
# lines 83-84 and 100-107: the attachment of 名词注释, items 16. to 23.; item 20 is
# followed by a year, item 21 by text that starts with a digit.
JIANGXI_EXCERPT = [
    '附件',
    '《政府工作报告》有关内容名词注释',
    '16.“益企成长”计划：推动建立覆盖科技型企业全生命周期的多元化接力式科技金融服务体系，促进“科技-产业-金融”良性循环。',
    '17.“招商一张图”：通过整合招商项目数据，推动全省招商信息互通共享。',
    '18.“物流一张网”平台：为推动江西现代物流体系升级，打造的公益性数字化综合服务平台。',
    '19.“1+N”常态化帮扶政策体系：“1”指省委和省政府制定出台的关于统筹建立常态化防止返贫致贫机制、实施常态化精准帮扶政策，“N”指省直相关部门制定出台的一系列配套政策。',
    '20.2026年10件民生实事：加大重点群体就业创业支持力度，提高困难群众生活保障标准，提升残疾人关爱服务水平，提升养老服务能力，为重点人群开展结直肠癌筛查，做好农村义务教育学校学生上学交通服务保障，开展食品安全抽检便民服务工作，改善提升农村与校园饮水条件，推进书香社会建设，丰富群众体育设施和场地资源供给。',
    '21.5+2就业之家：覆盖省、市、县、街道（乡镇）、社区（村）五级和开发区、大中专院校（含技工院校）两类的政府市场融合、线上线下一体就业公共服务平台。',
    '22.“百羽争锋”：以全省 100 个县（市、区）为基础参赛单元，覆盖全省、全民参与的省羽毛球超级联赛。',
    '23.GEP核算：一定行政区域内各类生态系统在核算期内提供的所有生态产品的货币价值之和。',
]


def test_jiangxi_items_followed_by_a_year_or_a_digit_are_headings():
    text = lines(*JIANGXI_EXCERPT)
    assert marked(text, "heading-sequence") == []
    doc = Document(text)
    assert [h.ordinal for h in doc.headings if h.style == "num"] == list(range(16, 24))
    # The titles start after the marker: 20. is followed by its title 2026年…
    twenty = next(h for h in doc.headings if h.ordinal == 20)
    assert doc.text[twenty.marker.start:twenty.marker.end] == "20."
    assert doc.text[twenty.start:].startswith("2026年10件民生实事")


def test_jiangxi_excerpt_with_a_real_gap_is_still_reported():
    # Without item 20 the year line's neighbour 21.5+2… no longer continues 19., so it
    # is not counted: 22. after 19. reports both as missing.
    text = lines(*[line for line in JIANGXI_EXCERPT if not line.startswith("20.")])
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "22." and text[f.related[0].start:f.related[0].end] == "19."
    assert "缺少“20.”和“21.”" in f.zh


def test_a_decimal_line_in_a_list_is_not_a_heading():
    text = lines("一、总体要求", "1.稳定增长。", "2.扩大就业。", "3.5%的增速是综合考虑的结果。", "3.改善民生。")
    assert marked(text, "heading-sequence") == []
    assert [h.line for h in Document(text).headings] == [1, 2, 3, 5]


def test_a_decimal_that_does_not_continue_is_not_a_heading():
    # 21.5 does not continue 19.: it is not counted, and 22. after 19. is a gap (20.
    # is missing whatever 21.5 is).
    text = lines("19.甲。", "21.5+2就业之家:覆盖五级。", "22.乙。")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "22." and text[f.related[0].start:f.related[0].end] == "19."
    assert f.zh == "标题序号不连续：“22.”前一个同级标题是“19.”，缺少“20.”和“21.”"
    assert [h.line for h in Document(text).headings] == [1, 3]


@pytest.mark.parametrize("line", ["3.5", "3.1 子", "3.1.子", "3.1、子"])
def test_bare_numbers_and_sub_numbers_are_never_headings(line):
    # Not even where they would go on with the list (after 2., no 3. below).
    text = lines("1.甲", "2.乙", line)
    assert [h.line for h in Document(text).headings] == [1, 2]


def test_a_decimal_line_that_goes_on_with_its_list_is_read_as_the_item():
    # 3.5%… after 2. with no 3. below may be the item 3.: it is counted (nothing is
    # reported either way), and it is flagged as ambiguous.
    text = lines("1.甲", "2.乙", "3.5%的增速是综合考虑的结果。", "二、乙")
    doc = Document(text)
    assert [(h.line, h.ordinal, h.ambiguous) for h in doc.headings] == [
        (1, 1, False), (2, 2, False), (3, 3, True), (4, 2, False)]
    assert doc.text[doc.headings[2].start:].startswith("5%的增速")
    assert marked(text, "heading-sequence") == []


def test_an_item_followed_by_a_year_is_a_heading_even_out_of_turn():
    # 4.2026年… cannot be a decimal: it is item 4, and 3. is missing before it.
    text = lines("1.甲。", "2.乙。", "4.2026年重点工作。", "5.丙。")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "4." and "缺少“3.”" in f.zh


def test_an_item_that_starts_with_a_digit_continues_and_is_checked():
    # 3.5+2… continues 2.: it is item 3, and a skip right after it is reported.
    text = lines("1.甲。", "2.乙。", "3.5+2就业之家:覆盖五级。", "5.丙。")
    (f,) = run(text, "heading-sequence")
    assert text[f.start:f.end] == "5." and text[f.related[0].start:f.related[0].end] == "3."
    assert "缺少“4.”" in f.zh


@pytest.mark.parametrize("text", [
    # Decimals and sub-numbers at a line start, next to a list.
    lines("1.甲", "2.乙", "3.5%的增速。", "3.5%的增速。", "3.丙"),
    lines("(一)甲", "1.子", "2.子", "3.5亿元用于基础设施。", "(二)乙", "3.子", "4.子"),
    lines("一、甲", "1.子", "2.子", "二、乙", "3.5亿元用于基础设施。", "1.子", "2.子"),
    lines("一、甲", "1.子", "2.子", "二、乙", "5.5%左右的预期增长目标。", "(一)丙"),
    lines("一、甲", "PM", "2.5", "年平均浓度下降。", "二、乙"),
    lines("5.甲", "6.乙", "6-1.子", "6-2.子", "7.丙"),
    lines("5.甲", "6.乙", "6.1子", "6.2子", "7.丙"),
    lines("5.甲", "6.乙", "6.1 子", "6.2 子", "7.丙"),
    lines("5.甲", "6.乙", "6.1.子", "6.2.子", "7.丙"),
    lines("1.甲", "2.乙", "2.1子", "2.2子", "2.3子", "3.丙"),
    # An attachment list after the body's items, on the 附件 line or below it.
    lines("一、甲", "1.子", "2.子", "3.子", "4.子", "附件:1.关于加强管理的通知", "2.重点任务分工", "3.责任清单"),
    lines("一、甲", "1.子", "2.子", "3.子", "4.子", "附件：1．关于加强管理的通知", "2．重点任务分工"),
    lines("一、甲", "1.子", "2.子", "3.子", "4.子", "附件: 1、关于加强管理的通知", "2、重点任务分工"),
    lines("一、甲", "1.子", "2.子", "3.子", "4.子", "附件:", "1.关于加强管理的通知", "2.重点任务分工"),
    lines("1.甲", "2.乙", "附件:3.关于加强管理的通知", "4.重点任务分工"),
    lines("一、甲", "(一)子", "1.孙", "2.孙", "3.孙", "附件:1.通知", "2.方案", "二、乙", "(一)子", "1.孙"),
])
def test_decimals_sub_numbers_and_attachment_lists_stay_silent(text):
    assert marked(text, "heading-sequence") == []


def test_a_real_skip_next_to_an_attachment_list_is_reported():
    text = lines("一、甲", "1.子", "2.子", "4.子", "附件:1.通知", "2.方案", "4.清单")
    got = marked(text, "heading-sequence")
    assert got == [("heading-sequence", "4.", ("2.",)), ("heading-sequence", "4.", ("2.",))]
    first, second = run(text, "heading-sequence")
    assert first.start == text.index("4.") and second.start == text.rindex("4.")


def test_a_real_skip_next_to_sub_numbers_is_reported():
    for text in (lines("5.甲", "6.乙", "6-1.子", "6-2.子", "8.丙"),
                 lines("5.甲", "6.乙", "6.1子", "6.2子", "8.丙")):
        (f,) = run(text, "heading-sequence")
        assert text[f.start:f.end] == "8." and text[f.related[0].start:f.related[0].end] == "6."
        assert "缺少“7.”" in f.zh


def test_an_attachment_list_restarts_only_the_arabic_numbering():
    # The list 1. 2. on the 附件: line is a list of its own; 一、 again below it is
    # still a restart (the line names the attachments; it does not open one).
    text = lines("一、甲", "1.子", "2.子", "二、乙", "附件:1.通知", "2.方案", "一、甲")
    (f,) = run(text, "heading-sequence")
    assert f.start == text.rindex("一、") and "又从“一、”开始" in f.zh


# -- enumeration-sequence: positive cases ----------------------------------------------------


def test_enumeration_gap():
    text = "主要做法:一是加强领导;二是完善制度;四是强化考核。"
    (f,) = run(text, "enumeration-sequence")
    assert text[f.start:f.end] == "四是"
    assert text[f.related[0].start:f.related[0].end] == "二是"
    assert f.zh == "列举序号不连续：“四是”前一项是“二是”，缺少“三是”"
    assert f.en == "enumeration skips: 四是 follows 二是 (三是 is missing)"


def test_enumeration_counts_on_after_a_gap():
    text = "一是甲。二是乙。四是丙。五是丁。"
    assert [text[f.start:f.end] for f in run(text, "enumeration-sequence")] == ["四是"]


def test_a_text_without_two_enumerators_of_a_kind_is_not_split_into_lists():
    # One 一是 and one 第二 (or none) cannot skip or repeat, nor two of a kind in two
    # paragraphs (a paragraph's list starts afresh): the per-paragraph enumerators are
    # never looked for; two of a kind in one paragraph still are.
    for text in ("今年以来,我们坚持依法行政。\n", "一是加强领导。第二,完善制度。\n",
                 "一是加强领导。\n三是完善制度。\n", "第一,加强领导。\n第三,完善制度。\n"):
        doc = Document(text)
        assert list(RULES["enumeration-sequence"].check(doc, {})) == []
        assert "enumerations" not in vars(doc)
    doc = Document("一是加强领导。\n二是完善制度;三是强化考核。\n")
    assert list(RULES["enumeration-sequence"].check(doc, {})) == []
    assert "enumerations" in vars(doc)
    text = "第一,加强领导;第三,完善制度。"
    assert [text[f.start:f.end] for f in run(text, "enumeration-sequence")] == ["第三"]


def test_enumeration_repeat_and_back():
    text = "一是甲。二是乙。二是丙。"
    (f,) = run(text, "enumeration-sequence")
    assert f.start == text.rindex("二是") and "应为“三是”" in f.zh
    text = "一是甲。二是乙。三是丙。二是丁。"
    (f,) = run(text, "enumeration-sequence")
    assert f.start == text.rindex("二是") and "倒退" in f.zh


@pytest.mark.parametrize("sep", [",", "，", "、", ":", "："])
def test_ordinal_enumeration_in_both_widths(sep):
    text = f"第一{sep}加强领导。第二{sep}完善制度。第四{sep}强化考核。"
    (f,) = run(text, "enumeration-sequence")
    assert text[f.start:f.end] == "第四"
    assert text[f.related[0].start:f.related[0].end] == "第二"
    assert "缺少“第三”" in f.zh


def test_enumerators_after_full_width_punctuation_and_space():
    text = "措施有三：一是甲；二是乙！ 四是丙？"
    (f,) = run(text, "enumeration-sequence")
    assert text[f.start:f.end] == "四是"


def test_enumeration_scope_is_the_paragraph():
    # The same sequence split over two paragraphs: the second starts at 三是, continuing.
    assert run("一是甲。二是乙。\n三是丙。四是丁。\n", "enumeration-sequence") == []
    # A gap inside the second paragraph is still found.
    text = "一是甲。二是乙。\n三是丙。五是丁。\n"
    (f,) = run(text, "enumeration-sequence")
    assert f.start == text.index("五是")


def test_the_two_kinds_are_counted_apart():
    assert run("第一,一是甲,二是乙。第二,一是丙,二是丁。第三,完。", "enumeration-sequence") == []
    text = "第一,一是甲,三是乙。"
    (f,) = run(text, "enumeration-sequence")
    assert text[f.start:f.end] == "三是"


# -- enumeration-sequence: look-alikes that stay silent -----------------------------------------


@pytest.mark.parametrize("text", [
    "坚持全国统一是前提。一是甲。二是乙。",
    "这是唯一是非标准。一是甲,二是乙。",
    "重要举措之一是加强领导,二是完善制度。",
    "重要举措之一是加强领导。",
    "两岸同一是共识。三是完善制度。",
    "落实第一责任人制度,第一书记第一次到村,第一批试点,第二季度完成,第一时间处置。",
    "二是完善制度。三是强化考核。",
    "一是甲,二是乙,三是丙。另有两点:一是丁,二是戊。",
    "一是甲。二是乙,包括:一是子,二是丑,三是寅。三是丙。",
    "一是甲。二是乙。三是丙。四是丁。五是戊。六是己。七是庚。八是辛。九是壬。十是癸。十一是子。十二是丑。",
    "十一是甲,十二是乙。",
    "坚持安全第一、质量第一,排名第二,位居全国第一,第一、二产业,第二、三季度。",
    "第一、第二产业增加值分别增长。第一,甲。第二,乙。",
])
def test_enumeration_look_alikes_stay_silent(text):
    assert marked(text, "enumeration-sequence") == []


def test_compound_ordinals_are_not_items():
    # 第二、三季度 is "the second and third quarters", not a second item 第二.
    assert run("第一,甲。第二,乙,第二、三季度增长较快。第三,丙。", "enumeration-sequence") == []
    text = "第一,甲。第二,乙,第二、丙。第三,丁。"
    (f,) = run(text, "enumeration-sequence")
    assert f.start == text.index("第二、")


def test_look_alikes_do_not_break_a_real_list():
    # 统一是 and 第一次 do not count as items: the real list 一是 二是 三是 is intact,
    # and its gap is still found.
    text = "全国统一是前提,第一次试点。一是甲。二是乙。四是丙。"
    (f,) = run(text, "enumeration-sequence")
    assert text[f.start:f.end] == "四是" and text[f.related[0].start:f.related[0].end] == "二是"


def test_hard_wrapped_paragraph_is_one_scope():
    para = ("主要做法有:一是加强组织领导,健全工作机制,压实工作责任,确保各项任务落实到位;"
            "二是完善制度体系,推进依法行政,规范行政行为,提高政府工作法治化水平;"
            "四是强化监督考核,严格责任追究,形成工作合力,推动法治政府建设取得新成效。")
    wrapped = "\n".join(para[i:i + 30] for i in range(0, len(para), 30)) + "\n"
    (f,) = run(wrapped, "enumeration-sequence")
    assert wrapped[f.start:f.end] == "四是"


# -- helpers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("n,cn", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                  (99, "九十九")])
def test_int_to_cn_round_trips(n, cn):
    from reportlint.numbers import cn_to_int
    assert mod.int_to_cn(n) == cn and cn_to_int(cn) == n


@pytest.mark.parametrize("text, expected", [
    ("一、甲\n二、乙\n按附件要求执行。\n一、丙\n", []),      # 附件 inside a sentence: no attachment
    ("一、甲\n附近附件\n附件2\n一、乙\n", [(3, True)]),      # 附 before 附件 on a line of its own
    ("一、甲\n附附件1\n附件2\n", [(3, True)]),               # a 附 right before 附件: no line start
])
def test_only_a_line_that_opens_with_附件_is_an_attachment(text, expected):
    from reportlint.document import Document
    from reportlint.rules.headings import _attachment_lines

    assert _attachment_lines(Document(text, path="x.txt")) == expected
