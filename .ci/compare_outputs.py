"""Compare what reportlint reports before and after a refactor, message wording aside.

    python .ci/compare_outputs.py record SNAPSHOT.json     # before the change
    python .ci/compare_outputs.py compare SNAPSHOT.json    # after: exit 1 on a difference

Lints seeds/ and, where they are beside the checkout, ../shared/corpus and
../shared/realworld, in the four report formats (json, sarif, text, github), and keeps
for every finding what a refactor must not change: file, rule, severity, span (lines,
columns, offsets), related spans, fix and fingerprint.  Messages are left out: their
wording may change on its own.  Standard library only; runs the installed reportlint.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ["seeds", os.path.join("..", "shared", "corpus"), os.path.join("..", "shared", "realworld")]
FORMATS = ("json", "sarif", "text", "github")
# `path:line:col: severity rule message` — the head of a finding in the text format.
TEXT_HEAD = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning|info) (\S+) ", re.MULTILINE)
# `::level file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`
GITHUB_HEAD = re.compile(r"^::(\w+) (file=[^:]*?,title=[^:]+)::", re.MULTILINE)


def run(fmt: str, folder: str) -> str:
    cmd = [sys.executable, "-m", "reportlint", "--no-config", "--fail-on", "never",
           "--format", fmt, folder]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})
    if done.returncode not in (0, 1):
        raise SystemExit(f"compare_outputs: {' '.join(cmd)} exited {done.returncode}:\n"
                         f"{done.stderr}")
    return done.stdout


def json_facts(out: str) -> list:
    report = json.loads(out)
    facts = []
    for f in report["files"]:
        for x in f["findings"]:
            facts.append([f["path"], f["profile"], x["rule"], x["severity"], x["line"], x["column"],
                          x["end_line"], x["end_column"], x["start"], x["end"],
                          [[r["start"], r["end"]] for r in x["related"]], x["fix"]])
    facts += [["error", e["path"]] for e in report["errors"]]
    return facts


def sarif_facts(out: str) -> list:
    facts = []
    for run_ in json.loads(out)["runs"]:
        for r in run_["results"]:
            regions = [loc["physicalLocation"] for loc in r.get("locations", [])]
            related = [loc["physicalLocation"]["region"] for loc in r.get("relatedLocations", [])]
            for region in related:
                region.pop("message", None)
            fixes = [c["replacements"] for fix in r.get("fixes", [])
                     for c in fix.get("artifactChanges", [])]
            facts.append([r["ruleId"], r["level"], regions, related, fixes,
                          r.get("partialFingerprints")])
    return facts


def text_facts(out: str) -> list:
    return [list(m.groups()) for m in TEXT_HEAD.finditer(out)]


def github_facts(out: str) -> list:
    return [list(m.groups()) for m in GITHUB_HEAD.finditer(out)]


FACTS = {"json": json_facts, "sarif": sarif_facts, "text": text_facts, "github": github_facts}


def snapshot() -> dict:
    out = {}
    for folder in SETS:
        if not os.path.isdir(os.path.join(ROOT, folder)):
            continue
        for fmt in FORMATS:
            out[f"{folder} {fmt}"] = FACTS[fmt](run(fmt, folder))
    return out


def main(argv: list) -> int:
    if len(argv) != 2 or argv[0] not in ("record", "compare"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    action, path = argv
    now = snapshot()
    if action == "record":
        with open(path, "w", encoding="utf-8") as f:
            json.dump(now, f, ensure_ascii=False, indent=1)
        print(f"recorded {sum(map(len, now.values()))} facts of {len(now)} runs in {path}")
        return 0
    with open(path, encoding="utf-8") as f:
        before = json.load(f)
    differ = 0
    for key in sorted(set(before) | set(now)):
        a, b = before.get(key), now.get(key)
        if a == b:
            continue
        differ += 1
        print(f"{key}: differs")
        for fact in (a or []):
            if fact not in (b or []):
                print(f"  - {json.dumps(fact, ensure_ascii=False)}")
        for fact in (b or []):
            if fact not in (a or []):
                print(f"  + {json.dumps(fact, ensure_ascii=False)}")
    print(f"{len(now)} runs compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
