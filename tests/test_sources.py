"""Reading files: encodings, and clear errors for anything that is not text."""
import codecs
import os

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


# Traditional characters, as a Taiwan or Hong Kong report writes them.
TRADITIONAL = ("關於依法行政工作的情況說明\n本府依據行政程序法第一百五十四條規定，預告修正"
               "「臺北市都市更新自治條例」部分條文，以改善居住環境，增進公共利益。\n")


@pytest.mark.parametrize("text", [TRADITIONAL, TRADITIONAL[:14], "法治"],
                         ids=["report", "title", "two-characters"])
def test_big5_is_recognised(tmp_path, text):
    # read as GB18030, Big5 gives kana, bopomofo and private-use characters
    src = load(write(tmp_path, "a.txt", text.encode("big5")))
    assert (src.text, src.encoding) == (text, "big5")


def test_big5_as_windows_writes_it(tmp_path):
    text = TRADITIONAL + "費用：100€。\n"     # € is in cp950, not in Big5
    src = load(write(tmp_path, "a.txt", text.encode("cp950")))
    assert (src.text, src.encoding) == (text, "cp950")


@pytest.mark.parametrize("text", [TEXT, "第一，统一最重要。2023年完成12项。\n", TRADITIONAL],
                         ids=["simplified", "with-digits", "traditional"])
def test_gb18030_stays_gb18030(tmp_path, text):
    # traditional characters in GB18030 (GBK has them) are not mistaken for Big5
    src = load(write(tmp_path, "a.txt", text.encode("gb18030")))
    assert (src.text, src.encoding) == (text, "gb18030")


def test_an_encoding_that_fits_neither_is_named_not_guessed(tmp_path):
    path = write(tmp_path, "a.txt", "日本語のテキストです。カタカナもあります。".encode("euc_jp"))
    with pytest.raises(SourceError, match=r"cannot tell the encoding.*--encoding \(gb18030, big5"):
        load(path)


# 一 (U+4E00) puts a NUL at the other offset than ASCII does.
UTF16_TEXT = TEXT + "第一，统一最重要。2023年完成12项。\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, codec):
    src = load(write(tmp_path, "a.txt", UTF16_TEXT.encode(codec)))
    assert (src.text, src.encoding) == (UTF16_TEXT, codec)


@pytest.mark.parametrize("text", ["一一一\n", "abc\n", "统一"])
def test_utf16_without_bom_mostly_one_kind_of_nul(tmp_path, text):
    src = load(write(tmp_path, "a.txt", text.encode("utf-16-le")))
    assert (src.text, src.encoding) == (text, "utf-16-le")


def test_utf16_without_bom_that_does_not_decode_names_the_encoding(tmp_path):
    raw = "法治\n".encode("utf-16-le") * 10 + "\ue001\uf001\n".encode("utf-16-le") * 20
    with pytest.raises(SourceError, match="UTF-16 without a byte-order mark.*--encoding "
                                          "utf-16-le"):
        load(write(tmp_path, "a.txt", raw))


def test_explicit_encoding_overrides_detection(tmp_path):
    raw = "法治".encode("big5")
    path = write(tmp_path, "a.txt", raw)
    assert load(path, encoding="big5").text == "法治"
    assert load(path, encoding="big5").encoding == "big5"
    # detection reads it as Big5; the option forces another reading
    assert load(path).text == "法治"
    assert load(path, encoding="gb18030").text == raw.decode("gb18030") != "法治"


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
    with pytest.raises(SourceError, match=r"^binary file \(NUL bytes\), not text$"):
        load(write(tmp_path, "image.txt", png))


def test_binary_control_characters(tmp_path):
    with pytest.raises(SourceError, match="binary"):
        load(write(tmp_path, "a.txt", bytes(range(1, 9)) * 4 + b"text"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
@pytest.mark.parametrize("size", [200, 9000])   # counted in the bytes, and in the characters
def test_control_characters_are_counted_as_characters_whatever_the_encoding(tmp_path, encoding,
                                                                            size):
    # One in a hundred of the first 8,192 characters may be a control one (at least
    # eight): at the limit the text passes, one more and it is binary; multi-byte
    # characters (3 bytes in UTF-8) must not count as more.
    body = "法治" * (size // 2)
    allowed = max(8, min(len(body), 8192) // 100)
    at_limit = "\x01" * allowed + body[allowed:]
    assert load(write(tmp_path, "a.txt", at_limit.encode(encoding))).text == at_limit
    past = "\x01" * (allowed + 1) + body[allowed + 1:]
    with pytest.raises(SourceError, match="control characters"):
        load(write(tmp_path, "b.txt", past.encode(encoding)))


def test_a_few_control_characters_are_tolerated(tmp_path):
    src = load(write(tmp_path, "a.txt", "甲\x0c乙\t丙\r\n".encode()))
    assert src.text == "甲\x0c乙\t丙\r\n"


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode()])
def test_empty_or_blank_is_text(tmp_path, raw):
    # an empty file is linted, and clean: a new placeholder must not fail a commit
    assert load(write(tmp_path, "a.txt", raw)).text == raw.decode()


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


def test_the_state_a_fix_checks_is_kept_only_for_writing(tmp_path):
    # linting alone does not resolve the real path, a look at every folder on the way
    path = write(tmp_path, "a.txt", TEXT.encode("utf-8"))
    assert load(path, for_writing=False).state is None
    state = load(path).state
    assert state is not None and state.real == os.path.realpath(path)


def test_a_big_input_is_decoded_in_pieces_as_at_once(monkeypatch):
    import reportlint.sources as sources

    monkeypatch.setattr(sources, "_DECODE_PIECE", 5)   # characters cut between pieces
    for codec in ("utf-8", "gb18030", "utf-16"):
        raw = (TEXT * 3).encode(codec)
        assert decode(raw, codec) == (TEXT * 3, codec)
    assert decode(codecs.BOM_UTF8 + TEXT.encode()) == (TEXT, "utf-8-sig")
    bad = TEXT.encode() + b"\xff" + TEXT.encode()
    with pytest.raises(SourceError) as e:
        decode(bad, "utf-8")
    assert e.value.text("en") == f"cannot decode as utf-8 at byte {len(TEXT.encode())}"
