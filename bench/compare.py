"""The folder comparison behind --compare (copied-passage) on generated reports.

    python bench/compare.py                  # 1,000 and 10,000 reports of about 20 KB
    python bench/compare.py --sizes 500 2000 # other sizes

Each size runs in a fresh process: time (one core) and peak memory of the comparison
stage over reports that are already Documents (a run has built them to lint them), and
the growth from the first size to the last, which should be near-linear.  One report
in fifty copies a stretch of another, so the stage has copies to find.  Standard
library only (plus reportlint).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

SENTENCES_PER_REPORT = 450     # about 20 KB of UTF-8 per report
WORDS = ("推进", "法治", "政府", "建设", "依法", "行政", "执法", "监督", "服务", "改革", "决策",
         "审查", "规范", "公开", "基层", "治理", "群众", "矛盾", "纠纷", "化解", "培训", "制度")


def _code(n: int) -> str:
    """Three CJK characters that make a sentence unique (numbers would be masked)."""
    return "".join(chr(0x4E00 + (n // 20000 ** k) % 20000) for k in range(3))


def reports(count: int, seed: int = 1):
    rng = random.Random(seed)
    made = []
    for r in range(count):
        body = [f"{''.join(rng.choices(WORDS, k=6))}{_code(r * SENTENCES_PER_REPORT + i)}工作。"
                for i in range(SENTENCES_PER_REPORT)]
        if r % 50 == 49:                       # a copy: 20 sentences of an earlier report
            source = made[rng.randrange(len(made))]
            start = rng.randrange(SENTENCES_PER_REPORT - 20)
            body[100:120] = source[start:start + 20]
        made.append(body)
        yield f"报告{_code(r)}\n" + "\n".join("".join(body[i:i + 5]) for i in range(0, len(body), 5))


def measure(count: int) -> dict:
    from reportlint.compare import Text, copied_passages, sentences_of
    from reportlint.document import Document
    from reportlint.plugins import default_registry

    rule = default_registry().rules["copied-passage"]
    docs = []
    size = 0
    for i, text in enumerate(reports(count)):
        doc = Document(text, path=f"r{i}.txt")
        doc.headings, doc.table_lines    # built by the rules in a real run
        docs.append(doc)
        size += len(text.encode("utf-8"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # CPU time of this process: the figure a loaded, shared machine does not inflate.
    start = time.process_time()
    options = dict(rule.options)
    texts = [Text(d.path, sentences_of(d, options["min-sentence-chars"]), options) for d in docs]
    found = copied_passages(texts, rule)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"reports": count, "mb": round(size / 1e6, 1), "seconds": round(seconds, 2),
            "reports_with_copies": len(found),
            "extra_memory_mb": round(max(0, peak - before) / 1024, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    rows = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                              text=True, check=True)
        rows.append(json.loads(done.stdout))
        sys.stderr.write(f"{rows[-1]}\n")
    print("| reports | MB | CPU seconds (one core) | reports with copies | memory of the stage |")
    print("|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['reports']:,} | {r['mb']} | {r['seconds']} | {r['reports_with_copies']} | "
              f"{r['extra_memory_mb']} MB |")
    first, last = rows[0], rows[-1]
    growth = (last["seconds"] / max(first["seconds"], 1e-9)) / (last["reports"] / first["reports"])
    print(f"\nTime per report grows {growth:.2f}× from {first['reports']:,} to "
          f"{last['reports']:,} reports (1.00 is linear).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
