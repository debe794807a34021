"""``--statistics``: findings counted per rule, most frequent first (ruff's shape:
count, rule, category, ``[*]`` when --fix can fix some, summary)."""
from __future__ import annotations

from collections import Counter

from ..messages import msg
from . import copied_share, shown_path
from .jsontext import json_text


def rows(report, registry, lang: str, unsafe: bool = False) -> list:
    from ..rule import applicable

    counts: Counter[str] = Counter()
    fixable: set[str] = set()
    categories: dict[str, str] = {}
    for f in report.findings:
        counts[f.rule] += 1
        categories[f.rule] = f.category
        if applicable(f, unsafe):
            fixable.add(f.rule)
    out = []
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = registry.describe(name)
        summary = rule.summary.get(lang, "") if rule else ""
        out.append({"count": count, "rule": name, "category": categories[name],
                    "fixable": name in fixable, "summary": summary})
    return out


def render(report, registry, lang: str = "zh", as_json: bool = False, unsafe: bool = False,
           **kw) -> str:
    table = rows(report, registry, lang, unsafe)
    if as_json:
        return json_text(table) + "\n"
    if not table:
        return ""
    w_count = max(len(str(r["count"])) for r in table)
    w_rule = max(len(r["rule"]) for r in table)
    w_cat = max(len(r["category"]) for r in table)
    return "".join(f"{r['count']:>{w_count}}  {r['rule']:<{w_rule}}  {r['category']:<{w_cat}}  "
                   f"{'[*]' if r['fixable'] else '   '} {r['summary']}\n" for r in table) \
        + copied_table(report, lang)


def copied_table(report, lang: str) -> str:
    """With --compare: the share of each file found in other reports, most copied first."""
    shares = [(copied_share(r), r.path) for r in report.results]
    shares = sorted((s for s in shares if s[0] > 0), key=lambda s: -s[0])
    if not shares:
        return ""
    head = msg("Copied from other reports (share of the text):").text(lang)
    return "\n" + head + "\n" + "".join(f"{round(100 * share):>4}%  {shown_path(path)}\n"
                                         for share, path in shares)
