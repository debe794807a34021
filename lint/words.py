"""The word list of the wording rules: typos, non-recommended variant forms and the exact
wording of fixed phrases, as data (rules/vocab/words.yaml), extended and disabled from
.reportlint.yaml under ``vocab: words:``.

An entry names its ``kind``, the ``right`` form and the ``wrong`` forms; ``guard`` lists
contexts that hold a wrong form and are right (截止日期); ``after`` / ``before`` are
regular expressions the text next to a wrong form must match, for what a string cannot
say; ``since`` is the date from which a phrase is the official wording.  Every wrong form
and guard is a key, looked for where its rarest character stands; the index is built once
per word list, when a wording rule first runs (the built-in list's is kept in the data
cache, with the source of its long search's pattern).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .configerrors import ConfigError, value_where, where
from .messages import msg
from .patterns import stored

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

KINDS = ("typo", "variant", "phrase")
FIELDS = ("kind", "right", "wrong", "guard", "after", "before", "since", "source")
# ``after`` / ``before`` look at this many characters next to a wrong form: a pattern
# never reads further, so a match costs the same wherever it stands.
CONTEXT_WINDOW = 16
# An anchor that is a common character is looked for beside this many characters of its
# key, once a word list has searched LONG_SEARCH characters: about where the long search's
# pattern has repaid its compiling (some 7 ms more than the class's, against some 40 ns
# less a character); from the first text when the patterns kept between runs hold it.
CONTEXT = 2
LONG_SEARCH = 200_000
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WORDS_FILE = "words.yaml"   # in rules/vocab/, beside the arithmetic vocabulary
INDEX_FORMAT = 2            # of WordList.index()
# The 800 characters most common in report text, most common first (counted on thirty
# government work reports): a key is looked for where its rarest character stands.
COMMON_CHARS = (
    "业和的发化展新国建全进大加实力推设产动中政人工高一民强生增制持重务体区提能经保地要会作改等行资成合市"
    "施年创济平开深有好理基入社家农治城质企服长量现面革用育以点坚个度主快机上在项水代为出法升造定技文支科"
    "公优性续效不万稳对安各系规方域完心场是投省更策金共品融善级村学五本事目我同源费教放管府领型多分标构促"
    "关程部三活外通就统到态步亿结总护防收位群元向环调消扩整医落色决障特期境时积十利自战数居健乡协际商范口"
    "极电与集应转营险做海内运打台取们导风信办流下立式局准小精义贸监得达综试引培智交老众权物党路央财划计题"
    "批础供解术第两镇任了绿明模格来联严问养兴突二四率于争势略预先专网过件前道及低值研表广比员控军县着形求"
    "西房接易继职价线次需均节习减果超筹江益把东近族贯才措正间配类验干难确条山院依排核别疗税美抓字破清带固"
    "住速示备园空神变链首补算意组食界指旅降置查彻校断碳游功层从北种维所案可世气团困助港督康这单显处思今复"
    "之子污紧土拓布素努互切挥振认让举观药委林惠攻粮双序门议相传车责励债奋常列想适都其使装必卫里聚给南并围"
    "起良普牢充户覆千盖最后铁贫执灾河命天身审具头移额历真退参湖届走边染原视少航扎当百巩跨识儿织承据竞记志"
    "非还疆存左去情然右段扶球队史感鼓究连福华约富受景壮获零绩者六贷未足占日病澳键招须失负八律斗考直至络评"
    "较反些再根息款报货激书牌名救证影底违因检采劳压州煤料草将岸享轮响击践湾材担注宜按守回青满探也旧无京照"
    "容见署念帮端周宗由例贴密币急选除腐启论托购而宏储套庆繁龙阶胞属庭疾银矿圈荣洋挑测手修侨累害免则器司丽"
    "针涉象赋筑遗库衡赛止察纳室便索败知残援九盾包付廉友汽亩终宁微黄始征迈纪田幅撑矛扬石训仍峰短汇越远谐临"
    "官耕纽张博陆章阳伐板妥销洁警渝古武脱七潜油红女艺肃纲图枢犯著请售逐亚站予延热限休讲岗焦尽遇他循慧童危"
    "疫每派患换光吨盟顺片克待爱罪话士废隐馆师厂细甘故假看输弱盘沙妇载致树刻沿浙样号拥诚耗握访渠辽涨献股德"
)
_RARITY = {c: i for i, c in enumerate("".join(COMMON_CHARS))}


# Full-width forms, which the text is matched with folded (most keys have none).
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def fold(key: str) -> str:
    if _FULL_WIDTH.search(key) is None:
        return key
    from .document import fold as fold_text

    return fold_text(key)


def _rarity(c: str) -> int:
    """How rare ``c`` is in report text: marks and digits are everywhere, a Chinese
    character outside COMMON_CHARS is rarer than any inside."""
    if not ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"):
        return -1
    return _RARITY.get(c, len(_RARITY))


def _chars(chars) -> str:
    return "[" + re.escape("".join(sorted(chars))) + "]" if chars else ""


def _sides(anchor: str, groups: list) -> set:
    """What one of its keys puts next to ``anchor``, on the side where the key has more of
    it (政府 is everywhere, 制政府 is not): ("after", the characters after it), ("before",
    the characters before it), or ("", "") for a key of one character."""
    sides = set()
    for offset, _, keys in groups:
        for key in keys:
            before = key[max(0, offset - CONTEXT):offset]
            after = key[offset + 1:offset + 1 + CONTEXT]
            sides.add(("after", after) if len(after) >= len(before) and after
                      else ("before", before) if before else ("", ""))
    return sides


def _beside(anchor: str, sides: set) -> str:
    """A pattern of ``anchor`` where it stands beside what one of its keys puts next to it
    (``_sides``): a filter, the keys are compared where it matches."""
    if ("", "") in sides:
        return re.escape(anchor)   # a key of one character: every one is a place to look
    checks = "|".join(sorted(f"(?={re.escape(chars)})" if side == "after"
                             else f"(?<={re.escape(chars + anchor)})" for side, chars in sides))
    return re.escape(anchor) + (f"(?:{checks})" if len(sides) > 1 else checks)


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
    from .datacache import load_yaml_data

    return list((load_yaml_data(_words_path()) or {}).get("words") or ())


def _words_path() -> str:
    import os

    from .datacache import builtin_data_files

    return next(p for p in builtin_data_files("vocab") if os.path.basename(p) == WORDS_FILE)


class Entry:
    """An entry of the word list, compiled (plain classes here: each dataclass costs a
    millisecond at every start)."""

    __slots__ = ("kind", "right", "source", "after", "before", "since")

    def __init__(self, kind: str, right: str, source: str, after: Optional[re.Pattern],
                 before: Optional[re.Pattern], since: Optional[tuple]):
        self.kind = kind
        self.right = right
        self.source = source
        self.after = after
        self.before = before
        self.since = since          # (year, month, day)


class Hit:
    """A wrong form found at ``text[start:end]``."""

    __slots__ = ("start", "end", "entry")

    def __init__(self, start: int, end: int, entry: Entry):
        self.start = start
        self.end = end
        self.entry = entry


def _keys(items) -> dict:
    """key -> (key, index of the entry it is a wrong form of or -1, entries it guards), the
    entries counted without the ``disable`` items: a later entry's wrong form replaces an
    earlier one's, ``disable`` drops a wrong form or a right form's entries."""
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
        for w in item["wrong"]:
            forms[fold(w)] = len(raw) - 1
    keys: dict = {form: (form, i, ()) for form, i in forms.items()}
    live = set(forms.values())
    for i in live:
        guards = raw[i].get("guard", [])
        # The right form guards its own entry where it holds a wrong form: 截至目前 is
        # never a wrong 截至 (a right form that holds none is no key: 作为 is everywhere).
        if any(w in raw[i]["right"] for w in raw[i]["wrong"]):
            guards = guards + [raw[i]["right"]]
        for guard in guards:
            g = fold(guard)
            key, entry, guarded = keys.get(g, (g, -1, ()))
            keys[g] = (key, entry, guarded + (i,))
    return keys


class WordList:
    """Entries (and ``disable`` items) in order: a later entry's wrong form replaces an
    earlier one's; ``disable`` names a wrong form, or a right form for all of its entry's."""

    def __init__(self, items, index: Optional[dict] = None):
        """``index``: what ``index()`` gave for the same items (the data cache keeps the
        built-in list's: building it is a few milliseconds of every start)."""
        # Compiled when first found: a document meets few of the entries.
        self._items = [item for item in items if "disable" not in item]
        self._entries: list = [None] * len(self._items)
        self._keys: dict
        self._anchors: Optional[dict] = None
        self._long: Optional[str] = None   # the source of the long search's pattern
        if index is None:
            self._keys = _keys(items)
        else:
            self._keys = {k: (k, entry, tuple(guarded)) for k, entry, guarded in index["keys"]}
            self._anchors = {c: [(o, n, frozenset(ks)) for o, n, ks in groups]
                             for c, groups in index["anchors"]}
            self._long = index["search"]
        self._patterns: dict = {}     # long search? -> pattern
        # Characters left to search before the long search repays its compiling: none
        # when an earlier run left that pattern compiled.
        self._short_left = 0 if self._long is not None and stored(self._long) else LONG_SEARCH

    def index(self) -> dict:
        """The keys and anchors, and the long search's source, as plain data for the data
        cache (that source takes milliseconds to build)."""
        return {"keys": [[k, entry, list(guarded)] for k, entry, guarded in self._keys.values()],
                "anchors": [[c, [[o, n, sorted(ks)] for o, n, ks in groups]]
                            for c, groups in self._anchored().items()],
                "search": self._long_source()}

    def _anchored(self) -> dict:
        """anchor -> [(offset, length, keys)]: each key is looked for where its rarest
        character stands (the one least common in report text, COMMON_CHARS), and only
        there is it compared.  Linear in the text, and unlike an Aho-Corasick automaton
        (pyahocorasick scans the children of its root one by one, so hundreds of keys with
        hundreds of first characters slow every step) its cost does not grow with the
        size of the list."""
        if self._anchors is None:
            groups: dict = {}   # anchor -> (offset, length) -> keys
            rarity = {c: _rarity(c) for c in set("".join(self._keys))}.__getitem__
            for key in self._keys:
                anchor = max(key, key=rarity)   # the first of the rarest
                groups.setdefault(anchor, {}).setdefault((key.index(anchor), len(key)),
                                                         set()).add(key)
            # Keys of one anchor, offset and length are looked up together, with one slice
            # of the text: the orders of 四个自信 share every character.
            self._anchors = {c: [(o, n, frozenset(ks)) for (o, n), ks in g.items()]
                             for c, g in groups.items()}
        return self._anchors

    def _search(self, size: int) -> Optional[re.Pattern]:
        """The pattern that finds the anchors in a text of ``size`` characters (None: the
        list has no key).

        One character class finds every anchor.  An anchor that is a common character
        (法制政府 has none rarer than 府) then stops the search at every 政府, one Python
        step each; in a long text the anchors are found instead by a pattern that also
        checks, behind the anchor it found, the characters its keys put next to it: for a
        common anchor, its own keys' (制政府); for a rare one, a character that one of the
        rare anchors' keys puts next to its anchor.  One scan for both: the class of all
        anchors leads, so the search skips to them at C speed, and only there are the
        checks tried.  That pattern costs more to compile than a short text saves, so it
        is made once this word list has searched LONG_SEARCH characters, or at once when
        the compiled patterns kept between runs hold it."""
        self._short_left -= size
        long = self._short_left <= 0
        if long not in self._patterns:
            source = self._long_source() if long else _chars(self._anchored())
            self._patterns[long] = re.compile(source) if source else None
        return self._patterns[long]

    def _long_source(self) -> str:
        """The source of the long search's pattern (see ``_search``)."""
        if self._long is None:
            anchors = self._anchored()
            source = _chars(anchors)
            if anchors:
                rare: set = set()
                after: set = set()
                before: set = set()
                for c in anchors:
                    if _rarity(c) == len(_RARITY):
                        keys = [(k, o) for o, _, ks in anchors[c] for k in ks]
                        if all(len(k) > 1 for k, _ in keys):   # else no neighbour to ask for
                            rare.add(c)
                            after.update(k[o + 1] for k, o in keys if o + 1 < len(k))
                            before.update(k[o - 1] for k, o in keys if o + 1 == len(k))
                checks = ([f"(?={_chars(after)})"] if after else []) + (
                    [f"(?<={_chars(before)}.)"] if before else [])
                branches = [_chars(rare) + "(?:" + "|".join(checks) + ")"] if rare else []
                sides = {c: _sides(c, anchors[c]) for c in anchors if c not in rare}
                plain = [c for c in sides if ("", "") in sides[c]]
                if plain:
                    branches.append(_chars(plain))
                # Common anchors stand some thirty times in a page, and at each the
                # branches of all of them are tried in turn: one test first, of a
                # character that any of their keys puts beside its anchor, rejects two
                # in three at once.  (The most common first: a branch is rejected by its
                # first character.)
                common = sorted((c for c in sides if c not in plain), key=_rarity)
                if common:
                    near = [s for c in common for s in sides[c]]
                    nexts = _chars({chars[0] for side, chars in near if side == "after"})
                    lasts = _chars({chars[-1] for side, chars in near if side == "before"})
                    near_checks = ([f"(?={nexts})"] if nexts else []) + (
                        [f"(?<={lasts}.)"] if lasts else [])
                    branches.append(_chars(common) + "(?:" + "|".join(near_checks) + ")(?<="
                                    + "|".join(_beside(c, sides[c]) for c in common) + ")")
                # Each branch is one character wide: the anchor found, looked at again.
                source += "(?<=" + "|".join(branches) + ")"
            self._long = source
        return self._long

    def find(self, text: str) -> list:
        """The wrong forms in ``text`` (folded) outside their guards and in their context:
        leftmost-longest, never overlapping, in text order."""
        if not text:
            return []
        pattern = self._search(len(text))
        found = [m.start() for m in pattern.finditer(text)] if pattern is not None else []
        if not found:
            return []   # most short texts
        by_anchor = self._anchored()
        wrong, guards = [], []
        keys = self._keys
        for at in found:
            for offset, size, group in by_anchor[text[at]]:
                start = at - offset
                key = text[start:start + size] if start >= 0 else ""
                if key not in group:
                    continue
                _, entry, guarded = keys[key]
                end = start + size
                if guarded:
                    guards.append((start, end, guarded))
                if entry >= 0:
                    wrong.append((start, end, entry))
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
            entry = self._entry(i)
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
                out.append(Hit(start, end, self._entry(i)))
                reached = end
        return out

    def _entry(self, i: int) -> Entry:
        found = self._entries[i]
        if found is None:
            found = self._entries[i] = _compiled(self._items[i])
        return found


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
    from . import document
    from .datacache import load_derived

    items = builtin_words()
    # Keyed by the list and the code that builds the index (this module, and
    # document.fold for full-width keys).
    index = load_derived([_words_path(), __file__, document.__file__],
                         f"word-index-{INDEX_FORMAT}", lambda: WordList(items).index())
    return WordList(items, index)


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
