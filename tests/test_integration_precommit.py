"""The real pre-commit, with the hook ids of the README snippet, against this checkout.

``pre-commit try-repo`` clones this checkout (with its uncommitted changes, in a
shadow commit) and pip-installs it into the hook's environment, which needs PyPI;
the test is skipped only when that environment cannot be built for want of a network.
"""
import os
import re
import subprocess
import sys

import pytest

from reportlint.cli import main

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TITLE = "关于依法行政工作的情况说明\n"
BAD = "郑宅司法所荣获省级”枫桥式“司法所。\n"
GOOD = "郑宅司法所荣获省级“枫桥式”司法所。\n"
NETWORK_TROUBLE = ("Could not find a version", "No matching distribution", "NewConnectionError",
                   "Temporary failure in name resolution", "Network is unreachable",
                   "Connection refused", "ConnectionError", "Read timed out", "ProxyError")


def readme_block(marker: str) -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    m = re.search(re.escape(marker) + r"\s*```\w*\n(.*?)```", readme, re.S)
    assert m, f"README.md has no code block after {marker}"
    return m.group(1)


def snippet_hook_ids() -> list:
    """Every hook id in the README's .pre-commit-config.yaml snippet, commented or not."""
    return re.findall(r"id:\s*([\w-]+)", readme_block("<!-- example:pre-commit-config -->"))


def manifest_hooks() -> dict:
    from ruamel.yaml import YAML

    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        return {h["id"]: h for h in YAML(typ="safe").load(fh)}


def test_readme_snippet_names_the_hooks_of_the_manifest():
    from ruamel.yaml import YAML

    config = YAML(typ="safe").load(readme_block("<!-- example:pre-commit-config -->"))
    (repo,) = config["repos"]
    assert [h["id"] for h in repo["hooks"]] == ["reportlint"]
    assert sorted(snippet_hook_ids()) == sorted(manifest_hooks()) == ["reportlint",
                                                                      "reportlint-fix"]


def test_readme_snippet_pins_the_release_of_this_version():
    """The snippet pins ``v<version>``, the tag each release gets.

    A clone made without tags (as CI's is) cannot show the tag; where the clone has tags,
    the pinned one must be among them and name a commit.
    """
    from ruamel.yaml import YAML

    from reportlint import __version__

    (repo,) = YAML(typ="safe").load(readme_block("<!-- example:pre-commit-config -->"))["repos"]
    assert repo["rev"] == f"v{__version__}"
    if not os.path.isdir(os.path.join(ROOT, ".git")):
        return
    tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True)
    if tags.returncode != 0 or not tags.stdout.split():
        return
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{repo['rev']}^{{commit}}"],
                           cwd=ROOT, capture_output=True, text=True)
    assert found.returncode == 0, f"rev {repo['rev']} is not a tag of this repository"


def test_manifest_hooks():
    hooks = manifest_hooks()
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["file"]
        picked = re.compile(hook["files"])
        for name in ("a.txt", "b.md", "c.html", "d.HTM", "e.docx", "f.pdf"):
            assert picked.search(name), name
        assert not any(picked.search(n) for n in ("LICENSE", "README", "a.py", "a.doc"))
    assert "--fix" not in hooks["reportlint"]["entry"]
    assert hooks["reportlint-fix"]["entry"].split()[:2] == ["reportlint", "--fix"]


def test_a_split_file_list_reports_what_one_run_reports(tmp_path, capsys, monkeypatch):
    """pre-commit may hand the files to several processes: nothing may depend on the others."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".reportlint.yaml").write_text(
        "ignore:\n  - {rule: unmatched-pair, text: 依法办事”入围}\n", encoding="utf-8")
    names = []
    for i, body in enumerate([BAD, "推动依法办事”入围。\n", BAD + "又获”示范点“称号。\n", "（秘密)。\n",
                              GOOD]):
        name = f"r{i}.txt"
        (tmp_path / name).write_text(TITLE + body, encoding="utf-8")
        names.append(name)
    main(["--write-baseline", "base.json", names[0]])
    capsys.readouterr()
    args = ["--format", "concise", "--baseline", "base.json"]
    main(args + names)
    whole = capsys.readouterr().out
    main(args + names[:2])
    main(args + names[2:])
    assert capsys.readouterr().out == whole
    assert whole.count("\n") == 3      # r2.txt twice, r3.txt once; r0 is known, r1 ignored


def _pre_commit(args, cwd, home):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never",
               PYTHONIOENCODING="utf-8", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    env.pop("NO_COLOR", None)
    p = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                       capture_output=True, timeout=600)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    if p.returncode == 3 and "Installing environment" in out \
            and any(s in out for s in NETWORK_TROUBLE):
        pytest.skip("pre-commit could not build the hook environment (no PyPI?):\n" + out[-2000:])
    return p.returncode, out


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.precommit
def test_pre_commit_try_repo_end_to_end(tmp_path):
    import pre_commit  # noqa: F401  (a test dependency: missing, the test fails, not skips)

    repo, home = tmp_path / "reports", tmp_path / "pre-commit-home"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    gb_raw = (TITLE + BAD).replace("\n", "\r\n").encode("gb18030")
    (repo / "report.txt").write_bytes(gb_raw)
    (repo / "notes.md").write_text(f"# {TITLE}\n<!-- reportlint-disable-next-line -->\n"
                                   "引用原文:推动依法办事”入围。\n", encoding="utf-8")
    (repo / "data.json").write_text('{"a": "”枫桥式“"}\n', encoding="utf-8")   # not a report
    _git("add", ".", cwd=repo)
    ids = snippet_hook_ids()

    # Every hook of this checkout (try-repo without a hook id runs them all, sorted by id).
    code, out = _pre_commit(["try-repo", ROOT, "--color", "never"], repo, home)
    assert code == 1, out
    for hook_id in ids:
        assert f"- hook id: {hook_id}" in out, out
    assert "report.txt:2:10: error reversed-quotes 引号方向颠倒：”枫桥式“，应为“枫桥式”" in out
    # notes.md was linted too, and its comment silenced the lone ” of the quotation
    assert "notes.md:" not in out
    assert "共检查 2 个文件，发现 1 个问题（错误 1，警告 0，提示 0）。" in out
    assert "- files were modified by this hook" in out
    assert "已修复 1 个问题，剩余 0 个。" in out
    # reportlint-fix changed the two quotation marks and no other byte
    assert (repo / "report.txt").read_bytes() == gb_raw.replace(
        "”枫桥式“".encode("gb18030"), "“枫桥式”".encode("gb18030"))
    assert (repo / "data.json").read_text(encoding="utf-8") == '{"a": "”枫桥式“"}\n'

    _git("add", "-u", cwd=repo)
    code, out = _pre_commit(["try-repo", ROOT, "--color", "never"], repo, home)
    assert code == 0, out
    assert len(re.findall(r"\.\.\.Passed", out)) == 2, out
