"""The rule author's path: the README's example rule runs, and reportlint.testing tests it."""
import os
import re

import pytest

from reportlint import Rule, RuleError
from reportlint.testing import assert_findings, check_rule_metadata, example_findings, findings_of

README = os.path.join(os.path.dirname(__file__), "..", "README.md")


def readme_blocks():
    """The Python blocks of the README's "Writing a rule" section, in order."""
    with open(README, encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("## Writing a rule"):]
    section = section[:section.index("\n## ", 1)] if "\n## " in section[1:] else section
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_readme_rule_example_runs_and_its_test_passes():
    rule_code, test_code = readme_blocks()[:2]
    space: dict = {}
    exec(compile(rule_code, "README.md", "exec"), space)
    exec(compile(test_code, "README.md", "exec"), space)
    space["test_no_todo"]()
    (f,) = findings_of(space["NoTodo"](), "标题\nTODO\n")
    assert f.fix is not None and not f.fix.safe
    assert space["reportlint_rules"]()[0].name == "no-todo"


class Quiet(Rule):
    name = "quiet"
    category = "custom"
    severity = "warning"
    summary = {"zh": "安静", "en": "quiet"}
    options = {"word": "TODO"}

    def check(self, doc, options):
        at = doc.folded.find(options["word"])
        if at >= 0:
            yield self.finding(at, at + len(options["word"]), zh="有", en="found")


def test_options_are_merged_with_the_defaults():
    assert_findings(Quiet(), "TODO FIXME", ["TODO"])
    assert_findings(Quiet(), "TODO FIXME", ["FIXME"], options={"word": "FIXME"})


def test_a_wrong_expectation_fails_with_what_was_found():
    with pytest.raises(AssertionError, match=r"quiet flagged \['TODO'\], expected \[\]"):
        assert_findings(Quiet(), "TODO", [])


def test_a_crash_is_never_silence():
    class Crash(Quiet):
        name = "crash"

        def check(self, doc, options):
            raise RuntimeError("boom")
            yield  # a generator

    with pytest.raises(RuleError, match="rule crash failed: RuntimeError: boom"):
        assert_findings(Crash(), "没有问题。", [])


@pytest.mark.parametrize("attr, value, message", [
    ("name", "NoTodo", "kebab-case"),
    ("severity", "fatal", "severity"),
    ("summary", {"zh": "只有中文"}, "summary"),
])
def test_rule_metadata_is_checked(attr, value, message):
    bad = type("Bad", (Quiet,), {attr: value})()
    with pytest.raises(AssertionError, match=message):
        check_rule_metadata(bad)


def test_an_object_that_is_no_rule_is_named_so():
    with pytest.raises(AssertionError, match="is not a reportlint Rule"):
        check_rule_metadata(object())


def _registry_rules():
    from reportlint.plugins import default_registry

    return sorted(default_registry().rules.values(), key=lambda r: r.name)


@pytest.mark.parametrize("rule", _registry_rules(), ids=lambda r: r.name)
def test_every_rule_flags_its_bad_example_and_not_its_good_one(rule):
    check_rule_metadata(rule)
    bad, good = rule.examples.get("bad"), rule.examples.get("good")
    assert bad and good, f"{rule.name} needs a bad and a good example"
    found = example_findings(rule, "bad")
    assert found, f"{rule.name} does not flag its bad example"
    assert example_findings(rule, "good") == [], f"{rule.name} flags its good example"
    # Its declared fixability is what its fixes are.
    kinds = {"" if f.fix is None else "safe" if f.fix.safe else "unsafe" for f in found}
    assert kinds == {rule.fixable}, f"{rule.name}: fixable = {rule.fixable!r}, fixes: {kinds}"
