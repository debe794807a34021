"""Readers for the published formats: a file's bytes to the linear text the rules read,
a source map (text offset → where it is in the file) and its tables.

The extension picks the reader; .txt, .md and every other extension stay on the text
path (``sources``).  A reader module is imported only for a file of its format, so a
run over text files never loads one.
"""
from __future__ import annotations

import os

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional
    from .base import Reading

FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def format_of(name: str) -> Optional[str]:
    """The reader a file's name selects ("docx", "html", "pdf"), or None for text."""
    return FORMATS.get(os.path.splitext(name)[1].lower())


def read(fmt: str, raw: bytes, encoding: Optional[str], max_bytes: int) -> "Reading":
    """Raises ``base.ReadError`` with a message for the user."""
    if fmt == "html":
        from . import html
        return html.read(raw, encoding)
    if fmt == "docx":
        from . import docx
        return docx.read(raw, max_bytes)
    from . import pdf
    return pdf.read(raw, max_bytes)


def read_page(text: str, codec: str) -> "Reading":
    """An HTML page already decoded (a page being fixed)."""
    from . import html
    return html.read_decoded(text, codec)
