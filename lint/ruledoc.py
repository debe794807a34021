"""Rule documentation generated from the rules' own metadata."""
from __future__ import annotations


def explain(rule, lang: str = "zh") -> str:
    zh = lang != "en"
    lines = [f"{rule.name} ({rule.category}, {rule.severity})", "",
             rule.summary.get(lang, ""), ""]
    rationale = rule.rationale.get(lang, "")
    if rationale:
        lines += [rationale, ""]
    if rule.options:
        lines.append("选项:" if zh else "Options:")
        lines += [f"  {k}: {v!r}" for k, v in rule.options.items()]
        lines.append("")
    if rule.examples.get("bad"):
        lines += ["有问题的例子:" if zh else "Flagged:", "  " + rule.examples["bad"], ""]
    if rule.examples.get("good"):
        lines += ["没有问题的例子:" if zh else "Accepted:", "  " + rule.examples["good"], ""]
    return "\n".join(lines)
