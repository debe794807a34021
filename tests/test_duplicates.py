"""duplicate-block: repeated paragraphs, runs of paragraphs, sentences inside a paragraph."""
from hypothesis import example, given, settings, strategies as st

from tests.helpers import findings

P1 = "严格落实重大行政决策程序,全年对12项重大行政决策事项开展合法性审查,确保决策科学民主依法。"
P2 = "深化行政执法体制改革,推进“大综合一体化”行政执法改革,全面推行行政执法三项制度。"
P3 = "加强行政复议工作,全年收到行政复议申请17件,受理11件,已办结8件,3件正在办理中。"


def test_a_repeated_run_with_its_heading_is_one_finding():
    text = "\n".join(["标题", "一、依法决策", P1, P2, "二、执法", P3,
                      "一、依法决策", P1, P2, "二、执法", P3]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert f.start == text.index("一、依法决策", 5)  # the copy starts with its heading
    assert f.end == text.rindex(P3) + len(P3)
    (rel,) = f.related
    assert (rel.start, rel.end) == (text.index("一、依法决策"), text.index(P3) + len(P3))
    assert "第2—6行" in f.zh and "lines 2-6" in f.en


def test_a_single_repeated_paragraph_names_its_line():
    text = "\n".join([P1, P2, P3, P1]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.rindex(P1), text.rindex(P1) + len(P1))
    assert "第1行" in f.zh


def test_full_width_and_spacing_differences_still_match():
    copy = P1.replace(",", ",").replace("12", "１２").replace("决策", "决 策", 1)
    text = "\n".join([P1, P2, copy]) + "\n"
    assert len(findings(text, "duplicate-block")) == 1


def test_two_separate_copies_are_two_findings():
    text = "\n".join([P1, P2, P3, P1, "本段是新内容,不与任何一段相同,用来把两处重复分开。", P3]) + "\n"
    got = findings(text, "duplicate-block")
    assert [text[f.start:f.end] for f in got] == [P1, P3]


def test_sentence_repeated_inside_a_paragraph():
    s = "全年共开展法治督察13次,督促落实整改问题20个。"
    text = "一、督察\n" + s + "同时加强培训。" + s + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.rindex(s), text.rindex(s) + len(s))
    assert f.related[0].start == text.index(s)


def test_sentence_repeated_on_the_next_line_of_one_markdown_paragraph():
    # Lines 3 and 4 are one Markdown paragraph: the same paragraph, though not the same line.
    s = "全年共开展法治督察13次,督促落实整改问题20个。"
    text = "# 关于依法行政工作的报告\n\n" + s + "同时加强培训。\n" + s + "\n"
    (f,) = findings(text, "duplicate-block", path="r.md")
    assert (f.start, f.end) == (text.rindex(s), text.rindex(s) + len(s))
    assert f.zh == "重复的句子：与同一段第3行第1列的文字相同"
    assert f.en == "repeated sentence: the same as at 3:1 in the same paragraph"


def test_short_lines_never_count_on_their_own():
    # Headings, labels and dates recur in real reports: a table of contents, 信息来源:.
    text = "\n".join(["一、指导思想", "二、工作目标", "信息来源:", P1, "一、指导思想", P2,
                      "二、工作目标", P3, "信息来源:", "2023年12月27日", "2023年12月27日"]) + "\n"
    assert findings(text, "duplicate-block") == []


def test_short_sentences_repeated_in_a_paragraph_are_fine():
    text = "坚持依法行政。推进改革。坚持依法行政。\n"
    assert findings(text, "duplicate-block") == []


def test_threshold_is_an_option(tmp_path):
    from reportlint.cli import main
    short = "推进依法行政,建设法治政府。"   # 14 characters: below the default threshold
    f = tmp_path / "r.txt"
    f.write_text(short + "\n" + P1 + "\n" + short + "\n", encoding="utf-8")
    assert main(["--no-config", "--select", "duplicate-block", str(f)]) == 0
    cfg = tmp_path / ".reportlint.yaml"
    cfg.write_text("rules:\n  duplicate-block:\n    min-chars: 10\n", encoding="utf-8")
    assert main(["--config", str(cfg), "--select", "duplicate-block", str(f)]) == 1


def test_similar_but_different_paragraphs_are_silent():
    a = "2023年,全区共受理行政复议案件17件,审结15件,纠错率为13.3%。"
    b = "2022年,全区共受理行政复议案件15件,审结14件,纠错率为7.1%。"
    assert findings(a + "\n" + b + "\n", "duplicate-block") == []


def test_sentences_repeated_at_the_start_of_the_next_paragraph():
    s1 = "四是加强风险管理,提高金融监管有效性。"
    s2 = "探索建立宏观审慎管理制度,防范各类金融风险。"
    text = "三是积极扩大直接融资,更好地满足多样化投融资需求。" + s1 + s2 + "\n" + s1 + s2 + "\n"
    (f,) = findings(text, "duplicate-block")
    copy = text.index(s1, text.index("\n"))
    assert (f.start, f.end) == (copy, copy + len(s1 + s2))
    assert (f.related[0].start, f.related[0].end) == (text.index(s1), text.index(s1) + len(s1 + s2))
    assert "上一段" in f.zh


def test_a_sentence_repeated_two_paragraphs_later_is_a_formula_not_a_paste():
    s = "坚持以习近平新时代中国特色社会主义思想为指导。"
    text = "一、总体要求\n" + s + "推进依法行政。\n二、主要任务\n" + s + "深化改革。\n"
    assert findings(text, "duplicate-block") == []


def test_corpus_has_one_duplicate_the_scraped_repeat_in_gwr_2010():
    """Proofread texts: the only repeat is a scraping error, line 84 of gwr-2010
    repeating the last three sentences of line 83 (四是加强风险管理… to the end)."""
    import glob
    import os
    corpus = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
    files = sorted(glob.glob(os.path.join(corpus, "*.txt")))
    if not files:
        import pytest
        pytest.skip("the shared corpus is not beside this checkout")
    got = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        got += [(os.path.basename(path), text[f.start:f.end], text[f.related[0].start:f.related[0].end])
                for f in findings(text, "duplicate-block")]
    assert len(got) == 1
    name, copy, original = got[0]
    assert name == "gwr-2010.txt"
    line84 = text_of(corpus, name).split("\n")[83]
    assert copy == line84 and original == line84
    assert copy.startswith("四是加强风险管理")


def text_of(folder, name):
    import os
    with open(os.path.join(folder, name), encoding="utf-8") as fh:
        return fh.read()


def test_non_breaking_spaces_from_web_pages_do_not_hide_a_copy():
    copy = P1.replace("决策程序", "决策\xa0程序").replace("全年", "全年\u2002")
    text = "\n".join([P1, P2, copy]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert text[f.start:f.end] == copy


# -- page numbers (a PDF's text) -------------------------------------------------------------

def test_a_copy_that_breaks_across_pages_elsewhere_is_one_finding():
    # The page numbers fall inside P2 in the original and inside P3 in the copy.
    cut2, cut3 = P2.index("推进"), P3.index("受理")
    original = ["一、依法决策", P1, P2[:cut2], "— 1 —", P2[cut2:], P3]
    copy = ["一、依法决策", P1, P2, P3[:cut3], "- 2 -", P3[cut3:]]
    text = "\n".join(["标题"] + original + ["二、工作安排", "全年计划开展专项督查三次。"] + copy) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.index("一、依法决策", 5), len(text) - 1)
    (rel,) = f.related
    assert (rel.start, rel.end) == (text.index("一、依法决策"), text.index(P3) + len(P3))
    assert "4段" in f.zh and "第2—7行" in f.zh
    # the page numbers themselves are still page chrome
    assert [text[g.start:g.end] for g in findings(text, "web-residue")] == ["— 1 —", "- 2 -"]


def test_a_short_copy_across_a_page_number_is_silent():
    text = "\n".join(["全年办结信访事项", "— 1 —", "30件,办结率100%。", P1,
                      "全年办结信访事项30件,办结率100%。"]) + "\n"
    assert findings(text, "duplicate-block") == []


def test_a_heading_before_a_page_number_is_not_glued_to_the_paragraph():
    # The copy of P3 has its heading right above it, the original a page number between:
    # the heading stays a paragraph of its own, and the run covers it in both.
    text = "\n".join([P1, "二、执法", "第2页", P3, P2, "二、执法", P3]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.rindex("二、执法"), len(text) - 1)
    (rel,) = f.related
    assert (rel.start, rel.end) == (text.index("二、执法"), text.index(P3) + len(P3))


# The pieces sentences are made of, with every end and closing mark the sentence pattern
# knows, white space, and words short enough to repeat.
_PIECES = ["甲乙丙丁", "戊己", "庚", "。", "。", "!", "?", "…", "”", ")", " ", "\u3000", "”。"]


@settings(max_examples=300, deadline=None)
@example(["戊己。甲。”戊己。"], 3)    # a sentence after closing marks
@example(["。。。", "。。。"], 3)     # sentences of ends alone
@example(["戊己!庚。戊己!"], 3)     # other ends
@example(["戊 己。", "戊己。"], 3)   # white space
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), min_size=1,
                max_size=5),
       st.sampled_from([1, 3, 15]))
def test_paragraphs_told_clear_hold_no_two_equal_sentences_that_count(paragraphs, min_chars):
    """duplicate-block tells most chunks of paragraphs to repeat no sentence by splitting
    their keys at each end, without the sentence pattern: it must never call clear
    paragraphs that hold two equal sentences that count."""
    from reportlint.document import Document
    from reportlint.rules.duplicates import _clear

    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    doc = Document("\n".join(paragraphs) + "\n", path="x.txt")
    keys = ["".join(s.split()) for p in doc.paragraphs for s in doc.sentence_texts(p)]
    counted = [k for k in keys if len(k) >= min_chars]
    if len(set(counted)) < len(counted):
        assert not _clear(["".join(doc.folded[p.start:p.end].split()) for p in doc.paragraphs],
                          min_chars)


def test_a_sentence_repeated_across_a_chunk_of_paragraphs_is_found():
    s = "全年共开展法治督察13次,督促落实整改问题20个。"
    paragraphs = [f"第{i}段的内容各不相同,只为凑足段落的数量。" for i in range(40)]
    # Every place: each side of the 32nd paragraph, where a chunk ends, and each side of
    # every group inside a chunk.
    for first in range(40):
        text = "\n".join(paragraphs[:first] + [P1 + s, s + P2] + paragraphs[first:]) + "\n"
        (f,) = findings(text, "duplicate-block")
        assert text[f.start:f.end] == s and f.start == text.index(s + P2)



def test_a_text_too_short_to_hold_two_copies_is_not_scanned(monkeypatch):
    from reportlint.rules import duplicates

    # Exactly two sentences that count (15 characters each) still make a finding.
    s = "全面推进依法行政加快建设法治政府"[:14] + "。"
    (f,) = findings(s + s, "duplicate-block")
    assert (f.start, f.end) == (15, 30)

    def scanned(doc):
        raise AssertionError("the page chrome of a short text was asked for")
    monkeypatch.setattr(duplicates, "page_chrome", scanned)
    assert findings((s + s)[1:], "duplicate-block") == []
    assert findings("一、总体情况\n今年以来，我们坚持依法行政。\n", "duplicate-block") == []


def test_a_paragraph_that_ends_its_sentence_before_a_page_number_stays_its_own():
    # P1 ends with 。 before the page number: P2 after it starts a paragraph of its own,
    # so a copy of P2 alone is a copy of one paragraph, not of a part of P1 + P2.
    text = "\n".join(["标题", P1, "— 1 —", P2, "二、工作安排", "全年计划开展专项督查三次。", P2]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.rindex(P2), text.rindex(P2) + len(P2))
    (rel,) = f.related
    assert (rel.start, rel.end) == (text.index(P2), text.index(P2) + len(P2))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["全年", "办结", "。", " ", "\u3000", "\t", "\xa0", "\n",
                                          "\n\n", "\r\n", "| 甲 | 乙 |", "# 标题", "- 一项"]),
                         max_size=12).map("".join), min_size=1, max_size=40),
       st.sampled_from(["x.txt", "x.md"]))
def test_keys_made_a_chunk_at_a_time_are_each_paragraphs_key(lines, path):
    """duplicate-block keys the paragraphs from their chunk's text split at white space
    (only white space stands between two paragraphs): the keys must be each paragraph's
    own, however white space falls in and between them."""
    from operator import sub

    from reportlint.document import Document
    from reportlint.rules.duplicates import _fingerprints, _key

    doc = Document("\n".join(lines), path=path)
    text, paragraphs = doc.folded, doc.paragraphs
    starts, ends = [p.start for p in paragraphs], [p.end for p in paragraphs]
    hashes, lengths, _ = _fingerprints(text, starts, ends, [n >= 3 for n in map(sub, ends, starts)], 3)
    keys = [_key(text[p.start:p.end]) for p in paragraphs]
    assert (hashes, lengths) == (list(map(hash, keys)), list(map(len, keys)))
    # what the keys rest on: only white space stands between two paragraphs
    assert not any(text[end:start].split() for end, start in zip(ends, starts[1:]))


def test_two_runs_longer_than_a_piece_are_compared_to_their_last_character():
    from reportlint.rules.duplicates import _COMPARED, _same_text

    run = "全面推进依法行政。" * (_COMPARED // 4)        # over two pieces long
    text = run + "\n" + run + "\n" + run[:-1] + "！"      # the third differs at its end only
    n = len(run)
    assert _same_text(text, 0, n + 1, n)
    assert not _same_text(text, 0, 2 * (n + 1), n)
    assert not _same_text(text, 1, n + 1, n)               # shifted by one


def test_a_copy_whose_middle_paragraph_differs_only_in_white_space_is_one_copy():
    # the run's texts differ (a space), so its paragraphs are compared one by one: still one
    # copy of three paragraphs, keys being the text without white space
    copy = "\n".join([P1, P2.replace("行政执法", "行政 执法", 1), P3])
    text = "\n".join(["标题", P1, P2, P3, "二、工作安排", copy]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.index(copy), text.index(copy) + len(copy))
    (rel,) = f.related
    assert text[rel.start:rel.end] == "\n".join([P1, P2, P3])


def test_a_copy_laid_out_otherwise_is_still_one_copy():
    # blank lines between the copy's paragraphs, none between the original's: the layout
    # differs, so the run is confirmed paragraph by paragraph
    copy = "\n\n".join([P1, P2, P3])
    text = "\n".join(["标题", P1, P2, P3, "二、工作安排", copy]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.index(copy), text.index(copy) + len(copy))


def test_equal_hashes_of_different_keys_are_no_copy():
    from reportlint.rules.duplicates import DuplicateBlock

    blocks = DuplicateBlock()._blocks([None] * 4, [1, 2, 1, 2], [40] * 4,
                                      lambda i, j: False, lambda i, j, n: 0, 30)
    assert list(blocks) == []


# -- how far a copy's keys agree with its original's ----------------------------------------

def test_agreeing_keys_counts_the_keys_two_runs_share_from_their_first_up_to_the_limit():
    """_agreeing_keys(keys, i, j, limit): how many of keys[i:] and keys[j:] agree from the
    first on, ``limit`` at most (the caller's limit keeps both runs inside keys and apart)."""
    from reportlint.rules.duplicates import _agreeing_keys

    abc = list("abcabc")
    assert _agreeing_keys(abc, 3, 0, 0) == 0              # limit 0: nothing compared
    assert _agreeing_keys(abc, 3, 0, 3) == 3              # agreement up to the limit
    assert _agreeing_keys(abc, 3, 0, 2) == 2              # and no further, though they agree
    assert _agreeing_keys(list("abcxbc"), 3, 0, 3) == 0   # a disagreement at the first place
    assert _agreeing_keys(list("abcaxc"), 3, 0, 3) == 1   # in the middle
    assert _agreeing_keys(list("abcabx"), 3, 0, 3) == 2   # at the last place
    assert _agreeing_keys(list("aa"), 1, 0, 1) == 1       # runs side by side, one key each
    # 37 of 40 agree: steps of 1, 2, 4, 8 and 16 agree (31); the next, 32 cut to the 9
    # left, differs; then 4 agrees (35), 4 differs, 2 agrees (37), 2 and 1 differ.
    keys = list(range(40)) + list(range(37)) + [-1, -2, -3]
    assert _agreeing_keys(keys, 40, 0, 40) == 37


def test_agreeing_keys_stops_at_a_disagreement_anywhere_within_any_limit():
    """A copy of 12 keys that differs at one place (or none) agrees up to that place or
    up to the limit, whichever comes first."""
    from reportlint.rules.duplicates import _agreeing_keys

    base = [f"k{n}" for n in range(12)]
    for place in range(len(base) + 1):    # (12: no disagreement)
        copy = base[:place] + ["other"] + base[place + 1:] if place < len(base) else base
        for limit in range(len(base) + 1):
            assert _agreeing_keys(base + copy, len(base), 0, limit) \
                == min(place, limit), (place, limit)


# -- the one-chunk gate: a chunk that repeats no sentence repeats no paragraph -------------

def test_a_text_of_one_chunk_repeating_no_sentence_is_not_hashed(monkeypatch):
    from reportlint.rules import duplicates

    def hashed(*args):
        raise AssertionError("a text that repeats no sentence was hashed")
    monkeypatch.setattr(duplicates, "_fingerprints", hashed)
    assert findings("\n".join(["标题", P1, P2, P3]) + "\n", "duplicate-block") == []


def test_a_copy_in_one_chunk_is_still_found_past_the_gate():
    text = "\n".join(["标题", P1, P2, "二、执法", P1]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.rindex(P1), text.rindex(P1) + len(P1))


def test_a_copy_joined_across_a_page_number_is_found_though_no_sentence_repeats():
    # The original's sentence goes on after the page number: its two halves and the copy
    # are three different sentences, yet the joined original is the copy.
    cut = P1.index("全年")
    text = "\n".join(["标题", P1[:cut], "— 1 —", P1[cut:], P2, P1]) + "\n"
    (f,) = findings(text, "duplicate-block")
    assert (f.start, f.end) == (text.rindex(P1), text.rindex(P1) + len(P1))
    (rel,) = f.related
    assert (rel.start, rel.end) == (text.index(P1[:cut]), text.index(P1[cut:]) + len(P1) - cut)


def test_a_copy_too_short_to_be_read_for_sentences_is_found_with_a_lower_min_chars():
    from reportlint.document import Document
    from reportlint.rules.duplicates import DuplicateBlock

    short = "推进依法行政,建设法治政府。"   # 14 characters: not read for sentences of 15
    doc = Document("\n".join([short, P1, short]) + "\n", path="x.txt")
    (f,) = DuplicateBlock().check(doc, {"min-chars": 10, "min-sentence-chars": 15})
    assert (f.start, f.end) == (doc.text.rindex(short), doc.text.rindex(short) + len(short))
