"""quick_init: a frozen dataclass made faster stays the same frozen dataclass."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import FrozenInstanceError, InitVar, dataclass, field
from datetime import UTC, datetime

import pytest
from doccontrol.model.findings import Finding, Severity
from doccontrol.model.frozen import quick_init
from doccontrol.model.history import BroughtIn, ChangeEvent, ChangeKind, FileChange, Identity
from doccontrol.model.messages import Message, msg
from doccontrol.rules.approval import Claim, Ground, Parties, ReviewVerdict, Verdict
from doccontrol.rules.control import Revision, SignOff


@dataclass(frozen=True)
class _Plain:
    name: str
    count: int = 3
    tags: tuple[str, ...] = ()
    items: list[int] = field(default_factory=list)
    note: str = field(default="", kw_only=True)


_Quick = quick_init(
    dataclass(frozen=True)(
        type(
            "_Quick",
            (),
            {
                "__annotations__": dict(_Plain.__annotations__),
                "count": 3,
                "tags": (),
                "items": field(default_factory=list),
                "note": field(default="", kw_only=True),
            },
        )
    )
)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("a",), {}),
        (("a", 5), {}),
        (("a",), {"tags": ("x",), "note": "n"}),
        ((), {"name": "b", "items": [1, 2], "count": 0}),
    ],
)
def test_same_values_as_dataclasses_init(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    plain, quick = _Plain(*args, **kwargs), _Quick(*args, **kwargs)  # type: ignore[arg-type]
    assert dataclasses.asdict(plain) == dataclasses.asdict(quick)
    assert str(inspect.signature(_Plain)) == str(inspect.signature(_Quick))


def test_default_factory_gives_each_instance_its_own_value() -> None:
    first, second = _Quick("a"), _Quick("b")
    first.items.append(1)
    assert second.items == []


def test_still_frozen_hashable_and_replaceable() -> None:
    made = _Quick("a", 2, ("t",))
    with pytest.raises(FrozenInstanceError):
        made.name = "b"
    assert dataclasses.replace(made, count=9).count == 9
    assert dataclasses.replace(made, count=9).name == "a"
    assert made == _Quick("a", 2, ("t",))
    assert made != _Quick("a", 3, ("t",))
    with pytest.raises(TypeError):
        _Quick()  # the required field is still required
    with pytest.raises(TypeError):
        _Quick("a", 2, (), [], "positional note")  # kw_only stays keyword-only


def test_refuses_what_it_would_mishandle() -> None:
    with pytest.raises(TypeError, match="frozen"):

        @quick_init
        @dataclass
        class Mutable:
            a: int

    with pytest.raises(TypeError, match="__post_init__"):

        @quick_init
        @dataclass(frozen=True)
        class Checked:
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="__slots__"):

        @quick_init
        @dataclass(frozen=True, slots=True)
        class Slotted:
            a: int

    with pytest.raises(TypeError, match="__init__"):

        @quick_init
        @dataclass(frozen=True)
        class Hidden:
            a: int
            b: int = field(default=0, init=False)

    with pytest.raises(TypeError, match="InitVar"):

        @quick_init
        @dataclass(frozen=True)
        class Passed:
            a: int
            b: InitVar[int] = 0


def _twin(cls: type) -> type:
    """The same class, with the ``__init__`` dataclasses writes."""
    return dataclass(frozen=True)(
        type(cls.__name__, (), {"__annotations__": {f.name: f.type for f in dataclasses.fields(cls)},
                                **{f.name: f for f in dataclasses.fields(cls)}})
    )


_WHEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
_WHO = Identity("张三", "zhang@example.cn")
_CHANGE = FileChange(ChangeKind.MODIFIED, "procedures/qp-01.md", "procedures/qp-01.md", "b" * 40, "a" * 40)
_MODEL = [
    _CHANGE,
    BroughtIn("c" * 40, _WHO, (), False, "修订", (("Approved-by", "x <x@y>"),), _WHO, True),
    ChangeEvent("d" * 40, ("e" * 40,), _WHO, _WHO, _WHEN, _WHEN, "s", "b", (), (_CHANGE,)),
    msg("unapproved-change.hint", commit="d" * 8),
    Finding(Severity.ERROR, "a.md", 3, "unapproved-change", msg("cli.none")),
]


def test_hot_model_classes_keep_their_fields_and_defaults() -> None:
    """Every model class given quick_init takes the same arguments, with the same
    defaults, as the __init__ dataclasses would have written for it."""
    for cls in (FileChange, BroughtIn, ChangeEvent, Message, Finding, Claim, Ground, Verdict,
                Parties, ReviewVerdict, Revision, SignOff):
        assert cls.__init__.__module__ == cls.__module__
        assert "__dict__" in cls.__init__.__code__.co_names, f"{cls.__name__} lost quick_init"
        assert str(inspect.signature(cls)) == str(inspect.signature(_twin(cls))), cls.__name__
        with pytest.raises(FrozenInstanceError):
            object_of(cls).__setattr__(dataclasses.fields(cls)[0].name, None)


def object_of(cls: type) -> object:
    for made in _MODEL:
        if type(made) is cls:
            return made
    required = [f for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    return cls(*([None] * len(required)))
