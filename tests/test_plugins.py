"""Third-party rules through a real installed entry point (a dist-info on PYTHONPATH)."""
import os
import subprocess
import sys

import pytest

from reportlint import Rule
from reportlint.plugins import build_registry

# A title line first (a document without one is a missing-title finding), then
# 郑0 宅1 司2 法3 所4 荣5 获6 省7 级8 ”9: reversed-quotes at 2:10
TITLE = "关于依法行政工作的情况说明\n"
BODY = "郑宅司法所荣获省级”枫桥式“司法所。\n"
REVERSED = TITLE + BODY
MSG_ZH = "引号方向颠倒：”枫桥式“，应为“枫桥式”"

NO_TODO = '''\
from reportlint import Rule, hookimpl


class NoTodo(Rule):
    name = "no-todo"
    category = "custom"
    severity = "error"
    summary = {"zh": "正文中留有 TODO", "en": "a TODO left in the text"}

    def check(self, doc, options):
        start = doc.text.find("TODO")
        while start >= 0:
            yield self.finding(start, start + 4, zh="留有 TODO", en="a TODO is left")
            start = doc.text.find("TODO", start + 4)


@hookimpl
def reportlint_rules():
    return [NoTodo()]
'''

BROKEN = '''\
raise ImportError("rl_broken_rules needs the missing package frobnicate")
'''

CRASHY = '''\
from reportlint import Rule, hookimpl


class Crashy(Rule):
    name = "crashy"
    category = "custom"
    severity = "error"
    summary = {"zh": "总是出错", "en": "always fails"}

    def check(self, doc, options):
        yield self.finding(0, 1, zh="第一个", en="first")
        raise RuntimeError("boom in check")


@hookimpl
def reportlint_rules():
    return [Crashy()]
'''


def install(site, dist, module, source, ep_name):
    """A module and a dist-info folder that declares it in the reportlint group."""
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        f"[reportlint]\n{ep_name} = {module}\n", encoding="utf-8")


def reportlint(args, cwd, site):
    pythonpath = [str(site)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(pythonpath), PYTHONIOENCODING="utf-8")
    env.pop("NO_COLOR", None)
    p = subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=cwd,
                       capture_output=True, env=env, timeout=120)
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    assert "Traceback" not in out and "Traceback" not in err
    return p.returncode, out, err


@pytest.fixture
def work(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / ".git").mkdir()   # no configuration from above
    return site, docs


def test_installed_plugin_rule_runs(work):
    site, docs = work
    install(site, "rl-extra-rules", "rl_extra_rules", NO_TODO, "extra")
    # 待0 办1 T2: the TODO of line 2 is at column 3
    (docs / "a.txt").write_text(TITLE + "待办TODO事项。\n", encoding="utf-8")
    code, out, err = reportlint(["--format", "concise", "a.txt"], docs, site)
    assert err == ""
    assert out == "a.txt:2:3: error no-todo 留有 TODO\n"
    assert code == 1
    code, out, _ = reportlint(["--format", "concise", "--lang", "en", "a.txt"], docs, site)
    assert out == "a.txt:2:3: error no-todo a TODO is left\n"


def test_installed_plugin_runs_beside_the_built_in_rules(work):
    site, docs = work
    install(site, "rl-extra-rules", "rl_extra_rules", NO_TODO, "extra")
    (docs / "a.txt").write_text("TODO\n" + BODY, encoding="utf-8")
    code, out, _ = reportlint(["--format", "concise", "--select", "custom,pairs", "a.txt"],
                              docs, site)
    assert out.splitlines() == ["a.txt:1:1: error no-todo 留有 TODO",
                                f"a.txt:2:10: error reversed-quotes {MSG_ZH}"]
    # its category selects and ignores like a built-in one
    _, out, _ = reportlint(["--format", "concise", "--select", "custom", "a.txt"], docs, site)
    assert out == "a.txt:1:1: error no-todo 留有 TODO\n"
    _, out, _ = reportlint(["--format", "concise", "--select", "custom,pairs",
                            "--ignore", "no-todo", "a.txt"], docs, site)
    assert out == f"a.txt:2:10: error reversed-quotes {MSG_ZH}\n"


def test_installed_plugin_rule_is_configurable(work):
    site, docs = work
    install(site, "rl-extra-rules", "rl_extra_rules", NO_TODO, "extra")
    (docs / ".reportlint.yaml").write_text("rules:\n  no-todo: warning\n", encoding="utf-8")
    (docs / "a.txt").write_text("TODO\n", encoding="utf-8")
    code, out, _ = reportlint(["--format", "concise", "--select", "custom", "a.txt"], docs, site)
    assert out == "a.txt:1:1: warning no-todo 留有 TODO\n"
    assert code == 0


def test_installed_plugin_is_listed(work):
    site, docs = work
    install(site, "rl-extra-rules", "rl_extra_rules", NO_TODO, "extra")
    code, out, err = reportlint(["rules"], docs, site)
    assert code == 0 and err == ""
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    assert table["no-todo"][:2] == ["custom", "error"]
    assert "正文中留有" in " ".join(table["no-todo"])
    assert table["reversed-quotes"][:2] == ["pairs", "error"]
    assert table["duplicate-block"][:2] == ["duplicates", "error"]


def test_without_the_dist_the_rule_is_absent(work):
    site, docs = work
    code, out, _ = reportlint(["rules"], docs, site)
    assert code == 0
    assert "no-todo" not in out
    code, _, err = reportlint(["--select", "no-todo", "x.txt"], docs, site)
    assert code == 2 and "no-todo" in err


def test_plugin_that_fails_to_import(work):
    site, docs = work
    install(site, "rl-broken", "rl_broken_rules", BROKEN, "broken")
    (docs / "a.txt").write_text(REVERSED, encoding="utf-8")
    code, out, err = reportlint(["--format", "concise", "a.txt"], docs, site)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("reportlint: 错误：插件 broken (rl_broken_rules) 加载失败")
    assert "ImportError" in lines[0] and "frobnicate" in lines[0]
    # the built-in rules still ran
    assert out.startswith(f"a.txt:2:10: error reversed-quotes {MSG_ZH}\n")
    # listing the rules says so as well, and still lists the others
    code, out, err = reportlint(["rules"], docs, site)
    assert code == 2
    assert "broken" in err and "reversed-quotes" in out


def test_broken_plugin_beside_a_good_one(work):
    site, docs = work
    install(site, "rl-extra-rules", "rl_extra_rules", NO_TODO, "extra")
    install(site, "rl-broken", "rl_broken_rules", BROKEN, "broken")
    (docs / "a.txt").write_text("TODO\n", encoding="utf-8")
    code, out, err = reportlint(["--format", "concise", "--select", "custom", "a.txt"], docs, site)
    assert code == 2
    assert out == "a.txt:1:1: error no-todo 留有 TODO\n"
    assert len(err.splitlines()) == 1 and "插件 broken" in err


def test_rule_that_raises_in_check(work):
    site, docs = work
    install(site, "rl-crashy", "rl_crashy", CRASHY, "crashy")
    (docs / "a.txt").write_text(REVERSED, encoding="utf-8")
    code, out, err = reportlint(["--format", "concise", "--select", "crashy,pairs", "a.txt"],
                                docs, site)
    assert code == 2
    lines = out.splitlines()
    # the other rules' findings are printed, then the failure as an error of the file
    assert f"a.txt:2:10: error reversed-quotes {MSG_ZH}" in lines
    assert "a.txt: error: 规则 crashy 运行出错：RuntimeError: boom in check" in lines
    # what crashy yielded before it raised is not reported
    assert not any("error crashy " in line for line in lines)
    code, out, _ = reportlint(["--lang", "en", "--format", "json", "--select", "crashy,pairs",
                               "a.txt"], docs, site)
    import json
    data = json.loads(out)
    assert data["errors"] == [{"path": "a.txt",
                               "message": "rule crashy failed: RuntimeError: boom in check"}]
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["reversed-quotes"]
    assert code == 2


# -- the registry in-process ---------------------------------------------------------


class _Good(Rule):
    name = "good-rule"
    category = "custom"

    def check(self, doc, options):
        return iter(())


class _BadSeverity(Rule):
    name = "bad-severity"
    category = "custom"
    severity = "fatal"


class _NoName(Rule):
    category = "custom"


def _plugin(*rules, fail=False):
    from reportlint import hookimpl

    class Plugin:
        @hookimpl
        def reportlint_rules(self):
            if fail:
                raise ValueError("cannot list")
            return list(rules)
    return Plugin()


def test_registry_rejects_invalid_rules():
    reg = build_registry(builtin=("reportlint.rules.pairs",), entry_points=False,
                         extra=[_plugin(_Good(), _BadSeverity(), _NoName(), "not a rule")])
    assert "good-rule" in reg.rules and "reversed-quotes" in reg.rules
    assert "bad-severity" not in reg.rules
    text = "\n".join(map(str, reg.errors))
    assert "unknown default severity 'fatal'" in text
    assert "_NoName has no name or category" in text
    assert "'not a rule' is not a reportlint Rule" in text
    assert len(reg.errors) == 3


def test_registry_reports_duplicate_names_and_failing_hooks():
    reg = build_registry(builtin=("reportlint.rules.pairs", "reportlint.rules.no_such_module"),
                         entry_points=False,
                         extra=[_plugin(_Good()), _plugin(_Good()), _plugin(fail=True)])
    assert list(reg.rules).count("good-rule") == 1
    text = "\n".join(map(str, reg.errors))
    assert "rule good-rule is already defined" in text
    assert "ValueError: cannot list" in text
    assert "reportlint.rules.no_such_module failed to load" in text
    assert len(reg.errors) == 3


def test_the_table_of_built_in_rules_is_the_families_own():
    """BUILTIN_RULES names each family's rules in registration order; their categories,
    known before a family is imported, are the families' own."""
    from reportlint.plugins import BUILTIN_RULES

    eager = build_registry(builtin=tuple(BUILTIN_RULES), entry_points=False)
    deferred = build_registry(entry_points=False)
    assert not eager.errors
    assert [(type(r).__module__, r.name, r.category) for r in eager.rules.values()] == \
        [(r.family, r.name, r.category) for r in deferred.rules.values()]
    assert [r.name for r in deferred.rules.values()] == \
        [name for names in BUILTIN_RULES.values() for name in names]


def test_a_built_in_rule_is_its_familys_rule_once_used():
    from reportlint.plugins import DeferredRule

    deferred = build_registry(entry_points=False).rules["reversed-quotes"]
    eager = build_registry(builtin=("reportlint.rules.pairs",), entry_points=False)
    rule = eager.rules["reversed-quotes"]
    assert isinstance(deferred, DeferredRule) and repr(deferred) == "<rule reversed-quotes>"
    assert (deferred.severity, deferred.summary, deferred.options, deferred.fixable) == \
        (rule.severity, rule.summary, rule.options, rule.fixable)
    from reportlint.document import Document

    assert [(f.start, f.end) for f in deferred.check(Document(REVERSED), deferred.options)] == \
        [(f.start, f.end) for f in rule.check(Document(REVERSED), rule.options)] != []


def _in_a_new_process(tmp_path, args: list, report: str, before: str = "",
                      entry: str = "reportlint.cli", runs: int = 1, env=None):
    """Lint a file holding REVERSED with ``args`` in a new interpreter, ``before`` run
    first, and print the expression ``report`` (``code`` is main's exit code); the last of
    ``runs`` runs, the earlier ones free to write the caches and .pyc files."""
    text = tmp_path / "a.txt"
    text.write_text(REVERSED, encoding="utf-8")
    probe = (f"import io, sys, contextlib\n{before}"
             f"from {entry} import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             f"    code = main([*{args!r}, {str(text)!r}])\n"
             f"print({report})\n")
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              timeout=120, env=env)
    return done


def test_a_run_imports_only_the_families_of_the_rules_it_runs(tmp_path):
    """``--select`` (a pre-commit hook's usual setting) starts without the other families."""
    done = _in_a_new_process(
        tmp_path, ["--no-config", "--select", "pairs"],
        "code, sorted(m for m in sys.modules if m.startswith('reportlint.rules.'))")
    assert done.stdout.split(None, 1) == ["1", "['reportlint.rules.pairs']\n"], done.stderr


@pytest.mark.parametrize("options", [{}, {"tryfirst": True}, {"trylast": True, "specname": "x"},
                                     {"hookwrapper": True, "optionalhook": True},
                                     {"wrapper": True}])
def test_hookimpl_marks_a_function_as_pluggy_s_own_marker_does(options):
    """``reportlint.hookimpl`` is a marker of its own (pluggy off the start-up path): a
    function it marks is what pluggy's marker would have made of it."""
    import pluggy

    from reportlint import hookimpl

    def ours():
        pass

    def pluggys():
        pass

    if options:
        hookimpl(**options)(ours)
        pluggy.HookimplMarker("reportlint")(**options)(pluggys)
    else:
        hookimpl(ours)
        pluggy.HookimplMarker("reportlint")(pluggys)
    assert ours.reportlint_impl == pluggys.reportlint_impl  # type: ignore[attr-defined]


# Each costs milliseconds of every start: pluggy only registers third-party plugins,
# shutil gave argparse the terminal's width, hashlib the data cache's keys, threading told
# the time limit whether it ran in the main thread, json read the data cache, dataclasses
# (with inspect, ast, dis and tokenize) made the Finding and report classes.
NOT_AT_START = ("pluggy", "shutil", "hashlib", "threading", "json", "dataclasses", "inspect",
                "typing")


def test_a_plain_run_imports_none_of_the_modules_it_does_not_need(tmp_path):
    # (the first run may write the cache: tempfile imports shutil)
    done = _in_a_new_process(
        tmp_path, ["--no-config"], f"code, [m for m in {NOT_AT_START!r} if m in sys.modules]",
        before="import reportlint.plugins\nreportlint.plugins._may_have_plugins = lambda: False\n",
        runs=2)
    assert done.stdout.split() == ["1", "[]"], (done.stdout, done.stderr)


def test_a_plain_run_compiles_no_source(tmp_path):
    """The first compile() of a process costs milliseconds: a NamedTuple compiles each of
    its annotations (strings, with ``from __future__ import annotations``), a dataclass its
    methods.  The start-up's records are plain classes instead."""
    # The modules' compiled code written and read back, as an installed package has it
    # (re and typing: the interpreter's own, imported before the hook).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = _in_a_new_process(
        tmp_path, ["--no-config"], "compiled",
        before="import re, typing\ncompiled = []\nsys.addaudithook(lambda event, args: "
               "event == 'compile' and compiled.append(args[0]))\n",
        entry="reportlint.__main__", runs=2, env=env)
    assert done.stdout.strip() == "[]", (done.stdout, done.stderr)
