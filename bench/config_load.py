"""CPU time of loading a configuration of about a megabyte, and a baseline.

    python bench/config_load.py              # each shape through load_config
    python bench/config_load.py --ruamel     # the same through ruamel.yaml alone (slow)

Exits with code 1 when a configuration takes a second or more (the target of issue 10).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

from reportlint import baseline, configyaml
from reportlint.config import MAX_BYTES, load_config
from reportlint.plugins import default_registry

TARGET_SECONDS = 1.0
SIZE = 1_000_000      # bytes of each configuration (the limit is MAX_BYTES)


def _grow(head: str, entry, size: int = SIZE) -> str:
    out, total, i = [head], len(head.encode()), 0
    while True:
        line = entry(i)
        if total + len(line.encode()) > size:
            return "".join(out)
        out.append(line)
        total += len(line.encode())
        i += 1


def _aliased(size: int = SIZE) -> str:
    """One list of globs under an anchor, repeated by alias in every per-file entry."""
    globs = "".join(f"  - archive/{i}/*.txt\n" for i in range(20_000))
    return _grow("exclude: &old\n" + globs + "per-file:\n",
                 lambda i: "  - {files: *old, rules: {confusable-word: warning}}\n", size)


SHAPES = {
    "a word list (vocab: words:)": lambda: _grow(
        "vocab:\n  words:\n", lambda i: f"    - {{kind: typo, right: 统筹兼顾{i}, wrong: "
        f"[统愁兼顾{i}], source: 本单位校对规范}}  # 第{i}条\n"),
    "file names to exclude": lambda: _grow(
        "exclude:\n", lambda i: f"  - archive/{i // 100}/draft-{i}.txt\n"),
    "globs to exclude": lambda: _grow("exclude:\n", lambda i: f"  - archive/{i}/**/*.txt\n"),
    "ignore: entries": lambda: _grow(
        "ignore:\n", lambda i: f"  - rule: confusable-word\n    text: 第{i}项统愁兼顾\n"
        f"    files: [reports/2024/r{i}.txt]\n"),
    "per-file: entries": lambda: _grow(
        "per-file:\n", lambda i: f"  - files: [reports/{i}/*.txt]\n    rules:\n"
        f"      confusable-word: warning\n      mixed-width-pair: 'off'\n"),
    "one glob list aliased in every per-file entry": _aliased,
}


def cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ruamel", action="store_true",
                    help="read with ruamel.yaml alone, as before configyaml")
    args = ap.parse_args(argv)
    rules = default_registry().rules
    if args.ruamel:
        def slow(text):
            raise configyaml.Unsupported
        configyaml.load = slow
    slow_shapes = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, ".reportlint.yaml")
        for name, make in SHAPES.items():
            text = make()
            assert len(text.encode()) <= MAX_BYTES
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            seconds = cpu(lambda: load_config(path, rules))
            if seconds >= TARGET_SECONDS:
                slow_shapes.append(name)
            print(f"{name}: {len(text.encode()):,} bytes, {seconds:.2f} s CPU")
        entries = [{"path": f"reports/r{i % 500}.txt", "rule": "confusable-word",
                    "fingerprint": f"{i:032x}", "count": 1, "excerpt": "统愁兼顾的工作要求"}
                   for i in range(100_000)]
        path = os.path.join(tmp, "baseline.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"version": baseline.VERSION, "tool": "reportlint", "findings": entries},
                      f, ensure_ascii=False, indent=2)
        seconds = cpu(lambda: baseline.load(path))
        print(f"a baseline of 100,000 findings: {os.path.getsize(path):,} bytes, "
              f"{seconds:.2f} s CPU")
    if slow_shapes:
        print(f"{TARGET_SECONDS:g} s or more: {', '.join(slow_shapes)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
