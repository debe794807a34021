"""The parsed-data cache: used when present, ignored when broken, never required."""
import marshal
import os

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
