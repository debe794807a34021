"""Configuration errors and where they point: ``path:line:col`` of a value in the YAML.

Kept apart from config.py so that every module reading a part of the configuration
(profiles, vocabulary) can report an error without importing the whole loader.
"""
from __future__ import annotations


from .messages import Message, UserError

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Union


class ConfigError(UserError):
    """A broken configuration; ``str()`` is ``path:line:col: message`` (1-based), in
    English; ``text(lang)`` in the run's language."""

    def __init__(self, path: str, line: int, col: int, message: Union[Message, str]):
        self.path, self.line, self.col = path, line, col
        super().__init__(message)

    def text(self, lang: str = "zh") -> str:
        return self.as_message().text(lang)

    def as_message(self) -> Message:
        return Message("{where}: {message}", where=f"{self.path}:{self.line}:{self.col}",
                       message=self.message)


def where(node, key=None, index=None) -> tuple[int, int]:
    """1-based line and column of a key (or list item) in a ruamel round-trip node."""
    try:
        if key is not None:
            line, col = node.lc.key(key)
        elif index is not None:
            line, col = node.lc.item(index)
        else:
            line, col = node.lc.line, node.lc.col
        return line + 1, col + 1
    except Exception:
        return 1, 1


def value_where(node, key) -> tuple[int, int]:
    """1-based line and column of the value under ``key``, else of the key itself."""
    try:
        line, col = node.lc.value(key)
        return line + 1, col + 1
    except Exception:
        return where(node, key=key)
