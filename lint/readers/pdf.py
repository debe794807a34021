"""PDF files, with the optional extra ``reportlint[pdf]`` (pypdfium2, Apache/BSD).

The text of each page in pdfium's reading order, one line per line of the page; page
headers and footers (page numbers such as — 3 —) stay as lines of their own, for
``web-residue``.  Kangxi radicals and CJK compatibility ideographs, which PDF fonts
map many common characters to (⼀ for 一, ⺠ for 民), are mapped back.  A table comes
out one row per line, cells apart: ``plain_tables`` reads it.
"""
from __future__ import annotations

import unicodedata

from ..messages import msg
from ..tables import plain_tables
from .base import ReadError, Reading, TextBuilder

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

INSTALL = "pip install 'reportlint[pdf]'"
# The blocks whose characters NFKC maps to the ordinary ideograph.
_RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))
# Radicals of the supplement that NFKC leaves alone but fonts use for common characters.
_SUPPLEMENT = dict(zip("⺠⻓⻔⻅⻆⻋⻘⻝⻢⻜⻛⻚⻉⻄⻩⻬⻰⻤⺟⺁⺇⺮⻁⻐⻈⻦",
                       "民长门见角车青食马飞风页贝西黄齐龙鬼母厂几竹虎钅讠鸟"))
_IDEOGRAPHS: Optional[dict] = None


def ideograph_table() -> dict:
    """Radical or compatibility ideograph -> the ideograph, where NFKC gives one."""
    global _IDEOGRAPHS
    if _IDEOGRAPHS is None:
        table = {}
        for low, high in _RADICAL_BLOCKS:
            for code in range(low, high + 1):
                mapped = unicodedata.normalize("NFKC", chr(code))
                if len(mapped) == 1 and mapped != chr(code):
                    table[code] = mapped
        table.update((ord(k), v) for k, v in _SUPPLEMENT.items())
        _IDEOGRAPHS = table
    return _IDEOGRAPHS


def read(raw: bytes, max_bytes: int) -> Reading:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise ReadError(msg("reading .pdf files needs the pdf extra: {command}",
                            command=INSTALL)) from None
    if not raw.lstrip()[:5] == b"%PDF-":
        raise ReadError(msg("not a PDF file (it does not start with %PDF-)"))
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ReadError(msg("an encrypted PDF: save it without a password to lint it")) \
                from None
        raise ReadError(msg("damaged PDF: {reason}", reason=str(e))) from None
    table = ideograph_table()
    out = TextBuilder()
    lines_text: list = []     # (start offset, text) of each line, for the tables
    # The extracted text may not grow past what the text path would read from a file.
    budget = max_bytes
    try:
        for page_number in range(1, len(pdf) + 1):
            page = pdf[page_number - 1]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            line_number = 0
            for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                line = line.replace("\x00", "").replace("\ufffe", "").translate(table).strip()
                if not line:
                    continue
                line_number += 1
                where = (page_number, line_number)
                out.newline("page", where)
                lines_text.append((out.pos, line))
                out.emit(line, "page", where)
                budget -= len(line)
            if budget < 0:
                raise ReadError(msg("the PDF's text is larger than the {limit} MiB limit "
                                    "(--max-file-size)", limit=f"{max_bytes / 1048576:.0f}"))
    except pdfium.PdfiumError as e:
        raise ReadError(msg("damaged PDF: {reason}", reason=str(e))) from None
    finally:
        pdf.close()
    return out.result("pdf", "", plain_tables(lines_text, "pdf"))
