"""The tree is the architecture (ARCHITECTURE.md): pure packages stay pure, git has one home.

These tests read the package's own source with :mod:`ast`, so a lazy import
inside a function counts as much as one at the top of a module; and they import
every pure module in a fresh interpreter that refuses the adapter libraries.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "plugins" / "doccontrol"

PURE_PACKAGES = ("model", "sources", "rules", "registers", "rendering", "workflow")
# Mixed packages: pure modules beside the adapter that wires them.
PURE_MODULES = (
    "site.build",
    "site.pages",
    "site.nav",
    "site.redlines",
    "site.urls",
    "site.forge",
    "site.start",
    "site.search_words",
    "site.docs_pages",
    "site.html_stash",
    "site.search_view",
    "site.register_pages",
    "site.record_pages",
    "edition.plan",
    "edition.html",
    "edition.sandbox",
    "edition.manifest",
    "edition.verify",
    "edition.markup",
    "edition.preflight",
)
SHELL = ("history", "project", "cli", "site.plugin", "site.downloads", "edition.build", "edition.store",
         "edition.pdf", "edition.sign", "edition.site", "edition.layout",
         "edition.fonts", "edition.printcheck", "edition.parts", "edition.partcache", "edition.diagrams",
         "edition.assemble",
         "edition.fontshare")
ADAPTER_LIBRARIES = ("mkdocs", "material", "weasyprint", "pyhanko", "git", "subprocess")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _all_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _pure_modules() -> list[str]:
    names = _all_modules()
    pure = [m for m in names if m.split(".")[0] in PURE_PACKAGES]
    return sorted([*pure, *PURE_MODULES])


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, lazily or not, except under ``if TYPE_CHECKING``."""
    tree = ast.parse(path.read_text("utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                type_only.update(id(n) for n in ast.walk(inner))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: imports are absolute in this package"
            module = node.module or ""
            found.append((node.lineno, module))
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return found


def _is_shell(target: str) -> bool:
    if not target.startswith("doccontrol."):
        return False
    inner = target.removeprefix("doccontrol.")
    return any(inner == s or inner.startswith(s + ".") for s in SHELL)


def test_every_module_is_classified_as_pure_or_shell() -> None:
    """A new package has to be placed on one side of the line, and ARCHITECTURE.md says which."""
    top_level = {m.split(".")[0] for m in _all_modules() if m}
    known = {*PURE_PACKAGES, "history", "project", "cli", "site", "edition", "__main__"}
    assert top_level <= known, f"unclassified packages: {sorted(top_level - known)}"
    architecture = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    for package in sorted(top_level - {"__main__"}):
        assert f"`{package}/`" in architecture, f"ARCHITECTURE.md does not describe {package}/"


@pytest.mark.parametrize("module", _pure_modules())
def test_pure_modules_import_no_shell_and_no_adapter(module: str) -> None:
    path = _all_modules()[module]
    for line, target in _imports(path):
        root = target.split(".")[0]
        assert root not in ADAPTER_LIBRARIES, f"{path.relative_to(ROOT)}:{line}: pure module imports {target}"
        assert not _is_shell(target), f"{path.relative_to(ROOT)}:{line}: pure module imports shell {target}"


def test_only_the_history_package_runs_git() -> None:
    for module, path in _all_modules().items():
        if module.startswith("history"):
            continue
        for line, target in _imports(path):
            root = target.split(".")[0]
            assert root not in ("git", "subprocess"), (
                f"{path.relative_to(ROOT)}:{line}: only doccontrol.history runs git ({target})"
            )


def test_pure_modules_load_without_the_adapter_libraries() -> None:
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {ADAPTER_LIBRARIES[:-1]!r}:\n"
        "            raise ImportError('pure code imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import doccontrol.{m}\n" for m in _pure_modules())
    )
    proc = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_every_package_says_what_it_holds() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text("utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(ROOT)} needs a docstring saying what it holds"


# A section reference reads ``FILE.md §N`` or ``FILE.md §N.M``; it must name a heading of that file.
_REFERENCE = re.compile(r"(?P<file>[\w./-]+\.md)?\s*§\s*(?P<number>\d+(?:\.\d+)*)")


def _headings(markdown: Path) -> set[str]:
    numbers: set[str] = set()
    for line in markdown.read_text("utf-8").splitlines():
        m = re.match(r"#+\s+(\d+(?:\.\d+)*)\.?\s", line)
        if m:
            numbers.add(m.group(1))
    return numbers


def test_every_section_reference_names_a_heading_that_exists() -> None:
    sources = [*PACKAGE.rglob("*.py"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]
    checked = 0
    for source in sources:
        if source == Path(__file__):
            continue
        for number, line in enumerate(source.read_text("utf-8").splitlines(), 1):
            where = f"{source.relative_to(ROOT)}:{number}"
            assert "DESIGN" not in line, f"{where}: DESIGN.md is not in the repository; cite ARCHITECTURE.md"
            for ref in _REFERENCE.finditer(line):
                assert ref["file"], f"{where}: a § reference names its file (ARCHITECTURE.md §N)"
                target = ROOT / ref["file"]
                assert target.is_file(), f"{where}: {ref['file']} does not exist"
                assert ref["number"] in _headings(target), f"{where}: {ref['file']} has no section {ref['number']}"
                checked += 1
    assert checked >= 10  # the code does cite the architecture; a regex that matched nothing would pass


def test_the_reference_checker_catches_a_dangling_reference(tmp_path: Path) -> None:
    page = tmp_path / "A.md"
    page.write_text("# Title\n\n## 3. Rules\n\n### 3.1 Approval\n", "utf-8")
    assert _headings(page) == {"3", "3.1"}
    refs = [m.groupdict() for m in _REFERENCE.finditer("see A.md §3.1 and §4")]
    assert refs == [{"file": "A.md", "number": "3.1"}, {"file": None, "number": "4"}]
