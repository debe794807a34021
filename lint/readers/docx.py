"""Word documents (.docx) with the standard library: ``zipfile`` and ElementTree.

The body's paragraphs and tables in order, one paragraph per line; a table row is one
line, ``| cell | cell |``, a merged cell (``gridSpan``, ``vMerge``) once.  Word's
automatic numbering (numbering.xml) is rendered as Word displays it (一、 （一） 1.),
restarts and continuations included: the heading rules read those numbers.  Headers
and footers follow the body, each line located as the header or footer it is;
footnotes, comments, deleted text, field codes and text boxes are left out.

Every member read is bounded (a zip bomb stops at the bound), and an XML part with a
DOCTYPE is refused (entity expansion).
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from xml.etree import ElementTree as ET

from ..messages import msg
from ..numbers import int_to_cn
from ..tables import TableBuilder
from .base import ReadError, Reading, TextBuilder

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# An OLE compound file: a Word 97–2003 .doc, or a .docx encrypted with a password.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Decompressed bytes read from the archive, at most, per allowed byte of file.
EXPANSION = 10
# Subtrees whose text is not body text: text boxes and drawings (with their fallback copy),
# footnote and comment references, field codes.
_SKIP = {W + "drawing", W + "pict", MC + "Fallback", W + "instrText", W + "delInstrText",
         W + "footnoteReference", W + "endnoteReference", W + "commentReference", W + "del"}


def read(raw: bytes, max_bytes: int) -> Reading:
    if raw.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in raw:
            raise ReadError(msg("an encrypted .docx: save it without a password to lint it"))
        raise ReadError(msg("a Word 97-2003 .doc, not a .docx: save it as .docx to lint it"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ReadError(msg("not a .docx: the file is not a zip archive (damaged, or another "
                            "format)")) from None
    parts = _Parts(archive, EXPANSION * max_bytes)
    document = parts.xml("word/document.xml")
    if document is None:
        raise ReadError(msg("not a Word document: word/document.xml is missing"))
    body = document.find(W + "body")
    if body is None:
        raise ReadError(msg("not a Word document: word/document.xml has no body"))
    numbering = Numbering(parts.xml("word/numbering.xml"), parts.xml("word/styles.xml"))
    reader = _Reader(numbering)
    reader.blocks(body)
    for kind, part in _furniture(parts, document):
        reader.furniture(kind, part)
    return reader.out.result("docx", "", reader.tables)


class _Parts:
    """The archive's XML parts, each read within what is left of the bound."""

    def __init__(self, archive: zipfile.ZipFile, limit: int):
        self.archive = archive
        self.left = limit

    def xml(self, name: str) -> Optional[ET.Element]:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.file_size > self.left:
            raise self._too_big()
        try:
            with self.archive.open(info) as f:
                data = f.read(self.left + 1)     # the header's size may lie
        except RuntimeError:      # a member encrypted with a zip password
            raise ReadError(msg("an encrypted .docx: save it without a password to lint it")) \
                from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as e:
            raise ReadError(msg("damaged .docx: {part} cannot be read ({reason})", part=name,
                                reason=str(e) or type(e).__name__)) from None
        if len(data) > self.left:
            raise self._too_big()
        self.left -= len(data)
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise ReadError(msg("damaged .docx: {part} declares a DOCTYPE", part=name))
        try:
            return ET.fromstring(data)
        except ET.ParseError as e:
            raise ReadError(msg("damaged .docx: {part} is not well-formed XML ({reason})",
                                part=name, reason=str(e))) from None

    def _too_big(self) -> ReadError:
        return ReadError(msg("the .docx expands to more than {limit} MiB: not read "
                             "(a zip bomb?)", limit=f"{(self.left + 1) / 1048576:.0f}"))


def _furniture(parts: _Parts, document: ET.Element) -> list:
    """(header|footer, part) in the order the document's sections name them, each once."""
    rels = parts.xml("word/_rels/document.xml.rels")
    targets = {}
    if rels is not None:
        for rel in rels.iter(PKG_REL + "Relationship"):
            targets[rel.get("Id")] = rel.get("Target", "")
    out, seen = [], set()
    kinds = {W + "headerReference": "header", W + "footerReference": "footer"}
    for ref in (r for section in document.iter(W + "sectPr") for r in section):
        kind = kinds.get(ref.tag)
        target = targets.get(ref.get(R + "id") or "")
        if kind is None or not target or target in seen:
            continue
        seen.add(target)
        part = parts.xml(posixpath.normpath(posixpath.join("word", target)).lstrip("/"))
        if part is not None:
            out.append((kind, part))
    return out


class _Reader:
    def __init__(self, numbering: "Numbering"):
        self.out = TextBuilder()
        self.numbering = numbering
        self.tables: list = []
        self.paragraphs = 0
        self.counts = {"header": 0, "footer": 0}

    def blocks(self, parent: ET.Element) -> None:
        for child in parent:
            if child.tag == W + "p":
                text = self.paragraph_text(child)
                if text.strip():
                    self.paragraphs += 1
                    self.out.newline("paragraph", (self.paragraphs,))
                    self.out.emit(text.strip(), "paragraph", (self.paragraphs,))
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent")
                self.blocks(content if content is not None else child)

    def paragraph_text(self, p: ET.Element) -> str:
        label = self.numbering.label(p)
        return label + "".join(_runs_text(p))

    def table(self, tbl: ET.Element) -> None:
        number = len(self.tables) + 1
        builder = TableBuilder("docx")
        open_cells: dict = {}     # grid column -> the cell a vMerge continues
        for tr in tbl.findall(W + "tr"):
            builder.new_row()
            self.out.newline("cell", (number, builder.row + 1, 1))
            col = _int(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            header = tr.find(f"{W}trPr/{W}tblHeader") is not None   # repeated on each page
            first = True
            for tc in tr.findall(W + "tc"):
                props = tc.find(W + "tcPr")
                span = _int(props.find(W + "gridSpan") if props is not None else None, 1)
                merge = props.find(W + "vMerge") if props is not None else None
                if merge is not None and merge.get(W + "val", "continue") == "continue" \
                        and col in open_cells:
                    builder.extend_down(open_cells[col])
                    col += span
                    continue
                where = (number, builder.row + 1, col + 1)
                self.out.emit("| " if first else " | ", "cell", where)
                first = False
                text = " ".join(t.strip() for t in (self.paragraph_text(p) for p in
                                                    tc.iter(W + "p")) if t.strip())
                start = self.out.pos
                self.out.emit(text, "cell", where)
                builder.col = col
                cell = builder.add(text, start, self.out.pos, colspan=span, header=header)
                if merge is not None:
                    open_cells[col] = cell
                else:
                    open_cells.pop(col, None)
                col += span
            if not first:
                self.out.emit(" |", "cell", (number, builder.row + 1, col))
        table = builder.build()
        if table is not None:
            self.tables.append(table)

    def furniture(self, kind: str, part: ET.Element) -> None:
        self.counts[kind] += 1
        where = (self.counts[kind],)
        for p in part.iter(W + "p"):
            text = "".join(_runs_text(p)).strip()
            if text:
                self.out.newline(kind, where)
                self.out.emit(text, kind, where)


def _int(element: Optional[ET.Element], default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(W + "val", ""))
    except ValueError:
        return default


def _runs_text(p: ET.Element):
    """The text of a paragraph as Word shows it, in document order."""
    stack = [iter(p)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        tag = node.tag
        if tag in _SKIP or tag == W + "p":     # a nested paragraph is a text box's
            continue
        if tag == W + "t":
            yield node.text or ""
        elif tag == W + "tab":
            yield "\t"
        elif tag in (W + "br", W + "cr"):
            yield " " if node.get(W + "type") == "page" else "\n"
        elif tag == W + "noBreakHyphen":
            yield "-"
        else:
            stack.append(iter(node))


# -- automatic numbering ------------------------------------------------------------

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_PLACEHOLDER = re.compile(r"%([1-9])")


def chinese_counting(n: int) -> str:
    """一 … 十 十一 … 九十九 一百 一百零一 … 九千九百九十九, as Word counts."""
    if n <= 0 or n >= 10000:
        return str(n)
    if n < 100:
        return int_to_cn(n)
    digits = "零一二三四五六七八九"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + digits[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "japaneseLegal", "koreanCounting"):
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n).translate(_LEGAL)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _TIANGAN if fmt == "ideographTraditional" else _DIZHI
        return cycle[(n - 1) % len(cycle)] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return _PARENTHESISED[n - 1] if 0 < n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULL_STOP[n - 1] if 0 < n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        roman = ""
        for value, numeral in _ROMAN:
            while n >= value:
                roman, n = roman + numeral, n - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "none":
        return ""
    return str(n)


class _Level:
    __slots__ = ("start", "fmt", "text", "restart", "suffix", "legal", "style")

    def __init__(self, lvl: ET.Element):
        self.start = _int(lvl.find(W + "start"), 1)
        fmt = lvl.find(W + "numFmt")
        self.fmt = fmt.get(W + "val", "decimal") if fmt is not None else "decimal"
        text = lvl.find(W + "lvlText")
        self.text = text.get(W + "val", "") if text is not None else ""
        restart = lvl.find(W + "lvlRestart")
        self.restart = _int(restart, -1) if restart is not None else None
        suffix = lvl.find(W + "suff")
        self.suffix = suffix.get(W + "val", "tab") if suffix is not None else "tab"
        self.legal = lvl.find(W + "isLgl") is not None
        style = lvl.find(W + "pStyle")
        self.style = style.get(W + "val") if style is not None else None


class Numbering:
    """Word's list counters, advanced paragraph by paragraph in document order.

    Lists that share an abstract numbering share their counters (Word continues them);
    a ``w:num`` with a ``startOverride`` restarts its level the first time it is used.
    """

    def __init__(self, numbering: Optional[ET.Element], styles: Optional[ET.Element]):
        self.abstract: dict = {}        # abstractNumId -> {ilvl: _Level}
        self.nums: dict = {}            # numId -> (abstractNumId, {ilvl: start override}, {ilvl: _Level})
        self.counters: dict = {}        # abstractNumId -> [count or None] * 9
        self.restarted: set = set()     # (numId, ilvl) whose override was applied
        self.styles: dict = {}          # styleId -> (numId, ilvl, basedOn)
        if numbering is not None:
            for a in numbering.iter(W + "abstractNum"):
                self.abstract[a.get(W + "abstractNumId")] = {
                    _int_attr(lvl, "ilvl"): _Level(lvl) for lvl in a.findall(W + "lvl")}
            for num in numbering.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                overrides, levels = {}, {}
                for o in num.findall(W + "lvlOverride"):
                    ilvl = _int_attr(o, "ilvl")
                    if o.find(W + "startOverride") is not None:
                        overrides[ilvl] = _int(o.find(W + "startOverride"), 1)
                    lvl = o.find(W + "lvl")
                    if lvl is not None:
                        levels[ilvl] = _Level(lvl)
                self.nums[num.get(W + "numId")] = (
                    ref.get(W + "val") if ref is not None else None, overrides, levels)
        if styles is not None:
            for s in styles.iter(W + "style"):
                num_pr = s.find(f"{W}pPr/{W}numPr")
                based = s.find(W + "basedOn")
                style_num: Optional[str] = None
                style_level: Optional[int] = None
                if num_pr is not None:
                    n, i = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
                    style_num = n.get(W + "val") if n is not None else None
                    style_level = _int(i, 0) if i is not None else None
                self.styles[s.get(W + "styleId")] = (
                    style_num, style_level, based.get(W + "val") if based is not None else None)

    def _from_style(self, style_id: Optional[str]) -> tuple:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self.styles.get(style_id, (None, None, None))
            if num_id is not None:
                if ilvl is None:     # the level that names this style, else the first
                    levels = self.abstract.get(self.nums.get(num_id, (None,))[0], {})
                    ilvl = next((i for i, lv in levels.items() if lv.style == style_id), 0)
                return num_id, ilvl
            style_id = based
        return None, 0

    def label(self, p: ET.Element) -> str:
        """The number Word shows before paragraph ``p`` (with its suffix), counted."""
        props = p.find(W + "pPr")
        if props is None or not self.nums:
            return ""
        num_pr = props.find(W + "numPr")
        num_id, ilvl = None, 0
        if num_pr is not None:
            n = num_pr.find(W + "numId")
            num_id = n.get(W + "val") if n is not None else None
            ilvl = _int(num_pr.find(W + "ilvl"), 0)
        if num_id is None:
            style = props.find(W + "pStyle")
            num_id, style_level = self._from_style(style.get(W + "val") if style is not None
                                                   else None)
            if num_pr is None or num_pr.find(W + "ilvl") is None:
                ilvl = style_level
        if num_id is None or num_id not in self.nums:
            return ""      # numId 0 takes the numbering away
        abstract_id, overrides, own_levels = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **own_levels}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if ilvl in overrides and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = overrides[ilvl]
        elif counters[ilvl] is None:
            counters[ilvl] = level.start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k)
            if lv is None:
                return ""
            value = counters[k] if counters[k] is not None else lv.start
            return format_number(value, "decimal" if level.legal and k != ilvl
                                 else lv.fmt)

        text = _PLACEHOLDER.sub(number, level.text) if level.fmt != "bullet" else level.text
        if text and level.suffix != "nothing" and text[-1:].isalnum():
            text += " "        # Word's tab or space after a bare number: one space here
        return text


def _int_attr(element: ET.Element, name: str) -> int:
    try:
        return int(element.get(W + name, "0"))
    except ValueError:
        return 0
