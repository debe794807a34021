"""--fix never loses data: it writes only the regular file it read, inside the paths it was
given, only if that file is unchanged since, keeping its mode, owner, group and hard links
(or refusing); with ``-`` standard output carries the text whatever happens.

Races are made deterministic by doing the other party's edit inside a function the fix
calls between reading and writing."""
import os
import sys

import pytest

import reportlint.fixes
from reportlint.cli import main
from tests.helpers import FakeStdin, FakeStdout, run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")

TITLE = "关于依法行政工作的情况说明"
BAD = TITLE + "\n郑宅司法所荣获省级”枫桥式“司法所。\n"
GOOD = TITLE + "\n郑宅司法所荣获省级“枫桥式”司法所。\n"
REVERSED = "a.txt:2:10: error reversed-quotes quotation marks in reverse order: ”枫桥式“, " \
           "meant “枫桥式”"
POSIX = pytest.mark.skipif(not hasattr(os, "chown"), reason="owners and links are POSIX's")
ROOT = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                          reason="giving a file to another user takes root")


def fix(*paths, capsys, fmt="concise"):
    return run(["--lang", "en", "--fix", "--format", fmt, *paths], capsys)


def during_fix(monkeypatch, edit):
    """Run ``edit()`` after the file was read and before the fix is written."""
    real = reportlint.fixes.fix_document

    def fix_then_edit(*args, **kw):
        fixed = real(*args, **kw)
        edit()
        return fixed

    monkeypatch.setattr(reportlint.fixes, "fix_document", fix_then_edit)


def leftovers(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


# -- standard input ----------------------------------------------------------------------


def stdin_fix(argv, raw, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", FakeStdin(raw))
    fake = FakeStdout()
    monkeypatch.setattr(sys, "stdout", fake)
    code = main(["--lang", "en", "--fix", *argv])
    fake.flush()
    return code, fake.buffer.getvalue(), capsys.readouterr().err


def test_stdin_excluded_by_the_config_still_gives_back_the_text(tmp_path, monkeypatch, capsys):
    # An editor filter whose buffer the config excludes got "Fixed 0 problems…" instead.
    (tmp_path / ".reportlint.yaml").write_text("exclude: [drafts/]\n", encoding="utf-8")
    code, out, err = stdin_fix(["-", "--stdin-filename", "drafts/a.txt"], BAD.encode(),
                               monkeypatch, capsys)
    assert out == BAD.encode()
    assert err.splitlines() == ["Fixed 0 problems, 0 remaining.",
                                "Found 0 problems (0 error, 0 warning, 0 info) in 0 files."]
    assert code == 0


@pytest.mark.parametrize("argv, error", [
    (["--select", "no-such-rule"], "unknown rule or category"),
    (["--baseline", "missing.json"], "baseline missing.json: no such file"),
    (["--config", "missing.yaml"], "missing.yaml: no such configuration file"),
], ids=["unknown-rule", "missing-baseline", "missing-config"])
def test_stdin_gives_back_the_text_when_the_run_fails(argv, error, monkeypatch, capsys):
    code, out, err = stdin_fix([*argv, "-"], BAD.encode(), monkeypatch, capsys)
    assert out == BAD.encode()
    assert error in err
    assert code == 2


def test_stdin_gives_back_the_text_when_the_config_is_broken(tmp_path, monkeypatch, capsys):
    (tmp_path / ".reportlint.yaml").write_text("rules: [\n", encoding="utf-8")
    code, out, err = stdin_fix(["-", "--stdin-filename", "a.txt"], BAD.encode(), monkeypatch,
                               capsys)
    assert out == BAD.encode()
    assert "YAML error" in err
    assert code == 2


# -- the file that was read, unchanged --------------------------------------------------------


def test_an_edit_made_while_fixing_is_kept(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    edited = BAD + "新增的一段。\n"
    during_fix(monkeypatch, lambda: path.write_text(edited, encoding="utf-8"))
    code, out, _ = fix("a.txt", capsys=capsys)
    assert path.read_text(encoding="utf-8") == edited
    assert out.splitlines() == [REVERSED, "a.txt: error: not fixed: it changed since it was read"]
    assert code == 2
    assert leftovers(tmp_path) == []


def test_an_edit_that_keeps_the_size_and_the_time_is_seen(tmp_path, monkeypatch, capsys):
    # The content hash, not only the size and mtime_ns, decides.
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    before = os.stat(path)
    edited = BAD.replace("郑宅", "王宅")

    def edit():
        path.write_text(edited, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    during_fix(monkeypatch, edit)
    code, out, _ = fix("a.txt", capsys=capsys)
    assert path.read_text(encoding="utf-8") == edited
    assert out.splitlines()[-1] == "a.txt: error: not fixed: it changed since it was read"
    assert code == 2


def test_the_check_is_made_again_right_before_the_rename(tmp_path, monkeypatch, capsys):
    # An edit after the first check, while the new file is being written.
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    edited = BAD + "新增的一段。\n"
    chmod = os.chmod

    def chmod_then_edit(target, mode, *args, **kw):
        chmod(target, mode, *args, **kw)
        path.write_text(edited, encoding="utf-8")

    monkeypatch.setattr("reportlint.writing.os.chmod", chmod_then_edit)
    code, out, _ = fix("a.txt", capsys=capsys)
    assert path.read_text(encoding="utf-8") == edited
    assert out.splitlines()[-1] == "a.txt: error: not fixed: it changed since it was read"
    assert leftovers(tmp_path) == []


@POSIX
def test_a_file_swapped_for_a_symlink_while_fixing_leaves_the_target_alone(tmp_path, monkeypatch,
                                                                           capsys):
    path, victim = tmp_path / "a.txt", tmp_path / "victim.txt"
    path.write_text(BAD, encoding="utf-8")
    victim.write_text(BAD, encoding="utf-8")

    def swap():
        path.unlink()
        path.symlink_to(victim)

    during_fix(monkeypatch, swap)
    code, out, _ = fix("a.txt", capsys=capsys)
    assert victim.read_text(encoding="utf-8") == BAD
    assert path.is_symlink()
    assert out.splitlines()[-1] == "a.txt: error: not fixed: it was replaced since it was read"
    assert code == 2


# -- only regular files inside the given paths ----------------------------------------------


@POSIX
def test_a_sweep_does_not_follow_a_file_symlink_out_of_the_folder(tmp_path, capsys):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(BAD, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(BAD, encoding="utf-8")
    (tmp_path / "reports" / "link.txt").symlink_to(outside)
    code, out, err = fix("reports", capsys=capsys, fmt="text")
    assert outside.read_text(encoding="utf-8") == BAD
    assert (tmp_path / "reports" / "a.txt").read_text(encoding="utf-8") == GOOD
    assert out.splitlines() == [
        os.path.join("reports", "link.txt") + ": note: a symbolic link: a folder sweep does not "
        "follow links (name it to lint its target)",
        "Fixed 1 problem, 0 remaining.",
        "Found 0 problems (0 error, 0 warning, 0 info) in 1 file."]
    assert code == 0


@POSIX
def test_a_swept_file_swapped_for_a_symlink_after_discovery_is_not_read(tmp_path, monkeypatch,
                                                                         capsys):
    import reportlint.runner

    (tmp_path / "reports").mkdir()
    path = tmp_path / "reports" / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(BAD, encoding="utf-8")
    discover = reportlint.runner.discover

    def discover_then_swap(*args, **kw):
        found = discover(*args, **kw)
        path.unlink()
        path.symlink_to(outside)
        return found

    monkeypatch.setattr(reportlint.runner, "discover", discover_then_swap)
    code, out, _ = fix("reports", capsys=capsys)
    assert outside.read_text(encoding="utf-8") == BAD
    assert out.startswith(os.path.join("reports", "a.txt") + ": error: ")
    assert code == 2


@POSIX
def test_a_symlink_named_on_the_command_line_is_fixed_at_its_target_and_says_so(tmp_path,
                                                                                capsys):
    target = tmp_path / "real.txt"
    target.write_text(BAD, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(target)
    code, out, _ = fix("link.txt", capsys=capsys, fmt="text")
    assert target.read_text(encoding="utf-8") == GOOD
    assert (tmp_path / "link.txt").is_symlink()
    assert out.splitlines()[0] == \
        f"link.txt: note: a symbolic link: fixed at its target {os.path.realpath(target)}"
    assert code == 0


def test_a_read_only_file_is_refused(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    os.chmod(path, 0o444)
    code, out, _ = fix("a.txt", capsys=capsys)
    assert path.read_text(encoding="utf-8") == BAD
    assert os.stat(path).st_mode & 0o777 == 0o444
    assert out.splitlines() == [REVERSED, "a.txt: error: not fixed: it is read-only"]
    assert code == 2


@POSIX
def test_hard_links_are_refused_not_split(tmp_path, capsys):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BAD, encoding="utf-8")
    os.link(first, second)
    code, out, _ = fix("a.txt", capsys=capsys)
    assert os.path.samefile(first, second)
    assert first.read_text(encoding="utf-8") == BAD
    assert out.splitlines()[-1] == \
        "a.txt: error: not fixed: it has 2 hard links: a new file would split them"
    assert code == 2


@ROOT
def test_owner_group_and_mode_are_kept(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    os.chown(path, 4321, 8765)
    os.chmod(path, 0o640)
    code, _, _ = fix("a.txt", capsys=capsys)
    st = os.stat(path)
    assert path.read_text(encoding="utf-8") == GOOD
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (4321, 8765, 0o640)
    assert code == 0


@ROOT
def test_a_file_whose_owner_cannot_be_kept_is_refused(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    os.chown(path, 4321, 8765)

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("reportlint.writing.os.chown", refuse)   # as a user other than root
    code, out, _ = fix("a.txt", capsys=capsys)
    assert path.read_text(encoding="utf-8") == BAD
    assert out.splitlines()[-1] == ("a.txt: error: not fixed: cannot keep its owner and group: "
                                    "Operation not permitted")
    assert leftovers(tmp_path) == []
    assert code == 2
