"""The example plugin in examples/plugin, installed through its real entry point: a third
party's rule, document type and vocabulary work as the built-in ones do."""
import json
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PLUGIN = os.path.join(ROOT, "examples", "plugin")
TITLE = "某县2023年工作报告\n"


def entry_points_txt() -> str:
    """The [reportlint] entry points that examples/plugin/pyproject.toml declares."""
    with open(os.path.join(PLUGIN, "pyproject.toml"), encoding="utf-8") as f:
        section = f.read().split("[project.entry-points.reportlint]", 1)[1].split("\n[", 1)[0]
    lines = [line.replace('"', "").strip() for line in section.strip().splitlines() if "=" in line]
    return "[reportlint]\n" + "\n".join(lines) + "\n"


@pytest.fixture
def site(tmp_path):
    """A site-packages folder where the example plugin is installed (its dist-info with
    the entry points of its pyproject.toml; its module from examples/plugin)."""
    site = tmp_path / "site"
    info = site / "reportlint_example_plugin-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: reportlint-example-plugin\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points_txt(), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / ".git").mkdir()
    return site, docs


def reportlint(args, site, docs, plugin_folder=PLUGIN):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), plugin_folder]),
               PYTHONIOENCODING="utf-8")
    env.pop("NO_COLOR", None)
    done = subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=docs,
                          capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr
    return done.returncode, done.stdout, done.stderr


def test_the_entry_point_is_declared_as_installers_write_it():
    assert entry_points_txt() == "[reportlint]\nexample = reportlint_example\n"


def test_the_readme_rule_is_the_plugins_rule():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme[readme.index("## Writing a rule"):]
    rule_code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    with open(os.path.join(PLUGIN, "reportlint_example.py"), encoding="utf-8") as f:
        assert rule_code in f.read()


def test_its_rule_is_listed_and_runs(site):
    site, docs = site
    code, out, err = reportlint(["rules"], site, docs)
    assert code == 0 and err == "" and "no-todo" in out
    (docs / "a.txt").write_text(TITLE + "还有一个TODO没有完成。\n", encoding="utf-8")
    code, out, err = reportlint(["--format", "concise", "--select", "custom", "a.txt"], site, docs)
    assert (code, err) == (0, "")
    assert out == "a.txt:2:5: warning no-todo 文中留有 TODO\n"


def test_its_document_type_is_recognised_and_its_parts_required(site):
    site, docs = site
    (docs / "m.txt").write_text("某县政府常务会议纪要\n一、出席人员\n县长、副县长。\n", encoding="utf-8")
    code, out, err = reportlint(["--format", "json", "--select", "sections", "m.txt"], site, docs)
    report = json.loads(out)
    (f,) = report["files"]
    assert f["profile"] == "meeting-minutes"
    assert [(x["rule"], "议定事项" in x["message"]) for x in f["findings"]] == [("missing-section", True)]
    assert code == 1 and err == ""
    # and a configuration can name it
    (docs / ".reportlint.yaml").write_text("profile: meeting-minutes\n", encoding="utf-8")
    (docs / "n.txt").write_text("某项工作的说明\n一、出席人员\n县长。\n二、议定事项\n同意。\n",
                                encoding="utf-8")
    code, out, err = reportlint(["--format", "json", "--select", "sections", "n.txt"], site, docs)
    assert (code, err) == (0, "") and json.loads(out)["files"][0]["profile"] == "meeting-minutes"


def test_its_vocabulary_relates_counts(site):
    site, docs = site
    (docs / "v.txt").write_text(TITLE + "全年走访企业120家,帮扶企业130家。\n", encoding="utf-8")
    code, out, _ = reportlint(["--format", "concise", "--select", "arithmetic", "v.txt"], site, docs)
    assert code == 1 and "subset-exceeds-total" in out and "130家" in out


def test_a_plugin_with_a_broken_document_type_is_an_error_and_not_used(site, tmp_path):
    site, docs = site
    broken = tmp_path / "broken"
    broken.mkdir()
    with open(os.path.join(PLUGIN, "reportlint_example.py"), encoding="utf-8") as f:
        source = f.read().replace('"name": "meeting-minutes",', "")
    (broken / "reportlint_example.py").write_text(source, encoding="utf-8")
    (docs / "m.txt").write_text("某县政府常务会议纪要\n一、出席人员\n县长。\n", encoding="utf-8")
    code, out, err = reportlint(["--format", "json", "m.txt"], site, docs, str(broken))
    assert code == 2
    assert err == ("reportlint: 错误：插件 entry point example (reportlint_example)："
                   "文档类型（profiles）：文档类型缺少 'name'\n")
    assert json.loads(out)["files"][0]["profile"] == "generic"
