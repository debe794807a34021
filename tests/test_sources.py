"""Reading files: encodings, and clear errors for anything that is not text."""
import codecs

import pytest

from reportlint.sources import SourceError, decode, load

TEXT = "法治政府建设年度报告\n“枫桥式”司法所。\n"


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_utf8(tmp_path):
    src = load(write(tmp_path, "a.txt", TEXT.encode("utf-8")))
    assert src.text == TEXT
    assert src.encoding == "utf-8"
    assert src.raw == TEXT.encode("utf-8")


def test_utf8_with_bom_drops_the_bom(tmp_path):
    src = load(write(tmp_path, "a.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")))
    assert src.text == TEXT
    assert not src.text.startswith("\ufeff")
    assert src.encoding == "utf-8-sig"


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_utf16_with_bom(tmp_path, bom, codec):
    src = load(write(tmp_path, "a.txt", bom + TEXT.encode(codec)))
    assert src.text == TEXT
    assert src.encoding == "utf-16"


def test_gbk_bytes_decode_as_gb18030(tmp_path):
    raw = "法治政府建设".encode("gbk")
    src = load(write(tmp_path, "a.txt", raw))
    assert src.text == "法治政府建设"
    assert src.encoding == "gb18030"


def test_gb18030_only_characters(tmp_path):
    # 𠮷 exists in GB18030 (four bytes) but not in GBK
    text = "𠮷野家“枫桥式”。"
    src = load(write(tmp_path, "a.txt", text.encode("gb18030")))
    assert src.text == text
    assert src.encoding == "gb18030"


def test_explicit_encoding_overrides_detection(tmp_path):
    raw = "法治".encode("big5")
    path = write(tmp_path, "a.txt", raw)
    assert load(path, encoding="big5").text == "法治"
    assert load(path, encoding="big5").encoding == "big5"
    # detection alone would not read it as Big5
    assert load(path).text != "法治"


def test_explicit_encoding_that_does_not_fit(tmp_path):
    path = write(tmp_path, "a.txt", "法治".encode("utf-8"))
    with pytest.raises(SourceError, match="cannot decode as ascii at byte 0"):
        load(path, encoding="ascii")


def test_unknown_encoding(tmp_path):
    path = write(tmp_path, "a.txt", b"abc")
    with pytest.raises(SourceError, match="unknown encoding: no-such-codec"):
        load(path, encoding="no-such-codec")


def test_bytes_neither_utf8_nor_gb18030():
    with pytest.raises(SourceError, match="not UTF-8 .byte 3. nor GB18030"):
        decode(b"abc\xff\xff\xff")


def test_binary_png_header(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    with pytest.raises(SourceError, match="binary"):
        load(write(tmp_path, "image.txt", png))


def test_binary_control_characters(tmp_path):
    with pytest.raises(SourceError, match="binary"):
        load(write(tmp_path, "a.txt", bytes(range(1, 9)) * 4 + b"text"))


def test_a_few_control_characters_are_tolerated(tmp_path):
    src = load(write(tmp_path, "a.txt", "甲\x0c乙\t丙\r\n".encode()))
    assert src.text == "甲\x0c乙\t丙\r\n"


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode()])
def test_empty_or_blank(tmp_path, raw):
    with pytest.raises(SourceError, match="empty"):
        load(write(tmp_path, "a.txt", raw))


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        load(str(tmp_path / "nope.txt"))


def test_directory(tmp_path):
    with pytest.raises(SourceError, match="directory"):
        load(str(tmp_path))


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path, "a.txt", "甲".encode() * 100)   # 300 bytes
    with pytest.raises(SourceError, match="too large"):
        load(path, max_bytes=299)
    assert load(path, max_bytes=300).text == "甲" * 100


def test_given_bytes_are_decoded_without_reading(tmp_path):
    src = load("-", raw=codecs.BOM_UTF8 + "标准输入".encode())
    assert (src.path, src.text, src.encoding) == ("-", "标准输入", "utf-8-sig")
    with pytest.raises(SourceError, match="too large"):
        load("-", raw=b"x" * 11, max_bytes=10)


def test_source_error_is_not_a_unicode_error():
    # callers catch SourceError only: no codec exception may leak out
    for raw, enc in [(b"\xff\xfe\x00", None), (b"\xef\xbb\xbf\xff", None),
                     (b"\x80abc", "utf-8"), (b"abc", "bogus")]:
        with pytest.raises(SourceError):
            load("-", raw=raw, encoding=enc)
