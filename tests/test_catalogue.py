"""The message catalogue (reportlint.messages): every message the code makes has its
Chinese, with the same values, punctuated with full-width marks; and the command line
speaks the chosen language, errors included."""
import ast
import os
import re
import string

import pytest
from reportlint import messages
from reportlint.messages import ZH, Message, msg, say

from helpers import run_cli

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# The callables that take a message template, and where it stands among their arguments.
TEMPLATE_ARG = {"msg": 0, "Message": 0, "SourceError": 0, "BaselineError": 0, "FixError": 0,
                "UserError": 0, "ConfigError": 3, "fail": 1, "fail_value": 2}
# Fixed texts looked up through a table rather than written in a call.
TABLES = ["reportlint.config:_TYPE_NAMES", "reportlint.ruledoc:_WORDS",
          "reportlint.reading:_KINDS"]


def _constants(node) -> list:
    """The string constants a template argument can be: one, or either branch of an if."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def templates_in_code() -> dict:
    """template -> where it is made, for every literal template in lint/."""
    found = {}
    for folder, _, names in os.walk(os.path.join(ROOT, "lint")):
        for name in names:
            if not name.endswith(".py") or name == "messages.py":
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                callee = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                index = TEMPLATE_ARG.get(callee)
                if index is not None and len(node.args) > index:
                    for template in _constants(node.args[index]):
                        found[template] = f"{name}:{node.lineno}"
    return found


def table_texts() -> list:
    import importlib

    out = []
    for spec in TABLES:
        module, name = spec.split(":")
        table = getattr(importlib.import_module(module), name)
        out += list(table.values()) if isinstance(table, dict) else [t for _, t in table]
    return out


def needs_chinese(template: str) -> bool:
    """Words to translate: a template of names, marks and placeholders only needs none."""
    return bool(re.search(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}", "", template)))


def test_the_scan_finds_the_templates():
    found = templates_in_code()
    # One of each kind of call site: a msg(), a plain ConfigError, a validator's fail().
    assert "unknown rule '{name}'" in found
    assert "a profile must be a mapping" in found
    assert "each 'ignore' entry must be a mapping with 'rule' and 'text'" in found
    assert len(found) > 80


def test_every_template_has_its_chinese():
    missing = {t: where for t, where in templates_in_code().items()
               if needs_chinese(t) and t not in ZH}
    missing.update({t: "table" for t in table_texts() if t not in ZH})
    assert missing == {}


def _fields(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# The English plural endings: the Chinese has no plural.
PLURALS = {"s", "fs"}


@pytest.mark.parametrize("en", sorted(ZH))
def test_the_chinese_fills_in_the_same_values(en):
    assert _fields(ZH[en]) == _fields(en) - PLURALS, en


# What a Chinese message may hold in ASCII: placeholders (a path:line:col of them), quoted
# names, `code`, --options, [[lists]], YAML {keys} as the user writes them, and the
# program name that starts a line, as every command-line tool starts it.
QUOTED = re.compile(r"^reportlint: |\{[^}]*\}(?::\{[^}]*\})*|'[^']*'|`[^`]*`|--[\w-]+|\[\[.*\]\]|\.reportlint\.yaml")


@pytest.mark.parametrize("en", sorted(ZH))
def test_the_chinese_takes_full_width_marks(en):
    rest = QUOTED.sub("", ZH[en])
    assert not set(rest) & set(",:;?!()"), ZH[en]


def test_a_message_renders_each_value_in_its_language():
    m = msg("no file to lint in {where}: {reasons}", where=["a", "b"],
            reasons=msg("{n} file{s} excluded by `exclude:` in {configs}", n=2, s="s",
                        configs=["x.yaml"]))
    assert m.text("en") == "no file to lint in a, b: 2 files excluded by `exclude:` in x.yaml"
    assert m.text("zh") == "a、b 中没有可检查的文件：2 个文件被 x.yaml 的 `exclude:` 排除。"
    assert str(m) == m.text("en")


def test_a_template_missing_from_the_catalogue_shows_its_english():
    # Not a state the catalogue test lets through; what a plugin's own message does.
    assert Message("something new {x}", x=1).text("zh") == "something new 1"


def test_messages_survive_pickling_for_the_worker_processes():
    import pickle

    m = msg("rule {rule} failed: {error}", rule="r", error="E")
    assert pickle.loads(pickle.dumps(m)) == m


def test_say_renders_errors_messages_and_plain_text():
    from reportlint.config import ConfigError

    e = ConfigError("c.yaml", 2, 3, msg("unknown rule '{name}'", name="x"))
    assert str(e) == "c.yaml:2:3: unknown rule 'x'"
    assert say(e, "zh") == "c.yaml:2:3: 未知的规则 'x'"
    assert say("as it is", "zh") == "as it is"
    assert messages.say(msg("interrupted"), "en") == "interrupted"


def test_the_command_line_reports_errors_in_the_chosen_language(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["missing.txt"], capsys)
    assert code == 2
    assert "missing.txt: error: 没有这个文件或目录" in out
    code, out, err = run_cli(["--lang", "en", "missing.txt"], capsys)
    assert "missing.txt: error: no such file or directory" in out


def test_a_configuration_error_is_in_the_chosen_language(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".reportlint.yaml").write_text("rules:\n  no-such-rule: error\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n正文。\n", encoding="utf-8")
    code, out, err = run_cli(["a.txt"], capsys)
    assert code == 2
    assert ".reportlint.yaml:2:3: 未知的规则 'no-such-rule'" in err
    code, out, err = run_cli(["--lang", "en", "a.txt"], capsys)
    assert ".reportlint.yaml:2:3: unknown rule 'no-such-rule'" in err


def test_a_usage_error_of_ours_is_in_the_chosen_language(capsys):
    code, out, err = run_cli([], capsys)
    assert code == 2 and err.startswith("reportlint: 错误：没有指定路径")
    code, out, err = run_cli(["--lang", "en"], capsys)
    assert err.startswith("reportlint: error: no path given")
