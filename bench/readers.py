"""Throughput of the readers of the published formats: MB/s of source file and of the
text it gives (and pages/s for PDF; a .docx is compressed, its text is the measure), on the fixtures of tests/data/formats/ repeated to a size worth timing.

    python bench/readers.py            # prints a Markdown table for the README
"""
from __future__ import annotations

import io
import os
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "data", "formats")


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def html_page(copies: int) -> bytes:
    with open(os.path.join(DATA, "pujiang-2023.html"), encoding="utf-8") as f:
        page = f.read()
    head, _, rest = page.partition('<div class="article">')
    article, _, tail = rest.partition('<div class="footer">')
    return (head + '<div class="article">' + article * copies + '<div class="footer">' + tail
            ).encode("utf-8")


def docx_file(copies: int) -> bytes:
    import re
    import zipfile

    with open(os.path.join(DATA, "pujiang-2023.docx"), "rb") as f:
        source = zipfile.ZipFile(io.BytesIO(f.read()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                body = re.search(r"<w:body>(.*)(<w:sectPr>.*</w:sectPr>)</w:body>", text, re.S)
                text = text.replace(body.group(0),
                                    f"<w:body>{body.group(1) * copies}{body.group(2)}</w:body>")
                data = text.encode("utf-8")
            z.writestr(info, data)
    return out.getvalue()


def pdf_file(copies: int) -> bytes:
    import pypdfium2 as pdfium

    with open(os.path.join(DATA, "tables.pdf"), "rb") as f:
        src = pdfium.PdfDocument(f.read())
    big = pdfium.PdfDocument.new()
    big.import_pages(src, list(range(len(src))) * copies)
    out = io.BytesIO()
    big.save(out)
    return out.getvalue()


def main() -> None:
    from reportlint.readers import read

    rows = []
    for fmt, raw, pages in (("html", html_page(100), None), ("docx", docx_file(100), None),
                            ("pdf", pdf_file(100), 200)):
        seconds = best(lambda: read(fmt, raw, None, 1 << 30))
        text = len(read(fmt, raw, None, 1 << 30).text.encode("utf-8"))
        rate = f"{len(raw) / seconds / 1e6:.1f} MB/s of file, {text / seconds / 1e6:.1f} MB/s of text"
        if pages:
            rate += f", {pages / seconds:.0f} pages/s"
        rows.append(f"| .{fmt} | {len(raw) / 1e6:.2f} MB ({text / 1e6:.2f} MB of text) | "
                    f"{seconds * 1000:.0f} ms | {rate} |")
    print("| reader | source file | time | throughput |\n|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
