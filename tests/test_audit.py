"""Sweeps of many files: --statistics, the per-file table, the progress bar, --jobs."""
import io
import json
import os
import shutil

import pytest

from reportlint.cli import main
from tests.helpers import run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")
from reportlint.progress import Progress
from reportlint.executor import MAX_CHUNK, PARALLEL_MIN_FILES, chunk_size, default_jobs, outcomes

SEEDS = os.path.join(os.path.dirname(__file__), "..", "seeds")
TITLE = "关于依法行政工作的情况说明\n"
A = "所获”枫桥式“称号。\n"
B = "又获”示范点“称号。\n"
UNMATCHED = "推动依法办事”入围。\n"
MIXED = "本报告（草案）经审议（通过），文件（秘密)已归档。\n"


@pytest.fixture
def sweep(tmp_path):
    (tmp_path / "a.txt").write_text(TITLE + A + B + UNMATCHED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TITLE + MIXED, encoding="utf-8")
    (tmp_path / "c.txt").write_text(TITLE + "本年度工作稳步推进。\n", encoding="utf-8")
    return ["a.txt", "b.txt", "c.txt"]


# -- statistics ---------------------------------------------------------------------------


def test_statistics_counts_per_rule(sweep, capsys):
    code, out, _ = run(["--statistics", "--select", "pairs", *sweep], capsys)
    assert out.splitlines() == [
        "2  reversed-quotes   pairs  [*] 引号方向颠倒",
        "1  mixed-width-pair  pairs  [*] 成对的括号一半全角一半半角",
        "1  unmatched-pair    pairs      引号或括号不成对",
    ]
    assert code == 1


def test_statistics_as_json(sweep, capsys):
    _, out, _ = run(["--statistics", "--format", "json", "--lang", "en", "--select", "pairs",
                     *sweep], capsys)
    assert json.loads(out) == [
        {"count": 2, "rule": "reversed-quotes", "category": "pairs", "fixable": True,
         "summary": "quotation marks in reverse order"},
        {"count": 1, "rule": "mixed-width-pair", "category": "pairs", "fixable": True,
         "summary": "a pair with one full-width and one half-width mark"},
        {"count": 1, "rule": "unmatched-pair", "category": "pairs", "fixable": False,
         "summary": "a quotation mark or bracket without its partner"},
    ]


def test_statistics_with_output_goes_to_the_terminal(sweep, capsys, tmp_path):
    code, out, _ = run(["--statistics", "--format", "sarif", "--output", "r.sarif",
                        "--select", "reversed-quotes", *sweep], capsys)
    assert out == ("2  reversed-quotes  pairs  [*] 引号方向颠倒\n"
                   "共检查 3 个文件，发现 2 个问题（错误 2，警告 0，提示 0）。\n")
    assert len(json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
               ["runs"][0]["results"]) == 2
    assert code == 1


# -- the per-file table -------------------------------------------------------------------


def test_text_format_ends_with_a_table_worst_first(sweep, capsys):
    _, out, _ = run(["--select", "pairs", "--color", "never", "c.txt", "b.txt", "a.txt"], capsys)
    assert out.splitlines()[-6:] == [
        "错误  警告  提示  文档类型  文件",
        "   3     0     0  generic   a.txt",
        "   0     1     0  generic   b.txt",
        "   0     0     0  generic   c.txt",
        "",
        "共检查 3 个文件，发现 4 个问题（错误 3，警告 1，提示 0）。",
    ]


def test_table_in_english_keeps_input_order_on_ties(tmp_path, capsys):
    for name in ("z.txt", "y.txt"):
        (tmp_path / name).write_text(TITLE + A, encoding="utf-8")
    (tmp_path / "x.txt").write_text(TITLE + MIXED, encoding="utf-8")
    _, out, _ = run(["--lang", "en", "--select", "pairs", "x.txt", "z.txt", "y.txt"], capsys)
    assert out.splitlines()[-6:-2] == [
        "errors  warnings  info  profile  file",
        "     1         0     0  generic  z.txt",
        "     1         0     0  generic  y.txt",
        "     0         1     0  generic  x.txt",
    ]


def test_no_table_for_one_file(sweep, capsys):
    _, out, _ = run(["--select", "pairs", "a.txt"], capsys)
    assert "文档类型" not in out


def test_the_profile_column_names_the_document_type(tmp_path, capsys):
    shutil.copy(os.path.join(SEEDS, "shengsi-2022.txt"), tmp_path / "s.txt")
    shutil.copy(os.path.join(SEEDS, "nanhu-2023.txt"), tmp_path / "n.txt")
    _, out, _ = run(["--select", "pairs", "s.txt", "n.txt"], capsys)
    rows = {line.split()[-1]: line.split()[-2] for line in out.splitlines()
            if line.endswith(".txt") and not line.startswith(("s.txt:", "n.txt:"))}
    assert rows == {"s.txt": "implementation-opinion", "n.txt": "annual-report"}


# -- progress -------------------------------------------------------------------------------


class Tty(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_appears_only_after_a_second_on_a_terminal():
    stream, clock = Tty(), Clock()
    bar = Progress(stream, clock=clock)
    bar(1, 40)
    clock.now += 0.5
    bar(2, 40)
    assert stream.getvalue() == ""                 # a short sweep draws nothing
    clock.now += 0.6
    bar(10, 40)
    assert stream.getvalue() == "\r[#######.......................] 10/40"
    clock.now += 0.01
    bar(11, 40)                                    # too soon to draw again
    assert stream.getvalue().count("\r[") == 1
    bar(40, 40)                                    # the last file is always drawn
    assert stream.getvalue().endswith("\r[##############################] 40/40")
    bar.close()
    assert stream.getvalue().endswith("\r" + " " * 54 + "\r")


def test_no_progress_when_not_a_terminal():
    stream, clock = io.StringIO(), Clock()
    bar = Progress(stream, clock=clock)
    clock.now += 5
    bar(3, 10)
    bar.close()
    assert stream.getvalue() == ""


def test_the_cli_draws_nothing_into_a_pipe(sweep, capsys):
    _, _, err = run(["--select", "pairs", *sweep], capsys)
    assert err == ""


def test_the_cli_draws_on_a_terminal_and_clears_the_bar(sweep, monkeypatch, capsys):
    monkeypatch.setattr("reportlint.progress.DELAY", 0.0)     # as if the sweep were long
    monkeypatch.setattr("reportlint.progress.REDRAW_EVERY", 0.0)
    tty = Tty()
    monkeypatch.setattr("sys.stderr", tty)
    main(["--select", "pairs", "--format", "concise", *sweep])
    err = tty.getvalue()
    assert err.startswith("\r[##########....................] 1/3")
    assert "\r[##############################] 3/3" in err
    assert err.endswith("\r" + " " * 54 + "\r")
    assert capsys.readouterr().out.count("reversed-quotes") == 2    # stdout untouched


# -- parallel runs ------------------------------------------------------------------------


@pytest.fixture
def many(tmp_path):
    """Five real reports and eight made-up ones: more than PARALLEL_MIN_FILES."""
    folder = tmp_path / "many"
    folder.mkdir()
    for name in sorted(os.listdir(SEEDS)):
        shutil.copy(os.path.join(SEEDS, name), folder / name)
    bodies = [A, B, UNMATCHED, MIXED, A + MIXED, "", B + UNMATCHED, A + A]
    for i, body in enumerate(bodies):
        (folder / f"made-{i}.txt").write_text(TITLE + body + "本年度工作稳步推进。\n",
                                              encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 not text")
    assert len(os.listdir(folder)) > PARALLEL_MIN_FILES
    return "many"


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_jobs_2_prints_what_jobs_1_prints(many, capsys, fmt):
    serial = run(["--format", fmt, "--color", "never", "--jobs", "1", many], capsys)
    parallel = run(["--format", fmt, "--color", "never", "--jobs", "2", many], capsys)
    assert parallel == serial
    assert serial[0] == 2                           # bad.txt cannot be read
    assert serial[1].count("reversed-quotes") >= 6


def test_jobs_2_really_uses_processes(many, capsys, monkeypatch):
    import multiprocessing.pool

    started = []

    class Counting(multiprocessing.pool.Pool):
        def __init__(self, processes=None, *a, **kw):
            started.append(processes)
            super().__init__(processes, *a, **kw)

    monkeypatch.setattr(multiprocessing.pool, "Pool", Counting)
    run(["--jobs", "2", many], capsys)
    assert started == [2]
    run(["--jobs", "1", many], capsys)
    assert started == [2]


def test_parallel_fix_matches_serial_fix(many, capsys, tmp_path):
    shutil.copytree(tmp_path / "many", tmp_path / "copy")
    serial = run(["--fix", "--format", "concise", "--jobs", "1", "many"], capsys)
    parallel = run(["--fix", "--format", "concise", "--jobs", "2", "copy"], capsys)
    assert parallel[1].replace("copy/", "many/") == serial[1]
    assert parallel[2] == serial[2] and "已修复 9 个问题" in serial[2]
    for name in os.listdir(tmp_path / "many"):
        assert (tmp_path / "many" / name).read_bytes() == (tmp_path / "copy" / name).read_bytes()


def test_default_jobs():
    assert default_jobs(PARALLEL_MIN_FILES) == 1
    assert default_jobs(PARALLEL_MIN_FILES + 1) == (os.cpu_count() or 1)


def test_files_go_to_the_workers_in_chunks():
    # one task per file made the dispatch cost more than linting a small file
    assert chunk_size(2000, 2) == MAX_CHUNK > 1
    assert chunk_size(40, 2) == 5           # four chunks per worker at least
    assert chunk_size(3, 2) == 1


class CannotStart:
    def __init__(self, **settings):
        raise ValueError("no pipeline here")


def test_a_worker_that_cannot_start_is_an_error_not_a_hang():
    with pytest.raises(ValueError, match="no pipeline here"):
        list(outcomes(None, [(i,) for i in range(4)], 2, (CannotStart, {})))


# The parent: lints four files in two workers whose files never finish, each worker
# writing its pid into a file named after it first.
STUCK_RUN = """
import os, sys, time
from reportlint.executor import outcomes

class Stuck:
    def __init__(self, **settings):
        self.process = self.stuck

    def stuck(self, *task):
        open(os.path.join(sys.argv[1], str(os.getpid())), "w").close()
        time.sleep(600)

if __name__ == "__main__":
    for outcome in outcomes(None, [(i,) for i in range(4)], 2, (Stuck, {})):
        pass
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"   # a zombie has ended
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self") or
                    "fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="looks at the processes through /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    script, pids = tmp_path / "stuck.py", tmp_path / "pids"
    script.write_text(STUCK_RUN, encoding="utf-8")
    pids.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(pids)])
    workers: list = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = [int(name) for name in os.listdir(pids)]
        assert len(workers) == 2, "the workers did not start"
        parent.kill()   # SIGKILL: the parent has no chance to stop its pool
        parent.wait()
        deadline = time.monotonic() + 30
        while any(_running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _running(w)], "orphaned workers"
    finally:
        parent.kill()
        for w in workers:
            if _running(w):
                os.kill(w, signal.SIGKILL)


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_jobs_must_be_positive(capsys, value):
    code, _, err = run(["--jobs", value, "x.txt"], capsys)
    assert code == 2 and "--jobs" in err


def test_parallel_runs_pool_what_the_ignore_entries_silenced(tmp_path, capsys):
    # ten files; the ignore entry is used by the last one only, linted by some worker
    for i in range(10):
        (tmp_path / f"r{i}.txt").write_text(TITLE + (A if i == 9 else "正文。\n"), encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text(
        "ignore:\n  - {rule: reversed-quotes, text: 枫桥式}\n  - {rule: pairs, text: 没有}\n",
        encoding="utf-8")
    serial = run(["--report-unused-suppressions", "--jobs", "1", "."], capsys)
    parallel = run(["--report-unused-suppressions", "--jobs", "2", "."], capsys)
    assert parallel == serial
    assert serial[2] == (f"{tmp_path / '.reportlint.yaml'}:3:5: warning unused-suppression "
                         "ignore 条目没有抑制任何问题（rule：pairs，text：没有）\n")
