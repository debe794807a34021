"""The word list of the wording rules: typos, non-recommended variant forms and the exact
wording of fixed phrases, as data (rules/vocab/words.yaml), extended and disabled from
.reportlint.yaml under ``vocab: words:``.

An entry names its ``kind``, the ``right`` form and the ``wrong`` forms; ``guard`` lists
contexts that hold a wrong form and are right (截止日期); ``after`` / ``before`` are
regular expressions the text next to a wrong form must match, for what a string cannot
say; ``since`` is the date from which a phrase is the official wording.  Every wrong form
and guard is one key of one Aho-Corasick automaton, built once per word list, when a
wording rule first runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .configerrors import ConfigError, value_where, where
from .messages import msg

KINDS = ("typo", "variant", "phrase")
FIELDS = ("kind", "right", "wrong", "guard", "after", "before", "since", "source")
# ``after`` / ``before`` look at this many characters next to a wrong form: a pattern
# never reads further, so a match costs the same wherever it stands.
CONTEXT_WINDOW = 16
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WORDS_FILE = "words.yaml"   # in rules/vocab/, beside the arithmetic vocabulary


# -- validation (``vocab: words:`` in a configuration or a plugin) -----------------------

def validate_entries(value, parent, key, path: str) -> list:
    """Check a ``words:`` list (a ruamel round-trip node) and return plain items: entries,
    and ``{"disable": [names]}`` items that switch off built-in wrong forms or entries."""
    if not isinstance(value, list):
        line, col = value_where(parent, key)
        raise ConfigError(path, line, col, msg("vocab 'words' must be a list of entries"))
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            line, col = where(value, index=i)
            raise ConfigError(path, line, col, msg("vocab 'words' must be a list of entries"))
        out.append(_disable(item, path) if "disable" in item else _entry(item, path))
        if "disable" in item:
            known = {n for e in builtin_words() + out if "disable" not in e
                     for n in [e["right"], *e["wrong"]]}
            for name in out[-1]["disable"]:
                if name not in known:
                    _fail(path, item, "disable", msg("'disable' names {name}, which is no "
                                                     "right or wrong form of an entry",
                                                     name=name))
    return out


def _fail(path: str, node, key, message):
    line, col = value_where(node, key)
    raise ConfigError(path, line, col, message)


def _strings(v) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, str) and x for x in v)


def _disable(item, path: str) -> dict:
    extra = [k for k in item if k != "disable"]
    if extra:
        line, col = where(item, key=extra[0])
        raise ConfigError(path, line, col, msg("a 'disable' item of vocab 'words' takes no "
                                               "other key, not '{key}'", key=extra[0]))
    names = item["disable"]
    names = [names] if isinstance(names, str) and names else names
    if not _strings(names):
        _fail(path, item, "disable", msg("'disable' in vocab 'words' must be a word or a "
                                         "list of words"))
    return {"disable": [str(n) for n in names]}


def _entry(item, path: str) -> dict:
    for k in item:
        if k not in FIELDS:
            line, col = where(item, key=k)
            raise ConfigError(path, line, col, msg("unknown key '{field}' in vocab '{key}' "
                                                   "(known: {known})", field=k, key="words",
                                                   known=list(FIELDS) + ["disable"]))
    missing = [k for k in ("kind", "right", "wrong") if k not in item]
    if missing:
        line, col = where(item)
        raise ConfigError(path, line, col, msg("vocab '{key}' entry lacks {missing}",
                                               key="words", missing=missing))
    if item["kind"] not in KINDS:
        _fail(path, item, "kind", msg("'kind' in vocab 'words' must be one of {known}, not "
                                      "{value}", known=list(KINDS), value=repr(item["kind"])))
    for k in ("right", "source"):
        if k in item and not (isinstance(item[k], str) and item[k]):
            _fail(path, item, k, msg("'{field}' in vocab 'words' must be a string",
                                     field=k))
    out: dict = {"kind": str(item["kind"]), "right": str(item["right"])}
    for k in ("wrong", "guard"):
        if k in item:
            if not _strings(item[k]):
                _fail(path, item, k, msg("'{field}' in vocab '{key}' must be a list of words",
                                         field=k, key="words"))
            out[k] = [str(x) for x in item[k]]
    if out["right"] in out["wrong"]:
        _fail(path, item, "wrong", msg("the right form {right} is among its own wrong forms",
                                       right=out["right"]))
    for guard in out.get("guard", ()):
        if not any(w in guard for w in out["wrong"]):
            _fail(path, item, "guard", msg("the guard {guard} holds none of the wrong forms",
                                           guard=guard))
    for k in ("after", "before"):
        if k in item:
            try:
                re.compile(item[k])
            except (re.error, TypeError) as e:
                _fail(path, item, k, msg("'{field}' in vocab 'words' is not a regular "
                                         "expression: {error}", field=k, error=str(e)))
            out[k] = str(item[k])
    if "since" in item:
        since = str(item["since"])   # YAML reads an unquoted 2022-10-16 as a date
        if not _DATE.fullmatch(since):
            _fail(path, item, "since", msg("'since' in vocab 'words' must be a date "
                                           "YYYY-MM-DD"))
        out["since"] = since
    if "source" in item:
        out["source"] = str(item["source"])
    return out


# -- the list ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def builtin_words() -> list:
    """The entries of rules/vocab/words.yaml, read through the data cache."""
    import os

    from .datacache import builtin_data_files, load_yaml_data

    path = next(p for p in builtin_data_files("vocab") if os.path.basename(p) == WORDS_FILE)
    return list((load_yaml_data(path) or {}).get("words") or ())


@dataclass(frozen=True)
class Entry:
    kind: str
    right: str
    source: str
    after: Optional[re.Pattern]
    before: Optional[re.Pattern]
    since: Optional[tuple]          # (year, month, day)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry


class WordList:
    """Entries (and ``disable`` items) in order: a later entry's wrong form replaces an
    earlier one's; ``disable`` names a wrong form, or a right form for all of its entry's."""

    def __init__(self, items):
        from .document import fold

        entries: list = []
        raw: list = []
        forms: dict = {}      # folded wrong form -> index of its entry
        for item in items:
            if "disable" in item:
                names = set(item["disable"])
                folded = {fold(n) for n in names}
                for form, i in list(forms.items()):
                    if form in folded or raw[i]["right"] in names:
                        del forms[form]
                continue
            raw.append(item)
            entries.append(_compiled(item))
            for w in item["wrong"]:
                forms[fold(w)] = len(entries) - 1
        self.entries = entries
        self.size = len(forms)
        # key -> (key, index of the entry it is a wrong form of or -1, entries it guards)
        keys: dict = {form: (form, i, ()) for form, i in forms.items()}
        live = set(forms.values())
        for i in live:
            # The right form guards its own entry: 习近平法治思想 is never a wrong 法治思想.
            for guard in raw[i].get("guard", []) + [raw[i]["right"]]:
                g = fold(guard)
                key, entry, guarded = keys.get(g, (g, -1, ()))
                keys[g] = (key, entry, guarded + (i,))
        self._keys = keys
        self._automaton = None

    @property
    def automaton(self):
        if self._automaton is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for key, value in self._keys.items():
                a.add_word(key, value)
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def find(self, text: str) -> list:
        """The wrong forms in ``text`` (folded) outside their guards and in their context:
        leftmost-longest, never overlapping, in text order."""
        if not self._keys or not text:
            return []
        wrong, guards = [], []
        for last, (key, entry, guarded) in self.automaton.iter(text):
            start = last - len(key) + 1
            if guarded:
                guards.append((start, last + 1, guarded))
            if entry >= 0:
                wrong.append((start, last + 1, entry))
        if not wrong:
            return []
        wrong.sort()
        guards.sort()
        reach: dict = {}   # entry -> the furthest end of its guards that start at or before
        g = 0
        kept = []
        for start, end, i in wrong:
            while g < len(guards) and guards[g][0] <= start:
                for j in guards[g][2]:
                    if guards[g][1] > reach.get(j, -1):
                        reach[j] = guards[g][1]
                g += 1
            if reach.get(i, -1) >= end:
                continue
            entry = self.entries[i]
            if entry.after is not None and not entry.after.match(
                    text, end, min(end + CONTEXT_WINDOW, len(text))):
                continue
            if entry.before is not None and not entry.before.search(
                    text, max(0, start - CONTEXT_WINDOW), start):
                continue
            kept.append((start, end, i))
        out, reached = [], -1
        for start, end, i in sorted(kept, key=lambda h: (h[0], -h[1])):
            if start >= reached:
                out.append(Hit(start, end, self.entries[i]))
                reached = end
        return out


def _compiled(item: dict) -> Entry:
    since = None
    if "since" in item:
        y, m, d = _DATE.fullmatch(item["since"]).groups()  # type: ignore[union-attr]
        since = (int(y), int(m), int(d))
    return Entry(
        kind=item["kind"], right=item["right"], source=item.get("source", ""),
        after=re.compile(item["after"]) if "after" in item else None,
        # Anchored at the end of the window: the text right before the wrong form.
        before=re.compile(f"(?:{item['before']})\\Z") if "before" in item else None,
        since=since)


@lru_cache(maxsize=1)
def builtin_word_list() -> WordList:
    return WordList(builtin_words())


def word_list_of(doc) -> WordList:
    """The word list for ``doc``: the built-in one, or with its context's additions (the
    configuration's and the plugins' ``vocab: words:``), built once per vocabulary."""
    vocab = doc.context.vocab
    extra = getattr(vocab, "words", None)
    if not extra:
        return builtin_word_list()
    found = vocab.__dict__.get("_word_list")
    if found is None:
        found = vocab.__dict__["_word_list"] = WordList(builtin_words() + list(extra))
    return found
