"""Bounded reading: only regular files are read (a FIFO, a device or a socket is an error
when named and passed over in a sweep, never opened to wait on), never more than the
limit whatever the file's size says; baselines and configurations have limits too, and a
YAML alias repeated thousands of times is checked and compiled once."""
import os
import signal
import sys

import pytest

from reportlint import baseline, config, reading, sources
from reportlint.baseline import BaselineError
from reportlint.config import ConfigError, load_config
from reportlint.plugins import default_registry
from tests.helpers import run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")

TEXT = "关于依法行政工作的情况说明\n本年度依法行政工作稳步推进。\n"
FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX's")
DEV_ZERO = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


@pytest.fixture
def no_hang():
    """A read that blocks fails the test instead of hanging the suite."""
    def hung(signum, frame):
        raise TimeoutError("blocked reading a file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


class Endless:
    """A stream that never ends, as /dev/zero on standard input; counts what was read."""

    def __init__(self):
        self.read_bytes = 0

    def read(self, n=-1):
        if n is None or n < 0:
            raise MemoryError("read the whole of an endless stream")
        self.read_bytes += n
        return b"\0" * n


# -- only regular files -------------------------------------------------------------------


@FIFO
def test_a_named_fifo_is_an_error_not_a_hang(tmp_path, capsys, no_hang):
    os.mkfifo(tmp_path / "pipe.txt")
    code, out, _ = run(["--lang", "en", "--format", "concise", "pipe.txt"], capsys)
    assert out == "pipe.txt: error: not a regular file (a FIFO): not read\n"
    assert code == 2


@FIFO
def test_a_fifo_in_a_sweep_is_passed_over_with_a_notice(tmp_path, capsys, no_hang):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "reports" / "pipe.txt")
    code, out, _ = run(["--lang", "en", "reports"], capsys)
    assert out.splitlines() == [
        os.path.join("reports", "pipe.txt") + ": note: not a regular file (a FIFO): passed over",
        "Found 0 problems (0 error, 0 warning, 0 info) in 1 file."]
    assert code == 0


@FIFO
def test_a_sweep_of_only_special_files_lints_nothing_and_says_why(tmp_path, capsys, no_hang):
    (tmp_path / "reports").mkdir()
    os.mkfifo(tmp_path / "reports" / "pipe.txt")
    code, _, err = run(["--lang", "en", "reports"], capsys)
    assert err == "reportlint: error: no file to lint in reports: passed over 1 link or " \
                  "special file\n"
    assert code == 2


@DEV_ZERO
def test_dev_zero_named_is_an_error(capsys, no_hang):
    code, out, _ = run(["--lang", "en", "--format", "concise", "/dev/zero"], capsys)
    assert out == "/dev/zero: error: not a regular file (a character device): not read\n"
    assert code == 2


def test_standard_input_is_read_up_to_the_limit_only(monkeypatch, capsys):
    endless = Endless()
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": endless})())
    code, out, _ = run(["--lang", "en", "--format", "concise", "--max-file-size", "1", "-"],
                       capsys)
    assert out == "-: error: input too large: over the 1 MiB limit\n"
    assert endless.read_bytes == 1024 * 1024 + 1
    assert code == 2


def test_reading_stops_past_the_limit_whatever_the_size_says(tmp_path, monkeypatch):
    # /proc files and files that grow while read say less than they hold.
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * (3 * reading.CHUNK))
    real_stat, real_fstat = os.stat, os.fstat

    def says_empty(st):
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid,
                               st.st_gid, 0, st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(reading.os, "stat", lambda *a, **kw: says_empty(real_stat(*a, **kw)))
    monkeypatch.setattr(reading.os, "fstat", lambda fd: says_empty(real_fstat(fd)))
    reads = []
    real_read = os.read
    monkeypatch.setattr(reading.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(sources.SourceError) as e:
        sources.load(str(path), max_bytes=reading.CHUNK + 10)
    assert e.value.text("en") == "file too large: over the 0 MiB limit (--max-file-size)"
    assert len(reads) == 2       # one chunk, then the one that went past the limit


def _counting_reads(monkeypatch, short_first: int = 0) -> list:
    """The sizes os.read is asked for; with ``short_first``, the first read gives back
    only that many bytes (a network or FUSE file system may)."""
    reads: list = []
    real_read = os.read

    def read(fd, n):
        reads.append(n)
        return real_read(fd, short_first if short_first and len(reads) == 1 else n)

    monkeypatch.setattr(reading.os, "read", read)
    return reads


def test_a_file_that_holds_what_its_size_says_is_read_in_one_call(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes("一、总体情况\n".encode() * 100)
    reads = _counting_reads(monkeypatch)
    assert sources.load(str(path)).text == "一、总体情况\n" * 100
    assert reads == [os.path.getsize(path) + 1]   # its size, and one byte to see it grew


def test_a_short_read_goes_on_to_the_end(tmp_path, monkeypatch):
    # Fewer bytes than the size says are not the whole file: reading goes on to its end.
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    reads = _counting_reads(monkeypatch, short_first=1000)
    data, _ = reading.read_regular(str(path), 10_000)
    assert data == b"x" * 5000
    assert len(reads) == 3       # the short read, the rest, and the end


def test_a_file_that_grew_since_its_size_was_taken_is_read_to_its_end(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def says_less(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid,
                               st.st_gid, 3000, st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(reading.os, "fstat", says_less)
    data, _ = reading.read_regular(str(path), 10_000)
    assert data == b"x" * 5000


# -- baselines ------------------------------------------------------------------------------


@FIFO
def test_a_fifo_baseline_is_an_error_not_a_hang(tmp_path, no_hang):
    os.mkfifo(tmp_path / "base.json")
    with pytest.raises(BaselineError, match=r"base.json: not a regular file \(a FIFO\)"):
        baseline.load(str(tmp_path / "base.json"))


@DEV_ZERO
def test_dev_zero_as_a_baseline_is_an_error(capsys, no_hang):
    code, _, err = run(["--lang", "en", "--baseline", "/dev/zero", "."], capsys)
    assert err == "reportlint: error: baseline /dev/zero: not a regular file " \
                  "(a character device)\n"
    assert code == 2


def test_a_baseline_over_its_limit_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "base.json"
    path.write_text('{"version": 1, "findings": []}' + " " * 100, encoding="utf-8")
    monkeypatch.setattr(baseline, "MAX_BYTES", 100)
    with pytest.raises(BaselineError) as e:
        baseline.load(str(path))
    assert str(e.value).endswith("base.json: larger than 0 MiB, the most a baseline may hold")


# -- configurations ---------------------------------------------------------------------------


def test_a_configuration_over_its_limit_is_an_error_before_it_is_parsed(tmp_path):
    path = tmp_path / ".reportlint.yaml"
    path.write_bytes(b"language: en\n" + b"#" * config.MAX_BYTES)
    with pytest.raises(ConfigError) as e:
        load_config(str(path), default_registry().rules)
    assert str(e.value) == f"{path}:1:1: the configuration is larger than 1 MiB, the most it " \
                           "may be"


@FIFO
def test_a_fifo_configuration_is_an_error_not_a_hang(tmp_path, no_hang):
    os.mkfifo(tmp_path / ".reportlint.yaml")
    with pytest.raises(ConfigError, match=r"not a regular file \(a FIFO\)"):
        load_config(str(tmp_path / ".reportlint.yaml"), default_registry().rules)


def test_an_aliased_glob_list_is_checked_and_compiled_once(tmp_path, monkeypatch):
    # 300 globs, aliased 40 times: every alias used to compile all 300 again (and, past
    # the 256 globs the cache held, again for every file matched).
    globs = ", ".join(f'"archive/{i}/*.txt"' for i in range(300))
    entries = "".join("  - {rule: reversed-quotes, text: x, files: *g}\n" for _ in range(20))
    per_file = "".join("  - {files: *g, rules: {mixed-width-pair: 'off'}}\n" for _ in range(20))
    path = tmp_path / ".reportlint.yaml"
    path.write_text(f"exclude: &g [{globs}]\nignore:\n{entries}per-file:\n{per_file}",
                    encoding="utf-8")
    config._glob_regex.cache_clear()
    cfg = load_config(str(path), default_registry().rules)
    assert config._glob_regex.cache_info().misses == 0     # compiled when first matched
    assert len({id(e["files"]) for e in cfg.ignore} | {id(g) for g, _, _ in cfg.per_file}) == 1
    matched = []
    monkeypatch.setattr(config, "glob_match",
                        lambda g, rel, real=config.glob_match: matched.append(g) or real(g, rel))
    from reportlint.suppress import entries_for

    assert cfg.settings_for(str(tmp_path / "report.txt")) == {}
    assert entries_for(cfg, "report.txt") == []
    assert len(matched) == 2 * 300               # each list once per question, not per alias
    assert config._glob_regex.cache_info().misses == 300
    assert cfg.settings_for(str(tmp_path / "archive" / "7" / "a.txt"))["mixed-width-pair"] \
        .severity == "off"


@FIFO
def test_a_notice_is_in_the_json_and_sarif_reports_too(tmp_path, capsys, no_hang):
    import json

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "reports" / "pipe.txt")
    code, out, _ = run(["--lang", "en", "--format", "json", "reports"], capsys)
    assert json.loads(out)["notices"] == [
        {"path": os.path.join("reports", "pipe.txt"),
         "message": "not a regular file (a FIFO): passed over"}]
    code, out, _ = run(["--lang", "en", "--format", "sarif", "reports"], capsys)
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notes] == [
        ("note", "not a regular file (a FIFO): passed over")]
