"""A fast reader for the plain YAML configurations are written in, with the positions
ruamel.yaml's round-trip loader gives.

ruamel.yaml is pure Python here (its C part is an optional extra): it takes some ten
seconds over a megabyte.  Configurations use a small part of YAML: block mappings and
sequences, one-line flow collections, plain and quoted scalars on one line, comments,
anchors and aliases.  ``load`` reads that part, line by line, into dicts and lists that
carry ``lc`` as ruamel's nodes do (0-based line and column of the node, of each key and
value, of each item), so that every error keeps its ``path:line:col``.  Anything else
(multi-line scalars, tags, block scalars, empty values, duplicate keys, a scalar YAML
could read as a date …) raises ``Unsupported``: the caller then lets ruamel.yaml read the
whole file, which also reports every syntax error where it is.
"""
from __future__ import annotations

import re

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any


class Unsupported(Exception):
    """Outside the part of YAML this reader knows: read it with ruamel.yaml."""


class LineCol:
    """ruamel's ``lc``: ``line``, ``col``, ``key(k)``, ``value(k)``, ``item(i)``."""

    __slots__ = ("line", "col", "data")

    def __init__(self, line: int, col: int):
        self.line, self.col = line, col
        self.data: dict = {}

    def key(self, k) -> tuple:
        return self.data[k][:2]

    def value(self, k) -> tuple:
        return self.data[k][2:]

    def item(self, i) -> tuple:
        return self.data[i]


class Map(dict):
    __slots__ = ("lc",)
    lc: LineCol


class Seq(list):
    __slots__ = ("lc",)
    lc: LineCol


# Characters ruamel.yaml refuses or reads as line breaks, tabs (which YAML allows only in
# some places) and a byte order mark past the start: left to ruamel.yaml.
_UNSUPPORTED_CHARS = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_KEY_END = re.compile(r":(?= |$)")          # a key's colon: followed by a space or the end
_COMMENT = re.compile(r" #")
_SPACES = re.compile(" *")
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
_NAME = re.compile(r"[^ ,\[\]{}]+")          # an anchor's or an alias's name
_FLOW_PLAIN = re.compile(r"[^,\[\]{}]*")
_FLOW_KEY = re.compile(r"[^,\[\]{}:#]*")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
# What YAML 1.2 (ruamel's default) may read as a number in another notation, a date, a
# merge or a value key: left to ruamel.yaml.
_MAYBE_TYPED = re.compile(r"[-+0-9.<=][-+0-9._a-zA-Z: <=]*\Z")
_WORDS = {"~": None, "null": None, "Null": None, "NULL": None,
          "true": True, "True": True, "TRUE": True,
          "false": False, "False": False, "FALSE": False}
_LONGEST_KEY = 1000     # ruamel.yaml refuses a simple key past 1024 characters


def load(text: str) -> Any:
    """The data of ``text`` (None when it holds no node); raises Unsupported."""
    text = text.replace("\r\n", "\n")
    if _UNSUPPORTED_CHARS.search(text):
        raise Unsupported
    return _Reader(text.split("\n")).document()


def _scalar(s: str):
    """A plain scalar as YAML 1.2 reads it."""
    if s in _WORDS:
        return _WORDS[s]
    if s[0] in "-+0123456789.<=":
        if _INT.match(s):
            return int(s)
        if _FLOAT.match(s):
            return float(s)
        if _MAYBE_TYPED.match(s):
            raise Unsupported
    return s


def _dash(line: str, col: int) -> bool:
    """Whether a block sequence's dash stands at ``col``: a - then a space or the end."""
    return line.startswith("-", col) and line[col + 1:col + 2] in ("", " ")


def _may_start_plain(text: str) -> bool:
    """Whether a plain scalar may begin as ``text`` does: not with an indicator, but with
    a dash that is no sequence's (-5)."""
    return text[0] not in _INDICATORS or text[0] == "-" and not _dash(text, 0)


def _plain_end(line: str, c: int) -> int:
    """Where a plain scalar starting at ``c`` ends: at a comment or the end, spaces off."""
    m = _COMMENT.search(line, c)
    return len(line[:m.start() if m else len(line)].rstrip(" "))


class _Reader:
    def __init__(self, lines: list):
        self.lines = lines
        # each line's indentation, or -1 for a line with no node (blank, a comment)
        self.indents = [-1 if not rest or rest[0] == "#" else len(line) - len(rest)
                        for line in lines for rest in (line.lstrip(" "),)]
        self.li = 0                 # the line being read
        self.fli = 0                # the line being read in a flow collection
        self.anchors: dict = {}     # name -> (node, line, col)

    # -- lines ---------------------------------------------------------------------

    def next_content(self) -> int:
        """The index of the next line with a node on it (or len(lines)); sets self.li."""
        indents = self.indents
        while self.li < len(indents) and indents[self.li] < 0:
            self.li += 1
        return self.li

    def document(self):
        li = self.next_content()
        if li == len(self.lines):
            return None
        line = self.lines[li]
        if line.startswith(("---", "...", "%")):
            raise Unsupported    # directives and several documents
        node = self.block(li, self.indents[li])
        if self.next_content() < len(self.lines):
            raise Unsupported    # more than one node at the top, or a bad indentation
        return node

    def end_of_line(self, line: str, c: int) -> None:
        """Nothing but spaces and a comment may follow a node at ``c``."""
        rest = line[c:].lstrip(" ")
        if rest and (not rest.startswith("#") or line[c:c + 1] != " " and rest == line[c:]):
            raise Unsupported

    def after_inline(self, indent: int) -> None:
        """A node ended on its line: the next line may not be indented deeper (a
        continuation, which YAML reads as more of the scalar or as an error)."""
        self.li += 1
        li = self.next_content()
        if li < len(self.lines) and self.indents[li] > indent:
            raise Unsupported

    # -- block nodes -----------------------------------------------------------------

    def block(self, li: int, col: int):
        """The block sequence or mapping whose first entry is at line ``li``, ``col``."""
        line = self.lines[li]
        if _dash(line, col):
            return self.sequence(li, col)
        return self.mapping(li, col)

    def below(self, indent: int, indentless: bool):
        """The block node on the lines after a key or a dash at ``indent`` that has
        nothing after it: (node, line, col); an empty value is left to ruamel.yaml."""
        self.li += 1
        li = self.next_content()
        if li < len(self.lines):
            line = self.lines[li]
            col = self.indents[li]
            if col > indent or indentless and col == indent and _dash(line, col):
                node = self.block(li, col)
                return node, li, col
        raise Unsupported

    def mapping(self, li: int, col: int) -> Map:
        node = Map()
        node.lc = lc = LineCol(li, col)
        while True:
            line = self.lines[li]
            key, c = self.key(line, col)
            if key in node:
                raise Unsupported    # ruamel.yaml says where the duplicate is
            value, vl, vc = self.value(line, c, li, col, indentless=True)
            node[key] = value
            lc.data[key] = (li, col, vl, vc)
            li = self.li
            if li == len(self.lines) or self.indents[li] < col:
                return node
            if self.indents[li] > col:
                raise Unsupported

    def key(self, line: str, col: int) -> tuple:
        """A key at ``col`` and the column after its colon."""
        first = line[col]
        if first in "'\"":
            key, c = self.quoted(line, col)
            if not line.startswith(":", c) or line[c + 1:c + 2] not in ("", " "):
                raise Unsupported
            return key, c + 1
        m = _KEY_END.search(line, col)
        if first in _INDICATORS or m is None:
            raise Unsupported
        text = line[col:m.start()].rstrip(" ")
        if " #" in text or len(text) > _LONGEST_KEY:
            raise Unsupported
        key = _scalar(text)
        if not isinstance(key, str):
            raise Unsupported
        return key, m.end()

    def value(self, line: str, c: int, li: int, indent: int, indentless: bool) -> tuple:
        """The node after a key's colon or a dash at ``c`` on line ``li``, for an entry at
        ``indent``: (node, line, col); self.li moves to the next line with a node."""
        c = self.skip(line, c)
        if c == len(line) or line[c] == "#":
            return self.below(indent, indentless)
        first = line[c]
        if first == "&":
            m = _NAME.match(line, c + 1)
            if m is None:
                raise Unsupported
            name, at = m.group(), c
            c = m.end()
            c = self.skip(line, c)
            if c == len(line) or line[c] == "#":
                node, _, _ = self.below(indent, indentless)
            else:
                if line[c] in "&*" or self.is_key(line, c):
                    raise Unsupported
                node, _, _ = self.value(line, c, li, indent, indentless)
            self.anchor(name, node, li, at)
            return node, li, at
        if first == "*":
            anchored, end = self.alias(line, c)
            self.end_of_line(line, end)
            self.after_inline(indent)
            return anchored
        if first in "[{":
            self.fli = li
            node, _, _, end = self.flow(c, indent)
            self.li = self.fli                     # the line the collection ends on
            self.end_of_line(self.lines[self.li], end)
        elif first in "'\"":
            node, end = self.quoted(line, c)
            self.end_of_line(line, end)
        else:
            end = _plain_end(line, c)
            text = line[c:end]
            if not _may_start_plain(text) or _KEY_END.search(text):
                raise Unsupported
            node = _scalar(text)
        self.after_inline(indent)
        return node, li, c

    def is_key(self, line: str, c: int) -> bool:
        if line[c] in "'\"":
            _, end = self.quoted(line, c)
            return line.startswith(":", end)
        return _KEY_END.search(line[:_plain_end(line, c)], c) is not None

    def sequence(self, li: int, col: int) -> Seq:
        node = Seq()
        node.lc = lc = LineCol(li, col)
        while True:
            line = self.lines[li]
            c = col + 1
            c = self.skip(line, c)
            if c < len(line) and line[c] not in "#[{&*" and self.is_key(line, c):
                item, il, ic = self.mapping(li, c), li, c    # `- key: value` and the keys below
            elif _dash(line, c):
                raise Unsupported                  # `- - item`
            else:
                item, il, ic = self.value(line, c, li, col, indentless=False)
            lc.data[len(node)] = (il, ic)
            node.append(item)
            li = self.li
            if li == len(self.lines):
                return node
            line = self.lines[li]
            indent = self.indents[li]
            if indent > col:
                raise Unsupported
            if indent < col or not _dash(line, col):
                return node

    # -- scalars, aliases, flow collections ------------------------------------------

    def quoted(self, line: str, c: int) -> tuple:
        """A quoted scalar on one line (a double-quoted one without escapes)."""
        if line[c] == "'":
            m = _SINGLE_QUOTED.match(line, c)
            if m is None:
                raise Unsupported
            return m.group(1).replace("''", "'"), m.end()
        m = _DOUBLE_QUOTED.match(line, c)
        if m is None:
            raise Unsupported
        return m.group(1), m.end()

    def anchor(self, name: str, node, li: int, c: int) -> None:
        if isinstance(node, (Map, Seq)):
            node.lc.line, node.lc.col = li, c    # an anchored node starts at its anchor
        elif not isinstance(node, str):
            raise Unsupported    # ruamel.yaml keeps an anchored true as an integer
        self.anchors[name] = (node, li, c)

    def alias(self, line: str, c: int) -> tuple:
        """((node, line, col) of the anchored node, the column after the alias)."""
        m = _NAME.match(line, c + 1)
        if m is None or m.group() not in self.anchors:
            raise Unsupported
        return self.anchors[m.group()], m.end()

    def flow(self, c: int, indent: int) -> tuple:
        """A flow node starting at ``c`` on line self.fli, inside a block entry at
        ``indent``: (node, line, col, the column after it); a node on several lines leaves
        self.fli at its last line."""
        li, line = self.fli, self.lines[self.fli]
        first = line[c:c + 1]
        if first == "&":
            m = _NAME.match(line, c + 1)
            if m is None or line[m.end():m.end() + 1] != " ":
                raise Unsupported
            node, _, _, end = self.flow(self.skip(line, m.end()), indent)
            self.anchor(m.group(), node, li, c)
            return node, li, c, end
        if first == "*":
            (node, nl, nc), end = self.alias(line, c)
            return node, nl, nc, end
        if first in "[{":
            node = Seq() if first == "[" else Map()
            node.lc = LineCol(li, c)
            close, entry = ("]", self.flow_item) if first == "[" else ("}", self.flow_pair)
            c = self.flow_space(c + 1, indent)
            while not self.lines[self.fli].startswith(close, c):
                c = self.flow_space(entry(node, c, indent), indent)
                if not self.lines[self.fli].startswith(close, c):
                    c = self.separator(c, close, indent)
            return node, li, node.lc.col, c + 1
        if first in ("'", '"'):
            node, end = self.quoted(line, c)
            return node, li, c, end
        m = _FLOW_PLAIN.match(line, c)
        text = m.group().rstrip(" ") if m else ""
        if not text or not _may_start_plain(text) or ":" in text or "#" in text:
            raise Unsupported
        return _scalar(text), li, c, c + len(text)

    def flow_space(self, c: int, indent: int) -> int:
        """Past spaces, comments and line breaks inside a flow collection: the column of
        what comes next, on line self.fli (a line indented deeper than ``indent``)."""
        line = self.lines[self.fli]
        c = self.skip(line, c)
        while c == len(line) or line[c] == "#" and (c == 0 or line[c - 1] == " "):
            self.fli += 1
            if self.fli == len(self.lines):
                raise Unsupported
            line = self.lines[self.fli]
            c = self.indents[self.fli]
            if 0 <= c <= indent:
                raise Unsupported
            c = self.skip(line, 0)
        return c

    def flow_key(self, line: str, c: int) -> tuple:
        if line[c:c + 1] in ("'", '"'):
            return self.quoted(line, c)
        m = _FLOW_KEY.match(line, c)
        text = m.group().rstrip(" ") if m else ""
        key = _scalar(text) if text and text[0] not in _INDICATORS else None
        if not isinstance(key, str) or len(text) > _LONGEST_KEY:
            raise Unsupported
        return key, c + len(text)

    @staticmethod
    def skip(line: str, c: int) -> int:
        m = _SPACES.match(line, c)
        assert m is not None   # (it matches the empty string too)
        return m.end()

    def flow_item(self, seq, c: int, indent: int) -> int:
        """One item of a flow sequence, appended to ``seq``: the column after it."""
        item, il, ic, c = self.flow(c, indent)
        seq.lc.data[len(seq)] = (il, ic)
        seq.append(item)
        return c

    def flow_pair(self, mapping, c: int, indent: int) -> int:
        """One ``key: value`` of a flow mapping, added to ``mapping``: the column after it."""
        kl, kc = self.fli, c
        key, c = self.flow_key(self.lines[kl], c)
        if key in mapping or not self.lines[kl].startswith(": ", c):
            raise Unsupported
        value, vl, vc, c = self.flow(self.skip(self.lines[kl], c + 1), indent)
        mapping[key] = value
        mapping.lc.data[key] = (kl, kc, vl, vc)
        return c

    def separator(self, c: int, close: str, indent: int) -> int:
        """After an item of a flow collection: a comma and the next item (not ``close``)."""
        if not self.lines[self.fli].startswith(",", c):
            raise Unsupported
        c = self.flow_space(c + 1, indent)
        if self.lines[self.fli].startswith(close, c):
            raise Unsupported    # a trailing comma
        return c
