"""FrozenRecord subclasses behave as the frozen dataclasses they replace."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from figcheck.checking.derived.rules import DerivedRules, rules
from figcheck.checking.evidence import AlignWeights, align_weights
from figcheck.checking.wordlists import AlignWords, align_words
from figcheck.frozen_record import FrozenRecord


class _Record(FrozenRecord):
    first: int
    second: str
    third: tuple[int, ...] = ()
    fourth: list[int] = field(default_factory=list)


@dataclass(frozen=True, eq=False, repr=False)
class _Plain:
    first: int
    second: str
    third: tuple[int, ...] = ()
    fourth: list[int] = field(default_factory=list)


class _Child(_Record):
    fifth: int = 5


def _state(record: object) -> tuple[object, ...]:
    return tuple(getattr(record, f.name) for f in dataclasses.fields(record))  # type: ignore[arg-type]


@pytest.mark.parametrize(("args", "kwargs"), [
    ((1, "a"), {}), ((1,), {"second": "a"}), ((), {"second": "a", "first": 1}),
    ((1, "a", (2,)), {"fourth": [3]}), ((1, "a", (2,), [3]), {}),
])
def test_init_takes_the_fields_as_the_dataclass_does(args, kwargs):
    assert _state(_Record(*args, **kwargs)) == _state(_Plain(*args, **kwargs))


@pytest.mark.parametrize(("args", "kwargs"), [
    ((), {}), ((1,), {}), ((1, "a", (), [], 5), {}), ((1, "a"), {"first": 2}),
    ((1, "a"), {"fifth": 5}),
])
def test_init_refuses_what_the_dataclass_refuses(args, kwargs):
    with pytest.raises(TypeError):
        _Plain(*args, **kwargs)
    with pytest.raises(TypeError):
        _Record(*args, **kwargs)


def test_defaults_are_not_shared():
    assert _Record(1, "a").fourth is not _Record(1, "a").fourth


@pytest.mark.parametrize("make", [lambda: _Record(1, "a"), lambda: _Child(1, "a")])
def test_a_record_is_frozen(make):
    record = make()
    with pytest.raises(FrozenInstanceError):
        record.first = 2
    with pytest.raises(FrozenInstanceError):
        del record.first
    with pytest.raises(FrozenInstanceError):
        record.other = 3
    assert record.first == 1


@pytest.mark.parametrize("make", [lambda: _Record(1, "a", (2,)), lambda: _Child(1, "b", fifth=6)])
def test_replace_copy_and_pickle_keep_the_fields(make):
    record = make()
    assert _state(dataclasses.replace(record, first=5)) == (5, *_state(record)[1:])
    for again in (copy.copy(record), copy.deepcopy(record), pickle.loads(pickle.dumps(record))):
        assert type(again) is type(record) and _state(again) == _state(record)


def test_a_subclass_adds_its_fields_after_its_bases():
    assert [f.name for f in dataclasses.fields(_Child)] == ["first", "second", "third", "fourth",
                                                            "fifth"]
    assert _Child(1, "a").fifth == 5


def test_records_compare_by_identity():
    record = _Record(1, "a")
    assert record == record and record != _Record(1, "a")


@pytest.mark.parametrize(("cls", "build"), [
    (DerivedRules, rules), (AlignWeights, align_weights), (AlignWords, align_words),
])
def test_the_holders_are_still_frozen_dataclasses(cls, build):
    built = build()
    assert build() is built  # built once
    assert dataclasses.is_dataclass(cls) and isinstance(built, FrozenRecord)
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(built, name, None)
    assert _state(dataclasses.replace(built)) == _state(built)
