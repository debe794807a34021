"""reportlint against autocorrect-py, side by side, as whole processes on the same file.

    pip install -e '.[bench]'          # autocorrect-py, the peer
    python bench/peer.py               # seeds + ../shared/corpus repeated to 5 MB
    python bench/peer.py --runs 7 --size 5 --json

autocorrect (https://github.com/huacnlee/autocorrect) is a Rust linter for CJK text whose
Python binding ``autocorrect_py.lint_for`` checks spacing and full/half width only; it is
the nearest peer with a native core. Both commands are whole processes a user would run:
start-up, reading the file, linting and printing every finding as JSON to a pipe that is
drained and discarded:

- ``reportlint --format json FILE``
- ``python -c "<read FILE; autocorrect_py.lint_for(text, FILE); print each result as JSON>"``

The two take turns (peer, reportlint, peer, …) so that a shared machine's drift weighs on
both alike; the figure is the ratio reportlint / peer of each pair of runs, its median and
its range, in wall time and in CPU time (the children's user + system time). Below 1 means
reportlint is faster. Exit code 0, or 2 when either command failed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import DEFAULT_CORPUS, MB, build_text, log, run_child, spread  # noqa: E402

PEER = r"""
import json, sys
import autocorrect_py
path = sys.argv[1]
with open(path, encoding="utf-8") as fh:
    text = fh.read()
result = autocorrect_py.lint_for(text, path)
out = [{"line": r.line, "col": r.col, "old": r.old, "new": r.new, "severity": str(r.severity)}
       for r in result.lines]
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def compare(path: str, runs: int) -> dict:
    env_python = sys.executable
    ours = [env_python, "-m", "reportlint", "--format", "json", path]
    peer = [env_python, "-c", PEER, path]
    run_child(peer), run_child(ours)  # warm-up: disk cache, .pyc files, the data cache
    walls: dict = {"reportlint": [], "peer": []}
    cpus: dict = {"reportlint": [], "peer": []}
    printed = {}
    for i in range(runs):
        log(f"peer: pair {i + 1} of {runs}")
        for name, cmd in (("peer", peer), ("reportlint", ours)):
            wall, cpu, _, size = run_child(cmd)
            walls[name].append(wall)
            cpus[name].append(cpu)
            printed[name] = size
    size = os.path.getsize(path)
    return {
        "bytes": size,
        "runs": runs,
        "printed_bytes": printed,
        "mb_per_s": {name: spread([size / MB / t for t in walls[name]]) for name in walls},
        "ratio_wall": spread([a / b for a, b in zip(walls["reportlint"], walls["peer"])]),
        "ratio_cpu": spread([a / b for a, b in zip(cpus["reportlint"], cpus["peer"])]),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of real reports (*.txt)")
    ap.add_argument("--size", type=float, default=5.0, help="input size in MB (default 5)")
    ap.add_argument("--runs", type=int, default=5, help="pairs of runs (default 5)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        log("peer: autocorrect-py is not installed: pip install -e '.[bench]'")
        return 2
    text, info = build_text(args.corpus, int(args.size * MB))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            result = compare(path, args.runs)
        except RuntimeError as exc:
            log(f"peer: {exc}")
            return 2
    result["input"] = {k: info[k] for k in ("bytes", "seed_files", "corpus_files", "copies")}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    rate = result["mb_per_s"]
    print(f"input: {result['bytes'] / MB:.2f} MB ({info['seed_files']} seeds, "
          f"{info['corpus_files']} corpus reports, ×{info['copies']}); {args.runs} pairs of runs")
    for name in ("reportlint", "peer"):
        r = rate[name]
        print(f"{name:>10}: {r['median']:.2f} MB/s (range {r['min']:.2f}–{r['max']:.2f}), "
              f"{result['printed_bytes'][name]:,} bytes of JSON")
    for kind in ("wall", "cpu"):
        r = result[f"ratio_{kind}"]
        print(f"reportlint / peer, {kind} time: {r['median']:.2f} "
              f"(range {r['min']:.2f}–{r['max']:.2f}); below 1 = reportlint faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
