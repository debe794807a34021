"""Wording: the word list (typos, variants, fixed phrases) and its guards, doubled words
and marks, width consistency, dashes in spans of years; their precision on real text."""
import glob
import os
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.rules.wording import (
    ConfusableWord, DoubledPunctuation, DoubledWord, PhraseForm, VariantForm, WidthConsistency,
    YearSpanDash, _SPAN_DASHES, document_date, repeats)
from reportlint.testing import assert_findings, findings_of
from reportlint.words import builtin_word_list, builtin_words
from tests.helpers import run_cli

HERE = os.path.dirname(__file__)
SHARED = os.path.join(HERE, "..", "..", "shared")
CORPUS = os.path.join(SHARED, "corpus")
PAGES = os.path.join(SHARED, "realworld")
SEEDS = os.path.join(HERE, "..", "seeds")


# -- the list: every entry and every guard ------------------------------------------------

def test_the_list_has_300_entries_each_with_a_source():
    words = builtin_words()
    assert len(words) >= 300
    for e in words:
        assert e["kind"] in ("typo", "variant", "phrase") and e["source"], e
        assert e["right"] not in e["wrong"], e


def test_the_built_in_list_is_valid_as_a_configuration_would_be():
    from ruamel.yaml import YAML

    from reportlint.datacache import builtin_data_files
    from reportlint.words import validate_entries

    path = next(p for p in builtin_data_files("vocab") if p.endswith("words.yaml"))
    with open(path, encoding="utf-8") as f:
        data = YAML(typ="rt").load(f)
    assert validate_entries(data["words"], data, "words", path)


def _entries_with(field):
    return [e for e in builtin_words() if e.get(field)]


@pytest.mark.parametrize("entry", [e for e in builtin_words()
                                   if not e.get("after") and not e.get("before")],
                         ids=lambda e: e["right"])
def test_every_wrong_form_is_found_and_its_right_form_is_not(entry):
    words = builtin_word_list()
    for wrong in entry["wrong"]:
        hits = words.find(wrong)
        assert [(h.start, h.end, h.entry.right) for h in hits] == [(0, len(wrong), entry["right"])]
    assert [h for h in words.find(entry["right"]) if h.entry.right == entry["right"]] == []


@pytest.mark.parametrize("entry", _entries_with("guard"), ids=lambda e: e["right"])
def test_every_guard_silences_its_entry(entry):
    words = builtin_word_list()
    for guard in entry["guard"]:
        assert [h for h in words.find(guard) if h.entry.right == entry["right"]] == [], guard


def test_a_long_search_finds_what_a_short_one_does(monkeypatch):
    """Once a word list has searched LONG_SEARCH characters, the anchors that are common
    characters are found by a pattern that checks their keys' neighbours too: it must
    miss no wrong form and no guard, at the ends of the text as well (法制政府)."""
    from reportlint import words as words_module

    # A key of one rare character has no neighbour to be found beside.
    items = builtin_words() + [{"kind": "typo", "right": "丐", "wrong": ["丏"]}]
    forms = [f for e in items for f in e["wrong"] + e.get("guard", []) + [e["right"]]]
    text = "法制政府" + "，".join(forms) + "依法执政、依法治国、依法行政共同推进"
    def hits(word_list):
        return [(h.start, h.end, h.entry.right) for h in word_list.find(text)]
    short = hits(words_module.WordList(items))
    monkeypatch.setattr(words_module, "LONG_SEARCH", 0)
    assert hits(words_module.WordList(items)) == short
    assert len(short) > 300 and short[0] == (0, 4, "法治政府")
    assert (text.index("丏"), text.index("丏") + 1, "丐") in short


def test_a_long_search_rejects_a_common_anchor_by_its_neighbours(monkeypatch):
    """The long search tests once whether a common anchor has beside it a character that
    any common anchor's keys ask for, and only then tries its own keys' neighbours: 府
    alone is skipped, 府 beside 为 (which 做为 asks for) is tried and skipped, 制政府 and
    府一体 are found."""
    from reportlint import words as words_module

    monkeypatch.setattr(words_module, "LONG_SEARCH", 0)
    pattern = words_module.WordList(builtin_words())._search(0)
    def anchors(text):
        return [m.start() for m in pattern.finditer(text)]
    assert anchors("建设政府") == [] and anchors("政府为民") == []
    assert anchors("法制政府") == [3] and anchors("政府一体") == [1]


def test_a_long_search_from_the_first_text_where_an_earlier_run_left_it_compiled(
        monkeypatch):
    """The index holds the long search's source: where the patterns kept between runs hold
    it compiled, the first text is searched with it; else with the class of the anchors."""
    from reportlint import words as words_module

    items = builtin_words()
    index = words_module.WordList(items).index()
    for kept in (False, True):
        monkeypatch.setattr(words_module, "stored",
                            lambda pattern, flags=0: kept and pattern == index["search"])
        word_list = words_module.WordList(items, index)
        assert [(h.start, h.end) for h in word_list.find("推进法制政府建设")] == [(2, 6)]
        assert (word_list._search(0).pattern == index["search"]) is kept


def test_the_built_in_word_list_s_index_comes_from_the_cache_as_it_was_built(
        tmp_path, monkeypatch):
    """The built-in list's keys and anchors are kept in the data cache: read back, they are
    what building them gives, in the same order, and a run finds the same wrong forms."""
    from reportlint import words as words_module

    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    items = builtin_words()
    built = words_module.WordList(items)
    text = "法制政府" + "，".join(f for e in items for f in e["wrong"] + e.get("guard", []))
    builtin_word_list.cache_clear()
    try:
        first = builtin_word_list()       # builds the index and writes it
        builds = []
        monkeypatch.setattr(words_module.WordList, "index",
                            lambda self: builds.append(1) or {})
        builtin_word_list.cache_clear()
        cached = builtin_word_list()      # reads it
    finally:
        builtin_word_list.cache_clear()
    assert builds == [] and os.listdir(tmp_path)   # the index, written by the first
    for word_list in (first, cached):
        assert list(word_list._keys.items()) == list(built._keys.items())
        assert list(word_list._anchored().items()) == list(built._anchored().items())
    found = [(h.start, h.end, h.entry.right) for h in built.find(text)]
    assert [(h.start, h.end, h.entry.right) for h in cached.find(text)] == found != []


# Each entry with a context (after:) flagged where the context holds and silent where it
# does not: the text, and the passage expected to be flagged (None: silence).
CONTEXTS = [
    ("截止年底，共受理56件。", "截止"), ("截止目前，已办结。", "截止"),
    ("截止2023年12月31日，累计培养公职律师69名。", "截止"),
    ("申报截止日期为3月31日。", None), ("截止到2023年底，共受理。", None),
    ("报名于3月31日截止。", None), ("做为一名公职律师。", "做为"),
    ("多做为民办实事的工作。", None), ("多做为群众服务的事。", None),
    ("他竟选择放弃。", None), ("竟争激烈。", "竟争"), ("究竟技术如何。", None),
    ("好象是真的。", "好象"), ("爱好象棋。", None), ("美好象征。", None),
    ("该村座落于山脚。", "座落"), ("一座落地窗。", None),
    ("调查觉得可行。", None), ("没有查觉。", "查觉"),
    ("成份复杂。", "成份"), ("形成份额分配。", None), ("不过份追求。", "过份"),
    ("笔划繁多。", "笔划"), ("一笔划拨资金。", None),
    ("引进人材。", "人材"), ("当事人材料齐全。", None),
    ("建立台帐。", "台帐"), ("舞台帐幕。", None), ("平台帐号。", "帐号"),
]


@pytest.mark.parametrize("text, flagged", CONTEXTS)
def test_entries_with_a_context(text, flagged):
    got = [text[h.start:h.end] for h in builtin_word_list().find(text)]
    assert got == ([flagged] if flagged else [])


# -- the three list rules -------------------------------------------------------------------

def test_confusable_word_fixes_to_the_right_form():
    (f,) = assert_findings(ConfusableWord(), "截止年底，全区共受理行政复议申请56件。", ["截止"])
    assert f.fix.replacement == "截至" and f.fix.safe and f.severity == "error"
    assert "截至" in f.zh and "现代汉语词典" in f.zh
    assert_findings(ConfusableWord(), "再接再励，想必竟然如此。", ["再接再励"])


def test_variant_form_is_a_warning_and_only_variants():
    text = "向群众交待清楚，再接再励。"
    (f,) = assert_findings(VariantForm(), text, ["交待"])
    assert f.severity == "warning" and f.fix.replacement == "交代"
    assert_findings(VariantForm(), "提交待审议的事项；外交待遇。", [])


def test_a_variant_form_in_a_document_older_than_the_standard_is_not_reported():
    assert_findings(VariantForm(), "2001年工作报告\n要把问题交待清楚。", [])
    assert_findings(VariantForm(), "2023年工作报告\n要把问题交待清楚。", ["交待"])


def test_phrase_form_and_its_start_date():
    rule = PhraseForm()
    assert_findings(rule, "2023年，在以习近平总书记为核心的党中央坚强领导下。",
                    ["以习近平总书记为核心的党中央"])
    # Before the sixth plenary session of 2016, 为总书记的 was the wording.
    old = "政府工作报告\n——2016年3月5日在第十二届全国人民代表大会第四次会议上\n在以习近平同志为总书记的党中央坚强领导下"
    assert_findings(rule, old, [])
    assert_findings(rule, old.replace("2016年3月5日", "2017年3月5日"), ["以习近平同志为总书记的党中央"])
    assert_findings(rule, "深刻领悟“两个确立”：确立习近平总书记党中央的核心、全党的核心地位。",
                    ["确立习近平总书记党中央的核心"])
    assert_findings(rule, "坚决维护习近平总书记党中央的核心、全党的核心地位。", [])
    assert_findings(rule, "坚定道路自信、制度自信、理论自信、文化自信。",
                    ["道路自信、制度自信、理论自信、文化自信"])
    assert_findings(rule, "坚定道路自信、理论自信、制度自信、文化自信，学习习近平法治思想。", [])
    assert_findings(rule, "深入学习习近平法制思想。", ["习近平法制思想"])


def test_phrase_fix_keeps_the_widths_of_the_passage():
    text = "落实《法治政府建设实施纲要(2021-2025)》,推进依法行政。"
    (f,) = findings_of(PhraseForm(), text)
    assert f.fix.replacement == "法治政府建设实施纲要(2021—2025年)"
    full = "落实《法治政府建设实施纲要（2021—2025）》。"
    (f,) = findings_of(PhraseForm(), full)
    assert f.fix.replacement == "法治政府建设实施纲要（2021—2025年）"


def test_document_date():
    from reportlint.document import Document

    assert document_date(Document("关于2023年度法治政府建设情况的报告\n发布日期:2024-03-13")) == (2024, 3, 13)
    assert document_date(Document("政府工作报告\n——2016年3月5日在第十二届")) == (2016, 3, 5)
    assert document_date(Document("关于2023年度法治政府建设情况的报告")) == (2023, 1, 1)
    assert document_date(Document("没有日期的通知")) is None


# -- doubled words ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("全面落实工作工作部署。", ["工作工作"]),
    ("进一步进一步提升水平。", ["进一步进一步"]),
    ("推进法治政府建设的的各项工作。", ["的的"]),
    ("工作工作工作部署。", ["工作工作"]),
])
def test_doubled_word(text, expected):
    found = assert_findings(DoubledWord(), text, expected)
    assert found[0].fix.replacement == "" and found[0].fix.safe


@pytest.mark.parametrize("text", [
    "天天学法，常常研究，人人参与，处处落实。",       # one character doubled
    "大家研究研究，商量商量再定。",                     # verbs doubled (ABAB)
    "一个个问题，一个一个地解决，一步一步推进。",
    "谢谢大家。二零二零年，二〇二〇年。",                # numerals
    "达到目的的手段；标的的价值；有的的确存在；的的确确。",
    "加强工作\n工作部署如下",                            # across a line break: a list
    "坚持创业创新，设立新兴产业创业创新平台，鼓励大众创业。",   # 业创 straddles 产业|创业|创新
    "坚持共建共享，构建共建共治共享的社会治理格局，共建美好家园。",
    "abab 1212 ——",
])
def test_doubled_word_look_alikes(text):
    assert_findings(DoubledWord(), text, [])


def test_copies_of_a_repeat_are_no_more_evidence_for_its_word():
    # 产业创业创新 written five times holds 业创 ten times, each copy twice: the copies do
    # not attest 业创 against 创业, which the text writes outside them.
    text = "坚持创业创新，设立新兴产业创业创新平台。" * 5 + "鼓励大众创业。"
    assert findings_of(DoubledWord(), text) == []
    # A word typed twice in three places is still found in each.
    assert_findings(DoubledWord(), "全面落实工作工作部署。" * 3, ["工作工作"] * 3)
    assert_findings(DoubledWord(), "进一步进一步提升水平。" * 2, ["进一步进一步"] * 2)
    # A toolbar's label repeated along a line is page chrome (web-residue's), not a word
    # typed twice; a label written twice still reads as one.
    line = "返回顶部" * 19 + "X"
    assert findings_of(DoubledWord(), "\n".join([line] * 30)) == []
    assert_findings(DoubledWord(), "返回顶部返回顶部X", ["返回顶部返回顶部"])


def test_doubled_word_allow_option():
    assert_findings(DoubledWord(), "请大家对照对照。", [])          # built in
    assert_findings(DoubledWord(), "请大家掂量掂量。", ["掂量掂量"])
    assert_findings(DoubledWord(), "请大家掂量掂量。", [], options={"allow": ["掂量"]})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="工作进一步的的。,ab", max_size=60))
def test_repeats_finds_exactly_the_repeats(text):
    expected = {(i, n) for n in (2, 3, 4) for i in range(len(text) - 2 * n + 1)
                if text[i:i + n] == text[i + n:i + 2 * n]}
    assert set(repeats(text)) == expected


def test_repeats_on_characters_whose_low_byte_is_zero():
    # 一 is U+4E00 and 刀 U+5200: equal low bytes, different characters.
    assert list(repeats("一刀一刀")) == [(0, 2)]
    assert list(repeats("一刀刀一")) == []


# -- doubled punctuation ------------------------------------------------------------------

def test_doubled_punctuation():
    found = assert_findings(DoubledPunctuation(), "依法行政，，加快建设。。各项工作、、扎实推进；；好！！",
                            ["，，", "。。", "、、", "；；", "！！"])
    assert [f.fix.replacement for f in found] == ["，", "。", "、", "；", "！"]
    assert_findings(DoubledPunctuation(), "依法行政,,加快建设", [",,"])


def test_each_doubled_mark_is_found_where_its_mark_occurs(monkeypatch):
    """A mark's pattern is searched for only in a text that holds the mark."""
    from reportlint.rules import wording

    assert_findings(DoubledPunctuation(), "是否依法？？依据：：如下", ["？？", "：："])

    class Unsearched:
        def search(self, *args):
            raise AssertionError("searched a text without the mark")
        finditer = search

    monkeypatch.setattr(wording, "_DOUBLED_MARKS",
                        [(c, Unsearched()) for c in ";:!?"] + wording._DOUBLED_MARKS[:2])
    assert_findings(DoubledPunctuation(), "依法行政，，加快建设。。", ["，，", "。。"])


def test_doubled_punctuation_look_alikes():
    assert_findings(DoubledPunctuation(), "加快建设……全面推进——依法行政。", [])
    assert_findings(DoubledPunctuation(), "std::vector a,,b http://x", [])


# -- width consistency ---------------------------------------------------------------------

FULL_TEXT = ("坚持依法行政，推进严格规范公正文明执法，深化政务公开，完善权力运行制约和监督体系，"
             "健全依法决策机制，加强行政复议工作，") * 6


def test_width_consistency_flags_the_minority_with_a_fix():
    text = FULL_TEXT + "推进精细化,开展专项行动;对县(处)级以上干部进行培训。"
    found = assert_findings(WidthConsistency(), text, [",", ";", "(处)"])
    assert [f.fix.replacement for f in found] == ["，", "；", "（处）"]


def test_width_consistency_the_reverse():
    half = FULL_TEXT.replace("，", ",")
    found = assert_findings(WidthConsistency(), half + "推进精细化，开展专项行动。", ["，"])
    assert found[0].fix.replacement == ","
    # A label's colon is left, not a sentence's.
    assert_findings(WidthConsistency(), half + "\n主要任务：推进精细化,开展专项行动。\n", ["："])


@pytest.mark.parametrize("text", [FULL_TEXT, FULL_TEXT + "城乡居民收入比从2.50:1缩小至2.27:1。"])
def test_width_consistency_without_a_half_width_mark_as_punctuation_counts_nothing(
        text, monkeypatch):
    """A full-width text (most reports) is consistent: told without counting its marks,
    and, where it holds no half-width , ; : (, without looking for them."""
    from reportlint.rules import wording

    def uncounted(*args):
        raise AssertionError("the marks were counted")

    monkeypatch.setattr(wording, "_count", uncounted)
    if not any(c in text for c in ",;:("):
        monkeypatch.setattr(wording, "_half_width_marks", uncounted)
    assert_findings(WidthConsistency(), text, [])


@pytest.mark.parametrize("text", [
    FULL_TEXT.replace("，", ","),                                    # half width throughout
    FULL_TEXT + "城乡居民收入比从2.50:1缩小至2.27:1，人口1,234万。",   # numbers
    FULL_TEXT + "网址http://www.gov.cn，英文Hello, world。",           # addresses, English
    FULL_TEXT + "印发《浙江省行政规范性文件管理办法(试行)》。",           # a quoted name
    FULL_TEXT + "（一）组织领导(二)制度建设(三)队伍建设(四)保障措施",    # brackets mostly half
    "加强组织领导，完善工作机制,推进依法行政,开展专项行动。",           # mixed: no majority
    # A label line of a page's footer or a form (主办：…), in a half-width text.
    FULL_TEXT.replace("，", ",") + "\n主办：某县人民政府办公室\n",
    # Word's automatic numbering renders （一） full width above half-width text.
    "某县报告\n一、主要工作\n（一）依法行政\n" + FULL_TEXT.replace("，", ",") + "\n（二）政务公开\n",
    # A converter's front matter is no text: its marks count for nothing.
    "---\ntitle: 某县报告,草稿;附件(一)\n---\n" + FULL_TEXT,
    "---\ntitle: 某县报告，草稿；附件（一）\n---\n" + FULL_TEXT.replace("，", ","),   # and the reverse
])
def test_width_consistency_look_alikes(text):
    assert_findings(WidthConsistency(), text, [])


@pytest.mark.parametrize("tail, expected", [
    ("印发《办法,细则》,推进精细化。", [","]),                 # after the title, not in it
    ("印发《办法《细则,规程》,附件》,推进。", [","]),           # nested titles
    ("》》印发《办法,细则》,推进。", [","]),                    # a stray 》 closes nothing
    ("印发《办法,细则\n推进精细化,开展专项行动。", [","]),      # a title ends with its line
    ("《甲,乙》和《丙,丁》,及《戊,推进。", [","]),              # titles in turn on a line
    ("《甲,乙》》,和《丙,丁》,推进。", [",", ","]),
    ("对县(处)级和(市(区以上干部,培训。", ["(处)", ","]),       # a pair holds no (
    ("对县(处\n)级干部 ,培训(a)。", []),                      # no pair across a line break
    ("推进精细化,", []),                                        # nothing after it
])
def test_width_consistency_titles_and_pairs(tail, expected):
    """A half-width mark inside 《…》 on its line is the title's own; a ( ) pair is one
    whose ) closes it on its line with no ( between, around Chinese text."""
    found = assert_findings(WidthConsistency(), FULL_TEXT + tail, expected)
    assert all(f.start >= len(FULL_TEXT) for f in found)


# -- dashes in spans of years ---------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["19", "20", "21", "99", "年", "-", "~", " ", "，"]),
                max_size=40).map("".join))
def test_year_spans_as_one_pattern_finds_them(text):
    """The two patterns (one a century) give the matches that one pattern for both does,
    where a match starts inside another too (2021-1999年-1998年-1997年)."""
    from reportlint.rules.wording import _year_spans

    one = re.compile(r"(?:19|20)\d\d(年?)[ \t]*([-~–〜‐−])[ \t]*((?:19|20)\d\d)年")
    for t in (text, "2021-1999年-1998年-1997年" + text):
        assert [m.span() for m in _year_spans(t)] == [m.span() for m in one.finditer(t)]


@pytest.mark.parametrize("text, expected", [
    ("《法治政府建设实施纲要（2021-2025年）》", "2021-2025"),
    ("2021~2025年", "2021~2025"), ("2021～2025年", "2021～2025"),
    ("2021–2025年", "2021–2025"), ("2021年-2025年", "2021年-2025"),
    ("2021〜2025年", "2021〜2025"), ("2021‐2025年", "2021‐2025"), ("2021−2025年", "2021−2025"),
])
def test_year_span_dash(text, expected):
    (f,) = assert_findings(YearSpanDash(), text, [expected])
    assert f.fix.replacement == "—" and text[f.fix.start:f.fix.end] in "-~～–〜‐−"


@pytest.mark.parametrize("text", [
    "2021—2025年", "2021－2025年", "亩产5～10公斤", "2025-2021年", "编号12021-2025年",
    "发布日期:2024-03-13", "2023-2024学年",
])
def test_year_span_dash_look_alikes(text):
    assert_findings(YearSpanDash(), text, [])


# -- configuration --------------------------------------------------------------------------

def test_words_extended_and_disabled_in_the_configuration(isolated_repo, capsys):
    (isolated_repo / ".reportlint.yaml").write_text(
        "vocab:\n  words:\n    - {kind: typo, right: 统筹兼顾, wrong: [统愁兼顾]}\n"
        "    - disable: [交待]\n", encoding="utf-8")
    (isolated_repo / "a.txt").write_text("2023年报告\n统愁兼顾，交待清楚，再接再励。\n", encoding="utf-8")
    code, out, _ = run_cli(["--lang", "en", "--select", "wording", "--format", "concise", "a.txt"], capsys)
    assert code == 1
    assert "统愁兼顾 should be 统筹兼顾" in out and "再接再励" in out and "交待" not in out


@pytest.mark.parametrize("yaml, line, col, words", [
    ("vocab:\n  words: 统愁兼顾\n", 2, 10, "must be a list of entries"),
    ("vocab:\n  words:\n    - {kind: typo, right: a}\n", 3, 7, "entry lacks wrong"),
    ("vocab:\n  words:\n    - {kind: typoo, right: a, wrong: [b]}\n", 3, 14, "'kind'"),
    ("vocab:\n  words:\n    - {kind: typo, right: a, wrong: [b], guardd: [b]}\n", 3, 42,
     "unknown key 'guardd'"),
    ("vocab:\n  words:\n    - {kind: typo, right: a, wrong: [b], guard: [c]}\n", 3, 49,
     "holds none of the wrong forms"),
    ("vocab:\n  words:\n    - {kind: typo, right: a, wrong: [b], after: '(?'}\n", 3, 49,
     "not a regular expression"),
    ("vocab:\n  words:\n    - {kind: typo, right: a, wrong: [b], since: 2022}\n", 3, 49, "YYYY-MM-DD"),
    ("vocab:\n  words:\n    - {kind: typo, right: a, wrong: [a]}\n", 3, 37, "among its own"),
    ("vocab:\n  words:\n    - disable: [没有这个词]\n", 3, 16, "no right or wrong form"),
])
def test_broken_words_give_path_line_col(isolated_repo, capsys, yaml, line, col, words):
    (isolated_repo / ".reportlint.yaml").write_text(yaml, encoding="utf-8")
    (isolated_repo / "a.txt").write_text("标题\n正文。\n", encoding="utf-8")
    code, _, err = run_cli(["--lang", "en", "a.txt"], capsys)
    assert code == 2
    assert err.startswith(f"{isolated_repo / '.reportlint.yaml'}:{line}:{col}: "), err
    assert words in err


def test_the_word_list_is_read_only_when_a_wording_rule_runs(monkeypatch):
    from reportlint import check_text
    from reportlint import datacache
    from reportlint.vocab import builtin_vocab

    read = []
    real = datacache.load_yaml_data
    monkeypatch.setattr(datacache, "load_yaml_data", lambda p: read.append(p) or real(p))
    for cached in (builtin_vocab, builtin_words, builtin_word_list):
        cached.cache_clear()
    try:
        check_text("标题\n受理5件，办结3件。", select=["arithmetic", "pairs"])
        assert read and not any(p.endswith("words.yaml") for p in read)
        check_text("标题\n再接再励。", select=["confusable-word"])
        assert any(p.endswith("words.yaml") for p in read)
    finally:
        for cached in (builtin_vocab, builtin_words, builtin_word_list):
            cached.cache_clear()


# -- precision on real text --------------------------------------------------------------------

def _wording(folder):
    from reportlint.runner import Linter
    from tests.helpers import linted

    linter = Linter(use_config=False, select=["wording"])
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        r = linted(linter, path)
        out += [(os.path.basename(path), r.doc.position(f.start)[0], f.rule,
                 r.doc.text[f.start:f.end]) for f in r.findings]
    return out


def test_the_seeds_give_no_wording_finding():
    # Normalised to half-width punctuation throughout: consistent, and no listed slip.
    assert _wording(SEEDS) == []


@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="../shared/corpus is not beside this checkout")
def test_the_corpus_gives_only_its_real_slips():
    assert _wording(CORPUS) == [
        ("gwr-2002.txt", 28, "width-consistency", ","),      # 调整农业结构,必须
        ("gwr-2002.txt", 54, "width-consistency", "(处)"),   # 县(处)级
        ("gwr-2006.txt", 26, "doubled-punctuation", "，，"),  # 精神状态，，更加
    ]


@pytest.mark.skipif(not os.path.isdir(PAGES), reason="../shared/realworld is not beside this checkout")
def test_the_scraped_pages_give_only_their_real_slips():
    assert _wording(PAGES) == [
        ("gwr26-beijing.txt", 65, "width-consistency", ";"),   # 新增长点;推动
        ("gwr26-jiangxi.txt", 43, "width-consistency", ","),   # 时序节奏,推动
        ("gwr26-jiangxi.txt", 57, "width-consistency", ","),   # 新型研发机构,增强
        ("gwr26-jiangxi.txt", 79, "width-consistency", ","),   # “枫桥经验”,深
    ]


def test_wording_rules_do_not_crash_on_random_text():
    rng = random.Random(7)
    alphabet = "工作的的。，,;:()（）《》2021-~年进一步截止交待\n "
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for rule in (ConfusableWord(), VariantForm(), PhraseForm(), DoubledWord(),
                     DoubledPunctuation(), WidthConsistency(), YearSpanDash()):
            findings_of(rule, text)


def test_repeats_across_the_pieces_the_text_is_read_in(monkeypatch):
    import reportlint.rules.wording as wording

    text = "产业创业创新，工作进一步进一步的工作工作。推进推进创业"
    expected = set(repeats(text))
    attested = wording._attested(text, sorted(expected))
    assert (1, 2) in expected and (1, 2) not in attested   # 业创业创: 创业 is the word
    for piece in (1, 2, 3, 5):
        monkeypatch.setattr(wording, "_REPEAT_PIECE", piece)
        assert set(repeats(text)) == expected
        assert wording._attested(text, sorted(expected)) == attested


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="工作业创", max_size=40), st.text(alphabet="工作业创", min_size=1, max_size=4))
def test_a_string_counted_alone_as_by_the_automaton(text, s):
    """_attested counts a few strings one by one and more with an automaton: alike,
    occurrences that overlap (工作工 in 工作工作工) counted too."""
    from reportlint.rules import wording

    wanted = {s: 0}
    wording._count_all(text, wanted)
    expected = sum(text.startswith(s, k) for k in range(len(text)))
    assert wording._occurrences(text, s) == wanted[s] == expected


def test_year_spans_are_searched_for_only_where_they_can_stand(monkeypatch):
    from reportlint.rules import wording

    class Unsearched:
        def finditer(self, *args):
            raise AssertionError("searched a text that cannot hold a match")
        search = finditer

    text = "一、总体情况\n今年以来，我们坚持依法行政。。\n"
    monkeypatch.setattr(wording, "_YEAR_SPANS", [Unsearched(), Unsearched()])
    (f,) = findings_of(DoubledPunctuation(), text)
    assert text[f.start:f.end] == "。。"
    assert findings_of(YearSpanDash(), text) == []
    # Years, but no dash: no span either.
    assert findings_of(YearSpanDash(), "2021年至2025年，计划于2023年完成") == []


@pytest.mark.parametrize("dash", list(_SPAN_DASHES))
def test_a_year_span_is_found_with_each_dash(dash):
    (f,) = findings_of(YearSpanDash(), f"规划期为2021{dash}2025年。")
    assert f.fix.replacement == "—"
