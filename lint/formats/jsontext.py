"""JSON text as the JSON formats write it (imported by them only: a text report's run
does not import the json module)."""
from __future__ import annotations

import json
from json.encoder import encode_basestring


def json_text(value) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, made faster:
    with an indent the json module encodes in Python, a call per item of every record.
    Here strings, integers and None (most of a report) are written in place, and
    anything else than those, dicts with string keys, lists, floats and booleans is
    left to the json module."""
    try:
        return _indented(value, "\n")
    except _Unwritten:
        return json.dumps(value, ensure_ascii=False, indent=2)


class _Unwritten(Exception):
    """A value ``_indented`` leaves to the json module."""


def _indented(value, indent: str) -> str:
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        items = []
        for key, item in value.items():
            if type(key) is not str:
                raise _Unwritten
            kind = type(item)   # (the usual scalars without a call)
            items.append(encode_basestring(key) + ": " + (
                encode_basestring(item) if kind is str else int.__repr__(item) if kind is int
                else "null" if item is None else _indented(item, inner)))
        return "{" + inner + ("," + inner).join(items) + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + "  "
        return "[" + inner + ("," + inner).join([_indented(v, inner) for v in value]) \
            + indent + "]"
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool or kind is float:
        return json.dumps(value)
    raise _Unwritten
