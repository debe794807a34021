"""Document types as data: profiles say how to recognise a type and which parts it needs.

Built-in profiles are ``rules/profiles/*.yaml``; a configuration may add more or
extend a built-in one under ``profiles:``, with the same schema and the same
``path:line:col`` errors.  Wordings are matched with Aho-Corasick automatons,
built once per profile; a profile's few recognition cues are looked for one by one.
"""
from __future__ import annotations

import re
import sys
from functools import cached_property, lru_cache

from .configerrors import ConfigError, value_where, where
from .messages import msg
from .record import FrozenRecord
from .residue import title_of

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional

# Title text beyond this is body, not a title; body cues are looked for this far.
BODY_CUE_CHARS = 2000
# Up to this many cue wordings a profile's cues are looked for one by one (str's own
# search); more take one pass of its automaton.
FEW_CUES = 12
REGEX_TIMEOUT = 2.0


# A record (reportlint.record says why not a NamedTuple).
class Part(FrozenRecord):
    __slots__ = _fields = ("id", "name", "required", "headings", "heading_patterns", "body",
                           "body_patterns", "trusted")
    id: str
    name: dict                      # {"zh": …, "en": …}: in the words of the regulation
    required: bool
    headings: tuple                 # wordings that name the part in a heading
    heading_patterns: tuple         # regular expressions over a heading
    body: tuple                     # wordings that cover the part in a sentence
    body_patterns: tuple            # regular expressions over the text (stay in a sentence)
    trusted: bool                   # built-in: its patterns are known to run in linear time

    def __init__(self, id: str, name: dict, required: bool = True, headings: tuple = (),
                 heading_patterns: tuple = (), body: tuple = (), body_patterns: tuple = (),
                 trusted: bool = False):
        self._assign(id, name, required, headings, heading_patterns, body, body_patterns,
                     trusted)


class Profile:
    """A document type (a plain class, not a dataclass, for the same reason as Part; no
    __slots__: ``automata`` is a cached_property)."""

    def __init__(self, name: str, description: Optional[dict] = None, priority: int = 0,
                 title_cues: tuple = (), body_cues: tuple = (), parts: tuple = ()):
        self.name = name
        self.description = {} if description is None else description
        self.priority = priority
        self.title_cues = title_cues    # groups of wordings: every group must have a hit
        self.body_cues = body_cues
        self.parts = parts

    @cached_property
    def automata(self) -> dict:
        """Per use of a wording (title, body-cue, heading, body): one automaton of those
        wordings, each word's value its length and the cue groups or parts it stands for.
        Kept apart, so that a scan for one use never walks through the others' hits."""
        import ahocorasick

        keys: dict = {"title": {}, "body-cue": {}, "heading": {}, "body": {}}
        for g, group in enumerate(self.title_cues):
            for w in group:
                keys["title"].setdefault(w, []).append(g)
        for g, group in enumerate(self.body_cues):
            for w in group:
                keys["body-cue"].setdefault(w, []).append(g)
        for i, part in enumerate(self.parts):
            for w in part.headings:
                keys["heading"].setdefault(w, []).append(i)
            for w in part.body:
                keys["body"].setdefault(w, []).append(i)
        automata = {}
        for kind, words in keys.items():
            if words:  # a use without wordings has no automaton
                a = automata[kind] = ahocorasick.Automaton()
                for w, indices in words.items():
                    a.add_word(w, (len(w), tuple(indices)))
                a.make_automaton()
        return automata

    def hits(self, text: str, kind: str, start: int = 0, end: Optional[int] = None):
        """(start, end, index) of every wording of ``kind`` in ``text[start:end]``."""
        automaton = self.automata.get(kind)
        if automaton is None:
            return
        # Slice first: the automaton copies the whole string it is given, so
        # start/end arguments on a long text would make every call cost its length.
        piece = text[start:end] if start or end is not None else text
        for last, (length, indices) in automaton.iter(piece):
            for index in indices:
                yield start + last + 1 - length, start + last + 1, index

    def matches(self, text: str, cues_kind: str, groups: tuple) -> bool:
        """Whether every group of ``groups`` (the cues of ``cues_kind``, never empty:
        _Recogniser keeps only profiles with cues) has a wording in ``text``, a title or
        the opening of a body: a few searches for a substring, stopping at the first group
        without a hit, cost less than a pass of the automaton; many wordings take the
        automaton's one pass."""
        if sum(map(len, groups)) <= FEW_CUES:
            return all(any(map(text.__contains__, group)) for group in groups)
        found = {g for _, _, g in self.hits(text, cues_kind)}
        return len(found) == len(groups)

    @cached_property
    def compiled(self):
        """Per part: (heading patterns, body patterns), compiled once."""
        return [([Pattern(p, part.trusted) for p in part.heading_patterns],
                 [Pattern(p, part.trusted) for p in part.body_patterns]) for part in self.parts]

    @cached_property
    def heading_patterns(self) -> list:
        """(part index, its heading patterns) of the parts that have some."""
        return [(i, heads) for i, (heads, _) in enumerate(self.compiled) if heads]


class Pattern:
    """A profile's regular expression.  A user's pattern runs under the regex
    module's timeout, since it may backtrack without bound; the built-in ones are
    linear (bounded repeats of character classes) and use the faster stdlib re.
    Compiled at its first search: the body's patterns are needed only for a part that
    no heading names."""

    def __init__(self, source: str, trusted: bool):
        self.source, self.trusted = source, trusted

    @cached_property
    def _compiled(self) -> tuple:
        """(the compiled pattern, the options of its search)."""
        if self.trusted:
            return re.compile(self.source), {}
        import regex

        return regex.compile(self.source), {"timeout": REGEX_TIMEOUT}

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, options = self._compiled
        return pattern.search(text, pos, endpos, **options)


# -- schema --------------------------------------------------------------------------


def _text_pair(v, node, key, path, allow_str=True) -> dict:
    if isinstance(v, str) and allow_str:
        return {"zh": v, "en": v}
    if isinstance(v, dict) and set(v) <= {"zh", "en"} and all(isinstance(x, str) for x in v.values()):
        return {"zh": str(v.get("zh") or v.get("en", "")), "en": str(v.get("en") or v.get("zh", ""))}
    line, col = value_where(node, key)
    raise ConfigError(path, line, col, msg("'{key}' must be a string or a mapping with zh and en",
                                           key=key))


def _strings(v, node, key, path) -> tuple:
    if isinstance(v, list) and all(isinstance(x, str) and x for x in v):
        return tuple(str(x) for x in v)
    line, col = value_where(node, key)
    raise ConfigError(path, line, col, msg("'{key}' must be a list of non-empty strings", key=key))


def _groups(v, node, key, path) -> tuple:
    if isinstance(v, list) and v and all(isinstance(g, list) and g and
                                         all(isinstance(x, str) and x for x in g) for g in v):
        return tuple(tuple(str(x) for x in g) for g in v)
    line, col = value_where(node, key)
    raise ConfigError(path, line, col, msg("'{key}' must be a list of lists of wordings, "
                                           "e.g. [[法治政府建设], [报告]]", key=key))


def _patterns(v, node, key, path, trusted=False) -> tuple:
    pats = _strings(v, node, key, path)
    if trusted:
        return pats  # built-in data: compiled when first used
    import regex

    for i, p in enumerate(pats):
        try:
            regex.compile(p)
        except regex.error as e:
            line, col = where(v, index=i)
            raise ConfigError(path, line, col, msg("invalid regular expression in '{key}': {problem}",
                                                   key=key, problem=str(e))) from None
    return pats


PROFILE_KEYS = ("name", "description", "priority", "recognise", "parts", "extends")
PART_KEYS = ("id", "name", "required", "headings", "heading-patterns", "body", "body-patterns")


def _unknown(node, known, path, what):
    for k in node:
        if k not in known:
            line, col = where(node, key=k)
            raise ConfigError(path, line, col, msg("unknown key '{key}' in {what} (known: {known})",
                                                   key=k, what=msg(what), known=list(known)))


def parse_profile(node, path: str, base: Optional[Profile] = None, trusted: bool = False) -> Profile:
    """Validate one profile mapping (a ruamel round-trip node) and build it.

    With ``base`` (from ``extends``), unnamed fields come from the base and parts
    with the id of a base part replace it; new parts are added at the end.
    """
    if not isinstance(node, dict):
        line, col = where(node)
        raise ConfigError(path, line, col, "a profile must be a mapping")
    _unknown(node, PROFILE_KEYS, path, "a profile")
    if not isinstance(node.get("name"), str) or not node.get("name"):
        line, col = where(node)
        raise ConfigError(path, line, col, "a profile needs a 'name'")
    prof = Profile(name=str(node["name"]))
    if base is not None:
        prof = Profile(prof.name, dict(base.description), base.priority, base.title_cues,
                       base.body_cues, base.parts)
    if "description" in node:
        prof.description = _text_pair(node["description"], node, "description", path)
    if "priority" in node:
        if not isinstance(node["priority"], int) or isinstance(node["priority"], bool):
            line, col = value_where(node, "priority")
            raise ConfigError(path, line, col, "'priority' must be an integer")
        prof.priority = int(node["priority"])
    rec = node.get("recognise")
    if rec is not None:
        if not isinstance(rec, dict):
            line, col = value_where(node, "recognise")
            raise ConfigError(path, line, col, "'recognise' must be a mapping with title and body")
        _unknown(rec, ("title", "body"), path, "'recognise'")
        if "title" in rec:
            prof.title_cues = _groups(rec["title"], rec, "title", path)
        if "body" in rec:
            prof.body_cues = _groups(rec["body"], rec, "body", path)
    if "parts" in node:
        parts_node = node["parts"]
        if not isinstance(parts_node, list):
            line, col = value_where(node, "parts")
            raise ConfigError(path, line, col, "'parts' must be a list")
        parts = {p.id: p for p in prof.parts}
        for i, pn in enumerate(parts_node):
            part = _parse_part(pn, parts_node, i, path, trusted)
            parts[part.id] = part
        prof.parts = tuple(parts.values())
    return prof


def _parse_part(node, parent, index, path, trusted=False) -> Part:
    if not isinstance(node, dict):
        line, col = where(parent, index=index)
        raise ConfigError(path, line, col, "a part must be a mapping with id and name")
    _unknown(node, PART_KEYS, path, "a part")
    if not isinstance(node.get("id"), str) or "name" not in node:
        line, col = where(parent, index=index)
        raise ConfigError(path, line, col, "a part needs an 'id' and a 'name'")
    required = node.get("required", True)
    if not isinstance(required, bool):
        line, col = value_where(node, "required")
        raise ConfigError(path, line, col, "'required' must be true or false")
    return Part(
        trusted=trusted,
        id=str(node["id"]),
        name=_text_pair(node["name"], node, "name", path),
        required=required,
        headings=_strings(node["headings"], node, "headings", path) if "headings" in node else (),
        heading_patterns=_patterns(node["heading-patterns"], node, "heading-patterns", path, trusted)
        if "heading-patterns" in node else (),
        body=_strings(node["body"], node, "body", path) if "body" in node else (),
        body_patterns=_patterns(node["body-patterns"], node, "body-patterns", path, trusted)
        if "body-patterns" in node else (),
    )


# -- the set of profiles ------------------------------------------------------------------


@lru_cache(maxsize=1)
def builtin_profiles() -> dict:
    """The profiles shipped in rules/profiles (trusted data, parsed through the cache)."""
    from .datacache import builtin_data_files, load_yaml_data

    out = {}
    for path in builtin_data_files("profiles"):
        prof = parse_profile(load_yaml_data(path), path, trusted=True)
        out[prof.name] = prof
    return out


def extend_profiles(base: dict, nodes, path: str) -> dict:
    """The built-in profiles plus those a configuration defines (``profiles:``)."""
    out = dict(base)
    if not isinstance(nodes, list):
        line, col = where(nodes)
        raise ConfigError(path, line, col, "'profiles' must be a list of profiles")
    for i, node in enumerate(nodes):
        parent = None
        if isinstance(node, dict) and "extends" in node:
            if not isinstance(node["extends"], str):   # a list or mapping cannot be a key
                line, col = value_where(node, "extends")
                raise ConfigError(path, line, col, "'extends' must be the name of a profile")
            parent = out.get(node["extends"])
            if parent is None:
                line, col = value_where(node, "extends")
                raise ConfigError(path, line, col, msg("unknown profile '{name}' to extend "
                                                       "(known: {known})", name=node["extends"],
                                                       known=sorted(out)))
        elif isinstance(node, dict) and isinstance(node.get("name"), str) and node["name"] in out:
            parent = out[node["name"]]  # the same name extends the built-in one
        prof = parse_profile(node, path, base=parent)
        out[prof.name] = prof
    return out


def recognise(doc, profiles: dict, title) -> Profile:
    """The profile of a document: by its title when it has one, else by its body."""
    recogniser = _recogniser(tuple(profiles.values()))
    text = doc.folded
    if title is not None:
        found = recogniser.first_match(text[title.start:title.end], "title")
    else:
        found = recogniser.first_match(text[:BODY_CUE_CHARS], "body-cue")
    return found or profiles.get("generic") or Profile("generic")


class _Recogniser:
    """A set of profiles, highest priority first (ties in their order), and per kind of
    cue the wordings of every profile's first group: a text holding none of them (most
    texts without a title, and the titles of other types) is told so by one pass over
    them instead of a test per profile."""

    def __init__(self, profiles: tuple):
        self.ordered = sorted(profiles, key=lambda p: -p.priority)
        self.cues = {"title": [(p, p.title_cues) for p in self.ordered if p.title_cues],
                     "body-cue": [(p, p.body_cues) for p in self.ordered if p.body_cues]}
        self.first_wordings = {kind: tuple({w: None for _, groups in cues for w in groups[0]})
                               for kind, cues in self.cues.items()}

    def first_match(self, text: str, kind: str) -> Optional[Profile]:
        """The first profile whose ``kind`` cues ``text`` matches, or None."""
        if not any(map(text.__contains__, self.first_wordings[kind])):
            return None
        for prof, groups in self.cues[kind]:
            if prof.matches(text, kind, groups):
                return prof
        return None


@lru_cache(maxsize=8)
def _recogniser(profiles: tuple) -> _Recogniser:
    """Once per set of profiles, not once per document."""
    return _Recogniser(profiles)


def profile_of(doc) -> Profile:
    """The document type of ``doc``: the one its context forces, else the one recognised
    among its context's profiles (the built-in ones by default); computed once."""
    return doc.shared(_choose_profile)


def _choose_profile(doc) -> Profile:
    context = doc.context
    profiles = context.profiles or builtin_profiles()
    forced = context.profile
    if forced and forced in profiles:
        return profiles[forced]
    return recognise(doc, profiles, title_of(doc))
