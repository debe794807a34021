"""Configuration: discovery, loading with ruamel.yaml, validation with path:line:col errors.

ruamel.yaml is imported only when a configuration file exists.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from .configerrors import ConfigError, value_where, where  # noqa: F401 (public here too)
from .messages import Message, msg
from .rule import SEVERITIES

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any, NoReturn, Optional

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml")
DEFAULT_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
LANGUAGES = ("zh", "en")
LEVELS = ("off",) + SEVERITIES
# A configuration past a mebibyte is a mistake (or /dev/zero), not one to wait for.
MAX_BYTES = 1024 * 1024
# Seconds a rule may take on one file before it is stopped (0: no limit), and the findings
# of one rule listed for one file (0: all of them); `rule-timeout:` and
# `max-findings-per-rule:` set them, as --rule-timeout and --max-findings-per-rule do.
DEFAULT_RULE_TIMEOUT = 120.0
DEFAULT_MAX_FINDINGS = 1000
# The longest time limit accepted: a day (a limit must fit the alarm's timer).
MAX_RULE_TIMEOUT = 86400


class RuleSetting:
    """A rule's severity and options (plain classes here: a dataclass costs a millisecond
    of every start-up)."""

    __slots__ = ("severity", "options")

    def __init__(self, severity: Optional[str] = None, options: Optional[dict] = None):
        self.severity = severity                # None: the rule's default
        self.options = {} if options is None else options


class Config:
    """The settings of a configuration file, or the defaults."""

    __slots__ = ("path", "root", "rules", "exclude", "ignore", "per_file", "language",
                 "extensions", "profile", "profiles", "vocab", "rule_timeout",
                 "max_findings_per_rule")

    def __init__(self, path: Optional[str] = None, root: str = ".", rules: Optional[dict] = None,
                 exclude: tuple = (), ignore: tuple = (), per_file: tuple = (),
                 language: Optional[str] = None, extensions: tuple = DEFAULT_EXTENSIONS,
                 profile: Optional[str] = None, profiles: Optional[dict] = None,
                 vocab: Optional[dict] = None, rule_timeout: float = DEFAULT_RULE_TIMEOUT,
                 max_findings_per_rule: int = DEFAULT_MAX_FINDINGS):
        self.path = path                # the file it came from, None for defaults
        self.root = root                # globs are relative to this directory
        self.rules = {} if rules is None else rules     # rule name -> RuleSetting
        self.exclude = exclude
        self.ignore = ignore            # ({rule, text, files, line, col}, …): suppressions
        self.per_file = per_file        # ((globs, {rule -> RuleSetting}, profile), …)
        self.language = language
        self.extensions = extensions
        self.profile = profile          # force this profile on every file
        self.profiles = profiles        # built-in plus user-defined, if any defined
        self.vocab = vocab              # additions to the arithmetic vocabulary
        self.rule_timeout = rule_timeout
        self.max_findings_per_rule = max_findings_per_rule

    def profile_for(self, path: str) -> Optional[str]:
        """The profile the configuration names for ``path``, if it names one."""
        chosen = self.profile
        for i in self.per_file_for(path):
            chosen = self.per_file[i][2] or chosen
        return chosen

    def relative(self, path: str) -> str:
        rel = os.path.relpath(os.path.abspath(path), self.root)
        return rel.replace(os.sep, "/")

    def is_excluded(self, path: str) -> bool:
        if not self.exclude:   # the usual case: no path to work out for each file
            return False
        rel = self.relative(path)
        return any(glob_match(g, rel) for g in self.exclude)

    def per_file_for(self, path: str) -> tuple:
        """The indices of the ``per-file:`` entries whose globs match ``path``, in order:
        files with the same indices have the same settings."""
        if not self.per_file:
            return ()
        matched = GlobMemo(self.relative(path))
        return tuple(i for i, (globs, _, _) in enumerate(self.per_file) if matched.any(globs))

    def settings_for(self, path: str) -> dict:
        """Rule settings that apply to ``path``: the global ones, then matching per-file ones."""
        merged = {name: RuleSetting(s.severity, dict(s.options)) for name, s in self.rules.items()}
        for i in self.per_file_for(path):
            for name, s in self.per_file[i][1].items():
                base = merged.setdefault(name, RuleSetting())
                if s.severity is not None:
                    base.severity = s.severity
                base.options.update(s.options)
        return merged


# -- globs -------------------------------------------------------------------------


# Unbounded: a configuration (at most MAX_BYTES) may hold tens of thousands of globs,
# each compiled once for the run, not once per file.
@lru_cache(maxsize=None)
def _glob_regex(glob: str) -> "re.Pattern":
    """gitignore-like globs: ``*`` stays inside a folder, ``**`` crosses folders;
    a glob without ``/`` matches the file name at any depth; a trailing ``/``
    names a folder (``drafts/`` is everything below any folder named drafts)."""
    folder = glob.endswith("/")
    glob = glob.rstrip("/")
    if "/" not in glob:
        glob = "**/" + glob
    out, i = [], 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = glob.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = glob[i + 1:j].replace("\\", "\\\\")
                out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    # A folder glob excludes everything below it.
    return re.compile("".join(out) + ("/.*" if folder else "(?:/.*)?"))


def _strip_dot(glob: str) -> str:
    return glob[2:] if glob.startswith("./") else glob


_WILDCARDS = re.compile(r"[*?\[]")


def glob_match(glob: str, rel_path: str) -> bool:
    glob = _strip_dot(glob)
    if _WILDCARDS.search(glob) is None and glob.strip("/"):
        return _literal_match(glob, rel_path)
    return _glob_regex(glob).fullmatch(rel_path) is not None


def _literal_match(glob: str, rel_path: str) -> bool:
    """What _glob_regex(glob) matches, for a glob without wildcards, without compiling
    it: a list of ten thousand file names costs no ten thousand regular expressions."""
    folder = glob.endswith("/")
    glob = glob.rstrip("/")
    if "/" not in glob:    # a name: any part of the path (a folder: any folder in it)
        parts = rel_path.split("/")
        return glob in (parts[:-1] if folder else parts)
    return rel_path.startswith(glob + "/") or not folder and rel_path == glob


class GlobMemo:
    """Whether any glob of a list matches one path, each list tried once: a YAML alias
    makes many entries share one list (the validator keeps them one object)."""

    def __init__(self, rel_path: str):
        self.rel_path = rel_path
        self._seen: dict = {}    # id(globs) -> (globs, matched); the list kept alive

    def any(self, globs) -> bool:
        seen = self._seen.get(id(globs))
        if seen is None:
            seen = self._seen[id(globs)] = (
                globs, any(glob_match(g, self.rel_path) for g in globs))
        return seen[1]


# -- discovery ----------------------------------------------------------------------


def find_config(start_dir: str) -> Optional[str]:
    """The nearest config file at or above ``start_dir``, stopping at the repository root."""
    d = os.path.abspath(start_dir)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(d, name)
            if os.path.isfile(candidate):
                return candidate
        if os.path.exists(os.path.join(d, ".git")):
            return None
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


# -- loading and validation ------------------------------------------------------------


class _Validator:
    """Checks one loaded YAML document against the registry of rules."""

    def __init__(self, path: str, rules: dict, profiles: Optional[dict] = None):
        self.path = path
        self.known_rules = rules
        self.base_profiles = profiles  # the built-in ones and the plugins'; None: built-in
        self.categories = {r.category for r in rules.values()}
        self.profile_refs: list = []
        self.glob_lists: dict = {}     # id(YAML list) -> its globs, checked

    def fail(self, node, message, key=None, index=None) -> NoReturn:
        line, col = where(node, key, index)
        raise ConfigError(self.path, line, col, message)

    def fail_value(self, node, key, message) -> NoReturn:
        line, col = value_where(node, key)
        raise ConfigError(self.path, line, col, message)

    def mapping(self, node, parent, key, what) -> dict:
        if not isinstance(node, dict):
            self.fail_value(parent, key, msg("{what} must be a mapping", what=what))
        return node

    def string_list(self, node, parent, key) -> tuple:
        if isinstance(node, str):
            return (node,)
        if not isinstance(node, list) or not all(isinstance(x, str) for x in node):
            self.fail_value(parent, key, msg("'{key}' must be a list of strings", key=key))
        return tuple(node)

    def globs(self, node, parent, key) -> tuple:
        """A list of globs, each compiled now: a bad one is an error at its own place.
        A list an alias repeats is checked once and gives one tuple."""
        if isinstance(node, list) and id(node) in self.glob_lists:
            return self.glob_lists[id(node)]
        globs = self.string_list(node, parent, key)
        for i, glob in enumerate(globs):
            if "[" not in glob:
                continue    # only a bracket can make an invalid pattern; compiled when used
            try:
                _glob_regex(_strip_dot(glob))
            except re.error as e:
                message = msg("invalid glob {glob} in '{key}': {problem}", glob=repr(glob),
                              key=key, problem=e.msg)
                if isinstance(node, list):
                    self.fail(node, message, index=i)
                self.fail_value(parent, key, message)
        if isinstance(node, list):
            self.glob_lists[id(node)] = globs   # the loaded document keeps node alive
        return globs

    def rules(self, node, parent, key) -> dict:
        node = self.mapping(node, parent, key, f"'{key}'")
        out = {}
        for name, value in node.items():
            if name not in self.known_rules:
                self.fail(node, msg("unknown rule '{name}' (a category cannot be configured "
                                    "here; name the rule)" if name in self.categories
                                    else "unknown rule '{name}'", name=name), key=name)
            out[name] = self.rule_setting(self.known_rules[name], value, node, name)
        return out

    def rule_setting(self, rule, value, parent, name) -> RuleSetting:
        if isinstance(value, str) or value is None or isinstance(value, bool):
            if value not in LEVELS:
                self.fail_value(parent, name, msg("rule '{name}': severity must be one of "
                                                  "{levels}, not {value}", name=name,
                                                  levels=list(LEVELS), value=repr(value)))
            return RuleSetting(severity=value)
        if not isinstance(value, dict):
            self.fail_value(parent, name, msg("rule '{name}' takes a severity or a mapping",
                                              name=name))
        setting = RuleSetting()
        for opt, v in value.items():
            if opt == "severity":
                if v not in LEVELS:
                    self.fail_value(value, opt, msg("rule '{name}': severity must be one of "
                                                    "{levels}, not {value}", name=name,
                                                    levels=list(LEVELS), value=repr(v)))
                setting.severity = v
                continue
            if opt not in rule.options:
                known = sorted(rule.options) or msg("none")
                self.fail(value, msg("rule '{name}' has no option '{option}' (options: {known})",
                                     name=name, option=opt, known=known), key=opt)
            setting.options[opt] = self.option_value(rule.options[opt], v, value, opt, name)
            least, most = rule.option_bounds.get(opt, (None, None))
            if least is not None and v < least or most is not None and v > most:
                template = ("rule '{name}': option '{option}' must be at least {least}, not {value}"
                            if most is None else
                            "rule '{name}': option '{option}' must be at most {most}, not {value}"
                            if least is None else "rule '{name}': option '{option}' must be "
                            "between {least} and {most}, not {value}")
                self.fail_value(value, opt, msg(template, name=name, option=opt, least=least,
                                                most=most, value=repr(v)))
        return setting

    def option_value(self, default, v, parent, opt, rule_name):
        """Values must have the type of the option's default (an int for an int …)."""
        kind = type(default)
        if kind is bool:
            ok = isinstance(v, bool)
        elif kind is int:
            ok = isinstance(v, int) and not isinstance(v, bool)
        elif kind is float:
            ok = isinstance(v, (int, float)) and not isinstance(v, bool)
        elif kind in (list, tuple):
            ok = isinstance(v, list)
        elif kind is str:
            ok = isinstance(v, str)
        else:
            ok = isinstance(v, kind)
        if not ok:
            self.fail_value(parent, opt, msg("rule '{name}': option '{option}' must be {kind}, "
                                             "not {got}", name=rule_name, option=opt,
                                             kind=_type_name(kind), got=_type_name(type(v))))
        if kind is float:
            return float(v)
        if kind in (list, tuple):
            return kind(_plain(v))
        return _plain(v)

    def document(self, data) -> dict:
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ConfigError(self.path, 1, 1, "the configuration must be a mapping of keys")
        out: dict[str, Any] = {}
        for key, value in data.items():
            # Only the spellings users write: per_file must not reach key_per_file.
            if key not in TOP_LEVEL_KEYS:
                self.fail(data, msg("unknown key '{key}' (known: {known})", key=key,
                                    known=list(TOP_LEVEL_KEYS)), key=key)
            out[key] = getattr(self, "key_" + key.replace("-", "_"))(value, data, key)
        return out

    # one method per top-level key --------------------------------------------------

    def key_rules(self, value, parent, key):
        return self.rules(value, parent, key)

    def key_exclude(self, value, parent, key):
        return self.globs(value, parent, key)

    def key_language(self, value, parent, key):
        if value not in LANGUAGES:
            self.fail_value(parent, key, msg("'language' must be one of {known}",
                                              known=list(LANGUAGES)))
        return value

    def key_extensions(self, value, parent, key):
        exts = self.string_list(value, parent, key)
        if not exts:   # a sweep would lint nothing
            self.fail_value(parent, key, msg("'{key}' must name at least one extension",
                                              key=key))
        # .TXT from Windows is .txt: file names are compared in lower case
        return tuple((e if e.startswith(".") else "." + e).lower() for e in exts)

    def key_ignore(self, value, parent, key):
        """Suppressions for texts without comments: ``{rule, text, files?}`` entries."""
        if not isinstance(value, list):
            self.fail_value(parent, key, "'ignore' must be a list of {rule, text} mappings")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.fail(value, "each 'ignore' entry must be a mapping with 'rule' and 'text'",
                          index=i)
            for k in item:
                if k not in ("rule", "text", "files"):
                    self.fail(item, msg("unknown key '{key}' in an ignore entry (known: {known})",
                                        key=k, known=["rule", "text", "files"]), key=k)
            for needed in ("rule", "text"):
                if needed not in item:
                    self.fail(value, msg("an ignore entry needs '{key}'", key=needed), index=i)
            rule, text = item["rule"], item["text"]
            if not isinstance(rule, str) or (rule not in self.known_rules
                                             and rule not in self.categories and rule != "ALL"):
                self.fail_value(item, "rule", msg("unknown rule '{name}' in an ignore entry",
                                                  name=rule))
            if not isinstance(text, str) or not text:
                self.fail_value(item, "text", "'text' must be the text to ignore (not empty)")
            files = self.globs(item["files"], item, "files") if "files" in item else ()
            line, col = where(value, index=i)
            out.append({"rule": str(rule), "text": str(text), "files": files,
                        "line": line, "col": col})
        return tuple(out)

    def key_per_file(self, value, parent, key):
        if not isinstance(value, list):
            self.fail_value(parent, key, "'per-file' must be a list of {files, rules} mappings")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.fail(value, "each 'per-file' entry must be a mapping with 'files' and 'rules'", index=i)
            for k in item:
                if k not in ("files", "rules", "profile"):
                    self.fail(item, msg("unknown key '{key}' in a per-file entry (known: {known})",
                                        key=k, known=["files", "rules", "profile"]), key=k)
            if "files" not in item:
                self.fail(value, "a per-file entry needs 'files'", index=i)
            globs = self.globs(item["files"], item, "files")
            rules = self.rules(item.get("rules") or {}, item, "rules")
            profile = self.key_profile(item["profile"], item, "profile") if "profile" in item else None
            out.append((globs, rules, profile))
        return tuple(out)

    def key_rule_timeout(self, value, parent, key):
        if not isinstance(value, (int, float)) or isinstance(value, bool) \
                or not 0 <= value <= MAX_RULE_TIMEOUT:   # also false for .nan
            self.fail_value(parent, key, msg("'{key}' must be a number of seconds from 0 (no "
                                             "limit) to {most}", key=key, most=MAX_RULE_TIMEOUT))
        return float(value)

    def key_max_findings_per_rule(self, value, parent, key):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail_value(parent, key, msg("'{key}' must be a whole number, 0 or more (0: "
                                             "no limit)", key=key))
        return int(value)

    def key_profile(self, value, parent, key):
        if not isinstance(value, str):
            self.fail_value(parent, key, "'profile' must be the name of a profile")
        # Names are checked once every profile of the file is known.
        self.profile_refs.append((value, parent, key))
        return value

    def known_profiles(self) -> dict:
        from .profiles import builtin_profiles

        return self.base_profiles or builtin_profiles()

    def key_profiles(self, value, parent, key):
        from .profiles import extend_profiles

        return extend_profiles(self.known_profiles(), value, self.path)

    def key_vocab(self, value, parent, key):
        from .vocab import validate

        return validate(value, self.path)

    def check_profile_refs(self, profiles: dict):
        for name, parent, key in self.profile_refs:
            if name not in profiles:
                self.fail_value(parent, key, msg("unknown profile '{name}' (known: {known})",
                                                 name=name, known=sorted(profiles)))


TOP_LEVEL_KEYS = tuple(k[4:].replace("_", "-") for k in dir(_Validator) if k.startswith("key_"))


_TYPE_NAMES = ((bool, "true or false"), (int, "an integer"), (float, "a number"),
               (str, "a string"), (list, "a list"), (tuple, "a list"), (dict, "a mapping"),
               (type(None), "empty"))


def _type_name(kind) -> Message:
    # issubclass, bool before int: ruamel's ScalarFloat, CommentedSeq … get the plain name.
    return next((msg(name) for base, name in _TYPE_NAMES if issubclass(kind, base)),
                msg("a {kind}", kind=kind.__name__))


def _plain(v):
    """ruamel's round-trip scalars and containers to plain Python values."""
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return float(v)
    if isinstance(v, str):
        return str(v)
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return v


def _parsed(path: str, text: str):
    """The YAML data with ruamel's positions: read by configyaml when it can (a megabyte
    in a fraction of a second), else by ruamel.yaml, which also locates syntax errors."""
    try:
        data = _read_yaml(path, text)
        if "&" in text:     # else no anchor, no alias
            _check_expansion(path, data)
        return data
    except RecursionError:
        raise ConfigError(path, 1, 1, msg("YAML error: {problem}",
                                          problem="nested too deeply")) from None


def _read_yaml(path: str, text: str):
    from .configyaml import Unsupported, load

    try:
        return load(text)
    except Unsupported:
        pass
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = e.problem or e.context or "invalid YAML"
        raise ConfigError(path, line, col, msg("YAML error: {problem}", problem=problem)) from None
    except YAMLError as e:
        raise ConfigError(path, 1, 1, msg("YAML error: {problem}", problem=str(e))) from None


# The values a configuration may stand for once its aliases are expanded, glob lists
# aside (each is checked and compiled once, however often an alias repeats it): an alias
# of an alias of a list ("billion laughs") would otherwise make the check, and what is
# built from it, grow exponentially with the size of the file.
MAX_EXPANDED = 1_000_000
_GLOB_KEYS = ("exclude", "files")


def _check_expansion(path: str, data) -> None:
    if not isinstance(data, dict):
        return
    sizes: dict = {}    # id(node) -> its values, expanded; the node kept alive by data

    def size(node, key=None) -> int:
        if key in _GLOB_KEYS or not isinstance(node, (dict, list)):
            return 1
        known = sizes.get(id(node))
        if known is None:
            items = node.items() if isinstance(node, dict) else ((None, v) for v in node)
            known = sizes[id(node)] = 1 + sum(size(v, k) for k, v in items)
        return known

    for key, value in data.items():
        if size(value, key) > MAX_EXPANDED:
            parent = data
            while isinstance(parent[key], dict):    # down to the key that holds it
                inner = next((k for k, v in parent[key].items() if size(v, k) > MAX_EXPANDED),
                             None)
                if inner is None:
                    break
                parent, key = parent[key], inner
            line, col = value_where(parent, key)
            raise ConfigError(path, line, col, msg(
                "'{key}' stands for more than {limit} values once its aliases are expanded",
                key=key, limit=MAX_EXPANDED))


def load_config(path: str, rules: dict, profiles: Optional[dict] = None) -> Config:
    """Read and validate one configuration file; raises ConfigError."""
    from .reading import NotRegularFile, TooLarge, read_regular

    try:
        text = read_regular(path, MAX_BYTES)[0].decode("utf-8-sig")
    except NotRegularFile as e:
        raise ConfigError(path, 1, 1, msg("cannot read the configuration: {reason}",
                                          reason=msg("not a regular file ({kind})",
                                                     kind=e.kind))) from None
    except TooLarge:
        raise ConfigError(path, 1, 1, msg("the configuration is larger than {limit} MiB, the "
                                          "most it may be", limit=MAX_BYTES >> 20)) from None
    except OSError as e:
        raise ConfigError(path, 1, 1, msg("cannot read the configuration: {reason}",
                                          reason=e.strerror or str(e))) from None
    except UnicodeDecodeError as e:
        raise ConfigError(path, 1, 1, msg("the configuration is not UTF-8 (byte {byte})",
                                          byte=e.start)) from None
    data = _parsed(path, text)
    validator = _Validator(path, rules, profiles)
    values = validator.document(data)
    if validator.profile_refs:
        validator.check_profile_refs(values.get("profiles") or validator.known_profiles())
    return Config(
        path=path,
        root=os.path.dirname(os.path.abspath(path)),
        rules=values.get("rules", {}),
        exclude=values.get("exclude", ()),
        ignore=values.get("ignore", ()),
        per_file=values.get("per-file", ()),
        language=values.get("language"),
        extensions=values.get("extensions", DEFAULT_EXTENSIONS),
        profile=values.get("profile"),
        profiles=values.get("profiles"),
        vocab=values.get("vocab"),
        rule_timeout=values.get("rule-timeout", DEFAULT_RULE_TIMEOUT),
        max_findings_per_rule=values.get("max-findings-per-rule", DEFAULT_MAX_FINDINGS),
    )
