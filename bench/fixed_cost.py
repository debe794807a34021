"""What any document costs, however short: all rules on a two-line text, in process.

    python bench/fixed_cost.py               # the two-line text
    python bench/fixed_cost.py "TEXT"        # another text

Prints µs of CPU time per document (best of 3 rounds) for the bare Document, for as many
rules as there are built-in ones, doing nothing (the engine's own cost), for all rules, and for each rule family beyond
the bare Document.  Standard library only (plus reportlint).
"""
from __future__ import annotations

import sys
import time

from reportlint.config import DEFAULT_RULE_TIMEOUT
from reportlint.document import Document
from reportlint.engine import ActiveRule, run_rules, select_rules
from reportlint.plugins import default_registry
from reportlint.rule import Rule
from reportlint.timelimit import TimeLimits

TWO_LINES = "一、总体情况\n今年以来，我们坚持依法行政。\n"
ROUNDS, DOCUMENTS = 3, 3000


class _Nothing(Rule):
    category = "bench"
    severity = "error"
    summary = {"zh": "无", "en": "nothing"}

    def __init__(self, name: str):
        self.name = name

    def check(self, doc, options):
        return iter(())


def per_document(text: str, active: list, limits: TimeLimits) -> float:
    """µs of CPU time to lint ``text`` with ``active``, best of ROUNDS."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        for _ in range(DOCUMENTS):
            run_rules(Document(text, path="bench.txt"), active, [], DEFAULT_RULE_TIMEOUT, limits)
        best = min(best, time.process_time() - start)
    return best / DOCUMENTS * 1e6


def main(argv: list) -> int:
    text = argv[0] if argv else TWO_LINES
    active = select_rules(default_registry().rules, {})
    nothing = [ActiveRule(_Nothing(f"nothing-{i}"), "error", {}) for i in range(len(active))]
    families: dict = {}
    for a in active:
        families.setdefault(a.module, []).append(a)
    with TimeLimits() as limits:   # as a run's: the handler installed once
        bare = per_document(text, [], limits)
        print(f"{len(text)} characters; µs of CPU per document, best of {ROUNDS} rounds")
        print(f"  bare Document: {bare:.1f}")
        print(f"  {len(nothing)} rules doing nothing: {per_document(text, nothing, limits):.1f}")
        print(f"  all {len(active)} rules: {per_document(text, active, limits):.1f}")
        for family, rules in families.items():
            cost = per_document(text, rules, limits) - bare
            print(f"  {family} ({len(rules)} rules): {cost:.1f} beyond the bare Document")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
