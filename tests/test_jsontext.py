"""json_text writes what json.dumps(value, ensure_ascii=False, indent=2) writes."""
import enum
import json
import math
from pathlib import Path

import pytest

from reportlint.formats import json as json_format
from reportlint.formats import sarif
from reportlint.formats.jsontext import json_text
from reportlint.plugins import default_registry
from reportlint.runner import Linter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Level(enum.IntEnum):
    LOW = 1


VALUES = [
    {}, [], (), "", 0, -7, 10**30, None, True, False,
    1.0, -0.0, 1e20, 1e-7, 0.1 + 0.2, math.inf, -math.inf,
    "所获”枫桥式“称号", 'quote " backslash \\ slash /', "line\nbreak\ttab\r\x00\x1f",
    "\u2028\u2029 \ud800 \U0001F600 \u3000 \xa0",
    {"a": {}, "b": [], "c": [{}], "d": [[], [[]]], "e": {"f": {"g": None}}},
    {"rule": "x", "line": 1, "fix": None, "related": [], "safe": True, "ratio": 0.5},
    [1, "two", [3, [4, {"five": 5}]], (6, 7), None, False],
    {"nested": (1, (2, 3))},
    # Left to the json module: a key that is not a string, an int that is not exactly one.
    {1: "one", None: "none", False: "no", 2.5: "x"},
    {"level": Level.LOW},
    [Level.LOW, {"k": [Level.LOW]}],
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_the_same_text_as_the_json_module(value):
    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_not_a_number_as_the_json_module_writes_it():
    assert json_text({"x": [math.nan]}) == json.dumps({"x": [math.nan]}, ensure_ascii=False,
                                                      indent=2) == '{\n  "x": [\n    NaN\n  ]\n}'


def test_a_value_json_cannot_write_raises_as_json_does():
    with pytest.raises(TypeError):
        json_text({"a": [object()]})


@pytest.mark.parametrize("module", [json_format, sarif], ids=["json", "sarif"])
def test_the_reports_of_the_seeds_as_the_json_module_writes_them(module):
    registry = default_registry()
    report = Linter(registry).run(sorted(str(p) for p in SEEDS.glob("*.txt")), jobs=1)
    assert report.findings   # a report with findings, their fixes and related spans
    data = module.as_dict(report, registry, "zh")
    assert module.render(report, registry) == json.dumps(data, ensure_ascii=False,
                                                         indent=2) + "\n"
