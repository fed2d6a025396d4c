"""Frozen records for the model and the engine: what a frozen dataclass gives, at no start-up cost.

When a Record, when a dataclass: a ``Record`` for the values that are loaded or computed
once and shared (the knowledge, conditions, an engine result: many instances, pickled in
the compiled data); a plain frozen ``dataclass`` for state that a front end replaces at
each step and that caches what it derives (``rules.session.Session``) or for a module's
own small results (training, verification), where start-up cost does not matter.

``triage recommend`` is a short-lived process, and defining its forty-odd classes with
``@dataclass`` compiles six methods each at import, while ``msgspec.Struct`` drags in
``typing_extensions``; either costs more than loading the data and recommending together
(``benchmarks/recommend.py``). A ``Record`` subclass declares its fields as annotations, in
order, with class-level values as defaults. Instances are immutable, compare and hash by
value, pickle, and print like dataclasses; type checkers see a frozen dataclass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Any:
        return lambda cls: cls


R = TypeVar("R", bound="Record")


@dataclass_transform(frozen_default=True)
class Record:
    """Base of every frozen value type; see the module docstring."""

    _fields: tuple[str, ...] = ()
    _defaults: dict[str, object] = {}  # noqa: RUF012 - set per subclass, never mutated

    def __init_subclass__(cls) -> None:
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - importing inspect is the cost we avoid
        own = [n for n in annotations if not n.startswith("_")]
        fields = (*cls._fields, *(n for n in own if n not in cls._fields))
        defaults = dict(cls._defaults)
        defaults.update({n: cls.__dict__[n] for n in own if n in cls.__dict__})
        type.__setattr__(cls, "_fields", fields)
        type.__setattr__(cls, "_defaults", defaults)

    def __init__(self, *args: object, **kwargs: object) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments, got {len(args)}")
        values = dict(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}() has no field '{name}'")
            if name in values:
                raise TypeError(f"{type(self).__name__}() got '{name}' twice")
            values[name] = value
        for name in fields:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__}() is missing '{name}'")
                values[name] = self._defaults[name]
        self.__dict__.update(values)

    @classmethod
    def make(cls: type[R], *values: object) -> R:
        """A record from every field's value, in field order, without ``__init__``'s checks: for
        the hot loop of the proof (``engine.decide``), where the caller passes them all."""
        record = cls.__new__(cls)
        record.__dict__.update(zip(cls._fields, values, strict=True))
        return record

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set '{name}'")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete '{name}'")

    def _values(self) -> tuple[object, ...]:
        d = self.__dict__
        return tuple(d[n] for n in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self._values(), strict=True))
        return f"{type(self).__name__}({inner})"

    def __getstate__(self) -> dict[str, object]:
        """Pickle the fields only (not what a subclass caches in ``__dict__``).

        With no ``__reduce__`` and no ``__setstate__``, unpickling creates the object and fills
        its ``__dict__`` inside the pickle module's C code, without ``__init__``'s checks (a
        pickled record was checked when it was made): the wizard and ``recommend`` unpickle
        some 1,400 records from the compiled data at every start.
        """
        d = self.__dict__
        return {n: d[n] for n in self._fields}


def replace(record: R, **changes: object) -> R:
    """A copy of ``record`` with some fields changed (``dataclasses.replace`` for records)."""
    values = dict(zip(record._fields, record._values(), strict=True))
    values.update(changes)
    return type(record)(**values)
