"""Frozen dataclasses that are cheap to make.

The ``__init__`` that ``dataclasses`` writes for a frozen class sets each field
through ``object.__setattr__``, because the class's own ``__setattr__`` refuses.
That costs about three times what filling the instance's dictionary costs. The
replay makes several frozen values per commit: the change, its files, the
parties, the verdict, the revision. At a hundred thousand commits, those
``__init__`` calls were a tenth of ``register``'s time.

:func:`quick_init` gives such a class an ``__init__`` with the same signature
that stores the fields straight into the new instance's ``__dict__``. Nothing
else changes: the class is still a frozen dataclass. Assignment raises
``FrozenInstanceError``, and ``replace``, ``fields``, equality, ordering and
hashing are still the ones ``dataclasses`` made. A class with features this
``__init__`` does not reproduce (``__post_init__``, ``InitVar``, fields left out
of ``__init__``, slots) is refused when it is decorated, not mishandled later.
"""

from __future__ import annotations

import dataclasses
import inspect
import keyword
from typing import Any, TypeVar

_Class = TypeVar("_Class", bound=type)


class _Factory:
    """Stands for a value a default factory will make; shown as dataclasses shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def quick_init(cls: _Class) -> _Class:
    """Replace a frozen dataclass's generated ``__init__`` with one that fills ``__dict__``."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: quick_init cannot keep __post_init__ or __slots__")
    generated = cls.__dict__["__init__"]  # dataclasses' own
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    positional: list[str] = []
    keyword_only: list[str] = []
    after: list[str] = []  # default factories, called when no value was given
    stores: list[str] = []
    for field in dataclasses.fields(cls):
        name = field.name
        if not field.init or not name.isidentifier() or keyword.iskeyword(name):
            raise TypeError(f"{cls.__name__}.{name}: quick_init needs every field in __init__")
        if field.default is not dataclasses.MISSING:
            names[f"_default_{name}"] = field.default
            param = f"{name}=_default_{name}"
        elif field.default_factory is not dataclasses.MISSING:
            names[f"_factory_{name}"] = field.default_factory
            param = f"{name}=_FACTORY"
            after.append(f"    if {name} is _FACTORY:\n        {name} = _factory_{name}()\n")
        else:
            param = name
        (keyword_only if field.kw_only else positional).append(param)
        stores.append(f"    d[{name!r}] = {name}\n")
    if len(inspect.signature(generated).parameters) != len(stores) + 1:
        # An InitVar is an argument but not a field: it would be dropped.
        raise TypeError(f"{cls.__name__}: quick_init cannot keep an InitVar")
    signature = ", ".join(["self", *positional, *(["*", *keyword_only] if keyword_only else [])])
    source = f"def __init__({signature}):\n{''.join(after)}    d = self.__dict__\n{''.join(stores)}"
    made: dict[str, Any] = {}
    exec(source, names, made)  # as dataclasses itself writes __init__
    init = made["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = generated.__doc__
    init.__annotations__ = dict(generated.__annotations__)
    cls.__init__ = init  # type: ignore[misc]  # replaced on the class, as dataclasses does
    return cls
