"""The vocabulary of counts: which labels are subsets of which, which rates go
with which counts, which rates are bounded — data in rules/vocab/*.yaml, extended
from .reportlint.yaml under ``vocab:``."""
from __future__ import annotations

import re
from functools import lru_cache

from .configerrors import ConfigError, value_where, where
from .messages import msg

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Iterable, Optional

# key -> the shape of its value: words, a list of word lists, or mappings of word lists.
SCHEMA = {
    "subsets": ("mappings", ("subset", "superset")),
    "rates": ("mappings", ("names", "numerator", "denominator")),
    "bounded-rates": ("words", None),
    "growth-words": ("words", None),
    "totals": ("words", None),
    "breakdown": ("words", None),
    "partitions": ("word-lists", None),
    "carry-over": ("words", None),
    "neutral": ("words", None),
    "balance": ("mapping", ("adjusted", "added", "removed")),
    "words": ("word-entries", None),    # the wording rules' list: reportlint.words
}


class Vocab:
    """The words of the arithmetic rules (a plain class: each dataclass costs a
    millisecond at every start)."""

    def __init__(self) -> None:
        self.subsets: list = []      # [(subset words, superset words)]
        self.rates: list = []        # [(names, numerator, denominator)]
        self.bounded: set = set()
        self.growth: set = set()
        self.totals: set = set()
        self.breakdown: set = set()
        self.partitions: list = []
        self.carry_over: set = set()
        self.neutral: set = set()
        self.adjusted: set = set()
        self.added: set = set()
        self.removed: set = set()
        self.words: list = []        # additions to the built-in word list

    def merge(self, data: dict) -> None:
        for item in data.get("subsets", ()):
            self.subsets.append((frozenset(item["subset"]), frozenset(item["superset"])))
        for item in data.get("rates", ()):
            self.rates.append((frozenset(item["names"]), frozenset(item["numerator"]),
                               frozenset(item["denominator"])))
        self.bounded |= set(data.get("bounded-rates", ()))
        self.growth |= set(data.get("growth-words", ()))
        self.totals |= set(data.get("totals", ()))
        self.breakdown |= set(data.get("breakdown", ()))
        self.partitions += [frozenset(p) for p in data.get("partitions", ())]
        self.carry_over |= set(data.get("carry-over", ()))
        self.neutral |= set(data.get("neutral", ()))
        balance = data.get("balance", {})
        self.adjusted |= set(balance.get("adjusted", ()))
        self.added |= set(balance.get("added", ()))
        self.removed |= set(balance.get("removed", ()))
        self.words += data.get("words", ())
        for cached in [k for k in self.__dict__ if k.startswith("_")]:
            del self.__dict__[cached]  # built again from the merged words

    @property
    def labels(self) -> set:
        words = set(self.neutral)
        for sub, sup in self.subsets:
            words |= sub | sup
        for names, num, den in self.rates:
            words |= names | num | den
        for p in self.partitions:
            words |= p
        return words | self.bounded | self.added | self.removed

    @property
    def rate_names(self) -> set:
        """The names of every rate (办结率, 调解成功率 …)."""
        return set().union(*(names for names, _, _ in self.rates))

    def pattern(self, *kinds: str):
        """One pattern for the words of ``kinds`` (labels, totals, breakdown …), a tree of
        them (trie): a search finds the leftmost word, and the longest one there."""
        try:  # asked for at every document: found in two lookups
            return self.__dict__["_patterns"][kinds]
        except KeyError:
            pass
        words = set().union(*(getattr(self, kind) for kind in kinds))
        pattern = self.__dict__.setdefault("_patterns", {})[kinds] = re.compile(
            trie(words) or "(?!)")
        return pattern

    def supersets(self) -> dict:
        """label -> the labels whose counts hold its count (read from ``subsets`` once,
        not at every document)."""
        found = self.__dict__.get("_supersets")
        if found is None:
            found = self.__dict__["_supersets"] = {}
            for sub, sups in self.subsets:
                for label in sub:
                    found[label] = found.get(label, ()) + tuple(sups)
        return found

    def labeller(self):
        """A function (text, start, end) -> the label of a number whose clause is
        text[start:end]: its leftmost-longest vocabulary word, unless a neutral one.  The
        pattern is looked up once, not at every number."""
        labeller = self.__dict__.get("_labeller")
        if labeller is None:
            search, neutral = self.pattern("labels").search, self.neutral

            def label(text: str, start: int, end: int) -> Optional[str]:
                found = search(text, start, end) if start < end else None
                if found is None:
                    return None
                word = found.group()
                return None if word in neutral else word

            labeller = self.__dict__["_labeller"] = label
        return labeller

    def has(self, text: str, words: str) -> bool:
        """Whether ``text`` holds one of a word list (totals, breakdown, growth …)."""
        return self.pattern(words).search(text) is not None

    def is_subset(self, sub: str, sup: str) -> bool:
        return any(sub in a and sup in b for a, b in self.subsets)


def trie(words: Iterable[str]) -> str:
    """A pattern that finds the leftmost word of ``words`` and the longest one there, as a
    tree of their shared beginnings (受理(?:率)?): where a word may start, the engine tries
    each first character once, not each of a hundred words (a third of a search).  The
    text picks one path through the tree, and a greedy ``?`` ends it at its last word."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    alternatives = [re.escape(char) + _branches(node[char]) for char in sorted(node) if char]
    if not alternatives:
        return ""
    body = "|".join(alternatives)
    if "" not in node:
        return body if len(alternatives) == 1 else f"(?:{body})"
    return f"(?:{body})?"


@lru_cache(maxsize=1)
def builtin_vocab() -> Vocab:
    from .datacache import builtin_data_files, load_yaml_data
    from .words import WORDS_FILE

    v = Vocab()
    for path in builtin_data_files("vocab"):
        if path.endswith(WORDS_FILE):
            continue  # the wording rules read it themselves, only when they run
        v.merge(load_yaml_data(path) or {})
    return v


def vocab_of(doc) -> Vocab:
    """The vocabulary for ``doc``: the built-in one, or its context's (extended by the
    configuration and the plugins)."""
    return doc.context.vocab or builtin_vocab()



def validate(node, path: str) -> dict:
    """Check a ``vocab:`` mapping (a ruamel round-trip node) against SCHEMA; plain values out."""
    if not isinstance(node, dict):
        line, col = where(node)
        raise ConfigError(path, line, col, msg("'vocab' must be a mapping (keys: {known})",
                                               known=list(SCHEMA)))
    out = {}
    for key, value in node.items():
        if key not in SCHEMA:
            line, col = where(node, key=key)
            raise ConfigError(path, line, col, msg("unknown vocab key '{key}' (known: {known})",
                                                   key=key, known=list(SCHEMA)))
        shape, fields = SCHEMA[key]
        out[key] = _shaped(value, shape, fields, node, key, path)
    return out


def _words(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) and x for x in v)


def _shaped(value, shape, fields, parent, key, path):
    def fail(message, node=parent, k=key):
        line, col = value_where(node, k)
        raise ConfigError(path, line, col, message)

    if shape == "word-entries":
        from .words import validate_entries

        return validate_entries(value, parent, key, path)
    if shape == "words":
        if not _words(value):
            fail(msg("vocab '{key}' must be a list of words", key=key))
        return [str(x) for x in value]
    if shape == "word-lists":
        if not isinstance(value, list) or not all(_words(x) for x in value):
            fail(msg("vocab '{key}' must be a list of lists of words", key=key))
        return [[str(x) for x in g] for g in value]
    items = [value] if shape == "mapping" else value
    if not isinstance(items, list):
        fail(msg("vocab '{key}' must be a list of mappings with {fields}", key=key,
                 fields=list(fields)))
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            fail(msg("vocab '{key}' must hold mappings with {fields}", key=key,
                     fields=list(fields)))
        for f in item:
            if f not in fields:
                line, col = where(item, key=f)
                raise ConfigError(path, line, col, msg("unknown key '{field}' in vocab '{key}' "
                                                       "(known: {known})", field=f, key=key,
                                                       known=list(fields)))
        missing = [f for f in fields if f not in item] if shape == "mappings" else []
        if missing:
            line, col = where(items, index=i) if shape == "mappings" else where(item)
            raise ConfigError(path, line, col, msg("vocab '{key}' entry lacks {missing}",
                                                   key=key, missing=missing))
        for f in item:
            if not _words(item[f]):
                fail(msg("'{field}' in vocab '{key}' must be a list of words", field=f, key=key),
                     node=item, k=f)
        out.append({f: [str(x) for x in item[f]] for f in item})
    return out[0] if shape == "mapping" else out


def combined(*parts) -> dict:
    """Several ``vocab:`` mappings (validated) as one: the lists of each key joined."""
    out: dict = {}
    for part in parts:
        for key, value in (part or {}).items():
            out.setdefault(key, []).extend(value)
    return out


def extended(data: dict) -> Vocab:
    """The built-in vocabulary plus a configuration's additions."""
    v = Vocab()
    base = builtin_vocab()
    v.__dict__.update({k: (list(x) if isinstance(x, list) else set(x))
                       for k, x in base.__dict__.items() if not k.startswith("_")})
    v.merge(data)
    return v
