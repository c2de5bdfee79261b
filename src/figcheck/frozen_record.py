"""A base for records made a few times per run (word lists, weights, rules, a command's targets),
which behave as frozen dataclasses without the methods ``dataclass`` writes for each class.

``@dataclass(frozen=True)`` writes the source of ``__init__``, ``__setattr__`` and ``__delattr__``
for every class and compiles it when the class is made: about 2-9 million instructions a class
at import, for records built once. A :class:`FrozenRecord` subclass is made a dataclass with
none of them (``init=False, eq=False, repr=False``), and the shared methods below do the same
work: ``dataclasses.fields``, ``replace``, copying and pickling work as before, and type checkers
read each subclass's fields as its constructor (``dataclass_transform``).

Not for the compiled packages (``figcheck.extraction``, ``figcheck.lexicon``): mypyc's native
classes cannot take this interpreted base.
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import Any, cast, dataclass_transform

__all__ = ["FrozenRecord"]


@dataclass_transform(eq_default=False, frozen_default=True)
class FrozenRecord:
    """A frozen record: ``__init__`` takes the dataclass fields in order, positionally or by
    name, and fills the rest from their defaults; assigning or deleting an attribute raises
    FrozenInstanceError. Compared by identity, as ``eq=False`` records are."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(init=False, eq=False, repr=False)(cls)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        name = type(self).__qualname__
        specs = fields(cast(Any, self))
        if len(args) > len(specs):
            raise TypeError(f"{name}.__init__() takes {len(specs) + 1} positional arguments "
                            f"but {len(args) + 1} were given")
        values = dict(zip((s.name for s in specs), args))
        for key, value in kwargs.items():
            if key in values:
                raise TypeError(f"{name}.__init__() got multiple values for argument {key!r}")
            values[key] = value
        for spec in specs:
            if spec.name in values:
                value = values.pop(spec.name)
            elif spec.default is not MISSING:
                value = spec.default
            elif spec.default_factory is not MISSING:
                value = spec.default_factory()
            else:
                raise TypeError(f"{name}.__init__() missing required argument: {spec.name!r}")
            object.__setattr__(self, spec.name, value)
        if values:
            raise TypeError(f"{name}.__init__() got an unexpected keyword argument "
                            f"{next(iter(values))!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle and copy rebuild the record through __init__: restoring its state attribute
        # by attribute would meet the __setattr__ below
        return (type(self), tuple(getattr(self, spec.name) for spec in fields(cast(Any, self))))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
