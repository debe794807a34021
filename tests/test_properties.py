"""Properties over arbitrary text: the linter never raises, spans are in bounds,
and positions agree with counting lines and code points by hand."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint import check_text
from reportlint.document import Document

MARKS = list("“”‘’《》〈〉()（）[]【】「」『』\"'")
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]
FULL_WIDTH = list("，。：；！？、ＡＢ１２\u3000")
CJK = list("法治政府建设年度报告推进依法行政一二三十")
PIECES = [
    "一、", "(一)", "（二）", "1.", "2、", "(1)", "## ", "- ", "1.5亿元",
    "”枫桥式“", "“枫桥式”", "（秘密)", "《纲要(2021—2025年》", "𠮷", ":)", "1)",
    "我们坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政工作。",
    "甲" * 25,
]

biased_text = st.lists(
    st.one_of(
        st.sampled_from(MARKS),
        st.sampled_from(BREAKS),
        st.sampled_from(FULL_WIDTH),
        st.sampled_from(CJK),
        st.sampled_from(PIECES),
        st.text(max_size=3),
    ),
    max_size=60,
).map("".join)

any_text = st.one_of(st.text(), biased_text)
paths = st.sampled_from(["<text>", "a.txt", "a.md"])


def hand_position(text: str, offset: int) -> tuple:
    """(line, column), 1-based: line breaks before ``offset`` (CRLF is one), then
    code points since the last of them."""
    line, line_start, i = 1, 0, 0
    while i < offset:
        if text[i] == "\r" and text[i + 1:i + 2] == "\n":
            width = 2
        elif text[i] in "\r\n":
            width = 1
        else:
            i += 1
            continue
        if i + width > offset:
            break  # the offset is the \n of a CRLF
        i += width
        line, line_start = line + 1, i
    return line, offset - line_start + 1


def inside_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def test_hand_position_itself():
    assert hand_position("ab\r\ncd", 4) == (2, 1)
    assert hand_position("ab\r\ncd", 5) == (2, 2)
    assert hand_position("a\rb\nc", 4) == (3, 1)
    assert hand_position("\n\n", 2) == (3, 1)
    assert hand_position("𠮷x", 1) == (1, 2)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, path=paths)
def test_check_text_never_raises_and_spans_are_valid(text, path):
    findings = check_text(text, path=path)
    doc = Document(text, path=path)
    n = len(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= n, f
        assert f.severity in ("info", "warning", "error")
        assert f.zh and f.en
        # a finding never starts between the \r and \n of a line break
        assert not inside_crlf(text, f.start), f
        assert doc.position(f.start) == hand_position(text, f.start)
        for r in f.related:
            assert 0 <= r.start <= r.end <= n
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= n


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_positions_match_counting_by_hand(text):
    doc = Document(text)
    for offset in range(len(text) + 1):
        if inside_crlf(text, offset):
            continue
        pos = doc.position(offset)
        assert pos == hand_position(text, offset), offset
        assert doc.offset(*pos) == offset


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_folded_is_a_length_preserving_translation(text):
    doc = Document(text)
    assert len(doc.folded) == len(text)
    for a, b in zip(text, doc.folded):
        assert a == b or (0xFF01 <= ord(a) <= 0xFF5E and ord(b) == ord(a) - 0xFEE0) \
            or (a == "\u3000" and b == " ")


@settings(max_examples=200, deadline=None)
@given(text=any_text, path=paths)
def test_structure_spans_are_in_bounds_and_ordered(text, path):
    doc = Document(text, path=path)
    n = len(text)
    last_end = 0
    for p in doc.paragraphs:
        assert last_end <= p.start < p.end <= n
        assert p.first_line <= p.last_line
        assert doc.position(p.start)[0] == p.first_line
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        last_end = p.end
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
    for h in doc.headings:
        assert 0 <= h.marker.start <= h.marker.end <= h.start <= h.end <= n
        assert doc.position(h.marker.start)[0] == h.line
