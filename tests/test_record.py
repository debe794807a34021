"""Finding, Fix, Related and the report classes behave as the dataclasses they were."""
import copy
import pickle
import sys

import pytest

from reportlint import Finding, Fix, Related
from reportlint.report import FileResult, Note, Report


def _finding(**changes):
    values = dict(rule="unmatched-pair", category="pairs", severity="error", start=0, end=1,
                  zh="不成对", en="unmatched", related=(Related(3, 4, zh="这里"),),
                  fix=Fix(0, 1, ""))
    values.update(changes)
    return Finding(**values)


def test_a_frozen_record_is_equal_by_its_fields_hashable_and_immutable():
    a, b = _finding(), _finding()
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != _finding(end=2) and a != _finding(fix=None)
    assert Fix(0, 1, "x") != Related(0, 1)   # another class is never equal
    assert (a == ("unmatched-pair",)) is False
    with pytest.raises(AttributeError):
        a.start = 5   # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.zh
    with pytest.raises(AttributeError):
        a.extra = 1   # type: ignore[attr-defined]
    assert a.start == 0 and a.zh == "不成对"


def test_the_repr_names_each_field_as_a_dataclass_does():
    assert repr(Fix(0, 1, "x")) == "Fix(start=0, end=1, replacement='x', safe=True)"
    assert repr(Related(1, 2)) == "Related(start=1, end=2, zh='', en='', path=None, where=None)"
    assert repr(FileResult("a.txt")) == \
        "FileResult(path='a.txt', doc=None, findings=[], errors=[], profile=None)"


def test_replace_copies_with_changed_fields_and_refuses_an_unknown_one():
    a = _finding()
    b = a.replace(severity="info", fix=None)
    assert (b.severity, b.fix, b.zh, a.severity) == ("info", None, "不成对", "error")
    with pytest.raises(TypeError):
        a.replace(colour="red")
    if sys.version_info >= (3, 13):
        assert copy.replace(a, end=2) == _finding(end=2)   # type: ignore[attr-defined]


def test_records_pickle_and_copy():
    for record in (_finding(), Fix(2, 3, "，", safe=False), Related(0, 1, path="b.txt",
                                                                    where=(1, 1, 1, 2)),
                   Note("a.yaml", 3, 5, "warning", "unused-suppression", "未用", "unused")):
        assert pickle.loads(pickle.dumps(record)) == record
        assert copy.deepcopy(record) == record and copy.copy(record) == record
    report = Report(results=[FileResult("a.txt", findings=[_finding()])], fixed=2)
    again = pickle.loads(pickle.dumps(report))
    assert again == report and again.findings == [_finding()]


def test_mutable_records_compare_by_fields_and_are_not_hashable():
    a = FileResult("a.txt", findings=[_finding()])
    b = FileResult("a.txt", findings=[_finding()], failures=[("x", ValueError())])
    assert a == b   # failures: kept in the process, out of equality and repr
    assert FileResult("a.txt").findings is not FileResult("a.txt").findings
    a.profile = "gioa"
    assert a != b
    with pytest.raises(TypeError):
        hash(a)
    assert Report() == Report() and Report().results == [] and Report(fixed=1) != Report()


def test_a_subclass_compares_and_shows_its_own_fields_too():
    class Marked(Fix):
        __slots__ = ("mark",)
        _fields = ("start", "end", "replacement", "safe", "mark")

        def __init__(self, start, end, replacement, safe=True, mark=""):
            super().__init__(start, end, replacement, safe)
            object.__setattr__(self, "mark", mark)

    assert Marked(0, 1, "x", mark="a") != Marked(0, 1, "x", mark="b")
    assert repr(Marked(0, 1, "x", mark="a")) == \
        "test_a_subclass_compares_and_shows_its_own_fields_too.<locals>.Marked(" \
        "start=0, end=1, replacement='x', safe=True, mark='a')"


def test_positional_patterns_match_the_fields_in_order():
    match Fix(0, 1, "x"):
        case Fix(start, end, replacement):
            assert (start, end, replacement) == (0, 1, "x")
        case _:
            pytest.fail("a Fix did not match its own positional pattern")
