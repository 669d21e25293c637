"""Issue 15: no finding or error is given a sentence, only a catalog entry.

A plain string given to ``error()``, ``warning()`` or an error of the one family would
reach the user in one language only (and mypy, strict, refuses it too: they take a
``Message``). This reads the package's source, so that a string built in the call
(a literal, an f-string, a concatenation or a ``%``/``.format`` of one) is caught
even where the type checker is not run.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import doccontrol
from doccontrol.model import errors

PACKAGE = Path(doccontrol.__file__).parent
FINDINGS = {"error", "warning"}


def _error_classes() -> set[str]:
    """The error family: DocControlError, its subclasses in ``model.errors``, and every
    class the package derives from one of them (``Refused``, ``SandboxRefusal``…)."""
    family = {
        name
        for name, value in inspect.getmembers(errors, inspect.isclass)
        if issubclass(value, errors.DocControlError)
    }
    classes = [
        (node.name, {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases})
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ClassDef)
    ]
    grew = True
    while grew:
        grew = False
        for name, bases in classes:
            if name not in family and bases & family:
                family.add(name)
                grew = True
    return family


def _is_text(node: ast.expr) -> bool:
    """A string made in place: a literal, an f-string, or an expression built from one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in {"format", "join"} and _is_text(node.func.value)
    return False


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _plain_messages() -> list[str]:
    family = _error_classes()
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            if name in FINDINGS and len(node.args) >= 4:
                given = [node.args[3]]
            elif name in family:
                given = node.args[:1] + [k.value for k in node.keywords if k.arg == "message"]
            else:
                continue
            if any(_is_text(arg) for arg in given):
                where = path.relative_to(PACKAGE.parent).as_posix()
                found.append(f"{where}:{node.lineno}: {name}(...) is given a plain string")
    return found


def test_no_finding_or_error_is_given_a_plain_string() -> None:
    assert _plain_messages() == []


def test_the_check_sees_the_calls_it_is_about() -> None:
    """The check is not vacuous: the package does raise its errors and make findings."""
    family = _error_classes()
    assert {"ConfigError", "RepositoryError", "UsageError"} <= family
    calls = [
        _name(node)
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call)
    ]
    assert calls.count("error") > 50 and calls.count("warning") > 20
    assert sum(calls.count(name) for name in family) > 30
    bad = ast.parse('error("a.md", 1, "x", f"{1} no")').body[0]
    assert isinstance(bad, ast.Expr) and isinstance(bad.value, ast.Call)
    assert _is_text(bad.value.args[3])
