"""Throughput and cold-start benchmark for reportlint.

    python bench/bench.py                 # Markdown table for the README
    python bench/bench.py --json          # the same figures as JSON
    python bench/bench.py --corpus DIR    # real reports from DIR/*.txt

Standard library only (plus reportlint).  Progress goes to stderr, results to
stdout.  See bench/README.md for what is measured and the targets.
"""
from __future__ import annotations

import argparse
import gc
import glob
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
COLD_FILE = os.path.join("seeds", "qinzhou-2023.txt")  # relative to ROOT

MB = 1_000_000
# Issue 11's targets: all rules at 10 MB/s in a warm process; a cold start (warm cache)
# within 6× the bare interpreter measured in the same run, and 200 ms at most.
TARGET_ALL_MBPS = 10.0
TARGET_COLD_MS = 200.0
TARGET_COLD_RATIO = 6.0
# Stop repeating a measurement once it has used this many seconds (at least one
# run always happens), so that one slow rule cannot stretch the whole benchmark.
LINE_BUDGET_S = 12.0

from reportlint import __version__  # noqa: E402
from reportlint.document import Document  # noqa: E402
from reportlint.engine import run_rules, select_rules  # noqa: E402
from reportlint.plugins import default_registry  # noqa: E402


def log(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


# -- input ---------------------------------------------------------------------

def read_report(path: str) -> str:
    with open(path, "rb") as f:
        return f.read().decode("utf-8-sig", errors="replace")


def input_files(corpus: str) -> tuple[list, list]:
    """The bench's reports: seeds/*.txt, and ``corpus``/*.txt when that folder exists."""
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    corpus_files = sorted(glob.glob(os.path.join(corpus, "*.txt"))) if os.path.isdir(corpus) else []
    return seeds, corpus_files


def command_env(**extra: str) -> dict:
    """The environment of a timed command: this one, with ``extra``, and without
    PYTHONDONTWRITEBYTECODE, which would make every run compile the modules changed since
    their .pyc files were written, where an installed package has them compiled."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def run_child(cmd: list, cwd: str = ROOT, **env: str) -> tuple:
    """Run ``cmd`` (reportlint, or a peer) as a whole process with ``command_env(**env)``:
    wall seconds, CPU seconds (user + system), exit code and bytes printed.  An exit code
    other than 0 and 1 (findings), or a command that cannot start, is a RuntimeError."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=command_env(**env), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    except OSError as e:   # no such interpreter
        raise RuntimeError(f"{cmd[0]}: {e.strerror}") from None
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:3])}… exited {p.returncode}: "
                           + p.stderr.decode("utf-8", "replace").strip()[-400:])
    return wall, cpu, p.returncode, len(p.stdout)


def spread(values: list) -> dict:
    """Median, lowest and highest of repeated measurements."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def build_text(corpus: str, target_bytes: int) -> tuple[str, dict]:
    seeds, corpus_files = input_files(corpus)
    files = seeds + corpus_files
    if not files:
        raise SystemExit("bench: no input: seeds/*.txt is empty")
    unit = "\n\n".join(read_report(p).strip("\r\n") for p in files)
    unit_bytes = len(unit.encode("utf-8"))
    copies = max(1, -(-target_bytes // unit_bytes))  # ceiling division
    text = "\n\n".join([unit] * copies)
    size = len(text.encode("utf-8"))
    info = {
        "bytes": size,
        "chars": len(text),
        "seed_files": len(seeds),
        "corpus_files": len(corpus_files),
        "corpus_dir": os.path.abspath(corpus) if corpus_files else None,
        "unit_bytes": unit_bytes,
        "copies": copies,
    }
    return text, info


# -- in-process timing ---------------------------------------------------------

class _Timeout(BaseException):
    """Raised by the alarm.  run_rules contains every exception of a rule, this one too,
    as that rule's failure: lint_once raises it again."""


def _on_alarm(signum, frame):
    raise _Timeout()


HAVE_ALARM = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")


def timed(fn, repeat: int, max_seconds: float):
    """Best CPU time of ``fn()`` over up to ``repeat`` runs, and fn's last result.  CPU
    time: the run is single-threaded, and a shared machine's other processes would
    lengthen its wall time by twofold and more.

    Returns (best_seconds or None if the first run timed out, result, runs).
    """
    best, result, runs, spent = None, None, 0, 0.0
    for _ in range(repeat):
        if runs and spent >= LINE_BUDGET_S:
            break
        gc.collect()
        if HAVE_ALARM and max_seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, max_seconds)
        try:
            t0 = time.process_time()
            result = fn()
            dt = time.process_time() - t0
        except _Timeout:
            return best, result, runs
        finally:
            if HAVE_ALARM and max_seconds > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
        runs += 1
        spent += dt
        best = dt if best is None else min(best, dt)
    return best, result, runs


def lint_once(text: str, rules: dict, select):
    doc = Document(text, path="bench.txt")
    active = select_rules(rules, {}, select)
    failures: list = []
    findings, errors = run_rules(doc, active, failures)
    for _, e in failures:
        if isinstance(e, _Timeout):
            raise e   # the bench's time is up, not a rule's failure
    return len(active), len(findings), errors


# -- growth on adversarial inputs ----------------------------------------------

# Shapes of text taken to the extreme, each made at about n characters: first what page
# chrome, converters and split pairs can do, then the shapes that made a rule quadratic or
# worse (issue 10): many quantities in one statement, long numbers, long lists, long runs
# of marks.  Linear cost takes twice the time for twice the input.
ADVERSARIAL = {
    "toolbar, one label per line": lambda n: "下载\n打印\n中\n" * (n // 9),
    "long lines of UI labels": lambda n: ("返回顶部" * 19 + "X\n") * (n // 78),
    "link labels": lambda n: "相关报道:\n" * (n // 6),
    "page marks": lambda n: "— 3 —\n" * (n // 6),
    "page numbers between prose": lambda n: "".join(
        f"全面推进严格规范公正文明执法工作取得新成效\n{i % 1000}\n" for i in range(n // 27)),
    "pairs split by chrome": lambda n: "他说“要把各项工作落实\n下载\n到位”之后\n\n" * (n // 23),
    "pipe-table rows": lambda n: "| 一、收到申请 | 12 |\n" * (n // 18),
    "blank runs between page marks": lambda n: ("\n" * 50 + "— 3 —\n") * (n // 56),
    "one character repeated": lambda n: "的" * n,
    "wrong forms in their guards": lambda n: "截止日期截止2023年想必竟然交待,县(处)级\n" * (n // 25),
    "one line of counts, no sentence end": lambda n: "全年共受理案件12件，" * (n // 10),
    "a list of counts 1件、2件、…": lambda n: "、".join(f"{i}件" for i in range(1, n // 4))[:n],
    "totals, breakdowns and rates in one statement":
        lambda n: "共受理10件，其中办结8件，办结率80%，" * (n // 20),
    "a run of “ then a run of ）": lambda n: "“" * (n // 2) + "）" * (n // 2),
    "a 、-list then 三大产业": lambda n: "、".join(["文旅"] * (n // 3)) + "三大产业",
    "runs of 1,000 digits": lambda n: ("1" * 1000 + "，") * (n // 1001),
    "a run of digits as long as the input": lambda n: "1" * n,
    "a run of digits and points": lambda n: "1." * (n // 2),
    "long Chinese numerals": lambda n: ("一〇" * 250 + "件，" + "一亿" * 250 + "元，") * (n // 1004),
    "counts under one superset": lambda n: "共排查纠纷100件，" + "化解10件，" * (n // 6),
    "an adjustment with many changes": lambda n: "清单401项调整为400项，" + "新增3项，" * (n // 5),
    "adjustments among the changes": lambda n: "新增由1项调整为新增2项，" * (n // 12),
    "breakdowns among the parts": lambda n: "共10件" + "、其中共1件" * (n // 6),
    "many rates after two counts": lambda n: "共受理10件，办结8件，" + "办结率80%，" * (n // 6),
    "many denominators before a rate": lambda n: "受理10件，" * (n // 6) + "办结8件，办结率80%。",
    "deeply nested brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "a run of 《 then a run of )": lambda n: "《" * (n // 2) + ")" * (n // 2),
    "quoted terms, then closing quotes": lambda n: "".join(
        f"“{i}”" for i in range(n // 16)) + "”" * (n // 2),
}
GROWTH_TOP_CHARS = 1_000_000   # each shape is linted at this many characters and at half:
GROWTH_MAX_BYTES = 8 * MB       # (both halved while the larger is past this much UTF-8)
GROWTH_LIMIT = 2.5              # a run taking more than this times as long as the run at half
GROWTH_RETRIES = 2              # (best of this many more runs of each) is superlinear
GROWTH_MAX_SECONDS = 180.0      # a run abandoned after this long (wall) counts as superlinear


def _lint_cpu_seconds(text: str, rules: dict, max_seconds: float):
    """CPU time of linting ``text`` with every rule, or None past ``max_seconds`` of wall
    time.  CPU time, not wall time: the other processes of a shared machine do not count."""
    gc.collect()
    if HAVE_ALARM and max_seconds > 0:
        signal.setitimer(signal.ITIMER_REAL, max_seconds)
    try:
        t0 = time.process_time()
        lint_once(text, rules, None)
        return time.process_time() - t0
    except _Timeout:
        return None
    finally:
        if HAVE_ALARM and max_seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _growth_sizes(make, top_chars: int) -> tuple:
    """The two sizes a shape is measured at: ``top_chars`` (10^6 marks for a run of one
    mark) and half of it, halved while the input would be larger than GROWTH_MAX_BYTES."""
    top = top_chars
    while top > 2 and len(make(top).encode()) > GROWTH_MAX_BYTES:
        top //= 2
    return top // 2, top


def _growth_of(make, rules: dict, max_seconds: float, top_chars: int) -> dict:
    """The ratio of the last doubling of one shape's input, at the largest size only: the
    sizes below cost less than it together, and tell less."""
    sizes = _growth_sizes(make, top_chars)
    chars = [len(make(n)) for n in sizes]
    small = _lint_cpu_seconds(make(sizes[0]), rules, max_seconds)
    big = _lint_cpu_seconds(make(sizes[1]), rules, max_seconds) if small is not None else None
    ratio = big / small if small and big is not None else None
    for _ in range(GROWTH_RETRIES):
        if ratio is None or ratio <= GROWTH_LIMIT:
            break
        # A busy machine slows one run: measure both again, keeping the best of each.
        again = [_lint_cpu_seconds(make(n), rules, max_seconds) for n in sizes]
        if None in again:
            break
        small, big = min(small, again[0]), min(big, again[1])
        ratio = big / small if small else None
    return {"chars": chars, "seconds": [small, big], "ratio": ratio,
            "superlinear": ratio is None or ratio > GROWTH_LIMIT}


def measure_growth(rules: dict, max_seconds: float, top_chars: int) -> list:
    out = []
    for name, make in ADVERSARIAL.items():
        g = {"name": name, **_growth_of(make, rules, max_seconds, top_chars)}
        out.append(g)
        ratio = "timed out" if g["ratio"] is None else f"{g['ratio']:.2f}×"
        seconds = " → ".join("-" if t is None else f"{t:.2f} s" for t in g["seconds"])
        log(f"  {name}: {' → '.join(f'{c:,}' for c in g['chars'])} characters, {seconds}, "
            f"{ratio}")
    return out


# The structure the rules share (no rule reads ``doc.sentences``: the duplicate rule reads
# the sentences of each paragraph itself).
STRUCTURE_STAGES = ("folded", "line_spans", "headings", "paragraphs", "enumerations")


def structure_once(text: str):
    """Build the structure stage by stage; returns the counts and each stage's seconds
    (a stage's time excludes the stages before it, which it reuses)."""
    doc = Document(text, path="bench.txt")
    stages = {}
    for stage in STRUCTURE_STAGES:
        t0 = time.process_time()
        getattr(doc, stage)
        stages[stage] = time.process_time() - t0
    counts = {"paragraphs": len(doc.paragraphs), "headings": len(doc.headings),
              "enumerators": sum(map(len, doc.enumerations))}
    return counts, stages


def entry(label: str, best, runs: int, size: int, max_seconds: float, **extra) -> dict:
    e = {"name": label, "seconds": best, "runs": runs,
         "mb_per_s": (size / MB / best) if best else None}
    if best is None:
        e["timed_out_after_s"] = max_seconds
    e.update(extra)
    return e


def measure_rules(text: str, size: int, repeat: int, max_seconds: float) -> dict:
    registry = default_registry()
    rules = registry.rules
    out = {"registry_errors": list(registry.errors), "rules": []}

    log("  document structure (paragraphs, headings, enumerations) …")
    stage_best: dict = {}

    def structure():
        counts, stages = structure_once(text)
        for k, v in stages.items():
            stage_best[k] = min(v, stage_best.get(k, v))
        return counts

    best, counts, runs = timed(structure, repeat, max_seconds)
    out["structure"] = entry("Document structure", best, runs, size, max_seconds,
                             stages=stage_best, **(counts or {}))

    for name in rules:  # discovered dynamically: whatever the registry holds now
        log(f"  {name} …")
        best, res, runs = timed(lambda: lint_once(text, rules, [name]), repeat, max_seconds)
        n_active, n_findings, errors = res if res else (None, None, [])
        out["rules"].append(entry(name, best, runs, size, max_seconds,
                                  findings=n_findings, errors=errors))

    log("  wording rules together …")
    best, res, runs = timed(lambda: lint_once(text, rules, ["wording"]), repeat, max_seconds)
    n_active, n_findings, errors = res if res else (None, None, [])
    out["wording"] = entry("wording rules together", best, runs, size, max_seconds,
                           rules=n_active, findings=n_findings, errors=errors)

    log("  all rules together …")
    best, res, runs = timed(lambda: lint_once(text, rules, None), repeat, max_seconds)
    n_active, n_findings, errors = res if res else (None, None, [])
    out["all"] = entry("all rules", best, runs, size, max_seconds,
                       rules=n_active, findings=n_findings, errors=errors)
    return out


# -- cold start ----------------------------------------------------------------

def _is_shim(path: str) -> bool:
    """A pyenv/asdf-style shim: a shell script that finds the real script first."""
    try:
        with open(path, "rb") as f:
            shebang = f.readline(256)
    except OSError:
        return False
    return shebang.startswith(b"#!") and any(
        shebang.rstrip().endswith(sh) for sh in (b"/sh", b"/bash", b" sh", b" bash"))


def install_kind() -> str:
    """How reportlint is installed for this interpreter: "editable" (the repository's own
    lint/ folder, reached through an import hook that every start pays for) or "regular"."""
    import reportlint

    return "editable" if os.path.basename(os.path.dirname(reportlint.__file__)) == "lint" \
        else "regular"


def cold_commands() -> list:
    cmds = [("python -m reportlint", [sys.executable, "-m", "reportlint", COLD_FILE])]
    on_path = shutil.which("reportlint")
    if on_path:
        shim = _is_shim(on_path)
        cmds.append((f"reportlint (console script on PATH{', a shell shim' if shim else ''})",
                     [on_path, COLD_FILE]))
        # Behind a shim, also time the interpreter's own script, without the shim.
        scripts = sysconfig.get_path("scripts")
        direct = os.path.join(scripts, "reportlint") if scripts else ""
        if shim and os.path.isfile(direct) and os.path.realpath(direct) != os.path.realpath(on_path):
            cmds.append(("reportlint (console script, no shim)", [direct, COLD_FILE]))
    cmds.append(("python -c pass (interpreter floor)", [sys.executable, "-c", "pass"]))
    return cmds


def cold_starts(commands: list, runs: int) -> list:
    """Each (label, command) ``runs`` times after a warm-up.  The commands take turns, so
    that the drift of a shared machine weighs on them alike, and each median is also
    given as a ratio to the interpreter floor's (the last command), which drifts with it."""
    env = command_env()   # (the warm-up writes the .pyc files)
    times: dict = {label: [] for label, _ in commands}
    codes: dict = {label: set() for label, _ in commands}
    failures: dict = {}
    for i in range(runs + 1):  # the first is a warm-up (disk cache, .pyc files)
        for label, cmd in commands:
            if label in failures:
                continue
            t0 = time.perf_counter()
            p = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
            # 0 = no findings, 1 = findings (expected on this seed); anything else failed.
            if p.returncode not in (0, 1):
                failures[label] = (f"exit code {p.returncode}: "
                                   + p.stderr.decode("utf-8", "replace").strip()[-500:])
            elif i:
                times[label].append(dt * 1000)
                codes[label].add(p.returncode)
    floor = times[commands[-1][0]]
    floor_ms = statistics.median(floor) if floor else None
    out = []
    for label, cmd in commands:
        median = statistics.median(times[label]) if times[label] else None
        out.append({
            "name": label,
            "command": " ".join(os.path.relpath(c, ROOT) if c == COLD_FILE else c for c in cmd),
            "median_ms": median,
            "min_ms": min(times[label]) if times[label] else None,
            "floor_ratio": median / floor_ms if median and floor_ms else None,
            "runs": len(times[label]),
            "exit_codes": sorted(codes[label]),
            "failure": failures.get(label),
        })
    return out


# -- machine -------------------------------------------------------------------

def machine() -> dict:
    facts = {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "executable": sys.executable,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": _cpu_model() or platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "reportlint": __version__,
    }
    if hasattr(os, "sched_getaffinity"):
        facts["cpus_usable"] = len(os.sched_getaffinity(0))
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True, timeout=10)
        if rev.returncode == 0:
            facts["git"] = rev.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return facts


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


# -- output --------------------------------------------------------------------

def _fmt_rate(e: dict, size: int) -> str:
    if e["seconds"] is None:
        return f"< {size / MB / e['timed_out_after_s']:.2f} (timed out)"
    rate = f"{e['mb_per_s']:.1f}" if e["mb_per_s"] >= 1 else f"{e['mb_per_s']:.2f}"
    if e.get("errors") and "rules" in e:  # all rules: the figure leaves out the failed part
        n = len(e["errors"])
        return f"{rate} ({n} rule{'s' if n > 1 else ''} failed, see details)"
    return "failed (see details)" if e.get("errors") else rate


def markdown(r: dict) -> str:
    inp, res = r["input"], r["throughput"]
    lines = []
    src = f"{inp['seed_files']} seed reports"
    src += f" + {inp['corpus_files']} corpus reports" if inp["corpus_files"] else " (no corpus found)"
    lines.append(f"Input: {inp['bytes'] / MB:.2f} MB UTF-8 ({inp['chars']:,} characters): {src}, "
                 f"{inp['unit_bytes'] / MB:.2f} MB repeated {inp['copies']}×.")
    lines.append(f"Throughput: best of {r['repeat']} runs, a fresh Document each run "
                 "(its lazily computed structure is part of every rule's cost), one core.")
    lines.append("")
    lines.append("| rule | MB/s |")
    lines.append("|---|---:|")
    for e in res["rules"]:
        lines.append(f"| `{e['name']}` | {_fmt_rate(e, inp['bytes'])} |")
    a = res["all"]
    together = f"all {a['rules']} rules together" if a.get("rules") else "all rules together"
    if res.get("wording"):
        lines.append(f"| *the {res['wording']['rules']} wording rules together* | "
                     f"*{_fmt_rate(res['wording'], inp['bytes'])}* |")
    lines.append(f"| **{together}** | **{_fmt_rate(a, inp['bytes'])}** |")
    lines.append(f"| *Document structure alone* | *{_fmt_rate(res['structure'], inp['bytes'])}* |")
    lines.append("")

    if a["seconds"] is not None:
        ok = a["mb_per_s"] >= TARGET_ALL_MBPS and not a.get("errors")
        lines.append(f"All rules: {a['mb_per_s']:.1f} MB/s ({a['seconds']:.2f} s for "
                     f"{inp['bytes'] / MB:.2f} MB, {a['findings']} findings) — target "
                     f"≥ {TARGET_ALL_MBPS:g} MB/s: {'met' if ok else 'NOT met'}")
    else:
        lines.append(f"All rules: timed out after {a['timed_out_after_s']:g} s — target NOT met")

    cold = r.get("cold_start")
    if cold:
        lines.append(f"Cold start (`reportlint {COLD_FILE}`, {os.path.getsize(os.path.join(ROOT, COLD_FILE)):,} bytes; "
                     f"median of {r['cold_runs']} runs after 1 warm-up, the commands taking turns; "
                     "exit code 1 means findings and is expected, not a failure; 0 means none):")
        for c in cold:
            if c["failure"]:
                lines.append(f"  - {c['name']}: FAILED ({c['failure']})")
                continue
            target = ""
            if "floor" not in c["name"]:
                ratio = f", {c['floor_ratio']:.1f}× the bare interpreter" if c["floor_ratio"] else ""
                ok = c["median_ms"] <= TARGET_COLD_MS and (
                    c["floor_ratio"] is None or c["floor_ratio"] <= TARGET_COLD_RATIO)
                target = (f"{ratio} — target ≤ {TARGET_COLD_RATIO:g}× the bare interpreter "
                          f"and ≤ {TARGET_COLD_MS:g} ms: {'met' if ok else 'NOT met'}")
            lines.append(f"  - {c['name']}: {c['median_ms']:.0f} ms median "
                         f"(min {c['min_ms']:.0f} ms, exit {'/'.join(map(str, c['exit_codes']))})"
                         f"{target}")
    lines.append("")

    notes = []
    s = res["structure"]
    if s["seconds"]:
        notes.append(f"Document structure alone: {s['seconds']:.2f} s "
                     f"({s.get('paragraphs', 0):,} paragraphs, {s.get('headings', 0):,} headings, "
                     f"{s.get('enumerators', 0):,} enumerators); by stage (best of runs): "
                     + ", ".join(f"{k} {v:.2f} s" for k, v in s.get("stages", {}).items()))
    for e in res["rules"]:
        if e["seconds"] is None:
            notes.append(f"{e['name']}: timed out after {e['timed_out_after_s']:g} s")
            continue
        notes.append(f"{e['name']}: {e['seconds']:.2f} s, {e['findings']} findings, "
                     f"best of {e['runs']}")
        notes.extend(f"{e['name']}: error: {msg}" for msg in e.get("errors") or ())
    for msg in res["all"].get("errors") or ():
        notes.append(f"all rules: error: {msg}")
    for msg in res["registry_errors"]:
        notes.append(f"registry: {msg}")
    growth = r.get("growth")
    if growth:
        lines.append(f"Growth on adversarial inputs (all rules, CPU time; each shape at "
                     f"{r['growth_chars']:,} characters, at most {GROWTH_MAX_BYTES // MB} MB, "
                     f"and at half of that; the ratio of that doubling, linear is about 2×, "
                     f"above {GROWTH_LIMIT:g}× is superlinear):")
        for g in growth:
            sizes = " → ".join(f"{c:,}" for c in g["chars"])
            seconds = " → ".join("-" if t is None else f"{t:.2f}" for t in g["seconds"])
            ratio = "timed out" if g["ratio"] is None else f"{g['ratio']:.2f}×"
            verdict = "SUPERLINEAR" if g["superlinear"] else "linear"
            lines.append(f"  - {g['name']}: {sizes} characters, {seconds} s: {ratio} "
                         f"({verdict})")
        lines.append("")
    lines.append("Details:")
    lines.extend(f"  - {n}" for n in notes)
    lines.append("")

    m = r["machine"]
    lines.append("Machine: " + "; ".join(f"{k} {v}" for k, v in m.items()
                                         if v is not None and k != "executable"))
    lines.append(f"Benchmark wall time: {r['wall_seconds']:.0f} s")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS,
                    help="folder of real report texts, *.txt (default: ../shared/corpus "
                         "relative to the repository root; seeds alone if missing)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement, best kept (default 3)")
    ap.add_argument("--size", type=float, default=5.0, help="input size in MB (default 5)")
    ap.add_argument("--cold-runs", type=int, default=10, help="timed cold starts per command (default 10)")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start measurement")
    ap.add_argument("--no-growth", action="store_true",
                    help="skip the growth measurement on adversarial inputs")
    ap.add_argument("--max-seconds", type=float, default=30.0,
                    help="abandon a single run after this long (default 30; 0 = no limit)")
    ap.add_argument("--growth-chars", type=int, default=GROWTH_TOP_CHARS,
                    help=f"characters of the larger input of each adversarial shape (default "
                         f"{GROWTH_TOP_CHARS:,}; at most {GROWTH_MAX_BYTES // MB} MB)")
    ap.add_argument("--growth-max-seconds", type=float, default=GROWTH_MAX_SECONDS,
                    help=f"abandon a run of the growth after this long (default "
                         f"{GROWTH_MAX_SECONDS:g}; 0 = no limit)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.cold_runs < 1 or args.growth_chars < 4:
        ap.error("--repeat and --cold-runs must be at least 1, --growth-chars at least 4")

    start = time.perf_counter()
    if HAVE_ALARM:
        signal.signal(signal.SIGALRM, _on_alarm)
    log("building input …")
    text, info = build_text(args.corpus, int(args.size * MB))
    log(f"  {info['bytes'] / MB:.2f} MB from {info['seed_files']} seeds + "
        f"{info['corpus_files']} corpus files × {info['copies']}")
    log("throughput:")
    throughput = measure_rules(text, info["bytes"], args.repeat, args.max_seconds)
    del text
    gc.collect()

    growth = []
    if not args.no_growth:
        log("growth on adversarial inputs:")
        growth = measure_growth(default_registry().rules, args.growth_max_seconds,
                                args.growth_chars)

    cold = []
    if not args.no_cold:
        log("cold start …")
        cold = cold_starts(cold_commands(), args.cold_runs)

    result = {
        "machine": machine(),
        "input": info,
        "repeat": args.repeat,
        "throughput": throughput,
        "cold_start": cold,
        "growth": growth,
        "growth_chars": args.growth_chars,
        "cold_runs": args.cold_runs,
        "targets": {"all_rules_mb_per_s": TARGET_ALL_MBPS, "cold_start_ms": TARGET_COLD_MS,
                    "cold_start_floor_ratio": TARGET_COLD_RATIO},
        "wall_seconds": time.perf_counter() - start,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(markdown(result))
    superlinear = [g["name"] for g in growth if g["superlinear"]]
    if superlinear:
        log(f"superlinear growth: {', '.join(superlinear)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
