"""The parsed-data cache: used when present, ignored when broken, never required."""
import marshal
import os
import time

from reportlint import datacache


def test_data_is_parsed_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.yaml"
    src.write_text("names: [成功率, 办结率]\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"names": ["成功率", "办结率"]}
    (cached,) = os.listdir(tmp_path / "cache")
    # What is read back is the cache, not the YAML: change the cached copy and see it.
    path = tmp_path / "cache" / cached
    path.write_bytes(marshal.dumps({"names": ["from the cache"]}))
    assert datacache.load_yaml_data(str(src)) == {"names": ["from the cache"]}
    # Another content is another key: an edited file is parsed again.
    src.write_text("names: [覆盖率]\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"names": ["覆盖率"]}


def test_an_edit_of_the_same_size_is_parsed_again(tmp_path, monkeypatch):
    # The key is the file's path, size and modification time, as a .pyc file's is.
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"a": 1}
    before = os.stat(src).st_mtime_ns
    src.write_text("a: 2\n", encoding="utf-8")
    os.utime(src, ns=(before + 1_000_000, before + 1_000_000))
    assert datacache.load_yaml_data(str(src)) == {"a": 2}


def test_a_broken_or_unwritable_cache_is_not_used(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"a": 1}
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    datacache.load_yaml_data(str(src))
    (cached,) = os.listdir(tmp_path / "c")
    (tmp_path / "c" / cached).write_bytes(b"{not marshal")
    assert datacache.load_yaml_data(str(src)) == {"a": 1}


def test_a_failed_store_leaves_no_temporary_file(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(cache))
    src = tmp_path / "data.yaml"
    # A date is not plain data: nothing is written.
    src.write_text("a: 1\nday: 2024-01-01\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src))["a"] == 1
    assert not cache.exists() or os.listdir(cache) == []
    # The file is written but cannot be put in place.
    src.write_text("a: 2\n", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(datacache.os, "replace", refuse)
    assert datacache.load_yaml_data(str(src)) == {"a": 2}
    assert os.listdir(cache) == []


def test_builtin_data_is_found_beside_the_rules():
    names = [os.path.basename(p) for p in datacache.builtin_data_files("profiles")]
    assert {"annual-report.yaml", "implementation-opinion.yaml", "generic.yaml"} <= set(names)


def test_the_cache_keys_are_hashlib_s_sha256():
    """The data cache hashes with the interpreter's own SHA-256 (hashlib loads OpenSSL at
    every start): the same digest, so the same cache files."""
    import hashlib

    from reportlint.datacache import sha256

    for data in (b"", b"vocab", "词表".encode("utf-8") * 1000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_importing_the_cache_does_not_import_json():
    """The command line imports this module to find its stored patterns: json, imported
    before they are put back, would compile its five patterns at every start."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import sys, reportlint.datacache; "
                           "print('json' in sys.modules)"], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_derived_data_comes_back_from_the_cache_as_it_was_built(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "words.yaml"
    src.write_text("words: []\n", encoding="utf-8")
    built = {"keys": ("成功率", 3), "pairs": [(1, 2)], "none": None}

    def build_once():
        assert not os.path.exists(tmp_path / "cache"), "built again"
        return built

    first = datacache.load_derived([str(src)], "test-index", build_once)
    again = datacache.load_derived([str(src)], "test-index", build_once)
    assert first == again == built   # tuples stay tuples (JSON gave lists back)


def _cache_with_strangers(tmp_path, monkeypatch) -> tuple:
    """A cache folder holding files that are not the data cache's, or not of this data."""
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(cache))
    other = tmp_path / "other.yaml"
    other.write_text("b: 1\n", encoding="utf-8")
    datacache.load_yaml_data(str(other))   # another file's data: kept
    for name in ("patterns-cpython-311.marshal", "notes.txt", "0" * 31 + ".json",
                 "x" * 32 + ".json", "tmpabc.tmp"):
        (cache / name).write_bytes(b"x")
    return cache, set(os.listdir(cache))


def test_a_changed_file_s_data_replaces_what_was_kept_of_it(tmp_path, monkeypatch):
    # An upgrade or an edit of a data file writes its data anew: the older copy goes, and
    # nothing but this cache's files of the same data, for the same interpreter.
    cache, before = _cache_with_strangers(tmp_path, monkeypatch)
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"a": 1}
    (first,) = set(os.listdir(cache)) - before
    other_interpreter = first.rsplit(".", 2)[0] + ".cpython-399.marshal"
    (cache / other_interpreter).write_bytes(marshal.dumps({"a": 0}))
    for value in (2, 3):
        src.write_text(f"a: {value}\n", encoding="utf-8")
        os.utime(src, ns=(value * 10**9, value * 10**9))
        assert datacache.load_yaml_data(str(src)) == {"a": value}
    (last,) = set(os.listdir(cache)) - before - {other_interpreter}
    assert last != first
    assert set(os.listdir(cache)) == before | {other_interpreter, last}


def test_the_files_of_the_earlier_namings_go_when_a_file_is_written(tmp_path, monkeypatch):
    # Earlier versions named a file by a key of 32 hex digits alone, in JSON, then marshal.
    cache, before = _cache_with_strangers(tmp_path, monkeypatch)
    earlier = {"0123456789abcdef" * 2 + ".json", "fedcba9876543210" * 2 + ".cpython-311.marshal"}
    for name in earlier:
        (cache / name).write_bytes(b"{}")
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"a": 1}
    left = set(os.listdir(cache))
    assert left.isdisjoint(earlier) and before < left


def test_data_read_back_lists_no_folder_and_a_cleaning_refused_is_no_error(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    datacache.load_yaml_data(str(src))

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as m:
        m.setattr(datacache.os, "listdir", refuse)
        assert datacache.load_yaml_data(str(src)) == {"a": 1}   # read back: no listing
    monkeypatch.setattr(datacache.os, "unlink", refuse)
    src.write_text("a: 2\n", encoding="utf-8")
    os.utime(src, ns=(2 * 10**9, 2 * 10**9))
    assert datacache.load_yaml_data(str(src)) == {"a": 2}   # the older file stays
    assert len(os.listdir(tmp_path / "cache")) == 2


def test_a_write_abandoned_long_ago_is_removed_and_one_under_way_is_not(tmp_path, monkeypatch):
    # A process killed while writing leaves its temporary file; another run may be writing
    # one now.  Only ours (by its prefix), and only when it is over an hour old, goes.
    cache, before = _cache_with_strangers(tmp_path, monkeypatch)
    abandoned, under_way = cache / ".reportlint-old1.tmp", cache / ".reportlint-new1.tmp"
    for path in (abandoned, under_way):
        path.write_bytes(b"half")
    hours_ago = time.time() - 2 * 3600
    os.utime(abandoned, (hours_ago, hours_ago))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    assert datacache.load_yaml_data(str(src)) == {"a": 1}
    left = set(os.listdir(cache))
    assert abandoned.name not in left and under_way.name in left and before < left


def test_a_write_under_way_carries_the_cache_s_prefix(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    seen = []
    real = datacache.os.replace
    monkeypatch.setattr(datacache.os, "replace",
                        lambda a, b: seen.append(os.path.basename(a)) or real(a, b))
    datacache.store(str(tmp_path / "x.marshal"), b"x")
    (name,) = seen
    assert name.startswith(".reportlint-") and name.endswith(".tmp")


def test_a_file_that_could_not_be_written_removes_no_older_one(tmp_path, monkeypatch):
    # The older state is stale, but it is all the folder keeps until a newer one is in
    # place: cleaning follows a write, never a failed one.
    cache = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(cache))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    datacache.load_yaml_data(str(src))
    first = os.listdir(cache)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(datacache.os, "replace", refuse)
    src.write_text("a: 2\n", encoding="utf-8")
    os.utime(src, ns=(2 * 10**9, 2 * 10**9))
    assert datacache.load_yaml_data(str(src)) == {"a": 2}
    assert os.listdir(cache) == first
