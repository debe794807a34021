"""Two builds of reportlint side by side: whole processes, taking turns, in CPU time.

    python bench/versus.py OLD_PYTHON NEW_PYTHON            # two venvs' interpreters
    python bench/versus.py OLD_PYTHON NEW_PYTHON --runs 7 --json

Each interpreter must have a build of reportlint installed (a regular `pip install`, as a
user has it). Both run the same three commands, one build after the other, round after
round, so that a shared machine's drift weighs on both alike:

- the 2,000 files of about 3 KB that `bench/many_files.py` cuts, `--jobs 1`;
- the seeds and the corpus repeated to 5 MB, as `bench/bench.py` and `bench/peer.py` read;
- one seed report (`seeds/qinzhou-2023.txt`): mostly start-up.

Every command is `python -m reportlint --format json`, its report discarded. The figure is
old / new in CPU time for each pair of runs (its median and range): above 1 means the new
build is faster. A virtual machine's host moves absolute figures from day to day,
sometimes twofold; this ratio moves far less, so it is the one to compare across days. Each build
keeps its own cache folder. Standard library only; exit code 0, or 2 when a command failed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import DEFAULT_CORPUS, MB, ROOT, build_text, log, run_child, spread  # noqa: E402
from many_files import FILES, build_tree  # noqa: E402

ONE_SEED = os.path.join(ROOT, "seeds", "qinzhou-2023.txt")


def cpu_seconds(python: str, args: list, cwd: str, cache: str) -> float:
    """CPU seconds of one whole `python -m reportlint` process."""
    return run_child([python, "-m", "reportlint", *args, "--format", "json"], cwd,
                     REPORTLINT_CACHE_DIR=cache)[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", help="the interpreter of the old build")
    ap.add_argument("new", help="the interpreter of the new build")
    ap.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of *.txt reports")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="reportlint-versus-") as top:
        build_tree(os.path.join(top, "tree"), args.corpus)
        text, info = build_text(args.corpus, 5 * MB)
        with open(os.path.join(top, "big.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        commands = {"tree": ["tree", "--jobs", "1"], "big": ["big.txt"], "one": [ONE_SEED]}
        builds = {"old": args.old, "new": args.new}
        caches = {name: os.path.join(top, f"cache-{name}") for name in builds}
        seconds: dict = {(c, b): [] for c in commands for b in builds}
        try:
            for round_ in range(args.runs + 1):   # round 0 warms up: .pyc files, caches
                for command, cmd_args in commands.items():
                    for build, python in builds.items():
                        s = cpu_seconds(python, cmd_args, top, caches[build])
                        if round_:
                            seconds[command, build].append(s)
                log(f"versus: round {round_} of {args.runs}" + (" (warm-up)" if not round_
                                                                  else ""))
        except RuntimeError as e:
            print(f"versus: {e}", file=sys.stderr)
            return 2

    size = info["bytes"] / MB
    per_unit = {"tree": lambda s: FILES / s, "big": lambda s: size / s,
                "one": lambda s: 1000 * s}
    units = {"tree": "files/s", "big": "MB/s", "one": "ms"}
    results = {}
    for command in commands:
        old, new = seconds[command, "old"], seconds[command, "new"]
        results[command] = {
            "old_over_new": spread([o / n for o, n in zip(old, new)]),
            "unit": units[command],
            "old": spread([per_unit[command](s) for s in old]),
            "new": spread([per_unit[command](s) for s in new]),
        }
    if args.json:
        print(json.dumps({"runs": args.runs, "old": args.old, "new": args.new,
                          "results": results}, indent=2))
        return 0

    def fig(d: dict, digits: int) -> str:
        return f"{d['median']:,.{digits}f} ({d['min']:,.{digits}f}–{d['max']:,.{digits}f})"

    labels = {"tree": f"{FILES:,} files, --jobs 1", "big": f"{size:.2f} MB in one file",
              "one": "one seed report"}
    print(f"median (min–max) of {args.runs} rounds, CPU time\n")
    print("| command | old | new | old / new (above 1: new faster) |\n|---|---:|---:|---:|")
    for command, r in results.items():
        digits = 2 if command == "big" else 0
        print(f"| {labels[command]} | {fig(r['old'], digits)} {r['unit']} | "
              f"{fig(r['new'], digits)} {r['unit']} | {fig(r['old_over_new'], 2)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
