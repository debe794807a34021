"""--format sarif: valid SARIF 2.1.0 (the official schema), code-point regions, rules, fixes."""
import copy
import json
import os

import jsonschema
import pytest

from tests.helpers import run_cli as run

pytestmark = pytest.mark.usefixtures("isolated_repo")
from reportlint.plugins import default_registry

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "data", "sarif-schema-2.1.0.json")
TITLE = "关于依法行政工作的情况说明\n"


def sarif_validator():
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        schema = json.load(fh)
    # This copy keeps the top-level object under definitions/Root: point the root at
    # it, or every document would pass.
    schema = dict(schema, **{"$ref": "#/definitions/Root"})
    return jsonschema.Draft7Validator(schema)


@pytest.fixture
def sample(tmp_path):
    """A reversed pair (a fix) after a character outside the BMP, a bad nesting (a
    related location), a mixed-width pair (a warning), an unreadable file, a
    Chinese file name and an unused suppression comment."""
    # 前0 言1 。2 \r3 \n4 𠮷5 说6 ”7 枫8 桥9 式10 “11 。12
    (tmp_path / "a.txt").write_text("前言。\r\n𠮷说”枫桥式“。\r\n", encoding="utf-8")
    (tmp_path / "报告.txt").write_text(
        TITLE + "《浙江省法治政府建设实施纲要(2021—2025年》\n本报告（草案）经审议（通过），文件（秘密)已归档。\n",
        encoding="utf-8")
    (tmp_path / "b.md").write_text("# 标题\n\n<!-- reportlint-disable-next-line bad-nesting -->\n正文。\n",
                                   encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01binary")
    return ["a.txt", "报告.txt", "b.md", "junk.txt"]


def test_sarif_is_valid_against_the_official_schema(sample, capsys):
    code, out, _ = run(["--format", "sarif", "--select", "pairs", "--report-unused-suppressions",
                        *sample], capsys)
    data = json.loads(out)
    errors = sorted(sarif_validator().iter_errors(data), key=str)
    assert errors == []
    levels = {r["level"] for r in data["runs"][0]["results"]}
    assert levels == {"error", "warning"}
    kinds = {k for r in data["runs"][0]["results"] for k in r if k in ("fixes", "relatedLocations")}
    assert kinds == {"fixes", "relatedLocations"}      # the sample covers both
    assert {r["ruleId"] for r in data["runs"][0]["results"]} == {
        "reversed-quotes", "bad-nesting", "mixed-width-pair", "unused-suppression"}
    assert code == 2                                     # junk.txt cannot be read


def test_the_validator_is_not_vacuous(sample, capsys):
    _, out, _ = run(["--format", "sarif", "--select", "pairs", *sample], capsys)
    data = json.loads(out)
    validator = sarif_validator()
    for break_it in (lambda d: d.pop("version"),
                     lambda d: d["runs"][0]["results"][0].update(level="fatal"),
                     lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                     ["region"].update(startColumn=0),
                     lambda d: d["runs"][0].update(columnKind="bytes")):
        broken = copy.deepcopy(data)
        break_it(broken)
        assert not validator.is_valid(broken)


def test_sarif_regions_rules_and_fixes(sample, capsys):
    _, out, _ = run(["--format", "sarif", "--select", "pairs", "--lang", "en", *sample], capsys)
    run_ = json.loads(out)["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    registry = default_registry()
    assert [r["id"] for r in rules] == sorted(registry.rules)
    by_id = {r["id"]: r for r in rules}
    rq = by_id["reversed-quotes"]
    assert rq["shortDescription"]["text"] == "quotation marks in reverse order"
    assert rq["fullDescription"]["text"] == registry.rules["reversed-quotes"].rationale["en"]
    assert "郑宅司法所荣获省级”枫桥式“司法所" in rq["help"]["text"]
    assert rq["defaultConfiguration"]["level"] == "error"
    assert by_id["mixed-width-pair"]["defaultConfiguration"]["level"] == "warning"

    first = run_["results"][0]
    assert first["ruleId"] == "reversed-quotes"
    assert rules[first["ruleIndex"]]["id"] == "reversed-quotes"
    assert first["message"]["text"] == "quotation marks in reverse order: ”枫桥式“, meant “枫桥式”"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "a.txt"
    # 𠮷 is one code point: ” is at 2:3, offset 7; the span is five code points
    assert location["region"] == {"startLine": 2, "startColumn": 3, "endLine": 2,
                                  "endColumn": 8, "charOffset": 7, "charLength": 5,
                                  "snippet": {"text": "”枫桥式“"}}
    # the baseline's fingerprint: rule, text before on the line, excerpt, text after
    import hashlib

    expected = hashlib.sha256("reversed-quotes\0𠮷说\0”枫桥式“\0。".encode()).hexdigest()[:20]
    assert first["partialFingerprints"] == {"reportlint/v1": expected}
    (fix,) = first["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "a.txt"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 8,
                          "charOffset": 7, "charLength": 5},
        "insertedContent": {"text": "“枫桥式”"}}]

    nesting = next(r for r in run_["results"] if r["ruleId"] == "bad-nesting")
    loc = nesting["locations"][0]["physicalLocation"]
    # a Chinese file name is percent-encoded UTF-8
    assert loc["artifactLocation"]["uri"] == "%E6%8A%A5%E5%91%8A.txt"
    # the title line is 14 code points with its break; ( is the 15th of line 2
    assert loc["region"]["startLine"] == 2 and loc["region"]["startColumn"] == 15
    assert loc["region"]["charOffset"] == 14 + 14
    (related,) = nesting["relatedLocations"]
    assert related["message"]["text"] == "the enclosing pair closes here"
    assert related["physicalLocation"]["region"]["startColumn"] == 26
    assert "fixes" not in nesting

    mixed = next(r for r in run_["results"] if r["ruleId"] == "mixed-width-pair")
    assert mixed["level"] == "warning"

    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "junk.txt"


def test_sarif_info_is_a_note_and_unused_suppression_has_a_rule(tmp_path, capsys):
    (tmp_path / ".reportlint.yaml").write_text("rules:\n  reversed-quotes: info\n",
                                               encoding="utf-8")
    (tmp_path / "a.md").write_text("# 标题\n\n所获”枫桥式“称号。\n\n<!-- reportlint-disable-next-line"
                                   " reversed-quotes -->\n正文。\n", encoding="utf-8")
    _, out, _ = run(["--format", "sarif", "--report-unused-suppressions", "a.md"], capsys)
    data = json.loads(out)
    assert sarif_validator().is_valid(data)
    results = {r["ruleId"]: r for r in data["runs"][0]["results"]}
    assert results["reversed-quotes"]["level"] == "note"
    unused = results["unused-suppression"]
    assert unused["level"] == "warning"
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert rules[unused["ruleIndex"]]["id"] == "unused-suppression"
    assert unused["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_absolute_paths_become_file_uris(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TITLE + "所获”枫桥式“称号。\n", encoding="utf-8")
    _, out, _ = run(["--format", "sarif", str(tmp_path / "a.txt")], capsys)
    (result,) = json.loads(out)["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path / "a.txt").as_uri()
    assert uri.startswith("file:///")


def test_sarif_clean_run_has_no_results(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text(TITLE + "本年度工作稳步推进。\n", encoding="utf-8")
    code, out, _ = run(["--format", "sarif", "ok.txt"], capsys)
    data = json.loads(out)
    assert sarif_validator().is_valid(data)
    assert data["runs"][0]["results"] == []
    assert data["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert code == 0


def test_paths_from_a_folder_sweep_are_relative_uris(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TITLE + "所获”枫桥式“称号。\n", encoding="utf-8")
    _, out, _ = run(["--format", "sarif", "."], capsys)
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/a.txt"
