"""Plain records: what ``@dataclass`` gives Finding, Fix, Related and the report classes,
written once here.

Creating a dataclass execs generated code, and importing ``dataclasses`` imports inspect
(with ast, dis and tokenize): together about a tenth of a plain run's start-up, for
classes whose behaviour fits in a page.  A NamedTuple, for the records inside the rules,
compiles each annotation (a string, under ``from __future__ import annotations``), and the
first compile() of a process costs milliseconds of start-up.

A record does what its dataclass did: equal to a record of its own class with equal
fields, shown as ``Fix(start=0, end=1, …)``, matched by position (``case Fix(start, end,
replacement)``), and, when frozen, immutable, hashable by its fields and picklable.
``replace(**changes)`` does what ``dataclasses.replace`` did (``copy.replace`` on Python
3.13 calls it).  What it is not: a dataclass, for
``dataclasses.fields``/``asdict``/``is_dataclass`` or a ``@dataclass`` subclass.
"""
from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar


class Record:
    """A record whose fields are ``_fields``, in their order in ``__init__``."""

    __slots__ = ()
    _fields: tuple = ()
    # The fields that equality and repr look at, when not every one (a dataclass's
    # ``field(compare=False, repr=False)``).
    _compared: tuple = ()
    _key: Callable[[Any], Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_fields" in cls.__dict__:   # a class that names its fields (a subclass's own too)
            cls._take_fields()
        if cls._fields:   # not FrozenRecord itself
            cls._key = attrgetter(*cls._compared)

    @classmethod
    def _take_fields(cls) -> None:
        """What a class that names its own ``_fields`` derives from them."""
        if "_compared" not in cls.__dict__:
            cls._compared = cls._fields
        # ``case Fix(start, end, …)``, as a dataclass's positional patterns
        setattr(cls, "__match_args__", cls._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) == self._key(other)
        return NotImplemented

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({shown})"

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with ``changes`` (field name -> value); an unknown name is a TypeError."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    __replace__ = replace


if TYPE_CHECKING:
    _R = TypeVar("_R", bound=Record)


class FrozenRecord(Record):
    """A record whose fields are set once, by ``__init__``, through ``_setters``."""

    __slots__ = ()
    # Each field's slot setter, in the order of ``_fields``: the frozen record's own
    # __setattr__ refuses, and a slot's setter called directly costs a third less than
    # object.__setattr__ with the field's name.
    _setters: tuple = ()

    @classmethod
    def _take_fields(cls) -> None:
        super()._take_fields()
        cls._setters = tuple(getattr(cls, name).__set__ for name in cls._fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _assign(self, *values: Any) -> None:
        """Set the fields, in the order of ``_fields``, from ``__init__``.  (Finding, Fix
        and Related call their setters one by one instead: a run may make a million of
        them, and the loop costs about 40% more.)"""
        for set_field, value in zip(self._setters, values):
            set_field(self, value)

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __reduce__(self):
        # Pickled by its fields: the default for slots would set them one by one.
        return type(self), tuple(getattr(self, name) for name in self._fields)
