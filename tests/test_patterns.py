"""Compiled patterns kept between runs: what comes back equals what re compiles, and a
store that does not fit this interpreter is not used."""
import marshal
import re
import subprocess
import sys

import pytest

from reportlint import patterns

pytestmark = pytest.mark.skipif(not patterns._usable(), reason="CPython's re only")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, an empty re cache, nothing read from the store yet."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(re, "_cache", {})
    if hasattr(re, "_cache2"):   # 3.12+: a second cache in front of the first
        monkeypatch.setattr(re, "_cache2", {})
    monkeypatch.setattr(patterns, "_store", None)
    return tmp_path


def _next_run(monkeypatch):
    """What a new process starts with: re's cache empty, the store not read."""
    monkeypatch.setattr(re, "_cache", {})
    if hasattr(re, "_cache2"):
        monkeypatch.setattr(re, "_cache2", {})
    monkeypatch.setattr(patterns, "_store", None)


SAMPLES = [("(?P<num>[\\d〇一二三]+)(?:万|亿)?[\u4e00-\u9fff]{2,}", 0),
           ("^第(?P<n>[一二三四五六七八九十]+)章$", re.M),
           ("abc|(x)(?=y)", re.I)]


def test_a_run_keeps_its_patterns_and_the_next_finds_them_compiled(fresh, monkeypatch):
    patterns.load_compiled()
    compiled = [re.compile(p, f) for p, f in SAMPLES]
    patterns.save_compiled()
    _next_run(monkeypatch)
    patterns.load_compiled()
    for (p, f), before in zip(SAMPLES, compiled):
        again = re._cache[str, p, int(f)]
        assert again is not before and again == before   # rebuilt, the same code
        assert re.compile(p, f) is again
        assert again.groupindex == before.groupindex and again.groups == before.groups
    assert re.compile(SAMPLES[0][0]).search("共一万二千人次").group("num") == "一"


def test_a_new_pattern_is_compiled_once(fresh, monkeypatch):
    """What the store keeps is the code the run's own compile made: compiling each new
    pattern again to learn its code took as long as the first compile."""
    patterns.load_compiled()
    compiled = [re.compile(p, f) for p, f in SAMPLES]
    _, parser = patterns._compiler()
    real, parsed = parser.parse, []
    monkeypatch.setattr(parser, "parse", lambda *a: parsed.append(a) or real(*a))
    patterns.save_compiled()
    assert parsed == []
    _next_run(monkeypatch)
    patterns.load_compiled()
    for (p, f), before in zip(SAMPLES, compiled):
        assert re._cache[str, p, int(f)] == before


def test_stored_tells_the_patterns_that_the_store_put_back(fresh, monkeypatch):
    pattern, flags = SAMPLES[1]
    assert not patterns.stored(pattern, flags)   # no store read
    patterns.load_compiled()
    re.compile(pattern, flags)
    assert not patterns.stored(pattern, flags)   # compiled by this run, not put back
    patterns.save_compiled()
    _next_run(monkeypatch)
    patterns.load_compiled()
    assert patterns.stored(pattern, flags)
    assert not patterns.stored(pattern) and not patterns.stored("never compiled")


def test_a_store_of_another_interpreter_or_a_broken_one_is_not_used(fresh, monkeypatch):
    patterns.load_compiled()
    re.compile("other build")
    patterns.save_compiled()
    (store,) = fresh.iterdir()
    identity, entries = marshal.loads(store.read_bytes())
    store.write_bytes(marshal.dumps((identity[:1] + ["3.99.0"] + identity[2:], entries)))
    _next_run(monkeypatch)
    patterns.load_compiled()
    assert (str, "other build", 0) not in re._cache
    for broken in (b"", b"not marshal", marshal.dumps((identity, [["x", 0, 0, [1, 2], 0, {}, [None]]]))):
        store.write_bytes(broken)
        _next_run(monkeypatch)
        patterns.load_compiled()   # _sre rejects the code: compiled as usual when needed
        assert re._cache == {}
        assert re.compile("x").match("x")


def test_the_command_line_writes_the_store_once(tmp_path):
    """Two runs of a new process: the first writes the store, the second has nothing new."""
    text = tmp_path / "a.txt"
    text.write_text("2023年，全市完成投资1.5亿元。\n", encoding="utf-8")
    env = {"REPORTLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    command = [sys.executable, "-m", "reportlint", "--no-config", str(text)]
    subprocess.run(command, env=env, capture_output=True, check=False)
    (store,) = (tmp_path / "cache").glob("patterns-*")
    first = store.stat().st_mtime_ns, store.read_bytes()
    subprocess.run(command, env=env, capture_output=True, check=False)
    assert (store.stat().st_mtime_ns, store.read_bytes()) == first
    assert len(marshal.loads(first[1])[1]) > 20


def test_the_entry_puts_the_patterns_back_before_the_command_line_s_imports(tmp_path):
    """argparse (gettext), the configuration and the report model compile patterns when
    imported: the console script's entry loads the store first, so a second run compiles
    none."""
    text = tmp_path / "a.txt"
    text.write_text("2023年，全市完成投资1.5亿元。\n", encoding="utf-8")
    probe = ("import io, contextlib, sys\n"
             "from re import _compiler\n"
             "compiled = []\n"
             "real = _compiler.compile\n"
             "_compiler.compile = lambda p, flags=0: compiled.append(p) or real(p, flags)\n"
             "from reportlint.__main__ import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             f"    main(['--no-config', {str(text)!r}])\n"
             "print(compiled)\n")
    env = {"REPORTLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    for _ in range(2):   # the first run writes the store
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                              text=True, timeout=120)
    assert done.stdout.strip() == "[]", (done.stdout, done.stderr)
