"""Peak memory of the whole process on one big file (issue 10: at most 4x the file).

    python bench/memory.py                 # a 32 MB file, JSON report, every rule
    python bench/memory.py --size 8 --format text

Builds the bench input (bench.py: the seeds and the corpus repeated) at ``--size`` MB,
writes it as UTF-8 to a temporary file and runs ``reportlint`` on it in a child process;
the peak is the child's resident set (``ru_maxrss``, Linux), read in a process of its own
for each command so that no other child counts.  Printed beside it: ``python -c pass``
and ``reportlint`` on a small seed (the interpreter and the modules a run loads), and the
peak less that start-up.  Standard library only (plus reportlint).  See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import COLD_FILE, DEFAULT_CORPUS, MB, ROOT, build_text, log  # noqa: E402

# Runs a command and prints its peak resident set in KiB (Linux counts ru_maxrss so).
_PEAK = ("import resource, subprocess, sys; "
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_bytes(command: list) -> int:
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], check=True,
                         capture_output=True, text=True).stdout
    return int(out) * 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=float, default=32.0, help="input size in MB (default 32)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS,
                    help="folder of real report texts, *.txt (default: ../shared/corpus)")
    ap.add_argument("--format", default="json", help="the report's format (default json)")
    args = ap.parse_args(argv)
    if not sys.platform.startswith("linux"):
        raise SystemExit("bench/memory.py: ru_maxrss is read as Linux counts it")
    text, info = build_text(args.corpus, int(args.size * MB))
    lint = [sys.executable, "-m", "reportlint", "--format", args.format, "--max-file-size",
            str(int(info["bytes"] / 1048576) + 1)]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        del text
        log(f"linting {info['bytes'] / MB:.1f} MB …")
        python = peak_bytes([sys.executable, "-c", "pass"])
        start = peak_bytes([*lint, os.path.join(ROOT, COLD_FILE)])
        peak = peak_bytes([*lint, path])
    size = info["bytes"]
    figures = {"file_bytes": size, "peak_bytes": peak, "python_bytes": python,
               "startup_bytes": start, "peak_ratio": peak / size,
               "peak_less_startup_ratio": (peak - start) / size}
    print(json.dumps(figures, indent=2))
    log(f"peak {peak / MB:.0f} MB = {peak / size:.2f}x the file; less the start-up "
        f"({start / MB:.0f} MB, python -c pass {python / MB:.0f} MB): "
        f"{(peak - start) / size:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
