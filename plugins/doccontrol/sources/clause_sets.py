"""The clause sets shipped with doccontrol, and how a clause reference is normalised.

The ``clauses`` option names either a file in the repository or one of
:data:`BUILTIN`; a built-in set is package data (``clause_sets/NAME.yml``), so it
reads the same on every machine and in a wheel.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

from doccontrol.model.documents import Clause, Standard

BUILTIN = ("sbt-10382-2004", "gb-t-19001-2016", "iso-13485-2016")

_PREFIX = re.compile(r"^(?:§|clause|条款|第)\s*", re.IGNORECASE)
# 4.2.1 b)   4.2.1(b)   4.2.1 b   4.2.1 条   4.2.1.
_REFERENCE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s*(?:\(?[a-z]\)|[a-z]|条)?$", re.IGNORECASE)


def is_builtin(name: str) -> bool:
    return name in BUILTIN


def builtin_text(name: str) -> str | None:
    """The YAML of a built-in clause set, or None when ``name`` is not one."""
    if not is_builtin(name):
        return None
    return resources.files("doccontrol.sources").joinpath(f"clause_sets/{name}.yml").read_text("utf-8")


def normalise_clause(reference: str) -> str:
    """``4.2.1 b)``, ``４.２.１（ｂ）``, ``clause 4.2.1`` and ``4.2.1.`` all name clause ``4.2.1``.

    A list item (a letter, bracketed or not) names the clause it belongs to;
    full-width digits and brackets read as their ASCII forms. Anything else is
    kept as written, so that an unknown reference is reported as typed.
    """
    text = unicodedata.normalize("NFKC", reference).strip()
    text = _PREFIX.sub("", text)
    match = _REFERENCE.match(text)
    return match.group(1) if match else reference.strip()


def resolve_clause(standard: Standard, reference: str) -> Clause | None:
    """The clause a reference names: itself, else the nearest listed parent (7.5.1 → 7.5)."""
    number = normalise_clause(reference)
    while number:
        clause = standard.clause(number)
        if clause is not None:
            return clause
        number = number.rpartition(".")[0]
    return None
