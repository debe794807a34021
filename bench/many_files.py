"""Many small files: the whole process on 2,000 files of about 3 KB.

    python bench/many_files.py                   # Markdown table for the README
    python bench/many_files.py --json            # the same figures as JSON
    python bench/many_files.py --repeat 7 --format text --corpus DIR

Standard library only (plus reportlint).  Progress goes to stderr, results to stdout.
See bench/README.md for what is measured and the targets.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import (DEFAULT_CORPUS, command_env, input_files, install_kind, log,  # noqa: E402
                   read_report, spread)

FILES = 2000
FILE_BYTES = 3000
FOLDERS = 20            # the files are spread over folders, as a repository's are
XARGS_CHUNK = 1000      # what pre-commit passes to one process, about
TARGET_FILES_PER_S = 1500
# A rule whose own cost is small: with it alone, a run's time is what a file costs around
# the rules (start-up, reading, the Document, the document type the report shows, the
# report) rather than the rules' own.
CHEAP_RULE = "heading-sequence"


# -- input ---------------------------------------------------------------------

def _pieces(corpus: str) -> list:
    """The seeds and the corpus cut at line breaks into pieces of about FILE_BYTES."""
    seeds, corpus_files = input_files(corpus)
    pieces = []
    for path in seeds + corpus_files:
        lines = read_report(path).splitlines(keepends=True)
        piece: list = []
        size = 0
        for line in lines:
            piece.append(line)
            size += len(line.encode("utf-8"))
            if size >= FILE_BYTES:
                pieces.append("".join(piece))
                piece, size = [], 0
        if size >= FILE_BYTES // 2:
            pieces.append("".join(piece))
    if not pieces:
        raise SystemExit("many_files: no input: seeds/*.txt is empty")
    return pieces


def build_tree(top: str, corpus: str) -> dict:
    pieces = _pieces(corpus)
    size = 0
    for i in range(FILES):
        folder = os.path.join(top, f"part{i % FOLDERS:02d}")
        os.makedirs(folder, exist_ok=True)
        data = pieces[i % len(pieces)].encode("utf-8")
        size += len(data)
        with open(os.path.join(folder, f"report{i:04d}.txt"), "wb") as f:
            f.write(data)
    return {"files": FILES, "bytes": size, "mean_bytes": round(size / FILES),
            "distinct_pieces": len(pieces), "folders": FOLDERS,
            "corpus_dir": os.path.abspath(corpus) if os.path.isdir(corpus) else None}


# -- timing --------------------------------------------------------------------

# reportlint's command line as `python -m reportlint` runs it, which then adds the CPU
# time of its own process and of its worker processes (all joined by then) to a file:
# only the parent's share tells how much of a --jobs run cannot be spread over cores.
HARNESS = """
import os, resource, sys
from reportlint.cli import main
try:
    code = main(sys.argv[1:])
finally:
    me, workers = (resource.getrusage(who) for who in
                   (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    with open(os.environ["MANY_FILES_CPU"], "a") as f:
        f.write(f"{me.ru_utime + me.ru_stime} {workers.ru_utime + workers.ru_stime}\\n")
sys.exit(code)
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: str, cwd: str) -> dict:
    """Wall seconds; CPU seconds of every process the command ran; of the reportlint
    processes themselves (``parent``) and of their workers."""
    cpu_file = os.path.join(cwd, "cpu.txt")
    open(cpu_file, "w").close()
    cpu0, wall0 = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, shell=True, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=command_env(MANY_FILES_CPU=cpu_file))
    wall, cpu = time.perf_counter() - wall0, _children_cpu() - cpu0
    if done.returncode not in (0, 1, 123):   # 1: findings; 123: xargs saw a 1
        raise SystemExit(f"many_files: {command!r} failed ({done.returncode}):\n"
                         + done.stderr.decode(errors="replace")[-2000:])
    with open(cpu_file) as f:
        shares = [tuple(map(float, line.split())) for line in f if line.strip()]
    return {"wall": wall, "cpu": cpu, "processes": len(shares),
            "parent": sum(p for p, _ in shares), "workers": sum(w for _, w in shares)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of *.txt reports")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command")
    ap.add_argument("--format", default="json", help="the report format (default: json)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    tool = f"{shlex.quote(sys.executable)} -c {shlex.quote(HARNESS)}"
    out = f"--format {shlex.quote(args.format)}"
    commands = {
        "serial": f"{tool} tree {out} --jobs 1",
        "jobs2": f"{tool} tree {out} --jobs 2",
        "xargs": f"find tree -name '*.txt' | sort | xargs -n {XARGS_CHUNK} "
                 f"{tool} {out} --jobs 1",
        "cheap": f"{tool} tree {out} --jobs 1 --select {CHEAP_RULE}",
        "start-up": f"{tool} empty.txt {out} --jobs 1",
    }
    with tempfile.TemporaryDirectory(prefix="reportlint-many-") as top:
        info = build_tree(os.path.join(top, "tree"), args.corpus)
        open(os.path.join(top, "empty.txt"), "wb").close()
        log(f"{info['files']} files, {info['bytes'] / 1e6:.2f} MB, in {top}")
        for command in commands.values():   # warm-up: .pyc files, the page cache
            timed(command, top)
        runs: dict = {name: [] for name in commands}
        load = []
        # The commands take turns, so a shared machine's drift weighs on all alike.
        for i in range(args.repeat):
            for name, command in commands.items():
                runs[name].append(timed(command, top))
            load.append(os.getloadavg()[0])
            log(f"round {i + 1}/{args.repeat}: " + ", ".join(
                f"{name} {r[-1]['wall']:.2f}s wall {r[-1]['cpu']:.2f}s CPU"
                for name, r in runs.items()) + f"; load {load[-1]:.1f}")
    report = {"input": info, "format": args.format, "repeat": args.repeat,
              "commands": commands, "results": _figures(runs, info["files"]),
              "load_average": spread(load),
              "machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count(), "install": install_kind()}}
    print(json.dumps(report, indent=2) if args.json else _markdown(report))
    return 0


def _figures(runs: dict, files: int) -> dict:
    start = statistics.median(r["cpu"] for r in runs["start-up"])
    out: dict = {"start-up": {"wall_ms": 1000 * statistics.median(r["wall"] for r in
                                                                  runs["start-up"]),
                              "cpu_ms": 1000 * start}}
    for name in ("serial", "jobs2", "xargs", "cheap"):
        out[name] = {
            "files_per_s_wall": spread([files / r["wall"] for r in runs[name]]),
            "files_per_s_cpu": spread([files / r["cpu"] for r in runs[name]]),
            # The per-file part: each process's start-up taken off (cold start is
            # measured apart, by bench/bench.py).
            "files_per_s_cpu_without_startup": spread(
                [files / (r["cpu"] - r["processes"] * start) for r in runs[name]]),
        }
    pairs = list(zip(runs["serial"], runs["jobs2"]))
    out["jobs2"].update({
        # paired run by run: they ran one after the other
        "speedup_wall": spread([s["wall"] / j["wall"] for s, j in pairs]),
        "cpu_ratio": spread([j["cpu"] / s["cpu"] for s, j in pairs]),
        "parent_share": spread([j["parent"] / j["cpu"] for _, j in pairs]),
        # On two idle cores: the start-up alone, then the parent's remaining work and
        # the workers' spread over both cores (the parent cannot go faster than its own).
        "speedup_two_cores": spread([
            s["cpu"] / (start + max(j["parent"] - start, (j["cpu"] - start) / 2))
            for s, j in pairs]),
    })
    out["xargs"]["per_file_vs_serial"] = spread(
        [(s["cpu"] - start) / (x["cpu"] - x["processes"] * start)
         for s, x in zip(runs["serial"], runs["xargs"])])
    return out


def _markdown(report: dict) -> str:
    r = report["results"]
    info = report["input"]

    def fig(d: dict, digits: int = 0) -> str:
        return f"{d['median']:,.{digits}f} ({d['min']:,.{digits}f}–{d['max']:,.{digits}f})"

    lines = [
        f"{info['files']} files, {info['bytes'] / 1e6:.2f} MB ({info['mean_bytes']} bytes each), "
        f"--format {report['format']}, median (min–max) of {report['repeat']} runs; "
        f"{report['machine']['cpus']} CPUs, load average {fig(report['load_average'], 1)}, "
        f"Python {report['machine']['python']}, {report['machine']['install']} install",
        "",
        "| run | files/s (CPU) | files/s (CPU, start-up taken off) | files/s (wall) |",
        "|---|---:|---:|---:|",
    ]
    labels = {"serial": "one process, --jobs 1", "jobs2": "one process, --jobs 2",
              "xargs": f"xargs -n {XARGS_CHUNK}, --jobs 1",
              "cheap": f"--jobs 1 --select {CHEAP_RULE}"}
    for name, label in labels.items():
        row = r[name]
        lines.append(f"| {label} | {fig(row['files_per_s_cpu'])} | "
                     f"{fig(row['files_per_s_cpu_without_startup'])} | "
                     f"{fig(row['files_per_s_wall'])} |")
    jobs2 = r["jobs2"]
    serial = r["serial"]["files_per_s_cpu"]["median"]
    lines += [
        "",
        f"Start-up (one empty file): {r['start-up']['cpu_ms']:.0f} ms CPU, "
        f"{r['start-up']['wall_ms']:.0f} ms wall.",
        f"--jobs 2 against --jobs 1: {fig(jobs2['speedup_two_cores'], 2)}× on two idle cores "
        f"(from CPU times: the parent's share is {fig(jobs2['parent_share'], 2)} of "
        f"{fig(jobs2['cpu_ratio'], 2)}× the CPU time of --jobs 1); "
        f"{fig(jobs2['speedup_wall'], 2)}× in wall time as measured.",
        f"xargs against one process, per file (start-up taken off): "
        f"{fig(r['xargs']['per_file_vs_serial'], 2)}×.",
        f"Target ≥ {TARGET_FILES_PER_S:,} files/s on one core (CPU time, --jobs 1): "
        f"{serial:,.0f}, {'met' if serial >= TARGET_FILES_PER_S else 'not met'}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
