"""Configuration: loading, validation errors with positions, discovery, globs."""
import pytest

from reportlint.cli import main
from reportlint.config import ConfigError, find_config, glob_match, load_config
from reportlint.plugins import default_registry

# A title line first (a document without one is a missing-title finding), then
# 郑0 宅1 司2 法3 所4 荣5 获6 省7 级8 ”9: reversed-quotes at 2:10
TITLE = "关于依法行政工作的情况说明\n"
BODY = "郑宅司法所荣获省级”枫桥式“司法所。\n"
REVERSED = TITLE + BODY

VALID = """\
# a full configuration
rules:
  reversed-quotes: warning
  duplicate-block: {severity: warning, min-chars: 50}
  mixed-width-pair: off
  unmatched-pair:
    severity: info
exclude:
  - drafts/**
  - "*.bak.txt"
per-file:
  - files: ["appendix/*.txt", "annex/**"]
    rules:
      duplicate-block: {min-sentence-chars: 20}
      reversed-quotes: off
language: en
extensions: [txt, .text]
rule-timeout: 30
max-findings-per-rule: 50
"""


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def rules():
    return default_registry().rules


# -- loading ------------------------------------------------------------------------


def test_load_valid_config(tmp_path, rules):
    path = write(tmp_path / ".reportlint.yaml", VALID)
    cfg = load_config(str(path), rules)
    assert cfg.path == str(path)
    assert cfg.root == str(tmp_path)
    assert cfg.rules["reversed-quotes"].severity == "warning"
    assert cfg.rules["reversed-quotes"].options == {}
    dup = cfg.rules["duplicate-block"]
    assert dup.severity == "warning"
    assert dup.options == {"min-chars": 50}
    assert type(dup.options["min-chars"]) is int
    assert cfg.rules["mixed-width-pair"].severity == "off"
    assert cfg.rules["unmatched-pair"].severity == "info"
    assert cfg.exclude == ("drafts/**", "*.bak.txt")
    assert cfg.language == "en"
    assert cfg.extensions == (".txt", ".text")
    assert [entry[0] for entry in cfg.per_file] == [("appendix/*.txt", "annex/**")]
    assert (cfg.rule_timeout, cfg.max_findings_per_rule) == (30.0, 50)
    assert type(cfg.rule_timeout) is float and type(cfg.max_findings_per_rule) is int


def test_settings_for_merges_per_file_settings(tmp_path, rules):
    cfg = load_config(str(write(tmp_path / ".reportlint.yaml", VALID)), rules)
    plain = cfg.settings_for(str(tmp_path / "report.txt"))
    assert plain["reversed-quotes"].severity == "warning"
    assert plain["duplicate-block"].options == {"min-chars": 50}
    inner = cfg.settings_for(str(tmp_path / "appendix" / "a.txt"))
    assert inner["reversed-quotes"].severity == "off"
    # per-file options add to the global ones; the global severity stays
    assert inner["duplicate-block"].severity == "warning"
    assert inner["duplicate-block"].options == {"min-chars": 50, "min-sentence-chars": 20}
    # the global settings are not modified by the merge
    assert cfg.rules["duplicate-block"].options == {"min-chars": 50}
    assert cfg.settings_for(str(tmp_path / "annex" / "x" / "y.txt"))["reversed-quotes"].severity == "off"
    # appendix/*.txt does not reach into sub-folders
    deep = cfg.settings_for(str(tmp_path / "appendix" / "sub" / "a.txt"))
    assert deep["reversed-quotes"].severity == "warning"


def test_exclusions(tmp_path, rules):
    cfg = load_config(str(write(tmp_path / ".reportlint.yaml", VALID)), rules)
    assert cfg.is_excluded(str(tmp_path / "drafts" / "a.txt"))
    assert cfg.is_excluded(str(tmp_path / "drafts" / "x" / "y.txt"))
    assert cfg.is_excluded(str(tmp_path / "deep" / "notes.bak.txt"))
    assert not cfg.is_excluded(str(tmp_path / "report.txt"))
    assert not cfg.is_excluded(str(tmp_path / "old-drafts" / "a.txt"))


def test_empty_config_is_the_defaults(tmp_path, rules):
    cfg = load_config(str(write(tmp_path / ".reportlint.yaml", "# nothing yet\n")), rules)
    assert cfg.rules == {} and cfg.exclude == () and cfg.language is None
    assert cfg.extensions == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
    assert (cfg.rule_timeout, cfg.max_findings_per_rule) == (120.0, 1000)


def test_valid_config_through_the_cli(tmp_path, capsys, monkeypatch):
    write(tmp_path / ".reportlint.yaml", VALID)
    write(tmp_path / "report.txt", REVERSED)
    write(tmp_path / "other.text", TITLE + "前言。\n" + BODY)
    write(tmp_path / "notes.md", REVERSED)               # not an extension in the config
    write(tmp_path / "drafts" / "d.txt", REVERSED)       # excluded
    write(tmp_path / "x.bak.txt", REVERSED)              # excluded
    write(tmp_path / "appendix" / "a.txt", REVERSED)     # reversed-quotes off there
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["--format", "concise", "."], capsys)
    assert err == ""
    # the config's language is English; reversed-quotes is only a warning
    assert out.splitlines() == [
        "./other.text:3:10: warning reversed-quotes quotation marks in reverse order: "
        "”枫桥式“, meant “枫桥式”",
        "./report.txt:2:10: warning reversed-quotes quotation marks in reverse order: "
        "”枫桥式“, meant “枫桥式”",
    ]
    assert code == 0
    # --lang beats the config's language; --fail-on warning makes it fail
    code, out, _ = run(["--format", "concise", "--lang", "zh", "--fail-on", "warning",
                        "report.txt"], capsys)
    assert out == "report.txt:2:10: warning reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 1


def test_config_severity_info_and_off(tmp_path, capsys):
    cfg = write(tmp_path / "c.yaml", "rules:\n  reversed-quotes: info\n")
    doc = write(tmp_path / "d.txt", REVERSED)
    code, out, _ = run(["--config", str(cfg), "--format", "concise", str(doc)], capsys)
    assert " info reversed-quotes " in out and code == 0
    write(tmp_path / "c.yaml", "rules:\n  reversed-quotes: 'off'\n")
    code, out, _ = run(["--config", str(cfg), "--format", "concise", str(doc)], capsys)
    assert out == "" and code == 0


# -- errors -------------------------------------------------------------------------

ERRORS = [
    # (config text, line, column, words in the message)
    ("language: zh\nseverity: error\n", 2, 1, ["unknown key 'severity'"]),
    ("language: zh\nper_file:\n  - files: x\n", 2, 1, ["unknown key 'per_file'", "per-file"]),
    ("rules:\n  no-such-rule: error\n", 2, 3, ["unknown rule 'no-such-rule'"]),
    ("rules:\n  pairs: warning\n", 2, 3, ["unknown rule 'pairs'", "category"]),
    ("rules:\n  duplicate-block:\n    severity: warning\n    min-char: 5\n", 4, 5,
     ["no option 'min-char'", "min-chars"]),
    ("rules:\n  duplicate-block:\n    severity: warning\n    min-chars: fifty\n", 4, 16,
     ["min-chars", "an integer", "a string"]),
    ("rules:\n  duplicate-block: {severity: warning, min-chars: '50'}\n", 2, 51,
     ["min-chars", "an integer"]),
    # the plain type name, not ruamel's ScalarFloat or CommentedSeq
    ("rules:\n  duplicate-block:\n    min-chars: 1.5\n", 3, 16,
     ["option 'min-chars' must be an integer, not a number"]),
    ("rules:\n  duplicate-block:\n    min-chars: [50]\n", 3, 16,
     ["option 'min-chars' must be an integer, not a list"]),
    # Bounds: a length of text is at least 1.
    ("rules:\n  duplicate-block:\n    min-chars: -1\n", 3, 16,
     ["option 'min-chars' must be at least 1, not -1"]),
    ("rules:\n  duplicate-block: {min-sentence-chars: 0}\n", 2, 41,
     ["option 'min-sentence-chars' must be at least 1, not 0"]),
    ("rules:\n  reversed-quotes: fatal\n", 2, 20, ["severity", "'fatal'"]),
    ("rules:\n  reversed-quotes: {severity: loud}\n", 2, 31, ["severity", "'loud'"]),
    ("rules:\n  reversed-quotes: 3\n", 2, 20, ["reversed-quotes"]),
    ("language: zh\nlanguage: en\n", 2, 1, ["duplicate key", "language"]),
    ("rules:\n  reversed-quotes: error\n  reversed-quotes: warning\n", 3, 3,
     ["duplicate key", "reversed-quotes"]),
    ("language: en: zh\n", 1, 13, ["YAML error"]),
    ("exclude: [a, b]]\n", 1, 16, ["YAML error"]),
    ("rules:\n\treversed-quotes: error\n", 2, 1, ["YAML error"]),
    ("exclude: 5\n", 1, 10, ["'exclude' must be a list of strings"]),
    # an empty list would make every sweep lint nothing
    ("extensions: []\n", 1, 13, ["'extensions' must name at least one extension"]),
    ("language: fr\n", 1, 11, ["language"]),
    ("per-file:\n  - files: 'a/*.txt'\n    rulez: {}\n", 3, 5, ["unknown key 'rulez'"]),
    ("per-file:\n  - rules: {reversed-quotes: off}\n", 2, 5, ["needs 'files'"]),
    # a glob that could be invalid (one with [) is checked when the configuration loads,
    # not when a file meets it
    ('exclude: ["[z-a]"]\n', 1, 11, ["invalid glob '[z-a]'", "bad character range"]),
    ('exclude: "[z-a]"\n', 1, 10, ["invalid glob '[z-a]'"]),
    ('per-file:\n  - files: ["ok", "[z-a]"]\n', 2, 19, ["invalid glob '[z-a]' in 'files'"]),
    ("ignore:\n  - {rule: ALL, text: x, files: ['[z-a]']}\n", 2, 34, ["invalid glob"]),
    # the limits of a run: seconds from 0 to a day, a count from 0; 0 is no limit
    ("rule-timeout: -1\n", 1, 15, ["'rule-timeout' must be a number of seconds from 0"]),
    ("rule-timeout: 100000\n", 1, 15, ["'rule-timeout'", "to 86400"]),
    ("rule-timeout: .nan\n", 1, 15, ["'rule-timeout'"]),
    ("rule-timeout: true\n", 1, 15, ["'rule-timeout'"]),
    ("rule-timeout: '60'\n", 1, 15, ["'rule-timeout'"]),
    ("max-findings-per-rule: -1\n", 1, 24,
     ["'max-findings-per-rule' must be a whole number, 0 or more"]),
    ("max-findings-per-rule: 1.5\n", 1, 24, ["'max-findings-per-rule'"]),
    ("max-findings-per-rule: false\n", 1, 24, ["'max-findings-per-rule'"]),
]


@pytest.mark.parametrize("text, line, col, words", ERRORS)
def test_config_errors_from_the_cli(tmp_path, capsys, text, line, col, words):
    cfg = write(tmp_path / ".reportlint.yaml", text)
    doc = write(tmp_path / "d.txt", REVERSED)
    code, out, err = run(["--lang", "en", str(doc)], capsys)
    assert code == 2
    assert out == ""  # a broken configuration ends the run before any output
    assert err.startswith(f"{cfg}:{line}:{col}: "), err
    assert len(err.splitlines()) == 1
    for w in words:
        assert w in err


@pytest.mark.parametrize("text, line, col, words", ERRORS)
def test_config_errors_from_load_config(tmp_path, rules, text, line, col, words):
    cfg = write(tmp_path / "named.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(str(cfg), rules)
    e = info.value
    assert (e.path, e.line, e.col) == (str(cfg), line, col)
    assert str(e).startswith(f"{cfg}:{line}:{col}: ")


def test_config_that_is_not_a_mapping(tmp_path, rules):
    cfg = write(tmp_path / "c.yaml", "- a\n- b\n")
    with pytest.raises(ConfigError, match=r"c\.yaml:1:1: .*mapping"):
        load_config(str(cfg), rules)


def test_config_that_is_not_utf8(tmp_path, rules):
    cfg = tmp_path / "c.yaml"
    cfg.write_bytes("language: 中文\n".encode("gbk"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(str(cfg), rules)


def test_missing_config_file_named_on_the_command_line(tmp_path, capsys):
    doc = write(tmp_path / "d.txt", "正常。\n")
    code, out, err = run(["--lang", "en", "--config", str(tmp_path / "none.yaml"), str(doc)],
                         capsys)
    assert code == 2
    assert "none.yaml" in err and "no such configuration file" in err


# -- discovery ----------------------------------------------------------------------


def test_config_in_a_parent_folder_applies(tmp_path, capsys):
    write(tmp_path / "proj" / ".reportlint.yaml", "rules:\n  reversed-quotes: warning\n")
    doc = write(tmp_path / "proj" / "a" / "b" / "d.txt", REVERSED)
    assert find_config(str(doc.parent)) == str(tmp_path / "proj" / ".reportlint.yaml")
    code, out, _ = run(["--format", "concise", str(doc)], capsys)
    assert out == f"{doc}:2:10: warning reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 0


def test_yml_spelling_is_found(tmp_path):
    write(tmp_path / ".reportlint.yml", "language: en\n")
    assert find_config(str(tmp_path)) == str(tmp_path / ".reportlint.yml")


def test_nearest_config_wins(tmp_path):
    write(tmp_path / ".reportlint.yaml", "language: en\n")
    write(tmp_path / "sub" / ".reportlint.yaml", "language: zh\n")
    assert find_config(str(tmp_path / "sub")) == str(tmp_path / "sub" / ".reportlint.yaml")


def test_discovery_stops_at_a_git_folder(tmp_path, capsys):
    write(tmp_path / ".reportlint.yaml", "rules:\n  reversed-quotes: 'off'\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    inside = write(tmp_path / "repo" / "sub" / "d.txt", REVERSED)
    outside = write(tmp_path / "elsewhere" / "d.txt", REVERSED)
    assert find_config(str(inside.parent)) is None
    assert find_config(str(outside.parent)) == str(tmp_path / ".reportlint.yaml")
    code, out, _ = run(["--format", "concise", str(inside), str(outside)], capsys)
    assert out == f"{inside}:2:10: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 1


def test_config_at_the_git_root_is_found(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / ".reportlint.yaml", "language: en\n")
    (tmp_path / "repo" / "a").mkdir()
    assert find_config(str(tmp_path / "repo" / "a")) == str(tmp_path / "repo" / ".reportlint.yaml")


def test_explicit_config_and_no_config(tmp_path, capsys):
    # a discovered config turns the rule off; --config names another; --no-config ignores both
    write(tmp_path / ".reportlint.yaml", "rules:\n  reversed-quotes: 'off'\n")
    other = write(tmp_path / "conf" / "strict.yaml", "rules:\n  reversed-quotes: info\n")
    doc = write(tmp_path / "d.txt", REVERSED)
    code, out, _ = run(["--format", "concise", str(doc)], capsys)
    assert (code, out) == (0, "")
    code, out, _ = run(["--format", "concise", "--config", str(other), str(doc)], capsys)
    assert out == f"{doc}:2:10: info reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 0
    code, out, _ = run(["--format", "concise", "--no-config", str(doc)], capsys)
    assert out == f"{doc}:2:10: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 1


def test_no_config_skips_a_broken_config(tmp_path, capsys):
    write(tmp_path / ".reportlint.yaml", "rulez: 1\n")
    doc = write(tmp_path / "d.txt", TITLE + "正常的文字。\n")
    assert run([str(doc)], capsys)[0] == 2
    assert run(["--no-config", str(doc)], capsys)[0] == 0


def test_explicit_config_globs_are_relative_to_its_folder(tmp_path, capsys):
    other = write(tmp_path / "conf" / "c.yaml", "exclude: [sub/*.txt]\n")
    below = write(tmp_path / "conf" / "sub" / "d.txt", REVERSED)
    beside = write(tmp_path / "sub" / "d.txt", REVERSED)
    code, out, _ = run(["--format", "concise", "--config", str(other), str(below), str(beside)],
                       capsys)
    assert out == f"{beside}:2:10: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”\n"
    assert code == 1


# -- globs --------------------------------------------------------------------------


@pytest.mark.parametrize("glob, path, expected", [
    ("*.txt", "a.txt", True),
    ("*.txt", "x/y/a.txt", True),
    ("*.txt", "a.md", False),
    ("*.txt", "a.txt.md", False),
    ("drafts/**", "drafts/a.txt", True),
    ("drafts/**", "drafts/x/y/z.md", True),
    ("drafts/**", "old-drafts/a.txt", False),
    ("drafts/**", "x/drafts/a.txt", False),
    ("a/*.txt", "a/c.txt", True),
    ("a/*.txt", "a/b/c.txt", False),
    ("a/*.txt", "x/a/c.txt", False),
    ("**/*.md", "a.md", True),
    ("**/*.md", "p/q/a.md", True),
    ("drafts", "drafts/a.txt", True),
    ("drafts", "x/drafts/a.txt", True),
    ("drafts", "drafts2/a.txt", False),
    ("drafts/", "drafts/a.txt", True),
    ("drafts/", "x/drafts/a.txt", True),
    ("./drafts/**", "drafts/a.txt", True),
    ("?.txt", "a.txt", True),
    ("?.txt", "ab.txt", False),
    ("[ab].txt", "b.txt", True),
    ("[!ab].txt", "a.txt", False),
    ("[!ab].txt", "c.txt", True),
    ("a.txt", "a_txt", False),
])
def test_glob_match(glob, path, expected):
    assert glob_match(glob, path) is expected


@pytest.mark.parametrize("glob", ["drafts/", "drafts", "a/b", "a/b/", "a.txt", "x/a.txt"])
@pytest.mark.parametrize("path", ["drafts", "x/drafts", "drafts/a.txt", "x/drafts/a.txt",
                                  "a/b", "a/bc", "x/a/b", "a/b/c", "a.txt", "x/a.txt",
                                  "y/x/a.txt", "a.txt/b"])
def test_a_glob_without_wildcards_matches_what_its_pattern_matches(glob, path):
    # such globs are matched without compiling them: the same answers as the pattern
    from reportlint.config import _glob_regex, _literal_match

    assert _literal_match(glob, path) is bool(_glob_regex(glob).fullmatch(path))


def test_per_file_settings_apply_file_by_file_in_one_run(tmp_path, capsys, monkeypatch):
    # The rules chosen for one file are reused only for files the same entries govern.
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".reportlint.yaml").write_text(
        "per-file:\n  - files: 'quiet/*.txt'\n    rules: {reversed-quotes: 'off'}\n"
        "  - files: 'loud/*.txt'\n    rules: {reversed-quotes: warning}\n", encoding="utf-8")
    for folder in ("quiet", "plain", "loud"):
        (tmp_path / folder).mkdir()
        for name in ("a.txt", "b.txt"):
            (tmp_path / folder / name).write_text(REVERSED, encoding="utf-8")
    code, out, _ = run(["--format", "concise", "--jobs", "1", "loud", "quiet", "plain"], capsys)
    assert [line.split(" ")[:2] for line in out.splitlines()] == [
        ["loud/a.txt:2:10:", "warning"], ["loud/b.txt:2:10:", "warning"],
        ["plain/a.txt:2:10:", "error"], ["plain/b.txt:2:10:", "error"]]
    assert code == 1


def test_each_folder_gets_its_configuration_however_paths_name_it(tmp_path, monkeypatch):
    # the configuration is looked up once per folder as the paths name it; a path that
    # ends in /, . or .. names no file in that folder
    from reportlint.resolve import Resolver

    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".reportlint.yaml").write_text("language: en\n", encoding="utf-8")
    (tmp_path / "sub" / ".reportlint.yaml").write_text("language: zh\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    resolver = Resolver(default_registry())

    def language(path):
        return resolver.config_for(path).language

    for _ in range(2):   # looked up, then remembered
        assert language("sub/") == "en"            # the folder sub itself, in the top one
        assert language("sub/a.txt") == "zh"
        assert language("sub/deeper/..") == language("sub/.") == "en"   # sub too
        assert language("sub/deeper/a.txt") == "zh"
        assert language("sub/deeper/../../a.txt") == "en"
        assert language("a.txt") == "en"


# -- a configuration of a megabyte -------------------------------------------------------

def big_words_config(n=6000):
    """A long word list, as a user adds one entry per line (160 bytes each)."""
    lines = [f"    - {{kind: typo, right: 统筹兼顾{i}, wrong: [统愁兼顾{i}, 统筹兼故{i}], "
             f"source: 本单位校对规范第{i}条，2024年修订}}  # 条目 {i}\n" for i in range(n)]
    return "# 本单位词表\nvocab:\n  words:\n" + "".join(lines)


def test_a_big_configuration_is_accepted(tmp_path, rules):
    text = big_words_config(4300) + "exclude:\n" + "".join(
        f"  - archive/{i}/draft-{i}.txt\n" for i in range(3000)) + "ignore:\n" + "".join(
        f"  - rule: confusable-word\n    text: 第{i}项\n    files: [reports/r{i}.txt]\n"
        for i in range(3000))
    cfg = load_config(write(tmp_path / ".reportlint.yaml", text), rules)
    assert len(text.encode()) > 1_000_000
    assert len(cfg.vocab["words"]) == 4300 and cfg.vocab["words"][-1]["right"] == "统筹兼顾4299"
    assert cfg.is_excluded(str(tmp_path / "archive" / "7" / "draft-7.txt"))
    assert not cfg.is_excluded(str(tmp_path / "archive" / "7" / "draft-8.txt"))
    last = 3 + 4300 + 1 + 3000 + 1 + 3 * 2999 + 1     # comment and keys, entries, keys
    assert (cfg.ignore[-1]["line"], cfg.ignore[-1]["col"]) == (last, 5)


@pytest.mark.parametrize("entry, at, words", [
    ("{kind: typo, right: 统筹, wrong: [统愁], colour: red}", "colour", "unknown key 'colour'"),
    ("{kind: typ, right: 统筹, wrong: [统愁]}", "typ", "'kind' in vocab 'words' must be"),
    ("{kind: typo, right: 统筹, wrong: 统愁}", "统愁", "'wrong'"),
    ("[统筹, 统愁]", "[", "must be a list of entries"),
])
def test_errors_in_a_big_configuration_are_located(tmp_path, rules, entry, at, words):
    text = big_words_config()
    lines = text.splitlines(keepends=True)
    lines[5000] = f"    - {entry}\n"
    path = write(tmp_path / ".reportlint.yaml", "".join(lines))
    with pytest.raises(ConfigError) as e:
        load_config(path, rules)
    col = len("    - ") + entry.index(at) + 1
    assert (e.value.line, e.value.col) == (5001, col) and words in e.value.text("en")


def test_aliases_are_expanded_once_or_refused(tmp_path, rules):
    globs = "".join(f"  - old/{i}/*.txt\n" for i in range(2000))
    shared = "exclude: &g\n" + globs + "per-file:\n" + "".join(
        "  - {files: *g, rules: {confusable-word: warning}}\n" for _ in range(2000))
    cfg = load_config(write(tmp_path / ".reportlint.yaml", shared), rules)
    assert len({id(globs) for globs, _, _ in cfg.per_file}) == 1
    # Each level of aliases multiplies: 40 × 40 × 40 × 40 words from a few kilobytes.
    laughs = "vocab:\n  partitions:\n    - &a [" + ", ".join(["词"] * 40) + "]\n"
    for name, below in (("b", "a"), ("c", "b"), ("d", "c")):
        laughs += f"    - &{name} [" + ", ".join([f"*{below}"] * 40) + "]\n"
    path = write(tmp_path / ".reportlint.yaml", laughs)
    with pytest.raises(ConfigError, match="more than 1000000 values") as e:
        load_config(path, rules)
    assert (e.value.line, e.value.col) == (3, 5) and "partitions" in e.value.text("en")
